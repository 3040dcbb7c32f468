/**
 * Render many print products in parallel on worker threads, one per core, each kept warm: every lesson's teacher kit and
 * pupil pack (one job, one reading of the lesson), and every band's bundle.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../model/diagnostics.ts';
import type { ValidLesson } from '../model/load.ts';
import { siteMapFor, type SiteMap } from '../model/site-map.ts';
import { BAND_IDS, type BandId } from '../model/bands.ts';
import { LANGS } from '../model/formats.ts';
import type { Paper } from './layout/index.ts';
import { bandBundleFileName, bundleVolumes, compareBundleLessons, kitFileName, pupilPackFileName, type VolumeNumber } from './files.ts';
import { hasEntry, KeyMaker, pruneCache, restoreEntry, type KitCache } from './cache.ts';
import { recordRun } from './run-record.ts';

export { kitFileName, pupilPackFileName, bandBundleFileName } from './files.ts';

/** Where a job's products are stored in the cache once rendered. */
export interface JobCacheEntry {
  cache: KitCache;
  key: string;
}

/** One job: a lesson's kit and (with `pupilsOut`) its pupil pack, or a band's bundle of kits (or one volume of it). */
export type KitJob = (
  | { kind: 'lesson'; file: string; out: string; pupilsOut?: string; paper: Paper; lessonsDir: string }
  | { kind: 'bundle'; band: BandId; volume?: number; files: string[]; out: string; paper: Paper; lessonsDir: string }
) & {
  cacheEntry?: JobCacheEntry;
  /**
   * The job's lessons as the run checked them (its file, or its files in order), sent with a job the cache does not
   * have: the worker renders them rather than read and check the files again. Without them it reads the files.
   */
  checked?: ValidLesson[];
};

/**
 * Checked lessons sent with the jobs, at most: every job's would be ~120 kB a lesson in the kits' process, all held from
 * the start; this many covers the jobs of an edit to a few lessons (a lesson's kit and the volumes that hold it).
 */
const CHECKED_LESSONS_SENT = 60;

/** What a worker is started with. */
export interface KitWorkerData {
  /** Whether its renders may use a deflate helper thread (`paint/deflate.ts`): only when the workers leave a core free. */
  deflateHelper: boolean;
}

/** A file a job wrote. */
export interface WrittenFile {
  out: string;
  pages: number;
  bytes: number;
}

/** What a worker reports back for a job: the files it wrote (kit and pupil pack, or the bundle), or the author errors. */
export type KitJobResult =
  | {
      file: string;
      ok: true;
      written: WrittenFile[];
      ms: number;
      /** Copied from the cache, not rendered. */
      cached?: boolean;
      /** Rendered ahead, while the build checked the lessons (src/kit/warm-up.ts), then copied from the cache. */
      ahead?: boolean;
    }
  | { file: string; ok: false; diagnostics: Diagnostic[] };

/** True for a result copied from the cache that this build did not render: not one rendered ahead. */
export function fromCache(result: KitJobResult): boolean {
  return result.ok && result.cached === true && result.ahead !== true;
}

/** ms of restoring from the cache between two looks at the workers' answers. */
const YIELD_EVERY_MS = 20;

/** Kits one warm worker renders in the time another worker takes to start (fonts, HarfBuzz: ~0.3 s vs ~20 ms a kit). */
const KITS_PER_WORKER_START = 16;

/** Workers worth starting for a number of kits: more only when each has enough kits to repay its start. */
export function workersFor(kits: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.ceil(kits / KITS_PER_WORKER_START)));
}

/** One file of a band's bundle: the band's lessons in one language, or one volume of them. */
export interface BandBundle {
  band: BandId;
  lang: ValidLesson['lang'];
  lessons: ValidLesson[];
  /** Set when the band has more than VOLUME_LESSONS lessons in this language (`band-<id>.vol-01.pdf` …). */
  volume?: VolumeNumber;
}

/**
 * The files of every band's bundle: youngest band first; in each, a language's lessons by title, as the site lists them,
 * in one file, or in consecutive volumes of VOLUME_LESSONS lessons; bands and languages without lessons have none.
 */
export function bandBundles(lessons: readonly ValidLesson[]): BandBundle[] {
  return BAND_IDS.flatMap((band) =>
    LANGS.flatMap((lang) => {
      const members = lessons
        .filter((lesson) => lesson.lang === lang && lesson.data.bands.includes(band))
        .sort((a, b) => compareBundleLessons({ title: a.data.title, slug: a.slug }, { title: b.data.title, slug: b.slug }));
      return members.length ? bundleVolumes(members).map((part) => ({ band, lang, ...part })) : [];
    }),
  );
}

/** How `renderKits` runs. */
export interface RenderKitsOptions {
  outDir: string;
  lessonsDir: string;
  paper?: Paper;
  /** Workers to start at most (default: one per core, fewer for a small library). */
  workers?: number;
  bundles?: boolean;
  /** The content-hash cache: unchanged products are copied from it, new ones stored in it (src/kit/cache.ts). */
  cache?: KitCache;
  /**
   * Render in the kits' own process, started earlier (the build: its memory then stays apart from Astro's, which builds
   * the pages at the same time), rather than on worker threads of this one.
   */
  ownProcess?: KitsProcess;
  /** Warm workers to render on, kept after the run (its owner terminates them); else workers are started for the run. */
  workerPool?: KitWorkers;
  /** Stops the kits' own process (the build stops it when the pages fail). */
  signal?: AbortSignal;
  /** Render every product even where the cache has it (`--no-cache`); what is rendered is still stored. */
  renderAll?: boolean;
  /** When the lessons were read (ms since the epoch; default: now): the date of the run's record in the cache. */
  lessonsReadAt?: number;
  onResult?: (result: KitJobResult, done: number, total: number) => void;
}

/**
 * Render every given lesson's kit and pupil pack, and with `bundles` every band's bundle of them, into `outDir`; with a
 * `cache`, a product whose inputs are unchanged is copied from it instead. Results come back in the order of the jobs:
 * bundles first, largest first (the longest jobs start first), then the lessons in the given order.
 */
export async function renderKits(lessons: readonly ValidLesson[], options: RenderKitsOptions): Promise<KitJobResult[]> {
  const readAt = options.lessonsReadAt ?? Date.now();
  const jobs = planKitJobs(lessons, options);
  const results = new Array<KitJobResult>(jobs.length);
  let done = 0;
  const report = (index: number, result: KitJobResult) => {
    results[index] = result;
    options.onResult?.(result, ++done, jobs.length);
  };
  // Read once here (the build has just read it to validate the lessons, so it is already known) rather than by each worker.
  const run = { renderAll: options.renderAll ?? false, workers: options.workers, site: siteMapFor(options.lessonsDir) };
  const own = options.ownProcess;
  await (own ? own.run(jobs, run, report, options.signal) : runJobs(jobs, run, report, options.workerPool));
  if (options.cache && options.bundles) {
    await pruneCache(options.cache);
    await recordRun(options.cache, options.lessonsDir, jobs, readAt);
  }
  return results;
}

/** The jobs for a library: every band's bundle (with `bundles`), then every lesson; each with its cache key. */
function planKitJobs(lessons: readonly ValidLesson[], options: RenderKitsOptions): KitJob[] {
  const paper = options.paper ?? 'a4';
  const keys = options.cache ? new KeyMaker(options.cache, options.lessonsDir, paper) : undefined;
  const lessonKeys = new Map(lessons.map((lesson) => [lesson, keys?.lesson(lesson)]));
  const entry = (key: string | undefined) => (options.cache && key ? { cacheEntry: { cache: options.cache, key } } : {});
  // The largest bundle first: the longest job should not be the last to start.
  const bundles = (options.bundles ? bandBundles(lessons) : []).sort((a, b) => b.lessons.length - a.lessons.length);
  const bundleJobs: KitJob[] = bundles.map(({ band, lang, lessons: members, volume }) => ({
    kind: 'bundle',
    checked: members,
    band,
    ...(volume ? { volume: volume.number } : {}),
    files: members.map((lesson) => lesson.file),
    out: join(options.outDir, bandBundleFileName(band, lang, paper, volume)),
    paper,
    lessonsDir: options.lessonsDir,
    ...entry(keys?.bundle(band, lang, volume?.number, members.map((member) => lessonKeys.get(member)!))),
  }));
  return sendChecked(
    [
      ...bundleJobs,
      ...lessons.map((lesson): KitJob => ({
        kind: 'lesson',
        checked: [lesson],
        file: lesson.file,
        out: join(options.outDir, kitFileName(lesson.slug, lesson.lang, paper)),
        pupilsOut: join(options.outDir, pupilPackFileName(lesson.slug, lesson.lang, paper)),
        paper,
        lessonsDir: options.lessonsDir,
        ...entry(lessonKeys.get(lesson)),
      })),
    ],
    options.renderAll ?? false,
  );
}

/**
 * The jobs with their checked lessons kept on those the cache will not serve, up to CHECKED_LESSONS_SENT lessons in
 * all, and dropped from the rest.
 */
function sendChecked(jobs: KitJob[], renderAll: boolean): KitJob[] {
  let room = CHECKED_LESSONS_SENT;
  return jobs.map(({ checked, ...job }) => {
    const renders = renderAll || !job.cacheEntry || !hasEntry(job.cacheEntry.cache, job.cacheEntry.key);
    if (!checked || !renders || checked.length > room) return job;
    room -= checked.length;
    return { ...job, checked };
  });
}

/** How jobs are run: whether the cache is read, on how many workers at most. */
export interface JobRun {
  renderAll: boolean;
  workers?: number;
  /** The site map of the jobs' library, handed to every worker. */
  site?: SiteMap;
}

/**
 * Copy each job's products from the cache where it has them (unless `renderAll`), render the rest on warm workers;
 * report each result as it comes. The jobs the cache has no entry for are rendered from the start, while the others
 * are copied (a one-lesson rebuild's renders overlap the copying); an entry found damaged on copying joins them. In
 * the kits' own process when there is one: the copying then never waits for another part of the build's event loop
 * (Astro's page build blocks it for seconds at a time).
 */
export async function runJobs(jobs: readonly KitJob[], run: JobRun, report: (index: number, result: KitJobResult) => void, started?: KitWorkers): Promise<void> {
  // The site map tells warm workers the run has begun: one rendering ahead stops after the product under way, and what
  // it stored is then in the cache.
  started?.useSite(run.site);
  const ahead = (await started?.renderedAhead()) ?? new Set<string>();
  const stored = (job: KitJob) => job.cacheEntry !== undefined && !run.renderAll && hasEntry(job.cacheEntry.cache, job.cacheEntry.key);
  const queue = new JobQueue(jobs.flatMap((job, index) => (stored(job) ? [] : [index])));
  const workers = started ?? new KitWorkers(run.workers ?? workersFor(Math.max(1, queue.size)));
  if (!started) workers.useSite(run.site);
  // Workers it was given stay for their owner's next run; its own end with it.
  const rendering = started ? renderJobs(jobs, queue, workers, report) : renderJobs(jobs, queue, workers, report).finally(() => workers.terminate());
  rendering.catch(() => undefined); // awaited below, once the copying is done; a worker's crash must not go unhandled first
  try {
    let yielded = performance.now();
    for (const [index, job] of jobs.entries()) {
      if (!stored(job)) continue;
      const started = performance.now();
      const restored = restoreEntry(job.cacheEntry!.cache, job.cacheEntry!.key, productFiles(job));
      const renderedAhead = ahead.has(job.cacheEntry!.key) ? { ahead: true } : {};
      if (restored) report(index, { file: job.kind === 'lesson' ? job.file : job.out, ok: true, written: restored, ms: performance.now() - started, cached: true, ...renderedAhead });
      else queue.push(index);
      // The restores are synchronous: now and then the workers' answers and the next jobs they wait for go first.
      if (performance.now() - yielded > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        yielded = performance.now();
      }
    }
  } finally {
    queue.close();
  }
  await rendering;
}

/** The files a job writes, in the order the cache stores them. */
function productFiles(job: KitJob): string[] {
  return job.kind === 'lesson' && job.pupilsOut !== undefined ? [job.out, job.pupilsOut] : [job.out];
}

/** Jobs waiting for a worker, in order; more may come until it is closed (entries found damaged while copying). */
class JobQueue {
  readonly #waiting: number[];
  readonly #sleepers: (() => void)[] = [];
  #closed = false;

  constructor(indexes: readonly number[]) {
    this.#waiting = [...indexes];
  }

  get size(): number {
    return this.#waiting.length;
  }

  push(index: number): void {
    this.#waiting.push(index);
    this.#wake();
  }

  close(): void {
    this.#closed = true;
    this.#wake();
  }

  /** The next job; waits while the queue is empty but open; undefined once it is closed and empty. */
  async next(): Promise<number | undefined> {
    while (!this.#waiting.length && !this.#closed) await new Promise<void>((resolve) => this.#sleepers.push(resolve));
    return this.#waiting.shift();
  }

  #wake(): void {
    for (const wake of this.#sleepers.splice(0)) wake();
  }
}

/**
 * What a worker is sent: a job; the site map of the jobs that follow (sent once, before the first); or a warm-up render
 * with a library's shared data (src/kit/warm-up.ts), sent when it is started ahead of its jobs.
 */
export type KitWorkerMessage = KitJob | { kind: 'site'; site: SiteMap | undefined } | WarmUpMessage;

/** A warm-up, and whether this worker renders ahead (the first does). */
export type WarmUpMessage = { kind: 'warm-up'; renderAhead: boolean } & WarmUp;

/** A worker's answer to its warm-up: the keys of the products it rendered ahead and stored. */
export interface KitWarmedUp {
  kind: 'warmed';
  renderedAhead: string[];
}

/**
 * The library a warm-up render takes its shared data from, and the paper; with `cache`, the first worker renders ahead
 * the products of the lessons saved since the cache's last run (src/kit/run-record.ts) and stores them there.
 */
export interface WarmUp {
  lessonsDir: string;
  paper: Paper;
  cache?: KitCache;
}

/** Workers to start ahead of the jobs, and what they warm up with. */
export interface PrepareWorkers {
  workers: number;
  warmUp?: WarmUp;
}

/**
 * The kit workers of a run, each started when first needed, or all at once ahead of the jobs (`startAll`: the build
 * starts them while it validates the lessons, so they have loaded the engine when the first job comes).
 */
export class KitWorkers {
  readonly size: number;
  readonly #data: KitWorkerData;
  readonly #workers: Worker[] = [];
  /** Each warm-up's answer: the keys it rendered ahead. */
  readonly #warmUps: Promise<string[]>[] = [];
  #site: SiteMap | undefined;

  constructor(size: number) {
    this.size = Math.max(1, size);
    this.#data = { deflateHelper: this.size < availableParallelism() };
  }

  /** Start every worker now; with `warmUp`, each warms up with that library first (the first renders ahead). */
  startAll(warmUp?: WarmUp): void {
    while (this.#workers.length < this.size) this.#start();
    if (!warmUp) return;
    for (const [i, worker] of this.#workers.entries()) {
      const warmed = answer<KitWarmedUp>(worker).then((message) => message.renderedAhead);
      warmed.catch(() => undefined); // a worker that crashed warming up fails the run that awaits it, not this process first
      this.#warmUps.push(warmed);
      worker.postMessage({ kind: 'warm-up', renderAhead: i === 0, ...warmUp } satisfies KitWorkerMessage);
    }
  }

  /** Once every warm-up is over. */
  async warmedUp(): Promise<void> {
    await Promise.all(this.#warmUps);
  }

  /** The keys the warm-ups rendered ahead, once every warm-up is over (told once: to the run that follows them). */
  async renderedAhead(): Promise<Set<string>> {
    return new Set((await Promise.all(this.#warmUps.splice(0))).flat());
  }

  /** Worker `index` (0 ≤ index < size), started if it was not. */
  get(index: number): Worker {
    while (this.#workers.length <= index) this.#start();
    return this.#workers[index]!;
  }

  /** The site map every worker renders with, from now on (workers started later are sent it too). */
  useSite(site: SiteMap | undefined): void {
    this.#site = site;
    // Sent even without a map: it also tells a worker rendering ahead that the run has begun.
    for (const worker of this.#workers) worker.postMessage({ kind: 'site', site } satisfies KitWorkerMessage);
  }

  /** End every worker started. */
  async terminate(): Promise<void> {
    await Promise.all(this.#workers.splice(0).map((worker) => worker.terminate()));
  }

  #start(): void {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: this.#data });
    if (this.#site) worker.postMessage({ kind: 'site', site: this.#site } satisfies KitWorkerMessage);
    this.#workers.push(worker);
  }
}

/**
 * Render the queue's jobs on the pool's workers, in order, reporting each result as it comes; a worker not yet started
 * is started when it takes its first job. Any worker takes any job: a bundle holds at most VOLUME_LESSONS lessons laid
 * out at once (a larger band is split into volumes), so a volume adds under 100 MB to its worker.
 */
async function renderJobs(jobs: readonly KitJob[], queue: JobQueue, workers: KitWorkers, report: (index: number, result: KitJobResult) => void): Promise<void> {
  await Promise.all(
    Array.from({ length: workers.size }, async (_, lane) => {
      for (let index = await queue.next(); index !== undefined; index = await queue.next()) report(index, await ask(workers.get(lane), jobs[index]!));
    }),
  );
}

/** What the kits' own process is sent: how many workers to start at once, then the jobs and how to run them. */
export type KitProcessRequest = { prepare: PrepareWorkers } | { jobs: readonly KitJob[]; run: JobRun };

/** What the kits' own process sends back: each result as it comes, then that it is done. */
export type KitProcessMessage = { index: number; result: KitJobResult } | { done: true };

/**
 * The kits' own process (src/kit/process.ts), started ahead of its jobs: the build starts it before it validates the
 * lessons, and meanwhile the process and its workers load the engine. It runs one set of jobs, then ends.
 */
export class KitsProcess {
  readonly #child: ChildProcess;
  /** How the process ended: its exit, or why it could not start. */
  readonly #ended: Promise<string>;

  /**
   * Start the process and, with `prepare`, that many kit workers in it, warmed up with the shared data of the library
   * its jobs will come from.
   */
  constructor(prepare?: PrepareWorkers) {
    this.#child = fork(fileURLToPath(new URL('./process.ts', import.meta.url)), [], { serialization: 'advanced', stdio: 'inherit' });
    this.#ended = new Promise((resolve) => {
      this.#child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`));
      this.#child.once('error', (error) => resolve(error.message));
    });
    if (prepare) this.#child.send({ prepare } satisfies KitProcessRequest, (error) => error && this.stop());
  }

  /** Run the jobs, reporting each result as it comes; stopped (the process killed) when `signal` aborts. */
  run(jobs: readonly KitJob[], run: JobRun, report: (index: number, result: KitJobResult) => void, signal?: AbortSignal): Promise<void> {
    let finished = false;
    this.#child.on('message', (message: KitProcessMessage) => {
      if ('done' in message) finished = true;
      else report(message.index, message.result);
    });
    const stop = () => this.stop();
    signal?.addEventListener('abort', stop, { once: true });
    // A process that has gone cannot take the jobs: the end below says how it went.
    this.#child.send({ jobs, run } satisfies KitProcessRequest, (error) => error && this.stop());
    return this.#ended.then((how) => {
      signal?.removeEventListener('abort', stop);
      if (!finished) throw new Error(`the kits' process stopped (${how}) before it had rendered every kit`);
    });
  }

  /** End the process (its jobs are not needed: the build stopped). */
  stop(): void {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill();
  }
}

/** Send one job to a worker and wait for its answer (a crash becomes a rejected promise). */
function ask(worker: Worker, job: KitJob): Promise<KitJobResult> {
  const result = answer<KitJobResult>(worker);
  worker.postMessage(job);
  return result;
}

/** A worker's next answer (a crash becomes a rejected promise). */
function answer<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (cause: Error) => reject(cause);
    worker.once('error', onError);
    worker.once('message', (message: T) => {
      worker.off('error', onError);
      resolve(message);
    });
  });
}
