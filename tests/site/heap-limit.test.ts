import { describe, expect, test } from 'vitest';
import { hasHeapLimit, heapLimitMb, withHeapLimit, withoutHeapLimit } from '../../src/site/heap-limit.ts';

describe('the build’s heap limit', () => {
  test('has a floor and grows with the library', () => {
    expect(heapLimitMb(10)).toBe(1024);
    expect(heapLimitMb(1222)).toBe(1024);
    expect(heapLimitMb(5000)).toBeGreaterThan(3000);
  });

  test('is added to the build’s Node options, and left out of the kits’ process', () => {
    const options = withHeapLimit(['--no-warnings'], 10);
    expect(options).toEqual(['--max-old-space-size=1024', '--no-warnings']);
    expect(hasHeapLimit(options)).toBe(true);
    expect(withoutHeapLimit(options)).toEqual(['--no-warnings']);
  });
});
