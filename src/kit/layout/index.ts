/**
 * Layout: blocks → pages of positioned items, as one ordered list of pure steps (read top to bottom).
 * The output is plain data; `paint/` turns it into PDF bytes.
 */
import type { Block } from '../blocks.ts'
import type { FontId } from '../text/types.ts'
import { BODY_SIZE, contentBox, PAPER } from './geometry.ts'
import { breakLines } from '../text/linebreak.ts'
import { resolveRows } from './flow.ts'
import { resolveFurniture } from './furniture.ts'
import { charactersOf, faceTexts, isIgnorable, missing, resolveGlyphs } from './inline.ts'
import { pageItems, resolveOutline, resolvePages, samePlacement } from './paginate.ts'
import type { Box, Item, LaidOutKit, LayoutError, LayoutOptions, Page } from './types.ts'

export type * from './types.ts'
export { PAPER, contentBox } from './geometry.ts'
export { newLayoutCache } from './types.ts'

/**
 * Every character of the blocks, the furniture and the printed link addresses that its face lacks, as author errors
 * with where they stand (one per character and face). `drawn`: characters a page writer drew without a glyph; one the
 * walk does not find (and not a space the walk ignores) is reported too, without a place.
 */
export function glyphErrors(blocks: readonly Block[], options: LayoutOptions, drawn: readonly DrawnWithoutGlyph[] = []): LayoutError[] {
  const furniture = [options.continued, options.headerLeft ?? '', options.headerRight ?? '', options.footerLeft ?? '', options.pageLabel?.(1, 1) ?? '', options.blankPage ?? '']
  const errors = resolveGlyphs(blocks, options.metrics, options.printUrls ?? true, furniture)
  for (const { codePoint, font } of drawn) {
    if (isIgnorable(codePoint) || errors.some((e) => e.kind === 'missing-glyph' && e.codePoint === codePoint && e.font === font)) continue
    errors.push(missing(String.fromCodePoint(codePoint), codePoint, font, undefined))
  }
  return errors
}

/** Each face's text in the kit as layout sets it (`faceTexts`), from its blocks before layout: the fonts are subset from it. */
export function kitTexts(blocks: readonly Block[], options: LayoutOptions): string[] {
  const furniture = [options.headerLeft ?? '', options.headerRight ?? '', options.footerLeft ?? '', options.pageLabel?.(1, 1) ?? '', options.blankPage ?? '']
  return faceTexts(blocks, options.printUrls ?? true, furniture, options.continued)
}

/** The characters each face of the kit is expected to draw (`charactersOf` its `kitTexts`). */
export function kitCharacters(blocks: readonly Block[], options: LayoutOptions): Map<FontId, number[]> {
  return charactersOf(kitTexts(blocks, options))
}

/** A character drawn in a face that has no glyph for it. */
export interface DrawnWithoutGlyph {
  codePoint: number
  font: FontId
}

/** The result of laying out a kit: pages, or the author errors that stopped it. */
export type LayoutResult = { ok: true; kit: LaidOutKit } | { ok: false; errors: LayoutError[] }

/** Lays out blocks on pages: glyph check → rows → pages → items → furniture → outline. */
export function layoutKit(blocks: readonly Block[], options: LayoutOptions): LayoutResult {
  const paper = options.paper ?? 'a4'
  const { width, height } = PAPER[paper]
  const content = contentBox(paper)
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
  // A later pass (only page numbers changed) keeps every page the previous pass placed the same way, with its items
  // and furniture; only the pages of the print guide and the "с. 7" pointers are made again.
  const previous = options.cache?.pages
  const kept = placed.map(
    (page, p) => previous !== undefined && previous.placed.length === placed.length && samePlacement(page, previous.placed[p]) && samePlacement(placed[p + 1], previous.placed[p + 1]),
  )
  const note = blankNote(options, content)
  const items = placed.map((page, p) => (kept[p] ? previous!.pages[p]! : pageItems(page, placed[p + 1], content, note)))
  const pages = resolveFurniture(items, options, content, height, options.metrics.measure, kept)
  if (options.cache) options.cache.pages = { placed, pages }
  const outline = resolveOutline(placed)
  return { ok: true, kit: { width, height, content, pages, outline } }
}

/** Grey of the note on an intentionally blank page. */
const BLANK_NOTE_GRAY = 0.45

/** The note on an intentionally blank page, centred on it (no note if the caller gives none). */
function blankNote(options: LayoutOptions, content: Box): Item[] {
  if (!options.blankPage) return []
  const { measure, fontUnits, ascent } = options.metrics
  const lines = breakLines([{ text: options.blankPage, font: 'regular' }], { width: content.width * 0.8, size: BODY_SIZE, measure, fontUnits })
  const top = content.y + content.height / 2 - (lines.length * BODY_SIZE * 1.4) / 2
  return lines.map((line, i): Item => ({
    kind: 'text',
    x: content.x + (content.width - line.width) / 2,
    y: top + i * BODY_SIZE * 1.4 + ascent * BODY_SIZE,
    text: line.fragments.map((f) => f.text).join(''),
    font: 'regular',
    size: BODY_SIZE,
    width: line.width,
    gray: BLANK_NOTE_GRAY,
    generated: 'label',
  }))
}

/** An intentionally blank page (the back of a sheet), its note set; its furniture comes with `withPageNumbers`. */
export function blankPage(options: LayoutOptions, content: Box): Page {
  return { items: blankNote(options, content), furniture: [], links: [], blank: true }
}

/** Pages of a kit with their header and footer set anew, numbered from `firstPage` of `pageCount` (a kit inside a bundle). */
export function withPageNumbers(pages: readonly Page[], options: LayoutOptions, kit: LaidOutKit, firstPage: number, pageCount: number): Page[] {
  return resolveFurniture(pages, { ...options, firstPage, pageCount }, kit.content, kit.height, options.metrics.measure)
}
