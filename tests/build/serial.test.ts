/**
 * The build tests, one after another in this one file: whole builds, `npm run new` and `npm run dev` on scratch
 * libraries. They share Astro's cache folders (node_modules/.astro and .astro/), so two of them must never run at the
 * same time; as one file they keep their order while the other projects' files run beside them (vitest runs a project
 * whose files may not run in parallel only after every other file has finished). Each file's hooks stay in its suite.
 */
import { describe } from 'vitest';

describe('build.test.ts', async () => {
  await import('./build.test.ts');
});
describe('slices.test.ts', async () => {
  await import('./slices.test.ts');
});
describe('new.test.ts', async () => {
  await import('./new.test.ts');
});
describe('dev.test.ts', async () => {
  await import('./dev.test.ts');
});
