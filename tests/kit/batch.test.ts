import { describe, expect, test } from 'vitest';
import { bandBundles, kitFileName, workersFor } from '../../src/kit/batch.ts';
import { loadLibrary, publishedLessons } from '../../src/model/index.ts';

describe('renderKits planning', () => {
  test.each([
    [1, 2, 1],
    [10, 2, 1],
    [16, 2, 1],
    [17, 2, 2],
    [1000, 2, 2],
    [1000, 8, 8],
  ])('%i kits on %i cores → %i workers', (kits, cores, workers) => {
    expect(workersFor(kits, cores)).toBe(workers);
  });

  test.each([
    ['moya-persha-podorozh', 'uk', 'moya-persha-podorozh.pdf'],
    ['moya-persha-podorozh', 'en', 'moya-persha-podorozh.en.pdf'],
  ] as const)('kit file of %s (%s) is %s', (slug, lang, name) => {
    expect(kitFileName(slug, lang)).toBe(name);
  });

  test('a bundle for each band and language that has lessons, its lessons in title order', () => {
    const lessons = publishedLessons(loadLibrary('lessons'));
    const bundles = bandBundles(lessons);
    for (const { band, lang, lessons: members } of bundles) {
      expect(members.every((lesson) => lesson.lang === lang && lesson.data.bands.includes(band))).toBe(true);
      expect(members.length).toBe(lessons.filter((lesson) => lesson.lang === lang && lesson.data.bands.includes(band)).length);
      expect(members.map((lesson) => lesson.data.title)).toEqual([...members.map((lesson) => lesson.data.title)].sort((a, b) => a.localeCompare(b, 'uk')));
    }
    expect(new Set(bundles.map((entry) => `${entry.band}.${entry.lang}`)).size).toBe(bundles.length);
    expect(bundles.some((entry) => entry.lang === 'en')).toBe(true);
  });
});
