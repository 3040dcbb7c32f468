/** The print products besides the teacher's kit: a band's bundle of kits, US Letter files, their names; read back from the PDFs. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadLibrary, publishedLessons } from '../../src/model/index.ts';
import { renderBandBundle, renderKit, renderLessonProducts, renderPupilPack, type KitOptions } from '../../src/kit/index.ts';
import { bandBundles } from '../../src/kit/batch.ts';
import { bandBundleFileName, kitFileName, pupilPackFileName } from '../../src/kit/files.ts';
import { typesetText } from '../../src/kit/read/typography.ts';
import { t } from '../../src/i18n/index.ts';
import { bookmarks, letters, pageTexts } from './pdf-read.ts';

const library = loadLibrary('lessons');
const lessons = publishedLessons(library);
const options: KitOptions = { helplines: library.helplines, facts: library.facts };
const dir = mkdtempSync(join(tmpdir(), 'products-'));
const s = t('uk');
/** The band with the most lessons (a real term's set). */
const bundle = bandBundles(lessons).filter((entry) => entry.lang === 'uk').sort((a, b) => b.lessons.length - a.lessons.length)[0]!;
const file = join(dir, bandBundleFileName(bundle.band, 'uk'));
let texts: string[] = [];

beforeAll(async () => {
  const result = await renderBandBundle(bundle.lessons, bundle.band, options);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  writeFileSync(file, result.pdf);
  texts = pageTexts(file);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines of a page between its running header and its footer. */
const body = (text: string) => text.split('\n').filter((line) => line.trim()).slice(1, -1);

describe(`a band's bundle (band ${bundle.band})`, () => {
  test('has a table of contents whose page numbers lead to each lesson, each lesson on a new sheet', () => {
    expect(bundle.lessons.length).toBeGreaterThan(1);
    const contents = texts.slice(0, 3).join('\n');
    for (const lesson of bundle.lessons) {
      const title = typesetText(lesson.data.title, 'uk');
      const at = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — с\\. (\\d+)–(\\d+)`).exec(contents.replace(/\s+/g, ' '));
      expect(at, title).not.toBeNull();
      const first = Number(at![1]);
      expect(first % 2, title).toBe(1);
      expect(letters(body(texts[first - 1]!)[0]!), title).toBe(letters(title));
    }
  });

  test('numbers its pages through the file, in every footer', () => {
    texts.forEach((text, i) => expect(text).toContain(s.pageOf(i + 1, texts.length)));
  });

  test('nests the bookmarks per lesson, after the contents', () => {
    const tree = bookmarks(file);
    expect(tree.map((entry) => entry.title)).toEqual([s.kit.contents, ...bundle.lessons.map((lesson) => typesetText(lesson.data.title, 'uk'))]);
    for (const [i, lesson] of tree.slice(1).entries()) expect(lesson.kids.map((kid) => kid.title)).toContain(s.kit.plan(bundle.lessons[i]!.data.format));
  });

  test('every page reference inside a kit names the page of the bundle where its target starts', () => {
    let count = 0;
    texts.forEach((text) => {
      for (const [, label, page] of body(text).join(' ').replace(/(\p{L})- (\p{L})/gu, '$1$2').matchAll(/Див\.:\s*(.+?),\s*с\.\s*(\d+)/g)) {
        count++;
        const target = letters(label!).replace(/^(роздатка|станція)\d+|^картки/, '');
        expect(letters(body(texts[Number(page) - 1]!).slice(0, 3).join(' ')), `${label} → p. ${page}`).toContain(target);
      }
    });
    expect(count).toBeGreaterThan(bundle.lessons.length);
  });
});

describe("a lesson's products made in one render", () => {
  test('are byte for byte the kit and the pupil pack made each on its own (they share the lines broken, nothing else)', async () => {
    for (const lesson of lessons) {
      const together = await renderLessonProducts(lesson, options);
      const [kit, pupils] = [await renderKit(lesson, options), await renderPupilPack(lesson, options)];
      for (const [name, one, alone] of [['kit', together.kit, kit], ['pupils', together.pupils, pupils]] as const) {
        if (!one.ok || !alone.ok) throw new Error(`${lesson.file}: ${name} not rendered`);
        expect(Buffer.from(one.pdf).equals(Buffer.from(alone.pdf)), `${lesson.file}: ${name}`).toBe(true);
      }
    }
  }, 120_000);
});

describe('US Letter', () => {
  test('every product renders on Letter paper', async () => {
    const lesson = lessons[0]!;
    const { kit, pupils } = await renderLessonProducts(lesson, { ...options, paper: 'letter' });
    const result = await renderBandBundle(bundle.lessons.slice(0, 2), bundle.band, { ...options, paper: 'letter' });
    for (const [name, product] of [['kit', kit], ['pupils', pupils], ['bundle', result]] as const) {
      expect(product.ok, name).toBe(true);
      const out = join(dir, `letter-${name}.pdf`);
      writeFileSync(out, (product as { pdf: Uint8Array }).pdf);
      expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' }), name).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    }
  });

  test.each([
    [kitFileName('moya-persha-podorozh', 'uk', 'letter'), 'moya-persha-podorozh.letter.pdf'],
    [pupilPackFileName('moya-persha-podorozh', 'en', 'a4'), 'moya-persha-podorozh.en.pupils.pdf'],
    [pupilPackFileName('moya-persha-podorozh', 'uk', 'letter'), 'moya-persha-podorozh.letter.pupils.pdf'],
    [bandBundleFileName('9-11', 'uk', 'a4'), 'band-9-11.pdf'],
    [bandBundleFileName('4-6', 'en', 'letter'), 'band-4-6.en.letter.pdf'],
  ])('file name %s', (name, expected) => {
    expect(name).toBe(expected);
  });
});
