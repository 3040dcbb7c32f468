/** The MDX component set every lesson may use without imports (DESIGN §2). */
import Stage from './Stage.astro';
import Say from './Say.astro';
import TeacherNote from './TeacherNote.astro';
import Discuss from './Discuss.astro';
import Answer from './Answer.astro';
import Handout from './Handout.astro';
import Cards from './Cards.astro';
import Card from './Card.astro';
import Station from './Station.astro';
import Safeguarding from './Safeguarding.astro';
import Helplines from './Helplines.astro';
import ParentMemo from './ParentMemo.astro';
import Fact from './Fact.astro';
import Picture from './Picture.astro';
import ActionPlan from './ActionPlan.astro';
import SafeLink from './SafeLink.astro';

export const lessonComponents = {
  Stage, Say, TeacherNote, Discuss, Answer, Handout, Cards, Card, Station, Safeguarding, Helplines, Fact, ParentMemo, ActionPlan, Picture,
};

/** What lesson and page bodies render with: the components, and Markdown links through the link rule (model/links.ts). */
export const contentComponents = { ...lessonComponents, a: SafeLink };
