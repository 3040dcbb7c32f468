import { posix } from 'node:path';

/** Attributes whose value is a URL (or a srcset list of them) that may point inside the site. */
const URL_ATTRIBUTES = /(\s(?:href|src|srcset|action|poster|data-root|data-url|content)=)(["'])(.*?)\2/gi;

/** `url(...)` in CSS, quoted or not. */
const CSS_URL = /url\((["']?)(\/[^)"']*)\1\)/g;

/** The relative URL from a page's folder to a root-absolute site path; keeps query and hash. */
export function relativeUrl(fromDir: string, target: string): string {
  if (!target.startsWith('/') || target.startsWith('//')) return target;
  const [, path, rest] = /^([^?#]*)(.*)$/.exec(target)!;
  let relative = posix.relative(fromDir, path) || '.';
  if (path.endsWith('/') && !relative.endsWith('/')) relative += '/';
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative + rest;
}

/** The site folder a built file lives in, as a URL path: `lessons/x/index.html` → `/lessons/x`. */
export function folderOf(fileFromRoot: string): string {
  return posix.dirname(`/${fileFromRoot.replaceAll('\\', '/')}`);
}

/**
 * A link to a folder made to name its page: `../bands/5-6/` → `../bands/5-6/index.html`, keeping query and hash.
 * A server finds a folder's index.html by itself; a USB stick (file://) and a Kiwix file do not.
 */
export function namedFileUrl(url: string): string {
  if (isExternal(url) || url.startsWith('#') || url === '') return url;
  const [, path, rest] = /^([^?#]*)(.*)$/.exec(url)!;
  if (path === '.' || path === '..' || path.endsWith('/.') || path.endsWith('/..')) return `${path}/index.html${rest}`;
  return path.endsWith('/') ? `${path}index.html${rest}` : url;
}

/** A URL with a scheme (`https:`, `mailto:`, `tel:`, `data:`) or protocol-relative: not a file of the site. */
export function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/**
 * Rewrite every root-absolute internal URL in an HTML page to a relative one, and make every link (`href`) to a
 * folder name its index.html. `data-root` stays a folder: scripts add file names to it.
 */
export function relativizeHtml(html: string, fileFromRoot: string): string {
  const fromDir = folderOf(fileFromRoot);
  const rewritten = html.replace(URL_ATTRIBUTES, (match, head: string, quote: string, value: string) => {
    if (/\scontent=/i.test(head) && !value.startsWith('/')) return match;
    if (/srcset=/i.test(head)) return `${head}${quote}${relativizeSrcset(value, fromDir)}${quote}`;
    const relative = relativeUrl(fromDir, value);
    return `${head}${quote}${/\shref=/i.test(head) ? namedFileUrl(relative) : relative}${quote}`;
  });
  return relativizeCss(rewritten, fileFromRoot);
}

/** Rewrite `url(/…)` in a stylesheet (or inline style) to be relative to its own location. */
export function relativizeCss(css: string, fileFromRoot: string): string {
  const fromDir = folderOf(fileFromRoot);
  return css.replace(CSS_URL, (_match, quote: string, url: string) => `url(${quote}${relativeUrl(fromDir, url)}${quote})`);
}

/** Each candidate of a srcset made relative. */
function relativizeSrcset(srcset: string, fromDir: string): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      return [relativeUrl(fromDir, url), ...descriptor].join(' ');
    })
    .join(', ');
}

/** Root-absolute internal URLs left in a page (for tests and a post-build check). */
export function findAbsoluteUrls(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(URL_ATTRIBUTES)) {
    const value = match[3];
    if (/\scontent=/i.test(match[1])) continue;
    for (const url of value.split(',').map((part) => part.trim().split(/\s+/)[0])) {
      if (url.startsWith('/') && !url.startsWith('//')) found.push(url);
    }
  }
  for (const match of html.matchAll(CSS_URL)) found.push(match[2]);
  return found;
}

/** The addresses of module scripts a page loads by URL (`<script type="module" src>`): the browser refuses them from disk. */
export function findModuleScriptUrls(html: string): string[] {
  return [...html.matchAll(/<script\b(?=[^>]*\btype=["']?module\b)[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((match) => match[1]);
}

/**
 * A page's stylesheets (`<link rel="stylesheet">`) written into it as `<style>`, their `url()`s made relative to the
 * page: for a page that is served at other addresses than its own (the 404 page), where the browser would fetch a
 * linked stylesheet from the wrong folder before any script could say where the site root is.
 */
export function inlineStylesheets(html: string, fileFromRoot: string, readSiteFile: (fileFromRoot: string) => string): string {
  const fromDir = folderOf(fileFromRoot);
  return html.replace(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi, (link) => {
    const href = /\shref=["']?([^"'\s>]+)/i.exec(link)?.[1];
    if (!href || isExternal(href)) return link;
    const cssFile = posix.join(fromDir, href).slice(1);
    const css = readSiteFile(cssFile).replace(CSS_ANY_URL, (match, quote: string, url: string) => {
      if (isExternal(url) || url.startsWith('#')) return match;
      const fromRoot = url.startsWith('/') ? url : posix.join(folderOf(cssFile), url);
      return `url(${quote}${relativeUrl(fromDir, fromRoot)}${quote})`;
    });
    return `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
  });
}

/** `url(...)` in CSS with any address, quoted or not. */
const CSS_ANY_URL = /url\((["']?)([^)"']*)\1\)/g;
