import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { findLessonFiles, loadLibrary, publishedLessons, formatDiagnostic } from '../../src/model/index.ts';

const FIXTURES = 'tests/fixtures/lessons';
let dirs: string[] = [];

/** A scratch copy of the fixture library. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
  cpSync(FIXTURES, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('loadLibrary', () => {
  test('skips folders starting with _ and finds translations', () => {
    const dir = scratch();
    cpSync(join(dir, 'valid-lesson/index.mdx'), join(dir, 'valid-lesson/index.en.mdx'));
    expect(findLessonFiles(dir).map((file) => file.slice(dir.length + 1))).toEqual(['valid-lesson/index.en.mdx', 'valid-lesson/index.mdx']);
    const library = loadLibrary(dir);
    expect(library.lessons.map((lesson) => lesson.lang)).toEqual(['en', 'uk']);
    expect(library.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('an unverified helpline is a warning with file and line', () => {
    const library = loadLibrary(FIXTURES);
    const [warning] = library.diagnostics;
    expect(formatDiagnostic(warning)).toMatch(/^tests\/fixtures\/lessons\/_data\/helplines\.yaml:19:13 {2}warning {2}"Неперевірений сервіс" is not verified \[helpline-unverified\]\n {4}hint: /);
    expect(library.helplines.map((line) => line.verified)).toEqual(['2026-11-01', null]);
  });

  test('a helpline with neither phone nor url is an error', () => {
    const dir = scratch();
    writeFileSync(join(dir, '_data/helplines.yaml'), '- id: x\n  name: X\n  name_en: X\n  purpose: P\n  purpose_en: P\n  audience: [children]\n  source: https://example.org/\n  verified: null\n');
    const errors = loadLibrary(dir).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.line}:${d.message}`)).toEqual(['1:entry 1: give a phone number or a url']);
  });

  test('a translation must keep the bands, format and duration of its original', () => {
    const dir = scratch();
    const source = readFileSync(join(dir, 'valid-lesson/index.mdx'), 'utf8').replace('format: lesson', 'format: quest');
    writeFileSync(join(dir, 'valid-lesson/index.en.mdx'), source);
    const messages = loadLibrary(dir).diagnostics.map((d) => d.message);
    expect(messages).toContain('translation differs from the original in format');
  });

  test('drafts are loaded and checked, but not published', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'valid-lesson/index.mdx'), readFileSync(join(dir, 'valid-lesson/index.mdx'), 'utf8').replace('authors:', 'draft: true\nauthors:'));
    const library = loadLibrary(dir);
    expect(library.lessons).toHaveLength(1);
    expect(publishedLessons(library)).toEqual([]);
    expect(publishedLessons(library, { drafts: true })).toHaveLength(1);
  });

  test('a missing shared disclosure protocol is an error', () => {
    const dir = scratch();
    rmSync(join(dir, '_data/safeguarding.uk.md'));
    expect(loadLibrary(dir).diagnostics.map((d) => d.message)).toContain('the shared disclosure protocol is missing');
  });

  test('a <Fact id> must name a fact in facts.yaml', () => {
    const dir = scratch();
    writeFileSync(join(dir, '_data/facts.yaml'), '- id: law-one\n  statement: Закон.\n  statement_en: A law.\n  source: https://example.org/law\n  verified: null\n');
    const file = join(dir, 'valid-lesson/index.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('<Helplines />', '<Fact id="law-one" />\n\n<Fact id="law-two" />'));
    const found = loadLibrary(dir).diagnostics.map((d) => `${d.severity} ${d.line} ${d.message} | ${d.hint}`);
    expect(found).toContain('warning 5 fact "law-one" is not verified | confirm it from the law text or an official source, then set verified: YYYY-MM-DD');
    expect(found).toContain('error 56 <Fact id="law-two"> is not in facts.yaml | add it to lessons/_data/facts.yaml with source: and verified:, or use one of: law-one');
  });

  test('a slug that is not ASCII is an error', () => {
    const dir = scratch();
    cpSync(join(dir, 'valid-lesson'), join(dir, 'Паролі'), { recursive: true });
    const messages = loadLibrary(dir).diagnostics.map((d) => d.message);
    expect(messages).toContain('folder name "Паролі" is not a valid lesson slug');
  });

  test('a lesson file named otherwise than index.mdx is an error (it would never be published); a folder with no lesson a warning', () => {
    const dir = scratch();
    cpSync(join(dir, 'valid-lesson'), join(dir, 'moi-dorosli'), { recursive: true });
    execFileSync('mv', [join(dir, 'moi-dorosli', 'index.mdx'), join(dir, 'moi-dorosli', 'Index.mdx')]);
    mkdirSync(join(dir, 'kartynky'));
    writeFileSync(join(dir, 'kartynky', 'tip.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const found = loadLibrary(dir).diagnostics.filter((d) => d.rule.startsWith('lesson-')).map((d) => `${d.severity} ${d.file.slice(dir.length + 1)} ${d.rule} ${d.message}`);
    expect(found).toEqual([
      `warning kartynky lesson-folder-empty the folder ${join(dir, 'kartynky')} is not a lesson: it has no index.mdx`,
      'error moi-dorosli/Index.mdx lesson-file-name "Index.mdx" is not a lesson file name',
    ]);
  });
});
