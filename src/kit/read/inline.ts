import type { Nodes, PhrasingContent } from 'mdast';
import type { Run } from '../blocks.ts';
import { error, type Finding } from '../../model/diagnostics.ts';
import { isExternalLink, type SiteLinkData } from '../../model/links.ts';
import { toString } from 'mdast-util-to-string';
import { t } from '../../i18n/index.ts';

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
      case 'link': {
        // A link within the site (checked by the model) prints as its text and the title of the page it leads to.
        runs.push(...readRuns(node.children, findings, isExternalLink(node.url) ? { ...style, href: node.url } : style));
        const { siteTitle, siteLang } = (node.data ?? {}) as SiteLinkData;
        if (siteTitle && toString(node).trim() !== siteTitle) runs.push({ text: t(siteLang ?? 'uk').kit.linkedPage(siteTitle), ...style });
        break;
      }
      case 'break':
        runs.push({ text: '\n', ...style });
        break;
      default: {
        const at = node.position?.start;
        findings.push(error(at?.line ?? 1, at?.column ?? 1, 'kit-cannot-show', { node: node.type, name: (node as { name?: string | null }).name ?? undefined, inline: true }));
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
