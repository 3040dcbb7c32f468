/**
 * The pages of the site a lesson may link to, and the link rule that checks a relative link resolves to one of them:
 * another lesson (`../slug/`, the documented form; `../slug/#stage-…` for one of its stages), a stage of the same lesson
 * (`#stage-…`), the teachers' and parents' pages, an age band, a topic, the home, search and about pages, a kit. The
 * site map is read from the lessons folder (each lesson's title and draft flag from its frontmatter, its stage titles
 * from its text), so a lesson checked or rendered alone (a kit worker, the dev server) resolves its links the same way.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { parse } from 'yaml';
import { BAND_IDS, bandById, type BandId } from './bands.ts';
import { TOPIC_IDS, TOPICS, type TopicId } from './topics.ts';
import { LANGS, type Lang } from './formats.ts';
import { error, suggest, type Finding } from './diagnostics.ts';
import { checkInside, isAllowed, isInside, readAllowed } from './files.ts';
import { MAX_DATA_BYTES, MAX_LESSON_BYTES } from './limits.ts';
import { findFrontmatter } from './frontmatter.ts';
import { stageId } from './mdast.ts';
import { quote } from './links.ts';

/** A lesson as other pages see it: its title per language, whether it is a draft, the ids of its stages. */
export interface MappedLesson {
  titles: Partial<Record<Lang, string>>;
  draft: boolean;
  stageIds: Partial<Record<Lang, string[]>>;
}

/** The linkable pages of a library: lessons by slug, and the titles of the teachers' and parents' pages. */
export interface SiteMap {
  lessons: ReadonlyMap<string, MappedLesson>;
  pages: ReadonlyMap<string, Partial<Record<Lang, string>>>;
}

/** Where a link is written: a lesson page or a site page, in a language (links are relative to its address). */
export type LinkSource = { kind: 'lesson'; slug: string; lang: Lang; draft: boolean; stageIds: readonly string[] } | { kind: 'page'; name: string; lang: Lang };

/** What a link that resolves leads to, with a title for the printed kit where the page has one. */
export interface LinkTarget {
  title?: string;
}

/** The site pages written by methodologists (lessons/_pages), by name. */
const WRITTEN_PAGES = ['teachers', 'parents'];

/** Fixed pages of the generator, by their folder. */
const FIXED_PAGES = ['search', 'about', 'topics'];

/** Site maps by lessons folder, with the file signature they were read at (re-read after any lesson file changes). */
const cache = new Map<string, { signature: string; map: SiteMap }>();

/** The site map of a lessons folder (cached per process until a lesson or page file is added, removed or saved). */
export function siteMapFor(lessonsDir: string): SiteMap {
  const root = resolve(lessonsDir);
  const files = siteFiles(root);
  const signature = files.map(({ path, mtimeMs, size }) => `${path}:${mtimeMs}:${size}`).join('\n');
  const known = cache.get(root);
  if (known?.signature === signature) return known.map;
  const lessons = new Map<string, MappedLesson>();
  const pages = new Map<string, Partial<Record<Lang, string>>>();
  for (const file of files) {
    const text = readText(file);
    if (file.kind === 'page') {
      const titles = pages.get(file.name) ?? {};
      const title = text === undefined ? undefined : frontmatterOf(text).title;
      if (typeof title === 'string') titles[file.lang] = title;
      pages.set(file.name, titles);
      continue;
    }
    const lesson = lessons.get(file.name) ?? { titles: {}, draft: false, stageIds: {} };
    const data = text === undefined ? {} : frontmatterOf(text);
    if (typeof data.title === 'string') lesson.titles[file.lang] = data.title;
    if (file.lang === 'uk') lesson.draft = data.draft === true;
    lesson.stageIds[file.lang] = text === undefined ? [] : stageTitles(text).map(stageId);
    lessons.set(file.name, lesson);
  }
  const map = { lessons, pages };
  cache.set(root, { signature, map });
  return map;
}

/** A lesson or page file of the library, with what identifies it and its change signature. */
interface SiteFile {
  kind: 'lesson' | 'page';
  name: string;
  lang: Lang;
  path: string;
  folder: string;
  mtimeMs: number;
  size: number;
}

/** The lesson files (lessons/<slug>/index[.lang].mdx) and page files (lessons/_pages/<name>.<lang>.mdx) of a library. */
function siteFiles(root: string): SiteFile[] {
  if (!existsSync(root)) return [];
  const files: SiteFile[] = [];
  const add = (kind: SiteFile['kind'], name: string, lang: string | undefined, folder: string, file: string) => {
    if (!(LANGS as readonly string[]).includes(lang ?? '')) return;
    const stats = statSync(join(folder, file), { throwIfNoEntry: false });
    if (stats?.isFile()) files.push({ kind, name, lang: lang as Lang, path: join(folder, file), folder, mtimeMs: stats.mtimeMs, size: stats.size });
  };
  const realRoot = realpathSync(root);
  for (const name of readdirSync(root).sort()) {
    const folder = join(root, name);
    if (name.startsWith('.') || !statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
    // A folder that is a link out of the library is never listed (the loader refuses its lesson).
    if (!isInside(realRoot, realpathSync(folder))) continue;
    if (name === '_pages') {
      for (const file of readdirSync(folder).sort()) {
        const match = /^([a-z-]+)\.([a-z]{2})\.mdx$/.exec(file);
        if (match) add('page', match[1]!, match[2], folder, file);
      }
    } else if (!name.startsWith('_')) {
      for (const file of readdirSync(folder).sort()) {
        const match = /^index(?:\.([a-z]{2}))?\.mdx$/.exec(file);
        if (match) add('lesson', name, match[1] ?? 'uk', folder, file);
      }
    }
  }
  return files;
}

/** A file's text when the loader may read it (inside its folder, a regular file, within its size limit). */
function readText(file: SiteFile): string | undefined {
  const checked = checkInside(file.folder, file.path, file.kind === 'page' ? MAX_DATA_BYTES : MAX_LESSON_BYTES);
  return isAllowed(checked) ? readAllowed(checked, checked.bytes).toString('utf8') : undefined;
}

/** The frontmatter's fields, or none when it does not parse (the file's own check reports why). */
function frontmatterOf(text: string): { title?: unknown; draft?: unknown } {
  const block = findFrontmatter(text.replace(/^\uFEFF/, ''));
  if (!block) return {};
  try {
    const value: unknown = parse(block.text, { maxAliasCount: 0 });
    return typeof value === 'object' && value !== null ? (value as { title?: unknown; draft?: unknown }) : {};
  } catch {
    return {};
  }
}

/** The titles of a lesson's stages, read from its text (`<Stage title="…"`), without parsing the body. */
function stageTitles(text: string): string[] {
  return [...text.matchAll(/<Stage\b[^>]*?\btitle=(["'])(.*?)\1/g)].map((match) => match[2]!);
}

/** The address of a page of the site, from the site root: `/lessons/slug/`, `/en/teachers/`. */
function addressOf(source: LinkSource): string {
  const prefix = source.lang === 'uk' ? '/' : `/${source.lang}/`;
  return source.kind === 'lesson' ? `${prefix}lessons/${source.slug}/` : `${prefix}${source.name}/`;
}

/** The URL a site link leads to relative to its page, resolved as a browser does: path, and the fragment without `#`. */
function resolveAgainst(from: string, url: string): { path: string | undefined; fragment: string } {
  const [, rawPath = '', , fragment = ''] = /^([^?#]*)(\?[^#]*)?(?:#(.*))?$/.exec(url)!;
  let path: string;
  try {
    path = decodeURI(rawPath);
  } catch {
    path = rawPath;
  }
  if (path === '') return { path: from, fragment: decodeFragment(fragment) };
  // Resolved segment by segment: a link that climbs above the site's root leaves the site (served from a sub-path, or
  // opened from a USB stick), where a browser would quietly stop at the server's root.
  const segments: string[] = path.startsWith('/') ? [] : from.split('/').filter(Boolean);
  const parts = path.split('/');
  for (const [i, part] of parts.entries()) {
    if (part === '..') {
      if (!segments.length) return { path: undefined, fragment: '' };
      segments.pop();
    } else if (part !== '.' && (part !== '' || i === parts.length - 1)) segments.push(part);
  }
  const resolved = `/${segments.join('/')}${/(^|\/)\.{0,2}$/.test(path) && segments.length ? '/' : ''}`.replace(/\/+/g, '/');
  return { path: resolved.replace(/\/index\.html$/, '/'), fragment: decodeFragment(fragment) };
}

/** A fragment percent-decoded, as browsers match it to ids. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The relative URL from one page address to another, for suggestions. */
function relativeFrom(from: string, to: string): string {
  const relative = posix.relative(from, to);
  return `${relative || '.'}/`;
}

/**
 * The link rule for a link into the site: it must lead to a page that will be published (a lesson that exists and is
 * not a draft, unless the linking lesson is a draft too), name it with its final slash (a folder without it does not
 * open from disk), and a `#stage-…` fragment must name a stage of that lesson. Returns the findings and, when the link
 * resolves to a lesson or a written page, its title for the printed kit.
 */
export function checkSiteLink(url: string, source: LinkSource, site: SiteMap, line: number, column: number): { findings: Finding[]; target?: LinkTarget } {
  const from = addressOf(source);
  const { path, fragment } = resolveAgainst(from, url);
  const shown = quote(url);
  const fail = (finding: Finding) => ({ findings: [finding] });
  if (path === undefined) return fail(error(line, column, 'link-page-missing', { url: shown, guess: undefined }));
  const match = /^\/(?:(en)\/)?(.*)$/.exec(path)!;
  const lang: Lang = match[1] === 'en' ? 'en' : 'uk';
  const rest = match[2]!;
  const sameLessonStages = source.kind === 'lesson' && path === from ? source.stageIds : undefined;
  const checkFragment = (stageIds: readonly string[] | undefined, title?: string) => {
    if (!fragment.startsWith('stage-') || stageIds === undefined || stageIds.includes(fragment)) return { findings: [], target: { title } };
    return fail(error(line, column, 'link-anchor', { url: shown, anchor: fragment, guess: suggest(fragment, stageIds) }));
  };
  if (sameLessonStages) return checkFragment(sameLessonStages);
  if (rest === '') return { findings: [] };
  const kit = /^kits\/([a-z0-9-]+)(?:\.([a-z]{2}))?\.pdf$/.exec(rest);
  if (kit) {
    const lesson = site.lessons.get(kit[1]!);
    if (lesson && lesson.titles[(kit[2] ?? 'uk') as Lang] !== undefined) return { findings: [] };
    return fail(error(line, column, 'link-page-missing', { url: shown, guess: undefined }));
  }
  const segments = rest.split('/');
  const folder = rest.endsWith('/');
  const parts = folder ? segments.slice(0, -1) : segments;
  const withSlash = () => (url.includes('#') ? url.replace('#', '/#') : `${url.replace(/\?.*$/, '')}/`);
  const known = knownPage(parts, site, lang);
  if (known === undefined) {
    // A page name written as a lesson (../teachers/ from a lesson): point to the page itself.
    const page = parts[0] === 'lessons' && parts.length === 2 ? parts[1]! : undefined;
    if (page && (WRITTEN_PAGES.includes(page) || FIXED_PAGES.includes(page))) {
      return fail(error(line, column, 'link-page-missing', { url: shown, guess: relativeFrom(from, `/${lang === 'uk' ? '' : 'en/'}${page}`) }));
    }
    if (parts[0] === 'lessons' && parts.length === 2) {
      const guess = suggest(parts[1]!, [...site.lessons.keys()]);
      return fail(error(line, column, 'link-lesson-missing', { url: shown, slug: parts[1]!, guess }));
    }
    return fail(error(line, column, 'link-page-missing', { url: shown, guess: undefined }));
  }
  if (!folder) return fail(error(line, column, 'link-trailing-slash', { url: shown, fixed: withSlash() }));
  if (known.lesson) {
    const lesson = site.lessons.get(known.lesson)!;
    if (lesson.draft && !(source.kind === 'lesson' && source.draft)) return fail(error(line, column, 'link-lesson-draft', { url: shown, slug: known.lesson }));
    return checkFragment(lesson.stageIds[lang] ?? lesson.stageIds.uk, known.title);
  }
  return { findings: [], target: { title: known.title } };
}

/** The page at a path's folders, with its title where it has one; undefined when the site has no such page. */
function knownPage(parts: readonly string[], site: SiteMap, lang: Lang): { title?: string; lesson?: string } | undefined {
  const [first, second, ...more] = parts;
  if (more.length) return undefined;
  if (first === 'lessons' && second !== undefined && site.lessons.has(second)) {
    const lesson = site.lessons.get(second)!;
    return { lesson: second, title: lesson.titles[lang] ?? lesson.titles.uk };
  }
  if (first === 'bands' && second !== undefined) return (BAND_IDS as readonly string[]).includes(second) ? { title: bandById(second as BandId)[lang] } : undefined;
  if (first === 'topics' && second !== undefined) return (TOPIC_IDS as readonly string[]).includes(second) ? { title: TOPICS[second as TopicId][lang] } : undefined;
  if (second !== undefined || first === undefined) return undefined;
  if (WRITTEN_PAGES.includes(first)) return { title: site.pages.get(first)?.[lang] ?? site.pages.get(first)?.uk };
  return FIXED_PAGES.includes(first) ? {} : undefined;
}
