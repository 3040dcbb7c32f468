/**
 * The picture rules of a lesson: a picture is a file in the lesson's own folder (read safely, see files.ts), a PNG,
 * JPEG, GIF, WebP or SVG file within the size and pixel limits, and an SVG draws only what it holds itself (no other
 * file, no site, no script). The pixel count is read from the file's header, so an oversized picture is named before
 * any decoder tries it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { displayPath, error, suggest, type Finding } from './diagnostics.ts';
import { checkInside, isAllowed, readAllowed } from './files.ts';
import { MAX_PICTURE_BYTES, MAX_PICTURE_PIXELS } from './limits.ts';
import { sha256 } from './inputs.ts';

/** The picture formats a lesson may use: browsers show them and the kit prints them. */
export type PictureFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg';

/** A picture's format and, for raster formats, its size in pixels (undefined when the header is broken). */
export interface PictureHeader {
  format: PictureFormat;
  width?: number;
  height?: number;
}

/**
 * The path of a picture as written in a lesson, decoded as a browser and the site build decode it
 * (`my%20picture.png`); undefined when it does not decode (a lone % must be written %25).
 */
export function picturePath(url: string): string | undefined {
  try {
    return decodeURI(url);
  } catch {
    return undefined;
  }
}

/**
 * Every problem with the picture at `url` in the lesson file `lessonFile`, located at the image's position; with
 * `hashes`, the SHA-256 of the bytes it read is recorded there under the URL.
 */
export function checkPicture(lessonFile: string, url: string, alt: string | null | undefined, line: number, column: number, hashes?: Map<string, string>): Finding[] {
  const findings: Finding[] = [];
  if (!alt?.trim()) findings.push(error(line, column, 'image-alt', { url }));
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    findings.push(error(line, column, 'image-remote', { url }));
    return findings;
  }
  const folder = dirname(lessonFile);
  const path = picturePath(url);
  if (path === undefined) {
    findings.push(error(line, column, 'image-url-malformed', { url, fixed: url.replace(/%(?![0-9a-f]{2})/gi, '%25') }));
    return findings;
  }
  const checked = checkInside(folder, path, MAX_PICTURE_BYTES);
  if (!isAllowed(checked)) {
    switch (checked.kind) {
      case 'missing':
        // A Windows path (.\tip.svg) names no file on the site: the slashes are the mistake, not the file.
        if (url.includes('\\')) findings.push(error(line, column, 'image-missing', { url, folder: displayPath(folder), forwardSlashes: url.replace(/\\/g, '/') }));
        else findings.push(error(line, column, 'image-missing', { url, folder: displayPath(folder), guess: similarFile(folder, path) }));
        break;
      case 'outside':
        findings.push(error(line, column, 'image-outside-lesson', { url }));
        break;
      case 'link-outside':
        findings.push(error(line, column, 'image-link-outside', { url }));
        break;
      case 'not-a-file':
        findings.push(error(line, column, 'image-not-a-file', { url, what: checked.what }));
        break;
      case 'too-large':
        findings.push(error(line, column, 'image-too-large', { url, bytes: checked.bytes, limit: checked.limit }));
        break;
    }
    return findings;
  }
  const bytes = readAllowed(checked, MAX_PICTURE_BYTES);
  hashes?.set(url, sha256(bytes));
  const header = readPictureHeader(bytes);
  if (!header) {
    findings.push(error(line, column, 'image-format', { url }));
    return findings;
  }
  if (header.format === 'svg') {
    const problem = svgExternalReference(bytes.toString('utf8'));
    if (problem) findings.push(svgFinding(problem, url, line, column));
    return findings;
  }
  if (header.width === undefined || header.height === undefined) {
    findings.push(error(line, column, 'image-corrupt', { url, format: header.format }));
  } else if (header.width * header.height > MAX_PICTURE_PIXELS) {
    findings.push(error(line, column, 'image-too-many-pixels', { url, width: header.width, height: header.height, limit: MAX_PICTURE_PIXELS }));
  }
  return findings;
}

/**
 * SHA-256 of the bytes of the picture at `url` as they are now, read under the picture check's rules; undefined when
 * they cannot be read. A render from a lesson checked earlier compares it with what the check recorded.
 */
export function pictureHashNow(lessonFile: string, url: string): string | undefined {
  const path = picturePath(url);
  const checked = path === undefined ? undefined : checkInside(dirname(lessonFile), path, MAX_PICTURE_BYTES);
  try {
    return checked && isAllowed(checked) ? sha256(readAllowed(checked, MAX_PICTURE_BYTES)) : undefined;
  } catch {
    return undefined; // removed, or grown past the limit, since it was looked at
  }
}

/** A file in the lesson folder whose name differs from a missing picture's only in case or extension (Zamok.SVG, zamok.png). */
function similarFile(folder: string, path: string): string | undefined {
  // The folder itself is listed only when it is a real folder of the library, never through a link that leads outside.
  const self = checkInside(folder, '.', 0);
  if (!existsSync(folder) || ('kind' in self && self.kind !== 'not-a-file')) return undefined;
  const wanted = basename(path).toLowerCase();
  const stem = wanted.replace(/\.[^.]*$/, '');
  const names = readdirSync(folder).filter((name) => !name.startsWith('index.') && !name.startsWith('.'));
  const found =
    names.find((name) => name.toLowerCase() === wanted) ??
    names.find((name) => name.toLowerCase().replace(/\.[^.]*$/, '') === stem) ??
    suggest(wanted, names);
  return found ? `./${found}` : undefined;
}

/** An SVG's problem as a finding at the picture's position. */
function svgFinding(problem: SvgProblem, url: string, line: number, column: number): Finding {
  switch (problem.rule) {
    case 'svg-external':
      return error(line, column, 'svg-external', { url, target: problem.target, line: problem.line });
    case 'svg-script':
      return error(line, column, 'svg-script', { url, what: problem.what, line: problem.line });
    case 'image-too-many-pixels':
      return error(line, column, 'image-too-many-pixels', { url, width: problem.width, height: problem.height, limit: MAX_PICTURE_PIXELS, svgLine: problem.line });
  }
}

/** The format of a picture from its first bytes, with its size in pixels for raster formats; undefined for anything else. */
export function readPictureHeader(bytes: Uint8Array): PictureHeader | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 8 && ascii(1, 4) === 'PNG' && bytes[0] === 0x89) {
    return bytes.length >= 24 && ascii(12, 16) === 'IHDR' ? { format: 'png', width: view.getUint32(16), height: view.getUint32(20) } : { format: 'png' };
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { format: 'jpeg', ...jpegSize(bytes, view) };
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) {
    return bytes.length >= 10 ? { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) } : { format: 'gif' };
  }
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { format: 'webp', ...webpSize(bytes, view) };
  if (looksLikeSvg(bytes)) return { format: 'svg' };
  return undefined;
}

/** Width and height from a JPEG's first frame header (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return {};
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    if (length < 2) return {};
    at += 2 + length;
  }
  return {};
}

/** Width and height from a WebP's VP8, VP8L or VP8X chunk. */
function webpSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number } {
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const u24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  if (chunk === 'VP8 ' && bytes.length >= 30) return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return {};
}

/** True when the text starts (after an optional BOM, XML declaration, comments and doctype) with an <svg> element. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<svg[\s>]/i.test(head);
}

/** An SVG construct that reaches outside the file, runs code or holds an oversized picture, and where (line of the SVG). */
export type SvgProblem =
  /** A linked file or site (`target`), or `@entity` (an external entity), `@import` (a style sheet). */
  | { rule: 'svg-external'; target: string; line: number }
  /** A `script` or `foreignObject` element, an event attribute (`onload`), or a `javascript` link. */
  | { rule: 'svg-script'; what: string; line: number }
  | { rule: 'image-too-many-pixels'; width: number; height: number; line: number };

/** A start tag: its name and its attributes' text (quoted values may hold ">"; a bare "<" ends the try, keeping the scan linear). */
const START_TAG = /<([a-zA-Z][\w:.-]*)((?:[^<>"']|"[^"]*"|'[^']*')*)>/g;
/** An attribute that names a file, a site or a picture. */
const LINK_ATTRIBUTE = /(?:^|\s)((?:xlink:)?href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
/** A picture embedded as base64 data, which the rasteriser decodes whole. */
const EMBEDDED_PICTURE = /^data:image\/(?:png|jpeg|gif|webp);base64,/i;

/**
 * The first thing in an SVG that reaches outside the file (a linked picture, font or style, an external entity), runs
 * code (a script, an event attribute) or embeds a picture over the pixel limit; undefined when it draws only what it
 * holds. A picture linking another file prints blank in the kit and may show something else on the site.
 */
export function svgExternalReference(svg: string): SvgProblem | undefined {
  const line = (index: number) => svg.slice(0, index).split('\n').length;
  const shorten = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);
  const external = (index: number, target: string): SvgProblem => ({ rule: 'svg-external', target, line: line(index) });
  const script = (index: number, what: string): SvgProblem => ({ rule: 'svg-script', what, line: line(index) });
  const entity = /<!ENTITY|<!DOCTYPE[^>]{0,1000}?\b(?:SYSTEM|PUBLIC)\b/i.exec(svg);
  if (entity) return external(entity.index, '@entity');
  for (const tag of svg.matchAll(START_TAG)) {
    const [, name, attributes] = tag;
    if (/^(?:script|foreignObject)$/i.test(name!)) return script(tag.index, name!);
    const handler = /(?:^|\s)(on[a-z]+)\s*=/i.exec(attributes!);
    if (handler) return script(tag.index, handler[1]!);
    for (const link of attributes!.matchAll(LINK_ATTRIBUTE)) {
      const value = (link[2] ?? link[3] ?? '').trim();
      if (value.startsWith('#')) continue;
      if (EMBEDDED_PICTURE.test(value)) {
        const header = readPictureHeader(Buffer.from(value.slice(value.indexOf(',') + 1), 'base64'));
        if (header?.width !== undefined && header.height !== undefined && header.width * header.height > MAX_PICTURE_PIXELS) {
          return { rule: 'image-too-many-pixels', width: header.width, height: header.height, line: line(tag.index) };
        }
        continue;
      }
      if (/^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) return script(tag.index, 'javascript');
      return external(tag.index, shorten(value));
    }
  }
  for (const use of svg.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)|@import\b/gi)) {
    const value = use[2]?.trim();
    if (value === undefined) return external(use.index, '@import');
    if (!value.startsWith('#')) return external(use.index, shorten(value));
  }
  return undefined;
}
