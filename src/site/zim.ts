/**
 * The Kiwix file: a built site packed into a `.zim` with Debian's zim-tools (`zimwriterfs`), then checked with
 * `zimcheck`. The pages are the offline copy's (src/site/bundle.ts: the download link left out); Pagefind search
 * works inside kiwix-serve, which serves them over HTTP. The npm `@openzim/libzim` downloads a binary at install and
 * fails here, so the Debian tools are used.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { t } from '../i18n/index.ts';
import { offlineSiteFiles } from './bundle.ts';

/** What to say when the tools are missing. */
export const ZIM_TOOLS_HINT = 'install zim-tools: on Debian or Ubuntu, sudo apt-get install zim-tools';

/** The picture Kiwix shows for the file: the site's icon as the 48×48 PNG ZIM requires. */
const ILLUSTRATION = 'zim-illustration-48.png';

/** px: the size ZIM requires of its illustration. */
const ILLUSTRATION_SIZE = 48;

/** A tool failure said plainly (a missing tool, a failed check), for the command line to print without a stack. */
export class ZimError extends Error {
  override name = 'ZimError';
}

/** What the ZIM file says about itself. */
export interface ZimInfo {
  version: string;
  /** The site's folder with its favicon.svg. */
  siteDir: string;
}

/** The result of packing. */
export interface PackedZim {
  file: string;
  bytes: number;
  /** zimcheck's report. */
  check: string;
}

/** Run a tool; a ZimError when it is missing or fails. */
function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new ZimError(`${tool} is not installed: ${ZIM_TOOLS_HINT}`);
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0) throw new ZimError(`${tool} failed (exit ${result.status}):\n${output}`);
  return output;
}

/** Pack a built site into `outFile` (through a temporary file) and check it with zimcheck. */
export async function packZim(info: ZimInfo, outFile: string): Promise<PackedZim> {
  run('zimwriterfs', ['--version']);
  const staging = await mkdtemp(join(tmpdir(), 'lesson-kits-zim-'));
  const partial = `${outFile}.partial.zim`;
  try {
    for (const file of await offlineSiteFiles(info.siteDir)) {
      await mkdir(dirname(join(staging, file.path)), { recursive: true });
      await writeFile(join(staging, file.path), file.data);
    }
    await sharp(join(info.siteDir, 'favicon.svg')).resize(ILLUSTRATION_SIZE, ILLUSTRATION_SIZE).png().toFile(join(staging, ILLUSTRATION));
    await mkdir(dirname(outFile), { recursive: true });
    await rm(partial, { force: true });
    const uk = t('uk');
    run('zimwriterfs', [
      '--welcome=index.html',
      `--illustration=${ILLUSTRATION}`,
      '--language=ukr,eng',
      `--title=${uk.siteName}`,
      `--description=${uk.zimDescription}`,
      '--creator=lesson-kits',
      '--publisher=lesson-kits',
      '--name=lesson-kits_uk_all',
      '--flavour=all',
      '--tags=_category:other;education;online safety',
      `--scraper=lesson-kits ${info.version}`,
      staging,
      partial,
    ]);
    const check = run('zimcheck', ['-A', partial]);
    await rename(partial, outFile);
    return { file: outFile, bytes: (await stat(outFile)).size, check };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}
