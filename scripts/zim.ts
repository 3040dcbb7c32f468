/**
 * `npm run zim [-- --site <dir>] [-- --out <file>]`: pack the built site (dist/) into a Kiwix file with Debian's
 * zim-tools and check it with zimcheck. Default output: <site>/downloads/lesson-kits-<version>.zim.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildInfo } from '../src/site/build-info.ts';
import { bundleFileName } from '../src/site/paths.ts';
import { formatMs, timed } from '../src/site/report.ts';
import { packZim, ZimError } from '../src/site/zim.ts';

/** The value of `--name <value>` or `--name=<value>`. */
function option(args: readonly string[], name: string): string | undefined {
  const at = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice(name.length + 1) : args[at + 1];
}

const args = process.argv.slice(2);
const site = option(args, '--site') ?? 'dist';
const version = buildInfo().version;
const out = option(args, '--out') ?? join(site, 'downloads', bundleFileName(version).replace(/\.zip$/, '.zim'));

if (!existsSync(join(site, 'index.html'))) {
  console.error(`zim: no built site in ${site}/ (index.html is missing). Build it first: npm run build`);
  process.exit(1);
}
try {
  const { value, ms } = await timed(() => packZim({ version, siteDir: site }, out));
  console.log(value.check);
  console.log(`\n  zim  ${formatMs(ms).padStart(7)}  ${value.file}, ${(value.bytes / 1024 / 1024).toFixed(1)} MB, zimcheck passed`);
} catch (error) {
  if (!(error instanceof ZimError)) throw error;
  console.error(`zim: ${error.message}`);
  process.exit(1);
}
