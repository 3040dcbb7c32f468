/**
 * The record of the last whole-library run, kept in the kit cache: which lesson files it rendered, and which lesson
 * files each band bundle (or volume) was made of. A lesson saved since then has most likely changed its own products
 * and those of each volume that holds it; the kits' first worker renders them ahead, while the build checks the lessons
 * (src/kit/warm-up.ts). The record only says what to try: an entry is always stored under the key of what was rendered.
 */
import { statSync } from 'node:fs';
import { rename, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BandId } from '../model/bands.ts';
import { readInside } from '../model/files.ts';
import type { KitCache } from './cache.ts';

/** The record's file in the cache; its modification time is when the run's lessons were read. */
const RUN_RECORD = 'last-run.json';

/** bytes: a record larger than this is not read (a thousand-lesson library's is ~150 kB). */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** Lesson folders saved in since the last run, at most, for rendering ahead: more is a checkout or a pull, not an edit. */
export const MAX_SAVED_FOLDERS = 4;

/** A product to render ahead: a lesson's kit and pupil pack (no `bundle`), or a bundle (or volume) of lesson files in order. */
export interface AheadTarget {
  files: string[];
  bundle?: { band: BandId; volume?: number };
}

/** A whole-library run: its lesson files and its bundles' (paths relative to the lessons folder, `/` between folders). */
interface RunRecord {
  lessons: string[];
  bundles: { band: BandId; volume?: number; files: string[] }[];
}

/** What a run's jobs are, for its record. */
export type RecordedJob = { kind: 'lesson'; file: string } | { kind: 'bundle'; band: BandId; volume?: number; files: readonly string[] };

/**
 * Record a whole-library run's jobs in the cache, written whole (a new record replaces the old by renaming) and dated
 * `readAt` (ms since the epoch), when the run's lessons were read: a lesson saved while the run went on counts as
 * saved for the next.
 */
export async function recordRun(cache: KitCache, lessonsDir: string, jobs: readonly RecordedJob[], readAt: number): Promise<void> {
  const inLibrary = (file: string) => relative(resolve(lessonsDir), resolve(file)).split('\\').join('/');
  const record: RunRecord = {
    lessons: jobs.flatMap((job) => (job.kind === 'lesson' ? [inLibrary(job.file)] : [])),
    bundles: jobs.flatMap((job) => (job.kind === 'bundle' ? [{ band: job.band, ...(job.volume ? { volume: job.volume } : {}), files: job.files.map(inLibrary) }] : [])),
  };
  const temporary = join(cache.dir, `.run-${process.pid}-${randomBytes(6).toString('hex')}.json`);
  // A cache that cannot be written costs the next run its head start, never this build.
  await writeFile(temporary, JSON.stringify(record))
    .then(() => utimes(temporary, readAt / 1000, readAt / 1000))
    .then(() => rename(temporary, join(cache.dir, RUN_RECORD)))
    .catch(() => rm(temporary, { force: true }));
}

/**
 * What to render ahead: the bundles (largest first) and then the lessons of each lesson file saved since the last run
 * (its file, or its folder, changed after the record's date), paths resolved in `lessonsDir`. None when there is no
 * readable record, nothing was saved, or in more than MAX_SAVED_FOLDERS folders.
 */
export function aheadTargets(cache: KitCache, lessonsDir: string): AheadTarget[] {
  const path = join(cache.dir, RUN_RECORD);
  const written = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
  const record = written === undefined ? undefined : readRecord(cache.dir);
  if (!record) return [];
  const inLibrary = (file: string) => join(lessonsDir, file);
  const newer = (file: string) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) > written!;
  const saved = new Set(record.lessons.filter((file) => newer(inLibrary(file)) || newer(dirname(inLibrary(file)))));
  // A folder saved in marks its translations too: they are lessons of one edit (rendering one that did not change
  // finds it in the cache and costs a reading).
  const folders = new Set([...saved].map((file) => dirname(file)));
  if (!saved.size || folders.size > MAX_SAVED_FOLDERS) return [];
  const bundles = record.bundles.filter((bundle) => bundle.files.some((file) => saved.has(file))).sort((a, b) => b.files.length - a.files.length);
  return [
    ...bundles.map(({ band, volume, files }) => ({ files: files.map(inLibrary), bundle: { band, ...(volume ? { volume } : {}) } })),
    ...[...saved].map((file) => ({ files: [inLibrary(file)] })),
  ];
}

/** The cache's record as written, or undefined when it is missing, too large or not one. */
function readRecord(cacheDir: string): RunRecord | undefined {
  try {
    const record = JSON.parse(readInside(cacheDir, RUN_RECORD, MAX_RECORD_BYTES).toString('utf8')) as RunRecord;
    const paths = (files: unknown) => Array.isArray(files) && files.every((file) => typeof file === 'string' && isPlainPath(file));
    const volume = (value: unknown) => value === undefined || (Number.isInteger(value) && (value as number) > 0);
    const bundle = (entry: RunRecord['bundles'][number]) => typeof entry.band === 'string' && volume(entry.volume) && paths(entry.files);
    return paths(record.lessons) && Array.isArray(record.bundles) && record.bundles.every(bundle) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** True for a path inside the lessons folder as a record writes it: folder names joined by `/`, none of them `..`. */
function isPlainPath(file: string): boolean {
  return file.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\:]/.test(part));
}
