/**
 * Lessons started with `npm run new` carry the template's text, each part to fill marked ЗАПОВНІТЬ. The template rule
 * finds the marks left: a warning while the lesson is a draft, an error once it is to be published.
 */
import { error, warning, type Finding } from './diagnostics.ts';

/** The word every part of a template to fill starts with ("fill in"), followed by a colon: `ЗАПОВНІТЬ: …`. */
export const TEMPLATE_MARK = 'ЗАПОВНІТЬ';

/** A mark as it stands in a template (the word alone, as in the template's own explanation, is not one). */
const MARK = `${TEMPLATE_MARK}:`;

/** marks: at most this many are reported one by one; a fresh template has about twenty. */
const MAX_REPORTED = 30;

/** characters: the text quoted after a mark. */
const QUOTED = 60;

/** Each template mark in a lesson's text, at its line: warnings in a draft, errors in a lesson to be published. */
export function templateMarks(source: string, draft: boolean): Finding[] {
  const findings: Finding[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length && findings.length < MAX_REPORTED; i++) {
    const column = lines[i]!.indexOf(MARK);
    if (column < 0) continue;
    // The mark's text, up to the quote or tag that ends it on the line.
    const text = lines[i]!.slice(column).replace(/\r$/, '').split(/["<]/)[0]!.trim();
    const quoted = text.length > QUOTED ? `${text.slice(0, QUOTED - 1)}…` : text;
    findings.push((draft ? warning : error)(i + 1, column + 1, 'template-text', { text: quoted, draft }));
  }
  return findings;
}
