/**
 * The checker's message catalogue: every rule has a message and a hint in Ukrainian and English, is documented in both
 * authoring guides (their list of rules is the one `npm run docs:rules` writes), and no message a Ukrainian author reads
 * is in English — neither the catalogue's own words nor what a mistake puts into them.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CATALOGUES, RULE_IDS, renderRule, type RuleId, type RuleParams } from '../../src/i18n/messages/index.ts';
import { RULE_DOCS } from '../../src/i18n/messages/examples.ts';
import { withRulesSection } from '../../src/i18n/messages/guide.ts';
import { COMPONENT_MEANINGS } from '../../src/i18n/messages/uk.ts';
import { COMPONENT_NAMES, LANGS, loadLibrary, localize, type Diagnostic } from '../../src/model/index.ts';
import { mistakes } from '../model/mistakes.ts';

/** A rule written with its example. */
const written = (rule: RuleId, lang: 'uk' | 'en') => renderRule(rule, RULE_DOCS[rule].example as RuleParams<RuleId>, lang);

/**
 * English words in a text a Ukrainian author reads: three Latin words in a row, once everything quoted or code-like is
 * taken out — values in quotes («…», "…", `…`), tags, paths, addresses, field names and ids (an author's own words and
 * the names they type stay as they are).
 */
function englishIn(text: string): string[] {
  const prose = text
    .replace(/«[^»]*»|"[^"]*"|`[^`]*`|“[^”]*”|'[^']*'/g, ' ')
    .replace(/<[^>\s]*[^>]*>/g, ' ')
    .replace(/\b[\w.-]+\/[\w./#-]*|\bhttps?:\S+|\bmailto:\S+|\btel:\S+/g, ' ')
    .replace(/\b[a-z]+(?:[-_.][a-z0-9]+)+\b/g, ' ');
  return prose.match(/\b[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}\b/g) ?? [];
}

describe('the catalogue', () => {
  test('every rule has a message and a hint in every language, written from its example', () => {
    for (const rule of RULE_IDS) {
      for (const lang of LANGS) {
        const { message, hint } = written(rule, lang);
        expect(message, `${rule} (${lang})`).toMatch(/\S/);
        expect(hint, `${rule} (${lang})`).toMatch(/\S/);
        expect(`${message} ${hint}`, `${rule} (${lang})`).not.toMatch(/undefined|\[object|NaN|\$\{/);
      }
      expect(written(rule, 'uk'), rule).not.toEqual(written(rule, 'en'));
    }
  });

  test('the languages have the same rules, and every rule a documented example', () => {
    expect(Object.keys(CATALOGUES.en).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.keys(RULE_DOCS).sort()).toEqual([...RULE_IDS].sort());
  });

  test('no Ukrainian message or hint is English', () => {
    const english = RULE_IDS.flatMap((rule) => {
      const { message, hint } = written(rule, 'uk');
      return englishIn(`${message}\n${hint}`).map((words) => `${rule}: ${words}`);
    });
    expect(english).toEqual([]);
  });

  test('the English test would find English (it is not blind)', () => {
    expect(englishIn('the lesson has no stage')).toEqual(['the lesson has no stage']);
    expect(englishIn('у VS Code: «Convert Indentation to Spaces»')).toEqual([]);
  });

  test('every component has a Ukrainian meaning for hints', () => {
    expect(COMPONENT_NAMES.filter((name) => !COMPONENT_MEANINGS[name])).toEqual([]);
  });
});

describe('the authoring guides', () => {
  test.each([['docs/AUTHORING.uk.md', 'uk'], ['docs/AUTHORING.md', 'en']] as const)('%s lists every rule as the catalogue says it (npm run docs:rules)', (file, lang) => {
    const guide = readFileSync(file, 'utf8');
    expect(withRulesSection(guide, lang), 'run npm run docs:rules').toBe(guide);
    for (const rule of RULE_IDS) expect(guide, rule).toContain(`| \`${rule}\` |`);
  });

  test.each([['docs/AUTHORING.uk.md'], ['docs/AUTHORING.md']])('%s shows every component with its site and kit pictures, which exist', (file) => {
    const guide = readFileSync(file, 'utf8');
    for (const name of COMPONENT_NAMES.filter((component) => component !== 'Card')) {
      for (const side of ['site', 'kit']) {
        expect(guide, `${name}.${side}`).toContain(`(gallery/${name}.${side}.png)`);
        expect(readFileSync(`docs/gallery/${name}.${side}.png`).subarray(1, 4).toString()).toBe('PNG');
      }
    }
  });

  test('the gallery stays small (a few hundred KB)', () => {
    const sizes = execFileSync('du', ['-cb', ...COMPONENT_NAMES.filter((n) => n !== 'Card').flatMap((n) => [`docs/gallery/${n}.site.png`, `docs/gallery/${n}.kit.png`])], { encoding: 'utf8' });
    expect(Number(/(\d+)\s+total/.exec(sizes)![1])).toBeLessThan(400 * 1024);
  });
});

describe('no message reaches a Ukrainian author in English', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'uk-only-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const fixture = readFileSync('tests/fixtures/lessons/valid-lesson/index.mdx', 'utf8');

  /** A library holding one lesson per bad source, and hostile files beside them. */
  function badLibrary(): string {
    const root = join(scratch, 'lessons');
    cpSync('tests/fixtures/lessons', root, { recursive: true });
    mistakes.forEach((mistake, i) => {
      mkdirSync(join(root, `mistake-${i}`));
      writeFileSync(join(root, `mistake-${i}`, 'index.mdx'), fixture.replace(mistake.from, mistake.to));
    });
    const add = (slug: string, source: string | Buffer, setup?: (folder: string) => void) => {
      mkdirSync(join(root, slug));
      writeFileSync(join(root, slug, 'index.mdx'), source);
      setup?.(join(root, slug));
    };
    add('bom', `\uFEFF${fixture}`);
    add('cr', fixture.replace(/\n/g, '\r'));
    add('nul', fixture.replace('Паролі та', 'Паро\u0000лі та'));
    add('cp1251', Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xcf, 0xf0, 0xe8]), Buffer.from('\n---\n')]));
    add('no-frontmatter', 'Просто текст.\n');
    add('unclosed-frontmatter', fixture.replace(/\n---\n/, '\n\n'));
    add('symlinked-picture', fixture.replace('Намалюй замок.', '![Нуль](./zero.png)'), (folder) => symlinkSync('/dev/zero', join(folder, 'zero.png')));
    add('outside-picture', fixture.replace('Намалюй замок.', '![Пароль](/etc/passwd)'));
    add('remote-picture', fixture.replace('Намалюй замок.', '![Фото](https://example.org/a.png)'));
    add('bad-svg', fixture.replace('Намалюй замок.', '![Малюнок](./a.svg)'), (folder) => writeFileSync(join(folder, 'a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    add('text-picture', fixture.replace('Намалюй замок.', '![Нотатки](./notes.png)'), (folder) => writeFileSync(join(folder, 'notes.png'), 'hello'));
    add('fence', fixture.replace('Намалюй замок.', '```\nкод'));
    add('wide-table', fixture.replace('Намалюй замок.', `|${' a |'.repeat(12)}\n|${'---|'.repeat(12)}`));
    add('nested', fixture.replace('Намалюй замок.', `${'> '.repeat(40)}цитата`));
    add('javascript-link', fixture.replace('Намалюй замок.', '[тут](javascript:alert(1))'));
    add('unknown-fact', fixture.replace('<Helplines />', '<Fact id="no-such-fact" />'));
    add('html', fixture.replace('Намалюй замок.', '<div>Намалюй</div>'));
    add('import', fixture.replace('<Stage title="Знайомство"', 'import X from "./x.astro";\n\n<Stage title="Знайомство"'));
    add('emoji', fixture.replace('Намалюй замок.', 'Намалюй замок 🔒.'));
    add('Паролі', fixture);
    writeFileSync(join(root, '_data', 'facts.yaml'), '- id: law\n  statement: Закон.\n  statement_en: A law.\n  source: example.org\n  verified: 2025-01-01\n');
    return root;
  }

  test('check prints every problem of a library of mistakes and hostile files in Ukrainian, and only problems of the catalogue', () => {
    const root = badLibrary();
    const library = loadLibrary(root);
    const found: Diagnostic[] = library.diagnostics;
    expect(found.length).toBeGreaterThan(mistakes.length);
    // The kit's own rules (a character the font lacks) come from the check command, in Ukrainian by default.
    const output = (() => {
      try {
        return execFileSync(process.execPath, ['scripts/check.ts', root], { encoding: 'utf8', env: { ...process.env, LESSON_KITS_LANG: 'uk' } });
      } catch (failure) {
        return (failure as { stdout: string }).stdout;
      }
    })();
    expect(output).toMatch(/помилк/);
    expect(output).not.toMatch(/\berror\b|\bwarning\b|\bhint:/);
    const english = output.split('\n').flatMap((line) => englishIn(line.replace(/^\S+:\d+:\d+/, '').replace(/\[[a-z0-9-]+\]$/, '')).map((words) => `${line.trim()} → ${words}`));
    expect(english).toEqual([]);
    // Every diagnostic is a rule of the catalogue, its text what the catalogue writes from its parameters.
    for (const d of found) {
      expect(RULE_IDS).toContain(d.rule);
      const uk = localize(d, 'uk');
      expect(uk.message).toBe(renderRule(d.rule, d.params as RuleParams<RuleId>, 'uk').message);
      expect(englishIn(`${uk.message}\n${uk.hint}`), `${d.rule}: ${uk.message}`).toEqual([]);
    }
    // None of them fell through to the parser's own words.
    expect(found.filter((d) => d.rule === 'mdx-syntax' || d.rule === 'yaml-syntax')).toEqual([]);
  });
});
