import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { childEnv } from './env.ts';
import { BUILD_LOG, SITE_BUILD_ENV, SITE_DIR } from '../e2e/global-setup.ts';
import { siteBuiltThisRun, waitForSite } from '../e2e/site-state.ts';
import { lowPriority, useProjectCopy } from './project.ts';

const project = useProjectCopy();
const scratch = mkdtempSync(join(tmpdir(), 'slices-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Run `npm run build` of the fixture library into `out`, with extra environment. */
function build(out: string, env: Record<string, string>) {
  const run = spawnSync(...lowPriority(process.execPath, ['scripts/build.ts', '--out', out]), { cwd: project, env: childEnv({ ...SITE_BUILD_ENV, ...env }), encoding: 'utf8' });
  return { code: run.status, output: run.stdout + run.stderr };
}

/** An asset's address without its content hash (`_astro/Base.BLoCRQyC.css` → `_astro/Base.css`): slices may name them apart. */
const withoutHash = (text: string) => text.replace(/(_astro\/[^/"'\s)]+?)\.[A-Za-z0-9_-]{8,}(?=\.[a-z0-9]+\b)/g, '$1');

/** Every file of a site, as paths relative to it, asset hashes left out. */
function filesOf(site: string): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => withoutHash(join(entry.parentPath, entry.name).slice(site.length + 1)))
    .sort();
}

/** What a reader sees of a page and where it leads: its text, and every address it links or loads. */
function visible(html: string): { text: string; links: string[] } {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const links = [...html.matchAll(/\s(?:href|src|srcset)="([^"]*)"/g)].map((match) => withoutHash(match[1]!));
  return { text, links };
}

describe('the pages built in slices', () => {
  test('are the pages of the same library built in one piece: the same files, each page with the same text and links, the zip the same entries', async () => {
    const whole = join(scratch, 'whole');
    const run = build(whole, { LESSON_KITS_PAGE_SLICE_FILES: '1000' });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/\n {2}pages .* astro build\n/);
    // The browser tests' build (tests/e2e/global-setup.ts) is the fixture library in slices; built here when this project
    // runs alone (a build left by an earlier run may be of other code: its build line names another commit).
    await waitForSite({ required: false });
    let sliced = SITE_DIR;
    let slicedLog = existsSync(BUILD_LOG) ? readFileSync(BUILD_LOG, 'utf8') : '';
    if (!siteBuiltThisRun() || !/astro build in \d+ slices/.test(slicedLog)) {
      sliced = join(scratch, 'sliced');
      const sliceRun = build(sliced, {});
      expect(sliceRun.code, sliceRun.output).toBe(0);
      expect(sliceRun.output).toMatch(/astro build in 2 slices/);
      slicedLog = sliceRun.output;
    }

    expect(filesOf(sliced)).toEqual(filesOf(whole));
    // The sliced build wrote its zip while Pagefind indexed, the one-piece build after the index: the same entries in
    // the same order, the index's files last.
    expect(slicedLog).toMatch(/\n {2}bundle .*\(alongside search index\)\n/);
    expect(run.output).not.toContain('alongside search index');
    const zipOf = (site: string) => join(site, 'downloads', readdirSync(join(site, 'downloads')).find((name) => name.endsWith('.zip'))!);
    const entries = (site: string) => execFileSync('unzip', ['-Z1', zipOf(site)], { encoding: 'utf8' }).trim().split('\n').map(withoutHash);
    expect(entries(sliced)).toEqual(entries(whole));
    expect(entries(whole).slice(-2)).toEqual([expect.stringMatching(/\/site\/search\/lexicon\.js$/), expect.stringMatching(/\/MANIFEST\.sha256$/)]);
    const pages = filesOf(whole).filter((file) => file.endsWith('.html'));
    expect(pages.filter((file) => file.includes('lessons/')).length).toBeGreaterThan(4);
    for (const page of pages) expect({ page, ...visible(readFileSync(join(sliced, page), 'utf8')) }).toEqual({ page, ...visible(readFileSync(join(whole, page), 'utf8')) });
  }, 180_000);

  test('a slice that fails (here killed, as the out-of-memory killer would) stops the build and leaves the previous site intact', async () => {
    const out = join(scratch, 'site-killed');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous build');
    const child = spawn(...lowPriority(process.execPath, ['scripts/build.ts', '--out', out]), { cwd: project, env: childEnv(SITE_BUILD_ENV), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    // The first slice's process, as soon as it has started (any slice's failure takes the same way).
    const firstSlice = resolve(`${out}.pages`, '1');
    let killed = false;
    while (!killed && child.exitCode === null) {
      for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        const command = (() => {
          try {
            return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
          } catch {
            return [];
          }
        })();
        if (command.some((arg) => arg.endsWith('build-pages.ts')) && command.some((arg) => resolve(arg) === firstSlice)) {
          process.kill(Number(pid), 'SIGKILL');
          killed = true;
        }
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    expect(killed, output).toBe(true);
    expect(await exited).toBe(1);
    expect(output).toMatch(/the page build of slice 1 of 2 \(lessons first to before \S+, \d+ lesson files\) failed \(SIGKILL\)/);
    expect(output).toContain(`${out}/ was left as it was`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
    for (const folder of ['staging', 'pages', 'kits']) expect(existsSync(`${out}.${folder}`), folder).toBe(false);
  }, 120_000);
});
