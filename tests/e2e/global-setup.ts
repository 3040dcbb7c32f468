/**
 * Build the fixture library's site once per test run and serve it the ways a school would: at a server's root, under a
 * sub-path, and opened from disk (file://). Every browser test shares this build. (The real library's build is tested
 * by `npm run test:real`, after `npm run build`.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveSite } from '../../src/site/serve.mjs';
import type { TestProject } from 'vitest/node';
import { childEnv } from '../build/env.ts';
import { FIXTURE_LIBRARY } from '../fixtures/library.ts';

/** Where the test build goes (kept out of dist/). */
export const SITE_DIR = 'tests/.tmp/site';
/** What the test build printed (kept with the build, so E2E_SKIP_BUILD=1 still has it). */
export const BUILD_LOG = 'tests/.tmp/site-build.txt';
/** The sub-path the site is served under: proves every internal URL is relative. */
export const SUB_PATH = '/school/lessons/';
/**
 * Bytes of page HTML per part of the search index in the test build: small, so the fixture library's index is written
 * in several parts, as a large library's is, and every search test searches the merged parts.
 */
const SEARCH_PART_BYTES = 150_000;
/**
 * Lesson files per slice of the page build in the test build: few, so the fixture library's pages are built in slices,
 * each in a process of its own, and merged, as a large library's are (src/site/page-slices.ts), and every browser test
 * reads a merged site. tests/build/slices.test.ts compares it with the same library built in one piece.
 */
export const PAGE_SLICE_FILES = 4;
/** The environment of the test build. */
export const SITE_BUILD_ENV = { LESSONS_DIR: FIXTURE_LIBRARY, LESSON_KITS_SEARCH_PART_BYTES: String(SEARCH_PART_BYTES), LESSON_KITS_PAGE_SLICE_FILES: String(PAGE_SLICE_FILES) };

export default async function setup(project: TestProject) {
  if (!process.env.E2E_SKIP_BUILD || !existsSync(SITE_DIR) || !existsSync(BUILD_LOG)) {
    const run = spawnSync(process.execPath, ['scripts/build.ts', '--out', SITE_DIR], { encoding: 'utf8', env: childEnv(SITE_BUILD_ENV) });
    writeFileSync(BUILD_LOG, run.stdout + run.stderr);
    process.stdout.write(run.stdout + run.stderr);
    if (run.status !== 0) throw new Error(`the fixture library's build failed (exit ${run.status}): see its output above`);
  }
  const site = await serveSite(SITE_DIR, SUB_PATH);
  const atRoot = await serveSite(SITE_DIR, '/');
  project.provide('siteUrl', site.url);
  project.provide('rootUrl', atRoot.url);
  project.provide('fileUrl', pathToFileURL(resolve(SITE_DIR)).href + '/');
  project.provide('siteDir', SITE_DIR);
  return async () => {
    await site.close();
    await atRoot.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site under a sub-path of a server. */
    siteUrl: string;
    /** The site at a server's root. */
    rootUrl: string;
    /** The site's folder as a file:// address, ending in `/`. */
    fileUrl: string;
    siteDir: string;
  }
}
