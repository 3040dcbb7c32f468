/**
 * Each mistake a new author makes (tests/model/mistakes.ts) ends in exactly one diagnostic at its line and column,
 * naming its rule, with its message and hint in Ukrainian (the default) and in English; none is a follow-on of another.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadLibrary, localize, displayPath } from '../../src/model/index.ts';
import { mistakes } from './mistakes.ts';

const FIXTURE = readFileSync('tests/fixtures/lessons/valid-lesson/index.mdx', 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'mistakes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a mistake ends in one diagnostic with file:line:column, its rule, and a hint in Ukrainian and English', () => {
  test.each(mistakes.map((mistake) => [mistake.name, mistake] as const))('%s', (_name, mistake) => {
    const root = join(scratch, mistake.name.replace(/[^a-z0-9]+/gi, '-'));
    cpSync('tests/fixtures/lessons', root, { recursive: true });
    const source = FIXTURE.replace(mistake.from, mistake.to);
    expect(source, 'the mistake applies to the fixture').not.toBe(FIXTURE);
    writeFileSync(join(root, 'valid-lesson/index.mdx'), source);
    for (const [name, text] of Object.entries(mistake.files ?? {})) writeFileSync(join(root, 'valid-lesson', name), text);
    const found = loadLibrary(root).diagnostics.filter((d) => d.file.endsWith('valid-lesson/index.mdx'));
    expect(found.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([`${mistake.at} ${mistake.rule}`]);
    const [diagnostic] = found;
    expect(diagnostic!.file).toBe(displayPath(join(root, 'valid-lesson/index.mdx')));
    expect(diagnostic!.severity).toBe(mistake.severity);
    const library = displayPath(root);
    const inLanguage = (lang: 'uk' | 'en') => {
      const written = localize(diagnostic!, lang);
      return [written.message, written.hint].map((text) => text!.replaceAll(library, '<lessons>'));
    };
    expect(inLanguage('uk')).toEqual(mistake.uk);
    expect(inLanguage('en')).toEqual(mistake.en);
  });
});
