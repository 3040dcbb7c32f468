import { describe, expect, test } from 'vitest';
import { findAbsoluteUrls, findModuleScriptUrls, inlineStylesheets, namedFileUrl, relativeUrl, relativizeCss, relativizeHtml } from '../../src/site/relative-urls.ts';

describe('relativeUrl', () => {
  test.each([
    ['/', '/', './'],
    ['/', '/bands/4-6/', './bands/4-6/'],
    ['/lessons/x', '/', '../../'],
    ['/lessons/x', '/_astro/a.css', '../../_astro/a.css'],
    ['/en/search', '/en/lessons/x/#stage-1', '../lessons/x/#stage-1'],
    ['/en/search', '/search/?q=a', '../../search/?q=a'],
    ['/lessons/x', 'https://example.org/', 'https://example.org/'],
    ['/lessons/x', '//cdn.example/x.js', '//cdn.example/x.js'],
    ['/lessons/x', '#main', '#main'],
    ['/lessons/x', '../y/', '../y/'],
  ])('from %s to %s → %s', (from, to, expected) => {
    expect(relativeUrl(from, to)).toBe(expected);
  });
});

describe('relativizeHtml', () => {
  test('rewrites href, src, srcset and inline url() and leaves the rest', () => {
    const html =
      '<link href="/_astro/a.css"><a href="/bands/1-2/">x</a><img src="/_astro/i.png" srcset="/_astro/i.png 1x, /_astro/i@2.png 2x">' +
      '<a href="https://creativecommons.org/">cc</a><div style="background:url(/_astro/bg.svg)" data-root="/"></div><meta name="viewport" content="width=device-width">';
    const out = relativizeHtml(html, 'lessons/x/index.html');
    expect(out).toBe(
      '<link href="../../_astro/a.css"><a href="../../bands/1-2/index.html">x</a><img src="../../_astro/i.png" srcset="../../_astro/i.png 1x, ../../_astro/i@2.png 2x">' +
        '<a href="https://creativecommons.org/">cc</a><div style="background:url(../../_astro/bg.svg)" data-root="../../"></div><meta name="viewport" content="width=device-width">',
    );
    expect(findAbsoluteUrls(out)).toEqual([]);
    expect(findAbsoluteUrls(html)).toEqual(['/_astro/a.css', '/bands/1-2/', '/_astro/i.png', '/_astro/i.png', '/_astro/i@2.png', '/', '/_astro/bg.svg']);
  });

  test('CSS url() is relative to the stylesheet', () => {
    expect(relativizeCss("@font-face{src:url(/_astro/f.woff2) format('woff2'),url('/_astro/f.woff')}", '_astro/a.css')).toBe(
      "@font-face{src:url(./f.woff2) format('woff2'),url('./f.woff')}",
    );
  });
});

describe('namedFileUrl: a link to a folder names its index.html (file:// and Kiwix find no index by themselves)', () => {
  test.each([
    ['./', './index.html'],
    ['../../', '../../index.html'],
    ['.', './index.html'],
    ['..', '../index.html'],
    ['../bands/5-6/', '../bands/5-6/index.html'],
    ['../lessons/x/#stage-1', '../lessons/x/index.html#stage-1'],
    ['./search/?q=a', './search/index.html?q=a'],
    ['../kits/x.pdf', '../kits/x.pdf'],
    ['./index.html', './index.html'],
    ['#main', '#main'],
    ['', ''],
    ['https://example.org/', 'https://example.org/'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
    ['//cdn.example/', '//cdn.example/'],
  ])('%s → %s', (url, expected) => {
    expect(namedFileUrl(url)).toBe(expected);
  });

  test('links name files, data-root stays a folder, pictures are untouched', () => {
    const out = relativizeHtml('<a href="/">h</a><link rel="alternate" href="/en/"><form data-root="/"><img src="/_astro/i.png">', 'search/index.html');
    expect(out).toBe('<a href="../index.html">h</a><link rel="alternate" href="../en/index.html"><form data-root="../"><img src="../_astro/i.png">');
  });
});

describe('checks and rewrites for pages shown from disk or at any depth', () => {
  test('module scripts loaded by address are found (they cannot run from file://); inline ones are fine', () => {
    expect(findModuleScriptUrls('<script type="module" src="./_astro/a.js"></script><script type="module">x()</script><script src="b.js"></script>')).toEqual(['./_astro/a.js']);
  });

  test('a stylesheet is inlined with its url()s made relative to the page', () => {
    const files: Record<string, string> = { '_astro/a.css': "@font-face{src:url(./f.woff2)}.x{background:url('../pic.svg')}.y{background:url(data:image/png;base64,AA)}" };
    const html = '<head><link rel="stylesheet" href="./_astro/a.css"><link rel="icon" href="./favicon.svg"></head>';
    expect(inlineStylesheets(html, '404.html', (file) => files[file])).toBe(
      "<head><style>@font-face{src:url(./_astro/f.woff2)}.x{background:url('./pic.svg')}.y{background:url(data:image/png;base64,AA)}</style><link rel=\"icon\" href=\"./favicon.svg\"></head>",
    );
  });
});
