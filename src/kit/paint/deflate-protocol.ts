/** What the painting thread and its deflate helper (`deflate.ts`, `deflate-helper.ts`) share. */

/** Slots of the shared control array: the helper has started; batches submitted; batches done (in order). */
export const READY = 0
export const SUBMITTED = 1
export const DONE = 2
export const CONTROL_SLOTS = 3

/** A batch of streams to deflate; batches are done in the order submitted, so batch `id` is done once DONE > id. */
export interface HelperJob {
  id: number
  streams: Uint8Array[]
}

/** The deflated streams of a batch, in order; none when the helper failed on it (the painting thread then does it). */
export interface HelperReply {
  id: number
  deflated?: Uint8Array[]
}
