import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../model/formats.ts';
import { bandOrder, type BandId } from '../model/bands.ts';

/** A lesson as the site lists it in one UI language. */
export interface SiteLesson {
  slug: string;
  /** The entry shown: the translation in the UI language when one exists, else the Ukrainian original. */
  entry: CollectionEntry<'lessons'>;
  /** The language the lesson text is in. */
  lang: Lang;
  /** True when the text is in the UI language. */
  translated: boolean;
}

/** Set by the lesson-kits integration: true in `astro dev` only. */
declare const __SHOW_DRAFTS__: boolean;

/** Drafts are visible in `astro dev` and never built. */
const showDrafts = __SHOW_DRAFTS__;

/** Published lessons for a UI language, youngest band first, then by title. */
export async function lessonsFor(ui: Lang): Promise<SiteLesson[]> {
  const entries = await getCollection('lessons', ({ data }) => showDrafts || !data.draft);
  const bySlug = new Map<string, Map<string, CollectionEntry<'lessons'>>>();
  for (const entry of entries) {
    const [slug, lang] = entry.id.split('/');
    if (!bySlug.has(slug)) bySlug.set(slug, new Map());
    bySlug.get(slug)!.set(lang, entry);
  }
  const lessons = [...bySlug].flatMap(([slug, versions]): SiteLesson[] => {
    const original = versions.get('uk');
    if (!original) return [];
    const translation = versions.get(ui);
    const entry = translation ?? original;
    return [{ slug, entry, lang: translation ? ui : 'uk', translated: entry === translation }];
  });
  return lessons.sort(compareLessons);
}

/** Youngest band first, then title. */
function compareLessons(a: SiteLesson, b: SiteLesson): number {
  const band = (lesson: SiteLesson) => Math.min(...lesson.entry.data.bands.map((id: BandId) => bandOrder(id)));
  return band(a) - band(b) || a.entry.data.title.localeCompare(b.entry.data.title, 'uk');
}

/** Lessons most recently updated first. */
export function newest(lessons: readonly SiteLesson[], count: number): SiteLesson[] {
  return [...lessons].sort((a, b) => b.entry.data.updated.localeCompare(a.entry.data.updated)).slice(0, count);
}
