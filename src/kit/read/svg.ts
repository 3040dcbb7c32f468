/**
 * SVG pictures of plain shapes as vector drawings. The XML is read by a small tag scanner (elements, attributes,
 * comments, declarations; anything else rejects the picture, which is then rasterised) and the drawing is built as the
 * tags go by: a general XML parser building a tree was most of a picture's reading time. Path data is parsed here,
 * once, into absolute PDF path operators, so painting only writes numbers.
 */
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

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** Elements that carry no drawing (their content is skipped). */
const SILENT = new Set(['title', 'desc', 'metadata']);
/** Named colours our illustrations may use. */
const NAMED: Record<string, Rgb> = { black: [0, 0, 0], white: [1, 1, 1], red: [1, 0, 0], green: [0, 0.5, 0], blue: [0, 0, 1], gray: [0.5, 0.5, 0.5], grey: [0.5, 0.5, 0.5] };
/** The entities XML defines without a DTD. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * An SVG made of plain shapes (path, rect, circle, ellipse, line, polyline, polygon, groups, transforms, solid colours)
 * as a vector drawing; undefined when it uses anything else (text, gradients, images, CSS…), so the caller rasterises it.
 */
export function svgToVector(svg: string): VectorDrawing | undefined {
  const tags = new TagScanner(svg);
  if (tags.next() !== OPEN || tags.name !== 'svg') return undefined;
  const viewBox = readViewBox(tags.attributes);
  if (!viewBox) return undefined;
  const base: Paint = { fill: [0, 0, 0], stroke: null, strokeWidth: 1, opacity: 1, transform: IDENTITY };
  const rootPaint = inherit(base, tags.attributes, true);
  if (!rootPaint) return undefined;
  const path = scratch.reset();
  // Each shape's paint and where its operators and operands start in the drawing's arrays.
  const found: { paint: Paint; opStart: number; coordStart: number }[] = [];
  // Open groups, innermost last; the root's paint is the first.
  const paints = [rootPaint];
  const open = ['svg'];
  for (;;) {
    const kind = tags.next();
    if (kind === CLOSE) {
      if (tags.name !== open.pop()) return undefined;
      paints.pop();
      if (!open.length) break;
      continue;
    }
    if (kind !== OPEN && kind !== EMPTY) return undefined; // the end of the text or broken XML before </svg>
    const name: string = tags.name;
    if (SILENT.has(name)) {
      if (kind === OPEN && !tags.skipContent(name)) return undefined;
      continue;
    }
    const attributes = tags.attributes;
    if (attributes.unsupported) return undefined;
    const paint = inherit(paints[paints.length - 1], attributes);
    if (!paint) return undefined;
    if (name === 'g') {
      if (kind === OPEN) {
        paints.push(paint);
        open.push(name);
      }
      continue;
    }
    const opStart = path.opCount;
    const coordStart = path.coordCount;
    if (!appendShape(path, name, attributes)) return undefined;
    if (kind === OPEN && !tags.skipContent(name)) return undefined; // a shape's children (a <title>) draw nothing
    if (path.opCount === opStart) continue;
    if (paint.fill || paint.stroke) found.push({ paint, opStart, coordStart });
    else path.truncate(opStart, coordStart);
  }
  if (!found.length || !path.finite()) return undefined;
  // One pair of arrays per drawing; each shape sees its own part of them.
  const ops = path.ops.slice(0, path.opCount);
  const coords = path.coords.slice(0, path.coordCount);
  const shapes = found.map(({ paint, opStart, coordStart }, i): VectorShape => {
    const next = found[i + 1];
    return {
      ops: ops.subarray(opStart, next ? next.opStart : ops.length),
      coords: coords.subarray(coordStart, next ? next.coordStart : coords.length),
      fill: paint.fill,
      fillRule: paint.fillRule,
      stroke: paint.stroke,
      strokeWidth: paint.strokeWidth,
      lineJoin: paint.lineJoin,
      lineCap: paint.lineCap,
      dash: paint.dash,
      opacity: paint.opacity === 1 ? undefined : paint.opacity,
      transform: paint.transform,
    };
  });
  return { viewBox, shapes };
}

/** A group's or shape's paint: the parent's with its own presentation attributes applied; undefined if unsupported. */
function inherit(parent: Paint, attributes: Attributes, isRoot = false): Paint | undefined {
  if (!attributes.paints) return parent;
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
  if (attributes.strokeWidth !== undefined) paint.strokeWidth = Number.parseFloat(attributes.strokeWidth);
  if (attributes.fillRule === 'evenodd' || attributes.fillRule === 'nonzero') paint.fillRule = attributes.fillRule;
  if (attributes.lineJoin) paint.lineJoin = attributes.lineJoin as Paint['lineJoin'];
  if (attributes.lineCap) paint.lineCap = attributes.lineCap as Paint['lineCap'];
  if (attributes.dash) paint.dash = attributes.dash === 'none' ? undefined : numbers(attributes.dash);
  // Opacity multiplies down the tree; fill-opacity is treated as the shape's opacity (our pictures use it on fills only).
  if (attributes.opacity !== undefined) paint.opacity *= Number.parseFloat(attributes.opacity);
  if (attributes.fillOpacity !== undefined) paint.opacity *= Number.parseFloat(attributes.fillOpacity);
  if (!isRoot && attributes.transform) {
    const matrix = readTransform(attributes.transform);
    if (!matrix) return undefined;
    paint.transform = multiply(parent.transform, matrix);
  }
  return Number.isFinite(paint.strokeWidth) && Number.isFinite(paint.opacity) ? paint : undefined;
}

/** Appends a basic shape's outline (nothing for a shape with nothing to draw); false for an unsupported element. */
function appendShape(path: PathBuilder, tag: string, a: Attributes): boolean {
  switch (tag) {
    case 'path':
      return a.d === undefined || appendPathData(path, a.d);
    case 'rect': {
      const [x, y, w, h] = [length(a.x), length(a.y), length(a.width), length(a.height)];
      if (w <= 0 || h <= 0) return true;
      let rx = Math.min(length(a.rx ?? a.ry), w / 2);
      let ry = Math.min(length(a.ry ?? a.rx), h / 2);
      if (!rx || !ry) {
        path.moveTo(x, y);
        path.lineTo(x + w, y);
        path.lineTo(x + w, y + h);
        path.lineTo(x, y + h);
      } else {
        [rx, ry] = [Math.max(rx, 0), Math.max(ry, 0)];
        path.moveTo(x + rx, y);
        path.lineTo(x + w - rx, y);
        path.arcTo(rx, ry, 0, 0, 1, x + w, y + ry);
        path.lineTo(x + w, y + h - ry);
        path.arcTo(rx, ry, 0, 0, 1, x + w - rx, y + h);
        path.lineTo(x + rx, y + h);
        path.arcTo(rx, ry, 0, 0, 1, x, y + h - ry);
        path.lineTo(x, y + ry);
        path.arcTo(rx, ry, 0, 0, 1, x + rx, y);
      }
      path.close();
      return true;
    }
    case 'circle':
      appendEllipse(path, length(a.cx), length(a.cy), length(a.r), length(a.r));
      return true;
    case 'ellipse':
      appendEllipse(path, length(a.cx), length(a.cy), length(a.rx), length(a.ry));
      return true;
    case 'line':
      path.moveTo(length(a.x1), length(a.y1));
      path.lineTo(length(a.x2), length(a.y2));
      return true;
    case 'polyline':
    case 'polygon': {
      const points = numbers(a.points ?? '');
      if (points.length < 4) return true;
      path.moveTo(points[0], points[1]);
      for (let i = 2; i + 1 < points.length; i += 2) path.lineTo(points[i], points[i + 1]);
      if (tag === 'polygon') path.close();
      return true;
    }
    default:
      return false;
  }
}

/** A length attribute (0 when absent). */
function length(value: string | undefined): number {
  return value === undefined ? 0 : Number.parseFloat(value);
}

/** An ellipse as two arcs. */
function appendEllipse(path: PathBuilder, cx: number, cy: number, rx: number, ry: number): void {
  if (!(rx > 0 && ry > 0)) return;
  path.moveTo(cx - rx, cy);
  path.arcTo(rx, ry, 0, 1, 0, cx + rx, cy);
  path.arcTo(rx, ry, 0, 1, 0, cx - rx, cy);
  path.close();
}

/** `viewBox`, or width and height. */
function readViewBox(a: Attributes): VectorDrawing['viewBox'] | undefined {
  const box = a.viewBox ? numbers(a.viewBox) : [0, 0, Number.parseFloat(a.width ?? ''), Number.parseFloat(a.height ?? '')];
  const [x, y, width, height] = box;
  return box.length === 4 && box.every(Number.isFinite) && width > 0 && height > 0 ? { x, y, width, height } : undefined;
}

/** A solid colour, null for `none`, undefined when not a plain colour (gradients, currentColor…). */
export function readColour(value: string): Rgb | null | undefined {
  if (value.charCodeAt(0) === 0x23 /* # */) {
    const colour = hexColour(value);
    if (colour) return colour;
  }
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

/** `#rgb` or `#rrggbb` read digit by digit (most colours are written so); undefined for anything else. */
function hexColour(value: string): Rgb | undefined {
  const short = value.length === 4;
  if (!short && value.length !== 7) return undefined;
  const rgb: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const high = hexDigit(value.charCodeAt(short ? 1 + c : 1 + 2 * c));
    const low = short ? high : hexDigit(value.charCodeAt(2 + 2 * c));
    if (high < 0 || low < 0) return undefined;
    rgb[c] = (high * 16 + low) / 255;
  }
  return rgb;
}

/** The value of a hexadecimal digit, or -1. */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
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

// The tag scanner.

/** What `TagScanner.next` found. */
const OPEN = 1;
const EMPTY = 2;
const CLOSE = 3;
const END = 4;
const BROKEN = 5;

/** The attributes of one element that a drawing reads (others are passed over); undefined when absent. */
class Attributes {
  fill: string | undefined = undefined;
  stroke: string | undefined = undefined;
  strokeWidth: string | undefined = undefined;
  fillRule: string | undefined = undefined;
  lineJoin: string | undefined = undefined;
  lineCap: string | undefined = undefined;
  dash: string | undefined = undefined;
  opacity: string | undefined = undefined;
  fillOpacity: string | undefined = undefined;
  transform: string | undefined = undefined;
  viewBox: string | undefined = undefined;
  d: string | undefined = undefined;
  points: string | undefined = undefined;
  x: string | undefined = undefined;
  y: string | undefined = undefined;
  width: string | undefined = undefined;
  height: string | undefined = undefined;
  rx: string | undefined = undefined;
  ry: string | undefined = undefined;
  cx: string | undefined = undefined;
  cy: string | undefined = undefined;
  r: string | undefined = undefined;
  x1: string | undefined = undefined;
  y1: string | undefined = undefined;
  x2: string | undefined = undefined;
  y2: string | undefined = undefined;
  /** Whether there is a presentation attribute (else the element paints like its parent). */
  paints = false;
  /** Whether there is an attribute that styles it in ways a drawing does not follow (CSS, clipping, masks, filters). */
  unsupported = false;

  /** Records one attribute. */
  set(key: string, value: string): void {
    switch (key) {
      case 'd': this.d = value; return;
      case 'x': this.x = value; return;
      case 'y': this.y = value; return;
      case 'r': this.r = value; return;
      case 'cx': this.cx = value; return;
      case 'cy': this.cy = value; return;
      case 'rx': this.rx = value; return;
      case 'ry': this.ry = value; return;
      case 'x1': this.x1 = value; return;
      case 'y1': this.y1 = value; return;
      case 'x2': this.x2 = value; return;
      case 'y2': this.y2 = value; return;
      case 'width': this.width = value; return;
      case 'height': this.height = value; return;
      case 'points': this.points = value; return;
      case 'viewBox': this.viewBox = value; return;
      case 'fill': this.fill = value; break;
      case 'stroke': this.stroke = value; break;
      case 'stroke-width': this.strokeWidth = value; break;
      case 'fill-rule': this.fillRule = value; break;
      case 'stroke-linejoin': this.lineJoin = value; break;
      case 'stroke-linecap': this.lineCap = value; break;
      case 'stroke-dasharray': this.dash = value; break;
      case 'opacity': this.opacity = value; break;
      case 'fill-opacity': this.fillOpacity = value; break;
      case 'transform': this.transform = value; break;
      case 'style':
      case 'class':
      case 'clip-path':
      case 'mask':
      case 'filter':
        this.unsupported = true;
        return;
      default:
        return;
    }
    this.paints = true;
  }
}

/**
 * Start, empty and end tags of an XML text in order, with their attributes; text between tags is passed over (a drawing
 * of plain shapes has none that draws). Comments, processing instructions and a plain DOCTYPE are passed over; a DOCTYPE
 * with declarations (which may define entities), CDATA or malformed markup is BROKEN.
 */
class TagScanner {
  name = '';
  attributes = new Attributes();
  private pos = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** The next tag: its kind, with `name` and (for start and empty tags) `attributes` set. */
  next(): number {
    const text = this.text;
    for (;;) {
      const lt = text.indexOf('<', this.pos);
      if (lt < 0) return END;
      const c = text.charCodeAt(lt + 1);
      if (c === 0x21 /* ! */) {
        // A comment, or a DOCTYPE without an internal subset (one could define entities); CDATA is left BROKEN.
        const comment = text.startsWith('<!--', lt);
        if (!comment && !text.startsWith('<!DOCTYPE', lt)) return BROKEN;
        const end = comment ? text.indexOf('-->', lt + 4) : text.indexOf('>', lt);
        if (end < 0 || (!comment && text.lastIndexOf('[', end) > lt)) return BROKEN;
        this.pos = end + (comment ? 3 : 1);
        continue;
      }
      if (c === 0x3f /* ? */) {
        const end = text.indexOf('?>', lt + 2);
        if (end < 0) return BROKEN;
        this.pos = end + 2;
        continue;
      }
      return c === 0x2f /* / */ ? this.endTag(lt + 2) : this.startTag(lt + 1);
    }
  }

  /** Passes over an element's content up to its end tag; false when the XML breaks first. */
  skipContent(name: string): boolean {
    const open = [name];
    while (open.length) {
      const kind = this.next();
      if (kind === OPEN) open.push(this.name);
      else if (kind === CLOSE) {
        if (open.pop() !== this.name) return false;
      } else if (kind !== EMPTY) return false;
    }
    return true;
  }

  private endTag(from: number): number {
    const text = this.text;
    let i = nameEnd(text, from);
    this.name = text.slice(from, i);
    i = spaceEnd(text, i);
    if (i === from || text.charCodeAt(i) !== 0x3e /* > */) return BROKEN;
    this.pos = i + 1;
    return CLOSE;
  }

  private startTag(from: number): number {
    const text = this.text;
    let i = nameEnd(text, from);
    if (i === from) return BROKEN;
    this.name = text.slice(from, i);
    const attributes = new Attributes();
    this.attributes = attributes;
    for (;;) {
      const spaced = i;
      i = spaceEnd(text, i);
      const c = text.charCodeAt(i);
      if (c === 0x3e /* > */) {
        this.pos = i + 1;
        return OPEN;
      }
      if (c === 0x2f /* / */) {
        if (text.charCodeAt(i + 1) !== 0x3e) return BROKEN;
        this.pos = i + 2;
        return EMPTY;
      }
      // An attribute: name, "=", quoted value; it must follow white space.
      const start = i;
      i = nameEnd(text, i);
      if (i === start || spaced === start) return BROKEN;
      const key = text.slice(start, i);
      i = spaceEnd(text, i);
      if (text.charCodeAt(i) !== 0x3d /* = */) return BROKEN;
      i = spaceEnd(text, i + 1);
      const quote = text.charCodeAt(i);
      if (quote !== 0x22 && quote !== 0x27) return BROKEN;
      const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return BROKEN;
      const raw = text.slice(i + 1, close);
      const value = raw.includes('&') ? decodeEntities(raw) : raw;
      if (value === undefined || raw.includes('<')) return BROKEN;
      attributes.set(key, value);
      i = close + 1;
    }
  }
}

/** Where a tag or attribute name starting at `i` ends. */
function nameEnd(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x3e /* > */ || c === 0x2f /* / */ || c === 0x3d /* = */ || c === 0x3c /* < */) break;
  }
  return i;
}

/** Where white space starting at `i` ends. */
function spaceEnd(text: string, i: number): number {
  while (isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** An attribute value with its entity and character references replaced; undefined for an unknown entity. */
function decodeEntities(value: string): string | undefined {
  let known = true;
  const decoded = value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);|&/gi, (match, ref: string | undefined) => {
    const code = ref?.[0] === '#' ? Number.parseInt(ref[1] === 'x' || ref[1] === 'X' ? ref.slice(2) : ref.slice(1), ref[1] === 'x' || ref[1] === 'X' ? 16 : 10) : undefined;
    if (code !== undefined && code <= 0x10ffff) return String.fromCodePoint(code);
    if (ref !== undefined && ENTITIES[ref] !== undefined) return ENTITIES[ref];
    known = false;
    return match;
  });
  return known ? decoded : undefined;
}

// Path data.

/** Path operators as PDF spells them (one byte each), so paint writes them as they are. */
const MOVE = 0x6d; // m x y
const LINE = 0x6c; // l x y
const CURVE = 0x63; // c x1 y1 x2 y2 x y
const CLOSE_PATH = 0x68; // h

/** What the previous path command left for a smooth curve to reflect (SVG 1.1 §8.3.6, §8.3.7). */
const NO_CONTROL = 0;
const CUBIC_CONTROL = 1;
const QUADRATIC_CONTROL = 2;

/**
 * Absolute path operators and their operands, appended shape after shape, with the pen state of SVG path data.
 * Curves are drawn as SVG defines them (pdf-lib's `svgPathToOperators`, which drew these pictures before, drew
 * quadratic curves as a different cubic and reflected the wrong control points for S and T).
 */
export class PathBuilder {
  ops = new Uint8Array(256);
  coords = new Float64Array(1024);
  opCount = 0;
  coordCount = 0;
  /** Current point. */
  x = 0;
  y = 0;
  /** The previous curve's last control point, which a following smooth curve of its kind reflects. */
  px = 0;
  py = 0;
  control = NO_CONTROL;
  /** Start of the current subpath. */
  sx = 0;
  sy = 0;

  /** Empties the builder for a new drawing; returns it. */
  reset(): this {
    this.opCount = 0;
    this.coordCount = 0;
    this.startPath();
    return this;
  }

  /** The pen state at the start of path data. */
  startPath(): void {
    this.x = this.y = this.px = this.py = this.sx = this.sy = 0;
    this.control = NO_CONTROL;
  }

  /** Drops what was appended since an earlier count. */
  truncate(opCount: number, coordCount: number): void {
    this.opCount = opCount;
    this.coordCount = coordCount;
  }

  /** Whether every operand is a finite number (a NaN from a bad attribute would break the content stream). */
  finite(): boolean {
    for (let i = 0; i < this.coordCount; i++) if (!Number.isFinite(this.coords[i])) return false;
    return true;
  }

  moveTo(x: number, y: number): void {
    this.x = this.sx = x;
    this.y = this.sy = y;
    this.control = NO_CONTROL;
    this.op(MOVE, 2);
    this.put(x, y);
  }

  lineTo(x: number, y: number): void {
    this.x = x;
    this.y = y;
    this.control = NO_CONTROL;
    this.op(LINE, 2);
    this.put(x, y);
  }

  /** A cubic curve (the pen state is the caller's). */
  curveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    this.op(CURVE, 6);
    this.put(x1, y1);
    this.put(x2, y2);
    this.put(x, y);
  }

  close(): void {
    this.op(CLOSE_PATH, 0);
    this.control = NO_CONTROL;
    this.x = this.sx;
    this.y = this.sy;
  }

  /**
   * An elliptical arc from the current point as cubic curves of at most a quarter turn each (the construction of
   * Inkscape's svgtopdf, as pdf-lib uses it). A zero radius draws a line and a zero-length arc nothing, as SVG says.
   */
  arcTo(rx: number, ry: number, rotation: number, large: number, sweep: number, ex: number, ey: number): void {
    const { x: ox, y: oy } = this;
    const th = rotation * (Math.PI / 180);
    const sinTh = Math.sin(th);
    const cosTh = Math.cos(th);
    rx = Math.abs(rx);
    ry = Math.abs(ry);
    this.control = NO_CONTROL;
    if (ox === ex && oy === ey) return;
    if (rx === 0 || ry === 0) {
      this.op(LINE, 2);
      this.put(ex, ey);
      this.x = ex;
      this.y = ey;
      return;
    }
    // The midpoint of the chord in the ellipse's axes: radii too small for it are scaled up (SVG F.6.6).
    const mx = cosTh * (ox - ex) * 0.5 + sinTh * (oy - ey) * 0.5;
    const my = cosTh * (oy - ey) * 0.5 - sinTh * (ox - ex) * 0.5;
    let pl = (mx * mx) / (rx * rx) + (my * my) / (ry * ry);
    if (pl > 1) {
      pl = Math.sqrt(pl);
      rx *= pl;
      ry *= pl;
    }
    const a00 = cosTh / rx;
    const a01 = sinTh / rx;
    const a10 = -sinTh / ry;
    const a11 = cosTh / ry;
    const x0 = a00 * ox + a01 * oy;
    const y0 = a10 * ox + a11 * oy;
    const x1 = a00 * ex + a01 * ey;
    const y1 = a10 * ex + a11 * ey;
    const d = (x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0);
    let factorSq = 1 / d - 0.25;
    if (factorSq < 0) factorSq = 0;
    let factor = Math.sqrt(factorSq);
    if (sweep === large) factor = -factor;
    const xc = 0.5 * (x0 + x1) - factor * (y1 - y0);
    const yc = 0.5 * (y0 + y1) + factor * (x1 - x0);
    const th0 = Math.atan2(y0 - yc, x0 - xc);
    const th1 = Math.atan2(y1 - yc, x1 - xc);
    let thArc = th1 - th0;
    if (thArc < 0 && sweep === 1) thArc += 2 * Math.PI;
    else if (thArc > 0 && sweep === 0) thArc -= 2 * Math.PI;
    const segments = Math.ceil(Math.abs(thArc / (Math.PI * 0.5 + 0.001)));
    for (let i = 0; i < segments; i++) {
      this.arcSegment(xc, yc, th0 + (i * thArc) / segments, th0 + ((i + 1) * thArc) / segments, rx, ry, sinTh, cosTh);
    }
    this.x = ex;
    this.y = ey;
  }

  /** One piece of an arc, from angle th0 to th1 on the unit circle around (cx, cy), mapped onto the ellipse. */
  private arcSegment(cx: number, cy: number, th0: number, th1: number, rx: number, ry: number, sinTh: number, cosTh: number): void {
    const a00 = cosTh * rx;
    const a01 = -sinTh * ry;
    const a10 = sinTh * rx;
    const a11 = cosTh * ry;
    const half = 0.5 * (th1 - th0);
    const t = ((8 / 3) * Math.sin(half * 0.5) * Math.sin(half * 0.5)) / Math.sin(half);
    const x1 = cx + Math.cos(th0) - t * Math.sin(th0);
    const y1 = cy + Math.sin(th0) + t * Math.cos(th0);
    const x3 = cx + Math.cos(th1);
    const y3 = cy + Math.sin(th1);
    const x2 = x3 + t * Math.sin(th1);
    const y2 = y3 - t * Math.cos(th1);
    this.curveTo(a00 * x1 + a01 * y1, a10 * x1 + a11 * y1, a00 * x2 + a01 * y2, a10 * x2 + a11 * y2, a00 * x3 + a01 * y3, a10 * x3 + a11 * y3);
  }

  /** Appends an operator with room for its operands. */
  private op(code: number, operands: number): void {
    if (this.opCount === this.ops.length) {
      const ops = new Uint8Array(this.ops.length * 2);
      ops.set(this.ops);
      this.ops = ops;
    }
    this.ops[this.opCount++] = code;
    if (this.coordCount + operands > this.coords.length) {
      const coords = new Float64Array(this.coords.length * 2);
      coords.set(this.coords);
      this.coords = coords;
    }
  }

  private put(x: number, y: number): void {
    this.coords[this.coordCount++] = x;
    this.coords[this.coordCount++] = y;
  }
}

/** The builder drawings are read into, reused (a drawing keeps copies of its own part: `svgToVector`). */
const scratch = new PathBuilder();

/** Operands of each path command by its letter; -1 for a character that is not a command. */
const OPERANDS = new Int8Array(128).fill(-1);
for (const [letters, count] of [['Mm', 2], ['Ll', 2], ['Hh', 1], ['Vv', 1], ['Cc', 6], ['Ss', 4], ['Qq', 4], ['Tt', 2], ['Aa', 7], ['Zz', 0]] as const) {
  for (const letter of letters) OPERANDS[letter.charCodeAt(0)] = count;
}
/** The operands of the command being read. */
const operand = new Float64Array(7);

/** SVG path data as absolute operators and their operands; undefined when it is malformed. */
export function parsePath(d: string): { ops: Uint8Array; coords: Float64Array } | undefined {
  const path = new PathBuilder();
  if (!appendPathData(path, d) || !path.finite()) return undefined;
  return { ops: path.ops.slice(0, path.opCount), coords: path.coords.slice(0, path.coordCount) };
}

/**
 * Appends SVG path data: commands, absolute and relative, with their implicit repetitions (`M 0 0 10 10` moves, then
 * draws a line). False when the data is malformed (an unknown letter, a missing number, not starting with a move).
 */
function appendPathData(path: PathBuilder, d: string): boolean {
  path.startPath();
  const reader = numberReader;
  reader.text = d;
  let i = spaceEnd(d, 0);
  let first = true;
  while (i < d.length) {
    let command = d.charCodeAt(i++);
    const count = command < 128 ? OPERANDS[command] : -1;
    if (count < 0 || (first && command !== 0x4d && command !== 0x6d)) return false;
    first = false;
    if (count === 0) {
      path.close();
      i = spaceEnd(d, i);
      continue;
    }
    do {
      for (let k = 0; k < count; k++) {
        i = separatorEnd(d, i);
        if ((command | 0x20) === 0x61 /* a */ && (k === 3 || k === 4)) {
          // Arc flags are one digit each and need no separator ("a5 5 0 0110 10").
          const flag = d.charCodeAt(i) - 0x30;
          if (flag !== 0 && flag !== 1) return false;
          operand[k] = flag;
          i++;
          continue;
        }
        i = reader.read(i);
        if (i < 0) return false;
        operand[k] = reader.value;
      }
      draw(path, command, operand);
      // After a move, further pairs of numbers are lines.
      if (command === 0x4d) command = 0x4c;
      else if (command === 0x6d) command = 0x6c;
      i = separatorEnd(d, i);
    } while (i < d.length && startsNumber(d.charCodeAt(i)));
  }
  return true;
}

/** Draws one path command with its operands `a`, moving the pen. */
function draw(path: PathBuilder, command: number, a: Float64Array): void {
  const { x, y } = path;
  switch (command) {
    case 0x4d: // M
      return path.moveTo(a[0], a[1]);
    case 0x6d: // m
      return path.moveTo(x + a[0], y + a[1]);
    case 0x4c: // L
      return path.lineTo(a[0], a[1]);
    case 0x6c: // l
      return path.lineTo(x + a[0], y + a[1]);
    case 0x48: // H
      return path.lineTo(a[0], y);
    case 0x68: // h
      return path.lineTo(x + a[0], y);
    case 0x56: // V
      return path.lineTo(x, a[0]);
    case 0x76: // v
      return path.lineTo(x, y + a[0]);
    case 0x43: // C
      return curve(path, a[0], a[1], a[2], a[3], a[4], a[5]);
    case 0x63: // c
      return curve(path, x + a[0], y + a[1], x + a[2], y + a[3], x + a[4], y + a[5]);
    case 0x53: // S
    case 0x73: {
      // s: relative
      const dx = command === 0x73 ? x : 0;
      const dy = command === 0x73 ? y : 0;
      // The first control point reflects the previous cubic's second one; after anything else it is the pen.
      const cubic = path.control === CUBIC_CONTROL;
      return curve(path, cubic ? 2 * x - path.px : x, cubic ? 2 * y - path.py : y, dx + a[0], dy + a[1], dx + a[2], dy + a[3]);
    }
    case 0x51: // Q
      return quadratic(path, a[0], a[1], a[2], a[3]);
    case 0x71: // q
      return quadratic(path, x + a[0], y + a[1], x + a[2], y + a[3]);
    case 0x54: // T
    case 0x74: {
      // t: relative
      // The control point reflects the previous quadratic's; after anything else it is the pen.
      const reflect = path.control === QUADRATIC_CONTROL;
      const ex = command === 0x74 ? x + a[0] : a[0];
      const ey = command === 0x74 ? y + a[1] : a[1];
      return quadratic(path, reflect ? 2 * x - path.px : x, reflect ? 2 * y - path.py : y, ex, ey);
    }
    case 0x41: // A
      return path.arcTo(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    case 0x61: // a
      return path.arcTo(a[0], a[1], a[2], a[3], a[4], x + a[5], y + a[6]);
  }
}

/** A cubic curve, remembering its second control point. */
function curve(path: PathBuilder, x1: number, y1: number, x2: number, y2: number, ex: number, ey: number): void {
  path.curveTo(x1, y1, x2, y2, ex, ey);
  path.px = x2;
  path.py = y2;
  path.control = CUBIC_CONTROL;
  path.x = ex;
  path.y = ey;
}

/** A quadratic curve as the cubic that draws it exactly (control points two thirds of the way to its own), remembering its control point. */
function quadratic(path: PathBuilder, qx: number, qy: number, ex: number, ey: number): void {
  const { x, y } = path;
  path.curveTo(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey), ex, ey);
  path.px = qx;
  path.py = qy;
  path.control = QUADRATIC_CONTROL;
  path.x = ex;
  path.y = ey;
}

/** Whether a character can start a number. */
function startsNumber(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/** Where white space and commas starting at `i` end. */
function separatorEnd(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x2c && !isSpace(c)) return i;
    i++;
  }
}

/** Powers of ten that are exact doubles, so one multiplication or division rounds correctly. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Decimal digits that always fit a double's integer range. */
const SAFE_DIGITS = 15;

/**
 * Reads numbers of SVG path data (`-1.5e3`, `.5`, and `.5.5` or `-1-2` as two numbers) without slicing strings; the
 * value is the one `Number()` gives.
 */
class NumberReader {
  text = '';
  value = 0;

  /** Reads a number at `i`: the position after it (its value in `value`), or -1 when none starts there. */
  read(i: number): number {
    const text = this.text;
    const start = i;
    let c = text.charCodeAt(i);
    const negative = c === 0x2d;
    if (negative || c === 0x2b) c = text.charCodeAt(++i);
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    while (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      c = text.charCodeAt(++i);
    }
    if (c === 0x2e) {
      c = text.charCodeAt(++i);
      while (c >= 0x30 && c <= 0x39) {
        mantissa = mantissa * 10 + (c - 0x30);
        digits++;
        scale--;
        c = text.charCodeAt(++i);
      }
    }
    if (digits === 0) return -1;
    if (c === 0x65 || c === 0x45) {
      // An exponent only when digits follow ("1e" is not a number).
      let j = i + 1;
      let e = text.charCodeAt(j);
      const negativeExponent = e === 0x2d;
      if (negativeExponent || e === 0x2b) e = text.charCodeAt(++j);
      if (e >= 0x30 && e <= 0x39) {
        let exponent = 0;
        while (e >= 0x30 && e <= 0x39) {
          exponent = exponent * 10 + (e - 0x30);
          e = text.charCodeAt(++j);
        }
        scale += negativeExponent ? -exponent : exponent;
        i = j;
      }
    }
    if (digits > SAFE_DIGITS || scale > 22 || scale < -22) this.value = Number(text.slice(start, i));
    else {
      const magnitude = scale >= 0 ? mantissa * EXACT_POWERS[scale] : mantissa / EXACT_POWERS[-scale];
      this.value = negative ? -magnitude : magnitude;
    }
    return i;
  }
}

const numberReader = new NumberReader();
