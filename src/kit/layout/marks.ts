/** Vector marks the fonts lack: the scissors on cut-out pages (PT Sans has no ✂). */
import type { PathItem, PathOp } from './types.ts'

/** Bézier handle length for a quarter circle. */
const KAPPA = 0.5523
/** pt: stroke width of the mark, relative to its size. */
const STROKE_SHARE = 0.08

/** A closed circle as four Bézier arcs. */
function circle(cx: number, cy: number, r: number): PathOp[] {
  const k = KAPPA * r
  return [
    { op: 'M', x: cx + r, y: cy },
    { op: 'C', x1: cx + r, y1: cy + k, x2: cx + k, y2: cy + r, x: cx, y: cy + r },
    { op: 'C', x1: cx - k, y1: cy + r, x2: cx - r, y2: cy + k, x: cx - r, y: cy },
    { op: 'C', x1: cx - r, y1: cy - k, x2: cx - k, y2: cy - r, x: cx, y: cy - r },
    { op: 'C', x1: cx + k, y1: cy - r, x2: cx + r, y2: cy - k, x: cx + r, y: cy },
    { op: 'Z' },
  ]
}

/** Open scissors pointing right, `size` pt wide and 0.7×size tall, top-left corner at (x, y). */
export function scissorsPath(x: number, y: number, size: number): PathItem {
  const s = size
  const h = 0.7 * s
  const r = 0.14 * s
  const pivotX = x + 0.58 * s
  const pivotY = y + h / 2
  const ops: PathOp[] = [
    // Finger loops on the left, blades crossing at the pivot and opening to the right.
    ...circle(x + r + 0.04 * s, y + r + 0.03 * s, r),
    ...circle(x + r + 0.04 * s, y + h - r - 0.03 * s, r),
    { op: 'M', x: x + 2 * r + 0.02 * s, y: y + r + 0.1 * s },
    { op: 'L', x: pivotX, y: pivotY },
    { op: 'L', x: x + s - 0.02 * s, y: y + h - 0.1 * s },
    { op: 'M', x: x + 2 * r + 0.02 * s, y: y + h - r - 0.1 * s },
    { op: 'L', x: pivotX, y: pivotY },
    { op: 'L', x: x + s - 0.02 * s, y: y + 0.1 * s },
  ]
  return { kind: 'path', ops, stroke: 0.15, lineWidth: STROKE_SHARE * s, bounds: { x, y, width: s, height: h } }
}
