/**
 * Word handling for search, in one place: how a text is cut into words and when two forms of a word meet. Both search
 * engines use it — Pagefind over HTTP (its index built with src/site/search-index.ts) and the offline finder from disk —
 * and the build uses it to write that index. Pure functions with no DOM and no Node, so they run in the browser and at
 * build time alike.
 *
 * Ukrainian is inflected (пароль, пароля, паролями) and Pagefind has no Ukrainian stemmer. Forms meet through the
 * lexicon: every word of the library's Ukrainian pages is looked up at build time in a dictionary of word forms
 * (src/site/lexicon.ts) and belongs to one or more word groups (a lexeme: all forms of пароль, of друг/друзі). The
 * index holds, after each word, a token for each of its groups (`indexToken`); the browser gets the lexicon (every
 * form of every group the library uses, `LexiconData`) and searches a typed word by its groups' tokens.
 * A typed form the lexicon lacks falls back to the rule stemmer of @orama/stemmers (Apache-2.0, 1.4 KB), with the
 * stem's last syllable evened out where inflection changes it (незнайомець/незнайомця, приватність/приватності): it
 * finds the groups with a form of the same stem (`wordKey`), and English words go by that stemmer alone.
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

/** A text's words, each with its stem key and (in Ukrainian, with a lexicon) its word groups, ready to be matched many times. */
export interface IndexedWord {
  word: string;
  key: string;
  groups: readonly number[];
}

/** The words of a text with their keys and groups. */
export function indexWords(text: string, lang: Lang, lexicon?: Lexicon): IndexedWord[] {
  return tokenize(text).map((word) => ({ word, key: wordKey(word, lang), groups: lang === 'uk' && lexicon ? groupsOf(lexicon, word) : [] }));
}

/**
 * Whether a query word (normalised) finds a text word: a word group in common, the same stem key (words the lexicon
 * does not have, English), or the text word begins with the query word (a word still being typed).
 */
export function wordMatches(query: IndexedWord, text: IndexedWord): boolean {
  if (query.groups.length && text.groups.length) return query.groups.some((group) => text.groups.includes(group)) || startsWith(query, text);
  return query.key === text.key || startsWith(query, text);
}

/** Whether the text word begins with the query word, long enough to mean something. */
function startsWith(query: IndexedWord, text: IndexedWord): boolean {
  return query.word.length >= MIN_PREFIX && text.word.startsWith(query.word);
}

/** Begins a group's token in the search index: a letter no Ukrainian or English word has, so a token never meets a word. */
export const TOKEN_MARK = 'ꙮ';

/** A token in a text that came from the index, with the space before it. */
export const TOKEN = new RegExp(` ?${TOKEN_MARK}[0-9a-z]+`, 'gu');

/**
 * A group's token in the index: the mark and the group's number in base 36, all tokens of an index equally long (so
 * none begins another: the index matches a query word to every word that begins with it). Short, because every word
 * of a page gets one: the lexicon says which group a number is.
 */
export function indexToken(group: number, groupCount: number): string {
  const width = Math.max(1, (groupCount - 1).toString(36).length);
  return TOKEN_MARK + group.toString(36).padStart(width, '0');
}

/** Index tokens removed from a text (for showing text that came from the index). */
export function withoutTokens(text: string): string {
  return text.replace(TOKEN, '');
}

/**
 * The lexicon as the browser gets it: for every word group, its key and forms, written as a common beginning and a
 * list of endings shared with other groups (most groups inflect like many others, so lists repeat).
 */
export interface LexiconData {
  /** Lists of endings, each comma-separated; the first ending of a group's list makes its key. */
  endings: string[];
  /** Per group: the beginning all its forms share, and the index of its list of endings. */
  groups: [string, number][];
  /** The library's words of no group (function words, names, words in Latin letters): searched as typed. */
  plain: string[];
}

/** A word group: its key and every form (normalised), the key first. */
export interface WordGroup {
  key: string;
  forms: readonly string[];
}

/** Write word groups and the words of no group as lexicon data (a group's key must be one of its forms). */
export function packLexicon(groups: readonly WordGroup[], plain: readonly string[] = []): LexiconData {
  const endings: string[] = [];
  const endingIndex = new Map<string, number>();
  const packed = groups.map(({ key, forms }): [string, number] => {
    const ordered = [key, ...[...new Set(forms)].filter((form) => form !== key).sort()];
    const prefix = commonPrefix(ordered);
    const list = ordered.map((form) => form.slice(prefix.length)).join(',');
    if (!endingIndex.has(list)) {
      endingIndex.set(list, endings.length);
      endings.push(list);
    }
    return [prefix, endingIndex.get(list)!];
  });
  return { endings, groups: packed, plain: [...plain].sort() };
}

/** The longest beginning every word shares. */
function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** The lexicon ready to look words up in. */
export interface Lexicon {
  /** The groups, in the order of the data: a group's number is its place here. */
  groups: WordGroup[];
  /** Form → the groups it is a form of (indices into `groups`). */
  byForm: Map<string, number[]>;
  /** Stem key (`wordKey`) of every form → its groups; made on first need. */
  byStem?: Map<string, number[]>;
  /** The library's words of no group. */
  plain: string[];
  /** Every form and plain word, sorted (to find words that begin with a typed beginning); made on first need. */
  sorted?: string[];
}

/** Read lexicon data. */
export function readLexicon(data: LexiconData): Lexicon {
  const byForm = new Map<string, number[]>();
  const groups = data.groups.map(([prefix, list], index): WordGroup => {
    const forms = data.endings[list].split(',').map((ending) => prefix + ending);
    for (const form of forms) {
      const entry = byForm.get(form);
      if (entry) entry.push(index);
      else byForm.set(form, [index]);
    }
    return { key: forms[0], forms };
  });
  return { groups, byForm, plain: data.plain };
}

/** Whether the lexicon has a word that begins with a typed word (or is it). */
export function beginsAWord(lexicon: Lexicon, word: string): boolean {
  lexicon.sorted ??= [...lexicon.byForm.keys(), ...lexicon.plain].sort();
  const sorted = lexicon.sorted;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < word) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low].startsWith(word);
}

/**
 * The groups (numbers) a typed word (normalised) belongs to: the groups it is a form of; for a form the lexicon lacks,
 * the groups with a form of the same stem; none for a word the library does not use.
 */
export function groupsOf(lexicon: Lexicon, word: string): number[] {
  const exact = lexicon.byForm.get(word);
  if (exact) return exact;
  lexicon.byStem ??= stemIndex(lexicon);
  return [...new Set(lexicon.byStem.get(wordKey(word, 'uk')) ?? [])];
}

/** Every form's stem key → its groups. */
function stemIndex(lexicon: Lexicon): Map<string, number[]> {
  const byStem = new Map<string, number[]>();
  for (const [form, groups] of lexicon.byForm) {
    const key = wordKey(form, 'uk');
    byStem.set(key, [...(byStem.get(key) ?? []), ...groups]);
  }
  return byStem;
}

/** Searches a query becomes, at most: a word of several groups multiplies them, and a teacher's query is short. */
const MAX_VARIANTS = 8;

/**
 * What to ask the index for a Ukrainian query: each word as the tokens of its groups, or as typed when the lexicon
 * has no group for it but a word of the library begins with it (a name, a function word, a word still being typed:
 * the index's own prefix match finds it). A word of several groups (мила: милий, мило, мити) makes one search per
 * group; their results are merged. A word nothing in the library begins with makes no search at all: the index would
 * fall back to any word that begins the typed one ("пвроль" → "п"), which finds nonsense.
 */
export function indexQueries(lexicon: Lexicon, query: string): string[] {
  let variants = [''];
  for (const word of tokenize(query)) {
    const groups = groupsOf(lexicon, word);
    if (!groups.length && !beginsAWord(lexicon, word)) return [];
    const terms = groups.length ? groups.map((group) => indexToken(group, lexicon.groups.length)) : [word];
    variants = variants.flatMap((variant) => terms.map((term) => (variant ? `${variant} ${term}` : term))).slice(0, MAX_VARIANTS);
  }
  return variants.filter(Boolean);
}

/** Edits (letters added, dropped or changed) at most, for a word to be suggested for a misspelt one of this length. */
function maxEdits(length: number): number {
  return length < 5 ? 1 : 2;
}

/**
 * Words of the lexicon close to a word it does not have (a misspelling: "паролм", "скриншот"), nearest first: one form
 * per group, the group's own name where it is as near. At most `limit`.
 */
export function similarWords(lexicon: Lexicon, word: string, limit = 3): string[] {
  const best = new Map<number, { form: string; distance: number }>();
  const most = maxEdits(word.length);
  for (const [form, groups] of lexicon.byForm) {
    if (Math.abs(form.length - word.length) > most) continue;
    const distance = editDistance(word, form, most);
    if (distance > most) continue;
    for (const group of groups) {
      const known = best.get(group);
      const isName = form === lexicon.groups[group].key;
      if (!known || distance < known.distance || (distance === known.distance && isName)) best.set(group, { form, distance });
    }
  }
  return [...new Set([...best.values()].sort((a, b) => a.distance - b.distance || (a.form < b.form ? -1 : 1)).map((item) => item.form))].slice(0, limit);
}

/** Levenshtein distance, or `most + 1` as soon as it must exceed `most`. */
export function editDistance(a: string, b: string, most = Infinity): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > most) return most + 1;
    previous = current;
  }
  return previous[b.length];
}
