/**
 * `npm run screenshots [-- <out-dir>] [-- --from root|sub-path|file]`: photograph the built site (dist/) in Chromium at
 * desktop and phone widths, served at a server's root (default), under a sub-path, or opened from disk (file://), so a
 * person can look at what the build made in each serving mode. Needs a prior `npm run build` and Debian's chromium.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveSite } from '../src/site/serve.mjs';
import { chromium } from 'playwright-core';

const SITE = 'dist';
const args = process.argv.slice(2);
const fromAt = args.findIndex((arg) => arg === '--from');
const FROM = fromAt >= 0 ? args.splice(fromAt, 2)[1] : 'root';
const OUT = args[0] ?? 'screenshots';
const PAGES = [
  ['home', ''],
  ['band', 'bands/4-6/'],
  ['lesson', 'lessons/moya-persha-podorozh/'],
  ['quest', 'lessons/ne-vedus-kvest-7-8/'],
  ['search', 'search/?q=%D0%BF%D0%B0%D1%80%D0%BE%D0%BB%D1%8F'],
  ['about', 'about/'],
  ['home-en', 'en/'],
  ['404', 'lessons/old-name/'],
];
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 740 } };
if (!['root', 'sub-path', 'file'].includes(FROM)) throw new Error(`--from root|sub-path|file, not ${FROM}`);
const site = FROM === 'file' ? undefined : await serveSite(SITE, FROM === 'sub-path' ? '/school/lessons/' : '/');
const base = site?.url ?? `${pathToFileURL(resolve(SITE)).href}/`;
/** A page's address: from disk a folder names its index.html, as the site's own links do. */
const address = (path: string) => (site ? base + path : base + path.replace(/(^|\/)(\?|$)/, '$1index.html$2'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
mkdirSync(OUT, { recursive: true });
for (const [name, path] of PAGES) {
  if (name === '404' && !site) continue; // no server shows a 404 page from disk
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage({ viewport });
    await page.goto(address(path), { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const file = join(OUT, `${name}-${size}.png`);
    await page.screenshot({ path: file, fullPage: size === 'desktop' ? name !== 'lesson' && name !== 'quest' : false });
    console.log(file);
    await page.close();
  }
}
await browser.close();
await site?.close();
