/**
 * Finding a hand-written action sequence in lesson text and checking its order against the shared plan (stop → tell
 * a trusted adult → evidence, block and report together). Kept apart from the test so the rules can be tested too.
 */
import type { List, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Where an item of a list stands in the plan: 0 stop, 1 tell a trusted adult, 2 evidence, blocking or reporting. */
export type Step = 0 | 1 | 2;

/** Words that mark each step, in Ukrainian and English. The earliest match in an item decides its step. */
const MARKERS: { step: Step; pattern: RegExp }[] = [
  { step: 0, pattern: /(?<!\p{L})стоп(?!\p{L})|не плати|не плачу|не відповіда|не надсилай|stop\b|don't pay|do not pay|don't answer|do not answer/giu },
  { step: 1, pattern: /розка[жз]|розпові[дв]|tell (an? |your |the )?(adult|grown-up)|tell my grown-up|tell a grown-up/giu },
  { step: 2, pattern: /скріншот|знімок екрана|знімки екрана|збережи|збережіть|зберіга|зберег|докази|заблок|блокую|поскарж|скаржу|кіберполіц|screenshot|evidence|\bsave\b|\bkeep the evidence|\bblock|\breport|cyber police/giu },
];

/** Phrases that contain a marker word but are no step of the plan. */
const NOT_STEPS = /збережіть спокій|зберігайте спокій|stay calm|дякую, що ти мені це розповідаєш|thank (them|the child)/giu;

/** Quoted speech: what someone says is no step of the plan ("Добре, що ти мені розповів"). */
const QUOTED = /«[^»]*»|“[^”]*”|"[^"]*"/gu;

/**
 * The step an item is about, from its lead (the words before the first full stop, colon, semicolon or dash: "Розкажи
 * дорослому, якому довіряєш."), or undefined when the lead names none. Explanations after the lead mention other steps
 * in passing ("…після того, як зберіг докази") and do not count.
 */
export function stepOf(text: string): Step | undefined {
  const lead = text.replace(QUOTED, ' ').replace(NOT_STEPS, ' ').trim().split(/[.!?:;—]/u)[0] ?? '';
  const clean = lead;
  let best: { step: Step; index: number } | undefined;
  for (const { step, pattern } of MARKERS) {
    pattern.lastIndex = 0;
    const match = pattern.exec(clean);
    if (match && (!best || match.index < best.index)) best = { step, index: match.index };
  }
  return best?.step;
}

/** A list whose items name the plan's steps out of order: the items' text and the steps found. */
export interface OutOfOrder {
  line: number;
  steps: (Step | undefined)[];
  items: string[];
}

/**
 * Every list in a tree (ordered or not) that names a later step of the plan before an earlier one. Lists of questions
 * (inside <Discuss>) are questions with their answers, not a sequence, and are left out.
 */
export function outOfOrder(tree: Root): OutOfOrder[] {
  const found: OutOfOrder[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Discuss') return;
    if (node.type === 'list') {
      const items = (node as List).children.map((item) => toString(item));
      const steps = items.map(stepOf);
      const named = steps.filter((step): step is Step => step !== undefined);
      if (named.some((step, i) => i > 0 && step < named[i - 1]!)) found.push({ line: node.position?.start.line ?? 0, steps, items });
    }
    if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(tree);
  return found;
}
