/**
 * Hyphenation (Liang patterns from the `hyphen` package), cached per word: Ukrainian patterns for Cyrillic words,
 * British English for Latin ones (the English lessons spell "colour"), whatever the lesson's language, so a Ukrainian
 * kit hyphenates an English word and an English kit a Ukrainian name the same way.
 */
import createHyphenator from 'hyphen/hyphen.js'
import ukPatterns from 'hyphen/patterns/uk.js'
import enPatterns from 'hyphen/patterns/en-gb.js'
import type { Hyphenate } from './types.ts'
import { ukrainianPoints } from './uk-hyphenation.ts'
import { MAX_HYPHENATED_WORD } from '../../model/limits.ts'

/** The marker the pattern engine inserts; never appears in kit text (read/ strips soft hyphens). */
const MARK = '\u00AD'
/** Words shorter than this (in characters) are never hyphenated: a split of a short word reads badly. */
const MIN_WORD_LENGTH = 5
/** Cached words before a cache is dropped, so random text (property tests) cannot grow it without bound. */
const CACHE_LIMIT = 50_000

const LETTER = /\p{L}/u
const CYRILLIC = /\p{Script=Cyrillic}/u

/** A cached hyphenator over one set of patterns (the engine is made on first use), its points refined by a language's rules. */
function patternHyphenator(patterns: unknown, rules: (word: string, points: readonly number[]) => readonly number[] = (_, points) => points): Hyphenate {
  let engine: ((text: string) => string) | undefined
  const cache = new Map<string, readonly number[]>()
  return (word) => {
    const hit = cache.get(word)
    if (hit) return hit
    engine ??= createHyphenator(patterns, { hyphenChar: MARK })
    const points = rules(word, computePoints(word, engine))
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(word, points)
    return points
  }
}

/** Hyphenation points of a Ukrainian (or mixed) word: only between two letters, by the rules of `uk-hyphenation.ts`. */
export const hyphenateUk: Hyphenate = patternHyphenator(ukPatterns, ukrainianPoints)

/** Hyphenation points of an English word (British patterns): only between two letters. */
export const hyphenateEn: Hyphenate = patternHyphenator(enPatterns)

/** Hyphenation points of a word by its script: Ukrainian patterns if it has a Cyrillic letter, English otherwise. */
export const hyphenate: Hyphenate = (word) => (CYRILLIC.test(word) ? hyphenateUk(word) : hyphenateEn(word))

/** Runs the pattern engine and maps its markers back to indices of `word`. */
function computePoints(word: string, engine: (text: string) => string): readonly number[] {
  // A longer stretch of letters is no word: it breaks at the line width (the engine's work grows faster than its length).
  if (word.length < MIN_WORD_LENGTH || word.length > MAX_HYPHENATED_WORD || word.includes(MARK)) return []
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
