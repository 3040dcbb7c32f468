/** A kit-rendering worker: fonts and hyphenation patterns stay warm across the jobs it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { renderBandBundleFiles, renderLessonFileProducts, type KitResult } from './index.ts';
import type { KitJob, KitJobResult, KitWorkerData, WrittenFile } from './batch.ts';
import { allowDeflateHelper, startDeflateHelper } from './paint/deflate.ts';
import { storeEntry } from './cache.ts';

// A helper thread per worker only while there are cores to spare for it; started now, so the first kit has it.
const data = workerData as KitWorkerData | undefined;
if (data) allowDeflateHelper(data.deflateHelper);
startDeflateHelper();

parentPort!.on('message', async (job: KitJob) => {
  parentPort!.postMessage(await run(job));
});

/** Render one job: a lesson file into its kit and pupil pack, or a band's lesson files into its bundle (or a volume of it). */
async function run(job: KitJob): Promise<KitJobResult> {
  const started = performance.now();
  const file = job.kind === 'lesson' ? job.file : job.out;
  const products: [string, KitResult][] = [];
  if (job.kind === 'lesson') {
    const { kit, pupils } = await renderLessonFileProducts(job.file, job.lessonsDir, job.paper, { pupils: job.pupilsOut !== undefined });
    products.push([job.out, kit]);
    if (job.pupilsOut !== undefined) products.push([job.pupilsOut, pupils]);
  } else {
    products.push([job.out, await renderBandBundleFiles(job.files, job.band, job.lessonsDir, job.paper, job.volume)]);
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
  if (job.cacheEntry) await storeEntry(job.cacheEntry.cache, job.cacheEntry.key, stored);
  return { file, ok: true, written, ms: performance.now() - started };
}
