/** `npm run dev` on a scratch library: drafts shown with a badge, and the kit URL re-rendered when the lesson changes. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv } from './env.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDevServer, type DevServer } from './dev-server.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dev-'));
const lessons = join(scratch, 'lessons');
const lessonFile = join(lessons, 'valid-lesson/index.mdx');
let server: DevServer | undefined;
let base = '';

beforeAll(async () => {
  cpSync('tests/fixtures/lessons', lessons, { recursive: true });
  writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace('authors:', 'draft: true\nauthors:'));
  // The language an author gets by default: the test environment's LESSON_KITS_LANG=en is taken out.
  server = await startDevServer({ ...childEnv({ LESSONS_DIR: lessons, ASTRO_TELEMETRY_DISABLED: '1' }), LESSON_KITS_LANG: 'uk' });
  base = server.base;
  // The server answers before its first content sync has finished: wait until the lesson's route exists.
  for (let attempt = 0; attempt < 60; attempt++) {
    if ((await fetch(`${base}/lessons/valid-lesson/`)).ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 90_000);

afterAll(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** The visible text of an HTML page, roughly: tags dropped, entities for <, >, & and quotes decoded. */
function pageText(html: string): string {
  return html.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The text of a PDF, via pdftotext. */
function pdfText(bytes: ArrayBuffer): string {
  const file = join(scratch, 'kit.pdf');
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('npm run dev', () => {
  test('shows a draft lesson with its badge', async () => {
    const html = await (await fetch(`${base}/lessons/valid-lesson/`)).text();
    expect(html, server!.log()).toContain('Паролі та секрети');
    expect(html).toContain('badge-draft');
  });

  test('serves the kit and re-renders it when the lesson changes', async () => {
    const first = await fetch(`${base}/kits/valid-lesson.pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(pdfText(await first.arrayBuffer())).toContain('Паролі та секрети');
    writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace('title: Паролі та секрети', 'title: Паролі й секрети'));
    const second = await fetch(`${base}/kits/valid-lesson.pdf`);
    expect(pdfText(await second.arrayBuffer())).toContain('Паролі й секрети');
  });

  test('a lesson error is shown instead of a kit, with file, line, rule and hint in Ukrainian', async () => {
    writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace('duration: 15', 'duration: 16'));
    const response = await fetch(`${base}/kits/valid-lesson.pdf`);
    expect(response.status).toBe(422);
    const text = pageText(await response.text());
    expect(text).toContain('valid-lesson/index.mdx:6:11');
    expect(text).toContain('duration — 16 хв, а етапи разом дають 15 (5 + 10)');
    expect(text).toContain('stage-minutes');
    expect(text).toContain('напишіть duration: 15 або змініть хвилини якогось етапу');
  });

  test('a lesson with errors is not rendered (a picture linked to /dev/zero is never read): its address shows the problems', async () => {
    symlinkSync('/dev/zero', join(lessons, 'valid-lesson/zero.png'));
    writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace('Намалюй замок.', 'Намалюй замок.\n\n![Нуль](./zero.png)'));
    const page = await fetch(`${base}/lessons/valid-lesson/`);
    expect(page.status).toBe(422);
    const text = pageText(await page.text());
    expect(text).toMatch(/малюнок «\.\/zero\.png» — символьне посилання на файл поза текою уроку/);
    expect(text).toContain('image-link-outside');
    const kit = await fetch(`${base}/kits/valid-lesson.pdf`);
    expect(kit.status).toBe(422);
    expect(pageText(await kit.text())).toMatch(/zero\.png» — символьне посилання/);
  });
});
