/** One step of the build, for the summary table `npm run build` prints. */
export interface BuildStep {
  name: string;
  /** What was produced, e.g. "34 pages". */
  detail: string;
  ms: number;
  /** ms since the process started, when the step ended (for the bench's memory per step). */
  end?: number;
  /** The step it ran alongside, if any. */
  alongside?: string;
}

/** Where steps are reported. The build script and the Astro integration are loaded as separate module instances (Astro bundles its config), so they meet on a global key. */
const KEY = Symbol.for('lesson-kits.build-steps');

type Sink = (step: BuildStep) => void;

/** Send a finished step to the build script's summary, or to `fallback` when Astro runs on its own. */
export function reportStep(step: BuildStep, fallback: (line: string) => void): void {
  const sink = (globalThis as Record<symbol, Sink | undefined>)[KEY];
  if (sink) sink(step);
  else fallback(`${step.name}: ${step.detail} in ${formatMs(step.ms)}`);
}

/** Collect steps reported while `run` goes, in order. */
export async function collectSteps<T>(run: () => Promise<T>, steps: BuildStep[]): Promise<T> {
  (globalThis as Record<symbol, Sink | undefined>)[KEY] = (step) => steps.push({ ...step, end: step.end ?? performance.now() });
  try {
    return await run();
  } finally {
    delete (globalThis as Record<symbol, Sink | undefined>)[KEY];
  }
}

/** Milliseconds as "850 ms" or "4.2 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Time an async step. */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}
