import type { Nodes, RootContent } from 'mdast';
import type { Align, Block, ImageBlock, PictureSize, Run } from '../blocks.ts';
import type { Lang } from '../../model/formats.ts';
import { error, type Finding } from '../../model/diagnostics.ts';
import { readRuns as readPlainRuns } from './inline.ts';
import { typesetRuns } from './typography.ts';

/** Pictures of a lesson, already rasterised, by their URL as written. */
export type Pictures = ReadonlyMap<string, Omit<ImageBlock, 'pos'>>;

/** What Markdown conversion needs: the pictures, a place for findings, and a handler for lesson components. */
export interface MarkdownEnv {
  pictures: Pictures;
  findings: Finding[];
  /** The lesson's language: its typographic marks (`typography.ts`). */
  lang: Lang;
  /**
   * Reading a sheet pupils get (a handout): tables are set at the sheet's type size; pictures have no caption unless
   * their author gave them a title.
   */
  pupil?: boolean;
  /**
   * Reading the body of a sheet pupils fill in (a handout, not inside a list): a paragraph ending in a run of
   * underscores, or a line of underscores on its own, is a form field with writing lines. A blank inside a list item
   * ("так чи ні: ___") stays a short blank in its line.
   */
  forms?: boolean;
  /** The size of a picture not wrapped in a `<Picture>`: `small`, or `page` on a poster. */
  pictureSize?: PictureSize;
  /** Converts a lesson component (JSX element); returns the blocks it contributes here. */
  component: (node: Nodes, env: MarkdownEnv) => Block[];
}

/** A run of underscores at the end of a paragraph (three or more): a blank to write in. */
const BLANK_AT_END = /_{3,}\s*$/;
/** The fewest writing lines of a field with a label: room for a sentence in a child's hand, more where the sheet has room. */
const FIELD_MIN_LINES = 2;

/** Inline nodes that may stand directly in a component written on one line (`<Card>**Так** чи ні</Card>`). */
const PHRASING = new Set(['text', 'strong', 'emphasis', 'delete', 'inlineCode', 'link', 'break']);

/** Flow content (Markdown and components) → kit blocks, in source order; loose inline nodes form a paragraph. */
export function readFlow(nodes: readonly (RootContent | Nodes)[], env: MarkdownEnv): Block[] {
  const blocks: Block[] = [];
  let inline: Nodes[] = [];
  const flush = () => {
    const runs = readRuns(inline, env);
    if (runs.some((run) => run.text.trim())) {
      const at = inline[0].position?.start;
      blocks.push({ kind: 'paragraph', runs, pos: at ? { line: at.line, column: at.column } : undefined });
    }
    inline = [];
  };
  for (const node of nodes as Nodes[]) {
    if (PHRASING.has(node.type)) {
      inline.push(node);
      continue;
    }
    if (inline.length) flush();
    blocks.push(...readNode(node, env));
  }
  if (inline.length) flush();
  // A form's writing lines stay on the page of the question before them.
  blocks.forEach((block, i) => {
    const before = blocks[i - 1];
    if (block.kind === 'field' && block.label.length === 0 && before?.kind === 'paragraph') blocks[i - 1] = { ...before, keepWithNext: true };
  });
  return blocks;
}

/** Inline nodes → runs with the kit's typographic marks. */
function readRuns(nodes: readonly Nodes[], env: MarkdownEnv): Run[] {
  return typesetRuns(readPlainRuns(nodes, env.findings), env.lang);
}

/** One flow node → blocks. */
function readNode(node: Nodes, env: MarkdownEnv): Block[] {
  const pos = node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
  switch (node.type) {
    case 'yaml':
      return [];
    case 'paragraph': {
      // A paragraph that holds only a picture is the picture (with its alt text as caption).
      const only = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
      if (only.length === 1 && only[0].type === 'image') return picture(only[0].url, only[0].alt ?? '', only[0].title, env, pos);
      const runs = readRuns(node.children, env);
      if (env.forms && runs.length && BLANK_AT_END.test(runs.at(-1)!.text)) return [field(runs, pos)];
      return runs.length ? [{ kind: 'paragraph', runs, pos }] : [];
    }
    case 'heading':
      return [{ kind: 'heading', level: Math.min(4, Math.max(3, node.depth)) as 3 | 4, runs: readRuns(node.children, env), pos }];
    case 'list':
      return [
        {
          kind: 'list',
          ordered: !!node.ordered,
          start: node.start ?? undefined,
          items: node.children.map((item) => readFlow(item.children, env.forms ? { ...env, forms: false } : env)),
          pos,
        },
      ];
    case 'table': {
      const [header, ...rows] = node.children.map((row) => row.children.map((cell) => readRuns(cell.children as Nodes[], env)));
      const align = (node.align ?? []).map((a): Align => a ?? 'left');
      return [{ kind: 'table', header: header ?? [], rows, align, unsplittable: rows.length <= 6, ...(env.pupil ? { bodySize: true } : {}), pos }];
    }
    case 'blockquote':
      return [{ kind: 'box', variant: 'script', children: readFlow(node.children, env), pos }];
    case 'thematicBreak':
      // On a pupil's sheet a line of underscores (which Markdown reads as a rule) is space to write in.
      return [env.forms ? { kind: 'field', label: [], lines: FIELD_MIN_LINES, pos } : { kind: 'rule', pos }];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return env.component(node, env);
    default:
      env.findings.push(error(pos?.line ?? 1, pos?.column ?? 1, 'kit-cannot-show', { node: node.type, name: (node as { name?: string | null }).name ?? undefined, inline: false }));
      return [];
  }
}

/** A form field from a paragraph that ends in a blank: its text before the underscores is the label. */
function field(runs: Run[], pos?: { line: number; column: number }): Block {
  const last = runs.at(-1)!;
  const label = [...runs.slice(0, -1), { ...last, text: last.text.replace(BLANK_AT_END, '').trimEnd() }].filter((run) => run.text.length > 0);
  return { kind: 'field', label, lines: FIELD_MIN_LINES, length: BLANK_AT_END.exec(last.text)![0].trim().length, pos };
}

/**
 * A picture block from a rasterised image, at a size (`small` unless a `<Picture>` says otherwise), captioned with its
 * title, or else its alt text (the teacher sees what it shows); on a pupil's sheet only a title is a caption.
 */
export function picture(url: string, alt: string, title: string | null | undefined, env: MarkdownEnv, pos?: { line: number; column: number }, size?: PictureSize): Block[] {
  const image = env.pictures.get(url);
  if (!image) {
    env.findings.push(error(pos?.line ?? 1, pos?.column ?? 1, 'kit-picture-unreadable', { url }));
    return [];
  }
  const text = env.pupil ? title : title || alt;
  const caption: Run[] | undefined = text ? typesetRuns([{ text, italic: true }], env.lang) : undefined;
  const placed = size ?? env.pictureSize ?? 'small';
  return [{ ...image, alt, ...(caption ? { caption } : {}), ...(placed !== 'small' ? { size: placed } : {}), pos }];
}

/** Every picture URL in a tree, for rasterising before conversion (into `urls`: no array per node). */
export function pictureUrls(node: Nodes, urls: string[] = []): string[] {
  if (node.type === 'image') urls.push(node.url);
  const children = (node as { children?: Nodes[] }).children;
  if (children) for (let i = 0; i < children.length; i++) pictureUrls(children[i]!, urls);
  return urls;
}
