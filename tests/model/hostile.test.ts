/**
 * Hostile lessons (issue 13): each ends in one clean author error at its file, line and column, with the rule broken
 * and a hint, or in correct output. Every lesson is a real file in a scratch copy of the fixture library, loaded by
 * the one loader as `npm run check` loads it; files outside the library sit in a sibling folder.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { loadLibrary, type Diagnostic } from '../../src/model/index.ts';
import { MAX_BRACES, MAX_LESSON_BYTES, MAX_NESTING, MAX_PICTURE_BYTES, MAX_TABLE_COLUMNS } from '../../src/model/limits.ts';

const FIXTURE = 'tests/fixtures/lessons/valid-lesson/index.mdx';
/** The fixture's frontmatter, with a duration of one 5-minute stage. */
const FRONTMATTER = readFileSync(FIXTURE, 'utf8').split(/^---$/m)[1]!.replace('duration: 15', 'duration: 5');
/** The line a lesson body starts on: after the frontmatter, its two --- lines and a blank line. */
const HEAD = FRONTMATTER.split('\n').length + 2;

const scratchRoot = mkdtempSync(join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(scratchRoot, { recursive: true, force: true }));
let count = 0;

/** A folder outside the library, with a secret picture in it. */
function outsideFolder(root: string): string {
  const outside = join(root, '..', 'outside');
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>');
  return outside;
}

/** A scratch library with one lesson "hostile" whose file holds `source`; `setup` adds files around it. */
function library(source: string, setup?: (folder: string, root: string) => void): string {
  const root = join(scratchRoot, `case-${count++}`, 'lessons');
  cpSync('tests/fixtures/lessons', root, { recursive: true });
  rmSync(join(root, 'valid-lesson'), { recursive: true });
  const folder = join(root, 'hostile');
  mkdirSync(folder);
  writeFileSync(join(folder, 'index.mdx'), source);
  setup?.(folder, root);
  return root;
}

/** A lesson source: the fixture's frontmatter and a body. */
const lesson = (body: string): string => `---${FRONTMATTER}---\n\n${body}`;
/** A body of one stage holding `inner`; its first line is HEAD + 2. */
const stage = (inner: string): string => lesson(`<Stage title="Тест" minutes={5}>\n\n${inner}\n\n</Stage>\n`);
/** The line of the first line inside the stage. */
const IN_STAGE = HEAD + 2;

/** A valid PNG of the given size: 1-bit grey, all black (its pixel data deflates to almost nothing). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((Math.ceil(width / 8) + 1) * height);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** CRC-32 as PNG chunks need it. */
function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** The errors of the library, as `file line:column rule message` plus the hint. */
function errors(root: string): (Diagnostic & { at: string })[] {
  return loadLibrary(root)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ ...d, at: `${d.line}:${d.column}` }));
}

interface Case {
  /** The library (its lessons folder). */
  root: () => string;
  /** Where the one error stands, its rule, message and hint. */
  at: string;
  rule: string;
  message: RegExp;
  hint: RegExp;
  /** The file the error is in, when not the lesson's index.mdx. */
  file?: RegExp;
}

const cases: Record<string, Case> = {
  'a javascript: link': {
    root: () => library(stage('[натисни](javascript:alert(1))')),
    at: `${IN_STAGE}:1`,
    rule: 'link-scheme',
    message: /^link "javascript:alert\(1\)" is not allowed/,
    hint: /https:\/\/…, .*mailto:…, .*tel:…/,
  },
  'a javascript: link disguised with a tab and capitals': {
    root: () => library(stage('Див. [тут](JavA&#9;Script:alert(1)).')),
    at: `${IN_STAGE}:6`,
    rule: 'link-scheme',
    message: /^link "JavA\\u0009Script:alert\(1\)" is not allowed/,
    hint: /https:\/\//,
  },
  'a file: link through a reference definition': {
    root: () => library(stage('[паролі][p]\n\n[p]: file:///etc/passwd')),
    at: `${IN_STAGE + 2}:1`,
    rule: 'link-scheme',
    message: /^link "file:\/\/\/etc\/passwd" is not allowed/,
    hint: /https:\/\//,
  },
  'a link without its scheme': {
    root: () => library(stage('[сайт](//evil.example/)')),
    at: `${IN_STAGE}:1`,
    rule: 'link-no-scheme',
    message: /has no https: in front/,
    hint: /https:\/\/example\.org/,
  },
  'an absolute picture path': {
    root: () => library(stage('![Секрет](/some/where/secret.png)')),
    at: `${IN_STAGE}:1`,
    rule: 'image-outside-lesson',
    message: /^image "\/some\/where\/secret\.png" is outside the lesson folder$/,
    hint: /copy the picture into the lesson folder/,
  },
  'a picture path that climbs out of the library': {
    root: () => library(stage('![Секрет](../../outside/secret.svg)'), (_folder, root) => outsideFolder(root)),
    at: `${IN_STAGE}:1`,
    rule: 'image-outside-lesson',
    message: /^image "\.\.\/\.\.\/outside\/secret\.svg" is outside the lesson folder$/,
    hint: /a lesson reads only its own files/,
  },
  "a picture of another lesson's folder": {
    root: () => library(stage('![Чуже](../other/pic.svg)'), (_folder, root) => {
      mkdirSync(join(root, 'other'));
      writeFileSync(join(root, 'other', 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');
    }),
    at: `${IN_STAGE}:1`,
    rule: 'image-outside-lesson',
    message: /is outside the lesson folder/,
    hint: /copy the picture/,
  },
  'a picture that is a symbolic link to a file outside': {
    root: () => library(stage('![Секрет](./secret.svg)'), (folder, root) => symlinkSync(join(outsideFolder(root), 'secret.svg'), join(folder, 'secret.svg'))),
    at: `${IN_STAGE}:1`,
    rule: 'image-link-outside',
    message: /^image "\.\/secret\.svg" is a symbolic link to a file outside the lesson folder$/,
    hint: /copy the picture itself/,
  },
  '/etc/passwd as a picture': {
    root: () => library(stage('![p](/etc/passwd)')),
    at: `${IN_STAGE}:1`,
    rule: 'image-outside-lesson',
    message: /"\/etc\/passwd" is outside the lesson folder/,
    hint: /copy the picture/,
  },
  '/dev/zero as a picture': {
    root: () => library(stage('![x](/dev/zero)')),
    at: `${IN_STAGE}:1`,
    rule: 'image-outside-lesson',
    message: /"\/dev\/zero" is outside the lesson folder/,
    hint: /copy the picture/,
  },
  'a picture that is a symbolic link to /dev/zero': {
    root: () => library(stage('![x](./zero.png)'), (folder) => symlinkSync('/dev/zero', join(folder, 'zero.png'))),
    at: `${IN_STAGE}:1`,
    rule: 'image-link-outside',
    message: /"\.\/zero\.png" is a symbolic link/,
    hint: /copy the picture itself/,
  },
  'a named pipe as a picture': {
    root: () => library(stage('![x](./pipe.png)'), (folder) => execFileSync('mkfifo', [join(folder, 'pipe.png')])),
    at: `${IN_STAGE}:1`,
    rule: 'image-not-a-file',
    message: /^image "\.\/pipe\.png" is a named pipe, not a file$/,
    hint: /link a picture file/,
  },
  'a folder as a picture': {
    root: () => library(stage('![x](./pictures)'), (folder) => mkdirSync(join(folder, 'pictures'))),
    at: `${IN_STAGE}:1`,
    rule: 'image-not-a-file',
    message: /"\.\/pictures" is a folder, not a file/,
    hint: /link a picture file/,
  },
  'a picture file over the size limit': {
    root: () => library(stage('![x](./big.png)'), (folder) => {
      writeFileSync(join(folder, 'big.png'), '');
      truncateSync(join(folder, 'big.png'), MAX_PICTURE_BYTES + 1);
    }),
    at: `${IN_STAGE}:1`,
    rule: 'image-too-large',
    message: /^image "\.\/big\.png" is over the limit of 16 MB \(16777217 bytes\)$/,
    hint: /save it smaller/,
  },
  'a valid PNG of 20000 × 20000 pixels': {
    root: () => library(stage('![Карта](./map.png)'), (folder) => writeFileSync(join(folder, 'map.png'), png(20_000, 20_000))),
    at: `${IN_STAGE}:1`,
    rule: 'image-too-many-pixels',
    message: /^image "\.\/map\.png" is 20000 × 20000 pixels, over the pixel limit of 50,000,000$/,
    hint: /scale it down/,
  },
  'a text file as a picture': {
    root: () => library(stage('![x](./notes.txt)'), (folder) => writeFileSync(join(folder, 'notes.txt'), 'hello')),
    at: `${IN_STAGE}:1`,
    rule: 'image-format',
    message: /is not a PNG, JPEG, GIF, WebP or SVG file/,
    hint: /save the picture as PNG/,
  },
  'an SVG that shows a picture from outside': {
    root: () =>
      library(stage('![x](./pic.svg)'), (folder) =>
        writeFileSync(join(folder, 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n<image xlink:href="/home/secret.png" width="10" height="10"/>\n</svg>'),
      ),
    at: `${IN_STAGE}:1`,
    rule: 'svg-external',
    message: /^image "\.\/pic\.svg" refers to "\/home\/secret\.png" \(line 2 of the SVG\)$/,
    hint: /must hold everything it draws/,
  },
  'an SVG with a script': {
    root: () =>
      library(stage('![x](./pic.svg)'), (folder) =>
        writeFileSync(join(folder, 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect width="10" height="10"/></svg>'),
      ),
    at: `${IN_STAGE}:1`,
    rule: 'svg-script',
    message: /contains a <script> element/,
    hint: /holds no code/,
  },
  'a lesson folder that is a symbolic link to outside the library': {
    root: () => {
      const root = library(stage('Текст.'));
      const elsewhere = join(outsideFolder(root), 'lesson');
      cpSync(join(root, 'hostile'), elsewhere, { recursive: true });
      rmSync(join(root, 'hostile'), { recursive: true });
      symlinkSync(elsewhere, join(root, 'hostile'));
      return root;
    },
    at: '1:1',
    rule: 'lesson-outside',
    message: /^the lesson folder is a symbolic link to .*outside\/lesson, outside the lessons folder$/,
    hint: /kept in its own folder in lessons\//,
  },
  'a lesson file that is a symbolic link to a file outside': {
    root: () => {
      const root = library(stage('Текст.'));
      const outside = join(outsideFolder(root), 'index.mdx');
      cpSync(join(root, 'hostile', 'index.mdx'), outside);
      rmSync(join(root, 'hostile', 'index.mdx'));
      symlinkSync(outside, join(root, 'hostile', 'index.mdx'));
      return root;
    },
    at: '1:1',
    rule: 'lesson-outside',
    message: /^the lesson file is a symbolic link to .*outside\/index\.mdx, outside its lesson folder$/,
    hint: /not a link to one/,
  },
  'a named pipe as the lesson file': {
    root: () => {
      const root = library(stage('Текст.'));
      rmSync(join(root, 'hostile', 'index.mdx'));
      execFileSync('mkfifo', [join(root, 'hostile', 'index.mdx')]);
      return root;
    },
    at: '1:1',
    rule: 'lesson-not-a-file',
    message: /^the lesson file is a named pipe, not a file$/,
    hint: /a lesson is a text file/,
  },
  'index.mdx and index.uk.mdx in one folder': {
    root: () => library(stage('Текст.'), (folder) => writeFileSync(join(folder, 'index.uk.mdx'), stage('Інший текст.'))),
    at: '1:1',
    rule: 'lesson-duplicate',
    message: /hostile\/index\.mdx and .*hostile\/index\.uk\.mdx are both the Ukrainian lesson "hostile"$/,
    hint: /keep the Ukrainian lesson in index\.mdx only/,
    file: /hostile\/index\.uk\.mdx$/,
  },
  'a file name with a per cent sign, written as it is': {
    root: () => library(stage('![Діаграма](./100%.png)'), (folder) => writeFileSync(join(folder, '100%.png'), png(4, 4))),
    at: `${IN_STAGE}:1`,
    rule: 'image-url-malformed',
    message: /^image "\.\/100%\.png" has a % that does not start an escape such as %20$/,
    hint: /write a per cent sign in a file name as %25: \.\/100%25\.png/,
  },
  'a file name with a per cent sign, written %25, is correct input': {
    root: () => library(stage('![Діаграма](./100%25.png)\n\n[етап](#stage-тест)'), (folder) => writeFileSync(join(folder, '100%.png'), png(4, 4))),
    at: '',
    rule: '',
    message: /^$/,
    hint: /^$/,
  },
  'a YAML alias bomb': {
    root: () => {
      const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)];
      return library(stage('Текст.').replace('authors:', `${bomb.join('\n')}\nauthors:`));
    },
    at: '17:8',
    rule: 'yaml-alias',
    message: /^YAML: aliases \(\*name\) are not allowed here$/,
    hint: /write the value out/,
  },
  'YAML nested thousands deep': {
    root: () => library(stage('Текст.').replace('authors:', `deep: ${'['.repeat(5000)}${']'.repeat(5000)}\nauthors:`)),
    at: /^16:\d+$/.source,
    rule: 'yaml-too-deep',
    message: /^YAML: values are nested too deeply here$/,
    hint: /at most three levels deep/,
  },
  'lists 1000 deep (the indentation alone is 1 MB)': {
    root: () => library(stage(Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- рівень ${i + 1}`).join('\n'))),
    at: '1:1',
    rule: 'file-too-large',
    message: /^the lesson file is 995 KB, over the limit of 256 KB$/,
    hint: /split it/,
  },
  'lists 400 deep': {
    root: () => library(stage(Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- рівень ${i + 1}`).join('\n'))),
    at: `${IN_STAGE + MAX_NESTING - 1}:${2 * (MAX_NESTING - 1) + 1}`,
    rule: 'nesting-too-deep',
    message: new RegExp(`^lists, quotes, components and emphasis are nested \\d+ levels deep here, more than the limit of ${MAX_NESTING}$`),
    hint: /flatten it/,
  },
  '2000 nested quotes': {
    root: () => library(stage(`${'> '.repeat(2000)}цитата`)),
    at: `${IN_STAGE}:1`,
    rule: 'nesting-too-deep',
    message: /nested 2000 levels deep here, more than the limit/,
    hint: /flatten it/,
  },
  '8000 list markers on one line': {
    root: () => library(stage(`${'* '.repeat(8000)}x`)),
    at: `${IN_STAGE}:1`,
    rule: 'nesting-too-deep',
    message: /nested 8000 levels deep here/,
    hint: /flatten it/,
  },
  '8000 asterisks of emphasis': {
    root: () => library(stage(`${'*'.repeat(8000)}x${'*'.repeat(8000)}`)),
    at: /^\d+:\d+$/.source,
    rule: 'nesting-too-deep',
    message: /levels deep here, more than the limit/,
    hint: /flatten it/,
  },
  '3000 nested <Say>': {
    root: () => library(lesson(`<Stage title="Тест" minutes={5}>\n\n${'<Say>\n\n'.repeat(3000)}текст\n\n${'</Say>\n\n'.repeat(3000)}</Stage>\n`)),
    at: `${IN_STAGE + 2 * (MAX_NESTING - 1)}:1`,
    rule: 'nesting-too-deep',
    message: /levels deep here, more than the limit/,
    hint: /flatten it/,
  },
  'a table of 200 columns': {
    root: () => library(stage(`|${' a |'.repeat(200)}\n|${'---|'.repeat(200)}\n|${' b |'.repeat(200)}`)),
    at: `${IN_STAGE}:1`,
    rule: 'table-too-wide',
    message: new RegExp(`^the table has 200 columns, more than the ${MAX_TABLE_COLUMNS} a printed page holds readably$`),
    hint: /split it into narrower tables/,
  },
  'a table of 24 columns': {
    root: () => library(stage(`|${' слово |'.repeat(24)}\n|${'---|'.repeat(24)}`)),
    at: `${IN_STAGE}:1`,
    rule: 'table-too-wide',
    message: /has 24 columns/,
    hint: /turn it round/,
  },
  'thousands of curly braces': {
    root: () => library(stage('\\{ '.repeat(10) + '{a} '.repeat(MAX_BRACES + 1))),
    // The stage's minutes={5} is the first brace; ten escaped ones do not count.
    at: `${IN_STAGE}:${31 + 4 * (MAX_BRACES - 1)}`,
    rule: 'too-many-braces',
    message: new RegExp(`more than ${MAX_BRACES} "\\{" characters`),
    hint: /write a curly brace in text as \\\{/,
  },
  'an MDX syntax error is reported alone': {
    root: () => library(lesson('<Stage title="Тест" minutes={5}>\n\n<Say>\n\nТекст.\n\n</Stage>\n')),
    at: `${HEAD + 6}:1`,
    rule: 'mdx-closing-mismatch',
    message: new RegExp(`^</Stage> stands here, but <Say> opened on line ${HEAD + 2} must be closed first$`),
    hint: /add <\/Say> before <\/Stage>/,
  },
  'an unclosed code fence at the top level': {
    root: () => library(lesson('<Stage title="Тест" minutes={5}>\n\nТекст.\n\n</Stage>\n\n```\nкод\n\n<Stage title="Ще" minutes={5}>\n\nТекст.\n\n</Stage>\n')),
    at: `${HEAD + 6}:1`,
    rule: 'code-fence-unclosed',
    message: new RegExp(`^the code block opened with \`\`\` on line ${HEAD + 6} is never closed: it swallows the rest of the lesson$`),
    hint: /close it with ``` on a line of its own$/,
  },
  'an unclosed code fence inside a stage': {
    root: () => library(stage('~~~~\nкод')),
    at: `${IN_STAGE}:1`,
    rule: 'code-fence-unclosed',
    message: /opened with ~~~~ on line \d+ is never closed/,
    hint: /the MDX parser then stopped at \d+:\d+\)$/,
  },
  'an impossible date': {
    root: () => library(stage('Текст.').replace('updated: 2026-11-23', 'updated: 2026-02-31')),
    at: '15:10',
    rule: 'date-impossible',
    message: /^updated: "2026-02-31" is not a date in the calendar$/,
    hint: /YYYY-MM-DD/,
  },
  'a byte-order mark': {
    root: () => library(`\uFEFF${stage('Текст.')}`),
    at: '1:1',
    rule: 'file-bom',
    message: /byte-order mark/,
    hint: /UTF-8 without BOM/,
  },
  'old Mac line endings (CR only)': {
    root: () => library(stage('Текст.').replace(/\n/g, '\r')),
    at: '1:4',
    rule: 'file-line-endings',
    message: /line breaks written as a lone CR/,
    hint: /LF \(Unix\)/,
  },
  'a frontmatter that is never closed': {
    root: () => library(stage('Текст.').replace(/\n---\n/, '\n\n')),
    at: '1:1',
    rule: 'frontmatter-unclosed',
    message: /^the frontmatter opened by --- on line 1 is never closed$/,
    hint: /three dashes/,
  },
  'a NUL character in the title': {
    root: () => library(stage('Текст.').replace('title: Паролі', 'title: Паро\u0000лі')),
    at: '2:12',
    rule: 'control-character',
    message: /^an invisible control character \(U\+0000\) stands here$/,
    hint: /retype the text/,
  },
  'a file in Windows-1251': {
    root: () => {
      const root = library('');
      // "Привіт" in Windows-1251 after a valid first line.
      writeFileSync(join(root, 'hostile', 'index.mdx'), Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xb3, 0xf2]), Buffer.from('\n---\n')]));
      return root;
    },
    at: '2:8',
    rule: 'file-encoding',
    message: /^the file is not UTF-8 text$/,
    hint: /Windows-1251/,
  },
  'a lesson file over the size limit': {
    root: () => library(stage('Слово. '.repeat(Math.ceil(MAX_LESSON_BYTES / 10)))),
    at: '1:1',
    rule: 'file-too-large',
    message: /^the lesson file is \d+ KB, over the limit of 256 KB$/,
    hint: /split it into two lessons/,
  },
};

describe('hostile lessons end in one clean error, located, with its rule and a hint', () => {
  test.each(Object.entries(cases))('%s', (_name, expected) => {
    const root = expected.root();
    const found = errors(root);
    if (!expected.rule && !expected.at) {
      expect(found).toEqual([]);
      return;
    }
    expect(found, JSON.stringify(found, null, 1)).toHaveLength(1);
    const [error] = found;
    expect(error!.at).toMatch(new RegExp(`^${expected.at}$`));
    if (expected.rule) expect(error!.rule).toBe(expected.rule);
    expect(error!.message).toMatch(expected.message);
    expect(error!.hint).toMatch(expected.hint);
    expect(error!.file).toMatch(expected.file ?? /hostile\/index\.mdx$/);
  });
});
