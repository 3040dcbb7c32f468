/**
 * The line breaker: styled text → ragged-right lines no wider than the measure.
 * Greedy first fit, with Ukrainian hyphenation when a line would otherwise be left loose, breaks after
 * hyphens and slashes, and, as a last resort for over-long words and URLs, a break at any character,
 * so no line is ever overfull. The width function is a parameter (tests pass a fake one).
 */
import type { FontId, FontUnits, Hyphenate, Measure } from './types.ts'

/** A stretch of text in one style, as the breaker receives it. */
export interface StyledText {
  text: string
  font: FontId
  code?: boolean
  href?: string
}

/** A positioned piece of one line in one style; `x` is relative to the line start. */
export interface LineFragment {
  text: string
  font: FontId
  x: number
  width: number
  code?: boolean
  href?: string
  /** A hyphen the breaker added: not part of the author's text. */
  inserted?: boolean
}

/** One line: its fragments, total width and how it joins the next line. */
export interface Line {
  fragments: LineFragment[]
  width: number
  /** `space`: the break replaced a space; `none`: a word was split here (or the paragraph ends). */
  joint: 'space' | 'none'
}

/** What the breaker needs besides the text. */
export interface BreakOptions {
  /** pt: the measure (line length). */
  width: number
  /** pt: type size. */
  size: number
  measure: Measure
  hyphenate?: Hyphenate
  /** The same widths in font units (`TextMetrics.fontUnits`): a word is measured once, whatever sizes it is set at. */
  fontUnits?: FontUnits
  /**
   * The runs already tokenized (`tokenizeRuns` of the same runs array), when they are broken several times. Words
   * are never changed after tokenizing, and a piece's cached width is in font units or tagged with its size, so
   * reuse gives the same lines (with the same metrics).
   */
  tokens?: Tokens
}

/** Hyphenate only when the line without the next word would leave more than this share of the width empty. */
const LOOSE_SHARE = 0.12
/** pt: rounding slack when comparing widths, far below anything visible. */
const EPSILON = 1e-6
/** Characters after which a word may break without adding a hyphen. */
const EXPLICIT_BREAK_AFTER = new Set(['-', '‐', '–', '—', '/'])
/** Characters after which an over-long URL-like word prefers to break. */
const URL_BREAK_AFTER = new Set(['.', '?', '&', '=', '_', '#', ':', ',', ';'])
/** The hyphen added at a hyphenation break. */
const HYPHEN = '-'

/** Characters normalizeSpace changes: soft hyphens, zero-width spaces, whitespace other than a single space. */
const NEEDS_NORMALIZING = /[\u00AD\u200B\t\n\r\f\v]| {2}/

/** Collapses whitespace as HTML does (the no-break space is kept) and drops soft hyphens and zero-width spaces. */
export function normalizeSpace(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text
  return text.replace(/[\u00AD\u200B]/g, '').replace(/[ \t\n\r\f\v]+/g, ' ')
}

interface Piece {
  text: string
  style: StyledText
  /** The normalized run text the piece was cut from, and where: a line's text is sliced from it, not concatenated. */
  src: string
  at: number
  /** Width in font units once measured (with `fontUnits`), else -1. */
  units: number
  /** pt: measured width at `size` (without `fontUnits`); `size` is -1 until measured. */
  width: number
  size: number
}

/** A piece with nothing measured yet (every field set, so all pieces share one shape). */
function piece(text: string, style: StyledText, src: string, at: number): Piece {
  return { text, style, src, at, units: -1, width: 0, size: -1 }
}

/** Words of styled text, tokenized once for several breaks of the same runs (a card trying type sizes). */
export interface Tokens {
  runs: readonly StyledText[]
  words: readonly Word[]
}

/** Tokenizes runs for `BreakOptions.tokens`. */
export function tokenizeRuns(runs: readonly StyledText[]): Tokens {
  return { runs, words: tokenize(runs) }
}

interface Word {
  pieces: Piece[]
  /** The style of the space that follows the word, if any. */
  space?: StyledText
  /** Where that space stands in its run's normalized text. */
  spaceSrc?: string
  spaceAt?: number
}

/** Breaks styled text into lines of at most `options.width` pt (a single character wider than that still gets its own line). */
export function breakLines(runs: readonly StyledText[], options: BreakOptions): Line[] {
  const { width, size, measure, fontUnits } = options
  const words = options.tokens?.runs === runs ? options.tokens.words : tokenize(runs)
  const lines: Line[] = []
  // measure(t, f, size) is exactly units(t, f) * size / unitsPerEm (see FontUnits): the same numbers either way.
  const measurePiece = fontUnits
    ? (p: Piece): number => (pieceUnits(p, fontUnits) * size) / fontUnits.unitsPerEm[p.style.font]
    : (p: Piece): number => {
        if (p.size !== size) {
          p.width = measure(p.text, p.style.font, size)
          p.size = size
        }
        return p.width
      }
  const wordWidth = (w: Word): number => {
    const pieces = w.pieces
    if (pieces.length === 1) return measurePiece(pieces[0]!)
    let sum = 0
    for (const p of pieces) sum += measurePiece(p)
    return sum
  }
  let spaceFont: FontId | undefined
  let spaceW = 0
  const spaceWidth = (s: StyledText): number => {
    if (s.font !== spaceFont) {
      spaceFont = s.font
      spaceW = measure(' ', s.font, size)
    }
    return spaceW
  }

  let current: Word[] = []
  let currentWidth = 0
  const flush = (joint: Line['joint'], hyphen?: StyledText): void => {
    lines.push(makeLine(current, joint, hyphen, measure, size))
    current = []
    currentWidth = 0
  }

  // Words in order; a word that goes back (a split's tail, or a word moved to the next line) is taken next.
  let next = 0
  let back: Word | undefined
  while (back || next < words.length) {
    const word = back ?? words[next++]!
    back = undefined
    const last = current[current.length - 1]
    const gap = last?.space ? spaceWidth(last.space) : 0
    const ww = wordWidth(word)
    if (currentWidth + gap + ww <= width + EPSILON) {
      current.push(word)
      currentWidth += gap + ww
      continue
    }
    const room = width - currentWidth - gap
    const loose = current.length === 0 || width - currentWidth > LOOSE_SHARE * width
    if (loose) {
      const split = bestSplit(word, room, measurePiece, options.hyphenate, size, measure)
      if (split) {
        current.push(split.head)
        flush('none', split.hyphen)
        back = split.tail
        continue
      }
    }
    if (current.length > 0) {
      flush('space')
      back = word
      continue
    }
    // An empty line and a word that does not fit even alone: break it at the last character that fits.
    const k = emergencySplitIndex(word, width, measurePiece)
    const [head, tail] = splitWord(word, k)
    current.push(head)
    flush('none')
    back = tail
  }
  if (current.length > 0) flush('none')
  return settle(lines, width, measure, size)
}

/** A piece's width in font units, measured once. */
function pieceUnits(p: Piece, fontUnits: FontUnits): number {
  if (p.units < 0) p.units = fontUnits.units(p.text, p.style.font)
  return p.units
}

/** Splits runs into words (maximal stretches of non-space characters, across style changes). */
function tokenize(runs: readonly StyledText[]): Word[] {
  const words: Word[] = []
  let pieces: Piece[] = []
  for (const run of runs) {
    const text = normalizeSpace(run.text)
    let start = 0
    for (;;) {
      const i = text.indexOf(' ', start)
      const end = i < 0 ? text.length : i
      if (end > start) {
        const p = piece(text.slice(start, end), run, text, start)
        // Most words are one piece: a one-element literal, not an empty array grown by push.
        if (pieces.length === 0) pieces = [p]
        else pieces.push(p)
      }
      if (i < 0) break
      if (pieces.length > 0) words.push({ pieces, space: run, spaceSrc: text, spaceAt: i })
      pieces = []
      start = i + 1
    }
  }
  if (pieces.length > 0) words.push({ pieces, space: undefined, spaceSrc: undefined, spaceAt: undefined })
  // A trailing space at the paragraph's end is not a break.
  const last = words[words.length - 1]
  if (last) last.space = undefined
  return words
}

/** The word's text. */
function wordText(w: Word): string {
  return w.pieces.map((p) => p.text).join('')
}

/** Splits a word at character index k of its text into head and tail (the tail keeps the following space). */
function splitWord(w: Word, k: number): [Word, Word] {
  const head: Piece[] = []
  const tail: Piece[] = []
  let offset = 0
  for (const p of w.pieces) {
    const end = offset + p.text.length
    if (end <= k) head.push(p)
    else if (offset >= k) tail.push(p)
    else {
      head.push(piece(p.text.slice(0, k - offset), p.style, p.src, p.at))
      tail.push(piece(p.text.slice(k - offset), p.style, p.src, p.at + k - offset))
    }
    offset = end
  }
  return [{ pieces: head, space: undefined, spaceSrc: undefined, spaceAt: undefined }, { pieces: tail, space: w.space, spaceSrc: w.spaceSrc, spaceAt: w.spaceAt }]
}

/** The style of the character just before index k. */
function styleBefore(w: Word, k: number): StyledText {
  let offset = 0
  for (const p of w.pieces) {
    offset += p.text.length
    if (offset >= k) return p.style
  }
  return w.pieces[w.pieces.length - 1]!.style
}

/** Whether index k of text is between two whole characters (not inside a surrogate pair, not before a combining mark). */
function isCharBoundary(text: string, k: number): boolean {
  const c = text.charCodeAt(k)
  if (c >= 0xdc00 && c <= 0xdfff) return false
  return !/^\p{M}/u.test(text.slice(k, k + 1))
}

/** Break candidates inside a word, latest first: explicit breaks (no hyphen added) and hyphenation points. */
function candidates(text: string, hyphenate: Hyphenate | undefined): { index: number; hyphen: boolean }[] {
  const found = new Map<number, boolean>()
  for (let i = 1; i < text.length - 1; i++) {
    if (EXPLICIT_BREAK_AFTER.has(text[i]!) && !EXPLICIT_BREAK_AFTER.has(text[i + 1]!)) found.set(i + 1, false)
  }
  if (hyphenate) {
    // Hyphenate each letter stretch on its own, so punctuation and explicit hyphens stay out of the patterns.
    for (const m of text.matchAll(/[\p{L}\p{M}’'ʼ]+/gu)) {
      for (const p of hyphenate(m[0])) if (!found.has(m.index + p)) found.set(m.index + p, true)
    }
  }
  return [...found].map(([index, hyphen]) => ({ index, hyphen })).sort((a, b) => b.index - a.index)
}

/** The latest break inside the word whose head (with its hyphen) fits into `room` pt. */
function bestSplit(
  word: Word,
  room: number,
  measurePiece: (p: Piece) => number,
  hyphenate: Hyphenate | undefined,
  size: number,
  measure: Measure,
): { head: Word; tail: Word; hyphen?: StyledText } | undefined {
  if (room <= 0) return undefined
  const text = wordText(word)
  for (const c of candidates(text, hyphenate)) {
    const [head, tail] = splitWord(word, c.index)
    const hyphenStyle = c.hyphen ? styleBefore(word, c.index) : undefined
    const w =
      head.pieces.reduce((s, p) => s + measurePiece(p), 0) + (hyphenStyle ? measure(HYPHEN, hyphenStyle.font, size) : 0)
    if (w <= room + EPSILON) return { head, tail, hyphen: hyphenStyle }
  }
  return undefined
}

/** The longest head (at least one character) of an over-long word that fits the line, preferring a URL separator. */
function emergencySplitIndex(word: Word, width: number, measurePiece: (p: Piece) => number): number {
  const text = wordText(word)
  const headWidth = (k: number): number => splitWord(word, k)[0].pieces.reduce((s, p) => s + measurePiece(p), 0)
  // Binary search for the longest fitting prefix: widths grow with length (advances are positive).
  let lo = 1
  let hi = text.length - 1
  let best = 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (headWidth(mid) <= width + EPSILON) {
      best = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  // Prefer ending at a URL separator when one lies in the last third of the fitting prefix.
  for (let k = best; k > (best * 2) / 3; k--) {
    if (URL_BREAK_AFTER.has(text[k - 1]!) && isCharBoundary(text, k)) return k
  }
  let k = best
  while (k > 1 && !isCharBoundary(text, k)) k--
  if (!isCharBoundary(text, k)) {
    k = best
    while (k < text.length - 1 && !isCharBoundary(text, k)) k++
  }
  return k
}

/**
 * Builds a line: merges neighbouring pieces of the same style (spaces included) and measures each once. A merged
 * stretch that is contiguous in its run's text is sliced from it (no concatenated string to build and flatten).
 */
function makeLine(words: Word[], joint: Line['joint'], hyphen: StyledText | undefined, measure: Measure, size: number): Line {
  const single = singleSlice(words)
  if (single) {
    // The common line: one run's text, in one style, from its first piece to its last (the general path's result
    // in that case, without merging piece by piece).
    const { style, src, from, to } = single
    const text = from === 0 && to === src.length ? src : src.slice(from, to)
    const width = measure(text, style.font, size)
    const f: LineFragment = { text, font: style.font, x: 0, width }
    if (style.code) f.code = true
    if (style.href !== undefined) f.href = style.href
    if (!hyphen) return { fragments: [f], width, joint }
    // An inserted hyphen is always a fragment of its own (the general path never merges it either).
    const hw = measure(HYPHEN, hyphen.font, size)
    const h: LineFragment = { text: HYPHEN, font: hyphen.font, x: width, width: hw }
    if (hyphen.code) h.code = true
    if (hyphen.href !== undefined) h.href = hyphen.href
    h.inserted = true
    return { fragments: [f, h], width: width + hw, joint }
  }
  const merged: { text: string; style: StyledText; inserted?: boolean; src?: string; from: number; to: number }[] = []
  const add = (text: string, style: StyledText, src: string | undefined, at: number, inserted?: boolean): void => {
    const last = merged[merged.length - 1]
    if (last && !inserted && !last.inserted && sameStyle(last.style, style)) {
      if (last.src !== undefined && src === last.src && at === last.to) {
        last.to += text.length
        return
      }
      last.text = (last.src !== undefined ? last.src.slice(last.from, last.to) : last.text) + text
      last.src = undefined
    } else merged.push({ text, style, inserted, src, from: at, to: at + text.length })
  }
  words.forEach((w, i) => {
    for (const p of w.pieces) add(p.text, p.style, p.src, p.at)
    if (i < words.length - 1 && w.space) add(' ', w.space, w.spaceSrc, w.spaceAt ?? -1)
  })
  if (hyphen) add(HYPHEN, hyphen, undefined, -1, true)
  let x = 0
  const fragments: LineFragment[] = merged.map((m) => {
    const text = m.src === undefined ? m.text : m.from === 0 && m.to === m.src.length ? m.src : m.src.slice(m.from, m.to)
    const width = measure(text, m.style.font, size)
    const f: LineFragment = { text, font: m.style.font, x, width }
    if (m.style.code) f.code = true
    if (m.style.href !== undefined) f.href = m.style.href
    if (m.inserted) f.inserted = true
    x += width
    return f
  })
  return { fragments, width: x, joint }
}

/**
 * When every piece of the line's words, and every space between them, is one run (the same style object) and they
 * follow each other in its text: that run and the slice. Otherwise undefined.
 */
function singleSlice(words: readonly Word[]): { style: StyledText; src: string; from: number; to: number } | undefined {
  const first = words[0]?.pieces[0]
  if (!first) return undefined
  const style = first.style
  const src = first.src
  let pos = first.at
  const n = words.length
  for (let i = 0; i < n; i++) {
    const w = words[i]!
    const pieces = w.pieces
    for (let j = 0; j < pieces.length; j++) {
      const p = pieces[j]!
      if (p.style !== style || p.src !== src || p.at !== pos) return undefined
      pos += p.text.length
    }
    if (i < n - 1) {
      // A word followed by no space inside a line does not happen (words end at spaces); the general path handles it.
      if (w.space !== style || w.spaceSrc !== src || w.spaceAt !== pos) return undefined
      pos += 1
    }
  }
  return { style, src, from: first.at, to: pos }
}

/** Whether two styles draw and link the same way. */
function sameStyle(a: StyledText, b: StyledText): boolean {
  return a.font === b.font && !!a.code === !!b.code && a.href === b.href
}

/**
 * Kerning across a space or a style change can make a merged line a hair wider than the sum the breaker
 * used; such a line gives back characters from its end until it fits, so the promise "never overfull" holds
 * whatever the width function does.
 */
function settle(lines: Line[], width: number, measure: Measure, size: number): Line[] {
  const out: Line[] = []
  for (const line of lines) {
    if (line.width <= width + EPSILON || line.fragments.length === 0) {
      out.push(line)
      continue
    }
    const { head, tail } = trimToWidth(line, width, measure, size)
    out.push(head)
    if (tail) out.push(...settle([tail], width, measure, size))
  }
  return out
}

/** Moves the last characters of an overfull line onto a line of their own. */
function trimToWidth(line: Line, width: number, measure: Measure, size: number): { head: Line; tail?: Line } {
  const frags = line.fragments.filter((f) => !f.inserted)
  const chars: { ch: string; f: LineFragment }[] = []
  for (const f of frags) for (const ch of f.text) chars.push({ ch, f })
  const build = (part: typeof chars, joint: Line['joint'], extra?: LineFragment): Line => {
    const out: LineFragment[] = []
    for (const { ch, f } of part) {
      const last = out[out.length - 1]
      if (last && last.font === f.font && last.code === f.code && last.href === f.href) last.text += ch
      else out.push({ ...f, text: ch })
    }
    if (extra) out.push({ ...extra })
    let x = 0
    for (const f of out) {
      f.x = x
      f.width = measure(f.text, f.font, size)
      x += f.width
    }
    return { fragments: out, width: x, joint }
  }
  const hyphen = line.fragments.find((f) => f.inserted)
  for (let k = chars.length - 1; k >= 1; k--) {
    const head = build(chars.slice(0, k), 'none')
    if (head.width <= width + EPSILON) {
      // Prefer a space as the new break: the space is dropped and the joint records it.
      const lastSpace = chars.slice(0, k + 1).map((c) => c.ch).lastIndexOf(' ')
      if (lastSpace > 0) {
        const h = build(chars.slice(0, lastSpace), 'space')
        const t = build(chars.slice(lastSpace + 1), line.joint, hyphen)
        return { head: h, tail: t }
      }
      return { head, tail: build(chars.slice(k), line.joint, hyphen) }
    }
  }
  return { head: line }
}
