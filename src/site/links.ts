/**
 * The last check of a build: every internal link and resource of every page names a file that exists. A folder is not
 * enough: from a USB stick (file://) and in Kiwix a folder address shows a listing or nothing, so links name their
 * index.html (src/site/relative-urls.ts). Run by scripts/build.ts on the finished site, before it replaces dist/.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { isExternal } from './relative-urls.ts';

/** `href`, `src` and `srcset` values of a page. */
const LINK_ATTRIBUTES = /\s(href|src|srcset)=(["'])(.*?)\2/gi;

/** The internal addresses a page links to or loads (anchors within the page and external addresses left out). */
export function internalUrls(html: string): string[] {
  const urls: string[] = [];
  for (const [, attribute, , value] of html.matchAll(LINK_ATTRIBUTES)) {
    const candidates = attribute.toLowerCase() === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0]) : [value];
    for (const url of candidates) if (url && !url.startsWith('#') && !isExternal(url)) urls.push(url);
  }
  return urls;
}

/** `page → url` for every internal address of every page that does not name an existing file. */
export async function brokenLinks(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const pages = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
  const broken: string[] = [];
  for (const page of pages.sort()) {
    for (const url of internalUrls(await readFile(join(root, page), 'utf8'))) {
      const path = decodeURIComponent(url.replace(/[?#].*$/, ''));
      const target = posix.normalize(posix.join(posix.dirname(page), path));
      const file = join(root, target);
      if (target.startsWith('..') || !existsSync(file) || !statSync(file).isFile()) broken.push(`${page} → ${url}`);
    }
  }
  return broken;
}
