/**
 * Font subsetting with HarfBuzz (`subset-font`): pdf-lib's own `subset: true` corrupts PT Sans (DESIGN §4).
 * The subset keeps only outlines and metrics: no hinting and no GSUB/GPOS/GDEF, because viewers never use
 * them (kerning is written into the page as TJ arrays) and they were most of the bytes.
 */
import { createHash } from 'node:crypto'
import fontkit from '@pdf-lib/fontkit'
import subsetFont from 'subset-font'
import type { FontFace } from './fonts.ts'

/** Tables a PDF viewer never reads; dropping them took a kit's fonts from 93 KB to 36 KB. */
const DROP_TABLES = ['GSUB', 'GPOS', 'GDEF', 'hdmx', 'gasp', 'cvt ', 'fpgm', 'prep', 'kern', 'DSIG']
/** Subsets kept per process; a build renders many kits with mostly the same characters. */
const CACHE_LIMIT = 64
/** Letters in a PDF subset tag (ISO 32000 §9.6.4: six uppercase letters). */
const TAG_LENGTH = 6

/** A face cut down to the characters one document uses, with its glyph mapping. */
export interface FontSubset {
  face: FontFace
  /** The subset TTF. */
  bytes: Uint8Array
  /** `ABCDEF+PTSans-Regular`: a tag derived from the subset's bytes, so the same text gives the same name. */
  name: string
  /** Code point → glyph id in the subset. */
  glyphOf: ReadonlyMap<number, number>
  /** Glyph id → code point (for the ToUnicode map), in glyph order. */
  unicodeOf: ReadonlyMap<number, number>
  /** Glyph id → advance in font units (for the PDF /W array). */
  widthOf: ReadonlyMap<number, number>
}

const cache = new Map<string, Promise<FontSubset>>()

/** Subsets `face` to the code points of `chars` (deduplicated and sorted here); cached per process. */
export function subsetFace(face: FontFace, chars: Iterable<number>): Promise<FontSubset> {
  const codePoints = [...new Set(chars)].sort((a, b) => a - b)
  const text = String.fromCodePoint(...codePoints)
  const key = `${face.id}\u0000${text}`
  let hit = cache.get(key)
  if (!hit) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
    hit = makeSubset(face, codePoints, text)
    cache.set(key, hit)
    hit.catch(() => cache.delete(key))
  }
  return hit
}

/** Empties the subset cache (benchmarks use it to time a kit without reusing its own subsets). */
export function clearSubsetCache(): void {
  cache.clear()
}

/** Runs HarfBuzz and reads the new glyph ids back from the subset's cmap. */
async function makeSubset(face: FontFace, codePoints: number[], text: string): Promise<FontSubset> {
  const out = await subsetFont(Buffer.from(face.bytes.buffer, face.bytes.byteOffset, face.bytes.byteLength), text, {
    targetFormat: 'truetype',
    noHinting: true,
    keepFeatures: [],
    dropTables: DROP_TABLES,
  })
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
  const sub = fontkit.create(bytes)
  const glyphOf = new Map<number, number>()
  const unicodeOf = new Map<number, number>()
  const widthOf = new Map<number, number>()
  for (const cp of codePoints) {
    if (!sub.hasGlyphForCodePoint(cp)) continue
    const gid = sub.glyphForCodePoint(cp).id
    glyphOf.set(cp, gid)
    // Two characters may share a glyph (e.g. a space and a no-break space); the first keeps the mapping.
    if (!unicodeOf.has(gid)) unicodeOf.set(gid, cp)
    widthOf.set(gid, face.advance(cp))
  }
  return { face, bytes, name: `${subsetTag(bytes)}+${face.postscriptName}`, glyphOf, unicodeOf, widthOf }
}

/** Six capital letters from the SHA-256 of the subset: deterministic and distinct per content. */
function subsetTag(bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest()
  let tag = ''
  for (let i = 0; i < TAG_LENGTH; i++) tag += String.fromCharCode(65 + (hash[i]! % 26))
  return tag
}
