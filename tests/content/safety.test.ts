/**
 * The real library's texts, read as a safeguarding reviewer would (cheap text checks, no rendering): every lesson
 * teaches the one shared action plan and no hand-written list contradicts its order; no text recommends a video call
 * or a meeting to check a person; Ukrainian words are written with ’, not an ASCII apostrophe. The pupils' pages of
 * every real kit, read back from the built PDFs: tests/real/pupil-packs.test.ts (`npm run test:real`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { isJsx, isParent, loadLibrary, publishedLessons } from '../../src/model/index.ts';
import { outOfOrder, stepOf } from './sequence.ts';

const library = loadLibrary('lessons');
const lessons = publishedLessons(library);
const cases = lessons.map((lesson) => [`${lesson.slug} (${lesson.lang})`, lesson] as const);

/** Every text file of the library a reader sees: lessons, the teachers' and parents' pages, the shared protocol. */
const texts = [
  ...lessons.map((lesson) => lesson.file),
  ...readdirSync('lessons/_pages').map((name) => join('lessons/_pages', name)),
  ...readdirSync('lessons/_data').filter((name) => name.endsWith('.md') || name.endsWith('.yaml')).map((name) => join('lessons/_data', name)),
];

/** The components of a given name in a tree, each with the names of the components around it. */
function components(tree: Nodes, name: string, around: string[] = []): string[][] {
  const found: string[][] = [];
  if (isJsx(tree) && tree.name === name) found.push(around);
  const inner = isJsx(tree) && tree.name ? [...around, tree.name] : around;
  if (isParent(tree)) for (const child of tree.children) found.push(...components(child as Nodes, name, inner));
  return found;
}

describe('every lesson teaches the shared action plan', () => {
  test.each(cases)('%s: in the plan, on a pupil handout and in every parent memo', (_name, lesson) => {
    const plans = components(lesson.tree, 'ActionPlan');
    expect(plans.some((around) => around.includes('Stage') && !around.includes('Handout')), 'taught in a stage').toBe(true);
    expect(plans.some((around) => around.includes('Handout')), 'printed on a handout pupils keep').toBe(true);
    const memos = components(lesson.tree, 'ParentMemo').length;
    expect(plans.filter((around) => around.includes('ParentMemo'))).toHaveLength(memos);
  });
});

describe('no hand-written sequence contradicts the shared plan', () => {
  test.each(texts.filter((file) => !file.endsWith('.yaml')).map((file) => [file]))('%s', (file) => {
    const tree = mdxToMdast(readFileSync(file, 'utf8')) as Root;
    expect(outOfOrder(tree).map((list) => `line ${list.line}: ${list.items.map((item) => item.slice(0, 50)).join(' | ')}`)).toEqual([]);
  });

  // The mistakes this test exists for, as they stood in the library before the shared plan (2026-11-23).
  test.each([
    ['5–6: save evidence before telling', '1. Не плати й нічого більше не надсилай.\n2. Збережи докази: скріншоти погроз, нік.\n3. Заблокуй — після того, як зберіг докази.\n4. Розкажи дорослому, якому довіряєш. Це можна зробити першим.\n5. Поскаржся на платформі.'],
    ['7–11: "3 НЕ і 5 ТАК", tell third', '- НЕ плачу. НЕ надсилаю більше нічого.\n- Зберігаю докази: скріншоти погроз, нік.\n- Блокую і скаржуся на платформі.\n- Розповідаю дорослому, якому довіряю.\n- Разом із дорослим звертаюся до кіберполіції.'],
    ['a parent list: evidence before "do not pay"', '1. **Збережіть спокій.** Подякуйте.\n2. **Збережіть докази, але не пересилайте зображень.** Зробіть скріншоти.\n3. **Не платіть шантажистові й не відповідайте йому.** Після оплати вимоги зростають.'],
  ])('the rule catches %s', (_name, markdown) => {
    expect(outOfOrder(mdxToMdast(markdown) as Root)).toHaveLength(1);
  });

  test.each([
    ['Стоп — не відповідаю, нічого не надсилаю.', 0],
    ['**Розкажи дорослому, якому довіряєш.** Нічого не видаляй.', 1],
    ['Разом із дорослим: збережіть докази, заблокуйте.', undefined],
    ['Збережіть докази — скріншоти листування, нік.', 2],
    ['Збережіть спокій і скажіть: «Добре, що ти мені розповів».', undefined],
    ['Зберігайте спокій і скажіть: «Ти не винен (не винна)».', undefined],
    ["Don't pay the blackmailer and don't reply.", 0],
    ['Tell an adult you trust.', 1],
    ['Save evidence, but do not forward images.', 2],
  ] as const)('an item\'s step comes from its lead: %s', (text, step) => {
    expect(stepOf(text)).toBe(step);
  });
});

/**
 * Ways of recommending a video call or a meeting to check a person someone knows only online (Ukrainian and English).
 * A sentence that also says such a check proves nothing or must not be done is a warning, not advice, and passes.
 */
const CHECK_ADVICE: readonly RegExp[] = [
  /(попрос|запропон|вимаг)\p{L}*\s+(про\s+)?відеодзвін/iu,
  /перевір\p{L}*[^.!?]{0,60}відеодзвін/iu,
  /відеодзвін\p{L}*[^.!?]{0,40}(щоб|аби|як)\s+перевір/iu,
  /зустр\p{L}*\s+(в|у)\s+людному\s+місці/iu,
  /якщо\s+(людина|він|вона)\s+справжн/iu,
  /домовля\p{L}*\s+про\s+зустріч\s+разом/iu,
  /(ask|suggest|propos)\p{L}*\s+(for\s+)?a\s+video\s+call/iu,
  /check\p{L}*[^.!?]{0,60}video\s+call|video\s+call[^.!?]{0,40}to\s+check/iu,
  /meet\p{L}*[^.!?]{0,40}(crowded|public)\s+place/iu,
  /if\s+the\s+person\s+is\s+real/iu,
];
const REFUTED = /не вийде|нічого не (доводить|довів|доведе)|не перевірка|не вмика|не зустріча|proves? nothing|would prove nothing|don't turn your camera on|do not turn/iu;

/** Sentences of a text that recommend checking a person by video or by meeting. */
function checkAdvice(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .filter((sentence) => CHECK_ADVICE.some((pattern) => pattern.test(sentence)) && !REFUTED.test(sentence));
}

describe('no lesson recommends a video call or a meeting to check a person', () => {
  test.each(texts.map((file) => [file]))('%s', (file) => {
    expect(checkAdvice(readFileSync(file, 'utf8'))).toEqual([]);
  });

  // The advice this test exists for, as it stood in the library on 2026-11-23, and the warnings that must pass.
  test.each([
    ['запропонувати відеодзвінок або зустріч у людному місці з дорослими поруч, якщо людина справжня', 1],
    ['Кожна ознака окремо — ще не доказ, але кілька разом — привід зупинитися й перевірити людину, наприклад попросити відеодзвінок.', 1],
    ['Якщо це справжня дівчинка, дорослі самі домовляться про зустріч разом.', 1],
    ['Suggest a video call or meeting in a crowded place with adults nearby, if the person is real.', 1],
    ['«Перевірити» людину відеодзвінком не вийде: відео можна підробити.', 0],
    ['A video call proves nothing: don\'t turn your camera on for, or meet, someone you know only online.', 0],
  ] as const)('the phrasings find: %s', (text, count) => {
    expect(checkAdvice(text)).toHaveLength(count);
  });
});

/** Words of the library that write an ASCII apostrophe where Ukrainian typography has ’ (U+2019): «пам'ятка». */
function asciiApostrophes(text: string): string[] {
  return [...text.matchAll(/[\p{Script=Cyrillic}]+'[\p{Script=Cyrillic}]+/gu)].map((match) => match[0]);
}

describe('Ukrainian words are written with the typographic apostrophe', () => {
  test.each(texts.map((file) => [file]))('%s', (file) => {
    expect(asciiApostrophes(readFileSync(file, 'utf8'))).toEqual([]);
  });

  test.each([
    ["Пам'ятка для батьків, м'яко, з'явився", ["Пам'ятка", "м'яко", "з'явився"]],
    ['Пам’ятка для батьків', []],
    ["Don't forward it; «don't» stays English", []],
  ] as const)('the rule finds: %s', (text, found) => {
    expect(asciiApostrophes(text)).toEqual(found);
  });
});
