import type { Lang } from '../model/formats.ts';
import { bandBundleFileName, kitFileName, pupilPackFileName, type VolumeNumber } from '../kit/files.ts';

/** The URL prefix of a language: Ukrainian at the root, others under /<lang>/. */
export function langPrefix(lang: Lang): string {
  return lang === 'uk' ? '/' : `/${lang}/`;
}

/** Root-absolute site paths; made relative after the build. */
export const paths = {
  home: (lang: Lang) => langPrefix(lang),
  band: (lang: Lang, band: string) => `${langPrefix(lang)}bands/${band}/`,
  lesson: (lang: Lang, slug: string) => `${langPrefix(lang)}lessons/${slug}/`,
  topics: (lang: Lang) => `${langPrefix(lang)}topics/`,
  topic: (lang: Lang, topic: string) => `${langPrefix(lang)}topics/${topic}/`,
  search: (lang: Lang) => `${langPrefix(lang)}search/`,
  about: (lang: Lang) => `${langPrefix(lang)}about/`,
  /** A methodologists' site page: `teachers` or `parents`. */
  page: (lang: Lang, name: string) => `${langPrefix(lang)}${name}/`,
  /** One stable URL per lesson kit (the kit is in the lesson's language). */
  kit: (slug: string, lang: Lang) => `/kits/${kitFileName(slug, lang)}`,
  /** A lesson's pupil pack: what is copied for pupils, in the lesson's language. */
  pupilPack: (slug: string, lang: Lang) => `/kits/${pupilPackFileName(slug, lang)}`,
  /** Every kit of a band in one file, in one language; or one volume of them, for a band of many lessons. */
  bandBundle: (band: string, lang: Lang, volume?: VolumeNumber) => `/kits/${bandBundleFileName(band, lang, 'a4', volume)}`,
  /** A file for schools to download: the offline copy of the whole site. */
  download: (file: string) => `/downloads/${file}`,
};

/** The offline bundle's file name for a version: `lesson-kits-0.1.0.zip`. */
export function bundleFileName(version: string): string {
  return `lesson-kits-${version}.zip`;
}

/** The site's top-level folders (pages, kits, downloads, assets, the search index): how the 404 page finds the site root. */
export const SITE_SECTIONS = ['lessons', 'bands', 'topics', 'search', 'about', 'teachers', 'parents', 'en', 'kits', 'downloads', '_astro', 'pagefind'];

/** The same page in the other language: swap the language prefix of a path. */
export function switchLang(path: string, from: Lang, to: Lang): string {
  const rest = path.slice(langPrefix(from).length);
  return langPrefix(to) + rest;
}

/** `getStaticPaths` params for each language: `undefined` puts Ukrainian at the root. */
export function localeParam(lang: Lang): string | undefined {
  return lang === 'uk' ? undefined : lang;
}

/** The language of a route from its `[...locale]` param. */
export function langFromParam(locale: string | undefined): Lang {
  return locale === 'en' ? 'en' : 'uk';
}

/**
 * `data-pagefind-ignore` for a shared block (helplines, the disclosure protocol, the action plan, a shared fact) on the
 * page at `pathname`: inside a lesson it is left out of the search index, so shared text does not make every lesson
 * match; the pages that own it (about, teachers', parents') index it.
 */
export function sharedBlockIndexing(pathname: string): 'all' | undefined {
  return /\/lessons\/[^/]+\//.test(pathname) ? 'all' : undefined;
}

/** The language of a page from its URL path (for components deep inside lesson content). */
export function langFromPath(pathname: string): Lang {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'uk';
}
