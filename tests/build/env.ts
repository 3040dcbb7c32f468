import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** This checkout's git folder, or undefined outside git. */
function gitDir(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--absolute-git-dir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** What git describes a build run in a project copy (project.ts, no .git of its own) by: this checkout, as its builds are. */
const gitFolder = gitDir();
const GIT_ENV: Record<string, string> = gitFolder ? { GIT_DIR: gitFolder, GIT_WORK_TREE: resolve('.') } : {};

/** The environment for a child `astro` or build process: without what vitest sets (Astro changes behaviour under VITEST). */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...GIT_ENV, ...extra };
  for (const key of Object.keys(env)) {
    if (/^VITEST/.test(key) || ['TEST', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(key)) delete env[key];
  }
  return env;
}
