/**
 * The content collections' loader in `astro dev`: Astro's glob loader, with every file the checker finds errors in
 * left out instead of stopping the collection. Astro's loader parses each file's frontmatter (js-yaml) and validates it
 * with the schema itself, and one lesson that fails either aborted the whole collection: no page updated and no new
 * lesson appeared until the server was restarted. A lesson left out here is shown with its problems by the dev
 * server (integration.ts) at its address; once it is fixed and saved, it is loaded like any other.
 *
 * In a build of one slice of the pages (page-slices.ts), the lessons of other slices are stored with their data but
 * without `deferredRender`: Astro imports (so compiles and bundles) an MDX body only for entries marked so.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { recordLoaded } from './content-sync.ts';

/** What the glob loader is given. */
type GlobOptions = Parameters<typeof glob>[0];

/** An entry type of Astro's content layer (how a file's frontmatter and body are read), as far as it is used here. */
interface EntryType {
  getEntryInfo(args: { contents: string; fileUrl: URL }): Promise<{ data: Record<string, unknown>; body: string }>;
}

/** A stored entry, as far as it is read here. */
type StoredEntry = { filePath?: string; deferredRender?: boolean };

/**
 * Astro's glob loader over `options`, leaving out every file `hasErrors` says has errors (by its absolute path): its
 * frontmatter is not parsed by Astro, its data not validated, and it is not stored (a stored entry is deleted). An
 * entry `renders` says no to (by its id) is stored without what makes Astro compile its body (`deferredRender`).
 */
export function checkedGlob(options: GlobOptions, hasErrors: (file: string) => boolean, renders: (id: string) => boolean = () => true): Loader {
  const inner = glob(options);
  return {
    name: 'lesson-kits-checked-glob',
    load: (context) => {
      const skipped = new Set<string>();
      const root = fileURLToPath(context.config.root);
      const entryTypes = (context as LoaderContext & { entryTypes: Map<string, EntryType> }).entryTypes;
      const forgiving = new Map(
        [...entryTypes].map(([extension, type]) => [
          extension,
          {
            ...type,
            // A frontmatter js-yaml cannot parse: the checker names the mistake; here the file only has to be left out.
            getEntryInfo: (args: { contents: string; fileUrl: URL }) => type.getEntryInfo(args).catch(() => ({ data: {}, body: '' })),
          },
        ]),
      );
      const parseData: LoaderContext['parseData'] = async (props) => {
        if (props.filePath && hasErrors(props.filePath)) {
          skipped.add(props.id);
          return props.data;
        }
        return context.parseData(props);
      };
      // Astro syncs a file once per watcher event, and the syncs of one save (the file emptied, then written) run at
      // the same time: the one that read the emptied file may finish last and leave out a lesson that is fine. A sync
      // whose text is no longer the file's changes nothing (and if no sync brings the file as saved, the dev server has
      // it read again: integration.ts). What is stored is noted for the dev server (content-sync.ts).
      const current = (entry: { filePath?: string; digest?: number | string }): { contents?: string } | undefined => {
        if (!entry.filePath || entry.digest === undefined) return {};
        const contents = readCurrent(resolve(root, entry.filePath));
        return contents !== undefined && context.generateDigest(contents) === entry.digest ? { contents } : undefined;
      };
      // An entry kept from an earlier build (Astro's store is on disk) that another slice stored with its body to render
      // and this one must not, or the other way round, is loaded again: the glob loader keeps a stored entry whose file
      // is unchanged, and Astro's store refuses an entry with the digest of the one it holds, so it is deleted first.
      const misplaced = (id: string, entry: StoredEntry | undefined): boolean =>
        entry !== undefined && entry.filePath?.endsWith('.mdx') === true && Boolean(entry.deferredRender) !== renders(id);
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property === 'get') return (id: string) => (misplaced(id, target.get(id)) ? undefined : target.get(id));
          if (property !== 'set') return Reflect.get(target, property, receiver);
          return (entry: Parameters<LoaderContext['store']['set']>[0]) => {
            const left = skipped.delete(entry.id);
            const read = current(entry);
            if (read === undefined) return false;
            if (left || misplaced(entry.id, target.get(entry.id))) target.delete(entry.id);
            const stored = !left && target.set(renders(entry.id) ? entry : { ...entry, deferredRender: false });
            if (read.contents !== undefined) recordLoaded(resolve(root, entry.filePath!), read.contents);
            return stored;
          };
        },
      });
      return inner.load({ ...context, entryTypes: forgiving, parseData, store } as LoaderContext);
    },
  };
}

/** A file's text, or undefined when it cannot be read (deleted since). */
function readCurrent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
