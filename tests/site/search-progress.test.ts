import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Progress, shareProgress } from '../../src/site/progress.ts';
import { searchIndexStep } from '../../src/site/integration.ts';

const scratch = mkdtempSync(join(tmpdir(), 'search-progress-'));
afterAll(() => {
  shareProgress(undefined);
  rmSync(scratch, { recursive: true, force: true });
});

/** A built page Pagefind indexes. */
function page(lang: string, title: string, text: string): string {
  return `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

describe('the search index step', () => {
  test('shows how many pages it has indexed, of how many, on the build’s progress line', async () => {
    const site = join(scratch, 'site');
    const pages: Record<string, string> = {
      'index.html': page('uk', 'Головна', 'Уроки про безпеку в мережі.'),
      'lessons/a/index.html': page('uk', 'Паролі', 'Надійний пароль береже акаунт.'),
      'en/lessons/a/index.html': page('en', 'Passwords', 'A strong password keeps an account safe.'),
      'about/index.html': '<!doctype html><html lang="uk"><body><p>Не індексується</p></body></html>',
      'search/index.html': '<!doctype html><html lang="uk"><body><form role="search"></form></body></html>',
    };
    for (const [path, html] of Object.entries(pages)) {
      mkdirSync(join(site, path, '..'), { recursive: true });
      writeFileSync(join(site, path), html);
    }
    let shown = '';
    let clock = 0;
    // A terminal whose clock moves a second at every look: every change of the line is drawn.
    shareProgress(new Progress({ isTTY: true, write: (text: string) => (shown += text) }, () => (clock += 1000)));
    const logged: string[] = [];
    await searchIndexStep(site, (line) => logged.push(line));
    expect(shown).toContain('pages indexed 1/3');
    expect(shown).toContain('pages indexed 3/3');
    expect(logged.join('\n')).toMatch(/search index: 3 pages indexed in 1 part\(s\)/);
  });
});
