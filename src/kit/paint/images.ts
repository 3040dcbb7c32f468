/**
 * Pictures as image XObjects. An 8-bit grey or RGB PNG without alpha goes in as it is: its IDAT data is
 * already a Flate stream with PNG predictors, which PDF reads directly (no decode, no re-compress).
 * Anything else (alpha, palette, 16-bit, interlaced) goes through pdf-lib's embedder. A vector drawing becomes a
 * Form XObject whose content is written straight into bytes from the operators read/ parsed.
 */
import type { PDFDocument, PDFRef } from 'pdf-lib'
import { FinishedStream } from './stream.ts'
import type { ImageBlock, Rgb, VectorDrawing, VectorShape } from '../blocks.ts'
import type { StreamBatch } from './deflate.ts'

/** The PNG file signature. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** PNG colour types PDF can take directly: grey and RGB (ISO 32000 §7.4.4.4 with /Predictor 15). */
const DIRECT_COLOR_TYPES: Readonly<Record<number, { colors: number; space: string }>> = {
  0: { colors: 1, space: 'DeviceGray' },
  2: { colors: 3, space: 'DeviceRGB' },
}

/** Embeds a picture and returns its XObject reference (a drawing's content goes into the document's `streams`). */
export async function embedImage(doc: PDFDocument, streams: StreamBatch, image: ImageBlock): Promise<PDFRef> {
  if (image.format === 'vector' && image.vector) return embedVector(streams, image.vector)
  if (image.format === 'png') {
    const direct = directPng(doc, image.data)
    if (direct) return direct
    const embedded = await doc.embedPng(image.data)
    return embedded.ref
  }
  const embedded = await doc.embedJpg(image.data)
  return embedded.ref
}

/** A PNG whose data PDF can read as it is, or undefined. */
function directPng(doc: PDFDocument, data: Uint8Array): PDFRef | undefined {
  if (data.length < 33 || PNG_SIGNATURE.some((b, i) => data[i] !== b)) return undefined
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  let offset = 8
  let header: { width: number; height: number; depth: number; color: number; interlace: number } | undefined
  const idat: Uint8Array[] = []
  while (offset + 8 <= data.length) {
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...data.subarray(offset + 4, offset + 8))
    const body = data.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      header = { width: view.getUint32(offset + 8), height: view.getUint32(offset + 12), depth: body[8]!, color: body[9]!, interlace: body[12]! }
    } else if (type === 'IDAT') idat.push(body)
    else if (type === 'tRNS') return undefined
    else if (type === 'IEND') break
    offset += 12 + length
  }
  const kind = header && DIRECT_COLOR_TYPES[header.color]
  if (!header || !kind || header.depth !== 8 || header.interlace !== 0 || idat.length === 0) return undefined
  const stream = Buffer.concat(idat)
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: header.width,
    Height: header.height,
    ColorSpace: kind.space,
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: kind.colors, BitsPerComponent: 8, Columns: header.width },
    Length: stream.length,
  })
  return doc.context.register(FinishedStream.of(dict, stream))
}

/**
 * A vector drawing as a Form XObject. Its /Matrix maps the viewBox (y down) onto the unit square (y up), so it is
 * placed exactly like a raster image (`w 0 0 h x y cm /Im Do`).
 */
function embedVector(streams: StreamBatch, drawing: VectorDrawing): PDFRef {
  const { x, y, width, height } = drawing.viewBox
  const opacities = [...new Set(drawing.shapes.map((shape) => shape.opacity).filter((o): o is number => o !== undefined))]
  const states = Object.fromEntries(opacities.map((opacity, i) => [`GS${i + 1}`, { Type: 'ExtGState', ca: opacity, CA: opacity }]))
  const writer = formWriter.reset()
  const size = Math.max(width, height)
  for (const shape of drawing.shapes) writer.shape(shape, opacities, size)
  const extra = {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [x, y, x + width, y + height],
    Matrix: [1 / width, 0, 0, -1 / height, -x / width, 1 + y / height],
    Resources: opacities.length ? { ExtGState: states } : {},
  }
  return streams.add(writer.bytes(), extra)
}

/** Operands of each path operator (by its byte: `VectorShape.ops`). */
const OPERANDS = new Uint8Array(128)
for (const [op, count] of [['m', 2], ['l', 2], ['c', 6], ['h', 0]] as const) OPERANDS[op.charCodeAt(0)] = count
/** Path coordinates are rounded to at most this fraction of the picture's larger side (~0.001 pt as placed). */
const COORD_PRECISION = 1e-5
/** Matrices, colours, widths and dashes are written to 1/10000 (a colour to 1/40 of an 8-bit step). */
const FINE = 10_000
/** The largest number written (PDF readers need not take larger ones). */
const MAX_NUMBER = 1e9
/** Most bytes one number takes: sign, 10 digits, point, 8 decimals, separator. */
const NUMBER_BYTES = 21
const LINE_JOIN = { miter: 0, round: 1, bevel: 2 } as const
const LINE_CAP = { butt: 0, round: 1, square: 2 } as const

/**
 * Writes a Form's content straight into bytes: pdf-lib's operators and number formatting cost more than the rest of
 * painting a picture. One writer per process; its bytes are copied into the document's streams before the next
 * picture is written.
 */
class FormWriter {
  private buf = new Uint8Array(1 << 14)
  private pos = 0

  /** Starts a new content stream. */
  reset(): this {
    this.pos = 0
    return this
  }

  /** The content written since `reset`, valid until the next one. */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos)
  }

  /** One shape, in its own graphics state; `size` is the drawing's larger side, for the precision of coordinates. */
  shape(shape: VectorShape, opacities: readonly number[], size: number): void {
    const { ops, coords, transform: m } = shape
    this.reserve(NUMBER_BYTES * (coords.length + 16 + (shape.dash?.length ?? 0)) + 2 * ops.length)
    this.ascii('q\n')
    // A shape's own units may be scaled: keep its coordinates as precise, relative to the drawing, as any other's.
    const stretch = Math.max(Math.abs(m[0]), Math.abs(m[1]), Math.abs(m[2]), Math.abs(m[3]))
    const scale = 10 ** Math.min(8, Math.max(0, Math.ceil(-Math.log10((COORD_PRECISION * size) / stretch))))
    if (m[0] !== 1 || m[1] !== 0 || m[2] !== 0 || m[3] !== 1 || m[4] !== 0 || m[5] !== 0) {
      for (const v of m) this.number(v, FINE, 0x20)
      this.ascii('cm\n')
    }
    if (shape.opacity !== undefined) this.ascii(`/GS${opacities.indexOf(shape.opacity) + 1} gs\n`)
    if (shape.fill) this.colour(shape.fill, 'rg\n')
    if (shape.stroke) {
      this.colour(shape.stroke, 'RG\n')
      this.number(shape.strokeWidth, FINE, 0x20)
      this.ascii('w\n')
      if (shape.lineJoin) this.ascii(`${LINE_JOIN[shape.lineJoin]} j\n`)
      if (shape.lineCap) this.ascii(`${LINE_CAP[shape.lineCap]} J\n`)
      if (shape.dash?.length) {
        this.byte(0x5b)
        for (const [i, v] of shape.dash.entries()) this.number(v, FINE, i + 1 < shape.dash.length ? 0x20 : 0x5d)
        this.ascii(' 0 d\n')
      }
    }
    let k = 0
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!
      for (let n = OPERANDS[op]!; n > 0; n--) this.number(coords[k++]!, scale, 0x20)
      this.byte(op)
      this.byte(0x0a)
    }
    const evenOdd = shape.fillRule === 'evenodd' ? '*' : ''
    this.ascii(shape.fill && shape.stroke ? `B${evenOdd}\nQ\n` : shape.fill ? `f${evenOdd}\nQ\n` : 'S\nQ\n')
  }

  private colour(colour: Rgb, operator: string): void {
    for (const v of colour) this.number(v, FINE, 0x20)
    this.ascii(operator)
  }

  /**
   * A number rounded to 1/scale (a power of ten), without exponent or "-0", then the byte `after`. Room for it must
   * have been reserved.
   */
  private number(value: number, scale: number, after: number): void {
    const buf = this.buf
    let r = Math.round(value * scale)
    if (r < 0) {
      buf[this.pos++] = 0x2d
      r = -r
    }
    // Far beyond any picture (read/ lets no NaN or infinity through): clamped, so the stream stays valid.
    if (!(r < MAX_NUMBER * scale)) r = MAX_NUMBER * scale
    const whole = Math.floor(r / scale)
    let fraction = r - whole * scale
    this.digits(whole)
    if (fraction !== 0) {
      buf[this.pos++] = 0x2e
      for (let unit = scale / 10; fraction !== 0; unit /= 10) {
        const digit = Math.floor(fraction / unit)
        buf[this.pos++] = 0x30 + digit
        fraction -= digit * unit
      }
    }
    buf[this.pos++] = after
  }

  /** A whole number's decimal digits. */
  private digits(v: number): void {
    const buf = this.buf
    if (v < 10) {
      buf[this.pos++] = 0x30 + v
      return
    }
    let end = this.pos + 1
    for (let rest = v; rest >= 10; rest = Math.floor(rest / 10)) end++
    this.pos = end
    for (let rest = v; rest > 0; rest = Math.floor(rest / 10)) buf[--end] = 0x30 + (rest % 10)
  }

  private ascii(s: string): void {
    this.reserve(s.length)
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i)
  }

  private byte(b: number): void {
    this.reserve(1)
    this.buf[this.pos++] = b
  }

  /** Makes room for `n` more bytes. */
  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n))
    next.set(this.buf.subarray(0, this.pos))
    this.buf = next
  }
}

const formWriter = new FormWriter()
