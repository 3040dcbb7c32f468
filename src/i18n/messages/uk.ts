/**
 * The checker's messages in Ukrainian: the default language and the reference for every other (each rule's parameters
 * are defined here). One entry per rule id; the id is printed with the message, and docs/AUTHORING.uk.md lists every
 * rule with its fix.
 */
import { entry, type NotAFile, type SizedFile } from './types.ts';
import { plural } from '../uk.ts';

/** A size in words: "312 КБ", "18,5 МБ". */
export function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} КБ`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '').replace('.', ',')} МБ`;
}

/** A size over a limit, exact in bytes when both round to the same number. */
function overLimit(bytes: number, limit: number): string {
  return size(bytes) === size(limit) ? `більший за межу ${size(limit)} (${bytes} байтів)` : `має ${size(bytes)}, а межа — ${size(limit)}`;
}

/** What a thing is instead of a file. */
const NOT_A_FILE: Record<NotAFile, string> = {
  folder: 'тека, а не файл',
  pipe: 'іменований канал (pipe), а не файл',
  device: 'пристрій, а не файл',
  socket: 'сокет, а не файл',
  special: 'не звичайний файл',
  missing: 'не існує',
};

/** The file a limit was met by. */
const SIZED: Record<SizedFile, string> = { lesson: 'файл уроку', data: 'файл', picture: 'малюнок' };

/** A field's path for a message: `[2].verified` is the second entry of a data file; list positions are left out (the value is quoted). */
const label = (field: string) => field.replace(/\.\d+(?=\.|$)/g, '').replace(/^\[(\d+)\]/, 'запис $1');

/** A list for a message. */
const list = (items: readonly string[]) => items.join(', ');

/** «Did you mean» when there is a guess. */
const guessed = (guess: string | undefined, rest = '') => (guess ? `можливо, ви мали на увазі «${guess}»? ${rest}`.trim() : rest);

/** A component as the top level or a tag, for "stands in" messages. */
const place = (where: string) => (where === 'root' ? 'на верхньому рівні уроку' : `усередині <${where}>`);

/** What a value of a field must be. */
const EXPECTED: Record<string, string> = {
  text: 'текст',
  number: 'число',
  list: 'список',
  fields: 'набір полів',
  'yes-no': 'true або false',
  date: 'дату',
};

/** What a field is, for hints: how to write it right. */
export const fieldHints: Record<string, string> = {
  title: 'назва уроку одним рядком, до 120 знаків, наприклад: title: Мої дорослі',
  summary: 'одне-два повні речення (від 20 до 400 знаків) для картки уроку, пошуку й обкладинки набору',
  bands: 'одна чи кілька вікових груп у квадратних дужках: bands: [7-8, 9-11]',
  format: 'lesson (урок), quest (квест) або session (заняття для дошкільнят)',
  duration: 'загальна кількість хвилин цілим числом, наприклад: duration: 45',
  topics: 'одна чи кілька тем зі списку в квадратних дужках, наприклад: topics: [privacy, trusted-adults]',
  objectives: 'від 2 до 5 пунктів, кожен з нового рядка після «  - », наприклад: «Учні зможуть назвати…»',
  materials: 'список: кожен пункт з нового рядка після «  - »',
  preparation: 'список: кожен пункт з нового рядка після «  - »',
  glossary: 'кожен запис — «  - term: …» і під ним «    definition: …»',
  sensitivity: 'sensitivity: з полями level: low|medium|high і notes: — список порад для вчителя',
  updated: 'дата у форматі РРРР-ММ-ДД, наприклад: updated: 2026-11-23',
  verified: 'дата перевірки у форматі РРРР-ММ-ДД або null, якщо перевірити не вдалося',
  authors: 'справжні імена людей або роль, наприклад [Команда проєкту]; ніколи не вигадані імена',
  reviewers: 'імена методистів, які переглянули урок; порожній список [], поки ніхто не переглянув',
  license: 'CC-BY-SA-4.0, CC-BY-4.0 або CC0-1.0 (або приберіть поле — тоді CC-BY-SA-4.0)',
  draft: 'draft: true (чернетка, не публікується) або draft: false',
  id: 'латинські малі літери, цифри й дефіси, наприклад: cyberpolice',
  source: 'повна адреса сторінки, з якої перевірено факт, з https://',
  url: 'повна вебадреса з https://',
  description: 'одне речення для пошуку й опису сторінки',
};

/** The hint of a field by its name (the last word of a path such as `sensitivity.level`), or a general one. */
export function fieldHint(field: string): string {
  const name = field.split('.').filter((part) => !/^\d+$/.test(part) && !/^\[\d+\]$/.test(part)).at(-1) ?? field;
  return fieldHints[name] ?? 'див. приклад у docs/AUTHORING.uk.md';
}

/** The Ukrainian catalogue: rule id → message and hint. */
export const uk = {
  // --- How the file is saved ---
  'file-encoding': entry({
    message: () => 'файл збережено не в кодуванні UTF-8',
    hint: () => 'збережіть його як UTF-8 (Windows-1251 та інші кодування не читаються); у VS Code: «Save with Encoding» → UTF-8',
  }),
  'file-line-endings': entry({
    message: () => 'рядки файлу розділено самим символом CR (старий стиль Mac)',
    hint: () => 'збережіть файл із розривами рядків LF; у VS Code клацніть «CR» чи «CRLF» у рядку стану й виберіть LF',
  }),
  'file-bom': entry({
    message: () => 'файл починається з позначки порядку байтів (BOM)',
    hint: () => 'збережіть файл як UTF-8 без BOM (у VS Code: «UTF-8 with BOM» у рядку стану → «Save with Encoding» → UTF-8)',
  }),
  'control-character': entry({
    message: (p: { code: string }) => `тут стоїть невидимий керівний символ (${p.code})`,
    hint: () => 'видаліть його: передрукуйте текст довкола (такі символи часто з’являються, коли копіюють із PDF чи чату)',
  }),
  'file-too-large': entry({
    message: (p: { file: SizedFile; bytes: number; limit: number }) => `${SIZED[p.file]} ${overLimit(p.bytes, p.limit)}`,
    hint: (p) => (p.file === 'lesson' ? 'розділіть його на два уроки' : 'розділіть дані на менші файли або скоротіть їх'),
  }),
  'lesson-outside': entry({
    message: (p: { target: string; folder: boolean }) =>
      p.folder ? `тека уроку — символьне посилання на ${p.target}, поза текою lessons` : `файл уроку — символьне посилання на ${p.target}, поза текою уроку`,
    hint: () => 'урок — це текстовий файл index.mdx (або index.<мова>.mdx) у власній теці в lessons/, а не посилання на нього',
  }),
  'lesson-not-a-file': entry({
    message: (p: { what: NotAFile }) => `файл уроку — ${NOT_A_FILE[p.what]}`,
    hint: () => 'урок — це текстовий файл index.mdx (або index.<мова>.mdx) у власній теці в lessons/, а не посилання на нього',
  }),
  'data-not-a-file': entry({
    message: (p: { what: NotAFile | 'outside' | 'link-outside'; target?: string }) =>
      p.what === 'outside'
        ? 'файл лежить поза текою, з якої його можна читати'
        : p.what === 'link-outside'
          ? `файл — символьне посилання на ${p.target}, поза текою, з якої його можна читати`
          : `файл — ${NOT_A_FILE[p.what]}`,
    hint: () => 'зберігайте спільні дані звичайними текстовими файлами просто в теці lessons/_data (чи lessons/_pages)',
  }),
  'lesson-slug': entry({
    message: (p: { slug: string; suggestion?: string }) => `назва теки «${p.slug}» не годиться як адреса уроку`,
    hint: (p) =>
      `адреса уроку — латинські малі літери, цифри й дефіси, транслітерація назви${p.suggestion ? `: перейменуйте теку на ${p.suggestion}` : ', наприклад moia-persha-podorozh'} (її пропонує команда «npm run new»)`,
  }),
  'lesson-file-name': entry({
    message: (p: { name: string; langs: string }) => `«${p.name}» — не назва файлу уроку`,
    hint: (p) => `назвіть його index.mdx (українською) або index.<мова>.mdx, де мова — одна з: ${p.langs}`,
  }),
  'lesson-folder-empty': entry({
    message: (p: { folder: string }) => `тека ${p.folder} — не урок: у ній немає файлу index.mdx`,
    hint: () => 'почніть урок командою «npm run new» або перенесіть файли в теку наявного уроку; порожню теку видаліть',
  }),
  'lesson-duplicate': entry({
    message: (p: { a: string; b: string; lang: string; slug: string }) =>
      `${p.a} і ${p.b} — обидва ${p.lang === 'uk' ? 'український' : `«${p.lang}»`} урок «${p.slug}»`,
    hint: (p) =>
      p.lang === 'uk'
        ? 'тримайте український урок лише в index.mdx: об’єднайте два файли й видаліть зайвий'
        : `залиште один файл index.${p.lang}.mdx: об’єднайте два й видаліть зайвий`,
  }),
  'translation-orphan': entry({
    message: (p: { slug: string }) => `переклад без оригіналу: бракує lessons/${p.slug}/index.mdx`,
    hint: () => 'спершу напишіть український урок; переклад лежить поруч із ним',
  }),
  'translation-differs': entry({
    message: (p: { fields: string[] }) => `переклад відрізняється від оригіналу в полях: ${list(p.fields)}`,
    hint: () => 'переклад — той самий урок: скопіюйте ці поля з index.mdx',
  }),
  'protocol-missing': entry({
    message: () => 'бракує спільного протоколу дій у разі розкриття (safeguarding.uk.md)',
    hint: () => 'напишіть його один раз у lessons/_data/safeguarding.uk.md (звичайний Markdown); його показує кожен <Safeguarding />',
  }),
  'shared-text-missing': entry({
    message: () => 'файлу немає',
    hint: () => 'напишіть його звичайним Markdown у lessons/_data/',
  }),

  // --- Frontmatter and YAML ---
  'frontmatter-missing': entry({
    message: () => 'в уроці немає шапки (frontmatter)',
    hint: () => 'почніть файл рядком ---, далі поля (title:, summary: …), потім знову --- (див. docs/AUTHORING.uk.md)',
  }),
  'frontmatter-unclosed': entry({
    message: () => 'шапку, відкриту рядком --- у рядку 1, ніде не закрито',
    hint: () => 'завершіть поля рядком із трьох дефісів: ---',
  }),
  'frontmatter-not-fields': entry({
    message: (_p: { noSpace?: string }) => 'шапка має бути списком полів (назва: значення)',
    hint: (p) =>
      p.noSpace ? `після двокрапки потрібен пробіл: «${p.noSpace}»` : 'див. приклад шапки в docs/AUTHORING.uk.md',
  }),
  'yaml-tab': entry({
    message: () => 'YAML: відступ зроблено табуляцією',
    hint: () => 'YAML рахує лише пробіли: замініть табуляцію двома пробілами (у VS Code: «Convert Indentation to Spaces»)',
  }),
  'yaml-duplicate-key': entry({
    message: (p: { key: string }) => `YAML: поле «${p.key}» записано двічі`,
    hint: () => 'кожне поле буває один раз: видаліть повтор або об’єднайте два записи',
  }),
  'yaml-colon': entry({
    message: (p: { key: string; fixed: string }) => `YAML: у значенні поля «${p.key}» є двокрапка з пробілом, і YAML читає її як нове поле`,
    hint: (p) => `візьміть усе значення в лапки: ${p.fixed}`,
  }),
  'yaml-indent': entry({
    message: () => 'YAML: цей рядок має більший відступ, ніж поле над ним',
    hint: () => 'поля шапки починаються з початку рядка; відступ (два пробіли) мають лише пункти списку й поля всередині sensitivity: чи glossary:',
  }),
  'yaml-quote-unclosed': entry({
    message: (p: { quote: string }) => `YAML: лапки ${p.quote}, відкриті тут, ніде не закрито`,
    hint: (p) => `закрийте значення такими самими лапками ${p.quote} у кінці рядка`,
  }),
  'yaml-quote-inside': entry({
    message: (p: { quote: string }) => `YAML: значення в лапках ${p.quote} закінчується раніше, ніж рядок: усередині є ще такі самі лапки`,
    hint: (p) =>
      p.quote === "'"
        ? 'в українських словах пишіть апостроф ’ (пам’ятка), а не \'; або подвойте його всередині лапок: \'пам\'\'ятка\''
        : 'лапки всередині тексту пишіть як «…», а значення беріть у прямі лапки "…"',
  }),
  'yaml-bracket-unclosed': entry({
    message: (p: { bracket: string }) => `YAML: список, відкритий дужкою ${p.bracket}, не закрито`,
    hint: (p) => `закрийте його дужкою ${p.bracket === '[' ? ']' : '}'} у тому самому рядку, наприклад: bands: [7-8, 9-11]`,
  }),
  'yaml-reserved-start': entry({
    message: (p: { char: string }) => `YAML: значення не може починатися зі знака ${p.char}`,
    hint: () => 'візьміть усе значення в лапки: title: "…"',
  }),
  'yaml-list-same-line': entry({
    message: (p: { key: string }) => `YAML: пункт списку стоїть у рядку поля «${p.key}»`,
    hint: (p) => `пишіть пункти з нового рядка, кожен після двох пробілів і «- »:\n${p.key}:\n  - перший пункт`,
  }),
  'yaml-space-after-colon': entry({
    message: (p: { key: string }) => `YAML: після «${p.key}:» немає пробілу`,
    hint: (p) => `поставте пробіл після двокрапки: ${p.key}: …`,
  }),
  'yaml-list-without-field': entry({
    message: () => 'YAML: пункт списку стоїть без поля, до якого належить',
    hint: () => 'пункти пишуть під своїм полем, з відступом у два пробіли: «objectives:», а нижче «  - …»',
  }),
  'yaml-syntax': entry({
    message: (p: { code: string }) => `YAML: цей рядок не вдається прочитати (${p.code})`,
    hint: () => 'перевірте відступи (лише пробіли) і візьміть у лапки текст, де є «: » або який починається зі знака: title: "Стоп: це секрет"',
  }),
  'yaml-alias': entry({
    message: () => 'YAML: псевдоніми (*назва) тут не дозволені',
    hint: () => 'запишіть значення повністю там, де воно потрібне',
  }),
  'yaml-too-deep': entry({
    message: () => 'YAML: значення вкладено одне в одне надто глибоко',
    hint: () => 'поля уроку вкладені щонайбільше на три рівні (glossary: - term: …): приберіть зайві [ або відступи',
  }),
  'yaml-comment-in-value': entry({
    message: (p: { value: string }) => `текст від «#» — це коментар YAML, і його не видно у значенні «${p.value}»`,
    hint: () => 'візьміть усе значення в лапки, наприклад: name: "Чат-бот #stop_sexting"',
  }),
  'field-unknown': entry({
    message: (p: { field: string; guess?: string; fields: string[] }) => `невідоме поле «${label(p.field)}»`,
    hint: (p) => guessed(p.guess) || `тут можуть бути поля: ${list(p.fields)}`,
  }),
  'field-missing': entry({
    message: (p: { field: string }) => `бракує поля «${label(p.field)}»`,
    hint: (p) => fieldHint(p.field),
  }),
  'field-type': entry({
    message: (p: { field: string; value: string; expected: string; dashItem?: string; commaList?: boolean; colonItem?: boolean }) =>
      `${label(p.field)}: ${p.value} — тут має бути ${EXPECTED[p.expected] ?? p.expected}`,
    hint: (p) =>
      p.dashItem
        ? `пункт списку починається дефісом і пробілом «- », а тут стоїть «${p.dashItem}» (тире): замініть його на -`
        : p.commaList
          ? `візьміть перелік у квадратні дужки: ${label(p.field)}: [${p.value.replace(/^"|"$/g, '')}]`
          : p.colonItem
            ? 'у тексті пункту є «: », і YAML прочитав його як поле: візьміть пункт у лапки, наприклад: - "Тема: секрети"'
            : fieldHint(p.field),
  }),
  'field-empty': entry({
    message: (p: { field: string }) => `${label(p.field)}: порожнє значення`,
    hint: (p) => fieldHint(p.field),
  }),
  'field-value': entry({
    message: (p: { field: string; value: string; allowed: string[]; guess?: string; lookalike?: string; dash?: string }) =>
      `${label(p.field)}: ${p.value} — недозволене значення`,
    hint: (p) =>
      p.lookalike
        ? `у значенні є кирилична літера «${p.lookalike}», схожа на латинську: наберіть його латиницею (${list(p.allowed)})`
        : p.dash
          ? `тут стоїть тире «${p.dash}»: пишіть звичайний дефіс -`
          : guessed(p.guess, `можливі значення: ${list(p.allowed)}`),
  }),
  'bands-value': entry({
    message: (p: { field: string; value: string; lookalike?: string; dash?: string; sevenToEleven?: boolean }) =>
      `${label(p.field)}: ${p.value} — це не вікова група`,
    hint: (p) =>
      p.sevenToEleven
        ? '7–11 клас — це дві групи: bands: [7-8, 9-11]'
        : p.lookalike
          ? `у значенні є літера «${p.lookalike}», а групи пишуть лише цифрами й дефісом: 4-6, 1-2, 3-4, 5-6, 7-8, 9-11`
          : p.dash
            ? `між числами стоїть тире «${p.dash}»: пишіть звичайний дефіс, наприклад 7-8`
            : 'вкажіть одну чи кілька груп: 4-6, 1-2, 3-4, 5-6, 7-8, 9-11, наприклад bands: [7-8, 9-11]',
  }),
  'topics-value': entry({
    message: (p: { field: string; value: string; guess?: string; topics: string[] }) => `${label(p.field)}: ${p.value} — такої теми немає у списку`,
    hint: (p) => guessed(p.guess, `теми: ${list(p.topics)}`),
  }),
  'format-value': entry({
    message: (p: { value: string; guess?: string }) => `format: ${p.value} — такого формату немає`,
    hint: (p) => guessed(p.guess, 'вкажіть lesson (урок), quest (квест) або session (заняття для дошкільнят)'),
  }),
  'license-value': entry({
    message: (p: { value: string }) => `license: ${p.value} — такої ліцензії немає у списку`,
    hint: () => 'вкажіть CC-BY-SA-4.0, CC-BY-4.0 або CC0-1.0 (або приберіть поле — тоді CC-BY-SA-4.0)',
  }),
  'sensitivity-level': entry({
    message: (p: { value: string }) => `sensitivity.level: ${p.value} — такого рівня немає`,
    hint: () => 'вкажіть low (низька), medium (середня) або high (висока)',
  }),
  'duration-value': entry({
    message: (p: { value: string }) => `duration: ${p.value} — тривалість має бути цілим числом хвилин від 1 до 240`,
    hint: () => 'напишіть загальну кількість хвилин цифрами, наприклад: duration: 45',
  }),
  'list-too-short': entry({
    message: (p: { field: string; min: number }) => `${label(p.field)}: потрібно щонайменше ${p.min} ${plural(p.min, 'пункт', 'пункти', 'пунктів')}`,
    hint: (p) => fieldHint(p.field),
  }),
  'list-too-long': entry({
    message: (p: { field: string; max: number }) => `${label(p.field)}: можна щонайбільше ${p.max} ${plural(p.max, 'пункт', 'пункти', 'пунктів')}`,
    hint: (p) => fieldHint(p.field),
  }),
  'objectives-count': entry({
    message: (p: { count: number }) => `objectives: ${p.count} ${plural(p.count, 'ціль', 'цілі', 'цілей')}, а треба від 2 до 5`,
    hint: () => 'запишіть від 2 до 5 цілей, кожна починається тим, що учні зможуть зробити: «Учні зможуть…»',
  }),
  'text-too-long': entry({
    message: (p: { field: string; max: number; length: number }) => `${label(p.field)}: ${p.length} ${plural(p.length, 'знак', 'знаки', 'знаків')}, а можна щонайбільше ${p.max}`,
    hint: (p) => `скоротіть текст до ${p.max} ${plural(p.max, 'знака', 'знаків', 'знаків')}`,
  }),
  'text-too-short': entry({
    message: (p: { field: string; min: number; length: number }) => `${label(p.field)}: лише ${p.length} ${plural(p.length, 'знак', 'знаки', 'знаків')}, а треба щонайменше ${p.min}`,
    hint: (p) => fieldHint(p.field),
  }),
  'date-format': entry({
    message: (p: { field: string; value: string }) => `${label(p.field)}: ${p.value} — дату треба писати у форматі РРРР-ММ-ДД`,
    hint: () => 'напишіть дату так: 2026-11-23 (рік, місяць, день через дефіс)',
  }),
  'date-impossible': entry({
    message: (p: { field: string; value: string }) => `${label(p.field)}: ${p.value} — такого дня в календарі немає`,
    hint: () => 'перевірте місяць і день (РРРР-ММ-ДД): у лютому 28 або 29 днів, у квітні, червні, вересні й листопаді — 30',
  }),
  'field-url': entry({
    message: (p: { field: string; value: string }) => `${label(p.field)}: ${p.value} — це не повна вебадреса`,
    hint: () => 'напишіть повну адресу з https://, наприклад https://example.org/storinka',
  }),
  'field-id': entry({
    message: (p: { field: string; value: string }) => `${label(p.field)}: ${p.value} — ідентифікатор містить недозволені знаки`,
    hint: () => 'пишіть латинськими малими літерами, цифрами й дефісами, наприклад: cyberpolice',
  }),
  'helpline-contact': entry({
    message: (p: { field: string }) => `${label(p.field)}: немає ні телефону, ні адреси`,
    hint: () => 'вкажіть phone: (номер, як його набирати) або url: (вебадреса з https://)',
  }),
  'field-invalid': entry({
    message: (p: { field: string; value: string }) => `${label(p.field)}: ${p.value} — недозволене значення`,
    hint: (p) => fieldHint(p.field),
  }),

  // --- The plan: stages and minutes ---
  'stage-missing': entry({
    message: () => 'в уроці немає жодного <Stage>',
    hint: () => 'запишіть план етапами <Stage title="…" minutes={…}> на верхньому рівні уроку',
  }),
  'stage-minutes': entry({
    message: (p: { duration: number; total: number; sum: string }) =>
      `duration — ${p.duration} хв, а етапи разом дають ${p.total} (${p.sum})`,
    hint: (p) => `напишіть duration: ${p.total} або змініть хвилини якогось етапу`,
  }),

  // --- MDX: how the body is written ---
  'mdx-import': entry({
    message: () => 'рядки import/export в уроці не дозволені',
    hint: () => 'компоненти не треба імпортувати: видаліть цей рядок',
  }),
  'mdx-expression': entry({
    message: (p: { code: string }) => `«{${p.code}}» — це код у MDX, а не текст`,
    hint: () => 'щоб написати фігурну дужку як текст, поставте перед нею зворотну скісну риску: \\{ і \\}',
  }),
  'html-raw': entry({
    message: () => 'HTML-код в уроці не дозволений',
    hint: () => 'пишіть Markdown або один із компонентів уроку',
  }),
  'mdx-unclosed-tag': entry({
    message: (p: { name: string; line: number }) => `тег <${p.name}>, відкритий у рядку ${p.line}, ніде не закрито`,
    hint: (p) => `додайте </${p.name}> у кінці (з порожнім рядком перед ним) або, якщо всередині нічого немає, напишіть <${p.name} />`,
  }),
  'mdx-tag-in-paragraph': entry({
    message: (p: { name: string }) => `<${p.name}> відкрито посеред абзацу, і він мусить закритися в тому самому абзаці`,
    hint: (p) => `поставте <${p.name}> і </${p.name}> на окремі рядки, з порожнім рядком після відкривного тегу й перед закривним`,
  }),
  'mdx-closing-mismatch': entry({
    message: (p: { closing: string; open: string; line: number; caseOnly: boolean }) =>
      `тут стоїть </${p.closing}>, а спершу треба закрити <${p.open}>, відкритий у рядку ${p.line}`,
    hint: (p) =>
      p.caseOnly
        ? `великі й малі літери в назвах тегів різняться: напишіть назву однаково у відкривному й закривному тегах, як у переліку компонентів (<${p.closing}>)`
        : `додайте </${p.open}> перед </${p.closing}> або виправте назву закривного тегу`,
  }),
  'mdx-closing-without-open': entry({
    message: (p: { name: string; closingLine: number; selfClosed: boolean }) =>
      p.selfClosed
        ? `тег <${p.name} … /> закривається тут же (через «/>»), тому </${p.name}> у рядку ${p.closingLine} не має пари`
        : `закривний тег </${p.name}> не має пари: такий тег тут не відкрито`,
    hint: (p) =>
      p.selfClosed
        ? `приберіть / перед > у цьому тегу, щоб текст до </${p.name}> опинився всередині`
        : `видаліть зайвий </${p.name}> або додайте відкривний <${p.name} …> вище`,
  }),
  'mdx-attribute-quotes': entry({
    message: (p: { attribute: string; quote: string }) => `значення ${p.attribute}= взято в лапки ${p.quote}, а MDX розуміє лише прямі лапки "…"`,
    hint: (p) => `напишіть ${p.attribute}="…" звичайними подвійними лапками (клавіша Shift+' в англійській розкладці); лапки «» і “” можна лише всередині тексту`,
  }),
  'mdx-attribute-value': entry({
    message: (p: { attribute: string; value: string }) => `значення ${p.attribute}=${p.value} не взято ні в лапки, ні у фігурні дужки`,
    hint: (p) => (/^\d+$/.test(p.value) ? `число пишуть у фігурних дужках: ${p.attribute}={${p.value}}` : `текст пишуть у прямих лапках: ${p.attribute}="${p.value}"`),
  }),
  'mdx-attribute-unclosed': entry({
    message: (p: { attribute: string }) => `лапки значення ${p.attribute}= ніде не закрито`,
    hint: (p) => `закрийте значення прямими лапками: ${p.attribute}="…"`,
  }),
  'mdx-tag-unclosed': entry({
    message: (p: { name: string }) => `тег <${p.name} не закінчується знаком >`,
    hint: (p) => `допишіть > у кінці тегу: <${p.name} …>`,
  }),
  'mdx-less-than': entry({
    message: () => 'знак < у тексті MDX читає як початок тегу',
    hint: () => 'поставте перед ним зворотну скісну риску (\\<) або напишіть словами: «менше ніж»',
  }),
  'mdx-autolink': entry({
    message: (p: { address: string }) => `<${p.address}> у MDX не стає посиланням`,
    hint: (p) => (p.address.includes('@') ? `напишіть [${p.address}](mailto:${p.address})` : `напишіть [${p.address}](${p.address})`),
  }),
  'mdx-brace-unclosed': entry({
    message: () => 'фігурну дужку { відкрито й ніде не закрито: MDX читає все далі як код',
    hint: () => 'щоб написати { як текст, поставте перед нею зворотну скісну риску: \\{',
  }),
  'mdx-expression-invalid': entry({
    message: (p: { code: string }) => `у фігурних дужках {${p.code}} має бути лише число чи код, а тут текст`,
    hint: () => 'у фігурних дужках пишіть лише число, наприклад minutes={5}; текст беріть у лапки: title="…"',
  }),
  'mdx-html-comment': entry({
    message: () => 'коментар <!-- … --> у MDX не працює',
    hint: () => 'напишіть коментар так: {/* текст */} або видаліть його',
  }),
  'mdx-syntax': entry({
    message: (_p: { detail: string }) => 'MDX не може прочитати урок з цього місця',
    hint: (p) =>
      `перевірте, що кожен <Компонент> закрито, а < і { у звичайному тексті записано як \\< і \\{ (лапки пишіть як «…»). Розбірник MDX каже: ${p.detail}`,
  }),

  // --- Components ---
  'component-unknown': entry({
    message: (p: { name: string; guess?: string; components: string[] }) => `невідомий компонент <${p.name}>`,
    hint: (p) =>
      `${p.guess ? `можливо, ви мали на увазі <${p.guess}>? ` : ''}компоненти уроку: ${list(p.components)}`,
  }),
  'component-fragment': entry({
    message: (_p: { components: string[] }) => 'порожній тег <> — не компонент уроку',
    hint: (p) => `видаліть <> і </> або напишіть один із компонентів: ${list(p.components)}`,
  }),
  'component-inline': entry({
    message: (p: { name: string }) => `<${p.name}> стоїть посеред рядка тексту`,
    hint: (p) => `поставте <${p.name}> на окремий рядок, з порожнім рядком перед ним і після нього`,
  }),
  'component-place': entry({
    message: (p: { name: string; where: string; allowed: string[] }) => `<${p.name}> не може стояти ${place(p.where)}`,
    hint: (p) => `<${p.name}> може стояти: ${list(p.allowed.map((a) => (a === 'root' ? 'на верхньому рівні' : `у <${a}>`)))}`,
  }),
  'answer-outside-question': entry({
    message: () => '<Answer> усередині <Discuss> має належати запитанню',
    hint: () => 'поставте <Answer> під його запитанням у списку, з відступом і після порожнього рядка',
  }),
  'helplines-pupils': entry({
    message: (p: { component: string }) =>
      `<Helplines /> усередині <${p.component}> читають учні, а їм можна давати лише перевірені контакти для дітей`,
    hint: () => 'напишіть <Helplines reader="pupils" />',
  }),
  'station-not-quest': entry({
    message: (p: { format: string }) => `<Station> буває лише в квестах, а формат цього уроку — «${p.format}»`,
    hint: () => 'змініть format на quest або запишіть завдання звичайним текстом усередині <Stage>',
  }),
  'attribute-spread': entry({
    message: (p: { name: string }) => `<${p.name}> має атрибут-розгортання {...}`,
    hint: () => 'пишіть кожен атрибут окремо: назва="значення"',
  }),
  'attribute-unknown': entry({
    message: (p: { name: string; attribute: string; guess?: string; known: string[] }) => `<${p.name}> має невідомий атрибут «${p.attribute}»`,
    hint: (p) => (p.guess ? `можливо, ви мали на увазі «${p.guess}»?` : p.known.length ? `<${p.name}> приймає: ${list(p.known)}` : `<${p.name}> не приймає атрибутів`),
  }),
  'attribute-missing': entry({
    message: (p: { name: string; attribute: string; example?: string }) => `у <${p.name}> бракує атрибута ${p.attribute}`,
    hint: (p) => (p.example ? `напишіть ${p.example}` : `див. <${p.name}> у docs/AUTHORING.uk.md`),
  }),
  'attribute-empty': entry({
    message: (p: { name: string; attribute: string; value: string }) => `<${p.name}> ${p.attribute}=${p.value}: значення порожнє`,
    hint: (p) => `напишіть ${p.attribute}="…"`,
  }),
  'attribute-number': entry({
    message: (p: { name: string; attribute: string; value: string }) => `<${p.name}> ${p.attribute}=${p.value}: має бути ціле число, більше за нуль`,
    hint: (p) => `напишіть ${p.attribute}={5}`,
  }),
  'attribute-audience': entry({
    message: (p: { name: string; attribute: string; value: string; allowed: string[] }) => `<${p.name}> ${p.attribute}=${p.value}: такої аудиторії немає`,
    hint: (p) => `вкажіть одне з: ${list(p.allowed)}`,
  }),
  'attribute-kind': entry({
    message: (p: { name: string; attribute: string; value: string; allowed: string[] }) => `<${p.name}> ${p.attribute}=${p.value}: такого виду роздатки немає`,
    hint: (p) => `вкажіть одне з: ${list(p.allowed)}`,
  }),
  'attribute-flag': entry({
    message: (p: { name: string; attribute: string; value: string }) => `<${p.name}> ${p.attribute}=${p.value}: це позначка, вона не має значення`,
    hint: (p) => `напишіть просто ${p.attribute}, наприклад <Stage title="…" minutes={5} ${p.attribute}>`,
  }),
  'attribute-band': entry({
    message: (p: { name: string; attribute: string; value: string; allowed: string[] }) => `<${p.name}> ${p.attribute}=${p.value}: такої вікової групи немає`,
    hint: (p) => `вкажіть одну з: ${list(p.allowed)}`,
  }),
  'attribute-reader': entry({
    message: (p: { name: string; attribute: string; value: string; allowed: string[] }) => `<${p.name}> ${p.attribute}=${p.value}: такого читача немає`,
    hint: (p) => `вкажіть одне з: ${list(p.allowed)}`,
  }),
  'attribute-picture-size': entry({
    message: (p: { name: string; attribute: string; value: string; allowed: string[] }) => `<${p.name}> ${p.attribute}=${p.value}: такого розміру малюнка немає`,
    hint: (p) => `вкажіть одне з: ${list(p.allowed)}`,
  }),
  'picture-one': entry({
    message: (p: { name: string; example: string }) => `<${p.name}> має містити рівно один малюнок і нічого більше`,
    hint: (p) => `напишіть ${p.example}, а всередині — один малюнок: ![Що зображено](./picture.svg); текст поставте перед ним або після`,
  }),
  'component-no-content': entry({
    message: (p: { name: string }) => `<${p.name}> не може нічого містити всередині`,
    hint: (p) => `напишіть його як <${p.name} />, а свій текст — поза ним`,
  }),
  'cards-only-card': entry({
    message: (p: { name: string }) => `у <${p.name}> можуть бути лише елементи <Card>`,
    hint: () => 'оберніть кожну картку в <Card>…</Card>; інший текст поставте перед <Cards>',
  }),
  'cards-empty': entry({
    message: (p: { name: string }) => `у <${p.name}> немає жодної <Card>`,
    hint: () => 'додайте хоча б одну <Card>…</Card>',
  }),
  'discuss-list': entry({
    message: () => '<Discuss> має містити Markdown-список запитань',
    hint: () => 'пишіть кожне запитання пунктом списку («1. …» або «- …»); вступний текст поставте перед <Discuss>',
  }),
  'component-empty': entry({
    message: (p: { name: string }) => `<${p.name}> порожній`,
    hint: (p) => `напишіть усередині ${COMPONENT_MEANINGS[p.name] ?? 'текст'} або видаліть його`,
  }),
  'station-order': entry({
    message: (p: { n: number; index: number }) => `<Station n={${p.n}}> — це станція ${p.index} за порядком`,
    hint: (p) => `нумеруйте станції 1, 2, 3 … по порядку: напишіть n={${p.index}}`,
  }),
  'optional-stage-help': entry({
    message: (p: { help: string }) => `цей етап можна пропустити (optional), але в ньому <${p.help}>: тут учні дізнаються, куди звернутися по допомогу`,
    hint: (p) => `приберіть optional з цього етапу або перенесіть <${p.help}> в етап, який проводять завжди`,
  }),
  'fact-unknown': entry({
    message: (p: { id: string; guess?: string; known: string[] }) => `<Fact id="${p.id}"> немає у facts.yaml`,
    hint: (p) => (p.guess ? `можливо, ви мали на увазі «${p.guess}»?` : `додайте його до lessons/_data/facts.yaml із source: і verified: або вкажіть одне з: ${list(p.known)}`),
  }),
  'action-plan-missing': entry({
    message: () => '<ActionPlan /> потребує спільного плану, а lessons/_data/action-plan.yaml немає або він з помилками',
    hint: () => 'запишіть план один раз у lessons/_data/action-plan.yaml (див. docs/AUTHORING.uk.md)',
  }),
  'action-plan-band': entry({
    message: (p: { band: string; bands: string[] }) => `<ActionPlan band="${p.band}"> — не група цього уроку (${list(p.bands)})`,
    hint: () => 'приберіть band, щоб надрукувати слова наймолодшої групи уроку, або вкажіть одну з його груп',
  }),
  'table-too-wide': entry({
    message: (p: { columns: number; limit: number }) => `у таблиці ${p.columns} ${plural(p.columns, 'стовпець', 'стовпці', 'стовпців')}, а на друкованій сторінці читабельно вміщується ${p.limit}`,
    hint: () => 'розділіть її на вужчі таблиці або поверніть (стовпці — рядками)',
  }),
  'nesting-too-deep': entry({
    message: (p: { depth: number; limit: number }) =>
      `списки, цитати, компоненти й виділення вкладено тут на ${p.depth} ${plural(p.depth, 'рівень', 'рівні', 'рівнів')}, а межа — ${p.limit}`,
    hint: () => 'спростіть: урокові вистачає кількох рівнів (етап, список, відповідь у ньому)',
  }),
  'too-many-braces': entry({
    message: (p: { limit: number }) => `в уроці понад ${p.limit} знаків «{»`,
    hint: () => 'MDX читає { як початок коду: фігурну дужку в тексті пишіть як \\{, а коду в уроках не пишіть',
  }),
  'code-fence-unclosed': entry({
    message: (p: { fence: string; line: number; stoppedAt?: string }) => `блок коду, відкритий ${p.fence} у рядку ${p.line}, ніде не закрито: він поглинає решту уроку`,
    hint: (p) => `закрийте його рядком ${p.fence}${p.stoppedAt ? ` (розбірник MDX зупинився в ${p.stoppedAt})` : ''}`,
  }),
  'heading-title': entry({
    message: (p: { text: string; expected: number }) => `заголовок «# ${p.text}» — це друга назва уроку посеред плану`,
    hint: (p) =>
      `назва уроку — у полі title:; для частини уроку пишіть «${'#'.repeat(p.expected)} ${p.text}»`,
  }),
  'heading-level': entry({
    message: (p: { depth: number; where: string; expected: number }) =>
      `заголовок ${'#'.repeat(p.depth)} ${place(p.where)} стоїть на рівні назви ${p.where === 'root' ? 'розділу «Хід уроку»' : `<${p.where}>`} або вище`,
    hint: (p) => `напишіть його як ${'#'.repeat(p.expected)} (на рівень нижче)`,
  }),
  'heading-skip': entry({
    message: (p: { depth: number; previous: number; expected: number }) =>
      `заголовок ${'#'.repeat(p.depth)} пропускає рівень: перед ним ${'#'.repeat(p.previous)}`,
    hint: (p) => `напишіть його як ${'#'.repeat(p.expected)}: рівні заголовків ідуть по одному, щоб зміст читався і програмою екранного читання`,
  }),

  // --- Links ---
  'link-scheme': entry({
    message: (p: { url: string }) => `посилання «${p.url}» не дозволене: урок посилається лише на вебсторінки, е-пошту, телефони й сторінки цього сайту`,
    hint: () => 'на вебсторінку — https://…, на е-пошту — mailto:…, на телефон — tel:…, на інший урок — ../адреса-уроку/',
  }),
  'link-no-scheme': entry({
    message: (p: { url: string }) => `на початку посилання «${p.url}» бракує https:`,
    hint: () => 'напишіть повну адресу, наприклад https://example.org/storinka',
  }),
  'link-malformed': entry({
    message: (p: { url: string; kind: 'web' | 'phone' }) =>
      p.kind === 'phone' ? `посилання «${p.url}» — не номер телефону` : `посилання «${p.url}» — не повна вебадреса`,
    hint: (p) => (p.kind === 'phone' ? 'напишіть tel: і номер, як його набирають, наприклад tel:116111' : 'напишіть повну адресу, наприклад https://example.org/storinka'),
  }),
  'link-lesson-missing': entry({
    message: (p: { url: string; slug: string; guess?: string }) => `посилання «${p.url}» веде на урок «${p.slug}», а такого уроку немає`,
    hint: (p) => (p.guess ? `можливо, ви мали на увазі ../${p.guess}/?` : 'адреса уроку — це назва його теки в lessons/: ../адреса-уроку/'),
  }),
  'link-lesson-draft': entry({
    message: (p: { url: string; slug: string }) => `посилання «${p.url}» веде на чернетку «${p.slug}», яку не публікують`,
    hint: () => 'приберіть посилання, доки той урок — чернетка, або опублікуйте його (draft: false)',
  }),
  'link-page-missing': entry({
    message: (p: { url: string; guess?: string }) => `посилання «${p.url}» не веде на жодну сторінку сайту`,
    hint: (p) =>
      p.guess
        ? `можливо, ви мали на увазі ${p.guess}?`
        : 'з уроку: інший урок — ../адреса-уроку/, сторінка для вчителя — ../../teachers/, для батьків — ../../parents/, вікова група — ../../bands/5-6/',
  }),
  'link-trailing-slash': entry({
    message: (p: { url: string; fixed: string }) => `у посиланні «${p.url}» бракує скісної риски в кінці`,
    hint: (p) => `напишіть ${p.fixed}: без риски сторінка не відкривається з флешки`,
  }),
  'link-anchor': entry({
    message: (p: { url: string; anchor: string; guess?: string }) => `посилання «${p.url}»: на сторінці немає етапу «#${p.anchor}»`,
    hint: (p) => (p.guess ? `можливо, ви мали на увазі #${p.guess}?` : 'на етап посилаються так: #stage- і назва етапу малими літерами через дефіси, наприклад #stage-гра'),
  }),

  // --- Pictures ---
  'image-alt': entry({
    message: (p: { url: string }) => `у малюнка «${p.url}» немає опису (alt)`,
    hint: () => 'опишіть малюнок для тих, хто його не бачить: ![Дівчинка тримає планшет](./picture.svg)',
  }),
  'image-remote': entry({
    message: (p: { url: string }) => `малюнок «${p.url}» лежить на іншому сайті`,
    hint: () => 'покладіть файл малюнка в теку уроку й напишіть ./назва.svg: сайт і набори працюють без інтернету',
  }),
  'image-url-malformed': entry({
    message: (p: { url: string; fixed: string }) => `у назві малюнка «${p.url}» є %, після якого не стоїть код на зразок %20`,
    hint: (p) => `знак відсотка в назві файлу пишуть як %25: ${p.fixed} (або перейменуйте файл)`,
  }),
  'image-missing': entry({
    message: (p: { url: string; folder: string; guess?: string; forwardSlashes?: string }) => `малюнок «${p.url}» не знайдено`,
    hint: (p) =>
      p.forwardSlashes
        ? `у шляхах пишуть скісну риску «/», а не «\\»: ${p.forwardSlashes}`
        : p.guess ? `у теці уроку є ${p.guess}: можливо, ви мали на увазі його? (великі й малі літери в назвах різняться)` : `покладіть файл поруч з уроком (${p.folder}) або виправте назву`,
  }),
  'image-outside-lesson': entry({
    message: (p: { url: string }) => `малюнок «${p.url}» лежить поза текою уроку`,
    hint: () => 'скопіюйте малюнок у теку уроку й напишіть ./назва.svg: урок читає лише власні файли',
  }),
  'image-link-outside': entry({
    message: (p: { url: string }) => `малюнок «${p.url}» — символьне посилання на файл поза текою уроку`,
    hint: () => 'скопіюйте в теку уроку сам малюнок: урок читає лише власні файли',
  }),
  'image-not-a-file': entry({
    message: (p: { url: string; what: NotAFile }) => `«${p.url}» — ${NOT_A_FILE[p.what]}`,
    hint: () => 'вкажіть файл малюнка (PNG, JPEG, GIF, WebP чи SVG) у теці уроку',
  }),
  'image-too-large': entry({
    message: (p: { url: string; bytes: number; limit: number }) => `малюнок «${p.url}» ${overLimit(p.bytes, p.limit)}`,
    hint: (p) => `збережіть його меншим (до ${size(p.limit)}): для друку й екрана досить близько 2000 пікселів завширшки`,
  }),
  'image-format': entry({
    message: (p: { url: string }) => `«${p.url}» — не файл PNG, JPEG, GIF, WebP чи SVG`,
    hint: () => 'збережіть малюнок як PNG (рисунок) або JPEG (фото): браузери й набір показують лише ці формати, GIF, WebP і SVG',
  }),
  'image-corrupt': entry({
    message: (p: { url: string; format: string }) => `малюнок «${p.url}» — пошкоджений файл ${p.format.toUpperCase()} (зіпсований заголовок)`,
    hint: () => 'відкрийте його в графічному редакторі й збережіть знову',
  }),
  'image-too-many-pixels': entry({
    message: (p: { url: string; width: number; height: number; limit: number; svgLine?: number }) =>
      p.svgLine !== undefined
        ? `малюнок «${p.url}» містить зображення ${p.width} × ${p.height} пікселів, більше за межу ${p.limit.toLocaleString('uk')} (рядок ${p.svgLine} SVG)`
        : `малюнок «${p.url}» має ${p.width} × ${p.height} пікселів, більше за межу ${p.limit.toLocaleString('uk')}`,
    hint: () => 'зменште його: для друку й екрана досить близько 2000 пікселів завширшки',
  }),
  'svg-external': entry({
    message: (p: { url: string; target: string; line: number }) =>
      `малюнок «${p.url}» посилається на ${p.target === '@entity' ? 'зовнішню сутність (entity)' : p.target === '@import' ? 'таблицю стилів (@import)' : `«${p.target}»`} (рядок ${p.line} SVG)`,
    hint: () => 'SVG-малюнок має містити все, що малює: вбудуйте картинку або перемалюйте й збережіть SVG знову',
  }),
  'svg-script': entry({
    message: (p: { url: string; what: string; line: number }) =>
      `малюнок «${p.url}» містить ${p.what === 'javascript' ? 'посилання javascript:' : p.what.startsWith('on') ? `обробник подій (${p.what})` : `елемент <${p.what}>`} (рядок ${p.line} SVG)`,
    hint: () => 'малюнок уроку не містить коду: видаліть його або експортуйте малюнок знову як простий SVG',
  }),

  // --- Shared data ---
  'helplines-missing': entry({
    message: () => 'немає даних про телефони допомоги',
    hint: () => 'створіть lessons/_data/helplines.yaml: список записів із name, phone або url, source і verified',
  }),
  'helpline-unverified': entry({
    message: (p: { name: string }) => `«${p.name}» не перевірено`,
    hint: () => 'перевірте на офіційному джерелі, потім заповніть source: і verified: РРРР-ММ-ДД',
  }),
  'helpline-stale': entry({
    message: (p: { name: string; verified: string; months: number }) => `«${p.name}» перевіряли ${p.verified} — понад ${p.months} ${plural(p.months, 'місяць', 'місяці', 'місяців')} тому`,
    hint: () => 'перевірте контакт знову на сторінці source: і запишіть у verified: сьогоднішню дату',
  }),
  'fact-duplicate': entry({
    message: (p: { id: string }) => `ідентифікатор факту «${p.id}» використано двічі`,
    hint: () => 'дайте кожному фактові власний id',
  }),
  'fact-unverified': entry({
    message: (p: { id: string }) => `факт «${p.id}» не перевірено`,
    hint: () => 'перевірте його за текстом закону чи офіційним джерелом, потім заповніть verified: РРРР-ММ-ДД',
  }),
  'fact-stale': entry({
    message: (p: { id: string; verified: string; months: number }) => `факт «${p.id}» перевіряли ${p.verified} — понад ${p.months} ${plural(p.months, 'місяць', 'місяці', 'місяців')} тому`,
    hint: () => 'перевірте факт знову за джерелом (закони змінюються) і запишіть у verified: сьогоднішню дату',
  }),
  'action-plan-duplicate-band': entry({
    message: (p: { band: string; first: number; second: number }) => `група ${p.band} має два формулювання (записи ${p.first} і ${p.second})`,
    hint: () => 'дайте кожній групі рівно одне формулювання плану',
  }),
  'action-plan-missing-band': entry({
    message: (p: { band: string }) => `для групи ${p.band} немає формулювання плану дій`,
    hint: (p) => `додайте ${p.band} до bands: одного із записів`,
  }),
  'page-missing': entry({
    message: (p: { page: string }) => `бракує сторінки ${p.page === 'teachers' ? 'для вчителя' : p.page === 'parents' ? 'для батьків' : p.page}`,
    hint: (p) => `напишіть lessons/_pages/${p.page}.uk.mdx (title:, description:, далі Markdown)`,
  }),
  'page-name': entry({
    message: (p: { name: string; pages: string[]; langs: string[] }) => `«${p.name}» — не сторінка сайту`,
    hint: (p) => `сторінки: ${list(p.pages.map((page) => `${page}.<мова>.mdx`))}, де мова — одна з: ${list(p.langs)}`,
  }),
  'page-frontmatter-missing': entry({
    message: () => 'у сторінки немає шапки (frontmatter)',
    hint: () => 'почніть із ---, title: і description:, потім ---',
  }),
  'page-component': entry({
    message: (p: { name: string; allowed: string[] }) => `<${p.name}> не можна використовувати на сторінці сайту`,
    hint: (p) => `на сторінках можна: ${list(p.allowed.map((c) => `<${c} />`))}`,
  }),
  'page-action-plan-band': entry({
    message: (_p: { bands: string[] }) => '<ActionPlan> на сторінці сайту потребує групи',
    hint: (p) => `напишіть <ActionPlan band="5-6" />, з однією з груп: ${list(p.bands)}`,
  }),
  'glossary-unused': entry({
    message: (p: { term: string }) => `термін словника «${p.term}» не трапляється в уроці`,
    hint: () => 'використайте термін у тексті уроку або приберіть його зі словника (glossary:)',
  }),
  'template-text': entry({
    message: (p: { text: string; draft: boolean }) => `текст шаблону ще не замінено: «${p.text}»`,
    hint: (p) =>
      p.draft
        ? 'замініть позначку ЗАПОВНІТЬ своїм текстом; поки вона є, урок не можна публікувати'
        : 'замініть позначку ЗАПОВНІТЬ своїм текстом або поверніть draft: true, доки урок не готовий',
  }),

  // --- What the printed kit cannot show ---
  'kit-cannot-show': entry({
    message: (p: { node: string; name?: string; inline: boolean }) => `друкований набір не може показати ${p.name ? `<${p.name}>` : (NODE_NAMES[p.node] ?? `елемент «${p.node}»`)}${p.inline ? ' тут' : ''}`,
    hint: (p) => (p.inline ? 'напишіть це звичайним текстом або винесіть в окремий абзац' : 'пишіть абзацами, списками, таблицями, малюнками чи компонентами уроку'),
  }),
  'kit-picture-unreadable': entry({
    message: (p: { url: string }) => `малюнок «${p.url}» не вдалося прочитати`,
    hint: () => 'перевірте, що файл — справний SVG, PNG чи JPEG',
  }),
  'kit-component-place': entry({
    message: (p: { name: string }) => `друкований набір не може показати <${p.name}> у цьому місці`,
    hint: () => 'див. у docs/AUTHORING.uk.md, де може стояти кожен компонент',
  }),
  'kit-fact-unknown': entry({
    message: (p: { id: string }) => `<Fact id="${p.id}"> немає у facts.yaml`,
    hint: () => 'команда «npm run check» перелічує відомі ідентифікатори',
  }),
  'kit-action-plan-missing': entry({
    message: () => '<ActionPlan /> не має тексту: lessons/_data/action-plan.yaml немає або в ньому бракує цієї групи',
    hint: () => 'команда «npm run check» називає помилку у файлі даних',
  }),
  'kit-missing-glyph': entry({
    message: (p: { char: string; code: string; font: string }) => `у шрифті набору (PT Sans, ${p.font}) немає знака «${p.char}» (${p.code})`,
    hint: () => 'замініть або приберіть його: емодзі, стрілки й більшість символів друкуються порожніми квадратиками; пишіть словами',
  }),
  'kit-card-overflow': entry({
    message: (p: { text: string }) => `картка «${p.text}» не вміщається у свою клітинку навіть найменшим шрифтом`,
    hint: () => 'скоротіть текст картки до речення-двох',
  }),
  'materials-copies': entry({
    message: (p: { said: string; component: string; title: string; guide: string; audience: string; copies: number; line: number }) =>
      `у materials сказано «${p.said}» для <${p.component} title="${p.title}">, а настанова з друку каже «${p.guide}» (audience="${p.audience}"${p.copies !== 1 ? ` copies={${p.copies}}` : ''})`,
    hint: (p) => `узгодьте їх: поставте audience= (pupil, pair, team, class, leader) і copies= у <${p.component}> у рядку ${p.line} або виправте кількість у materials`,
  }),
  'search-dictionary-missing': entry({
    message: (p: { reason: string; variable: string }) => `для пошуку потрібен словник форм українських слів: ${p.reason}`,
    hint: (p: { reason: string; variable: string }) =>
      `установіть пакет Debian hunspell-uk (sudo apt-get install hunspell-uk; .ci/run це робить) або вкажіть у ${p.variable} словник Hunspell української (шлях без .aff/.dic)`,
  }),
  'search-forms-model': entry({
    message: (p: { word: string; model: string }) => `«${p.model}» немає в словнику`,
    hint: (p: { word: string; model: string }) => `виберіть слово зі словника, яке змінюється так само, як «${p.word}»`,
  }),
  'search-forms-line': entry({
    message: (p: { text: string }) => `рядок «${p.text}» не прочитати`,
    hint: () => 'пишіть «слово ~ зразок» (змінюється, як слово зі словника) або «слово: форма форма …»',
  }),
};

/** What each component is, for hints ("write the teacher's script inside it"); Ukrainian counterpart of `meaning` in components.ts. */
export const COMPONENT_MEANINGS: Record<string, string> = {
  Stage: 'етап плану з його часом',
  Say: 'слова вчителя',
  TeacherNote: 'пораду для вчителя',
  Discuss: 'запитання для класу',
  Answer: 'очікувану відповідь',
  Handout: 'роздатку для учнів',
  Cards: 'картки для вирізання',
  Card: 'текст картки',
  Station: 'завдання станції квесту',
  Safeguarding: 'що робити, якщо дитина розповідає про насильство',
  Helplines: 'телефони допомоги',
  ActionPlan: 'спільний план дій',
  Fact: 'факт із facts.yaml',
  ParentMemo: 'пам’ятку для батьків',
  Picture: 'один малюнок',
};

/** Names of Markdown constructs for "the kit cannot show …". */
const NODE_NAMES: Record<string, string> = {
  image: 'малюнок посеред рядка тексту',
  footnoteReference: 'виноску',
  footnoteDefinition: 'виноску',
  html: 'HTML-код',
  code: 'блок коду',
  math: 'формулу',
  inlineMath: 'формулу',
  imageReference: 'малюнок-посилання',
  linkReference: 'посилання-виноску',
  definition: 'визначення посилання',
};

/** The words around the messages: severities, the hint label, counts, and what check and build print. */
export const ukReport = {
  error: 'помилка',
  warning: 'попередження',
  hint: 'порада',
  rule: 'правило',
  summary: (errors: number, warnings: number) =>
    `${errors} ${plural(errors, 'помилка', 'помилки', 'помилок')}, ${warnings} ${plural(warnings, 'попередження', 'попередження', 'попереджень')}`,
  checked: (files: number, summary: string) =>
    `перевірено ${files} ${plural(files, 'файл уроку', 'файли уроків', 'файлів уроків')} і ${files === 1 ? 'його набір' : 'їхні набори'}: ${summary}`,
  buildStopped: (summary: string, dist: string) => `збірку зупинено: ${summary}. ${dist}/ лишився як був.`,
  kitsStopped: (count: number, dist: string) => `збірку зупинено: ${count} ${plural(count, 'набір', 'набори', 'наборів')} не вдалося зверстати. ${dist}/ лишився як був.`,
  lessonsSummary: (summary: string) => `уроки: ${summary}`,
  progress: {
    pages: (done: number, rate: string) => `сторінки: ${done} (${rate}/с)`,
    kits: (done: number, total: number, cached: number, rate: string) => `набори: ${done}/${total} (з кешу ${cached}, ${rate}/с)`,
    searchIndex: (done: number, total: number, rate: string) => `сторінки в індексі пошуку: ${done}/${total} (${rate}/с)`,
    bundle: (done: number, total: number, rate: string) => `файли в архіві: ${done}/${total} (${rate}/с)`,
    kitsDone: (rendered: number, cached: number, ahead = 0) =>
      `зверстано ${rendered}${ahead ? ` (з них ${ahead} заздалегідь, поки перевірялися уроки)` : ''}, з кешу ${cached} (${plural(cached, 'незмінний', 'незмінні', 'незмінних')})`,
  },
  errorPageTitle: 'У цьому уроці є помилки',
  errorPageLead: 'Урок не показано, бо в ньому є помилки. Виправте їх і збережіть файл — сторінка оновиться сама.',
  errorPageWarnings: 'Попередження (урок покажеться, але їх варто виправити)',
  errorPageGuide: 'Що означає кожне правило: docs/AUTHORING.uk.md, розділ «Правила перевірки».',
  errorPageLine: (line: number) => `рядок ${line}`,
  create: {
    intro: 'Новий урок із шаблону. Відповідайте на запитання (Enter — прийняти запропоноване в дужках).',
    title: 'Назва уроку: ',
    bands: (ids: string) => `Вікові групи через кому (${ids}): `,
    format: (choices: string, suggested: string) => `Формат — ${choices} [${suggested}]: `,
    slug: (suggested: string) => `Адреса уроку, латиницею (назва теки) [${suggested}]: `,
    titleEmpty: 'Назва не може бути порожньою.',
    titleLong: 'Назва задовга: не більше 120 знаків.',
    bandsWrong: (wrong: string, ids: string) => `«${wrong}» — не вікова група. Групи: ${ids}.`,
    formatWrong: (wrong: string, ids: string) => `«${wrong}» — не формат. Формати: ${ids}.`,
    slugWrong: (slug: string) => `«${slug}» не годиться: лише малі латинські літери, цифри й дефіси, наприклад moi-dorosli.`,
    exists: (folder: string) => `${folder} уже існує: урок не перезаписано. Виберіть іншу адресу (--slug).`,
    noAnswer: (question: string) => `Немає відповіді на «${question.trim()}»: передайте її прапорцем (npm run new -- --help).`,
    created: (file: string) => `Створено ${file} — чернетку (draft: true), її видно лише в npm run dev.`,
    next: (slug: string) =>
      [
        'Далі:',
        `  1. npm run dev і відкрийте http://localhost:4321/lessons/${slug}/ — урок оновлюється, щойно ви збережете файл;`,
        '  2. замініть кожне «ЗАПОВНІТЬ» своїм текстом (npm run check покаже, які ще лишилися);',
        '  3. коли урок готовий, напишіть draft: false і відкрийте pull request (docs/AUTHORING.uk.md).',
      ].join('\n'),
    help: [
      'npm run new — новий урок із шаблону (templates/).',
      '',
      'Без прапорців запитує назву, вікові групи, формат і адресу. Прапорці для скриптів:',
      '  --title "Назва уроку"     назва',
      '  --bands 5-6,7-8           вікові групи',
      '  --format lesson|quest|session',
      '  --slug moia-adresa        адреса (назва теки); без неї — транслітерація назви',
      '  --lang uk|en              мова повідомлень',
    ].join('\n'),
  },
};
