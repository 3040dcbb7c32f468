/**
 * Kits a teacher can trust at the copier: every kit of a library rendered (or taken from a build), written to disk and
 * read back with poppler. Each test is one defect a print editor found (issue 12), checked on every page of every kit
 * from the PDF itself. `npm test` runs it over the fixture library (tests/kit/copier.test.ts); `npm run test:real` over
 * the real library's published kits (tests/real/copier.test.ts), with the checks that name real lessons.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { markdownToMdast } from 'satteri';
import type { Nodes, Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { helplinesFor, isJsx, loadLibrary, publishedLessons, textAttribute, type JsxElement, type Library, type ValidLesson } from '../../src/model/index.ts';
import { loadActionPlans } from '../../src/model/action-plan.ts';
import { renderLessonProducts, type KitOptions } from '../../src/kit/index.ts';
import { readKit } from '../../src/kit/read/kit.ts';
import { typesetText } from '../../src/kit/read/typography.ts';
import { runsText, type Block } from '../../src/kit/blocks.ts';
import { t } from '../../src/i18n/index.ts';
import { allBookmarks, bookmarks, fullness, letters, pageTexts, pageWords, placedPictures, typeSizes, writingLines, type Bookmark, type Word } from './pdf-read.ts';

/** A library's kits and pupil packs, read back: the tests' input. */
export interface Copier {
  dir: string;
  library: Library;
  lessons: ValidLesson[];
  kits: Map<string, ReadBack>;
  packs: Map<string, ReadBack>;
}

/** A rendered kit read back: its file, each page's text and words, its bookmarks. */
export interface ReadBack {
  file: string;
  texts: string[];
  words: Word[][];
  pages: number;
}

/** A library's published lessons, their kits and packs not read yet (`renderInto`, or read from a build). */
export function copierOf(dir: string): Copier {
  const library = loadLibrary(dir);
  return { dir, library, lessons: publishedLessons(library), kits: new Map(), packs: new Map() };
}

/** A PDF read back, page by page. */
export function readBack(file: string): ReadBack {
  const texts = pageTexts(file);
  return { file, texts, words: pageWords(file), pages: texts.length };
}

/** Render every lesson's kit and pack into `out` and read them back into `copier`. */
export async function renderInto(copier: Copier, out: string): Promise<void> {
  const options: KitOptions = { helplines: copier.library.helplines, facts: copier.library.facts };
  for (const lesson of copier.lessons) {
    const { kit, pupils } = await renderLessonProducts(lesson, options);
    if (!kit.ok || !pupils.ok) throw new Error(`${lesson.file}: ${JSON.stringify(kit.ok ? pupils : kit)}`);
    for (const [map, pdf, name] of [[copier.kits, kit.pdf, 'kit'], [copier.packs, pupils.pdf, 'pupils']] as const) {
      const file = join(out, `${lesson.slug}.${lesson.lang}.${name}.pdf`);
      writeFileSync(file, pdf);
      map.set(lesson.file, readBack(file));
    }
  }
}

/** pt: A4 content box (the kit's margins). */
export const CONTENT_TOP = 62;
export const CONTENT_HEIGHT = 841.89 - 124;
export const CONTENT_WIDTH = 595.28 - 2 * 56.7;
export const MM = 72 / 25.4;

/** The lines of a page between its running header and its footer, without empty ones. */
export function bodyLines(text: string): string[] {
  const lines = text.split('\n').filter((line) => line.trim());
  return lines.slice(1, -1);
}

/** Whether a page is a blank back: its only text says it is blank on purpose. */
function isBlank(text: string): boolean {
  return /навмисно залишена порожньою|intentionally left blank/.test(text) && bodyLines(text).length === 1;
}

/** The pages (from 1) where the kit's parts start: its top-level bookmarks. */
function partStarts(kit: ReadBack): Set<number> {
  let starts = partStartsRead.get(kit);
  if (!starts) partStartsRead.set(kit, (starts = new Set(bookmarks(kit.file).filter((entry) => entry.depth === 0).map((entry) => entry.page))));
  return starts;
}
const partStartsRead = new WeakMap<ReadBack, Set<number>>();

/** Whether the part on page index `p` goes on overleaf: the next page that is not a blank back does not start a part. */
function continuesOverleaf(kit: ReadBack, p: number): boolean {
  let next = p + 1;
  while (next < kit.pages && isBlank(kit.texts[next]!)) next++;
  return next < kit.pages && !partStarts(kit).has(next + 1);
}

/** The kit's blocks as the reader makes them (for the texts of headings and kept lines), pictures aside. */
function kitBlocks(copier: Copier, lesson: ValidLesson): Block[] {
  const data = join(copier.dir, '_data');
  const protocol = markdownToMdast(readFileSync(join(data, `safeguarding.${lesson.lang === 'en' ? 'en' : 'uk'}.md`), 'utf8')) as Root;
  const actionPlans = loadActionPlans(join(data, 'action-plan.yaml')).plans;
  const { helplines, facts } = copier.library;
  return readKit(lesson, t(lesson.lang), { safeguarding: protocol, helplines, facts, actionPlans }, new Map()).blocks;
}

/** Every block that must keep the next lines on its page (headings, kept paragraphs: timing lines, labels, questions before answers), in order. */
function keptBlocks(blocks: readonly Block[]): { text: string; lines: number }[] {
  const out: { text: string; lines: number }[] = [];
  const visit = (list: readonly Block[]) => {
    list.forEach((block, i) => {
      // The last block of its part (a page break follows) has nothing to keep with.
      const next = list[i + 1];
      const last = next === undefined || next.kind === 'pageBreak' || next.kind === 'section';
      // Before a form's writing lines (no text), the lines to keep are those ruled lines: none is text.
      const lines = next?.kind === 'field' ? 0 : 2;
      if (block.kind === 'heading' && !last) out.push({ text: runsText(block.runs), lines });
      else if (block.kind === 'paragraph' && block.keepWithNext && !last) out.push({ text: runsText(block.runs), lines });
      if (block.kind === 'list') block.items.forEach(visit);
      if (block.kind === 'box') visit(block.children);
    });
  };
  visit(blocks);
  return out;
}

/** Where each body line of a kit stands: its page and index, and where its letters start in the kit's joined letters. */
function lineIndex(texts: readonly string[]): { joined: string; lines: { page: number; line: number; start: number; end: number }[] } {
  let joined = '';
  const lines: { page: number; line: number; start: number; end: number }[] = [];
  texts.forEach((text, page) => {
    bodyLines(text).forEach((line, index) => {
      const start = joined.length;
      joined += letters(line);
      lines.push({ page, line: index, start, end: joined.length });
    });
  });
  return { joined, lines };
}


/** The checks every kit of a library must pass, read back from its PDFs (`copier` is filled before the tests run). */
export function copierChecks(copier: Copier): void {
  const cases = copier.lessons.map((lesson) => [`${lesson.slug} (${lesson.lang})`, lesson] as const);

  describe.each(cases)('kit of %s', (_name, lesson: ValidLesson) => {
  const kit = () => copier.kits.get(lesson.file)!;
  const s = t(lesson.lang);

  test('every printed page reference names the page where its target starts, its heading at the top', () => {
    const see = lesson.lang === 'en' ? /See:\s*(.+?),\s*p\.\s*(\d+)/g : /Див\.:\s*(.+?),\s*с\.\s*(\d+)/g;
    const wrong: string[] = [];
    let count = 0;
    kit().texts.forEach((text, p) => {
      // Lines joined, a hyphen that split a word at a line end closed up.
      const body = bodyLines(text).map((line) => line.trim()).join(' ').replace(/(\p{L})- (\p{L})/gu, '$1$2');
      for (const [, label, page] of body.matchAll(see)) {
        count++;
        // The target's own title: a handout's, a card set's or a station's title, or the label itself.
        const target = letters(label!).replace(/^(роздатка|handout|станція|station)\d+|^(картки|cards)/, '');
        const top = letters(bodyLines(kit().texts[Number(page) - 1] ?? '').slice(0, 3).join(' '));
        if (!top.includes(target)) wrong.push(`p. ${p + 1}: "${label}" → p. ${page} starts "${top.slice(0, 60)}"`);
      }
    });
    expect(wrong, JSON.stringify(wrong)).toEqual([]);
    // Every pointer the plan has was found (the test reads them all).
    expect(count).toBeGreaterThan(0);
  });

  test('the print guide lists every page, and each part it names starts on the first page it gives', () => {
    const cover = kit().texts.slice(0, 4).map((text) => bodyLines(text).join(' ')).join(' ');
    const guide = cover.slice(cover.indexOf(s.kit.printGuideLead(lesson.data.format)), cover.indexOf(s.kit.duplexNote.slice(0, 20)));
    const entries = guide
      .split('•')
      .map((item) => /^\s*(?:с\.|pp?\.)\s*([\d–, ]+):\s*(.+?)\s*$/.exec(item))
      .filter((m): m is RegExpExecArray => m !== null);
    const listed = new Set<number>();
    const wrongStart: string[] = [];
    expect(entries.length).toBeGreaterThan(3);
    for (const [, pages, label] of entries) {
      const numbers = pages!.split(',').flatMap((span) => {
        const [from, to = from] = span.trim().split('–').map(Number);
        return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
      });
      numbers.forEach((page) => listed.add(page));
      const blank = /порожні звороти|blank backs/.test(label!);
      if (blank) expect(numbers.every((page) => isBlank(kit().texts[page - 1]!)), `blank backs ${pages}`).toBe(true);
      else {
        // The part's name: the label without the copies after its last dash.
        const name = letters(label!.slice(0, label!.lastIndexOf(' — '))).replace(/^(роздатка|handout|станція|station)\d+|^(картки|cards)/, '').slice(0, 30);
        // The cover is the first part; others open with their title (a glossary may start lower on the page it shares).
        if (numbers[0]! > 1 && !letters(kit().texts[numbers[0]! - 1]!).includes(name)) wrongStart.push(`${pages}: ${label}`);
      }
    }
    expect(wrongStart, JSON.stringify(wrongStart)).toEqual([]);
    expect([...listed].sort((a, b) => a - b), guide).toEqual(Array.from({ length: kit().pages }, (_, i) => i + 1));
  });

  test('no heading, label or question ends a page: each keeps at least two lines of what follows on its page', () => {
    const { joined, lines } = lineIndex(kit().texts);
    const stranded: string[] = [];
    const missing: string[] = [];
    let cursor = 0;
    for (const { text, lines: needed } of keptBlocks(kitBlocks(copier, lesson))) {
      const needle = letters(text);
      if (!needle) continue;
      // The block starts a line of its own (not the same words inside a paragraph before it).
      let at = joined.indexOf(needle, cursor);
      // (after a list marker's number at most: "1. Що таке пароль?").
      while (at >= 0 && !lines.some((line) => line.start <= at && /^\d*$/.test(joined.slice(line.start, at)) && at < line.end)) at = joined.indexOf(needle, at + 1);
      if (at < 0) {
        missing.push(text);
        continue;
      }
      cursor = at + needle.length;
      const last = lines.find((line) => line.end >= cursor)!;
      const after = lines.filter((line) => line.page === last.page && line.line > last.line && !isBlank(kit().texts[line.page]!));
      // Fewer lines are all there is when the part ends on this page (a one-line question closing a handout).
      if (after.length < needed && continuesOverleaf(kit(), last.page)) stranded.push(`p. ${last.page + 1}: "${text.slice(0, 60)}" has ${after.length} line(s) after it`);
    }
    expect(missing, JSON.stringify(missing)).toEqual([]);
    expect(stranded, JSON.stringify(stranded)).toEqual([]);
  });

  test('no page is less than a quarter full, unless it is a blank back marked as such', () => {
    // A short part on a page of its own (an answer key, a station's sheet) is whole; a part's tail left overleaf is not.
    const starts = partStarts(kit());
    const empty = kit().words.flatMap((words, p) => {
      const text = kit().texts[p]!;
      const wholePart = starts.has(p + 1) && !continuesOverleaf(kit(), p);
      return isBlank(text) || wholePart || fullness(words) >= 0.25 ? [] : [`p. ${p + 1}: ${Math.round(fullness(words) * 100)}% full`];
    });
    expect(empty, JSON.stringify(empty)).toEqual([]);
  });

  test('every handout, card sheet, station sheet, the memo and the helplines sheet start a new sheet (an odd page); cards have blank backs', () => {
    const parts = bookmarks(kit().file).filter((entry) => entry.depth === 0);
    const sheets = parts.filter((entry) => new RegExp(`^(${s.handout}|${s.cards}|${s.station}) `).test(entry.title) || entry.title === s.kit.pupilHelplines || memoTitles(lesson).includes(entry.title));
    expect(sheets.length).toBeGreaterThan(1);
    expect(sheets.filter((entry) => entry.page % 2 === 0).map((entry) => `${entry.title}: p. ${entry.page}`)).toEqual([]);
    // Every page of cards is odd, and the page after it (if any) is blank.
    const cards = parts.filter((entry) => entry.title.startsWith(`${s.cards}: `));
    for (const part of cards) {
      const next = parts[parts.indexOf(part) + 1]?.page ?? kit().pages + 1;
      for (let page = part.page; page < next; page++) {
        if (page % 2 === 0) expect(isBlank(kit().texts[page - 1]!), `p. ${page}`).toBe(true);
      }
    }
    // A blank page is never the last, and always says it is blank on purpose.
    expect(isBlank(kit().texts.at(-1)!)).toBe(false);
  });

  test('the pupils\u2019 helplines sheet: a sheet of its own, only verified contacts for children, each entry whole, phone numbers set large', () => {
    const start = allBookmarks(bookmarks(kit().file)).find((entry) => entry.title === s.kit.pupilHelplines)!;
    expect(start.page % 2).toBe(1);
    expect(letters(bodyLines(kit().texts[start.page - 1]!)[0]!)).toBe(letters(s.kit.pupilHelplines));
    const sheet = kit().texts.slice(start.page - 1);
    const joined = letters(sheet.join(' '));
    const en = lesson.lang === 'en';
    for (const line of copier.library.helplines) {
      const name = letters(typesetText(en ? line.name_en : line.name, lesson.lang));
      const pupils = helplinesFor(copier.library.helplines, 'pupils', lesson.data.bands).includes(line);
      expect(joined.includes(name), line.id).toBe(pupils);
      if (!pupils) continue;
      // Whole: its name and the end of what it is for on one page.
      const purpose = letters(typesetText(en ? line.purpose_en : line.purpose, lesson.lang)).slice(-30);
      expect(sheet.some((page) => letters(page).includes(name) && letters(page).includes(purpose)), line.id).toBe(true);
    }
    const words = kit().words.slice(start.page - 1).flat();
    const body = median(words.map((word) => word.yMax - word.yMin));
    for (const number of ['116', '102']) {
      const found = words.find((word) => word.text === number);
      expect(found, number).toBeDefined();
      expect(found!.yMax - found!.yMin, number).toBeGreaterThan(2 * body);
    }
    // The print guide points to it.
    expect(letters(kit().texts.slice(0, 4).join(' '))).toContain(letters(`${pageRangeOf(start.page, kit(), s)}: ${s.kit.pupilHelplines}`));
  });

  test('each card sheet sets its cards in one type size', () => {
    const mixed: string[] = [];
    const parts = bookmarks(kit().file).filter((entry) => entry.depth === 0);
    typeSizes(kit().file).forEach((sizes, p) => {
      if (!isCardPage(kit(), parts, p, s)) return;
      // Besides the header and footer (8.5 pt or smaller) and the set's title (15 pt): one size for every card.
      const cards = [...sizes].filter((size) => size > 8.5 && size !== 15);
      if (cards.length !== 1) mixed.push(`p. ${p + 1}: ${[...sizes].join(', ')}`);
    });
    expect(mixed, JSON.stringify(mixed)).toEqual([]);
  });

  test('headings are never hyphenated, and words hyphenated at a line end keep the Ukrainian rules', () => {
    const text = kit().texts.join('\n');
    const squeezed = text.replace(/\s+/g, '');
    const headings = kitBlocks(copier, lesson).flatMap(function all(block): string[] {
      if (block.kind === 'heading') return [runsText(block.runs)];
      if (block.kind === 'box') return block.children.flatMap(all);
      return block.kind === 'list' ? block.items.flat().flatMap(all) : [];
    });
    const hyphenated = headings.filter((heading) => !squeezed.includes(heading.replace(/\s+/g, '')));
    expect(hyphenated, JSON.stringify(hyphenated)).toEqual([]);
    const vocabulary = lessonWords(lesson);
    const broken: string[] = [];
    for (const [, token, tail] of text.matchAll(/([\p{L}’'-]+)-\n\s*(?:\S.*?\s{2,})?([\p{L}’']+)/gu)) {
      // The part before the line end, and whether it stands in a compound written with a hyphen (онлайн-кра-).
      const head = token!.slice(token!.lastIndexOf('-') + 1);
      const inCompound = /\p{L}-\p{L}/u.test(token!);
      const word = `${head}${tail}`.toLowerCase();
      // Only a hyphen the kit added: the word without it is the lesson's, with it is not.
      if (!vocabulary.words.has(word) || vocabulary.words.has(`${head}-${tail}`.toLowerCase())) continue;
      const h = head!.toLowerCase();
      const tl = tail!.toLowerCase();
      const consonant = (ch: string | undefined) => ch !== undefined && /[бвгґджзклмнпрстфхцчшщ]/.test(ch);
      if (/^[ь’']/.test(tl) || /[’']$/.test(h)) broken.push(`${head}-${tail}: a soft sign or an apostrophe torn off`);
      if ((consonant(h.at(-1)) && h.at(-1) === h.at(-2)) || (consonant(tl[0]) && tl[0] === tl[1])) broken.push(`${head}-${tail}: a doubled consonant not split between its letters`);
      if (tl.startsWith('ться')) broken.push(`${head}-${tail}: -ться split off`);
      if (/[аеєиіїоуюя]$/.test(h) && /^й[^аеєиіїоуюя]/.test(tl)) broken.push(`${head}-${tail}: й torn from its vowel`);
      if (inCompound) broken.push(`${token}-${tail}: a compound broken inside a part`);
    }
    expect(broken, JSON.stringify(broken)).toEqual([]);
  });

  test('one apostrophe (’) and nested quotation marks „…“ inside «…»', () => {
    const text = kit().texts.join('\n').replace(/https?:\/\/\S+/g, '');
    const straight = [...text.matchAll(/.{0,20}\p{L}['ʼ]\p{L}.{0,10}/gu)].map((m) => m[0]);
    expect(straight, JSON.stringify(straight)).toEqual([]);
    if (lesson.lang !== 'uk') return;
    const straightQuotes = [...text.matchAll(/.{0,30}".{0,10}/g)].map((m) => m[0]);
    expect(straightQuotes, JSON.stringify(straightQuotes)).toEqual([]);
    // Quotes nest: «…» outside, „…“ inside, never «…«…»…».
    const nested: string[] = [];
    // In drawing order (cards side by side stay apart), without the running header (the title may have quotes, and is
    // drawn after a page's text: a quote that goes on overleaf is still open then).
    const title = typesetText(lesson.data.title, lesson.lang);
    for (const page of pageTexts(kit().file, true).map((text) => text.replaceAll(title, ''))) {
      let depth = 0;
      for (const ch of page) {
        if (ch === '«') depth++;
        if (ch === '»') depth = Math.max(0, depth - 1);
        if (ch === '«' && depth > 1) nested.push(page.slice(page.indexOf(ch) - 20, page.indexOf(ch) + 20));
      }
    }
    expect(nested, JSON.stringify(nested)).toEqual([]);
  });

  test('bookmarks: no part has a child that only repeats its title', () => {
    const repeated = allBookmarks(bookmarks(kit().file)).flatMap((entry) =>
      entry.kids.filter((kid) => letters(entry.title).includes(letters(kid.title))).map((kid) => `${entry.title} > ${kid.title}`),
    );
    expect(repeated, JSON.stringify(repeated)).toEqual([]);
  });

  test('station sheets number their questions from 1, and the key says which station a question is from', () => {
    const stations = allBookmarks(bookmarks(kit().file)).filter((entry) => entry.depth === 0 && entry.title.startsWith(`${s.station} `));
    if (!stations.length) return;
    const key = letters(kit().texts.join(' '));
    for (const station of stations) {
      const n = Number(/\d+/.exec(station.title)![0]);
      const sheet = letters(kit().texts.slice(station.page - 1, station.page + 1).join(' '));
      if (!sheet.includes(letters(s.kit.questionsOn))) continue;
      expect(sheet, station.title).toContain(letters(`${s.kit.questionsOn} 1.`));
      expect(key, station.title).toContain(letters(s.kit.stationQuestion(n, 1)));
    }
  });

  test('the pupil pack holds only what is copied for pupils, each part on a new sheet', () => {
    const pack = copier.packs.get(lesson.file)!;
    const all = letters(pack.texts.join(' '));
    expect(all).not.toContain(letters(s.kit.answerKey));
    expect(all).not.toContain(letters(s.teacherNote));
    expect(all).not.toContain(letters(s.kit.safeguardingSection));
    const parts = bookmarks(pack.file);
    expect(parts.map((entry) => entry.title).at(-1)).toBe(s.kit.pupilHelplines);
    expect(parts.filter((entry) => entry.page % 2 === 0).map((entry) => entry.title)).toEqual([]);
    for (const entry of parts) expect(letters(kit().texts.join(' ')), entry.title).toContain(letters(bodyLines(pack.texts[entry.page - 1]!).slice(0, 2).join(' ')).slice(0, 40));
  });
});

describe.each(cases)('forms in %s', (_name, lesson: ValidLesson) => {
  test('every form field on a pupil\u2019s sheet has at least two writing lines', () => {
    const fields = writingLines(copier.kits.get(lesson.file)!.file);
    if (/^_{3,}\s*$/m.test(readFileSync(lesson.file, 'utf8'))) expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field.lines, `page ${field.page}`).toBeGreaterThanOrEqual(2);
  });
});

describe.each(cases)('pictures to show in %s', (_name, lesson: ValidLesson) => {
  test('every picture the plan shows the class is in the kit at a size that can be shown', () => {
    const shown = pagePictures(lesson);
    if (!shown.length) return;
    const placed = placedPictures(copier.kits.get(lesson.file)!.file);
    for (const file of shown) {
      const [, , w, h] = /viewBox="([\d.\s-]+)"/.exec(readFileSync(file, 'utf8'))![1]!.trim().split(/\s+/).map(Number);
      const large = placed.filter((p) => p.bbox[2] === w && p.bbox[3] === h && (p.width >= 0.8 * CONTENT_WIDTH || p.height >= 0.6 * CONTENT_HEIGHT));
      expect(large.length, file).toBeGreaterThan(0);
    }
  });
});

}

/** Titles of a lesson's parent memos, as the kit prints them. */
export function memoTitles(lesson: ValidLesson): string[] {
  const titles: string[] = [];
  const visit = (node: Nodes) => {
    if (isJsx(node) && node.name === 'ParentMemo') titles.push(typesetText(textAttribute(node as JsxElement, 'title') ?? t(lesson.lang).parentMemo, lesson.lang));
    if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(lesson.tree as Nodes);
  return titles;
}

/** The picture files a lesson's plan shows the class (`<Picture size="page">` outside handouts). */
function pagePictures(lesson: ValidLesson): string[] {
  const files: string[] = [];
  const visit = (node: Nodes, inHandout: boolean) => {
    if (isJsx(node) && node.name === 'Picture' && textAttribute(node as JsxElement, 'size') === 'page' && !inHandout) {
      const image = JSON.stringify(node).match(/"url":"([^"]+)"/)?.[1];
      if (image) files.push(join(dirname(lesson.file), image));
    }
    const inside = inHandout || (isJsx(node) && node.name === 'Handout');
    if ('children' in node) (node.children as Nodes[]).forEach((child) => visit(child, inside));
  };
  visit(lesson.tree as Nodes, false);
  return files;
}

/** Every word of a lesson's file (lower case, apostrophe as the kit prints it), and each part of its compounds. */
function lessonWords(lesson: ValidLesson): { words: Set<string> } {
  const source = readFileSync(lesson.file, 'utf8').toLowerCase().replace(/[ʼ']/g, '’');
  const words = new Set(source.match(/[\p{L}’]+(?:-[\p{L}’]+)*/gu) ?? []);
  for (const word of [...words]) for (const part of word.split('-')) words.add(part);
  return { words };
}

/** Whether a page of a kit is a page of cards: not blank, in a card set's part (by the kit's top-level bookmarks). */
function isCardPage(kit: ReadBack, parts: readonly Bookmark[], p: number, s: ReturnType<typeof t>): boolean {
  const part = [...parts].reverse().find((entry) => entry.page <= p + 1);
  return part !== undefined && part.title.startsWith(`${s.cards}: `) && !isBlank(kit.texts[p]!);
}

/** The guide's way of naming a part's pages, for a one-page or two-page sheet starting at `page`. */
function pageRangeOf(page: number, kit: ReadBack, s: ReturnType<typeof t>): string {
  const end = page < kit.pages && !isBlank(kit.texts[page]!) ? page + 1 : page;
  return s.kit.pageList(end > page ? `${page}–${end}` : String(page), end > page);
}

/** The median of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
