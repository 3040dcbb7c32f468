/** Setup file of the e2e project: its files read the global setup's build, so they wait for it (site-state.ts). */
import { beforeAll } from 'vitest';
import { BUILD_WAIT_MS, waitForSite } from './site-state.ts';

beforeAll(() => waitForSite({ required: true }), BUILD_WAIT_MS + 10_000);
