/** The search page's only script: runs Pagefind in the browser with the band, format and topic filters. */

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}
interface Pagefind {
  search(query: string | null, options: { filters: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
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
  const pagefind = import(/* @vite-ignore */ new URL(`${root}pagefind/pagefind.js`, location.href).href) as Promise<Pagefind>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  const run = async () => {
    const query = String(new FormData(form).get('q') ?? '').trim();
    const filters = readFilters(form);
    history.replaceState(null, '', `?${new URLSearchParams(new FormData(form) as never).toString()}`);
    if (!query && !Object.keys(filters).length) {
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    const ticket = ++latest;
    status.textContent = messages.loading;
    const search = await (await pagefind).search(query || null, { filters });
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (ticket !== latest) return; // a newer search has started
    status.textContent = data.length ? messages.results.replace('{n}', String(search.results.length)) : messages.none;
    list.replaceChildren(...data.map((item) => resultItem(item, root, query)));
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
function resultItem(item: { url: string; excerpt: string; meta: Record<string, string> }, root: string, query: string): HTMLLIElement {
  const li = document.createElement('li');
  const heading = document.createElement('h2');
  heading.className = 'h3';
  const link = document.createElement('a');
  // Pagefind stores root-absolute page URLs; the site may live under any sub-path, so resolve from the site root.
  link.href = new URL(root + item.url.replace(/^\//, ''), location.href).href;
  link.textContent = item.meta.title ?? item.url;
  heading.append(link);
  const facts = document.createElement('p');
  facts.textContent = [item.meta.bands, item.meta.format, item.meta.duration].filter(Boolean).join(' · ');
  li.append(heading, facts);
  if (query) {
    const excerpt = document.createElement('p');
    excerpt.innerHTML = item.excerpt; // Pagefind's excerpt of our own pages, with <mark> around matches
    li.append(excerpt);
  }
  return li;
}
