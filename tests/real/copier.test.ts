/**
 * Kits a teacher can trust at the copier (issue 12), on the real library as published: every kit and pupil pack of the
 * real build (`kits/` of `npm run build`) read back with poppler, through the checks every kit must pass
 * (tests/kit/copier-suite.ts), and the checks that name real lessons' sheets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { kitFileName, pupilPackFileName } from '../../src/kit/files.ts';
import { t } from '../../src/i18n/index.ts';
import { bookmarks, fullness, letters, placedPictures } from '../kit/pdf-read.ts';
import { bodyLines, CONTENT_HEIGHT, CONTENT_TOP, copierChecks, copierOf, median, memoTitles, MM, readBack } from '../kit/copier-suite.ts';

const siteDir = inject('realSiteDir');
const copier = copierOf('lessons');
const { lessons } = copier;
const kits = copier.kits;

beforeAll(() => {
  for (const lesson of lessons) {
    copier.kits.set(lesson.file, readBack(join(siteDir, 'kits', kitFileName(lesson.slug, lesson.lang))));
    copier.packs.set(lesson.file, readBack(join(siteDir, 'kits', pupilPackFileName(lesson.slug, lesson.lang))));
  }
}, 120_000);

copierChecks(copier);

describe('the 4–6 kit (moya-persha-podorozh)', () => {
  const lesson = lessons.find((item) => item.slug === 'moya-persha-podorozh' && item.lang === 'uk')!;
  const kit = () => kits.get(lesson.file)!;

  test('the parent memo lists the contacts where it says where to get help', () => {
    const parts = bookmarks(kit().file).filter((entry) => entry.depth === 0);
    const memo = parts.find((entry) => memoTitles(lesson).includes(entry.title))!;
    const next = parts[parts.indexOf(memo) + 1]!;
    const text = letters(kit().texts.slice(memo.page - 1, next.page - 1).join(' '));
    const at = text.indexOf(letters('Куди звернутися по допомогу'));
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at)).toContain('116111');
    expect(text.slice(at)).toContain('102');
  });

  test('«Моя долонька довіри» prints the hand at least 15 cm tall, its circles at least 25 mm across with a solid outline', async () => {
    const svg = readFileSync('lessons/moya-persha-podorozh/dolonka-doviry.svg', 'utf8');
    const [, , vbWidth, vbHeight] = /viewBox="([\d.\s-]+)"/.exec(svg)![1]!.trim().split(/\s+/).map(Number);
    const placed = placedPictures(kit().file).find((p) => p.bbox[2] === vbWidth && p.bbox[3] === vbHeight)!;
    expect(placed).toBeDefined();
    // The hand's own height inside the picture, measured on a raster of the drawing (rows with anything drawn).
    const { data, info } = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
    const rows = Array.from({ length: info.height }, (_, y) => data.subarray(y * info.width, (y + 1) * info.width).some((v) => v < 200));
    const drawn = rows.lastIndexOf(true) - rows.indexOf(true) + 1;
    const handMm = ((placed.height * drawn) / info.height) / MM;
    expect(handMm).toBeGreaterThanOrEqual(150);
    const circles = [...svg.matchAll(/<circle[^>]*r="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(circles.length).toBe(5);
    for (const r of circles) expect(((2 * r * placed.height) / vbHeight!) / MM).toBeGreaterThanOrEqual(25);
    expect(svg).not.toContain('stroke-dasharray');
  });

  test('the poster «Три кроки» is readable across a room: large type, the picture filling the page', () => {
    const page = kit().texts.findIndex((text) => letters(text).includes(letters('Плакат «Три кроки»')) && letters(text).includes(letters('Якщо в телефоні')));
    expect(page).toBeGreaterThan(0);
    const words = kit().words[page]!;
    const body = median(kit().words[3]!.map((word) => word.yMax - word.yMin));
    const title = words.find((word) => word.text === 'Плакат')!;
    expect((title.yMax - title.yMin) / body).toBeGreaterThanOrEqual(36 / 11);
    const stop = words.find((word) => word.text.startsWith('Стоп'))!;
    expect((stop.yMax - stop.yMin) / body).toBeGreaterThanOrEqual(20 / 11);
    const picture = placedPictures(kit().file).find((p) => p.page === page + 1)!;
    expect(picture.height / MM).toBeGreaterThanOrEqual(80);
    expect(fullness(words)).toBeGreaterThan(0.85);
    // One page: all of it is on it, and the page after it is its marked blank back.
    expect(letters(kit().texts[page]!)).toContain(letters('все зупинимо одразу'));
    expect(kit().texts[page + 1]).toContain('навмисно залишена порожньою');
    // The action plan on it is its three steps' names, large; what each means is in the plan and the memo.
    expect(letters(kit().texts[page]!)).not.toContain(letters('Нічого не відповідаю'));
    const steps = ['Розкажи', 'Разом'].map((text) => words.find((word) => word.text === text)!);
    for (const step of steps) expect((step.yMax - step.yMin) / body).toBeGreaterThanOrEqual(30 / 11);
  });
});

describe('forms and sheets of the 9–11 quest', () => {
  const lesson = lessons.find((item) => item.slug === 'ne-vedus-kvest-9-11')!;
  const kit = () => kits.get(lesson.file)!;
  /** The page a part starts on: one of its first lines is the part's title. */
  const pageWith = (text: string) => kit().texts.findIndex((page) => bodyLines(page).slice(0, 3).some((line) => line.trim() === text));

  test('the complaint form gives each field several writing lines, filling its sheet', () => {
    const p = pageWith('Бланк скарги на платформу');
    const words = kit().words[p]!;
    const labels = ['Що', 'Де', 'Коли', 'Що', 'Чого', 'Що'].length;
    const starts = words.filter((word) => /^(Що|Де|Коли|Чого)$/.test(word.text) && word.xMin < 60).map((word) => word.yMin);
    expect(starts.length).toBe(labels);
    // At least two writing lines (24 pt apart) between one field's label and the next.
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThan(2 * 24 + 12);
    // The last field's lines run to the bottom of the page: it is at least two thirds down.
    expect((starts.at(-1)! - CONTENT_TOP) / CONTENT_HEIGHT).toBeGreaterThan(0.6);
  });

  test('reference sheets and team sheets ask for no pupil\u2019s name', () => {
    for (const title of ['Довідка юриста', 'Бланк скарги на платформу', 'Лист команди']) {
      expect(kit().texts[pageWith(title)], title).not.toContain('Ім’я:');
    }
    // A pupil's private sheet has no name line either, only the note that it is the pupil's own.
    expect(kit().texts[pageWith('Мій цифровий чек-ап і план')]).not.toContain('Ім’я:');
    expect(kit().texts[pageWith('Мій цифровий чек-ап і план')]).toContain(t('uk').privateSheet);
  });

  test('a list on a card is set flush left, its numbers at the start of lines', () => {
    const p = kit().texts.findIndex((page) => page.includes('Чек-лист відповіді'));
    const words = kit().words[p]!;
    const numbers = ['1.', '2.', '3.', '4.', '5.'].map((n) => words.filter((word) => word.text === n).sort((a, b) => b.yMin - a.yMin)[0]!);
    expect(new Set(numbers.map((word) => word.xMin.toFixed(1))).size).toBe(1);
    const check = words.find((word) => word.text === 'Чек-лист')!;
    expect(Math.abs(check.xMin - numbers[0]!.xMin)).toBeLessThan(0.5);
  });
});

describe('pupil-facing tables (5–6)', () => {
  test('a table on a pupil\u2019s sheet is set at the sheet\u2019s type size, not smaller', () => {
    const lesson = lessons.find((item) => item.slug === 'ne-vedus-5-6')!;
    const kit = kits.get(lesson.file)!;
    const p = kit.texts.findIndex((page) => bodyLines(page).slice(0, 3).some((line) => line.includes('Чат із червоними прапорцями')));
    const words = kit.words[p]!;
    const cell = words.find((word) => word.text === 'Лео_12')!;
    const lead = words.find((word) => word.text === 'Роздатка')!;
    expect(cell.yMax - cell.yMin).toBeCloseTo(lead.yMax - lead.yMin, 1);
  });
});

