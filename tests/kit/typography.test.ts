/** The kit's typographic marks: one apostrophe, quotes nested as Ukrainian (and English) typography nests them. */
import { describe, expect, test } from 'vitest';
import { typesetRuns, typesetText } from '../../src/kit/read/typography.ts';

describe('typographic marks', () => {
  test.each([
    ["пам'ятка, м'яч, з'єднання", 'пам’ятка, м’яч, з’єднання'],
    ['памʼятка', 'пам’ятка'],
    ['«Знайдіть … або "батьки не зрозуміють"»', '«Знайдіть … або „батьки не зрозуміють“»'],
    ['Він сказав "ні".', 'Він сказав «ні».'],
    ['«Аліна, 16» і „Ритм“', '«Аліна, 16» і „Ритм“'],
    ["'цитата'", "'цитата'"],
  ])('uk: %s → %s', (input, output) => {
    expect(typesetText(input, 'uk')).toBe(output);
  });

  test('nested quotes two deep keep „…“ for each inner pair', () => {
    expect(typesetText('Роздатка 1 «Плакат «Три кроки»»', 'uk')).toBe('Роздатка 1 «Плакат „Три кроки“»');
  });

  test.each([
    ["I won't fall for it", 'I won’t fall for it'],
    ['Handout 1 “Poster: “Three steps””', 'Handout 1 “Poster: ‘Three steps’”'],
    ['say "no"', 'say “no”'],
  ])('en: %s → %s', (input, output) => {
    expect(typesetText(input, 'en')).toBe(output);
  });

  test('quotes are matched across runs of different styles, each run keeping its length', () => {
    const runs = typesetRuns([{ text: '«Скажи ' }, { text: '"ні"', bold: true }, { text: '»' }], 'uk');
    expect(runs).toEqual([{ text: '«Скажи ' }, { text: '„ні“', bold: true }, { text: '»' }]);
  });
});
