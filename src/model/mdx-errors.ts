/**
 * MDX syntax errors in an author's words. The parser (Sätteri) stops at the first thing it cannot read, with an
 * English message that often points at the `<` of a tag rather than the quote or brace that is wrong. Here its
 * message is mapped to a rule of the catalogue, and a tag it could not read is scanned again to find the character
 * at fault: typographic quotes around an attribute value, a value without quotes, quotes never closed, a tag without
 * its `>`, a `<` that was meant as text.
 */
import { error, type Finding } from './diagnostics.ts';
import { positionAt } from './source.ts';

/** Quotation marks a word processor or keyboard layout types instead of `"` (“…”, «…», ‘…’, „…“). */
const TYPOGRAPHIC_QUOTES = /[“”„‟«»‘’‚‛‹›″]/;

/** The finding for an MDX syntax error, located at the character at fault where it can be found. */
export function mdxSyntaxFinding(cause: unknown, source: string): Finding {
  const raw = cause instanceof Error ? cause.message : String(cause);
  const at = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(raw);
  const line = at ? Number(at[1]) : 1;
  const column = at ? Number(at[2]) : 1;
  const text = (at ? raw.slice(at[0].length) : raw).replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '').trim();
  let match: RegExpExecArray | null;
  if ((match = /^Expected a closing tag for `<([^>`]*)>` \((\d+):\d+\) before the end of `\w+`/.exec(text))) {
    return error(line, column, 'mdx-tag-in-paragraph', { name: match[1]! });
  }
  if ((match = /^Expected a closing tag for `<([^>`]*)>` \((\d+):\d+\)/.exec(text))) {
    return error(Number(match[2]), column, 'mdx-unclosed-tag', { name: match[1]!, line: Number(match[2]) });
  }
  if ((match = /^Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^>`]*)>` \((\d+):\d+\)/.exec(text))) {
    const [closing, open] = [match[1]!, match[2]!];
    return error(line, column, 'mdx-closing-mismatch', { closing, open, line: Number(match[3]), caseOnly: closing !== open && closing.toLowerCase() === open.toLowerCase() });
  }
  if ((match = /^Unexpected closing tag `<\/([^>`]*)>`, expected an open tag first/.exec(text))) {
    const name = match[1]!;
    // `<Stage … />` closes itself, so a `</Stage>` after its content has nothing to close.
    const selfClosed = [...source.slice(0, offsetOf(source, line, column)).matchAll(new RegExp(`<${name}\\b[^>]*/>`, 'g'))].at(-1);
    const at = selfClosed ? positionAt(source, selfClosed.index + selfClosed[0].length - 2) : { line, column };
    return error(at.line, at.column, 'mdx-closing-without-open', { name, closingLine: line, selfClosed: selfClosed !== undefined });
  }
  if ((match = /^Expected the closing tag `<\/([^>`]*)>` either after the end of `\w+`/.exec(text))) {
    return error(line, column, 'mdx-tag-in-paragraph', { name: match[1]! });
  }
  if (/^Unexpected end of file in expression/.test(text)) return error(line, column, 'mdx-brace-unclosed');
  if (/to create a comment in MDX/.test(text)) return error(line, column, 'mdx-html-comment');
  const offset = offsetOf(source, line, column);
  if (/^Could not parse expression/.test(text)) return error(line, column, 'mdx-expression-invalid', { code: expressionAt(source, offset) });
  if (/^Unexpected character/.test(text)) {
    const found = diagnoseTag(source, source.lastIndexOf('<', offset));
    if (found) return found;
  }
  return error(line, column, 'mdx-syntax', { detail: text });
}

/** The offset of a 1-based line and column. */
function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  return Math.min(source.length, offset + column - 1);
}

/** The text of the `{…}` around an offset, shortened for a message. */
function expressionAt(source: string, offset: number): string {
  const open = source.lastIndexOf('{', offset);
  const close = source.indexOf('}', offset);
  const code = open >= 0 && close > open ? source.slice(open + 1, close) : source.slice(offset, offset + 20);
  return code.length > 40 ? `${code.slice(0, 37)}…` : code;
}

/**
 * What is wrong with the tag that starts at `start` (a `<`), read as MDX reads a JSX tag: a name, then attributes
 * `name`, `name="…"`, `name='…'` or `name={…}`, then `>` or `/>`. Undefined when the tag reads well (the parser's
 * complaint is about something else).
 */
function diagnoseTag(source: string, start: number): Finding | undefined {
  if (start < 0) return undefined;
  const report = (offset: number, make: (line: number, column: number) => Finding) => {
    const { line, column } = positionAt(source, offset);
    return make(line, column);
  };
  const after = source.slice(start + 1);
  const autolink = /^((?:https?:\/\/|mailto:)[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[^\s<>]+)>/.exec(after);
  if (autolink) return report(start, (l, c) => error(l, c, 'mdx-autolink', { address: autolink[1]! }));
  const name = /^\/?([A-Za-z][\w.:-]*)/.exec(after);
  if (!name) return report(start, (l, c) => error(l, c, 'mdx-less-than'));
  let i = start + 1 + name[0].length;
  const tagName = name[1]!;
  for (;;) {
    const space = /^[ \t]*(?:\r?\n[ \t]*)?/.exec(source.slice(i))![0];
    i += space.length;
    const ch = source[i];
    if (ch === undefined || ch === '\n' || ch === '\r' || ch === '<') return report(start, (l, c) => error(l, c, 'mdx-tag-unclosed', { name: tagName }));
    if (ch === '>' || source.startsWith('/>', i)) return undefined;
    const attribute = /^[A-Za-z_][\w:.-]*/.exec(source.slice(i));
    if (!attribute) {
      if (TYPOGRAPHIC_QUOTES.test(ch)) return report(i, (l, c) => error(l, c, 'mdx-attribute-quotes', { attribute: '', quote: ch }));
      return report(start, (l, c) => error(l, c, 'mdx-tag-unclosed', { name: tagName }));
    }
    i += attribute[0].length;
    if (source[i] !== '=') continue;
    i++;
    const open = source[i];
    if (open === '"' || open === "'") {
      const close = source.indexOf(open, i + 1);
      const lineEnd = source.indexOf('\n', i);
      if (close < 0 || (lineEnd >= 0 && close > lineEnd && /\n[ \t]*\n/.test(source.slice(i, close)))) {
        return report(i, (l, c) => error(l, c, 'mdx-attribute-unclosed', { attribute: attribute[0] }));
      }
      i = close + 1;
    } else if (open === '{') {
      const close = source.indexOf('}', i);
      if (close < 0) return report(i, (l, c) => error(l, c, 'mdx-brace-unclosed'));
      i = close + 1;
    } else if (open !== undefined && TYPOGRAPHIC_QUOTES.test(open)) {
      return report(i, (l, c) => error(l, c, 'mdx-attribute-quotes', { attribute: attribute[0], quote: open }));
    } else {
      const value = /^[^\s>]*/.exec(source.slice(i))![0].replace(/\/$/, '');
      return report(i, (l, c) => error(l, c, 'mdx-attribute-value', { attribute: attribute[0], value }));
    }
  }
}
