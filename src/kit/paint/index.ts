/**
 * Paint: laid-out pages → PDF bytes. The only module that imports pdf-lib. Each page's content stream is
 * written once, straight into bytes (`content.ts`: character codes in literal strings, kerning as TJ numbers), and
 * deflated with Node's zlib, partly on a helper thread while later pages are written (`deflate.ts`); the fonts are
 * subset (HarfBuzz) to the characters the kit is expected to draw, on that thread while the pages were laid out, and to
 * any the pages drew beyond them here (`font-programs.ts`), with content-derived names; metadata dates come from the
 * caller: same input, same bytes.
 */
import { PDFArray, PDFDocument, PDFName, PDFNull, PDFNumber, PDFPageLeaf, type PDFDict, type PDFObject, type PDFRef } from 'pdf-lib'
import type { ImageBlock } from '../blocks.ts'
import type { LaidOutKit, LinkArea, OutlineEntry } from '../layout/types.ts'
import type { FontSet } from '../text/fonts.ts'
import type { FontId } from '../text/types.ts'
import { FONT_IDS } from '../text/types.ts'
import { StreamBatch } from './deflate.ts'
import { embedOneByteCMap, embedSubset } from './fonts.ts'
import { FontPrograms } from './font-programs.ts'
import { embedImage } from './images.ts'
import { ContentWriter, FONT_RESOURCE } from './content.ts'
import { stopwatch, type StageTimes } from '../timings.ts'
import { isExternalLink } from '../../model/links.ts'
import { dateString, literalString, textString } from './pdf-strings.ts'

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

/** A painted kit: its bytes, and the characters it draws in a face without a glyph for them (author errors to report). */
export interface Painted {
  pdf: Uint8Array
  missingGlyphs: readonly { codePoint: number; font: FontId }[]
}

/**
 * Paints a laid-out kit into PDF bytes. `programs`: the font programs, ordered before layout from the characters the
 * kit is expected to draw (`FontPrograms`); by default each face is subset to the characters its pages drew.
 */
export async function paintKit(kit: LaidOutKit, fonts: FontSet, meta: PdfMeta, times?: StageTimes, programs = new FontPrograms(fonts)): Promise<Painted> {
  // One-byte codes fit every kit so far; a face with more than 255 characters needs the document written again.
  return (await paintWith(kit, fonts, meta, programs, 1, times)) ?? (await paintWith(kit, fonts, meta, programs, 2, times))!
}

/** Paints with one- or two-byte codes; undefined when a face has more characters than one-byte codes hold. */
async function paintWith(kit: LaidOutKit, fonts: FontSet, meta: PdfMeta, programs: FontPrograms, codeBytes: 1 | 2, times?: StageTimes): Promise<Painted | undefined> {
  const lap = stopwatch(times)
  const doc = await PDFDocument.create({ updateMetadata: false })
  writeMetadata(doc, meta)
  const context = doc.context
  const streams = new StreamBatch(context)
  const images = await embedImages(doc, streams, kit)
  lap('paint: pictures')

  // Every page shares one resource dictionary (all the fonts and pictures), filled in once the fonts exist; per-page
  // dictionaries through pdf-lib's page API cost ~0.02 ms a page and entry for nothing a viewer needs.
  const resources = context.nextRef()
  const mediaBox = context.obj([0, 0, kit.width, kit.height])
  const pages: PageRef[] = []
  const writer = new ContentWriter(fonts, images, codeBytes)
  for (const page of kit.pages) {
    const pdfPage = appendPage(doc, mediaBox, resources)
    pages.push(pdfPage)
    const used = writer.page([page.items, page.furniture], kit.height)
    if (writer.overflowed) {
      writer.release()
      streams.abandon()
      return undefined
    }
    pdfPage.node.set(PDFName.of('Contents'), streams.add(used.bytes))
    lap('paint: page contents')
    // Only links out of the kit (web, e-mail, phone) become clickable; the reader lets no other kind through, and a
    // relative link would resolve against wherever the PDF file lies.
    const links = page.links.filter((link) => isExternalLink(link.href))
    if (links.length > 0) pdfPage.node.set(PDFName.of('Annots'), context.obj(links.map((link) => context.register(linkAnnotation(context, link, kit.height)))))
    lap('paint: page objects')
  }

  // The characters of each face are known now that every page is written: the font programs (subset ahead, mostly)
  // and the fonts' objects, which give each code its glyph, width and character.
  const codes = writer.codes()
  const missingGlyphs = writer.missingGlyphs
  writer.release()
  const used = FONT_IDS.filter((id) => codes.has(id))
  const encoding = codeBytes === 1 && used.length > 0 ? embedOneByteCMap(context) : undefined
  const fontRefs = used.map((id) => {
    const program = programs.add(streams, id, codes.get(id)!.slice(1))
    return [FONT_RESOURCE[id], embedSubset(context, streams, fonts[id], program, codes.get(id)!, encoding)] as const
  })
  const pictures = [...new Set(images.values())].map(({ name, ref }) => [name, ref] as const)
  context.assign(resources, context.obj({ Font: Object.fromEntries(fontRefs), XObject: Object.fromEntries(pictures) }))
  lap('paint: fonts')
  writeOutline(doc, pages, kit.outline, kit.height)
  lap('paint: page objects')
  streams.finish()
  lap('paint: deflate')
  // objectsPerTick: pdf-lib otherwise yields to the event loop (setTimeout, ≥ 1 ms) every 50 objects while writing.
  const pdf = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity })
  lap('paint: save')
  return { pdf, missingGlyphs }
}

/** A page of the document being written: its dictionary and its reference. */
interface PageRef {
  node: PDFPageLeaf
  ref: PDFRef
}

/**
 * Appends a page with the given media box and resources. Unlike `doc.addPage`, it does not walk every earlier page to
 * find the insertion point (quadratic in the page count; the kit only appends).
 */
function appendPage(doc: PDFDocument, mediaBox: PDFObject, resources: PDFRef): PageRef {
  const context = doc.context
  const entries = new Map<PDFName, PDFObject>([
    [PDFName.of('Type'), PDFName.of('Page')],
    [PDFName.of('Parent'), doc.catalog.get(PDFName.of('Pages')) as PDFRef],
    [PDFName.of('Resources'), resources],
    [PDFName.of('MediaBox'), mediaBox],
  ])
  const node = PDFPageLeaf.fromMapWithContext(entries, context, false)
  const ref = context.register(node)
  doc.catalog.Pages().pushLeafNode(ref)
  return { node, ref }
}

/** A clickable link over an area of a page (y measured from the top, as layout gives it). */
function linkAnnotation(context: PDFDocument['context'], link: LinkArea, pageHeight: number): PDFObject {
  return context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [link.x, pageHeight - link.y - link.height, link.x + link.width, pageHeight - link.y].map(round),
    Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: literalString(asciiUri(link.href)) },
  })
}

/** Title, author, subject, keywords, language, creator, producer and the two dates (every string through pdf-strings.ts). */
function writeMetadata(doc: PDFDocument, meta: PdfMeta): void {
  const context = doc.context
  const info: Record<string, PDFObject> = { Title: textString(meta.title) }
  if (meta.author) info.Author = textString(meta.author)
  if (meta.subject) info.Subject = textString(meta.subject)
  if (meta.keywords?.length) info.Keywords = textString(meta.keywords.join(' '))
  info.Creator = textString(meta.creator ?? 'lesson-kits')
  info.Producer = textString(meta.producer ?? 'lesson-kits (pdf-lib)')
  info.CreationDate = dateString(meta.created)
  info.ModDate = dateString(meta.modified ?? meta.created)
  context.trailerInfo.Info = context.register(context.obj(info))
  // Viewers show the title, not the file name, in the window's title bar.
  doc.catalog.getOrCreateViewerPreferences().setDisplayDocTitle(true)
  doc.catalog.set(PDFName.of('Lang'), literalString(asciiUri(meta.lang)))
}

/**
 * Pictures embedded once each, named Im1, Im2, … in first-use order: a picture file placed twice in a lesson (two
 * blocks with their own captions, one drawing) is one XObject.
 */
async function embedImages(doc: PDFDocument, streams: StreamBatch, kit: LaidOutKit): Promise<Map<ImageBlock, { name: string; ref: PDFRef }>> {
  const out = new Map<ImageBlock, { name: string; ref: PDFRef }>()
  // The reader gives every use of one file the same drawing or data object.
  const bySource = new Map<object, { name: string; ref: PDFRef }>()
  for (const page of kit.pages) {
    for (const it of page.items) {
      if (it.kind !== 'image' || out.has(it.image)) continue
      const source = it.image.vector ?? it.image.data
      let embedded = bySource.get(source)
      if (!embedded) {
        embedded = { name: `Im${bySource.size + 1}`, ref: await embedImage(doc, streams, it.image) }
        bySource.set(source, embedded)
      }
      out.set(it.image, embedded)
    }
  }
  return out
}

/** A rounded coordinate for dictionaries. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

/** A URI as PDF wants it: 7-bit ASCII, other characters percent-encoded (a lone surrogate as U+FFFD, never a throw). */
export function asciiUri(href: string): string {
  return href.toWellFormed().replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c))
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
    dict.set(PDFName.of('Title'), textString(e.title))
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
