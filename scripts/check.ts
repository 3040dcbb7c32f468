/**
 * `npm run check`: read every lesson and the shared data, and typeset every kit in memory; print each problem
 * with file:line and a hint. A clean check means `npm run build` will not stop on the lessons.
 */
import { readFileSync } from 'node:fs';
import { displayPath, formatDiagnostic, hasErrors, inFile, isValid, loadLibrary, sortDiagnostics, summarize, type Diagnostic } from '../src/model/index.ts';
import { renderKit } from '../src/kit/index.ts';
import { materialsFindings } from '../src/kit/read/materials.ts';

const root = process.argv[2] ?? process.env.LESSONS_DIR ?? 'lessons';
const library = loadLibrary(root);
const diagnostics: Diagnostic[] = [...library.diagnostics];
if (!hasErrors(library.diagnostics)) {
  for (const lesson of library.lessons.filter(isValid)) {
    const kit = await renderKit(lesson, { lessonsDir: root, helplines: library.helplines, facts: library.facts });
    if (!kit.ok) diagnostics.push(...kit.diagnostics);
    // The print guide's copies and the lesson's materials list must not give the teacher two answers.
    diagnostics.push(...inFile(displayPath(lesson.file), materialsFindings(lesson, readFileSync(lesson.file, 'utf8'))));
  }
}
for (const diagnostic of sortDiagnostics(diagnostics)) console.log(formatDiagnostic(diagnostic));
const count = library.lessons.length;
console.log(`${diagnostics.length ? '\n' : ''}checked ${count} lesson file${count === 1 ? '' : 's'} and their kits: ${summarize(diagnostics)}`);
process.exitCode = hasErrors(diagnostics) ? 1 : 0;
