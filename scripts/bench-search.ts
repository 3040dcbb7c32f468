/**
 * `npm run bench:search [-- --site <dir>] [--truth <dir>]`: how well and how fast the built site's Ukrainian search finds
 * inflected queries, and what it weighs. Needs a built site (default dist/) and Debian's chromium. Prints recall and
 * precision over the query set of tests/e2e/search-quality.ts (searched on the search page in Chromium, as a teacher
 * would), the median time from submitting a query to its results shown, the size of the search index, and the bytes a
 * browser loads for the search page and its first query.
 *
 * `--truth <dir>` takes the pages' own texts from another build (to compare an older build's search against the same
 * expectations: pages marked differently would otherwise expect different things).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { serveSite } from '../src/site/serve.mjs';
import { QUALITY_QUERIES, describeFigures, expectedPages, figures, ownWords, runQueries } from '../tests/e2e/search-quality.ts';

/** The query whose bytes count as the search page's weight: a word every band's lessons use. */
const WEIGHT_QUERY = 'пароля';

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' }, truth: { type: 'string' } } });
const site = values.site!;
if (!existsSync(join(site, 'pagefind'))) {
  console.error(`no built site with a search index in ${site}/: run npm run build first`);
  process.exit(1);
}

/** Bytes of every file under a folder whose name passes a test. */
function folderBytes(dir: string, test: (name: string) => boolean = () => true): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && test(entry.name))
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** Bytes the browser receives (as the server sends them) for the search page and one query. */
async function searchPageWeight(page: Page, siteUrl: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  page.on('response', async (response) => {
    const length = Number(response.headers()['content-length'] ?? (await response.body().catch(() => Buffer.alloc(0))).length);
    bytes += length;
    files += 1;
    if (process.env.BENCH_VERBOSE) console.log(`    ${length} ${response.headers()['content-encoding'] ?? ''} ${response.url()}`);
  });
  await page.goto(`${siteUrl}search/index.html?q=${encodeURIComponent(WEIGHT_QUERY)}`);
  await page.getByText(/Знайдено|Нічого не знайдено/).waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  return { bytes, files };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

const served = await serveSite(site, '/');
const truthServed = values.truth ? await serveSite(values.truth, '/') : served;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const page = await browser.newPage();
  const texts = await ownWords(page, truthServed.url);
  const outcomes = await runQueries(page, served.url, QUALITY_QUERIES, (item) => expectedPages(item, texts));
  const result = figures(outcomes);
  const weightPage = await browser.newPage();
  const weight = await searchPageWeight(weightPage, served.url);
  const pagefind = join(site, 'pagefind');
  const rows: [string, string][] = [
    ['queries', `${result.queries} (${QUALITY_QUERIES.filter((item) => item.query.includes(' ')).length} two-word)`],
    ['recall', `${(result.recall * 100).toFixed(1)}%`],
    ['precision', `${(result.precision * 100).toFixed(1)}%`],
    ['median query', `${result.medianMs.toFixed(0)} ms (submit → results shown, warm)`],
    ['index, uk', `${kb(folderBytes(join(pagefind, 'index'), (name) => name.startsWith('uk_')))} words, ${kb(folderBytes(join(pagefind, 'fragment'), (name) => name.startsWith('uk_')))} fragments`],
    ['index, en', `${kb(folderBytes(join(pagefind, 'index'), (name) => name.startsWith('en_')))} words, ${kb(folderBytes(join(pagefind, 'fragment'), (name) => name.startsWith('en_')))} fragments`],
    ['pagefind/ in all', kb(folderBytes(pagefind))],
    ['lexicon', kb(folderBytes(join(site, 'search'), (name) => name.startsWith('lexicon')))],
    [`search page + "${WEIGHT_QUERY}"`, `${kb(weight.bytes)} in ${weight.files} files (as sent, compressed where the server compresses)`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
  console.log(describeFigures(result).slice(1).join('\n'));
} finally {
  await browser.close();
  await served.close();
  if (truthServed !== served) await truthServed.close();
}
