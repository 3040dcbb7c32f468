import { describe, expect, test } from 'vitest';
import { bandBundles, kitFileName, workersFor } from '../../src/kit/batch.ts';
import { bandBundleFileName, bundleVolumes, VOLUME_LESSONS } from '../../src/kit/files.ts';
import { loadLibrary, publishedLessons } from '../../src/model/index.ts';
import { loadLesson, type ValidLesson } from '../../src/model/load.ts';
import { WARM_UP_LESSON, warmUp } from '../../src/kit/warm-up.ts';

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

  test.each([
    [1, [1]],
    [VOLUME_LESSONS, [VOLUME_LESSONS]],
    [VOLUME_LESSONS + 1, [VOLUME_LESSONS, 1]],
    [3 * VOLUME_LESSONS, [VOLUME_LESSONS, VOLUME_LESSONS, VOLUME_LESSONS]],
  ])('%i lessons of a band make files of %j lessons', (count, sizes) => {
    const lessons = Array.from({ length: count }, (_, i) => i);
    const files = bundleVolumes(lessons);
    expect(files.map((file) => file.lessons.length)).toEqual(sizes);
    expect(files.flatMap((file) => file.lessons)).toEqual(lessons);
    expect(files.map((file) => file.volume)).toEqual(sizes.length === 1 ? [undefined] : sizes.map((_, i) => ({ number: i + 1, count: sizes.length })));
  });

  test('a big band in one language is split in title order (then slug), the same lessons in consecutive volumes', () => {
    const titles = ['Безпека', 'Апельсин', 'Ґанок', 'Їжак', 'Єнот', 'Гра', 'Вибір'];
    const lessons = Array.from({ length: 2 * VOLUME_LESSONS + 3 }, (_, i) => ({
      slug: `lesson-${String(i).padStart(3, '0')}`,
      file: `lesson-${i}/index.mdx`,
      lang: 'uk',
      data: { title: titles[i % titles.length]!, bands: ['9-11'] },
    })) as unknown as ValidLesson[];
    const english = { ...lessons[0]!, lang: 'en', slug: 'english' } as ValidLesson;
    const bundles = bandBundles([...lessons].reverse().concat(english));
    const band = bundles.filter((bundle) => bundle.lang === 'uk');
    expect(band.map((bundle) => bundle.volume)).toEqual([1, 2, 3].map((number) => ({ number, count: 3 })));
    const order = band.flatMap((bundle) => bundle.lessons.map((lesson) => `${lesson.data.title} ${lesson.slug}`));
    expect(order).toEqual([...lessons].sort((a, b) => a.data.title.localeCompare(b.data.title, 'uk') || a.slug.localeCompare(b.slug)).map((lesson) => `${lesson.data.title} ${lesson.slug}`));
    expect(bundles.filter((bundle) => bundle.lang === 'en')).toEqual([{ band: '9-11', lang: 'en', lessons: [english] }]);
  });

  test.each([
    ['9-11', 'uk', 'a4', undefined, 'band-9-11.pdf'],
    ['9-11', 'uk', 'a4', { number: 1, count: 38 }, 'band-9-11.vol-01.pdf'],
    ['4-6', 'en', 'letter', { number: 2, count: 2 }, 'band-4-6.en.letter.vol-02.pdf'],
    ['9-11', 'uk', 'a4', { number: 7, count: 120 }, 'band-9-11.vol-007.pdf'],
  ] as const)('band %s (%s, %s), volume %j: %s', (band, lang, paper, volume, name) => {
    expect(bandBundleFileName(band, lang, paper, volume)).toBe(name);
  });

  test.each([9, 120])("the volumes' file names of a band of %i volumes sort in volume order", (count) => {
    const names = Array.from({ length: count }, (_, i) => bandBundleFileName('9-11', 'uk', 'a4', { number: i + 1, count }));
    expect([...names].sort()).toEqual(names);
  });
});

describe('the kit workers’ warm-up', () => {
  test('the warm-up lesson is a lesson the checker passes without a remark, and renders with a library’s shared data', async () => {
    const lesson = loadLesson('tests/fixtures/library/warm-up/index.mdx', WARM_UP_LESSON, { site: { lessons: new Map(), pages: new Map() } });
    expect(lesson.diagnostics).toEqual([]);
    expect(await warmUp('tests/fixtures/library', 'a4')).toBe(true);
  });

  test('a library whose shared data has errors makes the warm-up fail, not throw (the build reports the errors)', async () => {
    expect(await warmUp('tests/fixtures/no-such-library', 'a4')).toBe(false);
  });
});
