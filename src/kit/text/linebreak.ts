/**
 * The line breaker: styled text → ragged-right lines no wider than the measure.
 * Greedy first fit, with Ukrainian hyphenation when a line would otherwise be left loose, breaks after
 * hyphens and slashes, and, as a last resort for over-long words and URLs, a break at any character,
 * so no line is ever overfull. The width function is a parameter (tests pass a fake one).
 */
import { CodeUnits } from './codeunits.ts'
import type { FontId, FontUnits, Hyphenate, Measure } from './types.ts'
import { MAX_HYPHENATED_WORD } from '../../model/limits.ts'

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
   * The runs already tokenized (`tokenizeRuns` or `withTokens` of the same runs array), when they are broken several
   * times. Words are never changed after tokenizing, and their widths are kept in font units (prefix sums), so reuse
   * gives the same lines (with the same metrics).
   */
  tokens?: Tokens
}

/** Hyphenate only when the line without the next word would leave more than this share of the width empty. */
const LOOSE_SHARE = 0.12
/** pt: rounding slack when comparing widths, far below anything visible. */
const EPSILON = 1e-6
/** Characters after which an over-long URL-like word prefers to break. */
const URL_BREAK_AFTER = new Set(['.', '?', '&', '=', '_', '#', ':', ',', ';'])
/** The hyphen added at a hyphenation break. */
const HYPHEN = '-'
/**
 * Characters: the rest of a word longer than this is measured only as far as a line needs (its head of this length,
 * when that alone overfills the line), so an over-long word costs time in proportion to its length, not its square.
 */
const LONG_REST = 256

/** Characters normalizeSpace changes: soft hyphens, zero-width spaces, whitespace other than a single space. */
const NEEDS_NORMALIZING = /[\u00AD\u200B\t\n\r\f\v]| {2}/

/** Collapses whitespace as HTML does (the no-break space is kept) and drops soft hyphens and zero-width spaces. */
export function normalizeSpace(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text
  return text.replace(/[\u00AD\u200B]/g, '').replace(/[ \t\n\r\f\v]+/g, ' ')
}

/**
 * Words of styled text, kept in flat arrays: a piece is a stretch of one run's normalized text (run, from, to), a word
 * is a range of pieces followed by an optional space. Nothing per word is allocated: no objects, no string slices.
 */
export interface Tokens {
  runs: readonly StyledText[]
  /** The normalized text of each run (pieces index into it). */
  srcs: string[]
  /** Number of words and pieces. */
  words: number
  pieces: number
  /** Per piece: its run, and where it stands in that run's normalized text. */
  pRun: Int32Array
  pFrom: Int32Array
  pTo: Int32Array
  /** Per word: its first piece (word w has pieces wPiece[w] … wPiece[w + 1] - 1; one more entry than words). */
  wPiece: Int32Array
  /** Per word: its length in characters. */
  wLen: Int32Array
  /** Per word: the run of the space that follows it (-1: none), and where that space stands in the run's text. */
  wSpaceRun: Int32Array
  wSpaceAt: Int32Array
  /** The font units the sums below were made with (by `tokenize` or `measureRuns`), undefined until then. */
  measured: FontUnits | undefined
  /** Per run: where its prefix sums start in `sums` and `kerns` (`FontUnits.prefix`), or -1: its slices are measured one by one. */
  rAt: Int32Array
  /** Per run: units per em of its face. */
  rUpm: Float64Array
  /** Prefix sums of the runs' units and the kerning before each character, run after run. */
  sums: Float64Array
  kerns: Int32Array
}

/** Empty token arrays with room for `words` words and `pieces` pieces. */
function emptyTokens(words: number, pieces: number): Tokens {
  return {
    runs: NO_RUNS,
    srcs: [],
    words: 0,
    pieces: 0,
    pRun: new Int32Array(pieces),
    pFrom: new Int32Array(pieces),
    pTo: new Int32Array(pieces),
    wPiece: new Int32Array(words + 1),
    wLen: new Int32Array(words),
    wSpaceRun: new Int32Array(words),
    wSpaceAt: new Int32Array(words),
    measured: undefined,
    // Grown to what the first measured text needs.
    rAt: new Int32Array(0),
    rUpm: new Float64Array(0),
    sums: new Float64Array(0),
    kerns: new Int32Array(0),
  }
}

/** The runs of tokens that hold none (scratch arrays between uses). */
const NO_RUNS: readonly StyledText[] = []
/**
 * Scratch arrays for a break without `BreakOptions.tokens`: breaking is synchronous and never nested, so one set is
 * reused (grown when a paragraph needs more). It holds no text or result between calls that matters: every call
 * overwrites what it reads.
 */
let scratch = emptyTokens(256, 256)
/** Code units of the run being split or measured (read before anything else is measured). */
const runCodes = new CodeUnits()

/**
 * Tokenizes runs for `BreakOptions.tokens` (arrays of its own, so it can be reused across breaks), measured with
 * `fontUnits` when given, so breaks with the same font units go over the text no more.
 */
export function tokenizeRuns(runs: readonly StyledText[], fontUnits?: FontUnits): Tokens {
  return tokenize(runs, emptyTokens(16, 16), fontUnits)
}

/** Scratch arrays for `withTokens`, free (no runs) between its calls. */
const lent = emptyTokens(64, 64)

/**
 * Calls `use` with the runs tokenized (and measured with `fontUnits`, when given), for breaking them several times (a
 * card at several sizes): like `tokenizeRuns`, but in arrays kept for this and dropped when `use` returns, so a
 * card's text costs no allocation and nothing of it is kept.
 */
export function withTokens<T>(runs: readonly StyledText[], fontUnits: FontUnits | undefined, use: (tokens: Tokens) => T): T {
  // A call inside another (never done) gets arrays of its own.
  const t = lent.runs === NO_RUNS ? lent : emptyTokens(16, 16)
  try {
    return use(tokenize(runs, t, fontUnits))
  } finally {
    t.runs = NO_RUNS
    t.srcs = []
  }
}

/** A typed array of `n` entries starting with the content of `a`. */
function grown<T extends Int32Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as { new (n: number): T })(n)
  b.set(a)
  return b
}

/** Doubles the room for pieces. */
function growPieces(t: Tokens): void {
  const n = t.pRun.length * 2
  t.pRun = grown(t.pRun, n)
  t.pFrom = grown(t.pFrom, n)
  t.pTo = grown(t.pTo, n)
}

/** Doubles the room for words (`wPiece` has one entry more than the others). */
function growWords(t: Tokens): void {
  const n = t.wLen.length * 2
  t.wPiece = grown(t.wPiece, n + 1)
  t.wLen = grown(t.wLen, n)
  t.wSpaceRun = grown(t.wSpaceRun, n)
  t.wSpaceAt = grown(t.wSpaceAt, n)
}

/** Piece `p`: characters from … to - 1 of run `r` (the arrays grown when full). */
function setPiece(t: Tokens, p: number, r: number, from: number, to: number): void {
  if (p >= t.pRun.length) growPieces(t)
  t.pRun[p] = r
  t.pFrom[p] = from
  t.pTo[p] = to
}

/** Word `w`: pieces from `firstPiece` on, `length` characters, followed by the space at `spaceAt` of run `spaceRun` (-1: none). */
function setWord(t: Tokens, w: number, firstPiece: number, length: number, spaceRun: number, spaceAt: number): void {
  if (w + 1 >= t.wLen.length) growWords(t)
  t.wPiece[w] = firstPiece
  t.wLen[w] = length
  t.wSpaceRun[w] = spaceRun
  t.wSpaceAt[w] = spaceAt
}

/**
 * Splits runs into words (maximal stretches of non-space characters, across style changes), into `t`; with font units,
 * measures each run's text too (prefix sums, see `measureRuns`), from the same copy of its code units.
 */
function tokenize(runs: readonly StyledText[], t: Tokens, fontUnits: FontUnits | undefined): Tokens {
  t.runs = runs
  const n = runs.length
  const srcs: string[] = (t.srcs = new Array<string>(n))
  if (fontUnits) roomToMeasure(t, runs)
  t.measured = fontUnits
  const prefix = fontUnits?.prefix
  let at = 0
  let words = 0
  let pieces = 0
  let wordStart = 0
  let wordLen = 0
  for (let r = 0; r < n; r++) {
    const raw = runs[r]!.text
    // Split the text as it stands, in one pass over its code units; text that needs normalizing (rare) is split again,
    // normalized.
    const words0 = words
    const pieces0 = pieces
    const wordStart0 = wordStart
    const wordLen0 = wordLen
    let text = raw
    let codes = runCodes.read(text)
    let clean = false
    for (;;) {
      const len = text.length
      let start = 0
      let i = 0
      for (; i < len; i++) {
        const c = codes[i]!
        if (c > 0x20 && c !== 0xad && c !== 0x200b) continue
        if (c === 0x20) {
          // Two spaces in a row (i === start after a space): normalizeSpace would make them one.
          if (i === start && i > 0 && !clean) break
          if (i > start) {
            setPiece(t, pieces++, r, start, i)
            wordLen += i - start
          }
          if (pieces > wordStart) {
            setWord(t, words++, wordStart, wordLen, r, i)
            wordStart = pieces
            wordLen = 0
          }
          start = i + 1
        } else if (!clean && (c === 0xad || c === 0x200b || (c >= 0x09 && c <= 0x0d))) break
      }
      if (i < len) {
        // A character normalizeSpace changes: forget this run's words and split its normalized text.
        words = words0
        pieces = pieces0
        wordStart = wordStart0
        wordLen = wordLen0
        text = normalizeSpace(raw)
        codes = runCodes.read(text)
        clean = true
        continue
      }
      if (len > start) {
        setPiece(t, pieces++, r, start, len)
        wordLen += len - start
      }
      break
    }
    srcs[r] = text
    if (fontUnits) {
      const font = runs[r]!.font
      t.rUpm[r] = fontUnits.unitsPerEm[font]
      if (prefix !== undefined && prefix(codes, text.length, font, t.sums, t.kerns, at)) {
        t.rAt[r] = at
        at += text.length + 1
      } else t.rAt[r] = -1
    }
  }
  if (pieces > wordStart) setWord(t, words++, wordStart, wordLen, -1, 0)
  // A trailing space at the paragraph's end is not a break.
  if (words > 0) t.wSpaceRun[words - 1] = -1
  t.wPiece[words] = pieces
  t.words = words
  t.pieces = pieces
  return t
}

/** Room in `t` to measure these runs: per-run entries, and prefix sums for every character (normalizing only shortens). */
function roomToMeasure(t: Tokens, runs: readonly StyledText[]): void {
  const n = runs.length
  if (t.rAt.length < n) {
    t.rAt = new Int32Array(2 * n)
    t.rUpm = new Float64Array(2 * n)
  }
  let need = 0
  for (let r = 0; r < n; r++) need += runs[r]!.text.length + 1
  if (t.sums.length < need) {
    const room = Math.max(need, 2 * t.sums.length)
    t.sums = new Float64Array(room)
    t.kerns = new Int32Array(room)
  }
}

/**
 * Prefix sums of every run's units (`FontUnits.prefix`), once per tokens and font units, so any slice of a run's text
 * measures in three reads: its units are exactly what `FontUnits.units` gives for that slice. (`tokenize` does this
 * already when it has the font units.)
 */
function measureRuns(t: Tokens, fontUnits: FontUnits): void {
  if (t.measured === fontUnits) return
  const { runs, srcs } = t
  roomToMeasure(t, runs)
  t.measured = fontUnits
  const prefix = fontUnits.prefix
  let at = 0
  for (let r = 0; r < runs.length; r++) {
    const font = runs[r]!.font
    const src = srcs[r]!
    t.rUpm[r] = fontUnits.unitsPerEm[font]
    if (prefix !== undefined && prefix(runCodes.read(src), src.length, font, t.sums, t.kerns, at)) {
      t.rAt[r] = at
      at += src.length + 1
    } else t.rAt[r] = -1
  }
}

/** Breaks styled text into lines of at most `options.width` pt (a single character wider than that still gets its own line). */
export function breakLines(runs: readonly StyledText[], options: BreakOptions): Line[] {
  const { width, size, measure, fontUnits } = options
  let t: Tokens
  if (options.tokens?.runs === runs) t = options.tokens
  else {
    t = scratch = tokenize(runs, scratch, fontUnits)
  }
  if (fontUnits) measureRuns(t, fontUnits)
  // The same tokens object holds another paragraph now (scratch, or tokens broken again): forget where pieces were.
  cursor.t = undefined
  const { srcs, pRun, pFrom, pTo, wPiece, wLen, wSpaceRun, rAt, rUpm, sums, kerns } = t
  const lines: Line[] = []
  // measure(t, f, size) is exactly units(t, f) * size / unitsPerEm (see FontUnits), and a slice's units from the prefix
  // sums are exactly its units: the same numbers every way.
  /** pt: width of characters a … b - 1 of run r's normalized text, measured as one slice. */
  const sliceWidth = (r: number, a: number, b: number): number => {
    if (fontUnits) {
      const at = rAt[r]!
      const u = at >= 0 ? sums[at + b]! - sums[at + a]! - kerns[at + a]! : fontUnits.units(srcs[r]!, runs[r]!.font, a, b)
      return (u * size) / rUpm[r]!
    }
    return measure(srcs[r]!.slice(a, b), runs[r]!.font, size)
  }
  /** pt: width of characters a … b - 1 of word w (pieces summed in order, as separate measurements). */
  const viewWidth = (w: number, a: number, b: number): number => {
    let sum = 0
    const end = wPiece[w + 1]!
    let off = pieceAt(t, w, a)
    for (let p = cursor.p; p < end && off < b; p++) {
      const len = pTo[p]! - pFrom[p]!
      const s = a > off ? a - off : 0
      const e = b - off < len ? b - off : len
      if (e > s) sum += sliceWidth(pRun[p]!, pFrom[p]! + s, pFrom[p]! + e)
      off += len
    }
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

  // The current line runs from character lo of word ls to the end of word w - 1 (cur words), or is empty.
  let ls = 0
  let lo = 0
  let cur = 0
  let currentWidth = 0
  const flush = (endWord: number, endOff: number, joint: Line['joint'], hyphen?: StyledText): void => {
    lines.push(makeLine(t, ls, lo, endWord, endOff, joint, hyphen, sliceWidth, measure, size))
    cur = 0
    currentWidth = 0
  }

  // Whether word proseWord is prose (may be hyphenated), found once per word however many lines it spans.
  let proseWord = -1
  let prose = false
  // Words in order; the rest of a word (a split's tail, or a word moved to the next line) starts the next line.
  let w = 0
  let off = 0
  const n = t.words
  while (w < n) {
    if (cur === 0) {
      ls = w
      lo = off
    }
    const len = wLen[w]!
    const gap = cur > 0 && wSpaceRun[w - 1]! >= 0 ? spaceWidth(runs[wSpaceRun[w - 1]!]!) : 0
    // A whole word of one piece (the common word) is one slice. Of a long rest, a head wider than the line (by more
    // than any kerning at the cut) is enough to know it does not fit.
    const p = wPiece[w]!
    let ww = len - off > LONG_REST ? viewWidth(w, off, off + LONG_REST) : -1
    if (!(ww > width + size)) ww = off === 0 && wPiece[w + 1] === p + 1 ? sliceWidth(pRun[p]!, pFrom[p]!, pTo[p]!) : viewWidth(w, off, len)
    if (currentWidth + gap + ww <= width + EPSILON) {
      cur++
      currentWidth += gap + ww
      w++
      off = 0
      continue
    }
    const room = width - currentWidth - gap
    const loose = cur === 0 || width - currentWidth > LOOSE_SHARE * width
    if (loose && room > 0) {
      if (proseWord !== w) {
        proseWord = w
        // A compound written with a hyphen (онлайн-країна) breaks only at its hyphen, never inside its parts.
        const whole = viewText(t, w, 0, len)
        prose = !NOT_PROSE.test(whole) && !COMPOUND.test(whole)
      }
      const split = bestSplit(t, w, off, room, viewWidth, prose ? options.hyphenate : undefined, size, measure)
      if (split) {
        flush(w, off + split.index, 'none', split.hyphen)
        off += split.index
        continue
      }
    }
    if (cur > 0) {
      flush(w - 1, wLen[w - 1]!, 'space')
      continue
    }
    // An empty line and a word that does not fit even alone: break it at the last character that fits.
    const k = emergencySplitIndex(t, w, off, width, viewWidth)
    flush(w, off + k, 'none')
    off += k
  }
  if (cur > 0) flush(w - 1, wLen[w - 1]!, 'none')
  if (t === scratch) {
    // Scratch keeps no reference to the paragraph once broken.
    t.runs = NO_RUNS
    t.srcs = []
  }
  return settle(lines, width, measure, size)
}

/** Where `pieceAt` last stopped: in word w of tokens t, piece p starts at character off of the word. */
const cursor: { t: Tokens | undefined; w: number; p: number; off: number } = { t: undefined, w: -1, p: 0, off: 0 }

/**
 * The first piece of word w that ends after character a (or the word's last piece), left in `cursor.p`; returns the
 * character of the word it starts at. It goes on from where the last call stopped when it can, so the lines of a long
 * word of many pieces (a style change every letter) skip each piece once, not once per line.
 */
function pieceAt(t: Tokens, w: number, a: number): number {
  const { pFrom, pTo, wPiece } = t
  if (cursor.t !== t || cursor.w !== w || cursor.off > a) {
    cursor.t = t
    cursor.w = w
    cursor.p = wPiece[w]!
    cursor.off = 0
  }
  const last = wPiece[w + 1]! - 1
  while (cursor.p < last && cursor.off + pTo[cursor.p]! - pFrom[cursor.p]! <= a) {
    cursor.off += pTo[cursor.p]! - pFrom[cursor.p]!
    cursor.p++
  }
  return cursor.off
}

/** Characters a … b - 1 of word w. */
function viewText(t: Tokens, w: number, a: number, b: number): string {
  const { srcs, pRun, pFrom, pTo, wPiece } = t
  const first = wPiece[w]!
  const end = wPiece[w + 1]!
  if (end - first === 1) return srcs[pRun[first]!]!.slice(pFrom[first]! + a, pFrom[first]! + b)
  let text = ''
  let off = pieceAt(t, w, a)
  for (let p = cursor.p; p < end && off < b; p++) {
    const len = pTo[p]! - pFrom[p]!
    const s = a > off ? a - off : 0
    const e = b - off < len ? b - off : len
    if (e > s) text += srcs[pRun[p]!]!.slice(pFrom[p]! + s, pFrom[p]! + e)
    off += len
  }
  return text
}

/** The style of the character just before index k of the view of word w that starts at character a. */
function styleBefore(t: Tokens, w: number, a: number, k: number): StyledText {
  const { runs, pRun, pFrom, pTo, wPiece } = t
  let off = pieceAt(t, w, a)
  let last = -1
  for (let p = cursor.p; p < wPiece[w + 1]!; p++) {
    off += pTo[p]! - pFrom[p]!
    if (off <= a) continue
    last = p
    if (off - a >= k) return runs[pRun[p]!]!
  }
  return runs[pRun[last]!]!
}

/** Whether index k of text is between two whole characters (not inside a surrogate pair, not before a combining mark). */
function isCharBoundary(text: string, k: number): boolean {
  const c = text.charCodeAt(k)
  if (c >= 0xdc00 && c <= 0xdfff) return false
  return !/^\p{M}/u.test(text.slice(k, k + 1))
}

/** Whether a word may break after this character without adding a hyphen: - ‐ – — / */
function isExplicitBreak(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2013 || c === 0x2014 || c === 0x2f
}

/** Stretches of letters (with marks and apostrophes) that are hyphenated each on its own. */
const LETTER_STRETCH = /[\p{L}\p{M}’'ʼ]+/gu
/**
 * A word that is not prose: an address (a slash, an @, a dot between letters) or code-like (a digit, a capital after
 * a small letter: a password, a camelCase name). It is never hyphenated: an added hyphen would read as part of it.
 */
const NOT_PROSE = /[/@\p{Nd}]|\p{L}\.\p{L}|\p{Ll}\p{Lu}/u
/** A compound written with a hyphen (онлайн-країна): it breaks at its hyphen only, never inside its parts. */
const COMPOUND = /\p{L}[-\u2010]\p{L}/u

/**
 * Break candidates inside a word, latest first, each as index * 2 + 1 for an explicit break (no hyphen added) and
 * index * 2 for a hyphenation point; an index with both is an explicit break; none after index `most`. Plain numbers:
 * nothing per candidate is built.
 */
function candidates(text: string, hyphenate: Hyphenate | undefined, most = text.length): number[] {
  const found: number[] = []
  for (let i = 1; i < text.length - 1 && i < most; i++) {
    if (isExplicitBreak(text.charCodeAt(i)) && !isExplicitBreak(text.charCodeAt(i + 1))) found.push(2 * (i + 1) + 1)
  }
  if (hyphenate) {
    // Hyphenate each letter stretch on its own, so punctuation and explicit hyphens stay out of the patterns.
    LETTER_STRETCH.lastIndex = 0
    for (let m = LETTER_STRETCH.exec(text); m !== null && m.index < most; m = LETTER_STRETCH.exec(text)) {
      for (const p of hyphenate(m[0])) if (m.index + p <= most) found.push(2 * (m.index + p))
    }
  }
  // Latest first, and at one index the explicit break (odd, so sorted first) only.
  found.sort((a, b) => b - a)
  let kept = 0
  for (let i = 0; i < found.length; i++) {
    if (kept > 0 && found[kept - 1]! >> 1 === found[i]! >> 1) continue
    found[kept++] = found[i]!
  }
  found.length = kept
  return found
}

/**
 * The latest break inside the rest of word w (from character a) whose head (with its hyphen) fits into `room` pt;
 * `hyphenate` only for prose (never an address or a password, see NOT_PROSE).
 */
function bestSplit(
  t: Tokens,
  w: number,
  a: number,
  room: number,
  viewWidth: (w: number, a: number, b: number) => number,
  hyphenate: Hyphenate | undefined,
  size: number,
  measure: Measure,
): { index: number; hyphen?: StyledText } | undefined {
  // Only breaks within what fits can be taken: the text beyond (by the longest word the patterns take, so the letter
  // stretch around the last break that fits is seen whole) is never looked at.
  const fit = fitLength(t, w, a, room, viewWidth)
  if (fit === 0) return undefined
  const text = viewText(t, w, a, Math.min(t.wLen[w]!, a + fit + MAX_HYPHENATED_WORD + 1))
  for (const c of candidates(text, hyphenate, fit)) {
    const index = c >> 1
    const hyphenStyle = (c & 1) === 0 ? styleBefore(t, w, a, index) : undefined
    const width = viewWidth(w, a, a + index) + (hyphenStyle ? measure(HYPHEN, hyphenStyle.font, size) : 0)
    if (width <= room + EPSILON) return { index, hyphen: hyphenStyle }
  }
  return undefined
}

/** The longest head (at least one character) of the rest of an over-long word that fits the line, preferring a URL separator. */
function emergencySplitIndex(t: Tokens, w: number, a: number, width: number, viewWidth: (w: number, a: number, b: number) => number): number {
  const best = Math.max(1, Math.min(fitLength(t, w, a, width, viewWidth), t.wLen[w]! - a - 1))
  // The head that fits, and enough beyond it to find where a character (with its combining marks) ends.
  const text = viewText(t, w, a, Math.min(t.wLen[w]!, a + best + 1 + MAX_HYPHENATED_WORD))
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
 * The most characters of the rest of word w (from character a) that fit into `room` pt: found by doubling, then
 * halving, so a long rest costs a few measurements of about a line's length (widths grow with length).
 */
function fitLength(t: Tokens, w: number, a: number, room: number, viewWidth: (w: number, a: number, b: number) => number): number {
  const rest = t.wLen[w]! - a
  let lo = 0
  let hi = 1
  while (hi <= rest && viewWidth(w, a, a + hi) <= room + EPSILON) {
    lo = hi
    hi *= 2
  }
  hi = Math.min(hi, rest + 1)
  // lo fits (or is 0), hi does not (or is past the end).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (viewWidth(w, a, a + mid) <= room + EPSILON) lo = mid
    else hi = mid
  }
  return lo
}

/** The slices of the line being built, as (run, from, to) triples: scratch, overwritten by every `lineSlices`. */
let slices = new Int32Array(3 * 64)

/**
 * The line from character `lo` of word `ls` to character `eo` of word `le` as slices of its runs' texts, in order, the
 * spaces between its words included, into `slices`; their count.
 */
function lineSlices(t: Tokens, ls: number, lo: number, le: number, eo: number): number {
  const { pRun, pFrom, pTo, wPiece, wSpaceRun, wSpaceAt } = t
  // At most every piece of these words and a space after each but the last.
  const most = 3 * (wPiece[le + 1]! - wPiece[ls]! + le - ls)
  if (most > slices.length) slices = new Int32Array(Math.max(most, 2 * slices.length))
  const out = slices
  let k = 0
  for (let w = ls; w <= le; w++) {
    const a = w === ls ? lo : 0
    const b = w === le ? eo : t.wLen[w]!
    // The first word may start inside (a long word's later line): its pieces before that are skipped.
    let off = w === ls ? pieceAt(t, w, a) : 0
    for (let p = w === ls ? cursor.p : wPiece[w]!; p < wPiece[w + 1]! && off < b; p++) {
      const len = pTo[p]! - pFrom[p]!
      const s = a > off ? a - off : 0
      const e = b - off < len ? b - off : len
      off += len
      if (e > s) {
        out[k++] = pRun[p]!
        out[k++] = pFrom[p]! + s
        out[k++] = pFrom[p]! + e
      }
    }
    if (w < le && wSpaceRun[w]! >= 0) {
      out[k++] = wSpaceRun[w]!
      out[k++] = wSpaceAt[w]!
      out[k++] = wSpaceAt[w]! + 1
    }
  }
  return k / 3
}

/**
 * Builds the line from character `lo` of word `ls` to character `eo` of word `le`: merges neighbouring pieces of the
 * same style (spaces included) and measures each once. A merged stretch that is contiguous in its run's text is
 * sliced from it (no concatenated string to build and flatten) and measured as that slice of the run (`sliceWidth`:
 * from the prefix sums, without going over its characters again).
 */
function makeLine(
  t: Tokens,
  ls: number,
  lo: number,
  le: number,
  eo: number,
  joint: Line['joint'],
  hyphen: StyledText | undefined,
  sliceWidth: (r: number, a: number, b: number) => number,
  measure: Measure,
  size: number,
): Line {
  const { runs, srcs } = t
  const n = lineSlices(t, ls, lo, le, eo)
  // The common line: every slice is of one run, following each other in its text (the general path's result in that
  // case, without merging slice by slice).
  const run = n > 0 ? slices[0]! : -1
  const style: StyledText | undefined = n > 0 ? runs[run] : undefined
  const src = n > 0 ? srcs[run]! : ''
  const from = n > 0 ? slices[1]! : -1
  let pos = from
  let single = true
  for (let i = 0; i < n * 3; i += 3) {
    const r = slices[i]!
    if (runs[r] !== style || srcs[r] !== src || slices[i + 1] !== pos) {
      single = false
      break
    }
    pos = slices[i + 2]!
  }
  if (single && style !== undefined) {
    const text = from === 0 && pos === src.length ? src : src.slice(from, pos)
    // The pieces may come from runs equal to the first (same object and text): measured as a slice of the first.
    const width = sliceWidth(run, from, pos)
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
  // A merged stretch: a slice from..to of run `run` (src set), or text put together from several slices (src undefined).
  const merged: { text: string; style: StyledText; inserted?: boolean; run: number; src?: string; from: number; to: number }[] = []
  const add = (r: number, at: number, to: number, inserted?: boolean): void => {
    const style = inserted ? hyphen! : runs[r]!
    const src = inserted ? undefined : srcs[r]!
    const last = merged[merged.length - 1]
    if (last && !inserted && !last.inserted && sameStyle(last.style, style)) {
      if (last.src !== undefined && r === last.run && at === last.to) {
        last.to += to - at
        return
      }
      const text = src === undefined ? HYPHEN : src.slice(at, to)
      last.text = (last.src !== undefined ? last.src.slice(last.from, last.to) : last.text) + text
      last.src = undefined
    } else merged.push({ text: src === undefined ? HYPHEN : '', style, inserted, run: r, src, from: at, to })
  }
  for (let i = 0; i < n * 3; i += 3) add(slices[i]!, slices[i + 1]!, slices[i + 2]!)
  if (hyphen) add(-1, -1, -1, true)
  let x = 0
  const fragments: LineFragment[] = merged.map((m) => {
    const text = m.src === undefined ? m.text : m.from === 0 && m.to === m.src.length ? m.src : m.src.slice(m.from, m.to)
    const width = m.src === undefined ? measure(text, m.style.font, size) : sliceWidth(m.run, m.from, m.to)
    const f: LineFragment = { text, font: m.style.font, x, width }
    if (m.style.code) f.code = true
    if (m.style.href !== undefined) f.href = m.style.href
    if (m.inserted) f.inserted = true
    x += width
    return f
  })
  return { fragments, width: x, joint }
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
  // The common case, every line within the measure, keeps the array as it is.
  let i = 0
  while (i < lines.length && (lines[i]!.width <= width + EPSILON || lines[i]!.fragments.length === 0)) i++
  if (i === lines.length) return lines
  const out: Line[] = lines.slice(0, i)
  for (const line of lines.slice(i)) {
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
