/**
 * Where the global setup's build of the fixture library stands (`tests/.tmp/site-state.json`), for the test files that
 * must wait for it: it runs while the unit tests do.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The file that says it. */
const STATE_FILE = 'tests/.tmp/site-state.json';

/** ms: how long a file waits for the build (a loaded machine builds the fixture library in well under this). */
export const BUILD_WAIT_MS = 600_000;

/** The build's state in the test run `pid`: building, ready (built and served) or failed (with the build's output). */
export type SiteState = { pid: number } & ({ state: 'building' } | { state: 'ready' } | { state: 'failed'; error: string });

/** Record the build's state. */
export function writeSiteState(state: SiteState): void {
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state));
}

/** The build's state, or undefined when no running test run has one (the global setup did not run, or its run ended). */
function readSiteState(): SiteState | undefined {
  try {
    const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as SiteState;
    return isRunning(state.pid) ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process is still running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether this test run built the site and it is ready (a site left by an earlier run may be of other code). */
export function siteBuiltThisRun(): boolean {
  return readSiteState()?.state === 'ready';
}

/**
 * Wait while the build runs; throw with its output if it failed. With `required`, also throw when there is no build
 * (the e2e files need the site; the slices test builds its own when this run makes none).
 */
export async function waitForSite({ required }: { required: boolean }): Promise<void> {
  const started = Date.now();
  for (let state = readSiteState(); ; state = readSiteState()) {
    if (state?.state === 'ready') return;
    if (state?.state === 'failed') throw new Error(state.error);
    if (state === undefined) {
      if (required) throw new Error("no build of the fixture library: the e2e project's global setup did not run");
      return;
    }
    if (Date.now() - started > BUILD_WAIT_MS) throw new Error(`the fixture library's build did not finish within ${BUILD_WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
