/** A kit-rendering worker: fonts and hyphenation patterns stay warm across the lessons it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { renderLessonFile } from './index.ts';
import type { KitJob, KitJobResult, KitWorkerData } from './batch.ts';
import { allowDeflateHelper, startDeflateHelper } from './paint/deflate.ts';

// A helper thread per worker only while there are cores to spare for it; started now, so the first kit has it.
const data = workerData as KitWorkerData | undefined;
if (data) allowDeflateHelper(data.deflateHelper);
startDeflateHelper();

parentPort!.on('message', async (job: KitJob) => {
  parentPort!.postMessage(await run(job));
});

/** Render one lesson file into its kit path. */
async function run(job: KitJob): Promise<KitJobResult> {
  const started = performance.now();
  const result = await renderLessonFile(job.file, job.lessonsDir, job.paper);
  if (!result.ok) return { file: job.file, ok: false, diagnostics: result.diagnostics };
  await mkdir(dirname(job.out), { recursive: true });
  await writeFile(job.out, result.pdf);
  return { file: job.file, ok: true, out: job.out, pages: result.pages, bytes: result.pdf.length, ms: performance.now() - started };
}
