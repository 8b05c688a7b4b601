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
