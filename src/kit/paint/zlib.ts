/**
 * The one way a kit's streams are compressed, shared by the painting thread and its deflate helper
 * (`deflate-helper.ts`), so a stream comes out byte-identical whichever thread compressed it.
 */
import { deflateSync } from 'node:zlib'

/**
 * zlib level for streams written per render (page contents, pictures, fonts). Level 2 deflates a 45-page kit's
 * content in ~3 ms instead of ~5 ms at level 6, for ~7% more bytes in those streams (measured on
 * ne-vedus-kvest-9-11: 93 KB at 6, 100 KB at 2, 103 KB at 1).
 */
const STREAM_LEVEL = 2
/** zlib's smallest and largest window (2^9 … 2^15 bytes). */
const MIN_WINDOW_BITS = 9
const MAX_WINDOW_BITS = 15
/** Bytes zlib's matcher needs beyond the data itself (MIN_LOOKAHEAD). */
const LOOKAHEAD = 262

/** Deflates one stream (zlib format, as PDF's FlateDecode reads it). */
export function deflate(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, deflateOptions(bytes.length))
}

/**
 * zlib options for `length` bytes: a window and hash table no larger than the data needs. Each call sets up (and
 * clears) its tables, ~130 KB by default, which for a page's few kilobytes cost about as much as compressing them;
 * the output is as small (the window already covers the whole stream).
 */
function deflateOptions(length: number): { level: number; windowBits: number; memLevel: number } {
  const windowBits = Math.max(MIN_WINDOW_BITS, Math.min(MAX_WINDOW_BITS, Math.ceil(Math.log2(length + LOOKAHEAD))))
  return { level: STREAM_LEVEL, windowBits, memLevel: Math.max(1, windowBits - 6) }
}
