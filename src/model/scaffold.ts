/**
 * A new lesson from a template (`npm run new`): one template per format in templates/<format>.mdx, filled with the
 * title, bands, date and authors. The answers an author types are read leniently (a dash for a hyphen, Ukrainian names
 * of formats) and checked against the content model before anything is written.
 */
import { BAND_IDS, sortBands, type BandId } from './bands.ts';
import { FORMATS, FORMAT_IDS, type FormatId } from './formats.ts';
import { TEMPLATE_MARK } from './template.ts';

/** What a template is filled with. */
export interface ScaffoldAnswers {
  title: string;
  bands: BandId[];
  format: FormatId;
  /** YYYY-MM-DD. */
  updated: string;
  /** Real people or roles; none known yet is written as a mark to fill. */
  authors: string[];
}

/** A template with its placeholders filled; strings go in as YAML double-quoted scalars (JSON is valid YAML). */
export function fillTemplate(template: string, answers: ScaffoldAnswers): string {
  const authors = answers.authors.length ? answers.authors : [`${TEMPLATE_MARK}: ваше ім’я або роль`];
  const values: Record<string, string> = {
    title: JSON.stringify(answers.title),
    bands: `[${sortBands(answers.bands).join(', ')}]`,
    updated: answers.updated,
    authors: `[${authors.map((author) => JSON.stringify(author)).join(', ')}]`,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => values[name] ?? match);
}

/** The bands in an answer such as "5–6, 7-8" (any dash, commas or spaces between), or the first word that is not one. */
export function parseBands(answer: string): { bands: BandId[] } | { wrong: string } {
  const words = answer.replace(/[‐‑‒–—―−]/g, '-').split(/[\s,;]+/).filter(Boolean);
  if (!words.length) return { wrong: answer };
  for (const word of words) if (!(BAND_IDS as readonly string[]).includes(word)) return { wrong: word };
  return { bands: sortBands(words as BandId[]) };
}

/** The format in an answer: its id, its Ukrainian or English name, or its number in FORMAT_IDS (1, 2, 3). */
export function parseFormat(answer: string): FormatId | undefined {
  const word = answer.trim().toLowerCase();
  const byNumber = /^\d+$/.test(word) ? FORMAT_IDS[Number(word) - 1] : undefined;
  return byNumber ?? FORMAT_IDS.find((id) => id === word || FORMATS[id].uk.toLowerCase() === word || FORMATS[id].en.toLowerCase() === word);
}

/** The format a lesson for these bands is most likely: a session for preschool only, else a lesson. */
export function suggestedFormat(bands: readonly BandId[]): FormatId {
  return bands.length > 0 && bands.every((band) => band === '4-6') ? 'session' : 'lesson';
}
