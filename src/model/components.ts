/** How an attribute's value is written and checked. */
/**
 * How an attribute's value is written and checked: `flag` is a bare name (`<Stage … optional>`), `band` an age-band id,
 * `reader` who a list of helplines is for (`pupils` or `adults`), `picture-size` how large a `<Picture>` is printed.
 */
export type AttributeKind = 'text' | 'minutes' | 'number' | 'audience' | 'handout-kind' | 'flag' | 'band' | 'reader' | 'picture-size';

/** One attribute a component accepts. */
export interface AttributeSpec {
  kind: AttributeKind;
  required: boolean;
}

/** Where a component may stand and what it accepts (DESIGN §2, "Where components may stand"). */
export interface ComponentSpec {
  /** Parent components it may stand in; `root` is the top level of the lesson. */
  parents: readonly string[];
  attributes: Readonly<Record<string, AttributeSpec>>;
  /** What its children must be, beyond the parent rules of each child. */
  children: 'markdown' | 'optional-markdown' | 'cards' | 'list' | 'picture' | 'none';
  /** One line on what it means, used in hints. */
  meaning: string;
}

const required = (kind: AttributeKind): AttributeSpec => ({ kind, required: true });
const optional = (kind: AttributeKind): AttributeSpec => ({ kind, required: false });

/** The closed MDX component vocabulary: each has one meaning and renders on the site and in the kit. */
export const COMPONENTS = {
  Stage: {
    parents: ['root'],
    attributes: { title: required('text'), minutes: required('minutes'), optional: optional('flag') },
    children: 'markdown',
    meaning: 'a step of the plan with its time (optional: a teacher short of time may drop it)',
  },
  Say: { parents: ['root', 'Stage'], attributes: {}, children: 'markdown', meaning: "the teacher's script" },
  TeacherNote: { parents: ['root', 'Stage'], attributes: {}, children: 'markdown', meaning: 'a note for the teacher' },
  Discuss: {
    parents: ['Stage', 'Station', 'Handout'],
    attributes: {},
    children: 'list',
    meaning: 'questions for the class, as one Markdown list',
  },
  Answer: { parents: ['Discuss', 'Station'], attributes: {}, children: 'markdown', meaning: 'an expected answer' },
  Handout: {
    parents: ['root', 'Stage'],
    attributes: { title: required('text'), audience: optional('audience'), kind: optional('handout-kind'), copies: optional('number') },
    children: 'markdown',
    meaning: 'a printable worksheet for pupils',
  },
  Cards: {
    parents: ['Stage', 'Handout', 'Station'],
    attributes: { title: required('text'), audience: optional('audience'), copies: optional('number') },
    children: 'cards',
    meaning: 'a set of cut-out cards',
  },
  Card: { parents: ['Cards'], attributes: {}, children: 'markdown', meaning: 'one cut-out card' },
  Station: {
    parents: ['Stage'],
    attributes: { n: required('number'), title: required('text') },
    children: 'markdown',
    meaning: 'a quest station',
  },
  Safeguarding: {
    parents: ['root', 'Stage'],
    attributes: {},
    children: 'optional-markdown',
    meaning: 'what to do if a child discloses (the shared protocol plus your text)',
  },
  Helplines: {
    parents: ['root', 'Stage', 'Handout', 'Station', 'Safeguarding', 'ParentMemo'],
    attributes: { reader: optional('reader') },
    children: 'none',
    meaning: 'helplines from lessons/_data/helplines.yaml (reader="pupils": only the verified contacts for children)',
  },
  ActionPlan: {
    parents: ['root', 'Stage', 'Say', 'Handout', 'Station', 'ParentMemo'],
    attributes: { band: optional('band') },
    children: 'none',
    meaning: "the shared action plan from lessons/_data/action-plan.yaml, in the words of the lesson's youngest band (or band=\"…\")",
  },
  Fact: {
    parents: ['root', 'Stage', 'Say', 'TeacherNote', 'Handout', 'Station', 'Safeguarding', 'ParentMemo', 'Answer'],
    attributes: { id: required('text') },
    children: 'none',
    meaning: 'a statement from lessons/_data/facts.yaml, printed with its source and date verified',
  },
  ParentMemo: {
    parents: ['root', 'Stage'],
    attributes: { title: optional('text') },
    children: 'markdown',
    meaning: 'a memo for parents',
  },
  Picture: {
    parents: ['root', 'Stage', 'Say', 'TeacherNote', 'Handout', 'Station', 'Safeguarding', 'ParentMemo'],
    attributes: { size: required('picture-size') },
    children: 'picture',
    meaning: 'one picture, printed at a size for its use',
  },
} as const satisfies Record<string, ComponentSpec>;

/** A component name. */
export type ComponentName = keyof typeof COMPONENTS;

/** Every component name. */
export const COMPONENT_NAMES = Object.keys(COMPONENTS) as ComponentName[];

/** True when a JSX name is in the vocabulary. */
export function isComponent(name: string | null | undefined): name is ComponentName {
  return typeof name === 'string' && Object.hasOwn(COMPONENTS, name);
}

/** Components whose place is where pupils learn where to get help: a stage holding one cannot be optional. */
export const HELP_COMPONENTS: readonly ComponentName[] = ['Helplines', 'ActionPlan'];
