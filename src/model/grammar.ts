import type { Definition, Link, Nodes, Root } from 'mdast';
import { COMPONENTS, COMPONENT_NAMES, HELP_COMPONENTS, isComponent, type ComponentSpec } from './components.ts';
import { BAND_IDS } from './bands.ts';
import { HELPLINE_READERS } from './helplines.ts';
import { AUDIENCES, HANDOUT_KINDS, PICTURE_SIZES, type FormatId } from './formats.ts';
import { error, suggest, type Finding } from './diagnostics.ts';
import { isJsx, isParent, attributeValue, numberAttribute, type JsxElement } from './mdast.ts';
import { classifyLink, linkFinding, type SiteLinkData } from './links.ts';
import { checkSiteLink, type LinkSource, type SiteMap } from './site-map.ts';
import { checkPicture } from './pictures.ts';
import { MAX_TABLE_COLUMNS } from './limits.ts';
import { checkHeadings } from './headings.ts';
import type { LessonInputs } from './inputs.ts';

/** The heading level a lesson body stands under on the site: the h2 "Хід уроку" (the page's h1 is the lesson's title). */
const LESSON_BODY_LEVEL = 2;

/** What the body rules need to know besides the tree. */
export interface BodyContext {
  /** Absolute path of the lesson file, to resolve images. */
  file: string;
  /** The lesson's format when its frontmatter is valid (stations are for quests). */
  format?: FormatId;
  /** Where the lesson stands in the site and what the site holds, to check that its links into the site resolve. */
  links?: { source: LinkSource; site: SiteMap };
  /** Where the pictures read and the titles the links print are recorded, for the kit cache (src/model/inputs.ts). */
  inputs?: LessonInputs;
}

/** The component grammar of DESIGN §2, images and MDX constructs the outputs cannot render. */
export function checkBody(tree: Root, context: BodyContext): Finding[] {
  const findings: Finding[] = [];
  walk(tree, 'root', undefined, context, findings);
  findings.push(...checkStations(tree), ...checkOptionalStages(tree), ...checkHeadings(tree, LESSON_BODY_LEVEL));
  return findings;
}

/** Visit every node, tracking the nearest enclosing component and the direct parent's type. */
function walk(node: Nodes, component: string, parentType: string | undefined, context: BodyContext, out: Finding[]): void {
  const { line, column } = startOf(node);
  switch (node.type) {
    case 'mdxjsEsm':
      out.push(error(line, column, 'mdx-import'));
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      out.push(error(line, column, 'mdx-expression', { code: node.value.slice(0, 40) }));
      return;
    case 'image':
      out.push(...checkPicture(context.file, node.url, node.alt, line, column, context.inputs?.pictures));
      return;
    case 'link':
    case 'definition':
      out.push(...checkLink(node, line, column, context));
      break;
    case 'table':
      out.push(...checkTable(node.children.reduce((most, row) => Math.max(most, row.children.length), 0), line, column));
      break;
    case 'html':
      out.push(error(line, column, 'html-raw'));
      return;
  }
  if (isJsx(node)) {
    const findings = checkElement(node, component, parentType, context);
    out.push(...findings);
    // An unknown element's children, or the stray content of a Discuss with no list, would only repeat the error.
    if (!isComponent(node.name) || findings.some((finding) => finding.rule === 'discuss-list')) return;
    for (const child of node.children) walk(child as Nodes, node.name, node.type, context, out);
    return;
  }
  if (isParent(node)) for (const child of node.children) walk(child as Nodes, component, node.type, context, out);
}

/** Rules for one JSX element: known name, allowed place, attributes and children. */
function checkElement(node: JsxElement, component: string, parentType: string | undefined, context: BodyContext): Finding[] {
  const { line, column } = startOf(node);
  const name = node.name ?? '';
  if (!isComponent(name)) {
    if (!name) return [error(line, column, 'component-fragment', { components: COMPONENT_NAMES })];
    return [error(line, column, 'component-unknown', { name, guess: suggest(name, COMPONENT_NAMES), components: COMPONENT_NAMES })];
  }
  const spec: ComponentSpec = COMPONENTS[name];
  const findings: Finding[] = [];
  if (node.type === 'mdxJsxTextElement' && name !== 'Answer') {
    findings.push(error(line, column, 'component-inline', { name }));
  }
  if (!spec.parents.includes(component)) {
    findings.push(error(line, column, 'component-place', { name, where: component, allowed: [...spec.parents] }));
  }
  if (name === 'Answer' && component === 'Discuss' && parentType !== 'listItem') {
    findings.push(error(line, column, 'answer-outside-question'));
  }
  if (name === 'Helplines' && (component === 'Handout' || component === 'Station') && attributeValue(node, 'reader') !== 'pupils') {
    findings.push(error(line, column, 'helplines-pupils', { component }));
  }
  if (name === 'Station' && context.format && context.format !== 'quest') {
    findings.push(error(line, column, 'station-not-quest', { format: context.format }));
  }
  findings.push(...checkAttributes(node, name, spec), ...checkChildren(node, name, spec));
  return findings;
}

/** Every required attribute present, every attribute known and well-formed. */
function checkAttributes(node: JsxElement, name: string, spec: ComponentSpec): Finding[] {
  const { line, column } = startOf(node);
  const findings: Finding[] = [];
  const known = Object.keys(spec.attributes);
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      findings.push(error(line, column, 'attribute-spread', { name }));
    } else if (!known.includes(attribute.name)) {
      findings.push(error(line, column, 'attribute-unknown', { name, attribute: attribute.name, guess: suggest(attribute.name, known), known }));
    }
  }
  for (const [attribute, { kind, required }] of Object.entries(spec.attributes)) {
    const value = attributeValue(node, attribute);
    if (value === undefined) {
      if (required) findings.push(error(line, column, 'attribute-missing', { name, attribute, example: EXAMPLES[name] }));
      continue;
    }
    const problem = attributeProblem(kind, value, node, attribute, name, line, column);
    if (problem) findings.push(problem);
  }
  return findings;
}

/** What is wrong with one attribute value of a component at a position, if anything. */
function attributeProblem(kind: string, value: string | true, node: JsxElement, attribute: string, name: string, line: number, column: number): Finding | undefined {
  const at = { name, attribute, value: JSON.stringify(value) };
  if (kind === 'text' && (value === true || !value.trim())) return error(line, column, 'attribute-empty', at);
  if ((kind === 'minutes' || kind === 'number') && !numberAttribute(node, attribute)) return error(line, column, 'attribute-number', at);
  if (kind === 'audience' && !(AUDIENCES as readonly (string | true)[]).includes(value)) return error(line, column, 'attribute-audience', { ...at, allowed: [...AUDIENCES] });
  if (kind === 'handout-kind' && !(HANDOUT_KINDS as readonly (string | true)[]).includes(value)) return error(line, column, 'attribute-kind', { ...at, allowed: [...HANDOUT_KINDS] });
  if (kind === 'flag' && value !== true) return error(line, column, 'attribute-flag', at);
  if (kind === 'band' && !(BAND_IDS as readonly (string | true)[]).includes(value)) return error(line, column, 'attribute-band', { ...at, allowed: [...BAND_IDS] });
  if (kind === 'reader' && !(HELPLINE_READERS as readonly (string | true)[]).includes(value)) return error(line, column, 'attribute-reader', { ...at, allowed: [...HELPLINE_READERS] });
  if (kind === 'picture-size' && !(PICTURE_SIZES as readonly (string | true)[]).includes(value)) return error(line, column, 'attribute-picture-size', { ...at, allowed: [...PICTURE_SIZES] });
  return undefined;
}

/** A correct opening tag of the components with required attributes, for hints. */
const EXAMPLES: Readonly<Record<string, string>> = {
  Stage: '<Stage title="Знайомство" minutes={5}>',
  Handout: '<Handout title="Мої дорослі" audience="pupil">',
  Cards: '<Cards title="Червоні прапорці" audience="team">',
  Station: '<Station n={1} title="Фейковий профіль">',
  Fact: '<Fact id="…" />',
  Picture: '<Picture size="page">',
};

/** Children rules: Cards hold only Card, Discuss holds lists, Helplines holds nothing. */
function checkChildren(node: JsxElement, name: string, spec: ComponentSpec): Finding[] {
  const { line, column } = startOf(node);
  const children = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  if (spec.children === 'none' && children.length) {
    return [error(line, column, 'component-no-content', { name })];
  }
  if (spec.children === 'cards') {
    const stray = children.find((child) => !(isJsx(child as Nodes) && (child as JsxElement).name === 'Card'));
    if (stray) {
      const at = startOf(stray as Nodes);
      return [error(at.line, at.column, 'cards-only-card', { name })];
    }
    if (!children.length) return [error(line, column, 'cards-empty', { name })];
  }
  if (spec.children === 'list') {
    const stray = children.find((child) => child.type !== 'list');
    if (stray || !children.length) {
      const at = stray ? startOf(stray as Nodes) : { line, column };
      return [error(at.line, at.column, 'discuss-list')];
    }
  }
  if (spec.children === 'picture') {
    const images = pictureChildren(children as Nodes[]);
    if (images.pictures !== 1 || images.other) {
      return [error(line, column, 'picture-one', { name, example: EXAMPLES[name] ?? '' })];
    }
  }
  if (spec.children === 'markdown' && !children.length) {
    return [error(line, column, 'component-empty', { name })];
  }
  return [];
}

/** How many pictures a `<Picture>` holds, and whether anything but pictures and white space stands beside them. */
function pictureChildren(nodes: readonly Nodes[]): { pictures: number; other: boolean } {
  let pictures = 0;
  let other = false;
  const visit = (node: Nodes) => {
    if (node.type === 'image') pictures += 1;
    else if (node.type === 'paragraph') node.children.forEach((child) => visit(child as Nodes));
    else if (!(node.type === 'text' && !node.value.trim())) other = true;
  };
  nodes.forEach(visit);
  return { pictures, other };
}

/** Station numbers run 1, 2, 3 … in reading order, each once. */
function checkStations(tree: Root): Finding[] {
  const stations: JsxElement[] = [];
  const collect = (node: Nodes) => {
    if (isJsx(node) && node.name === 'Station') stations.push(node);
    if (isParent(node)) node.children.forEach((child) => collect(child as Nodes));
  };
  collect(tree);
  return stations.flatMap((station, index) => {
    const n = numberAttribute(station, 'n');
    if (n === undefined || n === index + 1) return [];
    const { line, column } = startOf(station);
    return [error(line, column, 'station-order', { n, index: index + 1 })];
  });
}

/** A stage a teacher may drop never holds what pupils must leave with: the action plan or where to get help. */
function checkOptionalStages(tree: Root): Finding[] {
  return tree.children.flatMap((stage) => {
    if (!isJsx(stage) || stage.name !== 'Stage' || attributeValue(stage, 'optional') === undefined) return [];
    const help = findComponent(stage, HELP_COMPONENTS);
    if (!help) return [];
    const { line, column } = startOf(stage);
    return [error(line, column, 'optional-stage-help', { help })];
  });
}

/** The first component of the given names inside a node, if any. */
function findComponent(node: Nodes, names: readonly string[]): string | undefined {
  if (!isParent(node)) return undefined;
  for (const child of node.children) {
    if (isJsx(child as Nodes) && names.includes((child as JsxElement).name ?? '')) return (child as JsxElement).name!;
    const inner = findComponent(child as Nodes, names);
    if (inner) return inner;
  }
  return undefined;
}

/** A link: to a web page, an e-mail address, a phone number, or a page of this site. */
function checkLink(node: Link | Definition, line: number, column: number, context: BodyContext): Finding[] {
  const link = classifyLink(node.url);
  if ('problem' in link) return [linkFinding(link.problem, line, column)];
  if (link.kind !== 'site' || !context.links) return [];
  const { findings, target } = checkSiteLink(node.url, context.links.source, context.links.site, line, column);
  // The printed kit cannot follow a link: it prints the title of the page the link leads to (read/inline.ts).
  if (target?.title && node.type === 'link') {
    node.data = { ...node.data, ...({ siteTitle: target.title, siteLang: context.links.source.lang } satisfies SiteLinkData) };
    context.inputs?.linkedTitles.push(`${context.links.source.lang} ${target.title}`);
  }
  return findings;
}

/** A table no wider than a kit page can set readably. */
function checkTable(columns: number, line: number, column: number): Finding[] {
  if (columns <= MAX_TABLE_COLUMNS) return [];
  return [error(line, column, 'table-too-wide', { columns, limit: MAX_TABLE_COLUMNS })];
}

/** Start of a node's source position (1:1 when unknown). */
function startOf(node: Nodes | { position?: Nodes['position'] }): { line: number; column: number } {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
