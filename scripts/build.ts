/**
 * `npm run build`: validate → pages → search index → kits → offline bundle → link check, into a staging folder swapped in at the end,
 * so a failed build leaves the previous dist/ untouched. Prints one line per step with counts and timings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { formatDiagnostic, hasErrors, loadLibrary, publishedLessons, sortDiagnostics, summarize } from '../src/model/index.ts';
import { LESSONS_DIR } from '../src/site/config.ts';
import { renderKits } from '../src/kit/batch.ts';
import { collectSteps, formatMs, timed, type BuildStep } from '../src/site/report.ts';
import { fillBundleSize, writeBundle } from '../src/site/bundle.ts';
import { buildInfo } from '../src/site/build-info.ts';
import { brokenLinks } from '../src/site/links.ts';
import { reportStrings, takeLangArgument } from '../src/i18n/messages/index.ts';

/** Where the finished site goes: dist/, or `--out <dir>` (`--lang uk|en` sets the language of messages). */
const DIST = outArgument(takeLangArgument(process.argv.slice(2))) ?? 'dist';
/** Where the next site is built; only a complete build is moved to DIST. */
const STAGING = `${DIST}.staging`;
/** Records which lessons folder Astro's content cache (node_modules/.astro) was filled from. */
const CACHE_MARKER = 'node_modules/.astro/lessons-source';
/** Where the previous site waits while the new one is moved in. */
const PREVIOUS = `${DIST}.previous`;

/** The value of `--out <dir>` or `--out=<dir>`, if given. */
function outArgument(args: readonly string[]): string | undefined {
  const at = args.findIndex((arg) => arg === '--out' || arg.startsWith('--out='));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice('--out='.length) : args[at + 1];
}

process.env.ASTRO_TELEMETRY_DISABLED = '1'; // no request leaves this machine at build time
process.env.NODE_ENV = 'production'; // a build inherited from a test runner (NODE_ENV=test) must still hide drafts

/** Run the whole build; returns the exit code. */
async function main(): Promise<number> {
  const steps: BuildStep[] = [];
  const started = performance.now();

  const checked = await timed(async () => loadLibrary(LESSONS_DIR));
  const library = checked.value;
  for (const diagnostic of sortDiagnostics(library.diagnostics)) console.log(formatDiagnostic(diagnostic));
  if (hasErrors(library.diagnostics)) {
    console.error(`\n${reportStrings().buildStopped(summarize(library.diagnostics), DIST)}`);
    return 1;
  }
  const published = publishedLessons(library);
  steps.push({ name: 'validate', detail: `${library.lessons.length} lesson files, ${published.length} published, ${summarize(library.diagnostics, 'en')}`, ms: checked.ms });

  await rm(STAGING, { recursive: true, force: true });
  const { build } = await import('astro');
  const force = await contentCacheIsForAnotherLibrary();
  const pages = await timed(() => collectSteps(() => build({ outDir: STAGING, logLevel: 'warn', force }), steps));
  steps.splice(1, 0, { name: 'pages', detail: 'astro build', ms: pages.ms - steps.slice(1).reduce((sum, step) => sum + step.ms, 0) });

  const kits = await timed(() => renderKits(published, { outDir: join(STAGING, 'kits'), lessonsDir: LESSONS_DIR, bundles: true }));
  const failedKits = kits.value.filter((result) => !result.ok);
  if (failedKits.length) {
    for (const result of failedKits) for (const diagnostic of result.diagnostics) console.error(formatDiagnostic(diagnostic));
    console.error(`\n${reportStrings().kitsStopped(failedKits.length, DIST)}`);
    await rm(STAGING, { recursive: true, force: true });
    return 1;
  }
  const written = kits.value.flatMap((result) => (result.ok ? result.written : []));
  const pageCount = written.reduce((sum, file) => sum + file.pages, 0);
  const bundles = written.filter((file) => /(^|\/)band-[^/]*\.pdf$/.test(file.out)).length;
  steps.push({ name: 'kits', detail: `${published.length} kits and pupil packs, ${bundles} band bundles, ${pageCount} pages`, ms: kits.ms });

  const bundle = await timed(async () => {
    const written = await writeBundle(STAGING, buildInfo());
    await fillBundleSize(STAGING, written.bytes);
    return written;
  });
  steps.push({ name: 'bundle', detail: `${relative(STAGING, bundle.value.file)}, ${(bundle.value.bytes / 1024 / 1024).toFixed(1)} MB, ${bundle.value.files} files`, ms: bundle.ms });

  const links = await timed(() => brokenLinks(STAGING));
  if (links.value.length) {
    for (const link of links.value) console.error(`broken link: ${link}`);
    console.error(`\nbuild stopped: ${links.value.length} link(s) name no file of the site. ${DIST}/ was left as it was.`);
    await rm(STAGING, { recursive: true, force: true });
    return 1;
  }
  steps.push({ name: 'links', detail: 'every internal link names a file', ms: links.ms });

  await swapIn(STAGING, DIST);
  printSummary(steps, performance.now() - started);
  return 0;
}

/** Astro caches parsed lessons by id; a build from another lessons folder (tests build fixtures) must not reuse them. */
async function contentCacheIsForAnotherLibrary(): Promise<boolean> {
  const source = resolve(LESSONS_DIR);
  const previous = existsSync(CACHE_MARKER) ? readFileSync(CACHE_MARKER, 'utf8') : undefined;
  await mkdir(dirname(CACHE_MARKER), { recursive: true });
  await writeFile(CACHE_MARKER, source);
  return previous !== source;
}

/** Replace DIST with the staged build in two renames, never leaving DIST half-written. */
async function swapIn(staging: string, dist: string): Promise<void> {
  await rm(PREVIOUS, { recursive: true, force: true });
  if (existsSync(dist)) await rename(dist, PREVIOUS);
  await rename(staging, dist);
  await rm(PREVIOUS, { recursive: true, force: true });
}

/** The step table. */
function printSummary(steps: readonly BuildStep[], totalMs: number): void {
  const width = Math.max(...steps.map((step) => step.name.length));
  console.log('');
  for (const step of steps) console.log(`  ${step.name.padEnd(width)}  ${formatMs(step.ms).padStart(7)}  ${step.detail}`);
  console.log(`  ${'total'.padEnd(width)}  ${formatMs(totalMs).padStart(7)}  → ${DIST}/`);
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    // Author errors are already printed with file:line by the checks above; anything here is a tool failure.
    console.error(error instanceof Error && error.name === 'AuthorError' ? error.message : error);
    await rm(STAGING, { recursive: true, force: true }); // a step inside astro build failed: no half-built site is left
    console.error(`\nbuild failed; ${DIST}/ was left as it was.`);
    process.exit(1);
  },
);
