import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { childEnv } from './env.ts';
import { lowPriority, useProjectCopy } from './project.ts';

const project = useProjectCopy();
const scratch = mkdtempSync(join(tmpdir(), 'build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the fixture library with one change applied to its lesson. */
function library(name: string, change: (source: string) => string): string {
  const dir = join(scratch, name);
  cpSync('tests/fixtures/lessons', dir, { recursive: true });
  const file = join(dir, 'valid-lesson/index.mdx');
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  return dir;
}

/** Run `npm run build` on a library into an output folder; returns exit code and output. */
function build(lessons: string, out: string) {
  const run = spawnSync(...lowPriority(process.execPath, ['scripts/build.ts', '--out', out]), {
    cwd: project,
    env: childEnv({ LESSONS_DIR: lessons }),
    encoding: 'utf8',
  });
  return { code: run.status, output: run.stdout + run.stderr };
}

// A build that succeeds, reports its steps and publishes no draft: the fixture library's build of every test run
// (tests/e2e/global-setup.ts, checked by tests/e2e/output.test.ts).
describe('npm run build', () => {
  test('an author mistake stops the build with file:line and a hint, and leaves the previous site intact', () => {
    const out = join(scratch, 'site-broken');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous build');
    const lessons = library('broken', (source) => source.replace('duration: 15', 'duration: 20').replace('<Say>', '<Sya>').replace('</Say>', '</Sya>'));
    const { code, output } = build(lessons, out);
    expect(code).toBe(1);
    expect(output).toContain('valid-lesson/index.mdx:6:11  error  duration is 20 minutes but the stages add up to 15 (5 + 10)');
    expect(output).toContain('hint: set duration: 15');
    expect(output).toContain('valid-lesson/index.mdx:21:1  error  unknown component <Sya>');
    expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace for an author mistake
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
    expect(existsSync(`${out}.staging`)).toBe(false);
  });

  test('without the Ukrainian dictionary the build stops and says what to install, and leaves the previous site intact', () => {
    const out = join(scratch, 'site-no-dictionary');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous build');
    const run = spawnSync(...lowPriority(process.execPath, ['scripts/build.ts', '--out', out]), {
      cwd: project,
      env: childEnv({ LESSONS_DIR: 'tests/fixtures/lessons', LESSON_KITS_UK_DICTIONARY: join(scratch, 'no-such-dictionary/uk_UA') }),
      encoding: 'utf8',
    });
    const output = run.stdout + run.stderr;
    expect(run.status).toBe(1);
    expect(output).toContain('no-such-dictionary/uk_UA.aff:1:1  error  search needs the Ukrainian word-form dictionary');
    expect(output).toContain("hint: install Debian's hunspell-uk (sudo apt-get install hunspell-uk");
    expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
    expect(existsSync(`${out}.staging`)).toBe(false);
  }, 120_000);
});
