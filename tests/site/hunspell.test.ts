import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DEBIAN_UK_DICTIONARY, DictionaryError, formsOf, inflectLike, readDictionary, stemsOf } from '../../src/site/hunspell.ts';
import { normalizeText } from '../../src/site/words.ts';

const scratch = mkdtempSync(join(tmpdir(), 'hunspell-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A dictionary written to disk from its .aff and .dic text. */
function dictionary(aff: string, dic: string) {
  const base = join(scratch, String(Math.random()).slice(2));
  writeFileSync(`${base}.aff`, aff);
  writeFileSync(`${base}.dic`, dic);
  return base;
}

// A slice of the Ukrainian rules: hard masculine nouns (flag 1) and a feminine noun in -а (flag %).
const AFF = `SET UTF-8
SFX 1 Y 4
SFX 1 0 а [^аеєиійоуьюя]
SFX 1 0 ом [^аеєиійоуьюяжчшщ]
SFX 1 0 и [^аеєиійоуьюя]
SFX 1 0 ів [^аеєиійоуьюя]
SFX % Y 3
SFX % а и [^гкх]а
SFX % а у а
SFX % а ою а
`;
const DIC = `4
пакет/1
книга/%
Ґанок/1
стоп
`;

describe('a Hunspell dictionary', () => {
  const base = dictionary(AFF, DIC);

  test('lists every form of a word: the stem and what each rule of its flags makes of it', () => {
    const dict = readDictionary(base);
    expect(formsOf(dict, 'пакет').sort()).toEqual(['пакет', 'пакета', 'пакетів', 'пакети', 'пакетом'].sort());
    expect(formsOf(dict, 'книга').sort()).toEqual(['книга', 'книгою', 'книгу'].sort()); // "и" needs a stem not in г/к/х
    expect(formsOf(dict, 'стоп')).toEqual(['стоп']);
  });

  test('finds the dictionary words a form belongs to', () => {
    const dict = readDictionary(base);
    expect(stemsOf(dict, 'пакетом')).toEqual(['пакет']);
    expect(stemsOf(dict, 'книгою')).toEqual(['книга']);
    expect(stemsOf(dict, 'книги')).toEqual([]); // the rule's condition excludes it
    expect(stemsOf(dict, 'стоп')).toEqual(['стоп']);
    expect(stemsOf(dict, 'невідоме')).toEqual([]);
  });

  test('stems are normalised as search writes words', () => {
    const dict = readDictionary(base, normalizeText);
    expect(formsOf(dict, 'ганок')).toContain('ганоком'); // Ґанок, lower case and with г
  });

  test('inflects a word it lacks like a word it has', () => {
    expect(inflectLike(readDictionary(base), 'акаунт', 'пакет').sort()).toEqual(['акаунт', 'акаунта', 'акаунти', 'акаунтів', 'акаунтом'].sort());
  });

  test.each([
    ['FLAG long\n', /FLAG long is not supported/],
    ['PFX a Y 1\nPFX a 0 не .\n', /prefix rules/],
    ['SFX a Y 1\nSFX a 0 и/b .\n', /two-level suffixes/],
  ])('refuses what it would read wrongly: %j', (aff, message) => {
    expect(() => readDictionary(dictionary(aff, '0\n'))).toThrow(message);
  });

  test('a missing file is a DictionaryError naming it', () => {
    expect(() => readDictionary(join(scratch, 'nothing'))).toThrow(DictionaryError);
    expect(() => readDictionary(join(scratch, 'nothing'))).toThrow(/nothing\.aff is missing/);
  });
});

describe("Debian's Ukrainian dictionary", () => {
  const dict = readDictionary(DEBIAN_UK_DICTIONARY, normalizeText);

  test.each([
    ['паролями', 'пароль'],
    ['незнайомцем', 'незнайомець'],
    ['лестощами', 'лестощі'],
    ['шантажують', 'шантажувати'],
    ['надіслала', 'надіслати'],
    ['збережіть', 'зберегти'],
    ['поскаржтеся', 'поскаржитися'],
    ['приватними', 'приватний'],
    ["пам'ятками", "пам'ятка"],
  ])('%s is a form of %s', (form, stem) => {
    expect(stemsOf(dict, form)).toContain(stem);
    expect(formsOf(dict, stem)).toContain(form);
  });

  test('has no entry for the topic words the project adds itself, and splits irregular words', () => {
    for (const word of ['акаунт', 'скріншот', 'секстинг', 'кібергрумінг']) expect(stemsOf(dict, word)).toEqual([]);
    expect(stemsOf(dict, 'друзів')).not.toContain('друг');
  });
});
