/**
 * The real offline bundle of the test build, used as a school would: unpacked with unzip, checked with sha256sum,
 * opened from disk through START-HERE.html, and served with its own serve.mjs on the machine's (older) Node.
 * And the Kiwix file: packed from the same build, passing zimcheck, with Pagefind search working in kiwix-serve.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { buildInfo } from '../../src/site/build-info.ts';
import { bundleFileName } from '../../src/site/paths.ts';
import { packZim } from '../../src/site/zim.ts';
import { useBrowser, watchedPage } from './browser.ts';
import { freePort } from '../free-port.ts';

const siteDir = inject('siteDir');
const browser = useBrowser();
const scratch = mkdtempSync(join(tmpdir(), 'offline-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const zipFile = join(siteDir, 'downloads', bundleFileName(buildInfo().version));
const folder = join(scratch, 'unpacked', bundleFileName(buildInfo().version).replace(/\.zip$/, ''));

/** Every file under a folder, relative, with `/`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => file.split('\\').join('/'))
    .sort();
}

/** The machine's own Node when older than the project's: the bundle promises Node ≥ 18. */
function olderNode(): string {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    const run = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (run.status === 0 && Number(/^v(\d+)/.exec(run.stdout)?.[1]) < 24) return candidate;
  }
  return process.execPath;
}

/** Wait until a child prints something. */
async function waitFor(child: ChildProcess, text: string): Promise<string> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  await expect.poll(() => output, { timeout: 15_000 }).toContain(text);
  return output;
}

describe('the offline bundle', () => {
  test('is linked from the about and teachers pages with its size, and unpacks with unzip', () => {
    for (const page of ['about/index.html', 'teachers/index.html']) {
      const html = readFileSync(join(siteDir, page), 'utf8');
      expect(html).toContain(`href="../downloads/${bundleFileName(buildInfo().version)}"`);
      expect(html).toMatch(/data-bundle-size="uk">\(ZIP, \d+,\d МБ\)/);
    }
    execFileSync('unzip', ['-q', zipFile, '-d', join(scratch, 'unpacked')]);
    expect(readdirSync(join(scratch, 'unpacked'))).toEqual([bundleFileName(buildInfo().version).replace(/\.zip$/, '')]);
    for (const file of ['START-HERE.html', 'MANIFEST.sha256', 'serve.mjs', 'site/index.html', 'site/404.html', 'site/search/finder-data.js']) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
  });

  test('its manifest covers every file and verifies with sha256sum -c', () => {
    const listed = readFileSync(join(folder, 'MANIFEST.sha256'), 'utf8').trim().split('\n').map((line) => line.split('  ')[1]);
    expect([...listed].sort()).toEqual(filesUnder(folder).filter((file) => file !== 'MANIFEST.sha256'));
    const check = spawnSync('sha256sum', ['-c', '--strict', 'MANIFEST.sha256'], { cwd: folder, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  test('carries every page and kit of the site, and no link in it names a missing file', () => {
    const site = filesUnder(siteDir).filter((file) => !file.startsWith('downloads/'));
    expect(filesUnder(join(folder, 'site'))).toEqual(site);
    const broken: string[] = [];
    for (const page of site.filter((file) => file.endsWith('.html'))) {
      const html = readFileSync(join(folder, 'site', page), 'utf8');
      for (const [, url] of html.matchAll(/\s(?:href|src)="([^"#][^"]*)"/g)) {
        if (/^[a-z]+:|^\/\//i.test(url)) continue;
        const target = join(folder, 'site', posix.dirname(page), decodeURIComponent(url.replace(/[?#].*$/, '')));
        if (!existsSync(target) || !statSync(target).isFile()) broken.push(`${page} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('START-HERE.html opens from disk and leads to the site', async () => {
    const watched = await watchedPage(browser(), pathToFileURL(folder).href + '/');
    const { page } = watched;
    await page.goto(pathToFileURL(join(folder, 'START-HERE.html')).href);
    expect(await page.locator('h1').first().textContent()).toContain('Офлайн-копія');
    expect(await page.locator('#en h1').textContent()).toContain('Offline copy');
    expect(await page.textContent('body')).toContain('sha256sum -c MANIFEST.sha256');
    expect(await page.textContent('body')).toContain('Get-FileHash -Algorithm SHA256');
    await page.getByRole('link', { name: 'Відкрити сайт' }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(pathToFileURL(join(folder, 'site/index.html')).href);
    expect(await page.locator('.site-header').evaluate((header) => getComputedStyle(header).backgroundColor)).toBe('rgb(13, 92, 99)');
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.outsideRequests).toEqual([]);
    await page.close();
  });

  test('its serve.mjs serves the unpacked site with full search, on the machine’s own Node', async () => {
    const port = await freePort();
    const server = spawn(olderNode(), ['serve.mjs', '--port', String(port)], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await waitFor(server, 'Press Ctrl+C');
      const base = `http://127.0.0.1:${port}/`;
      const watched = await watchedPage(browser(), base);
      const { page } = watched;
      await page.goto(`${base}search/index.html`);
      await page.getByRole('searchbox').fill('паролем');
      await page.getByRole('searchbox').press('Enter');
      await expect.poll(() => page.locator('[data-search-results] h2 a').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.locator('[data-search-results] h2 a').first().click();
      await page.waitForLoadState('load');
      expect(page.url()).toMatch(new RegExp(`^${base}lessons/[a-z0-9-]+/index\\.html$`));
      // The lesson's kit: a source of a fact or helpline may be a PDF elsewhere on the web too.
      const kit = await page.locator('a[href*="kits/"][href$=".pdf"]').first().getAttribute('href');
      const pdf = await fetch(new URL(kit!, page.url()));
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
      expect(watched.consoleErrors).toEqual([]);
      await page.close();
    } finally {
      server.kill('SIGTERM');
    }
  });
});

describe('the Kiwix file', () => {
  const zim = join(scratch, 'lesson-kits.zim');

  test('packs the site and passes zimcheck', async () => {
    const packed = await packZim({ version: buildInfo().version, siteDir }, zim);
    expect(packed.check).toContain('Overall Test Status: Pass');
    const check = spawnSync('zimcheck', ['-A', zim], { encoding: 'utf8' });
    expect(check.status, check.stdout).toBe(0);
    console.log(`zim: ${(packed.bytes / 1024 / 1024).toFixed(1)} MB`);
  }, 120_000);

  test('search works inside kiwix-serve, and a result opens its lesson', async () => {
    expect(existsSync(zim)).toBe(true);
    const port = await freePort();
    const server = spawn('kiwix-serve', ['--address=127.0.0.1', `--port=${port}`, zim], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await waitFor(server, 'Kiwix server is running');
      const book = await (await fetch(`http://127.0.0.1:${port}/catalog/v2/entries`)).text();
      const path = /<link type="text\/html" href="([^"]+)"/.exec(book)![1];
      const base = `http://127.0.0.1:${port}${path}/`;
      const watched = await watchedPage(browser(), `http://127.0.0.1:${port}/`);
      const { page } = watched;
      await page.goto(`${base}search/index.html`);
      await page.getByRole('searchbox').fill('пароль');
      await page.getByRole('searchbox').press('Enter');
      await expect.poll(() => page.locator('[data-search-results] h2 a').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const title = (await page.locator('[data-search-results] h2 a').first().textContent())!.trim();
      await page.locator('[data-search-results] h2 a').first().click();
      await page.waitForLoadState('load');
      expect(page.url().startsWith(base)).toBe(true);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(title);
      expect(watched.consoleErrors).toEqual([]);
      await page.close();
    } finally {
      server.kill('SIGTERM');
    }
  });
});

