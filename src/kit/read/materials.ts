/**
 * The print guide against the lesson's `materials`: the guide's copies come from each handout's and card set's
 * `audience` (and `copies`), while authors also write the quantities into `materials` by hand. Where a materials line
 * names a printed part and says a different quantity, `npm run check` warns at that line, so the teacher at the copier
 * never reads two answers.
 */
import type { Nodes } from 'mdast';
import type { ValidLesson } from '../../model/load.ts';
import { t } from '../../i18n/index.ts';
import type { AudienceId } from '../../model/formats.ts';
import { warning, type Finding } from '../../model/diagnostics.ts';
import { isJsx, isParent, numberAttribute, textAttribute, type JsxElement } from '../../model/mdast.ts';

/** A printed part the guide lists with its copies: a handout or a card set. */
interface PrintedPart {
  kind: 'handout' | 'cards';
  title: string;
  audience: AudienceId;
  copies: number;
  /** Cards of a quest station. */
  atStation: boolean;
  line: number;
}

/** How a materials line says copies are made: for whom (an audience) and how many of each. */
interface Quantity {
  phrase: string;
  audience?: AudienceId;
  copies?: number;
}

/** Quantity phrases by audience, Ukrainian and English ("по одній на учня", "one per team"). */
const AUDIENCE_PHRASES: readonly [AudienceId, RegExp][] = [
  ['leader', /(?<!\p{L})(на (кожну )?станцію|на (кожного )?ведуч|для ведуч|на стіл станції)|per station|for (each|the) station|per station leader/iu],
  ['pupil', /(?<!\p{L})(на (кожн\S* )?(учня|учениц|дитину|дитини)|кожному учнев)|per (pupil|child)|for each (pupil|child)/iu],
  ['pair', /(?<!\p{L})на пару|per pair/iu],
  ['team', /(?<!\p{L})(на команду|на групу з)|per team|per group of/iu],
  ['class', /(?<!\p{L})(на клас|для (вчителя|вихователя|класу|класного стенду)|для дошки)|for the (class|teacher)|one set for the/iu],
];

/** Counts of copies ("два примірники", "два комплекти", "двічі", "2 copies"). */
const COUNT = /(\d+|один|одна|одну|два|дві|три|чотири|п['’]ять|шість|сім|вісім|one|two|three|four|five|six)\s+(примірник\S*|комплект\S*|копі\S*|cop(y|ies)|sets?\b)|(двічі|twice)/i;
const NUMBERS: Record<string, number> = {
  один: 1, одна: 1, одну: 1, два: 2, дві: 2, три: 3, чотири: 4, "п'ять": 5, 'п’ять': 5, шість: 6, сім: 7, вісім: 8,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
};

/** Titles quoted in a line: «…», “…”, "…". */
const QUOTED = /«([^»]+)»|“([^”]+)”|"([^"]+)"/g;

/** Warnings where a materials line and the print guide disagree on a part's copies, at the materials line. */
export function materialsFindings(lesson: ValidLesson, source: string): Finding[] {
  const parts = printedParts(lesson.tree as Nodes);
  const s = t(lesson.lang);
  const findings: Finding[] = [];
  lesson.data.materials.forEach((item) => {
    const named = partsNamed(item, parts);
    if (!named.length) return;
    const said = quantityOf(item, lesson);
    if (!said) return;
    for (const part of named) {
      const audienceDiffers = said.audience !== undefined && said.audience !== part.audience;
      const copiesDiffer = said.copies !== undefined && said.copies !== part.copies;
      if (!audienceDiffers && !copiesDiffer) continue;
      const guide = part.copies !== 1 ? s.kit.copiesOf(part.copies, part.audience) : s.audience[part.audience];
      const component = part.kind === 'handout' ? 'Handout' : 'Cards';
      const { line, column } = locate(source, item);
      findings.push(warning(line, column, 'materials-copies', { said: said.phrase, component, title: part.title, guide, audience: part.audience, copies: part.copies, line: part.line }));
    }
  });
  return findings;
}

/** Every handout and card set of a lesson, with what the guide says of it. */
function printedParts(tree: Nodes): PrintedPart[] {
  const parts: PrintedPart[] = [];
  const visit = (node: Nodes, atStation: boolean) => {
    if (isJsx(node) && (node.name === 'Handout' || node.name === 'Cards')) {
      const element = node as JsxElement;
      const kind = node.name === 'Handout' ? 'handout' : 'cards';
      parts.push({
        kind,
        title: textAttribute(element, 'title') ?? '',
        audience: (textAttribute(element, 'audience') ?? (kind === 'handout' ? 'pupil' : 'team')) as AudienceId,
        copies: numberAttribute(element, 'copies') ?? 1,
        atStation,
        line: node.position?.start.line ?? 1,
      });
    }
    const inStation = atStation || (isJsx(node) && node.name === 'Station');
    if (isParent(node)) for (const child of node.children) visit(child as Nodes, inStation);
  };
  visit(tree, false);
  return parts;
}

/**
 * The parts a materials line is the entry of: a line that starts with the kind of part ("Роздатка «…»", "Картки «…»")
 * and names it by its quoted title, or "Картки до станцій …" for all station cards. A line that only mentions a part
 * ("Контакти — на роздатці «…»; для стенду — ще один її примірник") is not held to its copies.
 */
function partsNamed(item: string, parts: readonly PrintedPart[]): PrintedPart[] {
  const kind = /^\s*(роздатк|handout|poster)/i.test(item) ? 'handout' : /^\s*(картк|cards)/i.test(item) ? 'cards' : undefined;
  if (!kind) return [];
  const candidates = parts.filter((part) => part.kind === kind);
  const quoted = [...item.matchAll(QUOTED)].map((m) => normalize(m[1] ?? m[2] ?? m[3] ?? ''));
  if (quoted.length) {
    return candidates.filter((part) => quoted.some((title) => title.length > 2 && (normalize(part.title).includes(title) || title.includes(normalize(part.title)))));
  }
  if (kind === 'cards' && /станці|station/i.test(item)) return candidates.filter((part) => part.atStation);
  return [];
}

/** "по одній на учня", "по одному комплекту на станцію", "one set per station": one copy for each of whom. */
const EACH = /по\s+одн\S*(\s+(картці|комплекту|примірнику|аркушу))?\s+(на|для)\s+[^,;()]+|\bone(\s+(set|copy|card))?\s+(per|for)\s+[^,;()]+/i;

/** What a materials line says about copies, if it says something the guide can be held to. */
function quantityOf(item: string, lesson: ValidLesson): Quantity | undefined {
  const each = EACH.exec(item)?.[0];
  // One card of the set per group ("по одній картці на групу"): the set itself is one for the class.
  if (each && /картці|\bcard\b/i.test(each)) return { phrase: each.trim(), audience: 'class' };
  const phrase = each ?? AUDIENCE_PHRASES.map(([, pattern]) => pattern.exec(item)?.[0]).find((found) => found !== undefined) ?? /(?<!\p{L})на груп\S*|per group/iu.exec(item)?.[0];
  const audience = phrase ? audienceOf(phrase, lesson) : undefined;
  // "по одному на команду" after "шість примірників": the count is the total, one for each of whom decides.
  const count = each ? undefined : COUNT.exec(item);
  const copies = count ? (count[4] ? 2 : (NUMBERS[count[1]!.toLowerCase()] ?? Number(count[1]))) : undefined;
  if (audience === undefined && copies === undefined) return undefined;
  return { phrase: [count?.[0], phrase?.trim()].filter(Boolean).join(' … '), audience, copies };
}

/** The audience a quantity phrase names; "група" is the whole class in a preschool session and a small team elsewhere. */
function audienceOf(phrase: string, lesson: ValidLesson): AudienceId | undefined {
  const found = AUDIENCE_PHRASES.find(([, pattern]) => pattern.test(phrase))?.[0];
  if (found) return found;
  if (/груп|group/i.test(phrase)) return lesson.data.bands.every((band) => band === '4-6') ? 'class' : 'team';
  return undefined;
}

/** Text compared for titles: lower case, quotes and apostrophes alike. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[«»“”„"]/g, '').replace(/['ʼ’]/g, '’').replace(/\s+/g, ' ').trim();
}

/** Where a materials entry stands in the lesson file (its text searched from the frontmatter's `materials:`). */
function locate(source: string, item: string): { line: number; column: number } {
  const from = source.indexOf('\nmaterials:');
  const at = source.indexOf(item.slice(0, 40), from < 0 ? 0 : from);
  if (at < 0) return { line: 1, column: 1 };
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}
