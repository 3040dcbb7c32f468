/**
 * The four PT Sans faces: loaded once per process, with per-character advance tables and GPOS kerning
 * read into plain lookups, so measuring never shapes text through fontkit (DESIGN §4: that was 60% of
 * a naive pdf-lib kit's time, and its ligatures broke copied text).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import { FONT_IDS, type FontId, type TextMetrics } from './types.ts'

const require = createRequire(import.meta.url)

/** Package paths of the plain TTFs (Fontsource ships Unicode-range slices, unusable for PDF). */
const FONT_FILES: Record<FontId, string> = {
  regular: '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf',
  bold: '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf',
  italic: '@expo-google-fonts/pt-sans/400Regular_Italic/PTSans_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/pt-sans/700Bold_Italic/PTSans_700Bold_Italic.ttf',
}

/** Code points covered by the flat advance table; the rest (astral planes) go through a Map. */
const BMP = 0x10000
/** Advance-table marker: not looked up yet. */
const UNKNOWN = -1
/** Advance-table marker: the face has no glyph for this code point. */
const MISSING = -2
/**
 * Code points that get a dense slot, in first-use order; pairs of slotted code points have their kerning in a
 * flat table (512 KB a face). The whole library uses a few hundred characters; a process that meets more
 * measures the rest through the Maps, with the same results.
 */
const SLOTS = 512
/** Kerning-table marker: pair not looked up yet (no real kerning value is this large). */
const KERN_UNKNOWN = -32768

/** One loaded face: the original TTF bytes and fast metric lookups in font units. */
export interface FontFace {
  id: FontId
  postscriptName: string
  bytes: Uint8Array
  unitsPerEm: number
  ascent: number
  descent: number
  capHeight: number
  italicAngle: number
  /** [minX, minY, maxX, maxY] in font units. */
  bbox: readonly [number, number, number, number]
  /** usWeightClass from OS/2 (400 regular, 700 bold). */
  weight: number
  /** Glyph id in the original font, 0 when missing. */
  glyphId: (codePoint: number) => number
  /** Whether the face has a glyph for the code point. */
  has: (codePoint: number) => boolean
  /** Advance width in font units (the .notdef advance for a missing glyph). */
  advance: (codePoint: number) => number
  /** Pair kerning in font units between two code points (negative tightens). */
  kern: (left: number, right: number) => number
  /**
   * Advance of a text in font units, kerning included (what `measure` scales to pt); with `from`/`to`, of characters
   * from … to - 1 only, exactly as of that slice (measuring a word in a line's text makes no string).
   */
  units: (text: string, from?: number, to?: number) => number
}

/** The four faces by id. */
export type FontSet = Readonly<Record<FontId, FontFace>>

let cached: FontSet | undefined

/** Loads the four PT Sans faces once per process. */
export function loadFonts(): FontSet {
  cached ??= Object.fromEntries(
    FONT_IDS.map((id) => [id, loadFace(id, new Uint8Array(readFileSync(require.resolve(FONT_FILES[id]))))]),
  ) as Record<FontId, FontFace>
  return cached
}

/** Text metrics over a font set: measuring sums cached advances and kerning pairs. */
export function fontMetrics(fonts: FontSet): TextMetrics {
  const regular = fonts.regular
  return {
    measure: (text, font, size) => {
      const face = fonts[font]
      return (face.units(text) * size) / face.unitsPerEm
    },
    fontUnits: {
      units: (text, font, from, to) => fonts[font].units(text, from, to),
      unitsPerEm: { regular: fonts.regular.unitsPerEm, bold: fonts.bold.unitsPerEm, italic: fonts.italic.unitsPerEm, boldItalic: fonts.boldItalic.unitsPerEm },
    },
    hasGlyph: (cp, font) => fonts[font].has(cp),
    ascent: regular.ascent / regular.unitsPerEm,
    descent: -regular.descent / regular.unitsPerEm,
  }
}

// fontkit's published types do not describe GPOS tables; this is the part the kerning reader uses.
interface Coverage {
  version: number
  glyphs?: number[]
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[]
}
interface ClassDef {
  version: number
  startGlyph?: number
  classValueArray?: number[]
  classRangeRecord?: { start: number; end: number; class: number }[]
}
interface LazyArray<T> {
  toArray?: () => T[]
  length: number
  [i: number]: T
}
interface PairSubtable {
  version: number
  coverage: Coverage
  valueFormat1: { xAdvance?: boolean; xPlacement?: boolean }
  pairSets?: LazyArray<LazyArray<{ secondGlyph: number; value1: { xAdvance?: number } }>>
  classDef1?: ClassDef
  classDef2?: ClassDef
  classRecords?: LazyArray<LazyArray<{ value1: { xAdvance?: number } }>>
}
interface Gpos {
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[]
  lookupList: LazyArray<{ lookupType: number; subTables: LazyArray<PairSubtable> }>
}

/** Loads one face and builds its lookups. */
function loadFace(id: FontId, bytes: Uint8Array): FontFace {
  const font = fontkit.create(bytes)
  const upm = font.unitsPerEm
  const table = new Int32Array(BMP).fill(UNKNOWN)
  const astral = new Map<number, number>()
  const notdefAdvance = font.getGlyph(0).advanceWidth

  const lookupAdvance = (cp: number): number =>
    font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth : MISSING
  const rawAdvance = (cp: number): number => {
    if (cp < BMP) {
      let a = table[cp]!
      if (a === UNKNOWN) table[cp] = a = lookupAdvance(cp)
      return a
    }
    let a = astral.get(cp)
    if (a === undefined) astral.set(cp, (a = lookupAdvance(cp)))
    return a
  }
  const glyphIds = new Map<number, number>()
  const glyphId = (cp: number): number => {
    let g = glyphIds.get(cp)
    if (g === undefined) glyphIds.set(cp, (g = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).id : 0))
    return g
  }
  const kernGlyphs = readKerning((font as unknown as { GPOS?: Gpos }).GPOS)
  const advance = (cp: number): number => {
    const a = rawAdvance(cp)
    return a === MISSING ? notdefAdvance : a
  }
  // Per-process lookups of font data (no lesson's text or layout): dense slots for the characters seen so far,
  // and the kerning of slotted pairs in a flat table, so measuring a word is a few array reads.
  const slotOf = new Int16Array(BMP).fill(-1)
  let slots = 0
  const kernTable = new Int16Array(SLOTS * SLOTS).fill(KERN_UNKNOWN)
  const kernCache = new Map<number, number>()
  const kernSlow = (left: number, right: number): number => {
    const key = left * 0x110000 + right
    let k = kernCache.get(key)
    if (k === undefined) kernCache.set(key, (k = kernGlyphs(glyphId(left), glyphId(right))))
    return k
  }
  // The advance of each slot (font units), so the measuring loop reads slot, advance and kerning from flat arrays.
  const slotAdvance = new Int32Array(SLOTS)
  const slot = (cp: number): number => {
    if (cp >= BMP) return -1
    let s = slotOf[cp]!
    if (s < 0 && slots < SLOTS) {
      slotOf[cp] = s = slots++
      slotAdvance[s] = advance(cp)
    }
    return s
  }
  const kern = (left: number, right: number): number => {
    const l = slot(left)
    const r = slot(right)
    if (l < 0 || r < 0) return kernSlow(left, right)
    const i = l * SLOTS + r
    let k = kernTable[i]!
    if (k === KERN_UNKNOWN) kernTable[i] = k = kernGlyphs(glyphId(left), glyphId(right))
    return k
  }
  const units = (text: string, from = 0, to = text.length): number => {
    let total = 0
    let prev = -1
    let prevSlot = -1
    const n = to
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c < 0xd800 || c > 0xdfff) {
        let s = slotOf[c]!
        if (s < 0) s = slot(c)
        if (s >= 0) {
          total += slotAdvance[s]!
          if (prevSlot >= 0) {
            const at = prevSlot * SLOTS + s
            let k = kernTable[at]!
            if (k === KERN_UNKNOWN) kernTable[at] = k = kernGlyphs(glyphId(prev), glyphId(c))
            total += k
          } else if (prev >= 0) total += kern(prev, c)
          prev = c
          prevSlot = s
          continue
        }
      }
      // Outside the slots (astral planes, surrogates, a kit with more than SLOTS characters): the general path.
      let cp = c
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const lo = text.charCodeAt(i + 1)
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000
          i++
        }
      }
      total += advance(cp)
      if (prev >= 0) total += kern(prev, cp)
      prev = cp
      prevSlot = -1
    }
    return total
  }
  const os2 = (font as unknown as { 'OS/2'?: { usWeightClass?: number } })['OS/2']
  return {
    id,
    postscriptName: font.postscriptName ?? `PTSans-${id}`,
    bytes,
    unitsPerEm: upm,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: font.capHeight,
    italicAngle: font.italicAngle,
    bbox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY],
    weight: os2?.usWeightClass ?? 400,
    glyphId,
    has: (cp) => rawAdvance(cp) !== MISSING,
    advance,
    kern,
    units,
  }
}

/** Reads the `kern` feature's pair-adjustment lookups into a function of two glyph ids. */
export function readKerning(gpos: Gpos | undefined): (left: number, right: number) => number {
  if (!gpos) return () => 0
  const lookupIndexes = new Set<number>()
  for (const f of gpos.featureList) if (f.tag === 'kern') for (const i of f.feature.lookupListIndexes) lookupIndexes.add(i)
  const lookups = toArray(gpos.lookupList)
  const groups: ((l: number, r: number) => number | undefined)[][] = []
  for (const i of [...lookupIndexes].sort((a, b) => a - b)) {
    const lookup = lookups[i]
    if (!lookup || lookup.lookupType !== 2) continue
    const subtables = toArray(lookup.subTables)
      .filter((st) => st.valueFormat1.xAdvance)
      .map((st) => (st.version === 1 ? pairFormat1(st) : pairFormat2(st)))
    groups.push(subtables)
  }
  return (l, r) => {
    // Within a lookup the first subtable that applies wins; the feature's lookups add up.
    let total = 0
    for (const subtables of groups) {
      for (const st of subtables) {
        const v = st(l, r)
        if (v !== undefined) {
          total += v
          break
        }
      }
    }
    return total
  }
}

/** Format 1: explicit glyph pairs. */
function pairFormat1(st: PairSubtable): (l: number, r: number) => number | undefined {
  const cov = coverageMap(st.coverage)
  const sets = toArray(st.pairSets!)
  const pairs = new Map<number, Map<number, number>>()
  for (const [glyph, index] of cov) {
    const m = new Map<number, number>()
    for (const p of toArray(sets[index]!)) if (!m.has(p.secondGlyph)) m.set(p.secondGlyph, p.value1.xAdvance ?? 0)
    pairs.set(glyph, m)
  }
  return (l, r) => pairs.get(l)?.get(r)
}

/** Format 2: class-based pairs; applies to every covered first glyph. */
function pairFormat2(st: PairSubtable): (l: number, r: number) => number | undefined {
  const cov = coverageMap(st.coverage)
  const c1 = classMap(st.classDef1!)
  const c2 = classMap(st.classDef2!)
  const records = toArray(st.classRecords!).map((row) => toArray(row).map((v) => v.value1.xAdvance ?? 0))
  return (l, r) => {
    if (!cov.has(l)) return undefined
    return records[c1.get(l) ?? 0]?.[c2.get(r) ?? 0] ?? 0
  }
}

/** Coverage table as glyph → coverage index. */
function coverageMap(c: Coverage): Map<number, number> {
  const m = new Map<number, number>()
  if (c.version === 1) toArray(c.glyphs!).forEach((g, i) => m.set(g, i))
  else for (const r of toArray(c.rangeRecords!)) for (let g = r.start; g <= r.end; g++) m.set(g, r.startCoverageIndex + g - r.start)
  return m
}

/** Class definition as glyph → class (absent means class 0). */
function classMap(c: ClassDef): Map<number, number> {
  const m = new Map<number, number>()
  if (c.version === 1) toArray(c.classValueArray!).forEach((cls, i) => m.set(c.startGlyph! + i, cls))
  else for (const r of toArray(c.classRangeRecord!)) for (let g = r.start; g <= r.end; g++) m.set(g, r.class)
  return m
}

/** fontkit hands out lazy arrays; this makes them plain. */
function toArray<T>(a: LazyArray<T> | T[]): T[] {
  if (Array.isArray(a)) return a
  if (a.toArray) return a.toArray()
  return Array.from({ length: a.length }, (_, i) => a[i]!)
}
