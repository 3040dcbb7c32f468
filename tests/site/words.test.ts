import { describe, expect, test } from 'vitest';
import { beginsAWord, editDistance, groupsOf, indexQueries, indexToken, indexWords, normalizeText, packLexicon, readLexicon, similarWords, tokenize, TOKEN_MARK, withoutTokens, wordKey, wordMatches } from '../../src/site/words.ts';

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

describe('the lexicon the browser gets', () => {
  const groups = [
    { key: 'пароль', forms: ['пароль', 'пароля', 'паролі', 'паролями'] },
    { key: 'друг', forms: ['друг', 'друга', 'друзі', 'друзів'] },
    { key: 'другий', forms: ['другий', 'друга', 'другого'] },
    { key: 'парта', forms: ['парта', 'парти', 'партами'] },
  ];
  const lexicon = readLexicon(packLexicon(groups, ['ncmec', 'не']));

  test('packs groups by shared lists of endings and reads them back', () => {
    const data = packLexicon(groups);
    expect(data.groups[0]).toEqual(['парол', 0]);
    expect(data.endings[0]).toBe('ь,я,ями,і'); // the key first, then in code-point order
    expect(readLexicon(data).groups.map((group) => [group.key, [...group.forms].sort()])).toEqual(groups.map((group) => [group.key, [...group.forms].sort()]));
  });

  test('a typed form finds its groups; a form the lexicon lacks, the groups of its stem', () => {
    expect(groupsOf(lexicon, 'паролями')).toEqual([0]);
    expect(groupsOf(lexicon, 'друга')).toEqual([1, 2]);
    expect(groupsOf(lexicon, 'паролем')).toEqual([0]); // not listed: found by the stem
    expect(groupsOf(lexicon, 'ncmec')).toEqual([]);
  });

  test('a query becomes the tokens of its words, one search per group of an ambiguous word', () => {
    const token = (group: number) => indexToken(group, groups.length);
    expect(indexQueries(lexicon, 'Паролями')).toEqual([token(0)]);
    expect(indexQueries(lexicon, 'друга паролі')).toEqual([`${token(1)} ${token(0)}`, `${token(2)} ${token(0)}`]);
  });

  test('a word of no group is searched as typed when the library has a word that begins with it; otherwise nothing is', () => {
    expect(indexQueries(lexicon, 'не ncm')).toEqual(['не ncm']);
    expect(indexQueries(lexicon, 'пар')).toEqual(['пар']);
    expect(indexQueries(lexicon, 'пвроль')).toEqual([]);
    expect(indexQueries(lexicon, 'паролі пвроль')).toEqual([]);
    expect(beginsAWord(lexicon, 'друз')).toBe(true);
    expect(beginsAWord(lexicon, 'дрязь')).toBe(false);
  });

  test('tokens: all equally long, so that none begins another; removed from text for showing it', () => {
    expect(indexToken(0, 2000)).toBe(`${TOKEN_MARK}000`);
    expect(indexToken(1295, 2000)).toBe(`${TOKEN_MARK}0zz`);
    expect(indexToken(1999, 2000)).toBe(`${TOKEN_MARK}1jj`);
    expect(withoutTokens(`Мій пароль ${TOKEN_MARK}0a1 — секрет ${TOKEN_MARK}0b2 ${TOKEN_MARK}0b3`)).toBe('Мій пароль — секрет');
  });

  test('similar words for a misspelt one, nearest first, one form per group', () => {
    expect(similarWords(lexicon, 'пвроль')).toEqual(['пароль']);
    expect(similarWords(lexicon, 'парто')).toEqual(['парта']); // парти is as near: the group's name is given
    expect(similarWords(lexicon, 'абвгд')).toEqual([]);
    expect(editDistance('пароль', 'пароля')).toBe(1);
    expect(editDistance('кіт', 'кит', 0)).toBe(1);
  });
});
