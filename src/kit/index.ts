/**
 * renderKit(): one lesson → one printable PDF teacher kit. The stage list reads top to bottom:
 * shared data → pictures → read (mdast → blocks) → layout (blocks → pages) → page numbers settle → paint.
 * The build, the dev preview and the CLI all call this one function.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { t } from '../i18n/index.ts';
import { bandById } from '../model/bands.ts';
import { LICENSES } from '../model/licenses.ts';
import { TOPICS } from '../model/topics.ts';
import { displayPath, error, inFile, type Diagnostic, type Finding } from '../model/diagnostics.ts';
import { isValid, loadLesson, readLessonText, type ValidLesson } from '../model/load.ts';
import { positionAt } from '../model/source.ts';
import { loadHelplines } from '../model/helplines.ts';
import { loadFacts } from '../model/facts.ts';
import { loadSharedText, protocolFile } from '../model/shared-texts.ts';
import type { Helpline } from '../model/helplines.ts';
import type { Fact } from '../model/facts.ts';
import { ACTION_PLAN_FILE, loadActionPlans, type ActionPlan } from '../model/action-plan.ts';
import { readKit, type PageLookup, type SharedContent } from './read/kit.ts';
import { pictureUrls, type Pictures } from './read/markdown.ts';
import { rasterize } from './read/images.ts';
import { glyphErrors, kitTexts, layoutKit, newLayoutCache, type LaidOutKit, type LayoutError, type LayoutOptions, type Paper } from './layout/index.ts';
import { paintKit } from './paint/index.ts';
import { FontPrograms } from './paint/font-programs.ts';
import { fontMetrics, loadFonts } from './text/fonts.ts';
import { hyphenate } from './text/hyphenate.ts';
import { stopwatch, type StageTimes } from './timings.ts';

/** How a kit is rendered. */
export interface KitOptions {
  /** A4 (default) or US Letter. */
  paper?: Paper;
  /** The lessons folder, for the shared texts in _data/. Default `lessons`. */
  lessonsDir?: string;
  /** Helplines and facts, already loaded and validated by the caller (loadLibrary). */
  helplines: readonly Helpline[];
  facts: readonly Fact[];
  /** The shared action plan; read from `lessonsDir` when not given (like the disclosure protocol). */
  actionPlans?: readonly ActionPlan[];
  /** Stage timings to add this render's to (the benchmark's breakdown). */
  times?: StageTimes;
}

/** A rendered kit, or the author errors that stopped it (file:line, hint). */
export type KitResult = { ok: true; pdf: Uint8Array; pages: number } | { ok: false; diagnostics: Diagnostic[] };

/** Passes over read → layout until cross-references ("с. 7") stop moving pages; two suffice in practice. */
const MAX_PASSES = 4;

/** Page numbers for the first pass: two-digit stand-ins, so the real numbers rarely change line breaks or pages. */
const provisionalPages: PageLookup = () => ({ from: 88, to: 89 });

/** Render one valid lesson into PDF bytes. */
export async function renderKit(lesson: ValidLesson, options: KitOptions): Promise<KitResult> {
  const lap = stopwatch(options.times);
  const s = t(lesson.lang);
  const lessonsDir = options.lessonsDir ?? 'lessons';
  const protocol = loadSharedText(protocolFile(lessonsDir, lesson.lang));
  if (!protocol.tree) return { ok: false, diagnostics: protocol.diagnostics };
  const shared: SharedContent = {
    safeguarding: protocol.tree,
    helplines: options.helplines,
    facts: options.facts,
    actionPlans: options.actionPlans ?? sharedActionPlans(lessonsDir),
  };
  const pictures = await readPictures(lesson);
  const layoutOptions = kitLayoutOptions(lesson, options.paper ?? 'a4');
  lap('pictures, shared texts');

  let pages: PageMap | undefined;
  let laid: LaidOutKit | undefined;
  // Rows and lines of one pass are reused by the next wherever a block's text did not change (this render only).
  const cache = newLayoutCache();
  // The lesson is read once; a later pass makes anew only the blocks that print page numbers (this render only).
  const content = readKit(lesson, s, shared, pictures, provisionalPages);
  if (content.findings.length) return failed(lesson, content.findings);
  lap('read');
  // The fonts are subset to the characters the blocks draw while the pages are laid out (on the helper thread, which
  // also finds the characters in each face's text).
  const programs = new FontPrograms(loadFonts(), kitTexts(content.blocks, layoutOptions));
  lap('fonts ordered');
  try {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const blocks = pages ? content.repage((outline) => pages!.get(outline)) : content.blocks;
      // Characters without a glyph are caught where they are drawn (paint), not by a walk over all the text first.
      const result = layoutKit(blocks, { ...layoutOptions, checkGlyphs: false, cache });
      if (!result.ok) return failedLayout(lesson, [...glyphErrors(content.blocks, layoutOptions), ...result.errors]);
      laid = result.kit;
      lap(pass === 0 ? 'layout' : 'layout again (page numbers)');
      const next = pageMap(laid);
      if (pages && samePages(pages, next)) break;
      pages = next;
    }
    const { pdf, missingGlyphs } = await paintKit(laid!, loadFonts(), pdfMeta(lesson), options.times, programs);
    // A drawn character lacks its glyph: the glyph check names it and where it stands.
    const missing = missingGlyphs.length ? glyphErrors(content.blocks, layoutOptions, missingGlyphs) : [];
    if (missing.length) return failedLayout(lesson, missing);
    return { ok: true, pdf, pages: laid!.pages.length };
  } finally {
    programs.release();
  }
}

/**
 * A render stopped by what layout found: each problem located in the lesson file, with how to fix it. A character
 * from the frontmatter (the title on the cover and in the running header) has no position in the body: it is found
 * in the file's text.
 */
function failedLayout(lesson: ValidLesson, problems: readonly LayoutError[]): KitResult {
  const source = problems.some((problem) => !problem.pos) ? readLessonText(lesson.file) : undefined;
  return failed(
    lesson,
    problems.map((problem) => {
      const found = !problem.pos && problem.kind === 'missing-glyph' && source?.includes(problem.char) ? positionAt(source, source.indexOf(problem.char)) : undefined;
      const at = problem.pos ?? found;
      return layoutFinding(problem, at?.line ?? 1, at?.column ?? 1);
    }),
  );
}

/** What layout found, as a finding of the catalogue's rule for it. */
function layoutFinding(problem: LayoutError, line: number, column: number): Finding {
  switch (problem.kind) {
    case 'missing-glyph':
      return error(line, column, 'kit-missing-glyph', { char: problem.char, code: `U+${problem.codePoint.toString(16).toUpperCase().padStart(4, '0')}`, font: problem.font });
    case 'card-overflow':
      return error(line, column, 'kit-card-overflow', { text: problem.text.length > 60 ? `${problem.text.slice(0, 57)}…` : problem.text });
  }
}

/** Strings and furniture of a lesson's kit: running header (title, bands), footer (licence, page X of Y). */
function kitLayoutOptions(lesson: ValidLesson, paper: Paper): LayoutOptions {
  const s = t(lesson.lang);
  return {
    metrics: fontMetrics(loadFonts()),
    hyphenate,
    paper,
    continued: s.continued,
    headerLeft: lesson.data.title,
    headerRight: lesson.data.bands.map((band) => bandById(band)[lesson.lang]).join(', '),
    footerLeft: `${s.license}: ${LICENSES[lesson.data.license].name}`,
    pageLabel: s.pageOf,
  };
}

/** The PDF's document information; dates come from the lesson, never the clock (same input, same bytes). */
function pdfMeta(lesson: ValidLesson) {
  const { data } = lesson;
  return {
    title: data.title,
    author: data.authors.join(', '),
    subject: data.summary,
    keywords: [...data.bands.map((band) => bandById(band)[lesson.lang]), ...data.topics.map((topic) => TOPICS[topic][lesson.lang])],
    lang: lesson.lang,
    creator: 'lesson-kits',
    producer: 'lesson-kits (pdf-lib)',
    created: new Date(`${data.updated}T00:00:00Z`),
    modified: new Date(`${data.updated}T00:00:00Z`),
  };
}

/** Where each section of a laid-out kit starts and ends (1-based), keyed by its outline title. */
type PageMap = ReadonlyMap<string, { from: number; to: number }>;

/**
 * Page ranges of the kit's sections from its outline: each level-0 bookmark starts a section, mostly on a new page; a
 * section that starts lower on a page (the glossary) shares that page with the one before it.
 */
export function pageMap(kit: LaidOutKit): PageMap {
  const sections = kit.outline.filter((entry) => entry.level === 0);
  return new Map(
    sections.map((entry, index) => {
      const next = sections[index + 1];
      const sharesPage = next !== undefined && next.y > kit.content.y + 1e-6;
      return [entry.title, { from: entry.page + 1, to: next ? next.page + (sharesPage ? 1 : 0) : kit.pages.length }];
    }),
  );
}

/** True when two page maps agree on every section. */
function samePages(a: PageMap, b: PageMap): boolean {
  return a.size === b.size && [...a].every(([title, at]) => b.get(title)?.from === at.from && b.get(title)?.to === at.to);
}

/** Parsed shared action plans by file, kept per process and re-read when the file changes (as the protocol). */
const plans = new Map<string, { mtimeMs: number; size: number; plans: ActionPlan[] }>();

/** The shared action plan under a lessons folder; empty when the file is missing or invalid (the checker reports why). */
function sharedActionPlans(lessonsDir: string): ActionPlan[] {
  const file = join(lessonsDir, ACTION_PLAN_FILE);
  if (!existsSync(file)) return [];
  const { mtimeMs, size } = statSync(file);
  const known = plans.get(file);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return known.plans;
  const loaded = loadActionPlans(file).plans;
  plans.set(file, { mtimeMs, size, plans: loaded });
  return loaded;
}

/** Every picture of the lesson rasterised for print, keyed by its URL as written. */
async function readPictures(lesson: ValidLesson): Promise<Pictures> {
  const urls = [...new Set(pictureUrls(lesson.tree as Nodes))];
  // A picture that cannot be decoded is left out here; the reader then reports it at its line as an author error.
  const images = await Promise.all(urls.map(async (url) => [url, await rasterize(lesson.file, url, '').catch(() => undefined)] as const));
  return new Map(images.filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== undefined));
}

/** Load one lesson file with the shared data beside it and render its kit: the path of a worker and of the dev server. */
export async function renderLessonFile(file: string, lessonsDir: string, paper?: Paper): Promise<KitResult> {
  const lesson = loadLesson(file);
  if (!isValid(lesson)) return { ok: false, diagnostics: lesson.diagnostics };
  const { helplines, diagnostics: helplineProblems } = loadHelplines(join(lessonsDir, '_data', 'helplines.yaml'));
  const { facts, diagnostics: factProblems } = loadFacts(join(lessonsDir, '_data', 'facts.yaml'));
  const dataErrors = [...helplineProblems, ...factProblems].filter((d) => d.severity === 'error');
  if (dataErrors.length) return { ok: false, diagnostics: dataErrors };
  return renderKit(lesson, { paper, lessonsDir, helplines, facts });
}

/** A failed render: findings located in the lesson file. */
function failed(lesson: ValidLesson, findings: Finding[]): KitResult {
  return { ok: false, diagnostics: inFile(displayPath(lesson.file), findings) };
}
