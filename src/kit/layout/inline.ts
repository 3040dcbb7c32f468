/** Inline stage: glyph coverage checks, each face's text for the font subsets, and runs → styled text for the line breaker. */
import type { Block, Run, SourcePos } from '../blocks.ts'
import { CodeUnits } from '../text/codeunits.ts'
import type { StyledText } from '../text/linebreak.ts'
import { FONT_IDS, faceOf, type FontId, type TextMetrics } from '../text/types.ts'
import type { LayoutError } from './types.ts'

/** Whether a character never needs a glyph: layout turns it into space or drops it (`/[\s\u00AD\u200B]/u`). */
export function isIgnorable(cp: number): boolean {
  if (cp <= 0x20) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)
  if (cp < 0xa0) return false
  return (
    cp === 0xa0 || cp === 0xad || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200b) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff
  )
}

/** Code units of the text the glyph check is going over (its own: nothing it calls reads text with it). */
const textCodes = new CodeUnits()

/** Index of each face: its bit in the glyph check's "seen" table, and its text in `faceTexts` (FONT_IDS order). */
const FACE_INDEX = Object.fromEntries(FONT_IDS.map((id, i) => [id, i])) as Record<FontId, number>

/** Styled text for the breaker; with `printUrls`, a link's address follows its text when the two differ. */
export function toStyled(runs: readonly Run[], printUrls: boolean, force?: { bold?: boolean; italic?: boolean }): StyledText[] {
  const out: StyledText[] = []
  for (const r of runs) {
    const font = faceOf(r.bold || force?.bold, r.italic || force?.italic)
    const s: StyledText = { text: r.text, font: r.code ? (force?.bold ? 'bold' : 'regular') : font }
    if (r.code) s.code = true
    if (r.href !== undefined) s.href = r.href
    out.push(s)
    if (printUrls && r.href && !sameAddress(r.text, r.href)) {
      out.push({ text: ` (${r.href})`, font: faceOf(false, r.italic || force?.italic), href: r.href })
    }
  }
  return out
}

/** Whether a link's text already shows its address (ignoring the scheme and a trailing slash). */
function sameAddress(text: string, href: string): boolean {
  const norm = (s: string): string => s.trim().replace(/^(https?:\/\/|mailto:|tel:)/i, '').replace(/\/$/, '')
  return norm(text) === norm(href)
}

/** Called with each stretch of text a kit's blocks draw, in the face layout sets it in, and where it stands in the lesson. */
type TextVisitor = (text: string, font: FontId, pos: SourcePos | undefined) => void

/**
 * Every stretch of text the blocks draw, in the face flow sets it in (as `toStyled` and the block kinds give it, without
 * building their output), then each `extra` string in the regular and the bold face (furniture and repeat headers).
 */
function visitText(blocks: readonly Block[], printUrls: boolean, extra: readonly string[], check: TextVisitor): void {
  // Flags, not style objects: nothing is built per run.
  const runs = (rs: readonly Run[] | undefined, pos: SourcePos | undefined, forceBold = false, forceItalic = false): void => {
    if (!rs) return
    for (let i = 0; i < rs.length; i++) {
      const r = rs[i]!
      check(r.text, r.code ? (forceBold ? 'bold' : 'regular') : faceOf(r.bold || forceBold, r.italic || forceItalic), pos)
      if (printUrls && r.href && !sameAddress(r.text, r.href)) {
        // ` (${href})`, character by character in the same order, without building it.
        const font = faceOf(false, r.italic || forceItalic)
        check(' (', font, pos)
        check(r.href, font, pos)
        check(')', font, pos)
      }
    }
  }
  const visit = (list: readonly Block[]): void => {
    for (const b of list) {
      switch (b.kind) {
        case 'heading':
          // As flow sets them: bold, and level 4 bold italic.
          runs(b.runs, b.pos, true, b.level === 4)
          break
        case 'paragraph':
          runs(b.runs, b.pos)
          break
        case 'list':
          for (const item of b.items) visit(item)
          break
        case 'table':
          for (const cell of b.header) runs(cell, b.pos, true)
          for (const row of b.rows) for (const cell of row) runs(cell, b.pos)
          break
        case 'image':
          runs(b.caption, b.pos, false, true)
          break
        case 'box':
          runs(b.title, b.pos, true)
          visit(b.children)
          break
        case 'cards':
          runs(b.title, b.pos, true)
          for (const c of b.cards) runs(c, b.pos)
          break
        case 'nameLine':
          check(b.nameLabel + b.dateLabel, 'regular', b.pos)
          break
        case 'field':
          runs(b.label, b.pos)
          break
        case 'rule':
        case 'pageBreak':
        case 'section':
          break
      }
    }
  }
  visit(blocks)
  for (const s of extra) {
    check(s, 'regular', undefined)
    check(s, 'bold', undefined)
  }
}

/** Every character a face must draw for these blocks, with where it stands; one error per character and face. */
export function resolveGlyphs(blocks: readonly Block[], metrics: TextMetrics, printUrls: boolean, extra: readonly string[]): LayoutError[] {
  const errors: LayoutError[] = []
  // One byte per BMP character: a bit per face once checked (a kit uses a few hundred characters; this is per call).
  const seen = new Uint8Array(0x10000)
  const seenAstral = new Set<string>()
  visitText(blocks, printUrls, extra, (text, font, pos) => {
    const bit = 1 << FACE_INDEX[font]
    const n = text.length
    const codes = textCodes.read(text)
    for (let i = nextUnseen(codes, 0, n, seen, bit); i < n; i = nextUnseen(codes, i + 1, n, seen, bit)) {
      const c = codes[i]!
      if (c < 0xd800 || c > 0xdfff) {
        seen[c] = seen[c]! | bit
        if (isIgnorable(c) || metrics.hasGlyph(c, font)) continue
        errors.push(missing(String.fromCharCode(c), c, font, pos))
        continue
      }
      const cp = text.codePointAt(i)!
      const ch = String.fromCodePoint(cp)
      if (cp > 0xffff) i++
      const key = `${font}:${cp}`
      if (seenAstral.has(key)) continue
      seenAstral.add(key)
      if (!metrics.hasGlyph(cp, font)) errors.push(missing(ch, cp, font, pos))
    }
  })
  return errors
}

/** Characters the text never draws: normalizing drops soft hyphens and zero-width spaces and turns these into spaces. */
function isNeverDrawn(c: number): boolean {
  return c === 0xad || c === 0x200b || (c >= 0x09 && c <= 0x0d)
}

/** Digits: page numbers change between layout passes ("с. 88" first), so a face that draws one may draw any. */
const DIGITS = '0123456789'
/**
 * What layout adds to a face's text: the space between words and the hyphen of a hyphenated word in every face; list
 * markers (bullets, dashes, "12.") and the furniture's ellipsis in the regular face.
 */
const ADDED_IN_EVERY_FACE = ' -'
const ADDED_IN_REGULAR = `•–.…${DIGITS}`

/**
 * Each face's text as layout sets it, in FONT_IDS order: the blocks' text, the furniture (regular) and the
 * repeat-header word "continued" (bold), each face's pieces joined (what `charactersOf` reads). Joining costs no
 * pass over the characters, so the rendering thread can leave that pass to the helper thread.
 */
export function faceTexts(blocks: readonly Block[], printUrls: boolean, furniture: readonly string[], continued: string): string[] {
  // Pieces joined once per face (a flat string), not added one by one (a rope of thousands of pieces to flatten later).
  const pieces: string[][] = [[], [], [], []]
  visitText(blocks, printUrls, [], (text, font) => {
    pieces[FACE_INDEX[font]]!.push(text)
  })
  pieces[FACE_INDEX.regular]!.push(...furniture)
  // Repeat headers of boxes and cards that go on over a page: the bold title line.
  pieces[FACE_INDEX.bold]!.push(continued)
  return pieces.map((face) => face.join(''))
}

/**
 * The characters each face is expected to draw, in ascending order, from its text (`faceTexts`): the text's
 * characters, and what layout adds (`ADDED_IN_EVERY_FACE`, `ADDED_IN_REGULAR`, all digits for a face with one).
 * Known before layout, so the fonts can be subset while the pages are laid out; a character drawn beyond these is
 * still caught by the painter, which then subsets with it too.
 */
export function charactersOf(texts: readonly string[]): Map<FontId, number[]> {
  const out = new Map<FontId, number[]>()
  for (const font of FONT_IDS) {
    const text = texts[FACE_INDEX[font]] ?? ''
    if (text.length === 0) continue
    const chars = distinctCharacters(text).filter((c) => !isNeverDrawn(c))
    if (chars.length === 0) continue
    const digit = chars.some((c) => c >= 0x30 && c <= 0x39)
    const added = ADDED_IN_EVERY_FACE + (font === 'regular' ? ADDED_IN_REGULAR : digit ? DIGITS : '')
    for (let i = 0; i < added.length; i++) chars.push(added.charCodeAt(i))
    out.set(font, [...new Set(chars)].sort((a, b) => a - b))
  }
  return out
}

/** The code points of a text, each once, in order of first appearance. */
function distinctCharacters(text: string): number[] {
  const seen = faceSeen
  const chars: number[] = []
  const n = text.length
  const codes = textCodes.read(text)
  for (let i = nextUnseen(codes, 0, n, seen, 1); i < n; i = nextUnseen(codes, i + 1, n, seen, 1)) {
    const c = codes[i]!
    if (c < 0xd800 || c > 0xdfff) {
      seen[c] = 1
      chars.push(c)
    } else {
      const cp = text.codePointAt(i)!
      if (cp > 0xffff) i++
      chars.push(cp)
    }
  }
  for (const c of chars) if (c < 0x10000) seen[c] = 0
  return chars
}

/** The "seen" marks of `distinctCharacters`, cleared after every call (only the entries it set). */
const faceSeen = new Uint8Array(0x10000)

/**
 * Index of the first code unit from `from` on whose `seen` entry lacks `bit` (n if none): most characters were met in
 * this face already, so this tight loop skips them. Surrogates are never marked seen (the check pairs them).
 */
function nextUnseen(codes: Uint16Array, from: number, n: number, seen: Uint8Array, bit: number): number {
  let i = from
  while (i < n && (seen[codes[i]!]! & bit) !== 0) i++
  return i
}

/** The author error for a character a face lacks. */
export function missing(ch: string, cp: number, font: FontId, pos: SourcePos | undefined): LayoutError {
  const hex = cp.toString(16).toUpperCase().padStart(4, '0')
  return {
    kind: 'missing-glyph',
    char: ch,
    codePoint: cp,
    font,
    pos,
    message: `the kit font (PT Sans, ${font}) has no glyph for "${ch}" (U+${hex}); replace it or remove it`,
  }
}
