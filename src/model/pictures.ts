/**
 * The picture rules of a lesson: a picture is a file in the lesson's own folder (read safely, see files.ts), a PNG,
 * JPEG, GIF, WebP or SVG file within the size and pixel limits, and an SVG draws only what it holds itself (no other
 * file, no site, no script). The pixel count is read from the file's header, so an oversized picture is named before
 * any decoder tries it.
 */
import { dirname } from 'node:path';
import { error, type Finding } from './diagnostics.ts';
import { checkInside, describeRefusal, formatBytes, isAllowed, readAllowed } from './files.ts';
import { MAX_PICTURE_BYTES, MAX_PICTURE_PIXELS } from './limits.ts';

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

/** Every problem with the picture at `url` in the lesson file `lessonFile`, located at the image's position. */
export function checkPicture(lessonFile: string, url: string, alt: string | null | undefined, line: number, column: number): Finding[] {
  const findings: Finding[] = [];
  const at = (rule: string, message: string, hint: string) => findings.push(error(line, column, message, hint, rule));
  if (!alt?.trim()) {
    at('image-alt', `image "${url}" has no alt text`, 'describe the picture for those who cannot see it: ![Дівчинка тримає планшет](./picture.svg)');
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    at('image-remote', `image "${url}" is on another site`, 'put the image file in the lesson folder and link it as ./name.svg: the site and kits work offline');
    return findings;
  }
  const folder = dirname(lessonFile);
  const path = picturePath(url);
  if (path === undefined) {
    const suggestion = url.replace(/%(?![0-9a-f]{2})/gi, '%25');
    at('image-url-malformed', `image "${url}" has a % that does not start an escape such as %20`, `write a per cent sign in a file name as %25: ${suggestion} (or rename the file)`);
    return findings;
  }
  const checked = checkInside(folder, path, MAX_PICTURE_BYTES);
  if (!isAllowed(checked)) {
    switch (checked.kind) {
      case 'missing':
        at('image-missing', `image "${url}" not found`, `put the file next to the lesson (${folder}) or correct the name`);
        break;
      case 'outside':
        at('image-outside-lesson', `image "${url}" is outside the lesson folder`, 'copy the picture into the lesson folder and write ./name.svg: a lesson reads only its own files');
        break;
      case 'link-outside':
        at('image-link-outside', `image "${url}" is a symbolic link to a file outside the lesson folder`, 'copy the picture itself into the lesson folder: a lesson reads only its own files');
        break;
      case 'not-a-file':
        at('image-not-a-file', `image "${url}" ${describeRefusal(checked)}`, 'link a picture file (PNG, JPEG, GIF, WebP or SVG) in the lesson folder');
        break;
      case 'too-large':
        at('image-too-large', `image "${url}" ${describeRefusal(checked)}`, `save it smaller (under ${formatBytes(MAX_PICTURE_BYTES)}): about 2000 pixels across is plenty for print and screen`);
        break;
    }
    return findings;
  }
  const bytes = readAllowed(checked, MAX_PICTURE_BYTES);
  const header = readPictureHeader(bytes);
  if (!header) {
    at('image-format', `image "${url}" is not a PNG, JPEG, GIF, WebP or SVG file`, 'save the picture as PNG (drawings) or JPEG (photos); browsers and the kit show only these formats, GIF, WebP and SVG');
    return findings;
  }
  if (header.format === 'svg') {
    const reference = svgExternalReference(bytes.toString('utf8'));
    if (reference) at(reference.rule, `image "${url}" ${reference.message}`, reference.hint);
    return findings;
  }
  if (header.width === undefined || header.height === undefined) {
    at('image-corrupt', `image "${url}" is not a valid ${header.format.toUpperCase()} file (its header is broken)`, 'open it in an image editor and save it again');
  } else if (header.width * header.height > MAX_PICTURE_PIXELS) {
    at(
      'image-too-many-pixels',
      `image "${url}" is ${header.width} × ${header.height} pixels, over the pixel limit of ${MAX_PICTURE_PIXELS.toLocaleString('en')}`,
      'scale it down: about 2000 pixels across is plenty for print and screen',
    );
  }
  return findings;
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

/** An SVG construct that reaches outside the file, runs code or holds an oversized picture, with the message to give. */
export interface SvgProblem {
  rule: 'svg-external' | 'svg-script' | 'image-too-many-pixels';
  message: string;
  hint: string;
}

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
  const external = (index: number, what: string): SvgProblem => ({
    rule: 'svg-external',
    message: `refers to ${what} (line ${line(index)} of the SVG)`,
    hint: 'an SVG picture must hold everything it draws: embed the picture, or redraw it, and save the SVG again',
  });
  const script = (index: number, what: string): SvgProblem => ({
    rule: 'svg-script',
    message: `contains ${what} (line ${line(index)} of the SVG)`,
    hint: 'a lesson picture holds no code: remove it, or export the picture again as plain SVG',
  });
  const entity = /<!ENTITY|<!DOCTYPE[^>]{0,1000}?\b(?:SYSTEM|PUBLIC)\b/i.exec(svg);
  if (entity) return external(entity.index, 'an external entity');
  for (const tag of svg.matchAll(START_TAG)) {
    const [, name, attributes] = tag;
    if (/^(?:script|foreignObject)$/i.test(name!)) return script(tag.index, `a <${name}> element`);
    const handler = /(?:^|\s)(on[a-z]+)\s*=/i.exec(attributes!);
    if (handler) return script(tag.index, `an event attribute (${handler[1]})`);
    for (const link of attributes!.matchAll(LINK_ATTRIBUTE)) {
      const value = (link[2] ?? link[3] ?? '').trim();
      if (value.startsWith('#')) continue;
      if (EMBEDDED_PICTURE.test(value)) {
        const header = readPictureHeader(Buffer.from(value.slice(value.indexOf(',') + 1), 'base64'));
        if (header?.width !== undefined && header.height !== undefined && header.width * header.height > MAX_PICTURE_PIXELS) {
          return {
            rule: 'image-too-many-pixels',
            message: `embeds a picture of ${header.width} × ${header.height} pixels, over the pixel limit of ${MAX_PICTURE_PIXELS.toLocaleString('en')} (line ${line(tag.index)} of the SVG)`,
            hint: 'scale the embedded picture down: about 2000 pixels across is plenty for print and screen',
          };
        }
        continue;
      }
      if (/^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) return script(tag.index, 'a javascript: link');
      return external(tag.index, `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`);
    }
  }
  for (const use of svg.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)|@import\b/gi)) {
    const value = use[2]?.trim();
    if (value === undefined) return external(use.index, 'a style sheet (@import)');
    if (!value.startsWith('#')) return external(use.index, `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`);
  }
  return undefined;
}
