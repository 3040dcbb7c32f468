import type { Nodes, Parent, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';

/** A JSX element in the lesson body, flow or inline. */
export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** True when a node is a JSX element (any name). */
export function isJsx(node: Nodes | { type: string }): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** True when a node is a JSX element with the given component name. */
export function isElement(node: Nodes | { type: string }, name: string): node is JsxElement {
  return isJsx(node) && node.name === name;
}

/** True when a node has children. */
export function isParent(node: Nodes | { type: string }): node is Parent {
  return Array.isArray((node as Parent).children);
}

/** A JSX attribute's value as written: a string, the source text of an `{expression}`, or true for a bare name. */
export function attributeValue(node: JsxElement, name: string): string | true | undefined {
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== name) continue;
    if (attribute.value === null || attribute.value === undefined) return true;
    return typeof attribute.value === 'string' ? attribute.value : attribute.value.value.trim();
  }
  return undefined;
}

/** A JSX attribute as text, or undefined. */
export function textAttribute(node: JsxElement, name: string): string | undefined {
  const value = attributeValue(node, name);
  return typeof value === 'string' ? value : undefined;
}

/** A JSX attribute as a whole number (`{5}` or `"5"`), or undefined. */
export function numberAttribute(node: JsxElement, name: string): number | undefined {
  const value = textAttribute(node, name);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Top-level stages of a lesson body, in order, with their titles, minutes and whether a teacher may drop them. */
export function readStages(tree: Root): { title: string; minutes: number; line: number; optional: boolean }[] {
  return tree.children.filter((node) => isElement(node, 'Stage')).map((node) => ({
    title: textAttribute(node as JsxElement, 'title') ?? '',
    minutes: numberAttribute(node as JsxElement, 'minutes') ?? 0,
    line: node.position?.start.line ?? 0,
    optional: attributeValue(node as JsxElement, 'optional') !== undefined,
  }));
}

/** Stages with their running clock: start and end minute from the lesson's beginning. */
export function timeline<T extends { title: string; minutes: number }>(stages: readonly T[]): (T & { start: number; end: number })[] {
  let clock = 0;
  return stages.map((stage) => {
    const start = clock;
    clock += stage.minutes;
    return { ...stage, start, end: clock };
  });
}

/** A fragment id for a stage heading, the same on every page that links to it. */
export function stageId(title: string): string {
  return `stage-${title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`;
}
