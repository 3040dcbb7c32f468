import type { Nodes, Root } from 'mdast';
import { COMPONENTS, COMPONENT_NAMES, AUDIENCE_LIST, HANDOUT_KIND_LIST, BAND_LIST, READER_LIST, HELP_COMPONENTS, PICTURE_SIZE_LIST, isComponent, type ComponentSpec } from './components.ts';
import { BAND_IDS } from './bands.ts';
import { HELPLINE_READERS } from './helplines.ts';
import { AUDIENCES, HANDOUT_KINDS, PICTURE_SIZES, type FormatId } from './formats.ts';
import { error, suggest, type Finding } from './diagnostics.ts';
import { isJsx, isParent, attributeValue, numberAttribute, type JsxElement } from './mdast.ts';
import { classifyLink } from './links.ts';
import { checkPicture } from './pictures.ts';
import { MAX_TABLE_COLUMNS } from './limits.ts';

/** What the body rules need to know besides the tree. */
export interface BodyContext {
  /** Absolute path of the lesson file, to resolve images. */
  file: string;
  /** The lesson's format when its frontmatter is valid (stations are for quests). */
  format?: FormatId;
}

/** The component grammar of DESIGN §2, images and MDX constructs the outputs cannot render. */
export function checkBody(tree: Root, context: BodyContext): Finding[] {
  const findings: Finding[] = [];
  walk(tree, 'root', undefined, context, findings);
  findings.push(...checkStations(tree), ...checkOptionalStages(tree));
  return findings;
}

/** Visit every node, tracking the nearest enclosing component and the direct parent's type. */
function walk(node: Nodes, component: string, parentType: string | undefined, context: BodyContext, out: Finding[]): void {
  const { line, column } = startOf(node);
  switch (node.type) {
    case 'mdxjsEsm':
      out.push(error(line, column, 'import/export statements are not allowed in a lesson', 'components need no import; delete the line'));
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      out.push(error(line, column, `"{${node.value.slice(0, 40)}}" is code in MDX, not text`, 'to write a curly brace as text, escape it: \\{ and \\}'));
      return;
    case 'image':
      out.push(...checkPicture(context.file, node.url, node.alt, line, column));
      return;
    case 'link':
    case 'definition':
      out.push(...checkLink(node.url, line, column, context));
      break;
    case 'table':
      out.push(...checkTable(node.children.reduce((most, row) => Math.max(most, row.children.length), 0), line, column));
      break;
    case 'html':
      out.push(error(line, column, 'raw HTML is not allowed in a lesson', 'use Markdown or one of the lesson components'));
      return;
  }
  if (isJsx(node)) {
    const findings = checkElement(node, component, parentType, context);
    out.push(...findings);
    if (!isComponent(node.name)) return; // an unknown element's children would only repeat the error
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
    const guess = suggest(name, COMPONENT_NAMES);
    return [
      error(
        line,
        column,
        name ? `unknown component <${name}>` : 'a JSX fragment <> is not a lesson component',
        (guess ? `did you mean <${guess}>? ` : '') + `lesson components are: ${COMPONENT_NAMES.join(', ')}`,
      ),
    ];
  }
  const spec: ComponentSpec = COMPONENTS[name];
  const findings: Finding[] = [];
  if (node.type === 'mdxJsxTextElement' && name !== 'Answer') {
    findings.push(error(line, column, `<${name}> stands inside a line of text`, `put <${name}> on its own line, with a blank line before and after it`));
  }
  if (!spec.parents.includes(component)) {
    const where = component === 'root' ? 'at the top level' : `inside <${component}>`;
    const allowed = spec.parents.map((p) => (p === 'root' ? 'the top level' : `<${p}>`)).join(', ');
    findings.push(error(line, column, `<${name}> cannot stand ${where}`, `<${name}> (${spec.meaning}) may stand in: ${allowed}`));
  }
  if (name === 'Answer' && component === 'Discuss' && parentType !== 'listItem') {
    findings.push(error(line, column, '<Answer> inside <Discuss> must belong to a question', 'indent <Answer> under its question in the list, after a blank line'));
  }
  if (name === 'Helplines' && (component === 'Handout' || component === 'Station') && attributeValue(node, 'reader') !== 'pupils') {
    findings.push(error(line, column, `<Helplines /> inside <${component}> is read by pupils, who may be handed only verified contacts meant for children`, 'write <Helplines reader="pupils" />'));
  }
  if (name === 'Station' && context.format && context.format !== 'quest') {
    findings.push(error(line, column, `<Station> is for quests, but this lesson's format is "${context.format}"`, 'change format to quest, or write the activity as Markdown inside the <Stage>'));
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
      findings.push(error(line, column, `<${name}> has a spread attribute`, 'write each attribute as name="value"'));
    } else if (!known.includes(attribute.name)) {
      const guess = suggest(attribute.name, known);
      const allowed = known.length ? `<${name}> takes: ${known.join(', ')}` : `<${name}> takes no attributes`;
      findings.push(error(line, column, `<${name}> has an unknown attribute "${attribute.name}"`, guess ? `did you mean "${guess}"?` : allowed));
    }
  }
  for (const [attribute, { kind, required }] of Object.entries(spec.attributes)) {
    const value = attributeValue(node, attribute);
    if (value === undefined) {
      if (required) findings.push(error(line, column, `<${name}> needs a ${attribute}`, exampleFor(name)));
      continue;
    }
    const problem = attributeProblem(kind, value, node, attribute);
    if (problem) findings.push(error(line, column, `<${name}> ${attribute}=${JSON.stringify(value)}: ${problem.message}`, problem.hint));
  }
  return findings;
}

/** What is wrong with one attribute value, if anything. */
function attributeProblem(kind: string, value: string | true, node: JsxElement, attribute: string) {
  if (kind === 'text' && (value === true || !value.trim())) return { message: 'must not be empty', hint: `write ${attribute}="…"` };
  if ((kind === 'minutes' || kind === 'number') && !numberAttribute(node, attribute)) {
    return { message: 'must be a whole number above zero', hint: `write ${attribute}={5}` };
  }
  if (kind === 'audience' && !(AUDIENCES as readonly (string | true)[]).includes(value)) {
    return { message: 'is not an audience', hint: `use one of ${AUDIENCE_LIST}` };
  }
  if (kind === 'handout-kind' && !(HANDOUT_KINDS as readonly (string | true)[]).includes(value)) {
    return { message: 'is not a kind of handout', hint: `use one of ${HANDOUT_KIND_LIST}` };
  }
  if (kind === 'flag' && value !== true) return { message: 'is a flag and takes no value', hint: `write just ${attribute}, e.g. <Stage title="…" minutes={5} ${attribute}>` };
  if (kind === 'band' && !(BAND_IDS as readonly (string | true)[]).includes(value)) return { message: 'is not an age band', hint: `use one of ${BAND_LIST}` };
  if (kind === 'reader' && !(HELPLINE_READERS as readonly (string | true)[]).includes(value)) return { message: 'is not a reader', hint: `use one of ${READER_LIST}` };
  if (kind === 'picture-size' && !(PICTURE_SIZES as readonly (string | true)[]).includes(value)) {
    return { message: 'is not a picture size', hint: `use one of ${PICTURE_SIZE_LIST}` };
  }
  return undefined;
}

/** A correct example of the component, for hints. */
function exampleFor(name: string): string {
  const examples: Record<string, string> = {
    Stage: 'write <Stage title="Знайомство" minutes={5}>',
    Handout: 'write <Handout title="Мої дорослі" audience="pupil">',
    Cards: 'write <Cards title="Червоні прапорці" audience="team">',
    Station: 'write <Station n={1} title="Фейковий профіль">',
    Picture: 'write <Picture size="page"> with one picture inside: ![Що зображено](./picture.svg)',
  };
  return examples[name] ?? `see docs/AUTHORING.md for <${name}>`;
}

/** Children rules: Cards hold only Card, Discuss holds lists, Helplines holds nothing. */
function checkChildren(node: JsxElement, name: string, spec: ComponentSpec): Finding[] {
  const { line, column } = startOf(node);
  const children = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  if (spec.children === 'none' && children.length) {
    return [error(line, column, `<${name}> takes no content`, `write it as <${name} /> and put your own text outside it`)];
  }
  if (spec.children === 'cards') {
    const stray = children.find((child) => !(isJsx(child as Nodes) && (child as JsxElement).name === 'Card'));
    if (stray) {
      const at = startOf(stray as Nodes);
      return [error(at.line, at.column, `<${name}> may contain only <Card> elements`, 'wrap each card in <Card>…</Card>; put other text before the <Cards>')];
    }
    if (!children.length) return [error(line, column, `<${name}> has no <Card>`, 'add at least one <Card>…</Card>')];
  }
  if (spec.children === 'list') {
    const stray = children.find((child) => child.type !== 'list');
    if (stray || !children.length) {
      const at = stray ? startOf(stray as Nodes) : { line, column };
      return [error(at.line, at.column, '<Discuss> must contain a Markdown list of questions', 'write each question as a list item ("1. …" or "- …"); put an intro before <Discuss>')];
    }
  }
  if (spec.children === 'picture') {
    const images = pictureChildren(children as Nodes[]);
    if (images.pictures !== 1 || images.other) {
      return [error(line, column, `<${name}> must hold exactly one picture and nothing else`, `write ${exampleFor(name).slice('write '.length)}; put text before or after it`)];
    }
  }
  if (spec.children === 'markdown' && !children.length) {
    return [error(line, column, `<${name}> is empty`, `write the ${COMPONENTS[name as keyof typeof COMPONENTS].meaning} inside it, or delete it`)];
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
    return [error(line, column, `<Station n={${n}}> is station ${index + 1} in reading order`, `number the stations 1, 2, 3 … in order: write n={${index + 1}}`)];
  });
}

/** A stage a teacher may drop never holds what pupils must leave with: the action plan or where to get help. */
function checkOptionalStages(tree: Root): Finding[] {
  return tree.children.flatMap((stage) => {
    if (!isJsx(stage) || stage.name !== 'Stage' || attributeValue(stage, 'optional') === undefined) return [];
    const help = findComponent(stage, HELP_COMPONENTS);
    if (!help) return [];
    const { line, column } = startOf(stage);
    return [error(line, column, `this stage is optional but holds <${help}>: pupils learn here where to get help`, `remove optional from this stage, or move <${help}> to a stage every class does`)];
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
function checkLink(url: string, line: number, column: number, context: BodyContext): Finding[] {
  const link = classifyLink(url);
  if ('problem' in link) return [error(line, column, link.problem.message, link.problem.hint, link.problem.rule)];
  return link.kind === 'site' ? checkSiteLink(url, line, column, context) : [];
}

/**
 * A link to another page of this site (../other-lesson/, #stage-…). Hook for the link rule of the authoring work
 * (issue 15): that the page or anchor exists. Until then every such link is accepted here; the kit prints it as text.
 */
function checkSiteLink(_url: string, _line: number, _column: number, _context: BodyContext): Finding[] {
  return [];
}

/** A table no wider than a kit page can set readably. */
function checkTable(columns: number, line: number, column: number): Finding[] {
  if (columns <= MAX_TABLE_COLUMNS) return [];
  const hint = 'split it into narrower tables, or turn it round (the columns as rows)';
  return [error(line, column, `the table has ${columns} columns, more than the ${MAX_TABLE_COLUMNS} a printed page holds readably`, hint, 'table-too-wide')];
}

/** Start of a node's source position (1:1 when unknown). */
function startOf(node: Nodes | { position?: Nodes['position'] }): { line: number; column: number } {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
