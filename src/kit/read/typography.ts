/**
 * Typographic marks for the printed kit, one style throughout: the apostrophe as ’ (lessons type ' or ʼ, the kit's own
 * strings ’); in Ukrainian text «…» outside and „…“ inside them (lessons nest «…» or "…" in «…», or write "…" for
 * «…»); in English text “…” outside and ‘…’ inside. The site shows the lesson as written.
 */
import type { Run } from '../blocks.ts'
import type { Lang } from '../../model/formats.ts'

const LETTER = /\p{L}/u
/** Whether a character is a letter (ASCII and Cyrillic answered without the Unicode property test). */
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0)
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x400 && c <= 0x4ff)) return true
  return c > 0x7f && LETTER.test(ch)
}
/** Characters after which a straight quote opens (start of text, space, bracket, dash, another opening quote). */
const OPENS_AFTER = /[\s([{\u2014\u2013«„“/-]/u
/** The marks this module may change; text without any is returned as it is. */
const MARKS = /['ʼ"«»„“”]/g

/**
 * A lesson's text with the kit's apostrophe and quotation marks. Every mark is one UTF-16 code unit and is replaced by
 * one, so the text keeps its length (runs are cut back by it). Only the marks are visited, not every character.
 */
export function typesetText(text: string, lang: Lang): string {
  MARKS.lastIndex = 0
  if (!MARKS.test(text)) return text
  MARKS.lastIndex = 0
  // The text between the marks changed, and the marks that replace them, in order.
  const pieces: string[] = []
  let done = 0
  // Open quotes, innermost last.
  const open: ('outer' | 'inner')[] = []
  const set = (i: number, mark: string) => {
    if (mark === text[i]) return
    pieces.push(text.slice(done, i), mark)
    done = i + 1
  }
  const opens = (i: number) => i === 0 || OPENS_AFTER.test(text[i - 1]!)
  for (let m = MARKS.exec(text); m !== null; m = MARKS.exec(text)) {
    const i = m.index
    const c = text[i]!
    if ((c === "'" || c === 'ʼ') && i > 0 && i + 1 < text.length && isLetter(text[i - 1]!) && isLetter(text[i + 1]!)) {
      set(i, '’')
    } else if (lang !== 'uk') {
      // English: “…” with ‘…’ inside; straight double quotes paired the same way.
      const opening = c === '“' || (c === '"' && opens(i))
      if (opening) {
        set(i, open.length ? '‘' : '“')
        open.push(open.length ? 'inner' : 'outer')
      } else if ((c === '”' || c === '"') && open.length) set(i, open.pop() === 'inner' ? '’' : '”')
    } else if (c === '«' || c === '„' || ((c === '"' || c === '“') && !(c === '“' && open.at(-1) === 'inner') && (opens(i) || open.length === 0))) {
      // Ukrainian: «…» outside, „…“ inside.
      set(i, c === '„' || open.length ? '„' : '«')
      open.push(c === '„' || open.length ? 'inner' : 'outer')
    } else if ((c === '»' || c === '“' || c === '"' || c === '”') && open.length) {
      set(i, open.pop() === 'inner' ? '“' : '»')
    }
  }
  if (done === 0) return text
  pieces.push(text.slice(done))
  return pieces.join('')
}

/** Runs with the kit's apostrophe and quotation marks, the quotes matched across runs (a quote may open in bold text). */
export function typesetRuns(runs: readonly Run[], lang: Lang): Run[] {
  if (runs.length === 1) {
    const text = typesetText(runs[0]!.text, lang)
    return text === runs[0]!.text ? (runs as Run[]) : [{ ...runs[0]!, text }]
  }
  const joined = runs.map((run) => run.text).join('')
  const set = typesetText(joined, lang)
  if (set === joined) return runs as Run[]
  // One code unit for one: each run keeps its length.
  let at = 0
  return runs.map((run) => {
    const text = set.slice(at, at + run.text.length)
    at += run.text.length
    return text === run.text ? run : { ...run, text }
  })
}
