import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../db/connect.js';
import { BACKENDS, freshStorage } from '../test-support/storage.js';
import { SaringError } from '../errors/errors.js';
import { createJobs, type JobFailure, type Jobs } from './jobs.js';

describe.each(BACKENDS)('jobs on $label', ({ backend, skip }) => {
  let storage: Storage;
  let jobs: Jobs;
  const seen: { n: number; attempt: number }[] = [];
  const failures: { n: number; failure: JobFailure }[] = [];
  const batched: { n: number; attempt: number }[] = [];

  beforeAll(async () => {
    if (skip) return;
    storage = await freshStorage(backend);
    jobs = createJobs(storage);
    jobs.define<{ n: number; failTimes?: number }>({
      name: 'test-job',
      retryLimit: 3,
      retryDelay: 1,
      async handler(data, job) {
        seen.push({ n: data.n, attempt: job.retryCount });
        if (job.retryCount < (data.failTimes ?? 0)) throw new Error('not yet');
      },
    });
    jobs.define<{ n: number }>({
      name: 'test-fails',
      retryLimit: 1,
      retryDelay: 1,
      async handler() {
        throw new SaringError('invalid_state', 'never works');
      },
      async onFailed(data, failure) {
        failures.push({ n: data.n, failure });
      },
    });
    jobs.define<{ n: number }>({
      name: 'test-batch',
      retryLimit: 2,
      retryDelay: 1,
      batchSize: 10,
      concurrency: 10,
      async handler(data, job) {
        batched.push({ n: data.n, attempt: job.retryCount });
        if (data.n % 2 === 1 && job.retryCount === 0) throw new Error('odd ones fail once');
      },
    });
    await jobs.start({ work: true, pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await jobs?.stop();
    await storage?.close();
  });

  it.skipIf(skip)('runs queued jobs', async () => {
    await jobs.send('test-job', { n: 1 });
    await jobs.send('test-job', { n: 2 });
    await jobs.drain(['test-job'], 20_000);
    expect(seen.map((s) => s.n).sort()).toEqual([1, 2]);
  });

  it.skipIf(skip)('retries a failing job with backoff until it succeeds', async () => {
    seen.length = 0;
    await jobs.send('test-job', { n: 3, failTimes: 2 });
    await jobs.drain(['test-job'], 30_000);
    expect(seen).toEqual([
      { n: 3, attempt: 0 },
      { n: 3, attempt: 1 },
      { n: 3, attempt: 2 },
    ]);
  });

  it.skipIf(skip)('queues a job only if the transaction that sent it commits', async () => {
    seen.length = 0;
    await expect(
      storage.db.transaction().execute(async (trx) => {
        await jobs.send('test-job', { n: 4 }, { trx });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await storage.db.transaction().execute(async (trx) => {
      await jobs.send('test-job', { n: 5 }, { trx });
    });
    await jobs.drain(['test-job'], 20_000);
    expect(seen.map((s) => s.n)).toEqual([5]);
  });

  it.skipIf(skip)('calls onFailed once, with the error, when a job has failed for good', async () => {
    await jobs.send('test-fails', { n: 6 });
    await jobs.drain(['test-fails'], 30_000);
    expect(failures).toEqual([{ n: 6, failure: { message: 'never works', code: 'invalid_state' } }]);
  });

  it.skipIf(skip)('runs a batch side by side and settles each job on its own: only the failed ones run again', async () => {
    for (let n = 0; n < 10; n++) await jobs.send('test-batch', { n });
    await jobs.drain(['test-batch'], 30_000);
    const runs = (n: number) => batched.filter((b) => b.n === n).map((b) => b.attempt);
    for (let n = 0; n < 10; n++) expect(runs(n)).toEqual(n % 2 === 1 ? [0, 1] : [0]);
  });
});

describe.each(BACKENDS)('a graceful stop on $label', ({ backend, skip }) => {
  it.skipIf(skip)('lets a quick job finish, hands a slow one back at once without spending an attempt, and aborts its signal', async () => {
    const storage = await freshStorage(backend);
    try {
      const jobs = createJobs(storage);
      const started = new Set<string>();
      const aborted: string[] = [];
      jobs.define<{ ms: number; key: string }>({
        name: 'test-slow',
        retryLimit: 1,
        retryDelay: 30,
        concurrency: 2,
        async handler(data, job) {
          started.add(data.key);
          let done = false;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => ((done = true), resolve()), data.ms);
            job.signal.addEventListener('abort', () => {
              if (done) return; // (pg-boss aborts a job's signal once it has ended, too)
              clearTimeout(timer);
              aborted.push(data.key);
              resolve();
            });
          });
          if (job.signal.aborted) throw new Error('stopped');
        },
      });
      await jobs.start({ work: true, pollingIntervalSeconds: 0.5 });
      const quick = await jobs.send('test-slow', { ms: 300, key: 'quick' });
      const slow = await jobs.send('test-slow', { ms: 60_000, key: 'slow' });
      for (let i = 0; i < 200 && started.size < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect([...started].sort()).toEqual(['quick', 'slow']);
      const before = Date.now();
      await jobs.stop({ graceMs: 1_500 });
      expect(Date.now() - before).toBeLessThan(6_000);
      expect(aborted).toEqual(['slow']);
      const state = async (id: string) =>
        (await storage.pool.query(`SELECT state, started_on, retry_count, retry_limit, start_after <= now() AS due FROM pgboss.job WHERE id = $1`, [id])).rows[0] as {
          state: string;
          started_on: Date | null;
          retry_count: number;
          retry_limit: number;
          due: boolean;
        };
      expect((await state(quick)).state).toBe('completed');
      // Back in the queue, due now, its attempts left as they were (the count and the limit moved together).
      const back = await state(slow);
      expect(back).toMatchObject({ state: 'created', started_on: null, due: true });
      expect(back.retry_limit - back.retry_count).toBe(1);
      expect(jobs.started).toBe(false);
    } finally {
      await storage.close();
    }
  });
});

describe.each(BACKENDS)('merged batches on $label', ({ backend, skip }) => {
  it.skipIf(skip)('runs the jobs of a fetched batch as one run of their merged data, and settles each with its outcome', async () => {
    const storage = await freshStorage(backend);
    const jobs = createJobs(storage);
    try {
      const runs: { ns: number[]; attempt: number }[] = [];
      jobs.define<{ ns: number[] }>({
        name: 'test-merge',
        retryLimit: 1,
        retryDelay: 1,
        batchSize: 100,
        merge: (items) => ({ ns: items.flatMap((i) => i.ns) }),
        async handler(data, job) {
          runs.push({ ns: data.ns, attempt: job.retryCount });
          if (job.retryCount === 0) throw new Error('the first run fails');
        },
      });
      // Queued before any worker runs: the first fetch takes them all.
      await jobs.start({ work: false });
      for (let n = 0; n < 20; n++) await jobs.send('test-merge', { ns: [n] });
      await jobs.stop();
      await jobs.start({ work: true, pollingIntervalSeconds: 0.5 });
      await jobs.drain(['test-merge'], 30_000);
      const all = Array.from({ length: 20 }, (_, n) => n);
      // One failed run of all twenty, then their retries: every job was retried (none left failed), each n handled once per attempt.
      expect(runs[0]?.attempt).toBe(0);
      expect([...(runs[0]?.ns ?? [])].sort((a, b) => a - b)).toEqual(all);
      expect(runs.filter((r) => r.attempt === 1).flatMap((r) => r.ns).sort((a, b) => a - b)).toEqual(all);
      const { rows } = await storage.pool.query(`SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'test-merge' GROUP BY state`);
      expect(rows).toEqual([{ state: 'completed', n: 20 }]);
    } finally {
      await jobs.stop();
      await storage.close();
    }
  });
});
