/**
 * Paint: laid-out pages → PDF bytes. The only module that imports pdf-lib. Each page's content stream is
 * written once, straight into bytes (`content.ts`: glyph codes in literal strings, kerning as TJ numbers), and
 * deflated with Node's zlib; fonts are HarfBuzz subsets with content-derived names; metadata dates come from
 * the caller: same input, same bytes.
 */
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFPageLeaf, PDFString, type PDFDict, type PDFRef } from 'pdf-lib'
import type { ImageBlock } from '../blocks.ts'
import type { Item, LaidOutKit, OutlineEntry } from '../layout/types.ts'
import type { FontSet } from '../text/fonts.ts'
import { subsetFace, type FontSubset } from '../text/subset.ts'
import { FONT_IDS, type FontId } from '../text/types.ts'
import { embedSubset, flateStream } from './fonts.ts'
import { embedImage } from './images.ts'
import { ContentWriter, FONT_RESOURCE } from './content.ts'

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

/** Paints a laid-out kit into PDF bytes. */
export async function paintKit(kit: LaidOutKit, fonts: FontSet, meta: PdfMeta): Promise<Uint8Array> {
  const subsets = await subsetFonts(kit, fonts)
  const doc = await PDFDocument.create({ updateMetadata: false })
  writeMetadata(doc, meta)
  const context = doc.context
  const fontRefs = new Map<FontId, PDFRef>()
  for (const [id, subset] of subsets) fontRefs.set(id, embedSubset(context, subset))
  const images = await embedImages(doc, kit)

  const pages: PageRef[] = []
  const writer = new ContentWriter(subsets, images)
  for (const page of kit.pages) {
    const pdfPage = appendPage(doc, kit.width, kit.height)
    pages.push(pdfPage)
    const used = writer.page([page.items, page.furniture], kit.height)
    pdfPage.node.set(PDFName.of('Contents'), context.register(flateStream(context, used.bytes)))
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

/** A page of the document being written: its dictionary and its reference. */
interface PageRef {
  node: PDFPageLeaf
  ref: PDFRef
}

/**
 * Appends a page: the same objects, in the same order, as `doc.addPage([width, height])`, without its walk over
 * every earlier page to find the insertion point (quadratic in the page count; the kit only appends).
 */
function appendPage(doc: PDFDocument, width: number, height: number): PageRef {
  const context = doc.context
  const pagesRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef
  const node = PDFPageLeaf.withContextAndParent(context, pagesRef)
  const ref = context.register(node)
  node.set(PDFName.of('MediaBox'), context.obj([0, 0, width, height]))
  doc.catalog.Pages().pushLeafNode(ref)
  return { node, ref }
}

/** Subsets each face the pages use to exactly the characters set in it. */
async function subsetFonts(kit: LaidOutKit, fonts: FontSet): Promise<Map<FontId, FontSubset>> {
  const chars = new Map<FontId, number[]>()
  // One byte per BMP character, a bit per face: whether the character is already in that face's list.
  const seen = new Uint8Array(0x10000)
  const collect = (items: readonly Item[]): void => {
    for (const it of items) {
      if (it.kind !== 'text') continue
      let list = chars.get(it.font)
      if (!list) chars.set(it.font, (list = []))
      const bit = 1 << FONT_IDS.indexOf(it.font)
      const text = it.text
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i)
        if (seen[c]! & bit) continue
        if (c >= 0xd800 && c <= 0xdbff) {
          // A surrogate pair (or a lone surrogate) goes by its code point; subsetFace removes duplicates.
          const cp = text.codePointAt(i)!
          list.push(cp)
          if (cp > 0xffff) i++
          continue
        }
        seen[c] = seen[c]! | bit
        list.push(c)
      }
    }
  }
  for (const page of kit.pages) {
    collect(page.items)
    collect(page.furniture)
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

/** A rounded coordinate for dictionaries. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

/** A URI as PDF wants it: 7-bit ASCII, other characters percent-encoded. */
function asciiUri(href: string): string {
  return href.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c))
}

/** The bookmark tree: each entry's parent is the nearest earlier entry of a lower level. */
function writeOutline(doc: PDFDocument, pages: readonly PageRef[], entries: readonly OutlineEntry[], pageHeight: number): void {
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
