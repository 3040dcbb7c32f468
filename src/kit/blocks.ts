/**
 * The closed vocabulary of kit blocks: what `read/` produces from a lesson and `layout/` consumes.
 * Plain data only (no functions, no classes), so blocks can be snapshotted, compared and built by hand.
 */

/** Where a block came from in the lesson source; the caller adds the file name to errors. */
export interface SourcePos {
  line: number
  column?: number
}

/** A stretch of inline text with one style; a paragraph is a list of runs. */
export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
  /** Inline code: set in the regular face on a light grey ground (PT Sans has no monospace). */
  code?: boolean
  /** A clickable link; layout may also print the address after the text (see `printUrls`). */
  href?: string
  /** A list marker on a card ("1.", "•"): the item's following lines hang after it. */
  marker?: boolean
}

/** Horizontal alignment of a table column. */
export type Align = 'left' | 'center' | 'right'

/**
 * A section heading; levels 1–2 also become PDF bookmarks. Always kept with the next block and at least two lines of
 * what follows it; never hyphenated.
 */
export interface HeadingBlock {
  kind: 'heading'
  level: 1 | 2 | 3 | 4
  runs: Run[]
  /** false: no bookmark of its own (the title of a part whose page break is bookmarked already). */
  bookmark?: boolean
  pos?: SourcePos
}

/** A paragraph of running text. */
export interface ParagraphBlock {
  kind: 'paragraph'
  runs: Run[]
  /** Type size relative to the body (1 by default): the phone numbers of the pupils' helplines sheet are set large. */
  scale?: number
  /** Kept on its page with the next block and two lines of it: a label, a stage's timing line, a question before its answer. */
  keepWithNext?: boolean
  pos?: SourcePos
}

/** An ordered or unordered list; each item is a list of blocks (so items nest lists). */
export interface ListBlock {
  kind: 'list'
  ordered: boolean
  /** First number of an ordered list; 1 by default. */
  start?: number
  items: Block[][]
  pos?: SourcePos
}

/** A GFM table: one header row, body rows, cells of inline runs; split by rows with the header repeated. */
export interface TableBlock {
  kind: 'table'
  header: Run[][]
  rows: Run[][][]
  /** One per column; missing columns are left-aligned. */
  align: Align[]
  /** Keep the whole table on one page when it fits on one (a small table). */
  unsplittable?: boolean
  /** Set at the body size of its part (a table on a pupil's sheet), not the smaller size of the teacher's tables. */
  bodySize?: boolean
  pos?: SourcePos
}

/** An RGB colour, each channel 0…1. */
export type Rgb = readonly [number, number, number]

/** One filled and/or stroked shape of a vector picture, in the picture's own coordinates (y down, as in SVG). */
export interface VectorShape {
  /**
   * The outline as absolute PDF path operators, one byte each as PDF spells them: `m` and `l` (2 operands), `c` (6),
   * `h` (none). read/ parses SVG path data (and basic shapes) into it once, so paint only writes numbers.
   */
  ops: Uint8Array
  /** The operands of `ops`, in order, in the shape's coordinates. */
  coords: Float64Array
  fill: Rgb | null
  /** `evenodd` or `nonzero` (default). */
  fillRule?: 'evenodd' | 'nonzero'
  stroke: Rgb | null
  strokeWidth: number
  lineJoin?: 'miter' | 'round' | 'bevel'
  lineCap?: 'butt' | 'round' | 'square'
  dash?: readonly number[]
  /** 0…1, applied to fill and stroke. */
  opacity?: number
  /** Affine matrix [a b c d e f] from the shape's coordinates to the picture's. */
  transform: readonly [number, number, number, number, number, number]
}

/** A vector picture (an SVG made of plain shapes): drawn as paths, sharp at any size and cheap to print. */
export interface VectorDrawing {
  viewBox: { x: number; y: number; width: number; height: number }
  shapes: readonly VectorShape[]
}

/** A picture: PNG or JPEG bytes (read/ converts other formats with sharp), or a vector drawing. */
export interface ImageBlock {
  kind: 'image'
  format: 'png' | 'jpeg' | 'vector'
  /** The PNG or JPEG bytes; empty for a vector drawing. */
  data: Uint8Array
  /** For `vector`: the shapes to draw. */
  vector?: VectorDrawing
  /** Pixel size of `data` (for a vector drawing: its viewBox size). */
  width: number
  height: number
  /** Placed width in pt of a `small` picture; by default the picture is set at 150 dpi, never wider than the column. */
  placedWidth?: number
  /** How large it is set (`PictureSize`); `small` by default. */
  size?: PictureSize
  alt: string
  /** Printed under the picture when the author gives one. */
  caption?: Run[]
  pos?: SourcePos
}

/**
 * How large a picture is set: `small` (at most about 8 × 5 cm, beside the text), `half` (the column's width, at most half
 * the page's height), `page` (as large as the rest of its page allows: a picture to show to a class, a sheet to draw on).
 */
export type PictureSize = 'small' | 'half' | 'page'

/**
 * How a box looks: `note` shaded, `script` indented with a bar, `safeguarding` ruled all round, `plain` nothing at all
 * (a group kept together on one page: an entry of the helplines sheet).
 */
export type BoxVariant = 'note' | 'script' | 'safeguarding' | 'plain'

/** A callout box of blocks; `unsplittable` boxes move whole to the next page when they fit on one. */
export interface BoxBlock {
  kind: 'box'
  variant: BoxVariant
  title?: Run[]
  children: Block[]
  unsplittable?: boolean
  pos?: SourcePos
}

/** A thin horizontal rule across the column. */
export interface RuleBlock {
  kind: 'rule'
  pos?: SourcePos
}

/**
 * Start a new page (never an empty one); `outline` adds a top-level bookmark, `textScale` sizes the type that follows,
 * `recto` starts the part on a new sheet of a double-sided print.
 */
export interface PageBreakBlock {
  kind: 'pageBreak'
  outline?: string
  /** Multiplies every type size until the next page break (1 by default; handouts for young bands use ~1.25). */
  textScale?: number
  /**
   * Start on an odd page, so the part begins a new sheet when printed double-sided: the page before is then an
   * intentionally blank back, marked as such. Pupils' parts, station sheets and the memo start so.
   */
  recto?: boolean
  /**
   * The part is one page (a poster): its type is set at `textScale`, or as much smaller as it takes (down to the body
   * size) for all of it to fit one page.
   */
  onePage?: boolean
  pos?: SourcePos
}

/** A top-level bookmark at the next block, without a new page (a short part that follows another on its page). */
export interface SectionBlock {
  kind: 'section'
  outline: string
  pos?: SourcePos
}

/**
 * Cut-out cards: on their own sheets (every page of cards starts a new sheet and has a blank back, as cutting would
 * destroy anything printed behind it), in a grid with dashed cut lines. All cards of a set are set in one type size,
 * the largest at which every card fits. A card's paragraphs are separated by `\n` runs; a card with a list is set
 * left-aligned, each item on its own line after its marker (`Run.marker`), other cards centred.
 */
export interface CardsBlock {
  kind: 'cards'
  title: Run[]
  cards: Run[][]
  pos?: SourcePos
}

/**
 * A form field: its label (if any), then ruled lines to write on. It has at least `lines` lines, and more where its page
 * has room (the free space of a page is shared between its fields), so a form fills its sheet.
 */
export interface FieldBlock {
  kind: 'field'
  label: Run[]
  /** The fewest writing lines. */
  lines: number
  /** How long the author drew the blank (characters): a longer blank gets a larger share of its sheet's free space. */
  length?: number
  pos?: SourcePos
}

/** The "name: ____ date: ____" line at the top of a handout. */
export interface NameLineBlock {
  kind: 'nameLine'
  /** Labels printed as given, e.g. "Ім’я:" and "Дата:" (UI strings come from src/i18n/). */
  nameLabel: string
  dateLabel: string
  pos?: SourcePos
}

/** Any kit block. */
export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | ImageBlock
  | BoxBlock
  | RuleBlock
  | PageBreakBlock
  | SectionBlock
  | CardsBlock
  | NameLineBlock
  | FieldBlock

/** The kind tag of every block, in one list (tests and read/ check exhaustiveness against it). */
export const BLOCK_KINDS = [
  'heading',
  'paragraph',
  'list',
  'table',
  'image',
  'box',
  'rule',
  'pageBreak',
  'section',
  'cards',
  'nameLine',
  'field',
] as const satisfies readonly Block['kind'][]

/** Concatenated text of runs (for errors, alt text and tests). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('')
}
