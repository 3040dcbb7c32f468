import { describe, expect, test } from 'vitest';
import { annotateForIndex, indexedWords, isUkrainianPage, lexiconScript, LEXICON_GLOBAL } from '../../src/site/search-index.ts';

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
