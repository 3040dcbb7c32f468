/**
 * Which pages this page build renders, for the routes' `getStaticPaths`: every page, unless the site is built in slices
 * (page-slices.ts), when a slice renders its own lessons' pages and only the first slice the pages that are not a
 * lesson's. For the site's code only: Astro's build defines __PAGE_SLICE__ (integration.ts).
 */
import { buildsSharedPages, inPageSlice, type PageSlice } from './page-slices.ts';

/** Set by the lesson-kits integration: the slice of the pages this build renders (null: all of them). */
declare const __PAGE_SLICE__: PageSlice | null;

/** Whether this build renders a lesson's pages. */
export function rendersLesson(slug: string): boolean {
  return inPageSlice(__PAGE_SLICE__, slug);
}

/** The paths of a route that is not a lesson's: all of them, or none in a slice other than the first. */
export function sharedPagePaths<T>(paths: T[]): T[] {
  return buildsSharedPages(__PAGE_SLICE__) ? paths : [];
}
