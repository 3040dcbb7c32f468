/**
 * One smoke test over the real library's build (`npm run build`, then `npm run test:real`). The engine's behaviour is
 * tested on the fixture library (tests/e2e, inside `npm test`); this proves the real lessons went through it: every
 * published lesson file has its page, kit and pupil pack; the home page counts the real lessons; a real lesson page opens
 * cleanly and its kit, downloaded from the page, reads back with its title on undamaged A4 pages; search finds a lesson
 * by an inflected word, and the result opens it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { BANDS, loadLibrary, publishedLessons } from '../../src/model/index.ts';
import { kitFileName, pupilPackFileName } from '../../src/kit/files.ts';
import { typesetText } from '../../src/kit/read/typography.ts';
import { useBrowser, watchedPage } from '../e2e/browser.ts';
import { letters } from '../kit/pdf-read.ts';

const siteUrl = inject('realSiteUrl');
const siteDir = inject('realSiteDir');
const published = publishedLessons(loadLibrary('lessons'));
const lessons = published.filter((lesson) => lesson.lang === 'uk');
const browser = useBrowser();
const scratch = mkdtempSync(join(tmpdir(), 'real-smoke-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the real library, built', () => {
  test('every published lesson file has its page, its kit and its pupil pack', () => {
    const missing = published.flatMap((lesson) =>
      [
        join(lesson.lang === 'uk' ? '' : lesson.lang, 'lessons', lesson.slug, 'index.html'),
        join('kits', kitFileName(lesson.slug, lesson.lang)),
        join('kits', pupilPackFileName(lesson.slug, lesson.lang)),
      ].filter((file) => !existsSync(join(siteDir, file))),
    );
    expect(missing).toEqual([]);
  });

  test('the home page counts the real lessons of every band, with no console error and no request leaving the site', async () => {
    const watched = await watchedPage(browser(), siteUrl);
    await watched.page.goto(siteUrl, { waitUntil: 'networkidle' });
    for (const band of BANDS) {
      const count = lessons.filter((lesson) => lesson.data.bands.includes(band.id)).length;
      const tile = watched.page.getByRole('link', { name: new RegExp(band.uk) }).first();
      expect(await tile.textContent()).toMatch(count ? new RegExp(`${count} урок`) : /ще немає/);
    }
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.outsideRequests).toEqual([]);
    expect(watched.failedResponses).toEqual([]);
    await watched.page.close();
  });

  test('a real lesson page opens cleanly, and its kit, downloaded from the page, reads back: its title, on undamaged A4 pages', async () => {
    const lesson = lessons[0]!;
    const watched = await watchedPage(browser(), siteUrl);
    const { page } = watched;
    await page.goto(`${siteUrl}lessons/${lesson.slug}/index.html`, { waitUntil: 'networkidle' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(lesson.data.title);
    const href = await page.getByRole('link', { name: /набір для друку/ }).getAttribute('href');
    const download = await page.request.get(new URL(href!, page.url()).href);
    expect(download.status()).toBe(200);
    const file = join(scratch, 'kit.pdf');
    writeFileSync(file, await download.body());
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors found/);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    const firstPage = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(letters(firstPage)).toContain(letters(typesetText(lesson.data.title, 'uk')));
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.failedResponses).toEqual([]);
    await page.close();
  });

  test('search finds the lessons on passwords by an inflected word, and a result opens its lesson', async () => {
    const onPasswords = lessons.filter((lesson) => lesson.data.topics.includes('passwords'));
    expect(onPasswords.length).toBeGreaterThan(0);
    const { page } = await watchedPage(browser(), siteUrl);
    await page.goto(`${siteUrl}search/index.html`);
    await page.getByRole('searchbox').fill('паролями');
    await page.getByRole('searchbox').press('Enter');
    const results = page.locator('[data-search-results] h2 a');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const titles = (await results.allTextContents()).map((title) => title.trim());
    for (const lesson of onPasswords) expect(titles).toContain(lesson.data.title);
    await page.getByRole('link', { name: onPasswords[0]!.data.title, exact: true }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${siteUrl}lessons/${onPasswords[0]!.slug}/index.html`);
    await page.close();
  });
});
