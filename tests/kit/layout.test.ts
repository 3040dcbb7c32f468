import { describe, expect, test } from 'vitest'
import type { Block } from '../../src/kit/blocks.ts'
import { glyphErrors, layoutKit, PAPER, type LaidOutKit, type TextItem } from '../../src/kit/layout/index.ts'
import { pageMap } from '../../src/kit/index.ts'
import type { FontId } from '../../src/kit/text/types.ts'
import { authorText, fakeMetrics, fakeOptions, H, P, pageOf, pageTexts, R } from './helpers.ts'

/** Lays out with the fake font and fails the test on author errors. */
function layout(blocks: Block[], extra = {}): LaidOutKit {
  const r = layoutKit(blocks, fakeOptions(extra))
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  return r.kit
}

/** n one-line filler paragraphs. */
const fillers = (n: number): Block[] => Array.from({ length: n }, (_, i) => P(`filler${i}`))
/** A paragraph of `lines` lines at the body measure (about 87 fake characters a line), each line tagged. */
const lines = (tag: string, n: number): Block => P(Array.from({ length: n }, (_, i) => `${tag}${i}`.padEnd(80, 'x')).join(' '))

describe('pagination rules', () => {
  test.each(Array.from({ length: 14 }, (_, i) => 22 + i))('a heading stays with the next block (%i fillers before it)', (n) => {
    const kit = layout([...fillers(n), H(2, 'Heading'), lines('next', 4)])
    expect(pageOf(kit, 'Heading')).toBe(pageOf(kit, 'next0'))
    // The heading is never the last text of a page.
    for (let p = 0; p < kit.pages.length; p++) expect(pageTexts(kit, p).at(-1)?.text).not.toBe('Heading')
  })

  test.each(Array.from({ length: 12 }, (_, i) => 26 + i))('widows and orphans: two lines each side of a break (%i fillers)', (n) => {
    const kit = layout([...fillers(n), lines('para', 5)])
    const perPage = new Map<number, number>()
    for (let i = 0; i < 5; i++) {
      const p = pageOf(kit, `para${i}`)
      perPage.set(p, (perPage.get(p) ?? 0) + 1)
    }
    for (const count of perPage.values()) expect(count).toBeGreaterThanOrEqual(2)
  })

  test('a table split across pages repeats its header row', () => {
    const rows = Array.from({ length: 80 }, (_, i) => [R(`row${i}`), R('cell')])
    const kit = layout([{ kind: 'table', header: [R('Stage'), R('Minutes')], rows, align: ['left', 'right'] }])
    expect(kit.pages.length).toBeGreaterThan(1)
    for (let p = 0; p < kit.pages.length; p++) {
      const first = pageTexts(kit, p)[0]!
      expect(first.text).toBe('Stage')
      expect(!!first.generated).toBe(p > 0)
    }
    expect(authorText(kit)).toBe('StageMinutes' + rows.map((r) => `row${r[0]![0]!.text.slice(3)}cell`).join(''))
  })

  test('an unsplittable box that fits on a page moves to the next page whole', () => {
    const box: Block = { kind: 'box', variant: 'safeguarding', title: R('Safe'), unsplittable: true, children: [lines('box', 20)] }
    const kit = layout([...fillers(25), box])
    const pages = new Set(Array.from({ length: 20 }, (_, i) => pageOf(kit, `box${i}`)))
    expect(pages).toEqual(new Set([1]))
    expect(pageOf(kit, 'Safe')).toBe(1)
  })

  test('a box taller than a page splits, and the next page says it continues', () => {
    const box: Block = { kind: 'box', variant: 'note', title: R('Note'), unsplittable: true, children: [lines('long', 70)] }
    const kit = layout([box])
    expect(kit.pages.length).toBe(2)
    const top = pageTexts(kit, 1)[0]!
    expect(top.text).toBe('Note (cont.)')
    expect(top.generated).toBe('repeat')
    // The frame is drawn on both pages, behind the text.
    for (const page of kit.pages) expect(page.items[0]).toMatchObject({ kind: 'rect', fill: expect.any(Number) })
  })

  test('page breaks never make blank pages', () => {
    const kit = layout([{ kind: 'pageBreak' }, P('one'), { kind: 'pageBreak' }, { kind: 'pageBreak', outline: 'Two' }, P('two'), { kind: 'pageBreak' }])
    expect(kit.pages.map((_, p) => pageTexts(kit, p).map((t) => t.text))).toEqual([['one'], ['two']])
    expect(kit.outline).toEqual([{ title: 'Two', level: 0, page: 1, y: kit.content.y }])
  })

  test('the glyph check looks in the face a heading is set in (level 4: bold italic)', () => {
    const metrics = { ...fakeMetrics, hasGlyph: (cp: number, font: FontId) => !(cp === 0x44f && font === 'boldItalic') }
    const h4 = layoutKit([H(4, 'я')], fakeOptions({ metrics }))
    expect(h4.ok).toBe(false)
    expect(!h4.ok && h4.errors[0]).toMatchObject({ kind: 'missing-glyph', font: 'boldItalic' })
    expect(layoutKit([H(3, 'я')], fakeOptions({ metrics })).ok).toBe(true)
  })

  test('a section marks a top-level bookmark where it stands, without a new page', () => {
    const kit = layout([{ kind: 'pageBreak', outline: 'One' }, P('one'), { kind: 'section', outline: 'Two' }, H(1, 'Two'), P('two')])
    expect(kit.pages).toHaveLength(1)
    expect(kit.outline.map(({ title, level, page }) => ({ title, level, page }))).toEqual([
      { title: 'One', level: 0, page: 0 },
      { title: 'Two', level: 0, page: 0 },
    ])
    expect(kit.outline[1]!.y).toBeGreaterThan(kit.content.y)
  })

  test('the print guide\u2019s page ranges: a section that starts lower on a page shares it with the one before', () => {
    const kit = layout([{ kind: 'pageBreak', outline: 'One' }, P('one'), { kind: 'section', outline: 'Two' }, P('two'), { kind: 'pageBreak', outline: 'Three' }, P('three')])
    expect(Object.fromEntries(pageMap(kit))).toEqual({ One: { from: 1, to: 1 }, Two: { from: 1, to: 1 }, Three: { from: 2, to: 2 } })
  })

  test('cards get their own sheets (a blank back after each page of cards), a scissors mark and dashed cut lines', () => {
    const cards = Array.from({ length: 9 }, (_, i) => R(`card ${i}`))
    const kit = layout([P('before'), { kind: 'cards', title: R('Cards'), cards }, P('after')], { blankPage: 'Blank on purpose' })
    expect(pageOf(kit, 'before')).toBe(0)
    // Nine cards fit one sheet once the cards are made a little shorter: no sheet holding a single card.
    expect(pageOf(kit, 'card 0')).toBe(2)
    expect(pageOf(kit, 'card 8')).toBe(2)
    expect(pageOf(kit, 'after')).toBe(4)
    expect(kit.pages.map((page) => !!page.blank)).toEqual([false, true, false, true, false])
    expect(pageTexts(kit, 1).map((text) => text.text)).toEqual(['Blank on purpose'])
    expect(kit.pages[2]!.items.some((i) => i.kind === 'path')).toBe(true)
    expect(kit.pages[2]!.items.some((i) => i.kind === 'line' && i.dash)).toBe(true)
  })

  test('a set too long for one sheet goes on with its title repeated, every page of it on its own sheet', () => {
    const cards = Array.from({ length: 14 }, (_, i) => R(`card ${i}`))
    const kit = layout([{ kind: 'cards', title: R('Cards'), cards }, P('after')])
    const pages = cards.map((_, i) => pageOf(kit, `card ${i}`))
    expect(new Set(pages)).toEqual(new Set([0, 2]))
    expect(kit.pages[1]!.blank).toBe(true)
    expect(pageTexts(kit, 2)[0]!.text).toBe('Cards (cont.)')
    expect(pageOf(kit, 'after')).toBe(4)
  })

  test('all cards of a set share one type size, the largest at which every card fits', () => {
    const ok = layout([{ kind: 'cards', title: R('C'), cards: [R('short'), R('word '.repeat(60))] }])
    const sizes = pageTexts(ok, 0).filter((t) => t.text.includes('short') || t.text.includes('word')).map((t) => t.size)
    expect(new Set(sizes).size).toBe(1)
    // The long card decides: alone, the short card would be set larger.
    const alone = layout([{ kind: 'cards', title: R('C'), cards: [R('short')] }])
    expect(pageTexts(alone, 0).find((t) => t.text === 'short')!.size).toBeGreaterThan(sizes[0]!)
    const r = layoutKit([{ kind: 'cards', title: R('C'), cards: [R('word '.repeat(400))], pos: { line: 7 } }], fakeOptions())
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]).toMatchObject({ kind: 'card-overflow', pos: { line: 7 } })
  })

  test('a card with a list is set flush left, each item on its own line after its marker', () => {
    const card = [{ text: 'Check:' }, { text: '\n' }, { text: '1.', marker: true }, { text: 'thank them for telling you' }, { text: '\n' }, { text: '2.', marker: true }, { text: 'say it is not their fault, whatever happened before' }]
    const kit = layout([{ kind: 'cards', title: R('C'), cards: [card, R('centred')] }])
    const texts = pageTexts(kit, 0)
    const one = texts.find((t) => t.text === '1.')!
    const two = texts.find((t) => t.text === '2.')!
    expect(one.x).toBe(two.x)
    expect(one.generated).toBe('marker')
    const check = texts.find((t) => t.text.startsWith('Check'))!
    expect(check.x).toBe(one.x)
    // The item's text hangs after its marker, its later lines too.
    const item = texts.filter((t) => t.y > two.y - 1e-6 && t.x > two.x && t.x < kit.content.x + kit.content.width / 2)
    expect(new Set(item.map((t) => t.x)).size).toBe(1)
    expect(item[0]!.x).toBeGreaterThan(two.x + two.width)
    // A card without a list stays centred.
    const centred = texts.find((t) => t.text === 'centred')!
    expect(Math.abs(centred.x + centred.width / 2 - (kit.content.x + (kit.content.width * 3) / 4))).toBeLessThan(1)
  })

  test('a character drawn without a glyph is reported once: where the walk finds it, or without a place', () => {
    const blocks = [P('fine'), { kind: 'paragraph' as const, runs: R('cut here ✂'), pos: { line: 12, column: 3 } }]
    // Found by the walk: the drawn report adds nothing.
    expect(glyphErrors(blocks, fakeOptions(), [{ codePoint: 0x2702, font: 'regular' }])).toEqual([expect.objectContaining({ codePoint: 0x2702, pos: { line: 12, column: 3 } })])
    // Drawn in a face the walk did not see it in (text it does not cover): still an error, without a place.
    const unlocated = glyphErrors([P('fine')], fakeOptions(), [{ codePoint: 0x2702, font: 'bold' }])
    expect(unlocated).toEqual([expect.objectContaining({ kind: 'missing-glyph', codePoint: 0x2702, font: 'bold', pos: undefined })])
    // A space the walk ignores is not an error.
    expect(glyphErrors([P('fine')], fakeOptions(), [{ codePoint: 0x200b, font: 'regular' }])).toEqual([])
  })

  test('a character the font lacks is an error naming it and where it stands', () => {
    const r = layoutKit([P('fine'), { kind: 'paragraph', runs: R('cut here ✂'), pos: { line: 12, column: 3 } }], fakeOptions())
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors).toHaveLength(1)
      expect(r.errors[0]).toMatchObject({ kind: 'missing-glyph', char: '✂', codePoint: 0x2702, pos: { line: 12, column: 3 } })
      expect(r.errors[0]!.message).toContain('U+2702')
    }
  })

  test.each([
    ['a4', PAPER.a4],
    ['letter', PAPER.letter],
  ] as const)('paper %s', (paper, size) => {
    const kit = layout([P('x')], { paper })
    expect([kit.width, kit.height]).toEqual([size.width, size.height])
  })

  test('header and footer carry the title, band, licence and page X of Y', () => {
    const kit = layout([...fillers(60)])
    expect(kit.pages).toHaveLength(2)
    const furniture = (p: number) => kit.pages[p]!.furniture.filter((i): i is TextItem => i.kind === 'text').map((t) => t.text)
    expect(furniture(1)).toEqual(['Band', 'Title', 'Page 2 of 2', 'Licence'])
  })

  test('lists hang their markers and number from start', () => {
    const kit = layout([{ kind: 'list', ordered: true, start: 3, items: [[P('three')], [P('four'), { kind: 'list', ordered: false, items: [[P('inner')]] }]] }])
    const texts = pageTexts(kit, 0)
    expect(texts.map((t) => t.text)).toEqual(['3.', 'three', '4.', 'four', '–', 'inner'])
    const three = texts.find((t) => t.text === 'three')!
    const inner = texts.find((t) => t.text === 'inner')!
    expect(inner.x).toBeGreaterThan(three.x)
    expect(texts.find((t) => t.text === '3.')!.x + texts.find((t) => t.text === '3.')!.width).toBeLessThan(three.x)
  })

  test('headings of level 1 and 2 become bookmarks', () => {
    const kit = layout([H(1, 'One'), P('x'), H(2, 'Two'), H(3, 'Three'), P('y')])
    expect(kit.outline.map((o) => [o.title, o.level])).toEqual([
      ['One', 1],
      ['Two', 2],
    ])
  })

  test('a link prints its address after its text and gets a link area', () => {
    const kit = layout([{ kind: 'paragraph', runs: [{ text: 'help line', href: 'https://example.org/help' }] }], { printUrls: true })
    expect(pageTexts(kit, 0).map((t) => t.text).join('')).toBe('help line (https://example.org/help)')
    expect(kit.pages[0]!.links.length).toBeGreaterThan(0)
    expect(kit.pages[0]!.links[0]!.href).toBe('https://example.org/help')
  })
})
