/**
 * The checker's message catalogue: every problem the checker, the build, the dev server and the kit report is one rule
 * (a stable id such as `bands-value`) with parameters; its message and hint are made here, in Ukrainian by default or
 * in English (`LESSON_KITS_LANG=en`, or `--lang en` on the command line).
 */
import type { Lang } from '../../model/formats.ts';
import type { MessageEntry } from './types.ts';
import { uk, ukReport } from './uk.ts';
import { en, enReport } from './en.ts';

/** A rule's id. */
export type RuleId = keyof typeof uk;

/** The parameters a rule's message is made from. */
export type RuleParams<R extends RuleId> = (typeof uk)[R] extends MessageEntry<infer P> ? P : never;

/** A catalogue in one language: every rule of the Ukrainian one, with the same parameters. */
export type Catalogue = { [R in RuleId]: MessageEntry<RuleParams<R>> };

/** The words around messages (severity, "hint", counts, the dev error page). */
export type ReportStrings = typeof ukReport;

/** Every catalogue by language. */
export const CATALOGUES: Record<Lang, Catalogue> = { uk, en };

/** Report strings by language. */
export const REPORT_STRINGS: Record<Lang, ReportStrings> = { uk: ukReport, en: enReport };

/** Every rule id, in catalogue order. */
export const RULE_IDS = Object.keys(uk) as RuleId[];

/** The environment variable that chooses the language of messages (`uk` or `en`). */
export const MESSAGE_LANG_VARIABLE = 'LESSON_KITS_LANG';

/** The language messages are written in now: `LESSON_KITS_LANG` when it names one, else Ukrainian. */
export function messageLang(): Lang {
  const chosen = typeof process === 'undefined' ? undefined : process.env[MESSAGE_LANG_VARIABLE];
  return chosen === 'en' ? 'en' : 'uk';
}

/**
 * `--lang en` (or `--lang=en`) among command-line arguments, if any, made the language of messages for this process
 * and its workers; returns the arguments without it. An unknown language is refused.
 */
export function takeLangArgument(args: readonly string[]): string[] {
  const at = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (at < 0) return [...args];
  const value = args[at]!.includes('=') ? args[at]!.slice('--lang='.length) : args[at + 1];
  if (value !== 'uk' && value !== 'en') throw new Error(`--lang takes uk or en, not ${value ?? 'nothing'}`);
  process.env[MESSAGE_LANG_VARIABLE] = value;
  return args.filter((_, i) => i !== at && (args[at]!.includes('=') || i !== at + 1));
}

/** True when a string is a rule id of the catalogue. */
export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(uk, value);
}

/** A rule's message and hint in a language. */
export function renderRule<R extends RuleId>(rule: R, params: RuleParams<R>, lang: Lang = messageLang()): { message: string; hint: string } {
  const texts = CATALOGUES[lang][rule] as MessageEntry<RuleParams<R>>;
  return { message: texts.message(params), hint: texts.hint(params) };
}

/** The report strings in the language of messages. */
export function reportStrings(lang: Lang = messageLang()): ReportStrings {
  return REPORT_STRINGS[lang];
}
