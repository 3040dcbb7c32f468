import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What a built copy says about itself, so a school's offline copy shows its age. */
export interface BuildInfo {
  /** The package version. */
  version: string;
  /** Short git commit (with `-dirty` for uncommitted changes), or undefined outside git. */
  commit?: string;
  /** The date of that commit, YYYY-MM-DD. */
  commitDate?: string;
  /** The date the site was built, YYYY-MM-DD. */
  builtOn: string;
}

/** Run git quietly; undefined when git or the repository is missing. */
function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

let cached: BuildInfo | undefined;

/** The version, commit and dates of this build (read once per process). */
export function buildInfo(): BuildInfo {
  cached ??= {
    version: (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version,
    commit: git('describe', '--always', '--dirty', '--abbrev=7'),
    commitDate: git('log', '-1', '--format=%cs'),
    builtOn: new Date().toISOString().slice(0, 10),
  };
  return cached;
}
