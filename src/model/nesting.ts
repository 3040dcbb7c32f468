/**
 * The nesting limit on a parsed lesson: every reader of the tree (the grammar, the kit, the site) walks it by
 * recursion, so a tree deeper than MAX_NESTING containers is refused here, by a walk that keeps its own stack.
 */
import type { Nodes, Root } from 'mdast';
import { MAX_NESTING } from './limits.ts';
import { nestingFinding } from './source.ts';
import type { Finding } from './diagnostics.ts';

/** Node types that hold others and count as one level of nesting (a list's items and a table's rows do not add one). */
const CONTAINERS = new Set([
  'blockquote',
  'list',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'footnoteDefinition',
]);

/** The first place where containers nest deeper than MAX_NESTING, as a finding; undefined when the tree is within it. */
export function checkNesting(tree: Root): Finding | undefined {
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length) {
    const { node, depth: outer } = stack.pop()!;
    const depth = outer + (CONTAINERS.has(node.type) ? 1 : 0);
    if (depth > MAX_NESTING) {
      const at = node.position?.start;
      return nestingFinding(at?.line ?? 1, at?.column ?? 1, deepest(node, depth));
    }
    const children = (node as { children?: Nodes[] }).children;
    // Pushed last child first, so the first place in reading order is found first.
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth });
  }
  return undefined;
}

/** The deepest nesting under a node, counting from its own depth (for the message). */
function deepest(root: Nodes, rootDepth: number): number {
  let most = rootDepth;
  const stack: { node: Nodes; depth: number }[] = [{ node: root, depth: rootDepth }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    most = Math.max(most, depth);
    for (const child of (node as { children?: Nodes[] }).children ?? []) stack.push({ node: child, depth: depth + (CONTAINERS.has(child.type) ? 1 : 0) });
  }
  return most;
}
