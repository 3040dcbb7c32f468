import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Block, Run } from '../../src/kit/blocks.ts'
import { kitCharacters, layoutKit, type Item, type LaidOutKit } from '../../src/kit/layout/index.ts'
import { breakLines } from '../../src/kit/text/linebreak.ts'
import { authorText, fakeHyphenate, fakeMetrics, fakeOptions } from './helpers.ts'

/** Runs per property: enough to find edge cases, bounded so the suite stays fast on 2 cores. */
const RUNS = 200
/** ms: a property stops generating new cases after this long (shrinking a failure still runs to the end). */
const TIME_LIMIT = 20_000
/** pt: tolerance of the geometric checks. */
const EPS = 1e-6

const letters = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВҐЄІЇabcxyzXYZ0123456789'
const punct = '.,:;!?«»—–-/’()'
const char = fc.constantFrom(...[...letters], ...[...punct])
const word = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: char, minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: char, minLength: 20, maxLength: 90 }) },
  { weight: 1, arbitrary: fc.constantFrom('https://example.org/a/very/long/path?x=1&y=2', 'інтернет-безпека', 'кібергрумінг') },
)
const text = (maxWords: number) => fc.array(word, { minLength: 1, maxLength: maxWords }).map((ws) => ws.join(' '))
const run: fc.Arbitrary<Run> = fc.record(
  { text: text(10), bold: fc.boolean(), italic: fc.boolean(), code: fc.boolean(), href: fc.constantFrom(undefined, 'https://example.org/x') },
  { requiredKeys: ['text'] },
)
const runs = (max: number) => fc.array(run, { minLength: 1, maxLength: max })
// Cells hold short words, so no row is taller than a page: only such a row is set line by line across cells.
const cellText = fc.array(fc.string({ unit: char, minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '))
const cellRuns = fc.array(fc.record({ text: cellText, bold: fc.boolean() }, { requiredKeys: ['text'] }), { minLength: 0, maxLength: 1 })

const leaf: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ kind: fc.constant('paragraph' as const), runs: runs(4), keepWithNext: fc.boolean(), scale: fc.constantFrom(undefined, 2.2) }, { requiredKeys: ['kind', 'runs'] }),
  fc.record({ kind: fc.constant('field' as const), label: fc.array(fc.record({ text: text(4) }), { maxLength: 1 }), lines: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), runs: runs(2) }),
  fc.record({ kind: fc.constant('rule' as const) }),
  fc.record({ kind: fc.constant('pageBreak' as const), outline: fc.constantFrom(undefined, 'Розділ'), textScale: fc.constantFrom(undefined, 1.25, 2), recto: fc.boolean() }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('section' as const), outline: fc.constant('Частина') }),
  fc.record({ kind: fc.constant('nameLine' as const), nameLabel: fc.constant('Ім’я:'), dateLabel: fc.constant('Дата:') }),
  fc.integer({ min: 1, max: 3 }).chain((cols) =>
    fc.record({
      kind: fc.constant('table' as const),
      header: fc.array(cellRuns, { minLength: cols, maxLength: cols }),
      rows: fc.array(fc.array(cellRuns, { minLength: 1, maxLength: cols }), { maxLength: 10 }),
      align: fc.array(fc.constantFrom('left' as const, 'center' as const, 'right' as const), { maxLength: cols }),
      unsplittable: fc.boolean(),
    }),
  ),
  fc.record({
    kind: fc.constant('image' as const),
    format: fc.constant('png' as const),
    data: fc.constant(new Uint8Array()),
    width: fc.integer({ min: 1, max: 4000 }),
    height: fc.integer({ min: 1, max: 4000 }),
    alt: fc.constant('alt'),
    caption: fc.option(runs(2), { nil: undefined }),
    size: fc.constantFrom(undefined, 'small' as const, 'half' as const, 'page' as const),
  }, { requiredKeys: ['kind', 'format', 'data', 'width', 'height', 'alt'] }),
  fc.record({ kind: fc.constant('cards' as const), title: runs(1), cards: fc.array(fc.array(fc.record({ text: text(10) }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 9 }) }),
)

const { block } = fc.letrec<{ block: Block; blocks: Block[] }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({
      kind: fc.constant('list' as const),
      ordered: fc.boolean(),
      items: fc.array(tie('blocks') as fc.Arbitrary<Block[]>, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant('box' as const),
      variant: fc.constantFrom('note' as const, 'script' as const, 'safeguarding' as const, 'plain' as const),
      title: fc.option(runs(1), { nil: undefined }),
      children: tie('blocks') as fc.Arbitrary<Block[]>,
      unsplittable: fc.boolean(),
    }),
  ),
  blocks: fc.array(tie('block') as fc.Arbitrary<Block>, { minLength: 0, maxLength: 3 }),
}))
const document = fc.array(block, { minLength: 1, maxLength: 10 })

/** The author's text of blocks in reading order, whitespace removed (what layout must print, in order). */
function expectedText(blocks: readonly Block[]): string {
  const rs = (r: readonly Run[] | undefined): string => (r ?? []).map((x) => x.text).join('')
  const out: string[] = []
  const visit = (list: readonly Block[]): void => {
    for (const b of list) {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          out.push(rs(b.runs))
          break
        case 'list':
          b.items.forEach(visit)
          break
        case 'table': {
          const n = Math.max(b.header.length, ...b.rows.map((r) => r.length))
          if (b.header.length > 0) out.push(...b.header.map(rs))
          for (const r of b.rows) out.push(...r.map(rs), ...new Array(Math.max(0, n - r.length)).fill(''))
          break
        }
        case 'image':
          out.push(rs(b.caption))
          break
        case 'box':
          out.push(rs(b.title))
          visit(b.children)
          break
        case 'cards':
          out.push(rs(b.title), ...b.cards.map(rs))
          break
        case 'nameLine':
          out.push(b.nameLabel, b.dateLabel)
          break
        case 'field':
          out.push(rs(b.label))
          break
      }
    }
  }
  visit(blocks)
  return out.join('').replace(/\s+/g, '')
}

/** Whether an item lies inside the box (text by its advance, ascent and descent). */
function inside(it: Item, box: { x: number; y: number; width: number; height: number }): boolean {
  const right = box.x + box.width + EPS
  const bottom = box.y + box.height + EPS
  const left = box.x - EPS
  const top = box.y - EPS
  const rect = (x: number, y: number, w: number, h: number): boolean => x >= left && y >= top && x + w <= right && y + h <= bottom && w >= -EPS && h >= -EPS
  switch (it.kind) {
    case 'text':
      return rect(it.x, it.y - fakeMetrics.ascent * it.size, it.width, (fakeMetrics.ascent + fakeMetrics.descent) * it.size)
    case 'rect':
    case 'image':
      return rect(it.x, it.y, it.width, it.height)
    case 'line':
      return rect(Math.min(it.x1, it.x2), Math.min(it.y1, it.y2), Math.abs(it.x2 - it.x1), Math.abs(it.y2 - it.y1))
    case 'path':
      return rect(it.bounds.x, it.bounds.y, it.bounds.width, it.bounds.height)
  }
}

/** Lays out, or undefined when the only errors are cards too full to fit (a legitimate author error). */
function layoutOrCardError(blocks: Block[], paper: 'a4' | 'letter'): LaidOutKit | undefined {
  const r = layoutKit(blocks, fakeOptions({ paper, blankPage: 'Blank' }))
  if (r.ok) return r.kit
  expect(r.errors.every((e) => e.kind === 'card-overflow')).toBe(true)
  return undefined
}

describe('layout properties (fast-check)', () => {
  test('nothing is drawn outside the content box, and furniture stays on the page', () => {
    fc.assert(
      fc.property(document, fc.constantFrom('a4' as const, 'letter' as const), (blocks, paper) => {
        const kit = layoutOrCardError(blocks, paper)
        if (!kit) return
        // Collected, then asserted once (an expect per item drawn cost more than the layout).
        const outside: unknown[] = []
        const sheet = { x: 0, y: 0, width: kit.width, height: kit.height }
        for (const page of kit.pages) {
          outside.push(...page.items.filter((it) => !inside(it, kit.content)))
          outside.push(...page.furniture.filter((it) => !inside(it, sheet)))
          outside.push(...page.links.filter((l) => !inside({ kind: 'rect', ...l }, kit.content)))
        }
        expect(outside).toEqual([])
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT, markInterruptAsFailure: false },
    )
  })

  test('no text is lost or reordered, and no page is blank but the marked blank backs before a new sheet', () => {
    fc.assert(
      fc.property(document, (blocks) => {
        const kit = layoutOrCardError(blocks, 'a4')
        if (!kit) return
        expect(authorText(kit)).toBe(expectedText(blocks))
        kit.pages.forEach((page, p) => {
          if (!page.blank) return expect(page.items.length).toBeGreaterThan(0)
          // A blank page is the back of a sheet: an even page, never the last, its only item the note saying so.
          expect(p % 2).toBe(1)
          expect(p).toBeLessThan(kit.pages.length - 1)
          expect(page.items.map((item) => item.kind === 'text' && item.text)).toEqual(['Blank'])
        })
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT, markInterruptAsFailure: false },
    )
  })

  test('a card whose lines fill its box to a rounding error shows its last line (a case the property above found)', () => {
    // At 1.25× the card row grows until the card's lines fill its box to a rounding error: they were fitted with a
    // slack, then counted by a ratio rounded down, and the last line was not drawn.
    const card: Run[] = [
      { text: 'а аааааааааааа аааааа аааа ааааааааааамчz!ґ7!яли всzБо' },
      { text: '03р5ц1Yтт;у;жahttps//ple.orgaverylong/?x=1&y=2т чЄз:аz0Ґе6рЄуЄа–лҐБ4’шє«Ґ–ж:цX:о’дZ8інтернет-безпека' },
    ]
    const cards: Block = { kind: 'cards', title: [{ text: 'а' }], cards: [card, [], []] }
    const image: Block = { kind: 'image', format: 'png', data: new Uint8Array(), width: 769, height: 331, alt: 'alt' }
    const list = (items: Block[][]): Block => ({ kind: 'list', ordered: false, items })
    const blocks: Block[] = [{ kind: 'pageBreak', textScale: 1.25 }, list([[list([[cards], [image]])]])]
    const kit = layoutOrCardError(blocks, 'a4')
    expect(kit).toBeDefined()
    expect(authorText(kit!)).toBe(expectedText(blocks))
    expect(authorText(kit!)).toMatch(/інтернет-безпека$/)
  })

  test('every character drawn, in its face, is one the fonts were subset to ahead (kitCharacters)', () => {
    fc.assert(
      fc.property(document, fc.boolean(), (blocks, printUrls) => {
        const options = fakeOptions({ continued: '(продовження)', headerLeft: 'Заголовок', headerRight: '1–2 класи', footerLeft: 'CC BY 4.0', printUrls })
        const r = layoutKit(blocks, options)
        if (!r.ok) return
        const expected = kitCharacters(blocks, options)
        const faces = new Map([...expected].map(([font, codes]) => [font, new Set(codes)]))
        // Collected, then asserted once: an expect per character drawn was most of this test's time.
        const missing: string[] = []
        for (const page of r.kit.pages) {
          for (const it of [...page.items, ...page.furniture]) {
            if (it.kind !== 'text') continue
            const face = faces.get(it.font)
            for (const ch of it.text) if (!face?.has(ch.codePointAt(0)!)) missing.push(`"${ch}" in ${it.font} (${JSON.stringify(it.text)})`)
          }
        }
        expect(missing).toEqual([])
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT, markInterruptAsFailure: false },
    )
  })

  test('the line breaker keeps every line within the measure and every character in order', () => {
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 6 }), fc.integer({ min: 8, max: 120 }), (rs, chars) => {
        const width = chars * 5
        const lines = breakLines(
          rs.map((r) => ({ text: r.text, font: r.bold ? 'bold' : 'regular' })),
          { width, size: 10, measure: fakeMetrics.measure, hyphenate: fakeHyphenate },
        )
        for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + EPS)
        const got = lines.map((l) => l.fragments.filter((f) => !f.inserted).map((f) => f.text).join('')).join('')
        expect(got.replace(/\s+/g, '')).toBe(rs.map((r) => r.text).join('').replace(/\s+/g, ''))
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT, markInterruptAsFailure: false },
    )
  })
})
