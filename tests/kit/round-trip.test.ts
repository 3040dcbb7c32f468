/**
 * Round trip on the fixture library (every format, pictures, tables, every kind of handout, a translation): render
 * every kit, parse the PDF back with poppler and qpdf. The real library's kits are typeset by `npm run check` and one
 * is read back by `npm run test:real`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bandById, isJsx, type ValidLesson } from '../../src/model/index.ts';
import { renderKit, type KitOptions } from '../../src/kit/index.ts';
import { pictureUrls } from '../../src/kit/read/markdown.ts';
import { facesBeyondExpected } from '../../src/kit/paint/font-programs.ts';
import { t } from '../../src/i18n/index.ts';
import { typesetText } from '../../src/kit/read/typography.ts';
import { FIXTURE_LIBRARY, library, published } from '../fixtures/library.ts';

const lessons = published;
const options: KitOptions = { lessonsDir: FIXTURE_LIBRARY, helplines: library.helplines, facts: library.facts, actionPlans: library.actionPlans };
const dir = mkdtempSync(join(tmpdir(), 'kits-'));
const files = new Map<string, { file: string; pages: number; pdf: Uint8Array }>();
/** Faces subset beyond what was expected before these kits were rendered (other files may render in this process). */
let facesBefore = 0;

beforeAll(async () => {
  facesBefore = facesBeyondExpected();
  for (const lesson of lessons) {
    const result = await renderKit(lesson, options);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
    const file = join(dir, `${lesson.slug}.${lesson.lang}.pdf`);
    writeFileSync(file, result.pdf);
    files.set(lesson.file, { file, pages: result.pages, pdf: result.pdf });
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
/**
 * Text compared without whitespace, hyphens and dashes (line breaks and hyphenation may fall anywhere), with one
 * apostrophe and one quotation mark (the kit sets its own typographic marks).
 */
const normalize = (text: string) => text.toLowerCase().replace(/[\s\u00ad\-‐‑–—]/g, '').replace(/['ʼ’]/g, "'").replace(/[«»„“"”]/g, '"');
const cases = lessons.map((lesson) => [`${lesson.slug} (${lesson.lang})`, lesson] as const);

/** Where a paragraph of the lesson is printed: the plan in source order, moved parts in source order within their section. */
type Section = 'plan' | 'handouts' | 'cards' | 'stations' | 'memo' | 'safeguarding' | 'answers';

/** Every paragraph of a lesson as text chunks (split at links, whose address the kit prints after them), with its section. */
function paragraphs(tree: Root): { section: Section; chunks: string[] }[] {
  const found: { section: Section; chunks: string[] }[] = [];
  const sectionOf = (name: string | null | undefined, current: Section): Section =>
    ({ Handout: 'handouts', Station: 'stations', ParentMemo: 'memo', Safeguarding: 'safeguarding', Answer: 'answers' } as Record<string, Section>)[name ?? ''] ??
    (name === 'Cards' && current !== 'handouts' ? 'cards' : current);
  const visit = (node: Nodes, section: Section) => {
    // A card of paragraphs or a list is read paragraph by paragraph (the kit sets each item after its marker).
    const wholeCard = node.type === 'mdxJsxFlowElement' && node.name === 'Card' && !node.children.some((child) => child.type === 'paragraph' || child.type === 'list');
    if (node.type === 'paragraph' || wholeCard) {
      const chunks: string[] = [];
      let chunk = '';
      const text = (inner: Nodes) => {
        if (inner.type === 'link' || inner.type === 'image') {
          chunks.push(chunk);
          chunk = '';
          if (inner.type === 'link') inner.children.forEach(text);
          chunks.push(chunk);
          chunk = '';
        } else if ('value' in inner && inner.type !== 'yaml') chunk += inner.value;
        else if ('children' in inner) (inner.children as Nodes[]).forEach(text);
      };
      (node.children as Nodes[]).forEach(text);
      chunks.push(chunk);
      // A blank to write in (underscores) is printed as writing lines, not as text.
      found.push({ section: node.type === 'paragraph' ? section : 'cards', chunks: chunks.map((chunk) => normalize(chunk.replace(/_{3,}\s*$/, ''))).filter((c) => c.length > 0) });
      return;
    }
    const next = isJsx(node) ? sectionOf(node.name, section) : section;
    if (node.type === 'table') return; // cells wrap side by side, so a cell's lines interleave in extracted text
    if ('children' in node) (node.children as Nodes[]).forEach((child) => visit(child, next));
  };
  visit(tree, 'plan');
  return found.filter((p) => p.chunks.length);
}

/** The text of the pages without what the kit repeats on every page (running header, footer) or container ("(продовження)"). */
function bodyText(text: string, lesson: ValidLesson): string {
  const header = [typesetText(lesson.data.title, lesson.lang), lesson.data.bands.map((band) => bandById(band)[lesson.lang]).join(', ')];
  const furniture = (line: string) =>
    header.includes(line.trim()) || /^(Ліцензія тексту|Text licence): /.test(line.trim()) || /^(Сторінка \d+ з \d+|Page \d+ of \d+)$/.test(line.trim());
  return text
    .split('\n')
    .filter((line) => !furniture(line) && !/\((продовження|continued)\)/.test(line))
    .join('\n');
}

describe.each(cases)('kit of %s', (_name, lesson: ValidLesson) => {
  const kit = () => files.get(lesson.file)!;

  test('qpdf finds no damage', () => {
    expect(run('qpdf', '--check', kit().file)).toMatch(/No syntax or stream encoding errors found/);
  });

  test('A4 pages, as many as the renderer says', () => {
    const info = run('pdfinfo', kit().file);
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(info).toContain(`Pages:           ${kit().pages}`);
  });

  test('only embedded subset fonts', () => {
    const rows = run('pdffonts', kit().file).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+PTSans-/);
      expect(row).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/); // emb sub uni
    }
  });

  test('every paragraph of the lesson is in the text, the plan in source order and each moved part in order', () => {
    const read = normalize(bodyText(run('pdftotext', '-enc', 'UTF-8', kit().file, '-'), lesson));
    // Cut-out cards stand side by side with lines at the same heights, which pdftotext's reading order interleaves:
    // cards are read in the order they are drawn (-raw), card by card.
    const drawn = normalize(bodyText(run('pdftotext', '-raw', '-enc', 'UTF-8', kit().file, '-'), lesson));
    const cursors = new Map<Section, number>();
    const missing: string[] = [];
    const outOfOrder: string[] = [];
    for (const { section, chunks } of paragraphs(lesson.tree)) {
      const text = section === 'cards' ? drawn : read;
      for (const chunk of chunks) {
        if (!text.includes(chunk)) {
          missing.push(chunk);
          continue;
        }
        if (section === 'answers') continue; // printed twice: on the station sheet and in the key
        const at = text.indexOf(chunk, cursors.get(section) ?? 0);
        if (at < 0) outOfOrder.push(`${section}: ${chunk.slice(0, 60)}`);
        else cursors.set(section, at);
      }
    }
    expect(missing, JSON.stringify(missing)).toEqual([]);
    expect(outOfOrder, JSON.stringify(outOfOrder)).toEqual([]);
  });

  test('bookmarks, metadata and language', () => {
    const outline = JSON.parse(run('qpdf', '--json', '--json-key=outlines', kit().file)).outlines as { title: string; kids: { title: string }[] }[];
    const titles = outline.map((entry) => entry.title);
    expect(outline.filter((entry) => entry.kids.some((kid) => kid.title === entry.title)).map((entry) => entry.title)).toEqual([]);
    expect(titles[0]).toBe(typesetText(lesson.data.title, lesson.lang));
    // The plan is named for the format: «План заняття» for a 4–6 session, «Quest plan» for an English quest.
    const planTitle = { uk: { lesson: 'План уроку', quest: 'План квесту', session: 'План заняття' }, en: { lesson: 'Lesson plan', quest: 'Quest plan', session: 'Session plan' } }[lesson.lang][lesson.data.format];
    expect(titles).toContain(planTitle);
    // The glossary is a part of its own, not a heading inside the safeguarding part; the pupils' helplines sheet is last.
    if (lesson.data.glossary.length) expect(titles).toContain(t(lesson.lang).glossary);
    expect(titles.at(-1)).toBe(t(lesson.lang).kit.pupilHelplines);
    const objects = JSON.parse(run('qpdf', '--json', '--json-key=qpdf', kit().file)).qpdf[1] as Record<string, { value: Record<string, string> }>;
    const trailer = objects.trailer.value;
    const catalog = objects[`obj:${trailer['/Root']}`].value;
    const info = objects[`obj:${trailer['/Info']}`].value;
    expect(catalog['/Lang']).toBe(`u:${lesson.lang}`);
    expect(info['/Title']).toBe(`u:${typesetText(lesson.data.title, lesson.lang)}`);
    expect(info['/CreationDate']).toBe(`u:D:${lesson.data.updated.replaceAll('-', '')}000000Z`);
  });

  test('each picture file is embedded once, however often the lesson places it', () => {
    const objects = JSON.parse(run('qpdf', '--json', '--json-key=qpdf', kit().file)).qpdf[1] as Record<string, { value?: Record<string, unknown> }>;
    const page = Object.values(objects).find((object) => object.value?.['/Type'] === '/Page')!.value!;
    const resources = objects[`obj:${page['/Resources']}`]!.value! as { '/XObject'?: Record<string, string> };
    expect(Object.keys(resources['/XObject'] ?? {}).length).toBe(new Set(pictureUrls(lesson.tree as Nodes)).size);
  });
});

describe('rendering', () => {
  const lesson = lessons[0];

  test('no kit draws a character its fonts were not subset to ahead (each face is subset while its pages are laid out)', () => {
    expect(files.size).toBe(lessons.length);
    expect(facesBeyondExpected()).toBe(facesBefore);
  });

  test('the same lesson twice gives the same bytes', async () => {
    const again = await renderKit(lesson, options);
    expect(again.ok).toBe(true);
    const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(hash((again as { pdf: Uint8Array }).pdf)).toBe(hash(files.get(lesson.file)!.pdf));
  });

  test('US Letter on request', async () => {
    const letter = await renderKit(lesson, { ...options, paper: 'letter' });
    expect(letter.ok).toBe(true);
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, (letter as { pdf: Uint8Array }).pdf);
    expect(run('pdfinfo', file)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });
});
