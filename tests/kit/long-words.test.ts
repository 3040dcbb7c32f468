/**
 * Over-long words (issue 13): a word longer than a line breaks at the line width, without a hyphen once it is longer
 * than any word the patterns take, and the work done grows in proportion to its length. Work is counted (characters
 * handed to the hyphenator and to the measure function), never timed.
 */
import { describe, expect, test } from 'vitest'
import { breakLines, type Line, type StyledText } from '../../src/kit/text/linebreak.ts'
import { hyphenate } from '../../src/kit/text/hyphenate.ts'
import { MAX_HYPHENATED_WORD } from '../../src/model/limits.ts'
import { fakeMetrics } from './helpers.ts'

/** pt: the fake font at 10 pt sets 5 pt per character; a line of 80 characters. */
const SIZE = 10
const WIDTH = 400

/** Breaks runs with the real hyphenator and the fake font, counting the characters each was handed. */
function counted(runs: StyledText[]): { lines: Line[]; hyphenated: number; measured: number } {
  let hyphenated = 0
  let measured = 0
  const lines = breakLines(runs, {
    width: WIDTH,
    size: SIZE,
    measure: (text, font, size) => {
      measured += text.length
      return fakeMetrics.measure(text, font, size)
    },
    hyphenate: (word) => {
      hyphenated += word.length
      return hyphenate(word)
    },
  })
  return { lines, hyphenated, measured }
}

/** One word of n characters, in runs of `piece` characters alternating regular and bold. */
function word(n: number, piece = n, letters = 'безпека'): StyledText[] {
  const text = letters.repeat(Math.ceil(n / letters.length)).slice(0, n)
  const runs: StyledText[] = []
  for (let at = 0; at < n; at += piece) runs.push({ text: text.slice(at, at + piece), font: (at / piece) % 2 ? 'bold' : 'regular' })
  return runs
}

const textOf = (lines: Line[]): string => lines.map((l) => l.fragments.filter((f) => !f.inserted).map((f) => f.text).join('')).join('')

describe('a word longer than a line', () => {
  test.each([
    ['one style', 5_000],
    ['a style change every 7 letters', 7],
    ['a style change every letter', 1],
  ])('breaks at the line width, keeps every character, adds no hyphen (%s)', (_name, piece) => {
    const runs = word(5_000, piece)
    const { lines } = counted(runs)
    expect(textOf(lines)).toBe(runs.map((r) => r.text).join(''))
    expect(lines.flatMap((l) => l.fragments).some((f) => f.inserted)).toBe(false)
    // Every line but the last is full: within one (bold) character of the width.
    for (const line of lines.slice(0, -1)) expect(line.width).toBeGreaterThan(WIDTH - 0.55 * SIZE - 1e-9)
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(WIDTH + 1e-9)
  })

  test.each([
    ['one style', (n: number) => word(n)],
    ['a style change every letter', (n: number) => word(n, 1)],
    ['hyphens every 40 letters', (n: number) => word(n, n, `${'безпека'.repeat(6)}-`.slice(0, 41))],
  ])('costs work in proportion to its length (%s)', (_name, make) => {
    const small = counted(make(4_000))
    const large = counted(make(64_000))
    // Sixteen times the length: about sixteen times the work, far from the 256 times of a quadratic breaker.
    expect(large.hyphenated).toBeLessThanOrEqual(20 * Math.max(small.hyphenated, 1))
    expect(large.measured).toBeLessThanOrEqual(20 * small.measured)
    // And a small, fixed amount per character.
    expect(large.hyphenated / 64_000).toBeLessThan(4)
    expect(large.measured / 64_000).toBeLessThan(40)
  })

  test('a word the patterns take is still hyphenated, and a longer one never is', () => {
    const longest = 'а'.repeat(MAX_HYPHENATED_WORD - 7) + 'безпека'
    expect(hyphenate(longest).length).toBeGreaterThan(0)
    expect(hyphenate(`${longest}б`)).toEqual([])
  })
})
