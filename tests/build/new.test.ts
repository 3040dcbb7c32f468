/**
 * `npm run new` as an author uses it (issue 15): for every format it writes a draft that passes `npm run check` at
 * once, asks again for an answer it cannot use, never overwrites a lesson. Such a draft shows in `npm run dev` at once
 * (tests/build/dev.test.ts), and a build publishes no draft (tests/e2e/output.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FORMAT_IDS } from '../../src/model/index.ts';
import { childEnv } from './env.ts';
import { lowPriority, useProjectCopy } from './project.ts';

const project = useProjectCopy();
const lessons = join(project, 'scratch-lessons');
cpSync('tests/fixtures/lessons', lessons, { recursive: true });
cpSync('lessons/_data/action-plan.yaml', join(lessons, '_data/action-plan.yaml'));
const env = { ...childEnv({ LESSONS_DIR: lessons }), LESSON_KITS_LANG: 'uk' };

/** Run a script of the project (in its copy); returns its exit code and output. */
function run(script: string, args: string[], input?: string, extra: Record<string, string> = {}) {
  const result = spawnSync(...lowPriority(process.execPath, [script, ...args]), { cwd: project, env: { ...env, ...extra }, input, encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

/** Titles and bands for each format. */
const LESSONS = { lesson: ['Мої дорослі', '1-2, 3-4'], quest: ['Квест «Червоні прапорці»', '7–8'], session: ['Зайчик і секрет', '4-6'] } as const;

describe('npm run new', () => {
  test.each(FORMAT_IDS.map((format) => [format]))('writes a %s draft from its template, with a slug by the official transliteration', (format) => {
    const [title, bands] = LESSONS[format];
    const { code, output } = run('scripts/new.ts', ['--title', title, '--bands', bands, '--format', format]);
    expect(code, output).toBe(0);
    const slug = /lessons\/([a-z0-9-]+)\/index\.mdx/.exec(output)![1]!;
    expect(slug).toBe({ lesson: 'moi-dorosli', quest: 'kvest-chervoni-praportsi', session: 'zaichyk-i-sekret' }[format]);
    const source = readFileSync(join(lessons, slug, 'index.mdx'), 'utf8');
    expect(source).toContain(`title: ${JSON.stringify(title)}`);
    expect(source).toContain(`format: ${format}`);
    expect(source).toMatch(/^draft: true$/m);
    expect(output).toContain('Створено');
  });

  test('asks for what it is not given, again after an answer it cannot use, and suggests the slug', () => {
    const answers = ['', 'Паролі: що таке «надійний»', '5–7', '5-6, 7-8', 'лекція', 'урок', 'Bad Slug', ''].join('\n');
    const { code, output } = run('scripts/new.ts', [], `${answers}\n`);
    expect(code, output).toBe(0);
    expect(output).toContain('Назва не може бути порожньою.');
    expect(output).toContain('«5-7» — не вікова група.');
    expect(output).toContain('«лекція» — не формат.');
    expect(output).toContain('«Bad Slug» не годиться');
    expect(output).toContain('[paroli-shcho-take-nadiinyi]');
    expect(readFileSync(join(lessons, 'paroli-shcho-take-nadiinyi', 'index.mdx'), 'utf8')).toContain('bands: [5-6, 7-8]');
  });

  test('never overwrites a lesson, and stops when an answer is missing', () => {
    const before = readFileSync(join(lessons, 'moi-dorosli', 'index.mdx'), 'utf8');
    const again = run('scripts/new.ts', ['--title', 'Мої дорослі', '--bands', '1-2']);
    expect(again.code).toBe(1);
    expect(again.output).toContain('уже існує: урок не перезаписано');
    expect(readFileSync(join(lessons, 'moi-dorosli', 'index.mdx'), 'utf8')).toBe(before);
    const cut = run('scripts/new.ts', [], 'Назва\n');
    expect(cut.code).toBe(1);
    expect(cut.output).toContain('Немає відповіді');
    expect(existsSync(join(lessons, 'nazva'))).toBe(false);
  });

  test('the new lessons pass npm run check at once (their parts to fill are warnings)', () => {
    const { code, output } = run('scripts/check.ts', []);
    expect(code, output).toBe(0);
    expect(output).toMatch(/перевірено 5 файлів уроків і їхні набори: 0 помилок, \d+ попереджен(ня|ь)$/m);
    expect(output).toContain('[template-text]');
  });
});
