/**
 * Node's compile cache for an npm script and every process it starts (`node --import ./scripts/lib/compile-cache.ts`):
 * Node keeps the code it compiled for each module in `node_modules/.cache/node-compile/` and uses it again while the
 * module's source is unchanged. Set here rather than as `NODE_COMPILE_CACHE=… node …` in package.json, which the
 * Windows command prompt cannot run; the variable is set for the processes this one starts (kit workers, page slices,
 * Astro, test files).
 */
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

const dir = process.env.NODE_COMPILE_CACHE || fileURLToPath(new URL('../../node_modules/.cache/node-compile', import.meta.url));
enableCompileCache(dir);
process.env.NODE_COMPILE_CACHE = dir;
