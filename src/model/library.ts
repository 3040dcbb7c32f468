import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { checkInside, isAllowed, isInside } from './files.ts';
import { MAX_DATA_BYTES, MAX_LESSON_BYTES } from './limits.ts';
import { loadLesson, isValid, type LoadedLesson, type ValidLesson } from './load.ts';
import { loadHelplines, type Helpline } from './helplines.ts';
import { loadFacts, type Fact } from './facts.ts';
import { ACTION_PLAN_FILE, checkActionPlans, loadActionPlans, type ActionPlan } from './action-plan.ts';
import { checkPages } from './pages.ts';
import { siteMapFor } from './site-map.ts';
import { loadSharedText } from './shared-texts.ts';
import { LANGS } from './formats.ts';
import { isJsx, isParent, textAttribute } from './mdast.ts';
import type { Nodes } from 'mdast';
import { displayPath, error, inFile, suggest, warning, type Diagnostic } from './diagnostics.ts';

/**
 * Every lesson file under a lessons folder, skipping names that start with `_`, sorted. A folder that is a symbolic
 * link to outside the lessons folder is not listed: its index.mdx stands for it, and the loader refuses it.
 */
export function findLessonFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const realRoot = realpathSync(root);
  return readdirSync(root)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.') && statSync(join(root, name), { throwIfNoEntry: false })?.isDirectory())
    .sort()
    .flatMap((folder) => {
      if (!isInside(realRoot, realpathSync(join(root, folder)))) return [join(root, folder, 'index.mdx')];
      return readdirSync(join(root, folder))
        .filter((name) => /^index(\.[^.]+)?\.mdx$/.test(name))
        .sort()
        .map((name) => join(root, folder, name));
    });
}

/**
 * The lesson files the loader refuses to read (a link out of the lesson folder, not a regular file, over the size
 * limit) and the second Ukrainian file of a lesson (index.uk.mdx beside index.mdx), as negated glob patterns relative
 * to the lessons folder: the site's content collection leaves them out, so Astro never opens what the checker refuses.
 */
export function refusedLessonSources(root: string): string[] {
  return findLessonFiles(root).flatMap((file) => {
    const name = relative(root, file).split(sep).join('/');
    const refused = !isAllowed(checkInside(dirname(file), resolve(file), MAX_LESSON_BYTES));
    const duplicate = basename(file) === 'index.uk.mdx' && existsSync(join(dirname(file), 'index.mdx'));
    return refused || duplicate ? [`!${name}`] : [];
  });
}

/** Files in a shared-data folder (lessons/_data, lessons/_pages) that may not be read, as negated glob patterns relative to it. */
export function refusedDataSources(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((name) => !isAllowed(checkInside(folder, name, MAX_DATA_BYTES))).map((name) => `!${name}`);
}

/** The whole library: every lesson file loaded, shared data loaded, and cross-file rules applied. */
export interface Library {
  lessons: LoadedLesson[];
  helplines: Helpline[];
  facts: Fact[];
  /** The shared action plan, one wording per band (empty when lessons/_data/action-plan.yaml is absent). */
  actionPlans: ActionPlan[];
  diagnostics: Diagnostic[];
}

/** Load every lesson and the shared data under a lessons folder. */
export function loadLibrary(root: string): Library {
  const site = siteMapFor(root);
  const lessons = findLessonFiles(root).map((file) => loadLesson(file, undefined, { site }));
  const { helplines, diagnostics: dataDiagnostics } = loadHelplines(join(root, '_data', 'helplines.yaml'));
  const { facts, diagnostics: factDiagnostics } = loadFacts(join(root, '_data', 'facts.yaml'));
  const { plans: actionPlans, diagnostics: planDiagnostics } = loadActionPlans(join(root, ACTION_PLAN_FILE));
  const diagnostics = [
    ...lessons.flatMap((lesson) => lesson.diagnostics),
    ...dataDiagnostics,
    ...factDiagnostics,
    ...lessons.flatMap((lesson) => checkFactIds(lesson, facts)),
    ...planDiagnostics,
    ...lessons.flatMap((lesson) => checkActionPlans(lesson, actionPlans)),
    ...checkLessonFolders(root),
    ...checkOneFilePerLanguage(lessons),
    ...checkTranslations(lessons),
    ...checkSharedTexts(root),
    ...checkPages(root, site),
  ];
  return { lessons, helplines, facts, actionPlans, diagnostics };
}

/** Lessons that would be published: valid, and not drafts unless drafts are shown. */
export function publishedLessons(library: Library, { drafts = false } = {}): ValidLesson[] {
  return library.lessons.filter(isValid).filter((lesson) => drafts || !lesson.data.draft);
}

/**
 * A lesson folder always holds its lesson as index.mdx (or a translation index.<lang>.mdx): a folder whose lesson file is
 * named otherwise (urok.mdx, Index.mdx) would silently never be published, and one with no lesson file at all is worth a
 * warning.
 */
function checkLessonFolders(root: string): Diagnostic[] {
  if (!existsSync(root)) return [];
  const realRoot = realpathSync(root);
  return readdirSync(root)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .sort()
    .flatMap((name) => {
      const folder = join(root, name);
      if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory() || !isInside(realRoot, realpathSync(folder))) return [];
      const files = readdirSync(folder).sort();
      if (files.some((file) => /^index(\.[^.]+)?\.mdx$/.test(file))) return [];
      const misnamed = files.filter((file) => /\.mdx?$/i.test(file));
      if (misnamed.length) return misnamed.flatMap((file) => inFile(displayPath(join(folder, file)), [error(1, 1, 'lesson-file-name', { name: file, langs: LANGS.join(', ') })]));
      return inFile(displayPath(folder), [warning(1, 1, 'lesson-folder-empty', { folder: displayPath(folder) })]);
    });
}

/** One lesson per slug and language: index.mdx and index.uk.mdx are both the Ukrainian lesson, and one would be lost. */
function checkOneFilePerLanguage(lessons: readonly LoadedLesson[]): Diagnostic[] {
  const first = new Map<string, LoadedLesson>();
  return lessons.flatMap((lesson) => {
    const key = `${lesson.slug}/${lesson.lang}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, lesson);
      return [];
    }
    const [a, b] = [earlier, lesson].map((l) => displayPath(l.file)) as [string, string];
    return inFile(b, [error(1, 1, 'lesson-duplicate', { a, b, lang: lesson.lang, slug: lesson.slug })]);
  });
}

/** A translation needs its Ukrainian original, and keeps its bands, format and duration. */
function checkTranslations(lessons: readonly LoadedLesson[]): Diagnostic[] {
  const originals = new Map(lessons.filter((l) => l.lang === 'uk').map((l) => [l.slug, l]));
  return lessons
    .filter((lesson) => lesson.lang !== 'uk')
    .flatMap((lesson) => {
      const original = originals.get(lesson.slug);
      if (!original) {
        return inFile(displayPath(lesson.file), [error(1, 1, 'translation-orphan', { slug: lesson.slug })]);
      }
      if (!original.data || !lesson.data) return [];
      const differs = (['format', 'duration'] as const).filter((key) => original.data![key] !== lesson.data![key]);
      if (original.data.bands.join() !== lesson.data.bands.join()) differs.push('bands' as never);
      return differs.length
        ? inFile(displayPath(lesson.file), [error(1, 1, 'translation-differs', { fields: differs })])
        : [];
    });
}

/** The shared disclosure protocol exists in Ukrainian (other languages fall back to it); every translation of it reads. */
function checkSharedTexts(root: string): Diagnostic[] {
  const file = join(root, '_data', 'safeguarding.uk.md');
  if (!existsSync(file)) {
    return inFile(displayPath(file), [error(1, 1, 'protocol-missing')]);
  }
  return LANGS.flatMap((lang) => {
    const localized = join(root, '_data', `safeguarding.${lang}.md`);
    return lang === 'uk' || existsSync(localized) ? loadSharedText(localized).diagnostics : [];
  });
}

/** Every `<Fact id>` names a fact in lessons/_data/facts.yaml. */
function checkFactIds(lesson: LoadedLesson, facts: readonly Fact[]): Diagnostic[] {
  const known = facts.map((fact) => fact.id);
  const findings: Diagnostic[] = [];
  const visit = (node: Nodes) => {
    if (isJsx(node) && node.name === 'Fact') {
      const id = textAttribute(node, 'id');
      if (id && !known.includes(id)) {
        findings.push(...inFile(displayPath(lesson.file), [error(node.position?.start.line ?? 1, node.position?.start.column ?? 1, 'fact-unknown', { id, guess: suggest(id, known), known })]));
      }
    }
    if (isParent(node)) node.children.forEach((child) => visit(child as Nodes));
  };
  visit(lesson.tree);
  return findings;
}
