/**
 * The same build crawled under a sub-path of a server and opened from disk (file://, a USB stick, where a folder is no
 * page). A crawl from the server's root would add nothing: under a sub-path every relative address resolves as at the
 * root, and one that climbs out of the site leaves a page unreached (root-absolute addresses: output.test.ts; serving
 * from the root: not-found.test.ts and search-modes.test.ts). Every link of every page is followed in Chromium; every
 * page must load styled with its pictures, every PDF and download must be there, and nothing may be a folder listing,
 * a broken link, a request leaving the site or a console error. The kits list is never hard-coded: the crawl finds
 * what the pages link.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { useBrowser, watchedPage, type WatchedPage } from './browser.ts';

const siteDir = inject('siteDir');
const MODES = [
  ['sub-path', inject('siteUrl')],
  ['file', inject('fileUrl')],
] as const;
const browser = useBrowser();

/** The site header's background once the stylesheet has applied (global.css --brand). */
const STYLED_HEADER = 'rgb(13, 92, 99)';

/** What a download must start with, by extension. */
const MAGIC: Record<string, string> = { pdf: '%PDF-', zip: 'PK\u0003\u0004', zim: 'ZIM\u0004' };

/** Content types a server must give downloads. */
const TYPES: Record<string, RegExp> = { pdf: /^application\/pdf/, zip: /^application\/zip/, zim: /^application\/octet-stream/ };

interface CrawlReport {
  pages: string[];
  /** Internal links followed (every href of every page, counted once per page). */
  links: number;
  downloads: number;
  failures: string[];
}

/** The address without its fragment. */
function withoutHash(url: string): string {
  return url.replace(/#.*$/, '');
}

/** A link to a file the browser downloads or shows as a document, not a site page. */
function downloadKind(url: string): string | undefined {
  return /\.(pdf|zip|zim)$/i.exec(new URL(url).pathname)?.[1].toLowerCase();
}

/** Pages open at once in a crawl: a page waits on its loads and pictures while another is laid out. */
const TABS = 3;

/** Follow every internal link from the home page, checking each page and download; returns what was seen. */
async function crawl(browserInstance: Browser, base: string): Promise<CrawlReport> {
  const fromDisk = base.startsWith('file:');
  const tabs = await Promise.all(Array.from({ length: TABS }, () => watchedPage(browserInstance, base)));
  const start = fromDisk ? `${base}index.html` : base;
  const seen = new Set([start]);
  const report: CrawlReport = { pages: [], links: 0, downloads: 0, failures: [] };
  const fail = (where: string, what: string) => report.failures.push(`${where.slice(base.length) || '/'}: ${what}`);

  /** Check one address in a tab; returns the internal links it has (each counted, the new ones to visit). */
  const visit = async (watched: WatchedPage, url: string): Promise<string[]> => {
    const kind = downloadKind(url);
    if (kind) {
      report.downloads++;
      const body = fromDisk ? readIfFile(url) : await fetchDownload(url, kind, (what) => fail(url, what));
      if (!body) fail(url, 'download missing');
      else if (!body.subarray(0, 8).toString('latin1').startsWith(MAGIC[kind])) fail(url, `not a ${kind} file`);
      return [];
    }
    const { page } = watched;
    watched.consoleErrors.length = watched.outsideRequests.length = watched.failedResponses.length = 0;
    let status: number | undefined;
    try {
      status = (await page.goto(url, { waitUntil: 'load' }))?.status();
    } catch (error) {
      fail(url, `does not open: ${String(error).split('\n')[0]}`);
      return [];
    }
    report.pages.push(url);
    if (!fromDisk && status !== 200) fail(url, `status ${status}`);
    if (page.url().endsWith('/') && fromDisk) fail(url, 'a folder: the browser shows a listing');
    if ((await page.title()).startsWith('Index of')) fail(url, 'a folder listing');
    const header = await page.locator('.site-header').evaluate((element) => getComputedStyle(element).backgroundColor).catch(() => 'missing');
    if (header !== STYLED_HEADER) fail(url, `not styled (header ${header})`);
    for (const picture of await brokenPictures(page)) fail(url, `picture does not load: ${picture}`);
    // Links within the page (#main) resolve against the address, which the search page gives a query: left out.
    const hrefs = await page.locator('a[href]:not([href^="#"])').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    for (const error of watched.consoleErrors) fail(url, `console: ${error}`);
    for (const request of watched.outsideRequests) fail(url, `request outside the site: ${request}`);
    for (const response of watched.failedResponses) fail(url, `failed: ${response}`);
    const internal = hrefs.map(withoutHash).filter((href) => href.startsWith(base));
    report.links += internal.length;
    return internal;
  };

  // Breadth first, a level at a time, its addresses shared out among the tabs.
  for (let level = [start]; level.length; ) {
    const next: string[] = [];
    let at = 0;
    await Promise.all(
      tabs.map(async (tab) => {
        while (at < level.length) {
          for (const href of await visit(tab, level[at++]!)) {
            if (!seen.has(href)) {
              seen.add(href);
              next.push(href);
            }
          }
        }
      }),
    );
    level = next;
  }
  await Promise.all(tabs.map((tab) => tab.page.close()));
  return report;
}

/** A download over HTTP with its content type checked. */
async function fetchDownload(url: string, kind: string, fail: (what: string) => void): Promise<Buffer | undefined> {
  const response = await fetch(url);
  if (!response.ok) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!TYPES[kind].test(type)) fail(`content type ${type}`);
  return Buffer.from(await response.arrayBuffer());
}

/** A file:// address read from disk, if it is a file. */
function readIfFile(url: string): Buffer | undefined {
  const path = fileURLToPath(url);
  return existsSync(path) && !path.endsWith('/') ? readFileSync(path) : undefined;
}

/** Pictures on the page that do not load, with lazy loading turned off so every one is fetched. */
async function brokenPictures(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(async () => {
    const images = [...document.images];
    for (const image of images) image.loading = 'eager';
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    return images.filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.currentSrc || image.src);
  });
}

/** Every page of the build (the 404 page is reached only through a missing address). */
const builtPages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html') && file !== '404.html')
  .map((file) => file.split('\\').join('/'))
  .sort();

describe.each(MODES)('the site crawled from %s', (mode, base) => {
  test('every link leads to a page or file that works, and every page is reached', async () => {
    const started = performance.now();
    const report = await crawl(browser(), base);
    const reached = report.pages.map((url) => {
      const path = decodeURIComponent(url.slice(base.length));
      return path === '' || path.endsWith('/') ? `${path}index.html` : path;
    });
    console.log(
      `crawl ${mode}: ${report.pages.length} pages, ${report.links} internal links, ${report.downloads} downloads, ` +
        `${report.failures.length} failures, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(report.failures).toEqual([]);
    expect([...new Set(reached)].sort()).toEqual(builtPages);
    expect(report.downloads).toBeGreaterThan(0);
  }, 300_000);
});
