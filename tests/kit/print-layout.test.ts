/** The layout rules a kit needs at the copier, on hand-made blocks with the fake font: keeping, new sheets, near-empty pages, growing rows. */
import { describe, expect, test } from 'vitest'
import type { Block } from '../../src/kit/blocks.ts'
import { layoutKit, type LaidOutKit, type LineItem } from '../../src/kit/layout/index.ts'
import { pageMap } from '../../src/kit/index.ts'
import { fakeOptions, H, P, pageOf, pageTexts, R } from './helpers.ts'

/** Lays out with the fake font (blank backs say "Blank") and fails the test on author errors. */
function layout(blocks: Block[], extra = {}): LaidOutKit {
  const r = layoutKit(blocks, fakeOptions({ blankPage: 'Blank', ...extra }))
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  return r.kit
}

/** n one-line filler paragraphs. */
const fillers = (n: number): Block[] => Array.from({ length: n }, (_, i) => P(`filler${i}`))
/** A paragraph of `n` lines at the body measure, each line tagged. */
const lines = (tag: string, n: number): Block => P(Array.from({ length: n }, (_, i) => `${tag}${i}`.padEnd(80, 'x')).join(' '))
/** A kept paragraph (a timing line, a label, a question). */
const kept = (text: string): Block => ({ kind: 'paragraph', runs: R(text), keepWithNext: true })
/** pt: the bottom of the lowest text on a page. */
const bottomOf = (kit: LaidOutKit, p: number) => Math.max(...pageTexts(kit, p).map((t) => t.y))

describe('keep with next', () => {
  test.each(Array.from({ length: 16 }, (_, i) => 22 + i))('a heading keeps its timing line and two lines of what follows (%i fillers before)', (n) => {
    const kit = layout([...fillers(n), H(2, 'Stage'), kept('timing'), lines('body', 4)])
    const page = pageOf(kit, 'Stage')
    expect(pageOf(kit, 'timing')).toBe(page)
    expect(pageOf(kit, 'body0')).toBe(page)
    expect(pageOf(kit, 'body1')).toBe(page)
  })

  test.each(Array.from({ length: 12 }, (_, i) => 26 + i))('a question stays with its answer (%i fillers before)', (n) => {
    const answer: Block = { kind: 'box', variant: 'note', title: R('Answer'), children: [lines('answer', 3)] }
    const kit = layout([...fillers(n), { kind: 'list', ordered: true, items: [[kept('Question?'), answer]] }])
    expect(pageOf(kit, 'answer0')).toBe(pageOf(kit, 'Question?'))
  })

  test('headings are never hyphenated, unless a word is longer than the line', () => {
    const long = 'Organisationsentwicklungsmassnahmen'
    const kit = layout([H(1, `Words that would be hyphenated everywhere else ${long}`)])
    expect(pageTexts(kit, 0).some((t) => t.generated === 'hyphen')).toBe(false)
    const narrow = layout([{ kind: 'list', ordered: false, items: [[{ kind: 'list', ordered: false, items: [[H(1, long.repeat(2))]] }]] }])
    expect(narrow.pages.length).toBeGreaterThan(0)
  })

  test('a heading may be left out of the bookmarks (a part already bookmarked by its page break)', () => {
    const kit = layout([{ kind: 'pageBreak', outline: 'Handout 1: Title' }, { kind: 'heading', level: 1, runs: R('Title'), bookmark: false }, P('x')])
    expect(kit.outline.map((entry) => entry.title)).toEqual(['Handout 1: Title'])
  })
})

describe('new sheets for double-sided printing', () => {
  test('a part that starts a new sheet goes to an odd page, after a blank page that says so', () => {
    const kit = layout([P('cover'), { kind: 'pageBreak', outline: 'One', recto: true }, P('one'), { kind: 'pageBreak', outline: 'Two', recto: true }, P('two')])
    expect(kit.pages.map((_, p) => pageTexts(kit, p).map((t) => t.text))).toEqual([['cover'], ['Blank'], ['one'], ['Blank'], ['two']])
    expect(kit.pages.map((page) => !!page.blank)).toEqual([false, true, false, true, false])
    // Blank pages have the header and footer (they are numbered like any page).
    expect(kit.pages[1]!.furniture.length).toBeGreaterThan(0)
    // A part on a new sheet counts its blank back as its own in the page map.
    expect(Object.fromEntries(pageMap(kit))).toEqual({ One: { from: 3, to: 4, blank: [4] }, Two: { from: 5, to: 5 } })
  })

  test('no blank page where the part already starts on an odd page, nor at the end', () => {
    const kit = layout([P('cover'), { kind: 'pageBreak' }, P('two'), { kind: 'pageBreak', recto: true }, P('three'), { kind: 'pageBreak', recto: true }])
    expect(kit.pages.map((page) => !!page.blank)).toEqual([false, false, false])
  })
})

describe('near-empty pages', () => {
  test('a part whose last page would hold two lines is pulled back onto the page before, its spacing tightened', () => {
    // 33 short paragraphs fill a page but for the last two lines (each paragraph 15 pt + 7 pt gap with the fake font).
    const blocks = [{ kind: 'pageBreak', outline: 'Part' } as Block, ...fillers(34), { kind: 'pageBreak', outline: 'Next' } as Block, P('next')]
    const kit = layout(blocks)
    expect(pageOf(kit, 'filler33')).toBe(0)
    expect(pageOf(kit, 'next')).toBe(1)
  })

  test('a longer tail is balanced with the page before: both pages at least a quarter full', () => {
    // 54 lines: greedily 47 on the first page and 7 (about 15% of a page) on the second.
    const kit = layout([lines('a', 44), lines('b', 10), { kind: 'pageBreak' }, P('next')])
    const full = (p: number) => (bottomOf(kit, p) - kit.content.y) / kit.content.height
    const tail = pageOf(kit, 'b9')
    expect(tail).toBe(1)
    expect(full(0)).toBeGreaterThan(0.25)
    expect(full(1)).toBeGreaterThan(0.25)
  })
})

describe('rows that fill their page', () => {
  const picture = (size: 'small' | 'half' | 'page', height = 1000): Block => ({ kind: 'image', format: 'png', data: new Uint8Array(), width: 500, height, alt: 'hand', size })

  test('a page-sized picture grows into the rest of its page, as far as the column\u2019s width allows; a small one keeps its size', () => {
    const kit = layout([H(1, 'Sheet'), P('Draw here:'), picture('page')])
    const image = kit.pages[0]!.items.find((item) => item.kind === 'image')!
    expect(image.y + image.height).toBeCloseTo(kit.content.y + kit.content.height, 0)
    const wide = layout([H(1, 'Sheet'), picture('page', 300)]).pages[0]!.items.find((item) => item.kind === 'image')!
    expect(wide.width).toBeCloseTo(kit.content.width, 3)
    const small = layout([H(1, 'Sheet'), P('Draw here:'), { ...picture('small'), placedWidth: 100 } as Block]).pages[0]!.items.find((item) => item.kind === 'image')!
    expect([small.width, small.height]).toEqual([100, 200])
    const half = layout([H(1, 'Sheet'), picture('half')]).pages[0]!.items.find((item) => item.kind === 'image')!
    expect(half.height).toBeCloseTo(kit.content.height / 2, 0)
  })

  test('form fields share the free space of their sheet: each gets several writing lines, the form fills the page', () => {
    const field = (label: string): Block => ({ kind: 'field', label: R(label), lines: 1 })
    const kit = layout([H(1, 'Complaint'), field('What happened'), field('Where'), field('When')])
    expect(kit.pages).toHaveLength(1)
    const rules = kit.pages[0]!.items.filter((item): item is LineItem => item.kind === 'line')
    const labels = ['What happened', 'Where', 'When'].map((label) => pageTexts(kit, 0).find((t) => t.text === label)!.y)
    const between = (a: number, b: number) => rules.filter((rule) => rule.y1 > a && rule.y1 < b).length
    expect(between(labels[0]!, labels[1]!)).toBeGreaterThanOrEqual(3)
    expect(between(labels[1]!, labels[2]!)).toBe(between(labels[0]!, labels[1]!))
    expect(Math.max(...rules.map((rule) => rule.y1))).toBeGreaterThan(kit.content.y + 0.85 * kit.content.height)
  })

  test('a field with no room to spare still has its one writing line, kept with its label', () => {
    const kit = layout([...fillers(30), { kind: 'field', label: R('Name'), lines: 1 }])
    const label = pageOf(kit, 'Name')
    expect(kit.pages[label]!.items.some((item) => item.kind === 'line')).toBe(true)
  })
})

describe('tables on pupils\u2019 sheets', () => {
  test('are set at the body size, a teacher\u2019s table a little smaller', () => {
    const table = (bodySize: boolean): Block => ({ kind: 'table', header: [R('Who')], rows: [[R('cell')]], align: [], bodySize })
    const size = (kit: LaidOutKit) => pageTexts(kit, 0).find((t) => t.text === 'cell')!.size
    expect(size(layout([table(true)]))).toBe(11)
    expect(size(layout([table(false)]))).toBeLessThan(11)
  })
})

describe('one-page parts (posters)', () => {
  const poster = (n: number): Block[] => [P('before'), { kind: 'pageBreak', outline: 'Poster', textScale: 2, onePage: true }, lines('poster', n), { kind: 'pageBreak', outline: 'After' }, P('after')]
  const sizeOf = (kit: LaidOutKit, text: string) => kit.pages.flatMap((_, p) => pageTexts(kit, p)).find((t) => t.text.startsWith(text))!.size

  test('a short poster keeps its large type', () => {
    const kit = layout(poster(3))
    expect(sizeOf(kit, 'poster0')).toBe(22)
    expect(kit.pages.length).toBe(3)
  })

  test('a longer one is set as much smaller as it takes to fit its page, never below the body size', () => {
    const kit = layout(poster(40))
    const size = sizeOf(kit, 'poster0')
    expect(size).toBeLessThan(22)
    expect(size).toBeGreaterThanOrEqual(11)
    expect(pageOf(kit, 'poster0')).toBe(pageOf(kit, 'poster39'))
    expect(pageOf(kit, 'after')).toBe(pageOf(kit, 'poster0') + 1)
  })
})
