/** `npm run new`'s model: the official transliteration, answers read leniently, one template per format that passes the checker. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FORMAT_IDS, loadLesson, loadLibrary } from '../../src/model/index.ts';
import { transliterate, slugFor } from '../../src/model/transliterate.ts';
import { fillTemplate, parseBands, parseFormat, suggestedFormat } from '../../src/model/scaffold.ts';
import { TEMPLATE_MARK } from '../../src/model/template.ts';

describe('transliteration by resolution No. 55 of the Cabinet of Ministers (2010)', () => {
  // The examples of the resolution's table, each showing one rule.
  test.each([
    ['Алушта', 'Alushta'], ['Борщагівка', 'Borshchahivka'], ['Вишгород', 'Vyshhorod'], ['Гадяч', 'Hadiach'], ['Згорани', 'Zghorany'],
    ['Ґалаґан', 'Galagan'], ['Дон', 'Don'], ['Рівне', 'Rivne'], ['Єнакієве', 'Yenakiieve'], ['Гаєвич', 'Haievych'], ['Короп’є', 'Koropie'],
    ['Житомир', 'Zhytomyr'], ['Закарпаття', 'Zakarpattia'], ['Медвин', 'Medvyn'], ['Іршава', 'Irshava'], ['Їжакевич', 'Yizhakevych'],
    ['Кадиївка', 'Kadyivka'], ['Йосипівка', 'Yosypivka'], ['Стрий', 'Stryi'], ['Олексій', 'Oleksii'], ['Київ', 'Kyiv'], ['Лебедин', 'Lebedyn'],
    ['Миколаїв', 'Mykolaiv'], ['Ніжин', 'Nizhyn'], ['Одеса', 'Odesa'], ['Полтава', 'Poltava'], ['Ромни', 'Romny'], ['Суми', 'Sumy'],
    ['Тетерів', 'Teteriv'], ['Ужгород', 'Uzhhorod'], ['Фастів', 'Fastiv'], ['Харків', 'Kharkiv'], ['Біла Церква', 'Bila Tserkva'],
    ['Чернівці', 'Chernivtsi'], ['Шостка', 'Shostka'], ['Гоща', 'Hoshcha'], ['Русь', 'Rus'], ['Юрій', 'Yurii'], ['Корюківка', 'Koriukivka'],
    ['Яготин', 'Yahotyn'], ['Ічня', 'Ichnia'], ['Знам’янка', 'Znamianka'], ["Знам'янка", 'Znamianka'], ['Розгон', 'Rozghon'],
  ])('%s → %s', (ukrainian, latin) => {
    expect(transliterate(ukrainian)).toBe(latin);
  });

  test('a word starts after a space or a hyphen, not after an apostrophe', () => {
    expect(transliterate('моя Юля, пам’ять, онлайн-ярмарок')).toBe('moia Yulia, pamiat, onlain-yarmarok');
  });

  test.each([
    ['Моя перша подорож безпечним онлайн-простором', 'moia-persha-podorozh-bezpechnym-onlain-prostorom'],
    ['Квест «#не_ведусь» для 7–8 класів', 'kvest-ne-vedus-dlia-7-8-klasiv'],
    ['Інтимні селфі: що робити, якщо…', 'intymni-selfi-shcho-robyty-yakshcho'],
    ['Здорові стосунки: згода', 'zdorovi-stosunky-zghoda'],
    ['Паролі й секрети, які не можна розповідати навіть найкращому другові в школі', 'paroli-y-sekrety-yaki-ne-mozhna-rozpovidaty-navit'],
  ])('slug of "%s" is %s', (title, slug) => {
    expect(slugFor(title)).toBe(slug);
    expect(slug.length).toBeLessThanOrEqual(50);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('answers', () => {
  test.each([
    ['5-6, 7-8', ['5-6', '7-8']],
    ['7–8 9—11', ['7-8', '9-11']],
    ['9-11,4-6', ['4-6', '9-11']],
  ])('bands "%s"', (answer, bands) => {
    expect(parseBands(answer)).toEqual({ bands });
  });

  test.each([['5-7'], ['7-11'], ['']])('"%s" is not a band', (answer) => {
    expect(parseBands(answer)).toHaveProperty('wrong');
  });

  test.each([
    ['quest', 'quest'], ['2', 'quest'], ['Квест', 'quest'], ['заняття', 'session'], ['Lesson', 'lesson'], ['4', undefined], ['лекція', undefined],
  ])('format "%s" is %s', (answer, format) => {
    expect(parseFormat(answer)).toBe(format);
  });

  test('preschool alone suggests a session, anything else a lesson', () => {
    expect(suggestedFormat(['4-6'])).toBe('session');
    expect(suggestedFormat(['4-6', '1-2'])).toBe('lesson');
    expect(suggestedFormat(['9-11'])).toBe('lesson');
  });
});

describe('templates', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'templates-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  /** A library with the real shared data (the action plan, helplines) and no lessons. */
  const library = join(scratch, 'lessons');
  mkdirSync(library);
  cpSync('lessons/_data', join(library, '_data'), { recursive: true });
  cpSync('lessons/_pages', join(library, '_pages'), { recursive: true });

  test('every format has a template, and every template is a format', () => {
    expect(readdirSync('templates').map((name) => name.replace(/\.mdx$/, '')).sort()).toEqual([...FORMAT_IDS].sort());
  });

  test.each(FORMAT_IDS.map((format) => [format]))('the %s template, filled, has no error: only its marks to fill, as warnings', (format) => {
    const folder = join(library, `novyi-${format}`);
    mkdirSync(folder);
    const filled = fillTemplate(readFileSync(`templates/${format}.mdx`, 'utf8'), { title: 'Новий: «урок» "з лапками"', bands: format === 'session' ? ['4-6'] : ['7-8', '5-6'], format, updated: '2026-12-06', authors: [] });
    writeFileSync(join(folder, 'index.mdx'), filled);
    const lesson = loadLesson(join(folder, 'index.mdx'));
    expect(lesson.data?.title).toBe('Новий: «урок» "з лапками"');
    expect(lesson.data?.format).toBe(format);
    expect(lesson.data?.draft).toBe(true);
    expect(lesson.data?.authors).toEqual([`${TEMPLATE_MARK}: ваше ім’я або роль`]);
    expect(lesson.diagnostics.filter((d) => d.rule !== 'template-text')).toEqual([]);
    expect(lesson.diagnostics.length).toBeGreaterThan(5);
    expect(lesson.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    // Once it is to be published, every mark left is an error.
    writeFileSync(join(folder, 'index.mdx'), filled.replace(/^draft: true$/m, 'draft: false'));
    const published = loadLesson(join(folder, 'index.mdx'));
    expect(published.diagnostics.length).toBe(lesson.diagnostics.length);
    expect(published.diagnostics.every((d) => d.severity === 'error' && d.rule === 'template-text')).toBe(true);
    rmSync(folder, { recursive: true });
  });

  test('the library-level rules pass too (the shared action plan is printed for the bands)', () => {
    const folder = join(library, 'usi-formaty');
    mkdirSync(folder);
    writeFileSync(join(folder, 'index.mdx'), fillTemplate(readFileSync('templates/quest.mdx', 'utf8'), { title: 'Квест', bands: ['9-11'], format: 'quest', updated: '2026-12-06', authors: ['Олена Коваль'] }));
    const errors = loadLibrary(library).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });
});
