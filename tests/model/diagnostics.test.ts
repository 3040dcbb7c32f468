/** How diagnostics are printed: for a terminal (in the language of messages) and as GitHub Actions annotations. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { error, formatDiagnostic, formatGithub, inFile, loadLibrary, summarize, warning, type Diagnostic } from '../../src/model/index.ts';
import { takeLangArgument } from '../../src/i18n/messages/index.ts';

const language = process.env.LESSON_KITS_LANG;
afterEach(() => {
  process.env.LESSON_KITS_LANG = language;
});

/** A diagnostic in a file. */
const inLesson = (file: string, ...findings: ReturnType<typeof error>[]): Diagnostic[] => inFile(file, findings);

describe('for a terminal', () => {
  test('Ukrainian by default: position, severity, message, rule, hint', () => {
    delete process.env.LESSON_KITS_LANG;
    const [d] = inLesson('lessons/a/index.mdx', error(6, 11, 'stage-minutes', { duration: 16, total: 15, sum: '5 + 10' }));
    expect(formatDiagnostic(d!)).toBe('lessons/a/index.mdx:6:11  помилка  duration — 16 хв, а етапи разом дають 15 (5 + 10) [stage-minutes]\n    порада: напишіть duration: 15 або змініть хвилини якогось етапу');
    expect(summarize([d!, ...inLesson('x', warning(1, 1, 'heading-skip', { depth: 5, previous: 3, expected: 4 }))])).toBe('1 помилка, 1 попередження');
  });

  test('English with LESSON_KITS_LANG=en', () => {
    process.env.LESSON_KITS_LANG = 'en';
    const [d] = inLesson('lessons/a/index.mdx', error(6, 11, 'stage-minutes', { duration: 16, total: 15, sum: '5 + 10' }));
    expect(formatDiagnostic(d!)).toBe('lessons/a/index.mdx:6:11  error  duration is 16 minutes but the stages add up to 15 (5 + 10) [stage-minutes]\n    hint: set duration: 15, or change the minutes of a stage');
  });

  test('--lang chooses the language and is taken out of the arguments; an unknown one is refused', () => {
    expect(takeLangArgument(['lessons', '--lang', 'en', '--format', 'github'])).toEqual(['lessons', '--format', 'github']);
    expect(process.env.LESSON_KITS_LANG).toBe('en');
    expect(takeLangArgument(['--lang=uk'])).toEqual([]);
    expect(process.env.LESSON_KITS_LANG).toBe('uk');
    expect(() => takeLangArgument(['--lang', 'de'])).toThrow(/uk or en/);
  });
});

describe('as GitHub Actions annotations', () => {
  test('properties escape %, CR, LF, colon and comma; the message %, CR and LF; the hint follows on its own line', () => {
    process.env.LESSON_KITS_LANG = 'en';
    const [d] = inLesson('lessons/a,b:c%/index.mdx', error(3, 7, 'mdx-expression', { code: '50% of\r\nthem: a, b' }));
    expect(formatGithub(d!)).toBe(
      '::error file=lessons/a%2Cb%3Ac%25/index.mdx,line=3,col=7,title=mdx-expression::"{50%25 of%0D%0Athem: a, b}" is code in MDX, not text%0Ahint: to write a curly brace as text, escape it: \\{ and \\}',
    );
  });

  test('a warning is a ::warning', () => {
    const [d] = inLesson('lessons/a/index.mdx', warning(2, 1, 'glossary-unused', { term: 'Пароль' }));
    expect(formatGithub(d!)).toMatch(/^::warning file=lessons\/a\/index\.mdx,line=2,col=1,title=glossary-unused::/);
  });

  test('npm run check -- --format github prints one command per problem, which reads back as the problem', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'github-'));
    try {
      const root = join(scratch, 'lessons');
      cpSync('tests/fixtures/lessons', root, { recursive: true });
      const file = join(root, 'valid-lesson/index.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace('duration: 15', 'duration: 16').replace('Намалюй замок.', '# Гра'));
      let output = '';
      try {
        execFileSync(process.execPath, ['scripts/check.ts', root, '--format', 'github'], { encoding: 'utf8', env: { ...process.env, LESSON_KITS_LANG: 'uk' } });
      } catch (failure) {
        output = (failure as { stdout: string; status: number }).stdout;
        expect((failure as { status: number }).status).toBe(1);
      }
      const commands = output.split('\n').filter((line) => line.startsWith('::'));
      process.env.LESSON_KITS_LANG = 'uk';
      const expected = loadLibrary(root).diagnostics;
      expect(commands).toHaveLength(expected.length);
      const unescape = (text: string) => text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
      const read = commands.map((line) => {
        const match = /^::(error|warning) file=([^,]*),line=(\d+),col=(\d+),title=([^:]*)::(.*)$/.exec(line)!;
        return { severity: match[1], file: unescape(match[2]!), line: Number(match[3]), column: Number(match[4]), rule: match[5], text: unescape(match[6]!) };
      });
      expect(read).toEqual(
        [...expected].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line).map((d) => ({ severity: d.severity, file: d.file, line: d.line, column: d.column, rule: d.rule, text: `${d.message}\nпорада: ${d.hint}` })),
      );
      expect(read.map((d) => d.rule)).toEqual(expect.arrayContaining(['stage-minutes', 'heading-title']));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
