import { z } from 'astro/zod';
import { DateSchema } from './schema.ts';
import { parseYaml, issuesToFindings } from './frontmatter.ts';
import { displayPath, error, inFile, warning, type Diagnostic } from './diagnostics.ts';
import { readDataText } from './files.ts';
import { MAX_DATA_BYTES } from './limits.ts';
import { WebUrlSchema } from './links.ts';
import { BAND_IDS, bandOrder, type BandId } from './bands.ts';
import { isStale, STALE_AFTER_MONTHS, today } from './freshness.ts';

/** Text that must not be empty. */
const Text = z.string().trim().min(1);

/** One helpline or reporting service: a fact that goes stale, so it carries its source and date verified. */
export const HelplineSchema = z
  .strictObject({
    /** Stable ASCII id. */
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case Latin letters, digits and hyphens'),
    /** Name in Ukrainian and English. */
    name: Text,
    name_en: Text,
    /** Phone number as dialled, e.g. "116 111". */
    phone: Text.optional(),
    /** Web address or messenger link. */
    url: WebUrlSchema.optional(),
    /** Opening hours. */
    hours: Text.optional(),
    hours_en: Text.optional(),
    /** What it is for. */
    purpose: Text,
    purpose_en: Text,
    /** Who it is for. */
    audience: z.array(z.enum(['children', 'parents', 'teachers'])).min(1),
    /**
     * The youngest band whose pupils may be handed this entry (children in `audience` only). Default `9-11`: an entry
     * nobody has judged for younger children reaches only the oldest pupils.
     */
    min_band: z.enum(BAND_IDS).default('9-11'),
    /** The page where the fact was confirmed. */
    source: WebUrlSchema,
    /** The date it was confirmed from the source, or null when it could not be: then it prints "не перевірено". */
    verified: DateSchema.nullable(),
  })
  .refine((line) => line.phone || line.url, { error: 'give a phone number or a url', params: { rule: 'helpline-contact' } });

/** A validated helpline entry. */
export type Helpline = z.output<typeof HelplineSchema>;

/** Read lessons/_data/helplines.yaml; a missing or invalid file is an error, an unverified or long unverified entry a warning. */
export function loadHelplines(file: string): { helplines: Helpline[]; diagnostics: Diagnostic[] } {
  const path = displayPath(file);
  const read = readDataText(file, MAX_DATA_BYTES);
  if (!read) {
    return { helplines: [], diagnostics: inFile(path, [error(1, 1, 'helplines-missing')]) };
  }
  if ('problem' in read) return { helplines: [], diagnostics: inFile(path, [read.problem]) };
  const yaml = parseYaml(read.text, 1);
  if (yaml.findings.length) return { helplines: [], diagnostics: inFile(path, yaml.findings) };
  const result = z.array(HelplineSchema).min(1).safeParse(yaml.value, { reportInput: true });
  if (!result.success) return { helplines: [], diagnostics: inFile(path, issuesToFindings(result.error.issues, yaml)) };
  const now = today();
  const findings = result.data.flatMap((line, index) => {
    const { line: at, column } = yaml.locate([index, 'verified']);
    if (line.verified === null) return [warning(at, column, 'helpline-unverified', { name: line.name })];
    if (isStale(line.verified, now)) return [warning(at, column, 'helpline-stale', { name: line.name, verified: line.verified, months: STALE_AFTER_MONTHS })];
    return [];
  });
  return { helplines: result.data, diagnostics: inFile(path, findings) };
}

/** The date the oldest verified fact was checked, for "facts verified on …" lines; undefined if none. */
export function oldestVerification(helplines: readonly Helpline[]): string | undefined {
  return helplines.map((line) => line.verified).filter((date): date is string => date !== null).sort()[0];
}

/** Who a printed or shown list of helplines is for. */
export const HELPLINE_READERS = ['pupils', 'adults'] as const;

/** Who a printed or shown list of helplines is for. */
export type HelplineReader = (typeof HELPLINE_READERS)[number];

/**
 * The entries a reader may be handed. Pupils get only verified entries meant for children whose `min_band` is no older
 * than the youngest of `bands` (the lesson's bands): a frightened child must never reach a dead or taken-over contact,
 * and an 11-year-old is not sent alone to a reporting portal. Without `bands`, pupils get what the youngest band (4–6)
 * may be handed. Adults (teachers' and parents' pages) get every entry, unverified ones marked "не перевірено" where
 * they are shown; `bands` does not matter for them.
 */
export function helplinesFor(helplines: readonly Helpline[], reader: HelplineReader, bands: readonly BandId[] = []): Helpline[] {
  if (reader === 'adults') return [...helplines];
  const youngest = bands.length ? Math.min(...bands.map(bandOrder)) : 0;
  return helplines.filter((line) => line.verified !== null && line.audience.includes('children') && bandOrder(line.min_band) <= youngest);
}
