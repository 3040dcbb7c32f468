import { describe, expect, test } from 'vitest';
import { annotateForIndex, groupSet, indexedWords, isUkrainianPage, lexiconScript, partHasTokens, searchParts, LEXICON_GLOBAL } from '../../src/site/search-index.ts';
import { indexToken } from '../../src/site/words.ts';

/** Tokens for a test: a word's tokens are `#` and the word. */
const tokensOf = (word: string) => (word.length > 2 ? [`#${word}`] : []);

describe('annotateForIndex', () => {
  test('puts each word’s tokens after it, only inside the indexed part', () => {
    const html = '<html lang="uk"><body><nav>Меню</nav><main data-pagefind-body><h1 data-pagefind-meta="title">Мій пароль</h1><p>Пам&#39;ятка, <b>друзі</b>.</p></main><footer>Кінець</footer></body></html>';
    expect(annotateForIndex(html, tokensOf)).toBe(
      '<html lang="uk"><body><nav>Меню</nav><main data-pagefind-body><h1 data-pagefind-meta="title">Мій #мій пароль #пароль</h1><p>Пам&#39;ятка #пам\'ятка, <b>друзі #друзі</b>.</p></main><footer>Кінець</footer></body></html>',
    );
  });

  test('leaves filters, other metadata, ignored parts, scripts, styles and comments as they are', () => {
    const html = '<div data-pagefind-body><span data-pagefind-filter="band">Перший клас</span><span data-pagefind-meta="format">Урок</span><section data-pagefind-ignore="all"><p>Телефони довіри</p></section><script>const слово = 1;</script><style>.клас{}</style><!-- коментар --><img alt="малюнок" src="a.svg" /><br><p>Слово</p></div>';
    expect(annotateForIndex(html, tokensOf)).toBe(html.replace('<p>Слово</p>', '<p>Слово #слово</p>'));
  });

  test('the title and `about` metadata get tokens wherever they stand', () => {
    expect(annotateForIndex('<div hidden data-pagefind-meta="about">Про паролі</div><main data-pagefind-body><p>Текст</p></main>', tokensOf)).toBe(
      '<div hidden data-pagefind-meta="about">Про #про паролі #паролі</div><main data-pagefind-body><p>Текст #текст</p></main>',
    );
  });

  test('the words it gives tokens to, normalised', () => {
    expect(indexedWords('<main data-pagefind-body><p>Пам’ятка ҐАНОК</p><p data-pagefind-ignore>ні</p></main>')).toEqual(["пам'ятка", 'ганок']);
  });

  test('knows a Ukrainian page, and writes the lexicon as a classic script', () => {
    expect(isUkrainianPage('<!doctype html><html lang="uk"><head>')).toBe(true);
    expect(isUkrainianPage('<html lang="en">')).toBe(false);
    expect(lexiconScript({ endings: [], groups: [], plain: [] })).toBe(`self.${LEXICON_GLOBAL} = {"endings":[],"groups":[],"plain":[]};\n`);
  });
});

describe('searchParts', () => {
  const pages = [
    { file: 'en/lessons/b/index.html', bytes: 20 },
    { file: 'lessons/a/index.html', bytes: 40 },
    { file: 'lessons/b/index.html', bytes: 40 },
    { file: 'en/lessons/a/index.html', bytes: 20 },
    { file: 'teachers/index.html', bytes: 150 },
    { file: 'en/teachers/index.html', bytes: 10 },
  ];

  test('one part when everything fits', () => {
    expect(searchParts(pages, 1000)).toEqual([['en/lessons/a/index.html', 'lessons/a/index.html', 'en/lessons/b/index.html', 'lessons/b/index.html', 'en/teachers/index.html', 'teachers/index.html']]);
  });

  test('parts within the size, a page always with its translation, a page too large alone in a part of its own', () => {
    expect(searchParts(pages, 100)).toEqual([
      ['en/lessons/a/index.html', 'lessons/a/index.html'],
      ['en/lessons/b/index.html', 'lessons/b/index.html'],
      ['en/teachers/index.html', 'teachers/index.html'],
    ]);
    expect(searchParts(pages, 120)).toEqual([
      ['en/lessons/a/index.html', 'lessons/a/index.html', 'en/lessons/b/index.html', 'lessons/b/index.html'],
      ['en/teachers/index.html', 'teachers/index.html'],
    ]);
  });

  test('every page in exactly one part', () => {
    const many = Array.from({ length: 50 }, (_, n) => [{ file: `lessons/l${n}/index.html`, bytes: n + 1 }, { file: `en/lessons/l${n}/index.html`, bytes: 3 }]).flat();
    const parts = searchParts(many, 60);
    expect(parts.flat().sort()).toEqual(many.map((page) => page.file).sort());
    expect(parts.length).toBeGreaterThan(10);
  });

  test('no pages: one empty part (the site still gets its index)', () => {
    expect(searchParts([], 100)).toEqual([[]]);
  });
});

describe('a part’s word groups', () => {
  const count = 300;
  const token = (group: number) => indexToken(group, count);
  const part = { path: 'part-2/', groups: groupSet([token(0), token(9), token(299)], count) };

  test.each([
    [[0], true],
    [[9, 299], true],
    [[0, 1], false],
    [[8], false],
    [[298], false],
  ])('a query of the groups %j: asked of the part %s', (groups, asked) => {
    expect(partHasTokens(part, groups.map(token).join(' '))).toBe(asked);
  });

  test('words that are not tokens are the index’s to match', () => {
    expect(partHasTokens(part, 'password')).toBe(true);
    expect(partHasTokens(part, `${token(9)} password`)).toBe(true);
  });
});
