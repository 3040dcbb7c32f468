/** What the painting thread and its helper (`deflate.ts`, `deflate-helper.ts`) share. */
import type { FontId } from '../text/types.ts'

/** Slots of the shared control array: the helper has started; jobs submitted; jobs done (in order). */
export const READY = 0
export const SUBMITTED = 1
export const DONE = 2
export const CONTROL_SLOTS = 3

/** Streams to deflate, or faces to subset (and deflate). */
export type HelperWork = { streams: Uint8Array[] } | { subsets: SubsetOrder[] }

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
}
