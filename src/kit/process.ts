/**
 * The kits' own process (`renderKits` with `ownProcess`, `KitsProcess` in batch.ts): starts its workers when asked to
 * prepare, then copies the jobs it is sent from the cache or renders them on those warm worker threads, and sends each
 * result back, so the memory the kits take is apart from the process that asked (the build, whose Astro builds the
 * pages meanwhile). Ends once every job is done.
 */
import { KitWorkers, runJobs, type KitProcessMessage, type KitProcessRequest } from './batch.ts';

// The build that asked has gone (it failed, or was stopped): nothing is waiting for the rest.
process.once('disconnect', () => process.exit(1));

const send = (message: KitProcessMessage) => new Promise<void>((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));

/** Workers started when asked to prepare, before the jobs come. */
let workers: KitWorkers | undefined;

process.on('message', async (request: KitProcessRequest) => {
  if ('prepare' in request) {
    workers = new KitWorkers(request.prepare.workers);
    workers.startAll(request.prepare.warmUp);
    return;
  }
  await runJobs(request.jobs, request.run, (index, result) => void send({ index, result }), workers);
  await workers?.terminate();
  await send({ done: true });
  process.removeAllListeners('disconnect');
  process.disconnect();
});
