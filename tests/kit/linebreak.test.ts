import { describe, expect, test } from 'vitest'
import { breakLines, type Line, type StyledText } from '../../src/kit/text/linebreak.ts'
import { hyphenate, hyphenateEn, hyphenateUk } from '../../src/kit/text/hyphenate.ts'
import { fakeHyphenate, fakeMetrics } from './helpers.ts'

/** pt: the fake font at 10 pt sets 5 pt per character, so a width of 5·n holds n characters. */
const SIZE = 10
const CHAR = 5

const plain = (text: string): StyledText[] => [{ text, font: 'regular' }]
const texts = (lines: Line[]): string[] => lines.map((l) => l.fragments.map((f) => f.text).join(''))
const run = (text: string | StyledText[], chars: number, hyphenate = true): Line[] =>
  breakLines(typeof text === 'string' ? plain(text) : text, {
    width: chars * CHAR,
    size: SIZE,
    measure: fakeMetrics.measure,
    hyphenate: hyphenate ? fakeHyphenate : undefined,
  })

describe('breakLines', () => {
  test.each([
    ['fits on one line', 'aa bb cc', 20, ['aa bb cc']],
    ['breaks at spaces', 'aaa bbb ccc ddd', 8, ['aaa bbb', 'ccc ddd']],
    ['collapses whitespace', '  aa \n\t bb  ', 20, ['aa bb']],
    ['hyphenates a word when the line would be loose', 'aa abcdefghi', 9, ['aa abc-', 'defghi']],
    ['does not hyphenate when the line is nearly full', 'abcdefgh abcdefghi', 9, ['abcdefgh', 'abcdefghi']],
    ['breaks after an explicit hyphen without adding one', 'x інтернет-безпека', 12, ['x інтернет-', 'безпека']],
    ['breaks a URL after a slash', 'https://example.org/some/very/long', 20, ['https://example.org/', 'some/very/long']],
    ['breaks an over-long word at any character', '1234567890123456789012345', 10, ['1234567890', '1234567890', '12345']],
    ['gives a too-wide character a line of its own', 'ab', 1, ['a', 'b']],
    ['keeps a combining accent (U+0301) with its letter', '123\u0301456', 3, ['12', '3\u03014', '56']],
  ])('%s', (_name, text, chars, expected) => {
    expect(texts(run(text, chars))).toEqual(expected)
  })

  test.each([
    ['aa abcdefghi', 9],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbb', 7],
    ['https://example.org/resources/online-safety/kids/path', 11],
    ['слово слово слово слово слово', 4],
  ])('no line is wider than the measure: %s at %i characters', (text, chars) => {
    for (const line of run(text, chars)) expect(line.width).toBeLessThanOrEqual(chars * CHAR + 1e-9)
  })

  test('an address (a link, an e-mail, a domain) or a password never gets an added hyphen', () => {
    for (const address of ['https://example.org/resources/online-safety', 'help@example.org', 'www.stopsextingproject.org.ua', 'ZhyrafTantsyuyeNaDakhu7', 'abcdefghij2016'])
      for (const chars of [9, 12, 17]) {
        const lines = run(`aa ${address}`, chars)
        expect(lines.flatMap((l) => l.fragments).some((f) => f.inserted), `${address} at ${chars}`).toBe(false)
        expect(texts(lines).join('').replace(/ /g, '')).toBe(`aa${address}`)
      }
  })

  test('an added hyphen is marked, and joints say how lines join', () => {
    const lines = run('aa abcdefghi', 9)
    expect(lines[0]!.fragments.at(-1)).toMatchObject({ text: '-', inserted: true })
    expect(lines[0]!.joint).toBe('none')
    const spaced = run('aaa bbb ccc ddd', 8)
    expect(spaced.map((l) => l.joint)).toEqual(['space', 'none'])
  })

  test('styles stay on their text, and neighbouring pieces of one style merge', () => {
    const lines = run(
      [
        { text: 'bold ', font: 'bold' },
        { text: 'plain', font: 'regular' },
        { text: ' link', font: 'regular', href: 'https://x.org' },
      ],
      40,
    )
    expect(lines).toHaveLength(1)
    expect(lines[0]!.fragments.map((f) => [f.text, f.font, f.href])).toEqual([
      ['bold ', 'bold', undefined],
      ['plain', 'regular', undefined],
      [' link', 'regular', 'https://x.org'],
    ])
    // x positions are cumulative measured widths.
    expect(lines[0]!.fragments[1]!.x).toBeCloseTo(5 * 0.55 * SIZE)
  })

  test('a word whose style changes mid-word is kept together', () => {
    const lines = run([{ text: 'aaaa xx', font: 'regular' }, { text: 'yy', font: 'bold' }], 6, false)
    expect(texts(lines)).toEqual(['aaaa', 'xxyy'])
  })
})

describe('hyphenate', () => {
  test('Cyrillic words with the Ukrainian patterns, Latin words with the British English ones', () => {
    expect(hyphenate('безпека')).toEqual(hyphenateUk('безпека'))
    expect(hyphenate('безпека').length).toBeGreaterThan(0)
    expect(hyphenate('information')).toEqual(hyphenateEn('information'))
    expect(hyphenateEn('information').length).toBeGreaterThan(0)
    // The Ukrainian patterns give an English word no points: English kits were not hyphenated before.
    expect(hyphenateUk('information')).toEqual([])
  })

  test('an English paragraph is hyphenated where a line would be loose', () => {
    const lines = breakLines(plain('Remember our rule: if something strange happens there, say stop, tell a trusted grown-up and keep the evidence.'), {
      width: 24 * CHAR,
      size: SIZE,
      measure: fakeMetrics.measure,
      hyphenate,
    })
    expect(lines.some((l) => l.fragments.some((f) => f.inserted))).toBe(true)
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(24 * CHAR + 1e-9)
  })
})

describe('hyphenateUk', () => {
  test.each([
    ['інтернеті', ['ін', 'тер', 'не', 'ті']],
    ['безпека', ['без', 'пе', 'ка']],
    ['довірений', ['до', 'ві', 'ре', 'ний']],
  ])('%s', (word, parts) => {
    const points = hyphenateUk(word)
    const out: string[] = []
    let last = 0
    for (const p of points) {
      out.push(word.slice(last, p))
      last = p
    }
    out.push(word.slice(last))
    expect(out).toEqual(parts)
  })

  test('short words and letter/punctuation boundaries are never split', () => {
    expect(hyphenateUk('дім')).toEqual([])
    for (const p of hyphenateUk('«інтернеті»,')) {
      expect('«інтернеті»,'[p - 1]).toMatch(/\p{L}/u)
      expect('«інтернеті»,'[p]).toMatch(/\p{L}/u)
    }
  })
})
