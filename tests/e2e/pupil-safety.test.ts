/**
 * The built site, read as a pupil's printout would be: every handout and station holds only verified contacts meant for
 * children of the lesson's youngest band; a private handout has no name line and says it is not handed in; the shared
 * action plan shows its steps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { helplinesFor, isJsx, isParent, textAttribute } from '../../src/model/index.ts';
import type { Nodes } from 'mdast';
import { t } from '../../src/i18n/index.ts';
import { library, published as lessons } from '../fixtures/library.ts';

const siteDir = inject('siteDir');
const unverified = library.helplines.filter((line) => line.verified === null);

/** The lesson page a lesson file is published at. */
const pageOf = (slug: string, lang: string) => join(siteDir, lang === 'uk' ? '' : lang, 'lessons', slug, 'index.html');

/** Every `<section>` whose class list starts with `className`, with its nested sections (balanced by counting tags). */
function sections(html: string, className: string): string[] {
  const found: string[] = [];
  const opening = new RegExp(`<section class="${className}[ "]`, 'g');
  for (const match of html.matchAll(opening)) {
    const tags = /<section\b|<\/section>/g;
    tags.lastIndex = match.index!;
    let depth = 0;
    for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
      depth += tag[0] === '</section>' ? -1 : 1;
      if (depth === 0) {
        found.push(html.slice(match.index!, tags.lastIndex));
        break;
      }
    }
  }
  return found;
}

/** Visible text of an HTML fragment (tags dropped, entities that matter here decoded). */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

/** The kind of each handout of a lesson, from its source: `private`, a `worksheet` with a name line, or `shared`. */
function handoutKinds(tree: Nodes): string[] {
  const kinds: string[] = [];
  const visit = (node: Nodes) => {
    if (isJsx(node) && node.name === 'Handout') {
      // A sheet for the whole class or for a station leader has no name line either.
      const shared = ['class', 'leader'].includes(textAttribute(node, 'audience') ?? '');
      kinds.push(textAttribute(node, 'kind') ?? (shared ? 'shared' : 'worksheet'));
    }
    if (isParent(node)) node.children.forEach((child) => visit(child as Nodes));
  };
  visit(tree);
  return kinds;
}

describe('pupil-facing parts of every lesson page', () => {
  test('the library keeps unverified entries for adults, so there is something to keep from pupils', () => {
    expect(unverified.length).toBeGreaterThan(0);
    expect(helplinesFor(library.helplines, 'pupils').length).toBeGreaterThan(0);
  });

  test.each(lessons.map((lesson) => [`${lesson.slug} (${lesson.lang})`, lesson] as const))('%s', (_name, lesson) => {
    const s = t(lesson.lang);
    const html = readFileSync(pageOf(lesson.slug, lesson.lang), 'utf8');
    const pupilParts = [...sections(html, 'handout'), ...sections(html, 'station')];
    const handed = new Set(helplinesFor(library.helplines, 'pupils', lesson.data.bands));
    const withheld = library.helplines.filter((line) => line.verified !== null && !handed.has(line));
    expect(pupilParts.length).toBeGreaterThan(0);
    for (const part of pupilParts.map(textOf)) {
      for (const line of unverified) {
        for (const contact of [line.phone, line.name, line.name_en, line.url?.replace(/^https?:\/\//, '').replace(/\/$/, '')]) {
          if (contact) expect(part, contact).not.toContain(contact);
        }
      }
      expect(part).not.toContain(s.helplinesUnverified);
      // Verified services meant for older pupils stay off the sheets of a lesson for younger ones.
      for (const line of withheld) {
        for (const contact of [line.phone, line.url?.replace(/^https?:\/\//, '').replace(/\/$/, '')]) {
          if (contact) expect(part, `${line.id}: ${contact}`).not.toContain(contact);
        }
      }
    }
    // Private sheets: no name line, and the note that the sheet is the pupil's own.
    const kinds = handoutKinds(lesson.tree);
    const privateSheets = sections(html, 'handout private');
    expect(privateSheets).toHaveLength(kinds.filter((kind) => kind === 'private').length);
    for (const sheet of privateSheets) {
      expect(sheet).not.toContain('class="name-line"');
      expect(textOf(sheet)).toContain(s.privateSheet);
    }
    // The action plan shows its three steps in order wherever a lesson prints it.
    const plans = sections(html, 'action-plan');
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect([...plan.matchAll(/<li\b/g)]).toHaveLength(3);
  });

  test('a worksheet still has its name line (the check above can tell them apart)', () => {
    const lesson = lessons.find((entry) => handoutKinds(entry.tree).includes('worksheet') && entry.lang === 'uk')!;
    const html = readFileSync(pageOf(lesson.slug, 'uk'), 'utf8');
    expect(sections(html, 'handout').some((sheet) => sheet.includes('class="name-line"'))).toBe(true);
  });
});
