import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { displayPath, formatDiagnostic, hasErrors, loadLibrary, publishedLessons, sortDiagnostics, summarize, AuthorError, type Diagnostic } from '../model/index.ts';
import { reportStrings, takeLangArgument } from '../i18n/messages/index.ts';
import { checkInside, isAllowed, readAllowed } from '../model/files.ts';
import { MAX_DATA_BYTES, MAX_LESSON_BYTES } from '../model/limits.ts';
import { errorPage } from './error-page.ts';
import { isLoadedAsSaved } from './content-sync.ts';
import { libraryDiagnostics, sourceFileAt, sourceProblems } from './lesson-problems.ts';
import { renderBandBundleFiles, renderLessonFileProducts, type KitResult } from '../kit/index.ts';
import { bandBundles } from '../kit/batch.ts';
import type { BandId } from '../model/bands.ts';
import { findAbsoluteUrls, findModuleScriptUrls, inlineStylesheets, relativizeCss, relativizeHtml } from './relative-urls.ts';
import { reportStep, timed } from './report.ts';
import { rate, sharedProgress } from './progress.ts';
import { buildsSharedPages, currentPageSlice } from './page-slices.ts';
import { LESSONS_DIR as LESSONS } from './config.ts';
import { LexiconBuilder, loadWordForms } from './lexicon.ts';
import { SendWindow } from './send-window.ts';
import { LEXICON_FILE, SEARCH_PARTS_FILE, SEARCH_PART_BYTES, annotateForIndex, groupSet, indexedWords, isUkrainianPage, lexiconScript, searchParts, type IndexedPage, type SearchPart } from './search-index.ts';


/** ms: how long a saved lesson file must stay unchanged before the dev server checks it and prints its problems. */
const SETTLE_MS = 150;

/** ms: how long after a save settled Astro must hold the file as saved before the dev server makes it read it again. */
const RELOAD_CHECK_MS = 1000;

/** Warnings from the bundler that are known to be harmless: one per MDX file would drown real ones. */
const HARMLESS_BUNDLER_CODES = new Set(['MODULE_LEVEL_DIRECTIVE']);

/** Validate lessons before building, make every URL relative, and index the site with Pagefind. */
export function lessonKits(): AstroIntegration {
  // A build of one slice of the pages (scripts/build-pages.ts): the build script has checked the library and finishes
  // the merged site itself (page-slices.ts).
  const slice = currentPageSlice();
  return {
    name: 'lesson-kits',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // `npm run dev -- --lang en` (or LESSON_KITS_LANG=en): the language of lesson problems in the terminal and the browser.
        takeLangArgument(process.argv.slice(2));
        updateConfig({
          vite: {
            // Page scripts are inlined whatever their size: a module script loaded by address cannot run from disk.
            build: { rolldownOptions: { onLog: quietBundlerLog }, assetsInlineLimit: inlineScripts },
            // Drafts show in `astro dev` only, and only there are lessons with errors left out of the collections (a build
            // stops on them first). Not import.meta.env.DEV: a stray DEV variable in the environment flips that.
            define: { __SHOW_DRAFTS__: JSON.stringify(command === 'dev'), __DEV_SERVER__: JSON.stringify(command === 'dev'), __PAGE_SLICE__: JSON.stringify(slice) },
          },
        });
      },
      'astro:build:start': () => {
        if (slice) return;
        const library = loadLibrary(LESSONS);
        if (hasErrors(library.diagnostics)) throw new AuthorError(library.diagnostics);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        printDiagnostics(libraryDiagnostics(LESSONS), logger);
        // Astro's list of each route's addresses, built from the content, is dropped with the event Astro itself sends
        // when the content changes.
        const forgetRoutes = () => {
          for (const [name, environment] of Object.entries(server.environments)) if (name !== 'client') environment.hot.send('astro:content-changed', {});
        };
        const root = resolve(LESSONS);
        // Astro's content loaded again from the files (unchanged ones are kept), then its lists of addresses dropped;
        // once for each saved state of a file, so an address that rightly has no page is not reloaded every second.
        const reloadedAt = new Map<string, string>();
        const reloadContent = (file: string) => {
          const state = savedState(root, file);
          if (reloadedAt.get(file) === state) return;
          reloadedAt.set(file, state);
          void Promise.resolve(refreshContent?.({ loaders: ['lesson-kits-checked-glob'] })).then(forgetRoutes, forgetRoutes);
        };
        // Before Astro's own handlers: a lesson with errors is shown as its problems, never as a page of wrong content.
        server.middlewares.use((request, response, next) => {
          if (serveProblems(request.url ?? '/', request.method ?? 'GET', response, { forgetRoutes, reloadContent })) return;
          void serveKit(request.url ?? '', response, logger).then((served) => served || next());
        });
        const pending = new Map<string, NodeJS.Timeout>();
        // An editor may write a file in steps (emptied, then filled): the file is checked once it has been still a moment.
        const onFile = (file: string) => {
          clearTimeout(pending.get(file));
          pending.set(
            file,
            setTimeout(() => {
              pending.delete(file);
              checkSaved(file);
            }, SETTLE_MS),
          );
        };
        // The watcher may report one save twice (a file emptied, then filled, seen apart on a busy machine): the same
        // bytes say nothing new, so their problems are printed once.
        const checked = new Map<string, string>();
        const checkSaved = (file: string) => {
          const path = relative(root, file);
          if (path.startsWith('..') || !/^(?:[^_/][^/]*\/index(?:\.[a-z]{2})?\.mdx|_pages\/[^/]+\.mdx|_data\/[^/]+)$/.test(path)) return;
          const contents = savedState(root, file);
          if (checked.get(file) === contents) return;
          checked.set(file, contents);
          const own = displayPath(file);
          const found = libraryDiagnostics(LESSONS).filter((d) => d.file === own);
          printDiagnostics(found, logger);
          if (!found.length) logger.info(`${own}: ${summarize(found)}`);
          // Shared data decides whether every lesson may be shown: load the collections again (unchanged files are kept).
          if (path.startsWith('_data/')) void refreshContent?.({ loaders: ['lesson-kits-checked-glob'] });
          else setTimeout(() => void settleContent(file), RELOAD_CHECK_MS);
        };
        // A moment after a save, Astro must answer with the lesson as saved. Two ways it may not, seen when the file is
        // written in two steps (emptied, then filled, as some editors save): its watcher drops a file's events for
        // 50 ms after one, so the file may have been read empty and never again (then it is loaded again); and a page
        // asked for while the content changed can leave its list of addresses, built from the content before, in
        // Astro's route cache (then the list is dropped; a problems page asking whether its lesson is fixed drops it
        // too, in case the content changed again after this).
        const settleContent = async (file: string) => {
          if (!isLoadedAsSaved(file)) await refreshContent?.({ loaders: ['lesson-kits-checked-glob'] });
          forgetRoutes();
        };
        server.watcher.on('change', onFile);
        server.watcher.on('add', onFile);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        if (!slice) return finishSite(root, (line) => logger.info(line));
        // A page without parameters (the 404 page) is rendered by every slice: the first slice's is the site's.
        if (!buildsSharedPages(slice)) for (const [route, files] of assets) if (route !== LESSON_ROUTE) await Promise.all(files.map((file) => rm(fileURLToPath(file), { force: true })));
      },
    },
  };
}

/**
 * `/kits/<slug>[.<lang>][.pupils].pdf` and `/kits/band-<id>[.<lang>][.vol-NN].pdf` in `astro dev`: the lessons re-read and
 * the kit, pupil pack or band bundle (or volume) rendered on every request, so the print preview is live.
 */
async function serveKit(url: string, response: ServerResponse, logger: AstroIntegrationLogger): Promise<boolean> {
  const bundle = /^\/kits\/band-([0-9]+-[0-9]+)(?:\.([a-z]{2}))?(?:\.vol-([0-9]+))?\.pdf(?:\?.*)?$/.exec(url);
  const match = bundle ? undefined : /^\/kits\/([a-z0-9-]+)(?:\.([a-z]{2}))?(\.pupils)?\.pdf(?:\?.*)?$/.exec(url);
  if (!bundle && !match) return false;
  let result: KitResult | undefined;
  if (bundle) {
    const [, band, lang = 'uk', volume] = bundle;
    const found = bandBundles(publishedLessons(loadLibrary(LESSONS))).find((entry) => entry.band === band && entry.lang === lang && entry.volume?.number === (volume ? Number(volume) : undefined));
    if (found) result = await renderBandBundleFiles(found.lessons.map((lesson) => lesson.file), band as BandId, LESSONS, {}, found.volume?.number);
  } else {
    const [, slug, lang, pupils] = match!;
    const file = join(LESSONS, slug, lang ? `index.${lang}.mdx` : 'index.mdx');
    if (existsSync(file)) {
      const products = await renderLessonFileProducts(file, LESSONS);
      result = pupils ? products.pupils : products.kit;
    }
  }
  if (!result) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`no lesson or band for ${url}`);
    return true;
  }
  if (!result.ok) {
    logger.error(sortDiagnostics(result.diagnostics).map(formatDiagnostic).join('\n'));
    const state = problemState(result.diagnostics);
    response.writeHead(422, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-lesson-state': state }).end(errorPage(result.diagnostics, state));
    return true;
  }
  response.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' }).end(result.pdf);
  return true;
}

/** Vite's inlining rule: every script chunk inline; other assets by the default size limit. */
function inlineScripts(file: string): boolean | undefined {
  return file.endsWith('.js') ? true : undefined;
}

/** Drop known-harmless bundler warnings; pass the rest on. */
function quietBundlerLog(level: string, log: { code?: string }, handler: (level: never, log: never) => void): void {
  if (log.code && HARMLESS_BUNDLER_CODES.has(log.code)) return;
  handler(level as never, log as never);
}

/** The route of the lesson pages, the only pages a slice other than the first builds. */
const LESSON_ROUTE = '/[...locale]/lessons/[slug]';

/** After the pages are built (by Astro's build, or merged from its slices): make every URL relative, index the site. */
export async function finishSite(root: string, log: (line: string) => void): Promise<void> {
  await relativizeStep(root, log);
  await searchIndexStep(root, log);
}

/** The step that makes every URL of the built pages relative, reported as a step of the build. */
export async function relativizeStep(root: string, log: (line: string) => void): Promise<void> {
  const relativized = await timed(() => relativizeSite(root));
  reportStep({ name: 'relative URLs', detail: `${relativized.value} files`, ms: relativized.ms }, log);
}

/** The step that indexes the finished pages for search, reported as a step of the build. */
export async function searchIndexStep(root: string, log: (line: string) => void): Promise<void> {
  const indexed = await timed(() => buildSearchIndex(root));
  reportStep({ name: 'search index', detail: `${indexed.value.pages} pages indexed in ${indexed.value.parts} part(s), ${indexed.value.groups} Ukrainian word groups`, ms: indexed.ms }, log);
}

/**
 * In `astro dev`, the address of a lesson (or the teachers' or parents' page) whose file has errors answers with the
 * page of its problems (422), and a HEAD request with its state alone, which that page asks for to reload itself.
 * Returns false when the address is not such a page, or the page has no errors.
 */
function serveProblems(url: string, method: string, response: ServerResponse, content: { forgetRoutes: () => void; reloadContent: (file: string) => void }): boolean {
  let pathname: string;
  try {
    pathname = decodeURI(new URL(url, 'http://localhost').pathname);
  } catch {
    return false;
  }
  const file = sourceFileAt(LESSONS, pathname);
  if (!file) return false;
  const problems = sourceProblems(LESSONS, file);
  if (!problems.some((d) => d.severity === 'error')) {
    // A problems page asking whether the lesson is fixed: not until Astro holds the lesson as saved, or the page would
    // reload into the version from before the mistake and stay there. Then Astro answers, from a fresh list of the
    // lessons' addresses: one built while the content changed may lack the lesson and would answer 404 until the next
    // change (the page asks once a second, only while it shows problems). Should Astro still answer that it has no such
    // page, its store has lost the lesson: the content is loaded again, and the page's next question finds it.
    if (method !== 'HEAD') return false;
    if (isLoadedAsSaved(file)) {
      content.forgetRoutes();
      response.once('finish', () => response.statusCode === 404 && content.reloadContent(file));
      return false;
    }
    response.writeHead(503, { 'cache-control': 'no-store', 'retry-after': '1' }).end();
    return true;
  }
  const state = problemState(problems);
  response.writeHead(422, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-lesson-state': state });
  response.end(method === 'HEAD' ? undefined : errorPage(problems, state));
  return true;
}

/** A short digest of a set of problems: the error page reloads when it changes. */
function problemState(diagnostics: readonly Diagnostic[]): string {
  const key = sortDiagnostics(diagnostics).map((d) => `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`).join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Print lesson diagnostics in the dev server's log. */
function printDiagnostics(diagnostics: readonly Diagnostic[], logger: AstroIntegrationLogger): void {
  for (const diagnostic of sortDiagnostics(diagnostics)) {
    const line = formatDiagnostic(diagnostic);
    if (diagnostic.severity === 'error') logger.error(line);
    else logger.warn(line);
  }
  if (diagnostics.length) logger.info(reportStrings().lessonsSummary(summarize(diagnostics)));
}

/** Every file under a folder, as paths relative to it. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Files read and rewritten at once: enough to keep the disk busy, few enough that memory does not grow with the site. */
const FILES_AT_ONCE = 16;

/** Run `work` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * Rewrite root-absolute URLs in every HTML and CSS file; fail if any remain, or if a page loads a module script by
 * address. Then inline the 404 page's stylesheet (see src/pages/404.astro). Returns the number of files.
 */
async function relativizeSite(root: string): Promise<number> {
  const files = (await listFiles(root)).filter((file) => /\.(html|css)$/.test(file));
  await eachLimited(files, FILES_AT_ONCE, async (file) => {
    const path = join(root, file);
    const text = await readFile(path, 'utf8');
    const next = file.endsWith('.html') ? relativizeHtml(text, file) : relativizeCss(text, file);
    const left = file.endsWith('.html') ? findAbsoluteUrls(next) : [];
    if (left.length) throw new Error(`${file}: root-absolute URLs remain after rewriting: ${left.join(', ')}`);
    const modules = file.endsWith('.html') ? findModuleScriptUrls(next) : [];
    if (modules.length) throw new Error(`${file}: module scripts loaded by address cannot run from disk (file://): ${modules.join(', ')}; inline them`);
    if (next !== text) await writeFile(path, next);
  });
  const notFound = join(root, '404.html');
  if (existsSync(notFound)) {
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    await writeFile(notFound, inlineStylesheets(read('404.html'), '404.html', read));
  }
  return files.length;
}

/** Pagefind's ready-made UIs (~400 KB) that our own search page does not load: a USB copy need not carry them. */
const UNUSED_PAGEFIND_FILES = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** Delete the unused Pagefind UI bundles. */
async function removeUnusedSearchUi(bundle: string): Promise<void> {
  const names = await readdir(bundle);
  await Promise.all(names.filter((name) => UNUSED_PAGEFIND_FILES.test(name)).map((name) => rm(join(bundle, name))));
}

/**
 * Index the built pages with Pagefind (one index per page language) into <root>/pagefind. Ukrainian pages are indexed
 * with the group tokens of their words (src/site/search-index.ts), and the lexicon of those groups is written for the
 * search page (LEXICON_FILE). A large site is indexed in parts (`searchParts`), each by a Pagefind process of its own
 * (its memory grows with the pages of one index): the first part is <root>/pagefind, the others folders in it, all
 * listed with their word groups in its SEARCH_PARTS_FILE for the search page. Returns the number of pages indexed, of
 * word groups and of parts.
 */
async function buildSearchIndex(root: string): Promise<{ pages: number; groups: number; parts: number }> {
  const builder = new LexiconBuilder(loadWordForms());
  // Only pages that say what to index (data-pagefind-body): Pagefind's own rule for a whole folder. Each page is read
  // twice (its words for the lexicon, then its text for the index) rather than every page held at once.
  const files = (await listFiles(root)).filter((name) => name.endsWith('.html')).sort();
  const pages: IndexedPage[] = [];
  for (const file of files) {
    const html = await readFile(join(root, file), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    pages.push({ file, bytes: Buffer.byteLength(html) });
    if (isUkrainianPage(html)) for (const word of indexedWords(html)) builder.keysOf(word);
  }
  const lexicon = builder.finish();
  const bundle = join(root, 'pagefind');
  const parts = searchParts(pages, Number(process.env.LESSON_KITS_SEARCH_PART_BYTES) || SEARCH_PART_BYTES);
  const written: SearchPart[] = [];
  const progress = sharedProgress();
  const started = performance.now();
  let indexed = 0;
  const showProgress = () => progress?.set('search', reportStrings().progress.searchIndex(indexed, pages.length, rate(indexed, performance.now() - started)));
  for (const [n, part] of parts.entries()) {
    const path = n === 0 ? '' : `part-${n + 1}/`;
    const tokens = new Set<string>();
    const tokensOf = (word: string) => {
      const found = lexicon.tokensOf(word);
      for (const token of found) tokens.add(token);
      return found;
    };
    // keepIndexUrl: result addresses name the page's file (…/index.html), which opens on any server and in Kiwix.
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true });
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    try {
      // Pagefind indexes one page at a time, in the order sent; the next pages are read and annotated meanwhile.
      const adding = new SendWindow(INDEX_WINDOW);
      for (const file of part) {
        const html = await readFile(join(root, file), 'utf8');
        const content = isUkrainianPage(html) ? annotateForIndex(html, tokensOf) : html;
        await adding.send(
          index.addHTMLFile({ sourcePath: file, content }).then((added) => {
            if (added.errors.length) throw new Error(`Pagefind: ${file}: ${added.errors.join('; ')}`);
            indexed++;
            showProgress();
          }),
        );
      }
      await adding.drain();
      const done = await index.writeFiles({ outputPath: join(bundle, path) });
      if (done.errors.length) throw new Error(`Pagefind: ${done.errors.join('; ')}`);
    } finally {
      await pagefind.close(); // the next part starts a fresh process: this one's memory goes back to the system
    }
    await removeUnusedSearchUi(join(bundle, path));
    written.push({ path, groups: groupSet(tokens, lexicon.groupCount) });
  }
  progress?.end('search');
  await writeFile(join(bundle, SEARCH_PARTS_FILE), `${JSON.stringify(written)}\n`);
  await writeFile(join(root, LEXICON_FILE), lexiconScript(lexicon.data));
  return { pages: pages.length, groups: lexicon.groupCount, parts: parts.length };
}

/** Pages sent to Pagefind ahead of its answers: enough to keep it busy, few enough to hold little memory. */
const INDEX_WINDOW = 8;

/**
 * What a saved lesson file holds, as a digest (or why it may not be read, as the checker reads it: inside the lessons
 * folder, a regular file within the size limit): what a repeated save is compared by.
 */
function savedState(root: string, file: string): string {
  const checked = checkInside(root, file, Math.max(MAX_LESSON_BYTES, MAX_DATA_BYTES));
  if (!isAllowed(checked)) return `refused: ${checked.kind}`;
  try {
    return createHash('sha256').update(readAllowed(checked, checked.bytes)).digest('hex');
  } catch {
    return 'unreadable';
  }
}
