/**
 * Setup file of the build project: its builds share Astro's cache folders with the global setup's build of the fixture
 * library, so they wait for it when it runs in the same test run (site-state.ts).
 */
import { beforeAll } from 'vitest';
import { BUILD_WAIT_MS, waitForSite } from '../e2e/site-state.ts';

beforeAll(() => waitForSite({ required: false }), BUILD_WAIT_MS + 10_000);
