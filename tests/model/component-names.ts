import { readFileSync } from 'node:fs';

/** Names exported in the site's MDX component map (read from source: the map imports .astro files, which only Astro can load). */
export function lessonComponentNames(): string[] {
  const source = readFileSync('src/components/lesson/index.ts', 'utf8');
  const map = /lessonComponents = \{([^}]*)\}/.exec(source)![1];
  return map.split(',').map((name) => name.trim()).filter(Boolean);
}
