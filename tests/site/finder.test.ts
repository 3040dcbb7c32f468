import { describe, expect, test } from 'vitest';
import { findEntries, prepareEntries, type FinderEntry } from '../../src/site/finder.ts';
import { cleanExcerpt, markWords } from '../../src/site/search-client.ts';
import { packLexicon, readLexicon } from '../../src/site/words.ts';

const entry = (path: string, title: string, summary: string, filters: Record<string, string[]>): FinderEntry => ({ path, title, summary, lang: 'uk', facts: '', filters });
const ENTRIES = prepareEntries([
  entry('/lessons/a/', 'Мій пароль — мій секрет', 'Діти складають надійні паролі.', { band: ['1–2 клас'], format: ['Урок'], topic: ['Паролі'] }),
  entry('/lessons/b/', 'Герої безпеки', 'Учні розпізнають фейкові профілі й бережуть пароль.', { band: ['3–4 клас'], format: ['Урок'], topic: ['Приватність'] }),
  entry('/lessons/c/', 'Квест про довіру', 'Команди проходять станції про дорослих, яким довіряють.', { band: ['7–8 клас', '9–11 клас'], format: ['Квест'], topic: ['Дорослі, яким довіряю'] }),
  entry('/teachers/', 'Для вчителя', 'Як підготуватися до уроку.', {}),
]);
const paths = (hits: ReturnType<typeof findEntries>) => hits.map((hit) => hit.entry.path);

describe('findEntries', () => {
  test('finds every form of a word, title matches first', () => {
    expect(paths(findEntries(ENTRIES, 'паролями', {}))).toEqual(['/lessons/a/', '/lessons/b/']);
  });

  test('every word of the query must match somewhere', () => {
    expect(paths(findEntries(ENTRIES, 'пароля профілів', {}))).toEqual(['/lessons/b/']);
    expect(paths(findEntries(ENTRIES, 'пароля квест', {}))).toEqual([]);
  });

  test('filters need every chosen value; an empty query lists what the filters allow', () => {
    expect(paths(findEntries(ENTRIES, '', { band: '9–11 клас' }))).toEqual(['/lessons/c/']);
    expect(paths(findEntries(ENTRIES, '', { format: 'Урок', topic: 'Паролі' }))).toEqual(['/lessons/a/']);
    expect(paths(findEntries(ENTRIES, 'пароль', { band: '7–8 клас' }))).toEqual([]);
  });

  test('topics are searched, and pages without filters are found by words', () => {
    expect(paths(findEntries(ENTRIES, 'довіряю', {}))).toEqual(['/lessons/c/']);
    expect(paths(findEntries(ENTRIES, 'вчителю', {}))).toEqual(['/teachers/']);
  });

  test('the summary words that matched are given for marking', () => {
    const [hit] = findEntries(ENTRIES, 'паролями', { band: '1–2 клас' });
    expect([...hit.marked]).toEqual(['паролі']);
    expect(markWords(hit.entry.summary, hit.marked)).toBe('Діти складають надійні <mark>паролі</mark>.');
  });

  test('marking escapes the text', () => {
    expect(markWords('<b>пароль</b> & код', new Set(['пароль']))).toBe('&lt;b&gt;<mark>пароль</mark>&lt;/b&gt; &amp; код');
  });
});

describe('cleanExcerpt', () => {
  test('removes index tokens and highlights the word whose token matched', () => {
    expect(cleanExcerpt('Діти складають <mark>паролі</mark> ꙮ01a надійні ꙮ0b2.')).toBe('Діти складають <mark>паролі</mark> надійні.');
    expect(cleanExcerpt('Діти складають паролі <mark>ꙮ01a</mark>, «друзі» ꙮ0c1 <mark>ꙮ0c2</mark>')).toBe('Діти складають <mark>паролі</mark>, <mark>«друзі»</mark>');
    expect(cleanExcerpt('ꙮ01a кінець')).toBe('кінець'); // an excerpt may begin at a token
  });
});

describe('findEntries with the lexicon', () => {
  const lexicon = readLexicon(packLexicon([{ key: 'друг', forms: ['друг', 'друга', 'друзі', 'друзів', 'друзями'] }, { key: 'пароль', forms: ['пароль', 'паролі', 'паролями'] }]));
  const prepared = prepareEntries(
    [entry('/lessons/a/', 'Друзі в мережі', 'Як допомогти другові.', {}), entry('/lessons/b/', 'Паролі', 'Про паролі.', {})],
    lexicon,
  );

  test('an irregular form finds the words of its group', () => {
    expect(paths(findEntries(prepared, 'друзями', {}))).toEqual(['/lessons/a/']);
    expect(paths(findEntries(prepared, 'друга', {}))).toEqual(['/lessons/a/']);
  });
});
