import { describe, expect, test } from 'vitest';
import { AuthorError } from '../../src/model/diagnostics.ts';
import { LexiconBuilder, loadWordForms, readOwnForms, WORD_FORMS_FILE } from '../../src/site/lexicon.ts';
import { readDictionary, DEBIAN_UK_DICTIONARY } from '../../src/site/hunspell.ts';
import { groupsOf, indexToken, normalizeText, readLexicon } from '../../src/site/words.ts';

const forms = loadWordForms();

describe("the project's own word forms", () => {
  test('every model word exists and every line reads (the build would stop otherwise)', () => {
    expect(forms.own.size).toBeGreaterThan(20);
    expect(forms.own.get('акаунт')?.forms).toEqual(expect.arrayContaining(['акаунтами', 'акаунтів', 'акаунта']));
    expect(forms.own.get('друг')?.forms).toEqual(expect.arrayContaining(['друзів', 'другом']));
  });

  test('a wrong line is reported with its line and column and a hint', () => {
    const dictionary = readDictionary(DEBIAN_UK_DICTIONARY, normalizeText);
    const { diagnostics } = readOwnForms('# comment\nакаунт ~ пакет\nскрін ~ неслово\nщось дивне\n', 'forms.txt', dictionary);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'forms.txt:3:9 "неслово" is not in the dictionary',
      'forms.txt:4:1 cannot read "щось дивне"',
    ]);
    expect(diagnostics.every((d) => d.hint)).toBe(true);
  });

  test('a missing dictionary stops with what to install', () => {
    expect(() => loadWordForms('/nonexistent/uk_UA', WORD_FORMS_FILE)).toThrow(AuthorError);
    expect(() => loadWordForms('/nonexistent/uk_UA', WORD_FORMS_FILE)).toThrow(/hunspell-uk.*LESSON_KITS_UK_DICTIONARY/s);
  });
});

describe('LexiconBuilder', () => {
  test.each([
    ['паролями', ['пароль']],
    ['друзів', ['друг']],
    ['дітьми', ['дитина']],
    ['ігор', ['гра', 'ігор']], // of games, or the name Ігор: both
    ['акаунтами', ['акаунт']],
    ['батькам', ['батько']],
    ['друга', ['друг', 'другий']], // a friend's, or the second (feminine): both
    ['не', []], // a function word
    ['ncmec', []],
  ])('%s belongs to %j', (word, keys) => {
    expect(new LexiconBuilder(forms).keysOf(word).sort()).toEqual([...keys].sort());
  });

  test('the lexicon for the browser has every form of the groups used, and the words of no group', () => {
    const builder = new LexiconBuilder(forms);
    for (const word of ['пароль', 'друзів', 'не', 'ncmec']) builder.keysOf(word);
    const lexicon = readLexicon(builder.finish().data);
    expect(lexicon.groups.map((group) => group.key)).toEqual(['друг', 'пароль']);
    expect(lexicon.groups[0].forms).toEqual(expect.arrayContaining(['друзями', 'другові']));
    expect(groupsOf(lexicon, 'паролях')).toEqual([1]);
    expect(lexicon.plain).toEqual(['ncmec', 'не']);
  });

  test('numbers groups by key, whatever order the words came in, and gives each word its groups’ tokens', () => {
    const a = new LexiconBuilder(forms);
    const b = new LexiconBuilder(forms);
    for (const word of ['секрет', 'пароль', 'друг']) a.keysOf(word);
    for (const word of ['друг', 'секрет', 'пароль']) b.keysOf(word);
    const [finishedA, finishedB] = [a.finish(), b.finish()];
    expect(finishedA.data).toEqual(finishedB.data);
    expect(finishedA.tokensOf('паролі')).toEqual([indexToken(1, 3)]);
    expect(finishedA.tokensOf('незнайомець')).toEqual([]); // not noted before finish
  });
});
