/**
 * A document's streams, deflated in batches on two cores. Compressing is a sixth of a kit's render and needs nothing
 * but the bytes, so a helper thread (`deflate-helper.ts`) takes batches while the pages are still being written, and
 * the painting thread compresses only its share of what is left when the document is finished. Where no helper runs
 * (one core, not started yet, switched off, or failed), every stream is compressed here. Either way each stream gets
 * the same bytes (`zlib.ts`) and the same object number, so the kit is the same.
 */
import { availableParallelism } from 'node:os'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { PDFContext, PDFDict, PDFRef } from 'pdf-lib'
import { FinishedStream } from './stream.ts'
import { CONTROL_SLOTS, DONE, READY, SUBMITTED, type HelperJob, type HelperReply, type HelperWork } from './deflate-protocol.ts'
import { deflate } from './zlib.ts'

/** Bytes gathered before a batch goes to the helper: waking it costs about what deflating ~4 KB does. */
const BATCH_BYTES = 16_384
/**
 * Bytes the helper may have waiting before new streams stay here instead: more would leave it the fonts to deflate
 * at the end while this thread, done with its own work, waits.
 */
const BACKLOG_BYTES = BATCH_BYTES
/** Bytes the painting thread keeps beyond an even split at the end: what the helper's wake-up is worth. */
const WAKE_BYTES = 4_096
/** ms the painting thread watches for a batch it needs before it sleeps. */
const SPIN_MS = 2
/** ms to wait for a batch before giving up on the helper (only a stalled thread takes this long). */
const STALL_MS = 10_000

/** A stream waiting to be deflated: its reserved reference, bytes and dictionary entries. */
interface PendingStream {
  ref: PDFRef
  bytes: Uint8Array
  extra: Record<string, unknown>
}

/** The streams of one document being written. */
export class StreamBatch {
  private pending: PendingStream[] = []
  private pendingBytes = 0
  private readonly sent: { job: number; streams: PendingStream[] }[] = []
  private readonly helper = deflateHelper()
  private readonly context: PDFContext

  constructor(context: PDFContext) {
    this.context = context
  }

  /** Reserves the reference of a stream of these bytes (copied) and dictionary entries; `finish` makes its object. */
  add(bytes: Uint8Array, extra: Record<string, unknown> = {}): PDFRef {
    const ref = this.context.nextRef()
    this.pending.push({ ref, bytes: bytes.slice(), extra })
    this.pendingBytes += bytes.length
    if (this.pendingBytes >= BATCH_BYTES && (this.helper?.backlog() ?? Infinity) < BACKLOG_BYTES) this.send(this.pending.length)
    return ref
  }

  /** Registers a stream deflated already (by the helper, see `font-programs.ts`) with these dictionary entries. */
  addDeflated(deflated: Uint8Array, extra: Record<string, unknown>): PDFRef {
    const ref = this.context.nextRef()
    this.assign(ref, extra, deflated)
    return ref
  }

  /** Deflates every stream not yet deflated (sharing what is left with the helper) and assigns all their objects. */
  finish(): void {
    const backlog = this.helper?.backlog()
    if (backlog !== undefined) {
      // Even out the two threads' remaining work: the helper gets the first streams until its share is reached.
      const share = (this.pendingBytes - backlog - WAKE_BYTES) / 2
      let count = 0
      for (let given = 0; count < this.pending.length && given + this.pending[count]!.bytes.length / 2 < share; count++) given += this.pending[count]!.bytes.length
      if (count > 0) this.send(count)
    }
    for (const stream of this.pending) this.assign(stream.ref, stream.extra, deflate(stream.bytes))
    this.pending = []
    this.pendingBytes = 0
    for (const { job, streams } of this.sent) {
      const deflated = this.helper?.collect(job)?.deflated
      streams.forEach((stream, i) => this.assign(stream.ref, stream.extra, deflated?.[i] ?? deflate(stream.bytes)))
    }
    this.sent.length = 0
  }

  /** Drops the document: its batches' results are not wanted. */
  abandon(): void {
    for (const { job } of this.sent) this.helper?.forget(job)
    this.sent.length = 0
    this.pending = []
    this.pendingBytes = 0
  }

  /** Sends the first `count` pending streams to the helper as one batch. */
  private send(count: number): void {
    const streams = this.pending.splice(0, count)
    let bytes = 0
    for (const stream of streams) bytes += stream.bytes.length
    this.pendingBytes -= bytes
    // Copied to the helper, not transferred: if it fails the batch, this thread deflates the bytes it kept.
    this.sent.push({ job: this.helper!.submit({ streams: streams.map((stream) => stream.bytes) }, bytes), streams })
  }

  /** Sets a reserved reference to its deflated stream object. */
  private assign(ref: PDFRef, extra: Record<string, unknown>, data: Uint8Array): void {
    const dict = this.context.obj({ ...extra, Filter: 'FlateDecode', Length: data.length } as unknown as Record<string, never>) as PDFDict
    this.context.assign(ref, FinishedStream.of(dict, data))
  }
}

/** Whether this thread may start a helper (the batch's workers turn it off when they already use every core). */
let helperAllowed = availableParallelism() > 1

/** Allows or forbids the deflate helper for the renders of this thread from now on. */
export function allowDeflateHelper(allowed: boolean): void {
  helperAllowed = allowed
}

/** The helper of this thread, started on first use. */
let running: DeflateHelper | undefined

/** The helper when it is allowed, has started and works; kits are painted without it until then. */
export function deflateHelper(): DeflateHelper | undefined {
  if (!helperAllowed) return undefined
  running ??= new DeflateHelper()
  return running.ready() ? running : undefined
}

/** Starts the helper now (when allowed) rather than with the first kit, which then already has it. */
export function startDeflateHelper(): void {
  deflateHelper()
}

/**
 * Starts the helper (when allowed) and resolves once it takes work: true, or false when it is not allowed or did not
 * start within `timeoutMs`. Rendering never needs this; a process that renders many kits calls it to have the helper
 * from its first kit on, and tests to know it is used.
 */
export async function deflateHelperStarted(timeoutMs = 5_000): Promise<boolean> {
  const until = performance.now() + timeoutMs
  while (helperAllowed && !deflateHelper() && performance.now() < until && !running?.failed()) await new Promise((resolve) => setTimeout(resolve, 5))
  return deflateHelper() !== undefined
}

/** Batches the helper of this thread has deflated (what tests and the benchmark check). */
export function deflateHelperBatches(): number {
  return running?.batchesDone() ?? 0
}

/** The painting thread's side of the helper thread. */
export class DeflateHelper {
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT))
  private readonly port: MessagePort
  private broken = false
  private nextJob = 0
  /** Bytes of each job not yet known to be done. */
  private readonly jobBytes = new Map<number, number>()
  /** Replies received for batches not yet collected. */
  private readonly replies = new Map<number, HelperReply>()
  private readonly forgotten = new Set<number>()

  constructor() {
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    try {
      const worker = new Worker(new URL('./deflate-helper.ts', import.meta.url), { workerData: { control: this.control, port: port2 }, transferList: [port2] })
      // An unref'd helper never keeps a process alive; if it cannot start or dies, kits are painted without it.
      worker.unref()
      worker.on('error', () => (this.broken = true))
      worker.on('exit', () => (this.broken = true))
    } catch {
      this.broken = true
    }
  }

  /** True once the thread runs and as long as it answers. */
  ready(): boolean {
    return !this.broken && Atomics.load(this.control, READY) === 1
  }

  /** True once the thread could not start, died or stalled. */
  failed(): boolean {
    return this.broken
  }

  /** Batches done since the thread started. */
  batchesDone(): number {
    return Atomics.load(this.control, DONE)
  }

  /** Bytes submitted and not yet done; undefined when the helper is not usable. */
  backlog(): number | undefined {
    if (!this.ready()) return undefined
    const done = Atomics.load(this.control, DONE)
    let bytes = 0
    for (const [job, size] of this.jobBytes) {
      if (job < done) this.jobBytes.delete(job)
      else bytes += size
    }
    return bytes
  }

  /** Queues a job of about `bytes` bytes of work and wakes the helper; returns the job's number. Throws for work that cannot be sent. */
  submit(work: HelperWork, bytes: number): number {
    const job: HelperJob = { ...work, id: this.nextJob }
    // Posted first: work that cannot be sent (not plain data) throws here and takes no number, as jobs are done in order.
    this.port.postMessage(job)
    this.nextJob++
    this.jobBytes.set(job.id, bytes)
    Atomics.add(this.control, SUBMITTED, 1)
    Atomics.notify(this.control, SUBMITTED)
    return job.id
  }

  /** Waits for a job and returns its results; undefined if the helper failed it or stalled. */
  collect(job: number): HelperReply | undefined {
    // Watch first, sleep only if the batch is slow: a sleeping thread can take milliseconds to run again (see SPIN_MS).
    const until = performance.now() + SPIN_MS
    while (Atomics.load(this.control, DONE) <= job && !this.broken && performance.now() < until);
    for (let done = Atomics.load(this.control, DONE); done <= job; done = Atomics.load(this.control, DONE)) {
      if (this.broken || Atomics.wait(this.control, DONE, done, STALL_MS) === 'timed-out') {
        this.broken = true
        return undefined
      }
    }
    for (let received = receiveMessageOnPort(this.port); received; received = receiveMessageOnPort(this.port)) {
      const reply = received.message as HelperReply
      if (!this.forgotten.delete(reply.id)) this.replies.set(reply.id, reply)
    }
    const reply = this.replies.get(job)
    this.replies.delete(job)
    return reply
  }

  /** Marks a job whose results are no longer wanted (its reply is dropped when it arrives). */
  forget(job: number): void {
    if (!this.replies.delete(job)) this.forgotten.add(job)
  }
}
