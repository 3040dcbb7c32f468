import { describe, expect, test } from 'vitest';
import { findAbsoluteUrls, relativeUrl, relativizeCss, relativizeHtml } from '../../src/site/relative-urls.ts';

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
      '<link href="../../_astro/a.css"><a href="../../bands/1-2/">x</a><img src="../../_astro/i.png" srcset="../../_astro/i.png 1x, ../../_astro/i@2.png 2x">' +
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
