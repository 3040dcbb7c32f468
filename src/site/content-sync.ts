/**
 * Which version of each lesson file Astro's content layer holds in `astro dev`. The loader (run by Vite, a module
 * instance of its own) records what it stored; the dev server asks before telling a problems page the lesson is fixed,
 * so the page reloads into the lesson as saved, not into the version loaded before the mistake.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Shared through the global object: the loader and the dev server load this module apart. */
const LOADED_KEY = Symbol.for('lesson-kits.loaded-contents');

/** The digest of each file's contents as the content layer last loaded it, by absolute path. */
function loadedContents(): Map<string, string> {
  const shared = globalThis as { [LOADED_KEY]?: Map<string, string> };
  return (shared[LOADED_KEY] ??= new Map());
}

/** A short digest of a file's text. */
export function contentsDigest(contents: string): string {
  return createHash('sha256').update(contents).digest('hex').slice(0, 16);
}

/** Note that the content layer now holds `file` as `contents` (stored, or left out for its errors). */
export function recordLoaded(file: string, contents: string): void {
  loadedContents().set(resolve(file), contentsDigest(contents));
}

/**
 * False while the content layer still holds another version of `file` than the one on disk; true when it holds this one,
 * or when nothing was recorded for it (no loader ran in this process, as in a build).
 */
export function isLoadedAsSaved(file: string): boolean {
  const loaded = loadedContents().get(resolve(file));
  if (loaded === undefined) return true;
  try {
    return loaded === contentsDigest(readFileSync(file, 'utf8'));
  } catch {
    return true;
  }
}
