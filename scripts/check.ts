/** `npm run check`: read every lesson and the shared data; print each problem with file:line and a hint. */
import { formatDiagnostic, hasErrors, loadLibrary, sortDiagnostics, summarize } from '../src/model/index.ts';

const root = process.argv[2] ?? 'lessons';
const library = loadLibrary(root);
for (const diagnostic of sortDiagnostics(library.diagnostics)) console.log(formatDiagnostic(diagnostic));
const count = library.lessons.length;
console.log(`${library.diagnostics.length ? '\n' : ''}checked ${count} lesson file${count === 1 ? '' : 's'}: ${summarize(library.diagnostics)}`);
process.exitCode = hasErrors(library.diagnostics) ? 1 : 0;
