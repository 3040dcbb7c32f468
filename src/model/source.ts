/**
 * Rules on a lesson's text before it is parsed: the encoding and line endings an editor saved it with, invisible
 * control characters, a frontmatter that is never closed, an unclosed code fence, and the two shapes of text that
 * make the MDX parser slow (thousands of `{`, containers nested thousands deep on one line). Each names its cause and
 * the line; none needs the parsed tree.
 */
import { error, type Finding } from './diagnostics.ts';
import { MAX_BRACES, MAX_NESTING } from './limits.ts';

/** The text of a file read as UTF-8, or the position of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badByte: { line: number; column: number } } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Find the first bad byte: decode growing prefixes would be quadratic, so walk the UTF-8 sequences.
    let line = 1;
    let column = 1;
    for (let i = 0; i < bytes.length; ) {
      const length = utf8SequenceLength(bytes, i);
      if (length === 0) return { badByte: { line, column } };
      if (bytes[i] === 0x0a) {
        line++;
        column = 1;
      } else column++;
      i += length;
    }
    return { badByte: { line, column } };
  }
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not one. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  const second = bytes[i + 1]!;
  if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return 0;
  return length;
}

/** A problem with how the file was saved, reported alone: the positions of anything else would be wrong or garbled. */
export function encodingProblem(source: string): Finding | undefined {
  const lone = /\r(?!\n)/.exec(source);
  if (lone) {
    const { line, column } = positionAt(source, lone.index);
    return error(line, column, 'file-line-endings');
  }
  return undefined;
}

/** The byte-order mark some Windows editors put at the start of a UTF-8 file. */
export const BOM = '\uFEFF';

/** The error for a BOM at the start of a file (the rest is still checked, read without it). */
export function bomFinding(): Finding {
  return error(1, 1, 'file-bom');
}

/** Control characters no lesson text holds: C0 but tab, line feed and carriage return; DEL; C1. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Each invisible control character in the file (a NUL, an escape), at its line and column; at most a few. */
export function controlCharacters(source: string, limit = 5): Finding[] {
  const findings: Finding[] = [];
  for (const match of source.matchAll(CONTROL)) {
    const { line, column } = positionAt(source, match.index);
    const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    findings.push(error(line, column, 'control-character', { code }));
    if (findings.length >= limit) break;
  }
  return findings;
}

/** The frontmatter opened by `---` on the first line and never closed by a second `---` line. */
export function unclosedFrontmatter(source: string): Finding | undefined {
  if (!/^---[ \t]*\r?\n/.test(source)) return undefined;
  if (/\r?\n---[ \t]*(\r?\n|$)/.test(source)) return undefined;
  return error(1, 1, 'frontmatter-unclosed');
}

/** More `{` than a lesson needs: MDX reads each as code, and its parser slows down with the square of their number. */
export function tooManyBraces(source: string): Finding | undefined {
  let count = 0;
  for (let i = source.indexOf('{'); i >= 0; i = source.indexOf('{', i + 1)) {
    if (source[i - 1] === '\\') continue;
    if (++count > MAX_BRACES) {
      const { line, column } = positionAt(source, i);
      return error(line, column, 'too-many-braces', { limit: MAX_BRACES });
    }
  }
  return undefined;
}

/** A container marker at the start of a line: a block quote `>` or a list item (`-`, `*`, `+`, `1.`, `1)`) and its space. */
const CONTAINER_MARKER = /^[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))/;

/**
 * A line that opens more block quotes and list items than the nesting limit (`> > > …`, `- - - … x`), outside fenced
 * code: reported before parsing, because the parser's time grows with the square of such nesting. Each marker is one
 * level of the tree (a list or a quote), so the count never exceeds the depth the parsed tree would have.
 */
export function deepLinePrefix(source: string): Finding | undefined {
  let fence: string | undefined;
  let offset = 0;
  let line = 0;
  while (offset <= source.length) {
    line++;
    const end = source.indexOf('\n', offset);
    const text = source.slice(offset, end < 0 ? source.length : end);
    offset = end < 0 ? source.length + 1 : end + 1;
    const delimiter = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence !== undefined) {
      if (delimiter && delimiter[0] === fence[0] && delimiter.length >= fence.length) fence = undefined;
      continue;
    }
    if (delimiter) {
      fence = delimiter;
      continue;
    }
    let rest = text;
    let depth = 0;
    for (let marker = CONTAINER_MARKER.exec(rest); marker; marker = CONTAINER_MARKER.exec(rest)) {
      depth++;
      rest = rest.slice(marker[0].length);
    }
    // A line of list markers alone (`* * *`, `- - -`) is a thematic break, not nesting.
    if (depth > MAX_NESTING && rest.trim() !== '') return nestingFinding(line, 1, depth);
  }
  return undefined;
}

/** The error for nesting beyond the limit, at the first place it is exceeded. */
export function nestingFinding(line: number, column: number, depth: number): Finding {
  return error(line, column, 'nesting-too-deep', { depth, limit: MAX_NESTING });
}

/**
 * The first fenced code block that is opened and never closed (it would swallow the rest of the lesson), by a scan
 * of the lines; undefined when every fence is closed.
 */
export function unclosedFence(source: string, fromLine = 1): { line: number; column: number; fence: string } | undefined {
  let open: { line: number; column: number; fence: string } | undefined;
  const lines = source.split('\n');
  for (let i = fromLine - 1; i < lines.length; i++) {
    const match = /^([ \t>]*?(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?)(`{3,}|~{3,})(.*)$/.exec(lines[i]!.replace(/\r$/, ''));
    if (!match) continue;
    const [, before, fence, after] = match;
    if (open) {
      if (fence![0] === open.fence[0] && fence!.length >= open.fence.length && after!.trim() === '') open = undefined;
    } else if (!(fence![0] === '`' && after!.includes('`'))) {
      open = { line: i + 1, column: before!.length + 1, fence: fence! };
    }
  }
  return open;
}

/** The finding for a fence opened at `at` and never closed; `stoppedAt` is where the MDX parser stopped, when it did. */
export function unclosedFenceFinding(at: { line: number; column: number; fence: string }, stoppedAt?: string): Finding {
  return error(at.line, at.column, 'code-fence-unclosed', { fence: at.fence, line: at.line, stoppedAt });
}

/** 1-based line and column of an offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
