/** Page furniture: the running header and the footer, set in the margins once the page count is known. */
import type { Measure } from '../text/types.ts'
import * as G from './geometry.ts'
import type { Box, Item, Page, TextItem } from './types.ts'

/** Grey of header and footer text and the header rule. */
const FURNITURE_GRAY = 0.35
/** pt: gap between the left and right texts of a header or footer. */
const SIDE_GAP = 18
/** pt: step when shrinking furniture text. */
const SIZE_STEP = 0.5
/** pt: the header rule's distance below the header baseline, and its width. */
const HEADER_RULE_DROP = 7
const HEADER_RULE = 0.4
const ELLIPSIS = '…'

/** What the furniture says. */
export interface FurnitureText {
  headerLeft?: string
  headerRight?: string
  footerLeft?: string
  pageLabel?: (page: number, pages: number) => string
  /** The number of the first page (1 by default) and the page count to print (by default the last page's number). */
  firstPage?: number
  pageCount?: number
}

/** Adds header and footer items to every page, except those `done` marks (they have theirs). */
export function resolveFurniture(pages: readonly Page[], text: FurnitureText, content: Box, pageHeight: number, measure: Measure, done?: readonly boolean[]): Page[] {
  const first = text.firstPage ?? 1
  const n = text.pageCount ?? first - 1 + pages.length
  // Every page sets the same header and footer texts in the same room (only the page label changes): each text is
  // fitted once per room, for this call only.
  const fitted = new Map<string, Map<number, Fitted>>()
  const fit: Fit = (line, room) => {
    let byRoom = fitted.get(line)
    if (!byRoom) fitted.set(line, (byRoom = new Map()))
    let f = byRoom.get(room)
    if (!f) byRoom.set(room, (f = fitOneLine(line, room, measure)))
    return f
  }
  return pages.map((page, i) => {
    if (done?.[i]) return page
    const items: Item[] = []
    const header = G.HEADER_BASELINE
    items.push(...sides(text.headerLeft, text.headerRight, header, content, fit))
    if (text.headerLeft || text.headerRight) {
      const y = header + HEADER_RULE_DROP
      items.push({ kind: 'line', x1: content.x, y1: y, x2: content.x + content.width, y2: y, gray: FURNITURE_GRAY, lineWidth: HEADER_RULE })
    }
    const footer = pageHeight - G.FOOTER_BASELINE
    items.push(...sides(text.footerLeft, text.pageLabel?.(first + i, n), footer, content, fit))
    return { ...page, furniture: items }
  })
}


/** A one-line text fitted into a room (pt): what `fitOneLine` gives. */
type Fitted = { text: string; size: number; width: number }
/** `fitOneLine` with the measure given. */
type Fit = (text: string, room: number) => Fitted

/** A left and a right text on one baseline; the right one (short: band, page number) is fitted first. */
function sides(left: string | undefined, right: string | undefined, baseline: number, content: Box, fit: Fit): TextItem[] {
  const out: TextItem[] = []
  let rightWidth = 0
  if (right) {
    const r = fit(right, content.width / 2)
    rightWidth = r.width
    out.push({ kind: 'text', x: content.x + content.width - r.width, y: baseline, text: r.text, font: 'regular', size: r.size, width: r.width, gray: FURNITURE_GRAY, generated: 'label' })
  }
  if (left) {
    const room = content.width - (right ? rightWidth + SIDE_GAP : 0)
    const l = fit(left, room)
    out.push({ kind: 'text', x: content.x, y: baseline, text: l.text, font: 'regular', size: l.size, width: l.width, gray: FURNITURE_GRAY, generated: 'label' })
  }
  return out
}

/** Shrinks a one-line text to fit `room` pt, down to the minimum size, then cuts it with an ellipsis. */
export function fitOneLine(text: string, room: number, measure: Measure): Fitted {
  const clean = text.replace(/\s+/g, ' ').trim()
  for (let size = G.FURNITURE_SIZE; size >= G.FURNITURE_MIN_SIZE - 1e-9; size -= SIZE_STEP) {
    const width = measure(clean, 'regular', size)
    if (width <= room) return { text: clean, size, width }
  }
  const size = G.FURNITURE_MIN_SIZE
  const chars = [...clean]
  let lo = 0
  let hi = chars.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, 'regular', size) <= room) lo = mid
    else hi = mid - 1
  }
  const cut = lo > 0 ? chars.slice(0, lo).join('').trimEnd() + ELLIPSIS : ''
  return { text: cut, size, width: measure(cut, 'regular', size) }
}
