/**
 * `npm run new`: start a lesson from templates/<format>.mdx. Asks for the title, age bands, format and slug (suggested
 * by transliterating the title), or takes them as flags (`--title`, `--bands`, `--format`, `--slug`). The lesson is a
 * draft with every part to fill marked ЗАПОВНІТЬ; it passes `npm run check` at once. An existing lesson folder is never
 * overwritten.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { BAND_IDS, FORMATS, FORMAT_IDS, type BandId, type FormatId } from '../src/model/index.ts';
import { fillTemplate, parseBands, parseFormat, suggestedFormat } from '../src/model/scaffold.ts';
import { slugFor } from '../src/model/transliterate.ts';
import { today } from '../src/model/freshness.ts';
import { reportStrings, takeLangArgument } from '../src/i18n/messages/index.ts';

const args = takeLangArgument(process.argv.slice(2));
const s = reportStrings().create;
const lessonsDir = process.env.LESSONS_DIR ?? 'lessons';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The value of `--name <value>` or `--name=<value>`. */
function flag(name: string): string | undefined {
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return args[at]!.includes('=') ? args[at]!.slice(name.length + 3) : args[at + 1];
}

if (args.includes('--help') || args.includes('-h')) {
  console.log(s.help);
  process.exit(0);
}

/** Lines typed (or piped) in answer to the questions; a question with no line left ends the script. */
const input = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
const lines = input[Symbol.asyncIterator]();

/** Ask until `accept` takes the answer (it prints why not and returns undefined otherwise). */
async function ask<T>(question: string, accept: (answer: string) => T | undefined): Promise<T> {
  for (;;) {
    process.stdout.write(question);
    const next = await lines.next();
    if (next.done) fail(s.noAnswer(question));
    if (!process.stdin.isTTY) process.stdout.write(`${next.value}\n`);
    const value = accept(next.value.trim());
    if (value !== undefined) return value;
  }
}

/** Print a message and stop with exit code 1 (nothing has been written). */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** A title, or why not. */
function acceptTitle(answer: string, report: (message: string) => void): string | undefined {
  if (!answer) return void report(s.titleEmpty);
  if (answer.length > 120) return void report(s.titleLong);
  return answer;
}

/** Bands from an answer, or why not. */
function acceptBands(answer: string, report: (message: string) => void): BandId[] | undefined {
  const parsed = parseBands(answer);
  if ('wrong' in parsed) return void report(s.bandsWrong(parsed.wrong, BAND_IDS.join(', ')));
  return parsed.bands;
}

/** A format from an answer, or why not. */
function acceptFormat(answer: string, report: (message: string) => void): FormatId | undefined {
  const format = parseFormat(answer);
  if (!format) report(s.formatWrong(answer, FORMAT_IDS.join(', ')));
  return format;
}

/** A slug for a new folder, or why not. */
function acceptSlug(answer: string, report: (message: string) => void): string | undefined {
  if (!SLUG.test(answer)) return void report(s.slugWrong(answer));
  if (existsSync(join(lessonsDir, answer))) return void report(s.exists(join(lessonsDir, answer)));
  return answer;
}

/** The flag's value accepted, or the answer to the question; a refused flag stops the script. */
async function answer<T>(name: string, question: () => string, accept: (answer: string, report: (message: string) => void) => T | undefined, fallback?: string): Promise<T> {
  const given = flag(name);
  if (given !== undefined) return accept(given, fail) ?? fail(s.noAnswer(question()));
  if (fallback !== undefined && flag('title') !== undefined && flag('bands') !== undefined) return accept(fallback, fail)!;
  return ask(question(), (typed) => accept(typed || fallback || '', (message) => console.log(message)));
}

/** The author's name from git, as the first author (a real person); none when git has none. */
function gitAuthor(): string[] {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return name ? [name] : [];
  } catch {
    return [];
  }
}

if (flag('title') === undefined || flag('bands') === undefined) console.log(s.intro);
const title = await answer('title', () => s.title, acceptTitle);
const bands = await answer('bands', () => s.bands(BAND_IDS.join(', ')), acceptBands);
const formatChoices = FORMAT_IDS.map((id, i) => `${i + 1} ${id} (${FORMATS[id].uk.toLowerCase()})`).join(', ');
const format = await answer('format', () => s.format(formatChoices, suggestedFormat(bands)), acceptFormat, suggestedFormat(bands));
const slug = await answer('slug', () => s.slug(slugFor(title)), acceptSlug, slugFor(title));
input.close();

const folder = join(lessonsDir, slug);
// Checked again at the last moment, and made with `recursive: false`: a folder that appeared meanwhile is not overwritten.
if (existsSync(folder)) fail(s.exists(folder));
const template = readFileSync(new URL(`../templates/${format}.mdx`, import.meta.url), 'utf8');
mkdirSync(folder);
const file = join(folder, 'index.mdx');
writeFileSync(file, fillTemplate(template, { title, bands, format, updated: today(), authors: gitAuthor() }), { flag: 'wx' });
console.log(s.created(file));
console.log(s.next(slug));
