/**
 * Font subsetting with HarfBuzz (harfbuzzjs' `harfbuzz-subset.wasm`, the build `subset-font` wraps): pdf-lib's own
 * `subset: true` corrupts PT Sans (DESIGN §4). Each face is loaded into HarfBuzz once per process (font data, not a
 * lesson's), so a kit's subset costs ~0.15–0.25 ms a face instead of ~0.5 ms through `subset-font`, which copies and
 * parses the whole font for every call; a face subset often enough is also preprocessed for repeated subsetting.
 *
 * A subset keeps the original glyph ids (RETAIN_GIDS: unused glyphs become empty, which deflates to almost nothing),
 * so the painter knows every glyph's id without reading the subset back. It keeps only outlines and metrics: no
 * hinting and no GSUB/GPOS/GDEF, because viewers never use them (kerning is written into the page as TJ arrays)
 * and they were most of the bytes.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { FontFace } from './fonts.ts'
import type { FontId } from './types.ts'

const require = createRequire(import.meta.url)

/** Tables a PDF viewer never reads; dropping them took a kit's fonts from 93 KB to 36 KB. */
const DROP_TABLES = ['GSUB', 'GPOS', 'GDEF', 'hdmx', 'gasp', 'cvt ', 'fpgm', 'prep', 'kern', 'DSIG']
/** Letters in a PDF subset tag (ISO 32000 §9.6.4: six uppercase letters). */
const TAG_LENGTH = 6

// hb-subset.h: flags and input sets.
const HB_SUBSET_FLAGS_NO_HINTING = 0x1
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6
/** hb-blob.h: HarfBuzz reads the font bytes where they are. */
const HB_MEMORY_MODE_READONLY = 1

/** What a subset is cut from: a face's id, original TTF bytes and PostScript name (the full `FontFace` or less). */
export type SubsetSource = Pick<FontFace, 'id' | 'bytes' | 'postscriptName'>

/** A face cut down to the characters one document uses. Glyph ids are the original face's (`FontFace.glyphId`). */
export interface FontSubset {
  /** The subset TTF. */
  bytes: Uint8Array
  /** `ABCDEF+PTSans-Regular`: a tag derived from the subset's bytes, so the same text gives the same name. */
  name: string
}

/** The part of harfbuzz-subset.wasm's exports this module calls (pointers are numbers into its memory). */
interface HarfBuzz {
  memory: WebAssembly.Memory
  _initialize(): void
  malloc(size: number): number
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number
  hb_blob_destroy(blob: number): void
  hb_blob_get_data(blob: number, length: number): number
  hb_blob_get_length(blob: number): number
  hb_face_create(blob: number, index: number): number
  hb_face_destroy(face: number): void
  hb_face_reference_blob(face: number): number
  hb_set_add(set: number, value: number): void
  hb_set_clear(set: number): void
  hb_subset_preprocess(face: number): number
  hb_subset_input_create_or_fail(): number
  hb_subset_input_destroy(input: number): void
  hb_subset_input_set_flags(input: number, flags: number): void
  hb_subset_input_set(input: number, set: number): number
  hb_subset_input_unicode_set(input: number): number
  hb_subset_or_fail(face: number, input: number): number
}

let harfbuzz: HarfBuzz | undefined
/**
 * Subsets of a face after which it is preprocessed (`hb_subset_preprocess`: 2–9 ms once, then ~0.05 ms less a subset):
 * a long-lived process (the dev server, a large build) gains, a single kit or a small build does not pay.
 */
const PREPROCESS_AFTER = 8

/** A face in HarfBuzz: the face subsets are made from, and how often it was used. */
interface LoadedFace {
  face: number
  uses: number
  preprocessed: boolean
}

/** HarfBuzz faces by face id; they live as long as the process. */
const loaded = new Map<FontId, LoadedFace>()

/** The HarfBuzz module, compiled on first use (~30 ms, once per process). */
function hb(): HarfBuzz {
  if (!harfbuzz) {
    const module = new WebAssembly.Module(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')))
    harfbuzz = new WebAssembly.Instance(module, {}).exports as unknown as HarfBuzz
    harfbuzz._initialize()
  }
  return harfbuzz
}

/** The face to subset from: loaded into HarfBuzz's memory on first use, preprocessed once used often enough. */
function sourceFace(face: SubsetSource): number {
  const entry = loadedFace(face)
  if (++entry.uses > PREPROCESS_AFTER && !entry.preprocessed) {
    // The raw face stays alive: the preprocessed one is a copy, and it is cheap to keep.
    entry.face = hb().hb_subset_preprocess(entry.face)
    entry.preprocessed = true
  }
  return entry.face
}

/** A face loaded into HarfBuzz's memory (on first use). */
function loadedFace(face: SubsetSource): LoadedFace {
  const h = hb()
  let entry = loaded.get(face.id)
  if (!entry) {
    const data = h.malloc(face.bytes.length)
    new Uint8Array(h.memory.buffer).set(face.bytes, data)
    const blob = h.hb_blob_create(data, face.bytes.length, HB_MEMORY_MODE_READONLY, 0, 0)
    entry = { face: h.hb_face_create(blob, 0), uses: 0, preprocessed: false }
    h.hb_blob_destroy(blob)
    loaded.set(face.id, entry)
  }
  return entry
}

/** Compiles HarfBuzz and loads the faces now, so the first subset does not pay for it (a thread that only subsets). */
export function prepareSubsets(faces: readonly SubsetSource[]): void {
  for (const face of faces) loadedFace(face)
}

/** A four-letter OpenType tag as HarfBuzz's number. */
function otTag(name: string): number {
  return ((name.charCodeAt(0) << 24) | (name.charCodeAt(1) << 16) | (name.charCodeAt(2) << 8) | name.charCodeAt(3)) >>> 0
}

/** Subsets `face` to the given code points, keeping glyph ids. */
export function subsetFace(face: SubsetSource, codePoints: Iterable<number>): FontSubset {
  const h = hb()
  const source = sourceFace(face)
  const input = h.hb_subset_input_create_or_fail()
  if (input === 0) throw new Error('HarfBuzz could not allocate a subset input')
  let result: number
  try {
    h.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_RETAIN_GIDS)
    h.hb_set_clear(h.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG))
    const drop = h.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
    for (const name of DROP_TABLES) h.hb_set_add(drop, otTag(name))
    const unicodes = h.hb_subset_input_unicode_set(input)
    for (const cp of codePoints) h.hb_set_add(unicodes, cp)
    result = h.hb_subset_or_fail(source, input)
  } finally {
    h.hb_subset_input_destroy(input)
  }
  if (result === 0) throw new Error(`HarfBuzz could not subset ${face.postscriptName}`)
  const blob = h.hb_face_reference_blob(result)
  const at = h.hb_blob_get_data(blob, 0)
  // A copy: the wasm memory is reused (and may grow, detaching views) by the next call.
  const bytes = new Uint8Array(h.memory.buffer).slice(at, at + h.hb_blob_get_length(blob))
  h.hb_blob_destroy(blob)
  h.hb_face_destroy(result)
  if (bytes.length === 0) throw new Error(`HarfBuzz returned an empty subset of ${face.postscriptName}`)
  return { bytes, name: `${subsetTag(bytes)}+${face.postscriptName}` }
}

/** Six capital letters from the SHA-256 of the subset: deterministic and distinct per content. */
function subsetTag(bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest()
  let tag = ''
  for (let i = 0; i < TAG_LENGTH; i++) tag += String.fromCharCode(65 + (hash[i]! % 26))
  return tag
}
