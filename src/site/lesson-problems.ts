/**
 * The problems of one lesson file as the whole check sees them (its own rules, the cross-file rules, and errors in the
 * shared data every lesson prints), for `astro dev`: the content collection leaves out a lesson with errors, and the
 * dev server shows its problems at the lesson's address instead of a page built from wrong content. The library is
 * checked again only when a file of it has changed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { displayPath, loadLibrary, type Diagnostic } from '../model/index.ts';

/** The last check of each lessons folder, by the signature of its files when it was made. */
const checked = new Map<string, { signature: string; diagnostics: Diagnostic[] }>();

/** Name, size and change time of every file a check reads (lesson folders, _data, _pages), one level deep. */
function signatureOf(root: string): string {
  if (!existsSync(root)) return '';
  const parts: string[] = [];
  for (const name of readdirSync(root).sort()) {
    const folder = join(root, name);
    const stats = statSync(folder, { throwIfNoEntry: false });
    if (!stats?.isDirectory()) continue;
    for (const file of readdirSync(folder).sort()) {
      const fileStats = statSync(join(folder, file), { throwIfNoEntry: false });
      if (fileStats?.isFile()) parts.push(`${name}/${file}:${fileStats.size}:${fileStats.mtimeMs}`);
    }
  }
  return parts.join('\n');
}

/** Every diagnostic of a lessons folder, from a check made anew when any of its files changed. */
export function libraryDiagnostics(lessonsDir: string): Diagnostic[] {
  const root = resolve(lessonsDir);
  const signature = signatureOf(root);
  const known = checked.get(root);
  if (known?.signature === signature) return known.diagnostics;
  const diagnostics = loadLibrary(lessonsDir).diagnostics;
  checked.set(root, { signature, diagnostics });
  return diagnostics;
}

/**
 * The problems that stop a lesson file (or a site page's file) from being shown: its own diagnostics and those of the
 * shared data every page prints (lessons/_data), errors and warnings, in reading order.
 */
export function sourceProblems(lessonsDir: string, file: string): Diagnostic[] {
  const own = displayPath(file);
  const shared = `${displayPath(join(lessonsDir, '_data'))}/`;
  return libraryDiagnostics(lessonsDir).filter((d) => d.file === own || d.file.startsWith(shared));
}

/** True when a lesson file has an error of its own or in the shared data it prints. */
export function sourceHasErrors(lessonsDir: string, file: string): boolean {
  return sourceProblems(lessonsDir, file).some((d) => d.severity === 'error');
}

/**
 * The lesson or site-page file a dev-server address shows (`/lessons/slug/`, `/en/lessons/slug/`, `/teachers/`), if it
 * exists: the translation for an English address where there is one, else the Ukrainian file.
 */
export function sourceFileAt(lessonsDir: string, pathname: string): string | undefined {
  const lesson = /^\/(?:(en)\/)?lessons\/([^/]+)\/?(?:index\.html)?$/.exec(pathname);
  const page = /^\/(?:(en)\/)?(teachers|parents)\/?(?:index\.html)?$/.exec(pathname);
  const lang = (lesson ?? page)?.[1];
  let candidates: string[];
  if (lesson) {
    const folder = join(lessonsDir, decodeSafely(lesson[2]!));
    if (relative(resolve(lessonsDir), resolve(folder)).includes('..')) return undefined;
    candidates = [lang ? join(folder, `index.${lang}.mdx`) : '', join(folder, 'index.mdx')];
  } else if (page) {
    candidates = [lang ? join(lessonsDir, '_pages', `${page[2]}.${lang}.mdx`) : '', join(lessonsDir, '_pages', `${page[2]}.uk.mdx`)];
  } else return undefined;
  return candidates.find((file) => file && existsSync(file));
}

/** Percent-decoding that never throws. */
function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
