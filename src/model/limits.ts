/**
 * How large a lesson may be: every limit the checker, the site build and the kit renderer enforce, in one place and
 * documented for authors in docs/AUTHORING.md ("Limits"). Each is far above what a real lesson needs (the figures
 * for today's library are in docs/ARCHITECTURE.md) and low enough that no input makes a tool hang or run out of memory.
 */

/** bytes: the largest lesson file (index.mdx) read; larger ones are refused without being read. */
export const MAX_LESSON_BYTES = 256 * 1024;

/** bytes: the largest shared data file (lessons/_data/*.yaml, *.md) and site page (lessons/_pages/*.mdx) read. */
export const MAX_DATA_BYTES = 256 * 1024;

/** bytes: the largest picture file read. */
export const MAX_PICTURE_BYTES = 16 * 1024 * 1024;

/**
 * pixels (width × height): the largest raster picture decoded (a phone photo of 48 megapixels is below it); an SVG is
 * rasterised at a density that keeps it within this too.
 */
export const MAX_PICTURE_PIXELS = 50_000_000;

/**
 * levels: the deepest nesting of lists, block quotes, components, emphasis and links inside one another. Real lessons
 * reach 6; every reader of the lesson tree recurses at most this deep (times the few nodes per level).
 */
export const MAX_NESTING = 16;

/**
 * `{` characters in a lesson body: MDX reads each as the start of code, and its parser slows down with the square of
 * their number. A lesson needs two per component with a number attribute (`minutes={5}`).
 */
export const MAX_BRACES = 1_000;

/** columns: the widest table a kit page can set readably (each column about 4 cm at the table's type size). */
export const MAX_TABLE_COLUMNS = 10;

/**
 * characters: the longest stretch of letters hyphenated with the patterns; a longer "word" breaks at the line width
 * without a hyphen (the pattern engine's work grows faster than the word).
 */
export const MAX_HYPHENATED_WORD = 64;
