import { XMLParser } from 'fast-xml-parser';
import type { Rgb, VectorDrawing, VectorShape } from '../blocks.ts';

/** An affine matrix [a b c d e f]. */
type Matrix = readonly [number, number, number, number, number, number];

/** Presentation attributes a shape inherits from its groups. */
interface Paint {
  fill: Rgb | null;
  stroke: Rgb | null;
  strokeWidth: number;
  fillRule?: 'evenodd' | 'nonzero';
  lineJoin?: VectorShape['lineJoin'];
  lineCap?: VectorShape['lineCap'];
  dash?: number[];
  opacity: number;
  transform: Matrix;
}

/** A parsed XML element in document order: `{ tag: [children], ':@': { attributes } }`. */
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** Elements that carry no drawing. */
const SILENT = new Set(['title', 'desc', 'metadata', '#text']);
/** Named colours our illustrations may use. */
const NAMED: Record<string, Rgb> = { black: [0, 0, 0], white: [1, 1, 1], red: [1, 0, 0], green: [0, 0.5, 0], blue: [0, 0, 1], gray: [0.5, 0.5, 0.5], grey: [0.5, 0.5, 0.5] };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', allowBooleanAttributes: true });

/**
 * An SVG made of plain shapes (path, rect, circle, ellipse, line, polyline, polygon, groups, transforms, solid colours)
 * as a vector drawing; undefined when it uses anything else (text, gradients, images, CSS…), so the caller rasterises it.
 */
export function svgToVector(svg: string): VectorDrawing | undefined {
  let document: XmlNode[];
  try {
    document = parser.parse(svg) as XmlNode[];
  } catch {
    return undefined;
  }
  const root = document.find((node) => 'svg' in node);
  if (!root) return undefined;
  const attributes = root[':@'] ?? {};
  const viewBox = readViewBox(attributes);
  if (!viewBox) return undefined;
  const shapes: VectorShape[] = [];
  const base: Paint = { fill: [0, 0, 0], stroke: null, strokeWidth: 1, opacity: 1, transform: IDENTITY };
  const rootPaint = inherit(base, attributes, true);
  const ok = rootPaint !== undefined && walk(root.svg as XmlNode[], rootPaint, shapes);
  return ok && shapes.length ? { viewBox, shapes } : undefined;
}

/** Visit children in order, collecting shapes; false when an element is not supported. */
function walk(children: readonly XmlNode[], paint: Paint, shapes: VectorShape[]): boolean {
  for (const child of children) {
    const tag = Object.keys(child).find((key) => key !== ':@')!;
    if (SILENT.has(tag)) continue;
    const attributes = child[':@'] ?? {};
    if ('style' in attributes || 'class' in attributes || 'clip-path' in attributes || 'mask' in attributes || 'filter' in attributes) return false;
    const own = inherit(paint, attributes);
    if (!own) return false;
    if (tag === 'g') {
      if (!walk(child.g as XmlNode[], own, shapes)) return false;
      continue;
    }
    const path = shapePath(tag, attributes);
    if (path === undefined) return false;
    if (path && (own.fill || own.stroke)) {
      shapes.push({
        path,
        fill: own.fill,
        fillRule: own.fillRule,
        stroke: own.stroke,
        strokeWidth: own.strokeWidth,
        lineJoin: own.lineJoin,
        lineCap: own.lineCap,
        dash: own.dash,
        opacity: own.opacity === 1 ? undefined : own.opacity,
        transform: own.transform,
      });
    }
  }
  return true;
}

/** A group's or shape's paint: the parent's with its own presentation attributes applied; undefined if unsupported. */
function inherit(parent: Paint, attributes: Record<string, string>, isRoot = false): Paint | undefined {
  const paint: Paint = { ...parent };
  if (attributes.fill !== undefined) {
    const colour = readColour(attributes.fill);
    if (colour === undefined) return undefined;
    paint.fill = colour;
  }
  if (attributes.stroke !== undefined) {
    const colour = readColour(attributes.stroke);
    if (colour === undefined) return undefined;
    paint.stroke = colour;
  }
  if (attributes['stroke-width'] !== undefined) paint.strokeWidth = Number.parseFloat(attributes['stroke-width']);
  if (attributes['fill-rule'] === 'evenodd' || attributes['fill-rule'] === 'nonzero') paint.fillRule = attributes['fill-rule'];
  if (attributes['stroke-linejoin']) paint.lineJoin = attributes['stroke-linejoin'] as Paint['lineJoin'];
  if (attributes['stroke-linecap']) paint.lineCap = attributes['stroke-linecap'] as Paint['lineCap'];
  if (attributes['stroke-dasharray']) paint.dash = attributes['stroke-dasharray'] === 'none' ? undefined : numbers(attributes['stroke-dasharray']);
  // Opacity multiplies down the tree; fill-opacity is treated as the shape's opacity (our pictures use it on fills only).
  for (const key of ['opacity', 'fill-opacity'] as const) if (attributes[key] !== undefined) paint.opacity *= Number.parseFloat(attributes[key]);
  if (!isRoot && attributes.transform) {
    const matrix = readTransform(attributes.transform);
    if (!matrix) return undefined;
    paint.transform = multiply(parent.transform, matrix);
  }
  return Number.isFinite(paint.strokeWidth) && Number.isFinite(paint.opacity) ? paint : undefined;
}

/** The path data of a basic shape; '' for a shape with nothing to draw; undefined for an unsupported element. */
function shapePath(tag: string, a: Record<string, string>): string | undefined {
  const n = (name: string, fallback = 0) => (a[name] === undefined ? fallback : Number.parseFloat(a[name]));
  switch (tag) {
    case 'path':
      return a.d ?? '';
    case 'rect': {
      const [x, y, w, h] = [n('x'), n('y'), n('width'), n('height')];
      if (w <= 0 || h <= 0) return '';
      let rx = Math.min(n('rx', a.ry === undefined ? 0 : n('ry')), w / 2);
      let ry = Math.min(n('ry', a.rx === undefined ? 0 : n('rx')), h / 2);
      if (!rx || !ry) return `M${x} ${y}H${x + w}V${y + h}H${x}Z`;
      [rx, ry] = [Math.max(rx, 0), Math.max(ry, 0)];
      return `M${x + rx} ${y}H${x + w - rx}A${rx} ${ry} 0 0 1 ${x + w} ${y + ry}V${y + h - ry}A${rx} ${ry} 0 0 1 ${x + w - rx} ${y + h}H${x + rx}A${rx} ${ry} 0 0 1 ${x} ${y + h - ry}V${y + ry}A${rx} ${ry} 0 0 1 ${x + rx} ${y}Z`;
    }
    case 'circle':
      return ellipsePath(n('cx'), n('cy'), n('r'), n('r'));
    case 'ellipse':
      return ellipsePath(n('cx'), n('cy'), n('rx'), n('ry'));
    case 'line':
      return `M${n('x1')} ${n('y1')}L${n('x2')} ${n('y2')}`;
    case 'polyline':
    case 'polygon': {
      const points = numbers(a.points ?? '');
      if (points.length < 4) return '';
      const pairs = [];
      for (let i = 0; i + 1 < points.length; i += 2) pairs.push(`${points[i]} ${points[i + 1]}`);
      return `M${pairs.join('L')}${tag === 'polygon' ? 'Z' : ''}`;
    }
    default:
      return undefined;
  }
}

/** An ellipse as two arcs. */
function ellipsePath(cx: number, cy: number, rx: number, ry: number): string {
  if (rx <= 0 || ry <= 0) return '';
  return `M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`;
}

/** `viewBox`, or width and height. */
function readViewBox(a: Record<string, string>): VectorDrawing['viewBox'] | undefined {
  const box = a.viewBox ? numbers(a.viewBox) : [0, 0, Number.parseFloat(a.width), Number.parseFloat(a.height)];
  const [x, y, width, height] = box;
  return box.length === 4 && box.every(Number.isFinite) && width > 0 && height > 0 ? { x, y, width, height } : undefined;
}

/** A solid colour, null for `none`, undefined when not a plain colour (gradients, currentColor…). */
export function readColour(value: string): Rgb | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === 'transparent') return null;
  if (NAMED[v]) return NAMED[v];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16) / 255) as unknown as Rgb;
  }
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(v);
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255];
  return undefined;
}

/** An SVG transform list as one matrix, or undefined for a malformed one. */
export function readTransform(value: string): Matrix | undefined {
  let matrix: Matrix = IDENTITY;
  const pattern = /(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)/g;
  for (const match of value.matchAll(pattern)) {
    const step = transformStep(match[1], numbers(match[2]));
    if (!step) return undefined;
    matrix = multiply(matrix, step);
  }
  // Anything besides the functions (and separators) is a transform we do not understand.
  return value.replace(pattern, '').replace(/[\s,]/g, '') === '' ? matrix : undefined;
}

/** One transform function as a matrix. */
function transformStep(name: string, v: number[]): Matrix | undefined {
  const rad = ((v[0] ?? 0) * Math.PI) / 180;
  switch (name) {
    case 'matrix':
      return v.length === 6 ? (v as unknown as Matrix) : undefined;
    case 'translate':
      return [1, 0, 0, 1, v[0] ?? 0, v[1] ?? 0];
    case 'scale':
      return [v[0] ?? 1, 0, 0, v[1] ?? v[0] ?? 1, 0, 0];
    case 'rotate': {
      const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
      const [cx, cy] = [v[1] ?? 0, v[2] ?? 0];
      return multiply(multiply([1, 0, 0, 1, cx, cy], [cos, sin, -sin, cos, 0, 0]), [1, 0, 0, 1, -cx, -cy]);
    }
    case 'skewX':
      return [1, 0, Math.tan(rad), 1, 0, 0];
    case 'skewY':
      return [1, Math.tan(rad), 0, 1, 0, 0];
    default:
      return undefined;
  }
}

/** m1 × m2 (apply m2 first, then m1). */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a, b, c, d, e, f] = m1;
  const [A, B, C, D, E, F] = m2;
  return [a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D, a * E + c * F + e, b * E + d * F + f];
}

/** Numbers in an attribute, separated by commas or spaces. */
function numbers(value: string): number[] {
  return (value.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);
}
