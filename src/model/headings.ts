/**
 * The heading rule: a lesson's headings form an outline under the lesson's own title. On the site the title is the
 * page's only h1, the plan sits under the h2 "Хід уроку", and a Stage's, Handout's, memo's or protocol's title is an h3
 * (a Station's or card set's an h4); an author's heading goes one level below the title it stands under, and levels
 * go one at a time (a screen reader lists them as the page's outline).
 */
import type { Heading, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { error, warning, type Finding } from './diagnostics.ts';
import { isJsx, isParent } from './mdast.ts';

/** The heading level of each titled component's own title on the site. */
const TITLE_LEVELS: Readonly<Record<string, number>> = { Stage: 3, Handout: 3, ParentMemo: 3, Safeguarding: 3, Station: 4, Cards: 4 };

/** characters: a heading quoted in a message is cut to this length. */
const QUOTED_HEADING = 40;

/**
 * Findings on the headings of a body whose top level stands under a heading of `rootLevel` (2 in a lesson, under
 * "Хід уроку"; 1 on a site page, under its title): `#` is an error (a second title), a heading at or above the title
 * it stands under and a skipped level are warnings.
 */
export function checkHeadings(tree: Root, rootLevel: number): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: Nodes, where: string, level: number, state: { previous: number }) => {
    if (node.type === 'heading') findings.push(...checkHeading(node, where, level, state));
    if (!isParent(node)) return;
    const titled = isJsx(node) && node.name ? TITLE_LEVELS[node.name] : undefined;
    // A titled component starts an outline of its own under its title; other components continue the one around them.
    const inner = titled !== undefined && isJsx(node) ? { where: node.name!, level: titled, state: { previous: titled } } : { where, level, state };
    for (const child of node.children) visit(child as Nodes, inner.where, inner.level, inner.state);
  };
  visit(tree, 'root', rootLevel, { previous: rootLevel });
  return findings;
}

/** One heading against the title it stands under and the heading before it. */
function checkHeading(node: Heading, where: string, level: number, state: { previous: number }): Finding[] {
  const { line, column } = node.position?.start ?? { line: 1, column: 1 };
  const depth = node.depth;
  const text = toString(node).slice(0, QUOTED_HEADING);
  const previous = state.previous;
  state.previous = Math.max(depth, level);
  if (depth === 1) return [error(line, column, 'heading-title', { text, expected: level + 1 })];
  if (depth <= level) return [warning(line, column, 'heading-level', { depth, where, expected: level + 1 })];
  if (depth > previous + 1) return [warning(line, column, 'heading-skip', { depth, previous, expected: previous + 1 })];
  return [];
}
