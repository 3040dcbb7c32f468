/**
 * How well the site's search finds what a Ukrainian teacher types: a set of inflected queries written by hand from the
 * lessons' vocabulary, each with the forms of its words written out (the oracle, independent of the search's own word
 * handling), and the measurement of recall and precision over the real built library, searched on the search page in
 * Chromium. Used by tests/real/search-quality.test.ts (`npm run test:real`, on the real build) and `npm run bench:search`
 * (on any build).
 *
 * A page is expected for a query when its own text contains a form of every word of the query. A page's own text is
 * what it teaches: the text of its main part, without the breadcrumbs and, on lesson pages, without the shared blocks
 * every lesson prints (helplines, the shared disclosure protocol, the shared action plan, shared facts), which belong to
 * the pages that own them (about, teachers', parents').
 */
import type { Page } from 'playwright-core';
import { loadLibrary, publishedLessons } from '../../src/model/index.ts';
import { SITE_PAGES } from '../../src/model/pages.ts';

/** One query as a teacher types it, with every form of each of its words (the oracle). */
export interface QualityQuery {
  query: string;
  /** For each word of the query, its forms (lower case, space-separated); a page must contain one of each. */
  forms: string[];
}

/** Forms of a noun, adjective or verb, from a stem and endings: `f('парол', 'ь я ю ем і ів ям ями ях')`. */
function f(stem: string, endings: string): string {
  return endings.split(' ').map((ending) => stem + (ending === '-' ? '' : ending)).join(' ');
}

/** Endings of a hard-stem adjective (приватний): every gender, case and number. */
const ADJECTIVE = 'ий ого ому им ім а ої ій у ою е і их ими';
/** Endings of a hard first-conjugation verb in -ати/-яти (present and past, imperative, adverbial participle). */
const VERB_AJ = 'ти ю єш є ємо єте ють в ла ло ли й йте ючи тиму тимеш тиме тимемо тимете тимуть';
/** Endings of a verb in -увати (шантажувати: шантажую …). */
const VERB_UVATY = 'увати ую уєш ує уємо уєте ують ував увала увало ували уй уйте уючи уватиму уватимеш уватиме уватимуть';

/** The query set: single words in many forms (nouns in every case and number, adjectives, verbs) and two-word phrases. */
export const QUALITY_QUERIES: QualityQuery[] = [
  // Nouns: the forms a teacher types are often not the ones on the page.
  { query: 'пароля', forms: [f('парол', 'ь я ю ем і ів ям ями ях')] },
  { query: 'паролями', forms: [f('парол', 'ь я ю ем і ів ям ями ях')] },
  { query: 'скріншотами', forms: [f('скріншот', '- а у ові ом і и ів ам ами ах')] },
  { query: 'незнайомцем', forms: [f('незнайом', 'ець ця цю цеві цем ці ців цям цями цях че')] },
  { query: 'злочинця', forms: [f('злочин', 'ець ця цю цеві цем ці ців цям цями цях че')] },
  { query: 'лестощами', forms: [f('лестощ', 'і ів ам ами ах')] },
  { query: 'секстингу', forms: [f('секстинг', '- у ом ові и ів')] },
  { query: 'кібергрумінгом', forms: [f('кібергрумінг', '- у ом ові')] },
  { query: 'шантажем', forms: [f('шантаж', '- у ем еві і ів')] },
  { query: 'шантажистові', forms: [f('шантажист', '- а у ові ом і и ів ам ами ах')] },
  { query: 'приватністю', forms: [f('приватн', 'ість ості істю')] },
  { query: 'геолокацією', forms: [f('геолокаці', 'я ї ю єю й ям ями ях')] },
  { query: 'друзів', forms: [`${f('друг', '- а у ові ом е')} ${f('друз', 'і ів ям ями ях')}`] },
  { query: 'друзями', forms: [`${f('друг', '- а у ові ом е')} ${f('друз', 'і ів ям ями ях')}`] },
  { query: 'дітьми', forms: [`${f('дитин', 'а и і у ою о')} ${f('діт', 'и ей ям ьми ях')}`] },
  { query: 'дитиною', forms: [`${f('дитин', 'а и і у ою о')} ${f('діт', 'и ей ям ьми ях')}`] },
  { query: 'іграми', forms: [`${f('гр', 'а и і ою у')} ${f('ігр', 'и ам ами ах')} ігор`] },
  { query: 'акаунтом', forms: [f('акаунт', '- а у ові ом і и ів ам ами ах')] },
  { query: 'доказами', forms: [f('доказ', '- у ові ом і и ів ам ами ах')] },
  { query: 'подарунками', forms: [f('подарун', 'ок ка ку кові ком ки ків кам ками ках')] },
  { query: 'профілем', forms: [f('профіл', 'ь ю еві ем і ів ям ями ях')] },
  { query: 'фотографіями', forms: [f('фотографі', 'я ї ю єю й ям ями ях')] },
  { query: 'зображеннями', forms: [f('зображен', 'ня ню ням ь нями нях')] },
  { query: 'повідомленнями', forms: [f('повідомлен', 'ня ню ням ь нями нях')] },
  { query: 'психологом', forms: [f('психолог', '- а у ові ом і и ів ам ами ах')] },
  { query: 'батькам', forms: [f('бать', 'ко ка ку кові ком ки ків кам ками ках')] },
  { query: 'поліцією', forms: [f('поліці', 'я ї ю єю')] },
  { query: 'згодою', forms: [f('згод', 'а и і у ою')] },
  { query: 'тиском', forms: [f('тиск', '- у ові ом')] },
  { query: 'маніпуляціями', forms: [f('маніпуляці', 'я ї ю єю й ям ями ях')] },
  { query: 'маніпуляторам', forms: [f('маніпулятор', '- а у ові ом і и ів ам ами ах')] },
  { query: 'секретами', forms: [f('секрет', '- у ові ом і и ів ам ами ах')] },
  { query: 'застосунками', forms: [f('застосун', 'ок ку кові ком ки ків кам ками ках')] },
  { query: 'стосунками', forms: [f('стосун', 'ок ку ком ки ків кам ками ках')] },
  { query: 'тілом', forms: [f('т', 'іло іла ілу ілові ілом ілі іл ілам ілами ілах')] },
  { query: 'довірою', forms: [f('довір', 'а и і у ою')] },
  { query: 'безпекою', forms: [f('безпе', 'ка ки ці ку кою')] },
  { query: 'вчителями', forms: [f('вчител', 'ь я ю еві ем і ів ям ями ях')] },
  { query: 'ознаками', forms: [f('озна', 'ка ки ці ку кою к кам ками ках')] },
  { query: 'прапорцями', forms: [f('прапор', 'ець ця цю цеві цем ці ців цям цями цях')] },
  { query: 'листуванням', forms: [f('листуван', 'ня ню ням')] },
  { query: 'станціями', forms: [f('станці', 'я ї ю єю й ям ями ях')] },
  { query: 'пам’ятками', forms: [f("пам'ят", 'ка ки ці ку кою ок кам ками ках')] },
  { query: 'людьми', forms: [`${f('людин', 'а и і у ою о')} ${f('люд', 'и ей ям ьми ях')}`] },
  { query: 'налаштуваннями', forms: [f('налаштуван', 'ня ню ням ь нями нях')] },
  // Adjectives.
  { query: 'приватними', forms: [f('приватн', ADJECTIVE)] },
  { query: 'інтимних', forms: [f('інтимн', ADJECTIVE)] },
  { query: 'дорослому', forms: [f('доросл', ADJECTIVE)] },
  { query: 'незнайомими', forms: [f('незнайом', ADJECTIVE)] },
  { query: 'безпечною', forms: [f('безпечн', ADJECTIVE)] },
  { query: 'фейкового', forms: [f('фейков', ADJECTIVE)] },
  { query: 'червоному', forms: [f('червон', ADJECTIVE)] },
  // Verbs.
  { query: 'надсилають', forms: [f('надсила', VERB_AJ)] },
  { query: 'довіряєш', forms: [f('довіря', VERB_AJ)] },
  { query: 'пересилали', forms: [f('пересила', VERB_AJ)] },
  { query: 'видаляйте', forms: [f('видаля', VERB_AJ)] },
  { query: 'шантажують', forms: [f('шантаж', VERB_UVATY)] },
  { query: 'заблокує', forms: [f('заблок', VERB_UVATY)] },
  { query: 'погрожував', forms: [f('погрож', VERB_UVATY)] },
  { query: 'надіслала', forms: [f('наді', 'слати шлю шлеш шле шлемо шлете шлють слав слала слало слали шли шліть славши')] },
  { query: 'збережіть', forms: [f('збер', 'егти ежу ежеш еже ежемо ежете ежуть іг егла егло егли ежи ежіть ігши')] },
  { query: 'поскаржитися', forms: [f('поскарж', 'итися итись уся ишся иться имося имось итеся аться ився илася илась илося илися ились ся теся тесь')] },
  { query: 'розповісти', forms: [f('розпов', 'істи ім іси ість імо істе ідять ів іла іло іли івши')] },
  // Two-word phrases.
  { query: 'телефон довіри', forms: [f('телефон', '- у ові ом і и ів ам ами ах'), f('довір', 'а и і у ою')] },
  { query: 'налаштування приватності', forms: [f('налаштуван', 'ня ню ням ь нями нях'), f('приватн', 'ість ості істю')] },
  { query: 'інтимні фото', forms: [f('інтимн', ADJECTIVE), 'фото'] },
  { query: 'червоних прапорців', forms: [f('червон', ADJECTIVE), f('прапор', 'ець ця цю цеві цем ці ців цям цями цях')] },
  { query: 'зберегти докази', forms: [f('збер', 'егти ежу ежеш еже ежемо ежете ежуть іг егла егло егли ежи ежіть ігши'), f('доказ', '- у ові ом і и ів ам ами ах')] },
  { query: 'фейкові профілі', forms: [f('фейков', ADJECTIVE), f('профіл', 'ь ю еві ем і ів ям ями ях')] },
  { query: 'ознаки кібергрумінгу', forms: [f('озна', 'ка ки ці ку кою к кам ками ках'), f('кібергрумінг', '- у ом ові')] },
  { query: 'незнайомих людей', forms: [f('незнайом', ADJECTIVE), `${f('людин', 'а и і у ою о')} ${f('люд', 'и ей ям ьми ях')}`] },
  { query: 'пам’ятка батькам', forms: [f("пам'ят", 'ка ки ці ку кою ок кам ками ках'), f('бать', 'ко ка ку кові ком ки ків кам ками ках')] },
  { query: 'шантаж фото', forms: [f('шантаж', '- у ем еві і ів'), 'фото'] },
  { query: 'пароля профілю', forms: [f('парол', 'ь я ю ем і ів ям ями ях'), f('профіл', 'ь ю еві ем і ів ям ями ях')] },
  { query: 'згоди тиску', forms: [f('згод', 'а и і у ою'), f('тиск', '- у ові ом')] },
  { query: 'секрети дорослим', forms: [f('секрет', '- у ові ом і и ів ам ами ах'), f('доросл', ADJECTIVE)] },
  { query: 'станції квесту', forms: [f('станці', 'я ї ю єю й ям ями ях'), f('квест', '- у ові ом і и ів ам ами ах')] },
  { query: 'психологу школи', forms: [f('психолог', '- а у ові ом і и ів ам ами ах'), f('школ', 'а и і у ою о')] },
];

/** Lower case with one apostrophe, as the oracle's forms are written. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[’ʼ'`‘]/g, "'");
}

/** The words of a text, for the oracle. */
export function oracleWords(text: string): Set<string> {
  return new Set(normalize(text).match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []);
}

/** The pages (site-relative paths) whose own text contains a form of every word of the query. */
export function expectedPages(query: QualityQuery, texts: ReadonlyMap<string, Set<string>>): string[] {
  const wordSets = query.forms.map((forms) => forms.split(' ').map(normalize));
  return [...texts].filter(([, words]) => wordSets.every((forms) => forms.some((form) => words.has(form)))).map(([path]) => path);
}

/** Selectors of the shared blocks a lesson prints but does not own (left out of a lesson's own text). */
const SHARED_IN_LESSONS = ['.helplines', '.action-plan', '.fact', '.safeguarding-protocol', '.protocol-facts'];

/** The own text of a built page (see the module comment), read in the browser. */
export async function ownText(page: Page, url: string, isLesson: boolean): Promise<string> {
  await page.goto(url);
  return page.evaluate(
    ({ shared }) => {
      const main = document.querySelector('main')!; // the live page (computed styles); the test navigates away after
      for (const element of main.querySelectorAll(['nav', 'script', 'style', '.download', ...shared].join(','))) element.remove();
      // Words in neighbouring blocks (list items, table cells, a term and its definition) are separate words.
      for (const element of main.querySelectorAll('*')) {
        if (getComputedStyle(element).display === 'inline') continue;
        element.before(' ');
        element.after(' ');
      }
      return main.textContent ?? '';
    },
    { shared: isLesson ? SHARED_IN_LESSONS : [] },
  );
}

/** The Ukrainian pages a teacher may look for, as site paths: every lesson, the teachers', parents' and about pages. */
export function searchablePages(lessonsDir = 'lessons'): { path: string; isLesson: boolean }[] {
  const lessons = publishedLessons(loadLibrary(lessonsDir)).filter((lesson) => lesson.lang === 'uk');
  return [
    ...lessons.map((lesson) => ({ path: `lessons/${lesson.slug}/`, isLesson: true })),
    ...[...SITE_PAGES, 'about'].map((name) => ({ path: `${name}/`, isLesson: false })),
  ];
}

/** The words of every searchable page's own text, read from the site at `siteUrl` (built from `lessonsDir`). */
export async function ownWords(page: Page, siteUrl: string, lessonsDir = 'lessons'): Promise<Map<string, Set<string>>> {
  const texts = new Map<string, Set<string>>();
  for (const { path, isLesson } of searchablePages(lessonsDir)) texts.set(path, oracleWords(await ownText(page, `${siteUrl}${path}index.html`, isLesson)));
  return texts;
}

/** One query's outcome. */
export interface QueryOutcome {
  query: string;
  expected: string[];
  found: string[];
  /** ms from submitting the query to the results shown. */
  ms: number;
}

/** Recall and precision over all (query, page) pairs, with the queries that missed or over-found. */
export interface QualityFigures {
  queries: number;
  recall: number;
  precision: number;
  medianMs: number;
  misses: { query: string; missing: string[]; extra: string[] }[];
}

/**
 * Search every query on the search page at `searchUrl` (the Ukrainian one) as a teacher would — type, submit, read the
 * result links — and time it. Result links are returned as paths below `siteUrl`, without `index.html`.
 */
export async function runQueries(page: Page, siteUrl: string, queries: readonly QualityQuery[], expected: (query: QualityQuery) => string[]): Promise<QueryOutcome[]> {
  await page.goto(`${siteUrl}search/index.html`);
  const outcomes: QueryOutcome[] = [];
  for (const item of queries) {
    const timed = await page.evaluate(async (query) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const status = document.querySelector<HTMLElement>('[data-search-status]')!;
      const form = input.form!;
      status.textContent = '';
      const done = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (/Знайдено|Нічого не знайдено/.test(status.textContent ?? '')) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      });
      input.value = query; // no input event: the debounced search as-you-type would run a second time
      const start = performance.now();
      form.requestSubmit();
      const end = await done;
      const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-search-results] h2 a')].map((link) => link.href);
      return { ms: end - start, links };
    }, item.query);
    const found = timed.links.map((href) => sitePath(href, siteUrl));
    outcomes.push({ query: item.query, expected: expected(item), found, ms: timed.ms });
  }
  return outcomes;
}

/** A result link as a site path: `lessons/<slug>/`, `teachers/`. */
export function sitePath(href: string, siteUrl: string): string {
  return new URL(href).pathname.slice(new URL(siteUrl).pathname.length).replace(/index\.html$/, '');
}

/** Recall, precision and the median time of a set of outcomes. */
export function figures(outcomes: readonly QueryOutcome[]): QualityFigures {
  let truePositives = 0;
  let expectedCount = 0;
  let foundCount = 0;
  const misses: QualityFigures['misses'] = [];
  for (const outcome of outcomes) {
    const found = new Set(outcome.found);
    const expected = new Set(outcome.expected);
    const hits = [...found].filter((path) => expected.has(path)).length;
    truePositives += hits;
    expectedCount += expected.size;
    foundCount += found.size;
    const missing = [...expected].filter((path) => !found.has(path));
    const extra = [...found].filter((path) => !expected.has(path));
    if (missing.length || extra.length) misses.push({ query: outcome.query, missing, extra });
  }
  const times = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  return {
    queries: outcomes.length,
    recall: expectedCount ? truePositives / expectedCount : 1,
    precision: foundCount ? truePositives / foundCount : 1,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    misses,
  };
}

/** The figures as lines to print. */
export function describeFigures(result: QualityFigures): string[] {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  return [
    `search quality over ${result.queries} queries: recall ${percent(result.recall)}, precision ${percent(result.precision)}, median query ${result.medianMs.toFixed(0)} ms`,
    ...result.misses.map((miss) => `  ${miss.query}: ${[...miss.missing.map((path) => `missing ${path}`), ...miss.extra.map((path) => `extra ${path}`)].join(', ')}`),
  ];
}
