import { collectDefaultMetrics, Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { sql } from 'kysely';
import type { BankMatcher } from '../banks/matcher.js';
import type { Db } from '../db/connect.js';
import type { Jobs, QueueStats } from '../jobs/jobs.js';

/** Latency buckets (seconds) shared by the HTTP and scan histograms: 2 ms to 10 s. */
export const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** How long a scrape's database figures are kept (so several gauges, or two scrapes close together, cost one query). */
const FRESH_MS = 1_000;
/** Bank entry counts are counted again at most this often: a 1M-entry bank costs a count. */
const BANK_COUNT_MS = 30_000;

function getOrCreate<M>(registry: Registry, name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}

/** Where a scan came in: `POST /v1/scan` (texts only, nothing stored), `POST /v1/content`, a batch or an import. */
export type ScanSource = 'scan' | 'content' | 'batch' | 'import';

/** The scan latency histogram of an engine's registry (created on first use). */
export function scanHistogram(registry: Registry): Histogram<'kind' | 'source'> {
  return getOrCreate(
    registry,
    'saring_scan_duration_seconds',
    () =>
      new Histogram({
        name: 'saring_scan_duration_seconds',
        help: 'Time to scan one item (and, for content, store it and act on the verdict), by content kind and door',
        labelNames: ['kind', 'source'] as const,
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
  );
}

/**
 * Records one scan's latency. `kind` is the content kind (video, image, text, comment, profile),
 * or `texts` for `POST /v1/scan`. Capabilities that scan in bulk (batch, import) call it per item.
 */
export function observeScan(registry: Registry, kind: string, source: ScanSource, seconds: number): void {
  scanHistogram(registry).observe({ kind, source }, seconds);
}

/** Times `run` as one scan of `kind`. */
export async function timeScan<R>(registry: Registry, kind: string, source: ScanSource, run: () => Promise<R>): Promise<R> {
  const start = process.hrtime.bigint();
  try {
    return await run();
  } finally {
    observeScan(registry, kind, source, Number(process.hrtime.bigint() - start) / 1e9);
  }
}

/** The HTTP metrics of an engine's registry (the app records one observation per request). */
export function httpMetrics(registry: Registry): { observe(route: string, method: string, status: number, seconds: number): void } {
  const labelNames = ['route', 'method', 'status_class'] as const;
  const requests = getOrCreate(
    registry,
    'saring_http_requests_total',
    () => new Counter({ name: 'saring_http_requests_total', help: 'HTTP requests answered, by route pattern, method and status class', labelNames, registers: [registry] }),
  );
  const duration = getOrCreate(
    registry,
    'saring_http_request_duration_seconds',
    () =>
      new Histogram({
        name: 'saring_http_request_duration_seconds',
        help: 'Time to answer an HTTP request, by route pattern, method and status class',
        labelNames,
        buckets: LATENCY_BUCKETS,
        registers: [registry],
      }),
  );
  return {
    observe(route, method, status, seconds) {
      const labels = { route, method, status_class: `${Math.floor(status / 100)}xx` };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
  };
}

/** Memoises an async read for `ms`, so a scrape's gauges share one query. */
function fresh<T>(ms: number, read: () => Promise<T>): () => Promise<T> {
  let at = 0;
  let value: Promise<T> | undefined;
  return () => {
    if (!value || Date.now() - at > ms) {
      at = Date.now();
      value = read().catch((err) => {
        at = 0;
        throw err;
      });
    }
    return value;
  };
}

export interface EngineMetricsDeps {
  db: Db;
  jobs: Jobs;
  matcher(): Promise<BankMatcher>;
  metrics: Registry;
}

/**
 * The engine's own metrics, collected when Prometheus scrapes (`/metrics`): process metrics, queue
 * depth and age per queue (one query over pgboss.job), webhook deliveries failed or pending, bank
 * sizes (entries per bank; the matcher's in-memory entries). Queue and webhook figures are the
 * whole installation's (every process's jobs), so one scrape of any `saring serve` sees them all.
 */
export function registerEngineMetrics({ db, jobs, matcher, metrics }: EngineMetricsDeps): void {
  const registry = metrics;
  if (registry.getSingleMetric('saring_queue_jobs')) return;
  collectDefaultMetrics({ register: registry });
  httpMetrics(registry);
  scanHistogram(registry);

  const queueStats = fresh<QueueStats[]>(FRESH_MS, () => (jobs.started ? jobs.stats() : Promise.resolve([])));
  new Gauge({
    name: 'saring_queue_jobs',
    help: 'Jobs per queue and state: queued (waiting or to be retried), active (running in any process), failed (the dead-letter list)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const q of await queueStats()) {
        this.set({ queue: q.queue, state: 'queued' }, q.queued);
        this.set({ queue: q.queue, state: 'active' }, q.active);
        this.set({ queue: q.queue, state: 'failed' }, q.failed);
      }
    },
  });
  new Gauge({
    name: 'saring_queue_oldest_job_age_seconds',
    help: 'How long the longest-waiting job that is due has waited, per queue (0: none waits)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const q of await queueStats()) this.set({ queue: q.queue }, q.oldestSeconds);
    },
  });
  new Gauge({
    name: 'saring_webhook_deliveries',
    help: 'Webhook deliveries not delivered: failed (given up after every retry) and pending (to be retried)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', ['failed', 'pending'])
        .groupBy('status')
        .execute();
      this.reset();
      for (const status of ['failed', 'pending']) this.set({ status }, Number(rows.find((r) => r.status === status)?.n ?? 0));
    },
  });
  const bankCounts = fresh(BANK_COUNT_MS, async () => {
    const { rows } = await sql<{ name: string; n: number }>`
      SELECT b.name, count(e.id)::int AS n FROM banks b LEFT JOIN bank_entries e ON e.bank_id = b.id GROUP BY b.name`.execute(db);
    return rows;
  });
  new Gauge({
    name: 'saring_bank_entries',
    help: 'Entries per hash bank (counted at most every 30 s)',
    labelNames: ['bank'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await bankCounts()) this.set({ bank: r.name }, Number(r.n));
    },
  });
  new Gauge({
    name: 'saring_bank_matcher_entries',
    help: "Perceptual hash entries held in this process's bank matcher (memory)",
    registers: [registry],
    async collect() {
      this.set((await matcher()).size);
    },
  });
}
