import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests; and end-to-end tests that build the real site once (globalSetup),
// drive it in Debian's Chromium, and run whole builds of fixture libraries. Builds share Astro's
// cache folders, so the e2e project runs its files one at a time, after the global build.
export default defineConfig({
  test: {
    // Tests read messages in English unless they ask for Ukrainian (the default for authors), and "today" is fixed so
    // the "verified more than six months ago" warnings do not depend on the clock. Child processes inherit both.
    env: { LESSON_KITS_LANG: 'en', LESSON_KITS_TODAY: '2026-12-06' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/build/**', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/build/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
