/**
 * A kit's second part (its blocks from the cut page break on, `splitPoint`) as the rendering thread sees it: laid out
 * and painted on the helper thread when one runs, while the first part is laid out and painted here; else here, by the
 * same code (`KitPart`). If the helper fails a job, the part is done here from then on, from the same blocks.
 */
import type { Block } from './blocks.ts'
import { KitPart, type PaintedPart, type PartLayout, type PartPaintOrder, type PartSettings } from './part.ts'
import type { LaidOutPart } from './layout/index.ts'
import { deflateHelper, type DeflateHelper } from './paint/deflate.ts'
import type { HelperWork } from './paint/deflate-protocol.ts'


/** A painted second part, with whether its content streams are deflated already (by the helper). */
export type TakenPart = PaintedPart & { deflated: boolean }

/** About the bytes of one page's content stream (the kits' pages take 3–6 KB). */
const PAGE_BYTES = 4_096

/** Numbers of the parts this thread gave its helper (renders may overlap on one thread). */
let lastPart = 0

/** The second part of one kit being rendered. */
export class SecondPart {
  private readonly number = ++lastPart
  private blocks: Block[]
  private readonly settings: PartSettings
  private helper: DeflateHelper | undefined = deflateHelper()
  /** The part as laid out here (no helper, or the helper failed), else undefined. */
  private local: KitPart | undefined
  /** The helper's job laying the part out, not yet collected; and its result once collected. */
  private layoutJob: number | undefined
  private laid: PartLayout | undefined
  private paintJob: number | undefined
  private order: PartPaintOrder | undefined
  private painted: TakenPart | undefined

  /** Starts laying out the part: on the helper (its pictures' bytes left out: layout and the page writer need none). */
  constructor(blocks: Block[], settings: PartSettings) {
    this.blocks = blocks
    this.settings = settings
    this.send(() => ({ part: { part: this.number, blocks: withoutPictureData(blocks), settings } }), (job) => (this.layoutJob = job))
  }

  /** Submits a job to the helper, if it runs; if it cannot take it (not plain data), the part is done here from now on. */
  private send(work: () => HelperWork, sent: (job: number) => void, bytes = 0): void {
    if (!this.helper) return
    try {
      sent(this.helper.submit(work(), bytes))
    } catch {
      this.helper = undefined
    }
  }

  /** Whether the part is laid out and painted here (its pages are then `localPages`). */
  isLocal(): boolean {
    return this.helper === undefined
  }

  /** The part as laid out last (waits for the helper): its page count and bookmarks, or its author errors. */
  layout(): PartLayout {
    if (this.laid) return this.laid
    if (this.helper && this.layoutJob !== undefined) {
      const reply = this.helper.collect(this.layoutJob)
      this.layoutJob = undefined
      if (reply?.part) return (this.laid = reply.part)
      this.helper = undefined
    }
    this.local ??= new KitPart(this.blocks, this.settings)
    return (this.laid = this.local.layout())
  }

  /** Lays the part out again from these blocks, where a later pass replaced some (page numbers changed). */
  relayout(blocks: Block[]): void {
    const swaps: [number, Block][] = []
    blocks.forEach((block, i) => {
      if (block !== this.blocks[i]) swaps.push([i, block])
    })
    if (swaps.length > 0) {
      // The previous layout first (collected, or made here if the helper failed it), then the changed blocks.
      this.layout()
      this.laid = undefined
      const changed = withoutPictureData(swaps.map(([, block]) => block))
      this.send(() => ({ relayout: { part: this.number, swaps: changed.map((block, i) => [swaps[i]![0], block]) } }), (job) => (this.layoutJob = job))
    }
    this.blocks = blocks
    if (swaps.length > 0 && !this.helper) this.laid = this.local ? this.local.layout(swaps) : undefined
  }

  /** The pages laid out here (only when `isLocal`). */
  localPages(): LaidOutPart {
    return this.local!.pages()
  }

  /** Starts painting the part as laid out last. */
  paint(order: PartPaintOrder): void {
    this.painted = undefined
    this.order = order
    // Counted as the bytes its pages will take to deflate, so the rendering thread deflates its own pages meanwhile.
    this.send(() => ({ paintPart: { part: this.number, order } }), (job) => (this.paintJob = job), this.layout().pages * PAGE_BYTES)
  }

  /** The part's painted pages (waits for the helper; painted here if it failed). */
  take(): TakenPart {
    if (this.painted) return this.painted
    if (this.helper && this.paintJob !== undefined) {
      const reply = this.helper.collect(this.paintJob)
      this.paintJob = undefined
      if (reply?.painted) return (this.painted = { ...reply.painted, deflated: true })
      this.helper = undefined
    }
    if (!this.local) {
      this.local = new KitPart(this.blocks, this.settings)
      this.local.layout()
    }
    return (this.painted = { ...this.local.paint(this.order!), deflated: false })
  }

  /** Drops the helper's results not collected, and the part it holds if it was not painted (a render stopped early). */
  release(): void {
    for (const job of [this.layoutJob, this.paintJob]) if (job !== undefined) this.helper?.forget(job)
    this.layoutJob = this.paintJob = undefined
    if (!this.order) this.send(() => ({ dropPart: this.number }), (job) => this.helper?.forget(job))
  }
}

/** Blocks with each picture's bytes and drawing left out (shared structure kept where no picture is inside). */
function withoutPictureData(blocks: Block[]): Block[] {
  let out: Block[] | undefined
  blocks.forEach((block, i) => {
    let next: Block | undefined
    if (block.kind === 'image') next = { ...block, data: EMPTY, vector: undefined }
    else if (block.kind === 'list') {
      const items = block.items.map(withoutPictureData)
      if (items.some((item, j) => item !== block.items[j])) next = { ...block, items }
    } else if (block.kind === 'box') {
      const children = withoutPictureData(block.children)
      if (children !== block.children) next = { ...block, children }
    }
    if (next) (out ??= blocks.slice())[i] = next
  })
  return out ?? blocks
}

const EMPTY = new Uint8Array(0)
