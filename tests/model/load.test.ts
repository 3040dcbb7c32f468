import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadLesson, readStages, timeline } from '../../src/model/index.ts';

const FILE = 'tests/fixtures/lessons/valid-lesson/index.mdx';
const VALID = readFileSync(FILE, 'utf8');

/** The valid fixture with one text replaced (the replacement must apply). */
function variant(from: string | RegExp, to: string): string {
  const next = VALID.replace(from, to);
  if (next === VALID) throw new Error(`variant: ${from} not found in the fixture`);
  return next;
}

/** Load a variant and return its diagnostics as "line:column message" strings. */
function problems(source: string): { at: string; message: string; hint?: string; severity: string }[] {
  return loadLesson(FILE, source).diagnostics.map((d) => ({ at: `${d.line}:${d.column}`, message: d.message, hint: d.hint, severity: d.severity }));
}

describe('loadLesson on a valid lesson', () => {
  const lesson = loadLesson(FILE);

  test('has data, a tree and no diagnostics', () => {
    expect(lesson.diagnostics).toEqual([]);
    expect(lesson.slug).toBe('valid-lesson');
    expect(lesson.lang).toBe('uk');
    expect(lesson.data?.title).toBe('Паролі та секрети');
    expect(lesson.tree.type).toBe('root');
  });

  test('applies defaults and sorts bands youngest first', () => {
    expect(lesson.data?.bands).toEqual(['1-2', '3-4']);
    expect(lesson.data?.license).toBe('CC-BY-SA-4.0');
    expect(lesson.data?.reviewers).toEqual([]);
    expect(lesson.data?.draft).toBe(false);
    expect(lesson.data?.updated).toBe('2026-11-23');
  });

  test('reads the stages with a running clock', () => {
    expect(timeline(readStages(lesson.tree))).toEqual([
      { title: 'Знайомство', minutes: 5, line: 19, optional: false, start: 0, end: 5 },
      { title: 'Гра', minutes: 10, line: 37, optional: false, start: 5, end: 15 },
    ]);
  });

  test('diagnostics point into the file', () => {
    const [first] = loadLesson(FILE, variant('bands: [3-4, 1-2]', 'bands: [3-4, 5-7]')).diagnostics;
    expect(first.file).toBe(FILE);
  });
});

describe('author mistakes: file, line, the bad value and a hint', () => {
  test.each([
    ['unknown band', variant('bands: [3-4, 1-2]', 'bands: [3-4, 5-7]'), '4:14', /^bands: "5-7" is not an allowed value$/, /4-6, 1-2, 3-4, 5-6, 7-8, 9-11/],
    ['7–11 written as one band', variant('bands: [3-4, 1-2]', 'bands: [7-11]'), '4:9', /"7-11"/, /bands: \[7-8, 9-11\]/],
    ['unknown format', variant('format: lesson', 'format: lecture'), '5:9', /format: "lecture"/, /lesson, quest, session/],
    ['misspelt topic', variant('topics: [passwords, secrets]', 'topics: [pasword, secrets]'), '7:10', /"pasword"/, /did you mean "passwords"/],
    ['misspelt field', variant('objectives:', 'objetives:'), '8:1', /unknown field "objetives"/, /did you mean "objectives"/],
    ['missing field', variant(/sensitivity:\n  level: low\n  notes:\n    - Тема спокійна.\n/, ''), '2:1', /missing field "sensitivity"/, /level: low\|medium\|high/],
    ['minutes that do not add up', variant('duration: 15', 'duration: 45'), '6:11', /duration is 45 minutes but the stages add up to 15 \(5 \+ 10\)/, /set duration: 15/],
    ['duration not a number', variant('duration: 15', 'duration: п’ятнадцять'), '6:11', /duration: "п’ятнадцять"/, /whole number/],
    ['bad date', variant('updated: 2026-11-23', 'updated: 23.11.2026'), '15:10', /updated: "23.11.2026"/, /YYYY-MM-DD/],
    ['one objective', variant(/objectives:\n  - .*\n  - .*\n/, 'objectives:\n  - Лише одна.\n'), '9:3', /objectives/, /2 to 5/],
    ['YAML syntax', variant('title: Паролі та секрети', 'title: Паролі: та секрети'), '2:8', /YAML/, /quote text that contains a colon/],
    ['unknown component', variant('<Say>\n\nПривіт', '<Sya>\n\nПривіт').replace('</Say>', '</Sya>'), '21:1', /unknown component <Sya>/, /did you mean <Say>/],
    ['component in the wrong place', variant('<Helplines />', '<Stage title="X" minutes={0}>\n\n<Answer>Так</Answer>\n\n</Stage>'), '56:1', /<Answer> cannot stand inside <Stage>/, /may stand in: <Discuss>, <Station>/],
    ['answer outside its question', variant('   <Answer>Таємне', '<Answer>Таємне'), '30:1', /must belong to a question|Discuss> must contain/, /.+/],
    ['stage without minutes', variant('<Stage title="Гра" minutes={10}>', '<Stage title="Гра">'), '37:1', /<Stage> needs a minutes/, /minutes=\{5\}/],
    ['unknown attribute', variant('audience="pupil"', 'audiance="pupil"'), '39:1', /unknown attribute "audiance"/, /did you mean "audience"/],
    ['bad audience', variant('audience="pupil"', 'audience="everyone"'), '39:1', /audience="everyone": is not an audience/, /pupil, pair, team, class, leader/],
    ['bad handout kind', variant('audience="pupil"', 'audience="pupil" kind="secret"'), '39:1', /kind="secret": is not a kind of handout/, /worksheet, private, poster/],
    ['station outside a quest', variant('Намалюй замок.', '<Station n={1} title="Станція">\n\nТекст\n\n</Station>'), '41:1', /<Station> cannot stand inside <Handout>|Station> is for quests/, /.+/],
    ['text in Cards', variant('<Card>Пароль можна', 'Текст\n<Card>Пароль можна'), '44:1', /may contain only <Card>/, /wrap each card/],
    ['missing image', variant('Намалюй замок.', '![Замок](./zamok.svg)'), '41:1', /image "\.\/zamok\.svg" not found/, /put the file next to the lesson/],
    ['image without alt text', variant('Намалюй замок.', '![](./index.mdx)'), '41:1', /has no alt text/, /describe the picture/],
    ['remote image', variant('Намалюй замок.', '![Замок](https://example.org/a.png)'), '41:1', /is on another site/, /work offline/],
    ['curly braces in text', variant('Намалюй замок.', 'Намалюй {замок}.'), '41:9', /is code in MDX/, /escape it/],
    ['an import', variant('<Stage title="Знайомство"', 'import X from "./x.astro";\n\n<Stage title="Знайомство"'), '19:1', /import\/export/, /need no import/],
    ['unclosed component', variant('</Say>\n', ''), '34:1', /^<\/Stage> stands here, but <Say> opened on line 21 must be closed first$/, /add <\/Say> before <\/Stage>/],
  ])('%s', (_name, source, at, message, hint) => {
    const found = problems(source);
    const match = found.find((problem) => message.test(problem.message));
    expect(match, JSON.stringify(found, null, 1)).toBeDefined();
    expect(match!.at).toBe(at);
    expect(match!.hint).toMatch(hint);
    expect(match!.severity).toBe('error');
    expect(loadLesson(FILE, source).data).toBeUndefined();
  });

  test('a # in an unquoted value is a warning: YAML drops the rest as a comment', () => {
    const found = problems(variant('title: Паролі та секрети', 'title: Паролі та #секрети'));
    expect(found).toContainEqual({
      at: '2:18',
      severity: 'warning',
      message: 'the text from "#" on is a YAML comment and is left out of the value "Паролі та"',
      hint: 'put the whole value in quotes, e.g. name: "Чат-бот #stop_sexting"',
    });
  });

  test('a lesson without frontmatter', () => {
    expect(problems('# Урок\n')).toContainEqual(expect.objectContaining({ at: '1:1', message: 'the lesson has no frontmatter' }));
  });

  test('a lesson without stages', () => {
    const source = VALID.slice(0, VALID.indexOf('<Stage')) + 'Текст.\n';
    expect(problems(source).map((p) => p.message)).toContain('the lesson has no <Stage>');
  });

  test('every problem is reported, not only the first', () => {
    const source = variant('bands: [3-4, 1-2]', 'bands: [5-7]').replace('format: lesson', 'format: lecture').replace('<Say>', '<Sya>').replace('</Say>', '</Sya>');
    expect(problems(source).length).toBeGreaterThanOrEqual(3);
  });
});
