import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { bandById, loadLibrary, publishedLessons, BANDS } from '../../src/model/index.ts';
import { useBrowser, watchedPage } from './browser.ts';

const siteUrl = inject('siteUrl');
const lessons = publishedLessons(loadLibrary('lessons')).filter((lesson) => lesson.lang === 'uk');
const browser = useBrowser();

const siteDir = inject('siteDir');

/** Every word of a built lesson page's indexed part (the article), lower-cased. */
function wordsOf(slug: string): Set<string> {
  const html = readFileSync(join(siteDir, 'lessons', slug, 'index.html'), 'utf8');
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>')).replace(/<[^>]+>/g, ' ');
  return new Set(article.toLowerCase().match(/[\p{L}’']+/gu) ?? []);
}

/** Search as a teacher would and return each result's title with the words its excerpt highlights. */
async function searchWithMarks(page: Page, query: string, band = ''): Promise<{ title: string; marks: string[] }[]> {
  await search(page, query, band);
  return page.locator('[data-search-results] li').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('h2')?.textContent ?? '',
      // A highlight may carry the punctuation around the word: «безпека»),
      marks: [...item.querySelectorAll('mark')].map((mark) => (mark.textContent ?? '').toLowerCase().replace(/^[^\p{L}]+/u, '')),
    })),
  );
}

/** Search on the search page as a teacher would: type, pick a band; returns the result titles. */
async function search(page: Page, query: string, band = ''): Promise<string[]> {
  await page.goto(`${siteUrl}search/`);
  await page.getByRole('combobox', { name: /Вікові групи/ }).selectOption(band);
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('button', { name: 'Шукати' }).click();
  const status = page.getByRole('status');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Знайдено|Нічого не знайдено/);
  return page.locator('[data-search-results] h2').allTextContents();
}

describe('search in Ukrainian with a band filter', () => {
  // Pagefind has no Ukrainian stemmer: it matches whole words, and the last word of a query as a prefix.
  // So a query finds a lesson by that word when its page has a word starting with it. An inflected form that
  // is not on the page is not found as such: Pagefind then falls back to a shorter prefix ("безпека" → "без"),
  // which returns loose matches; the excerpt's highlights show which word matched.
  const forms = ['безпека', 'безпеки', 'безпек', 'дорослому', 'секрет'];
  const cases = lessons.flatMap((lesson) => forms.map((query) => [lesson.slug, query, lesson] as const));

  test.each(cases)('%s: "%s"', async (_slug, query, lesson) => {
    const { page } = await watchedPage(browser(), siteUrl);
    const band = bandById(lesson.data.bands[0]).uk;
    const results = await searchWithMarks(page, query, band);
    const expected = [...wordsOf(lesson.slug)].some((word) => word.startsWith(query));
    const result = results.find((item) => item.title === lesson.data.title);
    const foundByWord = !!result?.marks.some((mark) => mark.startsWith(query));
    expect(foundByWord, JSON.stringify(results)).toBe(expected);
    await page.close();
  });

  test('a band filter leaves out lessons of other bands', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const lesson = lessons[0];
    const other = BANDS.find((band) => !lesson.data.bands.includes(band.id))!;
    const word = lesson.data.title.split(/\s+/).find((w) => w.length > 4)!.toLowerCase();
    expect(await search(page, word, bandById(lesson.data.bands[0]).uk)).toContain(lesson.data.title);
    expect(await search(page, word, other.uk)).not.toContain(lesson.data.title);
    await page.close();
  });

  test('browsing a band with an empty query lists exactly its lessons, with band and format in each result', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    for (const band of BANDS) {
      const titles = await search(page, '', band.uk);
      const expected = lessons.filter((lesson) => lesson.data.bands.includes(band.id)).map((lesson) => lesson.data.title);
      expect(titles.sort()).toEqual(expected.sort());
      if (expected.length) expect(await page.locator('[data-search-results] li p').first().textContent()).toContain(band.uk);
    }
    await page.close();
  });

  test('a search can be shared as a link', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const lesson = lessons[0];
    const band = bandById(lesson.data.bands[0]).uk;
    await page.goto(`${siteUrl}search/?q=&band=${encodeURIComponent(band)}`);
    await expect.poll(() => page.locator('[data-search-results] h2').allTextContents()).toContain(lesson.data.title);
    await page.close();
  });
});
