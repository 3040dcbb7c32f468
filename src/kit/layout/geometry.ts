/** Page geometry and the type scale: every number with its unit, in one place. */
import type { Box, Paper } from './types.ts'

/** pt: paper sizes (A4 210×297 mm, US Letter 8.5×11 in). */
export const PAPER: Readonly<Record<Paper, { width: number; height: number }>> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
}

/** pt: side margins (20 mm: school printers cannot print to the edge). */
export const MARGIN_X = 56.7
/** pt: top margin; the running header sits inside it. */
export const MARGIN_TOP = 62
/** pt: bottom margin; the footer sits inside it. */
export const MARGIN_BOTTOM = 62
/** pt: baseline of the running header from the page top. */
export const HEADER_BASELINE = 36
/** pt: baseline of the footer from the page bottom. */
export const FOOTER_BASELINE = 34
/** pt: size of header and footer text. */
export const FURNITURE_SIZE = 8.5
/** pt: smallest size header and footer text shrinks to before it is cut with an ellipsis. */
export const FURNITURE_MIN_SIZE = 6.5

/** pt: body text size. */
export const BODY_SIZE = 11
/** Line height as a multiple of the type size. */
export const LEADING = 1.36
/** pt: heading sizes by level. */
export const HEADING_SIZE: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 20, 2: 15, 3: 12.5, 4: 11 }
/** Space above a heading, as a multiple of its size. */
export const HEADING_GAP = 0.9
/** pt: space between paragraphs and other blocks. */
export const BLOCK_GAP = 7
/** pt: space between list items. */
export const ITEM_GAP = 3
/** pt: indent per list level; the marker hangs in it. */
export const LIST_INDENT = 18
/** Table text size relative to the body. */
export const TABLE_SCALE = 0.92
/** pt: cell padding, horizontal and vertical. */
export const CELL_PAD_X = 5
export const CELL_PAD_Y = 3.5
/** pt: table rule width. */
export const TABLE_RULE = 0.6
/** Grey of table rules and the header ground (0 black … 1 white). */
export const TABLE_RULE_GRAY = 0.35
export const TABLE_HEADER_FILL = 0.9
/** Narrowest column, as a multiple of the type size, so a single character always fits. */
export const MIN_COLUMN_EM = 2.5
/** A table row taller than this share of the content height is split between its lines (only a row that cannot fit a page: slicing sets cells line by line, out of reading order). */
export const ROW_SLICE_SHARE = 1
/** pt: the narrowest column nesting may leave (lists in boxes in lists…); deeper levels stop indenting. */
export const MIN_COLUMN_WIDTH = 120

/** pt: box padding. */
export const BOX_PAD = 9
/** Grey ground of a note box (light, for grayscale printers). */
export const NOTE_FILL = 0.93
/** pt: safeguarding box border. */
export const SAFEGUARDING_RULE = 1.4
/** pt: indent of a script box and the width of its bar. */
export const SCRIPT_INDENT = 16
export const SCRIPT_BAR = 2.5
/** Grey of the script bar. */
export const SCRIPT_BAR_GRAY = 0.55

/** pt: pictures are placed at 150 dpi unless the block says otherwise. */
export const IMAGE_DPI = 150
/** Largest picture height as a share of the content height. */
export const IMAGE_MAX_SHARE = 0.6
/** Caption size relative to the body. */
export const CAPTION_SCALE = 0.88
/** Largest height of a `half` picture, as a share of the content height. */
export const HALF_PICTURE_SHARE = 0.5
/** Height a `page` picture starts at, as a share of the content height, before it grows to fill its page. */
export const PAGE_PICTURE_START = 0.25

/** Cards per grid row. */
export const CARD_COLUMNS = 2
/** pt: card height (about 58 mm: four rows and a title fit an A4 page). */
export const CARD_HEIGHT = 162
/** pt: padding inside a card. */
export const CARD_PAD = 12
/** pt: largest and smallest card text size; text that does not fit at the smallest is an author error. */
export const CARD_MAX_SIZE = 18
export const CARD_MIN_SIZE = 9
/** pt: the largest card text on cards grown to fill their sheet (a few cards: signs for the board). */
export const CARD_GROWN_MAX_SIZE = 40
/** pt: the least a row of cards grows by when its sheet has room (less is not worth setting the cards again). */
export const CARD_GROW_MIN = 12
/** pt: step when shrinking card text. */
export const CARD_SIZE_STEP = 0.5
/** pt: the shortest a card gets (about 35 mm) when a set is fitted onto one sheet fewer. */
export const CARD_MIN_HEIGHT = 100
/** pt: the smallest type a set's cards may shrink to so that the set takes one sheet fewer. */
export const CARD_READABLE_SIZE = 11
/** pt: dash pattern of cut lines. */
export const CUT_DASH: readonly number[] = [4, 3]
/** pt: cut line width and grey. */
export const CUT_LINE = 0.6
export const CUT_GRAY = 0.3
/** pt: the scissors mark's size. */
export const SCISSORS = 14

/** pt: distance between a form field's writing lines (about 8.5 mm, handwriting of 11–17-year-olds; more for larger type). */
export const FIELD_LINE_PITCH = 24
/** pt: a writing line's distance above the bottom of its pitch. */
export const FIELD_LINE_DROP = 4
/** pt: width and grey of a writing line. */
export const FIELD_LINE_WIDTH = 0.6
export const FIELD_LINE_GRAY = 0.45
/** The most writing lines a field grows to. */
export const FIELD_MAX_LINES = 8
/** Characters of an ordinary blank ("____…" as authors draw one): a field with a blank this long (or none drawn) grows with weight 1. */
export const FIELD_BLANK_LENGTH = 46

/**
 * A page less full than this share of the content height is pulled back or balanced with the page before it (a little
 * more than the quarter the kit promises, as the last row of a page may be padding).
 */
export const MIN_PAGE_FILL = 0.3

/** pt: the name/date line's height and the share of the width its name field takes. */
export const NAME_LINE_HEIGHT = 30
export const NAME_FIELD_SHARE = 0.62

/** The content box of a page of the given paper. */
export function contentBox(paper: Paper): Box {
  const { width, height } = PAPER[paper]
  return { x: MARGIN_X, y: MARGIN_TOP, width: width - 2 * MARGIN_X, height: height - MARGIN_TOP - MARGIN_BOTTOM }
}
