/**
 * `npm run screenshots [-- <out-dir>]`: photograph the built site (dist/) in Chromium at desktop and phone widths,
 * so a person can look at what the build made. Needs a prior `npm run build` and Debian's chromium.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
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
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json', '.wasm': 'application/wasm', '.webp': 'image/webp', '.png': 'image/png' };

const server = createServer((request, response) => {
  let path = join(SITE, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!existsSync(path)) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(response);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
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
server.close();
