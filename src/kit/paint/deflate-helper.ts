/**
 * The helper thread (`deflate.ts` starts it): lays out and paints the second part of a kit (`part.ts`) while the
 * first is laid out and painted on the rendering thread, subsets the fonts while the pages are laid out, and
 * compresses batches of streams while pages are written. It never returns to its event loop: it sleeps on a shared
 * counter, so the rendering thread can hand it work and collect results without either side waiting for an
 * event-loop turn (`receiveMessageOnPort`).
 */
import { readFileSync } from 'node:fs'
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads'
import { fontFile } from '../text/font-files.ts'
import { prepareSubsets, subsetFace, type SubsetSource } from '../text/subset.ts'
import { FONT_IDS, type FontId } from '../text/types.ts'
import { loadFonts } from '../text/fonts.ts'
import { hyphenateUk } from '../text/hyphenate.ts'
import { KitPart } from '../part.ts'
import { deflate } from './zlib.ts'
import { DONE, READY, SUBMITTED, type HelperJob, type HelperReply, type SubsetOrder, type SubsetProgram } from './deflate-protocol.ts'

const { control, port } = workerData as { control: Int32Array; port: MessagePort }
/**
 * ms the helper watches for the next job before it sleeps. A thread that sleeps can take milliseconds to run again
 * on a virtual machine's core (measured here: 0.1–2.5 ms), longer than a kit takes to write a batch.
 */
const SPIN_MS = 2
/**
 * ms it watches instead while a kit's part is between jobs: the rendering thread sends the next one (lay out again,
 * paint) as soon as its own part is laid out, and waits for the answer.
 */
const PART_SPIN_MS = 10
/** Whether a kit's part was laid out here and not yet painted (more work for it is coming). */
let partOpen = false

/** The original faces, read from their files (the subsetter needs only the bytes, not the metrics). */
const faces = new Map<FontId, Uint8Array>(FONT_IDS.map((id) => [id, new Uint8Array(readFileSync(fontFile(id)))]))

// HarfBuzz, the fonts' metrics and the hyphenation patterns are loaded before the helper says it is ready, so no kit
// waits on that.
prepareSubsets(FONT_IDS.map((id) => ({ id, bytes: faces.get(id)!, postscriptName: '' })))
loadFonts()
hyphenateUk('безпека')
/** Kit parts laid out here and not yet painted, by number; the oldest are dropped beyond PARTS_KEPT (renders that stopped). */
const parts = new Map<number, KitPart>()
const PARTS_KEPT = 8
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
  if (!submittedWithin(submitted, partOpen ? PART_SPIN_MS : SPIN_MS)) Atomics.wait(control, SUBMITTED, submitted)
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
    if ('subsets' in job) return { id: job.id, subsets: job.subsets.map(subsetProgram) }
    if ('part' in job) {
      const part = new KitPart(job.part.blocks, job.part.settings)
      parts.set(job.part.part, part)
      for (const old of parts.keys()) if (parts.size > PARTS_KEPT) parts.delete(old)
      partOpen = true
      return { id: job.id, part: part.layout() }
    }
    if ('relayout' in job) return { id: job.id, part: parts.get(job.relayout.part)!.layout(job.relayout.swaps) }
    if ('dropPart' in job) {
      parts.delete(job.dropPart)
      partOpen = parts.size > 0
      return { id: job.id }
    }
    const part = parts.get(job.paintPart.part)!
    parts.delete(job.paintPart.part)
    partOpen = parts.size > 0
    const painted = part.paint(job.paintPart.order)
    return { id: job.id, painted: { ...painted, contents: painted.contents.map(deflate) } }
  } catch {
    return { id: job.id }
  }
}

/** A face subset as ordered, deflated. */
function subsetProgram(order: SubsetOrder): SubsetProgram {
  const source: SubsetSource = { id: order.font, bytes: faces.get(order.font)!, postscriptName: order.postscriptName }
  const { bytes, name } = subsetFace(source, order.codePoints)
  return { name, length: bytes.length, deflated: deflate(bytes) }
}
