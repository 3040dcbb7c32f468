/** A kit-rendering worker: fonts and hyphenation patterns stay warm across the jobs it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { renderBandBundleFiles, renderLessonFileProducts, type KitResult } from './index.ts';
import type { KitJob, KitJobResult, KitWorkerData, KitWorkerMessage, WrittenFile } from './batch.ts';
import type { SiteMap } from '../model/site-map.ts';
import { allowDeflateHelper, startDeflateHelper } from './paint/deflate.ts';
import { KeyMaker, storeEntry, type KitCache } from './cache.ts';
import type { ValidLesson } from '../model/load.ts';
import { loadFonts } from './text/fonts.ts';
import { warmUp } from './warm-up.ts';

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

parentPort!.on('message', (message: KitWorkerMessage) => {
  busy = busy.then(() => handle(message));
});

/** Take the site map, warm up, or run a job and answer with its result. */
async function handle(message: KitWorkerMessage): Promise<void> {
  if (message.kind === 'site') site = message.site;
  // A warm-up that fails (the library's shared data has errors the build reports) has warmed what it ran.
  else if (message.kind === 'warm-up') await warmUp(message.lessonsDir, message.paper).catch(() => false);
  else parentPort!.postMessage(await run(message));
}

/** Render one job: a lesson file into its kit and pupil pack, or a band's lesson files into its bundle (or a volume of it). */
async function run(job: KitJob): Promise<KitJobResult> {
  const started = performance.now();
  const file = job.kind === 'lesson' ? job.file : job.out;
  const products: [string, KitResult][] = [];
  const lessons: ValidLesson[] = [];
  const render = { paper: job.paper, site, onLoad: (lesson: ValidLesson) => lessons.push(lesson) };
  if (job.kind === 'lesson') {
    const { kit, pupils } = await renderLessonFileProducts(job.file, job.lessonsDir, render, { pupils: job.pupilsOut !== undefined });
    products.push([job.out, kit]);
    if (job.pupilsOut !== undefined) products.push([job.pupilsOut, pupils]);
  } else {
    products.push([job.out, await renderBandBundleFiles(job.files, job.band, job.lessonsDir, render, job.volume)]);
  }
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
  if (job.cacheEntry && renderedKey(job, job.cacheEntry.cache, lessons) === job.cacheEntry.key) await storeEntry(job.cacheEntry.cache, job.cacheEntry.key, stored);
  return { file, ok: true, written, ms: performance.now() - started };
}

/**
 * The key of what was rendered: the lessons as this worker read them, the shared data as it is now. It differs from
 * the job's key (made from the files as the run checked them) when a file was saved while the run went on; the render
 * is then not stored, or the cache would hand the new text's kit to the old text, should the file be put back.
 */
function renderedKey(job: KitJob, cache: KitCache, lessons: readonly ValidLesson[]): string | undefined {
  const keys = new KeyMaker(cache, job.lessonsDir, job.paper);
  if (job.kind === 'lesson') return lessons[0] && keys.lesson(lessons[0]);
  return lessons[0] && keys.bundle(job.band, lessons[0].lang, job.volume, lessons.map((lesson) => keys.lesson(lesson)));
}
