import { randomUUID } from 'node:crypto';
import type { CategoryId } from '../categories/categories.js';
import type { Principal } from '../access/auth.js';
import { addEntries, REMOVALS_BANK } from '../banks/banks.js';
import { entriesForMedia, mediaHashesOf } from '../banks/media-hashes.js';
import { RETRO_QUEUE } from '../banks/retro.js';
import type { Db } from '../db/connect.js';
import { appendAudit, type Actor } from '../audit/log.js';
import { notFound } from '../errors/errors.js';
import type { Jobs } from '../jobs/jobs.js';
import type { Priority } from '../policy/schema.js';
import { describeEvidence, type Evidence } from '../scan/verdict.js';
import { emitEvent } from '../webhooks/webhooks.js';
import { buildStatement, type ActorType, type DecisionAction, type StatementOfReasons } from './statement.js';

export interface Decision {
  id: string;
  contentId: string;
  scanId: string | null;
  actorType: ActorType;
  actorId: string | null;
  action: DecisionAction;
  category: CategoryId | null;
  legalGround: string | null;
  automatedDetection: boolean;
  automatedDecision: boolean;
  statement: StatementOfReasons;
  createdAt: string;
}

/** The decisions part of the engine. */
export interface DecisionsApi {
  /** A moderator's decision on a content item. */
  decide(contentId: string, input: { action: DecisionAction; category?: CategoryId | null; reason: string }, principal: Principal): Promise<Decision>;
  get(id: string): Promise<Decision>;
}

export interface DecisionInput {
  contentId: string;
  scanId?: string | null;
  actorType: ActorType;
  /** The operator user behind a moderator decision. */
  actorId?: string | null;
  action: DecisionAction;
  category: CategoryId | null;
  evidence: Evidence[];
  automatedDetection: boolean;
  reason?: string;
  /** A removal banks the media's hashes (default true). */
  bankMedia?: boolean;
}

const STATUS: Record<DecisionAction, { status: string; restriction: string | null }> = {
  allow: { status: 'active', restriction: null },
  restrict_16: { status: 'restricted', restriction: 'restrict_16' },
  restrict_18: { status: 'restricted', restriction: 'restrict_18' },
  remove: { status: 'removed', restriction: null },
};

type Row = {
  id: string;
  content_id: string;
  scan_id: string | null;
  actor_type: string;
  actor_id: string | null;
  action: string;
  category: string | null;
  legal_ground: string | null;
  automated_detection: boolean;
  automated_decision: boolean;
  statement: unknown;
  created_at: Date;
};

export function toDecision(r: Row): Decision {
  return {
    id: r.id,
    contentId: r.content_id,
    scanId: r.scan_id,
    actorType: r.actor_type as ActorType,
    actorId: r.actor_id,
    action: r.action as DecisionAction,
    category: r.category as CategoryId | null,
    legalGround: r.legal_ground,
    automatedDetection: r.automated_detection,
    automatedDecision: r.automated_decision,
    statement: r.statement as StatementOfReasons,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Records a decision: the statement of reasons, the content's new state, the audit entry and
 * the webhook, all in one transaction. Decisions are the only place a content item's
 * visibility changes.
 */
export async function recordDecision(db: Db, jobs: Jobs, input: DecisionInput, actor: Actor): Promise<Decision> {
  if (!db.isTransaction) return db.transaction().execute((trx) => recordDecision(trx, jobs, input, actor));
  const content = await db.selectFrom('content_items').select(['id', 'external_id', 'kind']).where('id', '=', input.contentId).forUpdate().executeTakeFirst();
  if (!content) throw notFound('Content', input.contentId);
  const id = randomUUID();
  const now = new Date();
  const statement = buildStatement({
    decisionId: id,
    content: { id: content.id, externalId: content.external_id, kind: content.kind },
    action: input.action,
    category: input.category,
    actorType: input.actorType,
    automatedDetection: input.automatedDetection,
    evidence: input.evidence,
    reason: input.reason,
    decidedAt: now,
  });
  const row = await db
    .insertInto('decisions')
    .values({
      id,
      content_id: content.id,
      scan_id: input.scanId ?? null,
      actor_type: input.actorType,
      actor_id: input.actorId ?? null,
      action: input.action,
      category: input.category,
      legal_ground: statement.ground.legalGround,
      automated_detection: input.automatedDetection,
      automated_decision: input.actorType === 'automated',
      statement: JSON.stringify(statement),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db.updateTable('content_items').set({ ...STATUS[input.action], updated_at: now }).where('id', '=', content.id).execute();
  await appendAudit(db, {
    actor,
    action: 'decision.created',
    subjectType: 'content',
    subjectId: content.id,
    data: {
      decisionId: id,
      externalId: content.external_id,
      action: input.action,
      category: input.category,
      actorType: input.actorType,
      reason: input.reason ?? null,
      evidence: input.evidence.map(describeEvidence),
    },
  });
  if (input.action === 'remove' && input.category && input.bankMedia !== false) await bankRemovedMedia(db, jobs, content.id, id, input.category, actor);
  const decision = toDecision(row as Row);
  await emitEvent(db, jobs, 'decision.created', { decision: { ...decision, externalId: content.external_id } });
  return decision;
}

/**
 * A removal keeps the removed media from coming back: its hashes go into the removals bank (in the
 * decision's transaction), and stored content is checked against them in the background.
 */
async function bankRemovedMedia(db: Db, jobs: Jobs, contentId: string, decisionId: string, category: CategoryId, actor: Actor): Promise<void> {
  const media = await mediaHashesOf(db, contentId);
  const entries = entriesForMedia(media, category);
  if (entries.length === 0) return;
  const { added } = await addEntries(db, REMOVALS_BANK, entries, { provenance: 'removal', sourceRef: decisionId, actor });
  if (added.length) await jobs.send(RETRO_QUEUE, { entryIds: added.map((e) => e.id) }, { trx: db });
}

/** Holds content for human review: the scan could not decide alone. */
export async function routeToReview(
  db: Db,
  jobs: Jobs,
  input: { contentId: string; scanId: string; queue: string; priority: Priority; category?: CategoryId | undefined; reason?: string | undefined },
  actor: Actor,
): Promise<void> {
  const content = await db
    .updateTable('content_items')
    .set({ status: 'in_review', updated_at: new Date() })
    .where('id', '=', input.contentId)
    .returning(['id', 'external_id'])
    .executeTakeFirst();
  if (!content) throw notFound('Content', input.contentId);
  await appendAudit(db, {
    actor,
    action: 'content.review_required',
    subjectType: 'content',
    subjectId: content.id,
    data: { scanId: input.scanId, queue: input.queue, priority: input.priority, category: input.category },
  });
  await emitEvent(db, jobs, 'content.review_required', { ...input, externalId: content.external_id });
}

export async function listDecisions(db: Db, contentId: string): Promise<Decision[]> {
  const rows = await db.selectFrom('decisions').selectAll().where('content_id', '=', contentId).orderBy('created_at').execute();
  return rows.map((r) => toDecision(r as Row));
}

export async function getDecision(db: Db, id: string): Promise<Decision> {
  const row = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Decision', id);
  return toDecision(row as Row);
}
