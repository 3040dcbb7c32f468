/**
 * A band of more lessons than a volume holds, through the real kits pipeline (renderKits, as the build calls it): a small
 * library in a temporary folder where band 3–4 has VOLUME_LESSONS + 2 lessons (copies of the fixture lesson under other
 * titles, so their order is known) and band 1–2 one. Its bundle is split into volumes in title order, each volume is read
 * back page by page, and a one-lesson edit renders exactly that lesson's products and the volume that holds it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bandBundles, KitWorkers, renderKits, type KitJobResult } from '../../src/kit/batch.ts';
import { bandBundleFileName, VOLUME_LESSONS } from '../../src/kit/files.ts';
import { engineFingerprint, openKitCache } from '../../src/kit/cache.ts';
import { typesetText } from '../../src/kit/read/typography.ts';
import { loadLibrary, publishedLessons } from '../../src/model/index.ts';
import { t } from '../../src/i18n/index.ts';
import { bandById } from '../../src/model/bands.ts';
import { bookmarks, letters, pageTexts } from './pdf-read.ts';

mkdirSync('tests/.tmp', { recursive: true });
const scratch = mkdtempSync(join('tests/.tmp', 'volumes-'));
const library = join(scratch, 'lessons');
const cache = openKitCache(join(scratch, 'cache'), engineFingerprint());
const s = t('uk');

/** Copies of the fixture lesson in band 3–4 only, titled to sort before it («Паролі та секрети», in bands 1–2 and 3–4). */
const COPIES = VOLUME_LESSONS + 1;
/** One warm worker for every run. */
const pool = new KitWorkers(1);
const copySlug = (n: number) => `copy-${String(n).padStart(2, '0')}`;
const copyTitle = (n: number) => `Безпека в мережі, частина ${String(n).padStart(2, '0')}`;

function makeLibrary(): void {
  cpSync('tests/fixtures/lessons', library, { recursive: true });
  const source = readFileSync(join(library, 'valid-lesson', 'index.mdx'), 'utf8');
  for (let n = 1; n <= COPIES; n++) {
    mkdirSync(join(library, copySlug(n)));
    writeFileSync(join(library, copySlug(n), 'index.mdx'), source.replace(/^title: .*$/m, `title: ${copyTitle(n)}`).replace(/^bands: .*$/m, 'bands: [3-4]'));
  }
}

/** One run of the pipeline into `out`: the products by file name, each rendered or copied from the cache. */
async function run(out: string): Promise<Map<string, 'rendered' | 'cached'>> {
  const loaded = loadLibrary(library);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const results = await renderKits(publishedLessons(loaded), { outDir: out, lessonsDir: library, bundles: true, workerPool: pool, cache });
  expect(results.filter((result): result is Extract<KitJobResult, { ok: false }> => !result.ok).flatMap((result) => result.diagnostics)).toEqual([]);
  return new Map(results.flatMap((result) => (result.ok ? result.written.map((file) => [basename(file.out), result.cached ? 'cached' : 'rendered'] as const) : [])));
}

const rendered = (products: Map<string, 'rendered' | 'cached'>) => [...products].filter(([, how]) => how === 'rendered').map(([name]) => name).sort();

/** The lines of a page between its running header and its footer. */
const body = (text: string) => text.split('\n').filter((line) => line.trim()).slice(1, -1);

const cold = join(scratch, 'cold');
let products = new Map<string, 'rendered' | 'cached'>();

beforeAll(async () => {
  makeLibrary();
  products = await run(cold);
}, 300_000);
afterAll(async () => {
  await pool.terminate();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a band of more lessons than a volume holds', () => {
  test('is split into consecutive volumes in title order; a band of few lessons stays one file under its old name', () => {
    const bundles = bandBundles(publishedLessons(loadLibrary(library))).filter((bundle) => bundle.lang === 'uk');
    const band34 = bundles.filter((bundle) => bundle.band === '3-4');
    expect(band34.map((bundle) => bundle.volume)).toEqual([{ number: 1, count: 2 }, { number: 2, count: 2 }]);
    const titles = band34.map((bundle) => bundle.lessons.map((lesson) => lesson.data.title));
    const expected = [...Array.from({ length: COPIES }, (_, i) => copyTitle(i + 1)), 'Паролі та секрети'];
    expect(titles).toEqual([expected.slice(0, VOLUME_LESSONS), expected.slice(VOLUME_LESSONS)]);
    expect(bundles.find((bundle) => bundle.band === '1-2')?.volume).toBeUndefined();
    const written = [...products.keys()].filter((name) => name.startsWith('band-')).sort();
    expect(written).toEqual(['band-1-2.pdf', 'band-3-4.vol-01.pdf', 'band-3-4.vol-02.pdf']);
    expect(written).toEqual(['band-1-2.pdf', bandBundleFileName('3-4', 'uk', 'a4', { number: 1, count: 2 }), bandBundleFileName('3-4', 'uk', 'a4', { number: 2, count: 2 })]);
  });

  test.each([1, 2])('volume %i has its own contents page whose page numbers lead to its lessons, and its pages numbered through the volume', (volume) => {
    const file = join(cold, `band-3-4.vol-0${volume}.pdf`);
    const texts = pageTexts(file);
    const first = (volume - 1) * VOLUME_LESSONS;
    const members = [...Array.from({ length: COPIES }, (_, i) => copyTitle(i + 1)), 'Паролі та секрети'].slice(first, first + VOLUME_LESSONS);
    const contents = texts.slice(0, 2).join('\n').replace(/\s+/g, ' ');
    expect(letters(contents)).toContain(letters(s.kit.volumeTitle(bandById('3-4').uk, volume)));
    expect(letters(contents)).toContain(letters(s.kit.volumeLead(volume, first + 1, first + members.length)));
    let previous = 0;
    for (const title of members) {
      const at = new RegExp(`${typesetText(title, 'uk').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — с\\. (\\d+)–(\\d+)`).exec(contents);
      expect(at, title).not.toBeNull();
      const page = Number(at![1]);
      expect(page % 2, title).toBe(1);
      expect(page, title).toBeGreaterThan(previous);
      previous = Number(at![2]);
      expect(letters(body(texts[page - 1]!)[0]!), title).toBe(letters(typesetText(title, 'uk')));
    }
    texts.forEach((text, i) => expect(text).toContain(s.pageOf(i + 1, texts.length)));
    expect(bookmarks(file).map((entry) => entry.title)).toEqual([s.kit.contents, ...members.map((title) => typesetText(title, 'uk'))]);
  });

  test("every page reference inside a volume's kits names the page of that volume where its target starts", () => {
    const texts = pageTexts(join(cold, 'band-3-4.vol-02.pdf'));
    let count = 0;
    for (const text of texts) {
      for (const [, label, page] of body(text).join(' ').replace(/(\p{L})- (\p{L})/gu, '$1$2').matchAll(/Див\.:\s*(.+?),\s*с\.\s*(\d+)/g)) {
        count++;
        const target = letters(label!).replace(/^(роздатка|станція)\d+|^картки/, '');
        expect(letters(body(texts[Number(page) - 1]!).slice(0, 3).join(' ')), `${label} → p. ${page}`).toContain(target);
      }
    }
    expect(count).toBeGreaterThanOrEqual(2);
  });

  test("a lesson's edit renders its kit, its pupil pack and the one volume per band that holds it, nothing else", async () => {
    const edit = (slug: string) => {
      const file = join(library, slug, 'index.mdx');
      const text = readFileSync(file, 'utf8');
      const next = text.replace('Намалюй замок.', 'Намалюй замок і ключ.');
      expect(next).not.toBe(text);
      writeFileSync(file, next);
    };
    edit(copySlug(5));
    expect(rendered(await run(join(scratch, 'edit-1')))).toEqual(['band-3-4.vol-01.pdf', `${copySlug(5)}.pdf`, `${copySlug(5)}.pupils.pdf`]);
    edit('valid-lesson');
    expect(rendered(await run(join(scratch, 'edit-2')))).toEqual(['band-1-2.pdf', 'band-3-4.vol-02.pdf', 'valid-lesson.pdf', 'valid-lesson.pupils.pdf']);
  }, 120_000);

  test('a lesson added at the end of a band renders its products and the last volume only (earlier volumes do not print the count)', async () => {
    mkdirSync(join(library, 'last-lesson'));
    writeFileSync(join(library, 'last-lesson', 'index.mdx'), readFileSync(join(library, copySlug(1), 'index.mdx'), 'utf8').replace(/^title: .*$/m, 'title: Чесність у мережі'));
    expect(rendered(await run(join(scratch, 'added')))).toEqual(['band-3-4.vol-02.pdf', 'last-lesson.pdf', 'last-lesson.pupils.pdf']);
  }, 120_000);
});
