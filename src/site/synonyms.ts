/**
 * Everyday words and common misspellings a teacher may type, and what the search looks for instead: the words the
 * lessons use. A small table kept by hand (docs/ARCHITECTURE.md, "Search"); the search page says when it searched for
 * something else ("Шукаємо «інтимні фото» (ви написали «нюдси»)"). An entry applies only where the library does not
 * use the typed word itself (a lesson that says "булінг" is found by "булінг"). Pure data and functions, for the browser.
 */
import { tokenize } from './words.ts';
import type { Lang } from '../model/formats.ts';

/** One entry: what may be typed (any of these words or phrases, in any case) and what to search instead. */
export interface Synonym {
  typed: string[];
  /** What to search instead; without it, the typed words are searched as they are. */
  search?: string;
  /** Also point to the page that says where to get help (a topic no lesson teaches, such as bullying). */
  help?: boolean;
}

/** The table, per language. */
export const SYNONYMS: Record<Lang, Synonym[]> = {
  uk: [
    { typed: ['нюдси', 'нюдс', 'нюдсів', 'нюдсами', 'нюди', 'нюдів', 'інтимки', 'оголені фото', 'голі фото'], search: 'інтимні фото' },
    { typed: ['секстінг', 'секстінгу', 'секстінгом', 'сексінг', 'секстін'], search: 'секстинг' },
    { typed: ['сексторшн', 'сексторшин', 'секс-шантаж', 'сексшантаж'], search: 'сексторшен' },
    { typed: ['грумінг', 'грумінгу', 'грумінгом', 'кібергруммінг'], search: 'кібергрумінг' },
    { typed: ['скрін', 'скріни', 'скрінів', 'скрин', 'скрини', 'скриншот', 'скриншоти', 'скриншотів', 'скрінщот'], search: 'скріншот' },
    { typed: ['аккаунт', 'аккаунта', 'аккаунти', 'аккаунтів', 'акк', 'акаунтик'], search: 'акаунт' },
    { typed: ['кібербулінг', 'кібербулінгу', 'кібербулінгом', 'булінг', 'булінгу', 'булінгом', 'травля', 'травлі'], search: 'телефон довіри', help: true },
    { typed: ['куди дзвонити'], search: 'телефон довіри', help: true },
    { typed: ['телефон довіри', 'телефони довіри', 'гаряча лінія', 'гарячу лінію'], help: true },
  ],
  en: [
    { typed: ['nudes', 'nude', 'nude photos', 'nudes photos'], search: 'intimate images' },
    { typed: ['cyberbullying', 'cyber bullying'], search: 'helpline', help: true },
  ],
};

/** What a query becomes after the table: the query to search, and whether it replaced anything. */
export interface Rewritten {
  query: string;
  /** The words searched instead, when the table changed the query. */
  replaced?: string;
  help: boolean;
}

/**
 * Replace every typed word or phrase of the table found in a query (whole words, any case) by what to search, unless
 * every word of it is one the library uses (`known`).
 */
export function applySynonyms(query: string, known: (word: string) => boolean, table: readonly Synonym[]): Rewritten {
  let words = tokenize(query);
  let changed = false;
  let help = false;
  // Longest phrases first, so "гаряча лінія" wins over a one-word entry.
  const entries = table
    .flatMap((entry) => entry.typed.map((typed) => ({ typed: tokenize(typed), entry })))
    // An entry that only points to help applies whatever the words; one that replaces them, only to words the library lacks.
    .filter(({ typed, entry }) => !entry.search || !typed.every(known))
    .sort((a, b) => b.typed.length - a.typed.length);
  for (const { typed, entry } of entries) {
    for (let at = 0; at + typed.length <= words.length; at++) {
      if (typed.every((word, i) => words[at + i] === word)) {
        const instead = entry.search ? tokenize(entry.search) : typed;
        words = [...words.slice(0, at), ...instead, ...words.slice(at + typed.length)];
        changed ||= !!entry.search;
        help ||= !!entry.help;
        at += instead.length - 1;
      }
    }
  }
  return changed && words.join(' ') !== tokenize(query).join(' ') ? { query: words.join(' '), replaced: words.join(' '), help } : { query, help };
}
