import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { LessonSchema } from './model/schema.ts';
import { PageSchema } from './model/pages.ts';
import { LESSONS_DIR } from './site/config.ts';
import { refusedDataSources, refusedLessonSources } from './model/library.ts';
import { checkedGlob } from './site/lesson-loader.ts';
import { sourceHasErrors } from './site/lesson-problems.ts';
import { inPageSlice, type PageSlice } from './site/page-slices.ts';

/** Set by the lesson-kits integration: true in `astro dev` (a build stops before this on any error). */
declare const __DEV_SERVER__: boolean;

/** Set by the lesson-kits integration: the slice of the pages this build renders (null: all of them). */
declare const __PAGE_SLICE__: PageSlice | null;

/** In `astro dev`, a lesson or page with errors is left out of its collection; the dev server shows its problems. */
const skipWithErrors = (file: string) => __DEV_SERVER__ && sourceHasErrors(LESSONS_DIR, file);

/** Lesson files: lessons/<slug>/index.mdx and translations index.<lang>.mdx; folders starting with _ are not lessons. */
const lessons = defineCollection({
  loader: checkedGlob(
    {
      base: LESSONS_DIR,
      // Files the checker refuses to read (links out of the folder, pipes, devices, oversized files) are never opened
      // here either; the checker reports them (npm run check, and the dev server's log). `[^_]`, not `[!_]`: the dev
      // server's watcher (picomatch) reads `[!_]*` as "anything but", so edits and new lessons were never seen.
      pattern: ['[^_]*/index.mdx', '[^_]*/index.*.mdx', ...refusedLessonSources(LESSONS_DIR)],
      // `<slug>/<lang>`: one id per language of a lesson.
      generateId: ({ entry }) => {
        const [slug, file] = entry.split('/');
        return `${slug}/${/^index\.([a-z]{2})\.mdx$/.exec(file)?.[1] ?? 'uk'}`;
      },
    },
    skipWithErrors,
    // Every lesson's data is loaded (the index, band and topic pages list them all); only the slice's bodies are compiled.
    (id) => inPageSlice(__PAGE_SLICE__, id.split('/')[0]),
  ),
  schema: LessonSchema,
});

/** Shared texts such as the disclosure protocol (lessons/_data/*.md), one file per language. */
const shared = defineCollection({
  loader: glob({ base: `${LESSONS_DIR}/_data`, pattern: ['*.md', ...refusedDataSources(`${LESSONS_DIR}/_data`)], generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
});

/** Site pages written by methodologists: lessons/_pages/<name>.<lang>.mdx (the teachers' and parents' pages). */
const pages = defineCollection({
  loader: checkedGlob({ base: `${LESSONS_DIR}/_pages`, pattern: ['*.mdx', ...refusedDataSources(`${LESSONS_DIR}/_pages`)], generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }, skipWithErrors),
  schema: PageSchema,
});

export const collections = { lessons, shared, pages };
