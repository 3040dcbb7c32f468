/**
 * Page content streams written straight into bytes: no intermediate strings per glyph or per number, because
 * a 45-page kit draws some 100 000 glyphs and string building was most of the paint stage's own time.
 * Text is written as two-byte glyph codes (Identity-H) in literal strings, half the bytes of hex, so there is
 * less to deflate; the font, size and fill grey are set only when they change (they are graphics state:
 * BT/ET keep them, only Q restores them).
 */
import type { ImageBlock } from '../blocks.ts'
import type { Item, PathOp } from '../layout/types.ts'
import type { FontSubset } from '../text/subset.ts'
import { FONT_IDS, type FontId } from '../text/types.ts'

/** Resource name of each face in page dictionaries. */
export const FONT_RESOURCE: Readonly<Record<FontId, string>> = { regular: 'F1', bold: 'F2', italic: 'F3', boldItalic: 'F4' }

/** Kerning-table marker: pair not looked up yet. */
const KERN_UNKNOWN = -32768
const BACKSLASH = 0x5c
/** Most bytes one glyph can take in a TJ array: two escaped code bytes, and a kerning number with its ")(". */
const MAX_BYTES_PER_GLYPH = 4 + 2 + 24

/** One face as the writer draws it: code point → subset glyph id, and the kerning of glyph pairs (filled as used). */
interface Face {
  resource: string
  subset: FontSubset
  /** Subset glyph id by BMP code point (0: not in the subset; astral code points go through `subset.glyphOf`). */
  gid: Uint16Array
  /** Glyph ids in the subset (the table side). */
  glyphs: number
  /** Code point of each subset glyph id (for the face's kerning lookup). */
  cpOf: Int32Array
  /** TJ kerning in thousandths of an em by (left glyph × glyphs + right glyph); KERN_UNKNOWN until looked up. */
  kern: Int16Array
}

/**
 * Per-subset lookups: a subset is cached per process (fonts, not a lesson's layout), and these tables are derived
 * from it alone, so they are kept with it rather than rebuilt (and garbage-collected) for every kit.
 */
const facesOfSubset = new WeakMap<FontSubset, Face>()

/** The writer's view of a subset: glyph ids by code point, and a kerning table by glyph pair. */
function faceOf(id: FontId, subset: FontSubset): Face {
  let face = facesOfSubset.get(subset)
  if (face) return face
  const gid = new Uint16Array(0x10000)
  let glyphs = 1
  for (const [cp, g] of subset.glyphOf) {
    if (cp < 0x10000) gid[cp] = g
    glyphs = Math.max(glyphs, g + 1)
  }
  const cpOf = new Int32Array(glyphs).fill(-1)
  // Two characters may share a glyph (a space and a no-break space): they kern alike, as kerning is by glyph.
  for (const [g, cp] of subset.unicodeOf) cpOf[g] = cp
  const kern = new Int16Array(glyphs * glyphs).fill(KERN_UNKNOWN)
  face = { resource: FONT_RESOURCE[id], subset, gid, glyphs, cpOf, kern }
  facesOfSubset.set(subset, face)
  return face
}

/** Writes the content streams of one document: per-document lookups built once, one growing byte buffer. */
export class ContentWriter {
  private buf = new Uint8Array(1 << 16)
  private pos = 0
  private readonly faces = new Map<FontId, Face>()
  private readonly images: ReadonlyMap<ImageBlock, { name: string }>

  constructor(subsets: ReadonlyMap<FontId, FontSubset>, images: ReadonlyMap<ImageBlock, { name: string }>) {
    this.images = images
    for (const id of FONT_IDS) {
      const subset = subsets.get(id)
      if (subset) this.faces.set(id, faceOf(id, subset))
    }
  }

  /** The content stream of one page (items in drawing order), and the fonts and images it uses; the bytes are valid until the next page. */
  page(lists: readonly (readonly Item[])[], pageHeight: number): { bytes: Uint8Array; fonts: Set<FontId>; images: Set<string> } {
    this.pos = 0
    const fonts = new Set<FontId>()
    const images = new Set<string>()
    let font: Face | undefined
    let size = -1
    let fill = -1
    for (const items of lists) {
      for (const it of items) {
        switch (it.kind) {
          case 'text': {
            const face = this.faces.get(it.font)!
            fonts.add(it.font)
            this.ascii('BT ')
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
            this.num(it.x)
            this.byte(0x20)
            this.num(pageHeight - it.y)
            this.ascii(' Td ')
            this.textArray(it.text, face)
            this.ascii(' TJ ET\n')
            break
          }
          case 'rect': {
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
            this.ascii('q ')
            this.num(it.gray)
            this.ascii(' G ')
            this.num(it.lineWidth)
            this.ascii(' w ')
            if (it.dash) {
              this.byte(0x5b)
              it.dash.forEach((d, i) => {
                if (i > 0) this.byte(0x20)
                this.num(d)
              })
              this.ascii('] 0 d ')
            }
            this.point(it.x1, pageHeight - it.y1)
            this.ascii(' m ')
            this.point(it.x2, pageHeight - it.y2)
            this.ascii(' l S Q\n')
            break
          }
          case 'path': {
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
            const name = this.images.get(it.image)!.name
            images.add(name)
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
    return { bytes: this.buf.subarray(0, this.pos), fonts, images }
  }

  /** A TJ array: glyph codes in literal strings, split where a kerning pair moves the next glyph. */
  private textArray(text: string, face: Face): void {
    const { gid, kern, glyphs, cpOf } = face
    const kernOf = face.subset.face.kern
    const scale = 1000 / face.subset.face.unitsPerEm
    const n = text.length
    // Room for the worst case (every code byte escaped, a kerning number before every glyph), so the loop writes
    // into the buffer without checking its length.
    this.reserve(n * MAX_BYTES_PER_GLYPH + 4)
    let buf = this.buf
    let pos = this.pos
    buf[pos++] = 0x5b // [
    buf[pos++] = 0x28 // (
    let prev = -1
    let prevCp = -1
    for (let i = 0; i < n; i++) {
      let cp = text.charCodeAt(i)
      let g: number
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1))) {
        cp = (cp - 0xd800) * 0x400 + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000
        i++
        g = face.subset.glyphOf.get(cp) ?? 0
      } else g = gid[cp]!
      if (prev >= 0) {
        let k: number
        const at = prev * glyphs + g
        // Kerning depends only on the two glyphs, so it is cached by glyph pair; glyph 0 (a character the subset
        // lacks) stands for several code points: its pairs are looked up every time.
        if (g > 0 && prev > 0) {
          k = kern[at]!
          if (k === KERN_UNKNOWN) kern[at] = k = kernOf(cpOf[prev]!, cpOf[g]!)
        } else k = kernOf(prevCp, cp)
        // TJ numbers are thousandths of an em, subtracted from the position: a negative kern is a positive number.
        if (k !== 0) {
          buf[pos++] = 0x29 // )
          this.pos = pos
          this.num(-k * scale)
          buf = this.buf
          pos = this.pos
          buf[pos++] = 0x28 // (
        }
      }
      pos = writeCode(buf, pos, g >> 8)
      pos = writeCode(buf, pos, g & 0xff)
      prev = g
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

/** One byte of a literal string at `pos`, escaped where PDF needs it (delimiters, backslash, line ends); the next position. */
function writeCode(buf: Uint8Array, pos: number, b: number): number {
  if (b === 0x28 || b === 0x29 || b === BACKSLASH) {
    buf[pos++] = BACKSLASH
    buf[pos++] = b
  } else if (b === 0x0a || b === 0x0d) {
    buf[pos++] = BACKSLASH
    buf[pos++] = b === 0x0a ? 0x6e : 0x72
  } else buf[pos++] = b
  return pos
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}
