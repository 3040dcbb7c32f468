/**
 * `search/finder-data.js`: the offline finder's data (src/site/finder.ts) as a classic script, the one kind of file a
 * page opened from disk can load. The lessons as their pages show them, in the page language, plus the teachers',
 * parents' and about pages; filter values are the labels the lesson pages give Pagefind.
 */
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { t } from '../../../i18n/index.ts';
import { ABOUT } from '../../../i18n/about.ts';
import { bandById } from '../../../model/bands.ts';
import { FORMATS, LANGS, type Lang } from '../../../model/formats.ts';
import { SITE_PAGES } from '../../../model/pages.ts';
import { TOPICS } from '../../../model/topics.ts';
import { FINDER_GLOBAL, type FinderEntry } from '../../../site/finder.ts';
import { lessonsFor } from '../../../site/lessons.ts';
import { langFromParam, localeParam, paths } from '../../../site/paths.ts';
import { sharedPagePaths } from '../../../site/slice-routes.ts';

export function getStaticPaths() {
  return sharedPagePaths(LANGS.map((lang) => ({ params: { locale: localeParam(lang) } })));
}

/** The lessons, then the site pages, for a UI language. */
async function finderEntries(ui: Lang): Promise<FinderEntry[]> {
  const s = t(ui);
  const lessons = (await lessonsFor(ui)).map(({ slug, entry, lang }): FinderEntry => {
    const { data } = entry;
    const bands = data.bands.map((band) => bandById(band)[ui]);
    return {
      path: paths.lesson(ui, slug),
      title: data.title,
      summary: data.summary,
      lang,
      facts: [bands.join(', '), FORMATS[data.format][ui], s.minutes(data.duration)].join(' · '),
      filters: { band: bands, format: [FORMATS[data.format][ui]], topic: data.topics.map((topic) => TOPICS[topic][ui]), type: [s.pageTypes.lesson] },
    };
  });
  const pages = await Promise.all(
    SITE_PAGES.map(async (name): Promise<FinderEntry> => {
      const page = (await getEntry('pages', `${name}.${ui}`)) ?? (await getEntry('pages', `${name}.uk`));
      if (!page) throw new Error(`lessons/_pages/${name}.uk.mdx is missing (npm run check reports it)`);
      const lang = page.id.endsWith(`.${ui}`) ? ui : 'uk';
      return { path: paths.page(ui, name), title: page.data.title, summary: page.data.description, lang, facts: s.pageTypes[name], filters: { type: [s.pageTypes[name]] } };
    }),
  );
  const about: FinderEntry = { path: paths.about(ui), title: s.aboutTitle, summary: ABOUT[ui].purpose[0], lang: ui, facts: s.pageTypes.about, filters: { type: [s.pageTypes.about] } };
  return [...lessons, ...pages, about];
}

export const GET: APIRoute = async ({ params }) => {
  const entries = await finderEntries(langFromParam(params.locale));
  // JSON inside a script: `<` escaped so no text can close the script or open a comment.
  const json = JSON.stringify(entries).replace(/</g, '\\u003c');
  return new Response(`self.${FINDER_GLOBAL} = ${json};\n`, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
