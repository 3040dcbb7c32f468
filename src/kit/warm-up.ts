/**
 * A kit worker's warm-up, while the build validates the library. V8 compiles the engine's hot code only after it has
 * run a while, so a fresh worker's first job took two to four times as long as the same job later; a one-lesson
 * rebuild's kits step is mostly such first jobs (the lesson and the volumes that hold it), and a volume runs code a
 * lesson does not (its contents, its page references, the passes that make them agree).
 *
 * The first worker renders ahead: the products of the lessons saved since the last run (src/kit/run-record.ts), stored
 * in the kit cache, where the run finds them. Any other worker, or the first when nothing was saved, renders a short
 * lesson of this module's own, on its own and as a volume of two, and throws them away.
 */
import { join } from 'node:path';
import { isValid, loadLesson, type ValidLesson } from '../model/load.ts';
import { siteMapFor, type SiteMap } from '../model/site-map.ts';
import type { Paper } from './layout/index.ts';
import { renderLoadedBundle, renderLoadedProducts, type KitResult } from './index.ts';
import { hasEntry, KeyMaker, storeEntry, withPicturesNow, type KitCache } from './cache.ts';
import type { AheadTarget } from './run-record.ts';

/** The warm-up lesson: the blocks most kits print (plan, questions with answers, a pupil's sheet, cards, the action plan, helplines). */
export const WARM_UP_LESSON = `---
title: Розминка верстальника
summary: Урок, який верстальник набирає для розминки й не зберігає.
bands: [5-6]
format: lesson
duration: 20
topics: [passwords, trusted-adults]
objectives:
  - Учні зможуть пояснити, чому пароль не розповідають друзям.
  - Учні зможуть назвати дорослого, якому довіряють.
sensitivity:
  level: low
  notes:
    - Тема спокійна.
updated: 2026-12-06
authors: [Команда проєкту]
---

Короткий вступ для вчителя: урок про паролі й про дорослих, яким можна довіряти.

<Stage title="Знайомство" minutes={10}>

<Say>

Привіт! Сьогодні поговоримо про паролі, про незнайомців в інтернеті й про те, кому розповісти, коли щось насторожує.

</Say>

<Discuss>
1. Що таке пароль і навіщо він потрібен?

   <Answer>Таємне слово, яке відкриває твою сторінку лише тобі.</Answer>

2. Кому можна розповісти, якщо хтось в інтернеті просить пароль або фотографію?

   <Answer>Дорослому, якому довіряєш: батькам, учителеві, шкільному психологові.</Answer>
</Discuss>

<ActionPlan />

</Stage>

<Stage title="Гра" minutes={10}>

<Handout title="Мій план безпеки" audience="pupil">

Дорослий, якому я можу розповісти: ____________________

<Cards title="Так чи ні">
<Card>Пароль можна сказати найкращому другові.</Card>
<Card>Якщо незнайомець просить фото, я зупиняюся й кажу дорослому.</Card>
<Card>Скріншот переписки зберігаємо разом із дорослим.</Card>
</Cards>

<Helplines reader="pupils" />

</Handout>

</Stage>

<Safeguarding />
`;

/** A site map with no pages: the warm-up lesson links nowhere, and the library's own map is not read yet. */
const NO_PAGES: SiteMap = { lessons: new Map(), pages: new Map() };

/**
 * Render the warm-up lesson's kit and pupil pack, then a volume of it twice, with a library's shared data, and forget
 * them; true when all rendered.
 */
export async function warmUp(lessonsDir: string, paper: Paper): Promise<boolean> {
  const lesson = loadLesson(join(lessonsDir, 'warm-up', 'index.mdx'), WARM_UP_LESSON, { site: NO_PAGES });
  if (!isValid(lesson)) return false;
  const { kit, pupils } = await renderLoadedProducts(lesson, lessonsDir, { paper });
  if (!kit.ok || !pupils.ok) return false;
  const volume = await renderLoadedBundle([lesson, lesson], lesson.data.bands[0]!, lessonsDir, { paper }, 2);
  return volume.ok;
}

/**
 * Render each target the cache does not hold yet and store it under the key of what was rendered, until `runBegun`
 * says the run's jobs have come (the target under way is finished). Returns the keys stored. A target that fails (a
 * lesson with errors, a picture that cannot be read) is left: the run renders it, and reports its errors.
 */
export async function renderAhead(targets: readonly AheadTarget[], cache: KitCache, lessonsDir: string, paper: Paper, runBegun: () => boolean): Promise<string[]> {
  const stored: string[] = [];
  const site = siteMapFor(lessonsDir);
  for (const target of targets) {
    if (runBegun()) break;
    const key = await renderTarget(target, cache, lessonsDir, paper, site).catch(() => undefined);
    if (key) stored.push(key);
  }
  return stored;
}

/** A lesson's kit and pupil pack, in the order its cache entry holds them. */
async function lessonProducts(lesson: ValidLesson, lessonsDir: string, paper: Paper): Promise<KitResult[]> {
  const { kit, pupils } = await renderLoadedProducts(lesson, lessonsDir, { paper });
  return [kit, pupils];
}

/** Render one target and store it; its key, or undefined when the cache had it, it failed, or a file changed meanwhile. */
async function renderTarget(target: AheadTarget, cache: KitCache, lessonsDir: string, paper: Paper, site: SiteMap): Promise<string | undefined> {
  const lessons = target.files.map((file) => loadLesson(file, undefined, { site }));
  if (!lessons.every(isValid)) return undefined;
  const key = new KeyMaker(cache, lessonsDir, paper).products(target.bundle, lessons);
  if (!key || hasEntry(cache, key)) return undefined;
  const products: KitResult[] = target.bundle ? [await renderLoadedBundle(lessons, target.bundle.band, lessonsDir, { paper }, target.bundle.volume)] : await lessonProducts(lessons[0]!, lessonsDir, paper);
  const rendered = products.flatMap((product) => (product.ok ? [product] : []));
  // The shared data as it is now, and the pictures as read again: a file saved during the render leaves nothing stored.
  const now = new KeyMaker(cache, lessonsDir, paper).products(target.bundle, lessons.map((lesson) => withPicturesNow(lesson)));
  if (rendered.length < products.length || now !== key) return undefined;
  await storeEntry(cache, key, rendered);
  return key;
}
