/**
 * `npm run test:real`: the real library's build (made by `npm run build`, so dist/ unless REAL_SITE names another folder),
 * served under a sub-path for the smoke test and the search-quality measurement. It does not build: the real build grows
 * with the library, so it is made once by the build step that CI runs anyway (.ci/run, the pull-request workflow).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadLibrary, publishedLessons } from '../../src/model/index.ts';
import { serveSite } from '../../src/site/serve.mjs';

/** The built real site. */
export const REAL_SITE = process.env.REAL_SITE ?? 'dist';

export default async function setup(project: TestProject) {
  // A build of another library (a fixture, a scratch copy) would pass nothing here: every real lesson must have its page.
  const missing = publishedLessons(loadLibrary('lessons'))
    .map((lesson) => join(REAL_SITE, lesson.lang === 'uk' ? '' : lesson.lang, 'lessons', lesson.slug, 'index.html'))
    .filter((page) => !existsSync(page));
  if (missing.length) {
    throw new Error(`${REAL_SITE}/ is not a build of lessons/ (missing ${missing[0]}${missing.length > 1 ? ` and ${missing.length - 1} more` : ''}): run npm run build first, or set REAL_SITE to the folder of a build of lessons/`);
  }
  const site = await serveSite(REAL_SITE, '/school/lessons/');
  project.provide('realSiteUrl', site.url);
  project.provide('realSiteDir', REAL_SITE);
  return () => site.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real library's build, under a sub-path of a server. */
    realSiteUrl: string;
    /** The real library's build folder. */
    realSiteDir: string;
  }
}
