/**
 * `npm run check` as authors run it, on the fixture library: every lesson, the shared data and every kit, in Ukrainian
 * by default. (The real library is checked by CI's own step, `npm run check`, in .ci/run and the pull-request workflow:
 * it typesets every kit, so its cost grows with the library.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { FIXTURE_LIBRARY } from '../fixtures/library.ts';

describe('npm run check on a library', () => {
  test('exits 0 with no errors, in Ukrainian by default', () => {
    const env = { ...process.env };
    delete env.LESSON_KITS_LANG;
    const run = spawnSync(process.execPath, ['scripts/check.ts', FIXTURE_LIBRARY], { encoding: 'utf8', env });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^перевірено \d+ файлів уроків і їхні набори: 0 помилок, \d+ попереджен/m);
    expect(run.stdout).not.toMatch(/ помилка /);
  }, 60_000);
});
