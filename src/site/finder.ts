/**
 * The offline finder: search for a site opened from disk (file://), where Pagefind cannot load. It filters by band,
 * format and topic like the full search, and matches the words of a query in each page's title, summary and topics
 * (src/site/words.ts: the same word groups as the full search). Its data is a classic script, `search/finder-data.js`, which sets FINDER_GLOBAL; written at build
 * time from the same lessons the pages show (src/pages/[...locale]/search/finder-data.js.ts).
 */
import type { Lang } from '../model/formats.ts';
import { indexWords, wordMatches, type IndexedWord, type Lexicon } from './words.ts';

/** The global the finder's data script sets (a classic script cannot export). */
export const FINDER_GLOBAL = 'lessonKitsFinder';

/** The name of the finder's data script, beside the search page. */
export const FINDER_DATA_FILE = 'finder-data.js';

/** One page the finder can find. */
export interface FinderEntry {
  /** The page's root-absolute path, as Pagefind records it: `/lessons/<slug>/`. */
  path: string;
  title: string;
  summary: string;
  /** The language of the page's text (an untranslated lesson on an English page is Ukrainian). */
  lang: Lang;
  /** Band, format and duration as the results show them. */
  facts: string;
  /** The page's filter values, as its Pagefind filters (labels in the page's UI language). */
  filters: Record<string, string[]>;
}

/** What the finder found for one entry. */
export interface FinderHit {
  entry: FinderEntry;
  /** The summary's words that matched, to mark them. */
  marked: Set<string>;
}

/** Where in an entry a query word matched, and what that weighs in the order of results. */
const WEIGHTS = { title: 3, topics: 2, summary: 1 } as const;

type Field = keyof typeof WEIGHTS;

/** An entry with its words indexed once. */
interface Prepared {
  entry: FinderEntry;
  fields: Record<Field, IndexedWord[]>;
}

/** An entry with its words indexed once, and the lexicon its Ukrainian words were looked up in. */
export interface PreparedEntries {
  items: Prepared[];
  lexicon?: Lexicon;
}

/** Index the entries' words once, for many searches (Ukrainian words by their word groups when a lexicon is given). */
export function prepareEntries(entries: readonly FinderEntry[], lexicon?: Lexicon): PreparedEntries {
  const items = entries.map((entry) => ({
    entry,
    fields: {
      title: indexWords(entry.title, entry.lang, lexicon),
      topics: indexWords((entry.filters.topic ?? []).join(' '), entry.lang, lexicon),
      summary: indexWords(entry.summary, entry.lang, lexicon),
    },
  }));
  return { items, lexicon };
}

/**
 * The entries that pass every filter and contain every word of the query (in any form), best first: title matches
 * outweigh topic matches, which outweigh summary matches; equal scores keep the data's order (youngest band first).
 * An empty query lists every entry the filters allow, like Pagefind's filter-only search.
 */
export function findEntries(prepared: PreparedEntries, query: string, filters: Record<string, string>): FinderHit[] {
  const scored: { hit: FinderHit; score: number; order: number }[] = [];
  const queryWords = new Map<Lang, IndexedWord[]>();
  prepared.items.forEach((item, order) => {
    if (!Object.entries(filters).every(([name, value]) => item.entry.filters[name]?.includes(value))) return;
    const lang = item.entry.lang;
    if (!queryWords.has(lang)) queryWords.set(lang, indexWords(query, lang, prepared.lexicon));
    const words = queryWords.get(lang)!;
    let score = 0;
    const marked = new Set<string>();
    for (const word of words) {
      let best = 0;
      for (const field of Object.keys(WEIGHTS) as Field[]) {
        const found = item.fields[field].filter((text) => wordMatches(word, text));
        if (found.length) best = Math.max(best, WEIGHTS[field]);
        if (field === 'summary') for (const text of found) marked.add(text.word);
      }
      if (!best) return;
      score += best;
    }
    scored.push({ hit: { entry: item.entry, marked }, score, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((item) => item.hit);
}
