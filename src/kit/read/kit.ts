import type { Image, ListItem, Nodes, Root, RootContent } from 'mdast';
import type { Block, PictureSize, Run } from '../blocks.ts';
import type { UiStrings } from '../../i18n/index.ts';
import { bandById, YOUNG_BANDS } from '../../model/bands.ts';
import { FORMATS, type AudienceId } from '../../model/formats.ts';
import { LICENSES } from '../../model/licenses.ts';
import type { ValidLesson } from '../../model/load.ts';
import { helplinesFor, type Helpline } from '../../model/helplines.ts';
import type { Fact } from '../../model/facts.ts';
import { actionPlanBand, actionPlanFor, type ActionPlan } from '../../model/action-plan.ts';
import { error, type Finding } from '../../model/diagnostics.ts';
import { isElement, numberAttribute, readStages, textAttribute, timeline, type JsxElement } from '../../model/mdast.ts';
import { picture, readFlow, type MarkdownEnv, type Pictures } from './markdown.ts';
import { typesetText } from './typography.ts';
import { pupilPackFileName } from '../files.ts';

/** Shared data every kit prints: the disclosure protocol (as mdast), helplines, facts and the action plan. */
export interface SharedContent {
  safeguarding: Root;
  helplines: readonly Helpline[];
  facts: readonly Fact[];
  /** The shared action plan, one wording per band (empty when the library has none). */
  actionPlans: readonly ActionPlan[];
}

/** The pages (1-based) a part of the kit spans, with the blank backs among them (`pageMap`). */
export interface PageRange {
  from: number;
  to: number;
  /** Pages from `from` to `to` left blank on purpose: the backs of sheets printed double-sided. */
  blank?: readonly number[];
}

/** The pages of a part of the kit, by its outline title; from the previous layout pass. */
export type PageLookup = (outline: string) => PageRange | undefined;

/** The lesson as kit blocks, and any author errors found while reading it. */
export interface KitContent {
  /** The teacher's kit. */
  blocks: Block[];
  /** The pupil pack: what is copied for pupils (handouts, cards, the helplines sheet), each part on a new sheet. */
  pupils: Block[];
  findings: Finding[];
  /**
   * The same lesson read again with other page numbers: exactly what `readKit` with `pages` returns, without reading the
   * lesson again (only the blocks that print page numbers, the "с. 7" pointers and the print guide, are made anew, and
   * the blocks around them copied). Each call continues from the blocks the previous one returned.
   */
  repage: (pages: PageLookup) => Block[];
}

/** A section the kit moves out of the plan to its own pages (a picture to show, a handout, cards, a station, the memo). */
interface Moved {
  /** The outline title, also the key of the page map. */
  outline: string;
  /** How it is referred to from the plan and the print guide. */
  label: string;
  /** How many copies, as the print guide says it. */
  copies: string;
  blocks: Block[];
  textScale?: number;
  /** Cut-out cards: printed single-sided. */
  cut?: boolean;
  /** Starts a new sheet (pupils' sheets, station sheets, the memo); a picture to show may share a sheet with the one before. */
  recto: boolean;
  /** A poster: its type shrinks from its scale until it fits one page. */
  onePage?: boolean;
}

/** One entry of the answer key. */
interface KeyEntry {
  label: string;
  question: Run[];
  answer: Block[];
}

/** Mutable state of one pass over a lesson, local to readKit. */
interface State {
  lesson: ValidLesson;
  s: UiStrings;
  shared: SharedContent;
  pages: PageLookup;
  findings: Finding[];
  pictures: Pictures;
  question: number;
  handout: number;
  picture: number;
  shown: Moved[];
  handouts: Moved[];
  cards: Moved[];
  stations: Moved[];
  memos: Moved[];
  safeguarding: Block[];
  key: KeyEntry[];
  /** The component a node is being read inside: decides what Discuss, Cards, Answer, Picture and Helplines do. */
  mode: 'plan' | 'handout' | 'station' | 'memo';
  /** Reading a poster: read across a room, so an action plan on it prints its steps' names only. */
  poster?: boolean;
  /** The station being read: its number and how many of its questions are read (they are numbered within the sheet). */
  station?: { n: number; questions: number };
  /** Every block that prints page numbers, and how to make it again with the current `pages`. */
  paged: { block: Block; make: () => Block }[];
}

/** Type scale for handouts of early readers (grades 1–2), who read them themselves. */
const YOUNG_HANDOUT_SCALE = 1.25;
/**
 * Type scale for handouts of pre-readers (ages 4–6): an adult reads their text to the child, so it is only a little
 * larger, and their pictures (a hand to draw in) get the room.
 */
const PRE_READER_HANDOUT_SCALE = 1.1;
/** Type scale of a poster, read from across a classroom (body 22 pt, title 40 pt). */
const POSTER_SCALE = 2;
/** Size of an action plan's steps on a poster, relative to the poster's body text (about 35 pt). */
const POSTER_STEP_SCALE = 1.6;
/** Size of the phone numbers on the pupils' helplines sheet, relative to its body text (about 24 pt). */
const PHONE_SCALE = 2.2;
/** Size of the small print of that sheet (what each service is for, when the contacts were verified), relative to the body text. */
const SMALL_PRINT_SCALE = 0.92;

/**
 * A lesson → the kit's blocks in kit order: cover, timing, plan, pictures to show, handouts, cards, stations, key, memo,
 * safeguarding, glossary, the pupils' helplines sheet; and the pupil pack's blocks.
 */
export function readKit(lesson: ValidLesson, s: UiStrings, shared: SharedContent, pictures: Pictures, pages: PageLookup = () => undefined): KitContent {
  const state: State = {
    lesson, s, shared, pages, pictures, findings: [], question: 0, handout: 0, picture: 0,
    shown: [], handouts: [], cards: [], stations: [], memos: [], safeguarding: [], key: [], mode: 'plan', paged: [],
  };
  const plan = readPlan(lesson.tree, state);
  const helplinesSheet = pupilHelplinesSheet(state);
  const blocks: Block[] = [
    { kind: 'section', outline: title(state) },
    ...cover(state),
    { kind: 'pageBreak', outline: s.kit.plan(lesson.data.format) },
    { kind: 'heading', level: 1, runs: [{ text: s.kit.plan(lesson.data.format) }], bookmark: false },
    ...plan,
    ...state.shown.flatMap(movedSection),
    ...state.handouts.flatMap(movedSection),
    ...state.cards.flatMap(movedSection),
    ...state.stations.flatMap(movedSection),
    ...answerKey(state),
    ...state.memos.flatMap(movedSection),
    ...safeguardingSection(state),
    ...glossary(state),
    ...helplinesSheet,
  ];
  // What is copied for pupils: every handout and card set, and the helplines sheet.
  const pupils: Block[] = [...state.handouts.flatMap(movedSection), ...state.cards.flatMap(movedSection), ...helplinesSheet];
  let current = blocks;
  const repage = (next: PageLookup): Block[] => {
    state.pages = next;
    const swaps = new Map<Block, Block>();
    for (const entry of state.paged) {
      const made = entry.make();
      swaps.set(entry.block, made);
      entry.block = made;
    }
    current = swapBlocks(current, swaps) ?? current;
    return current;
  };
  return { blocks, pupils, findings: state.findings, repage };
}

/** The lesson's title as the kit prints it: also the outline title (and page-map key) of the cover. */
function title(state: State): string {
  return typesetText(state.lesson.data.title, state.lesson.lang);
}

/** A string of the lesson's frontmatter or attributes, with the kit's typographic marks. */
function typeset(state: State, text: string): string {
  return typesetText(text, state.lesson.lang);
}

/** The blocks with every block in `swaps` replaced, wherever it stands, and its parents copied; undefined if none was there. */
function swapBlocks(list: readonly Block[], swaps: ReadonlyMap<Block, Block>): Block[] | undefined {
  let out: Block[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const block = list[i]!;
    let next = swaps.get(block);
    if (next === undefined) {
      if (block.kind === 'list') {
        let items: Block[][] | undefined;
        for (let j = 0; j < block.items.length; j++) {
          const item = swapBlocks(block.items[j]!, swaps);
          if (item) (items ??= block.items.slice())[j] = item;
        }
        if (items) next = { ...block, items };
      } else if (block.kind === 'box') {
        const children = swapBlocks(block.children, swaps);
        if (children) next = { ...block, children };
      }
    }
    if (next !== undefined) (out ??= list.slice())[i] = next;
  }
  return out;
}

/** Title, facts, summary, provenance, timing, print guide, objectives, teacher guidance, materials, preparation. */
function cover(state: State): Block[] {
  const { lesson, s } = state;
  const data = lesson.data;
  const lang = lesson.lang;
  const bands = data.bands.map((band) => bandById(band)[lang]).join(', ');
  const stages = timeline(readStages(lesson.tree));
  const list = (items: readonly string[]): Block => ({ kind: 'list', ordered: false, items: items.map((text) => [{ kind: 'paragraph', runs: [{ text: typeset(state, text) }] }]) });
  const heading = (text: string): Block => ({ kind: 'heading', level: 2, runs: [{ text }] });
  const blocks: Block[] = [
    { kind: 'heading', level: 1, runs: [{ text: title(state) }] },
    { kind: 'paragraph', runs: [{ text: `${bands} · ${FORMATS[data.format][lang]} · ${s.minutesLong(data.duration)}`, bold: true }] },
    { kind: 'paragraph', runs: [{ text: typeset(state, data.summary) }] },
    ...provenance(state),
    heading(s.timing),
    {
      kind: 'table',
      header: [[{ text: s.timingClock }], [{ text: s.timingStage }], [{ text: s.timingMinutes }]],
      rows: [
        ...stages.map((stage) => [[{ text: `${stage.start}–${stage.end}` }], [{ text: typeset(state, stage.title) }, ...optionalMark(stage, s)], [{ text: String(stage.minutes) }]]),
        [[{ text: '' }], [{ text: s.timingTotal, bold: true }], [{ text: String(data.duration), bold: true }]],
      ],
      align: ['right', 'left', 'right'],
      unsplittable: true,
    },
    ...optionalLead(stages, s),
    ...printGuide(state),
    heading(s.objectives(data.format)),
    { kind: 'paragraph', runs: [{ text: s.objectivesLead(data.format) }] },
    list(data.objectives),
    {
      kind: 'box',
      variant: 'note',
      title: [{ text: `${s.sensitivity} — ${s.sensitivityLevel[data.sensitivity.level]}` }],
      children: [list(data.sensitivity.notes)],
    },
  ];
  if (data.materials.length) blocks.push(heading(s.materials), list(data.materials));
  if (data.preparation.length) blocks.push(heading(s.preparation), list(data.preparation));
  return blocks;
}

/** Which pages to print and how many copies, in kit order, so the teacher at the copier needs nothing else: every page is in it. */
function printGuide(state: State): Block[] {
  const { s, lesson } = state;
  const forTeacher = s.kit.forTeacher;
  const parts: { outline: string; label: string; copies: string }[] = [
    { outline: title(state), label: s.kit.cover(lesson.data.format), copies: forTeacher },
    { outline: s.kit.plan(lesson.data.format), label: s.kit.plan(lesson.data.format), copies: forTeacher },
    ...[...state.shown, ...state.handouts, ...state.cards, ...state.stations].map((part) => ({
      outline: part.outline,
      label: part.label,
      copies: part.cut ? `${part.copies}; ${s.kit.singleSided}` : part.copies,
    })),
    ...(state.key.some((entry) => entry.answer.length) ? [{ outline: s.kit.answerKey, label: s.kit.answerKey, copies: forTeacher }] : []),
    ...state.memos.map((part) => ({ outline: part.outline, label: part.label, copies: part.copies })),
    { outline: s.kit.safeguardingSection, label: s.kit.safeguardingSection, copies: s.kit.forTeacherAndBoard },
    ...(lesson.data.glossary.length ? [{ outline: s.glossary, label: s.glossary, copies: forTeacher }] : []),
    { outline: s.kit.pupilHelplines, label: s.kit.pupilHelplines, copies: s.kit.pupilHelplinesCopies },
  ];
  const item = (pages: string, text: string): Block[] => [{ kind: 'paragraph', runs: [{ text: `${pages}: `, bold: true }, { text }] }];
  const guide = (): Block => {
    const blank = parts.flatMap((part) => state.pages(part.outline)?.blank ?? []);
    return {
      kind: 'list',
      ordered: false,
      items: [
        ...parts.map((part) => item(pageText(s, state.pages(part.outline)), `${part.label} — ${part.copies}`)),
        ...(blank.length ? [item(pageText(s, { from: 0, to: -1, blank: [] }, [...new Set(blank)].sort((a, b) => a - b)), s.kit.blankBacks)] : []),
      ],
    };
  };
  const list = guide();
  state.paged.push({ block: list, make: guide });
  return [
    { kind: 'heading', level: 2, runs: [{ text: s.kit.printGuide }] },
    { kind: 'paragraph', runs: [{ text: s.kit.printGuideLead(lesson.data.format) }], keepWithNext: true },
    list,
    { kind: 'paragraph', runs: [{ text: `${s.kit.duplexNote} ${s.kit.pupilPackNote(pupilPackFileName(lesson.slug, lesson.lang))}` }] },
  ];
}

/** "с. 7, 9–10": the pages of a part that are printed (its blank backs left out), or of a list; "…" before the first layout. */
export function pageText(s: UiStrings, range: PageRange | undefined, list?: readonly number[]): string {
  if (!range) return '…';
  const pages = list ?? pagesOf(range);
  const spans: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    spans.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return s.kit.pageList(spans.join(', '), pages.length > 1);
}

/** The printed pages of a part: its range without the blank backs. */
function pagesOf(range: PageRange): number[] {
  const pages: number[] = [];
  for (let page = range.from; page <= range.to; page++) if (!range.blank?.includes(page)) pages.push(page);
  return pages;
}

/** Who wrote it, who reviewed it (or that nobody has yet), its licence and when its facts were verified. */
function provenance(state: State): Block[] {
  const { lesson, s, shared } = state;
  const data = lesson.data;
  const verified = [...shared.helplines.map((line) => line.verified), ...shared.facts.map((fact) => fact.verified)]
    .filter((date): date is string => !!date)
    .sort()
    .at(-1);
  const lines = [
    s.kit.provenance(data.updated, data.authors.join(', ')),
    data.reviewers.length ? s.kit.reviewedBy(data.reviewers.join(', ')) : s.notReviewed(data.format),
    s.kit.licenseLine(data.format, LICENSES[data.license].name),
    ...(verified ? [s.kit.factsVerified(verified)] : []),
  ];
  return [{ kind: 'paragraph', runs: [{ text: lines.join(' '), italic: true }] }];
}

/** The plan: intro Markdown and every stage in full, with moved parts replaced by pointers. */
function readPlan(tree: Root, state: State): Block[] {
  const env = markdownEnv(state);
  const stages = timeline(readStages(tree));
  let stageIndex = 0;
  return tree.children.flatMap((node): Block[] => {
    if (!isElement(node, 'Stage')) return readFlow([node], env);
    const stage = stages[stageIndex++];
    return [
      { kind: 'heading', level: 2, runs: [{ text: state.s.kit.stageHeading(stageIndex, typeset(state, stage.title)) }, ...optionalMark(stage, state.s)], pos: posOf(node) },
      { kind: 'paragraph', runs: [{ text: state.s.kit.stageTime(stage.start, stage.end, stage.minutes), bold: true }], keepWithNext: true },
      ...readFlow((node as JsxElement).children as RootContent[], env),
    ];
  });
}

/** The Markdown environment whose component handler is the kit's component vocabulary. */
function markdownEnv(state: State): MarkdownEnv {
  return { pictures: state.pictures, findings: state.findings, lang: state.lesson.lang, component: (node, env) => readComponent(node as JsxElement, state, env) };
}

/** One lesson component → the blocks it leaves where it stands (moved parts leave a pointer). */
function readComponent(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const { s } = state;
  const pos = posOf(node);
  const inner = () => readFlow(node.children as RootContent[], env);
  switch (node.name) {
    case 'Say':
      return [{ kind: 'box', variant: 'script', title: [{ text: s.say }], children: inner(), pos }];
    case 'TeacherNote':
      return [{ kind: 'box', variant: 'note', title: [{ text: s.teacherNote }], children: inner(), pos }];
    case 'Discuss':
      return discuss(node, state, env);
    case 'Answer':
      return answer(node, state, env);
    case 'Handout':
      return handout(node, state, env);
    case 'Cards':
      return cards(node, state, env);
    case 'Station':
      return station(node, state, env);
    case 'ParentMemo': {
      const title = typeset(state, textAttribute(node, 'title') ?? s.parentMemo);
      const blocks = withMode(state, 'memo', inner);
      return moveOut(state.memos, state, { outline: title, label: title, copies: s.kit.perFamily, recto: true, blocks: [{ kind: 'heading', level: 1, runs: [{ text: title }], bookmark: false }, ...blocks] }, pos);
    }
    case 'Safeguarding':
      state.safeguarding.push(...inner());
      return pointer(state, s.kit.safeguardingSection, s.kit.safeguardingSection, pos);
    case 'Helplines':
      // Pupils get their list where they read it (reader="pupils", or a handout); a memo lists the parents' contacts where
      // it stands; the teacher is pointed to the pupils' helplines sheet, or with reader="adults" to the full list.
      if (textAttribute(node, 'reader') === 'pupils' || state.mode === 'handout') return pupilHelplines(state);
      if (state.mode === 'memo') return helplineContacts(state, helplinesFor(state.shared.helplines, 'adults').filter((line) => line.audience.includes('parents')));
      if (textAttribute(node, 'reader') === 'adults') return pointer(state, s.kit.safeguardingSection, s.kit.safeguardingSection, pos);
      return pointer(state, s.kit.pupilHelplines, s.kit.pupilHelplines, pos);
    case 'ActionPlan':
      return actionPlan(node, state, pos);
    case 'Fact':
      return fact(textAttribute(node, 'id') ?? '', state, pos);
    case 'Picture':
      return sizedPicture(node, state, env);
    default:
      state.findings.push(error(pos?.line ?? 1, pos?.column ?? 1, 'kit-component-place', { name: node.name ?? '' }));
      return [];
  }
}

/**
 * Questions numbered through the lesson (on a station sheet, within the sheet); answers go to the key under the same
 * numbers (and, for a station leader, stay on the sheet, each kept on the page of its question).
 */
function discuss(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const { s } = state;
  const station = state.mode === 'station' ? state.station : undefined;
  const first = (station ? station.questions : state.question) + 1;
  const items: Block[][] = [];
  for (const list of node.children.filter((child) => child.type === 'list')) {
    for (const item of (list as { children: ListItem[] }).children) {
      let label: string;
      if (station) label = s.kit.stationQuestion(station.n, ++station.questions);
      else label = `${++state.question}.`;
      const answers = item.children.filter((child) => isElement(child as Nodes, 'Answer')) as JsxElement[];
      const question = item.children.filter((child) => !isElement(child as Nodes, 'Answer'));
      const questionBlocks = readFlow(question as RootContent[], env);
      const answerBlocks = answers.flatMap((answerNode) => readFlow(answerNode.children as RootContent[], env));
      state.key.push({ label, question: firstRuns(questionBlocks), answer: answerBlocks });
      const showAnswer = station !== undefined && answerBlocks.length > 0;
      items.push(showAnswer ? [...keptWithNext(questionBlocks), { kind: 'box', variant: 'note', title: [{ text: s.answer }], children: answerBlocks }] : questionBlocks);
    }
  }
  return [
    { kind: 'paragraph', runs: [{ text: s.kit.questionsOn, bold: true }], keepWithNext: true, pos: posOf(node) },
    { kind: 'list', ordered: true, start: first, items, pos: posOf(node) },
  ];
}

/** Blocks whose last paragraph stays on its page with what follows (a question with its answer). */
function keptWithNext(blocks: readonly Block[]): Block[] {
  const last = blocks.at(-1);
  return last?.kind === 'paragraph' ? [...blocks.slice(0, -1), { ...last, keepWithNext: true }] : [...blocks];
}

/** An answer standing in a station (not under a question): on the leader's sheet and in the key. */
function answer(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const blocks = readFlow(node.children as RootContent[], env);
  state.key.push({ label: state.station ? state.s.kit.stationAnswer(state.station.n) : state.s.answer, question: [], answer: blocks });
  return [{ kind: 'box', variant: 'note', title: [{ text: state.s.answer }], children: blocks, pos: posOf(node) }];
}

/** How many copies of a handout or a card set, from its audience and copies attributes. */
function copiesOf(node: JsxElement, state: State, fallback: AudienceId): string {
  const audience = (textAttribute(node, 'audience') ?? fallback) as AudienceId;
  const copies = numberAttribute(node, 'copies');
  return copies !== undefined && copies !== 1 ? state.s.kit.copiesOf(copies, audience) : state.s.audience[audience];
}

/**
 * A handout on its own page(s): title, copies, a name line where a pupil or a pair fills it in, content with answers
 * hidden and blanks as form fields; larger type for young bands, and much larger on a poster, whose pictures fill its page.
 */
function handout(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const { s } = state;
  state.handout += 1;
  const title = typeset(state, textAttribute(node, 'title') ?? '');
  const audience = (textAttribute(node, 'audience') ?? 'pupil') as AudienceId;
  const poster = textAttribute(node, 'kind') === 'poster';
  // A private sheet (a personal plan, "the adult I can tell") is the pupil's own: no name to write, a line saying so.
  const isPrivate = textAttribute(node, 'kind') === 'private';
  const copies = copiesOf(node, state, 'pupil');
  const textScale = poster ? POSTER_SCALE : handoutScale(state);
  const sheet: MarkdownEnv = { ...env, pupil: true, forms: true, ...(poster ? { pictureSize: 'page' as const } : {}) };
  state.poster = poster;
  const blocks = withMode(state, 'handout', () => readFlow(node.children as RootContent[], sheet));
  state.poster = false;
  const nameLine: Block[] = isPrivate
    ? [{ kind: 'paragraph', runs: [{ text: s.privateSheet, italic: true }] }]
    : !poster && (audience === 'pupil' || audience === 'pair') ? [{ kind: 'nameLine', nameLabel: `${s.nameLine}:`, dateLabel: `${s.dateLine}:` }] : [];
  return moveOut(state.handouts, state, {
    outline: `${s.handout} ${state.handout}: ${title}`,
    label: typeset(state, s.kit.handoutRef(state.handout, title)),
    copies,
    recto: true,
    textScale,
    ...(poster ? { onePage: true } : {}),
    blocks: [
      // On a poster this line is for the teacher, not the room: set at the body size.
      { kind: 'paragraph', runs: [{ text: `${s.handout} ${state.handout} · ${copies}`, italic: true }], keepWithNext: true, ...(poster ? { scale: 1 / POSTER_SCALE } : {}) },
      { kind: 'heading', level: 1, runs: [{ text: title }], bookmark: false },
      ...nameLine,
      ...blocks,
    ],
  }, posOf(node));
}

/** The type scale of a lesson's handouts: larger for its youngest band that is one of the young bands, if any. */
function handoutScale(state: State): number | undefined {
  const youngest = state.lesson.data.bands.find((band) => YOUNG_BANDS.includes(band));
  return youngest === '4-6' ? PRE_READER_HANDOUT_SCALE : youngest ? YOUNG_HANDOUT_SCALE : undefined;
}

/** Cut-out cards: in a handout they stay with it; anywhere else they move to the cards pages. */
function cards(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const title = typeset(state, textAttribute(node, 'title') ?? '');
  const cardRuns = node.children
    .filter((child) => isElement(child as Nodes, 'Card'))
    .map((card) => cardText(readFlow((card as JsxElement).children as RootContent[], env)));
  const block: Block = { kind: 'cards', title: [{ text: title }], cards: cardRuns, pos: posOf(node) };
  if (state.mode === 'handout') return [block];
  const label = typeset(state, state.s.kit.cardsRef(title));
  // No lead paragraph: a cards block always starts its own page, so a line before it would stand alone.
  return moveOut(state.cards, state, { outline: `${state.s.cards}: ${title}`, label, copies: copiesOf(node, state, 'team'), cut: true, recto: true, blocks: [block] }, posOf(node));
}

/** A station sheet for the station leader, with its answers; its questions are numbered within the sheet. */
function station(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const { s } = state;
  const n = numberAttribute(node, 'n') ?? state.stations.length + 1;
  const title = typeset(state, textAttribute(node, 'title') ?? '');
  const previous = state.station;
  state.station = { n, questions: 0 };
  const blocks = withMode(state, 'station', () => readFlow(node.children as RootContent[], env));
  state.station = previous;
  return moveOut(state.stations, state, {
    outline: `${s.station} ${n}: ${title}`,
    label: typeset(state, s.kit.stationRef(n, title)),
    copies: s.audience.leader,
    recto: true,
    blocks: [
      { kind: 'paragraph', runs: [{ text: s.kit.forLeader, italic: true }], keepWithNext: true },
      { kind: 'heading', level: 1, runs: [{ text: `${s.station} ${n}. ${title}` }], bookmark: false },
      ...blocks,
    ],
  }, posOf(node));
}

/**
 * A `<Picture>`: at its size where it stands. A page-sized picture in the plan is one to show the class: it gets a page
 * of its own after the plan (a pointer and a small copy stay in the plan); on a station sheet or a memo it is set half a
 * page.
 */
function sizedPicture(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const image = firstImage(node);
  if (!image) return [];
  const pos = posOf(node);
  const size = (textAttribute(node, 'size') ?? 'small') as PictureSize;
  if (size !== 'page' || state.mode === 'handout') return picture(image.url, image.alt ?? '', image.title, env, pos, size);
  if (state.mode !== 'plan') return picture(image.url, image.alt ?? '', image.title, env, pos, 'half');
  const { s } = state;
  const n = ++state.picture;
  const label = s.kit.pictureRef(n);
  // Named in bookmarks and the print guide by its title when it has one (alt text is a description, too long for them).
  const name = image.title ? typeset(state, image.title) : '';
  state.shown.push({
    outline: name ? `${label}: ${name}` : label,
    label,
    copies: s.kit.forShowing,
    recto: false,
    blocks: [{ kind: 'paragraph', runs: [{ text: s.kit.pictureLead(n), italic: true }], keepWithNext: true }, ...picture(image.url, image.alt ?? '', image.title, env, pos, 'page')],
  });
  return [...picture(image.url, image.alt ?? '', image.title, env, pos, 'small'), ...pointer(state, state.shown.at(-1)!.outline, label, pos)];
}

/** The picture inside a `<Picture>` (the grammar allows exactly one). */
function firstImage(node: Nodes): Image | undefined {
  if (node.type === 'image') return node;
  for (const child of (node as { children?: Nodes[] }).children ?? []) {
    const found = firstImage(child);
    if (found) return found;
  }
  return undefined;
}

/** A legal statement from the facts data with its source and date verified. */
function fact(id: string, state: State, pos?: { line: number; column: number }): Block[] {
  const found = state.shared.facts.find((item) => item.id === id);
  if (!found) {
    state.findings.push(error(pos?.line ?? 1, pos?.column ?? 1, 'kit-fact-unknown', { id }));
    return [];
  }
  const { s } = state;
  const statement = typeset(state, state.lesson.lang === 'en' ? found.statement_en : found.statement);
  const verified = found.verified ? `${s.helplinesVerified} ${found.verified}` : s.helplinesUnverified;
  return [{ kind: 'paragraph', runs: [{ text: `${statement} ` }, { text: `(${s.kit.source}: ` }, { text: found.source, href: found.source }, { text: `; ${verified})` }], pos }];
}

/** The shared action plan in the words of the lesson's youngest band (or `band`): title, the three steps, the evidence rule. */
function actionPlan(node: JsxElement, state: State, pos?: { line: number; column: number }): Block[] {
  const band = actionPlanBand(textAttribute(node, 'band'), state.lesson.data.bands);
  const plan = band ? actionPlanFor(state.shared.actionPlans, band, state.lesson.lang) : undefined;
  if (!plan) {
    state.findings.push(error(pos?.line ?? 1, pos?.column ?? 1, 'kit-action-plan-missing'));
    return [];
  }
  const steps = [plan.stop, plan.tell, plan.together];
  // A poster is read across a room: the three steps' names, large; what each means is in the plan, the memo and the site.
  if (state.poster) {
    return steps.map((step, i): Block => ({ kind: 'paragraph', runs: [{ text: `${i + 1}. ${typeset(state, step.name)}`, bold: true }], scale: POSTER_STEP_SCALE, pos }));
  }
  return [
    { kind: 'paragraph', runs: [{ text: typeset(state, plan.title), bold: true }], keepWithNext: true, pos },
    {
      kind: 'list',
      ordered: true,
      items: steps.map((step): Block[] => [{ kind: 'paragraph', runs: [{ text: `${typeset(state, step.name)} `, bold: true }, { text: typeset(state, step.text) }] }]),
      pos,
    },
    { kind: 'paragraph', runs: [{ text: typeset(state, plan.evidence), italic: true }], pos },
  ];
}

/** The contacts a pupil of this lesson's youngest band may be handed (verified, meant for that age), with their hours. */
function pupilHelplines(state: State): Block[] {
  const { s, lesson } = state;
  return [{
    kind: 'list',
    ordered: false,
    items: helplinesFor(state.shared.helplines, 'pupils', lesson.data.bands).map((line): Block[] => {
      const { name, hours } = helplineText(state, line);
      return [{
        kind: 'paragraph',
        runs: [
          { text: name, bold: true },
          ...(line.phone ? [{ text: ` ${line.phone}`, bold: true }] : []),
          ...(line.url ? [{ text: ' ' }, { text: line.url, href: line.url }] : []),
          ...(hours ? [{ text: ` (${s.helplineHours}: ${hours})` }] : []),
        ],
      }];
    }),
  }];
}

/** " — можна пропустити" after an optional stage's title. */
function optionalMark(stage: { optional: boolean }, s: UiStrings): Run[] {
  return stage.optional ? [{ text: ` — ${s.optionalStage}`, italic: true }] : [];
}

/** Under the timing table: what a teacher short of time may drop, and what never. */
function optionalLead(stages: readonly { optional: boolean; minutes: number }[], s: UiStrings): Block[] {
  const minutes = stages.filter((stage) => stage.optional).reduce((sum, stage) => sum + stage.minutes, 0);
  return minutes ? [{ kind: 'paragraph', runs: [{ text: s.optionalLead(minutes), italic: true }] }] : [];
}

/** Record a moved part and leave a pointer to its page in the plan. */
function moveOut(into: Moved[], state: State, part: Moved, pos?: { line: number; column: number }): Block[] {
  into.push(part);
  return pointer(state, part.outline, part.label, pos);
}

/** "Див.: Роздатка 1 «…», с. 7": where the plan mentions a moved part (PT Sans has no arrow glyph). */
function pointer(state: State, outline: string, label: string, pos?: { line: number; column: number }): Block[] {
  const make = (): Block => {
    const at = state.pages(outline);
    const page = at ? `, ${state.s.kit.seePage(at.from)}` : '';
    return { kind: 'paragraph', runs: [{ text: `${state.s.kit.see} ` }, { text: `${label}${page}`, bold: true }], pos };
  };
  const block = make();
  state.paged.push({ block, make });
  return [block];
}

/** A moved part on its own page(s), bookmarked, starting a new sheet where it must. */
function movedSection(part: Moved): Block[] {
  return [{ kind: 'pageBreak', outline: part.outline, textScale: part.textScale, ...(part.recto ? { recto: true } : {}), ...(part.onePage ? { onePage: true } : {}) }, ...part.blocks];
}

/** Every question with its answer, numbered as in the plan; questions with no written answer are left out. */
function answerKey(state: State): Block[] {
  const entries = state.key.filter((entry) => entry.answer.length > 0);
  if (!entries.length) return [];
  const { s } = state;
  return [
    { kind: 'pageBreak', outline: s.kit.answerKey },
    { kind: 'heading', level: 1, runs: [{ text: s.kit.answerKey }], bookmark: false },
    ...entries.flatMap((entry): Block[] => [
      { kind: 'paragraph', runs: [{ text: `${entry.label} `, bold: true }, ...entry.question.map((run) => ({ ...run, italic: true }))], keepWithNext: true },
      ...entry.answer,
    ]),
  ];
}

/** The disclosure protocol (shared text plus the lesson's own), boxed and never split, then every contact, for adults. */
function safeguardingSection(state: State): Block[] {
  const { s, shared } = state;
  const env = markdownEnv(state);
  const protocol = readFlow(shared.safeguarding.children, env);
  return [
    { kind: 'pageBreak', outline: s.kit.safeguardingSection },
    { kind: 'heading', level: 1, runs: [{ text: s.kit.safeguardingSection }], bookmark: false },
    { kind: 'box', variant: 'safeguarding', title: [{ text: s.safeguarding }], children: [...protocol, ...state.safeguarding], unsplittable: true },
    ...protocolFacts(state),
    { kind: 'heading', level: 2, runs: [{ text: s.kit.adultContacts }] },
    ...helplineList(state, helplinesFor(shared.helplines, 'adults')),
  ];
}

/** The national procedures printed with the protocol (facts marked `protocol`), each with its source and date. */
function protocolFacts(state: State): Block[] {
  const facts = state.shared.facts.filter((item) => item.protocol);
  if (!facts.length) return [];
  return [{ kind: 'heading', level: 2, runs: [{ text: state.s.protocolFacts }] }, ...facts.flatMap((item) => fact(item.id, state))];
}

/** A helpline's name, hours and purpose in the lesson's language, with the kit's typographic marks. */
function helplineText(state: State, line: Helpline): { name: string; purpose: string; hours?: string } {
  const en = state.lesson.lang === 'en';
  const hours = en ? line.hours_en ?? line.hours : line.hours;
  return {
    name: typeset(state, en ? line.name_en : line.name),
    purpose: typeset(state, en ? line.purpose_en : line.purpose),
    ...(hours ? { hours: typeset(state, hours) } : {}),
  };
}

/** Each helpline, kept whole on a page: name, number or address, hours, purpose, and when it was verified (or that it was not). */
function helplineList(state: State, lines: readonly Helpline[]): Block[] {
  const { s } = state;
  return [
    {
      kind: 'list',
      ordered: false,
      items: lines.map((line): Block[] => {
        const { name, purpose, hours } = helplineText(state, line);
        const contact: Run[] = [
          ...(line.phone ? [{ text: line.phone, bold: true }] : []),
          ...(line.phone && line.url ? [{ text: ' · ' }] : []),
          ...(line.url ? [{ text: line.url, href: line.url }] : []),
        ];
        const verified = line.verified ? `${s.helplinesVerified}: ${line.verified}` : s.helplinesUnverified;
        return [{
          kind: 'box',
          variant: 'plain',
          unsplittable: true,
          children: [
            { kind: 'paragraph', runs: [{ text: name, bold: true }] },
            { kind: 'paragraph', runs: contact },
            { kind: 'paragraph', runs: [{ text: `${purpose}${hours ? ` ${s.helplineHours}: ${hours}.` : ''} ` }, { text: `(${verified})`, italic: true }] },
          ],
        }];
      }),
    },
  ];
}

/** Helplines in brief, for a memo: each name with its number or address (and "не перевірено" where it is not verified). */
function helplineContacts(state: State, lines: readonly Helpline[]): Block[] {
  const { s } = state;
  return [
    {
      kind: 'list',
      ordered: false,
      items: lines.map((line): Block[] => [{
        kind: 'paragraph',
        runs: [
          { text: `${helplineText(state, line).name}: ` },
          ...(line.phone ? [{ text: line.phone, bold: true }] : []),
          ...(line.phone && line.url ? [{ text: ' · ' }] : []),
          ...(line.url ? [{ text: line.url, href: line.url }] : []),
          ...(line.verified ? [] : [{ text: ` (${s.helplinesUnverified})`, italic: true }]),
        ],
      }]),
    },
  ];
}

/**
 * The helplines sheet for pupils, on a sheet of its own at the end of the kit (for the notice board, for every pupil, and
 * to send home with the memo): only the verified contacts meant for children, each kept whole, phone numbers set large.
 */
function pupilHelplinesSheet(state: State): Block[] {
  const { s } = state;
  const lines = helplinesFor(state.shared.helplines, 'pupils', state.lesson.data.bands);
  const entries = lines.map((line): Block => {
    const { name, purpose, hours } = helplineText(state, line);
    const children: Block[] = [
      { kind: 'paragraph', runs: [{ text: name, bold: true }], keepWithNext: true },
      ...(line.phone ? [{ kind: 'paragraph', runs: [{ text: line.phone, bold: true }], scale: PHONE_SCALE, keepWithNext: true } satisfies Block] : []),
      ...(line.url ? [{ kind: 'paragraph', runs: [{ text: line.url, href: line.url }], keepWithNext: true } satisfies Block] : []),
      { kind: 'paragraph', runs: [{ text: `${purpose}${hours ? ` ${s.helplineHours}: ${hours}.` : ''}` }], scale: SMALL_PRINT_SCALE },
    ];
    return { kind: 'box', variant: 'plain', unsplittable: true, children };
  });
  const verified = lines.map((line) => line.verified!).sort();
  return [
    { kind: 'pageBreak', outline: s.kit.pupilHelplines, recto: true },
    { kind: 'heading', level: 1, runs: [{ text: s.kit.pupilHelplines }], bookmark: false },
    { kind: 'paragraph', runs: [{ text: s.kit.pupilHelplinesLead, bold: true }] },
    ...entries,
    ...(verified.length ? [{ kind: 'paragraph', runs: [{ text: s.kit.factsVerified(verified[0] === verified.at(-1) ? verified[0]! : `${verified[0]}–${verified.at(-1)}`), italic: true }], scale: SMALL_PRINT_SCALE } satisfies Block] : []),
  ];
}

/** The glossary as a list of bold terms with definitions: a part of its own in the outline, on the page where the safeguarding part ends (no page of its own: it is short). */
function glossary(state: State): Block[] {
  const entries = state.lesson.data.glossary;
  if (!entries.length) return [];
  return [
    { kind: 'section', outline: state.s.glossary },
    { kind: 'heading', level: 1, runs: [{ text: state.s.glossary }] },
    ...entries.map((entry): Block => ({ kind: 'paragraph', runs: [{ text: `${typeset(state, entry.term)}. `, bold: true }, { text: typeset(state, entry.definition) }] })),
  ];
}

/** Run `read` with the reading mode set, restoring it after. */
function withMode<T>(state: State, mode: State['mode'], read: () => T): T {
  const previous = state.mode;
  state.mode = mode;
  try {
    return read();
  } finally {
    state.mode = previous;
  }
}

/** The runs of the first paragraph among blocks (a question's text for the answer key). */
function firstRuns(blocks: readonly Block[]): Run[] {
  const first = blocks.find((block) => block.kind === 'paragraph');
  return first && first.kind === 'paragraph' ? first.runs : [];
}

/** A card's text: its paragraphs separated by line breaks, each list item a paragraph of its own after its marker. */
function cardText(blocks: readonly Block[]): Run[] {
  const paragraphs: Run[][] = [];
  const visit = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'paragraph') paragraphs.push(block.runs);
      else if (block.kind === 'list') {
        block.items.forEach((item, i) => {
          const at = paragraphs.length;
          visit(item);
          if (paragraphs.length > at) paragraphs[at] = [{ text: block.ordered ? `${(block.start ?? 1) + i}.` : '•', marker: true }, ...paragraphs[at]!];
        });
      }
    }
  };
  visit(blocks);
  return paragraphs.flatMap((runs, index) => (index > 0 ? [{ text: '\n' }, ...runs] : runs));
}

/** A node's start as a kit source position. */
function posOf(node: Nodes): { line: number; column: number } | undefined {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
}

