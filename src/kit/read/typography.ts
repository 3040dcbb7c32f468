/**
 * Typographic marks for the printed kit, one style throughout: the apostrophe as ’ (lessons type ' or ʼ, the kit's own
 * strings ’); in Ukrainian text «…» outside and „…“ inside them (lessons nest «…» or "…" in «…», or write "…" for
 * «…»); in English text “…” outside and ‘…’ inside. The site shows the lesson as written.
 */
import type { Run } from '../blocks.ts'
import type { Lang } from '../../model/formats.ts'

const LETTER = /\p{L}/u
/** Characters after which a straight quote opens (start of text, space, bracket, dash, another opening quote). */
const OPENS_AFTER = /[\s([{\u2014\u2013«„/-]/u

/** A lesson's text with the kit's apostrophe and quotation marks (the same length: one character for one). */
export function typesetText(text: string, lang: Lang): string {
  if (!/['ʼ"«»„“”]/u.test(text)) return text
  return lang === 'uk' ? ukrainianMarks(text) : englishMarks(text)
}

/** An apostrophe between two letters. */
function isApostrophe(c: string, before: string | undefined, after: string | undefined): boolean {
  return (c === "'" || c === 'ʼ') && before !== undefined && after !== undefined && LETTER.test(before) && LETTER.test(after)
}

/** English marks: ’ between letters, “…” with ‘…’ inside (straight double quotes paired the same way). */
function englishMarks(text: string): string {
  const chars = [...text]
  let depth = 0
  return chars
    .map((c, i) => {
      const before = chars[i - 1]
      if (isApostrophe(c, before, chars[i + 1])) return '’'
      const opening = c === '“' || (c === '"' && (before === undefined || OPENS_AFTER.test(before)))
      const closing = c === '”' || (c === '"' && !opening)
      if (opening) return depth++ > 0 ? '‘' : '“'
      if (closing && depth > 0) return --depth > 0 ? '’' : '”'
      return c
    })
    .join('')
}

/** Ukrainian marks: ’ between letters, «…» with „…“ inside. */
function ukrainianMarks(text: string): string {
  const chars = [...text]
  const out: string[] = []
  // Open quotes, innermost last: `outer` prints «…», `inner` „…“.
  const open: ('outer' | 'inner')[] = []
  const openQuote = (): string => {
    const inner = open.length > 0
    open.push(inner ? 'inner' : 'outer')
    return inner ? '„' : '«'
  }
  const closeQuote = (): string => (open.pop() === 'inner' ? '“' : '»')
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    const before = chars[i - 1]
    const after = chars[i + 1]
    if (isApostrophe(c, before, after)) {
      out.push('’')
    } else if (c === '«') {
      out.push(openQuote())
    } else if (c === '»') {
      out.push(open.length ? closeQuote() : c)
    } else if (c === '„') {
      open.push('inner')
      out.push(c)
    } else if (c === '“' && open.at(-1) === 'inner') {
      out.push(closeQuote())
    } else if (c === '"' || c === '“' || c === '”') {
      const opening = before === undefined || OPENS_AFTER.test(before) || open.length === 0
      out.push(opening && !(open.length > 0 && c === '”') ? openQuote() : open.length ? closeQuote() : c)
    } else {
      out.push(c)
    }
  }
  return out.join('')
}

/** Runs with the kit's apostrophe and quotation marks, the quotes matched across runs (a quote may open in bold text). */
export function typesetRuns(runs: readonly Run[], lang: Lang): Run[] {
  const joined = runs.map((run) => run.text).join('')
  const set = typesetText(joined, lang)
  if (set === joined) return runs as Run[]
  // One character for one: the runs keep their lengths in code points.
  const chars = [...set]
  let at = 0
  return runs.map((run) => {
    const length = [...run.text].length
    const text = chars.slice(at, at + length).join('')
    at += length
    return text === run.text ? run : { ...run, text }
  })
}
