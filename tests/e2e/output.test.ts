import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { findAbsoluteUrls } from '../../src/site/relative-urls.ts';
import { isValid } from '../../src/model/index.ts';
import { lessons, library } from '../fixtures/library.ts';
import { BUILD_LOG } from './global-setup.ts';

const siteDir = inject('siteDir');
const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' });
const pages = files.filter((file) => file.endsWith('.html'));
const read = (file: string) => readFileSync(join(siteDir, file), 'utf8');

/** URL-valued attributes of a page, with the tag they stand on. */
function urlsOf(html: string): { tag: string; attribute: string; url: string }[] {
  const found = [];
  for (const tag of html.matchAll(/<([a-z]+)\b([^>]*)>/gi)) {
    for (const attribute of tag[2].matchAll(/\s(href|src|srcset)="([^"]*)"/gi)) {
      const urls = attribute[1] === 'srcset' ? attribute[2].split(',').map((part) => part.trim().split(/\s+/)[0]) : [attribute[2]];
      for (const url of urls) found.push({ tag: tag[1].toLowerCase(), attribute: attribute[1], url });
    }
  }
  return found;
}

describe('the build', () => {
  test('reports its steps with their counts, drafts left out, and no warning from Astro about directives', () => {
    const output = readFileSync(BUILD_LOG, 'utf8');
    const drafts = library.lessons.filter(isValid).filter((lesson) => lesson.data.draft).length;
    expect(output).toMatch(new RegExp(`validate .* ${library.lessons.length} lesson files, ${library.lessons.length - drafts} published`));
    for (const step of ['pages', 'search index .* pages indexed', 'kits .* kits and pupil packs, \\d+ band bundles', 'bundle', 'links', 'total']) {
      expect(output).toMatch(new RegExp(`\\n  ${step}`));
    }
    expect(output).not.toContain('MODULE_LEVEL_DIRECTIVE');
  });

  test('built its pages in slices, as a large library’s are (the test build asks for small ones)', () => {
    expect(readFileSync(BUILD_LOG, 'utf8')).toMatch(/\n  pages .* astro build in 2 slices of at most 4 lesson files, a process each/);
  });
});

describe('the built site', () => {
  test('has pages', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  test.each(pages)('%s: lang on <html>, no root-absolute internal URL', (file) => {
    const html = read(file);
    expect(html).toMatch(/<html lang="(uk|en)"/);
    expect(findAbsoluteUrls(html)).toEqual([]);
  });

  test('stylesheets use relative URLs only', () => {
    for (const file of files.filter((name) => name.endsWith('.css'))) expect(read(file)).not.toMatch(/url\(["']?\/[^/]/);
  });

  test('every internal link and resource names a file in the build', () => {
    const broken: string[] = [];
    for (const file of pages) {
      for (const { url } of urlsOf(read(file))) {
        if (/^([a-z]+:|#|\/\/)/i.test(url)) continue;
        // A folder is not enough: from disk (file://) and in Kiwix nothing finds its index.html.
        const target = join(siteDir, dirname(file), decodeURIComponent(url.replace(/[?#].*$/, '')));
        if (!existsSync(target) || !statSync(target).isFile()) broken.push(`${file} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('no page loads anything from another host (scripts, styles, fonts, images)', () => {
    const outside: string[] = [];
    for (const file of pages) {
      for (const { tag, url } of urlsOf(read(file))) {
        if (tag !== 'a' && /^(https?:)?\/\//i.test(url)) outside.push(`${file}: <${tag}> ${url}`);
      }
    }
    for (const file of files.filter((name) => name.endsWith('.css'))) {
      for (const match of read(file).matchAll(/url\(["']?((https?:)?\/\/[^)"']+)/g)) outside.push(`${file}: ${match[1]}`);
    }
    expect(outside).toEqual([]);
  });

  test('only the search pages and the 404 page ship JavaScript, all of it inline', () => {
    const withScripts = pages.filter((file) => /<script\b/i.test(read(file)));
    expect(withScripts.sort()).toEqual(['404.html', 'en/search/index.html', 'search/index.html']);
    for (const file of withScripts) expect(read(file)).not.toMatch(/<script\b[^>]*\ssrc=/i);
  });

  test('the 404 page carries its styles (it is shown at any depth)', () => {
    const html = read('404.html');
    expect(html).not.toMatch(/<link[^>]*rel="?stylesheet/);
    expect(html).toMatch(/<style>[^<]*\.site-header/);
  });

  test('the search index has one language per UI language', () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'uk']);
    expect(entry.languages.uk.page_count).toBeGreaterThan(0);
  });

  test('the search index is in parts (the test build asks for small ones, as a large library gets), each with both languages', () => {
    const parts = JSON.parse(read('pagefind/parts.json')) as { path: string; groups: string }[];
    expect(parts.map((part) => part.path)).toEqual(['', ...parts.slice(1).map((_, n) => `part-${n + 2}/`)]);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const entry = JSON.parse(read(`pagefind/${part.path}pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
      expect(Object.keys(entry.languages).sort()).toEqual(['en', 'uk']);
      expect(part.groups.length).toBeGreaterThan(0);
    }
  });

  test('the search index, merged from the slices’ pages, holds every page that asks to be indexed, in its language', () => {
    const parts = JSON.parse(read('pagefind/parts.json')) as { path: string }[];
    const indexed = { uk: 0, en: 0 };
    for (const part of parts) {
      const entry = JSON.parse(read(`pagefind/${part.path}pagefind-entry.json`)) as { languages: Record<'uk' | 'en', { page_count: number }> };
      for (const lang of ['uk', 'en'] as const) indexed[lang] += entry.languages[lang].page_count;
    }
    const marked = pages.map(read).filter((html) => html.includes('data-pagefind-body'));
    expect(indexed).toEqual({ uk: marked.filter((html) => html.includes('<html lang="uk"')).length, en: marked.filter((html) => html.includes('<html lang="en"')).length });
    // Every lesson's pages are among them, whichever slice built them.
    for (const lesson of lessons) for (const page of [`lessons/${lesson.slug}/index.html`, `en/lessons/${lesson.slug}/index.html`]) expect(read(page)).toContain('data-pagefind-body');
  });

  test('the home page says which build this is', () => {
    const html = read('index.html');
    expect(html).toMatch(/Збірка від <time datetime="\d{4}-\d{2}-\d{2}">/);
    expect(html).toMatch(/версія \d+\.\d+\.\d+/);
  });

  test('a draft is published nowhere: no page, no kit, no mention in any page, script or bundle list', () => {
    const drafts = library.lessons.filter(isValid).filter((lesson) => lesson.data.draft);
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      expect(files.filter((file) => file.includes(draft.slug))).toEqual([]);
      const mentions = files.filter((file) => /\.(html|js|json|txt|sha256)$/.test(file) && read(file).includes(draft.data.title));
      expect(mentions).toEqual([]);
    }
  });

  test('without a configured repository, no page has an edit link', () => {
    expect(pages.filter((file) => /class="edit-source"/.test(read(file)))).toEqual([]);
  });

  test('build output lists no file outside the expected layout', () => {
    const top = new Set(files.map((file) => file.split(/[\\/]/)[0]));
    expect([...top].filter((name) => !['_astro', 'pagefind', 'bands', 'lessons', 'topics', 'search', 'about', 'teachers', 'parents', 'en', 'kits', 'downloads', '404.html', 'index.html', 'favicon.svg'].includes(name))).toEqual([]);
  });
});
