import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
// Astro's own content store (not among its package's exports): what the build keeps on disk between slices.
import { MutableDataStore } from '../../node_modules/astro/dist/content/mutable-data-store.js';
import { checkedGlob } from '../../src/site/lesson-loader.ts';

const root = mkdtempSync(join(tmpdir(), 'lesson-loader-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const slug of ['a', 'b', 'c']) {
  mkdirSync(join(root, 'lessons', slug), { recursive: true });
  writeFileSync(join(root, 'lessons', slug, 'index.mdx'), `---\ntitle: ${slug}\n---\n\nText of ${slug}.\n`);
}

/** One load of the lessons into `store`, rendering the bodies of the lessons `renders` names, as one slice's build does. */
async function load(store: MutableDataStore, renders: (id: string) => boolean): Promise<void> {
  const loader = checkedGlob({ base: 'lessons', pattern: '*/index.mdx', generateId: ({ entry }) => entry.split('/')[0]! }, () => false, renders);
  const context = {
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
    collection: 'lessons',
    logger: { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    store: store.scopedStore('lessons'),
    generateDigest: (text: string) => String(text.length) + text.slice(0, 40),
    // An MDX entry type as Astro's MDX integration declares it: its body is a module of its own, rendered when asked.
    entryTypes: new Map([['.mdx', { contentModuleTypes: '', getEntryInfo: async ({ contents }: { contents: string }) => ({ data: { title: /title: (\w+)/.exec(contents)![1] }, body: contents }) }]]),
  } as unknown as LoaderContext;
  await loader.load(context);
}

/** The ids whose bodies Astro would compile (marked `deferredRender`), and every id stored. */
function marked(store: MutableDataStore): { rendered: string[]; stored: string[] } {
  const entries = [...store.values('lessons')] as { id: string; deferredRender?: boolean }[];
  return { rendered: entries.filter((entry) => entry.deferredRender).map((entry) => entry.id).sort(), stored: entries.map((entry) => entry.id).sort() };
}

describe('the lessons loader in a slice of the page build', () => {
  test('stores every lesson, marks only the slice’s to be compiled, and re-marks what an earlier slice left in the store', async () => {
    const store = new MutableDataStore();
    await load(store, (id) => id === 'a');
    expect(marked(store)).toEqual({ rendered: ['a'], stored: ['a', 'b', 'c'] });
    // The next slice's build finds the first one's store (on disk, the files unchanged).
    await load(store, (id) => id !== 'a');
    expect(marked(store)).toEqual({ rendered: ['b', 'c'], stored: ['a', 'b', 'c'] });
    // A build in one piece after it (or `astro dev`, `astro sync`) renders every lesson again.
    await load(store, () => true);
    expect(marked(store)).toEqual({ rendered: ['a', 'b', 'c'], stored: ['a', 'b', 'c'] });
  });
});
