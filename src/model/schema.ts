import { z } from 'astro/zod';
import { BAND_IDS, sortBands } from './bands.ts';
import { FORMAT_IDS } from './formats.ts';
import { TOPIC_IDS } from './topics.ts';
import { DEFAULT_LICENSE, LICENSE_IDS } from './licenses.ts';

/** `YYYY-MM-DD`, the only date form a lesson uses. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written in YAML: the `yaml` package yields a string, Astro's js-yaml a Date. */
export const DateSchema = z
  .union([z.date(), z.string().regex(ISO_DATE, 'expected a date written as YYYY-MM-DD')])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)))
  .refine(isCalendarDate, { error: (issue) => `"${String(issue.input)}" is not a date in the calendar`, params: { rule: 'date-impossible' } });

/** True when `YYYY-MM-DD` names a day that exists (Date.parse would roll 2026-02-31 over to 3 March). */
export function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

/** A non-empty line of text, trimmed. */
const Line = z.string().trim().min(1, 'must not be empty');

/** One glossary entry: a term and its age-appropriate definition. */
export const GlossaryEntrySchema = z.strictObject({ term: Line, definition: Line });

/** Content guidance for the teacher, shown before the lesson on the site and on the kit cover. */
export const SensitivitySchema = z.strictObject({
  /** How much care the topic needs: low, medium or high. */
  level: z.enum(['low', 'medium', 'high']),
  /** What may upset, what to prepare, whom to involve (at least one note). */
  notes: z.array(Line).min(1, 'write at least one note for the teacher'),
});

/** A lesson's frontmatter (DESIGN §2); shared by the site, the kits and the checker. */
export const LessonSchema = z.strictObject({
  /** The lesson's title. */
  title: Line.max(120, 'keep the title under 120 characters'),
  /** One or two sentences for cards, search results and the kit cover. */
  summary: Line.min(20, 'write one or two full sentences').max(400, 'keep the summary under 400 characters'),
  /** One or more age bands, e.g. `[7-8, 9-11]`. */
  bands: z.array(z.enum(BAND_IDS)).min(1, 'name at least one age band').transform(sortBands),
  /** `lesson`, `quest` or `session`. */
  format: z.enum(FORMAT_IDS),
  /** Total minutes; equals the sum of the stages' minutes. */
  duration: z.number().int('whole minutes only').positive().max(240),
  /** Topics from the fixed vocabulary. */
  topics: z.array(z.enum(TOPIC_IDS)).min(1, 'name at least one topic'),
  /** 2–5 observable learning outcomes. */
  objectives: z.array(Line).min(2, 'write 2 to 5 objectives').max(5, 'write 2 to 5 objectives'),
  /** What to print or bring. Default: none. */
  materials: z.array(Line).default([]),
  /** What to do before class. Default: nothing. */
  preparation: z.array(Line).default([]),
  /** Terms with age-appropriate definitions. Default: none. */
  glossary: z.array(GlossaryEntrySchema).default([]),
  /** Content guidance for the teacher. */
  sensitivity: SensitivitySchema,
  /** Date of the last substantive change, YYYY-MM-DD. */
  updated: DateSchema,
  /** Real people or roles only; never invented names. */
  authors: z.array(Line).min(1, 'name at least one author or role'),
  /** Methodologists who reviewed the lesson. Default: none (the lesson says it awaits review). */
  reviewers: z.array(Line).default([]),
  /** Licence of the lesson text. Default: `CC-BY-SA-4.0`. */
  license: z.enum(LICENSE_IDS).default(DEFAULT_LICENSE),
  /** Drafts show in `npm run dev` and are never published. Default: false. */
  draft: z.boolean().default(false),
});

/** A lesson's validated frontmatter. */
export type LessonData = z.output<typeof LessonSchema>;
