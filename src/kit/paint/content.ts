/**
 * Page content streams written straight into bytes: no intermediate strings per glyph or per number, because
 * a 45-page kit draws some 100 000 glyphs and string building was most of the paint stage's own time.
 *
 * Text is written as codes in literal strings. Each face's characters get codes in order of first use in the
 * document (1, 2, 3, …); the font maps codes to glyphs (`paint/fonts.ts`: CIDToGIDMap, widths, ToUnicode by code).
 * So the pages are written before the fonts are subset, in the same pass that finds the characters to keep, and
 * a face with at most 255 characters (every kit so far: ~160) takes one byte a glyph, a quarter of two-byte hex.
 * The font, size and fill grey are set only when they change (they are graphics state: BT/ET keep them, only Q
 * restores them).
 */
import type { ImageBlock } from '../blocks.ts'
import type { Item, LineItem, PathOp } from '../layout/types.ts'
import type { FontFace, FontSet } from '../text/fonts.ts'
import type { FontId } from '../text/types.ts'
import { CodeUnits } from '../text/codeunits.ts'
import { writeLiteralByte } from './pdf-strings.ts'

/** Resource name of each face in page dictionaries. */
export const FONT_RESOURCE: Readonly<Record<FontId, string>> = { regular: 'F1', bold: 'F2', italic: 'F3', boldItalic: 'F4' }

/** Codes a face can have in one-byte mode (code 0 is never given: CID 0 is .notdef). */
const ONE_BYTE_CODES = 255
/** Kerning-table marker: pair not looked up yet. */
const KERN_UNKNOWN = -32768
/** Most bytes one glyph can take in a TJ array: two escaped code bytes, and a kerning number with its ")(". */
const MAX_BYTES_PER_GLYPH = 4 + 2 + 24

/** One face as this document's writer draws it: codes given so far, and kerning by code pair (filled as used). */
interface Face {
  resource: string
  face: FontFace
  /** Code by BMP code point (0: no code yet). */
  code: Uint16Array
  /** Code by code point above the BMP. */
  astral: Map<number, number>
  /** Code point of each code (index 0 unused). */
  codePoints: number[]
  /** TJ kerning (thousandths of an em) by left code × 256 + right code, KERN_UNKNOWN until looked up; one-byte codes only. */
  kern: Int16Array | undefined
}

/** A face's code table (by BMP code point) and kerning table (by code pair): 256 KB, so they are reused. */
interface Tables {
  code: Uint16Array
  kern: Int16Array
}

/**
 * Cleared tables of finished documents, by face: a writer takes them instead of allocating (and later collecting)
 * 1 MB for four faces per kit. They hold nothing of a document once given back (`ContentWriter.release`).
 */
const spareTables = new Map<FontId, Tables[]>()

/** Cleared tables for a face: spare ones, or new. */
function takeTables(id: FontId): Tables {
  return spareTables.get(id)?.pop() ?? { code: new Uint16Array(0x10000), kern: new Int16Array(256 * 256).fill(KERN_UNKNOWN) }
}

/** Keeps cleared tables for the next document (one set per face is enough: documents are written one at a time). */
function giveTables(id: FontId, tables: Tables): void {
  const list = spareTables.get(id) ?? []
  if (list.length === 0) list.push(tables)
  spareTables.set(id, list)
}

/**
 * Writes the content streams of one document into one growing byte buffer, giving each face's characters their
 * codes as it meets them. With one-byte codes, a face that needs more than 255 sets `overflowed`: the caller then
 * writes the document again with two-byte codes.
 */
export class ContentWriter {
  private buf = new Uint8Array(1 << 16)
  private pos = 0
  private readonly units = new CodeUnits()
  private readonly fonts: FontSet
  private readonly faces = new Map<FontId, Face>()
  private readonly images: ReadonlyMap<ImageBlock, { name: string }>
  readonly codeBytes: 1 | 2
  /** A face needed more codes than one byte holds: this document's output is unusable. */
  overflowed = false
  /** Characters drawn in a face that has no glyph for them (they would print as blank boxes): the caller reports them. */
  readonly missingGlyphs: { codePoint: number; font: FontId }[] = []
  /** A text object (BT) is open, its current line starting at (lineX, lineY) in thousandths of a pt, with this leading. */
  private inText = false
  private lineX = 0
  private lineY = 0
  private leading = 0
  /** A run of lines of this style is open (q, stroke style and path so far; S Q still to come). */
  private lineStyle: LineItem | undefined

  constructor(fonts: FontSet, images: ReadonlyMap<ImageBlock, { name: string }>, codeBytes: 1 | 2 = 1) {
    this.fonts = fonts
    this.images = images
    this.codeBytes = codeBytes
  }

  /** Code points by code (index 0 unused) of every face used so far. */
  codes(): Map<FontId, readonly number[]> {
    return new Map([...this.faces].map(([id, face]) => [id, face.codePoints]))
  }

  /** This document's view of a face, made on its first use. */
  private face(id: FontId): Face {
    let face = this.faces.get(id)
    if (!face) {
      const tables = takeTables(id)
      face = { resource: FONT_RESOURCE[id], face: this.fonts[id], code: tables.code, astral: new Map(), codePoints: [0], kern: this.codeBytes === 1 ? tables.kern : undefined }
      this.faces.set(id, face)
    }
    return face
  }

  /** Gives the lookup tables back for the next document (cleared); the writer is not used after this. */
  release(): void {
    for (const [id, face] of this.faces) {
      for (const cp of face.codePoints) if (cp < 0x10000) face.code[cp] = 0
      face.kern?.fill(KERN_UNKNOWN)
      giveTables(id, { code: face.code, kern: face.kern ?? new Int16Array(256 * 256).fill(KERN_UNKNOWN) })
    }
    this.faces.clear()
  }

  /** The next code of a face for a character it has no code for yet. */
  private newCode(face: Face, cp: number): number {
    // Every character drawn gets its code here first, so this one check covers all the text of the document.
    if (!face.face.has(cp)) this.missingGlyphs.push({ codePoint: cp, font: face.face.id })
    const code = face.codePoints.length
    face.codePoints.push(cp)
    if (cp < 0x10000) face.code[cp] = code
    else face.astral.set(cp, code)
    if (this.codeBytes === 1 && code > ONE_BYTE_CODES) this.overflowed = true
    return code
  }

  /** The content stream of one page (items in drawing order); the bytes are valid until the next page. */
  page(lists: readonly (readonly Item[])[], pageHeight: number): { bytes: Uint8Array } {
    this.pos = 0
    // Each page's content stream starts from the default graphics state.
    this.inText = false
    this.lineStyle = undefined
    this.leading = 0
    let font: Face | undefined
    let size = -1
    let fill = -1
    for (const items of lists) {
      for (const it of items) {
        switch (it.kind) {
          case 'text': {
            const face = this.face(it.font)
            this.endLines()
            if (!this.inText) {
              this.ascii('BT\n')
              this.inText = true
              this.lineX = 0
              this.lineY = 0
            }
            if (face !== font || it.size !== size) {
              this.ascii(`/${face.resource} `)
              this.num(it.size)
              this.ascii(' Tf ')
              font = face
              size = it.size
            }
            if (it.gray !== fill) {
              this.num(it.gray)
              this.ascii(' g ')
              fill = it.gray
            }
            this.moveTo(Math.round(it.x * 1000), Math.round((pageHeight - it.y) * 1000))
            this.textArray(it.text, face)
            this.ascii(' TJ\n')
            break
          }
          case 'rect': {
            this.endText()
            this.endLines()
            const rect = (): void => {
              this.num(it.x)
              this.byte(0x20)
              this.num(pageHeight - (it.y + it.height))
              this.byte(0x20)
              this.num(it.width)
              this.byte(0x20)
              this.num(it.height)
              this.ascii(' re')
            }
            if (it.fill !== undefined) {
              this.num(it.fill)
              this.ascii(' g ')
              rect()
              this.ascii(' f\n')
              fill = it.fill
            }
            if (it.stroke !== undefined) {
              this.num(it.stroke)
              this.ascii(' G ')
              this.num(it.lineWidth ?? 1)
              this.ascii(' w ')
              rect()
              this.ascii(' S\n')
            }
            break
          }
          case 'line': {
            this.endText()
            // Lines of one style (a table's rules, a card grid's cut lines) share one path: one q … S Q for all.
            if (!this.lineStyle || !sameStroke(this.lineStyle, it)) {
              this.endLines()
              this.ascii('q ')
              this.num(it.gray)
              this.ascii(' G ')
              this.num(it.lineWidth)
              this.ascii(' w')
              if (it.dash) {
                this.ascii(' [')
                it.dash.forEach((d, i) => {
                  if (i > 0) this.byte(0x20)
                  this.num(d)
                })
                this.ascii('] 0 d')
              }
              this.lineStyle = it
            }
            this.byte(0x0a)
            this.point(it.x1, pageHeight - it.y1)
            this.ascii(' m ')
            this.point(it.x2, pageHeight - it.y2)
            this.ascii(' l')
            break
          }
          case 'path': {
            this.endText()
            this.endLines()
            this.ascii('q ')
            if (it.fill !== undefined) {
              this.num(it.fill)
              this.ascii(' g ')
            }
            if (it.stroke !== undefined) {
              this.num(it.stroke)
              this.ascii(' G ')
              this.num(it.lineWidth ?? 1)
              this.ascii(' w 1 J 1 j ')
            }
            it.ops.forEach((o, i) => {
              if (i > 0) this.byte(0x20)
              this.pathOp(o, pageHeight)
            })
            this.ascii(it.fill !== undefined && it.stroke !== undefined ? ' B Q\n' : it.fill !== undefined ? ' f Q\n' : ' S Q\n')
            break
          }
          case 'image': {
            this.endText()
            this.endLines()
            const name = this.images.get(it.image)!.name
            this.ascii('q ')
            this.num(it.width)
            this.ascii(' 0 0 ')
            this.num(it.height)
            this.byte(0x20)
            this.point(it.x, pageHeight - (it.y + it.height))
            this.ascii(` cm /${name} Do Q\n`)
            break
          }
        }
      }
    }
    this.endText()
    this.endLines()
    return { bytes: this.buf.subarray(0, this.pos) }
  }

  /**
   * Moves to the start of a text line, given in thousandths of a pt, relative to the previous line start (the only
   * move a text object knows): `T*` for the next line of a paragraph, `0 dy TD` when the leading changes (it sets
   * the leading), `dx dy Td` otherwise. The differences are of rounded positions, so each line lands exactly where
   * its absolute position would put it.
   */
  private moveTo(x: number, y: number): void {
    const dx = x - this.lineX
    const dy = y - this.lineY
    if (dx === 0 && dy === -this.leading && dy !== 0) this.ascii('T* ')
    else {
      this.num(dx / 1000)
      this.byte(0x20)
      this.num(dy / 1000)
      if (dx === 0 && dy < 0) {
        this.ascii(' TD ')
        this.leading = -dy
      } else this.ascii(' Td ')
    }
    this.lineX = x
    this.lineY = y
  }

  /** Closes an open text object. */
  private endText(): void {
    if (!this.inText) return
    this.ascii('ET\n')
    this.inText = false
  }

  /** Strokes and closes an open run of lines. */
  private endLines(): void {
    if (!this.lineStyle) return
    this.ascii(' S Q\n')
    this.lineStyle = undefined
  }

  /** A TJ array: codes in literal strings, split where a kerning pair moves the next glyph. */
  private textArray(text: string, face: Face): void {
    const { code: codeOf, kern } = face
    const metrics = face.face
    const scale = 1000 / metrics.unitsPerEm
    const wide = this.codeBytes === 2
    const n = text.length
    // A typed copy of the code units: charCodeAt on the sliced strings lines are made of costs several times more.
    const units = this.units.read(text)
    // Room for the worst case (every code byte escaped, a kerning number before every glyph), so the loop writes
    // into the buffer without checking its length.
    this.reserve(n * MAX_BYTES_PER_GLYPH + 4)
    let buf = this.buf
    let pos = this.pos
    buf[pos++] = 0x5b // [
    buf[pos++] = 0x28 // (
    let prevCode = 0
    let prevCp = -1
    for (let i = 0; i < n; i++) {
      let cp = units[i]!
      let code: number
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n && isLowSurrogate(units[i + 1]!)) {
        cp = (cp - 0xd800) * 0x400 + (units[i + 1]! - 0xdc00) + 0x10000
        i++
        code = face.astral.get(cp) ?? 0
      } else code = codeOf[cp]!
      if (code === 0) code = this.newCode(face, cp)
      if (prevCode > 0) {
        let k: number
        // Kerning depends only on the two characters, so one-byte documents keep it by code pair.
        if (kern && code <= ONE_BYTE_CODES && prevCode <= ONE_BYTE_CODES) {
          const at = (prevCode << 8) | code
          k = kern[at]!
          if (k === KERN_UNKNOWN) kern[at] = k = metrics.kern(prevCp, cp)
        } else k = metrics.kern(prevCp, cp)
        // TJ numbers are thousandths of an em, subtracted from the position: a negative kern is a positive number.
        if (k !== 0) {
          buf[pos++] = 0x29 // )
          const tj = -k * scale
          // Kerning in a font of 1000 units an em is a small whole number: written here, in the room reserved.
          if (tj === (tj | 0) && tj > -1000 && tj < 1000) pos = writeSmallInt(buf, pos, tj)
          else {
            this.pos = pos
            this.num(tj)
            buf = this.buf
            pos = this.pos
          }
          buf[pos++] = 0x28 // (
        }
      }
      if (wide) pos = writeLiteralByte(buf, pos, code >> 8)
      pos = writeLiteralByte(buf, pos, code & 0xff)
      prevCode = code
      prevCp = cp
    }
    buf[pos++] = 0x29 // )
    buf[pos++] = 0x5d // ]
    this.pos = pos
  }

  /** One path command in PDF operators. */
  private pathOp(o: PathOp, pageHeight: number): void {
    switch (o.op) {
      case 'M':
      case 'L':
        this.point(o.x, pageHeight - o.y)
        this.ascii(o.op === 'M' ? ' m' : ' l')
        return
      case 'C':
        this.point(o.x1, pageHeight - o.y1)
        this.byte(0x20)
        this.point(o.x2, pageHeight - o.y2)
        this.byte(0x20)
        this.point(o.x, pageHeight - o.y)
        this.ascii(' c')
        return
      case 'Z':
        this.byte(0x68)
        return
    }
  }

  private point(x: number, y: number): void {
    this.num(x)
    this.byte(0x20)
    this.num(y)
  }

  /**
   * A number with at most three decimals, no exponent, no "-0": the same text as
   * `String(Math.round(n * 1000) / 1000)` for the coordinates and sizes of a page.
   */
  private num(n: number): void {
    let r = Math.round(n * 1000)
    if (r === 0) {
      this.byte(0x30)
      return
    }
    if (r < 0) {
      this.byte(0x2d)
      r = -r
    }
    if (r >= 1e15) {
      this.ascii(String(r / 1000))
      return
    }
    const whole = Math.floor(r / 1000)
    let frac = r - whole * 1000
    this.digits(whole)
    if (frac === 0) return
    this.byte(0x2e)
    this.byte(0x30 + Math.floor(frac / 100))
    frac %= 100
    if (frac === 0) return
    this.byte(0x30 + Math.floor(frac / 10))
    frac %= 10
    if (frac === 0) return
    this.byte(0x30 + frac)
  }

  private digits(v: number): void {
    if (v >= 10) this.digits(Math.floor(v / 10))
    this.byte(0x30 + (v % 10))
  }

  /** Makes room for `n` more bytes. */
  private reserve(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n)
  }

  private ascii(s: string): void {
    const n = s.length
    if (this.pos + n > this.buf.length) this.grow(n)
    for (let i = 0; i < n; i++) this.buf[this.pos++] = s.charCodeAt(i)
  }

  private byte(b: number): void {
    if (this.pos >= this.buf.length) this.grow(1)
    this.buf[this.pos++] = b
  }

  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + extra))
    next.set(this.buf.subarray(0, this.pos))
    this.buf = next
  }
}

/** A whole number between -999 and 999 at `pos`, as `num` writes it; the next position. */
function writeSmallInt(buf: Uint8Array, pos: number, n: number): number {
  if (n < 0) {
    buf[pos++] = 0x2d
    n = -n
  }
  if (n >= 100) buf[pos++] = 0x30 + ((n / 100) | 0)
  if (n >= 10) buf[pos++] = 0x30 + (((n / 10) | 0) % 10)
  buf[pos++] = 0x30 + (n % 10)
  return pos
}

/** Whether two lines are stroked alike (grey, width, dash). */
function sameStroke(a: LineItem, b: LineItem): boolean {
  if (a.gray !== b.gray || a.lineWidth !== b.lineWidth) return false
  if (!a.dash || !b.dash) return a.dash === b.dash
  return a.dash.length === b.dash.length && a.dash.every((d, i) => d === b.dash![i])
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}
