import { sql } from 'kysely';
import type { Actor } from '../audit/log.js';
import { appendAudit } from '../audit/log.js';
import type { EngineCore } from '../core.js';
import type { FailedJob, QueueStats } from '../jobs/jobs.js';
import { registerEngineMetrics } from './metrics.js';

/** One readiness check: passed, with what it found, or failed, with why. */
export interface ReadinessCheck {
  ok: boolean;
  detail?: string;
  error?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: ReadinessCheck; queue: ReadinessCheck; scanConfig: ReadinessCheck; banks: ReadinessCheck; shutdown: ReadinessCheck };
}

/** How the engine is run: readiness, metrics and the job queues (docs/operations.md). */
export interface OperationsApi {
  /** What `/readyz` answers: the database answers, the job queue is started, the scan configuration (policy, lexicons, models) and the bank matcher are loaded. */
  readiness(): Promise<Readiness>;
  /** Prometheus text of this engine's registry (`/metrics`). */
  metrics(): Promise<{ contentType: string; text: string }>;
  /** From now on `/readyz` says not ready (a load balancer stops sending requests): called when a shutdown begins. */
  shuttingDown(): void;
  jobs: {
    stats(): Promise<QueueStats[]>;
    failed(options?: { queue?: string; limit?: number }): Promise<FailedJob[]>;
    /** Re-drives one failed job (audited when it was queued again; a job no longer failed is left as it is). */
    retry(id: string, actor: Actor): Promise<{ id: string; queue: string; retried: boolean; state: string }>;
    /** Re-drives every failed job of a queue (audited with the count). */
    retryAll(queue: string, actor: Actor): Promise<{ queue: string; retried: number }>;
  };
}

/** How long one readiness check may take before it counts as failed. */
const CHECK_MS = 3_000;

async function check(run: () => Promise<string | undefined>): Promise<ReadinessCheck> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      run(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_MS / 1000} s`)), CHECK_MS))),
    ]);
    return detail === undefined ? { ok: true } : { ok: true, detail };
  } catch (err) {
    return { ok: false, error: String((err as Error).message ?? err).slice(0, 300) };
  } finally {
    clearTimeout(timer);
  }
}

export function createOperations(core: EngineCore): OperationsApi {
  const { db, jobs, metrics } = core;
  registerEngineMetrics({ db, jobs, matcher: () => core.matcher(), metrics });
  let stopping = false;
  return {
    async readiness() {
      const [database, queue, scanConfig, banks] = await Promise.all([
        check(async () => {
          // /readyz is public: the driver's message (host, port, user) stays out of it.
          await sql`SELECT 1`.execute(db).catch(() => {
            throw new Error('the database does not answer');
          });
          return undefined;
        }),
        check(async () => {
          if (!jobs.started) throw new Error('the job queue is not started');
          return `${jobs.queueNames().length} queues`;
        }),
        check(async () => {
          const cfg = await core.scanConfig();
          // Every model the active policy scans with must be loaded.
          const named = Object.values(cfg.policy.categories).flatMap((c) =>
            (c?.sources ?? []).flatMap((src) => (src !== 'lexicon' && typeof src === 'object' && 'model' in src ? [String(src.model)] : [])),
          );
          const missing = [...new Set(named)].filter((m) => !cfg.models.has(m));
          if (missing.length) throw new Error(`the policy scans with models that are not loaded: ${missing.join(', ')}`);
          return `policy ${cfg.policyVersion}, ${cfg.lexicons.length} lexicons, ${cfg.models.size} models loaded`;
        }),
        check(async () => `${(await core.matcher()).size} perceptual entries in memory`),
      ]);
      const shutdown: ReadinessCheck = stopping ? { ok: false, error: 'shutting down' } : { ok: true };
      const checks = { database, queue, scanConfig, banks, shutdown };
      return { ready: Object.values(checks).every((c) => c.ok), checks };
    },
    async metrics() {
      return { contentType: metrics.contentType, text: await metrics.metrics() };
    },
    shuttingDown() {
      stopping = true;
    },
    jobs: {
      stats: () => jobs.stats(),
      failed: (options) => jobs.failed(options),
      async retry(id, actor) {
        const result = await jobs.retry(id);
        if (result.retried) await appendAudit(db, { actor, action: 'job.retried', subjectType: 'job', subjectId: id, data: { queue: result.queue } });
        return result;
      },
      async retryAll(queue, actor) {
        const retried = await jobs.retryAll(queue);
        if (retried > 0) await appendAudit(db, { actor, action: 'jobs.retried', subjectType: 'queue', subjectId: queue, data: { queue, retried } });
        return { queue, retried };
      },
    },
  };
}
