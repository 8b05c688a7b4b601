import { PgBoss, fromKysely, type JobResult } from 'pg-boss';
import type { Db, Storage } from '../db/connect.js';
import { SaringError } from '../errors/errors.js';

/** What a job handler learns about the job it runs. */
export interface JobContext {
  id: string;
  name: string;
  /** 0 on the first attempt. */
  retryCount: number;
  signal: AbortSignal;
}

export interface QueueDefinition<T> {
  name: string;
  handler: (data: T, job: JobContext) => Promise<void>;
  /** Attempts after the first before the job fails for good. */
  retryLimit?: number;
  /** Seconds before the first retry; doubled on each retry (exponential backoff, with jitter). */
  retryDelay?: number;
  retryDelayMax?: number;
  /** How long one attempt may run. */
  expireInSeconds?: number;
  /** Jobs of this queue run at most this many at a time in one process. */
  concurrency?: number;
  /**
   * Jobs one worker fetches per poll (default 1). With more than one, a worker keeps fetching at once
   * while batches come back full, runs a batch's jobs side by side (within `concurrency`) and settles
   * each job on its own: one that fails is retried alone.
   */
  batchSize?: number;
  /**
   * With `batchSize` > 1: the jobs of a fetched batch are one run — `merge` combines their data, the
   * handler runs once, and every job of the batch settles with that run's outcome. For work whose
   * cost is mostly fixed per run (a pass over all stored content), so that a burst of jobs costs one pass.
   */
  merge?: (items: T[]) => T;
  /**
   * A running job reports every `heartbeatSeconds / 2`; one not heard from for `heartbeatSeconds`
   * (its process died) is failed and retried by whichever process supervises next. At least 10.
   */
  heartbeatSeconds?: number;
  /**
   * Called once when a job has failed for good: its last attempt threw, ran out of time or lost its
   * heartbeat. It runs as a job of the queue `<name>.failed` (a dead-letter queue), so it happens even
   * when the process that ran the job is gone. Must be idempotent (it is retried if it throws).
   */
  onFailed?: (data: T, failure: JobFailure) => Promise<void>;
}

/** Why a job failed for good, as the queue recorded it. */
export interface JobFailure {
  message: string;
  /** The error's `code`, when it had one (a SaringError's). */
  code?: string;
}

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  trx?: Db;
  startAfter?: Date | number;
  /** At most one queued job with this key. */
  singletonKey?: string;
}

/**
 * The one small job interface the engine uses. Behind it is pg-boss, on the same database as
 * everything else (PGlite in-process, or PostgreSQL shared by many `saring worker` processes).
 */
export interface Jobs {
  define<T extends object>(queue: QueueDefinition<T>): void;
  /**
   * Creates the queues (or brings their settings up to date); with `work: true` this process also
   * runs their handlers. On the embedded database this process owns the data, so a job still
   * `active` there belongs to a process that died: it is failed (retried, or given up) at once.
   */
  start(options: { work: boolean; pollingIntervalSeconds?: number }): Promise<void>;
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string>;
  /** Waits until no job of these queues (and of their dead-letter queues) is queued or running (tests, demo loading). */
  drain(names: string[], timeoutMs?: number): Promise<void>;
  /**
   * Stops taking jobs, lets the ones running finish for up to `graceMs` (default 5 s), then hands the
   * unfinished ones back to their queue at once — ready for any process, without costing an attempt
   * (their handlers' `signal` is aborted) — rather than after their expiry or heartbeat.
   */
  stop(options?: StopOptions): Promise<void>;
  /** Whether `start` has run (the queues exist) and `stop` has not. */
  readonly started: boolean;
  /** The defined queues and their dead-letter queues, in definition order. */
  queueNames(): string[];
  /** Per queue: jobs waiting, running, failed for good, and how long the longest-waiting ready job has waited. One query. */
  stats(): Promise<QueueStats[]>;
  /** Jobs that failed for good (the dead-letter list), newest first. */
  failed(options?: { queue?: string; limit?: number }): Promise<FailedJob[]>;
  /**
   * Re-drives a failed job: it is queued again with one more attempt. Idempotent: a job that is not
   * (or no longer) failed is left as it is, and `retried` is false.
   */
  retry(id: string): Promise<{ id: string; queue: string; retried: boolean; state: string }>;
  /** Re-drives every failed job of a queue; returns how many were queued again. */
  retryAll(queue: string): Promise<number>;
}

export interface StopOptions {
  /** How long running jobs may take to finish before they go back to their queue (ms, default 5,000). */
  graceMs?: number;
}

export interface QueueStats {
  queue: string;
  /** Waiting (created or to be retried), including those not due yet. */
  queued: number;
  /** Running now, in any process. */
  active: number;
  /** Failed for good and kept (the dead-letter list). */
  failed: number;
  /** Seconds the longest-waiting job that is due has waited; 0 when none waits. */
  oldestSeconds: number;
  /** The dead-letter queue of `queue`. */
  deadLetter: boolean;
}

export interface FailedJob {
  id: string;
  queue: string;
  error: JobFailure;
  /** Attempts made (the first included). */
  attempts: number;
  /** The job's data as JSON, cut to 300 characters (ids, never media). */
  data: string;
  createdAt: string;
  failedAt: string | null;
}

export interface JobsOptions {
  /** How often a process looks for jobs that ran out of time or missed their heartbeats, seconds (default 15). */
  monitorIntervalSeconds?: number;
  /**
   * Record this process in pg-boss's instance registry (default true). A one-shot command that
   * runs no workers skips it: registering and retiring costs more than the command itself.
   */
  registerInstance?: boolean;
}

/** What `start` keeps each queue's stored settings at (null: not set). */
interface QueueSettings {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  retryDelayMax: number | null;
  heartbeatSeconds: number | null;
  deadLetter: string | null;
}

/** The dead-letter queue of a queue with `onFailed`. */
export const failedQueue = (name: string): string => `${name}.failed`;

/** Runs `run` on each item, at most `limit` at once; resolves when all are done. */
async function eachLimited<I>(items: I[], limit: number, run: (item: I) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function failureOf(output: unknown): JobFailure {
  // A thrown error is stored as itself ({ message, code, … }); expiry and a lost heartbeat as { value: { message } }.
  const o = (output ?? {}) as { message?: unknown; code?: unknown; value?: { message?: unknown } };
  const message = typeof o.message === 'string' ? o.message : typeof o.value?.message === 'string' ? o.value.message : 'the job failed';
  return typeof o.code === 'string' ? { message, code: o.code } : { message };
}

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const asNumber = (v: unknown): number => Number(v ?? 0);
const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string).toISOString());

export function createJobs(storage: Storage, options: JobsOptions = {}): Jobs {
  const pool = storage.pool;
  const monitorSeconds = options.monitorIntervalSeconds ?? 15;
  const boss = new PgBoss({
    db: {
      executeSql: async (text: string, values?: unknown[]) => {
        const result = (await pool.query(text, values?.length ? values : undefined)) as unknown;
        return Array.isArray(result)
          ? { rows: (result as { rows: unknown[] }[]).flatMap((r) => r.rows) }
          : { rows: (result as { rows: unknown[] }).rows };
      },
    },
    backend: storage.kind === 'pglite' ? 'pglite' : 'postgres',
    schema: 'pgboss',
    schedule: false,
    superviseIntervalSeconds: monitorSeconds,
    monitorIntervalSeconds: monitorSeconds,
    registerInstance: options.registerInstance ?? true,
  });
  const queues = new Map<string, QueueDefinition<any>>();
  let started = false;
  /** The queues this process works (fetches from). */
  const workedQueues: string[] = [];
  /** These queues and the dead-letter queues of those with `onFailed`. */
  const withFailed = (names: string[]) => names.flatMap((name) => (queues.get(name)?.onFailed ? [name, failedQueue(name)] : [name]));

  /**
   * Only one process opens an embedded data directory (its lock file sees to it), so its `active`
   * jobs at start-up were left by a process that died (kill -9, power loss). They are failed now, and the ones with attempts left
   * made ready at once, rather than waiting for their expiry or heartbeat.
   */
  async function recoverOrphans(): Promise<void> {
    const { rows } = await pool.query(`SELECT id, name FROM pgboss.job WHERE state = 'active' AND name = ANY($1)`, [withFailed([...queues.keys()])]);
    for (const { id, name } of rows as { id: string; name: string }[]) {
      await boss.fail(name, id, { message: 'the process running this job ended (embedded database restarted)' });
      await boss.update(name, undefined, { id, startAfter: new Date() });
    }
  }
  let onError: (err: unknown) => void = (err) => console.error('[saring jobs]', err);
  boss.on('error', (err) => onError(err));

  /** Jobs running in this process: what a graceful stop waits for, then hands back. */
  const inFlight = new Map<string, { name: string; retryCount: number; abort: AbortController; returned: boolean }>();
  let idle: (() => void) | undefined;
  /**
   * Puts a running job back in its queue, ready now, as if never started: its attempt is not
   * counted (retry_limit grows with retry_count). retry_count moves on so that the old attempt's
   * settle, should its handler still end, is fenced off and cannot touch the new one.
   */
  async function handBack(name: string, id: string, retryCount: number): Promise<boolean> {
    const { rows } = await pool.query(
      `UPDATE pgboss.job SET state = 'created', started_on = NULL, heartbeat_on = NULL, start_after = now(),
         retry_count = retry_count + 1, retry_limit = retry_limit + 1
       WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3 RETURNING id`,
      [name, id, retryCount],
    );
    return rows.length > 0;
  }
  /** Runs one job's handler, tracked so that a stop can wait for it or hand it back. */
  async function runTracked(job: { id: string; name: string; retryCount: number; signal: AbortSignal }, run: (signal: AbortSignal) => Promise<void>): Promise<JobResult> {
    const abort = new AbortController();
    const entry = { name: job.name, retryCount: job.retryCount, abort, returned: false };
    inFlight.set(job.id, entry);
    try {
      await run(AbortSignal.any([job.signal, abort.signal]));
      return { id: job.id, status: 'completed' };
    } catch (err) {
      return { id: job.id, status: 'failed', output: err };
    } finally {
      inFlight.delete(job.id);
      if (inFlight.size === 0) idle?.();
    }
  }

  return {
    define(queue) {
      if (started) throw new Error(`queue ${queue.name} defined after start`);
      queues.set(queue.name, queue);
    },

    async start({ work, pollingIntervalSeconds = 1 }) {
      await boss.start();
      started = true;
      // Each queue as its definition says: created when missing, brought up to date when its stored
      // settings differ (one read for all, so a start that changes nothing writes nothing).
      const wanted = new Map<string, QueueSettings>();
      for (const q of queues.values()) {
        if (q.onFailed) wanted.set(failedQueue(q.name), { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300, retryDelayMax: null, heartbeatSeconds: null, deadLetter: null });
        wanted.set(q.name, {
          retryLimit: q.retryLimit ?? 2,
          retryDelay: q.retryDelay ?? 1,
          retryBackoff: true,
          expireInSeconds: q.expireInSeconds ?? 300,
          retryDelayMax: q.retryDelayMax ?? null,
          heartbeatSeconds: q.heartbeatSeconds ?? null,
          deadLetter: q.onFailed ? failedQueue(q.name) : null,
        });
      }
      const stored = new Map((await boss.getQueues([...wanted.keys()])).map((q) => [q.name, q as unknown as Record<string, unknown>]));
      for (const [name, settings] of wanted) {
        const current = stored.get(name);
        const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null));
        if (!current) await boss.createQueue(name, defined);
        else if (Object.entries(settings).some(([k, v]) => (current[k] ?? null) !== v)) await boss.updateQueue(name, settings);
      }
      if (storage.lock) await recoverOrphans();
      if (!work) return;
      for (const q of queues.values()) workedQueues.push(q.name, ...(q.onFailed ? [failedQueue(q.name)] : []));
      for (const q of queues.values()) {
        const batchSize = Math.max(1, q.batchSize ?? 1);
        const concurrency = Math.max(1, q.concurrency ?? 1);
        // `concurrency` jobs at once in all: that many workers of `batchSize` each, a batch's jobs run side by side.
        const workers = Math.ceil(concurrency / batchSize);
        const lanes = Math.ceil(concurrency / workers);
        await boss.work<object>(
          q.name,
          {
            pollingIntervalSeconds,
            localConcurrency: workers,
            batchSize,
            perJobResults: true,
            ...(batchSize > 1 ? { burstWhenBatchFull: true } : {}),
          },
          async (batch) => {
            const head = batch[0];
            if (q.merge && head && batch.length > 1) {
              const merged = q.merge(batch.map((job) => job.data));
              const outcome = await runTracked(head, (signal) => q.handler(merged, { id: head.id, name: head.name, retryCount: head.retryCount, signal }));
              return batch.map((job) => ({ ...outcome, id: job.id }));
            }
            const results: JobResult[] = [];
            await eachLimited(batch, lanes, async (job) => {
              results.push(await runTracked(job, (signal) => q.handler(job.data, { id: job.id, name: job.name, retryCount: job.retryCount, signal })));
            });
            return results;
          },
        );
        if (q.onFailed) {
          const onFailed = q.onFailed;
          await boss.work(failedQueue(q.name), { pollingIntervalSeconds, includeMetadata: true, perJobResults: true }, async (batch) => {
            const results: JobResult[] = [];
            for (const job of batch) results.push(await runTracked(job, () => onFailed(job.data as object, failureOf(job.sourceOutput))));
            return results;
          });
        }
      }
    },

    async send(name, data, options = {}) {
      const id = await boss.send(name, data, {
        ...(options.trx ? { db: fromKysely(options.trx) } : {}),
        ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      });
      if (!id && !options.singletonKey) throw new Error(`job ${name} was not queued`);
      return id ?? '';
    },

    async drain(names, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        let pending = 0;
        for (const name of withFailed(names)) {
          const { rows } = await pool.query(
            `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
            [name],
          );
          pending += (rows[0] as { n: number }).n;
        }
        if (pending === 0) return;
        if (Date.now() > deadline) throw new Error(`jobs still pending after ${timeoutMs} ms: ${names.join(', ')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },

    async stop({ graceMs = 5_000 } = {}) {
      if (!started) return;
      started = false;
      // No new jobs: every worker stops fetching; the running ones go on.
      await Promise.allSettled([...workedQueues].map((name) => boss.offWork(name, { wait: false })));
      if (inFlight.size > 0) {
        const allDone = new Promise<void>((resolve) => (idle = resolve));
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([allDone, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
      }
      // The ones still running go back to their queue now, then their handlers are told to stop.
      for (const [id, job] of inFlight) {
        job.returned = await handBack(job.name, id, job.retryCount).catch(() => false);
        job.abort.abort(new Error('Saring is shutting down: the job went back to its queue'));
      }
      onError = () => {};
      await boss.stop({ graceful: true, timeout: 2_000, close: false });
    },

    get started() {
      return started;
    },

    queueNames: () => withFailed([...queues.keys()]),

    async stats() {
      const names = withFailed([...queues.keys()]);
      const { rows } = await pool.query(
        `SELECT name,
           count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
           count(*) FILTER (WHERE state = 'active')::int AS active,
           count(*) FILTER (WHERE state = 'failed')::int AS failed,
           COALESCE(EXTRACT(EPOCH FROM now() - min(start_after) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now())), 0)::float8 AS oldest
         FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active', 'failed') GROUP BY name`,
        [names],
      );
      const byName = new Map((rows as { name: string; queued: number; active: number; failed: number; oldest: number }[]).map((r) => [r.name, r]));
      return names.map((queue) => {
        const r = byName.get(queue);
        return {
          queue,
          queued: asNumber(r?.queued),
          active: asNumber(r?.active),
          failed: asNumber(r?.failed),
          oldestSeconds: Math.max(0, Math.round(asNumber(r?.oldest) * 10) / 10),
          deadLetter: queue.endsWith('.failed') && queues.has(queue.slice(0, -'.failed'.length)),
        };
      });
    },

    async failed({ queue, limit = 100 } = {}) {
      const names = queue ? [queue] : withFailed([...queues.keys()]);
      const { rows } = await pool.query(
        `SELECT id, name, left(data::text, 300) AS data, output, retry_count, created_on, completed_on
         FROM pgboss.job WHERE name = ANY($1) AND state = 'failed' ORDER BY completed_on DESC NULLS LAST, id LIMIT $2`,
        [names, Math.max(1, Math.min(1000, limit))],
      );
      return (rows as { id: string; name: string; data: string | null; output: unknown; retry_count: number; created_on: unknown; completed_on: unknown }[]).map((r) => ({
        id: r.id,
        queue: r.name,
        error: failureOf(r.output),
        attempts: asNumber(r.retry_count) + 1,
        data: r.data ?? 'null',
        createdAt: iso(r.created_on)!,
        failedAt: iso(r.completed_on),
      }));
    },

    async retry(id) {
      const known = withFailed([...queues.keys()]);
      const found = uuidLike.test(id)
        ? ((await pool.query(`SELECT name, state FROM pgboss.job WHERE id = $1 AND name = ANY($2)`, [id, known])).rows[0] as { name: string; state: string } | undefined)
        : undefined;
      if (!found) throw new SaringError('not_found', `No job ${id.slice(0, 100)} in Saring's queues (failed jobs are kept for 7 days).`);
      if (found.state !== 'failed') return { id, queue: found.name, retried: false, state: found.state };
      const { affected } = (await boss.retry(found.name, id)) as { affected: number };
      return { id, queue: found.name, retried: affected > 0, state: affected > 0 ? 'retry' : found.state };
    },

    async retryAll(queue) {
      if (!withFailed([...queues.keys()]).includes(queue)) throw new SaringError('not_found', `No queue ${queue.slice(0, 100)}; the queues are ${withFailed([...queues.keys()]).join(', ')}.`);
      let total = 0;
      for (;;) {
        const { rows } = await pool.query(`SELECT id FROM pgboss.job WHERE name = $1 AND state = 'failed' ORDER BY id LIMIT 1000`, [queue]);
        if (rows.length === 0) return total;
        const { affected } = (await boss.retry(queue, (rows as { id: string }[]).map((r) => r.id))) as { affected: number };
        total += affected;
        if (affected === 0) return total;
      }
    },
  };
}
