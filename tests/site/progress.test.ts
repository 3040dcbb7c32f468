import { describe, expect, test } from 'vitest';
import { Progress, rate } from '../../src/site/progress.ts';

/** A stream that records what is written, and a clock the test moves. */
function fakeOutput(isTTY: boolean): { output: { isTTY: boolean; columns: number; write: (text: string) => void }; written: string[]; clock: { now: number } } {
  const written: string[] = [];
  return { output: { isTTY, columns: 80, write: (text) => void written.push(text) }, written, clock: { now: 0 } };
}

describe('build progress', () => {
  test('not on a terminal: a plain line at the start, then one every 10 s, never one per update', () => {
    const { output, written, clock } = fakeOutput(false);
    const progress = new Progress(output, () => clock.now);
    progress.set('kits', 'kits 1/100');
    for (let done = 2; done <= 50; done++) {
      clock.now += 100;
      progress.set('kits', `kits ${done}/100`);
    }
    expect(written).toEqual(['kits 1/100\n']);
    clock.now = 10_100;
    progress.set('pages', 'pages 812');
    expect(written).toEqual(['kits 1/100\n', 'kits 50/100 · pages 812\n']);
    progress.end('kits');
    progress.clear();
    expect(written).toHaveLength(2);
  });

  test('on a terminal: one line rewritten in place, cleared at the end', () => {
    const { output, written, clock } = fakeOutput(true);
    const progress = new Progress(output, () => clock.now);
    progress.set('pages', 'pages 812 (35/s)');
    clock.now += 150;
    progress.set('kits', 'kits 430/1250 (cached 420)');
    expect(written.every((text) => text.startsWith('\r') && !text.includes('\n'))).toBe(true);
    expect(written.at(-1)).toContain('pages 812 (35/s) · kits 430/1250 (cached 420)');
    progress.end('pages');
    expect(written.at(-1)!.endsWith('kits 430/1250 (cached 420)')).toBe(true);
    progress.clear();
    expect(written.at(-1)).toMatch(/^\r +\r$/);
  });

  test.each([
    ['that does not say its width (a pseudo-terminal reporting 0 columns): the whole line, not cut', 0, '\rpages indexed 980/2006 (95/s)'],
    ['20 columns wide: the line cut to its width, marked with an ellipsis', 20, '\rpages indexed 980/…'],
  ])('on a terminal %s', (_case, columns, shown) => {
    const { output, written, clock } = fakeOutput(true);
    output.columns = columns;
    new Progress(output, () => clock.now).set('search', 'pages indexed 980/2006 (95/s)');
    expect(written.at(-1)!.endsWith(shown)).toBe(true);
  });

  test.each([
    [812, 23_000, '35'],
    [3, 4_000, '0.8'],
    [0, 0, '0.0'],
  ])('%i done in %i ms is %s a second', (done, ms, shown) => {
    expect(rate(done, ms)).toBe(shown);
  });
});
