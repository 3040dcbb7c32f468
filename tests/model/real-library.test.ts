/** The real library passes `npm run check` — every lesson, the shared data and every kit — as its authors run it. */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

describe('npm run check on lessons/', () => {
  test('exits 0 with no errors, in Ukrainian by default', () => {
    const env = { ...process.env };
    delete env.LESSON_KITS_LANG;
    const run = spawnSync(process.execPath, ['scripts/check.ts'], { encoding: 'utf8', env });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^перевірено \d+ файлів уроків і їхні набори: 0 помилок, \d+ попереджен/m);
    expect(run.stdout).not.toMatch(/ помилка /);
  }, 60_000);
});
