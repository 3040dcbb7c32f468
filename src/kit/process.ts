/**
 * The kits' own process (`renderKits` with `ownProcess`): copies the jobs it is sent from the cache or renders them on
 * warm worker threads, and sends each result back, so the memory the kits take is apart from the process that asked
 * (the build, whose Astro builds the pages meanwhile). Ends once every job is done.
 */
import { runJobs, type KitProcessMessage, type KitProcessRequest } from './batch.ts';

// The build that asked has gone (it failed, or was stopped): nothing is waiting for the rest.
process.once('disconnect', () => process.exit(1));

const send = (message: KitProcessMessage) => new Promise<void>((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));

process.once('message', async (request: KitProcessRequest) => {
  await runJobs(request.jobs, request.run, (index, result) => void send({ index, result }));
  await send({ done: true });
  process.removeAllListeners('disconnect');
  process.disconnect();
});
