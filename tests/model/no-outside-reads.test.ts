/**
 * No file outside a lesson's folder and the library's shared data is opened while a library is checked and its kits
 * rendered (issue 13). Every call the loader and the kit make to `node:fs` is recorded, with the path it is handed;
 * the library tries every way out: absolute paths, `../`, another lesson's picture, a picture and a lesson folder that
 * are symbolic links to outside, /dev/zero, /etc/passwd.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';

/** Every fs call made by the project's modules: the function and the path it was handed. */
const calls: { fn: string; path: string }[] = [];

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const recorded = { ...fs };
  for (const name of Object.keys(fs) as (keyof typeof fs)[]) {
    const original = fs[name];
    if (typeof original !== 'function' || !/Sync$|^(?:readFile|open|stat|lstat|createReadStream|opendir|readdir|realpath|access|exists)$/.test(name)) continue;
    (recorded as Record<string, unknown>)[name] = Object.assign((...args: unknown[]) => {
      if (typeof args[0] === 'string' || args[0] instanceof URL) calls.push({ fn: name, path: String(args[0]) });
      return (original as (...a: unknown[]) => unknown)(...args);
    }, original);
  }
  return { ...recorded, default: recorded };
});

const { loadLibrary, isValid } = await import('../../src/model/index.ts');
const { renderKit } = await import('../../src/kit/index.ts');

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'no-outside-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const root = join(scratch, 'lessons');
const outside = join(scratch, 'outside');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

/** The library: one valid lesson with its own picture, a second lesson, and lessons that try to read outside. */
function build(): void {
  cpSync('tests/fixtures/lessons', root, { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.svg'), SVG);
  writeFileSync(join(outside, 'index.mdx'), readFileSync('tests/fixtures/lessons/valid-lesson/index.mdx'));
  const fixture = readFileSync(join(root, 'valid-lesson', 'index.mdx'), 'utf8');
  writeFileSync(join(root, 'valid-lesson', 'own.svg'), SVG);
  writeFileSync(join(root, 'valid-lesson', 'index.mdx'), fixture.replace('Намалюй замок.', 'Намалюй замок.\n\n![Свій малюнок](./own.svg)'));
  mkdirSync(join(root, 'other'));
  writeFileSync(join(root, 'other', 'index.mdx'), fixture);
  writeFileSync(join(root, 'other', 'theirs.svg'), SVG);
  const attempts = ['/some/where/secret.png', '../../outside/secret.svg', '../other/theirs.svg', './secret.svg', './zero.png', '/etc/passwd', '/dev/zero'];
  mkdirSync(join(root, 'hostile'));
  writeFileSync(join(root, 'hostile', 'index.mdx'), fixture.replace('Намалюй замок.', attempts.map((url) => `![Спроба](${url})`).join('\n\n')));
  symlinkSync(join(outside, 'secret.svg'), join(root, 'hostile', 'secret.svg'));
  symlinkSync('/dev/zero', join(root, 'hostile', 'zero.png'));
  mkdirSync(join(outside, 'linked'));
  writeFileSync(join(outside, 'linked', 'index.mdx'), fixture);
  symlinkSync(join(outside, 'linked'), join(root, 'linked'));
}

describe('reading a library', () => {
  test('opens no file outside the lesson folders and lessons/_data, and refuses every way out with an error', async () => {
    build();
    calls.length = 0;
    const library = loadLibrary(root);
    const valid = library.lessons.filter(isValid);
    for (const lesson of valid) {
      const kit = await renderKit(lesson, { lessonsDir: root, helplines: library.helplines, facts: library.facts });
      expect(kit.ok, JSON.stringify(kit)).toBe(true);
    }
    expect(valid.map((lesson) => lesson.slug).sort()).toEqual(['other', 'valid-lesson']);
    const errors = library.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file.replace(`${root}/`, '')} ${d.rule}`).sort()).toEqual([
      'hostile/index.mdx image-link-outside',
      'hostile/index.mdx image-link-outside',
      'hostile/index.mdx image-outside-lesson',
      'hostile/index.mdx image-outside-lesson',
      'hostile/index.mdx image-outside-lesson',
      'hostile/index.mdx image-outside-lesson',
      'hostile/index.mdx image-outside-lesson',
      'linked/index.mdx lesson-outside',
    ]);

    // Every path handed to fs, made absolute against the working directory.
    const paths = calls.map(({ fn, path }) => ({ fn, path: resolve(path.replace(/^file:\/\//, '')) }));
    const project = resolve('.');
    const allowed = (path: string) =>
      path.startsWith(`${root}/`) || path === root || path.startsWith(`${project}/node_modules/`) || path === scratch;
    expect(paths.filter(({ path }) => !allowed(path))).toEqual([]);
    // Nothing outside is so much as looked at: not the secret, not the linked lesson, not the devices.
    expect(paths.filter(({ path }) => path.startsWith(outside) || path.startsWith('/etc') || path.startsWith('/dev') || path.startsWith('/some'))).toEqual([]);
    // What is opened or listed resolves inside too (a symbolic link handed to fs would be followed).
    const { realpathSync: realpath } = await vi.importActual<typeof import('node:fs')>('node:fs');
    const openedReal = paths.filter(({ fn }) => /^(?:open|readFile|createReadStream|readdir|opendir)/.test(fn)).map(({ path }) => realpath(path));
    expect(openedReal.filter((path) => !allowed(path))).toEqual([]);
    // What is opened and read inside the library: the lesson files, their own pictures, the shared data, the pages.
    const opened = [...new Set(paths.filter(({ fn, path }) => /^(?:open|readFile|createReadStream)/.test(fn) && path.startsWith(`${root}/`)).map(({ path }) => path.slice(root.length + 1)))];
    expect(opened.filter((path) => !/^(?:valid-lesson|other|hostile)\/index\.mdx$|^_data\/|^_pages\//.test(path))).toEqual(['valid-lesson/own.svg']);
  });
});
