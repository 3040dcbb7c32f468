/**
 * The V8 heap limit of the process where Astro builds the pages (the build process, or each slice's process for a
 * library built in slices: src/site/page-slices.ts). V8 sizes its heap limit from the machine's memory and lets garbage
 * pile up below it, and most of Astro's heap while it bundles is garbage; a limit a few times the live heap makes V8
 * collect sooner. It grows with the lessons built, so a larger slice gets room rather than an out-of-memory stop
 * (measurements in docs/ARCHITECTURE.md, "The build at scale", Memory).
 */

/** MB: the least heap limit, whatever the library. */
const BASE_HEAP_MB = 1024;
/** MB: the heap the page build needs before its lessons (Astro, Vite, the pages' own code), about twice its live heap. */
const FIXED_HEAP_MB = 256;
/** MB per lesson file: about twice the live heap a lesson file adds to the page build. */
const HEAP_MB_PER_LESSON_FILE = 0.6;

/** The V8 option that sets the limit. */
const OPTION = '--max-old-space-size';

/** The heap limit (MB) for building a library of this many lesson files. */
export function heapLimitMb(lessonFiles: number): number {
  return Math.round(Math.max(BASE_HEAP_MB, FIXED_HEAP_MB + lessonFiles * HEAP_MB_PER_LESSON_FILE));
}

/** Whether Node was started with a heap limit (by us, or by whoever runs the build). */
export function hasHeapLimit(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => arg.startsWith(OPTION)) || (process.env.NODE_OPTIONS ?? '').includes(OPTION);
}

/** The Node options to start the build with: the heap limit for the library, then the options it was started with. */
export function withHeapLimit(execArgv: readonly string[], lessonFiles: number): string[] {
  return [`${OPTION}=${heapLimitMb(lessonFiles)}`, ...execArgv];
}

/** Node options without the heap limit (for the kits' process, whose band bundles need a heap of their own). */
export function withoutHeapLimit(execArgv: readonly string[]): string[] {
  return execArgv.filter((arg) => !arg.startsWith(OPTION));
}
