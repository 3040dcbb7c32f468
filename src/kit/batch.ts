/** Render many kits in parallel on worker threads, one per core, each kept warm. */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../model/diagnostics.ts';
import type { ValidLesson } from '../model/load.ts';
import type { Lang } from '../model/formats.ts';
import type { Paper } from './layout/index.ts';

/** One kit to render. */
export interface KitJob {
  file: string;
  out: string;
  paper: Paper;
  lessonsDir: string;
}

/** What a worker is started with. */
export interface KitWorkerData {
  /** Whether its renders may use a deflate helper thread (`paint/deflate.ts`): only when the workers leave a core free. */
  deflateHelper: boolean;
}

/** What a worker reports back. */
export type KitJobResult =
  | { file: string; ok: true; out: string; pages: number; bytes: number; ms: number }
  | { file: string; ok: false; diagnostics: Diagnostic[] };

/** Kits one warm worker renders in the time another worker takes to start (fonts, HarfBuzz: ~0.3 s vs ~20 ms a kit). */
const KITS_PER_WORKER_START = 16;

/** Workers worth starting for a number of kits: more only when each has enough kits to repay its start. */
export function workersFor(kits: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.ceil(kits / KITS_PER_WORKER_START)));
}

/** The file name of a lesson's kit inside a kits folder: `<slug>.pdf`, `<slug>.en.pdf`. */
export function kitFileName(slug: string, lang: Lang): string {
  return `${slug}${lang === 'uk' ? '' : `.${lang}`}.pdf`;
}

/** Render every given lesson's kit into `outDir`; results come back in the order of `lessons`. */
export async function renderKits(
  lessons: readonly ValidLesson[],
  options: { outDir: string; lessonsDir: string; paper?: Paper; workers?: number; onResult?: (result: KitJobResult, done: number, total: number) => void },
): Promise<KitJobResult[]> {
  const jobs: KitJob[] = lessons.map((lesson) => ({
    file: lesson.file,
    out: join(options.outDir, kitFileName(lesson.slug, lesson.lang)),
    paper: options.paper ?? 'a4',
    lessonsDir: options.lessonsDir,
  }));
  const count = Math.max(1, Math.min(options.workers ?? workersFor(jobs.length), jobs.length));
  const results = new Array<KitJobResult>(jobs.length);
  let next = 0;
  let done = 0;
  const workerData: KitWorkerData = { deflateHelper: count < availableParallelism() };
  const workers = Array.from({ length: count }, () => new Worker(new URL('./worker.ts', import.meta.url), { workerData }));
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < jobs.length) {
          const index = next++;
          results[index] = await ask(worker, jobs[index]);
          options.onResult?.(results[index], ++done, jobs.length);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/** Send one job to a worker and wait for its answer (a crash becomes a rejected promise). */
function ask(worker: Worker, job: KitJob): Promise<KitJobResult> {
  return new Promise((resolve, reject) => {
    const onError = (cause: Error) => reject(cause);
    worker.once('error', onError);
    worker.once('message', (result: KitJobResult) => {
      worker.off('error', onError);
      resolve(result);
    });
    worker.postMessage(job);
  });
}
