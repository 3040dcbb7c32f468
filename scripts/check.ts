/**
 * `npm run check [-- <lessons folder>] [--lang uk|en] [--format text|github]`: read every lesson and the shared data,
 * and typeset every kit in memory; print each problem with file:line, the rule broken and a hint (in Ukrainian unless
 * `--lang en` or LESSON_KITS_LANG=en). `--format github` prints GitHub Actions workflow commands, so the problems show
 * on the lines of a pull request. A clean check means `npm run build` will not stop on the lessons.
 *
 * A lesson whose kit and pupil pack are in the kit cache (src/kit/cache.ts) with exactly its inputs is not typeset
 * again: only renders without an error are stored there, so typesetting it again could report nothing. Every error
 * is therefore found again on every check, and the output is the same with the cache as with `--no-cache`.
 */
import { readFileSync } from 'node:fs';
import { displayPath, formatDiagnostic, formatGithub, hasErrors, inFile, isValid, loadLibrary, sortDiagnostics, summarize, type Diagnostic } from '../src/model/index.ts';
import { reportStrings, takeLangArgument } from '../src/i18n/messages/index.ts';
import { renderKit } from '../src/kit/index.ts';
import { hasEntry, KeyMaker, openKitCache } from '../src/kit/cache.ts';
import { materialsFindings } from '../src/kit/read/materials.ts';

/** The command line, `--lang` taken out (it sets the language of messages for this process). */
const args = takeLangArgument(process.argv.slice(2));
const formatAt = args.findIndex((arg) => arg === '--format' || arg.startsWith('--format='));
const format = formatAt < 0 ? 'text' : args[formatAt]!.includes('=') ? args[formatAt]!.slice('--format='.length) : args[formatAt + 1];
if (format !== 'text' && format !== 'github') {
  console.error(`--format takes text or github, not ${format ?? 'nothing'}`);
  process.exit(2);
}
const noCache = args.includes('--no-cache');
const positional = args.filter((arg, i) => !arg.startsWith('--') && (formatAt < 0 || (i !== formatAt && i !== formatAt + 1)));
const root = positional[0] ?? process.env.LESSONS_DIR ?? 'lessons';

const library = loadLibrary(root);
const diagnostics: Diagnostic[] = [...library.diagnostics];
if (!hasErrors(library.diagnostics)) {
  const cache = noCache ? undefined : openKitCache();
  const keys = cache && new KeyMaker(cache, root, 'a4');
  for (const lesson of library.lessons.filter(isValid)) {
    const known = cache && keys && hasEntry(cache, keys.lesson(lesson));
    const kit = known ? undefined : await renderKit(lesson, { lessonsDir: root, helplines: library.helplines, facts: library.facts });
    if (kit && !kit.ok) diagnostics.push(...kit.diagnostics);
    // The print guide's copies and the lesson's materials list must not give the teacher two answers.
    diagnostics.push(...inFile(displayPath(lesson.file), materialsFindings(lesson, readFileSync(lesson.file, 'utf8'))));
  }
}
for (const diagnostic of sortDiagnostics(diagnostics)) console.log(format === 'github' ? formatGithub(diagnostic) : formatDiagnostic(diagnostic));
console.log(`${diagnostics.length && format === 'text' ? '\n' : ''}${reportStrings().checked(library.lessons.length, summarize(diagnostics))}`);
process.exitCode = hasErrors(diagnostics) ? 1 : 0;
