import { describe, expect, test } from 'vitest';
import { SendWindow } from '../../src/site/send-window.ts';

/** A request that the test answers (or fails) when it chooses. */
function request() {
  let answer!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => ([answer, fail] = [resolve, reject]));
  return { promise, answer, fail };
}

describe('a window of requests in flight', () => {
  test('holds at most its size unanswered: a send into a full window waits for the oldest answer', async () => {
    const window = new SendWindow(2);
    const [first, second] = [request(), request()];
    await window.send(first.promise);
    let sent = false;
    const sending = window.send(second.promise).then(() => (sent = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toBe(false);
    first.answer();
    await sending;
    expect(sent).toBe(true);
    let drained = false;
    const draining = window.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(drained).toBe(false);
    second.answer();
    await draining;
    expect(drained).toBe(true);
  });

  test('a failed request is thrown by the next send, and by drain, and never left unhandled', async () => {
    const window = new SendWindow(3);
    const failing = request();
    await window.send(failing.promise);
    failing.fail(new Error('Pagefind: backend closed'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(window.send(Promise.resolve())).rejects.toThrow('Pagefind: backend closed');
    await expect(window.drain()).rejects.toThrow('Pagefind: backend closed');
  });

  test('only the first of several failures is thrown', async () => {
    const window = new SendWindow(4);
    await window.send(Promise.reject(new Error('first')));
    await window.send(Promise.reject(new Error('second'))).catch(() => undefined);
    await expect(window.drain()).rejects.toThrow('first');
  });
});
