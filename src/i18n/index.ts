import { uk } from './uk.ts';
import { en } from './en.ts';
import type { Lang } from '../model/formats.ts';

/** The shape every language's UI strings must have: the Ukrainian set is the reference. */
export type UiStrings = typeof uk;

/** UI strings by language (site and kits). */
export const STRINGS: Record<Lang, UiStrings> = { uk, en };

/** The UI strings for a language. */
export function t(lang: Lang): UiStrings {
  return STRINGS[lang];
}

/** The BCP 47 tag for `<html lang>` and PDF metadata. */
export function htmlLang(lang: Lang): string {
  return lang === 'uk' ? 'uk' : 'en';
}
