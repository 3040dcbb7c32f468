/**
 * Pictures as image XObjects. An 8-bit grey or RGB PNG without alpha goes in as it is: its IDAT data is
 * already a Flate stream with PNG predictors, which PDF reads directly (no decode, no re-compress).
 * Anything else (alpha, palette, 16-bit, interlaced) goes through pdf-lib's embedder.
 */
import { PDFRawStream, type PDFDocument, type PDFRef } from 'pdf-lib'
import { svgPathToOperators } from 'pdf-lib/cjs/api/svgPath.js'
import type { ImageBlock, Rgb, VectorDrawing, VectorShape } from '../blocks.ts'
import { flateStream } from './fonts.ts'

/** The PNG file signature. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** PNG colour types PDF can take directly: grey and RGB (ISO 32000 §7.4.4.4 with /Predictor 15). */
const DIRECT_COLOR_TYPES: Readonly<Record<number, { colors: number; space: string }>> = {
  0: { colors: 1, space: 'DeviceGray' },
  2: { colors: 3, space: 'DeviceRGB' },
}

/** Embeds a picture and returns its XObject reference. */
export async function embedImage(doc: PDFDocument, image: ImageBlock): Promise<PDFRef> {
  if (image.format === 'vector' && image.vector) return embedVector(doc, image.vector)
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
  return doc.context.register(PDFRawStream.of(dict, stream))
}

/**
 * A vector drawing as a Form XObject. Its /Matrix maps the viewBox (y down) onto the unit square (y up), so it is
 * placed exactly like a raster image (`w 0 0 h x y cm /Im Do`).
 */
function embedVector(doc: PDFDocument, drawing: VectorDrawing): PDFRef {
  const { x, y, width, height } = drawing.viewBox
  const opacities = [...new Set(drawing.shapes.map((shape) => shape.opacity).filter((o): o is number => o !== undefined))]
  const states = Object.fromEntries(opacities.map((opacity, i) => [`GS${i + 1}`, { Type: 'ExtGState', ca: opacity, CA: opacity }]))
  const content = drawing.shapes.map((shape) => shapeOps(shape, opacities)).join('\n')
  const extra = {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [x, y, x + width, y + height],
    Matrix: [1 / width, 0, 0, -1 / height, -x / width, 1 + y / height],
    Resources: opacities.length ? { ExtGState: states } : {},
  }
  return doc.context.register(flateStream(doc.context, new TextEncoder().encode(content), extra))
}

/** The content-stream operators of one shape. */
function shapeOps(shape: VectorShape, opacities: readonly number[]): string {
  const ops = ['q', `${shape.transform.map(num).join(' ')} cm`]
  if (shape.opacity !== undefined) ops.push(`/GS${opacities.indexOf(shape.opacity) + 1} gs`)
  if (shape.fill) ops.push(`${rgb(shape.fill)} rg`)
  if (shape.stroke) {
    ops.push(`${rgb(shape.stroke)} RG`, `${num(shape.strokeWidth)} w`)
    if (shape.lineJoin) ops.push(`${{ miter: 0, round: 1, bevel: 2 }[shape.lineJoin]} j`)
    if (shape.lineCap) ops.push(`${{ butt: 0, round: 1, square: 2 }[shape.lineCap]} J`)
    if (shape.dash?.length) ops.push(`[${shape.dash.map(num).join(' ')}] 0 d`)
  }
  ops.push(...svgPathToOperators(shape.path).map((op) => op.toString()))
  const evenOdd = shape.fillRule === 'evenodd' ? '*' : ''
  ops.push(shape.fill && shape.stroke ? `B${evenOdd}` : shape.fill ? `f${evenOdd}` : 'S', 'Q')
  return ops.join('\n')
}

/** An RGB triple as PDF operands. */
function rgb(colour: Rgb): string {
  return colour.map(num).join(' ')
}

/** A number written compactly (PDF has no exponent notation). */
function num(value: number): string {
  return (Math.round(value * 10000) / 10000).toString()
}
