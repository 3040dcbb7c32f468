import { basename, dirname, resolve } from 'node:path';
import { mdxToMdast } from 'satteri';
import type { Root } from 'mdast';
import { LessonSchema, type LessonData } from './schema.ts';
import { LANGS, type Lang } from './formats.ts';
import { findFrontmatter, issuesToFindings, parseYaml } from './frontmatter.ts';
import { checkBody } from './grammar.ts';
import { readStages, stageId } from './mdast.ts';
import { siteMapFor, type SiteMap } from './site-map.ts';
import { displayPath, error, hasErrors, inFile, type Diagnostic, type Finding } from './diagnostics.ts';
import { checkInside, isAllowed, readAllowed } from './files.ts';
import { MAX_LESSON_BYTES } from './limits.ts';
import { checkNesting } from './nesting.ts';
import { mdxSyntaxFinding } from './mdx-errors.ts';
import { checkGlossary } from './glossary.ts';
import { templateMarks } from './template.ts';
import { newInputs, sha256, type LessonInputs } from './inputs.ts';
import { slugFor } from './transliterate.ts';
import {
  BOM,
  bomFinding,
  controlCharacters,
  decodeUtf8,
  deepLinePrefix,
  encodingProblem,
  tooManyBraces,
  unclosedFence,
  unclosedFenceFinding,
  unclosedFrontmatter,
} from './source.ts';

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
  /** What its printed products are made of, as read and checked (complete for a valid lesson): the kit cache's key. */
  inputs: LessonInputs;
}

/** A loaded lesson without errors. */
export type ValidLesson = LoadedLesson & { data: LessonData };

/** How a lesson is loaded: the site map its links are checked against (default: read from its lessons folder). */
export interface LoadOptions {
  site?: SiteMap;
}

/** Slugs are ASCII so copies survive zips and FAT32 USB sticks. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lesson file names: index.mdx (Ukrainian) or index.<lang>.mdx. */
const LESSON_FILE = /^index(?:\.([a-z]{2}))?\.mdx$/;

/**
 * Read, parse and validate one lesson file: the one loader used by the site, the kits and the checker. The file is
 * read only if it is a regular file inside its folder and within MAX_LESSON_BYTES; `source` skips the reading (tests,
 * an editor's unsaved text).
 */
export function loadLesson(file: string, source?: string, options: LoadOptions = {}): LoadedLesson {
  const slug = basename(dirname(resolve(file)));
  const lang = langOf(file);
  const findings: Finding[] = [...checkName(slug, file)];
  const read = source === undefined ? readLessonSource(file) : checkSize(source);
  const inputs = newInputs('problem' in read ? '' : read.sha256);
  const empty: Root = { type: 'root', children: [] };
  const result = (tree: Root, data?: LessonData): LoadedLesson => {
    const diagnostics = inFile(displayPath(file), findings);
    return { file, slug, lang: lang ?? 'uk', data: hasErrors(diagnostics) ? undefined : data, tree, diagnostics, inputs };
  };
  if ('problem' in read) {
    findings.push(read.problem);
    return result(empty);
  }
  // How the file was saved comes first: with the wrong line endings every later position would be wrong.
  const text = read.text.startsWith(BOM) ? read.text.slice(1) : read.text;
  if (text !== read.text) findings.push(bomFinding());
  const saved = encodingProblem(text);
  if (saved) {
    findings.push(saved);
    return result(empty);
  }
  findings.push(...controlCharacters(text));
  const { data, duration, findings: frontmatterFindings, locate } = readFrontmatter(text);
  findings.push(...frontmatterFindings);
  const body = parseBody(text);
  findings.push(...body.findings);
  // A body that did not parse (or is refused) is reported alone: rules on an empty tree would only add false errors.
  if (!body.tree) return result(empty, data);
  const site = options.site ?? siteMapFor(dirname(dirname(resolve(file))));
  const stageIds = readStages(body.tree).map((stage) => stageId(stage.title));
  const links = { site, source: { kind: 'lesson' as const, slug, lang: lang ?? 'uk', draft: data?.draft ?? false, stageIds } };
  findings.push(...checkBody(body.tree, { file: resolve(file), format: data?.format, links, inputs }));
  if (duration !== undefined) findings.push(...checkMinutes(body.tree, duration, () => locate(['duration'])));
  if (data) findings.push(...checkGlossary(body.tree, { ...data, lang: lang ?? 'uk' }, (index) => locate(['glossary', index, 'term'])));
  findings.push(...templateMarks(text, data?.draft ?? true));
  return result(body.tree, data);
}

/** A lesson's text as read, and the SHA-256 of its bytes. */
interface LessonSource {
  text: string;
  sha256: string;
}

/** The text of a lesson file, or why it is not read: not a regular file in its folder, too large, not UTF-8. */
function readLessonSource(file: string): LessonSource | { problem: Finding } {
  const folder = dirname(resolve(file));
  const checked = checkInside(folder, resolve(file), MAX_LESSON_BYTES);
  if (!isAllowed(checked)) {
    if (checked.kind === 'too-large') return { problem: error(1, 1, 'file-too-large', { file: 'lesson', bytes: checked.bytes, limit: checked.limit }) };
    if (checked.kind === 'link-outside') return { problem: error(1, 1, 'lesson-outside', { target: checked.target, folder: checked.folder === true }) };
    // A lesson file is found by listing its folder, so "outside" cannot happen; a link to nothing reads as missing.
    return { problem: error(1, 1, 'lesson-not-a-file', { what: checked.kind === 'not-a-file' ? checked.what : 'missing' }) };
  }
  const bytes = readAllowed(checked, MAX_LESSON_BYTES);
  const decoded = decodeUtf8(bytes);
  if ('badByte' in decoded) {
    const { line, column } = decoded.badByte;
    return { problem: error(line, column, 'file-encoding') };
  }
  return { text: decoded.text, sha256: sha256(bytes) };
}

/** The text of a lesson file as the loader reads it (undefined when it may not be read), to locate things in it later. */
export function readLessonText(file: string): string | undefined {
  const read = readLessonSource(file);
  return 'text' in read ? read.text : undefined;
}

/** A lesson text given directly is held to the same size limit as a file. */
function checkSize(source: string): LessonSource | { problem: Finding } {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes <= MAX_LESSON_BYTES) return { text: source, sha256: sha256(source) };
  return { problem: error(1, 1, 'file-too-large', { file: 'lesson', bytes, limit: MAX_LESSON_BYTES }) };
}

/**
 * The body as mdast, or the one finding that stops it: a shape of text the parser would take too long over, an MDX
 * syntax error (named as the unclosed code fence behind it, when there is one), nesting beyond the limit, or a code
 * fence never closed that swallows the rest of the lesson.
 */
export function parseBody(source: string): { tree?: Root; findings: Finding[] } {
  const guard = tooManyBraces(source) ?? deepLinePrefix(source);
  if (guard) return { findings: [guard] };
  let tree: Root;
  try {
    tree = mdxToMdast(source) as Root;
  } catch (cause) {
    const syntax = mdxSyntaxFinding(cause, source);
    // An unclosed fence swallows the closing tags after it: the parser's complaint is about those, so name the fence.
    const fence = unclosedFence(source, bodyStartLine(source));
    return { findings: [fence ? unclosedFenceFinding(fence, `${syntax.line}:${syntax.column}`) : syntax] };
  }
  const deep = checkNesting(tree);
  if (deep) return { findings: [deep] };
  const swallowing = tree.children.find((node) => node.type === 'code' && node.position?.end.offset === source.length);
  if (swallowing) {
    const fence = unclosedFence(source, swallowing.position!.start.line);
    if (fence?.line === swallowing.position!.start.line) return { findings: [unclosedFenceFinding(fence)] };
  }
  return { tree, findings: [] };
}

/** The first line after the frontmatter (1 when there is none). */
function bodyStartLine(source: string): number {
  const block = findFrontmatter(source);
  return block ? block.firstLine + block.text.split('\n').length : 1;
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
    findings.push(error(1, 1, 'lesson-slug', { slug, suggestion: slugFor(slug) || undefined }));
  }
  const name = basename(file);
  if (!LESSON_FILE.test(name) || !langOf(file)) {
    findings.push(error(1, 1, 'lesson-file-name', { name, langs: LANGS.join(', ') }));
  }
  return findings;
}

/** Frontmatter parsed with positions and validated with LessonSchema; the duration apart, so the minutes rule runs even when other fields are wrong. */
function readFrontmatter(source: string): {
  data: LessonData | undefined;
  duration?: number;
  findings: Finding[];
  /** Line and column in the file of a frontmatter field (1:1 when there is no frontmatter). */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
} {
  const block = findFrontmatter(source);
  if (!block) {
    const problem = unclosedFrontmatter(source) ?? error(1, 1, 'frontmatter-missing');
    return { data: undefined, findings: [problem], locate: () => ({ line: 1, column: 1 }) };
  }
  const yaml = parseYaml(block.text, block.firstLine);
  const locate = yaml.locate;
  if (yaml.findings.length) return { data: undefined, findings: yaml.findings, locate };
  if (typeof yaml.value !== 'object' || yaml.value === null || Array.isArray(yaml.value)) {
    const noSpace = /^([A-Za-z_]+):(\S.*)$/m.exec(block.text);
    return { data: undefined, findings: [error(block.firstLine, 1, 'frontmatter-not-fields', { noSpace: noSpace ? `${noSpace[1]}: ${noSpace[2]}` : undefined })], locate };
  }
  const raw = (yaml.value as { duration?: unknown }).duration;
  const duration = Number.isInteger(raw) ? (raw as number) : undefined;
  const result = LessonSchema.safeParse(yaml.value, { reportInput: true });
  if (result.success) return { data: result.data, duration, findings: [], locate };
  return { data: undefined, duration, findings: issuesToFindings(result.error.issues, yaml), locate };
}

/** The stages' minutes add up to the lesson's duration, and there is at least one stage. */
function checkMinutes(tree: Root, duration: number, locateDuration: () => { line: number; column: number }): Finding[] {
  const stages = readStages(tree);
  const { line, column } = locateDuration();
  if (!stages.length) {
    return [error(line, column, 'stage-missing')];
  }
  // A stage whose minutes are missing or not a whole number is reported at the stage; a sum would only repeat it.
  if (stages.some((stage) => stage.minutes === 0)) return [];
  const total = stages.reduce((sum, stage) => sum + stage.minutes, 0);
  if (total === duration) return [];
  const sum = stages.map((stage) => stage.minutes).join(' + ');
  return [error(line, column, 'stage-minutes', { duration, total, sum })];
}
