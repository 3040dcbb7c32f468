/**
 * The authoring guides' list of check rules, written from the catalogue and its examples (RULE_DOCS), so the guides
 * never drift from what the checker says: every rule by id, whether it stops publication, an example message and its
 * fix. `npm run docs:rules` writes it into docs/AUTHORING.uk.md and docs/AUTHORING.md between the markers below; a test
 * fails when a guide's copy is out of date.
 */
import type { Lang } from '../../model/formats.ts';
import { CATALOGUES, RULE_IDS, type RuleId, type RuleParams } from './index.ts';
import { RULE_DOCS, type RuleGroup } from './examples.ts';
import type { MessageEntry } from './types.ts';

/** The lines the generated list stands between in a guide. */
export const RULES_BEGIN = '<!-- rules:begin (npm run docs:rules writes this list from src/i18n/messages) -->';
export const RULES_END = '<!-- rules:end -->';

/** Section titles, severities and column heads per language. */
const WORDS = {
  uk: {
    groups: {
      file: 'Файл і тека уроку',
      frontmatter: 'Шапка (frontmatter) і YAML',
      body: 'Текст уроку: MDX, компоненти, план, заголовки',
      links: 'Посилання',
      pictures: 'Малюнки',
      data: 'Спільні дані й сторінки сайту',
      kit: 'Друкований набір',
    },
    severity: { error: 'помилка', warning: 'попередження', both: 'попередження в чернетці, помилка в опублікованому уроці' },
    head: '| правило | вид | приклад повідомлення | як виправити |',
  },
  en: {
    groups: {
      file: 'The lesson file and folder',
      frontmatter: 'Frontmatter and YAML',
      body: 'The lesson text: MDX, components, the plan, headings',
      links: 'Links',
      pictures: 'Pictures',
      data: 'Shared data and site pages',
      kit: 'The printed kit',
    },
    severity: { error: 'error', warning: 'warning', both: 'a warning in a draft, an error in a lesson to be published' },
    head: '| rule | kind | example message | how to fix it |',
  },
} as const;

/** A table cell: pipes escaped, line breaks as spaces. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The list of rules for a guide in a language: a table per part of the lesson. */
export function rulesSection(lang: Lang): string {
  const words = WORDS[lang];
  const groups = Object.keys(words.groups) as RuleGroup[];
  return groups
    .map((group) => {
      const rows = RULE_IDS.filter((rule) => RULE_DOCS[rule].group === group).map((rule) => {
        const doc = RULE_DOCS[rule];
        const texts = CATALOGUES[lang][rule] as MessageEntry<RuleParams<RuleId>>;
        const example = doc.example as RuleParams<RuleId>;
        return `| \`${rule}\` | ${words.severity[doc.severity]} | ${cell(texts.message(example))} | ${cell(texts.hint(example))} |`;
      });
      return `#### ${words.groups[group]}\n\n${words.head}\n|---|---|---|---|\n${rows.join('\n')}`;
    })
    .join('\n\n');
}

/** A guide's text with its list of rules written anew between the markers (which must be there). */
export function withRulesSection(guide: string, lang: Lang): string {
  const begin = guide.indexOf(RULES_BEGIN);
  const end = guide.indexOf(RULES_END);
  if (begin < 0 || end < begin) throw new Error(`the guide has no ${RULES_BEGIN} … ${RULES_END} markers`);
  return `${guide.slice(0, begin + RULES_BEGIN.length)}\n\n${rulesSection(lang)}\n\n${guide.slice(end)}`;
}
