/**
 * The shared Markdown texts in lessons/_data (the disclosure protocol, safeguarding.<lang>.md): read as shared data
 * may be (files.ts), parsed once per change, and held to the lessons' rules on nesting and links.
 */
import { dirname, join, resolve } from 'node:path';
import { markdownToMdast } from 'satteri';
import type { Nodes, Root } from 'mdast';
import { displayPath, error, inFile, type Diagnostic, type Finding } from './diagnostics.ts';
import { checkInside, isAllowed, readDataText } from './files.ts';
import { MAX_DATA_BYTES } from './limits.ts';
import { linkFinding, linkProblem } from './links.ts';
import { isParent } from './mdast.ts';
import { checkNesting } from './nesting.ts';
import { deepLinePrefix } from './source.ts';

/** The disclosure protocol's file for a language: safeguarding.<lang>.md when it exists, else the Ukrainian one. */
export function protocolFile(lessonsDir: string, lang: string): string {
  const localized = join(lessonsDir, '_data', `safeguarding.${lang}.md`);
  return isAllowed(checkInside(join(lessonsDir, '_data'), resolve(localized), MAX_DATA_BYTES)) ? localized : join(lessonsDir, '_data', 'safeguarding.uk.md');
}

/** Parsed texts by real path, with the change time and size they were parsed at: an edit shows in the next kit (dev). */
const parsed = new Map<string, { mtimeMs: number; bytes: number; tree?: Root; diagnostics: Diagnostic[] }>();

/** A shared Markdown text as mdast (read-only), or the problems that stop it, located in its file. */
export function loadSharedText(file: string): { tree?: Root; diagnostics: Diagnostic[] } {
  const path = displayPath(file);
  const checked = checkInside(dirname(resolve(file)), resolve(file), MAX_DATA_BYTES);
  const known = isAllowed(checked) ? parsed.get(checked.path) : undefined;
  if (isAllowed(checked) && known && known.mtimeMs === checked.mtimeMs && known.bytes === checked.bytes) return known;
  const read = readDataText(file, MAX_DATA_BYTES);
  if (!read) return { diagnostics: inFile(path, [error(1, 1, 'shared-text-missing')]) };
  if ('problem' in read) return { diagnostics: inFile(path, [read.problem]) };
  const findings: Finding[] = [];
  const guard = deepLinePrefix(read.text);
  const tree = guard ? undefined : (markdownToMdast(read.text) as Root);
  const deep = tree ? checkNesting(tree) : guard;
  if (deep) findings.push(deep);
  else if (tree) findings.push(...linkFindings(tree));
  const result = { tree: findings.length ? undefined : tree, diagnostics: inFile(path, findings) };
  if (isAllowed(checked)) parsed.set(checked.path, { mtimeMs: checked.mtimeMs, bytes: checked.bytes, ...result });
  return result;
}

/** Links in a shared text that a lesson could not hold either. */
function linkFindings(tree: Root): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition') {
      const problem = linkProblem(node.url);
      if (problem) findings.push(linkFinding(problem, node.position?.start.line ?? 1, node.position?.start.column ?? 1));
    }
    if (isParent(node)) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return findings;
}
