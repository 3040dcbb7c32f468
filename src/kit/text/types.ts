/** Shared text types: the font faces, the measuring interface and the hyphenation interface. */

/** One of the four PT Sans faces a kit uses. */
export type FontId = 'regular' | 'bold' | 'italic' | 'boldItalic'

/** Every face, in a fixed order (the paint stage numbers fonts F1..F4 in this order). */
export const FONT_IDS: readonly FontId[] = ['regular', 'bold', 'italic', 'boldItalic']

/** Width in pt of `text` set in `font` at `size` pt, kerning included. */
export type Measure = (text: string, font: FontId, size: number) => number

/**
 * Widths in whole font units, which do not depend on the type size: `measure(t, f, s)` is exactly
 * `units(t, f) * s / unitsPerEm[f]`, so a width kept in units gives the same pt at every size.
 */
export interface FontUnits {
  /** Units of characters `from` … `to - 1` of `text` (the whole text by default): the same as of that slice, without making it. */
  units: (text: string, font: FontId, from?: number, to?: number) => number
  /**
   * Prefix sums of a text's units, when the font can give them for every character of it (else false, arrays left in
   * any state). The text comes as its code units (`codes[0 … length - 1]`, see `codeUnits`); `sums[at + i]` is the
   * units of its first i characters (i = 0 … length) and `kerns[at + i]` the kerning between characters i - 1 and i
   * (0 for i = 0), so `sums[at + b] - sums[at + a] - kerns[at + a]` is exactly `units(text, font, a, b)` for a < b. A
   * text is gone over once, however many slices of it are measured.
   */
  prefix?: (codes: Uint16Array, length: number, font: FontId, sums: Float64Array, kerns: Int32Array, at: number) => boolean
  unitsPerEm: Readonly<Record<FontId, number>>
}

/** What layout needs to know about type: widths, glyph coverage and vertical metrics. */
export interface TextMetrics {
  measure: Measure
  /** The same widths in font units, when the metrics have them (the real fonts do; test fakes need not). */
  fontUnits?: FontUnits
  /** Whether the face has a glyph for the code point. */
  hasGlyph: (codePoint: number, font: FontId) => boolean
  /** Ascender above the baseline, as a fraction of the type size. */
  ascent: number
  /** Descender below the baseline, as a positive fraction of the type size. */
  descent: number
}

/** Hyphenation points of a word: indices i where `word.slice(0, i) + '-'` may end a line. */
export type Hyphenate = (word: string) => readonly number[]

/** The face for a run's bold/italic flags (code is set in the regular face). */
export function fontFor(style: { bold?: boolean; italic?: boolean }): FontId {
  return faceOf(style.bold, style.italic)
}

/** `fontFor` of the two flags, for callers that have them apart (no style object to build). */
export function faceOf(bold: boolean | undefined, italic: boolean | undefined): FontId {
  if (bold) return italic ? 'boldItalic' : 'bold'
  return italic ? 'italic' : 'regular'
}
