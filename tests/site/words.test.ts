import { describe, expect, test } from 'vitest';
import { indexWords, normalizeText, tokenize, wordKey, wordMatches } from '../../src/site/words.ts';

describe('normalizeText and tokenize', () => {
  test('lower case, one apostrophe, no stress marks, ґ as г', () => {
    expect(normalizeText('Пам’ятка ІМʼЯ за́мок Ґанок')).toBe("пам'ятка ім'я замок ганок");
  });

  test('words are letters and digits with apostrophes inside; hyphens and punctuation split', () => {
    expect(tokenize('«Стоп — не відповідай», 4–6 років: онлайн-простір, пам’ятка!')).toEqual(['стоп', 'не', 'відповідай', '4', '6', 'років', 'онлайн', 'простір', "пам'ятка"]);
  });
});

describe('Ukrainian word forms meet under one key', () => {
  // Forms a teacher types, each with a form the lessons use: nouns in several cases and numbers, adjectives, verbs.
  test.each([
    ['пароля', 'пароль'],
    ['паролями', 'паролі'],
    ['скріншотами', 'скріншоти'],
    ['незнайомцем', 'незнайомець'],
    ['злочинця', 'злочинець'],
    ['лестощами', 'лестощі'],
    ['безпеки', 'безпека'],
    ['безпеку', 'безпекою'],
    ['дорослому', 'дорослий'],
    ['дорослих', 'дорослі'],
    ['секстингу', 'секстинг'],
    ['кібергрумінгу', 'кібергрумінг'],
    ['приватності', 'приватність'],
    ['шантажу', 'шантаж'],
    ['фотографії', 'фотографію'],
    ['маніпуляціями', 'маніпуляції'],
    ['секрети', 'секретів'],
    ['профілі', 'профілем'],
  ])('%s ~ %s', (query, text) => {
    expect(wordKey(query, 'uk')).toBe(wordKey(text, 'uk'));
  });

  test.each([
    ['пароль', 'секрет'],
    ['безпека', 'небезпека'],
    ['друг', 'дорослий'],
    ['тіло', 'тільки'],
  ])('%s and %s stay apart', (a, b) => {
    const [query] = indexWords(a, 'uk');
    const [text] = indexWords(b, 'uk');
    expect(wordMatches(query, text)).toBe(false);
  });

  test('the beginning of a word finds the word, from three letters', () => {
    const [text] = indexWords('скріншотами', 'uk');
    expect(wordMatches(indexWords('скрін', 'uk')[0], text)).toBe(true);
    expect(wordMatches(indexWords('ск', 'uk')[0], text)).toBe(false);
  });

  test('English forms meet too', () => {
    expect(wordKey('passwords', 'en')).toBe(wordKey('password', 'en'));
    expect(wordKey('trusted', 'en')).toBe(wordKey('trusting', 'en'));
  });
});
