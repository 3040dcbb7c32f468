/**
 * The kit's fast paths give exactly what the plain ones give: measuring from flat tables, the layout cache a
 * later pass reuses, and content streams written straight into bytes.
 */
import { describe, expect, test } from 'vitest'
import { referenceUnits } from './reference-font.ts'
import type { Block } from '../../src/kit/blocks.ts'
import { layoutKit, newLayoutCache, type LaidOutKit, type LayoutCache } from '../../src/kit/layout/index.ts'
import { isIgnorable } from '../../src/kit/layout/inline.ts'
import { ContentWriter } from '../../src/kit/paint/content.ts'
import { fontMetrics, loadFonts, type FontFace } from '../../src/kit/text/fonts.ts'
import { hyphenateUk } from '../../src/kit/text/hyphenate.ts'
import { subsetFace } from '../../src/kit/text/subset.ts'
import { breakLines, tokenizeRuns, type StyledText } from '../../src/kit/text/linebreak.ts'
import { FONT_IDS } from '../../src/kit/text/types.ts'
import { fakeOptions, H, P, R } from './helpers.ts'

describe('measuring from flat tables', () => {
  const samples = [
    'Кібергрумінг: як розпізнати і що робити — «довірений дорослий»',
    'AVATAR Ty Yo “quoted” (x) [y] 1234 f.i. T. P. Y,',
    'emoji 😀 between Т😀Т, a lone \ud800 surrogate and \udc00 another',
    'ґ є і ї ʼ ’ … № – —',
  ]
  test.each(FONT_IDS)('%s: units() is the sum of advances and kerning pairs, character by character', (id) => {
    const face = loadFonts()[id]
    const reference = referenceUnits(face)
    for (const text of [...samples, samples.join(' ')]) {
      expect(face.units(text), text).toBe(reference(text))
      for (const word of text.split(' ')) expect(face.units(word), word).toBe(reference(word))
    }
  })
})

describe('line breaking in font units', () => {
  const metrics = fontMetrics(loadFonts())
  const runs: StyledText[] = [
    { text: 'Кібергрумінг — це коли дорослий  навмисно входить у довіру до дитини, ', font: 'regular' },
    { text: 'щоб', font: 'bold' },
    { text: 'отримати фото чи зустріч: ', font: 'regular' },
    { text: 'https://stop-sexting.in.ua/kiberhrumin', font: 'italic', href: 'https://stop-sexting.in.ua/kiberhrumin' },
    { text: ' (див. «довірений дорослий», с. 7); T. P. Yo AV f.i. 😀 Т', font: 'boldItalic' },
    { text: ' код', font: 'regular', code: true },
  ]
  const widths = [40, 61.5, 90, 144, 233.3, 481.9]
  const sizes = [6, 7.5, 9, 11, 14]
  test('words kept in font units, and tokens reused across sizes, give the lines measure() gives', () => {
    const tokens = tokenizeRuns(runs)
    for (const hyphenate of [undefined, hyphenateUk]) {
      for (const size of sizes) {
        for (const width of widths) {
          const plain = breakLines(runs, { width, size, measure: metrics.measure, hyphenate })
          expect(breakLines(runs, { width, size, measure: metrics.measure, hyphenate, fontUnits: metrics.fontUnits, tokens })).toEqual(plain)
          expect(breakLines(runs, { width, size, measure: metrics.measure, hyphenate, tokens })).toEqual(plain)
        }
      }
    }
  })
  test('a line of one run is one fragment: its slice of the text, measured whole', () => {
    const text = 'Якщо дитина розповідає про щось тривожне, вислухайте спокійно і не обіцяйте зберегти таємницю.'
    const lines = breakLines([{ text, font: 'regular' }], { width: 200, size: 11, measure: metrics.measure, hyphenate: hyphenateUk, fontUnits: metrics.fontUnits })
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) {
      const own = line.fragments.filter((f) => !f.inserted)
      expect(own).toHaveLength(1)
      expect(text).toContain(own[0]!.text)
      expect(own[0]!.width).toBe(metrics.measure(own[0]!.text, 'regular', 11))
    }
  })
})

describe('the glyph check', () => {
  test('isIgnorable is /[\\s\\u00AD\\u200B]/u for every BMP character', () => {
    const re = /[\s\u00AD\u200B]/u
    const wrong: number[] = []
    for (let cp = 0; cp < 0x10000; cp++) if (re.test(String.fromCharCode(cp)) !== isIgnorable(cp)) wrong.push(cp)
    expect(wrong).toEqual([])
  })
})

describe('the layout cache of a later pass', () => {
  /** A kit-like document: paragraphs, a list, a box, a table, cards and page breaks, with page references in it. */
  const doc = (page: string): Block[] => [
    H(1, 'Title'),
    P(`See the handout, p. ${page}. ` + 'Filler text for a paragraph that runs over several lines. '.repeat(6)),
    { kind: 'list', ordered: false, items: [[P(`pp. ${page}–${page}: handouts`)], [P('the plan, for the teacher')]] },
    ...Array.from({ length: 30 }, (_, i) => P(`filler paragraph ${i} `.repeat(3 + (i % 5)))),
    { kind: 'box', variant: 'note', title: R('Note'), children: [P(`Answers on p. ${page}.`), P('More text. '.repeat(20))] },
    { kind: 'table', header: [R('Stage'), R('Minutes')], rows: Array.from({ length: 30 }, (_, i) => [R(`row ${i}`), R(`${i}`)]), align: ['left', 'right'] },
    { kind: 'pageBreak', outline: 'Cards' },
    { kind: 'cards', title: R('Cards'), cards: Array.from({ length: 7 }, (_, i) => R(`card ${i} text`)) },
    { kind: 'pageBreak', outline: 'Handout', textScale: 1.2 },
    P('Handout text. '.repeat(40)),
  ]
  const lay = (blocks: Block[], cache?: LayoutCache): LaidOutKit => {
    const r = layoutKit(blocks, fakeOptions({ printUrls: true, cache }))
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
    return r.kit
  }

  test.each([
    ['the same blocks again', '88', '88'],
    ['page numbers that changed', '88', '7'],
    ['page numbers that changed length', '7', '1234567'],
  ])('%s: the second pass equals a fresh layout', (_name, first, second) => {
    const cache = newLayoutCache()
    lay(doc(first), cache)
    expect(cache.blocks.filter(Boolean).length).toBeGreaterThan(30)
    expect(lay(doc(second), cache)).toEqual(lay(doc(second)))
  })

  test('pages placed as before are the same page objects; pages with changed text are made again', () => {
    const cache = newLayoutCache()
    const first = lay(doc('88'), cache)
    const second = lay(doc('7'), cache)
    expect(second.pages.length).toBe(first.pages.length)
    const kept = second.pages.map((page, i) => page === first.pages[i])
    // The first page holds the page references; the later ones (filler, table, cards, handout) are untouched.
    expect(kept[0]).toBe(false)
    expect(kept.slice(2).every(Boolean)).toBe(true)
  })

  test('a block that gained a line moves every later row in the flow: the pages of later parts are still kept', () => {
    const cache = newLayoutCache()
    const long = Array.from({ length: 14 }, (_, i) => i + 7).join(', ')
    const first = lay(doc('7'), cache)
    const firstRows = cache.pages!.placed.flatMap((page) => page.rows).filter((row) => row.index >= 0).length
    const second = lay(doc(long), cache)
    const secondRows = cache.pages!.placed.flatMap((page) => page.rows).filter((row) => row.index >= 0).length
    // The page references take another line in the second pass.
    expect(secondRows).toBeGreaterThan(firstRows)
    expect(second).toEqual(lay(doc(long)))
    const cards = second.outline.find((entry) => entry.title === 'Cards')!.page
    expect(second.pages.length).toBe(first.pages.length)
    for (let p = cards; p < second.pages.length; p++) expect(second.pages[p], `page ${p + 1}`).toBe(first.pages[p])
  })

  test('a third pass still equals a fresh layout', () => {
    const cache = newLayoutCache()
    lay(doc('88'), cache)
    lay(doc('7'), cache)
    expect(lay(doc('9'), cache)).toEqual(lay(doc('9')))
  })
})

describe('font subsets', () => {
  test('a face gives the same subset bytes before and after HarfBuzz preprocesses it for repeated use', () => {
    const face = loadFonts().boldItalic
    const text = [...'Ґанок, їжак, щука — «лапки» і 0123456789 ABC xyz'].map((ch) => ch.codePointAt(0)!)
    // The first call loads the face; after a few more it is preprocessed (text/subset.ts).
    const subsets = Array.from({ length: 12 }, () => Buffer.from(subsetFace(face, text).bytes).toString('base64'))
    expect(new Set(subsets).size).toBe(1)
    expect(subsetFace(face, text).name).toMatch(/^[A-Z]{6}\+PTSans-BoldItalic$/)
  })
})

describe('content streams written as bytes', () => {
  /** A face stand-in: no kerning, no glyph for ✂ (only the writer's code assignment and escaping are under test). */
  const face = { id: 'regular', unitsPerEm: 1000, kern: () => 0, has: (cp: number) => cp !== 0x2702 } as unknown as FontFace
  const fonts = { regular: face, bold: face, italic: face, boldItalic: face }
  const text = (s: string) => ({ kind: 'text' as const, x: 1, y: 2, text: s, font: 'regular' as const, size: 10, width: 30, gray: 0 })

  test('numbers are written as String(Math.round(n * 1000) / 1000), never "-0" or an exponent', () => {
    const values = [0, -0, 0.0004, -0.0004, 0.0005, 1e-7, 1.5, -2.25, 10.12, 595.28, 841.89, 123456.789, -0.9995, 99.9999, 0.1 + 0.2]
    for (let i = 0; i < 200; i++) values.push((Math.sin(i * 12.9898) * 43758.5453) % 900)
    const writer = new ContentWriter(fonts, new Map())
    const items = values.map((v) => ({ kind: 'rect' as const, x: v, y: 0, width: v, height: 0, fill: 0 }))
    const out = Buffer.from(writer.page([items], 0).bytes).toString('latin1').trim().split('\n')
    const expected = (n: number): string => {
      const r = Math.round(n * 1000) / 1000
      return Object.is(r, -0) ? '0' : String(r)
    }
    values.forEach((v, i) => expect(out[i], String(v)).toBe(`0 g ${expected(v)} 0 ${expected(v)} 0 re f`))
  })

  test('characters get codes in order of first use, across pages', () => {
    const writer = new ContentWriter(fonts, new Map())
    expect(Buffer.from(writer.page([[text('abca')]], 100).bytes).toString('latin1')).toBe('BT\n/F1 10 Tf 0 g 1 98 Td [(\x01\x02\x03\x01)] TJ\nET\n')
    expect(Buffer.from(writer.page([[text('db')]], 100).bytes).toString('latin1')).toContain('[(\x04\x02)]')
    expect(writer.codes().get('regular')).toEqual([0, 0x61, 0x62, 0x63, 0x64])
  })

  test('a writer given tables another document used writes as one with new tables (nothing carries over)', () => {
    const first = new ContentWriter(fonts, new Map())
    first.page([[text('cbazyx')]], 100)
    first.release()
    const reused = new ContentWriter(fonts, new Map())
    const out = Buffer.from(reused.page([[text('abca')]], 100).bytes).toString('latin1')
    expect(out).toContain('[(\x01\x02\x03\x01)]')
    expect(reused.codes().get('regular')).toEqual([0, 0x61, 0x62, 0x63])
  })

  test('drawing a character its face has no glyph for is reported, wherever it stands', () => {
    const clean = new ContentWriter(fonts, new Map())
    clean.page([[text('abc')], [text('Сторінка 1 з 2')]], 100)
    expect(clean.missingGlyphs).toEqual([])
    clean.release()
    const cut = new ContentWriter(fonts, new Map())
    cut.page([[text('abc')]], 100)
    expect(cut.missingGlyphs).toEqual([])
    // In the page furniture, which the glyph check before layout used to list by hand.
    cut.page([[text('abc')], [text('cut ✂ here')]], 100)
    expect(cut.missingGlyphs).toEqual([{ codePoint: 0x2702, font: 'regular' }])
    cut.release()
  })

  test('text lines share one text object, moving relative to the line before; rules of one style share one path', () => {
    const writer = new ContentWriter(fonts, new Map())
    const at = (x: number, y: number, s: string) => ({ ...text(s), x, y })
    const rule = (y: number) => ({ kind: 'line' as const, x1: 10, y1: y, x2: 90, y2: y, gray: 0.35, lineWidth: 0.6 })
    const items = [at(10, 20, 'a'), at(10, 34.96, 'b'), at(10, 49.92, 'c'), at(30.5, 49.92, 'd'), at(10, 70, 'e'), rule(80), rule(90), { ...rule(95), dash: [2, 1] }, at(10, 99, 'f')]
    const out = Buffer.from(writer.page([items], 100).bytes).toString('latin1')
    expect(out).toBe(
      [
        'BT',
        '/F1 10 Tf 0 g 10 80 Td [(\x01)] TJ',
        '0 -14.96 TD [(\x02)] TJ',
        'T* [(\x03)] TJ',
        '20.5 0 Td [(\x04)] TJ',
        '-20.5 -20.08 Td [(\x05)] TJ',
        'ET',
        'q 0.35 G 0.6 w',
        '10 20 m 90 20 l',
        '10 10 m 90 10 l S Q',
        'q 0.35 G 0.6 w [2 1] 0 d',
        '10 5 m 90 5 l S Q',
        'BT',
        // A new text object starts from the page origin again.
        '10 1 Td [(\x06)] TJ',
        'ET',
        '',
      ].join('\n'),
    )
  })

  test('codes that are PDF delimiters or line ends are escaped in the literal string', () => {
    // The 10th, 13th, 40th, 41st and 92nd characters get the codes of \n, \r, "(", ")" and "\\".
    const chars = Array.from({ length: 92 }, (_, i) => String.fromCharCode(0x410 + i))
    const writer = new ContentWriter(fonts, new Map())
    const out = Buffer.from(writer.page([[text(chars.join(''))]], 100).bytes).toString('latin1')
    const codes = out.slice(out.indexOf('[(') + 2, out.lastIndexOf(')]'))
    expect(codes).toContain('\t\\n\x0b\x0c\\r\x0e')
    expect(codes).toContain("'\\(\\)*")
    expect(codes.endsWith('[\\\\')).toBe(true)
  })

  test('a face with more than 255 characters overflows one-byte codes; two-byte codes take it', () => {
    const many = Array.from({ length: 256 }, (_, i) => String.fromCharCode(0x100 + i)).join('')
    const one = new ContentWriter(fonts, new Map(), 1)
    one.page([[text(many.slice(0, 255))]], 100)
    expect(one.overflowed).toBe(false)
    one.page([[text(many)]], 100)
    expect(one.overflowed).toBe(true)
    const two = new ContentWriter(fonts, new Map(), 2)
    const out = Buffer.from(two.page([[text(many)]], 100).bytes).toString('latin1')
    expect(two.overflowed).toBe(false)
    expect(out).toContain('[(\x00\x01\x00\x02')
    expect(out).toContain('\x01\x00)]')
  })
})
