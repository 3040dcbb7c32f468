/** A slow measure that is plainly right, for tests of the fast one: fontkit's advances plus GPOS kerning of glyph pairs. */
import fontkit from '@pdf-lib/fontkit'
import { readKerning, type FontFace } from '../../src/kit/text/fonts.ts'

/** The advance of a text in font units, character by character (a missing character takes .notdef's advance). */
export function referenceUnits(face: FontFace): (text: string) => number {
  const font = fontkit.create(face.bytes) as unknown as {
    GPOS?: Parameters<typeof readKerning>[0]
    hasGlyphForCodePoint: (cp: number) => boolean
    glyphForCodePoint: (cp: number) => { id: number; advanceWidth: number }
    getGlyph: (id: number) => { advanceWidth: number }
  }
  const kern = readKerning(font.GPOS)
  const glyph = (cp: number): number => (font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).id : 0)
  const advance = (cp: number): number => (font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth : font.getGlyph(0).advanceWidth)
  return (text) => {
    let units = 0
    let prev = -1
    for (const ch of text) {
      const cp = ch.codePointAt(0)!
      units += advance(cp)
      if (prev >= 0) units += kern(glyph(prev), glyph(cp))
      prev = cp
    }
    return units
  }
}
