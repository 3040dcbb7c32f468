/** What the painting thread and its helper (`deflate.ts`, `deflate-helper.ts`) share. */
import type { FontId } from '../text/types.ts'

/** Slots of the shared control array: the helper has started; jobs submitted; jobs done (in order). */
export const READY = 0
export const SUBMITTED = 1
export const DONE = 2
export const CONTROL_SLOTS = 3

/**
 * Streams to deflate, or a document's fonts to subset (and deflate) to the characters of each face's text (`texts`,
 * in FONT_IDS order: `faceTexts`), each named after its face's PostScript name (`postscriptNames`, same order).
 */
export type HelperWork = { streams: Uint8Array[] } | { fonts: { texts: string[]; postscriptNames: string[] } }

/** A job: jobs are done in the order submitted, so job `id` is done once DONE > id. */
export type HelperJob = HelperWork & { id: number }

/** A face's subset font program: the characters it was cut to, its name, its length before deflating, its deflated bytes. */
export interface SubsetProgram {
  font: FontId
  codePoints: number[]
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
