/**
 * The pull-request workflow (.github/workflows/lessons.yml) cannot run here: this holds it in step with .ci/run, the
 * script that installs what the tests need, and with what the authoring guide promises methodologists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const ciRun = readFileSync('.ci/run', 'utf8');
const workflow = parse(readFileSync('.github/workflows/lessons.yml', 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { container?: string; env: Record<string, string>; steps: { name?: string; run?: string; uses?: string; with?: Record<string, string> }[] }>;
};
const job = workflow.jobs.lessons!;
const runs = job.steps.map((step) => step.run ?? '').join('\n');

describe('the pull-request workflow', () => {
  test('installs the same system packages as .ci/run', () => {
    const fromCiRun = [...ciRun.matchAll(/need\+=\(([\w-]+)\)/g)].map((match) => match[1]).sort();
    expect(fromCiRun.length).toBeGreaterThan(3);
    expect(job.env.CI_PACKAGES!.split(/\s+/).sort()).toEqual(fromCiRun);
    expect(runs).toMatch(/apt-get install [^\n]*\$CI_PACKAGES/);
  });

  test('runs on every pull request, in the Debian release this project is tested on', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(job.container).toMatch(/^debian:(bookworm|12)/);
  });

  test('.ci/run checks the real library, runs npm test, builds, then tests the real build', () => {
    const order = ['npm run check', 'npm test', 'npm run build', 'npm run test:real'].map((command) => ciRun.search(new RegExp(`^${command}(\\s|$)`, 'm')));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('installs with npm install, never npm ci, and checks the lockfile as .ci/run does', () => {
    expect(runs).toMatch(/^npm install\b/m);
    expect(runs).not.toMatch(/npm ci\b/);
    expect(ciRun).toMatch(/^npm install\b/m);
    expect(runs).toMatch(/git diff --exit-code package-lock\.json/);
  });

  test('checks with annotations, tests, builds, tests the real build, and keeps the built site', () => {
    const order = ['npm run check -- --format github', 'npm test', 'npm run build', 'npm run test:real'].map((command) => runs.indexOf(command));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('dist/');
  });
});
