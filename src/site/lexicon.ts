/**
 * The lexicon of the library's Ukrainian words, made at build time: which word groups (lexemes) each word of the
 * indexed pages belongs to, and every form of those groups for the browser (src/site/words.ts explains how search
 * uses them). Word forms come from Debian's hunspell-uk dictionary (read by ./hunspell.ts; not copied into the
 * repository) and from this project's own list (./word-forms.uk.txt) for what the dictionary lacks or splits:
 * irregular plurals (друг/друзі) and new words (акаунт, секстинг). Build time only (Node).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AuthorError, displayPath, error, inFile, type Diagnostic } from '../model/diagnostics.ts';
import { DEBIAN_UK_DICTIONARY, DictionaryError, formsOf, inflectLike, readDictionary, stemsOf, type Dictionary } from './hunspell.ts';
import { indexToken, normalizeText, packLexicon, type LexiconData, type WordGroup } from './words.ts';

/** The project's own word forms. */
export const WORD_FORMS_FILE = fileURLToPath(new URL('./word-forms.uk.txt', import.meta.url));

/** Environment variable naming another Hunspell dictionary of Ukrainian (its path without .aff/.dic). */
export const DICTIONARY_VARIABLE = 'LESSON_KITS_UK_DICTIONARY';

/**
 * Function words that get no group: a search for one gains nothing from its other forms (the browser then searches it
 * as typed), and they are a third of a lesson's words, so their tokens would grow the index by as much.
 */
const FUNCTION_WORDS = new Set(
  `а але або б би бо в від вже ви він вона вони воно все всі вся де для до е є ж же з за зі й і із їй їм їх їхній її
  або коли куди лише ми мене мені мною на над нам нами нас не нею ни ні ній ним ними них ньому о об от по під при про
  та так також те теж ти ті тим тими тих то тобі тобою тож той тому ту тут у це цей ці цим цими цих цій цього цьому цю
  ця через чи чим чого чому що щоб я як яка які якого якої якому якщо якій яким якими яких яку`.split(/\s+/),
);

/** Where the dictionary is read from. */
export function dictionaryPath(): string {
  return process.env[DICTIONARY_VARIABLE] || DEBIAN_UK_DICTIONARY;
}

/** A dictionary word as search writes words; most are already (lower case, no ґ), and normalising 330 000 cost 0.4 s. */
function normalizeDictionaryWord(word: string): string {
  return /^[а-щьюяєії']*$/.test(word) ? word : normalizeText(word);
}

/** The sources of word forms, read once per build. */
export interface WordForms {
  dictionary: Dictionary;
  /** The project's own groups (from word-forms.uk.txt), by key. */
  own: Map<string, WordGroup>;
}

/** The problem of a dictionary that is not there, so a build can stop before it builds pages it could not index. */
export function missingDictionary(base = dictionaryPath()): Diagnostic[] {
  const missing = [`${base}.aff`, `${base}.dic`].find((file) => !existsSync(file));
  return missing ? dictionaryProblem(base, `${missing} is missing`) : [];
}

/** The dictionary's problem, at its .aff file. */
function dictionaryProblem(base: string, reason: string): Diagnostic[] {
  return inFile(`${base}.aff`, [error(1, 1, 'search-dictionary-missing', { reason, variable: DICTIONARY_VARIABLE })]);
}

/**
 * Read the dictionary and the project's own word forms. A missing dictionary or a wrong line of the list stops the
 * build with what to do (an AuthorError: printed as file:line:column and a hint, no stack).
 */
export function loadWordForms(base = dictionaryPath(), ownFile = WORD_FORMS_FILE): WordForms {
  let dictionary: Dictionary;
  try {
    dictionary = readDictionary(base, normalizeDictionaryWord);
  } catch (cause) {
    if (!(cause instanceof DictionaryError)) throw cause;
    throw new AuthorError(dictionaryProblem(base, cause.message));
  }
  const { groups, diagnostics } = readOwnForms(readFileSync(ownFile, 'utf8'), displayPath(ownFile), dictionary);
  if (diagnostics.length) throw new AuthorError(diagnostics);
  return { dictionary, own: groups };
}

/** The groups of word-forms.uk.txt (`word ~ model` and `word: forms…` lines; # starts a comment). */
export function readOwnForms(text: string, file: string, dictionary: Dictionary): { groups: Map<string, WordGroup>; diagnostics: Diagnostic[] } {
  const groups = new Map<string, WordGroup>();
  const findings = text.split('\n').flatMap((raw, index) => {
    const line = normalizeText(raw.replace(/#.*/, '')).trim();
    if (!line) return [];
    const like = /^([\p{L}']+)\s*~\s*([\p{L}']+)$/u.exec(line);
    const listed = /^([\p{L}']+)\s*:\s*([\p{L}' ]+)$/u.exec(line);
    if (like) {
      const [, word, model] = like;
      if (!dictionary.stems.has(model)) return [error(index + 1, raw.indexOf('~') + 3, 'search-forms-model', { word, model })];
      groups.set(word, { key: word, forms: inflectLike(dictionary, word, model) });
    } else if (listed) {
      const forms = listed[2].split(/\s+/).filter(Boolean);
      groups.set(listed[1], { key: listed[1], forms: forms.includes(listed[1]) ? forms : [listed[1], ...forms] });
    } else {
      return [error(index + 1, 1, 'search-forms-line', { text: raw.trim() })];
    }
    return [];
  });
  return { groups, diagnostics: inFile(file, findings) };
}

/**
 * The word groups of a library's words: `keysOf` answers for one word and notes its groups; `finish` numbers every
 * group noted (in order of key, so the same library gives the same numbers) and gives the lexicon for the browser and
 * each word's index tokens.
 */
export class LexiconBuilder {
  readonly #forms: WordForms;
  /** Dictionary stems the project's own groups take over (друзі, дітьми: entries of one irregular word). */
  readonly #ownByStem = new Map<string, string>();
  /** Form → the project's own groups that list it. */
  readonly #ownByForm = new Map<string, string[]>();
  readonly #keys = new Map<string, string[]>();
  readonly #used = new Map<string, WordGroup>();
  /** Words asked about that belong to no group. */
  readonly #plain = new Set<string>();

  constructor(forms: WordForms) {
    this.#forms = forms;
    for (const group of forms.own.values()) {
      const own = new Set(group.forms);
      for (const form of group.forms) {
        this.#ownByForm.set(form, [...(this.#ownByForm.get(form) ?? []), group.key]);
        // A dictionary entry all of whose forms the group lists is part of the group, not a word of its own.
        if (forms.dictionary.stems.has(form) && formsOf(forms.dictionary, form).every((other) => own.has(other))) this.#ownByStem.set(form, group.key);
      }
    }
  }

  /** The keys of the groups a normalised word belongs to (none for a word neither source knows). */
  keysOf(word: string): string[] {
    const known = this.#keys.get(word);
    if (known) return known;
    if (FUNCTION_WORDS.has(word)) {
      this.#plain.add(word);
      return [];
    }
    const keys = new Set(this.#ownByForm.get(word) ?? []);
    for (const stem of stemsOf(this.#forms.dictionary, word)) keys.add(this.#ownByStem.get(stem) ?? stem);
    const result = [...keys];
    for (const key of result) if (!this.#used.has(key)) this.#used.set(key, this.#group(key));
    if (!result.length) this.#plain.add(word);
    this.#keys.set(word, result);
    return result;
  }

  /** A group by key: the project's own, or a dictionary word with every form. */
  #group(key: string): WordGroup {
    return this.#forms.own.get(key) ?? { key, forms: formsOf(this.#forms.dictionary, key) };
  }

  /** The lexicon of every group noted so far, and the tokens of a word (its groups among them). */
  finish(): FinishedLexicon {
    const groups = [...this.#used.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const numbers = new Map(groups.map((group, index) => [group.key, index]));
    return {
      data: packLexicon(groups, [...this.#plain].filter((word) => /\p{L}/u.test(word))),
      groupCount: groups.length,
      tokensOf: (word) => this.keysOf(word).flatMap((key) => (numbers.has(key) ? [indexToken(numbers.get(key)!, groups.length)] : [])),
    };
  }
}

/** A finished lexicon: the browser's data, and each word's index tokens. */
export interface FinishedLexicon {
  data: LexiconData;
  groupCount: number;
  /** A normalised word's tokens (none for a word of no group noted before `finish`). */
  tokensOf(word: string): string[];
}

/** Whether the dictionary is where the build will look (for tests and messages). */
export function dictionaryInstalled(base = dictionaryPath()): boolean {
  return existsSync(`${base}.aff`) && existsSync(`${base}.dic`);
}
