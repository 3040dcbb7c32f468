/** Ukrainian hyphenation (Liang patterns from the `hyphen` package), cached per word. */
import createHyphenator from 'hyphen/hyphen.js'
import patterns from 'hyphen/patterns/uk.js'
import type { Hyphenate } from './types.ts'

/** The marker the pattern engine inserts; never appears in kit text (read/ strips soft hyphens). */
const MARK = '\u00AD'
/** Words shorter than this (in characters) are never hyphenated: a split of a short word reads badly. */
const MIN_WORD_LENGTH = 5
/** Cached words before the cache is dropped, so random text (property tests) cannot grow it without bound. */
const CACHE_LIMIT = 50_000

const LETTER = /\p{L}/u

let engine: ((text: string) => string) | undefined
const cache = new Map<string, readonly number[]>()

/** Hyphenation points of a Ukrainian (or mixed) word: only between two letters. */
export const hyphenateUk: Hyphenate = (word) => {
  const hit = cache.get(word)
  if (hit) return hit
  const points = computePoints(word)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(word, points)
  return points
}

/** Runs the pattern engine and maps its markers back to indices of `word`. */
function computePoints(word: string): readonly number[] {
  if (word.length < MIN_WORD_LENGTH || word.includes(MARK)) return []
  engine ??= createHyphenator(patterns, { hyphenChar: MARK })
  const marked = engine(word)
  const points: number[] = []
  let index = 0
  for (const ch of marked) {
    if (ch === MARK) {
      // The engine may mark next to punctuation it did not treat as a letter; only letter|letter is safe.
      if (LETTER.test(word[index - 1] ?? '') && LETTER.test(word[index] ?? '')) points.push(index)
    } else {
      index += ch.length
    }
  }
  return points
}
