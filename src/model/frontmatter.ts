import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { z } from 'astro/zod';
import { FORMAT_IDS } from './formats.ts';
import { TOPIC_IDS } from './topics.ts';
import { error, suggest, warning, type Finding } from './diagnostics.ts';

/** The frontmatter block of a file: its YAML text and the 1-based line it starts on. */
export interface FrontmatterBlock {
  text: string;
  firstLine: number;
}

/** The `---` fenced YAML at the top of a file, or undefined when there is none. */
export function findFrontmatter(source: string): FrontmatterBlock | undefined {
  const match = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/.exec(source);
  return match ? { text: match[1] ?? '', firstLine: 2 } : undefined;
}

/** A parsed YAML document with a way to locate any path in the file. */
export interface LocatedYaml {
  value: unknown;
  /** Line and column in the file of the value at a path (the nearest existing ancestor if it is missing). */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
  /** Line and column in the file of a key in the map at a path. */
  locateKey(path: readonly PropertyKey[], key: string): { line: number; column: number };
  findings: Finding[];
}

/** Parse YAML keeping positions, so every problem can name its line. */
export function parseYaml(text: string, firstLine: number): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFile = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const problems = [...doc.errors, ...doc.warnings];
  // A field without a space after its colon (format:lesson) makes the parser misread the lines around it: name it alone.
  const noSpace = problems.length ? fieldsWithoutSpace(text, firstLine) : [];
  const findings = noSpace.length ? noSpace : firstPerLine(problems.map((problem) => yamlFinding(problem, text, toFile)));
  const locate = (path: readonly PropertyKey[]) => toFile(nodeOffset(doc, path));
  // A document too deep to parse is too deep to walk: report it alone.
  if (findings.some((finding) => finding.rule === 'yaml-too-deep')) return { value: undefined, locate, locateKey: () => locate([]), findings };
  // Aliases (*name) are never needed in a lesson, and a few nested ones expand into millions of values.
  const alias = firstAlias(doc);
  if (alias !== undefined) {
    const { line, column } = toFile(alias);
    findings.push(error(line, column, 'yaml-alias'));
  }
  const locateKey = (path: readonly PropertyKey[], key: string) => {
    const map = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
    if (isMap(map)) {
      const pair = map.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return toFile(pair.key.range[0]);
    }
    return locate(path);
  };
  findings.push(...trailingComments(doc, text, toFile));
  return { value: doc.errors.length || alias !== undefined ? undefined : doc.toJS(), locate, locateKey, findings };
}

/** Lines where a field's colon is followed by its value without a space (`format:lesson`; not `https://`). */
function fieldsWithoutSpace(text: string, firstLine: number): Finding[] {
  return text.split('\n').flatMap((line, i) => {
    const match = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?![\s/]|$)/.exec(line);
    return match ? [error(firstLine + i, match[1]!.length + 1, 'yaml-space-after-colon', { key: match[2]! })] : [];
  });
}

/** One finding per line: after one mistake the YAML parser often reports the same line again in other words. */
function firstPerLine(findings: readonly Finding[]): Finding[] {
  const seen = new Set<number>();
  return findings.filter((finding) => !seen.has(finding.line) && seen.add(finding.line));
}

/** A `key: value` line of YAML (a list item's key too: `  - term: …`). */
const KEY_LINE = /^(\s*(?:-\s+)?)([^\s:#"'][^:#]*?):(?:\s+(.*))?$/;

/**
 * A YAML parser error as the author's mistake, with a hint that fits it: a tab for indentation, a field written
 * twice, a colon inside a value, quotes never closed or used inside the value, a list bracket never closed.
 */
function yamlFinding(problem: YAMLError, text: string, toFile: (offset: number) => { line: number; column: number }): Finding {
  const { line, column } = toFile(problem.pos[0]);
  const lines = text.split('\n');
  const first = toFile(0).line;
  const index = line - first;
  const source = (lines[index] ?? '').replace(/\r$/, '');
  const lineStart = (i: number) => first + i;
  const message = problem.message.split('\n')[0]!;
  // The parser recurses per level and reports running out of stack as a syntax error: name the cause instead.
  if (/call stack/i.test(problem.message)) return error(line, column, 'yaml-too-deep');
  switch (problem.code) {
    case 'TAB_AS_INDENT':
      return error(line, 1, 'yaml-tab');
    case 'DUPLICATE_KEY': {
      const key = KEY_LINE.exec(source)?.[2]?.trim() ?? source.trim();
      return error(line, column, 'yaml-duplicate-key', { key });
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      if (/^\s*-(\s|$)/.test(source) && !KEY_LINE.test(source)) return error(line, column, 'yaml-list-without-field');
      const pair = KEY_LINE.exec(source);
      const value = pair?.[3] ?? '';
      if (pair && /:(\s|$)/.test(value)) {
        const quoted = value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
        return error(line, column, 'yaml-colon', { key: pair[2]!.trim(), fixed: `${pair[2]!.trim()}: ${quoted}` });
      }
      // The value is fine; the line after it is indented as if it belonged to it.
      const next = lines.findIndex((l, i) => i > index && l.trim() !== '');
      return next >= 0 ? error(lineStart(next), 1, 'yaml-indent') : error(line, column, 'yaml-indent');
    }
    case 'MISSING_CHAR': {
      const quote = /Missing closing (["'])quote/.exec(message)?.[1];
      if (quote) {
        const open = lines.findLastIndex((l, i) => i <= index && new RegExp(`:\\s+${quote}`).test(l));
        return error(open >= 0 ? lineStart(open) : line, open >= 0 ? lines[open]!.indexOf(quote) + 1 : column, 'yaml-quote-unclosed', { quote });
      }
      if (/^\s*-(\s|$)/.test(source)) return error(line, column, 'yaml-list-without-field');
      // A key the parser waits for a value of, below a field that has none: the lines are indented wrong.
      if (/map keys need to be followed/.test(message)) return error(line, column, 'yaml-indent');
      return error(line, column, 'yaml-syntax', { code: problem.code });
    }
    case 'BAD_INDENT': {
      const bracket = /Flow (sequence|mapping)/.exec(message)?.[1];
      if (bracket) {
        const char = bracket === 'sequence' ? '[' : '{';
        const close = char === '[' ? ']' : '}';
        const open = lines.findLastIndex((l, i) => i <= index && l.includes(char) && !l.includes(close));
        return error(open >= 0 ? lineStart(open) : line, open >= 0 ? lines[open]!.indexOf(char) + 1 : column, 'yaml-bracket-unclosed', { bracket: char });
      }
      return error(line, column, 'yaml-indent');
    }
    case 'BAD_SCALAR_START':
      return error(line, column, 'yaml-reserved-start', { char: /reserved character (.)/.exec(message)?.[1] ?? source.charAt(column - 1) });
    case 'UNEXPECTED_TOKEN': {
      const pair = KEY_LINE.exec(source);
      if (/block-seq-ind on same line/.test(message) && pair) return error(line, column, 'yaml-list-same-line', { key: pair[2]!.trim() });
      const quote = pair?.[3]?.[0];
      if (quote === '"' || quote === "'") return error(line, column, 'yaml-quote-inside', { quote });
      return error(line, column, 'yaml-syntax', { code: problem.code });
    }
  }
  return error(line, column, 'yaml-syntax', { code: problem.code });
}

/** A ` #` after a value starts a YAML comment: "Чат-бот #stop_sexting" silently loses its end. */
function trailingComments(doc: Document, text: string, toFile: (offset: number) => { line: number; column: number }): Finding[] {
  const findings: Finding[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (!node.comment || !node.range || node.type !== 'PLAIN') return;
      const rest = text.slice(node.range[1], text.indexOf('\n', node.range[1]) >>> 0 || undefined);
      const at = rest.indexOf('#');
      if (at < 0) return;
      const { line, column } = toFile(node.range[1] + at);
      findings.push(
        warning(line, column, 'yaml-comment-in-value', { value: String(node.value) }),
      );
    },
  });
  return findings;
}

/** Offset of the first alias in a document, if any. */
function firstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Offset of the node at a path, walking up to the nearest node that exists. */
function nodeOffset(doc: Document, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return node.range[0];
  }
  return (doc.contents as { range?: [number] } | null)?.range?.[0] ?? 0;
}

/** Turn zod issues on a lesson's frontmatter (or a data file) into located findings of the catalogue's rules. */
export function issuesToFindings(issues: readonly z.core.$ZodIssue[], yaml: LocatedYaml): Finding[] {
  // A value of the wrong kind (text where a list belongs) is reported once: zod goes on to check its length too.
  const wrongKind = issues.filter((issue) => issue.code === 'invalid_type').map((issue) => issue.path.join('\u0000'));
  const followOn = (issue: z.core.$ZodIssue) => issue.code !== 'invalid_type' && wrongKind.includes(issue.path.join('\u0000'));
  return issues.filter((issue) => !followOn(issue)).flatMap((issue): Finding[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const { line, column } = yaml.locateKey(issue.path, key);
        const fields = knownFields(issue.path);
        return error(line, column, 'field-unknown', { field: fieldPath([...issue.path, key]), guess: suggest(key, fields), fields });
      });
    }
    const { line, column } = yaml.locate(issue.path);
    return [issueFinding(issue, line, column)];
  });
}

/** A field's path for messages: `bands.1`, `sensitivity.level`, `[2].verified` (the second entry of a data file). */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (i === 0 && typeof key === 'number' ? `[${key + 1}]` : String(key))).join('.') || 'frontmatter';
}

/** The name of the field a path ends in (`verified` for `[2].verified`, `bands` for `bands.1`). */
function fieldName(path: readonly PropertyKey[]): string {
  return String([...path].reverse().find((key) => typeof key === 'string') ?? '');
}

/** Letters of the Cyrillic alphabet that look like Latin ones or digits (е, о, с, р, З …), as typed into an id. */
const LOOKALIKE = /[а-яіїєґА-ЯІЇЄҐ]/;

/** Dashes that are not the hyphen-minus a value or a list item needs. */
const DASHES = /[‐‑‒–—―−]/;

/** Where a schema expects a kind of value, in the words of the catalogue. */
const EXPECTED_KIND: Readonly<Record<string, string>> = { string: 'text', number: 'number', int: 'number', array: 'list', object: 'fields', boolean: 'yes-no', date: 'date' };

/** One zod issue (other than unknown keys) as a finding of the rule it breaks. */
function issueFinding(issue: z.core.$ZodIssue, line: number, column: number): Finding {
  const field = fieldPath(issue.path);
  const name = fieldName(issue.path);
  const input = (issue as { input?: unknown }).input;
  const value = describe(input);
  const length = Array.isArray(input) || typeof input === 'string' ? input.length : 0;
  const rule = (issue as { params?: { rule?: string } }).params?.rule;
  if (issue.code === 'custom' && rule === 'date-impossible') return error(line, column, 'date-impossible', { field, value });
  if (issue.code === 'custom' && rule === 'helpline-contact') return error(line, column, 'helpline-contact', { field });
  if (input === undefined && issue.code === 'invalid_type') return error(line, column, 'field-missing', { field });
  // `title:` with nothing after it is YAML's null: an empty field, as the author sees it.
  if (input === null && issue.code === 'invalid_type' && issue.expected === 'string') return error(line, column, 'field-empty', { field });
  if (name === 'duration' && ['invalid_type', 'too_small', 'too_big'].includes(issue.code)) return error(line, column, 'duration-value', { value });
  const dated = name === 'updated' || name === 'verified';
  switch (issue.code) {
    case 'invalid_value': {
      const text = typeof input === 'string' ? input : '';
      const lookalike = LOOKALIKE.exec(text)?.[0];
      const dash = DASHES.exec(text)?.[0];
      if (name === 'bands') return error(line, column, 'bands-value', { field, value, lookalike, dash, sevenToEleven: /^7\s*[-–—]\s*11$/.test(text) });
      if (name === 'topics') return error(line, column, 'topics-value', { field, value, guess: suggest(text, TOPIC_IDS), topics: TOPIC_IDS });
      if (name === 'format' && issue.path.length === 1) return error(line, column, 'format-value', { value, guess: suggest(text, FORMAT_IDS) });
      if (name === 'license') return error(line, column, 'license-value', { value });
      if (name === 'level') return error(line, column, 'sensitivity-level', { value });
      const allowed = issue.values.map(String);
      return error(line, column, 'field-value', { field, value, allowed, guess: suggest(text, allowed), lookalike, dash });
    }
    case 'invalid_type': {
      if (dated) return error(line, column, 'date-format', { field, value });
      const dashItem = issue.expected === 'array' && typeof input === 'string' ? /^\s*([‐‑‒–—―−])/.exec(input)?.[1] : undefined;
      const commaList = issue.expected === 'array' && typeof input === 'string' && input.includes(',');
      const colonItem = issue.expected === 'string' && typeof input === 'object' && input !== null && !Array.isArray(input);
      return error(line, column, 'field-type', { field, value, expected: EXPECTED_KIND[issue.expected] ?? issue.expected, dashItem, commaList, colonItem });
    }
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'array') {
        if (name === 'objectives') return error(line, column, 'objectives-count', { count: length });
        if (issue.code === 'too_small') return error(line, column, 'list-too-short', { field, min: Number(issue.minimum) });
        return error(line, column, 'list-too-long', { field, max: Number(issue.maximum) });
      }
      if (issue.origin === 'string') {
        if (issue.code === 'too_big') return error(line, column, 'text-too-long', { field, max: Number(issue.maximum), length });
        if (Number(issue.minimum) <= 1) return error(line, column, 'field-empty', { field });
        return error(line, column, 'text-too-short', { field, min: Number(issue.minimum), length });
      }
      break;
    case 'invalid_format':
      if (dated) return error(line, column, 'date-format', { field, value });
      if (issue.format === 'url') return error(line, column, 'field-url', { field, value });
      if (name === 'id') return error(line, column, 'field-id', { field, value });
      break;
    case 'invalid_union':
      if (dated) return error(line, column, 'date-format', { field, value });
      break;
  }
  return error(line, column, 'field-invalid', { field, value });
}

/** The fields allowed in the object at a path, for "did you mean". */
function knownFields(path: readonly PropertyKey[]): string[] {
  if (path[0] === 'sensitivity') return ['level', 'notes'];
  if (path[0] === 'glossary') return ['term', 'definition'];
  return [
    'title', 'summary', 'bands', 'format', 'duration', 'topics', 'objectives', 'materials', 'preparation',
    'glossary', 'sensitivity', 'updated', 'authors', 'reviewers', 'license', 'draft',
  ];
}

/** A short quotation of a bad value for a message. */
function describe(value: unknown): string {
  if (value === undefined) return 'value';
  const text = JSON.stringify(value instanceof Date ? value.toISOString().slice(0, 10) : value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
