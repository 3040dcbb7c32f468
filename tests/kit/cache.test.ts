/**
 * The kit cache through the real kits pipeline (renderKits, as `npm run build` and `npm run kits` call it), on a small
 * library in a temporary folder: the fixture lessons, a second lesson, and a fixture quest with a picture and an English
 * translation. Each kind of input is changed in turn; exactly the products that print it are rendered again, and a
 * product copied from the cache has the bytes of a fresh render.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bandBundles, KitWorkers, renderKits, runJobs, type KitJob, type KitJobResult } from '../../src/kit/batch.ts';
import { engineFingerprint, hasEntry, importClosure, KeyMaker, openKitCache, pruneCache, type KitCache } from '../../src/kit/cache.ts';
import { loadLibrary, publishedLessons } from '../../src/model/index.ts';
import type { Paper } from '../../src/kit/layout/types.ts';
import { childEnv } from '../build/env.ts';
import { pageTexts } from './pdf-read.ts';

mkdirSync('tests/.tmp', { recursive: true });
const scratch = mkdtempSync(join('tests/.tmp', 'kit-cache-'));
const library = join(scratch, 'lessons');
const cacheDir = join(scratch, 'cache');
const engine = engineFingerprint();
/** One warm worker for every run, as a long-lived process (the dev server) renders again and again: nothing may stay stale in it. */
const pool = new KitWorkers(1);
/** The lesson with a picture and an English translation. */
const QUEST = 'kvest-chervoni-prapory';

/** A small library: the fixtures, a copy of the fixture lesson under another slug, a quest with a picture and a translation. */
function makeLibrary(): void {
  cpSync('tests/fixtures/lessons', library, { recursive: true });
  const fixture = readdirSync(library).find((name) => !name.startsWith('_') && existsSync(join(library, name, 'index.mdx')))!;
  cpSync(join(library, fixture), join(library, 'second-lesson'), { recursive: true });
  cpSync(`tests/fixtures/library/${QUEST}`, join(library, QUEST), { recursive: true });
  // The shared data the quest prints, where the fixtures have none of their own.
  const data = 'tests/fixtures/library/_data';
  for (const name of readdirSync(data)) if (!existsSync(join(library, '_data', name))) cpSync(join(data, name), join(library, '_data', name));
}

/** One run of the pipeline: the products by file name, each rendered or copied from the cache. */
async function run(options: { out: string; cache?: KitCache; paper?: Paper; renderAll?: boolean; bundles?: boolean }): Promise<Map<string, 'rendered' | 'cached'>> {
  const loaded = loadLibrary(library);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const results = await renderKits(publishedLessons(loaded), {
    outDir: options.out,
    lessonsDir: library,
    paper: options.paper,
    bundles: options.bundles ?? true,
    workerPool: pool,
    cache: options.cache ?? openKitCache(cacheDir, engine),
    renderAll: options.renderAll,
  });
  const failed = results.filter((result): result is Extract<KitJobResult, { ok: false }> => !result.ok);
  expect(failed.flatMap((result) => result.diagnostics)).toEqual([]);
  return new Map(results.flatMap((result) => (result.ok ? result.written.map((file) => [basename(file.out), result.cached ? 'cached' : 'rendered'] as const) : [])));
}

/** The bands of a lesson of the library, by its folder. */
function bandsOf(slug: string): string[] {
  return loadLibrary(library).lessons.find((lesson) => lesson.file.includes(`/${slug}/`) && lesson.file.endsWith('index.mdx'))!.data!.bands as string[];
}

/** The products a run rendered (the rest came from the cache). */
function rendered(products: Map<string, 'rendered' | 'cached'>): string[] {
  return [...products].filter(([, how]) => how === 'rendered').map(([name]) => name).sort();
}

/** Replace text in a file of the library, failing when the text is not there (the test would prove nothing). */
function edit(path: string, from: string | RegExp, to: string): void {
  const file = join(library, path);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${path} has no ${from}`).not.toBe(text);
  writeFileSync(file, next);
}

let all: string[] = [];
/** Every product but the band bundles. */
const lessonProducts = () => all.filter((name) => !name.startsWith('band-'));
let counter = 0;
const out = () => join(scratch, `out-${++counter}`);

beforeAll(async () => {
  makeLibrary();
  const cold = await run({ out: join(scratch, 'cold') });
  all = [...cold.keys()].sort();
}, 300_000);

afterAll(async () => {
  await pool.terminate();
  rmSync(scratch, { recursive: true, force: true });
});

describe('kit cache', () => {
  test('the first run renders every product; the next copies every one, byte for byte', async () => {
    expect(all).toEqual(expect.arrayContaining(['valid-lesson.pdf', 'valid-lesson.pupils.pdf', `${QUEST}.en.pdf`, 'band-9-11.pdf', 'band-9-11.en.pdf']));
    const folder = out();
    const again = await run({ out: folder });
    expect(rendered(again)).toEqual([]);
    for (const name of all) expect(readFileSync(join(folder, name)).equals(readFileSync(join(scratch, 'cold', name))), name).toBe(true);
  }, 120_000);

  test('a cached product has the bytes of a fresh render (--no-cache renders every product)', async () => {
    const fresh = out();
    const products = await run({ out: fresh, renderAll: true });
    expect(rendered(products)).toEqual(all);
    const cached = out();
    expect(rendered(await run({ out: cached }))).toEqual([]);
    for (const name of all) expect(readFileSync(join(cached, name)).equals(readFileSync(join(fresh, name))), name).toBe(true);
  }, 120_000);

  test('a product rendered over one restored from the cache (a hard link) leaves the cache entry as it was', async () => {
    const folder = out();
    expect(rendered(await run({ out: folder }))).toEqual([]);
    const file = join(library, 'second-lesson', 'index.mdx');
    const original = readFileSync(file, 'utf8');
    try {
      edit('second-lesson/index.mdx', /^title: (.*)$/m, 'title: $1 (інша назва)');
      expect(rendered(await run({ out: folder }))).toContain('second-lesson.pdf');
    } finally {
      writeFileSync(file, original);
    }
    expect(rendered(await run({ out: out() }))).toEqual([]);
  }, 120_000);

  test("a lesson's text: its kit, its pupil pack and its bands' bundles, nothing else", async () => {
    edit('second-lesson/index.mdx', /^title: .*$/m, 'title: Другий урок про паролі');
    const bands = bandsOf('second-lesson').map((band) => `band-${band}.pdf`);
    expect(rendered(await run({ out: out() }))).toEqual(['second-lesson.pdf', 'second-lesson.pupils.pdf', ...bands].sort());
  }, 120_000);

  test("a picture: the kits of the lesson that shows it, in both languages, and their bundles", async () => {
    const picture = readdirSync(join(library, QUEST)).find((name) => name.endsWith('.svg'))!;
    edit(`${QUEST}/${picture}`, /fill="#[0-9A-Fa-f]{6}"/, 'fill="#123456"');
    const bands = bandsOf(QUEST).flatMap((band) => [`band-${band}.pdf`, `band-${band}.en.pdf`]);
    expect(rendered(await run({ out: out() }))).toEqual([`${QUEST}.pdf`, `${QUEST}.pupils.pdf`, `${QUEST}.en.pdf`, `${QUEST}.en.pupils.pdf`, ...bands].sort());
  }, 120_000);

  test("a linked lesson's title: the kits that print it beside the link, and the linked lesson's own", async () => {
    edit('valid-lesson/index.mdx', 'Намалюй замок.', 'Намалюй замок. Далі — [другий урок](../second-lesson/).');
    const linkingBands = bandsOf('valid-lesson').map((band) => `band-${band}.pdf`);
    expect(rendered(await run({ out: out() }))).toEqual(['valid-lesson.pdf', 'valid-lesson.pupils.pdf', ...linkingBands].sort());
    edit('second-lesson/index.mdx', /^title: .*$/m, 'title: Другий урок, нова назва');
    const bands = [...new Set([...linkingBands, ...bandsOf('second-lesson').map((band) => `band-${band}.pdf`)])];
    expect(rendered(await run({ out: out() }))).toEqual(['second-lesson.pdf', 'second-lesson.pupils.pdf', 'valid-lesson.pdf', 'valid-lesson.pupils.pdf', ...bands].sort());
  }, 120_000);

  test('the English disclosure protocol: the English products only', async () => {
    edit('_data/safeguarding.en.md', /\.\s*$/, '. Write down what the child said, in their words.\n');
    expect(rendered(await run({ out: out() }))).toEqual(all.filter((name) => /\.en\.(pupils\.)?pdf$/.test(name)));
  }, 120_000);

  test('the Ukrainian protocol: the Ukrainian products only', async () => {
    edit('_data/safeguarding.uk.md', /\.\s*$/, '. Запишіть слова дитини так, як вона їх сказала.\n');
    expect(rendered(await run({ out: out() }))).toEqual(all.filter((name) => !/\.en\.(pupils\.)?pdf$/.test(name)));
  }, 120_000);

  test('the engine: every product', async () => {
    expect(rendered(await run({ out: out(), cache: openKitCache(cacheDir, `${engine}-changed`), bundles: false }))).toEqual(lessonProducts());
  }, 120_000);

  test('the paper: Letter products are their own; A4 ones stay cached', async () => {
    const letter = await run({ out: out(), paper: 'letter' });
    expect(rendered(letter)).toEqual([...letter.keys()].sort());
    expect([...letter.keys()].every((name) => name.includes('.letter.'))).toBe(true);
    expect(rendered(await run({ out: out() }))).toEqual([]);
  }, 120_000);

  test('the helplines: every product (each prints them)', async () => {
    edit('_data/helplines.yaml', /purpose: (.*)$/m, 'purpose: $1 Щодня.');
    // Without the bundles (a bundle's key is made of its lessons' keys): what matters is that no lesson stays cached.
    expect(rendered(await run({ out: out(), bundles: false }))).toEqual(lessonProducts());
  }, 120_000);

  test('a damaged or partial entry is found, and its product rendered again with the right bytes', async () => {
    const cache = openKitCache(join(scratch, 'damaged-cache'), engine);
    const reference = out();
    await run({ out: reference, cache });
    const [truncated, flipped, partial] = entryFolders(cache.dir);
    truncateSync(join(truncated!, '0.pdf'), 1000);
    const bytes = readFileSync(join(flipped!, '0.pdf'));
    bytes[bytes.length >> 1]! ^= 0xff; // same size, other content
    writeFileSync(join(flipped!, '0.pdf'), bytes);
    rmSync(join(partial!, 'entry.json')); // as a run killed midway would leave it, were entries not renamed into place whole
    const damagedFiles = [truncated!, flipped!, partial!].reduce((sum, entry) => sum + readdirSync(entry).filter((name) => name.endsWith('.pdf')).length, 0);
    const folder = out();
    expect(rendered(await run({ out: folder, cache }))).toHaveLength(damagedFiles);
    for (const name of all) expect(readFileSync(join(folder, name)).equals(readFileSync(join(reference, name))), name).toBe(true);
    expect(rendered(await run({ out: out(), cache }))).toEqual([]);
  }, 180_000);

  test('a kit changed through the output folder (a hard link into its entry) is found and rendered again', async () => {
    const cache = openKitCache(join(scratch, 'edited-output-cache'), engine);
    const reference = out();
    await run({ out: reference, cache });
    const folder = out();
    expect(rendered(await run({ out: folder, cache }))).toEqual([]);
    // As a program that saves a file in place would: the same size, other bytes, into the restored file.
    const bytes = readFileSync(join(folder, 'second-lesson.pdf'));
    bytes[bytes.length >> 1]! ^= 0xff;
    writeFileSync(join(folder, 'second-lesson.pdf'), bytes);
    const next = out();
    expect(rendered(await run({ out: next, cache }))).toEqual(['second-lesson.pdf', 'second-lesson.pupils.pdf']);
    expect(readFileSync(join(next, 'second-lesson.pdf')).equals(readFileSync(join(reference, 'second-lesson.pdf')))).toBe(true);
  }, 180_000);

  test('a lesson saved while the run renders it: its products are written but not stored under the key of the text checked', async () => {
    const cache = openKitCache(join(scratch, 'saved-midway-cache'), engine);
    const checked = publishedLessons(loadLibrary(library));
    const lesson = checked.find((candidate) => candidate.file.endsWith(join('second-lesson', 'index.mdx')))!;
    const bundle = bandBundles(checked).find((candidate) => candidate.lessons.includes(lesson))!;
    const keys = new KeyMaker(cache, library, 'a4');
    const folder = out();
    const jobs = (): KitJob[] => [
      { kind: 'lesson', file: lesson.file, out: join(folder, 'second-lesson.pdf'), pupilsOut: join(folder, 'second-lesson.pupils.pdf'), paper: 'a4', lessonsDir: library, cacheEntry: { cache, key: keys.lesson(lesson) } },
      { kind: 'bundle', band: bundle.band, files: bundle.lessons.map((member) => member.file), out: join(folder, 'band.pdf'), paper: 'a4', lessonsDir: library, cacheEntry: { cache, key: keys.bundle(bundle.band, bundle.lang, undefined, bundle.lessons.map((member) => keys.lesson(member))) } },
    ];
    const runJobsOf = async (list: KitJob[]) => {
      const results: KitJobResult[] = [];
      await runJobs(list, { renderAll: false }, (index, result) => (results[index] = result), pool);
      expect(results.map((result) => result.ok)).toEqual(list.map(() => true));
    };
    // The keys were made from the text as checked; the file is saved before the workers read it.
    const planned = jobs();
    const file = lesson.file;
    const original = readFileSync(file, 'utf8');
    try {
      edit('second-lesson/index.mdx', /^title: (.*)$/m, 'title: $1 (збережено під час збирання)');
      await runJobsOf(planned);
      for (const job of planned) expect(existsSync(job.out), job.out).toBe(true);
      for (const job of planned) expect(hasEntry(cache, job.cacheEntry!.key), job.kind).toBe(false);
    } finally {
      writeFileSync(file, original);
    }
    // The same jobs with the file as it was checked are stored.
    await runJobsOf(planned);
    for (const job of planned) expect(hasEntry(cache, job.cacheEntry!.key), job.kind).toBe(true);
  }, 120_000);

  test('jobs sent with their lessons as checked (a kit, a bundle) render them, not the file saved since, and a picture saved meanwhile keeps them out of the cache', async () => {
    const cache = openKitCache(join(scratch, 'sent-checked-cache'), engine);
    const checked = publishedLessons(loadLibrary(library));
    const quest = checked.find((candidate) => candidate.file.endsWith(join(QUEST, 'index.mdx')))!;
    const bundle = bandBundles(checked).find((candidate) => candidate.lessons.includes(quest))!;
    const keys = new KeyMaker(cache, library, 'a4');
    const folder = out();
    const lessonJob: KitJob = { kind: 'lesson', file: quest.file, out: join(folder, 'quest.pdf'), pupilsOut: join(folder, 'quest.pupils.pdf'), paper: 'a4', lessonsDir: library, cacheEntry: { cache, key: keys.lesson(quest) }, checked: [quest] };
    const bundleKey = keys.bundle(bundle.band, bundle.lang, undefined, bundle.lessons.map((member) => keys.lesson(member)));
    const bundleJob: KitJob = { kind: 'bundle', band: bundle.band, files: bundle.lessons.map((member) => member.file), out: join(folder, 'band.pdf'), paper: 'a4', lessonsDir: library, cacheEntry: { cache, key: bundleKey }, checked: bundle.lessons };
    const jobs = [lessonJob, bundleJob];
    const runJob = async () => {
      const results: KitJobResult[] = [];
      await runJobs(jobs, { renderAll: false }, (index, result) => (results[index] = result), pool);
      expect(results.map((result) => result.ok)).toEqual([true, true]);
    };
    const title = quest.data.title;
    const text = readFileSync(quest.file, 'utf8');
    const picture = join(library, QUEST, readdirSync(join(library, QUEST)).find((name) => name.endsWith('.svg'))!);
    const drawing = readFileSync(picture, 'utf8');
    try {
      // The text is saved after it was checked: the kit prints the text checked, and is stored under its key.
      edit(`${QUEST}/index.mdx`, /^title: (.*)$/m, 'title: Інша назва квесту');
      await runJob();
      for (const job of jobs) {
        const text = pageTexts(job.out).join(' ').replace(/\s+/g, ' ');
        expect(text, job.out).toContain(title);
        expect(text, job.out).not.toContain('Інша назва квесту');
        expect(hasEntry(cache, job.cacheEntry!.key), job.out).toBe(true);
      }
      // A picture saved after the check is drawn as it is now: that render is not the lesson checked, so not stored.
      rmSync(cache.dir, { recursive: true, force: true });
      edit(`${QUEST}/${basename(picture)}`, /fill="#[0-9A-Fa-f]{6}"/, 'fill="#654321"');
      await runJob();
      for (const job of jobs) expect(existsSync(job.out), job.out).toBe(true);
      for (const job of jobs) expect(hasEntry(cache, job.cacheEntry!.key), job.out).toBe(false);
    } finally {
      writeFileSync(quest.file, text);
      writeFileSync(picture, drawing);
    }
  }, 120_000);

  test('a cache copied with new file times (as a CI cache restore may) is used whole, each file hashed once', async () => {
    const reference = out();
    await run({ out: reference }); // every product of the library as earlier tests left it, in the cache
    const copied = join(scratch, 'copied-cache');
    cpSync(cacheDir, copied, { recursive: true }); // the same bytes
    const entries = entryFolders(copied);
    // New modification times, set rather than left to the copy: a file stored by the run above and copied within the
    // same tick of the file system's clock would keep its recorded time.
    const yesterday = (Date.now() - 86_400_000) / 1000;
    for (const entry of entries) for (const file of entryFiles(entry)) utimesSync(join(entry, file.name), yesterday, yesterday);
    const stale = entries.filter((entry) => entryFiles(entry).some((file) => file.mtimeMs !== statSync(join(entry, file.name)).mtimeMs));
    expect(stale.length).toBe(entries.length);
    // Marked unused since yesterday, so the entries this run uses can be told from the others (edits of earlier tests).
    for (const entry of entries) utimesSync(join(entry, 'entry.json'), yesterday, yesterday);
    const folder = out();
    expect(rendered(await run({ out: folder, cache: openKitCache(copied, engine) }))).toEqual([]);
    for (const name of all) expect(readFileSync(join(folder, name)).equals(readFileSync(join(reference, name))), name).toBe(true);
    // Each file's time is recorded with it now, so the next run takes it without hashing it again.
    const used = entries.filter((entry) => statSync(join(entry, 'entry.json')).mtimeMs > yesterday * 1000 + 1000);
    const unused = entries.filter((entry) => !used.includes(entry)).map((entry) => `${basename(entry)} ${readFileSync(join(entry, 'entry.json'), 'utf8')}`);
    expect(used.length, `entries this run did not use:\n${unused.join('\n')}`).toBe(all.length - all.filter((name) => name.endsWith('.pupils.pdf')).length);
    for (const entry of used) for (const file of entryFiles(entry)) expect(file.mtimeMs, entry).toBe(statSync(join(entry, file.name)).mtimeMs);
  }, 120_000);

  test('entries unused for 30 days are removed, at most one look a day', async () => {
    const cache = openKitCache(join(scratch, 'pruned-cache'), engine);
    cpSync(cacheDir, cache.dir, { recursive: true });
    rmSync(join(cache.dir, '.pruned'), { force: true });
    const entries = entryFolders(cache.dir);
    const [old, recent] = [entries.slice(0, 2), entries.slice(2)];
    const day = 86_400_000;
    const now = Date.now();
    for (const entry of old) utimesSync(join(entry, 'entry.json'), (now - 31 * day) / 1000, (now - 31 * day) / 1000);
    for (const entry of recent) utimesSync(join(entry, 'entry.json'), (now - 29 * day) / 1000, (now - 29 * day) / 1000);
    expect(await pruneCache(cache, now)).toBe(old.length);
    expect(entryFolders(cache.dir).sort()).toEqual(recent.sort());
    // Within the day nothing is looked at again, however old; a day later it is.
    for (const entry of recent) utimesSync(join(entry, 'entry.json'), (now - 40 * day) / 1000, (now - 40 * day) / 1000);
    expect(await pruneCache(cache, now + day / 2)).toBe(0);
    expect(await pruneCache(cache, now + day + 1)).toBe(recent.length);
  });
});

/** The entry folders of a cache. */
function entryFolders(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /^[0-9a-f]{2}$/.test(name))
    .flatMap((prefix) => readdirSync(join(dir, prefix)).map((key) => join(dir, prefix, key)));
}

/** The files an entry describes, with the time recorded for each. */
function entryFiles(entry: string): { name: string; mtimeMs?: number }[] {
  return JSON.parse(readFileSync(join(entry, 'entry.json'), 'utf8')) as { name: string; mtimeMs?: number }[];
}

describe('engine fingerprint', () => {
  test('follows the imports of the renderer, and changes when any file it reaches changes', () => {
    const code = join(scratch, 'engine');
    mkdirSync(code, { recursive: true });
    writeFileSync(join(code, 'entry.ts'), "import { b } from './b.ts';\nexport const a = b;\n");
    writeFileSync(join(code, 'b.ts'), "export const b = await import('./c.ts');\n");
    writeFileSync(join(code, 'c.ts'), 'export const c = 1;\n');
    writeFileSync(join(code, 'unrelated.ts'), 'export const d = 1;\n');
    expect(importClosure([join(code, 'entry.ts')]).map((file) => basename(file))).toEqual(['b.ts', 'c.ts', 'entry.ts']);
    const before = engineFingerprint([join(code, 'entry.ts')]);
    writeFileSync(join(code, 'unrelated.ts'), 'export const d = 2;\n');
    expect(engineFingerprint([join(code, 'entry.ts')])).toBe(before);
    writeFileSync(join(code, 'c.ts'), 'export const c = 2;\n');
    expect(engineFingerprint([join(code, 'entry.ts')])).not.toBe(before);
  });

  test("the real renderer's closure holds its layout, paint, model and message code", () => {
    const files = importClosure(['src/kit/worker.ts']).map((file) => file.replaceAll('\\', '/'));
    for (const part of ['/src/kit/layout/', '/src/kit/paint/', '/src/kit/text/', '/src/model/load.ts', '/src/i18n/']) expect(files.some((file) => file.includes(part)), part).toBe(true);
  });
});

describe('npm run kits', () => {
  test('--no-cache renders every product; without it, the unchanged ones come from the cache', () => {
    const env = childEnv({ LESSONS_DIR: library, LESSON_KITS_CACHE: join(scratch, 'cli-cache'), LESSON_KITS_LANG: 'en' });
    const kits = (...args: string[]) => spawnSync(process.execPath, ['scripts/build-kits.ts', '--lesson', 'second-lesson', '--out', join(scratch, 'cli-out'), ...args], { env, encoding: 'utf8' });
    const first = kits();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/\((\d+) rendered, 0 from the cache/);
    const second = kits();
    expect(second.stdout).toMatch(/\(0 rendered, (\d+) from the cache/);
    const forced = kits('--no-cache');
    expect(forced.stdout).toMatch(/\((\d+) rendered, 0 from the cache/);
    expect(second.stdout).toMatch(/second-lesson\.pdf .*\(cached\)/);
  }, 180_000);
});

describe('npm run check with the cache', () => {
  test('prints the same problems with the cache as without, a kit error included, and skips only kits stored clean', async () => {
    const checked = join(scratch, 'check-lessons');
    for (const name of ['_data', '_pages', 'second-lesson']) cpSync(join(library, name), join(checked, name), { recursive: true });
    // A kit error the loader cannot see: a character the kit's font lacks.
    cpSync(join(checked, 'second-lesson'), join(checked, 'glyph-lesson'), { recursive: true });
    const file = join(checked, 'glyph-lesson', 'index.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1 🙂'));
    const cache = join(scratch, 'check-cache');
    const check = (...args: string[]) =>
      spawnSync(process.execPath, ['scripts/check.ts', checked, '--lang', 'en', ...args], { env: childEnv({ LESSON_KITS_CACHE: cache }), encoding: 'utf8' });
    const cold = check();
    expect(cold.stdout).toMatch(/glyph-lesson\/index\.mdx:\d+:\d+ {2}error .*kit-missing-glyph/);
    expect(cold.status).toBe(1);
    // The build's run fills the cache with every kit that renders (not the failing one).
    const loaded = loadLibrary(checked);
    const valid = publishedLessons(loaded);
    await renderKits(valid, { outDir: join(scratch, 'check-out'), lessonsDir: checked, workers: 1, cache: openKitCache(cache, engine) });
    expect(readdirSync(cache).filter((name) => /^[0-9a-f]{2}$/.test(name)).length).toBeGreaterThan(0);
    const warm = check();
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.status).toBe(1);
    expect(check('--no-cache').stdout).toBe(cold.stdout);
  }, 180_000);
});
