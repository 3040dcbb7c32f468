/**
 * What the build gives Pagefind for a Ukrainian page, and the lexicon it writes for the browser (src/site/words.ts
 * explains the scheme). Pagefind indexes words as they are written and has no Ukrainian stemmer, so the copy of a page
 * that Pagefind reads (never the page served) has, after each word of its indexed text, the tokens of the word's groups:
 * "паролі ꙮ1f3". A query for any form of пароль is then a query for "ꙮ1f3", which Pagefind counts, weighs (a heading
 * more than a paragraph) and places like the word itself. Pure string functions: no DOM, no Node.
 */
import { normalizeText, TOKEN_MARK, type LexiconData } from './words.ts';

/** The lexicon script, from the site root: a classic script, the one kind of file a page opened from disk can load. */
export const LEXICON_FILE = 'search/lexicon.js';

/** The global the lexicon script sets. */
export const LEXICON_GLOBAL = 'lessonKitsLexicon';

/** The lexicon script's text. */
export function lexiconScript(data: LexiconData): string {
  return `self.${LEXICON_GLOBAL} = ${JSON.stringify(data)};\n`;
}

/** Comments, scripts and styles (skipped whole), and tags; the text between them is what gets tokens. */
const MARKUP = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?[a-zA-Z][^>]*>/g;

/** A word in HTML text: letters and digits, an apostrophe (or its entity) inside. */
const HTML_WORD = /[\p{L}\p{N}\u0301]+(?:(?:&#39;|&#x27;|&apos;|[’ʼ'`‘])[\p{L}\p{N}\u0301]+)*/gu;

/** Elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Text Pagefind takes as exact values (filters, metadata the page shows) or leaves out: no tokens there. The title and
 * `about` (what a lesson is about, searched with a weight of its own) get tokens.
 */
const NO_TOKENS = /\sdata-pagefind-(?:filter|ignore)\b|\sdata-pagefind-meta="(?!title"|about")/;

/** Whether a built page is in Ukrainian (its `<html lang>`). */
export function isUkrainianPage(html: string): boolean {
  return /<html\b[^>]*\slang="uk"/.test(html);
}

/** Metadata searched with tokens wherever it stands (`about` stands outside the body, so it is not in excerpts). */
const META_WITH_TOKENS = /\sdata-pagefind-meta="(?:title|about)"/;

/**
 * A page with the group tokens of each word inserted after it, inside the indexed part (`data-pagefind-body`) and the
 * title and `about` metadata, except where Pagefind reads exact values or ignores text. `tokensOf` gives a normalised
 * word's tokens.
 */
export function annotateForIndex(html: string, tokensOf: (word: string) => readonly string[]): string {
  const open: { name: string; tokens: boolean }[] = [];
  const tokens = () => open[open.length - 1]?.tokens ?? false;
  let out = '';
  let last = 0;
  for (const match of html.matchAll(MARKUP)) {
    const text = html.slice(last, match.index);
    out += tokens() ? withTokens(text, tokensOf) : text;
    out += match[0];
    last = match.index + match[0].length;
    const tag = /^<(\/?)([a-zA-Z][\w-]*)/.exec(match[0]);
    if (!tag || match[1]) continue; // a comment, script or style
    const name = tag[2].toLowerCase();
    if (tag[1]) {
      const at = open.map((element) => element.name).lastIndexOf(name);
      if (at >= 0) open.length = at;
    } else if (!VOID.has(name) && !match[0].endsWith('/>')) {
      const start = match[0];
      open.push({ name, tokens: !NO_TOKENS.test(start) && (tokens() || /\sdata-pagefind-body\b/.test(start) || META_WITH_TOKENS.test(start)) });
    }
  }
  const rest = html.slice(last);
  return out + (tokens() ? withTokens(rest, tokensOf) : rest);
}

/** HTML text with each word followed by its group tokens. */
function withTokens(text: string, tokensOf: (word: string) => readonly string[]): string {
  return text.replace(HTML_WORD, (word) => {
    const tokens = tokensOf(textWord(word));
    return tokens.length ? `${word} ${tokens.join(' ')}` : word;
  });
}

/** A word of HTML text, normalised. */
function textWord(word: string): string {
  return normalizeText(word.replace(/&#39;|&#x27;|&apos;/g, "'"));
}

/** The normalised words of a page's indexed text (as `annotateForIndex` will give tokens to). */
export function indexedWords(html: string): string[] {
  const words: string[] = [];
  annotateForIndex(html, (word) => {
    words.push(word);
    return [];
  });
  return words;
}

/** The parts of the search index (`SearchPart[]`, from the index's folder), read by the search page. */
export const SEARCH_PARTS_FILE = 'parts.json';

/**
 * A part of the search index: its folder (relative to the first part's, which is `''`) and the word groups its pages
 * have (`groupSet`). Pagefind answers a query word its index lacks with the longest word that begins it, so a group's
 * token is asked only of the parts that have it.
 */
export interface SearchPart {
  path: string;
  groups: string;
}

/** The word groups of some tokens as a bit set (base64), `groupCount` bits. */
export function groupSet(tokens: Iterable<string>, groupCount: number): string {
  const bits = new Uint8Array(Math.ceil(groupCount / 8));
  for (const token of tokens) {
    const group = parseInt(token.slice(TOKEN_MARK.length), 36);
    bits[group >> 3]! |= 1 << (group & 7);
  }
  return btoa(String.fromCharCode(...bits));
}

/** Whether a part has every group token of a query (its other words are Pagefind's to match). */
export function partHasTokens(part: SearchPart, query: string): boolean {
  const bits = atob(part.groups);
  return query
    .split(' ')
    .filter((word) => word.startsWith(TOKEN_MARK))
    .every((token) => {
      const group = parseInt(token.slice(TOKEN_MARK.length), 36);
      return ((bits.charCodeAt(group >> 3) >> (group & 7)) & 1) === 1;
    });
}

/**
 * Bytes of page HTML per part of the search index: Pagefind holds a whole index in memory while it writes it, about
 * 30 bytes per byte of page it was given (measurements in docs/ARCHITECTURE.md, "The build at scale"), so a library is
 * indexed in parts of this size, each by a fresh Pagefind process, and the search page merges them.
 */
export const SEARCH_PART_BYTES = 16 * 1024 * 1024;

/** A page to index: its file (from the site root) and its size. */
export interface IndexedPage {
  file: string;
  bytes: number;
}

/**
 * The pages split into parts of at most `maxBytes` (a page larger alone gets a part of its own), in order of the page's
 * address without its language folder, so a page and its translations stay in one part and every part has each
 * language (Pagefind's search page falls back to another language's index where a part lacks its own). Always at least
 * one part (an empty site still gets its index).
 */
export function searchParts(pages: readonly IndexedPage[], maxBytes: number): string[][] {
  const twinKey = (file: string) => file.replace(/^[a-z]{2}\//, '');
  const groups = new Map<string, IndexedPage[]>();
  for (const page of [...pages].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const key = twinKey(page.file);
    groups.set(key, [...(groups.get(key) ?? []), page]);
  }
  const parts: string[][] = [[]];
  let bytes = 0;
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    const groupBytes = group.reduce((sum, page) => sum + page.bytes, 0);
    if (bytes > 0 && bytes + groupBytes > maxBytes) {
      parts.push([]);
      bytes = 0;
    }
    parts[parts.length - 1]!.push(...group.map((page) => page.file));
    bytes += groupBytes;
  }
  return parts;
}
