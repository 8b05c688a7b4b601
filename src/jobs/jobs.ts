import { PgBoss, fromKysely } from 'pg-boss';
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
  /** Creates the queues; with `work: true` this process also runs their handlers. */
  start(options: { work: boolean; pollingIntervalSeconds?: number }): Promise<void>;
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string>;
  /** Waits until no job of these queues is queued or running (tests, demo loading). */
  drain(names: string[], timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function createJobs(storage: Storage): Jobs {
  const pool = storage.pool;
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
  });
  const queues = new Map<string, QueueDefinition<any>>();
  let started = false;
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
      for (const q of queues.values()) {
        await boss.createQueue(q.name, {
          retryLimit: q.retryLimit ?? 2,
          retryDelay: q.retryDelay ?? 1,
          retryBackoff: true,
          ...(q.retryDelayMax !== undefined ? { retryDelayMax: q.retryDelayMax } : {}),
          expireInSeconds: q.expireInSeconds ?? 300,
        });
        if (!work) continue;
        await boss.work(
          q.name,
          { pollingIntervalSeconds, localConcurrency: q.concurrency ?? 1, batchSize: 1 },
          async ([job]) => {
            if (!job) return;
            await q.handler(job.data, { id: job.id, name: job.name, retryCount: job.retryCount, signal: job.signal });
          },
        );
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
        for (const name of names) {
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
