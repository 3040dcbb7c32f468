/**
 * The pupils' pages of every real kit, as published: each lesson file's pupil pack (its handouts, cut-out cards and
 * helplines sheet, `kits/<slug>.pupils.pdf` of the real build), read back with pdftotext, holds no unverified contact
 * and no service meant for pupils older than the lesson's youngest band. The rule itself is tested on the fixture
 * library (tests/kit/safety-kit.test.ts, tests/e2e/pupil-safety.test.ts); this reads what the real lessons hand out.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { helplinesFor, loadLibrary, publishedLessons, type BandId, type Helpline } from '../../src/model/index.ts';
import { pupilPackFileName } from '../../src/kit/files.ts';
import { t } from '../../src/i18n/index.ts';

const siteDir = inject('realSiteDir');
const library = loadLibrary('lessons');
const lessons = publishedLessons(library);
const unverified = library.helplines.filter((line) => line.verified === null);

/** The strings by which a printed contact can be recognised: its phone, its address without the scheme, its names. */
const contactsOf = (line: Helpline) => [line.phone, line.url?.replace(/^https?:\/\//, '').replace(/\/$/, ''), line.name, line.name_en].filter((text): text is string => !!text);

/** A lesson file's pupil pack as text, whitespace collapsed. */
const packText = (slug: string, lang: 'uk' | 'en') =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', join(siteDir, 'kits', pupilPackFileName(slug, lang)), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('the real pupil packs hold no unverified contact and nothing too old for the lesson\'s youngest pupils', () => {
  test('the library has unverified entries to keep from pupils, and lessons that hand pupils contacts', () => {
    expect(unverified.length).toBeGreaterThan(0);
    expect(lessons.some((lesson) => packText(lesson.slug, lesson.lang).includes('116 111'))).toBe(true);
  });

  test('younger pupils are handed fewer services than teenagers, so the age rule has something to withhold', () => {
    const handed = (bands: BandId[]) => helplinesFor(library.helplines, 'pupils', bands).length;
    expect(handed(['5-6'])).toBeGreaterThan(0);
    expect(handed(['5-6'])).toBeLessThan(handed(['7-8']));
  });

  test.each(lessons.map((lesson) => [`${lesson.slug} (${lesson.lang})`, lesson] as const))('%s', (_name, lesson) => {
    const text = packText(lesson.slug, lesson.lang);
    for (const line of unverified) {
      for (const contact of contactsOf(line)) expect(text, contact).not.toContain(contact);
    }
    expect(text).not.toContain(t(lesson.lang).helplinesUnverified);
    // Verified services meant for older pupils (a reporting portal, a chatbot) stay off a younger lesson's sheets.
    const handed = new Set(helplinesFor(library.helplines, 'pupils', lesson.data.bands));
    for (const line of library.helplines.filter((entry) => entry.verified !== null && !handed.has(entry))) {
      for (const contact of contactsOf(line)) expect(text, `${line.id}: ${contact}`).not.toContain(contact);
    }
  });
});
