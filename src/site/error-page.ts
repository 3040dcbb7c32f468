/**
 * The page `astro dev` shows at a lesson's address while the lesson has errors: every problem with its file, line and
 * column, the rule's id (to look up in the authoring guide), the hint, and the lines of the file around it, in the
 * language of messages. It reloads itself once the lesson is fixed. No stack trace: these are the author's mistakes,
 * not the tool's.
 */
import { dirname, resolve } from 'node:path';
import { checkInside, isAllowed, readAllowed } from '../model/files.ts';
import { MAX_LESSON_BYTES } from '../model/limits.ts';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostics.ts';
import { messageLang, reportStrings } from '../i18n/messages/index.ts';

/** lines: how many lines of the file are shown before and after a problem's line. */
const CONTEXT_LINES = 2;

/** milliseconds: how often the page asks whether the lesson is fixed. */
const POLL_MS = 1000;

/** Text for HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The lines of a file (read as the loader may read it), or none. */
function fileLines(file: string): string[] {
  const checked = checkInside(dirname(resolve(file)), resolve(file), MAX_LESSON_BYTES);
  if (!isAllowed(checked)) return [];
  return readAllowed(checked, MAX_LESSON_BYTES).toString('utf8').split(/\r?\n/);
}

/** The lines around a problem, its own line marked and a caret under its column. */
function excerpt(lines: readonly string[], d: Diagnostic): string {
  if (!lines.length || d.line > lines.length) return '';
  const from = Math.max(1, d.line - CONTEXT_LINES);
  const to = Math.min(lines.length, d.line + CONTEXT_LINES);
  const width = String(to).length;
  const rows: string[] = [];
  for (let n = from; n <= to; n++) {
    const text = lines[n - 1]!;
    const shown = text.length > 160 ? `${text.slice(0, 159)}…` : text;
    rows.push(`<span class="${n === d.line ? 'at' : ''}">${String(n).padStart(width)} │ ${escapeHtml(shown)}</span>`);
    if (n === d.line) rows.push(`<span class="caret">${' '.repeat(width)} │ ${' '.repeat(Math.max(0, Math.min(d.column - 1, 160)))}^</span>`);
  }
  return `<pre class="excerpt">${rows.join('\n')}</pre>`;
}

/** One problem as an item of the list. */
function item(d: Diagnostic, lines: readonly string[]): string {
  const words = reportStrings();
  return `<li class="${d.severity}">
  <p class="where"><span class="severity">${escapeHtml(words[d.severity])}</span> <code>${escapeHtml(`${d.file}:${d.line}:${d.column}`)}</code> <span class="rule">${escapeHtml(words.rule)}: <code>${escapeHtml(d.rule)}</code></span></p>
  <p class="message">${escapeHtml(d.message)}</p>
  ${d.hint ? `<p class="hint">${escapeHtml(words.hint)}: ${escapeHtml(d.hint)}</p>` : ''}
  ${excerpt(lines, d)}
</li>`;
}

/** The error page for a lesson's problems (errors first, then warnings), with its own styles and a reload script. */
export function errorPage(diagnostics: readonly Diagnostic[], state: string): string {
  const words = reportStrings();
  const sorted = sortDiagnostics(diagnostics);
  const cache = new Map<string, string[]>();
  const linesOf = (file: string) => cache.get(file) ?? cache.set(file, fileLines(file)).get(file)!;
  const list = (severity: Diagnostic['severity']) => sorted.filter((d) => d.severity === severity).map((d) => item(d, linesOf(d.file))).join('\n');
  const warnings = list('warning');
  return `<!doctype html>
<html lang="${messageLang()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(words.errorPageTitle)}</title>
<style>
  body { font: 17px/1.5 "PT Sans", system-ui, sans-serif; margin: 0; background: #fdf6f4; color: #1d1d1d; }
  main { max-width: 56rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { color: #a3120a; font-size: 1.6rem; margin: 0 0 .5rem; }
  ol { padding: 0; list-style: none; }
  li { background: #fff; border-left: .4rem solid #c62828; border-radius: .3rem; padding: .6rem 1rem; margin: 1rem 0; box-shadow: 0 1px 3px #0002; }
  li.warning { border-left-color: #b26a00; }
  .where { margin: 0; font-size: .95rem; }
  .severity { font-weight: bold; text-transform: uppercase; color: #a3120a; }
  li.warning .severity { color: #8a5300; }
  .rule { color: #555; }
  .message { font-size: 1.1rem; font-weight: bold; margin: .3rem 0; }
  .hint { margin: .3rem 0; }
  code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85rem; }
  pre.excerpt { background: #f3f3f3; padding: .5rem; overflow-x: auto; border-radius: .2rem; }
  pre .at { background: #ffe1dd; display: inline-block; min-width: 100%; }
  pre .caret { color: #c62828; font-weight: bold; }
</style>
</head>
<body>
<main data-lesson-state="${escapeHtml(state)}">
<h1>${escapeHtml(words.errorPageTitle)}</h1>
<p>${escapeHtml(words.errorPageLead)}</p>
<ol class="errors">
${list('error')}
</ol>
${warnings ? `<h2>${escapeHtml(words.errorPageWarnings)}</h2>\n<ol class="warnings">\n${warnings}\n</ol>` : ''}
<p class="guide">${escapeHtml(words.errorPageGuide)}</p>
</main>
<script>
  // Ask every second whether the lesson changed: a new state (other problems, or none) reloads the page.
  const state = document.querySelector('main').dataset.lessonState;
  setInterval(async () => {
    try {
      const response = await fetch(location.href, { method: 'HEAD', cache: 'no-store' });
      const next = response.headers.get('x-lesson-state');
      if (next !== state && (next || response.ok)) location.reload();
    } catch {}
  }, ${POLL_MS});
</script>
</body>
</html>
`;
}
