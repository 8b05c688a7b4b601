import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../audit/log.js';
import { CATEGORIES, CATEGORY_IDS, isCategoryId, type CategoryId } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import type { ReviewCasesTable } from '../db/schema.js';
import type { Decided, ReviewRequired } from '../decisions/effects.js';
import { notFound, SaringError } from '../errors/errors.js';
import { PRIORITIES, type Priority } from '../policy/schema.js';
import { parseInput } from '../shared/validate.js';
import { reviewRules, storePriorities, type ReviewRules } from './rules.js';

/** Why a case exists. One case per content item per reason is open at a time. */
/**
 * SQL: whether a person has taken up the case in `caseIdColumn` (claimed, proposed or escalated
 * it) — what turns a report or an appeal from received/open to `in_review`.
 */
export function caseTakenUp(caseIdColumn: 'reports.case_id' | 'appeals.case_id') {
  return sql<boolean>`EXISTS (SELECT 1 FROM review_case_events e WHERE e.case_id = ${sql.ref(caseIdColumn)} AND e.kind IN ('claimed', 'proposed', 'escalated'))`;
}

export const CASE_REASONS = ['policy', 'report', 'appeal', 'escalation', 'order'] as const;
export type CaseReason = (typeof CASE_REASONS)[number];
export const CASE_STATUSES = ['open', 'pending_confirmation', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A review case as the API shows it. */
export interface ReviewCase {
  id: string;
  contentId: string;
  externalId: string;
  reason: CaseReason;
  queue: string;
  /** `pending_confirmation`: a four-eyes removal waits for a second senior moderator. */
  status: CaseStatus;
  /** `senior`: escalated, four-eyes or in a senior-only category (only `decide:severe` works it). */
  lane: 'standard' | 'senior';
  category: CategoryId | null;
  policyPriority: Priority;
  reports: number;
  audience: string;
  /** What opened it: the scan, report, appeal or order id. */
  ref: string | null;
  /** Higher first: the sum of `priorityComponents` (the policy's `review.priority` rule), age included, now. */
  priority: number;
  priorityComponents: { category: number; reports: number; children: number; policyPriority: number; age: number };
  dueAt: string;
  /** Past its deadline and not closed (or closed after it). */
  breached: boolean;
  claim: { by: string; at: string; expiresAt: string; expired: boolean } | null;
  escalation: { by: string | null; at: string; reason: string | null } | null;
  /** The four-eyes removal waiting for confirmation. */
  proposal: { action: string; category: CategoryId; reason: unknown; templateId: string | null; by: string; at: string } | null;
  decisionId: string | null;
  resolution: 'decided' | 'confirmed' | null;
  closedBy: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CaseRow = Selectable<ReviewCasesTable> & { external_id: string };

const round = (n: number) => Math.round(n * 100) / 100;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toCase(r: CaseRow, rules: ReviewRules, now = new Date()): ReviewCase {
  const created = new Date(r.created_at);
  const closedAt = r.closed_at ? new Date(r.closed_at) : null;
  const ageHours = ((closedAt ?? now).getTime() - created.getTime()) / 3_600_000;
  const c = r.priority_components as Partial<ReviewCase['priorityComponents']>;
  const components = {
    category: round(c.category ?? 0),
    reports: round(c.reports ?? 0),
    children: round(c.children ?? 0),
    policyPriority: round(c.policyPriority ?? 0),
    age: round(Math.max(0, ageHours) * rules.settings.priority.agePerHour),
  };
  const due = new Date(r.due_at);
  const proposal = r.proposal as (Omit<NonNullable<ReviewCase['proposal']>, 'by'> & { heldFrom?: unknown }) | null;
  return {
    id: r.id,
    contentId: r.content_id,
    externalId: r.external_id,
    reason: r.reason as CaseReason,
    queue: r.queue,
    status: r.status as CaseStatus,
    lane: r.lane as ReviewCase['lane'],
    category: r.category && isCategoryId(r.category) ? r.category : null,
    policyPriority: r.policy_priority as Priority,
    reports: r.reports,
    audience: r.audience,
    ref: r.ref,
    priority: round(r.priority_base + components.age),
    priorityComponents: components,
    dueAt: due.toISOString(),
    breached: (closedAt ?? now) > due,
    claim:
      r.claimed_by && r.claimed_at && r.claim_expires_at && r.status !== 'closed'
        ? { by: r.claimed_by, at: iso(r.claimed_at)!, expiresAt: iso(r.claim_expires_at)!, expired: new Date(r.claim_expires_at) <= now }
        : null,
    escalation: r.escalated_at ? { by: r.escalated_by, at: iso(r.escalated_at)!, reason: r.escalation_reason } : null,
    proposal:
      proposal && r.proposed_by
        ? { action: proposal.action, category: proposal.category, reason: proposal.reason, templateId: proposal.templateId ?? null, by: r.proposed_by, at: proposal.at }
        : null,
    decisionId: r.decision_id,
    resolution: r.resolution as ReviewCase['resolution'],
    closedBy: r.closed_by,
    closedAt: iso(r.closed_at),
    createdAt: created.toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Cases with their content's external id. */
export function selectCases(db: Db) {
  return db.selectFrom('review_cases').innerJoin('content_items', 'content_items.id', 'review_cases.content_id').selectAll('review_cases').select('content_items.external_id');
}

export async function findCase(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  let q = selectCases(db).where('review_cases.id', '=', id);
  if (options.forUpdate) q = q.forUpdate('review_cases');
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Case', id);
  return row;
}

/** Records what happened to a case, for its history in the console. */
export async function caseEvent(db: Db, caseId: string, kind: string, actor: Actor, data: Record<string, unknown> = {}): Promise<void> {
  await db.insertInto('review_case_events').values({ case_id: caseId, kind, actor, data: JSON.stringify(data) }).execute();
}

const openCaseSchema = z
  .object({
    contentId: z.uuid(),
    reason: z.enum(CASE_REASONS),
    queue: z.string().regex(/^[a-z0-9_-]{1,64}$/),
    category: z.enum(CATEGORY_IDS).nullable().optional(),
    policyPriority: z.enum(PRIORITIES).optional(),
    ref: z.string().max(256).nullable().optional(),
    actor: z.string().max(256).optional(),
    /** For a `report`: whether it counts one more report (default true; false for a bad-faith reporter, or the same reporter again). */
    countReport: z.boolean().optional(),
  })
  .strict();

export type OpenCaseInput = z.input<typeof openCaseSchema>;

const severe = (c: string | null | undefined) => !!c && isCategoryId(c) && CATEGORIES[c].severe;
const higher = (a: string, b: string | undefined): string => (b && PRIORITIES.indexOf(b as Priority) > PRIORITIES.indexOf(a as Priority) ? b : a);

/**
 * Opens the review case of a content item for a reason, or refreshes the one already open: one
 * open case per item per reason, guaranteed by a unique index, so a repeated report, a rescan or
 * a retried hook never makes a duplicate. A repeated `report` counts one more report; the queue,
 * category and reference become the new ones; the priority is recomputed with the active policy's
 * rule; the deadline follows the queue's SLA from the case's opening. Run it in the transaction of
 * whatever asks for review (reports, appeals, orders), so the case exists exactly when that does.
 *
 * @example
 * await db.transaction().execute((trx) => openCase(trx, { contentId, reason: 'report', queue: 'reports', ref: reportId }));
 */
export async function openCase(db: Db, input: OpenCaseInput): Promise<{ caseId: string; created: boolean }> {
  if (!db.isTransaction) return db.transaction().execute((trx) => openCase(trx, input));
  const valid = parseInput(openCaseSchema, input);
  const actor = valid.actor ?? 'system';
  const rules = await reviewRules(db);
  const content = await db.selectFrom('content_items').select(['id', 'audience']).where('id', '=', valid.contentId).executeTakeFirst();
  if (!content) throw notFound('Content', valid.contentId);
  const current = await db.selectFrom('decisions').select('category').where('content_id', '=', content.id).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  const seniorOnly = severe(valid.category) || severe(current?.category);
  const counted = valid.reason === 'report' && valid.countReport !== false ? 1 : 0;
  const slaSeconds = (queue: string) => rules.slaHours(queue) * 3600;
  // Twice at most: an insert that loses a race with another opening of the same case finds it on the second pass.
  for (let pass = 0; pass < 2; pass++) {
    const existing = await db
      .selectFrom('review_cases')
      .selectAll()
      .where('content_id', '=', content.id)
      .where('reason', '=', valid.reason)
      .where('status', '<>', 'closed')
      .forUpdate()
      .executeTakeFirst();
    if (existing) {
      const category = valid.category !== undefined ? valid.category : existing.category;
      await db
        .updateTable('review_cases')
        .set({
          queue: valid.queue,
          category,
          // The policy's latest verdict names the priority; other sources only ever raise it.
          policy_priority: valid.reason === 'policy' ? (valid.policyPriority ?? existing.policy_priority) : higher(existing.policy_priority, valid.policyPriority),
          reports: existing.reports + counted,
          audience: content.audience,
          ref: valid.ref ?? existing.ref,
          lane: existing.lane === 'senior' || severe(category) || severe(current?.category) ? 'senior' : 'standard',
          due_at: existing.queue === valid.queue ? existing.due_at : sql<Date>`created_at + make_interval(secs => ${slaSeconds(valid.queue)}::float8)`,
          updated_at: new Date(),
        })
        .where('id', '=', existing.id)
        .execute();
      await storePriorities(db, rules, { caseId: existing.id });
      await caseEvent(db, existing.id, 'refreshed', actor, { queue: valid.queue, ref: valid.ref ?? null });
      return { caseId: existing.id, created: false };
    }
    const inserted = await db
      .insertInto('review_cases')
      .values({
        content_id: content.id,
        reason: valid.reason,
        queue: valid.queue,
        category: valid.category ?? null,
        policy_priority: valid.policyPriority ?? rules.settings.defaultPriority,
        reports: counted,
        audience: content.audience,
        ref: valid.ref ?? null,
        lane: seniorOnly ? 'senior' : 'standard',
        due_at: sql<Date>`now() + make_interval(secs => ${slaSeconds(valid.queue)}::float8)`,
      })
      .onConflict((oc) => oc.columns(['content_id', 'reason']).where('status', '<>', 'closed').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await storePriorities(db, rules, { caseId: inserted.id });
      await caseEvent(db, inserted.id, 'opened', actor, { reason: valid.reason, queue: valid.queue, ref: valid.ref ?? null });
      return { caseId: inserted.id, created: true };
    }
  }
  throw new SaringError('conflict', `The ${valid.reason} case of content ${valid.contentId} could not be opened; try again.`);
}

/**
 * Closes a case without a new decision, in the caller's transaction: the decision in force
 * (`decisionId`) stands — an appeal upheld. Recorded as the case's event `kind`.
 */
export async function closeCase(db: Db, caseId: string, input: { decisionId: string; by: string; actor: Actor; kind: string; data?: Record<string, unknown> }): Promise<void> {
  const closed = await db
    .updateTable('review_cases')
    .set({ status: 'closed', resolution: 'decided', decision_id: input.decisionId, closed_by: input.by, closed_at: new Date(), claimed_by: null, claimed_at: null, claim_expires_at: null, updated_at: new Date() })
    .where('id', '=', caseId)
    .where('status', '<>', 'closed')
    .returning('id')
    .executeTakeFirst();
  if (!closed) throw new SaringError('case_closed', `Case ${caseId} is closed.`);
  await caseEvent(db, caseId, input.kind, input.actor, { decisionId: input.decisionId, ...input.data });
}

/** `reviewRequired` hook: content held by a policy `review` verdict gets (or refreshes) its `policy` case. */
export async function onReviewRequired(trx: Db, event: ReviewRequired): Promise<void> {
  await openCase(trx, {
    contentId: event.contentId,
    reason: 'policy',
    queue: event.queue,
    category: event.category ?? null,
    policyPriority: event.priority,
    ref: event.scanId,
    actor: event.actor,
  });
}

/**
 * `decided` hook: a decision on the content closes its open cases (whichever door it came
 * through). A removal waiting for four-eyes confirmation stays pending unless a person (or an
 * order) decided: an automated verdict does not settle what a second senior must confirm.
 */
export async function onDecided(trx: Db, event: Decided): Promise<void> {
  const { decision } = event;
  const byPerson = decision.actorType !== 'automated';
  const closed = await trx
    .updateTable('review_cases')
    .set({ status: 'closed', resolution: 'decided', decision_id: decision.id, closed_by: decision.actorId, closed_at: new Date(), updated_at: new Date() })
    .where('content_id', '=', decision.contentId)
    .where((eb) => (byPerson ? eb('status', '<>', 'closed') : eb('status', '=', 'open')))
    .returning('id')
    .execute();
  for (const c of closed) await caseEvent(trx, c.id, 'closed', event.actor, { decisionId: decision.id, action: decision.action, actorType: decision.actorType });
}
