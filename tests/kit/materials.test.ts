/** The print guide against a lesson's materials list: `npm run check` warns where they disagree, at the materials line. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isValid, loadLesson, loadLibrary, publishedLessons, type ValidLesson } from '../../src/model/index.ts';
import { materialsFindings } from '../../src/kit/read/materials.ts';

const FILE = 'tests/fixtures/lessons/valid-lesson/index.mdx';
const SOURCE = readFileSync(FILE, 'utf8');

/** The fixture lesson with a materials list (and other changes), loaded and checked. */
function findings(materials: string[], change: (source: string) => string = (source) => source) {
  const source = change(SOURCE).replace('sensitivity:', `materials:\n${materials.map((item) => `  - "${item}"`).join('\n')}\nsensitivity:`);
  const lesson = loadLesson(FILE, source);
  if (!isValid(lesson)) throw new Error(JSON.stringify(lesson.diagnostics));
  return { list: materialsFindings(lesson as ValidLesson, source), source };
}

describe('materials against the print guide', () => {
  test('agreeing quantities give no warning', () => {
    expect(findings(['Роздатка «Мій пароль» — по одній на учня']).list).toEqual([]);
  });

  test('a different audience is a warning at the materials line, naming both and the component line', () => {
    const { list, source } = findings(['Роздатка «Мій пароль» — по одній на команду']);
    expect(list).toHaveLength(1);
    const line = source.split('\n').findIndex((text) => text.includes('по одній на команду')) + 1;
    expect(list[0]).toMatchObject({ severity: 'warning', line });
    expect(list[0]!.message).toContain('"по одній на команду"');
    expect(list[0]!.message).toContain('"по одній на учня" (audience="pupil")');
    expect(list[0]!.hint).toMatch(/<Handout> at line \d+/);
  });

  test('a number of copies is held against copies=', () => {
    const two = (source: string) => source.replace('<Handout title="Мій пароль" audience="pupil">', '<Handout title="Мій пароль" audience="leader" copies={2}>');
    expect(findings(['Роздатка «Мій пароль» — два примірники на стіл станції'], two).list).toEqual([]);
    expect(findings(['Роздатка «Мій пароль» — три примірники на стіл станції'], two).list).toHaveLength(1);
  });

  test('"по одному на команду" after a total ("шість примірників") is held as one per team', () => {
    const team = (source: string) => source.replace('audience="pupil">', 'audience="team">');
    expect(findings(['Роздатка «Мій пароль» — шість примірників на стіл (по одному на команду)'], team).list).toEqual([]);
  });

  test('a line that names no printed part, or no quantity, is not held to anything', () => {
    expect(findings(['Кольорові олівці — по одному на учня', 'Роздатка «Мій пароль»']).list).toEqual([]);
  });

  test('the real lessons and their print guides agree', () => {
    const library = loadLibrary('lessons');
    for (const lesson of publishedLessons(library)) expect(materialsFindings(lesson, readFileSync(lesson.file, 'utf8')), lesson.file).toEqual([]);
  });
});
