import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildsSharedPages, currentPageSlice, inPageSlice, lessonFilesBySlug, mergeSlices, PAGE_SLICE_FILES, pageSliceFiles, planPageSlices, type PageSlice } from '../../src/site/page-slices.ts';

const scratch = mkdtempSync(join(tmpdir(), 'page-slices-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Files (path → text) written under a new folder of the scratch space. */
function folder(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

/** A library of `count` lesson folders named l000…, every third with a translation. */
function library(count: number): Map<string, number> {
  return new Map(Array.from({ length: count }, (_, n) => [`l${String(n).padStart(3, '0')}`, n % 3 === 0 ? 2 : 1]));
}

describe('the slices of the page build', () => {
  test('a library that fits in one slice is one slice, bounded by nothing (built as before, in one process)', () => {
    expect(planPageSlices(library(8), 300)).toEqual([{ index: 0, count: 1, from: null, to: null, files: 11 }]);
    expect(planPageSlices(new Map(), 300)).toHaveLength(1);
  });

  test('a larger library: the fewest slices, as even as whole lesson folders allow, every lesson in exactly one', () => {
    const lessons = library(100); // 134 files
    const slices = planPageSlices(lessons, 40);
    const sizes = slices.map((slice) => slice.files);
    expect(sizes).toHaveLength(4);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2); // a folder has at most two files here
    expect(slices.every((slice, n) => slice.index === n && slice.count === 4)).toBe(true);
    for (const slug of lessons.keys()) expect(slices.filter((slice) => inPageSlice(slice, slug))).toHaveLength(1);
    for (const slice of slices) expect([...lessons].filter(([slug]) => inPageSlice(slice, slug)).reduce((sum, [, files]) => sum + files, 0)).toBe(slice.files);
    // A slug sorting before or after every lesson still has a slice: the first and last are open-ended.
    expect(inPageSlice(slices[0], '0')).toBe(true);
    expect(inPageSlice(slices[3], 'zzz')).toBe(true);
  });

  test('a lesson stays in one slice with its translations', () => {
    const slices = planPageSlices(new Map([['a', 2], ['b', 2], ['c', 2]]), 3);
    expect(slices.map((slice) => [slice.from, slice.to, slice.files])).toEqual([[null, 'b', 2], ['b', 'c', 2], ['c', null, 2]]);
  });

  test('only the first slice (or a build without slices) builds the pages that are not a lesson’s', () => {
    const slices = planPageSlices(library(30), 10);
    expect(slices.map(buildsSharedPages)).toEqual(slices.map((_, n) => n === 0));
    expect(buildsSharedPages(null)).toBe(true);
    expect(inPageSlice(null, 'anything')).toBe(true);
  });

  test('the slice size can be set for a run; a value that is not a positive whole number is ignored', () => {
    expect(pageSliceFiles({})).toBe(PAGE_SLICE_FILES);
    expect(pageSliceFiles({ LESSON_KITS_PAGE_SLICE_FILES: '3' })).toBe(3);
    for (const wrong of ['0', '-2', '1.5', 'many']) expect(pageSliceFiles({ LESSON_KITS_PAGE_SLICE_FILES: wrong })).toBe(PAGE_SLICE_FILES);
  });

  test('a page build reads its slice from the environment', () => {
    const slice: PageSlice = { index: 1, count: 2, from: 'b', to: null, files: 4 };
    expect(currentPageSlice({ LESSON_KITS_PAGE_SLICE: JSON.stringify(slice) })).toEqual(slice);
    expect(currentPageSlice({})).toBeNull();
  });
});

describe('merging the slices’ sites', () => {
  test('moves every file into one site, keeping a file the slices share once', async () => {
    const first = folder('ok/1', { 'index.html': 'home', 'lessons/a/index.html': 'a', '_astro/Base.1.css': 'css', 'favicon.svg': 'icon' });
    const second = folder('ok/2', { 'lessons/b/index.html': 'b', 'en/lessons/b/index.html': 'b en', '_astro/Base.1.css': 'css', '_astro/pic.2.svg': 'pic', 'favicon.svg': 'icon' });
    const site = join(scratch, 'ok/site');
    expect(await mergeSlices([first, second], site)).toBe(3);
    const read = (file: string) => readFileSync(join(site, file), 'utf8');
    expect([read('index.html'), read('lessons/a/index.html'), read('lessons/b/index.html'), read('en/lessons/b/index.html'), read('_astro/pic.2.svg'), read('favicon.svg')]).toEqual(['home', 'a', 'b', 'b en', 'pic', 'icon']);
    expect(existsSync(first)).toBe(false);
  });

  test('stops when two slices wrote different bytes under one name', async () => {
    const first = folder('clash/1', { '_astro/Base.1.css': 'one' });
    const second = folder('clash/2', { '_astro/Base.1.css': 'two' });
    await expect(mergeSlices([first, second], join(scratch, 'clash/site'))).rejects.toThrow(/_astro\/Base\.1\.css: the page build's slices wrote different files under this name/);
  });

  test('never merges into an existing folder', async () => {
    const first = folder('exists/1', { 'a.html': 'a' });
    const target = folder('exists/site', { 'old.html': 'old' });
    await expect(mergeSlices([first], target)).rejects.toThrow(/exists/);
    expect(readFileSync(join(target, 'old.html'), 'utf8')).toBe('old');
  });
});

describe('the lesson files of a library', () => {
  test('are counted per lesson folder: not pictures, other files, or folders starting with _', () => {
    const root = folder('count', { 'a/index.mdx': '', 'a/index.en.mdx': '', 'a/pic.svg': '', 'b/index.mdx': '', '_data/index.mdx': '', 'b/notes.mdx': '', 'README.md': '' });
    expect(lessonFilesBySlug(root)).toEqual(new Map([['a', 2], ['b', 1]]));
  });
});
