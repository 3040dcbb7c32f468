/**
 * One part of a kit, laid out and painted on its own: the blocks from a page break on (`splitPoint`). A render gives
 * its second part to the helper thread (`paint/deflate-helper.ts`), which lays it out while the first part is laid out
 * here, and writes its pages while the first part's are written here; without a helper, the same code runs here. A
 * part comes out the same either way: the same blocks and settings, the same fonts, the character codes fixed before
 * the first page (`ContentWriter` preset), so the kit is the same.
 */
import type { Block, ImageBlock } from './blocks.ts'
import { imageBlocks } from './blocks.ts'
import { t } from '../i18n/index.ts'
import type { Lang } from '../model/formats.ts'
import { furnishPart, layoutPart, newLayoutCache, PAPER, type LaidOutPart, type LayoutCache, type LayoutError, type LayoutOptions, type LinkArea, type OutlineEntry, type Paper } from './layout/index.ts'
import { ContentWriter } from './paint/content.ts'
import { fontMetrics, loadFonts } from './text/fonts.ts'
import { hyphenateUk } from './text/hyphenate.ts'
import type { FontId } from './text/types.ts'

/** What a kit's layout options are made from: plain data, so it can go to the helper thread. */
export interface PartSettings {
  lang: Lang
  paper: Paper
  /** The running header (lesson title; bands) and the footer's left side (licence). */
  headerLeft: string
  headerRight: string
  footerLeft: string
}

/** A kit's layout options (the fonts, the Ukrainian hyphenation, the UI strings of its language). */
export function layoutOptionsFor(settings: PartSettings): LayoutOptions {
  const s = t(settings.lang)
  return {
    metrics: fontMetrics(loadFonts()),
    hyphenate: hyphenateUk,
    paper: settings.paper,
    continued: s.continued,
    headerLeft: settings.headerLeft,
    headerRight: settings.headerRight,
    footerLeft: settings.footerLeft,
    pageLabel: s.pageOf,
  }
}

/** A part laid out: how many pages it takes, its bookmarks (page indices within the part), or its author errors. */
export interface PartLayout {
  pages: number
  outline: OutlineEntry[]
  errors: LayoutError[]
}

/** How a part's pages are painted: where they stand in the kit, and the codes fixed for the whole document. */
export interface PartPaintOrder {
  /** The kit page number of the part's first page, and the kit's page count (for the footer). */
  first: number
  total: number
  /** Each face's characters in code order, and the bytes a code takes (`ContentWriter`). */
  preset: [FontId, readonly number[]][]
  codeBytes: 1 | 2
  /** The XObject name of each picture block of the part, in reading order (`imageBlocks`). */
  pictures: string[]
}

/** A part's pages painted: each page's content stream and links; what stops the document from being finished as is. */
export interface PaintedPart {
  contents: Uint8Array[]
  links: LinkArea[][]
  missingGlyphs: { codePoint: number; font: FontId }[]
  /** Characters drawn beyond the preset codes, by face; or a face had more than one-byte codes hold. */
  beyondPreset: [FontId, number[]][]
  overflowed: boolean
  /** The faces the pages drew. */
  faces: FontId[]
}

/** A part of one kit: laid out (again, as page numbers settle) and painted. */
export class KitPart {
  private blocks: Block[]
  private readonly options: LayoutOptions
  private readonly cache: LayoutCache = newLayoutCache()
  private laid: LaidOutPart | undefined

  constructor(blocks: Block[], settings: PartSettings) {
    this.blocks = blocks
    this.options = { ...layoutOptionsFor(settings), checkGlyphs: false, cache: this.cache }
  }

  /** Lays the part out; with `swaps` (index → block), after replacing those of its top-level blocks (page numbers changed). */
  layout(swaps: readonly [number, Block][] = []): PartLayout {
    if (swaps.length > 0) {
      this.blocks = this.blocks.slice()
      for (const [index, block] of swaps) this.blocks[index] = block
    }
    const result = layoutPart(this.blocks, this.options)
    this.laid = result.ok ? result.part : undefined
    return result.ok ? { pages: result.part.pages.length, outline: result.part.outline, errors: [] } : { pages: 0, outline: [], errors: result.errors }
  }

  /** The part's pages as laid out last, without furniture. */
  pages(): LaidOutPart {
    if (!this.laid) throw new Error('the part is not laid out')
    return this.laid
  }

  /** Paints the pages as laid out last, each with its running header and footer. */
  paint(order: PartPaintOrder): PaintedPart {
    const part = this.pages()
    const names = new Map<ImageBlock, { name: string }>(imageBlocks(this.blocks).map((image, i) => [image, { name: order.pictures[i]! }]))
    const writer = new ContentWriter(loadFonts(), names, order.codeBytes, new Map(order.preset))
    const furnished = furnishPart(part, this.options, order.first, order.total)
    const height = PAPER[this.options.paper ?? 'a4'].height
    const contents: Uint8Array[] = []
    try {
      for (const page of furnished) {
        contents.push(writer.page([page.items, page.furniture], height).bytes.slice())
        if (writer.overflowed || writer.beyondPreset.size > 0) break
      }
      return {
        contents,
        links: furnished.map((page) => page.links),
        missingGlyphs: writer.missingGlyphs,
        beyondPreset: [...writer.beyondPreset],
        overflowed: writer.overflowed,
        faces: [...writer.codes().keys()],
      }
    } finally {
      writer.release()
    }
  }
}
