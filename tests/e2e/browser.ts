/** Debian's Chromium driven by playwright-core (no browser download: DESIGN §4). */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Flags that keep headless Chromium from calling home on a machine with no network. */
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/**
 * Debian's chromium-headless-shell (the headless-only build Playwright itself runs headless tests in) when installed:
 * the same engine without the full browser around it, so the browser tests take much less CPU (docs/ARCHITECTURE.md,
 * "Tests"). Otherwise the full Chromium, which passes the same tests, slower.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';

/** Start Chromium. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** One Chromium for a test file: started before its tests, closed after them; call `browser()` inside tests. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** A page with everything that went wrong recorded: console errors, page errors, requests leaving the site, failed responses. */
export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  outsideRequests: string[];
  failedResponses: string[];
}

/**
 * One browser context per browser: its pages share the HTTP cache (stylesheets, fonts, the search's code and index),
 * as one reader's tabs do, so a test file does not fetch and compile them again for every page. The site keeps no
 * state in the browser (no cookies, no storage), so pages cannot affect each other.
 */
const contexts = new WeakMap<Browser, Promise<BrowserContext>>();

/** Open a new page that records problems, for a site served at `siteUrl`. */
export async function watchedPage(browser: Browser, siteUrl: string, viewport = { width: 1280, height: 900 }): Promise<WatchedPage> {
  if (!contexts.has(browser)) contexts.set(browser, browser.newContext());
  const page = await (await contexts.get(browser)!).newPage();
  await page.setViewportSize(viewport);
  const watched: WatchedPage = { page, consoleErrors: [], outsideRequests: [], failedResponses: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.consoleErrors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(siteUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) watched.outsideRequests.push(url);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== page.url()) watched.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  return watched;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations on the current page, with its default rules. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document);
  });
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}
