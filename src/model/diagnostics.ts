import { relative, resolve } from 'node:path';
import type { Lang } from './formats.ts';
import { messageLang, renderRule, reportStrings, type RuleId, type RuleParams } from '../i18n/messages/index.ts';

/** One problem found in an author's file, located precisely enough to fix. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Path of the file, relative to the project root where possible. */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** What is wrong, quoting the bad value (from the message catalogue, in the language of messages). */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** The rule broken: a short stable id (`bands-value`), printed with the message and listed in the authoring guide. */
  rule: RuleId;
  /** What the message was made from, to write it again in another language (`localize`). */
  params: object;
}

/** A located problem, before the file is known. */
export type Finding = Omit<Diagnostic, 'file'>;

/** The parameters of a rule as a rest argument: optional when the rule takes none. */
type ParamsArgument<R extends RuleId> = Record<string, never> extends RuleParams<R> ? [params?: RuleParams<R>] : [params: RuleParams<R>];

/** A finding of a rule at a position, its message and hint written from the catalogue. */
function finding<R extends RuleId>(severity: Diagnostic['severity'], line: number, column: number, rule: R, params: RuleParams<R>): Finding {
  return { severity, line, column, ...renderRule(rule, params), rule, params: params as object };
}

/** An error of a rule at a position. */
export function error<R extends RuleId>(line: number, column: number, rule: R, ...params: ParamsArgument<R>): Finding {
  return finding('error', line, column, rule, (params[0] ?? {}) as RuleParams<R>);
}

/** A warning of a rule at a position. */
export function warning<R extends RuleId>(line: number, column: number, rule: R, ...params: ParamsArgument<R>): Finding {
  return finding('warning', line, column, rule, (params[0] ?? {}) as RuleParams<R>);
}

/** The same diagnostic with its message and hint written in another language. */
export function localize<T extends Finding>(d: T, lang: Lang): T {
  return { ...d, ...renderRule(d.rule, d.params as RuleParams<typeof d.rule>, lang) };
}

/** Findings attached to a file. */
export function inFile(file: string, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((finding) => ({ file, ...finding }));
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:column  severity  message [rule]` plus an indented hint: the form editors and CI logs link, in the language of messages. */
export function formatDiagnostic(d: Diagnostic): string {
  const words = reportStrings(messageLang());
  const head = `${d.file}:${d.line}:${d.column}  ${words[d.severity]}  ${d.message} [${d.rule}]`;
  return d.hint ? `${head}\n    ${words.hint}: ${d.hint}` : head;
}

/**
 * A GitHub Actions workflow command that shows the diagnostic on the pull request's line:
 * `::error file=…,line=…,col=…,title=…::message`. Properties escape `%`, CR, LF, `:` and `,`; the message escapes `%`,
 * CR and LF (GitHub's rules for workflow commands); the hint follows the message on a line of its own.
 */
export function formatGithub(d: Diagnostic): string {
  const property = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const text = d.hint ? `${d.message}\n${reportStrings(messageLang()).hint}: ${d.hint}` : d.message;
  return `::${d.severity} file=${property(d.file)},line=${d.line},col=${d.column},title=${property(d.rule)}::${escapeData(text)}`;
}

/** Escapes for the data of a workflow command: `%`, CR and LF. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Diagnostics sorted by file and position, errors and warnings mixed in reading order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** A one-line count such as "2 помилки, 1 попередження" ("2 errors, 1 warning"). */
export function summarize(diagnostics: readonly Diagnostic[], lang: Lang = messageLang()): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return reportStrings(lang).summary(errors, diagnostics.length - errors);
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
