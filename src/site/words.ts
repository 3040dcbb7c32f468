/**
 * Word handling for search, in one place: how a text is cut into words and when two forms of a word meet. The offline
 * finder (file://) matches with it today; Pagefind's queries and index terms can use the same functions (issue 16).
 * Pure functions with no DOM and no Node, so they run in the browser and at build time alike.
 *
 * Ukrainian is inflected (пароль, пароля, паролями) and Pagefind has no Ukrainian stemmer. Here both sides are
 * stemmed with the Ukrainian rule stemmer of @orama/stemmers (Apache-2.0, 1.4 KB), and the stem's last syllable is
 * evened out where inflection changes it (незнайомець/незнайомця, приватність/приватності), so most forms of a word
 * share one key.
 * Irregular forms (друг/друзі, дитина/діти) do not: a list of paradigms can be added to `wordKey`.
 */
import { stemmer as ukrainianStemmer } from '@orama/stemmers/ukrainian';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import type { Lang } from '../model/formats.ts';

/** letters: stems shorter than this are kept as they are (too few letters to even out). */
const MIN_STEM_FOR_VOWEL_DROP = 5;

/** letters: a query word at least this long also finds longer words it begins (a teacher typing "скрін…"). */
const MIN_PREFIX = 3;

/** Every apostrophe a Ukrainian text may use (’ ʼ ' ` ‘), made one. */
const APOSTROPHES = /[’ʼ'`‘]/g;

/** A word: letters and digits, with apostrophes inside (пам’ятка, ім’я). Hyphens split words. */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/** A word as it stands in an original text (any apostrophe, stress marks kept): for marking matches in it. */
export const TEXT_WORD = /[\p{L}\p{N}\u0301]+(?:[’ʼ'`‘][\p{L}\p{N}\u0301]+)*/u;

/** Consonants of Ukrainian, as a character class body. */
const CONSONANT = 'бвгджзклмнпрстфхцчшщ';

/** A final і/ї left by the stemmer on some forms only (фотографі-ї, фотограф-ію). */
const FINAL_I = /[ії]$/;

/** A vowel that drops out in inflection, before one final consonant: незнайом[е]ць → незнайомця. */
const FLEETING_VOWEL = new RegExp(`[ео](?=[${CONSONANT}]ь?$)`);

/** і in a closed last syllable, which becomes о or е when the syllable opens: приватн[і]сть → приватності. */
const CLOSED_I = new RegExp(`і(?=[${CONSONANT}]+ь?$)`);

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

/**
 * The key where the forms of a normalised word meet: its stem, and in Ukrainian the stem's last syllable evened out
 * where inflection changes it (a final і/ї, a vowel that drops out, і that alternates with о).
 */
export function wordKey(word: string, lang: Lang): string {
  const stemmed = stem(word, lang);
  if (lang !== 'uk' || stemmed.length < MIN_STEM_FOR_VOWEL_DROP) return stemmed;
  return stemmed.replace(FINAL_I, '').replace(FLEETING_VOWEL, '').replace(CLOSED_I, 'о');
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
