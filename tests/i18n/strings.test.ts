import { describe, expect, test } from 'vitest';
import { STRINGS } from '../../src/i18n/index.ts';
import { plural } from '../../src/i18n/uk.ts';
import { LANGS } from '../../src/model/index.ts';

/** Every key path of a nested strings object, with the kind of value. */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value === 'function') return [`${prefix}()${value.length}`];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, inner]) => shape(inner, `${prefix}.${key}`));
  return [`${prefix}:${typeof value}`];
}

describe('UI strings', () => {
  test.each(LANGS.filter((lang) => lang !== 'uk'))('%s has every key of uk, and no other', (lang) => {
    expect(shape(STRINGS[lang]).sort()).toEqual(shape(STRINGS.uk).sort());
  });

  test.each(LANGS)('%s has no empty string', (lang) => {
    const empty = Object.entries(STRINGS[lang]).filter(([, value]) => value === '');
    expect(empty).toEqual([]);
  });

  test.each([
    [1, 'урок'], [2, 'уроки'], [4, 'уроки'], [5, 'уроків'], [11, 'уроків'], [12, 'уроків'], [21, 'урок'], [22, 'уроки'], [25, 'уроків'], [111, 'уроків'],
  ])('Ukrainian plural of %i: %s', (n, form) => {
    expect(plural(n, 'урок', 'уроки', 'уроків')).toBe(form);
  });
});
