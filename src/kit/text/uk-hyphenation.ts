/**
 * Ukrainian hyphenation rules the Liang patterns (`hyphen/patterns/uk`) do not keep, applied to their points, and an
 * exceptions list for the lesson vocabulary they still get wrong. The rules (Український правопис 2019, § 16, and the
 * printers' practice for the rest):
 * - a doubled consonant is split between its two letters: налаштуван-ня, повідомлен-ня, жит-тя (never налаштува-ння);
 * - й, ь and the apostrophe stay with the letter before them: дій-те, знай-діть; no break before ь, none at an apostrophe;
 * - дж and дз that are one sound are not split (хо-джу), unless a prefix ends in д (від-знака, під-земний);
 * - the reflexive ending -ться is not split off whole: звернiть-ся, користу-ються, never користую-ться;
 * - no break between two vowels (краї-ні, never кра-їні) or between a consonant and the vowel after it (відповідаль-ність,
 *   never відповід-альність), except after a prefix (без-іменний, від-учити);
 * - each side keeps a vowel and at least two letters.
 * Compounds written with a hyphen (онлайн-країна) break only at their hyphen: the line breaker sees to that.
 */
import { HYPHENATION_EXCEPTIONS } from './uk-hyphenation-exceptions.ts'

const VOWELS = new Set('аеєиіїоуюя')
const APOSTROPHES = new Set(['’', "'", 'ʼ'])
/** Prefixes after which a break before a vowel (or before ж, з after their д) is right: the morpheme boundary. */
const PREFIX = /^(не)?(без|роз|від|під|над|об|з|перед|пред|між|через|понад|серед|контр|супер|кібер|пан|транс|інтер|суб|пре|при|пере)$/
/** Exceptions by word (lower case, apostrophe as ’): the points, as indices where a hyphen may go. */
const EXCEPTIONS: ReadonlyMap<string, readonly number[]> = new Map(HYPHENATION_EXCEPTIONS.map((marked) => exceptionPoints(marked)))

/** A word marked with hyphens ("від-по-ві-даль-ність") → [the word, its points]. */
function exceptionPoints(marked: string): [string, number[]] {
  const points: number[] = []
  let word = ''
  for (const ch of marked) {
    if (ch === '-') points.push(word.length)
    else word += ch
  }
  return [word, points]
}

/** Whether a letter is a vowel (lower case). */
function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.has(ch)
}

/** Whether a character is a consonant letter (lower case): a Cyrillic letter that is not a vowel, ь or й. */
function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Cyrillic}/u.test(ch) && /\p{L}/u.test(ch) && !VOWELS.has(ch) && ch !== 'ь' && ch !== 'й'
}

/** The hyphenation points of a Ukrainian word, from the patterns' points, by the rules above and the exceptions list. */
export function ukrainianPoints(word: string, points: readonly number[]): readonly number[] {
  const lower = word.toLowerCase().replace(/['ʼ]/g, '’')
  const exception = EXCEPTIONS.get(lower)
  if (exception) return exception
  const kept = new Set<number>()
  for (const point of points) {
    const at = moved(lower, point)
    if (at !== undefined && allowed(lower, at)) kept.add(at)
  }
  return [...kept].sort((a, b) => a - b)
}

/** A point moved where the rules want it: into the middle of a doubled consonant, or past the ть of -ться. */
function moved(w: string, i: number): number | undefined {
  if (isConsonant(w[i]) && w[i] === w[i + 1]) return i + 1
  if (isConsonant(w[i - 1]) && w[i - 1] === w[i - 2]) return i - 1
  if (w.startsWith('ться', i)) return i + 2
  return i
}

/** Whether a break before character i of a (lower-case) word keeps the rules. */
function allowed(w: string, i: number): boolean {
  const head = w.slice(0, i)
  const tail = w.slice(i)
  if (head.length < 2 || tail.length < 2) return false
  if (![...head].some(isVowel) || ![...tail].some(isVowel)) return false
  const before = w[i - 1]!
  const after = w[i]!
  if (after === 'ь' || APOSTROPHES.has(after) || APOSTROPHES.has(before)) return false
  // й that closes a syllable (before a consonant) stays with its vowel; before a vowel it starts one (зна-йома).
  if (after === 'й' && isVowel(before) && !isVowel(w[i + 1])) return false
  if (isVowel(before) && isVowel(after)) return false
  const prefix = PREFIX.test(head)
  if (isConsonant(before) && isVowel(after) && !prefix) return false
  if (before === 'д' && (after === 'ж' || after === 'з') && !prefix) return false
  return true
}
