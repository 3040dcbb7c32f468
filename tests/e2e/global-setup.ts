/** Build the real site once per test run and serve it on 127.0.0.1 under a sub-path, as a school server might. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serveSite } from '../../src/site/serve.mjs';
import type { TestProject } from 'vitest/node';
import { childEnv } from '../build/env.ts';

/** Where the test build goes (kept out of dist/). */
export const SITE_DIR = 'tests/.tmp/site';
/** The sub-path the site is served under: proves every internal URL is relative. */
export const SUB_PATH = '/school/lessons/';

export default async function setup(project: TestProject) {
  if (!process.env.E2E_SKIP_BUILD || !existsSync(SITE_DIR)) {
    execFileSync(process.execPath, ['scripts/build.ts', '--out', SITE_DIR], { stdio: 'inherit', env: childEnv({}) });
  }
  const site = await serveSite(SITE_DIR, SUB_PATH);
  project.provide('siteUrl', site.url);
  project.provide('siteDir', SITE_DIR);
  return site.close;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}
