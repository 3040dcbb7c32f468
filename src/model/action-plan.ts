import type { Nodes } from 'mdast';
import { z } from 'astro/zod';
import { BAND_IDS, type BandId } from './bands.ts';
import type { Lang } from './formats.ts';
import { parseYaml, issuesToFindings } from './frontmatter.ts';
import { displayPath, error, inFile, type Diagnostic, type Finding } from './diagnostics.ts';
import { isJsx, isParent, textAttribute } from './mdast.ts';
import type { LoadedLesson } from './load.ts';
import { readDataText } from './files.ts';
import { MAX_DATA_BYTES } from './limits.ts';

/** Text that must not be empty. */
const Text = z.string().trim().min(1);

/** One step of the plan: a short name ("Стоп!") and what the child does, in the band's words. */
const StepSchema = z.strictObject({ name: Text, text: Text });

/**
 * The plan in one language. The three steps are named fields, not a list, so the order every band learns — stop, tell
 * a trusted adult, then save evidence, block and report together with the adult — cannot be changed by the data.
 */
const WordingSchema = z.strictObject({
  /** The plan's name as the band says it ("Три кроки", "План героя"). */
  title: Text,
  /** Stop: no answer, nothing sent, nothing paid. */
  stop: StepSchema,
  /** Tell a trusted adult (and keep everything as it is). */
  tell: StepSchema,
  /** Together with the adult: save evidence without the image, block, report. */
  together: StepSchema,
  /** The evidence rule in the band's words: capture the conversation, never the image; if that is impossible, capture nothing. */
  evidence: Text,
});

/** The shared action plan for some bands, worded for them in every language. */
export const ActionPlanSchema = z.strictObject({
  /** The bands this wording is for; every band has exactly one wording. */
  bands: z.array(z.enum(BAND_IDS)).min(1),
  uk: WordingSchema,
  en: WordingSchema,
});

/** A validated action plan for some bands. */
export type ActionPlan = z.output<typeof ActionPlanSchema>;

/** The plan's wording in one language. */
export type ActionPlanWording = z.output<typeof WordingSchema>;

/** Where the shared plan lives, relative to the lessons folder. */
export const ACTION_PLAN_FILE = '_data/action-plan.yaml';

/** Read lessons/_data/action-plan.yaml (optional: a library whose lessons use no <ActionPlan /> may lack it). */
export function loadActionPlans(file: string): { plans: ActionPlan[]; diagnostics: Diagnostic[] } {
  const read = readDataText(file, MAX_DATA_BYTES);
  if (!read) return { plans: [], diagnostics: [] };
  const path = displayPath(file);
  if ('problem' in read) return { plans: [], diagnostics: inFile(path, [read.problem]) };
  const yaml = parseYaml(read.text, 1);
  if (yaml.findings.length) return { plans: [], diagnostics: inFile(path, yaml.findings) };
  const result = z.array(ActionPlanSchema).min(1).safeParse(yaml.value, { reportInput: true });
  if (!result.success) return { plans: [], diagnostics: inFile(path, issuesToFindings(result.error.issues, yaml)) };
  const findings: Finding[] = [];
  const seen = new Map<BandId, number>();
  result.data.forEach((plan, index) => {
    for (const band of plan.bands) {
      if (seen.has(band)) {
        const { line, column } = yaml.locate([index, 'bands']);
        findings.push(error(line, column, 'action-plan-duplicate-band', { band, first: seen.get(band)! + 1, second: index + 1 }));
      }
      seen.set(band, index);
    }
  });
  for (const band of BAND_IDS) {
    if (!seen.has(band)) findings.push(error(1, 1, 'action-plan-missing-band', { band }));
  }
  return { plans: findings.length ? [] : result.data, diagnostics: inFile(path, findings) };
}

/** The wording a band learns, in a language; undefined when the data has none. */
export function actionPlanFor(plans: readonly ActionPlan[], band: BandId, lang: Lang): ActionPlanWording | undefined {
  return plans.find((plan) => plan.bands.includes(band))?.[lang];
}

/** Which band an <ActionPlan> prints: its `band` attribute, else the lesson's youngest band. */
export function actionPlanBand(attribute: string | undefined, lessonBands: readonly BandId[]): BandId | undefined {
  return (attribute as BandId | undefined) ?? lessonBands[0];
}

/** Every <ActionPlan band> names one of the lesson's bands, and the shared plan exists when a lesson uses it. */
export function checkActionPlans(lesson: LoadedLesson, plans: readonly ActionPlan[]): Diagnostic[] {
  const findings: Finding[] = [];
  const visit = (node: Nodes) => {
    if (isJsx(node) && node.name === 'ActionPlan') {
      const line = node.position?.start.line ?? 1;
      const column = node.position?.start.column ?? 1;
      const band = textAttribute(node, 'band');
      if (!plans.length) {
        findings.push(error(line, column, 'action-plan-missing'));
      } else if (band && lesson.data && !lesson.data.bands.includes(band as BandId)) {
        findings.push(error(line, column, 'action-plan-band', { band, bands: lesson.data.bands }));
      }
    }
    if (isParent(node)) node.children.forEach((child) => visit(child as Nodes));
  };
  visit(lesson.tree);
  return inFile(displayPath(lesson.file), findings);
}
