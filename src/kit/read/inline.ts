import type { Nodes, PhrasingContent } from 'mdast';
import type { Run } from '../blocks.ts';
import { error, type Finding } from '../../model/diagnostics.ts';
import { isExternalLink } from '../../model/links.ts';

/** Inline style inherited from enclosing emphasis, strong and links. */
interface Style {
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

/** Phrasing content → styled runs; constructs the kit cannot print are author errors, never dropped silently. */
export function readRuns(nodes: readonly PhrasingContent[] | readonly Nodes[], findings: Finding[], style: Style = {}): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        runs.push({ text: node.value, ...style });
        break;
      case 'strong':
        runs.push(...readRuns(node.children, findings, { ...style, bold: true }));
        break;
      case 'emphasis':
        runs.push(...readRuns(node.children, findings, { ...style, italic: true }));
        break;
      case 'delete':
        runs.push(...readRuns(node.children, findings, style));
        break;
      case 'inlineCode':
        runs.push({ text: node.value, code: true, ...style });
        break;
      case 'link':
        // A link within the site (checked by the model) prints as its text: a PDF cannot follow it.
        runs.push(...readRuns(node.children, findings, isExternalLink(node.url) ? { ...style, href: node.url } : style));
        break;
      case 'break':
        runs.push({ text: '\n', ...style });
        break;
      default: {
        const at = node.position?.start;
        findings.push(error(at?.line ?? 1, at?.column ?? 1, `the printable kit cannot show ${describeNode(node)} here`, 'write it as plain text, or move it into a paragraph of its own'));
      }
    }
  }
  return mergeRuns(runs);
}

/** Neighbouring runs with the same style joined, so the line breaker sees whole words. */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && last.bold === run.bold && last.italic === run.italic && last.code === run.code && last.href === run.href) {
      merged[merged.length - 1] = { ...last, text: last.text + run.text };
    } else merged.push(run);
  }
  return merged;
}

/** A readable name for an mdast node in messages. */
export function describeNode(node: { type: string; name?: string | null }): string {
  if (node.name) return `<${node.name}>`;
  const names: Record<string, string> = {
    image: 'a picture inside a line of text',
    footnoteReference: 'a footnote',
    footnoteDefinition: 'a footnote',
    html: 'raw HTML',
    code: 'a code block',
    math: 'a formula',
    inlineMath: 'a formula',
    imageReference: 'a reference-style picture',
    linkReference: 'a reference-style link',
    definition: 'a link definition',
  };
  return names[node.type] ?? `a "${node.type}" element`;
}
