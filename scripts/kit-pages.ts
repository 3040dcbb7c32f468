/**
 * `npm run kit-pages -- [--lesson <slug>] [--out <dir>] [--dpi 60] [--gray]`: render each lesson's kit and pupil pack
 * to PNG pages (pdftoppm; `--gray` as a grayscale printer prints them) and one contact sheet per PDF, to look at what
 * the renderer made. Needs poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { formatDiagnostic, loadLibrary, publishedLessons } from '../src/model/index.ts';
import { renderLessonProducts } from '../src/kit/index.ts';
import { kitFileName, pupilPackFileName } from '../src/kit/files.ts';
import { LESSONS_DIR } from '../src/site/config.ts';

const { values } = parseArgs({
  options: { lesson: { type: 'string' }, out: { type: 'string', default: 'kit-pages' }, dpi: { type: 'string', default: '60' }, gray: { type: 'boolean', default: false } },
});
/** Pages per row on a contact sheet. */
const SHEET_COLUMNS = 6;
/** px between pages on a contact sheet. */
const SHEET_GAP = 8;

const library = loadLibrary(LESSONS_DIR);
for (const lesson of publishedLessons(library).filter((item) => !values.lesson || item.slug === values.lesson)) {
  const { kit, pupils } = await renderLessonProducts(lesson, { lessonsDir: LESSONS_DIR, helplines: library.helplines, facts: library.facts });
  for (const [result, file] of [[kit, kitFileName(lesson.slug, lesson.lang)], [pupils, pupilPackFileName(lesson.slug, lesson.lang)]] as const) {
    if (!result.ok) {
      console.error(result.diagnostics.map(formatDiagnostic).join('\n'));
      process.exitCode = 1;
      continue;
    }
    await pagesOf(file.replace(/\.pdf$/, ''), result.pdf);
  }
}

/** A PDF's pages as PNGs in `<out>/<name>/`, and a contact sheet `<out>/<name>-sheet.png`. */
async function pagesOf(name: string, pdf: Uint8Array): Promise<void> {
  const dir = join(values.out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  execFileSync('pdftoppm', ['-r', values.dpi, '-png', ...(values.gray ? ['-gray'] : []), join(dir, `${name}.pdf`), join(dir, 'page')]);
  const pages = readdirSync(dir).filter((file) => file.startsWith('page') && file.endsWith('.png')).sort();
  const { width = 0, height = 0 } = await sharp(join(dir, pages[0]!)).metadata();
  const rows = Math.ceil(pages.length / SHEET_COLUMNS);
  await sharp({ create: { width: SHEET_COLUMNS * (width + SHEET_GAP), height: rows * (height + SHEET_GAP), channels: 3, background: '#777777' } })
    .composite(pages.map((file, i) => ({ input: join(dir, file), left: (i % SHEET_COLUMNS) * (width + SHEET_GAP), top: Math.floor(i / SHEET_COLUMNS) * (height + SHEET_GAP) })))
    .png()
    .toFile(join(values.out, `${name}-sheet.png`));
  console.log(`${dir}/: ${pages.length} pages; contact sheet ${values.out}/${name}-sheet.png`);
}
