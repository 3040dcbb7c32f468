/**
 * `npm run check` as authors run it, on a fixture library: every lesson, the shared data and every kit, in Ukrainian
 * by default. (The real library is checked by CI's own step, `npm run check`, in .ci/run and the pull-request workflow:
 * it typesets every kit, so its cost grows with the library.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

/** One lesson: the command's behaviour, not a library's size (the fixture library is validated by every e2e build). */
const LIBRARY = 'tests/fixtures/lessons';

describe('npm run check on a library', () => {
  test('exits 0 with no errors, in Ukrainian by default', () => {
    const env = { ...process.env };
    delete env.LESSON_KITS_LANG;
    const run = spawnSync(process.execPath, ['scripts/check.ts', LIBRARY], { encoding: 'utf8', env });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^перевірено 1 файл уроку і його набір: 0 помилок, 1 попередження$/m);
    expect(run.stdout).not.toMatch(/ помилка /);
  }, 60_000);
});
