/**
 * Search as a teacher uses it on the fixture library (the global-setup build, served under a sub-path), in Chromium: word
 * forms, ranking, shared text kept out of lessons, every page type with its filter, misspellings and everyday words,
 * suggestions instead of an empty page, English. Recall and precision over many queries on the real library:
 * tests/real/search-quality.test.ts (`npm run test:real`).
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { bandById, BANDS, TOPICS } from '../../src/model/index.ts';
import { t } from '../../src/i18n/index.ts';
import { useBrowser, watchedPage } from './browser.ts';
import { ownWords, sitePath } from './search-quality.ts';
import { FIXTURE_LIBRARY, englishLessons, lessons } from '../fixtures/library.ts';

const siteUrl = inject('siteUrl');
const uk = t('uk');
const browser = useBrowser();

/** The words of each page's own text (lesson pages without the shared blocks), by site path. */
let texts: Map<string, Set<string>>;
beforeAll(async () => {
  const page = await browser().newPage();
  texts = await ownWords(page, siteUrl, FIXTURE_LIBRARY);
  await page.close();
});

/** The site path of a lesson page. */
const lessonPath = (slug: string) => `lessons/${slug}/`;

// Every test searches in a tab of its own and only reads the site: the tests of each group run side by side (a search
// mostly waits on its index's files). No `expect.poll` here: it cannot tell concurrent tests apart.

/** Search on the search page as a teacher would: pick filters by their labels, type, press the button. */
async function search(page: Page, query: string, filters: Record<string, string> = {}, url = `${siteUrl}search/index.html`): Promise<{ titles: string[]; paths: string[] }> {
  await page.goto(url);
  for (const [name, value] of Object.entries(filters)) await page.locator(`select[name="${name}"]`).selectOption(value);
  await page.getByRole('searchbox').fill(query);
  await page.getByRole('button', { name: /Шукати|Search/ }).click();
  await page.getByRole('status').filter({ hasText: /Знайдено|Нічого не знайдено|found|Nothing found/ }).waitFor({ timeout: 10_000 });
  const links = page.locator('[data-search-results] h2 a');
  return { titles: await links.allTextContents(), paths: (await links.evaluateAll((items) => items.map((item) => (item as HTMLAnchorElement).href))).map((href) => sitePath(href, siteUrl)) };
}

/** The highlighted words of each result's excerpt, lower case, without punctuation around them. */
async function marks(page: Page): Promise<string[][]> {
  return page.locator('[data-search-results] li').evaluateAll((items) =>
    items.map((item) => [...item.querySelectorAll('mark')].map((mark) => (mark.textContent ?? '').toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))),
  );
}

describe.concurrent('word forms', () => {
  test.each([
    ['пароля', 'пароль пароля паролю паролеві паролем паролі паролів паролям паролями паролях'],
    ['скріншотами', 'скріншот скріншота скріншоту скріншотові скріншотом скріншоті скріншоти скріншотів скріншотам скріншотами скріншотах'],
    ['незнайомцем', 'незнайомець незнайомця незнайомцю незнайомцеві незнайомцем незнайомці незнайомців незнайомцям незнайомцями незнайомцях'],
    ['друзями', 'друг друга другу другові другом друже друзі друзів друзям друзями друзях'],
  ])('"%s" finds every page whose own text has a form of it, and highlights the forms the pages use', async (query, paradigm) => {
    const forms = paradigm.split(' ');
    const { page } = await watchedPage(browser(), siteUrl);
    const { paths } = await search(page, query);
    const expected = [...texts].filter(([, words]) => forms.some((form) => words.has(form))).map(([path]) => path);
    expect(expected.length).toBeGreaterThan(0);
    expect(paths.sort()).toEqual(expected.sort());
    for (const found of await marks(page)) {
      expect(found.length).toBeGreaterThan(0);
      for (const mark of found) expect(forms).toContain(mark);
    }
    expect(await page.locator('[data-search-results]').textContent()).not.toMatch(/ꙮ/);
    await page.close();
  });

  test('each band filter leaves out lessons of other bands', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const lesson = lessons.find((item) => item.data.topics.includes('passwords'))!;
    const other = BANDS.find((band) => !lesson.data.bands.includes(band.id))!;
    expect((await search(page, 'паролями', { band: bandById(lesson.data.bands[0]).uk })).titles).toContain(lesson.data.title);
    expect((await search(page, 'паролями', { band: other.uk })).titles).not.toContain(lesson.data.title);
    await page.close();
  });
});

describe.concurrent('ranking', () => {
  test('"секстинг" with the 5–6 filter: the 5–6 lesson first', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const lesson = lessons.find((item) => item.data.bands.includes('5-6') && item.data.topics.includes('sexting'))!;
    const { paths } = await search(page, 'секстинг', { band: bandById('5-6').uk });
    expect(paths[0]).toBe(lessonPath(lesson.slug));
    await page.close();
  });

  test.each([
    ['секстинг', 'sexting'],
    ['паролі', 'passwords'],
    ['кібергрумінгу', 'cybergrooming'],
  ] as const)('"%s": the lessons on that topic come first', async (query, topic) => {
    const { page } = await watchedPage(browser(), siteUrl);
    const { paths } = await search(page, query);
    const onTopic = lessons.filter((lesson) => lesson.data.topics.includes(topic)).map((lesson) => lessonPath(lesson.slug));
    expect(onTopic.length).toBeGreaterThan(0);
    const first = paths.slice(0, onTopic.length);
    // Nearly all of the first places go to lessons on the topic (a page that discusses it at length may rank among them).
    expect(first.filter((path) => onTopic.includes(path)).length, paths.join(', ')).toBeGreaterThanOrEqual(Math.max(1, onTopic.length - 1));
    await page.close();
  });
});

describe.concurrent('shared text belongs to the pages that own it', () => {
  test('"секстинг" does not find the lessons whose own text never says it (the helplines list in every lesson does)', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const { paths } = await search(page, 'секстинг');
    const without = lessons.map((lesson) => lessonPath(lesson.slug)).filter((path) => ![...texts.get(path)!].some((word) => word.startsWith('секстинг')));
    expect(without.length).toBeGreaterThan(0);
    for (const path of without) expect(paths).not.toContain(path);
    await page.close();
  });

  test('"телефон довіри" finds the about page with the helplines, and a click opens it', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const { titles, paths } = await search(page, 'телефон довіри');
    expect(paths).toContain('about/');
    await page.locator('[data-search-results]').getByRole('link', { name: titles[paths.indexOf('about/')], exact: true }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${siteUrl}about/index.html`);
    expect(await page.locator('.helplines').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe.concurrent('every page type has its filter value', () => {
  test.each([
    [uk.pageTypes.teachers, 'teachers/', 'психологом'],
    [uk.pageTypes.parents, 'parents/', 'дитині'],
    [uk.pageTypes.about, 'about/', 'телефону'],
  ])('%s: the page alone, found by a word of its text; a click opens it', async (type, path, word) => {
    const { page } = await watchedPage(browser(), siteUrl);
    expect((await search(page, '', { type })).paths).toEqual([path]);
    const { paths, titles } = await search(page, word, { type });
    expect(paths).toEqual([path]);
    await page.locator('[data-search-results]').getByRole('link', { name: titles[0], exact: true }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${siteUrl}${path}index.html`);
    await page.close();
  });

  test('"Уроки" lists exactly the lessons', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    expect((await search(page, '', { type: uk.pageTypes.lesson })).titles.sort()).toEqual(lessons.map((lesson) => lesson.data.title).sort());
    await page.close();
  });
});

describe.concurrent('misspellings and everyday words', () => {
  test.each([
    ['секстінг', 'секстинг'],
    ['нюдси', 'інтимні фото'],
    ['скриншоти', 'скріншот'],
    ['аккаунт', 'акаунт'],
  ])('"%s" searches "%s", says so, and finds what that finds', async (typed, meant) => {
    const { page } = await watchedPage(browser(), siteUrl);
    const found = await search(page, typed);
    expect(await page.locator('[data-search-notes]').textContent()).toContain(`«${meant}»`);
    expect(found.paths.length).toBeGreaterThan(0);
    expect(found.paths).toEqual((await search(page, meant)).paths);
    await page.close();
  });

  test('"кібербулінг", which no lesson teaches, points to where to get help, and the link opens the helplines', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    await search(page, 'кібербулінг');
    const help = page.locator('[data-search-notes]').getByRole('link', { name: uk.searchHelpLink }).first();
    await help.click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${siteUrl}about/index.html#helplines`);
    await page.close();
  });
});

describe.concurrent('a search that finds nothing still offers a way on', () => {
  test('a misspelt word: "did you mean" with a word of the library, which finds lessons', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const { paths } = await search(page, 'пвроль');
    expect(paths).toEqual([]);
    const notes = page.locator('[data-search-notes]');
    expect(await notes.textContent()).toContain(uk.searchDidYouMean);
    const suggestion = notes.getByRole('link').first();
    expect((await suggestion.textContent())!).toMatch(/^парол/);
    await suggestion.click();
    await page.locator('[data-search-results] h2').first().waitFor({ timeout: 10_000 });
    await page.close();
  });

  test('a filter that leaves nothing says that there are results without it; topics and helplines are always offered', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const { paths } = await search(page, 'секстинг', { band: bandById('4-6').uk });
    expect(paths).toEqual([]);
    const notes = page.locator('[data-search-notes]');
    expect(await notes.textContent()).toContain(uk.searchWithoutFilters);
    await notes.getByRole('link', { name: uk.searchTopicsLink }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${siteUrl}topics/index.html`);
    await page.close();
  });

  test('a word the library does not have at all: no results, and the topics and helplines links', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    await search(page, 'ґрунтознавство');
    const links = await page.locator('[data-search-notes] a').allTextContents();
    expect(links).toEqual(expect.arrayContaining([uk.searchTopicsLink, uk.searchHelpLink]));
    await page.close();
  });
});

describe.concurrent('filters and links', () => {
  test('browsing a band with an empty query lists exactly its lessons, with band and format in each result', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    for (const band of BANDS) {
      const { titles } = await search(page, '', { band: band.uk });
      const expected = lessons.filter((lesson) => lesson.data.bands.includes(band.id)).map((lesson) => lesson.data.title);
      expect(titles.sort()).toEqual(expected.sort());
      if (expected.length) expect(await page.locator('[data-search-results] li p').first().textContent()).toContain(band.uk);
    }
    await page.close();
  });

  test('a topic filter keeps the lessons of that topic', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const { titles } = await search(page, '', { topic: TOPICS.passwords.uk });
    expect(titles.sort()).toEqual(lessons.filter((lesson) => lesson.data.topics.includes('passwords')).map((lesson) => lesson.data.title).sort());
    await page.close();
  });

  test('a search can be shared as a link', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const lesson = lessons[0];
    const band = bandById(lesson.data.bands[0]).uk;
    await page.goto(`${siteUrl}search/?q=&band=${encodeURIComponent(band)}`);
    await page.locator('[data-search-results] h2', { hasText: lesson.data.title }).first().waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-search-results] h2').allTextContents()).toContain(lesson.data.title);
    await page.close();
  });
});

describe.concurrent('English', () => {
  test('another form of an English word finds the English pages that use it, and a click opens the English lesson', async () => {
    const { page } = await watchedPage(browser(), siteUrl);
    const lesson = englishLessons.find((item) => item.data.topics.includes('sextortion'))!;
    const { titles, paths } = await search(page, 'blackmailing', {}, `${siteUrl}en/search/index.html`);
    expect(titles).toContain(lesson.data.title);
    expect(paths).toEqual(expect.arrayContaining(['en/teachers/', 'en/parents/']));
    for (const path of paths) expect(path).toMatch(/^en\//);
    await page.getByRole('link', { name: lesson.data.title, exact: true }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${siteUrl}en/lessons/${lesson.slug}/index.html`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  });
});
