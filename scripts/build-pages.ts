/**
 * One slice of the site's pages (src/site/page-slices.ts): Astro's build of the slice named by LESSON_KITS_PAGE_SLICE
 * into `--out <dir>` (`--force`: start from an empty content cache). `scripts/build.ts` runs one per slice, each in a
 * process of its own, so the memory of one slice's build is given back before the next starts; it has checked the
 * library first and makes the relative URLs and the search index over the merged site.
 */
import { currentPageSlice, PAGE_SLICE_ENV } from '../src/site/page-slices.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1'; // no request leaves this machine at build time
process.env.NODE_ENV = 'production'; // as scripts/build.ts: drafts stay hidden whoever started it

const args = process.argv.slice(2);
const out = args[args.indexOf('--out') + 1];
if (!currentPageSlice() || !args.includes('--out') || !out) {
  console.error(`usage: ${PAGE_SLICE_ENV}=<slice> node scripts/build-pages.ts --out <dir> [--force]; run by scripts/build.ts`);
  process.exit(2);
}

const { build } = await import('astro');
try {
  await build({ outDir: out, logLevel: 'warn', force: args.includes('--force') });
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
