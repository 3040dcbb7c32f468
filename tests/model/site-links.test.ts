/**
 * The link rule for links into the site (issue 15): a lesson links another lesson as ../slug/, its stages as
 * #stage-…, and the site's pages; every such link resolves to a page that will be published, or is an error at its
 * position naming what is wrong. The printed kit names the page a link leads to.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isValid, loadLesson, loadLibrary } from '../../src/model/index.ts';
import { siteMapFor } from '../../src/model/site-map.ts';
import { renderKit } from '../../src/kit/index.ts';
import { isStale, addMonths } from '../../src/model/freshness.ts';

const FIXTURE = readFileSync('tests/fixtures/lessons/valid-lesson/index.mdx', 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'site-links-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;

/** A library of the fixture, a second lesson "druhyi-urok" (a draft when asked), and the lesson's body changed. */
function library(change: (source: string) => string, { draftSecond = false, second = (source: string) => source } = {}): string {
  const root = join(scratch, `library-${count++}`);
  cpSync('tests/fixtures/lessons', root, { recursive: true });
  mkdirSync(join(root, 'druhyi-urok'));
  const other = FIXTURE.replace('title: Паролі та секрети', 'title: Другий урок').replace('<Stage title="Гра"', '<Stage title="Фінальна гра"');
  writeFileSync(join(root, 'druhyi-urok', 'index.mdx'), second(draftSecond ? other.replace('authors:', 'draft: true\nauthors:') : other));
  writeFileSync(join(root, 'valid-lesson', 'index.mdx'), change(FIXTURE));
  return root;
}

/** The link problems of the fixture lesson with `links` in place of its drawing task. */
function linkProblems(links: string, options?: Parameters<typeof library>[1]) {
  const root = library((source) => source.replace('Намалюй замок.', links), options);
  return loadLesson(join(root, 'valid-lesson/index.mdx')).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`);
}

describe('links that resolve', () => {
  test.each([
    ['another lesson', '[урок](../druhyi-urok/)'],
    ['another lesson by its page file', '[урок](../druhyi-urok/index.html)'],
    ['a stage of another lesson', '[етап](../druhyi-urok/#stage-фінальна-гра)'],
    ['a stage of this lesson', '[етап](#stage-гра)'],
    ['the same page', '[угору](#)'],
    ["the teachers' and parents' pages", '[вчителю](../../teachers/) і [батькам](../../parents/)'],
    ['a band, a topic, the topics, search, about, home', '[5–6](../../bands/5-6/) [згода](../../topics/consent/) [теми](../../topics/) [пошук](../../search/) [про нас](../../about/) [головна](../../)'],
    ['the English page of a lesson', '[in English](../../en/lessons/druhyi-urok/)'],
    ['a kit', '[набір](../../kits/druhyi-urok.pdf)'],
    ['a root-absolute address', '[урок](/lessons/druhyi-urok/)'],
    ['a part of the page that is not a stage', '[словник](#glossary-title)'],
  ])('%s', (_name, links) => {
    expect(linkProblems(links)).toEqual([]);
  });
});

describe('links that do not', () => {
  test.each([
    ['a lesson that does not exist', '[урок](../druhyi-urk/)', ['41:1 link-lesson-missing']],
    ['a lesson without its final slash', '[урок](../druhyi-urok)', ['41:1 link-trailing-slash']],
    ['a stage that does not exist in another lesson', '[етап](../druhyi-urok/#stage-гра)', ['41:1 link-anchor']],
    ['a band that does not exist', '[7–11](../../bands/7-11/)', ['41:1 link-page-missing']],
    ['a topic that does not exist', '[тема](../../topics/secret/)', ['41:1 link-page-missing']],
    ['a page written as a lesson', '[вчителю](../teachers/)', ['41:1 link-page-missing']],
    ['a kit of a translation that does not exist', '[набір](../../kits/druhyi-urok.en.pdf)', ['41:1 link-page-missing']],
    ['a file in the lesson folder', '[план](./plan.pdf)', ['41:1 link-page-missing']],
    ['a folder above the site', '[вгору](../../../../)', ['41:1 link-page-missing']],
  ])('%s', (_name, links, problems) => {
    expect(linkProblems(links)).toEqual(problems);
  });

  test('a published lesson may not link a draft; a draft may', () => {
    expect(linkProblems('[урок](../druhyi-urok/)', { draftSecond: true })).toEqual(['41:1 link-lesson-draft']);
    const root = library((source) => source.replace('authors:', 'draft: true\nauthors:').replace('Намалюй замок.', '[урок](../druhyi-urok/)'), { draftSecond: true });
    expect(loadLesson(join(root, 'valid-lesson/index.mdx')).diagnostics).toEqual([]);
  });

  test('the suggestions name the closest lesson and the page meant', () => {
    const root = library((source) => source.replace('Намалюй замок.', '[урок](../druhyi-urk/) [вчителю](../teachers/)'));
    const [lesson, page] = loadLesson(join(root, 'valid-lesson/index.mdx')).diagnostics;
    expect(lesson!.params).toMatchObject({ slug: 'druhyi-urk', guess: 'druhyi-urok' });
    expect(page!.params).toMatchObject({ guess: '../../teachers/' });
  });

  test("a site page's links resolve from its own address", () => {
    const root = library((source) => source);
    writeFileSync(join(root, '_pages', 'teachers.uk.mdx'), readFileSync(join(root, '_pages', 'teachers.uk.mdx'), 'utf8') + '\n\n[урок](../lessons/druhyi-urok/) [хибний](../druhyi-urok/)\n');
    const problems = loadLibrary(root).diagnostics.filter((d) => d.file.endsWith('teachers.uk.mdx'));
    expect(problems.map((d) => d.rule)).toEqual(['link-page-missing']);
    expect(problems[0]!.params).toMatchObject({ url: '../druhyi-urok/' });
  });

  test('the site map follows a renamed lesson at once (a dev server checks the lesson again)', () => {
    const root = library((source) => source.replace('Намалюй замок.', '[урок](../druhyi-urok/)'));
    expect(siteMapFor(root).lessons.has('druhyi-urok')).toBe(true);
    execFileSync('mv', [join(root, 'druhyi-urok'), join(root, 'tretii-urok')]);
    expect(siteMapFor(root).lessons.has('druhyi-urok')).toBe(false);
    expect(loadLesson(join(root, 'valid-lesson/index.mdx')).diagnostics.map((d) => d.rule)).toEqual(['link-lesson-missing']);
  });
});

describe('the printed kit names the page a link leads to', () => {
  test('a lesson link prints as its text and the lesson title; a link whose text is the title prints once', async () => {
    const root = library((source) => source.replace('Намалюй замок.', 'Повторіть [урок для старших](../druhyi-urok/) і [Другий урок](../druhyi-urok/), потім [сторінку для вчителя](../../teachers/).'));
    const library_ = loadLibrary(root);
    const lesson = library_.lessons.find((item) => item.slug === 'valid-lesson')!;
    expect(isValid(lesson)).toBe(true);
    const kit = await renderKit(lesson as Parameters<typeof renderKit>[0], { lessonsDir: root, helplines: library_.helplines, facts: library_.facts });
    if (!kit.ok) throw new Error(JSON.stringify(kit.diagnostics));
    const pdf = join(root, 'kit.pdf');
    writeFileSync(pdf, kit.pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Повторіть урок для старших («Другий урок») і Другий урок, потім сторінку для вчителя («');
    expect(text).not.toContain('../druhyi-urok/');
  });
});

describe('facts verified more than six months ago', () => {
  test.each([
    ['2026-06-06', '2026-12-06', false],
    ['2026-06-05', '2026-12-06', true],
    ['2026-08-31', '2027-02-28', false],
    ['2026-08-31', '2027-03-01', true],
  ])('verified %s, today %s: stale %s', (verified, today, stale) => {
    expect(isStale(verified, today)).toBe(stale);
  });

  test('six months after 31 August is the last day of February', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });

  test('a helpline and a fact verified too long ago are warnings at their dates, relative to LESSON_KITS_TODAY', () => {
    const root = library((source) => source);
    writeFileSync(join(root, '_data', 'facts.yaml'), '- id: law\n  statement: Закон.\n  statement_en: A law.\n  source: https://example.org/law\n  verified: 2026-05-01\n');
    const helplines = join(root, '_data', 'helplines.yaml');
    writeFileSync(helplines, readFileSync(helplines, 'utf8').replace('verified: 2026-11-01', 'verified: 2026-04-30'));
    const before = process.env.LESSON_KITS_TODAY;
    const stale = () => loadLibrary(root).diagnostics.filter((d) => d.rule.endsWith('-stale')).map((d) => `${d.file.slice(d.file.indexOf('_data'))}:${d.line}:${d.column} ${d.rule} ${d.message}`);
    try {
      process.env.LESSON_KITS_TODAY = '2026-12-06';
      expect(stale()).toEqual([
        '_data/helplines.yaml:10:13 helpline-stale "Тестова лінія" was verified on 2026-04-30, more than 6 months ago',
        '_data/facts.yaml:5:13 fact-stale fact "law" was verified on 2026-05-01, more than 6 months ago',
      ]);
      process.env.LESSON_KITS_TODAY = '2026-10-30';
      expect(stale()).toEqual([]);
    } finally {
      process.env.LESSON_KITS_TODAY = before;
    }
  });
});
