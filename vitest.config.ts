import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests; and end-to-end tests that build the real site once (globalSetup),
// drive it in Debian's Chromium, and run whole builds of fixture libraries. Builds share Astro's
// cache folders, so the e2e project runs its files one at a time, after the global build.
export default defineConfig({
  test: {
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
