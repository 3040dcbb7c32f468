/** What the painting thread and its helper (`deflate.ts`, `deflate-helper.ts`) share. */
import type { Block } from '../blocks.ts'
import type { PaintedPart, PartLayout, PartPaintOrder, PartSettings } from '../part.ts'
import type { FontId } from '../text/types.ts'

/** Slots of the shared control array: the helper has started; jobs submitted; jobs done (in order). */
export const READY = 0
export const SUBMITTED = 1
export const DONE = 2
export const CONTROL_SLOTS = 3

/**
 * Streams to deflate; faces to subset (and deflate); a kit's second part to lay out (`part`), to lay out again with
 * some of its top-level blocks replaced (`relayout`: page numbers changed), to paint as laid out last (`paintPart`),
 * or to forget (`dropPart`: its render stopped).
 * Parts are numbered by the rendering thread: renders on one thread may overlap (a server rendering two kits at once).
 */
export type HelperWork =
  | { streams: Uint8Array[] }
  | { subsets: SubsetOrder[] }
  | { part: { part: number; blocks: Block[]; settings: PartSettings } }
  | { relayout: { part: number; swaps: [number, Block][] } }
  | { paintPart: { part: number; order: PartPaintOrder } }
  | { dropPart: number }

/** A job: jobs are done in the order submitted, so job `id` is done once DONE > id. */
export type HelperJob = HelperWork & { id: number }

/** A face to subset to these characters (ascending), named after its PostScript name. */
export interface SubsetOrder {
  font: FontId
  postscriptName: string
  codePoints: readonly number[]
}

/** A subset font program: its name, its length before deflating, and its deflated bytes. */
export interface SubsetProgram {
  name: string
  length: number
  deflated: Uint8Array
}

/** A job's results, in order; none when the helper failed on it (the painting thread then does the work itself). */
export interface HelperReply {
  id: number
  deflated?: Uint8Array[]
  subsets?: SubsetProgram[]
  part?: PartLayout
  /** A painted part, its content streams deflated. */
  painted?: PaintedPart
}
