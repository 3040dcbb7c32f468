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
