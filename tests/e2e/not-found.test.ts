/**
 * The 404 page as a server shows it for a missing address at any depth, at the server's root and under a sub-path:
 * styled, in Ukrainian (with English below), and its links lead to the site's home pages.
 */
import { describe, expect, inject, test } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { useBrowser, watchedPage } from './browser.ts';

const MODES = [
  ['root', inject('rootUrl')],
  ['sub-path', inject('siteUrl')],
] as const;
const browser = useBrowser();

/** Missing addresses: a renamed lesson (the usual case), a page under a band, and one with no site folder in it. */
const MISSING = [
  ['lessons/renamed-lesson/', 'guessed'],
  ['bands/7-8/old/page.html', 'guessed'],
  ['some/deep/old/address/', 'probed'],
] as const;

/** The site header's background once the styles apply (global.css --brand). */
const STYLED_HEADER = 'rgb(13, 92, 99)';

describe.each(MODES)('the 404 page served from %s', (_mode, base) => {
  test.each(MISSING)('%s: styled, Ukrainian, and its links lead home', async (path, how) => {
    const watched = await watchedPage(browser(), base);
    const { page } = watched;
    const response = await page.goto(base + path);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    await expect.poll(() => page.evaluate(() => document.documentElement.style.display), { timeout: 10_000 }).toBe('');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('uk').notFoundTitle);
    expect(await page.locator('.site-header').evaluate((header) => getComputedStyle(header).backgroundColor)).toBe(STYLED_HEADER);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('700 16px "PT Sans"') && [...document.fonts].some((face) => face.status === 'loaded'))).toBe(true);
    // The browser reports the page's own 404; a guessed root needs no other request, a probed one a few misses.
    const errors = watched.consoleErrors.filter((error) => !/status of 404/.test(error));
    expect(errors).toEqual([]);
    if (how === 'guessed') expect(watched.failedResponses.filter((failed) => failed !== `404 ${base}${path}`)).toEqual([]);

    await page.getByRole('link', { name: t('uk').backHome }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${base}index.html`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('uk').siteName);

    await page.goto(base + path);
    await page.getByRole('link', { name: t('en').backHome }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(`${base}en/index.html`);
    // A guessed root asks nothing above the site; probing an ambiguous address may ask the server's parent folders.
    const origin = new URL(base).origin;
    const allowed = (url: string) => how === 'probed' && url.startsWith(origin) && /\/(404\.html|favicon\.svg)$/.test(url) && base.startsWith(url.replace(/[^/]*$/, ''));
    expect(watched.outsideRequests.filter((url) => !allowed(url))).toEqual([]);
    await page.close();
  });
});
