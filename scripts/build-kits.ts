/**
 * `npm run kits`: render the print products: every lesson's teacher kit (`<slug>.pdf`) and pupil pack
 * (`<slug>.pupils.pdf`), and every band's bundle (`band-<id>.pdf`, or `band-<id>.vol-01.pdf` … for a band of more than
 * VOLUME_LESSONS lessons). All lessons, or `--lesson <slug>` (its kit and pupil
 * pack only); `--paper a4|letter` (Letter files are named `<slug>.letter.pdf`, `<slug>.letter.pupils.pdf`,
 * `band-<id>.letter.pdf`, so both papers can share a folder); `--out <dir>` (default kits/); `--workers <n>`. Renders in
 * parallel on the available cores once the library is large enough to repay starting more workers; products whose
 * inputs are unchanged are copied from the content-hash cache (src/kit/cache.ts), `--no-cache` renders every one. Exits
 * 1 with file:line on author errors.
 */
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors, loadLibrary, publishedLessons, sortDiagnostics, summarize } from '../src/model/index.ts';
import { fromCache, renderKits } from '../src/kit/batch.ts';
import { openKitCache } from '../src/kit/cache.ts';
import { LESSONS_DIR } from '../src/site/config.ts';
import { formatMs } from '../src/site/report.ts';
import { Progress, rate } from '../src/site/progress.ts';
import { reportStrings } from '../src/i18n/messages/index.ts';

const { values } = parseArgs({
  options: {
    lesson: { type: 'string' },
    paper: { type: 'string', default: 'a4' },
    out: { type: 'string', default: 'kits' },
    workers: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
  },
});

if (values.paper !== 'a4' && values.paper !== 'letter') {
  console.error(`--paper "${values.paper}" is not a paper size: use a4 or letter`);
  process.exit(2);
}

const started = performance.now();
const lessonsReadAt = Date.now();
const library = loadLibrary(LESSONS_DIR);
const errors = library.diagnostics.filter((d) => d.severity === 'error');
for (const diagnostic of sortDiagnostics(errors)) console.error(formatDiagnostic(diagnostic));
if (hasErrors(library.diagnostics)) {
  console.error(`\nno kits written: ${summarize(library.diagnostics)} in the lessons`);
  process.exit(1);
}
const lessons = publishedLessons(library).filter((lesson) => !values.lesson || lesson.slug === values.lesson);
if (!lessons.length) {
  const slugs = [...new Set(publishedLessons(library).map((lesson) => lesson.slug))].join(', ');
  console.error(`no lesson "${values.lesson}": lessons are ${slugs}`);
  process.exit(1);
}

let failed = 0;
let cached = 0;
const progress = new Progress();
// One lesson: each file it wrote. A library: one progress line (a line per file would be thousands).
const listFiles = Boolean(values.lesson);
const results = await renderKits(lessons, {
  outDir: values.out,
  lessonsDir: LESSONS_DIR,
  paper: values.paper,
  workers: values.workers ? Number(values.workers) : undefined,
  bundles: !values.lesson,
  cache: openKitCache(),
  renderAll: values['no-cache'],
  lessonsReadAt,
  onResult: (result, done, total) => {
    if (fromCache(result)) cached += 1;
    if (result.ok && listFiles) {
      const files = result.written.map((file) => `${file.out}  ${file.pages} pages, ${Math.round(file.bytes / 1024)} KB`);
      console.log(`${files.join('; ')} (${result.cached ? 'cached' : formatMs(result.ms)})`);
    } else if (!result.ok) {
      failed += 1;
      progress.clear();
      console.error(`${result.file}: not rendered`);
      for (const diagnostic of result.diagnostics) console.error(formatDiagnostic(diagnostic));
    }
    if (!listFiles) progress.set('kits', reportStrings().progress.kits(done, total, cached, rate(done, performance.now() - started)));
  },
});
progress.clear();
const written = results.flatMap((result) => (result.ok ? result.written : []));
const summary = reportStrings().progress.kitsDone(results.length - cached - failed, cached);
console.log(`${written.length} files for ${lessons.length - failed} of ${lessons.length} lessons (${summary}) in ${formatMs(performance.now() - started)} → ${values.out}/`);
process.exitCode = failed ? 1 : 0;
