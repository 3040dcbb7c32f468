/**
 * The search page's only script (inlined into the page, so it also runs from disk). Over HTTP it runs Pagefind with the
 * band, format and topic filters. Opened from disk (file://), where the browser refuses Pagefind's module and its
 * fetches, it loads the offline finder's data with a classic script and searches titles, summaries and topics
 * (src/site/finder.ts), and shows a note that full-text search needs a server.
 *
 * Both engines answer with the same `SearchResult`s and the page shows them the same way. Result links name the page's
 * file (`…/index.html`), which works on any server, from disk and in Kiwix.
 */
import { FINDER_DATA_FILE, FINDER_GLOBAL, findEntries, prepareEntries, type FinderEntry } from './finder.ts';
import { LEXICON_FILE, LEXICON_GLOBAL, partHasTokens, SEARCH_PARTS_FILE, type SearchPart } from './search-index.ts';
import { applySynonyms, SYNONYMS } from './synonyms.ts';
import { groupsOf, indexQueries, normalizeText, readLexicon, similarWords, TEXT_WORD, tokenize, TOKEN_MARK, withoutTokens, type Lexicon, type LexiconData } from './words.ts';
import type { Lang } from '../model/formats.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}
interface PagefindOptions {
  baseUrl?: string;
  excerptLength?: number;
  ranking?: { metaWeights?: Record<string, number> };
  mergeFilter?: Record<string, string>;
}
/** A filter's value, or any of several. */
type PagefindFilters = Record<string, string | { any: string[] }>;
interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  mergeIndex(path: string, options: PagefindOptions): Promise<void>;
  search(query: string | null, options: { filters: PagefindFilters }): Promise<{ results: PagefindResult[] }>;
}

/** One result as the page shows it. */
export interface SearchResult {
  /** The page's address, resolved against this page: naming a file, never a folder. */
  href: string;
  title: string;
  /** Bands, format, duration. */
  facts: string;
  /** HTML of an excerpt with matches in `<mark>` (our own pages' text, escaped by Pagefind or here). */
  excerptHtml: string;
}

/** A search engine for this page: Pagefind over HTTP, the finder from disk. */
interface Engine {
  search(query: string, filters: Record<string, string>): Promise<{ total: number; results: SearchResult[] }>;
}

/** The filter each part of the index gives its pages (its number), so a query is asked only of some parts. */
const PART_FILTER = 'lesson-kits-part';
/** Results shown at once; a teacher's library is small, so more would only scroll. */
const MAX_RESULTS = 30;
/** Words in an excerpt as Pagefind counts them, tokens included (about half are tokens in Ukrainian): ~25 words shown. */
const EXCERPT_WORDS = 50;
/**
 * How much a match in a page's metadata adds to its rank (Pagefind's default for the title is 5): a lesson's summary
 * and topics (`about`) say what it is about, so they rank the lessons on a word above pages that only use it. Not
 * weighting the visible summary and topic list instead: Pagefind takes a result's excerpt from its heaviest part.
 */
const META_WEIGHTS = { title: 5, about: 3 };
/** ms to wait after typing before searching. */
const TYPING_DELAY = 200;

/** The page's texts for the status, the notes and the suggestions (`data-messages`, from src/i18n). */
interface Messages {
  results: string;
  none: string;
  loading: string;
  /** "Шукаємо «{shown}» (ви написали «{typed}»)." */
  insteadOf: string;
  didYouMean: string;
  withoutFilters: string;
  elsewhere: string;
  topicsLink: string;
  helpLink: string;
  /** Addresses of the topics page and the helplines, relative to this page. */
  topicsHref: string;
  helpHref: string;
}

/** Wire the form: search as the teacher types or changes a filter, keep the query in the address. */
export function startSearch(form: HTMLFormElement): void {
  const root = form.dataset.root ?? './';
  const lang = (form.dataset.lang ?? 'uk') as Lang;
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Messages;
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const notes = document.querySelector<HTMLElement>('[data-search-notes]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  const fromDisk = location.protocol === 'file:';
  if (fromDisk) showOfflineNote();
  // The lexicon serves Ukrainian words on both engines; an English page searches English words by their stems.
  const lexicon = once(() => (lang === 'uk' || fromDisk ? loadLexicon(root) : Promise.resolve(undefined)));
  const engine = fromDisk ? finderEngine(root, lexicon) : pagefindEngine(root, lang, lexicon);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  const run = async () => {
    const typed = String(new FormData(form).get('q') ?? '').trim();
    const filters = readFilters(form);
    if (!typed && !Object.keys(filters).length) {
      if (location.search) history.replaceState(null, '', location.pathname);
      status.textContent = '';
      notes.replaceChildren();
      list.replaceChildren();
      return;
    }
    history.replaceState(null, '', `?${new URLSearchParams(new FormData(form) as never).toString()}`);
    const ticket = ++latest;
    status.textContent = messages.loading;
    const words = lang === 'uk' ? await lexicon() : undefined;
    const rewritten = applySynonyms(typed, (word) => !!words && groupsOf(words, word).length > 0, SYNONYMS[lang]);
    const { total, results } = await engine.search(rewritten.query, filters);
    const hints = total ? [] : await noResultHints(engine, rewritten.query, filters, words, messages);
    if (ticket !== latest) return; // a newer search has started
    status.textContent = total ? messages.results.replace('{n}', String(total)) : messages.none;
    notes.replaceChildren(
      ...(rewritten.replaced ? [paragraph(messages.insteadOf.replace('{shown}', rewritten.replaced).replace('{typed}', typed))] : []),
      ...(rewritten.help ? [paragraph('', link(messages.helpLink, messages.helpHref))] : []),
      ...hints,
    );
    list.replaceChildren(...results.map((result) => resultItem(result, rewritten.query !== '')));
  };

  restoreFromAddress(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), TYPING_DELAY);
  });
  void run();
}

/**
 * What to offer when a search finds nothing, so that a result page is never empty: results without the filters (when
 * there are), words of the library close to the words it does not know, and always the topics and the helplines.
 */
async function noResultHints(engine: Engine, query: string, filters: Record<string, string>, lexicon: Lexicon | undefined, messages: Messages): Promise<HTMLElement[]> {
  const hints: HTMLElement[] = [];
  if (Object.keys(filters).length && query && (await engine.search(query, {})).total > 0) hints.push(paragraph(messages.withoutFilters));
  const words = tokenize(query);
  const alternatives = lexicon
    ? words.map((word) => (groupsOf(lexicon, word).length ? [] : similarWords(lexicon, word).map((similar) => words.map((other) => (other === word ? similar : other)).join(' '))))
    : [];
  const suggestions = [...new Set(alternatives.flat())].slice(0, 3);
  if (suggestions.length) {
    const ask = paragraph(`${messages.didYouMean} `);
    suggestions.forEach((suggestion, i) => ask.append(...(i ? [', '] : []), link(suggestion, `?q=${encodeURIComponent(suggestion)}`)));
    hints.push(ask);
  }
  hints.push(paragraph(`${messages.elsewhere} `, link(messages.topicsLink, messages.topicsHref), ' · ', link(messages.helpLink, messages.helpHref)));
  return hints;
}

/** A paragraph of text and links. */
function paragraph(...parts: (string | Node)[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.append(...parts);
  return p;
}

/** A link. */
function link(text: string, href: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

/**
 * Pagefind, loaded from the site root (`data-root`, made relative at build time), so it works under any sub-path. On a
 * Ukrainian page a query is asked as the tokens of its words' groups (`indexQueries`); a word of several groups makes
 * several searches, merged by score.
 */
function pagefindEngine(root: string, lang: Lang, lexicon: () => Promise<Lexicon | undefined>): Engine {
  const bundle = new URL(`${root}pagefind/`, location.href);
  const listed = fetch(new URL(SEARCH_PARTS_FILE, bundle))
    .then(async (response) => (response.ok ? ((await response.json()) as SearchPart[]) : []))
    .catch(() => []); // without the list, the index is one part
  const ready = Promise.all([import(/* @vite-ignore */ new URL('pagefind.js', bundle).href) as Promise<Pagefind>, listed]).then(async ([pagefind, parts]) => {
    const options = { excerptLength: EXCERPT_WORDS, ranking: { metaWeights: META_WEIGHTS } };
    const split = parts.length > 1;
    await pagefind.options(split ? { ...options, mergeFilter: { [PART_FILTER]: '0' } } : options);
    // A large site's index is in parts (src/site/integration.ts), merged here with the same options, each part's pages
    // marked with its number; result addresses are taken from the site root, as the first part's are.
    const baseUrl = new URL(root, location.href).pathname;
    await Promise.all(parts.slice(1).map((part, n) => pagefind.mergeIndex(new URL(part.path, bundle).href, { ...options, baseUrl, mergeFilter: { [PART_FILTER]: String(n + 1) } })));
    return { pagefind, parts: split ? parts : [] };
  });
  return {
    async search(query, filters) {
      const words = lang === 'uk' ? await lexicon() : undefined;
      const queries = query && words ? indexQueries(words, query) : [query || null];
      const { pagefind, parts } = await ready;
      // A group's token is asked only of the parts whose pages have the group (see SearchPart).
      const asked = queries.map((item) => {
        const holding = parts.flatMap((part, n) => (item && !partHasTokens(part, item) ? [] : [String(n)]));
        return { item, filters: parts.length ? { ...filters, [PART_FILTER]: { any: holding } } : filters, none: parts.length > 0 && !holding.length };
      });
      const searches = await Promise.all(asked.filter((search) => !search.none).map(async (search) => (await pagefind.search(search.item, { filters: search.filters })).results));
      const merged = new Map<string, PagefindResult>();
      for (const result of searches.flat()) if ((merged.get(result.id)?.score ?? -Infinity) < result.score) merged.set(result.id, result);
      const ranked = [...merged.values()].sort((a, b) => b.score - a.score);
      const data = await Promise.all(ranked.slice(0, MAX_RESULTS).map((result) => result.data()));
      const results = data.map((item) => ({
        // Pagefind gives the page's path from the server root (`baseUrl`, the site root's path) and keeps index.html on
        // it (the index is written with keepIndexUrl): the address as it is.
        href: new URL(item.url, location.href).href,
        title: withoutTokens(item.meta.title ?? item.url),
        facts: [item.meta.bands, item.meta.format, item.meta.duration, item.meta.type].filter(Boolean).join(' · '),
        excerptHtml: cleanExcerpt(item.excerpt),
      }));
      return { total: ranked.length, results };
    },
  };
}

/** A token in Pagefind's excerpt HTML, highlighted or not. */
const EXCERPT_TOKEN = `(?:<mark>)?${TOKEN_MARK}[0-9a-z]+(?:</mark>)?`;

/**
 * Pagefind's excerpt of a page indexed with group tokens, as a reader should see it: the tokens removed, and a word
 * highlighted where one of its tokens matched ("паролі <mark>ꙮ1f3</mark>" → "<mark>паролі</mark>").
 */
export function cleanExcerpt(html: string): string {
  return html
    .replace(new RegExp(`(<mark>[^<]*</mark>|[^\\s<>]+)((?: ${EXCERPT_TOKEN})+)`, 'gu'), (_, word: string, tokens: string) =>
      tokens.includes('<mark>') && !word.startsWith('<mark>') ? `<mark>${word}</mark>` : word,
    )
    .replace(new RegExp(` ?${EXCERPT_TOKEN}`, 'gu'), '')
    .trimStart();
}

/** The offline finder, its data loaded once by a classic script beside this page (FINDER_DATA_FILE). */
function finderEngine(root: string, lexicon: () => Promise<Lexicon | undefined>): Engine {
  const prepared = Promise.all([loadClassicScript(FINDER_DATA_FILE), lexicon()]).then(([, words]) => prepareEntries(globalData<FinderEntry[]>(FINDER_GLOBAL, FINDER_DATA_FILE), words));
  return {
    async search(query, filters) {
      const hits = findEntries(await prepared, query, filters);
      const results = hits.slice(0, MAX_RESULTS).map(({ entry, marked }) => ({
        href: new URL(`${root}${entry.path.slice(1)}index.html`, location.href).href,
        title: entry.title,
        facts: entry.facts,
        excerptHtml: markWords(entry.summary, marked),
      }));
      return { total: hits.length, results };
    },
  };
}

/** The lexicon of the library's Ukrainian words (written by the build beside the search index). */
async function loadLexicon(root: string): Promise<Lexicon> {
  await loadClassicScript(`${root}${LEXICON_FILE}`);
  return readLexicon(globalData<LexiconData>(LEXICON_GLOBAL, LEXICON_FILE));
}

/** A function that runs once, on first call, and then gives the same answer. */
function once<T>(run: () => T): () => T {
  let result: { value: T } | undefined;
  return () => (result ??= { value: run() }).value;
}

/** What a data script set on the window. */
function globalData<T>(name: string, file: string): T {
  const data = (window as unknown as Record<string, T | undefined>)[name];
  if (!data) throw new Error(`${file} did not set ${name}`);
  return data;
}

/** Load a classic script relative to this page (the one way to read data from disk). */
function loadClassicScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(script);
  });
}

/** A text as HTML, with the words found (normalised, as the finder gives them) in `<mark>`. */
export function markWords(text: string, marked: ReadonlySet<string>): string {
  const escape = (part: string) => part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(new RegExp(`(${TEXT_WORD.source})`, 'u'))
    .map((part, i) => (i % 2 && marked.has(normalizeText(part)) ? `<mark>${escape(part)}</mark>` : escape(part)))
    .join('');
}

/** Show the note that this is the offline finder, and hide the hint about Pagefind's word matching. */
function showOfflineNote(): void {
  for (const note of document.querySelectorAll<HTMLElement>('[data-offline-note]')) note.hidden = false;
  for (const hint of document.querySelectorAll<HTMLElement>('[data-online-hint]')) hint.hidden = true;
}

/** The chosen filters, without the empty "all" choices. */
function readFilters(form: HTMLFormElement): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const select of form.querySelectorAll('select')) if (select.value) filters[select.name] = select.value;
  return filters;
}

/** Put a query from the address (a shared link, the back button) into the form. */
function restoreFromAddress(form: HTMLFormElement): void {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of params) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
}

/** One result: title link, band and format, and the excerpt with matches marked. */
function resultItem(result: SearchResult, withExcerpt: boolean): HTMLLIElement {
  const li = document.createElement('li');
  const heading = document.createElement('h2');
  heading.className = 'h3';
  const link = document.createElement('a');
  link.href = result.href;
  link.textContent = result.title;
  heading.append(link);
  li.append(heading);
  if (result.facts) {
    const facts = document.createElement('p');
    facts.textContent = result.facts;
    li.append(facts);
  }
  if (withExcerpt) {
    const excerpt = document.createElement('p');
    excerpt.innerHTML = result.excerptHtml; // our own pages' text, escaped, with <mark> around matches
    li.append(excerpt);
  }
  return li;
}
