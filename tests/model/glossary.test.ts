/**
 * The glossary rule on real MDX through the loader: which terms of a lesson's glossary count as used by its text (any
 * form of a word, a phrase in order, a wording in brackets or after a slash, a phrase's head noun, the title, summary,
 * objectives and attribute titles), and which are warned about, at the term's line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadLesson } from '../../src/model/index.ts';

const FIXTURE = readFileSync('tests/fixtures/lessons/valid-lesson/index.mdx', 'utf8');

/** The fixture lesson with a glossary of these terms and a paragraph of this text in place of its drawing task. */
function lessonWith(terms: readonly string[], text: string): string {
  const glossary = `glossary:\n${terms.map((term) => `  - term: ${JSON.stringify(term)}\n    definition: Пояснення.\n`).join('')}authors:`;
  return FIXTURE.replace('authors:', glossary).replace('Намалюй замок.', text);
}

/** The terms the rule warns about in the fixture lesson with these terms and this text (Ukrainian, or the file's language). */
function unusedTerms(terms: readonly string[], text: string, file = 'tests/fixtures/lessons/valid-lesson/index.mdx'): string[] {
  const lesson = loadLesson(file, lessonWith(terms, text));
  expect(lesson.diagnostics.filter((d) => d.severity === 'error'), 'the lesson is otherwise valid').toEqual([]);
  return lesson.diagnostics.filter((d) => d.rule === 'glossary-unused').map((d) => String((d.params as { term?: string }).term));
}

describe('the glossary rule', () => {
  test.each([
    ['a word in another form', ['Секстинг'], 'Поговоримо про ризики секстингу.'],
    ['a phrase, each word in another form, in order', ['Фейковий профіль'], 'Хто стоїть за фейковим профілем?'],
    ['a phrase at the very end of the text', ['Цифровий слід'], 'Кожен допис лишає цифровий слід'],
    ['a phrase at the very start of the text', ['Цифровий слід'], 'Цифровий слід лишає кожен допис.'],
    ['the head noun of a phrase alone', ['Цифрові докази'], 'Збережіть докази для дорослого.'],
    ['the wording in brackets', ['Онлайн-грумінг (кібергрумінг)'], 'Кібергрумінг буває непомітним.'],
    ['the wording after a slash', ['Скриншот / знімок'], 'Зробіть знімок екрана.'],
    ['a word with an apostrophe written another way', ['Пам’ятка'], "Візьміть пам'ятку додому."],
    ['ґ written as г', ['Ґаджет'], 'Гаджети бувають різні.'],
    ['a word of one letter inside a term', ['E-mail'], 'Напишіть e-mail вчителю.'],
    ['a text word that begins with the whole term word', ['Скрин'], 'Зробіть скриншоти.'],
    ['another -ість noun in another case', ['Кіберзлочинність'], 'Кіберзлочинності бояться всі.'],
    ['the same word in capitals', ['ПАРОЛЬ'], 'Придумайте новий пароль.'],
    ['an -ість noun in another case', ['Приватність'], 'Захист приватності важливий.'],
    ['an -ість noun in the instrumental', ['Відповідальність'], 'Поділимося відповідальністю.'],
  ])('counts as used: %s', (_name, terms, text) => {
    expect(unusedTerms(terms, text)).toEqual([]);
  });

  test.each([
    ['a different word with the same first letters', ['Парасоля'], 'Придумайте новий пароль.'],
    ['a phrase with its words apart and its head noun missing', ['Фейковий профіль'], 'Фейковий акаунт і чужий аватар.'],
    ['a phrase in the wrong order without its head noun', ['Цифровий слід'], 'Крок цифровий.'],
    ['a longer word than the text has', ['Кібербулінг'], 'Кібер безпека.'],
    ['a word of one letter alone', ['Я'], 'Ми граємо.'],
  ])('counts as unused: %s', (_name, terms, text) => {
    expect(unusedTerms(terms, text)).toEqual(terms);
  });

  test('a term used only in the title, summary, an objective or a stage title counts as used', () => {
    const terms = ['Паролі', 'Завантажувач', 'Дорослий', 'Знайомство', 'Так чи ні'];
    expect(unusedTerms(terms, 'Намалюй замок.')).toEqual([]);
  });

  test('of several terms, exactly the unused ones are warned about, each at its own line', () => {
    const terms = ['Пароль', 'Сексторшн', 'Замок', 'Булінг'];
    const lesson = loadLesson('tests/fixtures/lessons/valid-lesson/index.mdx', lessonWith(terms, 'Намалюй замок.'));
    const warned = lesson.diagnostics.filter((d) => d.rule === 'glossary-unused');
    const lines = lessonWith(terms, '').split('\n');
    const lineOf = (term: string) => lines.findIndex((line) => line.includes(`term: "${term}"`)) + 1;
    expect(warned.map((d) => [(d.params as { term?: string }).term, d.line])).toEqual([
      ['Сексторшн', lineOf('Сексторшн')],
      ['Булінг', lineOf('Булінг')],
    ]);
    expect(lineOf('Булінг')).toBeGreaterThan(lineOf('Сексторшн'));
  });

  test('an English lesson compares English forms', () => {
    const file = 'tests/fixtures/lessons/valid-lesson/index.en.mdx';
    expect(unusedTerms(['Screenshot', 'Online grooming (cybergrooming)', 'Sextortion'], 'Take screenshots. Cybergrooming is hidden.', file)).toEqual(['Sextortion']);
  });
});
