/** The lesson reader: mdast → kit blocks in kit order, numbering, pointers, and author errors with lines. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { helplinesFor, loadLesson, loadLibrary, isValid, type ValidLesson } from '../../src/model/index.ts';
import { readKit } from '../../src/kit/read/kit.ts';
import { renderKit } from '../../src/kit/index.ts';
import { runsText, type Block } from '../../src/kit/blocks.ts';
import { t } from '../../src/i18n/index.ts';
import { markdownToMdast } from 'satteri';
import type { Root } from 'mdast';

const FIXTURES = 'tests/fixtures/lessons';
const FILE = `${FIXTURES}/valid-lesson/index.mdx`;
const SOURCE = readFileSync(FILE, 'utf8');
const library = loadLibrary(FIXTURES);
const shared = { safeguarding: markdownToMdast('Протокол.') as Root, helplines: library.helplines, facts: library.facts, actionPlans: library.actionPlans };

/** A valid lesson from a variant of the fixture. */
function lesson(source = SOURCE): ValidLesson {
  const loaded = loadLesson(FILE, source);
  if (!isValid(loaded)) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded;
}

/** All text of blocks in order, one string per paragraph-like block. */
function texts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return [runsText(block.runs)];
      case 'list':
        return block.items.flatMap((item, i) => texts(item).map((text, j) => (j === 0 && block.ordered ? `${(block.start ?? 1) + i}. ${text}` : text)));
      case 'box':
        return [...(block.title ? [runsText(block.title)] : []), ...texts(block.children)];
      case 'cards':
        return block.cards.map((card) => runsText(card));
      case 'pageBreak':
        return block.outline ? [`[${block.outline}]`] : [];
      default:
        return [];
    }
  });
}

describe('readKit', () => {
  const { blocks, findings } = readKit(lesson(), t('uk'), shared, new Map());
  const all = texts(blocks);

  test('has no findings for a valid lesson', () => {
    expect(findings).toEqual([]);
  });

  test('puts the sections in kit order', () => {
    const sections = all.filter((text) => text.startsWith('['));
    expect(sections).toEqual(['[План уроку]', '[Роздатка 1: Мій пароль]', '[Ключ відповідей]', '[Безпека дитини і куди звернутися]', '[Куди звернутися по допомогу]']);
  });

  test('numbers questions through the lesson and keys answers with the same numbers', () => {
    expect(all).toContain('1. Що таке пароль?');
    expect(all).toContain('2. Кому можна сказати пароль?');
    const key = all.slice(all.indexOf('[Ключ відповідей]'));
    expect(key).toContain('1. Що таке пароль?');
    expect(key).toContain('Таємне слово, яке відкриває твою сторінку.');
    expect(key.some((text) => text.startsWith('2.'))).toBe(false); // no written answer, not in the key
  });

  test('the plan points to the moved handout, and the handout keeps its cards', () => {
    const plan = all.slice(all.indexOf('[План уроку]'), all.indexOf('[Роздатка 1: Мій пароль]'));
    expect(plan).toContain('Див.: Роздатка 1 «Мій пароль»');
    const handout = all.slice(all.indexOf('[Роздатка 1: Мій пароль]'), all.indexOf('[Ключ відповідей]'));
    expect(handout).toEqual(expect.arrayContaining(['Мій пароль', 'Намалюй замок.', 'Пароль можна казати другу.', 'Пароль знають батьки.']));
    expect(blocks.some((block) => block.kind === 'nameLine')).toBe(true);
  });

  test('page numbers from a previous pass appear in pointers and the print guide', () => {
    const pages = (outline: string) => (outline.startsWith('Роздатка 1') ? { from: 7, to: 8 } : { from: 2, to: 2 });
    const second = texts(readKit(lesson(), t('uk'), shared, new Map(), pages).blocks);
    expect(second).toContain('Див.: Роздатка 1 «Мій пароль», с. 7');
    expect(second).toContain('с. 7–8: Роздатка 1 «Мій пароль» — по одній на учня');
    // A part's blank back is left out of what to print, and listed with the other blank backs.
    const withBlank = (outline: string) => (outline.startsWith('Роздатка 1') ? { from: 7, to: 8, blank: [8] } : { from: 2, to: 2 });
    const third = texts(readKit(lesson(), t('uk'), shared, new Map(), withBlank).blocks);
    expect(third).toContain('с. 7: Роздатка 1 «Мій пароль» — по одній на учня');
    expect(third).toContain('с. 8: порожні звороти для двобічного друку; окремо їх не друкуйте');
  });

  test('a later pass made by repage() equals the lesson read afresh with the same page numbers', () => {
    const content = readKit(lesson(), t('uk'), shared, new Map(), () => ({ from: 88, to: 89 }));
    const first = content.blocks;
    for (const pages of [
      (outline: string) => (outline.startsWith('Роздатка 1') ? { from: 7, to: 8 } : { from: 2, to: 2 }),
      (outline: string) => (outline.startsWith('Роздатка 1') ? { from: 9, to: 12 } : { from: 3, to: 4 }),
    ]) {
      const again = content.repage(pages);
      expect(again).toEqual(readKit(lesson(), t('uk'), shared, new Map(), pages).blocks);
      expect(texts(again)).toContain('Див.: Роздатка 1 «Мій пароль», с. ' + pages('Роздатка 1').from);
    }
    // Blocks that print no page number are the first pass's own objects.
    const same = content.repage(() => undefined).filter((block, i) => block === first[i]);
    expect(same.length).toBeGreaterThan(first.length / 2);
  });

  test('handouts of the young bands get larger type, and start a new sheet', () => {
    const breaks = blocks.filter((block) => block.kind === 'pageBreak' && block.outline?.startsWith('Роздатка'));
    expect(breaks).toEqual([expect.objectContaining({ textScale: 1.25, recto: true })]);
  });

  test('the pupil pack holds what is copied for pupils: the handout (with its cards) and the helplines sheet, each on a new sheet', () => {
    const { pupils } = readKit(lesson(), t('uk'), shared, new Map());
    const parts = pupils.filter((block) => block.kind === 'pageBreak');
    expect(parts.map((block) => block.kind === 'pageBreak' && [block.outline, block.recto])).toEqual([
      ['Роздатка 1: Мій пароль', true],
      ['Куди звернутися по допомогу', true],
    ]);
    expect(texts(pupils)).not.toContain('Ключ відповідей');
  });

  test('the plan points to the pupils\u2019 helplines sheet where the lesson lists the helplines, and the sheet has only verified contacts for children', () => {
    expect(all.slice(all.indexOf('[План уроку]'), all.indexOf('[Роздатка 1: Мій пароль]'))).toContain('Див.: Куди звернутися по допомогу');
    const sheet = all.slice(all.indexOf('[Куди звернутися по допомогу]'));
    for (const line of library.helplines) {
      const forPupils = helplinesFor(library.helplines, 'pupils', lesson().data.bands).includes(line);
      expect(sheet.some((text) => text.includes(line.name.slice(0, 20))), line.id).toBe(forPupils);
    }
  });
});

describe('author errors in the kit carry the line', () => {
  test.each([
    ['a footnote', SOURCE.replace('Намалюй замок.', 'Намалюй замок.[^1]\n\n[^1]: Примітка.'), /cannot show a footnote/, 41],
    ['a code block', SOURCE.replace('Намалюй замок.', '```\nкод\n```'), /cannot show a code block/, 41],
  ])('%s', async (_name, source, message, line) => {
    const result = await renderKit(lesson(source), { lessonsDir: FIXTURES, helplines: library.helplines, facts: library.facts });
    expect(result.ok).toBe(false);
    const diagnostic = (result as { diagnostics: { line: number; message: string; file: string }[] }).diagnostics.find((d) => message.test(d.message));
    expect(diagnostic).toMatchObject({ line, file: FILE });
  });

  test('a picture that cannot be decoded is named with its line', async () => {
    const { mkdtempSync, writeFileSync, cpSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'broken-picture-'));
    cpSync(FIXTURES, dir, { recursive: true });
    // A PNG header the checker reads (4 × 4 pixels), then no image data: only decoding finds it broken.
    const header = Buffer.from('89504e470d0a1a0a0000000d49484452000000040000000408020000002692b3c1', 'hex');
    writeFileSync(join(dir, 'valid-lesson/broken.png'), Buffer.concat([header, Buffer.from('not image data')]));
    const file = join(dir, 'valid-lesson/index.mdx');
    const loaded = loadLesson(file, SOURCE.replace('Намалюй замок.', '![Замок](./broken.png)'));
    expect(isValid(loaded)).toBe(true);
    const result = await renderKit(loaded as ValidLesson, { lessonsDir: dir, helplines: library.helplines, facts: library.facts });
    rmSync(dir, { recursive: true, force: true });
    expect(result.ok).toBe(false);
    expect((result as { diagnostics: { line: number; message: string }[] }).diagnostics[0]).toMatchObject({ line: 41, message: 'picture "./broken.png" could not be read' });
  });

  test('a character the font lacks is named with its line', async () => {
    const result = await renderKit(lesson(SOURCE.replace('Намалюй замок.', 'Намалюй замок 🔒.')), { lessonsDir: FIXTURES, helplines: library.helplines, facts: library.facts });
    expect(result.ok).toBe(false);
    const [diagnostic] = (result as { diagnostics: { line: number; message: string; hint?: string }[] }).diagnostics;
    expect(diagnostic.line).toBe(41);
    expect(diagnostic.message).toMatch(/U\+1F512/);
    expect(diagnostic.hint).toMatch(/PT Sans/);
  });

  test('a character the font lacks and a card that cannot fit are both reported, each with its line', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `слово${i}`).join(' ');
    const source = SOURCE.replace('Намалюй замок.', 'Намалюй замок 🔒.').replace('<Card>Пароль знають батьки.</Card>', `<Card>${long}</Card>`);
    const result = await renderKit(lesson(source), { lessonsDir: FIXTURES, helplines: library.helplines, facts: library.facts });
    expect(result.ok).toBe(false);
    const messages = (result as { diagnostics: { line: number; message: string }[] }).diagnostics;
    expect(messages.find((d) => /U\+1F512/.test(d.message))?.line).toBe(41);
    expect(messages.some((d) => /card/i.test(d.message))).toBe(true);
  });

  test('card text that cannot fit its card is an error with the card line', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `слово${i}`).join(' ');
    const result = await renderKit(lesson(SOURCE.replace('<Card>Пароль знають батьки.</Card>', `<Card>${long}</Card>`)), { lessonsDir: FIXTURES, helplines: library.helplines, facts: library.facts });
    expect(result.ok).toBe(false);
    expect((result as { diagnostics: { message: string }[] }).diagnostics[0].message).toMatch(/card/i);
  });
});
