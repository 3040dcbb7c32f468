/**
 * `npm run screenshots [-- <out-dir>]`: photograph the built site (dist/) in Chromium at desktop and phone widths,
 * so a person can look at what the build made. Needs a prior `npm run build` and Debian's chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite } from '../src/site/serve.mjs';
import { chromium } from 'playwright-core';

const SITE = 'dist';
const OUT = process.argv[2] ?? 'screenshots';
const PAGES = [
  ['home', ''],
  ['band', 'bands/4-6/'],
  ['lesson', 'lessons/moya-persha-podorozh/'],
  ['quest', 'lessons/ne-vedus-kvest-7-8/'],
  ['search', 'search/?q=%D1%81%D0%B5%D0%BA%D1%80%D0%B5%D1%82&band=&format=&topic='],
  ['about', 'about/'],
  ['home-en', 'en/'],
];
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 740 } };
const site = await serveSite(SITE);
const base = site.url;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
mkdirSync(OUT, { recursive: true });
for (const [name, path] of PAGES) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage({ viewport });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const file = join(OUT, `${name}-${size}.png`);
    await page.screenshot({ path: file, fullPage: size === 'desktop' ? name !== 'lesson' && name !== 'quest' : false });
    console.log(file);
    await page.close();
  }
}
await browser.close();
await site.close();
