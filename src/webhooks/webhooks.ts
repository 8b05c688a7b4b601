import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.js';
import { appendAudit, type Actor } from '../audit/log.js';
import { notFound, SaringError } from '../errors/errors.js';
import type { JobContext, Jobs } from '../jobs/jobs.js';
import { canonicalJson } from '../shared/canonical-json.js';

export const WEBHOOK_QUEUE = 'webhook-delivery';
export const WEBHOOK_EVENTS = [
  'decision.created',
  'content.review_required',
  'content.analysed',
  'content.held',
  'content.released',
  'report.resolved',
  'appeal.decided',
  'account.actioned',
  'order.received',
  'order.reminder',
  'order.clarification_filed',
  'order.warning_recorded',
  'order.information_answered',
  'youth.reverification_requested',
  'youth.transition_notice',
  'youth.deactivated',
  'youth.cleared',
  'programme.item_removed',
  'account.age_changed',
  'sweep.started',
  'sweep.paused',
  'sweep.resumed',
  'sweep.cancelled',
  'sweep.finished',
  'sweep.failed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Retries after the first attempt; with backoff from 5 s doubling up to 1 h, about a day in all. */
export const WEBHOOK_RETRY_LIMIT = 12;
/** Deliveries a worker fetches per poll. */
const WEBHOOK_BATCH = 16;

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** The webhooks part of the engine. */
export interface WebhooksApi {
  /** Registers an endpoint; the signing secret is returned once. */
  add(input: { url: string; events?: string[]; secret?: string }, actor: Actor): Promise<WebhookEndpoint & { secret: string }>;
  list(): Promise<WebhookEndpoint[]>;
  remove(id: string, actor: Actor): Promise<void>;
  deliveries(options?: { status?: string; limit?: number }): Promise<WebhookDelivery[]>;
  /** Waits until every queued delivery was delivered or tried for the last time. */
  drain(timeoutMs?: number): Promise<void>;
}

function validUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SaringError('validation_failed', `Not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SaringError('validation_failed', 'Webhook URLs must be http or https.');
  }
  return parsed.toString();
}

/**
 * Registers an endpoint. The secret signs every delivery; it is shown once, here.
 * Events: `*` or a list of WEBHOOK_EVENTS.
 */
export async function addEndpoint(
  db: Db,
  input: { url: string; events?: string[]; secret?: string },
  actor: Actor,
): Promise<WebhookEndpoint & { secret: string }> {
  const events = input.events?.length ? input.events : ['*'];
  for (const e of events) {
    if (e !== '*' && !(WEBHOOK_EVENTS as readonly string[]).includes(e)) {
      throw new SaringError('validation_failed', `Unknown webhook event ${e}; known: ${WEBHOOK_EVENTS.join(', ')}.`);
    }
  }
  const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
  if (secret.length < 16) throw new SaringError('validation_failed', 'A webhook secret needs at least 16 characters.');
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('webhook_endpoints').values({ url: validUrl(input.url), secret, events }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'webhook.added', subjectType: 'webhook_endpoint', subjectId: row.id, data: { url: row.url, events } });
    return { id: row.id, url: row.url, events: row.events, active: row.active, createdAt: row.created_at.toISOString(), secret };
  });
}

export async function listEndpoints(db: Db): Promise<WebhookEndpoint[]> {
  const rows = await db.selectFrom('webhook_endpoints').select(['id', 'url', 'events', 'active', 'created_at']).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, url: r.url, events: r.events, active: r.active, createdAt: r.created_at.toISOString() }));
}

export async function removeEndpoint(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('webhook_endpoints').set({ active: false }).where('id', '=', id).where('active', '=', true).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('Webhook endpoint', id);
    await appendAudit(trx, { actor, action: 'webhook.removed', subjectType: 'webhook_endpoint', subjectId: id });
  });
}

export async function listDeliveries(db: Db, options: { status?: string; limit?: number } = {}): Promise<WebhookDelivery[]> {
  let q = db.selectFrom('webhook_deliveries').selectAll().orderBy('created_at', 'desc').limit(Math.min(options.limit ?? 50, 500));
  if (options.status) q = q.where('status', '=', options.status);
  return (await q.execute()).map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    deliveredAt: r.delivered_at?.toISOString() ?? null,
  }));
}

/**
 * Queues an event for every active endpoint that wants it. Call inside the transaction that made
 * the change: the deliveries (and their jobs) exist only if it commits.
 */
export async function emitEvent(trx: Db, jobs: Jobs, type: WebhookEvent, data: Record<string, unknown>): Promise<void> {
  const endpoints = await trx.selectFrom('webhook_endpoints').select(['id', 'events']).where('active', '=', true).execute();
  for (const ep of endpoints) {
    if (!ep.events.includes('*') && !ep.events.includes(type)) continue;
    const delivery = await trx
      .insertInto('webhook_deliveries')
      .values({ endpoint_id: ep.id, event_type: type, payload: JSON.stringify({ type, createdAt: new Date().toISOString(), data }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await jobs.send(WEBHOOK_QUEUE, { deliveryId: delivery.id }, { trx });
  }
}

/**
 * The signature header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * Receivers recompute it with their secret and reject old timestamps (replay).
 */
export function signPayload(secret: string, body: string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** The job that delivers one webhook. It throws on failure so the queue retries with backoff. */
export function deliveryHandler(db: Db, options: { timeoutMs?: number } = {}) {
  return async (data: { deliveryId: string }, job: JobContext): Promise<void> => {
    const row = await db
      .selectFrom('webhook_deliveries')
      .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
      .select(['webhook_deliveries.id', 'webhook_deliveries.payload', 'webhook_deliveries.status', 'webhook_deliveries.event_type', 'webhook_endpoints.url', 'webhook_endpoints.secret', 'webhook_endpoints.active'])
      .where('webhook_deliveries.id', '=', data.deliveryId)
      .executeTakeFirst();
    if (!row || row.status === 'delivered' || !row.active) return;
    const body = canonicalJson({ id: row.id, ...(row.payload as object) });
    const timestamp = Math.floor(Date.now() / 1000);
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(row.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Saring-Webhook/1',
          'saring-event': row.event_type,
          'saring-delivery': row.id,
          'saring-signature': signPayload(row.secret, body, timestamp),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? 10_000), job.signal]),
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).message;
    }
    const lastAttempt = job.retryCount >= WEBHOOK_RETRY_LIMIT;
    await db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_status_code: statusCode,
        last_error: error,
        status: error ? (lastAttempt ? 'failed' : 'pending') : 'delivered',
        delivered_at: error ? null : new Date(),
      }))
      .where('id', '=', row.id)
      .execute();
    if (error) throw new Error(`webhook ${row.id} to ${row.url}: ${error}`);
  };
}

/**
 * Deliveries are fetched in batches and sent side by side (`concurrency` in flight per process,
 * default 32), each settled on its own: a failing endpoint's delivery is retried alone. While
 * batches come back full the workers fetch again at once, so a backlog drains at the speed of the
 * receivers and the database, not of the poll interval.
 */
export function defineWebhookQueue(jobs: Jobs, db: Db, options: { retryDelay?: number; timeoutMs?: number; concurrency?: number } = {}): void {
  jobs.define<{ deliveryId: string }>({
    name: WEBHOOK_QUEUE,
    handler: deliveryHandler(db, options),
    retryLimit: WEBHOOK_RETRY_LIMIT,
    retryDelay: options.retryDelay ?? 5,
    retryDelayMax: 3600,
    expireInSeconds: 60,
    concurrency: options.concurrency ?? 32,
    batchSize: WEBHOOK_BATCH,
    // A last attempt that ran out of time or whose process died never got to mark the delivery.
    onFailed: async ({ deliveryId }, failure) => {
      await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({ status: 'failed', last_error: eb.fn.coalesce('last_error', eb.val(failure.message)) }))
        .where('id', '=', deliveryId)
        .where('status', '=', 'pending')
        .execute();
    },
  });
}
