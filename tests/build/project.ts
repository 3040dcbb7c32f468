/**
 * A copy of the project for one build test file (scripts/lib/project-copy.ts), removed after it. Its Astro caches are
 * its own, so the file's builds and dev server run beside the fixture library's build and the other build files; the
 * kit cache is shared (its entries are written whole). Run the project's scripts with `cwd` set to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { copyProject } from '../../scripts/lib/project-copy.ts';

/**
 * A command and its arguments to run at a lower priority (`nice`): the builds of the build tests give way to the
 * fixture library's build, which every browser test waits for, and use the cores it leaves.
 */
export function lowPriority(command: string, args: string[]): [string, string[]] {
  return ['nice', ['-n', '10', command, ...args]];
}

/** Copy the project now; returns the copy's folder (absolute). */
export function useProjectCopy(): string {
  const project = mkdtempSync(join(tmpdir(), 'project-'));
  copyProject('.', project, { ownKitCache: false });
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  return project;
}
