/**
 * Progress of the build's long steps. On a terminal: one line rewritten in place, every running step's part of it side
 * by side ("pages 812 (35/s) · kits 430/1250 (cached 420, 12/s)"). Elsewhere (CI logs, a file): a plain line every
 * PLAIN_EVERY_MS, so a log shows the build is alive without a line per page. Written to stderr: stdout keeps the
 * problems and the summary.
 */

/** ms between plain progress lines when not on a terminal. */
const PLAIN_EVERY_MS = 10_000;
/** ms between redraws of the terminal line. */
const REDRAW_EVERY_MS = 100;

/** Where progress goes: a stream that may be a terminal. */
export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Items a second, for a progress line: "35" or "0.8". */
export function rate(done: number, ms: number): string {
  const perSecond = ms > 0 ? (done * 1000) / ms : 0;
  return perSecond >= 10 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}

/** Where a build script shares its display with the Astro integration, which Astro loads as a module of its own. */
const SHARED = Symbol.for('lesson-kits.build-progress');

/** Make `progress` the display the build's steps report to, wherever they run (undefined: none). */
export function shareProgress(progress: Progress | undefined): void {
  (globalThis as Record<symbol, Progress | undefined>)[SHARED] = progress;
}

/** The display a build script shares, if one runs. */
export function sharedProgress(): Progress | undefined {
  return (globalThis as Record<symbol, Progress | undefined>)[SHARED];
}

/** The progress display: parts set by name, shown together. */
export class Progress {
  readonly #output: ProgressOutput;
  readonly #now: () => number;
  readonly #parts = new Map<string, string>();
  #lastDrawn = -Infinity;
  #shown = 0;

  constructor(output: ProgressOutput = process.stderr, now: () => number = () => performance.now()) {
    this.#output = output;
    this.#now = now;
  }

  /** Set a step's part of the line and show it when it is time to. */
  set(name: string, text: string): void {
    this.#parts.set(name, text);
    const due = this.#output.isTTY ? REDRAW_EVERY_MS : PLAIN_EVERY_MS;
    if (this.#now() - this.#lastDrawn >= due) this.#draw();
  }

  /** A step has finished: its part leaves the line. */
  end(name: string): void {
    this.#parts.delete(name);
    if (this.#output.isTTY) this.#draw();
  }

  /** Clear the terminal line (before other output, and at the end). */
  clear(): void {
    if (this.#output.isTTY && this.#shown) this.#output.write(`\r${' '.repeat(this.#shown)}\r`);
    this.#shown = 0;
  }

  #draw(): void {
    this.#lastDrawn = this.#now();
    const line = [...this.#parts.values()].join(' · ');
    if (!this.#output.isTTY) {
      if (line) this.#output.write(`${line}\n`);
      return;
    }
    const width = (this.#output as { columns?: number }).columns || 120; // a pseudo-terminal may report 0: unknown
    const shown = line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line;
    this.#output.write(`\r${shown}${' '.repeat(Math.max(0, this.#shown - shown.length))}\r${shown}`);
    this.#shown = shown.length;
  }
}
