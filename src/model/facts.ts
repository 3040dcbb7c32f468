import { z } from 'astro/zod';
import { DateSchema } from './schema.ts';
import { parseYaml, issuesToFindings } from './frontmatter.ts';
import { displayPath, error, inFile, warning, type Diagnostic } from './diagnostics.ts';
import { readDataText } from './files.ts';
import { MAX_DATA_BYTES } from './limits.ts';
import { WebUrlSchema } from './links.ts';
import { isStale, STALE_AFTER_MONTHS, today } from './freshness.ts';

/** A statement that goes stale (a law, a rule of a service): the text, its source, and when it was verified. */
export const FactSchema = z.strictObject({
  /** Stable ASCII id, used as `<Fact id="…" />`. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case Latin letters, digits and hyphens'),
  /** The statement in Ukrainian and English, saying only what the source states. */
  statement: z.string().trim().min(1),
  statement_en: z.string().trim().min(1),
  /** The page where it was confirmed. */
  source: WebUrlSchema,
  /** The date it was confirmed, or null: then it prints "не перевірено". */
  verified: DateSchema.nullable(),
  /** Printed with the shared disclosure protocol wherever it appears (a national procedure a teacher must follow). Default false. */
  protocol: z.boolean().default(false),
});

/** A validated fact. */
export type Fact = z.output<typeof FactSchema>;

/** Read lessons/_data/facts.yaml (optional: a library may cite no facts). */
export function loadFacts(file: string): { facts: Fact[]; diagnostics: Diagnostic[] } {
  const read = readDataText(file, MAX_DATA_BYTES);
  if (!read) return { facts: [], diagnostics: [] };
  const path = displayPath(file);
  if ('problem' in read) return { facts: [], diagnostics: inFile(path, [read.problem]) };
  const yaml = parseYaml(read.text, 1);
  if (yaml.findings.length) return { facts: [], diagnostics: inFile(path, yaml.findings) };
  const result = z.array(FactSchema).safeParse(yaml.value ?? [], { reportInput: true });
  if (!result.success) return { facts: [], diagnostics: inFile(path, issuesToFindings(result.error.issues, yaml)) };
  const seen = new Set<string>();
  const now = today();
  const findings = result.data.flatMap((fact, index) => {
    const { line, column } = yaml.locate([index, 'id']);
    if (seen.has(fact.id)) return [error(line, column, 'fact-duplicate', { id: fact.id })];
    seen.add(fact.id);
    const at = yaml.locate([index, 'verified']);
    if (fact.verified === null) return [warning(at.line, at.column, 'fact-unverified', { id: fact.id })];
    if (isStale(fact.verified, now)) return [warning(at.line, at.column, 'fact-stale', { id: fact.id, verified: fact.verified, months: STALE_AFTER_MONTHS })];
    return [];
  });
  return { facts: result.data, diagnostics: inFile(path, findings) };
}
