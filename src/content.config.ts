import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { LessonSchema } from './model/schema.ts';
import { PageSchema } from './model/pages.ts';
import { LESSONS_DIR } from './site/config.ts';
import { refusedDataSources, refusedLessonSources } from './model/library.ts';

/** Lesson files: lessons/<slug>/index.mdx and translations index.<lang>.mdx; folders starting with _ are not lessons. */
const lessons = defineCollection({
  loader: glob({
    base: LESSONS_DIR,
    // Files the checker refuses to read (links out of the folder, pipes, devices, oversized files) are never opened
    // here either; the checker reports them (npm run check, and the dev server's log).
    pattern: ['[!_]*/index.mdx', '[!_]*/index.*.mdx', ...refusedLessonSources(LESSONS_DIR)],
    // `<slug>/<lang>`: one id per language of a lesson.
    generateId: ({ entry }) => {
      const [slug, file] = entry.split('/');
      return `${slug}/${/^index\.([a-z]{2})\.mdx$/.exec(file)?.[1] ?? 'uk'}`;
    },
  }),
  schema: LessonSchema,
});

/** Shared texts such as the disclosure protocol (lessons/_data/*.md), one file per language. */
const shared = defineCollection({
  loader: glob({ base: `${LESSONS_DIR}/_data`, pattern: ['*.md', ...refusedDataSources(`${LESSONS_DIR}/_data`)], generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
});

/** Site pages written by methodologists: lessons/_pages/<name>.<lang>.mdx (the teachers' and parents' pages). */
const pages = defineCollection({
  loader: glob({ base: `${LESSONS_DIR}/_pages`, pattern: ['*.mdx', ...refusedDataSources(`${LESSONS_DIR}/_pages`)], generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
  schema: PageSchema,
});

export const collections = { lessons, shared, pages };
