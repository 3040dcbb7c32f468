/**
 * Reading the files a lesson names, safely: a lesson may read only regular files inside its own folder (pictures) and
 * the library's shared data (lessons/_data, lessons/_pages). Every path is resolved, symbolic links included, and
 * checked BEFORE anything is opened; devices, pipes and folders are refused without being opened, and no file is read
 * past its size limit (src/model/limits.ts). Everything the loader, the checker and the kit read of a lesson goes
 * through `readInside`.
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { error, type Finding } from './diagnostics.ts';
import type { NotAFile } from '../i18n/messages/types.ts';

/** Why a file may not be read. */
export type Refusal =
  /** The path, as written, leads out of the folder (`../`, an absolute path). */
  | { kind: 'outside' }
  /** The path is inside the folder, but it (or the folder itself: `folder`) is a symbolic link to somewhere outside. */
  | { kind: 'link-outside'; target: string; folder?: boolean }
  /** Nothing is there. */
  | { kind: 'missing' }
  /** A folder, a device, a pipe or a socket: never opened. */
  | { kind: 'not-a-file'; what: NotAFile }
  /** Larger than the limit: never read. */
  | { kind: 'too-large'; bytes: number; limit: number };

/** A file that may be read: its real path and size. */
export interface Allowed {
  /** The path with every symbolic link resolved. */
  path: string;
  bytes: number;
  /** When it was last changed (for caches keyed by the file). */
  mtimeMs: number;
}

/** True when `path` is `folder` or lies inside it (both absolute, resolved). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Whether the file at `path` (relative to `folder`, or absolute) may be read: inside `folder` as written and as
 * resolved, a regular file, at most `maxBytes` long; `folder` itself, if a symbolic link, must lead to a folder inside
 * its own parent (a lesson folder stays within lessons/). Only stats are made (no file is opened).
 */
export function checkInside(folder: string, path: string, maxBytes: number): Allowed | Refusal {
  const base = resolve(folder);
  const wanted = resolve(base, path);
  if (!isInside(base, wanted)) return { kind: 'outside' };
  let real: string;
  let realBase: string;
  let realParent: string;
  try {
    realParent = realpathSync(dirname(base));
    realBase = realpathSync(base);
    real = realpathSync(wanted);
  } catch {
    return { kind: 'missing' };
  }
  if (!isInside(realParent, realBase)) return { kind: 'link-outside', target: realBase, folder: true };
  if (!isInside(realBase, real)) return { kind: 'link-outside', target: real };
  const stats = statSync(real, { throwIfNoEntry: false });
  if (!stats) return { kind: 'missing' };
  if (!stats.isFile()) return { kind: 'not-a-file', what: kindOf(stats) };
  if (stats.size > maxBytes) return { kind: 'too-large', bytes: stats.size, limit: maxBytes };
  return { path: real, bytes: stats.size, mtimeMs: stats.mtimeMs };
}

/** True when a check allowed the file. */
export function isAllowed(result: Allowed | Refusal): result is Allowed {
  return 'path' in result;
}

/** Thrown by `readInside` for a file that may not be read; callers that report problems check first. */
export class RefusedFile extends Error {
  readonly refusal: Refusal;
  constructor(path: string, refusal: Refusal) {
    super(`${path}: ${describeRefusal(refusal)}`);
    this.name = 'RefusedFile';
    this.refusal = refusal;
  }
}

/** The bytes of a file inside `folder`, checked as `checkInside` does; never more than `maxBytes` are read. */
export function readInside(folder: string, path: string, maxBytes: number): Buffer {
  const checked = checkInside(folder, path, maxBytes);
  if (!isAllowed(checked)) throw new RefusedFile(path, checked);
  return readAllowed(checked, maxBytes);
}

/** The bytes of a file `checkInside` allowed; never more than `maxBytes` are read. */
export function readAllowed(file: Allowed, maxBytes: number): Buffer {
  return readBounded(file.path, maxBytes);
}

/** Reads at most `maxBytes` of a regular file (it may have grown since it was checked; the rest is refused). */
function readBounded(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new RefusedFile(path, { kind: 'not-a-file', what: kindOf(stats) });
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw new RefusedFile(path, { kind: 'too-large', bytes: length, limit: maxBytes });
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of a shared data file (lessons/_data, lessons/_pages) read as checkInside allows, or the error that stops it
 * (at 1:1 of the file); undefined when the file does not exist.
 */
export function readDataText(file: string, maxBytes: number): { text: string } | { problem: Finding } | undefined {
  const checked = checkInside(dirname(resolve(file)), resolve(file), maxBytes);
  if (!isAllowed(checked)) {
    if (checked.kind === 'missing') return undefined;
    if (checked.kind === 'too-large') return { problem: error(1, 1, 'file-too-large', { file: 'data', bytes: checked.bytes, limit: checked.limit }) };
    const what = checked.kind === 'not-a-file' ? checked.what : checked.kind;
    return { problem: error(1, 1, 'data-not-a-file', { what, target: checked.kind === 'link-outside' ? checked.target : undefined }) };
  }
  return { text: readAllowed(checked, maxBytes).toString('utf8') };
}

/** What a refusal means, in English words for a tool's own error (authors get the catalogue's messages). */
function describeRefusal(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'outside':
      return 'is outside the folder it may be read from';
    case 'link-outside':
      return `is a symbolic link to ${refusal.target}, outside the folder it may be read from`;
    case 'missing':
      return 'does not exist';
    case 'not-a-file':
      return `is not a regular file (${refusal.what})`;
    case 'too-large':
      return `is ${refusal.bytes} bytes, over the limit of ${refusal.limit}`;
  }
}

/** What kind of thing a non-file is. */
function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): NotAFile {
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'special';
}
