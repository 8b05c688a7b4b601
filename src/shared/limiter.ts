import { SaringError } from '../errors/errors.js';

/**
 * Runs at most `concurrency` tasks at once and lets at most `queue` more wait; beyond that a task
 * is refused at once with `rate_limited`, so a burst of heavy requests (each an ffmpeg process and
 * its memory) cannot pile up without bound.
 */
export class Limiter {
  #active = 0;
  #waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
    /** What is limited, for the refusal: "Media hashing". */
    readonly what: string,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.concurrency) {
      if (this.#waiting.length >= this.queue) {
        throw new SaringError('rate_limited', `${this.what} is busy (${this.concurrency} at once, ${this.queue} waiting); try again shortly.`, {
          concurrency: this.concurrency,
          queue: this.queue,
        });
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#active++;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiting task, or is freed.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }
}
