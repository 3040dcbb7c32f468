/**
 * The offline bundle: `downloads/lesson-kits-<version>.zip`, the whole built site with every kit, for a school to copy
 * to a USB stick, a computer or a server. Inside one folder:
 *
 *   START-HERE.html   how to open, serve and verify the copy (Ukrainian and English)
 *   MANIFEST.sha256   the SHA-256 of every other file, in `sha256sum -c` format
 *   serve.mjs         the site's own server (src/site/serve.mjs as it is: Node ≥ 18, no dependencies)
 *   site/             the site, as the published one but without the download link (a copy does not carry itself)
 *
 * The zip is deterministic: the site's files in byte order of their paths, the search index's last (so a large build
 * writes the zip while the index is made), one fixed timestamp (the commit's date), no per-file extra fields, fixed
 * compression; the same site gives the same bytes, written after the index or alongside it (tested).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { t } from '../i18n/index.ts';
import type { Lang } from '../model/formats.ts';
import { bundleFileName } from './paths.ts';
import { LEXICON_FILE } from './search-index.ts';
import { startHereHtml, type CopyFacts } from './start-here.ts';

/** The server file the bundle carries, copied byte for byte. */
const SERVER_SOURCE = new URL('./serve.mjs', import.meta.url);

/** The site's folder of downloads, which the copies leave out. */
export const DOWNLOADS_DIR = 'downloads';

/** Files that are compressed already: stored as they are (deflating them again costs time and saves nothing). */
const STORED = /\.(woff2?|png|jpe?g|webp|avif|gif|zip|zim|pf_fragment|pf_index|pf_meta|pf_filter|pagefind)$/i;

/** A paragraph only the published site shows (the download of this very bundle). */
const ONLINE_ONLY = /<p\b[^>]*\sdata-online-only\b[^>]*>[\s\S]*?<\/p>/g;

/** One file of an offline copy. */
export interface CopyFile {
  /** Path inside the copy's site folder, with `/`. */
  path: string;
  data: Buffer;
}

/** A page as the offline copies carry it: without what only the published site shows. */
export function offlineHtml(html: string): string {
  return html.replace(ONLINE_ONLY, '');
}

/** Every file of a built site except the downloads, pages as offline copies carry them, in byte order of their paths. */
export async function offlineSiteFiles(siteDir: string): Promise<CopyFile[]> {
  const paths = await offlineSitePaths(siteDir);
  return Promise.all(paths.map(async (path) => ({ path, data: await readOfflineFile(siteDir, path) })));
}

/** The paths (with `/`) of every file of a built site except the downloads, in byte order. */
export async function offlineSitePaths(siteDir: string): Promise<string[]> {
  return (await filesUnder(siteDir, '.')).filter((path) => path.split('/')[0] !== DOWNLOADS_DIR).sort(byteOrder);
}

/** The paths (with `/`, from the site's folder) of every file in `folder` of a built site; none when it is missing. */
async function filesUnder(siteDir: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(siteDir, folder), { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** What marks a part only the published site shows: a page without it is carried as it is, not decoded and changed. */
const ONLINE_ONLY_MARK = Buffer.from('data-online-only');

/** A page as offline copies carry it: read and changed whole (pages are small). */
async function readOfflineFile(siteDir: string, path: string): Promise<Buffer> {
  const data = await readFile(join(siteDir, path));
  return path.endsWith('.html') && data.includes(ONLINE_ONLY_MARK) ? Buffer.from(offlineHtml(data.toString('utf8'))) : data;
}

/**
 * A file of the copy as a stream (a page changed for offline copies, any other file as it is), handing the SHA-256 of
 * what it gave to `hashed` at its end: the manifest is made as the zip is written, not by reading every file twice. A
 * file that cannot be read (removed meanwhile) goes to `failed`: yazl does not listen for its streams' errors.
 */
function offlineStream(siteDir: string, path: string, hashed: (hex: string) => void, failed: (error: Error) => void): Readable {
  const hash = createHash('sha256');
  const source = path.endsWith('.html') ? Readable.from(offlinePage(siteDir, path), { objectMode: false }) : createReadStream(join(siteDir, path));
  source.once('error', failed);
  return source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, next) {
        hash.update(chunk);
        next(null, chunk);
      },
      flush(next) {
        hashed(hash.digest('hex'));
        next();
      },
    }),
  );
}

/** A page as offline copies carry it, as one chunk. */
async function* offlinePage(siteDir: string, path: string): AsyncGenerator<Buffer> {
  yield await readOfflineFile(siteDir, path);
}

/** Compare strings by their UTF-16 code units: the same order on every machine and locale. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `sha256sum` lines for files: `<hex>  <path>`, one per file, in the given order. */
export function manifest(files: readonly CopyFile[]): string {
  return files.map((file) => `${createHash('sha256').update(file.data).digest('hex')}  ${file.path}\n`).join('');
}

/** What the bundle says about the build. */
export interface BundleInfo {
  version: string;
  commit?: string;
  /** YYYY-MM-DD of the commit: the timestamp of every file in the zip. */
  commitDate?: string;
  builtOn: string;
}

/** The result of writing a bundle. */
export interface WrittenBundle {
  file: string;
  bytes: number;
  files: number;
}

/** Where the offline bundle of a site goes by default: `<siteDir>/downloads/lesson-kits-<version>.zip`. */
export function bundleFile(siteDir: string, info: BundleInfo): string {
  return join(siteDir, DOWNLOADS_DIR, bundleFileName(info.version));
}

/** The folder of Pagefind's files; the search index step writes one file besides (LEXICON_FILE). */
const PAGEFIND_DIR = 'pagefind';

/** The files the search index step writes (Pagefind's folder, the lexicon of word groups). */
export function isSearchIndexFile(path: string): boolean {
  return path.startsWith(`${PAGEFIND_DIR}/`) || path === LEXICON_FILE;
}

/** The search index's files of a built site, in byte order: only its folder read, not the whole site again. */
async function searchIndexPaths(siteDir: string): Promise<string[]> {
  const lexicon = (await filesUnder(siteDir, dirname(LEXICON_FILE))).filter((path) => path === LEXICON_FILE);
  return [...(await filesUnder(siteDir, PAGEFIND_DIR)), ...lexicon].sort(byteOrder);
}

/** How a bundle is written. */
export interface BundleOptions {
  /** Where the zip goes; `bundleFile(siteDir, info)` by default. */
  outFile?: string;
  /**
   * The search index being made meanwhile: the other files are zipped at once, the index's files once it is done. When
   * it fails, so does the bundle, and no zip is left. Without it, the index must be made already.
   */
  indexing?: Promise<unknown>;
  /** Told each time a file of the site is in the zip: how many are, of how many listed so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Write the offline bundle of a built site, by way of a temporary file, so a failure never leaves half a zip. Its
 * files: START-HERE and serve.mjs, the site's files but the search index's, the search index's, the manifest.
 */
export async function writeBundle(siteDir: string, info: BundleInfo, { outFile = bundleFile(siteDir, info), indexing, onProgress }: BundleOptions = {}): Promise<WrittenBundle> {
  // Taken hold of before the first wait, so an index that fails while the zip is not yet ready for it is this
  // bundle's failure, not an unhandled rejection.
  const indexFailure = indexing?.then(() => undefined, asError);
  const folder = bundleFileName(info.version).replace(/\.zip$/, '');
  const site = (await offlineSitePaths(siteDir)).filter((path) => !isSearchIndexFile(path));
  const facts: CopyFacts = {
    ...info,
    folder,
    lessons: site.filter((path) => /^lessons\/[^/]+\/index\.html$/.test(path)).length,
    kits: site.filter((path) => /^kits\/[^/]+\.pdf$/.test(path)).length,
  };
  const head: CopyFile[] = [
    { path: 'START-HERE.html', data: Buffer.from(startHereHtml(facts)) },
    { path: 'serve.mjs', data: await readFile(SERVER_SOURCE) },
  ];
  // The site's files are streamed into the zip one at a time, so the memory a bundle takes does not grow with the
  // library, and each is hashed as it passes. The manifest comes last: yazl asks for an entry's stream only once every
  // entry before it is written, so by then every hash is known.
  const zipped: { path: string; hash?: string }[] = [];
  let done = 0;
  const mtime = fixedTimestamp(info.commitDate ?? info.builtOn);
  const options = (path: string) => ({ mtime, mode: 0o100644, compress: !STORED.test(path), forceDosTimestamp: true });
  const zip = new yazl.ZipFile();
  // A file that cannot be read ends the zip's output with its error, so the write below fails and leaves no zip.
  const failed = (error: Error) => (zip.outputStream as Readable).destroy(error);
  const add = (paths: readonly string[]) => {
    for (const path of paths) {
      const entry: (typeof zipped)[number] = { path };
      zipped.push(entry);
      const hashed = (hex: string) => {
        entry.hash = hex;
        onProgress?.(++done, zipped.length);
      };
      zip.addReadStreamLazy(`${folder}/site/${path}`, options(path), (give) => give(null, offlineStream(siteDir, path, hashed, failed)));
    }
  };
  for (const file of head) zip.addBuffer(file.data, `${folder}/${file.path}`, options(file.path));
  add(site);
  const partial = `${outFile}.partial`;
  await mkdir(dirname(outFile), { recursive: true });
  const written = pipeline(zip.outputStream, createWriteStream(partial));
  try {
    // The zip is written while the index is made; then the index's files are added, and the manifest after them.
    const finish = async () => {
      const indexError = await indexFailure;
      if (indexError) throw indexError;
      if ((zip.outputStream as Readable).destroyed) return; // a file failed meanwhile: the zip is given up
      add(await searchIndexPaths(siteDir));
      const lines = () => manifest(head) + zipped.map((entry) => `${entry.hash}  site/${entry.path}\n`).join('');
      zip.addReadStreamLazy(`${folder}/MANIFEST.sha256`, options('MANIFEST.sha256'), (done) => done(null, Readable.from([Buffer.from(lines())])));
      zip.end();
    };
    await Promise.all([written, finish().catch((error: unknown) => failed(asError(error)))]);
    await rename(partial, outFile);
  } catch (error) {
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
  const { size } = await stat(outFile);
  return { file: outFile, bytes: size, files: head.length + zipped.length + 1 };
}

/** A thrown value as an Error, whatever was thrown. */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Noon of a date, in this machine's time zone: a zip stores local date and time fields (no zone), and yazl reads them
 * with the local getters, so a date made from local fields gives the same bytes in every time zone.
 */
function fixedTimestamp(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12, 0, 0);
}

/** Where a page shows the bundle's size, filled in once the zip exists: `<span data-bundle-size="uk"></span>`. */
const SIZE_PLACEHOLDER = /<span data-bundle-size="([a-z]{2})"><\/span>/g;

/** bytes in a megabyte, as the size is shown. */
const MEGABYTE = 1024 * 1024;

/** Write the bundle's size into the pages that link it (the zip does not carry those links). Returns the pages changed. */
export async function fillBundleSize(siteDir: string, bytes: number): Promise<number> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  let changed = 0;
  for (const entry of entries.filter((item) => item.isFile() && item.name.endsWith('.html'))) {
    const file = join(entry.parentPath, entry.name);
    const html = await readFile(file, 'utf8');
    const next = html.replace(SIZE_PLACEHOLDER, (_match, lang: string) => `<span data-bundle-size="${lang}">${t(lang as Lang).bundleSize(bytes / MEGABYTE)}</span>`);
    if (next !== html) {
      await writeFile(file, next);
      changed++;
    }
  }
  return changed;
}
