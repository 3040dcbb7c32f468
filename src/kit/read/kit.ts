import type { ListItem, Nodes, Root, RootContent } from 'mdast';
import type { Block, Run } from '../blocks.ts';
import type { UiStrings } from '../../i18n/index.ts';
import { bandById, YOUNG_BANDS } from '../../model/bands.ts';
import { FORMATS, type AudienceId } from '../../model/formats.ts';
import { LICENSES } from '../../model/licenses.ts';
import type { ValidLesson } from '../../model/load.ts';
import type { Helpline } from '../../model/helplines.ts';
import type { Fact } from '../../model/facts.ts';
import { helplinesFor } from '../../model/helplines.ts';
import { actionPlanBand, actionPlanFor, type ActionPlan } from '../../model/action-plan.ts';
import { error, type Finding } from '../../model/diagnostics.ts';
import { isElement, numberAttribute, readStages, textAttribute, timeline, type JsxElement } from '../../model/mdast.ts';
import { readFlow, type MarkdownEnv, type Pictures } from './markdown.ts';

/** Shared data every kit prints: the disclosure protocol (as mdast), helplines, facts and the action plan. */
export interface SharedContent {
  safeguarding: Root;
  helplines: readonly Helpline[];
  facts: readonly Fact[];
  /** The shared action plan, one wording per band (empty when the library has none). */
  actionPlans: readonly ActionPlan[];
}

/** The pages (1-based) a section of the kit spans, by its outline title; from the previous layout pass. */
export type PageLookup = (outline: string) => { from: number; to: number } | undefined;

/** The lesson as kit blocks, and any author errors found while reading it. */
export interface KitContent {
  blocks: Block[];
  findings: Finding[];
  /**
   * The same lesson read again with other page numbers: exactly what `readKit` with `pages` returns, without reading the
   * lesson again (only the blocks that print page numbers, the "с. 7" pointers and the print guide, are made anew, and
   * the blocks around them copied). Each call continues from the blocks the previous one returned.
   */
  repage: (pages: PageLookup) => Block[];
}

/** A section the kit moves out of the plan to its own pages (a handout, cards, a station, the memo). */
interface Moved {
  /** The outline title, also the key of the page map. */
  outline: string;
  /** How it is referred to from the plan and the print guide. */
  label: string;
  audience?: AudienceId;
  blocks: Block[];
  textScale?: number;
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
  handouts: Moved[];
  cards: Moved[];
  stations: Moved[];
  memos: Moved[];
  safeguarding: Block[];
  key: KeyEntry[];
  /** The component a node is being read inside: decides what Discuss, Cards and Answer do. */
  mode: 'plan' | 'handout' | 'station';
  /** "Станція 2" while reading a station: labels its answers in the key. */
  stationLabel?: string;
  /** Every block that prints page numbers, and how to make it again with the current `pages`. */
  paged: { block: Block; make: () => Block }[];
}

/** Type scale for handouts of the young bands (pre-readers and early readers). */
const YOUNG_HANDOUT_SCALE = 1.25;

/** A lesson → the kit's blocks in kit order: cover, timing, plan, handouts, cards, stations, key, memo, safeguarding, glossary. */
export function readKit(lesson: ValidLesson, s: UiStrings, shared: SharedContent, pictures: Pictures, pages: PageLookup = () => undefined): KitContent {
  const state: State = {
    lesson, s, shared, pages, pictures, findings: [], question: 0, handout: 0,
    handouts: [], cards: [], stations: [], memos: [], safeguarding: [], key: [], mode: 'plan', paged: [],
  };
  const plan = readPlan(lesson.tree, state);
  const blocks: Block[] = [
    ...cover(state),
    { kind: 'pageBreak', outline: s.kit.plan },
    { kind: 'heading', level: 1, runs: [{ text: s.kit.plan }] },
    ...plan,
    ...state.handouts.flatMap(movedSection),
    ...state.cards.flatMap(movedSection),
    ...state.stations.flatMap(movedSection),
    ...answerKey(state),
    ...state.memos.flatMap(movedSection),
    ...safeguardingSection(state),
    ...glossary(state),
  ];
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
  return { blocks, findings: state.findings, repage };
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
  const list = (items: readonly string[]): Block => ({ kind: 'list', ordered: false, items: items.map((text) => [{ kind: 'paragraph', runs: [{ text }] }]) });
  const heading = (text: string): Block => ({ kind: 'heading', level: 2, runs: [{ text }] });
  const blocks: Block[] = [
    { kind: 'heading', level: 1, runs: [{ text: data.title }] },
    { kind: 'paragraph', runs: [{ text: `${bands} · ${FORMATS[data.format][lang]} · ${s.minutesLong(data.duration)}`, bold: true }] },
    { kind: 'paragraph', runs: [{ text: data.summary }] },
    ...provenance(state),
    heading(s.timing),
    {
      kind: 'table',
      header: [[{ text: s.timingClock }], [{ text: s.timingStage }], [{ text: s.timingMinutes }]],
      rows: [
        ...stages.map((stage) => [[{ text: `${stage.start}–${stage.end}` }], [{ text: stage.title }, ...optionalMark(stage, s)], [{ text: String(stage.minutes) }]]),
        [[{ text: '' }], [{ text: s.timingTotal, bold: true }], [{ text: String(data.duration), bold: true }]],
      ],
      align: ['right', 'left', 'right'],
      unsplittable: true,
    },
    ...optionalLead(stages, s),
    ...printGuide(state),
    heading(s.objectives),
    { kind: 'paragraph', runs: [{ text: s.objectivesLead }] },
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

/** Which pages to print and how many copies, in kit order, so the teacher at the copier needs nothing else. */
function printGuide(state: State): Block[] {
  const { s } = state;
  const range = (outline: string) => {
    const at = state.pages(outline);
    return at ? s.kit.pages(at.from, at.to) : '…';
  };
  const forTeacher = s.kit.forTeacher;
  const parts: { outline: string; label: string; copies: string }[] = [
    { outline: s.kit.plan, label: s.kit.plan, copies: forTeacher },
    ...[...state.handouts, ...state.cards, ...state.stations].map((part) => ({ outline: part.outline, label: part.label, copies: part.audience ? s.audience[part.audience] : forTeacher })),
    ...(state.key.some((entry) => entry.answer.length) ? [{ outline: s.kit.answerKey, label: s.kit.answerKey, copies: forTeacher }] : []),
    ...state.memos.map((part) => ({ outline: part.outline, label: part.label, copies: s.kit.perFamily })),
    { outline: s.kit.safeguardingSection, label: s.kit.safeguardingSection, copies: s.kit.forTeacherAndBoard },
  ];
  const guide = (): Block => ({
    kind: 'list',
    ordered: false,
    items: parts.map((part): Block[] => [{ kind: 'paragraph', runs: [{ text: `${range(part.outline)}: `, bold: true }, { text: `${part.label} — ${part.copies}` }] }]),
  });
  const list = guide();
  state.paged.push({ block: list, make: guide });
  return [
    { kind: 'heading', level: 2, runs: [{ text: s.kit.printGuide }] },
    { kind: 'paragraph', runs: [{ text: s.kit.printGuideLead }] },
    list,
  ];
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
    data.reviewers.length ? s.kit.reviewedBy(data.reviewers.join(', ')) : s.notReviewed,
    s.kit.licenseLine(LICENSES[data.license].name),
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
      { kind: 'heading', level: 2, runs: [{ text: state.s.kit.stageHeading(stageIndex, stage.title) }, ...optionalMark(stage, state.s)], pos: posOf(node) },
      { kind: 'paragraph', runs: [{ text: state.s.kit.stageTime(stage.start, stage.end, stage.minutes), bold: true }] },
      ...readFlow((node as JsxElement).children as RootContent[], env),
    ];
  });
}

/** The Markdown environment whose component handler is the kit's component vocabulary. */
function markdownEnv(state: State): MarkdownEnv {
  return { pictures: state.pictures, findings: state.findings, component: (node, env) => readComponent(node as JsxElement, state, env) };
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
      const title = textAttribute(node, 'title') ?? s.parentMemo;
      return moveOut(state.memos, state, { outline: title, label: title, blocks: [{ kind: 'heading', level: 1, runs: [{ text: title }] }, ...inner()] }, pos);
    }
    case 'Safeguarding':
      state.safeguarding.push(...inner());
      return pointer(state, s.kit.safeguardingSection, s.kit.safeguardingSection, pos);
    case 'Helplines':
      // Pupils get their list where they read it; adults are pointed to the full list in the safeguarding part.
      return textAttribute(node, 'reader') === 'pupils' ? pupilHelplines(state) : pointer(state, s.kit.safeguardingSection, s.helplines, pos);
    case 'ActionPlan':
      return actionPlan(node, state, pos);
    case 'Fact':
      return fact(textAttribute(node, 'id') ?? '', state, pos);
    default:
      state.findings.push(error(pos?.line ?? 1, pos?.column ?? 1, 'kit-component-place', { name: node.name ?? '' }));
      return [];
  }
}

/** Questions numbered through the lesson; answers go to the key (and, for a station leader, stay on the sheet). */
function discuss(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const first = state.question + 1;
  const items: Block[][] = [];
  for (const list of node.children.filter((child) => child.type === 'list')) {
    for (const item of (list as { children: ListItem[] }).children) {
      state.question += 1;
      const answers = item.children.filter((child) => isElement(child as Nodes, 'Answer')) as JsxElement[];
      const question = item.children.filter((child) => !isElement(child as Nodes, 'Answer'));
      const questionBlocks = readFlow(question as RootContent[], env);
      const answerBlocks = answers.flatMap((answerNode) => readFlow(answerNode.children as RootContent[], env));
      state.key.push({ label: `${state.question}.`, question: firstRuns(questionBlocks), answer: answerBlocks });
      const showAnswer = state.mode === 'station' && answerBlocks.length > 0;
      items.push(showAnswer ? [...questionBlocks, { kind: 'box', variant: 'note', title: [{ text: state.s.answer }], children: answerBlocks }] : questionBlocks);
    }
  }
  return [
    { kind: 'paragraph', runs: [{ text: state.s.kit.questionsOn, bold: true }], pos: posOf(node) },
    { kind: 'list', ordered: true, start: first, items, pos: posOf(node) },
  ];
}

/** An answer standing in a station (not under a question): on the leader's sheet and in the key. */
function answer(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const blocks = readFlow(node.children as RootContent[], env);
  state.key.push({ label: state.stationLabel ?? state.s.answer, question: [], answer: blocks });
  return [{ kind: 'box', variant: 'note', title: [{ text: state.s.answer }], children: blocks, pos: posOf(node) }];
}

/** A handout on its own page(s): title, copies, name line, content with answers hidden; larger type for young bands. */
function handout(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const { s } = state;
  state.handout += 1;
  const title = textAttribute(node, 'title') ?? '';
  const audience = (textAttribute(node, 'audience') ?? 'pupil') as AudienceId;
  const label = s.kit.handoutRef(state.handout, title);
  const young = state.lesson.data.bands.some((band) => YOUNG_BANDS.includes(band));
  const blocks = withMode(state, 'handout', () => readFlow(node.children as RootContent[], env));
  // A private sheet (a personal plan, "the adult I can tell") is the pupil's own: no name to write, a line saying so.
  const isPrivate = textAttribute(node, 'kind') === 'private';
  const nameLine: Block[] = isPrivate
    ? [{ kind: 'paragraph', runs: [{ text: s.privateSheet, italic: true }] }]
    : audience === 'class' || audience === 'leader' ? [] : [{ kind: 'nameLine', nameLabel: `${s.nameLine}:`, dateLabel: `${s.dateLine}:` }];
  return moveOut(state.handouts, state, {
    outline: `${s.handout} ${state.handout}: ${title}`,
    label,
    audience,
    textScale: young ? YOUNG_HANDOUT_SCALE : undefined,
    blocks: [
      { kind: 'paragraph', runs: [{ text: `${s.handout} ${state.handout} · ${s.audience[audience]}`, italic: true }] },
      { kind: 'heading', level: 1, runs: [{ text: title }] },
      ...nameLine,
      ...blocks,
    ],
  }, posOf(node));
}

/** Cut-out cards: in a handout they stay with it; anywhere else they move to the cards pages. */
function cards(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const title = textAttribute(node, 'title') ?? '';
  const audience = (textAttribute(node, 'audience') ?? 'team') as AudienceId;
  const cardRuns = node.children
    .filter((child) => isElement(child as Nodes, 'Card'))
    .map((card) => flowRuns(readFlow((card as JsxElement).children as RootContent[], env)));
  const block: Block = { kind: 'cards', title: [{ text: title }], cards: cardRuns, pos: posOf(node) };
  if (state.mode === 'handout') return [block];
  const label = state.s.kit.cardsRef(title);
  // No lead paragraph: a cards block always starts its own page, so a line before it would stand alone.
  return moveOut(state.cards, state, { outline: `${state.s.cards}: ${title}`, label, audience, blocks: [block] }, posOf(node));
}

/** A station sheet for the station leader, with its answers. */
function station(node: JsxElement, state: State, env: MarkdownEnv): Block[] {
  const { s } = state;
  const n = numberAttribute(node, 'n') ?? state.stations.length + 1;
  const title = textAttribute(node, 'title') ?? '';
  const previous = state.stationLabel;
  state.stationLabel = s.kit.stationAnswer(n);
  const blocks = withMode(state, 'station', () => readFlow(node.children as RootContent[], env));
  state.stationLabel = previous;
  return moveOut(state.stations, state, {
    outline: `${s.station} ${n}: ${title}`,
    label: s.kit.stationRef(n, title),
    audience: 'leader',
    blocks: [
      { kind: 'paragraph', runs: [{ text: s.kit.forLeader, italic: true }] },
      { kind: 'heading', level: 1, runs: [{ text: `${s.station} ${n}. ${title}` }] },
      ...blocks,
    ],
  }, posOf(node));
}

/** A legal statement from the facts data with its source and date verified. */
function fact(id: string, state: State, pos?: { line: number; column: number }): Block[] {
  const found = state.shared.facts.find((item) => item.id === id);
  if (!found) {
    state.findings.push(error(pos?.line ?? 1, pos?.column ?? 1, 'kit-fact-unknown', { id }));
    return [];
  }
  const { s } = state;
  const statement = state.lesson.lang === 'en' ? found.statement_en : found.statement;
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
  return [
    { kind: 'paragraph', runs: [{ text: plan.title, bold: true }], pos },
    {
      kind: 'list',
      ordered: true,
      items: [plan.stop, plan.tell, plan.together].map((step): Block[] => [{ kind: 'paragraph', runs: [{ text: `${step.name} `, bold: true }, { text: step.text }] }]),
      pos,
    },
    { kind: 'paragraph', runs: [{ text: plan.evidence, italic: true }], pos },
  ];
}

/** The contacts a pupil of this lesson's youngest band may be handed (verified, meant for that age), with their hours. */
function pupilHelplines(state: State): Block[] {
  const { s, lesson } = state;
  const en = lesson.lang === 'en';
  return [{
    kind: 'list',
    ordered: false,
    items: helplinesFor(state.shared.helplines, 'pupils', lesson.data.bands).map((line): Block[] => {
      const hours = en ? line.hours_en ?? line.hours : line.hours;
      return [{
        kind: 'paragraph',
        runs: [
          { text: en ? line.name_en : line.name, bold: true },
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

/** A moved part on its own page(s), bookmarked. */
function movedSection(part: Moved): Block[] {
  return [{ kind: 'pageBreak', outline: part.outline, textScale: part.textScale }, ...part.blocks];
}

/** Every question with its answer, numbered as in the plan; questions with no written answer are left out. */
function answerKey(state: State): Block[] {
  const entries = state.key.filter((entry) => entry.answer.length > 0);
  if (!entries.length) return [];
  const { s } = state;
  return [
    { kind: 'pageBreak', outline: s.kit.answerKey },
    { kind: 'heading', level: 1, runs: [{ text: s.kit.answerKey }] },
    ...entries.flatMap((entry): Block[] => [
      { kind: 'paragraph', runs: [{ text: `${entry.label} `, bold: true }, ...entry.question.map((run) => ({ ...run, italic: true }))] },
      ...entry.answer,
    ]),
  ];
}

/** The disclosure protocol (shared text plus the lesson's own), boxed and never split, then the helplines. */
function safeguardingSection(state: State): Block[] {
  const { s, shared } = state;
  const env = markdownEnv(state);
  const protocol = readFlow(shared.safeguarding.children, env);
  return [
    { kind: 'pageBreak', outline: s.kit.safeguardingSection },
    { kind: 'heading', level: 1, runs: [{ text: s.kit.safeguardingSection }] },
    { kind: 'box', variant: 'safeguarding', title: [{ text: s.safeguarding }], children: [...protocol, ...state.safeguarding], unsplittable: true },
    ...protocolFacts(state),
    { kind: 'heading', level: 2, runs: [{ text: s.helplines }] },
    ...helplines(state),
  ];
}

/** The national procedures printed with the protocol (facts marked `protocol`), each with its source and date. */
function protocolFacts(state: State): Block[] {
  const facts = state.shared.facts.filter((item) => item.protocol);
  if (!facts.length) return [];
  return [{ kind: 'heading', level: 2, runs: [{ text: state.s.protocolFacts }] }, ...facts.flatMap((item) => fact(item.id, state))];
}

/** Each helpline: name, number or address, hours, purpose, and when it was verified (or that it was not). */
function helplines(state: State): Block[] {
  const { s, lesson } = state;
  const en = lesson.lang === 'en';
  return [
    {
      kind: 'list',
      ordered: false,
      items: state.shared.helplines.map((line): Block[] => {
        const contact: Run[] = [
          ...(line.phone ? [{ text: line.phone, bold: true }] : []),
          ...(line.phone && line.url ? [{ text: ' · ' }] : []),
          ...(line.url ? [{ text: line.url, href: line.url }] : []),
        ];
        const hours = en ? line.hours_en ?? line.hours : line.hours;
        const verified = line.verified ? `${s.helplinesVerified}: ${line.verified}` : s.helplinesUnverified;
        return [
          { kind: 'paragraph', runs: [{ text: en ? line.name_en : line.name, bold: true }] },
          { kind: 'paragraph', runs: contact },
          { kind: 'paragraph', runs: [{ text: `${en ? line.purpose_en : line.purpose}${hours ? ` ${s.helplineHours}: ${hours}.` : ''} ` }, { text: `(${verified})`, italic: true }] },
        ];
      }),
    },
  ];
}

/** The glossary as a list of bold terms with definitions: a part of its own in the outline, on the page where the safeguarding part ends (no page of its own: it is short). */
function glossary(state: State): Block[] {
  const entries = state.lesson.data.glossary;
  if (!entries.length) return [];
  return [
    { kind: 'section', outline: state.s.glossary },
    { kind: 'heading', level: 1, runs: [{ text: state.s.glossary }] },
    ...entries.map((entry): Block => ({ kind: 'paragraph', runs: [{ text: `${entry.term}. `, bold: true }, { text: entry.definition }] })),
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

/** All paragraph runs of a card's blocks, paragraphs separated by line breaks. */
function flowRuns(blocks: readonly Block[]): Run[] {
  return blocks.flatMap((block, index) => {
    const runs = block.kind === 'paragraph' ? block.runs : block.kind === 'list' ? block.items.flatMap((item) => flowRuns(item)) : [];
    return index > 0 && runs.length ? [{ text: '\n' }, ...runs] : runs;
  });
}

/** A node's start as a kit source position. */
function posOf(node: Nodes): { line: number; column: number } | undefined {
  return node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
}

