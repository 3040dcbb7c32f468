import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fillBundleSize, manifest, offlineHtml, writeBundle } from '../../src/site/bundle.ts';

const scratch = mkdtempSync(join(tmpdir(), 'bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The files a small site's search index step writes. */
const INDEX_FILES: Record<string, string | Buffer> = {
  'pagefind/pagefind.js': 'export const search = () => [];',
  'pagefind/fragment/uk_1.pf_fragment': Buffer.from([31, 139, 8, 0, 1, 2]),
  'search/lexicon.js': 'globalThis.lessonKitsLexicon = {};',
};

/** Write files into a folder. */
function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A small built site: pages (one linking the bundle), a kit, a picture, an older download, and its search index unless `indexed` is false. */
function makeSite(dir: string, indexed = true): string {
  const files: Record<string, string | Buffer> = {
    'index.html': '<!doctype html><title>Головна</title><a href="./lessons/x/index.html">x</a>',
    'about/index.html': '<!doctype html><h2 id="offline">Без інтернету</h2><p class="download" data-online-only data-pagefind-ignore>\n<a href="../downloads/lesson-kits-1.2.3.zip" download>Завантажити</a> <span data-bundle-size="uk"></span></p><p>кінець</p>',
    'lessons/x/index.html': '<!doctype html><title>Урок</title>',
    'kits/x.pdf': Buffer.from('%PDF-1.7 kit'),
    '_astro/pic.png': Buffer.from([137, 80, 78, 71, 1, 2, 3]),
    'downloads/lesson-kits-1.2.2.zip': Buffer.from('PK old'),
    'search/index.html': '<!doctype html><title>Пошук</title>',
  };
  writeFiles(dir, indexed ? { ...files, ...INDEX_FILES } : files);
  return dir;
}

const INFO = { version: '1.2.3', commit: 'abc1234', commitDate: '2026-11-20', builtOn: '2026-11-21' };

describe('the offline bundle', () => {
  test('is the same bytes for the same site, whatever the files’ times and the time zone', async () => {
    const site = makeSite(join(scratch, 'site-a'));
    const first = await writeBundle(site, INFO, { outFile: join(scratch, 'a.zip') });
    utimesSync(join(site, 'index.html'), new Date('2001-01-01'), new Date('2001-01-01'));
    const second = await writeBundle(site, INFO, { outFile: join(scratch, 'b.zip') });
    expect(readFileSync(second.file).equals(readFileSync(first.file))).toBe(true);
    const elsewhere = spawnSync(process.execPath, ['-e', `import('./src/site/bundle.ts').then((m) => m.writeBundle(${JSON.stringify(site)}, ${JSON.stringify(INFO)}, { outFile: ${JSON.stringify(join(scratch, 'c.zip'))} }))`], {
      env: { ...process.env, TZ: 'Pacific/Kiritimati' },
      encoding: 'utf8',
    });
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
    expect(readFileSync(join(scratch, 'c.zip')).equals(readFileSync(first.file))).toBe(true);
  });

  test('written while the search index is made, it waits for the index’s files and is the same bytes', async () => {
    const site = makeSite(join(scratch, 'site-e'), false);
    const out = join(scratch, 'alongside.zip');
    let started = false;
    const indexing = (async () => {
      // The index is made once the zip has begun: its files are not there when the zip lists the site.
      while (!existsSync(`${out}.partial`)) await new Promise((done) => setTimeout(done, 5));
      started = true;
      writeFiles(site, INDEX_FILES);
    })();
    const alongside = await writeBundle(site, INFO, { outFile: out, indexing });
    expect(started).toBe(true);
    const after = await writeBundle(site, INFO, { outFile: join(scratch, 'after.zip') });
    expect(readFileSync(alongside.file).equals(readFileSync(after.file))).toBe(true);
    expect(execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' })).toContain('site/pagefind/pagefind.js\n');
  });

  test('tells its progress as each file of the site goes in, to the last', async () => {
    const site = makeSite(join(scratch, 'site-g'));
    const told: [number, number][] = [];
    const { files } = await writeBundle(site, INFO, { outFile: join(scratch, 'progress.zip'), onProgress: (done, total) => told.push([done, total]) });
    const siteFiles = files - 3; // START-HERE, serve.mjs and the manifest are not the site's
    expect(told.map(([done]) => done)).toEqual(Array.from({ length: siteFiles }, (_, i) => i + 1));
    expect(told.at(-1)).toEqual([siteFiles, siteFiles]);
  });

  test('a search index that fails fails the bundle and leaves no zip', async () => {
    const site = makeSite(join(scratch, 'site-f'), false);
    const out = join(scratch, 'failed.zip');
    const indexing = new Promise((_done, fail) => setTimeout(() => fail(new Error('Pagefind: out of memory')), 20));
    await expect(writeBundle(site, INFO, { outFile: out, indexing })).rejects.toThrow('Pagefind: out of memory');
    expect(readdirSync(scratch).filter((name) => name.startsWith('failed.zip'))).toEqual([]);
  });

  test('a search index that failed before the zip was ready for it is no unhandled rejection: the bundle fails with its error', async () => {
    const site = makeSite(join(scratch, 'site-e'), false);
    const out = join(scratch, 'early.zip');
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      const indexing = Promise.reject(new Error('Pagefind: no pages'));
      await expect(writeBundle(site, INFO, { outFile: out, indexing })).rejects.toThrow('Pagefind: no pages');
      await new Promise((settled) => setImmediate(settled));
    } finally {
      process.off('unhandledRejection', note);
    }
    expect(unhandled).toEqual([]);
    expect(readdirSync(scratch).filter((name) => name.startsWith('early.zip'))).toEqual([]);
  });

  test('holds START-HERE, the manifest, serve.mjs and the site (without the downloads) in one folder, in a fixed order', async () => {
    const site = makeSite(join(scratch, 'site-b'));
    const { file, files } = await writeBundle(site, INFO, { outFile: join(scratch, 'order.zip') });
    const listing = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toEqual([
      'lesson-kits-1.2.3/START-HERE.html',
      'lesson-kits-1.2.3/serve.mjs',
      'lesson-kits-1.2.3/site/_astro/pic.png',
      'lesson-kits-1.2.3/site/about/index.html',
      'lesson-kits-1.2.3/site/index.html',
      'lesson-kits-1.2.3/site/kits/x.pdf',
      'lesson-kits-1.2.3/site/lessons/x/index.html',
      'lesson-kits-1.2.3/site/search/index.html',
      'lesson-kits-1.2.3/site/pagefind/fragment/uk_1.pf_fragment',
      'lesson-kits-1.2.3/site/pagefind/pagefind.js',
      'lesson-kits-1.2.3/site/search/lexicon.js',
      'lesson-kits-1.2.3/MANIFEST.sha256',
    ]);
    expect(files).toBe(listing.length);
    const times = execFileSync('unzip', ['-Z', '-T', file], { encoding: 'utf8' });
    expect(times.match(/ 20261120\.120000 /g)).toHaveLength(listing.length);
  });

  test('unpacks with unzip to files the manifest verifies with sha256sum -c, and a changed file fails it', async () => {
    const site = makeSite(join(scratch, 'site-c'));
    const { file } = await writeBundle(site, INFO, { outFile: join(scratch, 'verify.zip') });
    const out = join(scratch, 'unpacked');
    execFileSync('unzip', ['-q', file, '-d', out]);
    const copy = join(out, 'lesson-kits-1.2.3');
    expect(spawnSync('sha256sum', ['-c', '--strict', 'MANIFEST.sha256'], { cwd: copy, encoding: 'utf8' }).status).toBe(0);
    expect(readFileSync(join(copy, 'serve.mjs'), 'utf8')).toBe(readFileSync('src/site/serve.mjs', 'utf8'));
    expect(readFileSync(join(copy, 'site/about/index.html'), 'utf8')).not.toContain('downloads/');
    expect(readFileSync(join(copy, 'START-HERE.html'), 'utf8')).toMatch(/Версія 1\.2\.3 \(abc1234, 2026-11-20\).*1 урок, 1 файл PDF/s);
    writeFileSync(join(copy, 'site/kits/x.pdf'), '%PDF-1.7 changed');
    const failed = spawnSync('sha256sum', ['-c', '--quiet', 'MANIFEST.sha256'], { cwd: copy, encoding: 'utf8' });
    expect(failed.status).not.toBe(0);
    expect(failed.stdout).toContain('site/kits/x.pdf: FAILED');
  });

  test('the pages that link the bundle get its size once it is written', async () => {
    const site = makeSite(join(scratch, 'site-d'));
    expect(await fillBundleSize(site, 2.5 * 1024 * 1024)).toBe(1);
    expect(readFileSync(join(site, 'about/index.html'), 'utf8')).toContain('<span data-bundle-size="uk">(ZIP, 2,5 МБ)</span>');
  });

  test('offlineHtml leaves out only what the published site alone shows', () => {
    expect(offlineHtml('<p>a</p><p class="download" data-online-only>b <a href="x.zip">zip</a></p><p>c</p>')).toBe('<p>a</p><p>c</p>');
  });

  test('manifest lines are sha256sum’s: hash, two spaces, path', () => {
    expect(manifest([{ path: 'site/a.txt', data: Buffer.from('abc') }])).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  site/a.txt\n');
  });
});
