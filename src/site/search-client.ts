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
import { normalizeText, TEXT_WORD } from './words.ts';

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}
interface Pagefind {
  search(query: string | null, options: { filters: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
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

/** Results shown at once; a teacher's library is small, so more would only scroll. */
const MAX_RESULTS = 30;
/** ms to wait after typing before searching. */
const TYPING_DELAY = 200;

/** Wire the form: search as the teacher types or changes a filter, keep the query in the address. */
export function startSearch(form: HTMLFormElement): void {
  const root = form.dataset.root ?? './';
  const messages = JSON.parse(form.dataset.messages ?? '{}') as { results: string; none: string; loading: string };
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  const fromDisk = location.protocol === 'file:';
  if (fromDisk) showOfflineNote();
  const engine = fromDisk ? finderEngine(root) : pagefindEngine(root);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  const run = async () => {
    const query = String(new FormData(form).get('q') ?? '').trim();
    const filters = readFilters(form);
    if (!query && !Object.keys(filters).length) {
      if (location.search) history.replaceState(null, '', location.pathname);
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    history.replaceState(null, '', `?${new URLSearchParams(new FormData(form) as never).toString()}`);
    const ticket = ++latest;
    status.textContent = messages.loading;
    const { total, results } = await engine.search(query, filters);
    if (ticket !== latest) return; // a newer search has started
    status.textContent = total ? messages.results.replace('{n}', String(total)) : messages.none;
    list.replaceChildren(...results.map((result) => resultItem(result, query !== '')));
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

/** Pagefind, loaded from the site root (`data-root`, made relative at build time), so it works under any sub-path. */
function pagefindEngine(root: string): Engine {
  const pagefind = import(/* @vite-ignore */ new URL(`${root}pagefind/pagefind.js`, location.href).href) as Promise<Pagefind>;
  return {
    async search(query, filters) {
      const search = await (await pagefind).search(query || null, { filters });
      const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
      const results = data.map((item) => ({
        // Pagefind gives the page's path from the server root (it finds the site's place from its own script's
        // address) and keeps index.html on it (the index is written with keepIndexUrl): the address as it is.
        href: new URL(item.url, location.href).href,
        title: item.meta.title ?? item.url,
        facts: [item.meta.bands, item.meta.format, item.meta.duration].filter(Boolean).join(' · '),
        excerptHtml: item.excerpt,
      }));
      return { total: search.results.length, results };
    },
  };
}

/** The offline finder, its data loaded once by a classic script beside this page (FINDER_DATA_FILE). */
function finderEngine(root: string): Engine {
  const prepared = loadClassicScript(FINDER_DATA_FILE).then(() => {
    const entries = (window as unknown as Record<string, FinderEntry[] | undefined>)[FINDER_GLOBAL];
    if (!entries) throw new Error(`${FINDER_DATA_FILE} did not set ${FINDER_GLOBAL}`);
    return prepareEntries(entries);
  });
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
