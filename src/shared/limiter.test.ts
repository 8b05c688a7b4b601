import { describe, expect, it } from 'vitest';
import { SaringError } from '../errors/errors.js';
import { Limiter } from './limiter.js';

describe('Limiter', () => {
  it('runs at most `concurrency` tasks at once, lets `queue` wait, and refuses the rest at once with rate_limited', async () => {
    const limiter = new Limiter(2, 3, 'Work');
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const task = () =>
      limiter.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((r) => release.push(r));
        running--;
        return 'done';
      });
    const settled = Array.from({ length: 8 }, () => task().then((v) => v, (e: unknown) => e));
    await new Promise((r) => setTimeout(r, 10));
    const refused = (await Promise.all(settled.slice(5))) as SaringError[];
    expect(refused.map((e) => e.code)).toEqual(['rate_limited', 'rate_limited', 'rate_limited']);
    expect(refused[0]!.message).toMatch(/Work is busy \(2 at once, 3 waiting\)/);
    // The waiting ones run as slots free up, never more than two at once.
    while (release.length || running) {
      release.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(await Promise.all(settled.slice(0, 5))).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(most).toBe(2);
  });

  it('frees the slot when a task throws', async () => {
    const limiter = new Limiter(1, 0, 'Work');
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });
});
