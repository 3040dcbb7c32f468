import { describe, expect, test } from 'vitest';
import { kitFileName, workersFor } from '../../src/kit/batch.ts';

describe('renderKits planning', () => {
  test.each([
    [1, 2, 1],
    [10, 2, 1],
    [16, 2, 1],
    [17, 2, 2],
    [1000, 2, 2],
    [1000, 8, 8],
  ])('%i kits on %i cores → %i workers', (kits, cores, workers) => {
    expect(workersFor(kits, cores)).toBe(workers);
  });

  test.each([
    ['moya-persha-podorozh', 'uk', 'moya-persha-podorozh.pdf'],
    ['moya-persha-podorozh', 'en', 'moya-persha-podorozh.en.pdf'],
  ] as const)('kit file of %s (%s) is %s', (slug, lang, name) => {
    expect(kitFileName(slug, lang)).toBe(name);
  });
});
