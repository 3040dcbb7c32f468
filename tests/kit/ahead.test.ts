/**
 * Rendering ahead (src/kit/run-record.ts, src/kit/warm-up.ts): a whole-library run records its jobs in the kit cache;
 * the next build's first kit worker renders, while the lessons are checked, the products of the lessons saved since,
 * and the run copies them from the cache. On a small library in a temporary folder, through the real pipeline
 * (`renderKits` on workers warmed up as the build starts them): what is rendered ahead, that it has the bytes of a
 * fresh render, that a wrong guess costs nothing but the work, and which saves are taken for an edit.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { KitWorkers, renderKits, type KitJobResult } from '../../src/kit/batch.ts';
import { engineFingerprint, openKitCache, type KitCache } from '../../src/kit/cache.ts';
import { aheadTargets, MAX_SAVED_FOLDERS, recordRun } from '../../src/kit/run-record.ts';
import { renderAhead } from '../../src/kit/warm-up.ts';
import { loadLibrary, publishedLessons } from '../../src/model/index.ts';

mkdirSync('tests/.tmp', { recursive: true });
const scratch = mkdtempSync(join('tests/.tmp', 'kit-ahead-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** How a run came by each product, by file name. */
type How = 'rendered' | 'ahead' | 'cached';

/** A library of two lessons in the same two bands: the fixture lesson and a copy of it under another slug. */
function makeLibrary(folder: string): string {
  const library = join(folder, 'lessons');
  cpSync('tests/fixtures/lessons', library, { recursive: true });
  cpSync(join(library, 'valid-lesson'), join(library, 'second-lesson'), { recursive: true });
  return library;
}

/** A warm worker for the runs that do not render ahead (the last run's, the fresh renders to compare with). */
const pool = new KitWorkers(1);
afterAll(() => pool.terminate());

/** One run of the pipeline on `workers` (default: the warm pool), and how each product came. */
async function run(library: string, cache: KitCache, out: string, options: { workers?: KitWorkers; renderAll?: boolean } = {}): Promise<Map<string, How>> {
  const loaded = loadLibrary(library);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const results = await renderKits(publishedLessons(loaded), { outDir: out, lessonsDir: library, bundles: true, cache, workerPool: options.workers ?? pool, renderAll: options.renderAll });
  const failed = results.filter((result): result is Extract<KitJobResult, { ok: false }> => !result.ok);
  expect(failed.flatMap((result) => result.diagnostics)).toEqual([]);
  const how = (result: Extract<KitJobResult, { ok: true }>): How => (result.ahead ? 'ahead' : result.cached ? 'cached' : 'rendered');
  return new Map(results.flatMap((result) => (result.ok ? result.written.map((file) => [basename(file.out), how(result)] as const) : [])));
}

/**
 * A worker started as the build starts its first for a large library: warming up, it renders ahead. With
 * `finished`, once the warm-ups are over, as a large library's checking outlasts them.
 */
async function warmWorkers(library: string, cache: KitCache, { finished = true } = {}): Promise<KitWorkers> {
  const workers = new KitWorkers(1);
  workers.startAll({ lessonsDir: library, paper: 'a4', cache });
  if (finished) await workers.warmedUp();
  return workers;
}

/** The products a run came by in a given way. */
function came(products: Map<string, How>, how: How): string[] {
  return [...products].filter(([, way]) => way === how).map(([name]) => name).sort();
}

/** The fixture lesson's title, which its copy keeps: the copy comes first in both bands (same title, its slug first). */
const TITLE = 'Паролі та секрети';

/** Give a lesson of the library a title; with `saved`, a new one, saved a moment after the last run's record was dated. */
function retitle(library: string, path: string, title: string, { saved = true } = {}): void {
  const file = join(library, path);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/^title: .*$/m, `title: ${title}`);
  if (!saved) return writeFileSync(file, next);
  expect(next, `${path} has the title ${title} already`).not.toBe(text);
  writeFileSync(file, next);
  const later = new Date(Date.now() + 2000);
  utimesSync(file, later, later);
}

describe('rendering ahead', () => {
  const library = makeLibrary(join(scratch, 'edit'));
  const cache = openKitCache(join(scratch, 'edit', 'cache'), engineFingerprint());
  let outs = 0;
  const out = () => join(scratch, 'edit', `out-${++outs}`);
  const edited = ['band-1-2.pdf', 'band-3-4.pdf', 'valid-lesson.pdf', 'valid-lesson.pupils.pdf'];

  /** A run over the library with the lesson under the fixture's title (whatever an earlier test left), recorded. */
  async function recordWithFixtureTitle(): Promise<void> {
    retitle(library, 'valid-lesson/index.mdx', TITLE, { saved: false });
    await run(library, cache, out());
  }

  /**
   * A run recorded (the lesson with the fixture's title), the lesson retitled, then a run on a worker warmed up as the build
   * starts it (`finished`: after its warm-up is over). How each product came; each has the bytes of a fresh render.
   */
  async function editThenRun(title: string, finished: boolean): Promise<Map<string, How>> {
    await recordWithFixtureTitle();
    retitle(library, 'valid-lesson/index.mdx', title);
    const workers = await warmWorkers(library, cache, { finished });
    try {
      const target = out();
      const products = await run(library, cache, target, { workers });
      const fresh = out();
      await run(library, cache, fresh, { renderAll: true });
      for (const name of products.keys()) expect(readFileSync(join(target, name)).equals(readFileSync(join(fresh, name))), name).toBe(true);
      return products;
    } finally {
      await workers.terminate();
    }
  }

  test("an edited lesson's kit, pupil pack and band bundles are rendered ahead, with the bytes of a fresh render", async () => {
    const products = await editThenRun('Паролі, секрети й друзі', true);
    expect(came(products, 'ahead')).toEqual(edited);
    expect(came(products, 'rendered')).toEqual([]);
    expect(came(products, 'cached')).toEqual(['second-lesson.pdf', 'second-lesson.pupils.pdf']);
  });

  test('a wrong guess costs only the work: a lesson retitled to the head of its bands has its bundles rendered by the run', async () => {
    // "Абетка" sorts before "Паролі": the lesson moves ahead of the other in both bands, so the bundles the last run
    // recorded (the other lesson first) are not the bundles this run makes.
    const products = await editThenRun('Абетка безпечних паролів', true);
    expect(came(products, 'ahead')).toEqual(['valid-lesson.pdf', 'valid-lesson.pupils.pdf']);
    expect(came(products, 'rendered')).toEqual(['band-1-2.pdf', 'band-3-4.pdf']);
  });

  test('rendering ahead finishes the product under way when the run begins, and renders no other', async () => {
    await recordWithFixtureTitle();
    retitle(library, 'valid-lesson/index.mdx', 'Паролі, секрети й дорослі');
    const targets = aheadTargets(cache, library);
    expect(targets.map((target) => target.bundle?.band ?? 'lesson')).toEqual(['1-2', '3-4', 'lesson']);
    // The run begins while the first target renders: the worker looks once before each.
    let looks = 0;
    const stored = await renderAhead(targets, cache, library, 'a4', () => looks++ > 0);
    expect(looks).toBe(2);
    expect(stored).toHaveLength(1);
    const products = await run(library, cache, out());
    expect(came(products, 'cached')).toEqual(['band-1-2.pdf', 'second-lesson.pdf', 'second-lesson.pupils.pdf']);
    expect(came(products, 'rendered')).toEqual(['band-3-4.pdf', 'valid-lesson.pdf', 'valid-lesson.pupils.pdf']);
  });

  test("the run's jobs stop the rendering ahead: what it did not render ahead, the run renders, each product once", async () => {
    // The jobs come at once (two lessons are checked in a moment): the worker has rendered at most the first target.
    const products = await editThenRun('Паролі, секрети й довіра', false);
    expect([...came(products, 'ahead'), ...came(products, 'rendered')].sort()).toEqual(edited);
    expect(came(products, 'ahead').length).toBeLessThan(edited.length);
  });
});

describe('which saves are rendered ahead', () => {
  const folder = join(scratch, 'targets');
  const library = join(folder, 'lessons');
  const cache = openKitCache(join(folder, 'cache'), 'engine');
  const slugs = Array.from({ length: MAX_SAVED_FOLDERS + 1 }, (_, i) => `lesson-${i + 1}`);
  const file = (slug: string) => join(library, slug, 'index.mdx');
  /** The first lesson's English translation, in its folder. */
  const translation = join(library, 'lesson-1', 'index.en.mdx');

  /** A library of plain files, and a record of a run over it: two bands, the first holding every lesson, the second two. */
  async function recorded(): Promise<number> {
    rmSync(folder, { recursive: true, force: true });
    for (const slug of slugs) {
      mkdirSync(join(library, slug), { recursive: true });
      writeFileSync(file(slug), slug);
    }
    writeFileSync(translation, 'lesson-1 in English');
    mkdirSync(cache.dir, { recursive: true });
    // The lessons were read a minute ago; the run ends now.
    const readAt = Math.floor(Date.now() / 1000) * 1000 - 60_000;
    await recordRun(cache, library, [
      { kind: 'bundle', band: '5-6', files: slugs.map(file) },
      { kind: 'bundle', band: '7-8', volume: 2, files: [file('lesson-1'), file('lesson-2')] },
      ...slugs.map((slug) => ({ kind: 'lesson' as const, file: file(slug) })),
      { kind: 'lesson', file: translation },
    ], readAt);
    const written = statSync(join(cache.dir, 'last-run.json')).mtimeMs;
    expect(written).toBe(readAt);
    // Every file of the library as saved before the lessons were read.
    const before = new Date(written - 60_000);
    for (const slug of slugs) for (const path of [file(slug), join(library, slug)]) utimesSync(path, before, before);
    utimesSync(translation, before, before);
    return written;
  }

  /** Mark a path of the library saved after the run. */
  const touch = (path: string, written: number) => utimesSync(path, new Date(written + 5000), new Date(written + 5000));

  test('nothing saved since the run: nothing', async () => {
    await recorded();
    expect(aheadTargets(cache, library)).toEqual([]);
  });

  test("a saved lesson: each bundle that holds it, the largest first, then the lesson's own products", async () => {
    const written = await recorded();
    touch(file('lesson-2'), written);
    expect(aheadTargets(cache, library)).toEqual([
      { files: slugs.map(file), bundle: { band: '5-6' } },
      { files: [file('lesson-1'), file('lesson-2')], bundle: { band: '7-8', volume: 2 } },
      { files: [file('lesson-2')] },
    ]);
  });

  test('a lesson folder changed (a picture added, a file saved by renaming) counts as each lesson file in it saved', async () => {
    const written = await recorded();
    touch(join(library, 'lesson-3'), written);
    expect(aheadTargets(cache, library).map((target) => target.bundle?.band ?? target.files)).toEqual(['5-6', [file('lesson-3')]]);
    touch(join(library, 'lesson-1'), written);
    expect(aheadTargets(cache, library).map((target) => target.bundle?.band ?? target.files)).toEqual(['5-6', '7-8', [file('lesson-1')], [file('lesson-3')], [translation]]);
  });

  test('a lesson saved while the run went on, after its lessons were read, counts as saved', async () => {
    const written = await recorded();
    touch(file('lesson-4'), written + 25_000); // half a minute after the lessons were read, before the run ended
    expect(aheadTargets(cache, library).filter((target) => !target.bundle)).toEqual([{ files: [file('lesson-4')] }]);
  });

  test(`lessons saved in more than ${MAX_SAVED_FOLDERS} folders (a checkout, a pull): nothing`, async () => {
    const written = await recorded();
    // Four folders, one of them with both its lesson and its translation saved: five lesson files, four folders.
    for (const slug of slugs.slice(0, MAX_SAVED_FOLDERS)) touch(file(slug), written);
    touch(translation, written);
    expect(aheadTargets(cache, library).filter((target) => !target.bundle)).toHaveLength(MAX_SAVED_FOLDERS + 1);
    touch(file(slugs.at(-1)!), written);
    expect(aheadTargets(cache, library)).toEqual([]);
  });

  test.each([
    ['not JSON', '{"lessons": ['],
    ['a path out of the library', JSON.stringify({ lessons: ['../elsewhere/index.mdx'], bundles: [] })],
    ['an absolute path', JSON.stringify({ lessons: ['/etc/passwd'], bundles: [] })],
    ['a Windows path out of the library', JSON.stringify({ lessons: ['lesson-1\\..\\..\\elsewhere.mdx'], bundles: [] })],
    ['a drive letter', JSON.stringify({ lessons: ['C:/lessons/index.mdx'], bundles: [] })],
    ['a volume that is not a whole number', JSON.stringify({ lessons: ['lesson-1/index.mdx'], bundles: [{ band: '5-6', volume: '2', files: ['lesson-1/index.mdx'] }] })],
    ['no bundles', JSON.stringify({ lessons: ['lesson-1/index.mdx'] })],
  ])('a record that is %s is not used', async (_, text) => {
    const written = await recorded();
    writeFileSync(join(cache.dir, 'last-run.json'), text);
    utimesSync(join(cache.dir, 'last-run.json'), new Date(written), new Date(written));
    touch(file('lesson-1'), written);
    expect(aheadTargets(cache, library)).toEqual([]);
  });

  test('no record (the first run, or a cache cleared): nothing', async () => {
    const written = await recorded();
    rmSync(join(cache.dir, 'last-run.json'));
    touch(file('lesson-1'), written);
    expect(aheadTargets(cache, library)).toEqual([]);
  });
});
