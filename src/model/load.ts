import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { mdxToMdast } from 'satteri';
import type { Root } from 'mdast';
import { LessonSchema, type LessonData } from './schema.ts';
import { LANGS, type Lang } from './formats.ts';
import { findFrontmatter, issuesToFindings, parseYaml } from './frontmatter.ts';
import { checkBody } from './grammar.ts';
import { readStages } from './mdast.ts';
import { displayPath, error, hasErrors, inFile, type Diagnostic, type Finding } from './diagnostics.ts';

/** A lesson as read from disk: validated data (when valid), its body tree, and every problem found. */
export interface LoadedLesson {
  /** Path of the file as given. */
  file: string;
  /** The lesson folder's name: its stable id in URLs and file names. */
  slug: string;
  /** The language of this file: `uk` for index.mdx, else from index.<lang>.mdx. */
  lang: Lang;
  /** The frontmatter after validation and defaults; undefined when it has errors. */
  data: LessonData | undefined;
  /** The body as mdast with positions (empty when the MDX does not parse). */
  tree: Root;
  /** Errors and warnings, each with file, line, column and a hint. */
  diagnostics: Diagnostic[];
}

/** A loaded lesson without errors. */
export type ValidLesson = LoadedLesson & { data: LessonData };

/** Slugs are ASCII so copies survive zips and FAT32 USB sticks. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lesson file names: index.mdx (Ukrainian) or index.<lang>.mdx. */
const LESSON_FILE = /^index(?:\.([a-z]{2}))?\.mdx$/;

/** Read, parse and validate one lesson file: the one loader used by the site, the kits and the checker. */
export function loadLesson(file: string, source = readFileSync(file, 'utf8')): LoadedLesson {
  const slug = basename(dirname(resolve(file)));
  const lang = langOf(file);
  const findings: Finding[] = [...checkName(slug, file)];
  const { data, duration, findings: frontmatterFindings, locateDuration } = readFrontmatter(source);
  findings.push(...frontmatterFindings);
  let tree: Root = { type: 'root', children: [] };
  try {
    tree = mdxToMdast(source) as Root;
  } catch (cause) {
    findings.push(mdxSyntaxFinding(cause));
  }
  findings.push(...checkBody(tree, { file: resolve(file), format: data?.format }));
  if (duration !== undefined) findings.push(...checkMinutes(tree, duration, locateDuration));
  const diagnostics = inFile(displayPath(file), findings);
  return { file, slug, lang: lang ?? 'uk', data: hasErrors(diagnostics) ? undefined : data, tree, diagnostics };
}

/** True when a loaded lesson has no errors (its data is then present). */
export function isValid(lesson: LoadedLesson): lesson is ValidLesson {
  return lesson.data !== undefined;
}

/** The language a lesson file is written in, from its name; undefined for an unknown one. */
export function langOf(file: string): Lang | undefined {
  const code = LESSON_FILE.exec(basename(file))?.[1] ?? 'uk';
  return (LANGS as readonly string[]).includes(code) ? (code as Lang) : undefined;
}

/** Folder and file name rules. */
function checkName(slug: string, file: string): Finding[] {
  const findings: Finding[] = [];
  if (!SLUG.test(slug)) {
    findings.push(error(1, 1, `folder name "${slug}" is not a valid lesson slug`, 'use lower-case Latin letters, digits and hyphens, transliterated from the title, e.g. moya-persha-podorozh'));
  }
  const name = basename(file);
  if (!LESSON_FILE.test(name) || !langOf(file)) {
    findings.push(error(1, 1, `"${name}" is not a lesson file name`, `name it index.mdx (Ukrainian) or index.<lang>.mdx with lang one of ${LANGS.join(', ')}`));
  }
  return findings;
}

/** Frontmatter parsed with positions and validated with LessonSchema; the duration apart, so the minutes rule runs even when other fields are wrong. */
function readFrontmatter(source: string): {
  data: LessonData | undefined;
  duration?: number;
  findings: Finding[];
  locateDuration: () => { line: number; column: number };
} {
  const block = findFrontmatter(source);
  if (!block) {
    const hint = 'start the file with --- on the first line, the fields, then --- (see docs/AUTHORING.md)';
    return { data: undefined, findings: [error(1, 1, 'the lesson has no frontmatter', hint)], locateDuration: () => ({ line: 1, column: 1 }) };
  }
  const yaml = parseYaml(block.text, block.firstLine);
  const locateDuration = () => yaml.locate(['duration']);
  if (yaml.findings.length) return { data: undefined, findings: yaml.findings, locateDuration };
  if (typeof yaml.value !== 'object' || yaml.value === null || Array.isArray(yaml.value)) {
    return { data: undefined, findings: [error(block.firstLine, 1, 'the frontmatter must be a list of fields (name: value)', 'see docs/AUTHORING.md for an example')], locateDuration };
  }
  const raw = (yaml.value as { duration?: unknown }).duration;
  const duration = Number.isInteger(raw) ? (raw as number) : undefined;
  const result = LessonSchema.safeParse(yaml.value, { reportInput: true });
  if (result.success) return { data: result.data, duration, findings: [], locateDuration };
  return { data: undefined, duration, findings: issuesToFindings(result.error.issues, yaml), locateDuration };
}

/** The stages' minutes add up to the lesson's duration, and there is at least one stage. */
function checkMinutes(tree: Root, duration: number, locateDuration: () => { line: number; column: number }): Finding[] {
  const stages = readStages(tree);
  const { line, column } = locateDuration();
  if (!stages.length) {
    return [error(line, column, 'the lesson has no <Stage>', 'write the plan as <Stage title="…" minutes={…}> blocks at the top level')];
  }
  const total = stages.reduce((sum, stage) => sum + stage.minutes, 0);
  if (total === duration) return [];
  const sum = stages.map((stage) => stage.minutes).join(' + ');
  return [error(line, column, `duration is ${duration} minutes but the stages add up to ${total} (${sum})`, `set duration: ${total}, or change the minutes of a stage`)];
}

/** An MDX syntax error as a located finding; Sätteri's messages start with `line:column`. */
function mdxSyntaxFinding(cause: unknown): Finding {
  const message = cause instanceof Error ? cause.message : String(cause);
  const at = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(message);
  const text = (at ? message.slice(at[0].length) : message)
    .replace(/\s*\((\d+):(\d+)\)/, ' (opened at line $1, column $2)')
    .replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '')
    .trim();
  const hint =
    'check that every <Component> is closed and that < and { in plain text are escaped as \\< and \\{ (write quotes as «…»)';
  return error(at ? Number(at[1]) : 1, at ? Number(at[2]) : 1, `MDX: ${text}`, hint);
}
