/**
 * How far Astro's page build has got. Astro has no per-page hook, but writes each page into its output folder as soon
 * as it is rendered; the count of HTML files there, read every POLL_MS, is the number of pages built.
 */
import { readdir } from 'node:fs/promises';

/** ms between two counts. */
const POLL_MS = 1000;

/** Count the HTML files under `folder` every POLL_MS and report the count until stopped. */
export function countPages(folder: string, report: (pages: number) => void): { stop: () => void } {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    readdir(folder, { recursive: true })
      .then((names) => {
        const pages = names.filter((name) => name.endsWith('.html')).length;
        if (pages) report(pages);
      })
      .catch(() => undefined) // not created yet
      .finally(() => (busy = false));
  }, POLL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
