/**
 * `npm run build`: validate → pages (a large library's in slices of lessons, src/site/page-slices.ts) → search index,
 * with the kits rendered alongside (they need only the lessons) → offline bundle → link check, into a staging folder
 * swapped in at the end, so a failed build leaves the previous dist/ untouched. Unchanged kits come from the
 * content-hash cache (src/kit/cache.ts; `--no-cache` renders every one). Shows progress while it runs and prints one
 * line per step with counts and timings.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { formatDiagnostic, hasErrors, loadLibrary, publishedLessons, sortDiagnostics, summarize } from '../src/model/index.ts';
import { missingDictionary } from '../src/site/lexicon.ts';
import { LESSONS_DIR } from '../src/site/config.ts';
import { fromCache, KitsProcess, renderKits, type KitJobResult } from '../src/kit/batch.ts';
import { openKitCache, type KitCache } from '../src/kit/cache.ts';
import { collectSteps, formatMs, timed, type BuildStep } from '../src/site/report.ts';
import { Progress, rate, shareProgress } from '../src/site/progress.ts';
import { countPages } from '../src/site/pages-progress.ts';
import { fillBundleSize, writeBundle } from '../src/site/bundle.ts';
import { buildInfo } from '../src/site/build-info.ts';
import { brokenLinks } from '../src/site/links.ts';
import { reportStrings, takeLangArgument } from '../src/i18n/messages/index.ts';
import { hasHeapLimit, withHeapLimit, withoutHeapLimit } from '../src/site/heap-limit.ts';
import { describeSlice, lessonFilesBySlug, mergeSlices, PAGE_SLICE_ENV, pageSliceFiles, planPageSlices, type PageSlice } from '../src/site/page-slices.ts';

/** The command line, `--lang uk|en` (the language of messages) taken out. */
const ARGS = takeLangArgument(process.argv.slice(2));
/** Where the finished site goes: dist/, or `--out <dir>`. */
const DIST = outArgument(ARGS) ?? 'dist';
/** `--no-cache`: render every kit, whatever the cache holds (the new kits are still stored in it). */
const NO_CACHE = ARGS.includes('--no-cache');
/** Where the next site is built; only a complete build is moved to DIST. */
const STAGING = `${DIST}.staging`;
/** Where the kits are rendered while Astro builds the pages (Astro empties its output folder first), moved in after. */
const KITS_STAGING = `${DIST}.kits`;
/** A file to write each step's start and end to (ms since the build started), for `npm run bench:scale`. */
const STEP_TRACE = process.env.LESSON_KITS_STEP_TRACE;
/** Records which lessons folder Astro's content cache (node_modules/.astro) was filled from, and the store as left. */
const CACHE_MARKER = 'node_modules/.astro/lessons-source';
/** Astro's content store, rewritten by every build, sync and dev server. */
const CONTENT_STORE = 'node_modules/.astro/data-store.json';
/** Where the previous site waits while the new one is moved in. */
const PREVIOUS = `${DIST}.previous`;
/** Where the slices of the pages are built, one folder each, before they are merged into the staging folder. */
const PAGE_SLICES = `${DIST}.pages`;
/** The script that builds one slice of the pages, in a process of its own. */
const PAGES_SCRIPT = join(import.meta.dirname, 'build-pages.ts');
/** The slices the pages are built in: one, built in this process, for a library that fits in one. */
const SLICES = existsSync(LESSONS_DIR) ? planPageSlices(lessonFilesBySlug(LESSONS_DIR), pageSliceFiles()) : [];
/**
 * Lesson files from which the kits' workers are started and warmed up while the lessons are validated: validating that
 * many takes longer than a warm-up, which is then free. A smaller library's validation is over before a warm-up is, and
 * its first kit would wait for it; its workers start when a kit is to be rendered, none when every kit is cached.
 */
const WARM_UP_FROM_FILES = 100;

/** The value of `--out <dir>` or `--out=<dir>`, if given. */
function outArgument(args: readonly string[]): string | undefined {
  const at = args.findIndex((arg) => arg === '--out' || arg.startsWith('--out='));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice('--out='.length) : args[at + 1];
}

// Astro builds the pages in this process (or each slice in one of its own): it runs again with a heap limit for its
// lessons (src/site/heap-limit.ts), unless one was given. The kits' process is started without it (its band bundles
// need their own heap).
if (!hasHeapLimit(process.execArgv) && existsSync(LESSONS_DIR)) {
  const run = spawnSync(process.execPath, [...withHeapLimit(process.execArgv, Math.max(...SLICES.map((slice) => slice.files))), ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
process.execArgv = withoutHeapLimit(process.execArgv);

process.env.ASTRO_TELEMETRY_DISABLED = '1'; // no request leaves this machine at build time
process.env.NODE_ENV = 'production'; // a build inherited from a test runner (NODE_ENV=test) must still hide drafts

/** Run the whole build; returns the exit code. */
async function main(): Promise<number> {
  const steps: BuildStep[] = [];
  const started = performance.now();
  // The kits' process (and for a large library its workers) loads the engine while the lessons are validated; stopped
  // if the build stops.
  const large = SLICES.reduce((sum, slice) => sum + slice.files, 0) >= WARM_UP_FROM_FILES;
  // Its first worker renders ahead what lessons saved since the last build need (src/kit/warm-up.ts), unless told to
  // render everything.
  const kitCache = openKitCache();
  const warmUp = { lessonsDir: LESSONS_DIR, paper: 'a4' as const, ...(NO_CACHE ? {} : { cache: kitCache }) };
  const kitsProcess = new KitsProcess(large ? { workers: availableParallelism(), warmUp } : undefined);
  try {
    return await buildWith(kitsProcess, kitCache, steps, started);
  } finally {
    kitsProcess.stop();
  }
}

/** The build, with the kits' process already started. */
async function buildWith(kitsProcess: KitsProcess, kitCache: KitCache, steps: BuildStep[], started: number): Promise<number> {
  const lessonsReadAt = Date.now();
  const checked = await timed(async () => loadLibrary(LESSONS_DIR));
  const library = checked.value;
  // The search index needs the dictionary: without it, say so now rather than after building every page.
  const problems = [...library.diagnostics, ...missingDictionary()];
  for (const diagnostic of sortDiagnostics(problems)) console.log(formatDiagnostic(diagnostic));
  if (hasErrors(problems)) {
    console.error(`\n${reportStrings().buildStopped(summarize(problems), DIST)}`);
    return 1;
  }
  const published = publishedLessons(library);
  steps.push({ name: 'validate', detail: `${library.lessons.length} lesson files, ${published.length} published, ${summarize(library.diagnostics, 'en')}`, ms: checked.ms, end: performance.now() });

  await Promise.all([STAGING, KITS_STAGING, PAGE_SLICES].map((folder) => rm(folder, { recursive: true, force: true })));
  const progress = new Progress();
  shareProgress(progress); // the search index reports to it, whether Astro's build or this script makes it
  const kitsStarted = performance.now();
  const finished = { lessons: 0, bundles: 0 };
  // Kits need only the lessons, not the site: they render while Astro builds the pages, on the cores it leaves idle.
  const stopKits = new AbortController();
  const kitsRun = timed(() => renderKits(published, {
    outDir: KITS_STAGING,
    lessonsDir: LESSONS_DIR,
    bundles: true,
    cache: kitCache,
    renderAll: NO_CACHE,
    lessonsReadAt,
    ownProcess: kitsProcess,
    // Every core, each worker taking the next job (band bundles and volumes first, largest first, then the lessons); the
    // operating system shares the cores with Astro.
    workers: availableParallelism(),
    onResult: kitProgress(progress, kitsStarted, finished),
    signal: stopKits.signal,
  }));
  kitsRun.catch(() => undefined); // awaited below; a failing page build must not leave it unhandled first

  const force = contentCacheIsForAnotherLibrary();
  await rm(CACHE_MARKER, { force: true }); // a build stopped halfway leaves the store in no known state
  const pagesStarted = performance.now();
  const counting = countPages(SLICES.length > 1 ? PAGE_SLICES : STAGING, (done) => progress.set('pages', reportStrings().progress.pages(done, rate(done, performance.now() - pagesStarted))));
  const pages = await timed(() => collectSteps(() => buildPages(force), steps))
    .finally(() => {
      counting.stop();
      progress.end('pages');
    })
    .catch(async (error: unknown) => {
      // No kit is needed any more, and none may be written into the staging folders once they are removed.
      stopKits.abort();
      await kitsRun.catch(() => undefined);
      progress.clear();
      throw error;
    });
  await recordContentCache();
  // Astro's build also ran the integration's steps (relative URLs, search index): the pages are what is left.
  const pagesMs = pages.ms - steps.slice(1).reduce((sum, step) => sum + step.ms, 0);
  const sliced = `in ${SLICES.length} slices of at most ${pageSliceFiles()} lesson files, a process each`;
  steps.splice(1, 0, { name: 'pages', detail: `astro build${SLICES.length > 1 ? ` ${sliced}` : ''}`, ms: pagesMs, end: pagesStarted + pagesMs });

  // A library built in slices is indexed for search now, while the kits are waited for and the offline bundle is
  // written (on the core Pagefind leaves idle); Astro's build of one piece has indexed it already.
  const indexing = SLICES.length > 1 ? collectSteps(async () => (await import('../src/site/integration.ts')).searchIndexStep(STAGING, (line) => console.log(line)), steps) : undefined;
  indexing?.catch(() => undefined); // awaited by the bundle, or below
  try {
    return await finishBuild(steps, started, { run: kitsRun, started: kitsStarted, finished, progress, lessons: published.length }, indexing);
  } catch (error) {
    await indexing?.catch(() => undefined); // nothing may be written into the staging folder once it is removed
    progress.clear();
    throw error;
  }
}

/** The kits' step as the pages' build leaves it: still rendering, or done. */
interface KitsUnderway {
  run: Promise<{ value: KitJobResult[]; ms: number }>;
  started: number;
  /** When the last lesson's kit and the last band bundle were done. */
  finished: { lessons: number; bundles: number };
  progress: Progress;
  /** The published lessons they are rendered for. */
  lessons: number;
}

/** The kits, the offline bundle (while the search index is made, when it is given), the link check and the swap. */
async function finishBuild(steps: BuildStep[], started: number, underway: KitsUnderway, indexing: Promise<void> | undefined): Promise<number> {
  const { started: kitsStarted, finished } = underway;
  const kits = await underway.run;
  underway.progress.clear();
  const failedKits = kits.value.filter((result) => !result.ok);
  if (failedKits.length) {
    for (const result of failedKits) for (const diagnostic of result.diagnostics) console.error(formatDiagnostic(diagnostic));
    console.error(`\n${reportStrings().kitsStopped(failedKits.length, DIST)}`);
    await indexing?.catch(() => undefined);
    await Promise.all([STAGING, KITS_STAGING].map((folder) => rm(folder, { recursive: true, force: true })));
    return 1;
  }
  if (existsSync(KITS_STAGING)) await rename(KITS_STAGING, join(STAGING, 'kits')); // none when every lesson is a draft
  const written = kits.value.flatMap((result) => (result.ok ? result.written : []));
  const pageCount = written.reduce((sum, file) => sum + file.pages, 0);
  const bundleNames = written.map((file) => basename(file.out)).filter((name) => name.startsWith('band-'));
  const volumes = bundleNames.map((name) => /^(.*)\.vol-\d+\.pdf$/.exec(name)?.[1]).filter((name) => name !== undefined);
  const inVolumes = new Set(volumes).size;
  const whole = bundleNames.length - volumes.length;
  const bundles = [whole || !inVolumes ? `${whole} band bundles in one file` : '', inVolumes ? `${inVolumes} band bundles in ${volumes.length} volumes` : ''].filter(Boolean).join(' and ');
  const cached = kits.value.filter(fromCache).length;
  const ahead = kits.value.filter((result) => result.ok && result.ahead).length;
  const kitsDone = reportStrings('en').progress.kitsDone(kits.value.length - cached, cached, ahead);
  const after = (at: number) => formatMs(Math.max(0, at - kitsStarted));
  const when = `lessons' kits done after ${after(finished.lessons)}, band bundles after ${after(finished.bundles)}`;
  steps.push({ name: 'kits', detail: `${underway.lessons} kits and pupil packs, ${bundles}, ${pageCount} pages; ${kitsDone}; ${when}`, ms: kits.ms, end: kitsStarted + kits.ms, alongside: 'pages' });

  const bundle = await timed(async () => {
    const zipStarted = performance.now();
    const onProgress = (done: number, total: number) => underway.progress.set('bundle', reportStrings().progress.bundle(done, total, rate(done, performance.now() - zipStarted)));
    const written = await writeBundle(STAGING, buildInfo(), { indexing, onProgress }).finally(() => underway.progress.end('bundle'));
    await fillBundleSize(STAGING, written.bytes);
    return written;
  });
  underway.progress.clear(); // every long step is over
  steps.push({ name: 'bundle', detail: `${relative(STAGING, bundle.value.file)}, ${(bundle.value.bytes / 1024 / 1024).toFixed(1)} MB, ${bundle.value.files} files`, ms: bundle.ms, end: performance.now(), alongside: indexing ? 'search index' : undefined });

  const links = await timed(() => brokenLinks(STAGING));
  if (links.value.length) {
    for (const link of links.value) console.error(`broken link: ${link}`);
    console.error(`\nbuild stopped: ${links.value.length} link(s) name no file of the site. ${DIST}/ was left as it was.`);
    await rm(STAGING, { recursive: true, force: true });
    return 1;
  }
  steps.push({ name: 'links', detail: 'every internal link names a file', ms: links.ms, end: performance.now() });

  await swapIn(STAGING, DIST);
  steps.sort((a, b) => stepRank(a) - stepRank(b));
  printSummary(steps, performance.now() - started);
  if (STEP_TRACE) await writeFile(STEP_TRACE, JSON.stringify(steps.map((step) => ({ name: step.name, ms: step.ms, start: (step.end ?? 0) - step.ms, end: step.end, detail: step.detail }))));
  return 0;
}

/**
 * Astro's build of the pages into the staging folder, with the relative URLs made over them: in this process for a
 * library of one slice (its search index made too); else each slice built by a process of its own, one after another
 * (only the first from an empty content cache when `force`: the later ones read the same library's), then merged.
 */
async function buildPages(force: boolean): Promise<void> {
  if (SLICES.length <= 1) {
    const { build } = await import('astro');
    return build({ outDir: STAGING, logLevel: 'warn', force });
  }
  const folders = SLICES.map((slice) => join(PAGE_SLICES, String(slice.index + 1)));
  for (const [n, slice] of SLICES.entries()) await buildSlice(slice, folders[n]!, force && n === 0);
  await mergeSlices(folders, STAGING);
  await rm(PAGE_SLICES, { recursive: true, force: true });
  const { relativizeStep } = await import('../src/site/integration.ts');
  await relativizeStep(STAGING, (line) => console.log(line));
}

/** Build one slice of the pages into `folder` in a process of its own, with a heap limit for its lessons. */
function buildSlice(slice: PageSlice, folder: string, force: boolean): Promise<void> {
  const args = [...withHeapLimit(process.execArgv, slice.files), PAGES_SCRIPT, '--out', folder, ...(force ? ['--force'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, [PAGE_SLICE_ENV]: JSON.stringify(slice) } });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => (code === 0 ? done() : fail(new Error(`the page build of ${describeSlice(slice)} failed (${signal ?? `exit ${code}`})`))));
  });
}

/** Shows the kits' progress as each job finishes, and notes when the last lesson's and the last bundle's were done. */
function kitProgress(progress: Progress, started: number, finished: { lessons: number; bundles: number }): (result: KitJobResult, done: number, total: number) => void {
  let cached = 0;
  return (result, done, total) => {
    if (fromCache(result)) cached++;
    finished[/(^|\/)band-[^/]*\.pdf$/.test(result.ok ? (result.written[0]?.out ?? '') : result.file) ? 'bundles' : 'lessons'] = performance.now();
    progress.set('kits', reportStrings().progress.kits(done, total, cached, rate(done, performance.now() - started)));
    if (done === total) progress.end('kits');
  };
}

/**
 * Astro caches parsed lessons by id; a build from another lessons folder (tests build fixtures) must not reuse them, nor
 * a cache written since by someone else (`astro sync` in `npm test`, `astro dev`), which may hold another library.
 */
function contentCacheIsForAnotherLibrary(): boolean {
  const previous = existsSync(CACHE_MARKER) ? readFileSync(CACHE_MARKER, 'utf8') : undefined;
  return previous !== contentCacheState();
}

/** The lessons folder this build reads and the state of Astro's content store: what the marker must match to reuse it. */
function contentCacheState(): string {
  const store = existsSync(CONTENT_STORE) ? statSync(CONTENT_STORE) : undefined;
  return JSON.stringify({ lessons: resolve(LESSONS_DIR), store: store ? [store.size, store.mtimeMs] : null });
}

/** After a build: the content store now holds this library's lessons, as this build left it. */
async function recordContentCache(): Promise<void> {
  await mkdir(dirname(CACHE_MARKER), { recursive: true });
  await writeFile(CACHE_MARKER, contentCacheState());
}

/** Replace DIST with the staged build in two renames, never leaving DIST half-written. */
async function swapIn(staging: string, dist: string): Promise<void> {
  await rm(PREVIOUS, { recursive: true, force: true });
  if (existsSync(dist)) await rename(dist, PREVIOUS);
  await rename(staging, dist);
  await rm(PREVIOUS, { recursive: true, force: true });
}

/** The steps in the order the table shows them, whichever finished first (unknown ones last). */
const STEP_ORDER = ['validate', 'pages', 'relative URLs', 'search index', 'kits', 'bundle', 'links'];

/** Where a step goes in the table. */
function stepRank(step: BuildStep): number {
  const at = STEP_ORDER.indexOf(step.name);
  return at < 0 ? STEP_ORDER.length : at;
}

/** The step table. */
function printSummary(steps: readonly BuildStep[], totalMs: number): void {
  const width = Math.max(...steps.map((step) => step.name.length));
  console.log('');
  for (const step of steps) console.log(`  ${step.name.padEnd(width)}  ${formatMs(step.ms).padStart(7)}  ${step.detail}${step.alongside ? ` (alongside ${step.alongside})` : ''}`);
  console.log(`  ${'total'.padEnd(width)}  ${formatMs(totalMs).padStart(7)}  → ${DIST}/`);
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    // Author errors are already printed with file:line by the checks above; anything here is a tool failure.
    console.error(error instanceof Error && error.name === 'AuthorError' ? error.message : error);
    await Promise.all([STAGING, KITS_STAGING, PAGE_SLICES].map((folder) => rm(folder, { recursive: true, force: true }))); // no half-built site is left
    console.error(`\nbuild failed; ${DIST}/ was left as it was.`);
    process.exit(1);
  },
);
