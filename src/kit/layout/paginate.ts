/**
 * Pagination: rows → pages. A greedy walk that fills a page and then breaks at the best place on it:
 * the lowest penalty, and the latest among equals (so unsplittable boxes move whole to the next page,
 * headings stay with what follows, and a paragraph keeps two lines on each side of a break).
 * A page that continues a table or box starts with that container's repeat rows. A part's last page less full than
 * `MIN_PAGE_FILL` is pulled back onto the page before (tighter spacing) or balanced with it; rows that grow fill their page; a
 * part that starts a new sheet, and every page of cards, is set on an odd page after an intentionally blank one.
 */
import { MIN_PAGE_FILL } from './geometry.ts'
import type { Box, Container, Item, LineItem, LinkArea, OutlineEntry, Page, Row, TextItem } from './types.ts'

/** pt: slack when comparing heights. */
const EPSILON = 1e-6

/** A row on a page, with its top in page coordinates. */
export interface PlacedRow {
  row: Row
  y: number
  /** Index in the flow, or -1 for a repeated row. */
  index: number
}

/** A page of placed rows; a blank page (the back of a sheet left empty on purpose) has none. */
export interface PlacedPage {
  rows: PlacedRow[]
  blank?: boolean
}

/** pt: how much earlier a page's break is tried at a time when balancing it with a near-empty page after it. */
const BALANCE_STEP = 12
/** Shares of their space that gaps and box padding keep when a short last page is pulled back onto the page before. */
const SQUEEZE = [0.6, 0.4]

/** A page being made: its placed rows and the range of flow rows it holds. */
interface Span {
  placed: PlacedRow[]
  start: number
  end: number
}

/**
 * Rows → pages of placed rows; every page holds at least one row and nothing overflows the content box, except the
 * blank backs inserted so that a part that asks for it (`Row.recto`) and every page of cards start on an odd page.
 */
export function resolvePages(rows: readonly Row[], content: Box): PlacedPage[] {
  const firstIndex = new Map<number, number>()
  rows.forEach((r, i) => {
    for (const c of r.containers) if (!firstIndex.has(c.id)) firstIndex.set(c.id, i)
  })
  const repeatAt = (i: number): Row[] => rows[i]!.containers.filter((c) => firstIndex.get(c.id)! < i).flatMap((c) => c.repeat)
  const pages: PlacedPage[] = []
  // The page after a page of cards starts a new sheet too: cutting the cards would destroy what is printed behind them.
  let afterCards = false
  for (let start = 0; start < rows.length; ) {
    let end = start + 1
    while (end < rows.length && !rows[end]!.breakBefore) end++
    const section = paginate(rows, start, end, content, repeatAt).map((span) => grown(span.placed, content)).filter((p) => p.some((r) => r.row.items.length > 0))
    section.forEach((placed, k) => {
      const cards = placed.some((p) => p.row.containers.some((c) => c.kind === 'cards'))
      if ((afterCards || cards || (k === 0 && rows[start]!.recto)) && pages.length % 2 === 1) pages.push({ rows: [], blank: true })
      pages.push({ rows: placed })
      afterCards = cards
    })
    start = end
  }
  return pages
}

/**
 * The pages of one part (rows from `start` to `end`, between forced breaks): filled greedily, then a last page less full
 * than `MIN_PAGE_FILL` is pulled back onto the page before with tighter spacing, or else balanced with it.
 */
function paginate(rows: readonly Row[], start: number, end: number, content: Box, repeatAt: (i: number) => Row[]): Span[] {
  const spans: Span[] = []
  for (let i = start; i < end; ) {
    const span = fillSpan(rows, i, repeatAt, content)
    spans.push(span)
    i = span.end
  }
  if (spans.length < 2 || fullness(spans.at(-1)!.placed, content) >= MIN_PAGE_FILL) return spans
  const before = spans[spans.length - 2]!
  const merged = squeezed(rows, before.start, end, repeatAt(before.start), content)
  if (merged) return [...spans.slice(0, -2), merged]
  return [...spans.slice(0, -2), ...(balanced(rows, before, end, repeatAt, content) ?? spans.slice(-2))]
}

/** One page from row `i`, with the repeat rows of the containers it continues (or without them, when not even one row fits after them). */
function fillSpan(rows: readonly Row[], i: number, repeatAt: (i: number) => Row[], content: Box): Span {
  let page = fillPage(rows, i, repeatAt(i), content)
  // Repeat rows so tall that not even one row fits after them: the page does without them.
  if (page.end === i) page = fillPage(rows, i, [], content)
  // A single row taller than the page (nothing in a kit is): it overflows its page rather than stopping the layout.
  if (page.end === i) page = { placed: [{ row: rows[i]!, y: content.y, index: i }], end: i + 1 }
  return { placed: page.placed, start: i, end: page.end }
}

/** How full a page is: the bottom of its last row as a share of the content height. */
function fullness(placed: readonly PlacedRow[], content: Box): number {
  const last = placed.at(-1)
  return last ? (last.y + last.row.height - content.y) / content.height : 0
}

/**
 * Rows `from` … `end` - 1 on one page, if they fit there with the gaps between them and the box padding (rows with
 * nothing drawn) made smaller: a short tail pulled back onto the page before it.
 */
function squeezed(rows: readonly Row[], from: number, end: number, repeat: readonly Row[], content: Box): Span | undefined {
  const fixed = repeat.reduce((sum, r) => sum + r.height, 0)
  for (const share of SQUEEZE) {
    let total = fixed
    for (let i = from; i < end; i++) {
      const r = rows[i]!
      total += (i > from ? r.gapBefore * share : 0) + (r.items.length === 0 ? r.height * share : r.height)
    }
    if (total > content.height + EPSILON) continue
    const placed: PlacedRow[] = []
    let cursor = 0
    for (const r of repeat) {
      placed.push({ row: r, y: content.y + cursor, index: -1 })
      cursor += r.height
    }
    for (let i = from; i < end; i++) {
      const r = rows[i]!
      const row = r.items.length === 0 ? { ...r, height: r.height * share } : r
      cursor += i > from ? r.gapBefore * share : 0
      placed.push({ row, y: content.y + cursor, index: i })
      cursor += row.height
    }
    return { placed, start: from, end }
  }
  return undefined
}

/**
 * The last two pages of a part with the break between them moved earlier, until the last page is `MIN_PAGE_FILL` full
 * while it still holds the rest of the part; undefined if no such break exists.
 */
function balanced(rows: readonly Row[], before: Span, end: number, repeatAt: (i: number) => Row[], content: Box): Span[] | undefined {
  for (let limit = content.height - BALANCE_STEP; limit >= content.height / 2; limit -= BALANCE_STEP) {
    const first = fillPage(rows, before.start, repeatAt(before.start), { ...content, height: limit })
    if (first.end <= before.start) return undefined
    if (first.end >= before.end) continue
    const last = fillSpan(rows, first.end, repeatAt, content)
    if (last.end < end) return undefined
    if (fullness(last.placed, content) >= MIN_PAGE_FILL) return [{ placed: first.placed, start: before.start, end: first.end }, last]
  }
  return undefined
}

/**
 * A page whose growing rows (`Row.grow`) share its free height, the rows below them moved down. Each is offered a share
 * by its weight (rows of one card set alike); what a row leaves (a picture as wide as the column) is offered again to
 * the rows that took all of theirs.
 */
function grown(placed: PlacedRow[], content: Box): PlacedRow[] {
  if (!placed.some((p) => p.row.grow !== undefined)) return placed
  let rows = placed.map((p) => p.row)
  let room = content.height - fullness(placed, content) * content.height
  const hungry = rows.map((row) => row.grow !== undefined)
  for (let round = 0; round < 2 && room > EPSILON; round++) {
    const weights = rows.reduce((sum, row, i) => sum + (hungry[i] ? (row.growWeight ?? 1) : 0), 0)
    if (weights === 0) break
    let taken = 0
    rows = rows.map((row, i) => {
      if (!hungry[i]) return row
      const share = (room * (row.growWeight ?? 1)) / weights
      const next = row.grow!(share)
      const added = next.height - row.height
      taken += added
      hungry[i] = added > share - EPSILON && next.grow !== undefined
      return next
    })
    room -= taken
  }
  if (rows.every((row, i) => row === placed[i]!.row)) return placed
  let shift = 0
  return placed.map((p, i) => {
    const y = p.y + shift
    shift += rows[i]!.height - p.row.height
    return rows[i] === p.row && y === p.y ? p : { row: rows[i]!, y, index: p.index }
  })
}

/** Fills one page from row `start`; returns the rows it keeps and where the next page starts. */
function fillPage(rows: readonly Row[], start: number, repeat: readonly Row[], content: Box): { placed: PlacedRow[]; end: number } {
  const placed: PlacedRow[] = []
  let cursor = 0
  for (const r of repeat) {
    placed.push({ row: r, y: content.y + cursor, index: -1 })
    cursor += r.height
  }
  if (cursor > content.height + EPSILON) return { placed: [], end: start }
  let best = -1
  let bestPenalty = Infinity
  let j = start
  for (; j < rows.length; j++) {
    const r = rows[j]!
    if (j > start && r.breakBefore) break
    const gap = j === start ? 0 : r.gapBefore
    if (cursor + gap + r.height > content.height + EPSILON) break
    cursor += gap
    placed.push({ row: r, y: content.y + cursor, index: j })
    cursor += r.height
    const next = rows[j + 1]
    if (next && !next.breakBefore) {
      // The reserve of the containers that go on after this row (summed in order, no array built per row).
      let reserve = 0
      const containers = r.containers
      for (let k = 0; k < containers.length; k++) if (next.containers.includes(containers[k]!)) reserve += containers[k]!.reserve
      if (cursor + reserve <= content.height + EPSILON && r.penaltyAfter <= bestPenalty) {
        best = j
        bestPenalty = r.penaltyAfter
      }
    }
  }
  let end: number
  if (j === rows.length || (j > start && rows[j]!.breakBefore)) end = j
  else if (j === start) return { placed: [], end: start }
  else end = best >= start ? best + 1 : j
  return { placed: placed.filter((p) => p.index < end), end }
}

/**
 * A placed page's items: container frames first (behind), then the rows' items in page coordinates (the next page tells
 * which boxes continue); a blank page holds only the note that says it is blank on purpose.
 */
export function pageItems(page: PlacedPage, next: PlacedPage | undefined, content: Box, blankNote: readonly Item[] = []): Page {
  if (page.blank) return { items: [...blankNote], furniture: [], links: [], blank: true }
  const items: Item[] = frames(page, next, content)
  const links: LinkArea[] = []
  const placed = page.rows
  for (let i = 0; i < placed.length; i++) {
    const { row, y } = placed[i]!
    const rowItems = row.items
    for (let j = 0; j < rowItems.length; j++) items.push(translate(rowItems[j]!, y))
    const rowLinks = row.links
    for (let j = 0; j < rowLinks.length; j++) {
      const l = rowLinks[j]!
      links.push({ x: l.x, y: l.y + y, width: l.width, height: l.height, href: l.href })
    }
  }
  return { items, furniture: [], links }
}

/**
 * Whether two pages hold the same rows at the same places. A later layout pass reuses unchanged blocks' rows (their
 * first row is a copy sharing the items), so equal items, links and height mean the same row. Where a row stands in
 * the flow does not matter (only whether it is a repeated one): a block before it that changed by a line moves every
 * later row's place in the flow, not what its page draws.
 */
export function samePlacement(a: PlacedPage | undefined, b: PlacedPage | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.rows.length !== b.rows.length || a.blank !== b.blank) return false
  for (let i = 0; i < a.rows.length; i++) {
    const x = a.rows[i]!
    const y = b.rows[i]!
    if (x.y !== y.y || x.index < 0 !== y.index < 0) return false
    if (x.row !== y.row && (x.row.items !== y.row.items || x.row.links !== y.row.links || x.row.height !== y.row.height)) return false
  }
  return true
}

/** Frames of the boxes on a page, outermost first; a frame that continues keeps its bottom padding. */
function frames(page: PlacedPage, next: PlacedPage | undefined, content: Box): Item[] {
  const spans = new Map<number, { c: Container; depth: number; top: number; bottom: number }>()
  for (const { row, y } of page.rows) {
    row.containers.forEach((c, depth) => {
      if (!c.frame) return
      const s = spans.get(c.id)
      if (s) s.bottom = y + row.height
      else spans.set(c.id, { c, depth, top: y, bottom: y + row.height })
    })
  }
  const out: Item[] = []
  // Most pages have no frame: the next page's containers are looked at only for one that does.
  if (spans.size === 0) return out
  const continues = new Set(next?.rows.flatMap((r) => r.row.containers.map((c) => c.id)) ?? [])
  for (const { c, top, bottom } of [...spans.values()].sort((a, b) => a.depth - b.depth)) {
    const f = c.frame!
    const end = Math.min(content.y + content.height, bottom + (continues.has(c.id) ? c.reserve : 0))
    // A frame with no height on this page (nothing of its box but padding made smaller) is not drawn.
    if (end - top <= (f.lineWidth ?? 0) + EPSILON) continue
    if (f.stroke !== undefined) {
      // The stroke is centred on the path: inset by half its width to stay inside the content box.
      const half = (f.lineWidth ?? 1) / 2
      out.push({ kind: 'rect', x: f.x + half, y: top + half, width: f.width - 2 * half, height: end - top - 2 * half, stroke: f.stroke, lineWidth: f.lineWidth })
    } else {
      out.push({ kind: 'rect', x: f.x, y: top, width: f.width, height: end - top, fill: f.fill })
    }
  }
  return out
}

/**
 * An item moved down by `dy` (a new item: a later pass reuses rows, so rows' items are never moved in place). The
 * common kinds are built field by field, in their fields' order, rather than spread: a spread copies through a
 * generic path, and this runs for every item of every page.
 */
function translate(it: Item, dy: number): Item {
  switch (it.kind) {
    case 'text': {
      const t: TextItem = { kind: 'text', x: it.x, y: it.y + dy, text: it.text, font: it.font, size: it.size, width: it.width, gray: it.gray }
      if (it.generated !== undefined) t.generated = it.generated
      return t
    }
    case 'line': {
      const l: LineItem = { kind: 'line', x1: it.x1, y1: it.y1 + dy, x2: it.x2, y2: it.y2 + dy, gray: it.gray, lineWidth: it.lineWidth }
      if (it.dash !== undefined) l.dash = it.dash
      return l
    }
    case 'rect':
    case 'image':
      return { ...it, y: it.y + dy }
    case 'path':
      return {
        ...it,
        ops: it.ops.map((o) => (o.op === 'Z' ? o : o.op === 'C' ? { ...o, y1: o.y1 + dy, y2: o.y2 + dy, y: o.y + dy } : { ...o, y: o.y + dy })),
        bounds: { ...it.bounds, y: it.bounds.y + dy },
      }
  }
}

/** Bookmarks in reading order, each pointing at its page and row. */
export function resolveOutline(pages: readonly PlacedPage[]): OutlineEntry[] {
  const out: OutlineEntry[] = []
  pages.forEach((page, p) => {
    for (const { row, y, index } of page.rows) {
      if (index < 0) continue
      for (const o of row.outline ?? []) {
        // A section's bookmark followed on its page by a heading of the same title would show twice, nested.
        const previous = out.at(-1)
        if (previous && previous.title === o.title && previous.page === p && previous.level < o.level) continue
        out.push({ title: o.title, level: o.level, page: p, y })
      }
    }
  })
  return out
}
