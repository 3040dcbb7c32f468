/**
 * The measuring fast paths give exactly what plain measuring gives: code units copied into a typed array, prefix sums
 * of a text's units, and the line breaker's widths taken from them.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { referenceUnits } from './reference-font.ts'
import { CodeUnits } from '../../src/kit/text/codeunits.ts'
import { fontMetrics, loadFonts } from '../../src/kit/text/fonts.ts'
import { hyphenateUk } from '../../src/kit/text/hyphenate.ts'
import { breakLines, normalizeSpace, tokenizeRuns, withTokens, type StyledText } from '../../src/kit/text/linebreak.ts'
import { FONT_IDS, type FontId } from '../../src/kit/text/types.ts'

/** Runs per property: enough to find edge cases, bounded so the suite stays fast on 2 cores. */
const RUNS = 150

const codes = (text: string): number[] => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))

const samples = [
  'Кібергрумінг: як розпізнати і що робити — «довірений дорослий»',
  'AVATAR Ty Yo “quoted” (x) [y] 1234 f.i. T. P. Y,',
  'ґ є і ї ʼ ’ … № – — \u00a0 kept',
]

describe('CodeUnits', () => {
  test('reads every code unit as charCodeAt gives it, lone surrogates included, growing for long text', () => {
    const reader = new CodeUnits()
    for (const text of ['', 'a', 'emoji 😀, a lone \ud800 and \udc00', 'ї'.repeat(5000), ...samples, 'ab']) {
      expect(Array.from(reader.read(text).subarray(0, text.length))).toEqual(codes(text))
    }
  })
})

describe('prefix sums', () => {
  test.each(FONT_IDS)('%s: every slice measures what units() gives for that slice', (id) => {
    const face = loadFonts()[id]
    const reader = new CodeUnits()
    const sums = new Float64Array(200)
    const kerns = new Int32Array(200)
    const at = 7
    for (const text of samples) {
      expect(face.prefix(reader.read(text), text.length, sums, kerns, at)).toBe(true)
      for (let a = 0; a <= text.length; a++) {
        for (let b = a + 1; b <= text.length; b++) expect(sums[at + b]! - sums[at + a]! - kerns[at + a]!).toBe(face.units(text, a, b))
      }
    }
  })

  test('a text with a surrogate is left to units()', () => {
    const face = loadFonts().regular
    const reader = new CodeUnits()
    for (const text of ['a😀b', 'a\ud800b', '\udc00']) expect(face.prefix(reader.read(text), text.length, new Float64Array(8), new Int32Array(8), 0)).toBe(false)
  })
})

/** Runs with what the breaker must get right: styles, links, code, kerning pairs, whitespace to normalize, emoji. */
const piece = fc.constantFrom(
  'Кібергрумінг', 'довірений', 'дорослий', 'інтернет-безпека', 'AVATAR', 'Ty', 'Yo', 'T.', 'P.', '«так»', '—', '–', 'f.i.',
  'https://stop-sexting.in.ua/kiberhrumin', '😀', 'Т😀Т', '1234', '№', 'ʼ', '(див.', 'с. 7);',
)
const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', ' \u00ad', '\u200b', '\u00a0', '')
const styled: fc.Arbitrary<StyledText> = fc
  .record({
    parts: fc.array(fc.tuple(piece, gap), { minLength: 1, maxLength: 8 }),
    font: fc.constantFrom<FontId>(...FONT_IDS),
    code: fc.boolean(),
    href: fc.constantFrom(undefined, 'https://example.org/x'),
  })
  .map(({ parts, font, code, href }) => {
    const s: StyledText = { text: parts.map(([p, g]) => p + g).join(''), font }
    if (code) s.code = true
    if (href !== undefined) s.href = href
    return s
  })

describe('line breaking from prefix sums', () => {
  const metrics = fontMetrics(loadFonts())

  test('gives the lines plain measuring gives, whatever the text, width, size and hyphenation', () => {
    fc.assert(
      fc.property(
        fc.array(styled, { minLength: 1, maxLength: 5 }),
        fc.double({ min: 20, max: 500, noNaN: true }),
        fc.constantFrom(6, 7.5, 9, 11, 14.3, 18),
        fc.boolean(),
        (runs, width, size, hyphenated) => {
          const hyphenate = hyphenated ? hyphenateUk : undefined
          const plain = breakLines(runs, { width, size, measure: metrics.measure, hyphenate })
          expect(breakLines(runs, { width, size, measure: metrics.measure, hyphenate, fontUnits: metrics.fontUnits })).toEqual(plain)
          // Text that needed normalizing breaks as its normalized text does.
          const normalized = runs.map((r) => ({ ...r, text: normalizeSpace(r.text) }))
          expect(breakLines(normalized, { width, size, measure: metrics.measure, hyphenate, fontUnits: metrics.fontUnits })).toEqual(plain)
        },
      ),
      { numRuns: RUNS },
    )
  })

  test('tokens kept for several breaks (withTokens, tokenizeRuns) give the lines of a fresh break at every size', () => {
    const runs: StyledText[] = [
      { text: 'Кібергрумінг — це коли дорослий  навмисно входить у довіру\u00ad до дитини, ', font: 'regular' },
      { text: 'щоб', font: 'bold' },
      { text: 'отримати фото: https://stop-sexting.in.ua/kiberhrumin 😀 Т', font: 'italic', href: 'https://stop-sexting.in.ua/kiberhrumin' },
    ]
    const sizes = [18, 14, 11, 9]
    const fresh = sizes.map((size) => breakLines(runs, { width: 120, size, measure: metrics.measure, hyphenate: hyphenateUk }))
    const options = (size: number) => ({ width: 120, size, measure: metrics.measure, hyphenate: hyphenateUk, fontUnits: metrics.fontUnits })
    const lent = withTokens(runs, metrics.fontUnits, (tokens) => {
      // A call inside another gets arrays of its own.
      const inner = withTokens(runs, metrics.fontUnits, (t) => breakLines(runs, { ...options(11), tokens: t }))
      expect(inner).toEqual(fresh[2])
      return { tokens, lines: sizes.map((size) => breakLines(runs, { ...options(size), tokens })) }
    })
    expect(lent.lines).toEqual(fresh)
    // Nothing of the text is kept once done.
    expect(lent.tokens.runs).toHaveLength(0)
    expect(lent.tokens.srcs).toHaveLength(0)
    const own = tokenizeRuns(runs, metrics.fontUnits)
    expect(sizes.map((size) => breakLines(runs, { ...options(size), tokens: own }))).toEqual(fresh)
  })
})

describe('measuring past the dense slots', () => {
  test('once every slot is taken, units() and the breaker measure the rest as before', () => {
    // Runs last in this file: it fills the slots of one face of this test file's fonts.
    const id: FontId = 'boldItalic'
    const face = loadFonts()[id]
    const reference = referenceUnits(face)
    // More distinct characters than the slots hold: Latin, Latin-1, Latin Extended-A, Greek and Cyrillic.
    const ranges: [number, number][] = [[0x21, 0x7e], [0xa1, 0x17f], [0x391, 0x3c9], [0x400, 0x4ff]]
    let all = ''
    for (const [from, to] of ranges) for (let cp = from; cp <= to; cp++) all += String.fromCharCode(cp)
    expect(all.length).toBeGreaterThan(600)
    expect(face.units(all)).toBe(reference(all))
    const reader = new CodeUnits()
    expect(face.prefix(reader.read(all), all.length, new Float64Array(all.length + 1), new Int32Array(all.length + 1), 0)).toBe(false)
    const words = ['ЀЁЂ Ѓ Єabc', 'Ωmega ΔΣ', 'ŁódźЯ', ...samples]
    for (const w of words) for (let a = 0; a < w.length; a++) expect(face.units(w, a)).toBe(reference(w.slice(a)))
    const metrics = fontMetrics(loadFonts())
    const runs: StyledText[] = [{ text: words.join(' ') + ' ' + all.slice(0, 200).replace(/(.{9})/g, '$1 '), font: id }]
    for (const width of [60, 150, 400]) {
      const plain = breakLines(runs, { width, size: 10, measure: metrics.measure, hyphenate: hyphenateUk })
      expect(breakLines(runs, { width, size: 10, measure: metrics.measure, hyphenate: hyphenateUk, fontUnits: metrics.fontUnits })).toEqual(plain)
    }
  })
})
