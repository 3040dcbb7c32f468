import { defineConfig } from 'vitest/config';
import StartOrder from './tests/start-order.ts';

// `npm test` runs these projects; none of them grows with the real library (docs/ARCHITECTURE.md, "Tests"):
// - unit (and unit-isolated): fast tests of src/, on fixtures and made-up lessons;
// - e2e: the fixture library (tests/fixtures/library) built once (globalSetup, while the unit tests run) and driven in
//   Debian's Chromium; its files wait for that build (setupFiles) and only read it, so they run side by side;
// - build: whole builds, `npm run new` and `npm run dev` on scratch copies of fixtures, each file in a copy of the
//   project (tests/build/project.ts) with Astro's cache folders its own, so they run beside everything else.
// `npm run test:real` runs the fourth, real: the real library's build (`npm run build` first) smoke-tested, and the
// search's recall and precision measured on it, and its pupil packs read back.

/** Unit tests that replace a module (vi.mock of node:fs): they need modules of their own. */
const ISOLATED = ['tests/model/no-outside-reads.test.ts'];

export default defineConfig({
  test: {
    // Tests read messages in English unless they ask for Ukrainian (the default for authors), and "today" is fixed so
    // the "verified more than six months ago" warnings do not depend on the clock. Child processes inherit both.
    env: { LESSON_KITS_LANG: 'en', LESSON_KITS_TODAY: '2026-12-06' },
    // Browser and build tests mostly wait on Chromium and child processes: more files at once than cores pays off.
    maxWorkers: 3,
    // The build tests first, then the unit tests while the fixture library builds, the browser tests last (start-order.ts).
    sequence: { sequencer: StartOrder },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/build/**', 'tests/real/**', ...ISOLATED, 'node_modules/**'],
          // Files share a worker's modules (fonts, HarfBuzz, the model) instead of importing them again: most of a
          // unit file's time was its imports. A test must not assume a fresh process (counters are read as differences).
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'unit-isolated',
          include: ISOLATED,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/wait-for-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll returns as soon as its condition holds; the default second is too short for a shared, loaded machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'real',
          include: ['tests/real/**/*.test.ts'],
          globalSetup: ['tests/real/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
