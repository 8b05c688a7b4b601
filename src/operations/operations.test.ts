import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server.js';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { BACKENDS, testApp } from '../test-support/storage.js';
import { TRAIN_QUEUE } from '../models/training.js';

const SECRET_QUERY = 'sekret-token-in-query-123';

describe.each(BACKENDS)('operations on $label', ({ backend, skip }) => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let auth: Record<string, string>;
  let close: () => Promise<void> = async () => {};
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    if (skip) return;
    ({ saring, app, auth, close } = await testApp(backend));
    for (const role of ['auditor', 'moderator'] as const) keys[role] = (await saring.users.create({ name: `${role} ops`, role }, 'system')).apiKey;
  }, 120_000);
  afterAll(() => close());

  it.skipIf(skip)('/readyz answers 200 with each check when the database, queue, scan configuration and banks are ready', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ready).toBe(true);
    expect(Object.keys(body.checks).sort()).toEqual(['banks', 'database', 'queue', 'scanConfig', 'shutdown']);
    expect(body.checks.scanConfig.detail).toMatch(/^policy .+@v\d+, \d+ lexicons, \d+ models loaded$/);
    expect(Object.values(body.checks).every((c) => (c as { ok: boolean }).ok)).toBe(true);
    // Liveness stays cheap and separate.
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ ok: true });
  });

  it.skipIf(skip)('/metrics: 401 without a key, 403 for a role without metrics:read, Prometheus text for an auditor', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const refused = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${keys['moderator']}` } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');

    // Some traffic: a scan, a content item, a read of it by id.
    expect((await app.inject({ method: 'POST', url: '/v1/scan', headers: auth, payload: { text: 'SLOT GACOR maxwin depo 10rb' } })).statusCode).toBe(200);
    const created = await app.inject({ method: 'POST', url: '/v1/content', headers: auth, payload: { externalId: 'ops-metrics-1', kind: 'comment', texts: { text: 'halo semua' } } });
    expect(created.statusCode).toBe(201);
    const id = created.json().content?.id ?? created.json().id;
    expect((await app.inject({ method: 'GET', url: `/v1/content/${id}`, headers: auth })).statusCode).toBe(200);
    await saring.banks.create({ name: 'ops-bank', category: 'gambling' } as never, 'test');

    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${keys['auditor']}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    for (const family of [
      'saring_http_requests_total',
      'saring_http_request_duration_seconds',
      'saring_scan_duration_seconds',
      'saring_queue_jobs',
      'saring_queue_oldest_job_age_seconds',
      'saring_webhook_deliveries',
      'saring_bank_entries',
      'saring_bank_matcher_entries',
      'process_cpu_user_seconds_total',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(text, family).toContain(`# TYPE ${family} `);
    }
    expect(text).toMatch(/saring_http_requests_total\{route="\/v1\/scan",method="POST",status_class="2xx"\} 1/);
    expect(text).toMatch(/saring_http_requests_total\{route="\/v1\/content\/:id",method="GET",status_class="2xx"\} 1/);
    expect(text).toMatch(/saring_http_requests_total\{route="\/metrics",method="GET",status_class="4xx"\} 2/);
    // Route patterns only: never an id or a raw URL.
    expect(text).not.toContain(id);
    expect(text).toMatch(/saring_scan_duration_seconds_count\{kind="texts",source="scan"\} 1/);
    expect(text).toMatch(/saring_scan_duration_seconds_count\{kind="comment",source="content"\} 1/);
    expect(text).toMatch(/saring_queue_jobs\{queue="webhook-delivery",state="queued"\} \d+/);
    expect(text).toContain('saring_queue_oldest_job_age_seconds{queue="webhook-delivery"}');
    expect(text).toMatch(/saring_bank_entries\{bank="ops-bank"\} 0/);
    expect(text).toMatch(/saring_webhook_deliveries\{status="failed"\} 0/);

    // Every metric the Grafana dashboard (docs/) queries is one this engine exports.
    const dashboard = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'grafana-dashboard.json'), 'utf8')) as { panels: { targets?: { expr: string }[] }[] };
    const queried = new Set(dashboard.panels.flatMap((p) => p.targets ?? []).flatMap((t) => [...t.expr.matchAll(/\b((?:saring|process|nodejs)_[a-z0-9_]+)/g)].map((m) => m[1]!)));
    expect(queried.size).toBeGreaterThan(10);
    const exported = new Set([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name, type]) => (type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name!])));
    expect([...queried].filter((m) => !exported.has(m))).toEqual([]);
  });

  it.skipIf(skip)('/v1/jobs lists every queue; a failed job shows in the dead-letter list and is re-driven once (idempotent), audited', async () => {
    const stats = await app.inject({ method: 'GET', url: '/v1/jobs', headers: auth });
    expect(stats.statusCode).toBe(200);
    const names = stats.json().queues.map((q: { queue: string }) => q.queue);
    expect(names).toEqual(expect.arrayContaining(['webhook-delivery', 'webhook-delivery.failed', TRAIN_QUEUE]));

    // A training job with nothing to train on fails for good (the queue retries none).
    const jobId = await saring.jobs.send(TRAIN_QUEUE, { name: 'broken', request: { rows: [] }, actor: 'test' });
    const failedOnce = async () => {
      for (let i = 0; i < 200; i++) {
        const list = (await app.inject({ method: 'GET', url: `/v1/jobs/failed?queue=${TRAIN_QUEUE}`, headers: auth })).json().jobs as { id: string; attempts: number }[];
        const job = list.find((j) => j.id === jobId);
        if (job) return job;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the job never failed');
    };
    const failed = await failedOnce();
    expect(failed).toMatchObject({ id: jobId, queue: TRAIN_QUEUE, attempts: 1 });
    const listed = (await app.inject({ method: 'GET', url: '/v1/jobs/failed', headers: auth })).json().jobs[0];
    expect(listed.error.message.length).toBeGreaterThan(0);
    expect(listed.data).toContain('"broken"');
    const queueRow = (await app.inject({ method: 'GET', url: '/v1/jobs', headers: auth })).json().queues.find((q: { queue: string }) => q.queue === TRAIN_QUEUE);
    expect(queueRow.failed).toBeGreaterThanOrEqual(1);

    const first = await app.inject({ method: 'POST', url: `/v1/jobs/failed/${jobId}/retry`, headers: auth });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: jobId, queue: TRAIN_QUEUE, retried: true, state: 'retry' });
    // At once again: the job is queued or running, not failed; nothing changes.
    const second = await app.inject({ method: 'POST', url: `/v1/jobs/failed/${jobId}/retry`, headers: auth });
    expect(second.json().retried).toBe(false);
    const audited = await saring.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'job.retried').execute();
    expect(audited).toEqual([{ action: 'job.retried', subject_id: jobId }]);

    // It runs again (and fails again: still nothing to train on), with its second attempt counted.
    for (let i = 0; i < 200; i++) {
      const again = (await app.inject({ method: 'GET', url: `/v1/jobs/failed?queue=${TRAIN_QUEUE}`, headers: auth })).json().jobs.find((j: { id: string }) => j.id === jobId);
      if (again?.attempts === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await app.inject({ method: 'GET', url: `/v1/jobs/failed?queue=${TRAIN_QUEUE}`, headers: auth })).json().jobs.find((j: { id: string }) => j.id === jobId).attempts).toBe(2);

    // The whole queue: one job re-driven, then none.
    const all = await app.inject({ method: 'POST', url: '/v1/jobs/failed/retry', headers: auth, payload: { queue: TRAIN_QUEUE } });
    expect(all.json()).toEqual({ queue: TRAIN_QUEUE, retried: 1 });
    expect((await app.inject({ method: 'POST', url: '/v1/jobs/failed/retry', headers: auth, payload: { queue: TRAIN_QUEUE } })).json().retried).toBe(0);
  });

  it.skipIf(skip)('refuses what is not a job or a queue, changing nothing', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/v1/jobs/failed/00000000-0000-4000-8000-000000000000/retry', headers: auth });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    const badQueue = await app.inject({ method: 'POST', url: '/v1/jobs/failed/retry', headers: auth, payload: { queue: 'no-such-queue' } });
    expect(badQueue.statusCode).toBe(404);
    expect(badQueue.json().error.message).toContain('webhook-delivery');
    expect((await app.inject({ method: 'POST', url: '/v1/jobs/failed/retry', headers: auth, payload: { queue: 'a b;' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/v1/jobs/failed?limit=100000', headers: auth })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/v1/jobs/failed/not-a-uuid/retry', headers: auth })).statusCode).toBe(400);
  });

  it.skipIf(skip)('logs one line per request with its id, none for the console or /healthz, and no key or query secret', async () => {
    const lines: string[] = [];
    const logged = await createServer(saring, { logger: { level: 'info', stream: { write: (l: string) => void lines.push(l) } } });
    try {
      const mine = await logged.inject({ method: 'POST', url: `/v1/scan?token=${SECRET_QUERY}`, headers: { ...auth, cookie: 'saring_session=cookie-secret-value', 'x-request-id': 'req-from-proxy-42' }, payload: { text: 'halo' } });
      expect(mine.headers['x-request-id']).toBe('req-from-proxy-42');
      const fresh = await logged.inject({ method: 'GET', url: '/v1/jobs', headers: auth });
      expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const hostile = await logged.inject({ method: 'GET', url: '/v1/jobs', headers: { ...auth, 'x-request-id': 'x'.repeat(500) } });
      expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      await logged.inject({ method: 'GET', url: '/healthz' });
      await logged.inject({ method: 'GET', url: '/console/assets/index.js' });
      await logged.inject({ method: 'GET', url: '/console/' });
      const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const requests = records.filter((r) => r['msg'] === 'request');
      expect(requests.map((r) => `${r['method']} ${r['route']} ${r['status']}`)).toEqual(['POST /v1/scan 200', 'GET /v1/jobs 200', 'GET /v1/jobs 200']);
      expect(requests[0]).toMatchObject({ level: 30, reqId: 'req-from-proxy-42' });
      expect(typeof requests[0]!['ms']).toBe('number');
      const all = lines.join('\n');
      expect(all).not.toContain(SECRET_QUERY);
      expect(all).not.toContain(saring.adminKey);
      expect(all).not.toContain(saring.adminKey.slice(4, 16));
      expect(all).not.toContain('cookie-secret-value');
      expect(records.length).toBe(requests.length);
    } finally {
      await logged.close();
    }
  });

  it.skipIf(skip)('/readyz answers 503 naming what is not ready: a stopped job queue, a shutdown', async () => {
    saring.operations.shuttingDown();
    await saring.jobs.stop({ graceMs: 100 });
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    const body = res.json();
    expect(body.ready).toBe(false);
    expect(body.checks.queue).toEqual({ ok: false, error: 'the job queue is not started' });
    expect(body.checks.shutdown).toEqual({ ok: false, error: 'shutting down' });
    expect(body.checks.database.ok).toBe(true);
  });
});

describe('the shutdown grace time', () => {
  it('is --shutdown-grace, else SARING_SHUTDOWN_GRACE_SECONDS, else 25 s; anything else is refused by name', async () => {
    const { shutdownGraceSeconds, parseGrace, DEFAULT_GRACE_SECONDS } = await import('./shutdown.js');
    expect(DEFAULT_GRACE_SECONDS).toBe(25);
    expect(shutdownGraceSeconds(undefined, {})).toBe(25);
    expect(shutdownGraceSeconds(undefined, { SARING_SHUTDOWN_GRACE_SECONDS: '7.5' })).toBe(7.5);
    expect(shutdownGraceSeconds(3, { SARING_SHUTDOWN_GRACE_SECONDS: '7' })).toBe(3);
    for (const bad of ['-1', 'soon', '99999']) {
      expect(() => shutdownGraceSeconds(undefined, { SARING_SHUTDOWN_GRACE_SECONDS: bad })).toThrow(/SARING_SHUTDOWN_GRACE_SECONDS must be a number of seconds from 0 to 3600/);
    }
    expect(parseGrace('0')).toBe(0);
    expect(() => parseGrace('-3')).toThrow(/seconds from 0 to 3600/);
    expect(() => parseGrace('1e3')).toThrow(/seconds from 0 to 3600/);
  });
});

describe('readiness without a database', () => {
  it('answers 503 naming the database, without the driver’s message', async () => {
    const { testSaring } = await import('../test-support/storage.js');
    const saring = await testSaring('pglite');
    const app = await createServer(saring);
    try {
      await saring.storage.db.destroy(); // the database goes away under the running engine
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().checks.database).toEqual({ ok: false, error: 'the database does not answer' });
    } finally {
      await app.close();
      await saring.close().catch(() => undefined);
    }
  }, 60_000);
});
