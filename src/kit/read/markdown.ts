import type { Nodes, RootContent } from 'mdast';
import type { Align, Block, ImageBlock, Run } from '../blocks.ts';
import { error, type Finding } from '../../model/diagnostics.ts';
import { readRuns } from './inline.ts';

/** Pictures of a lesson, already rasterised, by their URL as written. */
export type Pictures = ReadonlyMap<string, Omit<ImageBlock, 'pos'>>;

/** What Markdown conversion needs: the pictures, a place for findings, and a handler for lesson components. */
export interface MarkdownEnv {
  pictures: Pictures;
  findings: Finding[];
  /** Converts a lesson component (JSX element); returns the blocks it contributes here. */
  component: (node: Nodes, env: MarkdownEnv) => Block[];
}

/** Inline nodes that may stand directly in a component written on one line (`<Card>**Так** чи ні</Card>`). */
const PHRASING = new Set(['text', 'strong', 'emphasis', 'delete', 'inlineCode', 'link', 'break']);

/** Flow content (Markdown and components) → kit blocks, in source order; loose inline nodes form a paragraph. */
export function readFlow(nodes: readonly (RootContent | Nodes)[], env: MarkdownEnv): Block[] {
  const blocks: Block[] = [];
  let inline: Nodes[] = [];
  const flush = () => {
    const runs = readRuns(inline, env.findings);
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
  return blocks;
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
      const runs = readRuns(node.children, env.findings);
      return runs.length ? [{ kind: 'paragraph', runs, pos }] : [];
    }
    case 'heading':
      return [{ kind: 'heading', level: Math.min(4, Math.max(3, node.depth)) as 3 | 4, runs: readRuns(node.children, env.findings), pos }];
    case 'list':
      return [
        {
          kind: 'list',
          ordered: !!node.ordered,
          start: node.start ?? undefined,
          items: node.children.map((item) => readFlow(item.children, env)),
          pos,
        },
      ];
    case 'table': {
      const [header, ...rows] = node.children.map((row) => row.children.map((cell) => readRuns(cell.children, env.findings)));
      const align = (node.align ?? []).map((a): Align => a ?? 'left');
      return [{ kind: 'table', header: header ?? [], rows, align, unsplittable: rows.length <= 6, pos }];
    }
    case 'blockquote':
      return [{ kind: 'box', variant: 'script', children: readFlow(node.children, env), pos }];
    case 'thematicBreak':
      return [{ kind: 'rule', pos }];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return env.component(node, env);
    default:
      env.findings.push(error(pos?.line ?? 1, pos?.column ?? 1, 'kit-cannot-show', { node: node.type, name: (node as { name?: string | null }).name ?? undefined, inline: false }));
      return [];
  }
}

/** A picture block from a rasterised image, captioned with its title, or else its alt text (the teacher sees what it shows). */
function picture(url: string, alt: string, title: string | null | undefined, env: MarkdownEnv, pos?: { line: number; column: number }): Block[] {
  const image = env.pictures.get(url);
  if (!image) {
    env.findings.push(error(pos?.line ?? 1, pos?.column ?? 1, 'kit-picture-unreadable', { url }));
    return [];
  }
  const caption: Run[] = [{ text: title || alt, italic: true }];
  return [{ ...image, alt, caption, pos }];
}

/** Every picture URL in a tree, for rasterising before conversion (into `urls`: no array per node). */
export function pictureUrls(node: Nodes, urls: string[] = []): string[] {
  if (node.type === 'image') urls.push(node.url);
  const children = (node as { children?: Nodes[] }).children;
  if (children) for (let i = 0; i < children.length; i++) pictureUrls(children[i]!, urls);
  return urls;
}
