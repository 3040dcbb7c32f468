/**
 * Layout: blocks → pages of positioned items, as one ordered list of pure steps (read top to bottom).
 * The output is plain data; `paint/` turns it into PDF bytes.
 */
import type { Block } from '../blocks.ts'
import type { FontId } from '../text/types.ts'
import { contentBox, PAPER } from './geometry.ts'
import { resolveRows } from './flow.ts'
import { resolveFurniture } from './furniture.ts'
import { faceCharacters, isIgnorable, missing, resolveGlyphs } from './inline.ts'
import { pageItems, resolveOutline, resolvePages, samePlacement } from './paginate.ts'
import type { LaidOutKit, LayoutCache, LayoutError, LayoutOptions, OutlineEntry, Page } from './types.ts'

export type * from './types.ts'
export { PAPER, contentBox } from './geometry.ts'
export { newLayoutCache } from './types.ts'

/**
 * Every character of the blocks, the furniture and the printed link addresses that its face lacks, as author errors
 * with where they stand (one per character and face). `drawn`: characters a page writer drew without a glyph; one the
 * walk does not find (and not a space the walk ignores) is reported too, without a place.
 */
export function glyphErrors(blocks: readonly Block[], options: LayoutOptions, drawn: readonly DrawnWithoutGlyph[] = []): LayoutError[] {
  const furniture = [options.continued, options.headerLeft ?? '', options.headerRight ?? '', options.footerLeft ?? '', options.pageLabel?.(1, 1) ?? '']
  const errors = resolveGlyphs(blocks, options.metrics, options.printUrls ?? true, furniture)
  for (const { codePoint, font } of drawn) {
    if (isIgnorable(codePoint) || errors.some((e) => e.kind === 'missing-glyph' && e.codePoint === codePoint && e.font === font)) continue
    errors.push(missing(String.fromCodePoint(codePoint), codePoint, font, undefined))
  }
  return errors
}

/**
 * The characters each face of the kit is expected to draw (`faceCharacters`), from its blocks before layout: the fonts
 * are subset to these (and any other character the pages turn out to draw).
 */
export function kitCharacters(blocks: readonly Block[], options: LayoutOptions): Map<FontId, number[]> {
  const furniture = [options.headerLeft ?? '', options.headerRight ?? '', options.footerLeft ?? '', options.pageLabel?.(1, 1) ?? '']
  return faceCharacters(blocks, options.printUrls ?? true, furniture, options.continued)
}

/** A character drawn in a face that has no glyph for it. */
export interface DrawnWithoutGlyph {
  codePoint: number
  font: FontId
}

/** The result of laying out a kit: pages, or the author errors that stopped it. */
export type LayoutResult = { ok: true; kit: LaidOutKit } | { ok: false; errors: LayoutError[] }

/**
 * A stretch of a kit laid out on pages of its own (the kit, or its blocks from a page break on): pages without the
 * running header and footer, which need the whole kit's page count, and bookmarks by page index within the part.
 */
export interface LaidOutPart {
  pages: Page[]
  outline: OutlineEntry[]
}

/** A part's pages, or the author errors that stopped it. */
export type PartResult = { ok: true; part: LaidOutPart } | { ok: false; errors: LayoutError[] }

/** Lays out blocks on pages: glyph check → rows → pages → items → furniture → outline. */
export function layoutKit(blocks: readonly Block[], options: LayoutOptions): LayoutResult {
  const result = layoutPart(blocks, options)
  return result.ok ? { ok: true, kit: joinParts([result.part], options, options.cache) } : result
}

/**
 * Lays out blocks that start a page (a kit, or a part of one from a page break on), without furniture: glyph check →
 * rows → pages → items → outline. Laid out apart, each part gets the pages it gets in the whole kit, since a page
 * break starts a page whatever comes before it.
 */
export function layoutPart(blocks: readonly Block[], options: LayoutOptions): PartResult {
  const content = contentBox(options.paper ?? 'a4')
  const printUrls = options.printUrls ?? true

  if (options.checkGlyphs !== false) {
    const errors = glyphErrors(blocks, options)
    if (errors.length > 0) return { ok: false, errors }
  }

  const errors: LayoutError[] = []
  const rows = resolveRows(
    blocks,
    {
      metrics: options.metrics,
      hyphenate: options.hyphenate,
      printUrls,
      continued: options.continued,
      content,
      errors,
      ids: options.cache?.ids ?? { next: 0 },
      lineCache: options.cache?.lines,
    },
    options.cache,
  )
  if (errors.length > 0) return { ok: false, errors }

  const placed = resolvePages(rows, content)
  // A later pass (only page numbers changed) keeps every page the previous pass placed the same way, with its items;
  // only the pages of the print guide and the "с. 7" pointers are made again.
  const previous = options.cache?.pages
  const kept = placed.map(
    (page, p) => previous !== undefined && previous.placed.length === placed.length && samePlacement(page, previous.placed[p]) && samePlacement(placed[p + 1], previous.placed[p + 1]),
  )
  const pages = placed.map((page, p) => (kept[p] ? previous!.pages[p]! : pageItems(page, placed[p + 1], content)))
  if (options.cache) options.cache.pages = { placed, pages }
  return { ok: true, part: { pages, outline: resolveOutline(placed) } }
}

/** A part laid out elsewhere (the helper thread, which also paints it): how many pages it takes, and its bookmarks. */
export interface PartElsewhere {
  pageCount: number
  outline: OutlineEntry[]
}

/**
 * Parts joined into the kit, in order, with the running header and footer (page X of Y) on every page. A part laid
 * out elsewhere takes its pages as empty stand-ins (painted where it was laid out). With the kit's cache, a page of
 * the same items at the same place among as many pages as before keeps its furniture.
 */
export function joinParts(parts: readonly (LaidOutPart | PartElsewhere)[], options: LayoutOptions, cache?: LayoutCache): LaidOutKit {
  const paper = options.paper ?? 'a4'
  const { width, height } = PAPER[paper]
  const content = contentBox(paper)
  const items: Page[] = []
  const outline: OutlineEntry[] = []
  const elsewhere = new Set<Page>()
  for (const part of parts) {
    for (const entry of part.outline) outline.push({ ...entry, page: entry.page + items.length })
    if ('pages' in part) items.push(...part.pages)
    else {
      for (let p = 0; p < part.pageCount; p++) {
        const standIn: Page = { items: [], furniture: [], links: [] }
        elsewhere.add(standIn)
        items.push(standIn)
      }
    }
  }
  const before = cache?.furnished
  const kept = items.map((page, p) => elsewhere.has(page) || (before !== undefined && before.items.length === items.length && before.items[p] === page))
  const pages = resolveFurniture(
    items.map((page, p) => (elsewhere.has(page) ? page : kept[p] ? before!.pages[p]! : page)),
    options,
    content,
    height,
    options.metrics.measure,
    kept,
  )
  if (cache) cache.furnished = { items, pages }
  return { width, height, content, pages, outline }
}

/** A part's pages with their running header and footer, as pages `first`, `first + 1`, … of a kit of `total` pages. */
export function furnishPart(part: LaidOutPart, options: LayoutOptions, first: number, total: number): Page[] {
  const paper = options.paper ?? 'a4'
  return resolveFurniture(part.pages, options, contentBox(paper), PAPER[paper].height, options.metrics.measure, undefined, first, total)
}

/**
 * Where to cut a kit in two parts that can be laid out apart (`layoutPart`): at the top-level page break that gives
 * the second part the share of the text nearest `share`; undefined when the kit has no page break to cut at.
 */
export function splitPoint(blocks: readonly Block[], share: number): number | undefined {
  const weights = blocks.map(textWeight)
  const total = weights.reduce((a, b) => a + b, 0)
  let after = total
  let best: number | undefined
  let bestDistance = Infinity
  for (let i = 0; i < blocks.length; i++) {
    if (i > 0 && blocks[i]!.kind === 'pageBreak') {
      const distance = Math.abs(after / total - share)
      if (distance < bestDistance) {
        best = i
        bestDistance = distance
      }
    }
    after -= weights[i]!
  }
  return best
}

/** Characters of text in a block and the blocks inside it, plus one per block: about how long it takes to lay out. */
function textWeight(block: Block): number {
  const runs = (rs: readonly { text: string }[] | undefined): number => {
    let n = 0
    for (const r of rs ?? []) n += r.text.length
    return n
  }
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return 1 + runs(block.runs)
    case 'list':
      return 1 + block.items.reduce((n, item) => n + item.reduce((m, b) => m + textWeight(b), 0), 0)
    case 'table':
      return 1 + block.header.reduce((n, cell) => n + runs(cell), 0) + block.rows.reduce((n, row) => n + row.reduce((m, cell) => m + runs(cell), 0), 0)
    case 'image':
      return 1 + runs(block.caption)
    case 'box':
      return 1 + runs(block.title) + block.children.reduce((n, b) => n + textWeight(b), 0)
    case 'cards':
      return 1 + runs(block.title) + block.cards.reduce((n, card) => n + runs(card), 0)
    default:
      return 1
  }
}
