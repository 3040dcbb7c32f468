/** The checker's messages in English; the type makes every rule of the Ukrainian catalogue required here, with its parameters. */
import type { Catalogue, ReportStrings } from './index.ts';
import type { NotAFile, SizedFile } from './types.ts';
import { COMPONENTS, isComponent } from '../../model/components.ts';

/** A size in words: "312 KB", "18.5 MB". */
export function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** A size over a limit, exact in bytes when both round to the same number. */
function overLimit(bytes: number, limit: number): string {
  return size(bytes) === size(limit) ? `is over the limit of ${size(limit)} (${bytes} bytes)` : `is ${size(bytes)}, over the limit of ${size(limit)}`;
}

/** What a thing is instead of a file. */
const NOT_A_FILE: Record<NotAFile, string> = {
  folder: 'is a folder, not a file',
  pipe: 'is a named pipe, not a file',
  device: 'is a device, not a file',
  socket: 'is a socket, not a file',
  special: 'is not a regular file, not a file',
  missing: 'does not exist',
};

/** The file a limit was met by. */
const SIZED: Record<SizedFile, string> = { lesson: 'the lesson file', data: 'the file', picture: 'the picture' };

/** A field's path for a message: `[2].verified` is the second entry of a data file; list positions are left out (the value is quoted). */
const label = (field: string) => field.replace(/\.\d+(?=\.|$)/g, '').replace(/^\[(\d+)\]/, 'entry $1');

/** A list for a message. */
const list = (items: readonly string[]) => items.join(', ');

/** The top level or a tag, for "cannot stand" messages. */
const place = (where: string) => (where === 'root' ? 'at the top level' : `inside <${where}>`);

/** What a value of a field must be. */
const EXPECTED: Record<string, string> = { text: 'text', number: 'a number', list: 'a list', fields: 'a set of fields', 'yes-no': 'true or false', date: 'a date' };

/** How to write each field right. */
const FIELD_HINTS: Record<string, string> = {
  title: 'the title on one line, under 120 characters, e.g. title: My trusted adults',
  summary: 'write one or two full sentences (20 to 400 characters) for cards, search and the kit cover',
  bands: 'use one or more of 4-6, 1-2, 3-4, 5-6, 7-8, 9-11, e.g. bands: [7-8, 9-11]',
  format: 'use one of lesson, quest, session',
  duration: 'write the total minutes as a whole number, e.g. duration: 45',
  topics: 'topics are: privacy, passwords, trusted-adults, body-safety, secrets, boundaries, consent, manipulation, cybergrooming, sexting, sextortion, digital-footprint, evidence, reporting, peer-support, law',
  objectives: 'list 2 to 5 outcomes, each starting with what pupils will be able to do',
  materials: 'a list: each item on its own line after "  - "',
  preparation: 'a list: each item on its own line after "  - "',
  glossary: 'each entry is "- term: …" with "definition: …" under it',
  sensitivity: 'write sensitivity: with level: low|medium|high and notes: a list for the teacher',
  updated: 'write the date as YYYY-MM-DD, e.g. updated: 2026-11-23',
  verified: 'write the date as YYYY-MM-DD, or null when it could not be verified',
  authors: 'name real people or a role such as "Команда проєкту"; never invent names',
  reviewers: 'name the methodologists who reviewed the lesson; an empty list [] until someone has',
  license: 'use one of CC-BY-SA-4.0, CC-BY-4.0, CC0-1.0 (or leave it out for CC-BY-SA-4.0)',
  draft: 'write draft: true or draft: false',
  id: 'use lower-case Latin letters, digits and hyphens, e.g. cyberpolice',
  source: 'the whole address of the page the fact was confirmed on, starting with https://',
  url: 'a whole web address starting with https://',
  description: 'one sentence for search results and the page description',
};

/** The hint of a field by the last name of its path. */
function fieldHint(field: string): string {
  const name = field.split('.').filter((part) => !/^\d+$/.test(part) && !/^\[\d+\]$/.test(part)).at(-1) ?? field;
  return FIELD_HINTS[name] ?? 'see the example in docs/AUTHORING.md';
}

/** A component's meaning, for hints (from the vocabulary in components.ts). */
const meaning = (name: string) => (isComponent(name) ? COMPONENTS[name].meaning : 'text');

/** Names of Markdown constructs for "the kit cannot show …". */
const NODE_NAMES: Record<string, string> = {
  image: 'a picture inside a line of text',
  footnoteReference: 'a footnote',
  footnoteDefinition: 'a footnote',
  html: 'raw HTML',
  code: 'a code block',
  math: 'a formula',
  inlineMath: 'a formula',
  imageReference: 'a reference-style picture',
  linkReference: 'a reference-style link',
  definition: 'a link definition',
};

/** `n thing` or `n things`. */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The English catalogue. */
export const en: Catalogue = {
  'file-encoding': {
    message: () => 'the file is not UTF-8 text',
    hint: () => 'save it as UTF-8 (Windows-1251 and other encodings are not read)',
  },
  'file-line-endings': {
    message: () => 'the file has line breaks written as a lone CR (old Mac style)',
    hint: () => 'save the file with LF (Unix) line breaks; in VS Code click "CR" or "CRLF" in the status bar and choose LF',
  },
  'file-bom': {
    message: () => 'the file starts with a byte-order mark (BOM)',
    hint: () => 'save the file as UTF-8 without BOM (in VS Code: "UTF-8 with BOM" in the status bar → Save with Encoding → UTF-8)',
  },
  'control-character': {
    message: (p) => `an invisible control character (${p.code}) stands here`,
    hint: () => 'delete it: retype the text around it (it often comes from copying out of a PDF or a chat)',
  },
  'file-too-large': {
    message: (p) => `${SIZED[p.file]} ${overLimit(p.bytes, p.limit)}`,
    hint: (p) => (p.file === 'lesson' ? 'split it into two lessons' : 'split the data into smaller files, or shorten it'),
  },
  'lesson-outside': {
    message: (p) =>
      p.folder ? `the lesson folder is a symbolic link to ${p.target}, outside the lessons folder` : `the lesson file is a symbolic link to ${p.target}, outside its lesson folder`,
    hint: () => 'a lesson is a text file index.mdx (or index.<lang>.mdx) kept in its own folder in lessons/, not a link to one',
  },
  'lesson-not-a-file': {
    message: (p) => `the lesson file ${NOT_A_FILE[p.what]}`,
    hint: () => 'a lesson is a text file index.mdx (or index.<lang>.mdx) kept in its own folder in lessons/, not a link to one',
  },
  'data-not-a-file': {
    message: (p) =>
      p.what === 'outside'
        ? 'the file is outside the folder it may be read from'
        : p.what === 'link-outside'
          ? `the file is a symbolic link to ${p.target}, outside the folder it may be read from`
          : `the file ${NOT_A_FILE[p.what]}`,
    hint: () => 'keep shared data as plain text files in the lessons folder itself',
  },
  'lesson-slug': {
    message: (p) => `folder name "${p.slug}" is not a valid lesson slug`,
    hint: (p) =>
      `use lower-case Latin letters, digits and hyphens, transliterated from the title, ${p.suggestion ? `e.g. rename the folder ${p.suggestion}` : 'e.g. moya-persha-podorozh'} (npm run new suggests one)`,
  },
  'lesson-file-name': {
    message: (p) => `"${p.name}" is not a lesson file name`,
    hint: (p) => `name it index.mdx (Ukrainian) or index.<lang>.mdx with lang one of ${p.langs}`,
  },
  'lesson-folder-empty': {
    message: (p) => `the folder ${p.folder} is not a lesson: it has no index.mdx`,
    hint: () => 'start the lesson with npm run new, or move the files into an existing lesson\'s folder; delete an empty folder',
  },
  'lesson-duplicate': {
    message: (p) => `${p.a} and ${p.b} are both the ${p.lang === 'uk' ? 'Ukrainian' : `"${p.lang}"`} lesson "${p.slug}"`,
    hint: (p) =>
      p.lang === 'uk' ? 'keep the Ukrainian lesson in index.mdx only: merge the two files and delete the other' : `keep one file index.${p.lang}.mdx: merge the two and delete the other`,
  },
  'translation-orphan': {
    message: (p) => `translation without an original: lessons/${p.slug}/index.mdx is missing`,
    hint: () => 'write the Ukrainian lesson first; a translation sits next to it',
  },
  'translation-differs': {
    message: (p) => `translation differs from the original in ${list(p.fields)}`,
    hint: () => 'a translation is the same lesson: copy these fields from index.mdx',
  },
  'protocol-missing': {
    message: () => 'the shared disclosure protocol is missing',
    hint: () => 'write it once in lessons/_data/safeguarding.uk.md (plain Markdown); every <Safeguarding /> shows it',
  },
  'shared-text-missing': {
    message: () => 'the file is missing',
    hint: () => 'write it as plain Markdown in lessons/_data/',
  },
  'frontmatter-missing': {
    message: () => 'the lesson has no frontmatter',
    hint: () => 'start the file with --- on the first line, the fields, then --- (see docs/AUTHORING.md)',
  },
  'frontmatter-unclosed': {
    message: () => 'the frontmatter opened by --- on line 1 is never closed',
    hint: () => 'end the fields with a line of three dashes: ---',
  },
  'frontmatter-not-fields': {
    message: () => 'the frontmatter must be a list of fields (name: value)',
    hint: (p) => (p.noSpace ? `put a space after the colon: "${p.noSpace}"` : 'see docs/AUTHORING.md for an example'),
  },
  'yaml-tab': {
    message: () => 'YAML: the indentation is a tab',
    hint: () => 'YAML counts spaces only: replace the tab with two spaces (in VS Code: "Convert Indentation to Spaces")',
  },
  'yaml-duplicate-key': {
    message: (p) => `YAML: the field "${p.key}" is written twice`,
    hint: () => 'each field may appear once; delete or merge the repeated one',
  },
  'yaml-colon': {
    message: (p) => `YAML: the value of "${p.key}" holds a colon followed by a space, which YAML reads as another field`,
    hint: (p) => `quote text that contains a colon followed by a space, e.g. ${p.fixed}`,
  },
  'yaml-indent': {
    message: () => 'YAML: this line is indented deeper than the field above it',
    hint: () => 'check the indentation: fields start at the beginning of the line; list items and the fields inside sensitivity: or glossary: go two spaces deeper',
  },
  'yaml-quote-unclosed': {
    message: (p) => `YAML: the ${p.quote} quote opened here is never closed`,
    hint: (p) => `close the value with the same ${p.quote} at the end of the line`,
  },
  'yaml-quote-inside': {
    message: (p) => `YAML: the value in ${p.quote} quotes ends before the line does: the same quote stands inside it`,
    hint: (p) =>
      p.quote === "'"
        ? "write the apostrophe in Ukrainian words as ’ (пам’ятка), not '; or double it inside the quotes: 'пам''ятка'"
        : 'write quotes inside the text as «…», and the value in straight quotes "…"',
  },
  'yaml-bracket-unclosed': {
    message: (p) => `YAML: the list opened with ${p.bracket} is not closed`,
    hint: (p) => `close it with ${p.bracket === '[' ? ']' : '}'} on the same line, e.g. bands: [7-8, 9-11]`,
  },
  'yaml-reserved-start': {
    message: (p) => `YAML: a value cannot start with ${p.char}`,
    hint: () => 'put the whole value in quotes: title: "…"',
  },
  'yaml-list-same-line': {
    message: (p) => `YAML: a list item stands on the line of the field "${p.key}"`,
    hint: (p) => `put each item on a line of its own, two spaces in and after "- ":\n${p.key}:\n  - the first item`,
  },
  'yaml-space-after-colon': {
    message: (p) => `YAML: there is no space after "${p.key}:"`,
    hint: (p) => `put a space after the colon: ${p.key}: …`,
  },
  'yaml-list-without-field': {
    message: () => 'YAML: a list item stands without the field it belongs to',
    hint: () => 'list items go under their field, two spaces in: "objectives:", and below it "  - …"',
  },
  'yaml-syntax': {
    message: (p) => `YAML: this line cannot be read (${p.code})`,
    hint: () => 'check the indentation (spaces only), and quote text that contains a colon followed by a space, or starts with a special character, e.g. title: "Стоп: це секрет"',
  },
  'yaml-alias': {
    message: () => 'YAML: aliases (*name) are not allowed here',
    hint: () => 'write the value out in full where it is needed',
  },
  'yaml-too-deep': {
    message: () => 'YAML: values are nested too deeply here',
    hint: () => "a lesson's fields are at most three levels deep (glossary: - term: …): remove the extra [ or indentation",
  },
  'yaml-comment-in-value': {
    message: (p) => `the text from "#" on is a YAML comment and is left out of the value "${p.value}"`,
    hint: () => 'put the whole value in quotes, e.g. name: "Чат-бот #stop_sexting"',
  },
  'field-unknown': {
    message: (p) => `unknown field "${label(p.field)}"`,
    hint: (p) => (p.guess ? `did you mean "${p.guess}"?` : `fields here are: ${list(p.fields)}`),
  },
  'field-missing': {
    message: (p) => `missing field "${label(p.field)}"`,
    hint: (p) => fieldHint(p.field),
  },
  'field-type': {
    message: (p) => `${label(p.field)}: ${p.value} is not ${EXPECTED[p.expected] ?? p.expected}`,
    hint: (p) =>
      p.dashItem
        ? `a list item starts with a hyphen and a space, "- ", but this one starts with "${p.dashItem}" (a dash): replace it with -`
        : p.commaList
          ? `put the list in square brackets: ${label(p.field)}: [${p.value.replace(/^"|"$/g, '')}]`
          : p.colonItem
            ? 'the item holds ": ", which YAML read as a field: put the item in quotes, e.g. - "Тема: секрети"'
            : fieldHint(p.field),
  },
  'field-empty': {
    message: (p) => `${label(p.field)}: must not be empty`,
    hint: (p) => fieldHint(p.field),
  },
  'field-value': {
    message: (p) => `${label(p.field)}: ${p.value} is not an allowed value`,
    hint: (p) =>
      p.lookalike
        ? `the value holds the Cyrillic letter "${p.lookalike}", which looks Latin: type it in Latin letters (${list(p.allowed)})`
        : p.dash
          ? `a dash "${p.dash}" stands here: write a plain hyphen -`
          : (p.guess ? `did you mean "${p.guess}"? ` : '') + `use one of ${list(p.allowed)}`,
  },
  'bands-value': {
    message: (p) => `${label(p.field)}: ${p.value} is not an allowed value`,
    hint: (p) =>
      p.sevenToEleven
        ? 'grades 7–11 are two bands: write bands: [7-8, 9-11]'
        : p.lookalike
          ? `the value holds the letter "${p.lookalike}", and bands are written in digits and a hyphen only: 4-6, 1-2, 3-4, 5-6, 7-8, 9-11`
          : p.dash
            ? `a dash "${p.dash}" stands between the numbers: write a plain hyphen, e.g. 7-8`
            : 'use one or more of 4-6, 1-2, 3-4, 5-6, 7-8, 9-11, e.g. bands: [7-8, 9-11]',
  },
  'topics-value': {
    message: (p) => `${label(p.field)}: ${p.value} is not an allowed value`,
    hint: (p) => (p.guess ? `did you mean "${p.guess}"? ` : '') + `topics are: ${list(p.topics)}`,
  },
  'format-value': {
    message: (p) => `format: ${p.value} is not an allowed value`,
    hint: (p) => (p.guess ? `did you mean "${p.guess}"? ` : '') + 'use one of lesson, quest, session',
  },
  'license-value': {
    message: (p) => `license: ${p.value} is not an allowed value`,
    hint: () => 'use one of CC-BY-SA-4.0, CC-BY-4.0, CC0-1.0 (or leave it out for CC-BY-SA-4.0)',
  },
  'sensitivity-level': {
    message: (p) => `sensitivity.level: ${p.value} is not an allowed value`,
    hint: () => 'write sensitivity: with level: low|medium|high and notes: a list for the teacher',
  },
  'duration-value': {
    message: (p) => `duration: ${p.value} is not a whole number of minutes from 1 to 240`,
    hint: () => 'write the total minutes as a whole number, e.g. duration: 45',
  },
  'list-too-short': {
    message: (p) => `${label(p.field)}: needs at least ${count(p.min, 'item')}`,
    hint: (p) => fieldHint(p.field),
  },
  'list-too-long': {
    message: (p) => `${label(p.field)}: takes at most ${count(p.max, 'item')}`,
    hint: (p) => fieldHint(p.field),
  },
  'objectives-count': {
    message: (p) => `objectives: ${count(p.count, 'objective')}; write 2 to 5`,
    hint: () => 'list 2 to 5 outcomes, each starting with what pupils will be able to do',
  },
  'text-too-long': {
    message: (p) => `${label(p.field)}: ${p.length} characters, more than ${p.max}`,
    hint: (p) => `shorten it to ${p.max} characters`,
  },
  'text-too-short': {
    message: (p) => `${label(p.field)}: only ${p.length} characters, fewer than ${p.min}`,
    hint: (p) => fieldHint(p.field),
  },
  'date-format': {
    message: (p) => `${label(p.field)}: ${p.value} is not a date written as YYYY-MM-DD`,
    hint: () => 'write the date as YYYY-MM-DD, e.g. updated: 2026-11-23',
  },
  'date-impossible': {
    message: (p) => `${label(p.field)}: ${p.value} is not a date in the calendar`,
    hint: () => 'check the month and the day (YYYY-MM-DD): February has 28 or 29 days; April, June, September and November 30',
  },
  'field-url': {
    message: (p) => `${label(p.field)}: ${p.value} must be a web address starting with https://`,
    hint: () => 'write the whole address with https://, e.g. https://example.org/page',
  },
  'field-id': {
    message: (p) => `${label(p.field)}: ${p.value} must use lower-case Latin letters, digits and hyphens`,
    hint: () => 'e.g. cyberpolice',
  },
  'helpline-contact': {
    message: (p) => `${label(p.field)}: give a phone number or a url`,
    hint: () => 'write phone: (the number as dialled) or url: (a web address with https://)',
  },
  'field-invalid': {
    message: (p) => `${label(p.field)}: ${p.value} is not an allowed value`,
    hint: (p) => fieldHint(p.field),
  },
  'stage-missing': {
    message: () => 'the lesson has no <Stage>',
    hint: () => 'write the plan as <Stage title="…" minutes={…}> blocks at the top level',
  },
  'stage-minutes': {
    message: (p) => `duration is ${p.duration} minutes but the stages add up to ${p.total} (${p.sum})`,
    hint: (p) => `set duration: ${p.total}, or change the minutes of a stage`,
  },
  'mdx-import': {
    message: () => 'import/export statements are not allowed in a lesson',
    hint: () => 'components need no import; delete the line',
  },
  'mdx-expression': {
    message: (p) => `"{${p.code}}" is code in MDX, not text`,
    hint: () => 'to write a curly brace as text, escape it: \\{ and \\}',
  },
  'html-raw': {
    message: () => 'raw HTML is not allowed in a lesson',
    hint: () => 'use Markdown or one of the lesson components',
  },
  'mdx-unclosed-tag': {
    message: (p) => `the tag <${p.name}> opened on line ${p.line} is never closed`,
    hint: (p) => `add </${p.name}> at its end (with a blank line before it), or write <${p.name} /> when nothing goes inside`,
  },
  'mdx-tag-in-paragraph': {
    message: (p) => `<${p.name}> is opened inside a paragraph and must close in the same paragraph`,
    hint: (p) => `put <${p.name}> and </${p.name}> on lines of their own, with a blank line after the opening tag and before the closing one`,
  },
  'mdx-closing-mismatch': {
    message: (p) => `</${p.closing}> stands here, but <${p.open}> opened on line ${p.line} must be closed first`,
    hint: (p) =>
      p.caseOnly
        ? `capital and small letters differ in tag names: write the name the same in the opening and the closing tag, as the components are spelt (<${p.closing}>)`
        : `add </${p.open}> before </${p.closing}>, or correct the closing tag's name`,
  },
  'mdx-closing-without-open': {
    message: (p) =>
      p.selfClosed
        ? `the tag <${p.name} … /> closes itself here ("/>"), so </${p.name}> on line ${p.closingLine} has no opening tag`
        : `the closing tag </${p.name}> has no opening tag`,
    hint: (p) =>
      p.selfClosed ? `remove the / before > in this tag, so the text up to </${p.name}> stands inside it` : `delete the extra </${p.name}>, or add the opening <${p.name} …> above it`,
  },
  'mdx-attribute-quotes': {
    message: (p) => `the value of ${p.attribute}= is in ${p.quote} quotes, but MDX reads only straight quotes "…"`,
    hint: (p) => `write ${p.attribute}="…" with plain double quotes; «» and “” may stand only inside the text`,
  },
  'mdx-attribute-value': {
    message: (p) => `the value ${p.attribute}=${p.value} is neither in quotes nor in curly braces`,
    hint: (p) => (/^\d+$/.test(p.value) ? `write a number in curly braces: ${p.attribute}={${p.value}}` : `write text in straight quotes: ${p.attribute}="${p.value}"`),
  },
  'mdx-attribute-unclosed': {
    message: (p) => `the quotes of ${p.attribute}= are never closed`,
    hint: (p) => `close the value with a straight quote: ${p.attribute}="…"`,
  },
  'mdx-tag-unclosed': {
    message: (p) => `the tag <${p.name} does not end with >`,
    hint: (p) => `add > at the end of the tag: <${p.name} …>`,
  },
  'mdx-less-than': {
    message: () => 'MDX reads a < in text as the start of a tag',
    hint: () => 'escape it as \\< or write it in words: "less than"',
  },
  'mdx-autolink': {
    message: (p) => `<${p.address}> is not a link in MDX`,
    hint: (p) => (p.address.includes('@') ? `write [${p.address}](mailto:${p.address})` : `write [${p.address}](${p.address})`),
  },
  'mdx-brace-unclosed': {
    message: () => 'a curly brace { is opened and never closed: MDX reads everything after it as code',
    hint: () => 'to write { as text, escape it: \\{',
  },
  'mdx-expression-invalid': {
    message: (p) => `the curly braces {${p.code}} hold text where MDX expects a number or code`,
    hint: () => 'put only a number in curly braces, e.g. minutes={5}; text goes in quotes: title="…"',
  },
  'mdx-html-comment': {
    message: () => 'an HTML comment <!-- … --> does not work in MDX',
    hint: () => 'write a comment as {/* text */}, or delete it',
  },
  'mdx-syntax': {
    message: () => 'MDX cannot read the lesson from here',
    hint: (p) => `check that every <Component> is closed and that < and { in plain text are escaped as \\< and \\{ (write quotes as «…»). The MDX parser says: ${p.detail}`,
  },
  'component-unknown': {
    message: (p) => `unknown component <${p.name}>`,
    hint: (p) => `${p.guess ? `did you mean <${p.guess}>? ` : ''}lesson components are: ${list(p.components)}`,
  },
  'component-fragment': {
    message: () => 'a JSX fragment <> is not a lesson component',
    hint: (p) => `lesson components are: ${list(p.components)}`,
  },
  'component-inline': {
    message: (p) => `<${p.name}> stands inside a line of text`,
    hint: (p) => `put <${p.name}> on its own line, with a blank line before and after it`,
  },
  'component-place': {
    message: (p) => `<${p.name}> cannot stand ${place(p.where)}`,
    hint: (p) => `<${p.name}> (${meaning(p.name)}) may stand in: ${list(p.allowed.map((a) => (a === 'root' ? 'the top level' : `<${a}>`)))}`,
  },
  'answer-outside-question': {
    message: () => '<Answer> inside <Discuss> must belong to a question',
    hint: () => 'indent <Answer> under its question in the list, after a blank line',
  },
  'helplines-pupils': {
    message: (p) => `<Helplines /> inside <${p.component}> is read by pupils, who may be handed only verified contacts meant for children`,
    hint: () => 'write <Helplines reader="pupils" />',
  },
  'station-not-quest': {
    message: (p) => `<Station> is for quests, but this lesson's format is "${p.format}"`,
    hint: () => 'change format to quest, or write the activity as Markdown inside the <Stage>',
  },
  'attribute-spread': {
    message: (p) => `<${p.name}> has a spread attribute`,
    hint: () => 'write each attribute as name="value"',
  },
  'attribute-unknown': {
    message: (p) => `<${p.name}> has an unknown attribute "${p.attribute}"`,
    hint: (p) => (p.guess ? `did you mean "${p.guess}"?` : p.known.length ? `<${p.name}> takes: ${list(p.known)}` : `<${p.name}> takes no attributes`),
  },
  'attribute-missing': {
    message: (p) => `<${p.name}> needs a ${p.attribute}`,
    hint: (p) => (p.example ? `write ${p.example}` : `see docs/AUTHORING.md for <${p.name}>`),
  },
  'attribute-empty': {
    message: (p) => `<${p.name}> ${p.attribute}=${p.value}: must not be empty`,
    hint: (p) => `write ${p.attribute}="…"`,
  },
  'attribute-number': {
    message: (p) => `<${p.name}> ${p.attribute}=${p.value}: must be a whole number above zero`,
    hint: (p) => `write ${p.attribute}={5}`,
  },
  'attribute-audience': {
    message: (p) => `<${p.name}> ${p.attribute}=${p.value}: is not an audience`,
    hint: (p) => `use one of ${list(p.allowed)}`,
  },
  'attribute-kind': {
    message: (p) => `<${p.name}> ${p.attribute}=${p.value}: is not a kind of handout`,
    hint: (p) => `use one of ${list(p.allowed)}`,
  },
  'attribute-flag': {
    message: (p) => `<${p.name}> ${p.attribute}=${p.value}: is a flag and takes no value`,
    hint: (p) => `write just ${p.attribute}, e.g. <Stage title="…" minutes={5} ${p.attribute}>`,
  },
  'attribute-band': {
    message: (p) => `<${p.name}> ${p.attribute}=${p.value}: is not an age band`,
    hint: (p) => `use one of ${list(p.allowed)}`,
  },
  'attribute-reader': {
    message: (p) => `<${p.name}> ${p.attribute}=${p.value}: is not a reader`,
    hint: (p) => `use one of ${list(p.allowed)}`,
  },
  'attribute-picture-size': {
    message: (p) => `<${p.name}> ${p.attribute}=${p.value}: is not a picture size`,
    hint: (p) => `use one of ${list(p.allowed)}`,
  },
  'picture-one': {
    message: (p) => `<${p.name}> must hold exactly one picture and nothing else`,
    hint: (p) => `write ${p.example} with one picture inside: ![What it shows](./picture.svg); put text before or after it`,
  },
  'component-no-content': {
    message: (p) => `<${p.name}> takes no content`,
    hint: (p) => `write it as <${p.name} /> and put your own text outside it`,
  },
  'cards-only-card': {
    message: (p) => `<${p.name}> may contain only <Card> elements`,
    hint: () => 'wrap each card in <Card>…</Card>; put other text before the <Cards>',
  },
  'cards-empty': {
    message: (p) => `<${p.name}> has no <Card>`,
    hint: () => 'add at least one <Card>…</Card>',
  },
  'discuss-list': {
    message: () => '<Discuss> must contain a Markdown list of questions',
    hint: () => 'write each question as a list item ("1. …" or "- …"); put an intro before <Discuss>',
  },
  'component-empty': {
    message: (p) => `<${p.name}> is empty`,
    hint: (p) => `write the ${meaning(p.name)} inside it, or delete it`,
  },
  'station-order': {
    message: (p) => `<Station n={${p.n}}> is station ${p.index} in reading order`,
    hint: (p) => `number the stations 1, 2, 3 … in order: write n={${p.index}}`,
  },
  'optional-stage-help': {
    message: (p) => `this stage is optional but holds <${p.help}>: pupils learn here where to get help`,
    hint: (p) => `remove optional from this stage, or move <${p.help}> to a stage every class does`,
  },
  'fact-unknown': {
    message: (p) => `<Fact id="${p.id}"> is not in facts.yaml`,
    hint: (p) => (p.guess ? `did you mean "${p.guess}"?` : `add it to lessons/_data/facts.yaml with source: and verified:, or use one of: ${list(p.known)}`),
  },
  'action-plan-missing': {
    message: () => '<ActionPlan /> needs the shared plan, but lessons/_data/action-plan.yaml is missing or invalid',
    hint: () => 'write the plan once in lessons/_data/action-plan.yaml (see docs/AUTHORING.md)',
  },
  'action-plan-band': {
    message: (p) => `<ActionPlan band="${p.band}"> is not one of this lesson's bands (${list(p.bands)})`,
    hint: () => "leave band out to print the wording of the lesson's youngest band, or name one of its bands",
  },
  'table-too-wide': {
    message: (p) => `the table has ${p.columns} columns, more than the ${p.limit} a printed page holds readably`,
    hint: () => 'split it into narrower tables, or turn it round (the columns as rows)',
  },
  'nesting-too-deep': {
    message: (p) => `lists, quotes, components and emphasis are nested ${p.depth} levels deep here, more than the limit of ${p.limit}`,
    hint: () => 'flatten it: a lesson needs a few levels at most (a Stage, a list, an Answer inside it)',
  },
  'too-many-braces': {
    message: (p) => `the lesson has more than ${p.limit} "{" characters`,
    hint: () => 'MDX reads { as the start of code: write a curly brace in text as \\{, and keep code out of lessons',
  },
  'code-fence-unclosed': {
    message: (p) => `the code block opened with ${p.fence} on line ${p.line} is never closed: it swallows the rest of the lesson`,
    hint: (p) => `close it with ${p.fence} on a line of its own${p.stoppedAt ? ` (the MDX parser then stopped at ${p.stoppedAt})` : ''}`,
  },
  'heading-title': {
    message: (p) => `the heading "# ${p.text}" is a second lesson title in the middle of the plan`,
    hint: (p) => `the lesson's title is its title: field; for a part of the lesson write "${'#'.repeat(p.expected)} ${p.text}"`,
  },
  'heading-level': {
    message: (p) =>
      `the heading ${'#'.repeat(p.depth)} ${place(p.where)} stands at the level of ${p.where === 'root' ? 'the "Lesson plan" section' : `the <${p.where}> title`} or above it`,
    hint: (p) => `write it as ${'#'.repeat(p.expected)} (one level below)`,
  },
  'heading-skip': {
    message: (p) => `the heading ${'#'.repeat(p.depth)} skips a level: the one before it is ${'#'.repeat(p.previous)}`,
    hint: (p) => `write it as ${'#'.repeat(p.expected)}: heading levels go one at a time, so the outline reads right, in a screen reader too`,
  },
  'link-scheme': {
    message: (p) => `link "${p.url}" is not allowed: a lesson links only to web pages, e-mail addresses, phone numbers and pages of this site`,
    hint: () => 'link to a web page as https://…, to an e-mail as mailto:…, to a phone as tel:…, or to another lesson as ../slug/',
  },
  'link-no-scheme': {
    message: (p) => `link "${p.url}" has no https: in front`,
    hint: () => 'write the whole address, e.g. https://example.org/page',
  },
  'link-malformed': {
    message: (p) => (p.kind === 'phone' ? `link "${p.url}" is not a phone number` : `link "${p.url}" is not a complete web address`),
    hint: (p) => (p.kind === 'phone' ? 'write tel: and the number as dialled, e.g. tel:116111' : 'write the whole address, e.g. https://example.org/page'),
  },
  'link-lesson-missing': {
    message: (p) => `link "${p.url}" leads to the lesson "${p.slug}", and there is no such lesson`,
    hint: (p) => (p.guess ? `did you mean ../${p.guess}/?` : "a lesson's address is the name of its folder in lessons/: ../slug/"),
  },
  'link-lesson-draft': {
    message: (p) => `link "${p.url}" leads to the draft "${p.slug}", which is not published`,
    hint: () => 'remove the link while that lesson is a draft, or publish it (draft: false)',
  },
  'link-page-missing': {
    message: (p) => `link "${p.url}" leads to no page of the site`,
    hint: (p) =>
      p.guess
        ? `did you mean ${p.guess}?`
        : "from a lesson: another lesson is ../slug/, the teachers' page ../../teachers/, the parents' page ../../parents/, an age band ../../bands/5-6/",
  },
  'link-trailing-slash': {
    message: (p) => `link "${p.url}" lacks the slash at its end`,
    hint: (p) => `write ${p.fixed}: without the slash the page does not open from a USB stick`,
  },
  'link-anchor': {
    message: (p) => `link "${p.url}": the page has no stage "#${p.anchor}"`,
    hint: (p) => (p.guess ? `did you mean #${p.guess}?` : 'a stage is linked as #stage- and its title in lower case with hyphens, e.g. #stage-гра'),
  },
  'image-alt': {
    message: (p) => `image "${p.url}" has no alt text`,
    hint: () => 'describe the picture for those who cannot see it: ![Дівчинка тримає планшет](./picture.svg)',
  },
  'image-remote': {
    message: (p) => `image "${p.url}" is on another site`,
    hint: () => 'put the image file in the lesson folder and link it as ./name.svg: the site and kits work offline',
  },
  'image-url-malformed': {
    message: (p) => `image "${p.url}" has a % that does not start an escape such as %20`,
    hint: (p) => `write a per cent sign in a file name as %25: ${p.fixed} (or rename the file)`,
  },
  'image-missing': {
    message: (p) => `image "${p.url}" not found`,
    hint: (p) =>
      p.forwardSlashes
        ? `paths are written with "/", not "\\": ${p.forwardSlashes}`
        : p.guess
          ? `the lesson folder has ${p.guess}: did you mean it? (capital and small letters differ in names)`
          : `put the file next to the lesson (${p.folder}) or correct the name`,
  },
  'image-outside-lesson': {
    message: (p) => `image "${p.url}" is outside the lesson folder`,
    hint: () => 'copy the picture into the lesson folder and write ./name.svg: a lesson reads only its own files',
  },
  'image-link-outside': {
    message: (p) => `image "${p.url}" is a symbolic link to a file outside the lesson folder`,
    hint: () => 'copy the picture itself into the lesson folder: a lesson reads only its own files',
  },
  'image-not-a-file': {
    message: (p) => `image "${p.url}" ${NOT_A_FILE[p.what]}`,
    hint: () => 'link a picture file (PNG, JPEG, GIF, WebP or SVG) in the lesson folder',
  },
  'image-too-large': {
    message: (p) => `image "${p.url}" ${overLimit(p.bytes, p.limit)}`,
    hint: (p) => `save it smaller (under ${size(p.limit)}): about 2000 pixels across is plenty for print and screen`,
  },
  'image-format': {
    message: (p) => `image "${p.url}" is not a PNG, JPEG, GIF, WebP or SVG file`,
    hint: () => 'save the picture as PNG (drawings) or JPEG (photos); browsers and the kit show only these formats, GIF, WebP and SVG',
  },
  'image-corrupt': {
    message: (p) => `image "${p.url}" is not a valid ${p.format.toUpperCase()} file (its header is broken)`,
    hint: () => 'open it in an image editor and save it again',
  },
  'image-too-many-pixels': {
    message: (p) =>
      p.svgLine !== undefined
        ? `image "${p.url}" embeds a picture of ${p.width} × ${p.height} pixels, over the pixel limit of ${p.limit.toLocaleString('en')} (line ${p.svgLine} of the SVG)`
        : `image "${p.url}" is ${p.width} × ${p.height} pixels, over the pixel limit of ${p.limit.toLocaleString('en')}`,
    hint: () => 'scale it down: about 2000 pixels across is plenty for print and screen',
  },
  'svg-external': {
    message: (p) =>
      `image "${p.url}" refers to ${p.target === '@entity' ? 'an external entity' : p.target === '@import' ? 'a style sheet (@import)' : `"${p.target}"`} (line ${p.line} of the SVG)`,
    hint: () => 'an SVG picture must hold everything it draws: embed the picture, or redraw it, and save the SVG again',
  },
  'svg-script': {
    message: (p) =>
      `image "${p.url}" contains ${p.what === 'javascript' ? 'a javascript: link' : p.what.startsWith('on') ? `an event attribute (${p.what})` : `a <${p.what}> element`} (line ${p.line} of the SVG)`,
    hint: () => 'a lesson picture holds no code: remove it, or export the picture again as plain SVG',
  },
  'helplines-missing': {
    message: () => 'helplines data is missing',
    hint: () => 'create lessons/_data/helplines.yaml: a list of entries with name, phone or url, source and verified',
  },
  'helpline-unverified': {
    message: (p) => `"${p.name}" is not verified`,
    hint: () => 'confirm it from an official source, then set source: and verified: YYYY-MM-DD',
  },
  'helpline-stale': {
    message: (p) => `"${p.name}" was verified on ${p.verified}, more than ${count(p.months, 'month')} ago`,
    hint: () => "confirm it again on its source: page and set verified: to today's date",
  },
  'fact-duplicate': {
    message: (p) => `fact id "${p.id}" is used twice`,
    hint: () => 'give each fact its own id',
  },
  'fact-unverified': {
    message: (p) => `fact "${p.id}" is not verified`,
    hint: () => 'confirm it from the law text or an official source, then set verified: YYYY-MM-DD',
  },
  'fact-stale': {
    message: (p) => `fact "${p.id}" was verified on ${p.verified}, more than ${count(p.months, 'month')} ago`,
    hint: () => "confirm it again from its source (laws change) and set verified: to today's date",
  },
  'action-plan-duplicate-band': {
    message: (p) => `band ${p.band} has two wordings (entries ${p.first} and ${p.second})`,
    hint: () => 'give each band exactly one wording of the plan',
  },
  'action-plan-missing-band': {
    message: (p) => `band ${p.band} has no wording of the action plan`,
    hint: (p) => `add ${p.band} to the bands: of one entry`,
  },
  'page-missing': {
    message: (p) => `the ${p.page} page is missing`,
    hint: (p) => `write lessons/_pages/${p.page}.uk.mdx (title:, description:, then Markdown)`,
  },
  'page-name': {
    message: (p) => `"${p.name}" is not a site page`,
    hint: (p) => `pages are ${list(p.pages.map((page) => `${page}.<lang>.mdx`))} with lang one of ${list(p.langs)}`,
  },
  'page-frontmatter-missing': {
    message: () => 'the page has no frontmatter',
    hint: () => 'start with ---, title: and description:, then ---',
  },
  'page-component': {
    message: (p) => `<${p.name}> cannot be used on a site page`,
    hint: (p) => `pages may use ${list(p.allowed.map((c) => `<${c} />`))}`,
  },
  'page-action-plan-band': {
    message: () => '<ActionPlan> on a site page needs a band',
    hint: (p) => `write <ActionPlan band="5-6" />, with one of ${list(p.bands)}`,
  },
  'glossary-unused': {
    message: (p) => `the glossary term "${p.term}" is not used in the lesson`,
    hint: () => 'use the term in the lesson text, or take it out of the glossary',
  },
  'template-text': {
    message: (p) => `text from the template is still here: "${p.text}"`,
    hint: (p) =>
      p.draft
        ? 'replace the ЗАПОВНІТЬ mark with your text; while it stands the lesson cannot be published'
        : 'replace the ЗАПОВНІТЬ mark with your text, or set draft: true until the lesson is ready',
  },
  'kit-cannot-show': {
    message: (p) => `the printable kit cannot show ${p.name ? `<${p.name}>` : (NODE_NAMES[p.node] ?? `a "${p.node}" element`)}${p.inline ? ' here' : ''}`,
    hint: (p) => (p.inline ? 'write it as plain text, or move it into a paragraph of its own' : 'use paragraphs, lists, tables, pictures or a lesson component'),
  },
  'kit-picture-unreadable': {
    message: (p) => `picture "${p.url}" could not be read`,
    hint: () => 'check the file is a valid SVG, PNG or JPEG',
  },
  'kit-component-place': {
    message: (p) => `the printable kit cannot show <${p.name}> here`,
    hint: () => 'see docs/AUTHORING.md for where each component may stand',
  },
  'kit-fact-unknown': {
    message: (p) => `<Fact id="${p.id}"> is not in facts.yaml`,
    hint: () => 'npm run check lists the known ids',
  },
  'kit-action-plan-missing': {
    message: () => '<ActionPlan /> has no wording: lessons/_data/action-plan.yaml is missing or lacks this band',
    hint: () => 'npm run check names the problem in the data file',
  },
  'kit-missing-glyph': {
    message: (p) => `the kit font (PT Sans, ${p.font}) has no glyph for "${p.char}" (${p.code}); replace it or remove it`,
    hint: () => 'the kit font (PT Sans) has no such character: replace it (emoji and symbols print as blank boxes)',
  },
  'kit-card-overflow': {
    message: (p) => `the card "${p.text}" does not fit its card even at the smallest type size`,
    hint: () => 'shorten the card text: it does not fit its card even at the smallest type size',
  },
  'materials-copies': {
    message: (p) => `materials say "${p.said}" for <${p.component} title="${p.title}">, but the print guide says "${p.guide}" (audience="${p.audience}"${p.copies !== 1 ? ` copies={${p.copies}}` : ''})`,
    hint: (p) => `make them agree: set audience= (pupil, pair, team, class, leader) and copies= on the <${p.component}> at line ${p.line}, or the quantity in materials`,
  },
  'search-dictionary-missing': {
    message: (p) => `search needs the Ukrainian word-form dictionary: ${p.reason}`,
    hint: (p) => `install Debian's hunspell-uk (sudo apt-get install hunspell-uk; .ci/run does), or set ${p.variable} to a Hunspell dictionary of Ukrainian (its path without .aff/.dic)`,
  },
  'search-forms-model': {
    message: (p) => `"${p.model}" is not in the dictionary`,
    hint: (p) => `choose a dictionary word that inflects like "${p.word}"`,
  },
  'search-forms-line': {
    message: (p) => `cannot read "${p.text}"`,
    hint: () => 'write "word ~ model" (inflected like a dictionary word) or "word: form form …"',
  },
};

/** The words around messages in English. */
export const enReport: ReportStrings = {
  error: 'error',
  warning: 'warning',
  hint: 'hint',
  rule: 'rule',
  summary: (errors: number, warnings: number) => `${count(errors, 'error')}, ${count(warnings, 'warning')}`,
  checked: (files: number, summary: string) => `checked ${count(files, 'lesson file')} and their kits: ${summary}`,
  buildStopped: (summary: string, dist: string) => `build stopped: ${summary}. ${dist}/ was left as it was.`,
  kitsStopped: (n: number, dist: string) => `build stopped: ${n} kit(s) could not be rendered. ${dist}/ was left as it was.`,
  lessonsSummary: (summary: string) => `lessons: ${summary}`,
  progress: {
    pages: (done: number, rate: string) => `pages ${done} (${rate}/s)`,
    kits: (done: number, total: number, cached: number, rate: string) => `kits ${done}/${total} (cached ${cached}, ${rate}/s)`,
    searchIndex: (done: number, total: number, rate: string) => `pages indexed ${done}/${total} (${rate}/s)`,
    bundle: (done: number, total: number, rate: string) => `files zipped ${done}/${total} (${rate}/s)`,
    kitsDone: (rendered: number, cached: number, ahead = 0) =>
      `${rendered} rendered${ahead ? ` (${ahead} of them ahead, while the lessons were checked)` : ''}, ${cached} from the cache (unchanged)`,
  },
  errorPageTitle: 'This lesson has errors',
  errorPageLead: 'The lesson is not shown because it has errors. Fix them and save the file: this page reloads by itself.',
  errorPageWarnings: 'Warnings (the lesson shows, but they are worth fixing)',
  errorPageGuide: 'What each rule means: docs/AUTHORING.md, section "Check rules".',
  errorPageLine: (line: number) => `line ${line}`,
  create: {
    intro: 'A new lesson from a template. Answer the questions (Enter takes the suggestion in brackets).',
    title: 'Title of the lesson: ',
    bands: (ids: string) => `Age bands, separated by commas (${ids}): `,
    format: (choices: string, suggested: string) => `Format — ${choices} [${suggested}]: `,
    slug: (suggested: string) => `Address of the lesson, in Latin letters (its folder) [${suggested}]: `,
    titleEmpty: 'The title cannot be empty.',
    titleLong: 'The title is too long: 120 characters at most.',
    bandsWrong: (wrong: string, ids: string) => `"${wrong}" is not an age band. Bands: ${ids}.`,
    formatWrong: (wrong: string, ids: string) => `"${wrong}" is not a format. Formats: ${ids}.`,
    slugWrong: (slug: string) => `"${slug}" will not do: lower-case Latin letters, digits and hyphens only, e.g. moi-dorosli.`,
    exists: (folder: string) => `${folder} already exists: no lesson was overwritten. Choose another address (--slug).`,
    noAnswer: (question: string) => `No answer to "${question.trim()}": give it as a flag (npm run new -- --help).`,
    created: (file: string) => `Created ${file}, a draft (draft: true): it shows in npm run dev only.`,
    next: (slug: string) =>
      [
        'Next:',
        `  1. npm run dev and open http://localhost:4321/lessons/${slug}/ — the lesson follows every save;`,
        '  2. replace every "ЗАПОВНІТЬ" with your text (npm run check lists those left);',
        '  3. when the lesson is ready, write draft: false and open a pull request (docs/AUTHORING.md).',
      ].join('\n'),
    help: [
      'npm run new — a new lesson from a template (templates/).',
      '',
      'Without flags it asks for the title, age bands, format and address. Flags for scripts:',
      '  --title "Title"           the title',
      '  --bands 5-6,7-8           age bands',
      '  --format lesson|quest|session',
      '  --slug my-address         the address (folder name); default: the title transliterated',
      '  --lang uk|en              language of messages',
    ].join('\n'),
  },
};
