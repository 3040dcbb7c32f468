/** A kit-rendering worker: fonts and hyphenation patterns stay warm across the jobs it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { renderBandBundleFiles, renderLessonFileProducts, renderLoadedBundle, renderLoadedProducts, type KitResult } from './index.ts';
import type { KitJob, KitJobResult, KitWarmedUp, KitWorkerData, KitWorkerMessage, WarmUpMessage, WrittenFile } from './batch.ts';
import type { SiteMap } from '../model/site-map.ts';
import { allowDeflateHelper, startDeflateHelper } from './paint/deflate.ts';
import { KeyMaker, storeEntry, withPicturesNow, type KitCache } from './cache.ts';
import type { ValidLesson } from '../model/load.ts';
import { loadFonts } from './text/fonts.ts';
import { renderAhead, warmUp } from './warm-up.ts';
import { aheadTargets } from './run-record.ts';

// A helper thread per worker only while there are cores to spare for it; started now, so the first kit has it.
const data = workerData as KitWorkerData | undefined;
if (data) allowDeflateHelper(data.deflateHelper);
startDeflateHelper();
// The fonts now, while the build validates the lessons (the kits' process starts its workers then), not with the first job.
loadFonts();

/** The library's site map as the run read it, shared by every job (until it is sent, each lesson's load reads it). */
let site: SiteMap | undefined;

/** What the worker is doing: messages are handled one after another (a job sent during the warm-up waits for it). */
let busy: Promise<unknown> = Promise.resolve();

/** Whether the run's jobs have come: the site map is sent ahead of them, and a render ahead stops when it arrives. */
let runBegun = false;

parentPort!.on('message', (message: KitWorkerMessage) => {
  // A site map sent after the warm-up is the run's (a worker started for a run already under way gets it before).
  if (message.kind === 'warm-up') runBegun = false;
  else if (message.kind === 'site') runBegun = true;
  busy = busy.then(() => handle(message));
});

/** Take the site map, warm up (answering with the keys rendered ahead), or run a job and answer with its result. */
async function handle(message: KitWorkerMessage): Promise<void> {
  if (message.kind === 'site') site = message.site;
  else if (message.kind === 'warm-up') parentPort!.postMessage({ kind: 'warmed', renderedAhead: await prepare(message) } satisfies KitWarmedUp);
  else parentPort!.postMessage(await run(message));
}

/** Render ahead what the saved lessons need, if asked to and any were saved; else the warm-up lesson. The keys stored. */
async function prepare(message: WarmUpMessage): Promise<string[]> {
  // Rendering ahead is a guess, and a warm-up a head start: neither that fails (an unreadable record or lessons
  // folder, shared data with errors the build reports) may fail the build.
  try {
    const targets = message.renderAhead && message.cache ? aheadTargets(message.cache, message.lessonsDir) : [];
    const stored = targets.length ? await renderAhead(targets, message.cache!, message.lessonsDir, message.paper, () => runBegun) : [];
    // Nothing rendered ahead (the cache had it all, or the run came first): the warm-up lesson, while there is time.
    if (!stored.length && !runBegun) await warmUp(message.lessonsDir, message.paper);
    return stored;
  } catch {
    // What it ran has warmed the worker all the same.
  }
  return [];
}

/** Render one job: a lesson file into its kit and pupil pack, or a band's lesson files into its bundle (or a volume of it). */
async function run(job: KitJob): Promise<KitJobResult> {
  const started = performance.now();
  const file = job.kind === 'lesson' ? job.file : job.out;
  const products: [string, KitResult][] = [];
  const lessons: ValidLesson[] = [];
  const render = { paper: job.paper, site, onLoad: (lesson: ValidLesson) => lessons.push(lesson) };
  const { checked } = job;
  if (job.kind === 'lesson') {
    const which = { pupils: job.pupilsOut !== undefined };
    const { kit, pupils } = checked ? await renderLoadedProducts(checked[0]!, job.lessonsDir, render, which) : await renderLessonFileProducts(job.file, job.lessonsDir, render, which);
    products.push([job.out, kit]);
    if (job.pupilsOut !== undefined) products.push([job.pupilsOut, pupils]);
  } else {
    products.push([job.out, checked ? await renderLoadedBundle(checked, job.band, job.lessonsDir, render, job.volume) : await renderBandBundleFiles(job.files, job.band, job.lessonsDir, render, job.volume)]);
  }
  // What was rendered: the lessons as the run checked them, or as this worker read them; their pictures as the render
  // read them again, so hashed after it.
  const rendered = (checked ?? lessons).map((lesson) => withPicturesNow(lesson));
  // Nothing is written unless every product of the job rendered.
  const stopped = products.find(([, result]) => !result.ok)?.[1];
  if (stopped && !stopped.ok) return { file, ok: false, diagnostics: stopped.diagnostics };
  const written: WrittenFile[] = [];
  const stored: { pdf: Uint8Array; pages: number }[] = [];
  for (const [out, result] of products) {
    if (!result.ok) continue;
    await mkdir(dirname(out), { recursive: true });
    // The file there may be a hard link into the kit cache (a product restored by an earlier run): replace it rather
    // than write through the link into the cache's entry.
    await rm(out, { force: true });
    await writeFile(out, result.pdf);
    written.push({ out, pages: result.pages, bytes: result.pdf.length });
    stored.push(result);
  }
  if (job.cacheEntry && renderedKey(job, job.cacheEntry.cache, rendered) === job.cacheEntry.key) await storeEntry(job.cacheEntry.cache, job.cacheEntry.key, stored);
  return { file, ok: true, written, ms: performance.now() - started };
}

/**
 * The key of what was rendered: its lessons, and the shared data as it is now. It differs from the job's key (made
 * from the files as the run checked them) when a file was saved while the run went on; the render is then not stored,
 * or the cache would hand the new text's kit to the old text, should the file be put back.
 */
function renderedKey(job: KitJob, cache: KitCache, lessons: readonly ValidLesson[]): string | undefined {
  return new KeyMaker(cache, job.lessonsDir, job.paper).products(job.kind === 'bundle' ? job : undefined, lessons);
}
