/**
 * Embeds a HarfBuzz subset as a Type0/CIDFontType2 font written by hand, because pdf-lib's own embedder shapes
 * text through fontkit (ligatures without Unicode mappings) and only records widths and ToUnicode entries for
 * text it encoded itself.
 *
 * Codes are the document's own (`content.ts`: characters numbered in order of first use, CID = code): the
 * CIDToGIDMap gives each code its glyph (the subset keeps PT Sans' glyph ids), /W its width and the ToUnicode map its
 * character, so copied text is the real text — a no-break space copies as a no-break space though it shares the
 * space's glyph. One-byte codes go through a small embedded CMap (ISO 32000 §9.7.5.3: one byte, CID = code); two-byte
 * codes through Identity-H.
 */
import { PDFName, PDFNumber, type PDFContext, type PDFRef } from 'pdf-lib'
import { literalString } from './pdf-strings.ts'
import { FinishedStream } from './stream.ts'
import { deflate } from './zlib.ts'
import type { FontFace } from '../text/fonts.ts'
import type { StreamBatch } from './deflate.ts'
import type { EmbeddedProgram } from './font-programs.ts'

/** PDF font descriptor flags (ISO 32000 §9.8.2): non-symbolic, italic. */
const FLAG_NONSYMBOLIC = 32
const FLAG_ITALIC = 64
/** Stem widths for the descriptor (viewers use them only as hints). */
const STEM_REGULAR = 80
const STEM_BOLD = 140
/** Weight from which a face counts as bold. */
const BOLD_WEIGHT = 600
/** ToUnicode entries per bfchar section (the CMap format allows at most 100). */
const BFCHAR_CHUNK = 100
/** Name of the embedded one-byte CMap. */
const ONE_BYTE_CMAP = 'LessonKits-OneByte-Identity'

/** The one-byte CMap program, deflated once per process (it is the same for every font). */
let oneByteCMap: Uint8Array | undefined

/** Registers the embedded one-byte CMap, which every one-byte font of a document shares as its /Encoding. */
export function embedOneByteCMap(context: PDFContext): PDFRef {
  oneByteCMap ??= deflate(new TextEncoder().encode(cmapProgram(ONE_BYTE_CMAP, 'Identity', 1, ['1 begincidrange', '<00> <FF> 0', 'endcidrange'])))
  const dict = context.obj({
    Type: 'CMap',
    CMapName: ONE_BYTE_CMAP,
    CIDSystemInfo: { Registry: literalString('Adobe'), Ordering: literalString('Identity'), Supplement: 0 },
    Filter: 'FlateDecode',
    Length: oneByteCMap.length,
  })
  return context.register(FinishedStream.of(dict, oneByteCMap))
}

/**
 * Registers the objects of a face's subset, whose font program is in the document already (`FontPrograms.add`), and
 * returns its Type0 font dictionary's reference; its ToUnicode map goes into the document's `streams`. `codePoints`
 * are the characters by code (index 0 unused); `encoding` is the document's one-byte CMap (`embedOneByteCMap`) for
 * one-byte codes, absent for two-byte codes.
 */
export function embedSubset(context: PDFContext, streams: StreamBatch, face: FontFace, program: EmbeddedProgram, codePoints: readonly number[], encoding?: PDFRef): PDFRef {
  const scale = 1000 / face.unitsPerEm
  const u = (v: number): number => Math.round(v * scale)
  const bytes = encoding ? 1 : 2
  const italic = face.italicAngle !== 0
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: PDFName.of(program.name),
      Flags: FLAG_NONSYMBOLIC | (italic ? FLAG_ITALIC : 0),
      FontBBox: face.bbox.map(u),
      ItalicAngle: face.italicAngle,
      Ascent: u(face.ascent),
      Descent: u(face.descent),
      CapHeight: u(face.capHeight),
      StemV: face.weight >= BOLD_WEIGHT ? STEM_BOLD : STEM_REGULAR,
      FontFile2: program.ref,
    }),
  )
  const widths = context.obj([])
  for (let code = 1; code < codePoints.length; code++) widths.push(PDFNumber.of(u(face.advance(codePoints[code]!))))
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: PDFName.of(program.name),
      CIDSystemInfo: { Registry: literalString('Adobe'), Ordering: literalString('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [1, widths],
      // Two bytes a character, hardly compressible: not worth a deflate call.
      CIDToGIDMap: context.register(FinishedStream.of(context.obj({ Length: codePoints.length * 2 }), cidToGidMap(face, codePoints))),
    }),
  )
  const toUnicode = streams.add(new TextEncoder().encode(toUnicodeCMap(codePoints, bytes)))
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: PDFName.of(program.name),
      Encoding: encoding ?? PDFName.of('Identity-H'),
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  )
}

/** The CIDToGIDMap stream: the glyph id of each CID as two big-endian bytes (CID 0 → glyph 0, .notdef). */
function cidToGidMap(face: FontFace, codePoints: readonly number[]): Uint8Array {
  const out = new Uint8Array(codePoints.length * 2)
  for (let code = 1; code < codePoints.length; code++) {
    const gid = face.glyphId(codePoints[code]!)
    out[code * 2] = gid >> 8
    out[code * 2 + 1] = gid & 0xff
  }
  return out
}

/** Hex digits of a code of `bytes` bytes. */
function hexCode(n: number, bytes: 1 | 2): string {
  return n.toString(16).toUpperCase().padStart(bytes * 2, '0')
}

/** UTF-16BE hex of a code point (a surrogate pair above the BMP). */
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hexCode(cp, 2)
  const v = cp - 0x10000
  return hexCode(0xd800 + (v >> 10), 2) + hexCode(0xdc00 + (v & 0x3ff), 2)
}

/** The ToUnicode CMap: one code, one character (no ligatures are ever drawn), so copied text is the real text. */
function toUnicodeCMap(codePoints: readonly number[], bytes: 1 | 2): string {
  const sections: string[] = []
  for (let first = 1; first < codePoints.length; first += BFCHAR_CHUNK) {
    const last = Math.min(codePoints.length, first + BFCHAR_CHUNK)
    const entries: string[] = []
    for (let code = first; code < last; code++) entries.push(`<${hexCode(code, bytes)}> <${utf16Hex(codePoints[code]!)}>`)
    sections.push(`${entries.length} beginbfchar\n${entries.join('\n')}\nendbfchar`)
  }
  return cmapProgram('Adobe-Identity-UCS', 'UCS', bytes, sections, 2)
}

/** A CMap program (ISO 32000 §9.7.5.4) over one- or two-byte codes with the given mapping sections. */
function cmapProgram(name: string, ordering: string, bytes: 1 | 2, sections: readonly string[], type = 1): string {
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    `/CIDSystemInfo << /Registry (Adobe) /Ordering (${ordering}) /Supplement 0 >> def`,
    `/CMapName /${name} def`,
    `/CMapType ${type} def`,
    '1 begincodespacerange',
    bytes === 1 ? '<00> <FF>' : '<0000> <FFFF>',
    'endcodespacerange',
    ...sections,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n')
}
