import { describe, expect, inject, test } from 'vitest';
import { BANDS, bandById } from '../../src/model/index.ts';
import { axeViolations, useBrowser, watchedPage } from './browser.ts';
import { englishLessons, lessons } from '../fixtures/library.ts';

const siteUrl = inject('siteUrl');
const browser = useBrowser();

/** One page of each type, in both languages; the lesson is one with an English translation. */
const firstLesson = lessons.find((lesson) => englishLessons.some((english) => english.slug === lesson.slug))!;
const PAGE_TYPES = [
  ['home', ''],
  ['band', `bands/${firstLesson.data.bands[0]}/`],
  ['lesson', `lessons/${firstLesson.slug}/`],
  ['topics', 'topics/'],
  ['topic', `topics/${firstLesson.data.topics[0]}/`],
  ['search', `search/?q=${encodeURIComponent('дорослий')}`],
  ['about', 'about/'],
  ['teachers', 'teachers/'],
  ['parents', 'parents/'],
].flatMap(([type, path]) => [
  [`${type} (uk)`, path],
  [`${type} (en)`, `en/${path}`],
]);

describe('navigation', () => {
  test.each(lessons.map((lesson) => [lesson.slug, lesson] as const))('home → band → lesson by role: %s', async (_slug, lesson) => {
    const { page } = await watchedPage(browser(), siteUrl);
    await page.goto(siteUrl);
    const band = bandById(lesson.data.bands[0]);
    await page.getByRole('link', { name: new RegExp(band.uk) }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(band.uk);
    await page.getByRole('link', { name: lesson.data.title, exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(lesson.data.title);
    await page.close();
  });

  test('every band tile shows a lesson count', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    await page.goto(siteUrl);
    for (const band of BANDS) {
      const tile = page.getByRole('link', { name: new RegExp(band.uk) }).first();
      const count = lessons.filter((lesson) => lesson.data.bands.includes(band.id)).length;
      await expect.poll(() => tile.textContent()).toMatch(count ? new RegExp(`${count} урок`) : /ще немає/);
    }
    await page.close();
  });

  test('the language switch leads to the same page in English and back', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    await page.goto(`${siteUrl}lessons/${firstLesson.slug}/`);
    await page.getByRole('link', { name: /English/ }).click();
    expect(page.url()).toBe(`${siteUrl}en/lessons/${firstLesson.slug}/index.html`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: /Українська/ }).click();
    expect(page.url()).toBe(`${siteUrl}lessons/${firstLesson.slug}/index.html`);
    await page.close();
  });

});

// The pages load side by side, each in its own tab: most of a page's time is waiting for its network to go quiet.
describe.concurrent('every page type', () => {
  // One load per page: the page types whose pages hold the most (home, band, lesson, search) are also checked with axe.
  test.for(PAGE_TYPES)('%s: no console errors, no failed or outside requests; axe finds no violations on home, band, lesson and search pages', async ([type, path], { expect }) => {
    const watched = await watchedPage(browser(), siteUrl);
    await watched.page.goto(siteUrl + path, { waitUntil: 'networkidle' });
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.failedResponses).toEqual([]);
    expect(watched.outsideRequests).toEqual([]);
    if (/^(home|band|lesson|search)/.test(type)) expect(await axeViolations(watched.page)).toEqual([]);
    await watched.page.close();
  });

  test.for(PAGE_TYPES.filter(([type]) => /^(home|lesson)/.test(type)))('%s: axe finds no violations at phone width', async ([, path], { expect }) => {
    const { page } = await watchedPage(browser(), siteUrl, { width: 375, height: 740 });
    await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });
});

describe('print products on the site', () => {
  test('on a phone, the kit and the pupil pack are within the first two screens of a lesson page', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${siteUrl}lessons/${firstLesson.slug}/`);
    for (const name of [/набір для друку/, /Для учнів: роздатки й картки/]) {
      const bottom = await page.getByRole('link', { name }).evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);
      expect(bottom).toBeLessThan(2 * 740);
    }
    await page.close();
  });

  test.each(BANDS.filter((band) => lessons.some((lesson) => lesson.data.bands.includes(band.id))).map((band) => [band.id, band] as const))(
    'the band page %s links every kit of the band in one PDF',
    async (_id, band) => {
      const { page } = await watchedPage(browser(), siteUrl);
      await page.goto(`${siteUrl}bands/${band.id}/`);
      const href = await page.getByRole('link', { name: /Усі набори для групи/ }).getAttribute('href');
      expect(href).toBe(`../../kits/band-${band.id}.pdf`);
      const download = await page.request.get(new URL(href!, page.url()).href);
      expect(download.status()).toBe(200);
      expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await page.close();
    },
  );
});

describe('lesson page', () => {
  test.each(lessons.map((lesson) => [lesson.slug, lesson] as const))('%s shows the teacher what they need up front', async (_slug, lesson) => {
    const { page } = await watchedPage(browser(), siteUrl);
    await page.goto(`${siteUrl}lessons/${lesson.slug}/`);
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    // A session (4–6) or a quest is named as what it is, not as a lesson: «Цілі заняття», «Хід квесту».
    const of = { lesson: 'уроку', quest: 'квесту', session: 'заняття' }[lesson.data.format];
    expect(headings.join('|')).toMatch(new RegExp(`делікатність теми.*\\|Цілі ${of}\\|План за часом\\|Хід ${of}`));
    expect(await page.locator('#objectives-title + p').textContent()).toBe(`Наприкінці ${of}:`);
    const total = await page.locator('.timing tfoot td.num').textContent();
    expect(Number(total)).toBe(lesson.data.duration);
    expect(await page.locator('.timing tbody tr').count()).toBeGreaterThan(1);
    expect(await page.locator('details.answer').count()).toBeGreaterThan(0);
    expect(await page.locator('.safeguarding').count()).toBeGreaterThan(0);
    expect(await page.locator('.helplines li').count()).toBeGreaterThan(0);
    // The kit and the pupil pack are offered at the top, before the lesson itself, and both are PDFs.
    for (const name of [/набір для друку/, /Для учнів: роздатки й картки/]) {
      const link = page.getByRole('link', { name });
      const href = await link.getAttribute('href');
      expect(href).not.toMatch(/^\//);
      const download = await page.request.get(new URL(href!, page.url()).href);
      expect(download.status()).toBe(200);
      expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
      const linkTop = await link.evaluate((element) => element.getBoundingClientRect().top);
      const bodyTop = await page.locator('.lesson-body').evaluate((element) => element.getBoundingClientRect().top);
      expect(linkTop).toBeLessThan(bodyTop);
    }
    const provenance = await page.locator('.provenance').textContent();
    expect(provenance).toContain(lesson.data.authors[0]);
    const named = { lesson: 'Урок', quest: 'Квест', session: 'Заняття' }[lesson.data.format];
    if (!lesson.data.reviewers.length) expect(provenance).toContain(`${named} ще не переглянув методист`);
    for (const image of await page.locator('.lesson-body img').all()) {
      expect(await image.getAttribute('alt')).toBeTruthy();
      expect(await image.getAttribute('loading')).toBe('lazy');
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    await page.close();
  });
});
