/**
 * The deflate helper thread (`deflate.ts` starts it): compresses batches of streams while the painting thread goes
 * on writing pages. It never returns to its event loop: it sleeps on a shared counter, so the painting thread can
 * hand it work and collect results without either side waiting for an event-loop turn (`receiveMessageOnPort`).
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads'
import { deflate } from './zlib.ts'
import { DONE, READY, SUBMITTED, type HelperJob, type HelperReply } from './deflate-protocol.ts'

const { control, port } = workerData as { control: Int32Array; port: MessagePort }
/**
 * ms the helper watches for the next batch before it sleeps. A thread that sleeps can take milliseconds to run again
 * on a virtual machine's core (measured here: 0.1–2.5 ms), longer than a kit takes to write a batch.
 */
const SPIN_MS = 2

Atomics.store(control, READY, 1)
Atomics.notify(control, READY)
for (;;) {
  const submitted = Atomics.load(control, SUBMITTED)
  for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
    port.postMessage(run(received.message as HelperJob))
    Atomics.add(control, DONE, 1)
    Atomics.notify(control, DONE)
  }
  // Sleeps until the painting thread submits more (a batch submitted since `submitted` was read wakes it at once).
  if (!submittedWithin(submitted, SPIN_MS)) Atomics.wait(control, SUBMITTED, submitted)
}

/** True if a batch is submitted within `ms` (watched without sleeping). */
function submittedWithin(submitted: number, ms: number): boolean {
  const until = performance.now() + ms
  while (performance.now() < until) if (Atomics.load(control, SUBMITTED) !== submitted) return true
  return false
}

/** Deflates one batch; a failure is reported, and the painting thread then deflates the batch itself. */
function run(job: HelperJob): HelperReply {
  try {
    return { id: job.id, deflated: job.streams.map(deflate) }
  } catch {
    return { id: job.id }
  }
}
