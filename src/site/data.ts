import { loadActionPlans, loadFacts, loadHelplines, AuthorError, hasErrors, ACTION_PLAN_FILE, type ActionPlan, type Fact, type Helpline } from '../model/index.ts';

import { LESSONS_DIR } from './config.ts';

/** Where shared facts live. */
const HELPLINES_FILE = `${LESSONS_DIR}/_data/helplines.yaml`;

let cached: Helpline[] | undefined;

/** The validated helplines (read once per build; errors were already reported before the build). */
export function helplines(): Helpline[] {
  if (!cached) {
    const { helplines: lines, diagnostics } = loadHelplines(HELPLINES_FILE);
    if (hasErrors(diagnostics)) throw new AuthorError(diagnostics);
    cached = lines;
  }
  return cached;
}

let cachedFacts: Fact[] | undefined;

/** The validated legal and other stale-prone statements. */
export function facts(): Fact[] {
  if (!cachedFacts) {
    const { facts: list, diagnostics } = loadFacts(`${LESSONS_DIR}/_data/facts.yaml`);
    if (hasErrors(diagnostics)) throw new AuthorError(diagnostics);
    cachedFacts = list;
  }
  return cachedFacts;
}

let cachedPlans: ActionPlan[] | undefined;

/** The shared action plan, one wording per band. */
export function actionPlans(): ActionPlan[] {
  if (!cachedPlans) {
    const { plans, diagnostics } = loadActionPlans(`${LESSONS_DIR}/${ACTION_PLAN_FILE}`);
    if (hasErrors(diagnostics)) throw new AuthorError(diagnostics);
    cachedPlans = plans;
  }
  return cachedPlans;
}
