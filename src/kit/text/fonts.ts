/**
 * The four PT Sans faces: loaded once per process, with per-character advance tables and GPOS kerning
 * read into plain lookups, so measuring never shapes text through fontkit (DESIGN §4: that was 60% of
 * a naive pdf-lib kit's time, and its ligatures broke copied text).
 */
import { readFileSync } from 'node:fs'
import fontkit from '@pdf-lib/fontkit'
import { fontFile } from './font-files.ts'
import { FONT_IDS, type FontId, type TextMetrics } from './types.ts'

/** Code points covered by the flat advance table; the rest (astral planes) go through a Map. */
const BMP = 0x10000
/** Advance-table marker: not looked up yet. */
const UNKNOWN = -1
/** Advance-table marker: the face has no glyph for this code point. */
const MISSING = -2
/**
 * Code points that get a dense slot, in first-use order; pairs of slotted code points have their kerning in a
 * flat table (about 513 KB a face). The whole library uses a few hundred characters; a process that meets more
 * measures the rest through the Maps, with the same results.
 */
const SLOTS = 512
/** Kerning-table marker: pair not looked up yet (no real kerning value is this large). */
const KERN_UNKNOWN = -32768
/** The kerning table's row for "no previous character" (a text's first character): no kerning with any slot. */
const NO_SLOT = SLOTS
/**
 * Entries per row of the kerning table: the pair (l, r) is at l * ROW + r + 1, and column 0 (r = -1: a character with
 * no slot yet) holds KERN_UNKNOWN, so one read and one test tell the measuring loop whether it may go on.
 */
const ROW = SLOTS + 1

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
  /** `FontUnits.prefix` for this face: false when a character of the text has no dense slot (a surrogate, or slots full). */
  prefix: (codes: Uint16Array, length: number, sums: Float64Array, kerns: Int32Array, at: number) => boolean
}

/** The four faces by id. */
export type FontSet = Readonly<Record<FontId, FontFace>>

let cached: FontSet | undefined

/** Loads the four PT Sans faces once per process. */
export function loadFonts(): FontSet {
  cached ??= Object.fromEntries(
    FONT_IDS.map((id) => [id, loadFace(id, new Uint8Array(readFileSync(fontFile(id))))]),
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
      prefix: (codes, length, font, sums, kerns, at) => fonts[font].prefix(codes, length, sums, kerns, at),
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
  // and the kerning of slotted pairs in a flat table, looked up when a pair is first met, so measuring a word is a
  // few array reads.
  const slotOf = new Int16Array(BMP).fill(-1)
  const slotCp = new Int32Array(SLOTS)
  let slots = 0
  // Row NO_SLOT is all zeros but column 0: the "previous character" of a text's first character kerns with nothing.
  const kernTable = new Int16Array((SLOTS + 1) * ROW).fill(KERN_UNKNOWN, 0, SLOTS * ROW)
  kernTable[NO_SLOT * ROW] = KERN_UNKNOWN
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
    // Surrogate code units never get a slot: the measuring loop pairs them first.
    if (cp >= BMP || (cp >= 0xd800 && cp <= 0xdfff)) return -1
    let s = slotOf[cp]!
    if (s < 0 && slots < SLOTS) {
      s = slots++
      slotOf[cp] = s
      slotCp[s] = cp
      slotAdvance[s] = advance(cp)
    }
    return s
  }
  /** Kerning of two slotted characters (`prev` NO_SLOT: none before), looked up the first time. */
  const slotKern = (prev: number, s: number): number => {
    const at = prev * ROW + s + 1
    let k = kernTable[at]!
    if (k === KERN_UNKNOWN) kernTable[at] = k = kernGlyphs(glyphId(slotCp[prev]!), glyphId(slotCp[s]!))
    return k
  }
  const kern = (left: number, right: number): number => {
    const l = slot(left)
    const r = slot(right)
    return l < 0 || r < 0 ? kernSlow(left, right) : slotKern(l, r)
  }
  // Characters from i on, once the tight loop below met a character without a slot or a pair not looked up yet: every
  // case, with `prevSlot` as it left it (a slot, or NO_SLOT at the text's start).
  const unitsRest = (text: string, i: number, to: number, total: number, prevSlot: number): number => {
    // The previous character's code point when it has no slot (prevSlot -1), else -1.
    let prev = -1
    for (; i < to; i++) {
      const c = text.charCodeAt(i)
      if (prevSlot >= 0 && prevSlot !== NO_SLOT) prev = slotCp[prevSlot]!
      const s = slot(c)
      if (s >= 0) {
        total += slotAdvance[s]!
        if (prev >= 0) total += prevSlot >= 0 ? slotKern(prevSlot, s) : kern(prev, c)
        prevSlot = s
        continue
      }
      // Outside the slots (astral planes, surrogates, a kit with more than SLOTS characters).
      let cp = c
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
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
  const units = (text: string, from = 0, to = text.length): number => {
    // The common case in a loop without calls, so the tables stay in registers: every character has a slot and
    // every pair was met before.
    const table = kernTable
    const advances = slotAdvance
    const slotted = slotOf
    let total = 0
    let prevSlot = NO_SLOT
    for (let i = from; i < to; i++) {
      const s = slotted[text.charCodeAt(i)]!
      const k = table[prevSlot * ROW + s + 1]!
      if (k === KERN_UNKNOWN) return unitsRest(text, i, to, total, prevSlot)
      total += advances[s]! + k
      prevSlot = s
    }
    return total
  }
  const prefix = (codes: Uint16Array, length: number, sums: Float64Array, kerns: Int32Array, at: number): boolean => {
    let total = 0
    let prevSlot = NO_SLOT
    sums[at] = 0
    let i = 0
    for (;;) {
      // As in `units`: a loop without calls; a new character or pair is looked up outside it.
      const table = kernTable
      const advances = slotAdvance
      const slotted = slotOf
      for (; i < length; i++) {
        const s = slotted[codes[i]!]!
        const k = table[prevSlot * ROW + s + 1]!
        if (k === KERN_UNKNOWN) break
        total += advances[s]! + k
        kerns[at + i] = k
        sums[at + i + 1] = total
        prevSlot = s
      }
      if (i === length) return true
      const s = slot(codes[i]!)
      if (s < 0) return false
      slotKern(prevSlot, s)
    }
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
    prefix,
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
