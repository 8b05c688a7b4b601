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

/**
 * Appends an entry. Call it inside the transaction that makes the change it records, so the
 * change and its record commit together. Appends are serialised by an advisory lock, which
 * keeps the chain linear across processes sharing one PostgreSQL.
 */
export async function appendAudit(db: Db, input: AuditInput): Promise<AuditEntry> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, input));
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(db);
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const partial: Omit<AuditEntry, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId ?? null,
    data: JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const entry: AuditEntry = { ...partial, hash: entryHash(partial) };
  await db
    .insertInto('audit_log')
    .values({
      seq: entry.seq,
      at: new Date(entry.at),
      actor: entry.actor,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      data: JSON.stringify(entry.data),
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
  return entry;
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
