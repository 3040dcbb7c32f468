/**
 * The record of a lesson's inputs the loader keeps for the kit cache (src/model/inputs.ts): it must name every picture
 * the kit prints and every title its links print, with the hashes of the bytes on disk. A picture the record missed
 * would leave its kits cached after the picture changed.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Nodes } from 'mdast';
import { afterAll, describe, expect, test } from 'vitest';
import { loadLesson, loadLibrary, publishedLessons, type ValidLesson } from '../../src/model/index.ts';
import { pictureUrls } from '../../src/kit/read/markdown.ts';
import type { SiteLinkData } from '../../src/model/links.ts';

const scratch = mkdtempSync(join(tmpdir(), 'lesson-inputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The titles a tree's site links print, found by walking all of it (as the renderer reads them). */
function printedTitles(node: Nodes, found: string[] = []): string[] {
  const { siteTitle, siteLang } = (node.data ?? {}) as SiteLinkData;
  if (node.type === 'link' && siteTitle) found.push(`${siteLang} ${siteTitle}`);
  for (const child of (node as { children?: Nodes[] }).children ?? []) printedTitles(child, found);
  return found;
}

/** The record checked against the files and the whole tree. */
function expectComplete(lesson: ValidLesson): void {
  expect(lesson.inputs.text, lesson.file).toBe(sha256(readFileSync(lesson.file)));
  const urls = [...new Set(pictureUrls(lesson.tree as Nodes))].sort();
  expect([...lesson.inputs.pictures.keys()].sort(), lesson.file).toEqual(urls);
  for (const url of urls) expect(lesson.inputs.pictures.get(url), url).toBe(sha256(readFileSync(join(dirname(lesson.file), decodeURI(url)))));
  expect(lesson.inputs.linkedTitles, lesson.file).toEqual(printedTitles(lesson.tree as Nodes));
}

describe("the loader's record of what a kit prints", () => {
  test.each(['lessons', 'tests/fixtures/library', 'tests/fixtures/lessons'])('names every picture and linked title of every lesson in %s', (folder) => {
    const lessons = publishedLessons(loadLibrary(folder));
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) expectComplete(lesson);
    expect(lessons.some((lesson) => lesson.inputs.pictures.size > 0) || folder === 'tests/fixtures/lessons').toBe(true);
  });

  test('names the title a link into the site prints, in reading order', () => {
    const root = join(scratch, 'linked');
    cpSync('tests/fixtures/lessons', root, { recursive: true });
    const fixture = readFileSync(join(root, 'valid-lesson', 'index.mdx'), 'utf8');
    mkdirSync(join(root, 'druhyi-urok'));
    writeFileSync(join(root, 'druhyi-urok', 'index.mdx'), fixture.replace('title: Паролі та секрети', 'title: Другий урок'));
    const linking = fixture.replace('Намалюй замок.', 'Намалюй замок ([другий урок](../druhyi-urok/)) і [ще раз](../druhyi-urok/).');
    expect(linking).not.toBe(fixture);
    writeFileSync(join(root, 'valid-lesson', 'index.mdx'), linking);
    const lesson = loadLesson(join(root, 'valid-lesson', 'index.mdx'));
    expect(lesson.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(lesson.inputs.linkedTitles).toEqual(['uk Другий урок', 'uk Другий урок']);
    expectComplete(lesson as ValidLesson);
  });

  test('a text given directly hashes as the same text saved would', () => {
    const file = 'tests/fixtures/lessons/valid-lesson/index.mdx';
    expect(loadLesson(file, readFileSync(file, 'utf8')).inputs.text).toBe(loadLesson(file).inputs.text);
  });
});
