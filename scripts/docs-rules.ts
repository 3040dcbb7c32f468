/** `npm run docs:rules`: write the list of check rules into docs/AUTHORING.uk.md and docs/AUTHORING.md from the message catalogue. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesSection } from '../src/i18n/messages/guide.ts';

for (const [file, lang] of [['docs/AUTHORING.uk.md', 'uk'], ['docs/AUTHORING.md', 'en']] as const) {
  const guide = readFileSync(file, 'utf8');
  const next = withRulesSection(guide, lang);
  if (next !== guide) writeFileSync(file, next);
  console.log(`${file}: ${next === guide ? 'up to date' : 'rules written'}`);
}
