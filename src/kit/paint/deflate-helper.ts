/**
 * The helper thread (`deflate.ts` starts it): compresses batches of streams while the painting thread goes on writing
 * pages, and, while a document's pages are laid out, finds the characters of each face's text and subsets the fonts. It never returns to its event loop: it sleeps on
 * a shared counter, so the painting thread can hand it work and collect results without either side waiting for an
 * event-loop turn (`receiveMessageOnPort`).
 */
import { readFileSync } from 'node:fs'
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads'
import { fontFile } from '../text/font-files.ts'
import { prepareSubsets, subsetFace, type SubsetSource } from '../text/subset.ts'
import { FONT_IDS, type FontId } from '../text/types.ts'
import { deflate } from './zlib.ts'
import { DONE, READY, SUBMITTED, type HelperJob, type HelperReply, type SubsetProgram } from './deflate-protocol.ts'
import { charactersOf } from '../layout/inline.ts'

const { control, port } = workerData as { control: Int32Array; port: MessagePort }
/**
 * ms the helper watches for the next job before it sleeps. A thread that sleeps can take milliseconds to run again
 * on a virtual machine's core (measured here: 0.1–2.5 ms), longer than a kit takes to write a batch.
 */
const SPIN_MS = 2

/** The original faces, read from their files (the subsetter needs only the bytes, not the metrics). */
const faces = new Map<FontId, Uint8Array>(FONT_IDS.map((id) => [id, new Uint8Array(readFileSync(fontFile(id)))]))

// HarfBuzz is compiled and the faces loaded before the helper says it is ready, so no kit waits on that.
prepareSubsets(FONT_IDS.map((id) => ({ id, bytes: faces.get(id)!, postscriptName: '' })))
Atomics.store(control, READY, 1)
Atomics.notify(control, READY)
for (;;) {
  const submitted = Atomics.load(control, SUBMITTED)
  for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
    port.postMessage(run(received.message as HelperJob))
    Atomics.add(control, DONE, 1)
    Atomics.notify(control, DONE)
  }
  // Sleeps until the painting thread submits more (a job submitted since `submitted` was read wakes it at once).
  if (!submittedWithin(submitted, SPIN_MS)) Atomics.wait(control, SUBMITTED, submitted)
}

/** True if a job is submitted within `ms` (watched without sleeping). */
function submittedWithin(submitted: number, ms: number): boolean {
  const until = performance.now() + ms
  while (performance.now() < until) if (Atomics.load(control, SUBMITTED) !== submitted) return true
  return false
}

/** Does one job; a failure is reported, and the painting thread then does the work itself. */
function run(job: HelperJob): HelperReply {
  try {
    if ('streams' in job) return { id: job.id, deflated: job.streams.map(deflate) }
    const { texts, postscriptNames } = job.fonts
    return { id: job.id, subsets: [...charactersOf(texts)].map(([font, codePoints]) => subsetProgram(font, codePoints, postscriptNames[FONT_IDS.indexOf(font)]!)) }
  } catch {
    return { id: job.id }
  }
}

/** A face subset to these characters, deflated. */
function subsetProgram(font: FontId, codePoints: number[], postscriptName: string): SubsetProgram {
  const source: SubsetSource = { id: font, bytes: faces.get(font)!, postscriptName }
  const { bytes, name } = subsetFace(source, codePoints)
  return { font, codePoints, name, length: bytes.length, deflated: deflate(bytes) }
}
