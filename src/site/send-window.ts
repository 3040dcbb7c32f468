/**
 * A window of requests in flight: a sender that need not wait for each answer before preparing the next request (the
 * build sends Pagefind pages while it reads and annotates the next ones) but must hear of any failure.
 */

/** Requests in flight, at most `size` at once; the first failure is thrown by the next `send` or by `drain`. */
export class SendWindow {
  readonly #size: number;
  #pending: Promise<void>[] = [];
  #failure: unknown;
  #failed = false;

  constructor(size: number) {
    this.#size = size;
  }

  /** Add a request; waits for the oldest when the window is full. */
  async send(request: Promise<void>): Promise<void> {
    this.#pending.push(request.catch((error: unknown) => this.#fail(error)));
    if (this.#pending.length >= this.#size) await this.#pending.shift();
    this.#throwIfFailed();
  }

  /** Wait for every request; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.#pending.splice(0));
    this.#throwIfFailed();
  }

  /** Keep the first failure (the later ones follow from it, as when the receiver has stopped). */
  #fail(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#failure = error;
  }

  /** Throw the failure kept, if any. */
  #throwIfFailed(): void {
    if (this.#failed) throw this.#failure;
  }
}
