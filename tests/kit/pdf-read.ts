/** Reading rendered PDFs back with poppler and qpdf, as a teacher's viewer would: text per page, word boxes, bookmarks, placed pictures. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 256 << 20 });

/** The text of every page, page 1 first: laid out as on the page (-layout), or in the order it was drawn (-raw). */
export function pageTexts(file: string, raw = false): string[] {
  const pages = run('pdftotext', '-enc', 'UTF-8', raw ? '-raw' : '-layout', file, '-').split('\f');
  return pages.slice(0, -1);
}

/** A word on a page and its box (pt, y from the top). */
export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of every page with their boxes (pdftotext -bbox). */
export function pageWords(file: string): Word[][] {
  const xhtml = run('pdftotext', '-enc', 'UTF-8', '-bbox', file, '-');
  return xhtml.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"),
    })),
  );
}

/** A bookmark: its title, nesting depth and the page it opens (1-based). */
export interface Bookmark {
  title: string;
  depth: number;
  page: number;
  kids: Bookmark[];
}

/** The bookmark tree (qpdf --json). */
export function bookmarks(file: string): Bookmark[] {
  type Raw = { title: string; destpageposfrom1: number; kids: Raw[] };
  const walk = (list: Raw[], depth: number): Bookmark[] => list.map((entry) => ({ title: entry.title, depth, page: entry.destpageposfrom1, kids: walk(entry.kids, depth + 1) }));
  return walk(JSON.parse(run('qpdf', '--json', '--json-key=outlines', file)).outlines as Raw[], 0);
}

/** Every bookmark of a tree, depth first. */
export function allBookmarks(tree: readonly Bookmark[]): Bookmark[] {
  return tree.flatMap((entry) => [entry, ...allBookmarks(entry.kids)]);
}

/** A picture placed on a page: its size and place (pt) and its XObject's bounding box (a vector picture's viewBox). */
export interface Placed {
  page: number;
  width: number;
  height: number;
  x: number;
  y: number;
  bbox: number[];
}

/** The document with its streams uncompressed (qpdf --qdf), as Latin-1 text. */
function uncompressed(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'qdf-'));
  try {
    const out = join(dir, 'q.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, out]);
    return readFileSync(out, 'latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each page's content stream (1-based page numbers), uncompressed. */
function contentStreams(text: string): Map<number, string> {
  const streams = new Map<number, string>();
  const chunks = text.split(/%% Contents for page (\d+)\n/);
  for (let i = 1; i < chunks.length; i += 2) streams.set(Number(chunks[i]), chunks[i + 1]!.slice(0, chunks[i + 1]!.indexOf('endstream')));
  return streams;
}

/** pt: the type sizes each page sets text in (every `Tf` of its content stream), page 1 first. */
export function typeSizes(file: string): Set<number>[] {
  const streams = contentStreams(uncompressed(file));
  return [...streams.keys()].sort((a, b) => a - b).map((page) => new Set([...streams.get(page)!.matchAll(/\/F\d+ ([\d.]+) Tf/g)].map((m) => Number(m[1]))));
}

/**
 * The form fields of every page, as the number of ruled writing lines each has: the kit strokes a field's lines together,
 * in the writing lines' grey and width (`q 0.45 G 0.6 w … S Q`).
 */
export function writingLines(file: string): { page: number; lines: number }[] {
  const found: { page: number; lines: number }[] = [];
  for (const [page, stream] of contentStreams(uncompressed(file))) {
    for (const m of stream.matchAll(/q 0\.45 G 0\.6 w\n([\s\S]*?) S Q/g)) found.push({ page, lines: [...m[1]!.matchAll(/ l\b/g)].length });
  }
  return found;
}

/** The pictures placed on every page (`w 0 0 h x y cm /ImN Do` in the uncompressed content streams, qpdf --qdf). */
export function placedPictures(file: string): Placed[] {
  {
    const text = uncompressed(file);
    const bboxOf = (name: string): number[] => {
      const ref = new RegExp(`/${name} (\\d+) 0 R`).exec(text)?.[1];
      const object = ref ? text.slice(text.indexOf(`\n${ref} 0 obj`)) : '';
      return (/\/BBox \[([^\]]*)\]/.exec(object.slice(0, 2000))?.[1] ?? '').trim().split(/\s+/).map(Number);
    };
    const found: Placed[] = [];
    for (const [page, stream] of contentStreams(text)) {
      for (const m of stream.matchAll(/([\d.-]+) 0 0 ([\d.-]+) ([\d.-]+) ([\d.-]+) cm \/(Im\d+) Do/g)) {
        found.push({ page, width: Number(m[1]), height: Number(m[2]), x: Number(m[3]), y: Number(m[4]), bbox: bboxOf(m[5]!) });
      }
    }
    return found;
  }
}

/** Text compared whatever the line breaks, hyphenation and typographic marks: lower case, letters and digits only. */
export function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** pt: how far down the content box (62 pt below the top, 718 pt tall on A4) the lowest word of a page's body reaches, as a share. */
export function fullness(words: readonly Word[], pageHeight = 841.89): number {
  const top = 62;
  const bottom = pageHeight - 62;
  const body = words.filter((word) => word.yMin > top - 2 && word.yMax < bottom + 2);
  if (!body.length) return 0;
  return (Math.max(...body.map((word) => word.yMax)) - top) / (bottom - top);
}
