/**
 * `npm run dev` on a scratch library, one server for every test: the kit URL re-rendered when the lesson changes, and
 * the methodologist's loop (issue 15): a lesson with errors shows them at its address, in Ukrainian, with file:line,
 * the rule and the hint — never wrong content, never Astro's English error page with a stack trace — and the page
 * reloads itself once the lesson is fixed; a lesson made with `npm run new` appears (a draft, with its badge) without a
 * restart, and so does a renamed one.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { childEnv } from './env.ts';
import { launch } from '../e2e/browser.ts';
import { startDevServer, type DevServer } from './dev-server.ts';
import { useProjectCopy } from './project.ts';

const project = useProjectCopy();
const scratch = mkdtempSync(join(tmpdir(), 'dev-'));
// Inside the project, as an author's lessons are, so the pages can link their files in the repository.
const lessons = join(project, 'scratch-lessons');
const lessonFile = join(lessons, 'valid-lesson/index.mdx');
const original = readFileSync('tests/fixtures/lessons/valid-lesson/index.mdx', 'utf8');
const REPOSITORY = 'https://github.com/example/lesson-kits';
const env = { ...childEnv({ LESSONS_DIR: lessons, ASTRO_TELEMETRY_DISABLED: '1', LESSON_KITS_REPOSITORY: REPOSITORY, LESSON_KITS_BRANCH: 'main' }), LESSON_KITS_LANG: 'uk' };
let server: DevServer | undefined;
let base = '';

/** Fetch a path until `ready` accepts the status and the page (the dev server picks up a saved file within a second or two). */
async function until(path: string, ready: (status: number, html: string) => boolean, seconds = 20): Promise<{ status: number; html: string }> {
  let status = 0;
  let html = '';
  for (let waited = 0; waited <= seconds * 1000; waited += 300) {
    const response = await fetch(`${base}${path}`);
    [status, html] = [response.status, await response.text()];
    if (ready(status, html)) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { status, html };
}

/** The server's log without the lines of a page polling for its lesson (a 404 repeated every second hides the rest). */
function quietLog(): string {
  return server!
    .log()
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => !/\[404\] HEAD |route pattern was matched|^Possible dynamic routes|^\s*$/.test(line))
    .join('\n');
}

/** What to print when a page did not come as expected: its status and text, and the end of the server's log. */
function explain({ status, html }: { status: number; html: string }): string {
  return `status ${status}: ${pageText(html).slice(0, 1500)}\nthe server's log ends:\n${quietLog().slice(-4000)}`;
}

/** The text of a PDF, via pdftotext. */
function pdfText(bytes: ArrayBuffer): string {
  const file = join(scratch, 'kit.pdf');
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The visible text of an HTML page, roughly. */
function pageText(html: string): string {
  return html.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

beforeAll(async () => {
  cpSync('tests/fixtures/lessons', lessons, { recursive: true });
  // npm run new's templates print the shared action plan.
  cpSync('lessons/_data/action-plan.yaml', join(lessons, '_data/action-plan.yaml'));
  server = await startDevServer(project, env);
  base = server.base;
  await until('/lessons/valid-lesson/', (status) => status === 200, 60);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run dev, the pages', () => {
  // Without a configured repository no page has an edit link: tests/e2e/output.test.ts.
  test('a lesson page and a site page link their source files in the configured repository', async () => {
    const edit = `${REPOSITORY}/edit/main/${relative(project, lessons)}`;
    const lesson = await until('/lessons/valid-lesson/', (status) => status === 200);
    expect(lesson.html, explain(lesson)).toContain(`<a href="${edit}/valid-lesson/index.mdx">Редагувати текст уроку в репозиторії</a>`);
    const teachers = await until('/teachers/', (status) => status === 200);
    expect(teachers.html, explain(teachers)).toContain(`href="${edit}/_pages/teachers.uk.mdx"`);
  });
});

describe('npm run dev, the kit', () => {
  test('serves the kit and re-renders it when the lesson changes', async () => {
    const first = await fetch(`${base}/kits/valid-lesson.pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(pdfText(await first.arrayBuffer())).toContain('Паролі та секрети');
    writeFileSync(lessonFile, original.replace('title: Паролі та секрети', 'title: Паролі й секрети'));
    const second = await fetch(`${base}/kits/valid-lesson.pdf`);
    expect(pdfText(await second.arrayBuffer())).toContain('Паролі й секрети');
  });

  test('a lesson error is shown instead of a kit, with file, line, rule and hint in Ukrainian', async () => {
    writeFileSync(lessonFile, original.replace('duration: 15', 'duration: 16'));
    const response = await fetch(`${base}/kits/valid-lesson.pdf`);
    expect(response.status).toBe(422);
    const text = pageText(await response.text());
    expect(text).toContain('valid-lesson/index.mdx:6:11');
    expect(text).toContain('duration — 16 хв, а етапи разом дають 15 (5 + 10)');
    expect(text).toContain('stage-minutes');
    expect(text).toContain('напишіть duration: 15 або змініть хвилини якогось етапу');
  });

  test('a lesson with errors is not rendered (a picture linked to /dev/zero is never read): its address shows the problems', async () => {
    const zero = join(lessons, 'valid-lesson/zero.png');
    symlinkSync('/dev/zero', zero);
    try {
      writeFileSync(lessonFile, original.replace('Намалюй замок.', 'Намалюй замок.\n\n![Нуль](./zero.png)'));
      const { status, html } = await until('/lessons/valid-lesson/', (code, page) => code === 422 && page.includes('image-link-outside'));
      expect(status).toBe(422);
      const text = pageText(html);
      expect(text).toMatch(/малюнок «\.\/zero\.png» — символьне посилання на файл поза текою уроку/);
      const kit = await fetch(`${base}/kits/valid-lesson.pdf`);
      expect(kit.status).toBe(422);
      expect(pageText(await kit.text())).toMatch(/zero\.png» — символьне посилання/);
    } finally {
      rmSync(zero);
    }
  });
});

describe('npm run dev, for an author', () => {
  test('a lesson whose minutes do not add up shows its problems at its address, not a page of wrong content', async () => {
    writeFileSync(lessonFile, original.replace('duration: 15', 'duration: 16'));
    const { status, html } = await until('/lessons/valid-lesson/', (code, page) => code === 422 && page.includes('stage-minutes'));
    expect(status).toBe(422);
    const text = pageText(html);
    expect(text).toContain('У цьому уроці є помилки');
    expect(text).toContain('valid-lesson/index.mdx:6:11');
    expect(text).toContain('duration — 16 хв, а етапи разом дають 15 (5 + 10)');
    expect(text).toContain('stage-minutes');
    expect(text).toContain('порада: напишіть duration: 15 або змініть хвилини якогось етапу');
    expect(text).toContain('6 │ duration: 16');
    expect(text).not.toContain('План за часом');
    const head = await fetch(`${base}/lessons/valid-lesson/`, { method: 'HEAD' });
    expect(head.headers.get('x-lesson-state')).toMatch(/^[0-9a-f]{16}$/);
  });

  test.each([
    ['an unclosed tag', (source: string) => source.replace('</Say>\n', ''), 'valid-lesson/index.mdx:34:1', 'тут стоїть </Stage>, а спершу треба закрити <Say>, відкритий у рядку 21', 'mdx-closing-mismatch'],
    ['a colon in the title', (source: string) => source.replace('title: Паролі та секрети', 'title: Паролі: та секрети'), 'valid-lesson/index.mdx:2:8', 'YAML: у значенні поля «title» є двокрапка з пробілом', 'yaml-colon'],
    ['typographic quotes around an attribute', (source: string) => source.replace('<Stage title="Гра"', '<Stage title=«Гра»'), 'valid-lesson/index.mdx:37:14', 'значення title= взято в лапки «', 'mdx-attribute-quotes'],
  ])('%s: the same page, no English error page, no stack trace, printed once in the terminal', async (_name, change, at, message, rule) => {
    const mark = server!.log().length;
    writeFileSync(lessonFile, change(original));
    const { status, html } = await until('/lessons/valid-lesson/', (code, page) => code === 422 && page.includes(rule));
    expect(status).toBe(422);
    const text = pageText(html);
    expect(text).toContain(at);
    expect(text).toContain(message);
    expect(text).toContain(rule);
    expect(html).not.toMatch(/vite-error-overlay|AstroError|Error:|\bat \S+ \(/);
    // The terminal says it once (the dev server checks the saved file; Astro never sees a lesson with errors).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const printed = server!.log().slice(mark).replace(/\x1b\[[0-9;]*m/g, '');
    expect(printed.split(message).length - 1, printed).toBe(1);
    expect(printed).not.toMatch(/\bat \S+ \(|InvalidContentEntryDataError|Failed to reload/);
  });

  test('the problems page reloads itself into the lesson once the lesson is fixed', async () => {
    writeFileSync(lessonFile, original.replace('duration: 15', 'duration: 16'));
    await until('/lessons/valid-lesson/', (status, page) => status === 422 && page.includes('stage-minutes'));
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/lessons/valid-lesson/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('У цьому уроці є помилки');
      // Saved as some editors save: the file emptied, then written a moment later (the watcher reports the first step).
      writeFileSync(lessonFile, '');
      await new Promise((resolve) => setTimeout(resolve, 40));
      writeFileSync(lessonFile, original.replace('title: Паролі та секрети', 'title: Паролі й секрети'));
      const answers: string[] = [];
      page.on('response', (response) => answers.push(`${response.request().method()} ${response.status()}`));
      await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('Паролі й секрети'), undefined, { timeout: 20_000 }).catch(async (error: Error) => {
        const shown = await page.locator('h1').first().textContent().catch(() => '?');
        throw new Error(`${error.message}\nthe page shows «${shown}»; the server answered ${answers.join(', ')}\n${quietLog().slice(-4000)}`);
      });
      // The lesson itself, with its timing table: the page was reloaded into it, not left on the problems.
      // (Astro's dev server streams the page: the plan may arrive a moment after the timing table.)
      await page.locator('section.timing').waitFor({ timeout: 10_000 });
      await expect.poll(() => page.locator('.lesson-body').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });

  test('a lesson made with npm run new appears without a restart, and a renamed lesson under its new address', async () => {
    execFileSync(process.execPath, ['scripts/new.ts', '--title', 'Мої дорослі', '--bands', '1-2', '--format', 'lesson'], { cwd: project, env, encoding: 'utf8' });
    const made = await until('/lessons/moi-dorosli/', (code) => code === 200);
    expect(made.status, explain(made)).toBe(200);
    expect(made.html).toContain('Мої дорослі');
    expect(made.html).toContain('badge-draft');
    renameSync(join(lessons, 'moi-dorosli'), join(lessons, 'moi-blyzki'));
    const renamed = await until('/lessons/moi-blyzki/', (code) => code === 200);
    expect(renamed.status, explain(renamed)).toBe(200);
    const old = await until('/lessons/moi-dorosli/', (code) => code === 404);
    expect(old.status, explain(old)).toBe(404);
  });
});
