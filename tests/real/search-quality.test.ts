/**
 * Recall and precision of the Ukrainian search over the real library (its build by `npm run build`, served by
 * tests/real/global-setup.ts; `npm run test:real`), measured on the search page in Chromium as a teacher uses it: a
 * hand-written set of inflected queries, each page expected when its own text has a form of every query word
 * (tests/e2e/search-quality.ts). The real library, not the fixture: the query set is written from the real lessons'
 * vocabulary. Prints the figures; `npm run bench:search` prints the same on any build, with sizes.
 */
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../e2e/browser.ts';
import { QUALITY_QUERIES, describeFigures, expectedPages, figures, ownWords, runQueries } from '../e2e/search-quality.ts';

/** The goals of issue 16. */
const MIN_RECALL = 0.95;
const MIN_PRECISION = 0.9;
/** Queries, at least, and how many of them two-word phrases. */
const MIN_QUERIES = 60;
const MIN_PHRASES = 10;

const siteUrl = inject('realSiteUrl');
const browser = useBrowser();

describe('search quality on the real library', () => {
  test('the query set is broad, and every query has pages that teach its words', async () => {
    expect(QUALITY_QUERIES.length).toBeGreaterThanOrEqual(MIN_QUERIES);
    expect(QUALITY_QUERIES.filter((item) => item.query.includes(' ')).length).toBeGreaterThanOrEqual(MIN_PHRASES);
    const page = await browser().newPage();
    const texts = await ownWords(page, siteUrl);
    const empty = QUALITY_QUERIES.filter((item) => expectedPages(item, texts).length === 0).map((item) => item.query);
    expect(empty).toEqual([]);
    await page.close();
  });

  test(`recall ≥ ${MIN_RECALL * 100}% and precision ≥ ${MIN_PRECISION * 100}% on inflected queries`, async () => {
    const page = await browser().newPage();
    const texts = await ownWords(page, siteUrl);
    const outcomes = await runQueries(page, siteUrl, QUALITY_QUERIES, (item) => expectedPages(item, texts));
    const result = figures(outcomes);
    console.log(describeFigures(result).join('\n'));
    expect(result.recall, describeFigures(result).join('\n')).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(result.precision, describeFigures(result).join('\n')).toBeGreaterThanOrEqual(MIN_PRECISION);
    await page.close();
  }, 180_000);
});
