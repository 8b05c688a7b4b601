import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { canonicalJson } from '../shared/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 727_274_642;

/** Who did something: `system`, `user:<id>`, `api-key:<prefix>`, `cli`. */
export type Actor = string;

export interface AuditInput {
  actor: Actor;
  /** What happened, dotted: `decision.created`, `policy.activated`, `lexicon.updated`, … */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    data: e.data,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}

/** Entries of a transaction whose appends are collected (withDeferredAudit), with when each happened. */
const deferred = new WeakMap<Db, { input: AuditInput; at: string }[]>();

/**
 * Appends an entry. Call it inside the transaction that makes the change it records, so the
 * change and its record commit together. Appends are serialised by an advisory lock, which
 * keeps the chain linear across processes sharing one PostgreSQL. Inside `withDeferredAudit` the
 * entry is collected and appended when its function ends (the answer is then null).
 */
export async function appendAudit(db: Db, input: AuditInput): Promise<AuditEntry | null> {
  const collected = deferred.get(db);
  if (collected) {
    collected.push({ input, at: new Date().toISOString() });
    return null;
  }
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, input));
  return (await appendEntries(db, [{ input, at: new Date().toISOString() }]))[0]!;
}

/**
 * Runs `fn` in transaction `trx` with its audit appends collected, then appends them together (in
 * the order they were made, each with its own time): the chain's lock is held for one insert at the
 * end, not through `fn`. For work that records many entries per transaction — a sweep's chunk, an
 * import's batch — so that processes working side by side are not serialised on the audit log.
 */
export async function withDeferredAudit<R>(trx: Db, fn: () => Promise<R>): Promise<R> {
  if (!trx.isTransaction) throw new Error('withDeferredAudit needs a transaction');
  if (deferred.has(trx)) return fn();
  const collected: { input: AuditInput; at: string }[] = [];
  deferred.set(trx, collected);
  let result: R;
  try {
    result = await fn();
  } finally {
    deferred.delete(trx);
  }
  if (collected.length) await appendEntries(trx, collected);
  return result;
}

async function appendEntries(trx: Db, items: { input: AuditInput; at: string }[]): Promise<AuditEntry[]> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const entries = items.map(({ input, at }): AuditEntry => {
    const partial: Omit<AuditEntry, 'hash'> = {
      seq: ++seq,
      at,
      actor: input.actor,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      data: JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>,
      prevHash,
    };
    const entry = { ...partial, hash: entryHash(partial) };
    prevHash = entry.hash;
    return entry;
  });
  for (let i = 0; i < entries.length; i += 500) {
    await trx
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + 500).map((e) => ({
          seq: e.seq,
          at: new Date(e.at),
          actor: e.actor,
          action: e.action,
          subject_type: e.subjectType,
          subject_id: e.subjectId,
          data: JSON.stringify(e.data),
          prev_hash: e.prevHash,
          hash: e.hash,
        })),
      )
      .execute();
  }
  return entries;
}

export type AuditRow = {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  data: unknown;
  prev_hash: string;
  hash: string;
};

export function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    data: r.data as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export interface AuditQuery {
  subjectType?: string;
  subjectId?: string;
  action?: string;
  afterSeq?: number;
  limit?: number;
}

export async function listAudit(db: Db, q: AuditQuery = {}): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').limit(Math.min(q.limit ?? 100, 1000));
  if (q.subjectType) query = query.where('subject_type', '=', q.subjectType);
  if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.afterSeq !== undefined) query = query.where('seq', '>', q.afterSeq);
  return (await query.execute()).map((r) => toEntry(r as AuditRow));
}
