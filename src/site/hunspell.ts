/**
 * A reader for the Hunspell dictionary of Ukrainian (Debian's hunspell-uk: uk_UA.aff and uk_UA.dic), enough to find
 * which dictionary words a word form belongs to and to list all forms of a dictionary word. That dictionary uses
 * suffix rules only (no prefixes, no two-level suffixes), one character per flag; anything else is refused with a
 * clear error rather than read wrongly. Build time only (Node).
 */
import { existsSync, readFileSync } from 'node:fs';

/** One suffix rule: strip `strip` from a stem that ends as `condition` says, then add `add`. */
interface SuffixRule {
  strip: string;
  add: string;
  /** The rule's condition on the end of the stem. */
  condition: RegExp;
}

/** A dictionary: its stems with their flags, and its suffix rules by flag and by the ending they add. */
export interface Dictionary {
  /** Normalised stem → the flags of its entries, joined (a stem may be listed more than once, e.g. a name and a noun). */
  stems: Map<string, string>;
  rules: Map<string, SuffixRule[]>;
  /** Ending a rule adds → the rules (with their flags) that add it, for analysis. */
  byEnding: Map<string, { flag: string; rule: SuffixRule }[]>;
}

/** Where Debian's hunspell-uk puts the dictionary (without .aff/.dic). */
export const DEBIAN_UK_DICTIONARY = '/usr/share/hunspell/uk_UA';

/** Why the dictionary cannot be read, for a message that says how to fix it. */
export class DictionaryError extends Error {}

/**
 * Read a Hunspell dictionary (`<base>.aff` and `<base>.dic`). `normalize` is applied to stems and to the rules' letters
 * (not to flags), so that stems and forms are written as the words they are compared with.
 */
export function readDictionary(base: string, normalize: (text: string) => string = (text) => text.toLowerCase()): Dictionary {
  for (const file of [`${base}.aff`, `${base}.dic`]) {
    if (!existsSync(file)) throw new DictionaryError(`${file} is missing`);
  }
  const rules = readAffixes(readFileSync(`${base}.aff`, 'utf8'), normalize);
  const byEnding = new Map<string, { flag: string; rule: SuffixRule }[]>();
  for (const [flag, list] of rules) {
    for (const rule of list) {
      const entry = byEnding.get(rule.add) ?? [];
      entry.push({ flag, rule });
      byEnding.set(rule.add, entry);
    }
  }
  return { stems: readStems(readFileSync(`${base}.dic`, 'utf8'), normalize), rules, byEnding };
}

/** The SFX rules of an .aff file, by flag. */
function readAffixes(text: string, normalize: (text: string) => string): Map<string, SuffixRule[]> {
  const rules = new Map<string, SuffixRule[]>();
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === 'FLAG') throw new DictionaryError(`FLAG ${fields[1]} is not supported (one character per flag only)`);
    if (fields[0] === 'PFX') throw new DictionaryError('prefix rules (PFX) are not supported');
    if (fields[0] !== 'SFX' || fields.length < 5) continue; // the header line of a rule set has 4 fields
    const [, flag, strip, add, condition] = [fields[0], fields[1], ...fields.slice(2, 5).map(normalize)];
    if (add.includes('/')) throw new DictionaryError(`two-level suffixes (${add}) are not supported`);
    const list = rules.get(flag) ?? [];
    list.push({ strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add, condition: new RegExp(`${condition === '.' ? '' : condition}$`, 'u') });
    rules.set(flag, list);
  }
  return rules;
}

/** The stems of a .dic file (its first line is the entry count), normalised, with their flags (all entries' flags joined). */
function readStems(text: string, normalize: (text: string) => string): Map<string, string> {
  const stems = new Map<string, string>();
  // Read line by line with indexOf: the Ukrainian dictionary has 330 000 lines, and split() doubled the time.
  for (let start = text.indexOf('\n') + 1; start > 0 && start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const slash = text.indexOf('/', start);
    const line = text.slice(start, slash >= 0 && slash < end ? slash : end).trim();
    if (line) {
      const stem = normalize(line);
      const flags = slash >= 0 && slash < end ? text.slice(slash + 1, end).trim().split(/\s/)[0] : '';
      stems.set(stem, (stems.get(stem) ?? '') + flags);
    }
    start = end + 1;
  }
  return stems;
}

/** The dictionary words (stems, lower case) a lower-case word is a form of: itself if listed, and every stem a rule leads back to. */
export function stemsOf(dictionary: Dictionary, word: string): string[] {
  const found = new Set<string>();
  if (dictionary.stems.has(word)) found.add(word);
  for (let cut = 0; cut < word.length; cut++) {
    const ending = word.slice(word.length - cut);
    for (const { flag, rule } of dictionary.byEnding.get(ending) ?? []) {
      const stem = word.slice(0, word.length - cut) + rule.strip;
      if (!rule.condition.test(stem)) continue;
      if (dictionary.stems.get(stem)?.includes(flag)) found.add(stem);
    }
  }
  return [...found];
}

/** Every form of a dictionary word (normalised): the stem, and what each rule of its flags makes of it. */
export function formsOf(dictionary: Dictionary, stem: string): string[] {
  return applyFlags(dictionary, stem, dictionary.stems.get(stem) ?? '');
}

/** Every form of a word the dictionary lacks, inflected with the flags of a dictionary word of the same pattern. */
export function inflectLike(dictionary: Dictionary, word: string, model: string): string[] {
  return applyFlags(dictionary, word, dictionary.stems.get(model) ?? '');
}

/** A stem and what each rule of the given flags makes of it. */
function applyFlags(dictionary: Dictionary, stem: string, flags: string): string[] {
  const forms = new Set<string>([stem]);
  for (const flag of new Set(flags)) {
    for (const rule of dictionary.rules.get(flag) ?? []) {
      if (rule.condition.test(stem) && stem.endsWith(rule.strip)) forms.add(stem.slice(0, stem.length - rule.strip.length) + rule.add);
    }
  }
  return [...forms];
}
