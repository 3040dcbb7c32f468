/** The model's safety vocabulary: private handouts, helplines for pupils, the shared action plan, optional stages. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  BAND_IDS, actionPlanFor, helplinesFor, loadActionPlans, loadHelplines, loadLesson, loadLibrary, readStages, type BandId,
} from '../../src/model/index.ts';

const FILE = 'tests/fixtures/lessons/valid-lesson/index.mdx';
const VALID = readFileSync(FILE, 'utf8');

/** The valid fixture with one text replaced (the replacement must apply). */
function variant(from: string | RegExp, to: string): string {
  const next = VALID.replace(from, to);
  if (next === VALID) throw new Error(`variant: ${from} not found in the fixture`);
  return next;
}

/** Error messages of a variant of the fixture. */
function errors(source: string): string[] {
  return loadLesson(FILE, source).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message} | ${d.hint}`);
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A scratch copy of the fixture library. */
function scratchLibrary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'safety-model-'));
  dirs.push(dir);
  cpSync('tests/fixtures/lessons', dir, { recursive: true });
  return dir;
}

describe('handout kinds', () => {
  test('a private handout is a valid lesson', () => {
    expect(errors(variant('audience="pupil"', 'audience="pupil" kind="private"'))).toEqual([]);
  });
});

describe('helplines: who reads them', () => {
  test('inside a handout, helplines must be for pupils', () => {
    const source = variant('Намалюй замок.', 'Намалюй замок.\n\n<Helplines />');
    expect(errors(source)).toEqual([expect.stringMatching(/<Helplines \/> inside <Handout> is read by pupils.*\| write <Helplines reader="pupils" \/>/)]);
    expect(errors(variant('Намалюй замок.', 'Намалюй замок.\n\n<Helplines reader="pupils" />'))).toEqual([]);
  });

  test('an unknown reader is an author error', () => {
    expect(errors(variant('<Helplines />', '<Helplines reader="kids" />'))).toEqual([expect.stringMatching(/reader="kids": is not a reader \| use one of pupils, adults/)]);
  });

  test('pupils get only verified entries meant for children; adults get every entry', () => {
    const { helplines } = loadHelplines('lessons/_data/helplines.yaml');
    const pupils = helplinesFor(helplines, 'pupils');
    expect(pupils.length).toBeGreaterThan(0);
    expect(pupils.every((line) => line.verified !== null && line.audience.includes('children'))).toBe(true);
    expect(helplinesFor(helplines, 'adults')).toHaveLength(helplines.length);
    // The library keeps unverified entries for adults, so the filter has something to remove.
    expect(helplines.filter((line) => line.verified === null).length).toBeGreaterThan(0);
    expect(pupils.map((line) => line.id)).not.toContain('stop-sexting-telegram-bot');
  });

  const { helplines: real } = loadHelplines('lessons/_data/helplines.yaml');
  const ids = (bands: BandId[]) => helplinesFor(real, 'pupils', bands).map((line) => line.id).sort();

  test.each([[['4-6']], [['1-2']], [['3-4']], [['5-6']], [['5-6', '7-8']], [[]]] as BandId[][][])(
    'pupils of %j (youngest band 5–6 or younger) get only the children\'s line and the police',
    (bands) => {
      expect(ids(bands)).toEqual(['child-hotline', 'police-102']);
    },
  );

  test('teenagers also get reporting and removal services, each framed as done together with an adult', () => {
    const teens = helplinesFor(real, 'pupils', ['9-11', '7-8']);
    expect(teens.map((line) => line.id)).toEqual(expect.arrayContaining(['child-hotline', 'police-102', 'cyberpolice', 'take-it-down']));
    expect(ids(['7-8'])).toEqual(ids(['9-11', '7-8']));
    // The services that report a crime or remove an image.
    for (const line of teens.filter((entry) => ['cyberpolice', 'stopcrime', 'take-it-down'].includes(entry.id))) {
      expect(line.purpose, line.id).toMatch(/разом із дорослим/);
      expect(line.purpose_en, line.id).toMatch(/together with an adult/);
    }
  });

  test('an entry nobody judged for younger children reaches only the oldest pupils; a bad band is an error with its line', () => {
    const dir = scratchLibrary();
    const file = join(dir, '_data', 'helplines.yaml');
    const source = readFileSync(file, 'utf8');
    const fixture = loadHelplines(file).helplines;
    expect(fixture.find((line) => line.id === 'test-line')!.min_band).toBe('9-11');
    expect(helplinesFor(fixture, 'pupils', ['9-11']).map((line) => line.id)).toEqual(['test-line']);
    expect(helplinesFor(fixture, 'pupils', ['7-8', '9-11'])).toEqual([]);
    writeFileSync(file, source.replace('  audience: [children]\n', '  audience: [children]\n  min_band: 7-11\n'));
    const line = source.split('\n').findIndex((text) => text === '  audience: [children]') + 2;
    expect(loadHelplines(file).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`)).toEqual([expect.stringMatching(new RegExp(`^${line}: .*min_band`))]);
  });
});

describe('optional stages', () => {
  test('a stage may be marked optional, and the stage list says so', () => {
    const lesson = loadLesson(FILE, variant('<Stage title="Знайомство" minutes={5}>', '<Stage title="Знайомство" minutes={5} optional>'));
    expect(lesson.diagnostics).toEqual([]);
    expect(readStages(lesson.tree).map((stage) => stage.optional)).toEqual([true, false]);
  });

  test('optional is a bare flag', () => {
    expect(errors(variant('<Stage title="Знайомство" minutes={5}>', '<Stage title="Знайомство" minutes={5} optional="yes">'))).toEqual([expect.stringMatching(/optional="yes": is a flag and takes no value/)]);
  });

  test.each([
    ['helplines', '<Helplines reader="pupils" />'],
    ['the action plan', '<ActionPlan />'],
  ])('the stage where pupils learn %s can never be optional', (_what, component) => {
    const source = variant('<Stage title="Гра" minutes={10}>', '<Stage title="Гра" minutes={10} optional>').replace('Намалюй замок.', `Намалюй замок.\n\n${component}`);
    expect(errors(source)).toEqual([expect.stringMatching(/this stage is optional but holds <(Helplines|ActionPlan)>: pupils learn here where to get help/)]);
  });
});

describe('the shared action plan', () => {
  const real = loadActionPlans('lessons/_data/action-plan.yaml');

  test('the library words the plan for every band, in both languages, with no problems', () => {
    expect(real.diagnostics).toEqual([]);
    for (const band of BAND_IDS) {
      for (const lang of ['uk', 'en'] as const) expect(actionPlanFor(real.plans, band, lang), `${band} ${lang}`).toBeDefined();
    }
  });

  test('every band learns the same order: stop, tell a trusted adult, then together', () => {
    for (const band of BAND_IDS) {
      const plan = actionPlanFor(real.plans, band, 'uk')!;
      expect(plan.stop.name).toMatch(/^Стоп/);
      expect(plan.tell.name).toMatch(/^Розкажи/);
      expect(plan.together.name).toMatch(/^Разом/);
      expect(plan.evidence).toMatch(/не (фотографую|фотографуй|знімай|знімаємо)|не пересила|без самого зображення/);
    }
  });

  test('a band without a wording, or with two, is an error with its line', () => {
    const dir = scratchLibrary();
    const file = join(dir, '_data', 'action-plan.yaml');
    const source = readFileSync('lessons/_data/action-plan.yaml', 'utf8');
    writeFileSync(file, source.replace('- bands: [1-2]', '- bands: [4-6]'));
    const messages = loadActionPlans(file).diagnostics.map((d) => `${d.line}: ${d.message}`);
    expect(messages).toContain(`${source.split('\n').findIndex((line) => line === '- bands: [1-2]') + 1}: band 4-6 has two wordings (entries 1 and 2)`);
    expect(messages).toContain('1: band 1-2 has no wording of the action plan');
  });

  test('a reordered plan cannot be written: the steps are named fields', () => {
    const dir = scratchLibrary();
    const file = join(dir, '_data', 'action-plan.yaml');
    writeFileSync(file, readFileSync('lessons/_data/action-plan.yaml', 'utf8').replace('    tell:\n      name: Розкажи дорослому.', '    step2:\n      name: Розкажи дорослому.'));
    expect(loadActionPlans(file).diagnostics.map((d) => d.message).join('\n')).toMatch(/step2|tell/);
  });

  test('<ActionPlan band> must name one of the lesson\'s bands; without the data it is an error', () => {
    const dir = scratchLibrary();
    const lesson = join(dir, 'valid-lesson', 'index.mdx');
    writeFileSync(lesson, variant('Намалюй замок.', 'Намалюй замок.\n\n<ActionPlan band="9-11" />'));
    const missing = loadLibrary(dir).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(missing).toEqual([expect.stringMatching(/<ActionPlan \/> needs the shared plan, but lessons\/_data\/action-plan.yaml is missing/)]);
    cpSync('lessons/_data/action-plan.yaml', join(dir, '_data', 'action-plan.yaml'));
    const wrongBand = loadLibrary(dir).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(wrongBand).toEqual([expect.stringMatching(/<ActionPlan band="9-11"> is not one of this lesson's bands \(1-2, 3-4\)/)]);
    writeFileSync(lesson, variant('Намалюй замок.', 'Намалюй замок.\n\n<ActionPlan band="3-4" />'));
    expect(loadLibrary(dir).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('an unknown band is caught by the grammar', () => {
    expect(errors(variant('Намалюй замок.', 'Намалюй замок.\n\n<ActionPlan band="7-11" />'))).toEqual([expect.stringMatching(/band="7-11": is not an age band/)]);
  });
});
