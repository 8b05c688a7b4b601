import { sql } from 'kysely';
import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import { SaringError } from '../errors/errors.js';
import { csvField } from '../shared/csv.js';
import { wholeNumber } from '../shared/validate.js';
import { CASE_REASONS, selectCases, toCase, type CaseRow, type ReviewCase } from './cases.js';
import type { ReviewRules } from './rules.js';

export const listQuerySchema = z
  .object({
    queue: z.string().regex(/^[a-z0-9_-]{1,64}$/).optional(),
    /** `active`: open or waiting for confirmation (default); `all`: closed too. */
    status: z.enum(['open', 'pending_confirmation', 'closed', 'active', 'all']).default('active'),
    lane: z.enum(['standard', 'senior']).optional(),
    reason: z.enum(CASE_REASONS).optional(),
    category: z.enum(CATEGORY_IDS).optional(),
    /** `me`: claimed by the caller; `others`; `none`: not held by a live claim. */
    claimed: z.enum(['me', 'others', 'none']).optional(),
    // (a boolean too: the engine parses again what the HTTP door already parsed)
    breached: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
    contentId: z.uuid().optional(),
    /**
     * `priority`: highest first (the order claim-next takes them; the default of a page);
     * `oldest` / `newest`: by opening (`oldest` is the default of an export: it walks an index).
     */
    order: z.enum(['priority', 'oldest', 'newest']).optional(),
    limit: wholeNumber(1, 500).default(50),
    cursor: z.string().max(500).optional(),
    /** `json` (a page); `jsonl` or `csv`: every matching case, streamed, no row cap. */
    format: z.enum(['json', 'jsonl', 'csv']).default('json'),
  })
  .strict();
export type ListQuery = z.output<typeof listQuerySchema>;
type Order = NonNullable<ListQuery['order']>;

type Cursor = { v: number | string; id: string };
type Row = CaseRow & { created_text: string };

function encodeCursor(order: Order, row: Row): string {
  const c: Cursor = { v: order === 'priority' ? row.rank : row.created_text, id: row.id };
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(order: Order, cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    const okValue = order === 'priority' ? typeof c.v === 'number' && Number.isFinite(c.v) : typeof c.v === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(c.v);
    if (!okValue || typeof c.id !== 'string' || !z.uuid().safeParse(c.id).success) throw new Error('bad cursor');
    return c;
  } catch {
    throw new SaringError('validation_failed', 'cursor: not a cursor of this listing (pass nextCursor as it came, with the same order).');
  }
}

/** One page of cases, in `order`, after `cursor`; `nextCursor` is set while there may be more. */
export async function listCases(db: Db, rules: ReviewRules, query: ListQuery, me: string): Promise<{ cases: ReviewCase[]; nextCursor: string | null }> {
  const order = query.order ?? 'priority';
  let q = selectCases(db).select(sql<string>`to_char(review_cases.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_text'));
  const status = query.status;
  if (status === 'active') q = q.where('review_cases.status', '<>', 'closed');
  else if (status !== 'all') q = q.where('review_cases.status', '=', status);
  if (query.queue) q = q.where('review_cases.queue', '=', query.queue);
  if (query.lane) q = q.where('review_cases.lane', '=', query.lane);
  if (query.reason) q = q.where('review_cases.reason', '=', query.reason);
  if (query.category) q = q.where('review_cases.category', '=', query.category);
  if (query.contentId) q = q.where('review_cases.content_id', '=', query.contentId);
  const live = sql<boolean>`(review_cases.claimed_by IS NOT NULL AND review_cases.claim_expires_at > now() AND review_cases.status <> 'closed')`;
  if (query.claimed === 'me') q = q.where(sql<boolean>`${live} AND review_cases.claimed_by = ${me}`);
  if (query.claimed === 'others') q = q.where(sql<boolean>`${live} AND review_cases.claimed_by <> ${me}`);
  if (query.claimed === 'none') q = q.where(sql<boolean>`NOT ${live}`);
  if (query.breached !== undefined) {
    const breached = sql<boolean>`coalesce(review_cases.closed_at, now()) > review_cases.due_at`;
    q = q.where(query.breached ? breached : sql<boolean>`NOT ${breached}`);
  }
  if (query.cursor) {
    const c = decodeCursor(order, query.cursor);
    if (order === 'priority') q = q.where(sql<boolean>`(review_cases.rank < ${c.v}::float8 OR (review_cases.rank = ${c.v}::float8 AND review_cases.id > ${c.id}::uuid))`);
    else if (order === 'oldest') q = q.where(sql<boolean>`(review_cases.created_at, review_cases.id) > (${c.v}::timestamptz, ${c.id}::uuid)`);
    else q = q.where(sql<boolean>`(review_cases.created_at, review_cases.id) < (${c.v}::timestamptz, ${c.id}::uuid)`);
  }
  q =
    order === 'priority'
      ? q.orderBy('review_cases.rank', 'desc').orderBy('review_cases.id', 'asc')
      : order === 'oldest'
        ? q.orderBy('review_cases.created_at', 'asc').orderBy('review_cases.id', 'asc')
        : q.orderBy('review_cases.created_at', 'desc').orderBy('review_cases.id', 'desc');
  const rows = (await q.limit(query.limit + 1).execute()) as Row[];
  const page = rows.slice(0, query.limit);
  const now = new Date();
  return { cases: page.map((r) => toCase(r, rules, now)), nextCursor: rows.length > query.limit ? encodeCursor(order, page.at(-1)!) : null };
}

/** Every matching case, page by page (1,000 at a time): exports have no row cap. */
export async function* allCases(db: Db, rules: ReviewRules, query: ListQuery, me: string): AsyncGenerator<ReviewCase> {
  let cursor = query.cursor;
  for (;;) {
    const page = await listCases(db, rules, { ...query, order: query.order ?? 'oldest', limit: 1_000, ...(cursor ? { cursor } : {}) }, me);
    yield* page.cases;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

export const CSV_COLUMNS = [
  'id',
  'contentId',
  'externalId',
  'reason',
  'queue',
  'status',
  'lane',
  'category',
  'policyPriority',
  'reports',
  'priority',
  'dueAt',
  'breached',
  'claimedBy',
  'claimExpiresAt',
  'escalatedAt',
  'decisionId',
  'resolution',
  'closedBy',
  'closedAt',
  'createdAt',
] as const;

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvLine(c: ReviewCase): string {
  const flat: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    id: c.id,
    contentId: c.contentId,
    externalId: c.externalId,
    reason: c.reason,
    queue: c.queue,
    status: c.status,
    lane: c.lane,
    category: c.category,
    policyPriority: c.policyPriority,
    reports: c.reports,
    priority: c.priority,
    dueAt: c.dueAt,
    breached: c.breached,
    claimedBy: c.claim?.by,
    claimExpiresAt: c.claim?.expiresAt,
    escalatedAt: c.escalation?.at,
    decisionId: c.decisionId,
    resolution: c.resolution,
    closedBy: c.closedBy,
    closedAt: c.closedAt,
    createdAt: c.createdAt,
  };
  return `${CSV_COLUMNS.map((k) => csvField(flat[k])).join(',')}\r\n`;
}

export interface QueueSummary {
  queue: string;
  /** SLA of the queue, hours. */
  slaHours: number;
  /** Cases not closed (waiting, claimed or pending confirmation). */
  open: number;
  /** Open and not held by a live claim: what claim-next can take. */
  waiting: number;
  claimed: number;
  pendingConfirmation: number;
  /** In the senior lane (escalated, four-eyes, senior-only categories). */
  senior: number;
  /** Past their deadline. */
  breached: number;
  /** Opening time of the oldest open case. */
  oldest: string | null;
  /** The earliest deadline still ahead. */
  nextDue: string | null;
}

/** Every queue with open cases, and every queue the policy names, with counts. */
export async function queueSummaries(db: Db, rules: ReviewRules): Promise<QueueSummary[]> {
  const rows = await db
    .selectFrom('review_cases')
    .where('status', '<>', 'closed')
    .groupBy('queue')
    .select([
      'queue',
      sql<number>`count(*)::int`.as('open'),
      sql<number>`(count(*) FILTER (WHERE status = 'open' AND (claim_expires_at IS NULL OR claim_expires_at <= now())))::int`.as('waiting'),
      sql<number>`(count(*) FILTER (WHERE claim_expires_at > now()))::int`.as('claimed'),
      sql<number>`(count(*) FILTER (WHERE status = 'pending_confirmation'))::int`.as('pending'),
      sql<number>`(count(*) FILTER (WHERE lane = 'senior'))::int`.as('senior'),
      sql<number>`(count(*) FILTER (WHERE due_at < now()))::int`.as('breached'),
      sql<Date | null>`min(created_at)`.as('oldest'),
      sql<Date | null>`min(due_at) FILTER (WHERE due_at >= now())`.as('next_due'),
    ])
    .execute();
  const byQueue = new Map(rows.map((r) => [r.queue, r]));
  const names = [...new Set([...rules.queues, ...byQueue.keys()])].sort();
  return names.map((queue) => {
    const r = byQueue.get(queue);
    return {
      queue,
      slaHours: rules.slaHours(queue),
      open: r?.open ?? 0,
      waiting: r?.waiting ?? 0,
      claimed: r?.claimed ?? 0,
      pendingConfirmation: r?.pending ?? 0,
      senior: r?.senior ?? 0,
      breached: r?.breached ?? 0,
      oldest: r?.oldest ? new Date(r.oldest).toISOString() : null,
      nextDue: r?.next_due ? new Date(r.next_due).toISOString() : null,
    };
  });
}
