/**
 * Flow stage: blocks → rows. Every block becomes rows of known height (a text line, a table row, a picture,
 * a grid row of cards) with the break rules between them (widows/orphans, keep-with-next, unsplittable
 * containers), so pagination is a plain walk over rows.
 */
import type { Block, BoxBlock, CardsBlock, FieldBlock, HeadingBlock, ImageBlock, ListBlock, NameLineBlock, Run, TableBlock } from '../blocks.ts'
import { runsText } from '../blocks.ts'
import { breakLines, type Line, type LineFragment, type StyledText } from '../text/linebreak.ts'
import type { Hyphenate, TextMetrics } from '../text/types.ts'
import * as G from './geometry.ts'
import { toStyled } from './inline.ts'
import { scissorsPath } from './marks.ts'
import { PENALTY, type LayoutCache, type LineCache, type Box, type Container, type Generated, type Item, type LayoutError, type LinkArea, type Row, type TextItem } from './types.ts'

/** Everything the flow needs that does not change from block to block. */
export interface FlowEnv {
  metrics: TextMetrics
  hyphenate?: Hyphenate
  printUrls: boolean
  continued: string
  content: Box
  errors: LayoutError[]
  /** Next container id (mutable counter shared by one layout run). */
  ids: { next: number }
  /** Lines already broken in this render (an earlier pass), with what they were broken from. */
  lineCache?: LineCache
}

/** Where blocks are being set: the column and the containers around it. */
interface Column {
  x: number
  width: number
  scale: number
  depth: number
  containers: Container[]
}

/** pt: gap between a list marker and the item text. */
const MARKER_GAP = 5
/** Gap between a marker and the item text on a card, as a share of the type size. */
const CARD_MARKER_GAP = 0.4
/** List markers by nesting depth (PT Sans has •, –, but no ◦ or ▪). */
const BULLETS = ['•', '–', '•', '–']
/** pt: underline offset below the baseline and its width, for links. */
const UNDERLINE_OFFSET = 1.6
const UNDERLINE_WIDTH = 0.5
/** Grey ground of inline code. */
const CODE_FILL = 0.9

/**
 * Blocks → rows for the whole document (the top-level column is the content box). With a cache from an earlier
 * layout of the same kit, a top-level block equal to the one laid out at its index before reuses its rows.
 */
export function resolveRows(blocks: readonly Block[], env: FlowEnv, cache?: LayoutCache): Row[] {
  return flowBlocks(blocks, env, { x: env.content.x, width: env.content.width, scale: 1, depth: 0, containers: [] }, cache)
}

/** Lines of what follows a heading (or a kept paragraph) that stay on its page with it: at least two, so one after the first. */
const KEEP_LINES = 1

/**
 * Blocks → rows in one column; page breaks and cards mark where a new page starts. A heading or a kept paragraph is
 * kept on its page with the next block and its first two lines (`keepWith`).
 */
function flowBlocks(blocks: readonly Block[], env: FlowEnv, col: Column, cache?: LayoutCache): Row[] {
  const rows: Row[] = []
  let pendingBreak = false
  let pendingRecto = false
  let pendingOutline: string | undefined
  let scale = col.scale
  let keepLines = 0
  blocks.forEach((block, index) => {
    if (block.kind === 'pageBreak') {
      pendingBreak = true
      pendingRecto ||= block.recto === true
      pendingOutline = block.outline ?? pendingOutline
      scale = block.textScale ?? 1
      if (block.onePage) scale = onePageScale(blocks, index + 1, env, col, scale)
      keepLines = 0
      return
    }
    if (block.kind === 'section') {
      pendingOutline = block.outline
      return
    }
    let out: Row[]
    const before = cache?.blocks[index]
    if (before && before.scale === scale && sameData(before.block, block)) {
      out = before.rows.length > 0 ? [{ ...before.first }, ...before.rows.slice(1)] : before.rows
    } else {
      out = blockRows(block, env, { ...col, scale })
      // Rows are kept only from a layout without author errors (a failed layout is not repeated).
      if (cache && env.errors.length === 0) cache.blocks[index] = { block, scale, rows: out, first: { ...out[0]! } }
    }
    if (out.length === 0) return
    if (keepLines > 0 && !(pendingBreak || block.kind === 'cards')) {
      const kept = keepWith(out, keepLines)
      out = kept.rows
      keepLines = kept.left
    }
    const first = out[0]!
    if (pendingBreak || block.kind === 'cards') first.breakBefore = true
    if (pendingRecto) first.recto = true
    if (pendingOutline !== undefined) first.outline = [{ title: pendingOutline, level: 0 }, ...(first.outline ?? [])]
    pendingBreak = block.kind === 'cards'
    pendingRecto = false
    pendingOutline = undefined
    if (block.kind === 'heading' || (block.kind === 'paragraph' && block.keepWithNext)) keepLines = KEEP_LINES
    rows.push(...out)
  })
  return rows
}

/** Steps by which a one-page part's type shrinks until the part fits its page. */
const ONE_PAGE_STEP = 0.05

/**
 * The largest type scale, from `scale` down to 1 by steps, at which the blocks from `from` to the next page break fit
 * one page (pictures that grow counted at their starting height); 1 if none does.
 */
function onePageScale(blocks: readonly Block[], from: number, env: FlowEnv, col: Column, scale: number): number {
  const end = blocks.findIndex((block, index) => index >= from && block.kind === 'pageBreak')
  const part = blocks.slice(from, end < 0 ? blocks.length : end)
  const trial: FlowEnv = { ...env, errors: [] }
  for (let s = scale; s > 1; s = Math.round((s - ONE_PAGE_STEP) * 100) / 100) {
    let height = 0
    for (const block of part) for (const r of blockRows(block, trial, { ...col, scale: s })) height += r.gapBefore + r.height
    if (height <= env.content.height) return s
  }
  return 1
}

/**
 * Rows that keep on their page with what stands before them until `lines` lines of them are placed (copies of the rows
 * it changes: rows may be shared with an earlier pass), and how many lines are still to keep after them.
 */
function keepWith(rows: Row[], lines: number): { rows: Row[]; left: number } {
  const out = rows.slice()
  let left = lines
  for (let i = 0; i < out.length && left > 0; i++) {
    const r = out[i]!
    if (r.penaltyAfter < PENALTY.keep) out[i] = { ...r, penaltyAfter: PENALTY.keep }
    if (!r.label && r.items.some((it) => it.kind === 'text' || it.kind === 'image')) left--
  }
  return { rows: out, left }
}

/** Whether two values of plain data (blocks: objects, arrays, strings, numbers, booleans) are equal throughout. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  }
  return true
}

/** One block → its rows (the first row carries the gap above the block). */
function blockRows(block: Block, env: FlowEnv, col: Column): Row[] {
  switch (block.kind) {
    case 'heading':
      return headingRows(block, env, col)
    case 'paragraph': {
      const rows = paragraphRows(toStyled(block.runs, env.printUrls), G.BODY_SIZE * col.scale * (block.scale ?? 1), env, col, G.BLOCK_GAP * col.scale)
      if (block.keepWithNext) for (const r of rows) r.penaltyAfter = Math.max(r.penaltyAfter, PENALTY.keep)
      return rows
    }
    case 'list':
      return listRows(block, env, col)
    case 'table':
      return tableRows(block, env, col)
    case 'image':
      return imageRows(block, env, col)
    case 'box':
      return boxRows(block, env, col)
    case 'rule':
      return [ruleRow(col)]
    case 'cards':
      return cardRows(block, env, col)
    case 'nameLine':
      return [nameLineRow(block, env, col)]
    case 'field':
      return fieldRows(block, env, col)
    case 'pageBreak':
    case 'section':
      return []
  }
}

/** pt: how much a nested column may narrow by: all of `wanted` while it stays at least the minimum width. */
function narrowing(col: Column, wanted: number): number {
  return Math.max(0, Math.min(wanted, col.width - G.MIN_COLUMN_WIDTH))
}

/** pt: line height for a type size. */
function lineHeight(size: number): number {
  return size * G.LEADING
}

/** pt: baseline below a line's top, centring the face's ascent+descent in the line height. */
function baselineOffset(size: number, metrics: TextMetrics): number {
  return (lineHeight(size) - (metrics.ascent + metrics.descent) * size) / 2 + metrics.ascent * size
}

/** A new row with defaults. */
function row(height: number, col: Column, items: Item[] = [], links: LinkArea[] = []): Row {
  return { height, gapBefore: 0, items, links, penaltyAfter: PENALTY.free, containers: col.containers }
}

/** Items of one laid-out line: text, code grounds, link underlines and link areas. */
function lineItems(
  line: Line,
  x: number,
  baseline: number,
  size: number,
  metrics: TextMetrics,
  gray = 0,
  generated?: Generated,
): { items: Item[]; links: LinkArea[] } {
  const top = baseline - metrics.ascent * size
  const height = (metrics.ascent + metrics.descent) * size
  const fragments = line.fragments
  // The common line: one plain fragment, one text item, no links (literals, not arrays grown by push).
  if (fragments.length === 1 && !fragments[0]!.code && fragments[0]!.href === undefined) {
    return { items: [textItem(fragments[0]!, x, baseline, size, gray, generated)], links: [] }
  }
  const items: Item[] = []
  const links: LinkArea[] = []
  for (const f of fragments) {
    if (f.code) items.push({ kind: 'rect', x: x + f.x, y: top, width: f.width, height, fill: CODE_FILL })
  }
  for (const f of fragments) {
    items.push(textItem(f, x, baseline, size, gray, generated))
    if (f.href !== undefined) {
      const y = baseline + UNDERLINE_OFFSET
      items.push({ kind: 'line', x1: x + f.x, y1: y, x2: x + f.x + f.width, y2: y, gray, lineWidth: UNDERLINE_WIDTH })
      links.push({ x: x + f.x, y: top, width: f.width, height, href: f.href })
    }
  }
  return { items, links }
}

/** The text item of one fragment of a line. */
function textItem(f: LineFragment, x: number, baseline: number, size: number, gray: number, generated: Generated | undefined): TextItem {
  const item: TextItem = { kind: 'text', x: x + f.x, y: baseline, text: f.text, font: f.font, size, width: f.width, gray }
  const gen = f.inserted ? 'hyphen' : generated
  if (gen) item.generated = gen
  return item
}

/** Lines → one row per line, with alignment inside `width`. */
function lineRows(lines: Line[], size: number, env: FlowEnv, col: Column, align: 'left' | 'center' | 'right' = 'left', gray = 0, generated?: Generated): Row[] {
  const lh = lineHeight(size)
  const base = baselineOffset(size, env.metrics)
  return lines.map((line) => {
    const dx = align === 'left' ? 0 : align === 'center' ? (col.width - line.width) / 2 : col.width - line.width
    const x = col.x + Math.max(0, dx)
    const f = line.fragments
    // The common line (one plain fragment, see lineItems) goes straight into its row.
    if (f.length === 1 && !f[0]!.code && f[0]!.href === undefined) return row(lh, col, [textItem(f[0]!, x, base, size, gray, generated)], [])
    const { items, links } = lineItems(line, x, base, size, env.metrics, gray, generated)
    return row(lh, col, items, links)
  })
}

/** Breaks styled text to the column. */
function breakText(text: StyledText[], size: number, env: FlowEnv, width: number): Line[] {
  const cache = env.lineCache
  const hyphenate = env.hyphenate !== undefined
  if (!cache) return breakLines(text, { width, size, measure: env.metrics.measure, hyphenate: env.hyphenate, fontUnits: env.metrics.fontUnits })
  // Bucketed by the length and first character of the first run's text (a number: no string to hash); entries compare
  // field by field, so a lookup builds no key string.
  const first = text[0]?.text ?? ''
  const bucketKey = first.length * 0x10000 + (first.length > 0 ? first.charCodeAt(0) : 0)
  let bucket = cache.get(bucketKey)
  if (!bucket) cache.set(bucketKey, (bucket = []))
  for (const entry of bucket) {
    if (entry.size === size && entry.width === width && entry.hyphenate === hyphenate && sameRuns(entry.text, text)) return entry.lines
  }
  const lines = breakLines(text, { width, size, measure: env.metrics.measure, hyphenate: env.hyphenate, fontUnits: env.metrics.fontUnits })
  bucket.push({ text, size, width, hyphenate, lines })
  return lines
}

/** Whether two styled texts break the same way (same texts, faces, code flags and links). */
function sameRuns(a: readonly StyledText[], b: readonly StyledText[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x.text !== y.text || x.font !== y.font || !x.code !== !y.code || x.href !== y.href) return false
  }
  return true
}

/** Widows and orphans: no break after the first line or before the last line of a paragraph (≥ 2 lines each side). */
function applyWidowOrphan(rows: Row[]): Row[] {
  const n = rows.length
  rows.forEach((r, i) => {
    const linesBefore = i + 1
    const linesAfter = n - linesBefore
    if (linesAfter > 0 && (linesBefore < 2 || linesAfter < 2)) r.penaltyAfter = Math.max(r.penaltyAfter, PENALTY.keep)
  })
  return rows
}

/** A paragraph: lines with widow/orphan rules. */
function paragraphRows(text: StyledText[], size: number, env: FlowEnv, col: Column, gap: number): Row[] {
  const rows = applyWidowOrphan(lineRows(breakText(text, size, env, col.width), size, env, col))
  if (rows[0]) rows[0].gapBefore = gap
  return rows
}

/**
 * A heading: bold lines kept together and with the next block; levels 1–2 are bookmarked unless the block says not.
 * Headings are not hyphenated, unless a word is longer than the line (then hyphenating beats cutting it anywhere).
 */
function headingRows(block: HeadingBlock, env: FlowEnv, col: Column): Row[] {
  const { runs, level } = block
  const size = G.HEADING_SIZE[level] * col.scale
  const styled = toStyled(runs, env.printUrls, { bold: true, italic: level === 4 })
  let lines = breakText(styled, size, { ...env, hyphenate: undefined }, col.width)
  if (lines.slice(0, -1).some((line) => line.joint === 'none')) lines = breakText(styled, size, env, col.width)
  const rows = lineRows(lines, size, env, col)
  for (const r of rows) r.penaltyAfter = PENALTY.keep
  if (rows[0]) {
    rows[0].gapBefore = G.HEADING_GAP * size
    if (level <= 2 && block.bookmark !== false) rows[0].outline = [{ title: normalizeTitle(runsText(runs)), level }]
  }
  return rows
}

/** Bookmark titles are one line of plain text. */
function normalizeTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** A list: items indented one level, markers hung in the indent on the item's first line. */
function listRows(block: ListBlock, env: FlowEnv, col: Column): Row[] {
  const size = G.BODY_SIZE * col.scale
  const indent = narrowing(col, G.LIST_INDENT * col.scale)
  const inner: Column = { ...col, x: col.x + indent, width: col.width - indent, depth: col.depth + 1 }
  const rows: Row[] = []
  block.items.forEach((item, i) => {
    const itemRows = flowBlocks(item, env, inner)
    if (itemRows.length === 0) return
    const first = itemRows[0]!
    first.gapBefore = i === 0 ? G.BLOCK_GAP * col.scale : G.ITEM_GAP * col.scale
    const marker = block.ordered ? `${(block.start ?? 1) + i}.` : BULLETS[col.depth % BULLETS.length]!
    const width = env.metrics.measure(marker, 'regular', size)
    // The marker hangs left of the item; in a column too narrow for it, it starts at the column edge.
    const markerAt = (y: number, at = size): Item => {
      const w = at === size ? width : env.metrics.measure(marker, 'regular', at)
      return { kind: 'text', x: Math.max(col.x, inner.x - MARKER_GAP - w), y, text: marker, font: 'regular', size: at, width: w, gray: 0, generated: 'marker' }
    }
    const firstText = first.items.find((it) => it.kind === 'text')
    // On a text line the marker takes the line's size, so it fits the line whatever scale the item's text uses.
    if (firstText?.kind === 'text') first.items = [markerAt(firstText.y, Math.min(size, firstText.size)), ...first.items]
    else if (first.height >= lineHeight(size)) first.items = [markerAt(baselineOffset(size, env.metrics)), ...first.items]
    else {
      // An item that starts with a rule or a thin padding row: the marker gets a line of its own, kept with it.
      const own = row(lineHeight(size), inner, [markerAt(baselineOffset(size, env.metrics))])
      own.gapBefore = first.gapBefore
      own.penaltyAfter = PENALTY.keep
      own.breakBefore = first.breakBefore
      own.outline = first.outline
      first.gapBefore = 0
      delete first.breakBefore
      delete first.outline
      own.containers = first.containers
      itemRows.unshift(own)
    }
    rows.push(...itemRows)
  })
  return rows
}

/** Column widths from content: each column gets its widest word, the rest shared by how much text it holds. */
function columnWidths(cells: StyledText[][][], size: number, env: FlowEnv, width: number): number[] {
  const n = Math.max(...cells.map((r) => r.length))
  const minCol = G.MIN_COLUMN_EM * size + 2 * G.CELL_PAD_X
  const mins = new Array<number>(n).fill(minCol)
  const maxs = new Array<number>(n).fill(minCol)
  for (const r of cells) {
    r.forEach((cell, c) => {
      let full = 0
      for (const s of cell) {
        full += env.metrics.measure(s.text, s.font, size)
        for (const word of s.text.split(/\s+/)) {
          const w = env.metrics.measure(word, s.font, size) + 2 * G.CELL_PAD_X
          // A single very long word (a URL) may not claim more than half the table: it breaks instead.
          mins[c] = Math.max(mins[c]!, Math.min(w, width / 2))
        }
      }
      maxs[c] = Math.max(maxs[c]!, full + 2 * G.CELL_PAD_X, mins[c]!)
    })
  }
  const sumMin = mins.reduce((a, b) => a + b, 0)
  const sumMax = maxs.reduce((a, b) => a + b, 0)
  if (sumMin >= width) return mins.map((m) => (m * width) / sumMin)
  if (sumMax <= width) return maxs.map((m) => (m * width) / sumMax)
  return mins.map((m, c) => m + ((maxs[c]! - m) * (width - sumMin)) / (sumMax - sumMin))
}

/** A table: rows of wrapped cells, the header repeated on each page the table continues on. */
function tableRows(block: TableBlock, env: FlowEnv, col: Column): Row[] {
  const size = G.BODY_SIZE * (block.bodySize ? 1 : G.TABLE_SCALE) * col.scale
  const header = block.header.map((c) => toStyled(c, env.printUrls, { bold: true }))
  const body = block.rows.map((r) => r.map((c) => toStyled(c, env.printUrls)))
  const n = Math.max(header.length, ...body.map((r) => r.length))
  const pad = (r: StyledText[][]): StyledText[][] => [...r, ...new Array<StyledText[]>(Math.max(0, n - r.length)).fill([])]
  const widths = columnWidths([pad(header), ...body.map(pad)], size, env, col.width)
  const container: Container = { id: env.ids.next++, kind: 'table', repeat: [], reserve: 0 }
  const tcol: Column = { ...col, containers: [...col.containers, container] }
  const headerRows = block.header.length > 0 ? tableRow(pad(header), widths, block, size, env, tcol, true) : []
  container.repeat = headerRows.map((r) => ({ ...r, items: r.items.map((it) => (it.kind === 'text' ? { ...it, generated: 'repeat' as const } : it)), gapBefore: 0 }))
  const rows = [...headerRows]
  for (const r of body) rows.push(...tableRow(pad(r), widths, block, size, env, tcol, false))
  if (rows.length === 0) return []
  for (const r of headerRows) r.penaltyAfter = Math.max(r.penaltyAfter, PENALTY.keep)
  rows[0]!.gapBefore = G.BLOCK_GAP * col.scale
  if (block.unsplittable) markUnsplittable(rows, env.content.height)
  return rows
}

/** One table row: a single row, or slices between its lines when it is very tall. */
function tableRow(cells: StyledText[][], widths: number[], block: TableBlock, size: number, env: FlowEnv, col: Column, isHeader: boolean): Row[] {
  const lh = lineHeight(size)
  const base = baselineOffset(size, env.metrics)
  const xs: number[] = []
  let x = col.x
  for (const w of widths) {
    xs.push(x)
    x += w
  }
  const right = col.x + col.width
  const cellLines = cells.map((cell, c) => breakText(cell, size, env, Math.max(1, widths[c]! - 2 * G.CELL_PAD_X)))
  const count = Math.max(1, ...cellLines.map((l) => l.length))
  const height = count * lh + 2 * G.CELL_PAD_Y
  const sliced = height > env.content.height * G.ROW_SLICE_SHARE
  const slices: [number, number][] = sliced ? Array.from({ length: count }, (_, k) => [k, k + 1]) : [[0, count]]
  return slices.map(([from, to], s) => {
    const first = s === 0
    const last = s === slices.length - 1
    const top = first ? G.CELL_PAD_Y : 0
    const h = (to - from) * lh + top + (last ? G.CELL_PAD_Y : 0)
    const items: Item[] = []
    const links: LinkArea[] = []
    if (isHeader) items.push({ kind: 'rect', x: col.x, y: 0, width: col.width, height: h, fill: G.TABLE_HEADER_FILL })
    const rule = (x1: number, y1: number, x2: number, y2: number): void => {
      items.push({ kind: 'line', x1, y1, x2, y2, gray: G.TABLE_RULE_GRAY, lineWidth: G.TABLE_RULE })
    }
    if (first) rule(col.x, 0, right, 0)
    if (last) rule(col.x, h, right, h)
    for (const cx of [...xs, right]) rule(cx, 0, cx, h)
    cellLines.forEach((lines, c) => {
      const align = block.align[c] ?? 'left'
      const inner = widths[c]! - 2 * G.CELL_PAD_X
      lines.slice(from, to).forEach((line, k) => {
        const dx = align === 'left' ? 0 : align === 'center' ? (inner - line.width) / 2 : inner - line.width
        const li = lineItems(line, xs[c]! + G.CELL_PAD_X + Math.max(0, dx), top + k * lh + base, size, env.metrics)
        items.push(...li.items)
        links.push(...li.links)
      })
    })
    const r = row(h, col, items, links)
    if (!last) r.penaltyAfter = PENALTY.row
    return r
  })
}

/** Rows of a container that fits on one page get the "unsplittable" penalty inside. */
function markUnsplittable(rows: Row[], pageHeight: number): void {
  const total = rows.reduce((s, r, i) => s + r.height + (i > 0 ? r.gapBefore : 0), 0)
  // A container taller than a page splits anyway; then its ordinary break rules choose where.
  if (total > pageHeight) return
  for (let i = 0; i < rows.length - 1; i++) rows[i]!.penaltyAfter = Math.max(rows[i]!.penaltyAfter, PENALTY.unsplittable)
}

/**
 * A picture at its size, with its caption. `small`: its placed size, never wider than the column or taller than a
 * share of the page; `half`: the column's width, at most half the page; `page`: it grows to fill its page (`Row.grow`),
 * as wide as the column allows.
 */
function imageRows(block: ImageBlock, env: FlowEnv, col: Column): Row[] {
  const size = block.size ?? 'small'
  const aspect = block.height / Math.max(1, block.width)
  const widest = size === 'small' ? Math.min(block.placedWidth ?? (block.width * 72) / G.IMAGE_DPI, col.width) : col.width
  const tallest = env.content.height * (size === 'small' ? G.IMAGE_MAX_SHARE : size === 'half' ? G.HALF_PICTURE_SHARE : G.PAGE_PICTURE_START)
  const picture = (width: number, height: number, rowHeight = height): Row => {
    const r = row(rowHeight, col, [{ kind: 'image', x: col.x + (col.width - width) / 2, y: (rowHeight - height) / 2, width, height, image: block }])
    r.gapBefore = G.BLOCK_GAP * col.scale
    return r
  }
  const fitted = (maxHeight: number, rowHeight?: number): Row => {
    const height = Math.min(widest * aspect, maxHeight)
    return picture(height / aspect, height, rowHeight)
  }
  const first = fitted(tallest)
  if (size === 'page') {
    // It takes all the room it is given, the picture centred in it when the column's width stops it growing first.
    // Grown rows by height: a later layout pass that grows it alike gets the same row (its page is reused).
    const grownRows = new Map<number, Row>()
    const grow = (from: Row) => (room: number): Row => {
      const height = from.height + Math.max(0, room)
      let next = grownRows.get(height)
      if (next) return next
      grownRows.set(height, (next = fitted(height, height)))
      next.penaltyAfter = from.penaltyAfter
      next.grow = grow(next)
      return next
    }
    first.grow = grow(first)
  }
  if (!block.caption || block.caption.length === 0) return [first]
  first.penaltyAfter = PENALTY.keep
  const captionSize = G.BODY_SIZE * G.CAPTION_SCALE * col.scale
  const caption = applyWidowOrphan(lineRows(breakText(toStyled(block.caption, env.printUrls, { italic: true }), captionSize, env, col.width), captionSize, env, col, 'center', 0.2))
  if (caption[0]) caption[0].gapBefore = 3
  return [first, ...caption]
}

/**
 * A form field: its label (kept with its lines), then ruled writing lines, at least the block's number of them and more
 * where the page has room (`Row.grow`), up to a limit.
 */
function fieldRows(block: FieldBlock, env: FlowEnv, col: Column): Row[] {
  const size = G.BODY_SIZE * col.scale
  const pitch = G.FIELD_LINE_PITCH * col.scale
  const label = block.label.length ? paragraphRows(toStyled(block.label, env.printUrls), size, env, col, G.BLOCK_GAP * col.scale) : []
  for (const r of label) r.penaltyAfter = Math.max(r.penaltyAfter, PENALTY.keep)
  // Writing rows by their number of lines: a later layout pass that grows the field alike gets the same row.
  const made = new Map<number, Row>()
  const writing = (count: number): Row => {
    const known = made.get(count)
    if (known) return known
    const items: Item[] = []
    for (let k = 1; k <= count; k++) {
      const y = k * pitch - G.FIELD_LINE_DROP
      items.push({ kind: 'line', x1: col.x, y1: y, x2: col.x + col.width, y2: y, gray: G.FIELD_LINE_GRAY, lineWidth: G.FIELD_LINE_WIDTH })
    }
    const r = row(count * pitch, col, items)
    r.gapBefore = label.length ? G.ITEM_GAP * col.scale : G.BLOCK_GAP * col.scale
    if (count < G.FIELD_MAX_LINES) r.grow = (room) => writing(Math.min(G.FIELD_MAX_LINES, count + Math.max(0, Math.floor((room + 1e-6) / pitch))))
    // A longer blank as the author drew it, a longer answer: a larger share of the room.
    r.growWeight = (block.length ?? G.FIELD_BLANK_LENGTH) / G.FIELD_BLANK_LENGTH
    made.set(count, r)
    return r
  }
  return [...label, writing(Math.max(1, block.lines))]
}

/** A callout box: padding rows, a bold title, the children, a frame drawn per page by pagination; a plain box is only kept together. */
function boxRows(block: BoxBlock, env: FlowEnv, col: Column): Row[] {
  if (block.variant === 'plain') {
    const container: Container = { id: env.ids.next++, kind: 'box', repeat: [], reserve: 0 }
    const inner: Column = { ...col, containers: [...col.containers, container] }
    const size = G.BODY_SIZE * col.scale
    const title = block.title?.length ? lineRows(breakText(toStyled(block.title, env.printUrls, { bold: true }), size, env, col.width), size, env, inner) : []
    for (const r of title) {
      r.penaltyAfter = PENALTY.keep
      r.label = true
    }
    const rows = [...title, ...flowBlocks(block.children, env, inner)]
    if (rows[0]) rows[0].gapBefore = Math.max(rows[0].gapBefore, G.BLOCK_GAP * col.scale)
    if (block.unsplittable) markUnsplittable(rows, env.content.height)
    return rows
  }
  const wanted = block.variant === 'script' ? 2 : block.variant === 'safeguarding' ? G.BOX_PAD + 2 : G.BOX_PAD
  const inset = narrowing(col, block.variant === 'script' ? G.SCRIPT_INDENT : 2 * wanted) / (block.variant === 'script' ? 1 : 2)
  const pad = block.variant === 'script' ? wanted : inset
  const frame: Container['frame'] =
    block.variant === 'note'
      ? { x: col.x, width: col.width, fill: G.NOTE_FILL }
      : block.variant === 'safeguarding'
        ? { x: col.x, width: col.width, stroke: 0, lineWidth: G.SAFEGUARDING_RULE }
        : { x: col.x, width: G.SCRIPT_BAR, fill: G.SCRIPT_BAR_GRAY, bar: G.SCRIPT_BAR }
  const container: Container = { id: env.ids.next++, kind: 'box', repeat: [], frame, reserve: pad }
  const containers = [...col.containers, container]
  const inner: Column = {
    ...col,
    x: col.x + inset,
    width: col.width - inset - (block.variant === 'script' ? 0 : pad),
    containers,
  }
  const size = G.BODY_SIZE * col.scale
  const titleRows = (runs: readonly Run[], generated?: Generated): Row[] => {
    const rows = lineRows(breakText(toStyled(runs, env.printUrls, { bold: true }), size, env, inner.width), size, env, inner, 'left', 0, generated)
    for (const r of rows) {
      r.penaltyAfter = PENALTY.keep
      r.label = true
    }
    return rows
  }
  const padRow = (): Row => ({ ...row(pad, inner), penaltyAfter: PENALTY.keep })
  const title = block.title && block.title.length > 0 ? titleRows(block.title) : []
  const children = flowBlocks(block.children, env, inner)
  if (children[0]) children[0].gapBefore = title.length > 0 ? G.ITEM_GAP * col.scale : 0
  const last = children[children.length - 1] ?? title[title.length - 1]
  if (last) last.penaltyAfter = Math.max(last.penaltyAfter, PENALTY.keep)
  const top = padRow()
  top.gapBefore = G.BLOCK_GAP * col.scale
  const bottom = { ...row(pad, inner) }
  const rows = [top, ...title, ...children, bottom]
  const continuedTitle: Run[] = [...(block.title ?? []).map((r) => ({ ...r, href: undefined })), { text: (block.title?.length ? ' ' : '') + env.continued }]
  container.repeat = [padRow(), ...titleRows(continuedTitle, 'repeat')]
  if (block.unsplittable) markUnsplittable(rows, env.content.height)
  return rows
}

/** A thin rule across the column. */
function ruleRow(col: Column): Row {
  const h = 1
  const r = row(h, col, [{ kind: 'line', x1: col.x, y1: h / 2, x2: col.x + col.width, y2: h / 2, gray: 0.5, lineWidth: 0.6 }])
  r.gapBefore = G.BLOCK_GAP * 1.5 * col.scale
  return r
}

/** "Name: ______ Date: ______": labels with writing lines. */
function nameLineRow(block: NameLineBlock, env: FlowEnv, col: Column): Row {
  const size = G.BODY_SIZE * col.scale
  const h = G.NAME_LINE_HEIGHT * col.scale
  const baseline = h - 6
  const items: Item[] = []
  const field = (label: string, x: number, end: number): void => {
    const width = env.metrics.measure(label, 'regular', size)
    items.push({ kind: 'text', x, y: baseline, text: label, font: 'regular', size, width, gray: 0 })
    const from = x + width + 4
    if (end - from > 8) items.push({ kind: 'line', x1: from, y1: baseline + 2, x2: end, y2: baseline + 2, gray: 0.2, lineWidth: 0.6 })
  }
  const split = col.x + col.width * G.NAME_FIELD_SHARE
  field(block.nameLabel, col.x, split - 14)
  field(block.dateLabel, split, col.x + col.width)
  const r = row(h, col, items)
  r.gapBefore = G.BLOCK_GAP * col.scale
  return r
}

/**
 * Cut-out cards: a title with a scissors mark, then grid rows of cards with dashed cut lines. Every card of the set is
 * set in one type size (the largest at which all fit); a set that would spill a row or two onto another sheet gets
 * shorter cards when its text still fits them at a readable size.
 */
function cardRows(block: CardsBlock, env: FlowEnv, col: Column): Row[] {
  const container: Container = { id: env.ids.next++, kind: 'cards', repeat: [], reserve: 0 }
  const ccol: Column = { ...col, containers: [...col.containers, container] }
  const size = G.HEADING_SIZE[2] * col.scale
  const titleRows = (runs: readonly Run[], generated?: Generated): Row[] => {
    const rows = lineRows(breakText(toStyled(runs, env.printUrls, { bold: true }), size, env, col.width), size, env, ccol, 'left', 0, generated)
    for (const r of rows) {
      r.penaltyAfter = PENALTY.keep
      r.label = true
    }
    return rows
  }
  const scissorsRow = (): Row => {
    const h = G.SCISSORS + 4
    const r = row(h, ccol, [scissorsPath(col.x, h - G.SCISSORS * 0.7 - 1, G.SCISSORS)])
    r.penaltyAfter = PENALTY.keep
    r.label = true
    return r
  }
  const title = [...titleRows(block.title), scissorsRow()]
  title[0]!.gapBefore = 0
  container.repeat = [...titleRows([...block.title, { text: ' ' + env.continued }], 'repeat'), scissorsRow()]
  const cardWidth = col.width / G.CARD_COLUMNS
  const inner = cardWidth - 2 * G.CARD_PAD
  const paragraphs = block.cards.map((card) => cardParagraphs(card, env.printUrls))
  const envs: CardEnvs = { plain: { ...env, hyphenate: undefined }, hyphenating: env }
  let h = G.CARD_HEIGHT
  let fit = fitCards(paragraphs, inner, h - 2 * G.CARD_PAD, envs, G.CARD_MIN_SIZE)
  const gridRows = Math.ceil(block.cards.length / G.CARD_COLUMNS)
  const room = env.content.height - Math.max(sumHeights(title), sumHeights(container.repeat))
  const perSheet = Math.max(1, Math.floor(room / h))
  if (gridRows > perSheet) {
    // One sheet fewer, with shorter cards: only if every card still fits them at a readable size.
    const sheets = Math.ceil(gridRows / perSheet)
    const shorter = Math.floor(room / Math.ceil(gridRows / (sheets - 1)))
    if (shorter >= G.CARD_MIN_HEIGHT) {
      const trial = fitCards(paragraphs, inner, shorter - 2 * G.CARD_PAD, envs, G.CARD_READABLE_SIZE)
      if (trial.overflow.length === 0) {
        h = shorter
        fit = trial
      }
    }
  }
  for (const k of fit.overflow) {
    env.errors.push({
      kind: 'card-overflow',
      text: runsText(block.cards[k]!),
      pos: block.pos,
      message: `card ${k + 1} of "${runsText(block.title)}" does not fit its card even at ${G.CARD_MIN_SIZE} pt; shorten its text`,
    })
  }
  // The set fitted to each taller height its rows grow to (the rows of a sheet grow alike: one fit for all of them).
  const fits = new Map<number, ReturnType<typeof fitCards>>()
  const fitTo = (taller: number) => {
    let found = fits.get(taller)
    if (!found) fits.set(taller, (found = fitCards(paragraphs, inner, taller - 2 * G.CARD_PAD, envs, G.CARD_MIN_SIZE, grownCardSize(taller))))
    return found
  }
  // Grown rows by first card and height: a later layout pass that grows a row alike gets the same row (its page is reused).
  const grownRows = new Map<string, Row>()
  // A row of cards at a height, its cards set as `set` says.
  const gridRow = (i: number, set: ReturnType<typeof fitCards>, h: number): Row => {
    const lh = lineHeight(set.size)
    const base = baselineOffset(set.size, env.metrics)
    const count = Math.min(G.CARD_COLUMNS, block.cards.length - i)
    const items: Item[] = []
    const links: LinkArea[] = []
    const right = col.x + count * cardWidth
    const cut = (x1: number, y1: number, x2: number, y2: number): void => {
      items.push({ kind: 'line', x1, y1, x2, y2, gray: G.CUT_GRAY, lineWidth: G.CUT_LINE, dash: G.CUT_DASH })
    }
    cut(col.x, 0, right, 0)
    cut(col.x, h, right, h)
    for (let k = 0; k <= count; k++) cut(col.x + k * cardWidth, 0, col.x + k * cardWidth, h)
    for (let k = 0; k < count; k++) {
      const card = set.cards[i + k]!
      const shown = card.lines.slice(0, cardLinesShown(card.lines.length, set.size, h - 2 * G.CARD_PAD))
      const top = (h - shown.length * lh) / 2
      const left = col.x + k * cardWidth + G.CARD_PAD
      shown.forEach((entry, j) => {
        const y = top + j * lh + base
        // A card with a list is set flush left, each item's lines hanging after its marker; other cards are centred.
        const x = card.flushLeft ? left + entry.indent : left + Math.max(0, (inner - entry.line.width) / 2)
        if (entry.marker !== undefined) {
          const width = env.metrics.measure(entry.marker, 'regular', set.size)
          items.push({ kind: 'text', x: left, y, text: entry.marker, font: 'regular', size: set.size, width, gray: 0, generated: 'marker' })
        }
        const li = lineItems(entry.line, x, y, set.size, env.metrics)
        items.push(...li.items)
        links.push(...li.links)
      })
    }
    const r = row(h, ccol, items, links)
    // The rows of a sheet with room to spare grow alike to fill it, the set's text refitted to the taller cards (one size for all).
    r.grow = (room) => {
      // Every row of a sheet gets the same share: all grow, or none (a few points are not worth a new fit).
      if (room < G.CARD_GROW_MIN) return r
      const taller = h + room
      const key = `${i}:${taller}`
      let grown = grownRows.get(key)
      if (!grown) grownRows.set(key, (grown = gridRow(i, fitTo(taller), taller)))
      return grown
    }
    return r
  }
  const grid: Row[] = []
  for (let i = 0; i < block.cards.length; i += G.CARD_COLUMNS) grid.push(gridRow(i, fit, h))
  return [...title, ...grid]
}

/** pt: the largest type of a card as tall as `height`: the usual largest, more for a taller card (a sign for the board), up to a limit. */
function grownCardSize(height: number): number {
  const proportional = Math.floor((G.CARD_MAX_SIZE * height) / G.CARD_HEIGHT / G.CARD_SIZE_STEP) * G.CARD_SIZE_STEP
  return Math.min(G.CARD_GROWN_MAX_SIZE, Math.max(G.CARD_MAX_SIZE, proportional))
}

/** pt: total height of rows stacked (gaps included after the first). */
function sumHeights(rows: readonly Row[]): number {
  return rows.reduce((sum, r, i) => sum + r.height + (i > 0 ? r.gapBefore : 0), 0)
}

/** A paragraph of a card's text, and the marker it hangs after when it is a list item. */
interface CardParagraph {
  text: StyledText[]
  marker?: string
}

/** A card's runs → its paragraphs (split at line breaks), list items with their markers apart. */
function cardParagraphs(card: readonly Run[], printUrls: boolean): CardParagraph[] {
  const paragraphs: Run[][] = [[]]
  for (const run of card) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) paragraphs.push([])
      if (part.length > 0) paragraphs[paragraphs.length - 1]!.push(part === run.text ? run : { ...run, text: part })
    })
  }
  return paragraphs
    .filter((runs) => runs.some((r) => r.text.trim()))
    .map((runs) => (runs[0]!.marker ? { marker: runs[0]!.text, text: toStyled(runs.slice(1), printUrls) } : { text: toStyled(runs, printUrls) }))
}

/** A card's text set at one size: its lines with their indents, whether every word stayed whole, and its height. */
interface CardSetting {
  lines: { line: Line; indent: number; marker?: string }[]
  whole: boolean
  height: number
  /** Set flush left (it has a list). */
  flushLeft: boolean
}

/** A card's paragraphs set at one size into a width, hyphenated as `env` says. */
function setCard(paragraphs: readonly CardParagraph[], size: number, width: number, env: FlowEnv): CardSetting {
  const lines: CardSetting['lines'] = []
  let whole = true
  const flushLeft = paragraphs.some((p) => p.marker !== undefined)
  const markerRoom = flushLeft ? Math.max(...paragraphs.map((p) => (p.marker ? env.metrics.measure(p.marker, 'regular', size) : 0))) + CARD_MARKER_GAP * size : 0
  for (const p of paragraphs) {
    const indent = p.marker !== undefined ? markerRoom : 0
    const broken = breakText(p.text, size, env, Math.max(1, width - indent))
    // Without hyphenation, every line but a paragraph's last must end at a space (no word was cut).
    if (!env.hyphenate && broken.slice(0, -1).some((l) => l.joint !== 'space')) whole = false
    broken.forEach((line, j) => lines.push({ line, indent, ...(j === 0 && p.marker !== undefined ? { marker: p.marker } : {}) }))
  }
  return { lines, whole, height: lines.length * lineHeight(size), flushLeft }
}

/** pt: how far a card's lines may overrun its text box and still count as fitting it (rounding in their sum). */
const CARD_FIT_SLACK = 1e-6

/** Whether a card's lines fit the height of its text box. */
function fitsCard(setting: CardSetting, height: number): boolean {
  return setting.height <= height + CARD_FIT_SLACK
}

/**
 * How many of a card's lines at a size are drawn in a text box of a height: all of them when the card was fitted to
 * it (the same sum, the same slack: a ratio rounded down would drop the last line of a card that fills its box).
 */
function cardLinesShown(count: number, size: number, height: number): number {
  let shown = count
  while (shown > 0 && shown * lineHeight(size) > height + CARD_FIT_SLACK) shown--
  return shown
}

/** A card at a size: whole words if they fit, else (when `hyphenate`) hyphenated; undefined if it does not fit. */
function cardAt(paragraphs: readonly CardParagraph[], size: number, width: number, height: number, envs: CardEnvs, hyphenate: boolean): CardSetting | undefined {
  const plain = setCard(paragraphs, size, width, envs.plain)
  if (plain.whole && fitsCard(plain, height)) return plain
  if (!hyphenate || !envs.hyphenating.hyphenate) return undefined
  const hyphenated = setCard(paragraphs, size, width, envs.hyphenating)
  return fitsCard(hyphenated, height) ? hyphenated : undefined
}

/** The flow's environment for breaking card text without and with hyphenation (made once per card set). */
interface CardEnvs {
  plain: FlowEnv
  hyphenating: FlowEnv
}

/**
 * The cards of a set in one type size: the largest (from `largest` down to `smallest`) at which every card fits its box.
 * Short card text reads best whole: the set is hyphenated only where whole words would make its type much smaller
 * (below `WHOLE_WORDS_SHARE` of the size hyphenation allows), and then only the cards that need it. `overflow`: the
 * cards that do not fit even at the smallest size (set at it anyway).
 */
function fitCards(cards: readonly CardParagraph[][], width: number, height: number, envs: CardEnvs, smallest: number, largest: number = G.CARD_MAX_SIZE): { size: number; cards: CardSetting[]; overflow: number[] } {
  const whole = setSize(cards, width, height, envs, smallest, largest, false)
  // Hyphenation can gain no more than up to the largest size: whole words that close are kept without trying it.
  if (whole.overflow.length === 0 && whole.size >= largest * WHOLE_WORDS_SHARE) return whole
  const hyphenated = setSize(cards, width, height, envs, smallest, largest, true)
  return whole.overflow.length === 0 && whole.size >= hyphenated.size * WHOLE_WORDS_SHARE ? whole : hyphenated
}

/** Whole-word type may be this much smaller than hyphenated type before a card set is hyphenated. */
const WHOLE_WORDS_SHARE = 0.8

/** The set at the largest size at which every card fits, hyphenated where needed or not at all. */
function setSize(cards: readonly CardParagraph[][], width: number, height: number, envs: CardEnvs, smallest: number, largest: number, hyphenate: boolean): { size: number; cards: CardSetting[]; overflow: number[] } {
  // Each card's own largest size first (a binary search over the size steps: smaller type never needs more lines); the
  // set's size is the smallest of them, checked again card by card below.
  let size = largest
  for (const card of cards) {
    if (cardAt(card, size, width, height, envs, hyphenate) !== undefined) continue
    // Sizes smallest + k steps, k = 0 … n - 1, below the size that did not fit: the largest k that fits (or none).
    const n = Math.round((size - smallest) / G.CARD_SIZE_STEP)
    let fits = -1
    let fails = n
    while (fails - fits > 1) {
      const mid = (fits + fails) >> 1
      if (cardAt(card, smallest + mid * G.CARD_SIZE_STEP, width, height, envs, hyphenate) !== undefined) fits = mid
      else fails = mid
    }
    size = smallest + Math.max(0, fits) * G.CARD_SIZE_STEP
  }
  for (; ; size -= G.CARD_SIZE_STEP) {
    const last = size <= smallest + 1e-9
    const set = cards.map((card) => cardAt(card, size, width, height, envs, hyphenate))
    if (last || set.every((card) => card !== undefined)) {
      const overflow = set.flatMap((card, k) => (card === undefined ? [k] : []))
      return { size, cards: set.map((card, k) => card ?? setCard(cards[k]!, size, width, envs.hyphenating)), overflow }
    }
  }
}
