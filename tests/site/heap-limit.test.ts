import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { countLessonFiles, hasHeapLimit, heapLimitMb, withHeapLimit, withoutHeapLimit } from '../../src/site/heap-limit.ts';

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

  test('counts lesson files: not pictures, other files, or folders starting with _', () => {
    const root = mkdtempSync(join(tmpdir(), 'heap-limit-'));
    try {
      for (const [file, text] of [['a/index.mdx', ''], ['a/index.en.mdx', ''], ['a/pic.svg', ''], ['b/index.mdx', ''], ['_data/index.mdx', ''], ['b/notes.mdx', '']]) {
        mkdirSync(join(root, file, '..'), { recursive: true });
        writeFileSync(join(root, file), text);
      }
      writeFileSync(join(root, 'README.md'), '');
      expect(countLessonFiles(root)).toBe(3);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
