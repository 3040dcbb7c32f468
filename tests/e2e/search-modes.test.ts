/**
 * Search as a teacher uses it in every serving mode: over HTTP (site root and sub-path) Pagefind, where clicking a
 * result must open that lesson; from disk (file://) the offline finder, which filters and matches word forms in titles,
 * summaries and topics, says that full-text search needs a server, and opens results from disk.
 */
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { BANDS, FORMATS, TOPICS, bandById } from '../../src/model/index.ts';
import { t } from '../../src/i18n/index.ts';
import { useBrowser, watchedPage, type WatchedPage } from './browser.ts';
import { englishLessons, lessons } from '../fixtures/library.ts';

const HTTP_MODES = [
  ['root', inject('rootUrl')],
  ['sub-path', inject('siteUrl')],
] as const;
const fileUrl = inject('fileUrl');
/** A band with an English translation among its lessons. */
const englishBand = bandById(englishLessons[0]!.data.bands[0]);
const browser = useBrowser();

/** Type a query on a search page (and pick filters by their labels); returns the result titles once shown. */
async function search(page: Page, query: string, filters: Record<string, string> = {}): Promise<string[]> {
  for (const [name, value] of Object.entries(filters)) await page.locator(`select[name="${name}"]`).selectOption(value);
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('searchbox').press('Enter');
  const status = page.getByRole('status');
  await status.filter({ hasText: /Знайдено|Нічого не знайдено|found|Nothing found/ }).waitFor({ timeout: 10_000 });
  return page.locator('[data-search-results] h2').allTextContents();
}

/** No console error, page error or request outside the site happened. */
function expectClean(watched: WatchedPage): void {
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.outsideRequests).toEqual([]);
  expect(watched.failedResponses).toEqual([]);
}

// Each test searches in a tab of its own and only reads the site: the tests of a group run side by side. No
// `expect.poll` here: it cannot tell concurrent tests apart.
describe.concurrent.each(HTTP_MODES)('full search served from %s', (_mode, base) => {
  test('every result of a search opens its own page, under the site', async () => {
    const watched = await watchedPage(browser(), base);
    const { page } = watched;
    await page.goto(`${base}search/index.html`);
    const titles = await search(page, 'дорослому');
    expect(titles.length).toBeGreaterThan(1);
    for (let i = 0; i < titles.length; i++) {
      // Back to the results, as a teacher goes through them (the browser keeps or rebuilds the page; both must work).
      if (i > 0) await page.goBack();
      await page.locator('[data-search-results] h2').nth(titles.length - 1).waitFor({ timeout: 10_000 });
      expect(await page.locator('[data-search-results] h2').count()).toBe(titles.length);
      const link = page.locator('[data-search-results] h2 a').nth(i);
      await link.click();
      await page.waitForLoadState('load');
      expect(page.url().startsWith(base), page.url()).toBe(true);
      expect(page.url()).toMatch(/\/index\.html$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(titles[i].trim());
    }
    expectClean(watched);
    await page.close();
  });

  test('a result that is not a lesson (the about page with the helplines) opens too', async () => {
    const watched = await watchedPage(browser(), base);
    const { page } = watched;
    await page.goto(`${base}search/index.html`);
    const titles = await search(page, 'телефони довіри', { type: t('uk').pageTypes.about });
    expect(titles).toHaveLength(1);
    await page.locator('[data-search-results]').getByRole('link', { name: titles[0] }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${base}about/index.html`);
    expectClean(watched);
    await page.close();
  });

  test('English search finds English pages and opens them', async () => {
    const watched = await watchedPage(browser(), base);
    const { page } = watched;
    await page.goto(`${base}en/search/index.html`);
    const titles = await search(page, '', { band: englishBand.en });
    expect(titles.length).toBeGreaterThan(0);
    await page.locator('[data-search-results] h2 a').first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(new RegExp(`^${base.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&')}en/lessons/[a-z0-9-]+/index\\.html$`));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expectClean(watched);
    await page.close();
  });
});

describe.concurrent('the offline finder, from disk', () => {
  /** Open the search page from disk, recording problems. */
  async function openFinder(path = 'search/index.html'): Promise<WatchedPage> {
    const watched = await watchedPage(browser(), fileUrl);
    await watched.page.goto(fileUrl + path);
    return watched;
  }

  test('says it searches titles, summaries and topics, and that full-text search needs a server', async () => {
    const watched = await openFinder();
    await watched.page.locator('[data-offline-note]').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await watched.page.locator('[data-offline-note]').textContent()).toMatch(/назвах, описах і темах.*вебсервер/s);
    expect(await watched.page.locator('[data-online-hint]').isVisible()).toBe(false);
    expectClean(watched);
    await watched.page.close();
  });

  test('an inflected form finds every lesson that has the word in its title, summary or topics', async () => {
    const watched = await openFinder();
    const titles = await search(watched.page, 'паролями');
    const expected = lessons
      .filter((lesson) => [lesson.data.title, lesson.data.summary, ...lesson.data.topics.map((topic) => TOPICS[topic].uk)].join(' ').toLowerCase().match(/(^|[^\p{L}])парол/u))
      .map((lesson) => lesson.data.title);
    expect(expected.length).toBeGreaterThan(0);
    expect(titles.sort()).toEqual(expected.sort());
    const marks = await watched.page.locator('[data-search-results] mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^парол/);
    expectClean(watched);
    await watched.page.close();
  });

  test('an irregular form finds the lessons with any form of the word, as the full search does (one lexicon)', async () => {
    const watched = await openFinder();
    const titles = await search(watched.page, 'дітьми');
    const forms = /(^|[^\p{L}])(дитина|дитини|дитині|дитину|дитиною|діти|дітей|дітям|дітьми|дітях)([^\p{L}]|$)/u;
    const expected = lessons
      .filter((lesson) => forms.test([lesson.data.title, lesson.data.summary, ...lesson.data.topics.map((topic) => TOPICS[topic].uk)].join(' ').toLowerCase()))
      .map((lesson) => lesson.data.title);
    expect(expected.length).toBeGreaterThan(0);
    expect(titles.filter((title) => lessons.some((lesson) => lesson.data.title === title)).sort()).toEqual(expected.sort());
    expectClean(watched);
    await watched.page.close();
  });

  test('the page-type filter finds the teachers’ page, which opens from disk', async () => {
    const watched = await openFinder();
    const titles = await search(watched.page, '', { type: t('uk').pageTypes.teachers });
    expect(titles).toHaveLength(1);
    await watched.page.locator('[data-search-results]').getByRole('link', { name: titles[0] }).click();
    await watched.page.waitForLoadState('load');
    expect(watched.page.url()).toBe(`${fileUrl}teachers/index.html`);
    expectClean(watched);
    await watched.page.close();
  });

  test.each(BANDS.map((band) => [band.uk, band.id] as const))('the band filter %s lists exactly its lessons', async (label, id) => {
    const watched = await openFinder();
    const titles = await search(watched.page, '', { band: label });
    expect(titles.sort()).toEqual(lessons.filter((lesson) => lesson.data.bands.includes(id)).map((lesson) => lesson.data.title).sort());
    expectClean(watched);
    await watched.page.close();
  });

  test('format and topic filters narrow a search', async () => {
    const watched = await openFinder();
    const quests = lessons.filter((lesson) => lesson.data.format === 'quest');
    expect(quests.length).toBeGreaterThan(0);
    expect((await search(watched.page, '', { format: FORMATS.quest.uk })).sort()).toEqual(quests.map((lesson) => lesson.data.title).sort());
    const topic = quests[0].data.topics[0];
    const expected = quests.filter((lesson) => lesson.data.topics.includes(topic)).map((lesson) => lesson.data.title);
    expect((await search(watched.page, '', { format: FORMATS.quest.uk, topic: TOPICS[topic].uk })).sort()).toEqual(expected.sort());
    expectClean(watched);
    await watched.page.close();
  });

  test('a result opens its lesson from disk, and a search can be shared as a link', async () => {
    const lesson = lessons[0];
    const word = lesson.data.title.split(/\s+/).find((part) => part.length > 5)!;
    const watched = await openFinder(`search/index.html?q=${encodeURIComponent(word)}`);
    const { page } = watched;
    await page.locator('[data-search-results] h2', { hasText: lesson.data.title }).first().waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-search-results] h2').allTextContents()).toContain(lesson.data.title);
    await page.getByRole('link', { name: lesson.data.title, exact: true }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${fileUrl}lessons/${lesson.slug}/index.html`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(lesson.data.title);
    expectClean(watched);
    await page.close();
  });

  test('the English finder lists English pages', async () => {
    const watched = await openFinder('en/search/index.html');
    const titles = await search(watched.page, '', { band: englishBand.en });
    expect(titles.length).toBe(lessons.filter((lesson) => lesson.data.bands.includes(englishBand.id)).length);
    await watched.page.locator('[data-search-results] h2 a').first().click();
    await watched.page.waitForLoadState('load');
    expect(watched.page.url()).toMatch(/\/en\/lessons\/[a-z0-9-]+\/index\.html$/);
    expectClean(watched);
    await watched.page.close();
  });
});
