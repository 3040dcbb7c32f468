/**
 * The site's pages built in slices. Astro's page build holds the compiled code of every lesson it renders at once (its
 * bundler's memory grows with the library), so a library larger than one slice is built by one Astro build per slice of
 * lessons, each in a process of its own (`scripts/build-pages.ts`), one after another, into folders that are merged
 * into one site before the relative URLs and the search index are made over it once (`scripts/build.ts`). A slice is a
 * run of lesson folders in slug order (a lesson always with its translations); every slice's build knows every lesson
 * (the index, band, topic and search pages list them all) but renders the pages of its own lessons only, and the first
 * slice builds every page that is not a lesson's. Measurements: docs/ARCHITECTURE.md, "The build at scale".
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** Lesson files per slice at most. */
export const PAGE_SLICE_FILES = 300;

/** The environment variable that overrides PAGE_SLICE_FILES (tests force slicing on a small library with it). */
export const PAGE_SLICE_FILES_ENV = 'LESSON_KITS_PAGE_SLICE_FILES';

/** The environment variable that tells a page build which slice it builds (JSON of a PageSlice); unset: everything. */
export const PAGE_SLICE_ENV = 'LESSON_KITS_PAGE_SLICE';

/** One slice of the lessons: the slugs `from` ≤ slug < `to` (no bound where null), the `index`th of `count`. */
export interface PageSlice {
  index: number;
  count: number;
  from: string | null;
  to: string | null;
  /** Lesson files in the slice (its page build's heap limit is sized by them). */
  files: number;
}

/** The lesson files per lesson folder (`<slug>/index[.<lang>].mdx`; `_` and `.` folders are not lessons), by slug. */
export function lessonFilesBySlug(lessonsDir: string): Map<string, number> {
  const files = new Map<string, number>();
  for (const entry of readdirSync(lessonsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    files.set(entry.name, readdirSync(join(lessonsDir, entry.name)).filter((file) => /^index(\.[a-z]{2})?\.mdx$/.test(file)).length);
  }
  return files;
}

/** The slice size in lesson files: `LESSON_KITS_PAGE_SLICE_FILES` when it is a positive integer, else PAGE_SLICE_FILES. */
export function pageSliceFiles(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env[PAGE_SLICE_FILES_ENV]);
  return Number.isInteger(asked) && asked > 0 ? asked : PAGE_SLICE_FILES;
}

/**
 * The library cut into slices of at most `maxFiles` lesson files (a lesson folder with more is a slice of its own), as
 * even as whole lesson folders allow, in slug order (code unit order, as `<` compares); one slice (bounded by nothing)
 * when the library fits in one.
 */
export function planPageSlices(filesBySlug: ReadonlyMap<string, number>, maxFiles: number): PageSlice[] {
  const slugs = [...filesBySlug.keys()].sort();
  const total = slugs.reduce((sum, slug) => sum + filesBySlug.get(slug)!, 0);
  /** Slugs in runs of at most `limit` files (or one folder with more). */
  const pack = (limit: number) => {
    const runs: { first: string; files: number }[] = [];
    for (const slug of slugs) {
      const files = filesBySlug.get(slug)!;
      const last = runs.at(-1);
      if (last && last.files + files <= limit) last.files += files;
      else runs.push({ first: slug, files });
    }
    return runs;
  };
  // The fewest slices there can be, each filled to about their average (the last is no remnant); the whole folders may
  // need a little more room per slice.
  const fewest = Math.max(1, Math.ceil(total / maxFiles));
  let limit = Math.ceil(total / fewest);
  let runs = pack(limit);
  while (runs.length > fewest && limit < maxFiles) runs = pack(++limit);
  if (runs.length <= 1) return [{ index: 0, count: 1, from: null, to: null, files: total }];
  return runs.map((run, index) => ({ index, count: runs.length, from: index ? run.first : null, to: runs[index + 1]?.first ?? null, files: run.files }));
}

/** Whether a lesson's pages belong to a slice (every lesson's do when no slice is given). */
export function inPageSlice(slice: PageSlice | null | undefined, slug: string): boolean {
  if (!slice) return true;
  return (slice.from === null || slug >= slice.from) && (slice.to === null || slug < slice.to);
}

/** Whether a slice builds the pages that are not a lesson's (the first one, or a build without slices). */
export function buildsSharedPages(slice: PageSlice | null | undefined): boolean {
  return !slice || slice.index === 0;
}

/** The slice this process builds, from PAGE_SLICE_ENV; null for a build of the whole site. */
export function currentPageSlice(env: NodeJS.ProcessEnv = process.env): PageSlice | null {
  const value = env[PAGE_SLICE_ENV];
  return value ? (JSON.parse(value) as PageSlice) : null;
}

/** A slice for messages: "slice 2 of 5 (lessons b-slug to before d-slug, 245 lesson files)". */
export function describeSlice(slice: PageSlice): string {
  return `slice ${slice.index + 1} of ${slice.count} (lessons ${slice.from ?? 'first'} to ${slice.to ? `before ${slice.to}` : 'last'}, ${slice.files} lesson files)`;
}

/**
 * Move the slices' sites (folders, in slice order) into `target` (which must not exist): the first folder becomes it,
 * each later one's files are moved in. A file in more than one slice (their shared assets: public/ files, fonts, the
 * stylesheets and scripts of components) is kept once if its bytes are the same; different bytes under one name stop
 * the build, as the pages of either slice could then show the wrong one. Returns the number of files moved in.
 */
export async function mergeSlices(folders: readonly string[], target: string): Promise<number> {
  if (existsSync(target)) throw new Error(`${target} exists: slices are merged into a new folder`);
  const [first, ...rest] = folders;
  if (first === undefined) throw new Error('no slices to merge');
  await rename(first, target);
  let moved = 0;
  for (const folder of rest) {
    for (const file of await listFiles(folder)) {
      const from = join(folder, file);
      const to = join(target, file);
      if (existsSync(to)) {
        if (!(await sameBytes(from, to))) throw new Error(`${file}: the page build's slices wrote different files under this name (${from} and the first slice's); build again with a larger ${PAGE_SLICE_FILES_ENV}, and report it`);
        continue;
      }
      await mkdir(dirname(to), { recursive: true });
      await rename(from, to);
      moved++;
    }
  }
  return moved;
}

/** Every file under a folder, as paths relative to it. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Whether two files hold the same bytes. */
async function sameBytes(a: string, b: string): Promise<boolean> {
  if ((await stat(a)).size !== (await stat(b)).size) return false;
  return (await readFile(a)).equals(await readFile(b));
}
