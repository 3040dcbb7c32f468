/**
 * Word handling for search, in one place: how a text is cut into words and when two forms of a word meet. The offline
 * finder (file://) matches with it today; Pagefind's queries and index terms can use the same functions (issue 16).
 * Pure functions with no DOM and no Node, so they run in the browser and at build time alike.
 *
 * Ukrainian is inflected (пароль, пароля, паролями) and Pagefind has no Ukrainian stemmer. Here both sides are
 * stemmed with the Ukrainian rule stemmer of @orama/stemmers (Apache-2.0, 1.4 KB), and a vowel that drops out in
 * inflection is ignored (незнайомець/незнайомця, приватність/приватності), so most forms of a word share one key.
 * Irregular forms (друг/друзі, дитина/діти) do not: a list of paradigms can be added to `wordKey`.
 */
import { stemmer as ukrainianStemmer } from '@orama/stemmers/ukrainian';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import type { Lang } from '../model/formats.ts';

/** letters: stems shorter than this keep their vowels (a short stem has too few letters to lose one). */
const MIN_STEM_FOR_VOWEL_DROP = 5;

/** letters: a query word at least this long also finds longer words it begins (a teacher typing "скрін…"). */
const MIN_PREFIX = 3;

/** Every apostrophe a Ukrainian text may use (’ ʼ ' ` ‘), made one. */
const APOSTROPHES = /[’ʼ'`‘]/g;

/** A word: letters and digits, with apostrophes inside (пам’ятка, ім’я). Hyphens split words. */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/** A word as it stands in an original text (any apostrophe, stress marks kept): for marking matches in it. */
export const TEXT_WORD = /[\p{L}\p{N}\u0301]+(?:[’ʼ'`‘][\p{L}\p{N}\u0301]+)*/u;

/** A vowel that drops out in inflection, before the stem's final consonants: незнайом[е]ць → незнайомця. */
const FLEETING_VOWEL = /[оеєі](?=[бвгджзклмнпрстфхцчшщь]+$)/;

/** Lower case, stress marks removed, one apostrophe, ґ read as г (a keyboard without ґ). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\u0301/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(/ґ/g, 'г');
}

/** The normalised words of a text, in order. */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(WORD) ?? [];
}

/** The stem of a normalised word in a language. */
export function stem(word: string, lang: Lang): string {
  return lang === 'uk' ? ukrainianStemmer(word) : englishStemmer(word);
}

/** The key where the forms of a normalised word meet: its stem, without a vowel that drops out in inflection. */
export function wordKey(word: string, lang: Lang): string {
  const stemmed = stem(word, lang);
  return lang === 'uk' && stemmed.length >= MIN_STEM_FOR_VOWEL_DROP ? stemmed.replace(FLEETING_VOWEL, '') : stemmed;
}

/** A text's words, each with its key, ready to be matched many times. */
export interface IndexedWord {
  word: string;
  key: string;
}

/** The words of a text with their keys. */
export function indexWords(text: string, lang: Lang): IndexedWord[] {
  return tokenize(text).map((word) => ({ word, key: wordKey(word, lang) }));
}

/** Whether a query word (normalised) finds a text word: the same key, or the text word begins with the query word. */
export function wordMatches(query: IndexedWord, text: IndexedWord): boolean {
  return query.key === text.key || (query.word.length >= MIN_PREFIX && text.word.startsWith(query.word));
}
