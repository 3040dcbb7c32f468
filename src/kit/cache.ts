/**
 * The content-hash cache of print products. A product is a pure function of its inputs, so it is stored under a hash of
 * every one of them, and a later run whose inputs hash the same copies it instead of rendering it:
 *
 *   lesson entry (kit + pupil pack)  the lesson file's bytes and its path in the library, each picture it shows, the
 *                                     titles of the pages its links lead to (printed beside the link), the shared data
 *                                     it prints (helplines, facts, action plan, the protocol in its language), paper;
 *                                     its own files hashed as the loader read and checked them (src/model/inputs.ts)
 *   band bundle (or volume)          its band, language and paper, its volume number (none for a band in one file),
 *                                     and the key of each of its lessons, in order
 *   both                             the engine: every source file the renderer runs (the import closure of the kit
 *                                     worker), the lockfile (fonts, pdf-lib, HarfBuzz, sharp, patterns), the font files,
 *                                     Node's version (its zlib writes the streams)
 *
 * An entry is a folder `<dir>/<2 hex>/<key>/` with the PDFs and `entry.json` (each file's size, SHA-256, pages and
 * modification time), written under a temporary name and renamed into place whole, so a reader sees a complete entry or
 * none. A restored entry is checked first: every file's size, and the hash of every file modified since it was written
 * or last hashed; a damaged one is deleted and the product rendered again. Only successful renders are stored: an
 * author error is found again on every run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_PLAN_FILE } from '../model/action-plan.ts';
import type { Lang } from '../model/formats.ts';
import { sha256, type LessonInputs } from '../model/inputs.ts';
import { protocolFile } from '../model/shared-texts.ts';
import { pictureHashNow } from '../model/pictures.ts';
import type { Paper } from './layout/types.ts';
import { fontFile } from './text/font-files.ts';
import { FONT_IDS } from './text/types.ts';

/** Where the cache lives unless told otherwise: beside the other build caches, never inside dist/, ignored by git. */
export const KIT_CACHE_DIR = 'node_modules/.cache/lesson-kits';

/** Changes when the layout of an entry or of a key changes, so an older cache is simply not found. */
const FORMAT = 'lesson-kits print cache 2';

/** days: an entry not used for this long is removed after a run over the whole library. */
const UNUSED_DAYS = 30;

/** ms in a day. */
const DAY_MS = 86_400_000;

/** The file whose modification time says when the cache was last pruned. */
const PRUNED_STAMP = '.pruned';

/** The files the renderer starts from: the worker (which reaches the whole engine) and the entry point others call. */
const ENGINE_ENTRIES = [new URL('./worker.ts', import.meta.url), new URL('./index.ts', import.meta.url)];

/** The project's lockfile: every dependency's exact version (fonts, pdf-lib, HarfBuzz, sharp, hyphenation patterns). */
const LOCKFILE = new URL('../../package-lock.json', import.meta.url);

/** A cache to use: its folder and the engine fingerprint its keys start from. */
export interface KitCache {
  dir: string;
  engine: string;
}

/** A file an entry holds. */
interface EntryFile {
  name: string;
  bytes: number;
  sha256: string;
  pages: number;
  /** The file's modification time when its bytes were last found to hash to `sha256` (written, or checked). */
  mtimeMs?: number;
}

/** A product as the cache hands it back or takes it: the file it goes to (or came from) and its pages. */
export interface CachedProduct {
  out: string;
  pages: number;
  bytes: number;
}

/** The source files a module reaches through relative imports (static, dynamic, `new URL(…, import.meta.url)`), sorted. */
export function importClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => resolve(entry));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file) || !statSync(file).isFile()) continue;
    seen.add(file);
    if (!/\.(ts|mts|js|mjs)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const specifiers = text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g);
    for (const [, , specifier] of specifiers) queue.push(resolve(dirname(file), specifier!));
  }
  return [...seen].sort();
}

/**
 * The engine's fingerprint: the bytes of every source file the renderer runs, the lockfile, the fonts and Node's
 * version. Any change to any of them changes every key.
 */
export function engineFingerprint(entries: readonly string[] = ENGINE_ENTRIES.map((url) => fileURLToPath(url))): string {
  const hash = createHash('sha256').update(`${FORMAT}\nnode ${process.versions.node}\n`);
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  for (const file of importClosure(entries)) hash.update(`${relative(root, file)}\n`).update(readFileSync(file)).update('\n');
  const lockfile = fileURLToPath(LOCKFILE);
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  for (const id of FONT_IDS) hash.update(readFileSync(fontFile(id)));
  return hash.digest('hex');
}

/** The cache in a folder (LESSON_KITS_CACHE, e.g. a folder CI keeps between runs; else KIT_CACHE_DIR), with this engine's fingerprint. */
export function openKitCache(dir = process.env.LESSON_KITS_CACHE || KIT_CACHE_DIR, engine = engineFingerprint()): KitCache {
  return { dir, engine };
}

/** What a lesson's key is made of: the parts of a valid lesson the cache needs. */
export interface KeyedLesson {
  file: string;
  lang: Lang;
  /** Its text, pictures and linked titles as the loader read and checked them. */
  inputs: LessonInputs;
}

/**
 * Makes keys for one run over a library: each shared file is hashed once a run (a later run hashes it again, so an edit
 * between runs is always seen). A lesson's own files were hashed as the loader checked them (src/model/inputs.ts).
 */
export class KeyMaker {
  readonly #cache: KitCache;
  readonly #lessonsDir: string;
  readonly #paper: Paper;
  readonly #files = new Map<string, string>();

  constructor(cache: KitCache, lessonsDir: string, paper: Paper) {
    this.#cache = cache;
    this.#lessonsDir = lessonsDir;
    this.#paper = paper;
  }

  /** The hash of a shared file's bytes, or of its absence. */
  #shared(file: string): string {
    let known = this.#files.get(file);
    if (known === undefined) {
      known = existsSync(file) ? sha256(readFileSync(file)) : 'missing';
      this.#files.set(file, known);
    }
    return known;
  }

  /** A lesson's key: everything its kit and pupil pack print. */
  lesson({ file, lang, inputs }: KeyedLesson): string {
    const hash = createHash('sha256').update(`${FORMAT}\nlesson\n${this.#cache.engine}\n${this.#paper}\n`);
    hash.update(`${relative(this.#lessonsDir, file).split('\\').join('/')}\ntext ${inputs.text}\n`);
    for (const url of [...inputs.pictures.keys()].sort()) hash.update(`picture ${url} ${inputs.pictures.get(url)}\n`);
    for (const title of inputs.linkedTitles) hash.update(`link ${title}\n`);
    const data = join(this.#lessonsDir, '_data');
    for (const shared of [join(data, 'helplines.yaml'), join(data, 'facts.yaml'), join(this.#lessonsDir, ACTION_PLAN_FILE), protocolFile(this.#lessonsDir, lang)]) {
      hash.update(`data ${relative(this.#lessonsDir, shared)} ${this.#shared(shared)}\n`);
    }
    return hash.digest('hex');
  }

  /**
   * A band bundle's key: its band, language, paper, volume number (undefined for a band in one file) and its lessons'
   * keys in order. Not the band's count of volumes: a volume does not print it, so a lesson added at the end of a band
   * leaves the earlier volumes cached.
   */
  bundle(band: string, lang: Lang, volume: number | undefined, lessonKeys: readonly string[]): string {
    return sha256(`${FORMAT}\nbundle\n${this.#cache.engine}\n${this.#paper}\n${band}\n${lang}\nvolume ${volume ?? 'none'}\n${lessonKeys.join('\n')}\n`);
  }

  /** The key of a lesson's products (no `bundle`), or of the bundle (or volume) of these lessons in this order. */
  products(bundle: { band: string; volume?: number } | undefined, lessons: readonly KeyedLesson[]): string | undefined {
    if (!lessons[0]) return undefined;
    if (!bundle) return this.lesson(lessons[0]);
    return this.bundle(bundle.band, lessons[0].lang, bundle.volume, lessons.map((lesson) => this.lesson(lesson)));
  }
}

/**
 * A checked lesson with each picture's hash as its file is now (one that cannot be read any more: "unreadable"). A
 * render from a lesson checked earlier read its pictures again: keyed with these, it is not stored when one changed.
 */
export function withPicturesNow<T extends KeyedLesson>(lesson: T): T {
  const pictures = new Map([...lesson.inputs.pictures.keys()].map((url) => [url, pictureHashNow(lesson.file, url) ?? 'unreadable']));
  return { ...lesson, inputs: { ...lesson.inputs, pictures } };
}

/** The folder of an entry. */
function entryDir(cache: KitCache, key: string): string {
  return join(cache.dir, key.slice(0, 2), key);
}

/**
 * Whether an entry for `key` is stored: then the products it stands for rendered without an error from exactly these
 * inputs (only such renders are stored, and an entry appears whole), so rendering them again would find nothing new.
 */
export function hasEntry(cache: KitCache, key: string): boolean {
  return existsSync(join(entryDir(cache, key), 'entry.json'));
}

/** An entry's description, or undefined when it is missing or unreadable. */
function readEntry(folder: string): EntryFile[] | undefined {
  try {
    const files = JSON.parse(readFileSync(join(folder, 'entry.json'), 'utf8')) as unknown;
    return Array.isArray(files) ? (files as EntryFile[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The entry under `key` placed at `outs` (in the order it was stored), after checking every file; undefined when there
 * is no such entry, or it was damaged (then it is deleted). Files are hard-linked where possible (the cache and the
 * output then share the bytes; an output edited in place changes the entry, and the next check finds it), else copied.
 * Synchronous: a run restores a thousand entries of a few small steps each, and each step waiting its turn on libuv's
 * thread pool took longer than the step.
 */
export function restoreEntry(cache: KitCache, key: string, outs: readonly string[]): CachedProduct[] | undefined {
  const folder = entryDir(cache, key);
  const files = readEntry(folder);
  const checked = files && files.length === outs.length ? checkFiles(folder, files) : undefined;
  if (!checked) {
    rmSync(folder, { recursive: true, force: true });
    return undefined;
  }
  const restored: CachedProduct[] = [];
  for (const [i, file] of files!.entries()) {
    const out = outs[i]!;
    mkdirSync(dirname(out), { recursive: true });
    rmSync(out, { force: true });
    try {
      linkSync(join(folder, file.name), out);
    } catch {
      copyFileSync(join(folder, file.name), out);
    }
    restored.push({ out, pages: file.pages, bytes: file.bytes });
  }
  // The entry's last use, for pruning; with the new times of files whose bytes were hashed and found intact.
  try {
    if (checked.restamped) writeEntry(folder, checked.files);
    else utimesSync(join(folder, 'entry.json'), new Date(), new Date());
  } catch {
    // A cache that cannot be written costs speed, never the build.
  }
  return restored;
}

/**
 * Whether each file of an entry has its stored size and bytes: a file not modified since it was written or last hashed
 * (its size and modification time as recorded) is taken as it is; any other is hashed again. Hashing every byte of the
 * library's kits (~330 MB at 1,000 lessons) on every build was most of a one-lesson rebuild's kits step. Returns the
 * files with their times brought up to date (`restamped` when one was hashed and found intact), or undefined.
 */
function checkFiles(folder: string, files: readonly EntryFile[]): { files: EntryFile[]; restamped: boolean } | undefined {
  const checked: EntryFile[] = [];
  let restamped = false;
  for (const file of files) {
    if (typeof file.name !== 'string' || /[/\\]/.test(file.name)) return undefined;
    const path = join(folder, file.name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.size !== file.bytes) return undefined;
    if (file.mtimeMs !== stats.mtimeMs) {
      if (sha256(readFileSync(path)) !== file.sha256) return undefined;
      restamped = true;
    }
    checked.push({ ...file, mtimeMs: stats.mtimeMs });
  }
  return { files: checked, restamped };
}

/** Write an entry's description beside its files, whole (under another name, then renamed over the old one). */
function writeEntry(folder: string, files: readonly EntryFile[]): void {
  const temporary = join(folder, `.entry-${process.pid}-${randomBytes(6).toString('hex')}.json`);
  writeFileSync(temporary, JSON.stringify(files));
  renameSync(temporary, join(folder, 'entry.json'));
}

/**
 * Store rendered products under `key`: written into a temporary folder, then renamed into place, so a run that stops
 * midway leaves no entry rather than half of one. When another run stored the same key first, its entry is kept.
 */
export async function storeEntry(cache: KitCache, key: string, products: readonly { pdf: Uint8Array; pages: number }[]): Promise<void> {
  const folder = entryDir(cache, key);
  const temporary = join(cache.dir, `.partial-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(temporary, { recursive: true });
    const files: EntryFile[] = [];
    for (const [i, product] of products.entries()) {
      const name = `${i}.pdf`;
      await writeFile(join(temporary, name), product.pdf);
      const { mtimeMs } = await stat(join(temporary, name));
      files.push({ name, bytes: product.pdf.length, sha256: sha256(product.pdf), pages: product.pages, mtimeMs });
    }
    await writeFile(join(temporary, 'entry.json'), JSON.stringify(files));
    await mkdir(dirname(folder), { recursive: true });
    await rm(folder, { recursive: true, force: true });
    await rename(temporary, folder);
  } catch {
    // A cache that cannot be written (a full disk, a read-only folder) costs speed, never the build.
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/**
 * Remove entries unused for UNUSED_DAYS, and partial entries older than a day (a run that was killed); at most once a
 * day (the time of the last look is the mtime of PRUNED_STAMP): looking more often finds nothing new, and a look stats
 * every entry of the library. Returns how many entries were removed.
 */
export async function pruneCache(cache: KitCache, now = Date.now()): Promise<number> {
  const stamp = join(cache.dir, PRUNED_STAMP);
  const lastLook = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
  if (lastLook !== undefined && now - lastLook < DAY_MS && now >= lastLook) return 0;
  let removed = 0;
  const names = await readdir(cache.dir).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(cache.dir, name);
    if (name.startsWith('.partial-')) {
      const { mtimeMs } = await stat(path);
      if (now - mtimeMs > DAY_MS) await rm(path, { recursive: true, force: true });
      continue;
    }
    if (!/^[0-9a-f]{2}$/.test(name)) continue;
    for (const key of await readdir(path)) {
      const used = await stat(join(path, key, 'entry.json')).then((info) => info.mtimeMs).catch(() => 0);
      if (now - used > UNUSED_DAYS * DAY_MS) {
        await rm(join(path, key), { recursive: true, force: true });
        removed++;
      }
    }
  }
  if (names.length) await writeFile(stamp, '').then(() => utimes(stamp, now / 1000, now / 1000)).catch(() => undefined);
  return removed;
}
