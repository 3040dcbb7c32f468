/**
 * Pictures as image XObjects. An 8-bit grey or RGB PNG without alpha goes in as it is: its IDAT data is
 * already a Flate stream with PNG predictors, which PDF reads directly (no decode, no re-compress).
 * Anything else (alpha, palette, 16-bit, interlaced) goes through pdf-lib's embedder.
 */
import { PDFRawStream, type PDFDocument, type PDFRef } from 'pdf-lib'
import type { ImageBlock } from '../blocks.ts'

/** The PNG file signature. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** PNG colour types PDF can take directly: grey and RGB (ISO 32000 §7.4.4.4 with /Predictor 15). */
const DIRECT_COLOR_TYPES: Readonly<Record<number, { colors: number; space: string }>> = {
  0: { colors: 1, space: 'DeviceGray' },
  2: { colors: 3, space: 'DeviceRGB' },
}

/** Embeds a picture and returns its XObject reference. */
export async function embedImage(doc: PDFDocument, image: ImageBlock): Promise<PDFRef> {
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
