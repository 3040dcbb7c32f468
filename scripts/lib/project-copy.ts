/**
 * A copy of the project in a folder of its own, to build there: its files, and its node_modules as links to the
 * project's own packages. Astro keeps its content store and generated modules in the project (`.astro/`,
 * `node_modules/.astro`), so two Astro processes of one project must not run at once; two copies may. Used by
 * `npm run bench:scale` (a grown library, with caches of its own) and by the build tests (each file builds in a copy,
 * beside the fixture library's build).
 */
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Project entries that are not copied: outputs, caches, scratch, the dependencies (linked instead). */
const NOT_COPIED = new Set(['node_modules', '.git', 'dist', 'kits', 'kit-pages', '.astro', '.cache']);

/** Astro's and Vite's caches in node_modules: always the copy's own. */
const ASTRO_CACHES = ['.astro', '.vite'];

/** The kit cache's folder in node_modules (src/kit/cache.ts): shared, unless `ownKitCache` (its entries are written whole). */
const KIT_CACHE = '.cache';

/** Copy `project` into the empty folder `into`; with `ownKitCache`, the copy starts with an empty kit cache of its own. */
export function copyProject(project: string, into: string, { ownKitCache }: { ownKitCache: boolean }): void {
  const scratch = resolve(project, 'tests', '.tmp');
  for (const name of readdirSync(project)) {
    if (NOT_COPIED.has(name) || name.startsWith('dist.')) continue;
    cpSync(join(project, name), join(into, name), { recursive: true, filter: (source) => resolve(source) !== scratch });
  }
  const own = new Set(ownKitCache ? [...ASTRO_CACHES, KIT_CACHE] : ASTRO_CACHES);
  mkdirSync(join(into, 'node_modules'));
  for (const name of readdirSync(join(project, 'node_modules'))) {
    if (!own.has(name)) symlinkSync(resolve(project, 'node_modules', name), join(into, 'node_modules', name));
  }
}
