/** Test helpers: a fake font (fixed advances) so layout is tested without real fonts or pdf-lib. */
import type { Block, Run } from '../../src/kit/blocks.ts'
import type { LaidOutKit, LayoutOptions, TextItem } from '../../src/kit/layout/index.ts'
import type { FontId, TextMetrics } from '../../src/kit/text/types.ts'

/** Em fraction per character: every glyph is half an em wide (bold a little wider). */
const ADVANCE: Record<FontId, number> = { regular: 0.5, italic: 0.5, bold: 0.55, boldItalic: 0.55 }

/** Characters the fake font lacks (like PT Sans: no scissors, no emoji). */
export const MISSING = new Set([0x2702])

/** A fake font: width = characters × advance × size; everything but ✂ and astral code points has a glyph. */
export const fakeMetrics: TextMetrics = {
  measure: (text, font, size) => [...text].length * ADVANCE[font] * size,
  hasGlyph: (cp) => cp < 0x10000 && !MISSING.has(cp),
  ascent: 0.8,
  descent: 0.2,
}

/** Hyphenation points of the fake hyphenator: every third character of a letters-only word of 6+. */
export const fakeHyphenate = (word: string): number[] => {
  if (word.length < 6 || !/^\p{L}+$/u.test(word)) return []
  const out: number[] = []
  for (let i = 3; i <= word.length - 3; i += 3) out.push(i)
  return out
}

/** Layout options over the fake font. */
export function fakeOptions(extra: Partial<LayoutOptions> = {}): LayoutOptions {
  return {
    metrics: fakeMetrics,
    hyphenate: fakeHyphenate,
    continued: '(cont.)',
    headerLeft: 'Title',
    headerRight: 'Band',
    footerLeft: 'Licence',
    pageLabel: (p, n) => `Page ${p} of ${n}`,
    printUrls: false,
    ...extra,
  }
}

/** A paragraph of one plain run. */
export const P = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] })
/** A heading of one plain run. */
export const H = (level: 1 | 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, runs: [{ text }] })
/** Runs of one plain text. */
export const R = (text: string): Run[] => [{ text }]

/** Text items of a page's content (no furniture), in drawing order. */
export function pageTexts(kit: LaidOutKit, page: number): TextItem[] {
  return kit.pages[page]!.items.filter((i): i is TextItem => i.kind === 'text')
}

/** The page index holding the first text item that contains `needle`, or -1. */
export function pageOf(kit: LaidOutKit, needle: string): number {
  return kit.pages.findIndex((p) => p.items.some((i) => i.kind === 'text' && i.text.includes(needle)))
}

/** Author text of the whole kit in reading order, whitespace removed (generated text left out). */
export function authorText(kit: LaidOutKit): string {
  return kit.pages
    .flatMap((p) => p.items)
    .filter((i): i is TextItem => i.kind === 'text' && !i.generated)
    .map((i) => i.text)
    .join('')
    .replace(/\s+/g, '')
}
