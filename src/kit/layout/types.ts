/**
 * Layout data: the resolved, positioned output (pages of items) and the intermediate rows.
 * Coordinates are pt with the origin at the page's top-left corner and y growing downwards
 * (paint flips them); text items are positioned by their baseline.
 */
import type { Block, ImageBlock, SourcePos } from '../blocks.ts'
import type { FontId, Hyphenate, TextMetrics } from '../text/types.ts'
import type { Line, StyledText } from '../text/linebreak.ts'
import type { PlacedPage } from './paginate.ts'

/** Text that is not the author's, in order: an added hyphen, a list marker, a repeated header, a label. */
export type Generated = 'hyphen' | 'marker' | 'repeat' | 'label'

/** A run of text in one face on one baseline. */
export interface TextItem {
  kind: 'text'
  x: number
  /** Baseline. */
  y: number
  text: string
  font: FontId
  size: number
  /** pt: measured advance of the whole text. */
  width: number
  /** 0 black … 1 white. */
  gray: number
  generated?: Generated
}

/** A rectangle, filled and/or stroked. */
export interface RectItem {
  kind: 'rect'
  x: number
  y: number
  width: number
  height: number
  fill?: number
  stroke?: number
  lineWidth?: number
}

/** A straight line, optionally dashed. */
export interface LineItem {
  kind: 'line'
  x1: number
  y1: number
  x2: number
  y2: number
  gray: number
  lineWidth: number
  /** pt: dash and gap lengths. */
  dash?: readonly number[]
}

/** One drawing command of a vector path (absolute coordinates). */
export type PathOp =
  | { op: 'M' | 'L'; x: number; y: number }
  | { op: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { op: 'Z' }

/** A vector drawing (the scissors mark: PT Sans has no ✂). */
export interface PathItem {
  kind: 'path'
  ops: readonly PathOp[]
  fill?: number
  stroke?: number
  lineWidth?: number
  /** The box the path stays inside (for the content-box checks). */
  bounds: { x: number; y: number; width: number; height: number }
}

/** A placed picture. */
export interface ImageItem {
  kind: 'image'
  x: number
  y: number
  width: number
  height: number
  image: ImageBlock
}

/** Anything drawn on a page. */
export type Item = TextItem | RectItem | LineItem | PathItem | ImageItem

/** A clickable area. */
export interface LinkArea {
  x: number
  y: number
  width: number
  height: number
  href: string
}

/** One finished page. `items` lie inside the content box; `furniture` is the running header and footer. */
export interface Page {
  items: Item[]
  furniture: Item[]
  links: LinkArea[]
  /** An intentionally blank back of a sheet (its only item says so), so the next part starts a new sheet. */
  blank?: boolean
}

/** A bookmark: level 0 sections (page breaks), 1 and 2 headings. */
export interface OutlineEntry {
  title: string
  level: number
  /** 0-based page index. */
  page: number
  /** Top of the entry on its page. */
  y: number
}

/** A rectangle in page coordinates. */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** The laid-out kit, ready to paint. */
export interface LaidOutKit {
  width: number
  height: number
  content: Box
  pages: Page[]
  outline: OutlineEntry[]
}

/** An author error found while laying out; the caller adds the file name to `pos`. */
export type LayoutError =
  | { kind: 'missing-glyph'; char: string; codePoint: number; font: FontId; pos?: SourcePos; message: string }
  | { kind: 'card-overflow'; text: string; pos?: SourcePos; message: string }

/** Paper sizes the kit is printed on. */
export type Paper = 'a4' | 'letter'

/** Strings and settings layout needs from its caller (UI strings come from src/i18n/). */
export interface LayoutOptions {
  metrics: TextMetrics
  hyphenate?: Hyphenate
  /** A4 by default. */
  paper?: Paper
  /** Appended to a box, table or card title on the page where it continues, e.g. "(продовження)". */
  continued: string
  /** Running header: left (lesson title) and right (band). */
  headerLeft?: string
  headerRight?: string
  /** Footer, left (licence). */
  footerLeft?: string
  /** Footer, right: e.g. (3, 7) → "Сторінка 3 з 7". */
  pageLabel?: (page: number, pages: number) => string
  /** The number printed on the first page (1 by default; a kit inside a band's bundle goes on from the pages before it). */
  firstPage?: number
  /** The page count printed in the footer (by default the number of the last page laid out). */
  pageCount?: number
  /** The note on an intentionally blank page (the back of a sheet before a part that starts a new sheet). */
  blankPage?: string
  /** Print a link's address after its text when the two differ (a printed page cannot be clicked). Default true. */
  printUrls?: boolean
  /** Check every character has a glyph (default true); a caller laying out the same text again may skip it. */
  checkGlyphs?: boolean
  /**
   * What one layout of a kit leaves for the next layout of the same kit, with the same options, in the same render
   * (`newLayoutCache()`; never shared between renders): a later pass, where only page numbers in cross-references
   * changed, reuses the rows of every top-level block that is unchanged and breaks only paragraphs whose text changed.
   */
  cache?: LayoutCache
}

/** Rows and lines of earlier layouts of the same kit in one render (see `LayoutOptions.cache`). */
export interface LayoutCache {
  lines: LineCache
  /** Per top-level block index: the block as laid out, its type scale, its rows, and its first row as it was before the page-break marks. */
  blocks: ({ block: Block; scale: number; rows: Row[]; first: Row } | undefined)[]
  /** Container ids go on counting across layouts, so reused rows never share a container id with new ones. */
  ids: { next: number }
  /** The previous layout's placed and finished pages: a page placed the same way again is reused whole. */
  pages?: { placed: PlacedPage[]; pages: Page[] }
}

/**
 * An empty cache for the layouts of one kit in one render; `lines` may be shared with the layouts of the same lesson's
 * other products in that render (its pupil pack: the same handouts and cards, with the same measure and hyphenator).
 */
export function newLayoutCache(lines: LineCache = new Map()): LayoutCache {
  return { lines, blocks: [], ids: { next: 0 } }
}

/**
 * Lines of a paragraph as the breaker returned them, with everything the breaker reads besides the measure and the
 * hyphenator (one layout run has one of each), bucketed by the length and first character of the paragraph's first
 * run's text (`length * 0x10000 + first code unit`).
 */
export type LineCache = Map<number, { text: readonly StyledText[]; size: number; width: number; hyphenate: boolean; lines: Line[] }[]>

/** Where a break after a row stands: 0 is a good break, higher is worse. */
export const PENALTY = {
  /** An ordinary break between lines or blocks. */
  free: 0,
  /** Widows/orphans, heading with the next block, a picture with its caption, a header with its first row. */
  keep: 2,
  /** Inside a table row (between its lines). */
  row: 3,
  /** Inside an unsplittable container that fits on a page: never chosen while any other break fits. */
  unsplittable: 4,
} as const

/** A container that rows belong to: a box, a table or a cards grid. */
export interface Container {
  id: number
  kind: 'box' | 'table' | 'cards'
  /** Rows set at the top of a page where the container continues (a repeated table header, a "continued" title). */
  repeat: Row[]
  /** The frame drawn around the container's rows on each page, if any. */
  frame?: { x: number; width: number; fill?: number; stroke?: number; lineWidth?: number; bar?: number }
  /** pt kept free below the last row on a page where the container continues (the frame's bottom padding). */
  reserve: number
}

/** A vertical slice of the flow that is never split across pages; items are positioned relative to its top. */
export interface Row {
  height: number
  /** pt of space above the row, dropped at the top of a page. */
  gapBefore: number
  items: Item[]
  links: LinkArea[]
  penaltyAfter: number
  /** Start a new page before this row (unless the page is still empty). */
  breakBefore?: boolean
  /** Containers the row belongs to, outermost first. */
  containers: Container[]
  /** Bookmarks that point at this row. */
  outline?: { title: string; level: number }[]
  /** Start on an odd page (a new sheet when printed double-sided); only with `breakBefore`. */
  recto?: boolean
  /** A title row (of a box or a card set): keep-with-next counts the lines after it, not it. */
  label?: boolean
  /**
   * A row that may grow to fill its page (a page-sized picture, a form field's writing lines): given the free height of
   * its page (pt), the row as tall as it grows into it, at least as tall as this one.
   */
  grow?: (room: number) => Row
  /** How large a share of its page's free height a growing row is offered, relative to the others (1 by default). */
  growWeight?: number
}
