import { randomUUID } from 'node:crypto';
import { CATEGORIES, isCategoryId, type CategoryId } from '../categories/categories.js';
import type { Principal } from '../access/auth.js';
import { can, type Role } from '../access/roles.js';
import { addEntries, releaseRemovalEntries, REMOVALS_BANK, type Provenance } from '../banks/banks.js';
import { entriesForMedia, mediaHashesOf } from '../banks/media-hashes.js';
import { RETRO_QUEUE } from '../banks/retro.js';
import type { Db } from '../db/connect.js';
import { appendAudit, type Actor } from '../audit/log.js';
import { notFound, SaringError } from '../errors/errors.js';
import type { Jobs } from '../jobs/jobs.js';
import type { Priority } from '../policy/schema.js';
import { describeEvidence, type Evidence, type Verdict } from '../scan/verdict.js';
import { emitEvent } from '../webhooks/webhooks.js';
import { runHooks, type Effects } from './effects.js';
import { buildStatement, type ActorType, type Bilingual, type Decision, type DecisionAction, type MediaKind, type StatementOfReasons } from './statement.js';

export type { Decision } from './statement.js';

/** The decisions part of the engine. */
export interface DecisionsApi {
  /**
   * A moderator's decision on a content item. Decisions that touch a senior-only category (the
   * new category, the content's current decision or its latest scan) need `decide:severe`.
   */
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
  /** A person's reason: one text, or one per language (a reason template); automated: the scan's summary. */
  reason?: string | Bilingual;
  /** A removal banks the media's hashes (default true). */
  bankMedia?: boolean;
  /** Where the banked hashes come from (default `removal`) and a note for each entry (an order's removal: `regulator_order`, naming the order). */
  bankOrigin?: { provenance: Provenance; note?: string };
}

/** Who takes a moderator decision: the person (id and role, for the senior-only rule) and how the audit log names them. */
export interface Decider {
  user: { id: string; role: Role };
  actor: Actor;
}

/** A bilingual reason is stored as one text, both languages marked. */
function reasonText(reason: string | Bilingual | undefined): string | null {
  if (reason === undefined) return null;
  return typeof reason === 'string' ? reason : `[id] ${reason.id}\n[en] ${reason.en}`;
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
  evidence: unknown;
  reason: string | null;
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
    statement: currentStatement(r),
    evidence: r.evidence as Evidence[],
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Statements stored before 0007 quoted lexicon patterns, weights and bank entries to the user,
 * in English only; they are told again, in plain words, from the decision's evidence (moved out
 * of the statement by the migration). What was sent at the time stays in the audit log and the
 * webhook deliveries.
 */
function currentStatement(r: Row): StatementOfReasons {
  const stored = r.statement as StatementOfReasons;
  if (typeof stored.ground.explanation !== 'string') return stored;
  return buildStatement({
    decisionId: r.id,
    content: stored.content,
    action: r.action as DecisionAction,
    category: r.category as CategoryId | null,
    actorType: r.actor_type as ActorType,
    automatedDetection: r.automated_detection,
    evidence: r.evidence as Evidence[],
    reason: r.reason,
    decidedAt: r.created_at,
  });
}

const MEDIA_KINDS: readonly string[] = ['image', 'video', 'audio'];

/**
 * Records a decision: the statement of reasons, the content's new state, the audit entry and
 * the webhook, all in one transaction. Decisions are the only place a content item's
 * visibility changes.
 */
export async function recordDecision(db: Db, fx: Effects, input: DecisionInput, actor: Actor): Promise<Decision> {
  if (!db.isTransaction) return db.transaction().execute((trx) => recordDecision(trx, fx, input, actor));
  const content = await db
    .selectFrom('content_items')
    .select(['id', 'external_id', 'kind', 'media', 'account_id', 'audience', 'status'])
    .where('id', '=', input.contentId)
    .forUpdate()
    .executeTakeFirst();
  if (!content) throw notFound('Content', input.contentId);
  const id = randomUUID();
  const now = new Date();
  const statement = buildStatement({
    decisionId: id,
    content: { id: content.id, externalId: content.external_id, kind: content.kind },
    mediaKinds: (content.media as { type?: string }[]).map((m) => (MEDIA_KINDS.includes(m.type ?? '') ? (m.type as MediaKind) : undefined)),
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
      evidence: JSON.stringify(input.evidence),
      reason: reasonText(input.reason),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // A four-eyes hold stands until a person decides (or the second senior confirms or rejects);
  // an automated verdict other than removal does not lift it.
  const keepHold = content.status === 'held' && input.actorType === 'automated' && input.action !== 'remove';
  if (!keepHold) await db.updateTable('content_items').set({ ...STATUS[input.action], updated_at: now }).where('id', '=', content.id).execute();
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
      reason: reasonText(input.reason),
      evidence: input.evidence.map(describeEvidence),
    },
  });
  if (input.action === 'remove' && input.category && input.bankMedia !== false) await bankRemovedMedia(db, fx.jobs, content.id, id, input.category, actor, input.bankOrigin);
  // A person (an appeal, a moderator) or an order that lifts a removal lets the media back in:
  // the removals-bank entries of the item's removals are released.
  if (content.status === 'removed' && input.action !== 'remove' && input.actorType !== 'automated') await releaseRemovalEntries(db, content.id, id, actor);
  const decision = toDecision(row as Row);
  await runHooks(fx.hooks.decided, db, {
    decision,
    content: { id: content.id, externalId: content.external_id, accountId: content.account_id, audience: content.audience },
    actor,
  });
  await emitEvent(db, fx.jobs, 'decision.created', { decision: { ...decision, externalId: content.external_id } });
  return decision;
}

/**
 * Whether a moderator may take this decision on the content: deciding on CSAM or terrorism (a
 * `severe` category) needs `decide:severe`, and so does any decision on content whose current
 * decision or latest scan is in such a category — whatever the action, with or without a
 * category — so that a removal cannot be reversed or relabelled by leaving the category out.
 * Locks the content row; returns its latest scan. Throws `forbidden` otherwise.
 */
export async function checkModeratorDecision(
  db: Db,
  contentId: string,
  input: { category?: CategoryId | null | undefined },
  decider: Decider,
): Promise<{ contentId: string; lastScan: { id: string; verdict: Verdict } | undefined }> {
  const role = decider.user.role;
  if (!can(role, 'decide')) throw new SaringError('forbidden', `Role ${role} may not decide.`);
  const category = input.category ?? null;
  const content = await db.selectFrom('content_items').select('id').where('id', '=', contentId).forUpdate().executeTakeFirst();
  if (!content) throw notFound('Content', contentId);
  const current = await db.selectFrom('decisions').select('category').where('content_id', '=', content.id).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  const row = await db.selectFrom('scans').select(['id', 'verdict']).where('content_id', '=', content.id).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  const lastScan = row ? { id: row.id, verdict: row.verdict as Verdict } : undefined;
  const verdict = lastScan?.verdict;
  if (!can(role, 'decide:severe')) {
    const severe = (c: string | null | undefined): c is CategoryId => !!c && isCategoryId(c) && CATEGORIES[c].severe;
    const found = verdict?.categories.find((c) => severe(c.category) && c.action !== 'allow')?.category ?? (verdict?.action === 'review' ? verdict.review?.category : undefined);
    const [touched, why] = severe(current?.category)
      ? [current.category, "The content's current decision is in"]
      : severe(found)
        ? [found, "The content's latest scan found"]
        : severe(category)
          ? [category, 'The decision is in']
          : [null, ''];
    if (touched) {
      throw new SaringError('forbidden', `${why} ${touched} (${CATEGORIES[touched].label.en}): only a senior moderator (permission decide:severe) may decide on it.`);
    }
  }
  return { contentId: content.id, lastScan };
}

/**
 * A moderator's decision, under the senior-only rule ({@link checkModeratorDecision}), checked
 * here under the content's row lock so every door gets the rule and no decision slips in between.
 */
export async function moderatorDecision(
  db: Db,
  fx: Effects,
  contentId: string,
  input: { action: DecisionAction; category?: CategoryId | null | undefined; reason: string | Bilingual },
  principal: Decider,
): Promise<Decision> {
  if (!db.isTransaction) return db.transaction().execute((trx) => moderatorDecision(trx, fx, contentId, input, principal));
  const reason = typeof input.reason === 'string' ? input.reason.trim() : { id: input.reason.id.trim(), en: input.reason.en.trim() };
  if (typeof reason === 'string' ? !reason : !reason.id || !reason.en) throw new SaringError('validation_failed', 'A moderator decision needs a reason.');
  const category = input.category ?? null;
  const { contentId: id, lastScan } = await checkModeratorDecision(db, contentId, { category }, principal);
  const evidence = category ? (lastScan?.verdict.categories.find((c) => c.category === category)?.evidence ?? []) : [];
  return recordDecision(
    db,
    fx,
    {
      contentId: id,
      scanId: lastScan?.id ?? null,
      actorType: 'moderator',
      actorId: principal.user.id,
      action: input.action,
      category,
      evidence,
      automatedDetection: evidence.length > 0,
      reason,
    },
    principal.actor,
  );
}

/** What a content item looked like before a hold, to return to when the hold is lifted. */
export interface HeldFrom {
  status: string;
  restriction: string | null;
}

/**
 * Holds content provisionally (status `held`: the platform hides it at once, `content.held`)
 * while a four-eyes removal waits for a second senior moderator. Not a decision: the
 * confirmation records the removal, a rejection lifts the hold ({@link releaseContent}).
 * Content already removed stays removed. Returns the state to go back to.
 */
export async function holdContent(
  db: Db,
  fx: Effects,
  input: { contentId: string; category: CategoryId | null; caseId: string },
  actor: Actor,
): Promise<HeldFrom> {
  if (!db.isTransaction) return db.transaction().execute((trx) => holdContent(trx, fx, input, actor));
  const content = await db.selectFrom('content_items').select(['id', 'external_id', 'status', 'restriction']).where('id', '=', input.contentId).forUpdate().executeTakeFirst();
  if (!content) throw notFound('Content', input.contentId);
  const from = { status: content.status, restriction: content.restriction };
  if (content.status === 'removed' || content.status === 'held') return from;
  await db.updateTable('content_items').set({ status: 'held', updated_at: new Date() }).where('id', '=', content.id).execute();
  const data = { externalId: content.external_id, category: input.category, caseId: input.caseId, previousStatus: content.status };
  await appendAudit(db, { actor, action: 'content.held', subjectType: 'content', subjectId: content.id, data });
  await emitEvent(db, fx.jobs, 'content.held', { contentId: content.id, externalId: content.external_id, status: 'held', category: input.category });
  return from;
}

/** Lifts a hold ({@link holdContent}): the item returns to the state it had, unless a decision has replaced the hold since. */
export async function releaseContent(
  db: Db,
  fx: Effects,
  input: { contentId: string; to: HeldFrom; caseId: string },
  actor: Actor,
): Promise<boolean> {
  if (!db.isTransaction) return db.transaction().execute((trx) => releaseContent(trx, fx, input, actor));
  const content = await db.selectFrom('content_items').select(['id', 'external_id', 'status']).where('id', '=', input.contentId).forUpdate().executeTakeFirst();
  if (!content) throw notFound('Content', input.contentId);
  if (content.status !== 'held') return false;
  await db.updateTable('content_items').set({ status: input.to.status, restriction: input.to.restriction, updated_at: new Date() }).where('id', '=', content.id).execute();
  await appendAudit(db, { actor, action: 'content.released', subjectType: 'content', subjectId: content.id, data: { externalId: content.external_id, caseId: input.caseId, status: input.to.status } });
  await emitEvent(db, fx.jobs, 'content.released', { contentId: content.id, externalId: content.external_id, status: input.to.status, restriction: input.to.restriction });
  return true;
}

/**
 * A removal keeps the removed media from coming back: its hashes go into the removals bank (in the
 * decision's transaction), and stored content is checked against them in the background.
 */
async function bankRemovedMedia(db: Db, jobs: Jobs, contentId: string, decisionId: string, category: CategoryId, actor: Actor, origin?: DecisionInput['bankOrigin']): Promise<void> {
  const media = await mediaHashesOf(db, contentId);
  const entries = entriesForMedia(media, category).map((e) => (origin?.note ? { ...e, note: origin.note } : e));
  if (entries.length === 0) return;
  const { added } = await addEntries(db, REMOVALS_BANK, entries, { provenance: origin?.provenance ?? 'removal', sourceRef: decisionId, actor });
  if (added.length) await jobs.send(RETRO_QUEUE, { entryIds: added.map((e) => e.id) }, { trx: db });
}

/** Holds content for human review: the scan could not decide alone (the review capability opens a case: `reviewRequired` hooks). */
export async function routeToReview(
  db: Db,
  fx: Effects,
  input: { contentId: string; scanId: string; queue: string; priority: Priority; category?: CategoryId | undefined; reason?: string | undefined },
  actor: Actor,
): Promise<void> {
  // Held content stays held (hidden) while its four-eyes removal waits.
  const content = await db
    .updateTable('content_items')
    .set((eb) => ({ status: eb.case().when('status', '=', 'held').then('held').else('in_review').end(), updated_at: new Date() }))
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
  await runHooks(fx.hooks.reviewRequired, db, { ...input, externalId: content.external_id, actor });
  await emitEvent(db, fx.jobs, 'content.review_required', { ...input, externalId: content.external_id });
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
