import { describe, expect, test } from 'vitest';
import { applySynonyms, SYNONYMS, type Synonym } from '../../src/site/synonyms.ts';
import { tokenize } from '../../src/site/words.ts';

const TABLE: Synonym[] = [
  { typed: ['нюдси', 'нюдсів'], search: 'інтимні фото' },
  { typed: ['секстінг'], search: 'секстинг' },
  { typed: ['куди дзвонити'], search: 'телефон довіри', help: true },
  { typed: ['телефон довіри'], help: true },
];
const unknown = () => false;

describe('applySynonyms', () => {
  test('replaces a typed word in any case, and says what it searched instead', () => {
    expect(applySynonyms('Нюдсів шантаж', unknown, TABLE)).toEqual({ query: 'інтимні фото шантаж', replaced: 'інтимні фото шантаж', help: false });
    expect(applySynonyms('секстінг', unknown, TABLE)).toEqual({ query: 'секстинг', replaced: 'секстинг', help: false });
  });

  test('phrases, and entries that point to the helplines', () => {
    expect(applySynonyms('куди дзвонити', unknown, TABLE)).toEqual({ query: 'телефон довіри', replaced: 'телефон довіри', help: true });
    expect(applySynonyms('телефон довіри', () => true, TABLE)).toEqual({ query: 'телефон довіри', help: true });
  });

  test('a word the library uses is searched as itself', () => {
    expect(applySynonyms('нюдси', (word) => word === 'нюдси', TABLE)).toEqual({ query: 'нюдси', help: false });
    expect(applySynonyms('пароль', unknown, TABLE)).toEqual({ query: 'пароль', help: false });
  });

  test('the table replaces only with words of the same language, never with what it replaces', () => {
    for (const [lang, entries] of Object.entries(SYNONYMS)) {
      for (const entry of entries) {
        if (!entry.search) continue;
        expect(entry.typed.map((typed) => tokenize(typed).join(' ')), lang).not.toContain(tokenize(entry.search).join(' '));
      }
    }
  });
});
