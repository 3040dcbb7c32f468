/**
 * The kit's safety vocabulary, read back from real PDFs with pdftotext: a private handout has no name line and says
 * whose it is; a pupil's list of helplines holds only verified contacts for children; the shared action plan prints
 * its three steps in order; optional stages are marked on the cover.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isValid, loadLesson, loadLibrary, type ValidLesson } from '../../src/model/index.ts';
import { renderKit } from '../../src/kit/index.ts';
import { t } from '../../src/i18n/index.ts';

const FIXTURES = 'tests/fixtures/lessons';
const FILE = `${FIXTURES}/valid-lesson/index.mdx`;
const SOURCE = readFileSync(FILE, 'utf8');
// The real library's shared data: its helplines include unverified entries, which pupils must never be handed.
const real = loadLibrary('lessons');
const s = t('uk');
const dir = mkdtempSync(join(tmpdir(), 'safety-kit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture, or the fixture with one text changed (the replacement must apply). */
function lesson(from?: string, to = ''): ValidLesson {
  const source = from === undefined ? SOURCE : SOURCE.replace(from, to);
  if (from !== undefined && source === SOURCE) throw new Error(`${from} not found in the fixture`);
  const loaded = loadLesson(FILE, source);
  if (!isValid(loaded)) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded;
}

/** Render a lesson and read every page back as text. */
async function pages(source: ValidLesson, name: string): Promise<string[]> {
  const result = await renderKit(source, { lessonsDir: FIXTURES, helplines: real.helplines, facts: real.facts, actionPlans: real.actionPlans });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, result.pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, result.pages);
}

/** The text of the page a handout starts on (its "Роздатка 1 · …" line). */
function handoutPage(all: string[]): string {
  const page = all.find((text) => text.includes(`${s.handout} 1 ·`));
  if (!page) throw new Error('no handout page');
  return page;
}

const unverified = real.helplines.filter((line) => line.verified === null);

describe('private handouts', () => {
  test('a worksheet has a name line; a private sheet has none and says it is not handed in', async () => {
    const worksheet = handoutPage(await pages(lesson(), 'worksheet'));
    expect(worksheet).toContain(`${s.nameLine}:`);
    expect(worksheet).not.toContain(s.privateSheet);
    const privateSheet = handoutPage(await pages(lesson('audience="pupil"', 'audience="pupil" kind="private"'), 'private'));
    expect(privateSheet).not.toContain(`${s.nameLine}:`);
    expect(privateSheet).not.toContain(`${s.dateLine}:`);
    expect(privateSheet.replace(/\s+/g, ' ')).toContain(s.privateSheet);
  });
});

describe('helplines for pupils', () => {
  test('a handout prints only verified contacts for children; the teacher\'s section keeps every entry', async () => {
    const all = await pages(lesson('Намалюй замок.', 'Намалюй замок.\n\n<Helplines reader="pupils" />'), 'pupil-helplines');
    const handout = handoutPage(all).replace(/\s+/g, ' ');
    expect(unverified.length).toBeGreaterThan(0);
    expect(handout).toContain('116 111');
    for (const line of unverified) {
      for (const contact of [line.phone, line.url, line.name].filter((text): text is string => !!text)) expect(handout).not.toContain(contact);
    }
    expect(handout).not.toContain(s.helplinesUnverified);
    // The teacher's safeguarding part still lists the unverified entries, marked as such.
    const teacher = all.slice(all.findIndex((text) => text.includes(s.kit.safeguardingSection))).join(' ').replace(/\s+/g, ' ');
    expect(teacher).toContain(s.helplinesUnverified);
  });
});

describe('the shared action plan', () => {
  test('prints the youngest band\'s wording, its three steps in order and the evidence rule', async () => {
    const handout = handoutPage(await pages(lesson('Намалюй замок.', 'Намалюй замок.\n\n<ActionPlan />'), 'action-plan')).replace(/\s+/g, ' ');
    const plan = real.actionPlans.find((entry) => entry.bands.includes('1-2'))!.uk;
    const at = [plan.title, `1. ${plan.stop.name}`, `2. ${plan.tell.name}`, `3. ${plan.together.name}`].map((text) => handout.indexOf(text));
    expect(at.every((index) => index >= 0), JSON.stringify(at)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(handout).toContain(plan.evidence.slice(0, 40));
  });
});

describe('optional stages', () => {
  test('the cover marks an optional stage and says what may never be dropped', async () => {
    const cover = (await pages(lesson('<Stage title="Знайомство" minutes={5}>', '<Stage title="Знайомство" minutes={5} optional>'), 'optional'))[0]!.replace(/\s+/g, ' ');
    expect(cover).toContain(`Знайомство — ${s.optionalStage}`);
    expect(cover).toContain(s.optionalLead(5).slice(0, 60));
    const plain = (await pages(lesson(), 'plain'))[0]!;
    expect(plain).not.toContain(s.optionalStage);
  });
});
