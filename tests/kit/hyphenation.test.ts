/** Ukrainian hyphenation as the rules require, on the words the issue names and on every word of the lessons. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hyphenate, hyphenateUk } from '../../src/kit/text/hyphenate.ts';
import { HYPHENATION_EXCEPTIONS } from '../../src/kit/text/uk-hyphenation-exceptions.ts';
import { breakLines } from '../../src/kit/text/linebreak.ts';
import { fakeMetrics } from './helpers.ts';

/** A word with its hyphenation points marked: "налаштуван-ня". */
function marked(word: string): string {
  let out = '';
  let last = 0;
  for (const point of hyphenateUk(word)) {
    out += `${word.slice(last, point)}-`;
    last = point;
  }
  return out + word.slice(last);
}

const VOWELS = 'аеєиіїоуюя';
const CONSONANTS = 'бвгґджзклмнпрстфхцчшщ';

/** The rules no break may break, whatever else the patterns allow: what a teacher would circle in red. */
function violations(word: string): string[] {
  const lower = word.toLowerCase();
  const found: string[] = [];
  for (const i of hyphenateUk(word)) {
    const head = lower.slice(0, i);
    const tail = lower.slice(i);
    const where = `${word.slice(0, i)}-${word.slice(i)}`;
    if (/^[ь’'ʼ]/.test(tail) || /[’'ʼ]$/.test(head)) found.push(`${where}: a soft sign or apostrophe torn off`);
    if (CONSONANTS.includes(head.at(-1)!) && head.at(-1) === head.at(-2)) found.push(`${where}: a doubled consonant split before its pair`);
    if (CONSONANTS.includes(tail[0]!) && tail[0] === tail[1]) found.push(`${where}: a doubled consonant split before its pair`);
    if (tail.startsWith('ться')) found.push(`${where}: -ться split off`);
    if (VOWELS.includes(head.at(-1)!) && tail[0] === 'й' && !VOWELS.includes(tail[1] ?? '')) found.push(`${where}: й torn from its vowel`);
    if (head.length < 2 || tail.length < 2) found.push(`${where}: one letter left alone`);
    if (![...head].some((ch) => VOWELS.includes(ch)) || ![...tail].some((ch) => VOWELS.includes(ch))) found.push(`${where}: a side without a vowel`);
  }
  return found;
}

describe('Ukrainian hyphenation', () => {
  test.each([
    ['налаштування', 'на-ла-шту-ван-ня'],
    ['повідомлення', 'по-ві-дом-лен-ня'],
    ['завдання', 'зав-дан-ня'],
    ['заняття', 'за-нят-тя'],
    ['відповідальність', 'від-по-ві-даль-ність'],
    ['користуються', 'ко-ри-сту-ють-ся'],
    ['зверніться', 'звер-ніть-ся'],
    ['країні', 'краї-ні'],
    ['незнайома', 'не-зна-йо-ма'],
  ])('%s → %s', (word, expected) => {
    expect(marked(word)).toBe(expected);
  });

  test.each(['відповід-альність', 'користую-ться', 'кра-їні', 'налаштува-ння', 'повідомле-ння', 'зна-йдіть'])('never %s', (bad) => {
    const word = bad.replace('-', '');
    expect(hyphenateUk(word)).not.toContain(bad.indexOf('-'));
  });

  test('every exception keeps the rules, and is what the hyphenator answers for its word', () => {
    for (const entry of HYPHENATION_EXCEPTIONS) {
      const word = entry.replace(/-/g, '');
      expect(marked(word), entry).toBe(entry);
      expect(violations(word), entry).toEqual([]);
    }
  });

  test('no word of any lesson is hyphenated against the rules', () => {
    const words = new Set<string>();
    for (const folder of readdirSync('lessons')) {
      let files: string[] = [];
      try {
        files = readdirSync(join('lessons', folder)).filter((file) => /\.mdx?$/.test(file));
      } catch {
        continue;
      }
      for (const file of files) for (const word of readFileSync(join('lessons', folder, file), 'utf8').match(/[\p{Script=Cyrillic}’'ʼ]+/gu) ?? []) words.add(word.replace(/^['’ʼ]+|['’ʼ]+$/g, ''));
    }
    expect(words.size).toBeGreaterThan(3000);
    const wrong = [...words].flatMap(violations);
    expect(wrong).toEqual([]);
  });

  test('a compound written with a hyphen breaks only at its hyphen', () => {
    // Narrow enough that "онлайн-країні" cannot stay whole on the line after "в".
    const width = fakeMetrics.measure('в онлайн-кра', 'regular', 10);
    const lines = breakLines([{ text: 'в онлайн-країні', font: 'regular' }], { width, size: 10, measure: fakeMetrics.measure, hyphenate });
    expect(lines.map((line) => line.fragments.map((f) => f.text).join(''))).toEqual(['в онлайн-', 'країні']);
  });
});
