/**
 * Build the fixture library's site once per test run and serve it the ways a school would: at a server's root, under a
 * sub-path, and opened from disk (file://). Every browser test shares this build, and waits for it (site-state.ts).
 * (The real library's build is tested by `npm run test:real`, after `npm run build`.)
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { writeSiteState } from './site-state.ts';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../src/site/serve.mjs';
import { freePort } from '../free-port.ts';
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

/**
 * Start the build and return at once: the unit and build tests run while it builds (they do not need it), and every
 * browser test waits for it first (`site-state.ts`, through the e2e project's setup file; the slices test waits for it
 * too, to compare with it). The addresses are given now, on ports chosen now; the servers start once the site is there.
 */
export default async function setup(project: TestProject) {
  writeSiteState({ state: 'building', pid: process.pid });
  const [port, rootPort] = [await freePort(), await freePort()];
  project.provide('siteUrl', `http://127.0.0.1:${port}${SUB_PATH}`);
  project.provide('rootUrl', `http://127.0.0.1:${rootPort}/`);
  project.provide('fileUrl', pathToFileURL(resolve(SITE_DIR)).href + '/');
  project.provide('siteDir', SITE_DIR);
  const servers: { close(): Promise<void> }[] = [];
  const ready = buildSite()
    .then(async () => {
      servers.push(await startServer({ root: SITE_DIR, prefix: SUB_PATH, port }), await startServer({ root: SITE_DIR, prefix: '/', port: rootPort }));
      writeSiteState({ state: 'ready', pid: process.pid });
    })
    .catch((error: unknown) => writeSiteState({ state: 'failed', pid: process.pid, error: error instanceof Error ? error.message : String(error) }));
  return async () => {
    await ready;
    await Promise.all(servers.map((server) => server.close()));
  };
}

/** Build the fixture library's site into SITE_DIR (unless E2E_SKIP_BUILD=1 and a build is there), its output kept in BUILD_LOG. */
function buildSite(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD && existsSync(SITE_DIR) && existsSync(BUILD_LOG)) return Promise.resolve();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--out', SITE_DIR], { env: childEnv(SITE_BUILD_ENV) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      writeFileSync(BUILD_LOG, output);
      if (status === 0) resolvePromise();
      else reject(new Error(`the fixture library's build failed (exit ${status}):\n${output}`));
    });
  });
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
