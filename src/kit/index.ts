/**
 * The print products of lessons: `renderKit()` (one lesson → its teacher kit), `renderPupilPack()` (what is copied for
 * pupils), `renderLessonProducts()` (both from one reading), `renderBandBundle()` (every kit of a band in one file, or
 * one volume of them).
 * The stage list reads top to bottom: shared data → pictures → read (mdast → blocks) → layout (blocks → pages) → page
 * numbers settle → paint. The build, the dev preview and the CLI all call these functions.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { t, type UiStrings } from '../i18n/index.ts';
import { bandById, type BandId } from '../model/bands.ts';
import { LICENSES } from '../model/licenses.ts';
import { TOPICS } from '../model/topics.ts';
import { displayPath, error, inFile, type Diagnostic, type Finding } from '../model/diagnostics.ts';
import { isValid, loadLesson, readLessonText, type ValidLesson } from '../model/load.ts';
import type { SiteMap } from '../model/site-map.ts';
import { positionAt } from '../model/source.ts';
import { loadHelplines } from '../model/helplines.ts';
import { loadFacts } from '../model/facts.ts';
import { loadSharedText, protocolFile } from '../model/shared-texts.ts';
import type { Helpline } from '../model/helplines.ts';
import type { Fact } from '../model/facts.ts';
import { ACTION_PLAN_FILE, loadActionPlans, type ActionPlan } from '../model/action-plan.ts';
import type { Block } from './blocks.ts';
import { pageText, readKit, type KitContent, type PageLookup, type PageRange, type SharedContent } from './read/kit.ts';
import { pictureUrls, type Pictures } from './read/markdown.ts';
import { rasterize } from './read/images.ts';
import { typesetText } from './read/typography.ts';
import {
  blankPage, glyphErrors, kitTexts, layoutKit, newLayoutCache, withPageNumbers,
  type LaidOutKit, type LayoutCache, type LayoutError, type LayoutOptions, type LineCache, type OutlineEntry, type Page, type Paper,
} from './layout/index.ts';
import { paintKit, type PdfMeta } from './paint/index.ts';
import { FontPrograms } from './paint/font-programs.ts';
import { fontMetrics, loadFonts } from './text/fonts.ts';
import { hyphenate } from './text/hyphenate.ts';
import { stopwatch, type Lap, type StageTimes } from './timings.ts';
import { VOLUME_LESSONS } from './files.ts';

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

/** A lesson read for printing: its blocks (kit and pupil pack) and how its pages are laid out. */
interface ReadLesson {
  lesson: ValidLesson;
  content: KitContent;
  layoutOptions: LayoutOptions;
  /**
   * Lines broken for this render, shared by the layouts of all its products: the pupil pack's handouts and cards are
   * the kit's, and are not broken again.
   */
  lines: LineCache;
}

/** Render one valid lesson's teacher kit into PDF bytes. */
export async function renderKit(lesson: ValidLesson, options: KitOptions): Promise<KitResult> {
  return (await renderLessonProducts(lesson, options, { pupils: false })).kit;
}

/** Render one valid lesson's pupil pack (handouts, cards, the helplines sheet, each on a new sheet) into PDF bytes. */
export async function renderPupilPack(lesson: ValidLesson, options: KitOptions): Promise<KitResult> {
  return (await renderLessonProducts(lesson, options, { kit: false })).pupils;
}

/** A lesson's print products: the teacher's kit and the pupil pack, from one reading of the lesson. */
export interface LessonProducts {
  kit: KitResult;
  pupils: KitResult;
}

/** Both print products of a lesson (or the ones asked for; one not asked for is an empty success). */
export async function renderLessonProducts(lesson: ValidLesson, options: KitOptions, which: { kit?: boolean; pupils?: boolean } = {}): Promise<LessonProducts> {
  const lap = stopwatch(options.times);
  const read = await readLesson(lesson, options, lap);
  if (!read.ok) return { kit: read.failed, pupils: read.failed };
  const skipped: KitResult = { ok: true, pdf: new Uint8Array(0), pages: 0 };
  const kit = which.kit === false ? skipped : await paintLesson(read.value, 'kit', options, lap);
  const pupils = which.pupils === false ? skipped : await paintLesson(read.value, 'pupils', options, lap);
  return { kit, pupils };
}

/** Pictures, shared texts and the lesson read into blocks; or the author errors that stop its kit. */
async function readLesson(lesson: ValidLesson, options: KitOptions, lap: Lap): Promise<{ ok: true; value: ReadLesson } | { ok: false; failed: KitResult }> {
  const s = t(lesson.lang);
  const lessonsDir = options.lessonsDir ?? 'lessons';
  const protocol = loadSharedText(protocolFile(lessonsDir, lesson.lang));
  if (!protocol.tree) return { ok: false, failed: { ok: false, diagnostics: protocol.diagnostics } };
  const shared: SharedContent = {
    safeguarding: protocol.tree,
    helplines: options.helplines,
    facts: options.facts,
    actionPlans: options.actionPlans ?? sharedActionPlans(lessonsDir),
  };
  const pictures = await readPictures(lesson);
  const layoutOptions = kitLayoutOptions(lesson, options.paper ?? 'a4');
  lap('pictures, shared texts');
  // The lesson is read once; a later pass makes anew only the blocks that print page numbers (this render only).
  const content = readKit(lesson, s, shared, pictures, provisionalPages);
  if (content.findings.length) return { ok: false, failed: failed(lesson, content.findings) };
  lap('read');
  return { ok: true, value: { lesson, content, layoutOptions, lines: new Map() } };
}

/** Lays out and paints one product of a read lesson. */
async function paintLesson(read: ReadLesson, product: 'kit' | 'pupils', options: KitOptions, lap: Lap): Promise<KitResult> {
  const { lesson, content, layoutOptions } = read;
  const blocks = product === 'kit' ? content.blocks : content.pupils;
  // The fonts are subset to the characters the blocks draw while the pages are laid out (on the helper thread, which
  // also finds the characters in each face's text).
  const programs = new FontPrograms(loadFonts(), kitTexts(blocks, layoutOptions));
  lap('fonts ordered');
  try {
    const laid = product === 'kit' ? layOutKit(read, newLayoutCache(read.lines), 1, lap) : layOutOnce(blocks, layoutOptions, lesson, newLayoutCache(read.lines));
    if (!laid.ok) return laid.failed;
    return await paintLaidOut(laid.kit, [blocks], layoutOptions, lesson, pdfMeta(lesson, product), options.times, programs);
  } finally {
    programs.release();
  }
}

/**
 * The teacher's kit laid out until its page numbers settle: the first pass prints stand-ins, the next the pages the
 * pass before found (its pages numbered from `firstPage`, as inside a band's bundle).
 */
function layOutKit(read: ReadLesson, cache: LayoutCache, firstPage: number, lap: Lap): { ok: true; kit: LaidOutKit } | { ok: false; failed: KitResult } {
  const { lesson, content, layoutOptions } = read;
  let pages: PageMap | undefined;
  let laid: LaidOutKit | undefined;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const blocks = pages ? content.repage((outline) => pages!.get(outline)) : content.blocks;
    // Characters without a glyph are caught where they are drawn (paint), not by a walk over all the text first.
    const result = layoutKit(blocks, { ...layoutOptions, checkGlyphs: false, cache, firstPage });
    if (!result.ok) return { ok: false, failed: failedLayout(lesson, [...glyphErrors(content.blocks, layoutOptions), ...result.errors]) };
    laid = result.kit;
    lap(pass === 0 ? 'layout' : 'layout again (page numbers)');
    const next = pageMap(laid, firstPage);
    if (pages && samePages(pages, next)) break;
    pages = next;
  }
  return { ok: true, kit: laid! };
}

/** Blocks that print no page numbers (the pupil pack) laid out in one pass. */
function layOutOnce(blocks: readonly Block[], layoutOptions: LayoutOptions, lesson: ValidLesson, cache: LayoutCache): { ok: true; kit: LaidOutKit } | { ok: false; failed: KitResult } {
  const result = layoutKit(blocks, { ...layoutOptions, checkGlyphs: false, cache });
  if (!result.ok) return { ok: false, failed: failedLayout(lesson, [...glyphErrors(blocks, layoutOptions), ...result.errors]) };
  return { ok: true, kit: result.kit };
}

/** Paints laid-out pages; a drawn character its face lacks is named with its line (the glyph check over `blocks`). */
async function paintLaidOut(
  laid: LaidOutKit,
  blocks: readonly (readonly Block[])[],
  layoutOptions: LayoutOptions,
  lesson: ValidLesson,
  meta: PdfMeta,
  times: StageTimes | undefined,
  programs: FontPrograms,
): Promise<KitResult> {
  const { pdf, missingGlyphs } = await paintKit(laid, loadFonts(), meta, times, programs);
  const missing = missingGlyphs.length ? blocks.flatMap((list) => glyphErrors(list, layoutOptions, missingGlyphs)) : [];
  if (missing.length) return failedLayout(lesson, missing);
  return { ok: true, pdf, pages: laid.pages.length };
}

/**
 * Every kit of a band in one file, or with `volume` one volume of a band's bundle (its lessons are the band's from
 * lesson (volume − 1) × VOLUME_LESSONS + 1 on): a table of contents, then each lesson's kit on its own sheets, its pages
 * numbered through the file (its "с. 7" pointers and print guide too), bookmarks nested per lesson. The lessons come in
 * the order given; all must be in one language.
 */
export async function renderBandBundle(lessons: readonly ValidLesson[], band: BandId, options: KitOptions, volume?: number): Promise<KitResult> {
  const lap = stopwatch(options.times);
  const lang = lessons[0]?.lang ?? 'uk';
  const s = t(lang);
  const reads: ReadLesson[] = [];
  for (const lesson of lessons) {
    const read = await readLesson(lesson, options, lap);
    if (!read.ok) return read.failed;
    reads.push(read.value);
  }
  const label = bandById(band)[lang];
  const first = volume === undefined ? 1 : (volume - 1) * VOLUME_LESSONS + 1;
  const heading: BundleHeading = volume === undefined
    ? { title: s.kit.bundleTitle(label), lead: s.kit.bundleLead }
    : { title: s.kit.volumeTitle(label, volume), lead: s.kit.volumeLead(volume, first, first + lessons.length - 1) };
  const tocOptions: LayoutOptions = { ...kitLayoutOptions(lessons[0]!, options.paper ?? 'a4'), headerLeft: heading.title, headerRight: label };
  const caches = reads.map((read) => newLayoutCache(read.lines));
  const tocCache = newLayoutCache();
  const texts = joinTexts([kitTexts(tableOfContents(s, heading, reads, []), tocOptions), ...reads.map((read) => kitTexts(read.content.blocks, read.layoutOptions))]);
  const programs = new FontPrograms(loadFonts(), texts);
  try {
    let entries: TocEntry[] = [];
    let toc: LaidOutKit | undefined;
    let kits: { kit: LaidOutKit; first: number }[] = [];
    // The contents print the pages of the kits after them, and its own length moves them: lay out until they agree. A
    // kit's layout depends only on its first page: a kit whose first page the contents did not move keeps its layout
    // from the pass before (laying it out again gave the same pages, at the cost of a whole kit's layout).
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const result = layoutKit(tableOfContents(s, heading, reads, entries), { ...tocOptions, checkGlyphs: false, cache: tocCache });
      if (!result.ok) return failedLayout(lessons[0]!, result.errors);
      toc = result.kit;
      let next = evenPages(toc.pages.length) + 1;
      const before = kits;
      kits = [];
      for (const [i, read] of reads.entries()) {
        const kept = before[i]?.first === next ? before[i] : undefined;
        const laid = kept ? { ok: true as const, kit: kept.kit } : layOutKit(read, caches[i]!, next, lap);
        if (!laid.ok) return laid.failed;
        kits.push({ kit: laid.kit, first: next });
        next += evenPages(laid.kit.pages.length);
      }
      const found = kits.map(({ kit, first }, i) => ({ title: reads[i]!.lesson.data.title, parts: pageMap(kit, first) }));
      if (sameEntries(entries, found)) break;
      entries = found;
    }
    // The layout caches have done their work; painting a large band's pages needs the memory they hold.
    for (const cache of [...caches, tocCache]) releaseLayoutCache(cache);
    const bundle = joinKits(toc!, kits, reads, tocOptions, s.kit.contents);
    const updated = lessons.map((lesson) => lesson.data.updated).sort().at(-1)!;
    const meta: PdfMeta = {
      title: heading.title,
      author: [...new Set(lessons.flatMap((lesson) => lesson.data.authors))].join(', '),
      subject: heading.lead,
      keywords: [label],
      lang,
      creator: 'lesson-kits',
      producer: 'lesson-kits (pdf-lib)',
      created: new Date(`${updated}T00:00:00Z`),
      modified: new Date(`${updated}T00:00:00Z`),
    };
    return await paintLaidOut(bundle, reads.map((read) => read.content.blocks), tocOptions, lessons[0]!, meta, options.times, programs);
  } finally {
    programs.release();
  }
}

/** Empty a layout cache, keeping the object (the bundle's loop holds it). */
function releaseLayoutCache(cache: LayoutCache): void {
  cache.lines.clear();
  cache.blocks.length = 0;
}

/** A page count rounded up to a whole number of sheets (each kit of a bundle starts on a new sheet). */
function evenPages(pages: number): number {
  return pages + (pages % 2);
}

/** A lesson's entry in a bundle's contents: its title and the pages of its parts. */
interface TocEntry {
  title: string;
  parts: PageMap;
}

/** Whether two sets of contents entries print the same pages. */
function sameEntries(a: readonly TocEntry[], b: readonly TocEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry.title === b[i]!.title && samePages(entry.parts, b[i]!.parts));
}

/** What a bundle's first page says it is: the whole band's kits, or one volume of them. */
interface BundleHeading {
  title: string;
  lead: string;
}

/** A bundle's contents: each lesson with its pages, and its parts with theirs (stand-ins before the kits are laid out). */
function tableOfContents(s: UiStrings, heading: BundleHeading, reads: readonly ReadLesson[], entries: readonly TocEntry[]): Block[] {
  const pages = (range: PageRange | undefined) => pageText(s, range ?? { from: 88, to: 89 });
  return [
    { kind: 'heading', level: 1, runs: [{ text: heading.title }], bookmark: false },
    { kind: 'paragraph', runs: [{ text: heading.lead }] },
    { kind: 'heading', level: 2, runs: [{ text: s.kit.contents }], bookmark: false },
    ...reads.map((read, i): Block => {
      const entry = entries[i];
      const parts = entry ? [...entry.parts] : [];
      const first = parts[0]?.[1];
      const last = parts.at(-1)?.[1];
      return {
        kind: 'box',
        variant: 'plain',
        unsplittable: true,
        children: [
          { kind: 'paragraph', runs: [{ text: typesetText(read.lesson.data.title, read.lesson.lang), bold: true }, { text: ` — ${first && last ? s.kit.pages(first.from, last.to) : pages(undefined)}` }], keepWithNext: true },
          {
            kind: 'list',
            ordered: false,
            items: parts.slice(1).map(([title, range]): Block[] => [{ kind: 'paragraph', runs: [{ text: `${title} — ${pages(range)}` }] }]),
          },
        ],
      };
    }),
  ];
}

/**
 * The contents and the kits as one document: pages in order (a blank back after a part with an odd page count, so each
 * kit starts a new sheet), every footer numbered through the file, bookmarks nested per lesson.
 */
function joinKits(toc: LaidOutKit, kits: readonly { kit: LaidOutKit; first: number }[], reads: readonly ReadLesson[], tocOptions: LayoutOptions, contents: string): LaidOutKit {
  const parts = [{ kit: toc, first: 1, options: tocOptions }, ...kits.map(({ kit, first }, i) => ({ kit, first, options: reads[i]!.layoutOptions }))];
  const total = parts.reduce((sum, part) => sum + evenPages(part.kit.pages.length), 0);
  const pages: Page[] = [];
  const outline: OutlineEntry[] = [{ title: contents, level: 0, page: 0, y: toc.content.y }];
  for (const [i, { kit, first, options }] of parts.entries()) {
    const own = kit.pages.length % 2 ? [...kit.pages, blankPage(options, kit.content)] : kit.pages;
    // The kit's first bookmark (its cover, titled with the lesson) stands for the lesson; everything else goes under it.
    if (i > 0) outline.push(...kit.outline.map((entry, k) => ({ ...entry, level: k === 0 ? 0 : entry.level + 1, page: entry.page + first - 1 })));
    pages.push(...withPageNumbers(own, options, kit, first, total));
  }
  return { ...toc, pages, outline };
}

/** Each face's text of several documents, joined face by face (the fonts of a bundle are subset once, for all of it). */
function joinTexts(texts: readonly (readonly string[])[]): string[] {
  return (texts[0] ?? []).map((_, face) => texts.map((list) => list[face] ?? '').join(''));
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
    headerLeft: typesetText(lesson.data.title, lesson.lang),
    headerRight: lesson.data.bands.map((band) => bandById(band)[lesson.lang]).join(', '),
    footerLeft: `${s.license}: ${LICENSES[lesson.data.license].name}`,
    pageLabel: s.pageOf,
    blankPage: s.kit.blankPage,
  };
}

/** The PDF's document information; dates come from the lesson, never the clock (same input, same bytes). */
function pdfMeta(lesson: ValidLesson, product: 'kit' | 'pupils'): PdfMeta {
  const { data } = lesson;
  const title = typesetText(data.title, lesson.lang);
  return {
    title: product === 'kit' ? title : `${title} (${t(lesson.lang).kit.forPupils})`,
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

/** Where each part of a laid-out kit starts and ends, with the blank backs among its pages, keyed by its outline title. */
type PageMap = ReadonlyMap<string, PageRange>;

/**
 * Page ranges of the kit's parts from its outline, numbered from `firstPage`: each level-0 bookmark starts a part,
 * mostly on a new page, and the part runs to the next (its blank back included); a part that starts lower on a page
 * (the glossary) shares that page with the one before it.
 */
export function pageMap(kit: LaidOutKit, firstPage = 1): PageMap {
  const sections = kit.outline.filter((entry) => entry.level === 0);
  const offset = firstPage - 1;
  return new Map(
    sections.map((entry, index) => {
      const next = sections[index + 1];
      const sharesPage = next !== undefined && next.y > kit.content.y + 1e-6;
      const from = entry.page + 1;
      const to = next ? next.page + (sharesPage ? 1 : 0) : kit.pages.length;
      const blank: number[] = [];
      for (let page = from; page <= to; page++) if (kit.pages[page - 1]?.blank) blank.push(page + offset);
      return [entry.title, { from: from + offset, to: to + offset, ...(blank.length ? { blank } : {}) }];
    }),
  );
}

/** True when two page maps agree on every part. */
function samePages(a: PageMap, b: PageMap): boolean {
  return a.size === b.size && [...a].every(([title, at]) => {
    const other = b.get(title);
    return other?.from === at.from && other.to === at.to && String(other.blank ?? '') === String(at.blank ?? '');
  });
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

/** How lesson files are rendered: the paper, and the library's site map when the caller has it (else read from disk). */
export interface FileRenderOptions {
  paper?: Paper;
  /**
   * The pages the lessons may link to (src/model/site-map.ts). A batch run reads it once and hands it to its workers:
   * a worker reading it itself reads every lesson file of the library, once per worker and again after any change.
   */
  site?: SiteMap;
  /** Told each valid lesson as it is loaded: what the render is made of (a worker keys its cache entry on it). */
  onLoad?: (lesson: ValidLesson) => void;
}

/** A lesson file and the shared data beside it, loaded: a valid lesson with the options to render it, or its errors. */
function loadForKit(file: string, lessonsDir: string, { paper, site, onLoad }: FileRenderOptions = {}): { ok: true; lesson: ValidLesson; options: KitOptions } | { ok: false; diagnostics: Diagnostic[] } {
  const lesson = loadLesson(file, undefined, site ? { site } : {});
  if (!isValid(lesson)) return { ok: false, diagnostics: lesson.diagnostics };
  onLoad?.(lesson);
  const shared = kitOptionsFor(lessonsDir, paper);
  return shared.ok ? { ok: true, lesson, options: shared.options } : shared;
}

/** The options to render a library's kits with: its shared data (helplines, facts) loaded, or the errors in it. */
function kitOptionsFor(lessonsDir: string, paper?: Paper): { ok: true; options: KitOptions } | { ok: false; diagnostics: Diagnostic[] } {
  const { helplines, diagnostics: helplineProblems } = loadHelplines(join(lessonsDir, '_data', 'helplines.yaml'));
  const { facts, diagnostics: factProblems } = loadFacts(join(lessonsDir, '_data', 'facts.yaml'));
  const dataErrors = [...helplineProblems, ...factProblems].filter((d) => d.severity === 'error');
  if (dataErrors.length) return { ok: false, diagnostics: dataErrors };
  return { ok: true, options: { paper, lessonsDir, helplines, facts } };
}

/** Render both products of a lesson already loaded (or the ones asked for), with the shared data of its library. */
export async function renderLoadedProducts(lesson: ValidLesson, lessonsDir: string, { paper }: FileRenderOptions = {}, which?: { kit?: boolean; pupils?: boolean }): Promise<LessonProducts> {
  const shared = kitOptionsFor(lessonsDir, paper);
  return shared.ok ? renderLessonProducts(lesson, shared.options, which) : { kit: shared, pupils: shared };
}

/** Render a bundle (or volume `volume`) of lessons already loaded, with the shared data of their library. */
export async function renderLoadedBundle(lessons: readonly ValidLesson[], band: BandId, lessonsDir: string, { paper }: FileRenderOptions = {}, volume?: number): Promise<KitResult> {
  const shared = kitOptionsFor(lessonsDir, paper);
  return shared.ok ? renderBandBundle(lessons, band, shared.options, volume) : shared;
}

/** Load one lesson file with the shared data beside it and render its kit. */
export async function renderLessonFile(file: string, lessonsDir: string, paper?: Paper): Promise<KitResult> {
  const loaded = loadForKit(file, lessonsDir, { paper });
  return loaded.ok ? renderKit(loaded.lesson, loaded.options) : loaded;
}

/** Load one lesson file and render both its products (kit and pupil pack): the path of a worker and of the dev server. */
export async function renderLessonFileProducts(file: string, lessonsDir: string, options: FileRenderOptions = {}, which?: { kit?: boolean; pupils?: boolean }): Promise<LessonProducts> {
  const loaded = loadForKit(file, lessonsDir, options);
  return loaded.ok ? renderLessonProducts(loaded.lesson, loaded.options, which) : { kit: loaded, pupils: loaded };
}

/** Load lesson files (one band, one language) and render their bundle or volume: the path of a worker and of the dev server. */
export async function renderBandBundleFiles(files: readonly string[], band: BandId, lessonsDir: string, render: FileRenderOptions = {}, volume?: number): Promise<KitResult> {
  const lessons: ValidLesson[] = [];
  let options: KitOptions | undefined;
  for (const file of files) {
    const loaded = loadForKit(file, lessonsDir, render);
    if (!loaded.ok) return loaded;
    lessons.push(loaded.lesson);
    options = loaded.options;
  }
  return options ? renderBandBundle(lessons, band, options, volume) : { ok: false, diagnostics: [] };
}

/** A failed render: findings located in the lesson file. */
function failed(lesson: ValidLesson, findings: Finding[]): KitResult {
  return { ok: false, diagnostics: inFile(displayPath(lesson.file), findings) };
}
