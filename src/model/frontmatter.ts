import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { BAND_IDS } from './bands.ts';
import { FORMAT_IDS } from './formats.ts';
import { TOPIC_IDS } from './topics.ts';
import { LICENSE_IDS } from './licenses.ts';
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
  const findings = [...doc.errors, ...doc.warnings].map((problem) => {
    const { line, column } = toFile(problem.pos[0]);
    // The parser recurses per level and reports running out of stack as a syntax error: name the cause instead.
    if (/call stack/i.test(problem.message)) {
      return error(line, column, 'YAML: values are nested too deeply here', 'a lesson\'s fields are at most three levels deep (glossary: - term: …): remove the extra [ or indentation', 'yaml-too-deep');
    }
    return error(line, column, `YAML: ${firstSentence(problem.message)}`, yamlHint(problem.code));
  });
  const locate = (path: readonly PropertyKey[]) => toFile(nodeOffset(doc, path));
  // A document too deep to parse is too deep to walk: report it alone.
  if (findings.some((finding) => finding.rule === 'yaml-too-deep')) return { value: undefined, locate, locateKey: () => locate([]), findings };
  // Aliases (*name) are never needed in a lesson, and a few nested ones expand into millions of values.
  const alias = firstAlias(doc);
  if (alias !== undefined) {
    const { line, column } = toFile(alias);
    findings.push(error(line, column, 'YAML: aliases (*name) are not allowed here', 'write the value out in full where it is needed', 'yaml-alias'));
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
        warning(line, column, `the text from "#" on is a YAML comment and is left out of the value "${String(node.value)}"`, 'put the whole value in quotes, e.g. name: "Чат-бот #stop_sexting"'),
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

/** The first sentence of a YAML library message, without its code excerpt. */
function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** A hint for the YAML mistakes authors make most. */
function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'each field may appear once; delete or merge the repeated one';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR')
    return 'check the indentation: list items start with "- " under their field, two spaces deeper';
  return 'quote text that contains a colon followed by a space, or starts with a special character, e.g. title: "Стоп: це секрет"';
}

/** Turn zod issues on a lesson's frontmatter into located findings with hints. */
export function issuesToFindings(issues: readonly z.core.$ZodIssue[], yaml: LocatedYaml): Finding[] {
  return issues.flatMap((issue): Finding[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const { line, column } = yaml.locateKey(issue.path, key);
        const shape = knownFields(issue.path);
        const guess = suggest(key, shape);
        return error(
          line,
          column,
          `unknown field "${[...issue.path, key].join('.')}"`,
          guess ? `did you mean "${guess}"?` : `fields here are: ${shape.join(', ')}`,
        );
      });
    }
    const { line, column } = yaml.locate(issue.path);
    const field = issue.path.map((key, i) => (i === 0 && typeof key === 'number' ? `entry ${key + 1}` : String(key))).join('.') || 'frontmatter';
    const input = (issue as { input?: unknown }).input;
    if (input === undefined && issue.code === 'invalid_type') {
      return [error(line, column, `missing field "${field}"`, fieldHint(issue.path, undefined))];
    }
    if (issue.code === 'custom' || (typeof input === 'object' && input !== null && !Array.isArray(input))) {
      // A refinement may name its rule for the message catalogue (`params: { rule }`).
      const rule = (issue as { params?: { rule?: string } }).params?.rule;
      return [error(line, column, `${field}: ${lowerFirst(issue.message)}`, fieldHint(issue.path, input), rule)];
    }
    const problem = issue.code === 'invalid_value' ? 'is not an allowed value' : lowerFirst(issue.message);
    return [error(line, column, `${field}: ${describe(input)} ${problem}`, fieldHint(issue.path, input))];
  });
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

/** How to fix a field, by its name. */
function fieldHint(path: readonly PropertyKey[], input: unknown): string | undefined {
  const top = path[0];
  if (top === 'bands') {
    if (typeof input === 'string' && /^7\s*[-–]\s*11$/.test(input))
      return 'grades 7–11 are two bands: write bands: [7-8, 9-11]';
    return `use one or more of ${BAND_IDS.join(', ')}, e.g. bands: [7-8, 9-11]`;
  }
  if (top === 'topics') {
    const guess = typeof input === 'string' ? suggest(input, TOPIC_IDS) : undefined;
    return (guess ? `did you mean "${guess}"? ` : '') + `topics are: ${TOPIC_IDS.join(', ')}`;
  }
  if (top === 'format') return `use one of ${FORMAT_IDS.join(', ')}`;
  if (top === 'license') return `use one of ${LICENSE_IDS.join(', ')} (or leave it out for CC-BY-SA-4.0)`;
  if (top === 'duration') return 'write the total minutes as a whole number, e.g. duration: 45';
  if (top === 'updated') return 'write the date as YYYY-MM-DD, e.g. updated: 2026-11-23';
  if (top === 'objectives') return 'list 2 to 5 outcomes, each starting with what pupils will be able to do';
  if (top === 'sensitivity') return 'write sensitivity: with level: low|medium|high and notes: a list for the teacher';
  if (top === 'authors') return 'name real people or a role such as "Команда проєкту"; never invent names';
  if (top === 'glossary') return 'each entry is "- term: …" with "definition: …" under it';
  if (top === 'draft') return 'write draft: true or draft: false';
  return undefined;
}

/** A short quotation of a bad value for a message. */
function describe(value: unknown): string {
  if (value === undefined) return 'value';
  const text = JSON.stringify(value instanceof Date ? value.toISOString().slice(0, 10) : value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The message with a lower-case first letter, to follow the quoted value. */
function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
