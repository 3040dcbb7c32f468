import { relative, resolve } from 'node:path';

/** One problem found in an author's file, located precisely enough to fix. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Path of the file, relative to the project root where possible. */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** What is wrong, quoting the bad value. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** A short stable id of the rule broken (e.g. `image-outside-lesson`), for the message catalogue; not every rule has one yet. */
  rule?: string;
}

/** A located problem, before the file is known. */
export type Finding = Omit<Diagnostic, 'file'>;

/** An error finding at a position, with the id of its rule when it has one. */
export function error(line: number, column: number, message: string, hint?: string, rule?: string): Finding {
  return rule ? { severity: 'error', line, column, message, hint, rule } : { severity: 'error', line, column, message, hint };
}

/** A warning finding at a position, with the id of its rule when it has one. */
export function warning(line: number, column: number, message: string, hint?: string, rule?: string): Finding {
  return rule ? { severity: 'warning', line, column, message, hint, rule } : { severity: 'warning', line, column, message, hint };
}

/** Findings attached to a file. */
export function inFile(file: string, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((finding) => ({ file, ...finding }));
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:column  severity  message` plus an indented hint: the form editors and CI logs link. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}`;
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}

/** Diagnostics sorted by file and position, errors and warnings mixed in reading order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** A one-line count such as "2 errors, 1 warning". */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Thrown at a boundary (build, check) when authors' files have errors; carries all diagnostics. */
export class AuthorError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n'));
    this.name = 'AuthorError';
    this.diagnostics = diagnostics;
  }
}

/** The closest candidate to a misspelt word, if close enough to suggest. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** A path relative to the working directory, as editors and CI logs link it. */
export function displayPath(file: string): string {
  const path = relative(process.cwd(), resolve(file));
  return path.startsWith('..') ? resolve(file) : path;
}
