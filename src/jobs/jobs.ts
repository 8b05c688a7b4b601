import { PgBoss, fromKysely, type JobResult } from 'pg-boss';
import type { Db, Storage } from '../db/connect.js';

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
  stop(): Promise<void>;
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
            const results: JobResult[] = [];
            await eachLimited(batch, lanes, async (job) => {
              try {
                await q.handler(job.data, { id: job.id, name: job.name, retryCount: job.retryCount, signal: job.signal });
                results.push({ id: job.id, status: 'completed' });
              } catch (err) {
                results.push({ id: job.id, status: 'failed', output: err });
              }
            });
            return results;
          },
        );
        if (q.onFailed) {
          const onFailed = q.onFailed;
          await boss.work(failedQueue(q.name), { pollingIntervalSeconds, includeMetadata: true }, async ([job]) => {
            if (job) await onFailed(job.data as object, failureOf(job.sourceOutput));
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

    async stop() {
      if (!started) return;
      onError = () => {};
      await boss.stop({ graceful: true, timeout: 5_000, close: false });
      started = false;
    },
  };
}
