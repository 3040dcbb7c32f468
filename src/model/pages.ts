import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { z } from 'astro/zod';
import { LANGS, type Lang } from './formats.ts';
import { findFrontmatter, issuesToFindings, parseYaml } from './frontmatter.ts';
import { displayPath, error, inFile, type Diagnostic, type Finding } from './diagnostics.ts';
import { isJsx, isParent, textAttribute } from './mdast.ts';
import { BAND_IDS } from './bands.ts';
import { readDataText } from './files.ts';
import { MAX_DATA_BYTES } from './limits.ts';
import { isExternalLink, linkFinding, linkProblem } from './links.ts';
import { checkSiteLink, siteMapFor, type LinkSource, type SiteMap } from './site-map.ts';
import { checkPicture } from './pictures.ts';
import { parseBody } from './load.ts';
import { checkHeadings } from './headings.ts';

/** The heading level a site page's body stands under: its title, the page's h1. */
const PAGE_BODY_LEVEL = 1;

/** Frontmatter of a site page written by methodologists (lessons/_pages/<name>.<lang>.mdx). */
export const PageSchema = z.strictObject({
  /** The page title. */
  title: z.string().trim().min(1),
  /** One sentence for search results and the page's description. */
  description: z.string().trim().min(1),
});

/** The site pages the generator routes, by name: the teachers' and the parents' page. */
export const SITE_PAGES = ['teachers', 'parents'] as const;

/** Components a site page may use: shared data only, no lesson structure. */
const PAGE_COMPONENTS = ['Helplines', 'Safeguarding', 'Fact', 'ActionPlan'];

/** Check every site page under lessons/_pages: known name and language, valid frontmatter, allowed components. */
export function checkPages(root: string, site: SiteMap = siteMapFor(root)): Diagnostic[] {
  const dir = join(root, '_pages');
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.mdx')) : [];
  const missing = SITE_PAGES.filter((page) => !files.includes(`${page}.uk.mdx`)).map((page) =>
    inFile(displayPath(join(dir, `${page}.uk.mdx`)), [error(1, 1, 'page-missing', { page })]),
  );
  return [...missing.flat(), ...files.flatMap((name) => inFile(displayPath(join(dir, name)), checkPageFile(join(dir, name), site)))];
}

/** Rules for one page file, read as shared data may be (a regular file in lessons/_pages, within MAX_DATA_BYTES). */
function checkPageFile(file: string, site: SiteMap): Finding[] {
  const read = readDataText(file, MAX_DATA_BYTES);
  if (!read) return [];
  return 'problem' in read ? [read.problem] : checkPage(file, read.text, site);
}

/** Rules for one page file. */
function checkPage(file: string, source: string, site: SiteMap): Finding[] {
  const name = basename(file);
  const match = /^([a-z-]+)\.([a-z]{2})\.mdx$/.exec(name);
  if (!match || !(SITE_PAGES as readonly string[]).includes(match[1]) || !(LANGS as readonly string[]).includes(match[2])) {
    return [error(1, 1, 'page-name', { name, pages: [...SITE_PAGES], langs: [...LANGS] })];
  }
  const block = findFrontmatter(source);
  if (!block) return [error(1, 1, 'page-frontmatter-missing')];
  const yaml = parseYaml(block.text, block.firstLine);
  if (yaml.findings.length) return yaml.findings;
  const result = PageSchema.safeParse(yaml.value, { reportInput: true });
  const findings = result.success ? [] : issuesToFindings(result.error.issues, yaml);
  const body = parseBody(source);
  findings.push(...body.findings);
  if (body.tree) findings.push(...bodyFindings(body.tree, file, { kind: 'page', name: match[1]!, lang: match[2] as Lang }, site));
  return findings;
}

/** Only the shared-data components may appear on a page; its links and pictures follow the lessons' rules. */
function bodyFindings(tree: Root, file: string, source: LinkSource, site: SiteMap): Finding[] {
  const findings: Finding[] = [...checkHeadings(tree, PAGE_BODY_LEVEL)];
  const visit = (node: Nodes) => {
    const line = node.position?.start.line ?? 1;
    const column = node.position?.start.column ?? 1;
    if (isJsx(node) && !PAGE_COMPONENTS.includes(node.name ?? '')) {
      findings.push(error(line, column, 'page-component', { name: node.name ?? '', allowed: PAGE_COMPONENTS }));
    } else if (isJsx(node) && node.name === 'ActionPlan' && !(BAND_IDS as readonly string[]).includes(textAttribute(node, 'band') ?? '')) {
      // A page belongs to no lesson, so it must say whose words to print.
      findings.push(error(line, column, 'page-action-plan-band', { bands: [...BAND_IDS] }));
    }
    if (node.type === 'link' || node.type === 'definition') {
      const problem = linkProblem(node.url);
      if (problem) findings.push(linkFinding(problem, line, column));
      else if (!isExternalLink(node.url)) findings.push(...checkSiteLink(node.url, source, site, line, column).findings);
    }
    if (node.type === 'image') findings.push(...checkPicture(file, node.url, node.alt, line, column));
    if (isParent(node)) node.children.forEach((child) => visit(child as Nodes));
  };
  visit(tree);
  return findings;
}
