/**
 * Paint: laid-out pages → PDF bytes. The only module that imports pdf-lib. Each page's content stream is
 * written once as text (glyph ids in hex, kerning as TJ numbers) and deflated with Node's zlib; fonts are
 * HarfBuzz subsets with content-derived names; metadata dates come from the caller: same input, same bytes.
 */
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFString, type PDFDict, type PDFPage, type PDFRef } from 'pdf-lib'
import type { ImageBlock } from '../blocks.ts'
import type { Item, LaidOutKit, OutlineEntry, PathOp } from '../layout/types.ts'
import type { FontSet } from '../text/fonts.ts'
import { subsetFace, type FontSubset } from '../text/subset.ts'
import { FONT_IDS, type FontId } from '../text/types.ts'
import { embedSubset, flateStream } from './fonts.ts'
import { embedImage } from './images.ts'

/** Document information written into the PDF (dates from the lesson, never the clock). */
export interface PdfMeta {
  title: string
  author?: string
  subject?: string
  keywords?: readonly string[]
  /** BCP 47 language tag, e.g. "uk". */
  lang: string
  creator?: string
  producer?: string
  created: Date
  modified?: Date
}

/** Resource name of each face in page dictionaries. */
const FONT_RESOURCE: Record<FontId, string> = { regular: 'F1', bold: 'F2', italic: 'F3', boldItalic: 'F4' }

/** Paints a laid-out kit into PDF bytes. */
export async function paintKit(kit: LaidOutKit, fonts: FontSet, meta: PdfMeta): Promise<Uint8Array> {
  const subsets = await subsetFonts(kit, fonts)
  const doc = await PDFDocument.create({ updateMetadata: false })
  writeMetadata(doc, meta)
  const context = doc.context
  const fontRefs = new Map<FontId, PDFRef>()
  for (const [id, subset] of subsets) fontRefs.set(id, embedSubset(context, subset))
  const images = await embedImages(doc, kit)

  const pages: PDFPage[] = []
  for (const page of kit.pages) {
    const pdfPage = doc.addPage([kit.width, kit.height])
    pages.push(pdfPage)
    const used = { fonts: new Set<FontId>(), images: new Set<string>() }
    const ops = contentOps([page.items, page.furniture], kit.height, subsets, images, used)
    pdfPage.node.set(PDFName.of('Contents'), context.register(flateStream(context, ops)))
    for (const id of FONT_IDS) if (used.fonts.has(id)) pdfPage.node.setFontDictionary(PDFName.of(FONT_RESOURCE[id]), fontRefs.get(id)!)
    for (const { name, ref } of images.values()) if (used.images.has(name)) pdfPage.node.setXObject(PDFName.of(name), ref)
    for (const link of page.links) {
      const rect = [link.x, kit.height - link.y - link.height, link.x + link.width, kit.height - link.y].map(round)
      const annot = context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: rect,
        Border: [0, 0, 0],
        A: { Type: 'Action', S: 'URI', URI: PDFString.of(asciiUri(link.href)) },
      })
      pdfPage.node.addAnnot(context.register(annot))
    }
  }
  writeOutline(doc, pages, kit.outline, kit.height)
  // objectsPerTick: pdf-lib otherwise yields to the event loop (setTimeout, ≥ 1 ms) every 50 objects while writing.
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity })
}

/** Subsets each face the pages use to exactly the characters set in it. */
async function subsetFonts(kit: LaidOutKit, fonts: FontSet): Promise<Map<FontId, FontSubset>> {
  const chars = new Map<FontId, Set<number>>()
  for (const page of kit.pages) {
    for (const it of [...page.items, ...page.furniture]) {
      if (it.kind !== 'text') continue
      let set = chars.get(it.font)
      if (!set) chars.set(it.font, (set = new Set()))
      for (const ch of it.text) set.add(ch.codePointAt(0)!)
    }
  }
  const out = new Map<FontId, FontSubset>()
  const ids = FONT_IDS.filter((id) => chars.has(id))
  const subsets = await Promise.all(ids.map((id) => subsetFace(fonts[id], chars.get(id)!)))
  ids.forEach((id, i) => out.set(id, subsets[i]!))
  return out
}

/** Title, author, subject, keywords, language, creator, producer and the two dates. */
function writeMetadata(doc: PDFDocument, meta: PdfMeta): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true })
  if (meta.author) doc.setAuthor(meta.author)
  if (meta.subject) doc.setSubject(meta.subject)
  if (meta.keywords?.length) doc.setKeywords([...meta.keywords])
  doc.setCreator(meta.creator ?? 'lesson-kits')
  doc.setProducer(meta.producer ?? 'lesson-kits (pdf-lib)')
  doc.setCreationDate(meta.created)
  doc.setModificationDate(meta.modified ?? meta.created)
  doc.setLanguage(meta.lang)
}

/** Images embedded once each (the same block on two pages is one XObject), named Im1, Im2, … in first-use order. */
async function embedImages(doc: PDFDocument, kit: LaidOutKit): Promise<Map<ImageBlock, { name: string; ref: PDFRef }>> {
  const out = new Map<ImageBlock, { name: string; ref: PDFRef }>()
  for (const page of kit.pages) {
    for (const it of page.items) {
      if (it.kind !== 'image' || out.has(it.image)) continue
      out.set(it.image, { name: `Im${out.size + 1}`, ref: await embedImage(doc, it.image) })
    }
  }
  return out
}

/** A number for a content stream: at most three decimals, no exponent, no "-0". */
function num(n: number): string {
  const r = Math.round(n * 1000) / 1000
  return Object.is(r, -0) ? '0' : String(r)
}

/** A rounded coordinate for dictionaries. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

/**
 * The content stream of one page, as bytes. Built as one Latin-1 string and encoded once. Text is written as
 * glyph-id bytes in literal strings (half the bytes of hex, so less to deflate), and the font, size and fill
 * grey are set only when they change (they are graphics state: BT/ET keep them; only Q restores).
 */
function contentOps(
  pageItems: readonly Item[][],
  pageHeight: number,
  subsets: Map<FontId, FontSubset>,
  images: Map<ImageBlock, { name: string; ref: PDFRef }>,
  used: { fonts: Set<FontId>; images: Set<string> },
): Uint8Array {
  let out = ''
  let font = ''
  let fill = -1
  const Y = (y: number): string => num(pageHeight - y)
  for (const items of pageItems) {
    for (const it of items) {
      switch (it.kind) {
        case 'text': {
          const subset = subsets.get(it.font)!
          used.fonts.add(it.font)
          const tf = `/${FONT_RESOURCE[it.font]} ${num(it.size)} Tf `
          out += `BT ${tf === font ? '' : tf}${it.gray === fill ? '' : `${num(it.gray)} g `}${num(it.x)} ${Y(it.y)} Td ${textArray(it.text, subset)} TJ ET\n`
          font = tf
          fill = it.gray
          break
        }
        case 'rect': {
          const rect = `${num(it.x)} ${Y(it.y + it.height)} ${num(it.width)} ${num(it.height)} re`
          if (it.fill !== undefined) {
            out += `${num(it.fill)} g ${rect} f\n`
            fill = it.fill
          }
          if (it.stroke !== undefined) out += `${num(it.stroke)} G ${num(it.lineWidth ?? 1)} w ${rect} S\n`
          break
        }
        case 'line': {
          const dash = it.dash ? `[${it.dash.map(num).join(' ')}] 0 d ` : ''
          out += `q ${num(it.gray)} G ${num(it.lineWidth)} w ${dash}${num(it.x1)} ${Y(it.y1)} m ${num(it.x2)} ${Y(it.y2)} l S Q\n`
          break
        }
        case 'path': {
          const path = it.ops.map((o) => pathOp(o, Y)).join(' ')
          const paint = it.fill !== undefined && it.stroke !== undefined ? 'B' : it.fill !== undefined ? 'f' : 'S'
          const state = `${it.fill !== undefined ? `${num(it.fill)} g ` : ''}${it.stroke !== undefined ? `${num(it.stroke)} G ${num(it.lineWidth ?? 1)} w 1 J 1 j ` : ''}`
          out += `q ${state}${path} ${paint} Q\n`
          break
        }
        case 'image': {
          const entry = images.get(it.image)!
          used.images.add(entry.name)
          out += `q ${num(it.width)} 0 0 ${num(it.height)} ${num(it.x)} ${Y(it.y + it.height)} cm /${entry.name} Do Q\n`
          break
        }
      }
    }
  }
  return Buffer.from(out, 'latin1')
}

/** One path command in PDF operators. */
function pathOp(o: PathOp, Y: (y: number) => string): string {
  switch (o.op) {
    case 'M':
      return `${num(o.x)} ${Y(o.y)} m`
    case 'L':
      return `${num(o.x)} ${Y(o.y)} l`
    case 'C':
      return `${num(o.x1)} ${Y(o.y1)} ${num(o.x2)} ${Y(o.y2)} ${num(o.x)} ${Y(o.y)} c`
    case 'Z':
      return 'h'
  }
}

/** Each glyph of a subset as its two code bytes in a literal string, by code point (a subset is cached per process, so this can be too). */
const codesOfSubset = new WeakMap<FontSubset, Map<number, string>>()

/** Bytes a literal string must escape: the delimiters, the backslash, and line ends (a bare CR would read as LF). */
const ESCAPED: Readonly<Record<number, string>> = { 0x28: '\\(', 0x29: '\\)', 0x5c: '\\\\', 0x0a: '\\n', 0x0d: '\\r' }

/** One byte of a literal string, escaped where PDF needs it. */
function stringByte(b: number): string {
  return ESCAPED[b] ?? String.fromCharCode(b)
}

/** The two-byte Identity-H code of each glyph of a subset, by code point, ready to put between parentheses. */
function glyphCodes(subset: FontSubset): Map<number, string> {
  let codes = codesOfSubset.get(subset)
  if (!codes) {
    codes = new Map()
    for (const [cp, gid] of subset.glyphOf) codes.set(cp, stringByte(gid >> 8) + stringByte(gid & 0xff))
    codesOfSubset.set(subset, codes)
  }
  return codes
}

/** A TJ array: glyph codes in literal strings, split where a kerning pair moves the next glyph. */
function textArray(text: string, subset: FontSubset): string {
  const face = subset.face
  const codes = glyphCodes(subset)
  const notdef = '\u0000\u0000'
  const scale = 1000 / face.unitsPerEm
  let out = '[('
  let prev = -1
  const n = text.length
  for (let i = 0; i < n; i++) {
    let cp = text.charCodeAt(i)
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1)
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000
        i++
      }
    }
    if (prev >= 0) {
      const k = face.kern(prev, cp)
      // TJ numbers are thousandths of an em, subtracted from the position: a negative kern is a positive number.
      if (k !== 0) out += `)${num(-k * scale)}(`
    }
    out += codes.get(cp) ?? notdef
    prev = cp
  }
  return out + ')]'
}

/** A URI as PDF wants it: 7-bit ASCII, other characters percent-encoded. */
function asciiUri(href: string): string {
  return href.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c))
}

/** The bookmark tree: each entry's parent is the nearest earlier entry of a lower level. */
function writeOutline(doc: PDFDocument, pages: PDFPage[], entries: readonly OutlineEntry[], pageHeight: number): void {
  if (entries.length === 0) return
  const context = doc.context
  interface Node {
    entry?: OutlineEntry
    ref: PDFRef
    children: Node[]
  }
  const root: Node = { ref: context.nextRef(), children: [] }
  const stack: Node[] = [root]
  for (const entry of entries) {
    while (stack.length > 1 && stack[stack.length - 1]!.entry!.level >= entry.level) stack.pop()
    const node: Node = { entry, ref: context.nextRef(), children: [] }
    stack[stack.length - 1]!.children.push(node)
    stack.push(node)
  }
  const visible = (n: Node): number => n.children.reduce((s, c) => s + 1 + visible(c), 0)
  const write = (node: Node, parent: Node): void => {
    const siblings = parent.children
    const i = siblings.indexOf(node)
    const e = node.entry!
    const dict = context.obj({}) as PDFDict
    dict.set(PDFName.of('Title'), PDFHexString.fromText(e.title))
    dict.set(PDFName.of('Parent'), parent.ref)
    if (i > 0) dict.set(PDFName.of('Prev'), siblings[i - 1]!.ref)
    if (i < siblings.length - 1) dict.set(PDFName.of('Next'), siblings[i + 1]!.ref)
    if (node.children.length > 0) {
      dict.set(PDFName.of('First'), node.children[0]!.ref)
      dict.set(PDFName.of('Last'), node.children[node.children.length - 1]!.ref)
      dict.set(PDFName.of('Count'), PDFNumber.of(visible(node)))
    }
    const dest = PDFArray.withContext(context)
    dest.push(pages[e.page]!.ref)
    dest.push(PDFName.of('XYZ'))
    dest.push(PDFNull)
    dest.push(PDFNumber.of(round(pageHeight - e.y)))
    dest.push(PDFNull)
    dict.set(PDFName.of('Dest'), dest)
    context.assign(node.ref, dict)
    for (const c of node.children) write(c, node)
  }
  for (const c of root.children) write(c, root)
  const outlines = context.obj({}) as PDFDict
  outlines.set(PDFName.of('Type'), PDFName.of('Outlines'))
  outlines.set(PDFName.of('First'), root.children[0]!.ref)
  outlines.set(PDFName.of('Last'), root.children[root.children.length - 1]!.ref)
  outlines.set(PDFName.of('Count'), PDFNumber.of(visible(root)))
  context.assign(root.ref, outlines)
  doc.catalog.set(PDFName.of('Outlines'), root.ref)
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}
