import { sql } from 'kysely';
import { z } from 'zod';
import { can, isRole } from '../access/roles.js';
import { appendAudit, type Actor } from '../audit/log.js';
import { CATEGORIES, type CategoryId } from '../categories/categories.js';
import type { EngineCore } from '../core.js';
import type { Db } from '../db/connect.js';
import { getDecision, moderatorDecision, type Decider, type Decision } from '../decisions/decisions.js';
import type { Decided, Effects } from '../decisions/effects.js';
import { DECISION_ACTIONS, REDRESS, type Bilingual, type DecisionAction } from '../decisions/statement.js';
import { notFound, SaringError } from '../errors/errors.js';
import { MIN_APPEAL_MONTHS } from '../policy/schema.js';
import { activeSettings } from '../policy/settings.js';
import { caseTakenUp, closeCase, openCase } from '../review/cases.js';
import { lockForWork } from '../review/claims.js';
import { reviewRules } from '../review/rules.js';
import { parseInput, wholeNumber } from '../shared/validate.js';
import { emitEvent } from '../webhooks/webhooks.js';

export const APPEAL_STATUSES = ['open', 'in_review', 'overturned', 'upheld'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const appealSchema = z
  .object({
    decisionId: z.uuid(),
    /** The platform's user who appeals (the one whose content or account the decision is about). */
    appellant: z
      .object({ externalId: z.string().min(1).max(256).optional(), name: z.string().trim().min(1).max(200).optional(), contact: z.string().trim().min(3).max(320).optional() })
      .strict()
      .default({}),
    reason: z.string().trim().min(1).max(5000),
  })
  .strict();
export type AppealInput = z.input<typeof appealSchema>;

export const appealDecisionSchema = z
  .object({
    /** `overturn`: the decision is reversed (the content restored); `uphold`: it stands. */
    outcome: z.enum(['overturn', 'uphold']),
    /** Why, in the decider's words: told to the appellant. */
    reason: z.string().trim().min(1).max(5000),
    /** For `overturn`: what the content becomes (default `allow`: restored); milder than the decision appealed. */
    action: z.enum(['allow', 'restrict_16', 'restrict_18']).optional(),
  })
  .strict()
  .refine((d) => d.outcome === 'overturn' || d.action === undefined, { message: 'action is for overturn' });
export type AppealDecisionInput = z.input<typeof appealDecisionSchema>;

export const appealListSchema = z
  .object({
    status: z.enum(APPEAL_STATUSES).optional(),
    decisionId: z.uuid().optional(),
    contentId: z.uuid().optional(),
    cursor: z.uuid().optional(),
    limit: wholeNumber(1, 500).default(50),
  })
  .strict();

export interface Appeal {
  id: string;
  /** `in_review`: a moderator has taken up its case. */
  status: AppealStatus;
  decisionId: string;
  /** The decision appealed against, in short. */
  appealed: { action: DecisionAction; category: CategoryId | null; actorType: string; actorId: string | null; createdAt: string };
  caseId: string | null;
  content: { id: string; externalId: string };
  appellant: { externalId?: string; name?: string; contact?: string };
  reason: string;
  /** The end of the decision's appeal window (policy `appeals.windowMonths`). */
  windowEndsAt: string;
  createdAt: string;
  /** Once decided: by whom, why, the decision that replaced the one appealed (overturned), and the answer for the appellant. */
  decided: { at: string; by: string | null; actor: string | null; reason: string | null; resolvingDecisionId: string | null; answer: Bilingual } | null;
}

/** The appeals part of the engine (docs/reports-appeals.md#appeals). */
export interface AppealsApi {
  /** Files an appeal against a decision: a case in the appeals queue. */
  file(input: AppealInput, actor: Actor): Promise<Appeal>;
  /** Decides an appeal: overturn (a new decision through the one decision path) or uphold (the decision stands, with why). */
  decide(id: string, input: AppealDecisionInput, who: Decider): Promise<Appeal>;
  get(id: string): Promise<Appeal>;
  list(query: unknown): Promise<{ appeals: Appeal[]; nextCursor: string | null }>;
}

const severity = (a: string) => DECISION_ACTIONS.indexOf(a as DecisionAction);

function addMonths(from: Date, months: number): Date {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

const ACCEPTED: Bilingual = { id: 'Banding Anda dikabulkan: keputusan sebelumnya dibatalkan.', en: 'Your appeal was accepted: the earlier decision is reversed.' };
const RESTORED: Record<Exclude<DecisionAction, 'remove'>, Bilingual> = {
  allow: { id: 'Konten Anda dipulihkan.', en: 'Your content is restored.' },
  restrict_18: { id: 'Konten Anda dipulihkan, tetapi hanya ditampilkan kepada pengguna berusia 18 tahun ke atas.', en: 'Your content is restored, shown only to users aged 18 or over.' },
  restrict_16: { id: 'Konten Anda dipulihkan, tetapi disembunyikan dari pengguna di bawah 16 tahun.', en: 'Your content is restored, hidden from users under 16.' },
};

/** What the appellant is told, in plain Bahasa Indonesia and English. */
export function appealAnswer(outcome: 'overturned' | 'upheld', action: DecisionAction | null, reason: string | null): Bilingual {
  const part = (lang: keyof Bilingual) => {
    const why = reason ? `${lang === 'id' ? 'Alasan' : 'Reason'}: ${reason}` : '';
    if (outcome === 'overturned') {
      const restored = action && action !== 'remove' ? RESTORED[action][lang] : '';
      return [ACCEPTED[lang], restored, why].filter(Boolean).join(' ');
    }
    return [
      lang === 'id'
        ? 'Banding Anda telah ditinjau oleh moderator yang tidak membuat keputusan tersebut, dan keputusan tetap berlaku.'
        : 'Your appeal was reviewed by a moderator who did not take the decision, and the decision stands.',
      why,
      ...REDRESS.filter((r) => r.type !== 'internal_complaint').map((r) => r.description[lang]),
    ]
      .filter(Boolean)
      .join(' ');
  };
  return { id: part('id'), en: part('en') };
}

type AppealRow = {
  id: string;
  decision_id: string;
  content_id: string;
  case_id: string | null;
  appellant: Record<string, unknown>;
  reason: string;
  window_ends_at: Date;
  status: string;
  resolving_decision_id: string | null;
  decided_by: string | null;
  decided_by_actor: string | null;
  decision_reason: string | null;
  answer: Bilingual | null;
  created_by: string;
  created_at: Date;
  decided_at: Date | null;
};

const TAKEN_UP = caseTakenUp('appeals.case_id');

function selectAppeals(db: Db) {
  return db
    .selectFrom('appeals')
    .innerJoin('content_items', 'content_items.id', 'appeals.content_id')
    .innerJoin('decisions', 'decisions.id', 'appeals.decision_id')
    .selectAll('appeals')
    .select([
      'content_items.external_id',
      'decisions.action as appealed_action',
      'decisions.category as appealed_category',
      'decisions.actor_type as appealed_actor_type',
      'decisions.actor_id as appealed_actor_id',
      'decisions.created_at as appealed_at',
      sql<boolean>`(appeals.status = 'open' AND ${TAKEN_UP})`.as('taken_up'),
    ]);
}

type ViewRow = AppealRow & {
  external_id: string;
  appealed_action: string;
  appealed_category: string | null;
  appealed_actor_type: string;
  appealed_actor_id: string | null;
  appealed_at: Date;
  taken_up: boolean;
};

function toAppeal(r: ViewRow): Appeal {
  return {
    id: r.id,
    status: (r.taken_up ? 'in_review' : r.status) as AppealStatus,
    decisionId: r.decision_id,
    appealed: {
      action: r.appealed_action as DecisionAction,
      category: r.appealed_category as CategoryId | null,
      actorType: r.appealed_actor_type,
      actorId: r.appealed_actor_id,
      createdAt: r.appealed_at.toISOString(),
    },
    caseId: r.case_id,
    content: { id: r.content_id, externalId: r.external_id },
    appellant: r.appellant as Appeal['appellant'],
    reason: r.reason,
    windowEndsAt: r.window_ends_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    decided:
      r.status !== 'open' && r.decided_at && r.answer
        ? { at: r.decided_at.toISOString(), by: r.decided_by, actor: r.decided_by_actor, reason: r.decision_reason, resolvingDecisionId: r.resolving_decision_id, answer: r.answer }
        : null,
  };
}

export async function getAppeal(db: Db, id: string): Promise<Appeal> {
  const row = await selectAppeals(db).where('appeals.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Appeal', id);
  return toAppeal(row as ViewRow);
}

/**
 * Files an appeal, in one transaction under the content's row lock: only the decision in force
 * can be appealed, only one that acted against the content and was not an authority's order,
 * within its category's window, once. The appeal opens a case (reason `appeal`) in the appeals
 * queue; a decision in a senior-only category puts it in the senior lane.
 */
async function fileAppeal(db: Db, input: AppealInput, actor: Actor): Promise<Appeal> {
  const valid = parseInput(appealSchema, input);
  const id = await db.transaction().execute(async (trx) => {
    const decision = await trx.selectFrom('decisions').select(['id', 'content_id', 'action', 'category', 'actor_type', 'created_at']).where('id', '=', valid.decisionId).executeTakeFirst();
    if (!decision) throw notFound('Decision', valid.decisionId);
    const content = await trx.selectFrom('content_items').select(['id', 'external_id']).where('id', '=', decision.content_id).forUpdate().executeTakeFirstOrThrow();
    const current = await trx.selectFrom('decisions').select('id').where('content_id', '=', content.id).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    if (current.id !== decision.id) {
      throw new SaringError('appeal_not_available', `Decision ${decision.id} is no longer in force: decision ${current.id} replaced it. Appeal that one.`, { decisionId: decision.id, current: current.id });
    }
    if (decision.action === 'allow') {
      throw new SaringError('appeal_not_available', `Decision ${decision.id} took no action against the content (allow): there is nothing to appeal.`, { decisionId: decision.id, action: decision.action });
    }
    if (decision.actor_type === 'regulator_order') {
      throw new SaringError('appeal_not_available', `Decision ${decision.id} carried out an authority's order: it is challenged before that authority or a court, not through the platform.`, {
        decisionId: decision.id,
      });
    }
    const { appeals: settings } = await activeSettings(trx);
    const months = (decision.category && settings.windowMonths[decision.category as CategoryId]) || settings.windowMonths.default || MIN_APPEAL_MONTHS;
    const windowEndsAt = addMonths(decision.created_at, months);
    if (Date.now() > windowEndsAt.getTime()) {
      throw new SaringError('appeal_window_closed', `The appeal window of decision ${decision.id} (${months} months) ended at ${windowEndsAt.toISOString()}.`, {
        decisionId: decision.id,
        windowEndsAt: windowEndsAt.toISOString(),
        months,
      });
    }
    const earlier = await trx
      .selectFrom('appeals')
      .select(['id', 'status', 'decision_id'])
      .where((eb) => eb.or([eb('decision_id', '=', decision.id), eb.and([eb('content_id', '=', content.id), eb('status', '=', 'open')])]))
      .executeTakeFirst();
    if (earlier) {
      throw new SaringError(
        'appeal_exists',
        earlier.decision_id === decision.id ? `Decision ${decision.id} was already appealed (appeal ${earlier.id}, ${earlier.status}).` : `Appeal ${earlier.id} of this item is still open.`,
        { appealId: earlier.id, status: earlier.status },
      );
    }
    const row = await trx
      .insertInto('appeals')
      .values({
        decision_id: decision.id,
        content_id: content.id,
        appellant: JSON.stringify(valid.appellant),
        reason: valid.reason,
        window_ends_at: windowEndsAt,
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { caseId } = await openCase(trx, { contentId: content.id, reason: 'appeal', queue: settings.queue, category: decision.category as CategoryId | null, ref: row.id, actor });
    await trx.updateTable('appeals').set({ case_id: caseId }).where('id', '=', row.id).execute();
    await appendAudit(trx, {
      actor,
      action: 'appeal.received',
      subjectType: 'appeal',
      subjectId: row.id,
      data: { decisionId: decision.id, contentId: content.id, externalId: content.external_id, category: decision.category, caseId, windowEndsAt: windowEndsAt.toISOString() },
    });
    return row.id;
  });
  return getAppeal(db, id);
}

/**
 * Who may decide an appeal: a person other than the one who took the decision appealed (and
 * other than the senior who confirmed it, for a four-eyes removal), and a senior moderator
 * (`decide:severe`) when its category is a four-eyes or senior-only one.
 */
async function checkDecider(trx: Db, appealed: Decision, who: Decider): Promise<void> {
  if (!can(who.user.role, 'decide')) throw new SaringError('forbidden', `Role ${who.user.role} may not decide.`);
  const confirmers = await trx.selectFrom('review_cases').select('closed_by').where('decision_id', '=', appealed.id).where('resolution', '=', 'confirmed').execute();
  const deciders = new Set([appealed.actorId, ...confirmers.map((c) => c.closed_by)].filter((x): x is string => !!x));
  if (deciders.has(who.user.id)) {
    throw new SaringError('appeal_same_moderator', `You took (or confirmed) decision ${appealed.id}: its appeal is decided by someone else.`, { decisionId: appealed.id });
  }
  const category = appealed.category;
  const fourEyes = (await reviewRules(trx)).settings.fourEyes;
  if (category && (fourEyes.includes(category) || CATEGORIES[category].severe) && !can(who.user.role, 'decide:severe')) {
    throw new SaringError('forbidden', `The decision appealed is in ${category} (${CATEGORIES[category].label.en}): only a senior moderator (permission decide:severe) decides its appeal.`);
  }
}

/** Records an appeal's outcome: the answer for the appellant, audit entry and `appeal.decided` webhook. */
async function finish(
  trx: Db,
  fx: Effects,
  appealId: string,
  outcome: { status: 'overturned' | 'upheld'; resolving: Decision | null; by: string | null; actor: Actor; reason: string | null },
): Promise<void> {
  const answer = appealAnswer(outcome.status, outcome.resolving?.action ?? null, outcome.reason);
  await trx
    .updateTable('appeals')
    .set({
      status: outcome.status,
      resolving_decision_id: outcome.resolving?.id ?? null,
      decided_by: outcome.by,
      decided_by_actor: outcome.actor,
      decision_reason: outcome.reason,
      answer: JSON.stringify(answer),
      decided_at: new Date(),
    })
    .where('id', '=', appealId)
    .execute();
  const appeal = await getAppeal(trx, appealId);
  await appendAudit(trx, {
    actor: outcome.actor,
    action: 'appeal.decided',
    subjectType: 'appeal',
    subjectId: appealId,
    data: { outcome: outcome.status, decisionId: appeal.decisionId, resolvingDecisionId: outcome.resolving?.id ?? null, contentId: appeal.content.id, externalId: appeal.content.externalId, reason: outcome.reason },
  });
  await emitEvent(trx, fx.jobs, 'appeal.decided', {
    appeal: {
      id: appeal.id,
      status: appeal.status,
      decisionId: appeal.decisionId,
      contentId: appeal.content.id,
      externalId: appeal.content.externalId,
      appellant: appeal.appellant,
      resolvingDecisionId: outcome.resolving?.id ?? null,
      action: outcome.resolving?.action ?? appeal.appealed.action,
      answer,
      decidedAt: appeal.decided?.at ?? new Date().toISOString(),
    },
  });
}

/**
 * Decides an appeal, in one transaction: the rules of {@link checkDecider}, and the appeal's case
 * must not be held by someone else (claiming it first is how the console works; the API may
 * decide an unclaimed one). Overturn records a new decision through the one decision path
 * (statement of reasons, audit, webhook; the removal's bank entries released; its strike removed
 * by the strikes hook); uphold closes the case with the decision standing.
 */
async function decideAppeal(core: EngineCore, id: string, input: AppealDecisionInput, who: Decider): Promise<{ overturned: boolean }> {
  const valid = parseInput(appealDecisionSchema, input);
  return core.db.transaction().execute(async (trx) => {
    const first = await trx.selectFrom('appeals').select(['status', 'case_id', 'decision_id']).where('id', '=', id).executeTakeFirst();
    if (!first) throw notFound('Appeal', id);
    if (first.status !== 'open') throw new SaringError('appeal_closed', `Appeal ${id} is already decided (${first.status}).`);
    const appealed = await getDecision(trx, first.decision_id);
    await checkDecider(trx, appealed, who);
    const kase = await lockForWork(trx, first.case_id!, who, { take: true });
    if (kase.status === 'pending_confirmation') throw new SaringError('case_pending_confirmation', `The case of appeal ${id} waits for a second senior moderator to confirm or reject a removal.`);
    const appeal = await trx.selectFrom('appeals').select(['id', 'status', 'content_id']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (appeal.status !== 'open') throw new SaringError('appeal_closed', `Appeal ${id} is already decided (${appeal.status}).`);
    if (valid.outcome === 'uphold') {
      await closeCase(trx, kase.id, { decisionId: appealed.id, by: who.user.id, actor: who.actor, kind: 'upheld', data: { appealId: id, reason: valid.reason } });
      await finish(trx, core.effects, id, { status: 'upheld', resolving: null, by: who.user.id, actor: who.actor, reason: valid.reason });
      return { overturned: false };
    }
    const action = valid.action ?? 'allow';
    if (severity(action) >= severity(appealed.action)) {
      throw new SaringError('validation_failed', `action: overturning a ${appealed.action} decision makes the content ${DECISION_ACTIONS.filter((a) => severity(a) < severity(appealed.action)).join(' or ')}.`);
    }
    // Out of the decided hook's way: this door records the outcome itself, with the decider's own words.
    await trx.updateTable('appeals').set({ status: 'overturned' }).where('id', '=', id).execute();
    const decision = await moderatorDecision(
      trx,
      core.effects,
      appeal.content_id,
      { action, category: action === 'allow' ? null : appealed.category, reason: { id: `${ACCEPTED.id} ${valid.reason}`, en: `${ACCEPTED.en} ${valid.reason}` } },
      who,
    );
    await finish(trx, core.effects, id, { status: 'overturned', resolving: decision, by: who.user.id, actor: who.actor, reason: valid.reason });
    return { overturned: true };
  });
}

/**
 * `decided` hook, for decisions on an item under appeal that did not come through the appeals
 * door. A person's decision (any door) that closed the appeal's case decides the appeal, under
 * the same rules (someone else, a senior for four-eyes categories; refused otherwise, and nothing
 * is recorded): milder than the decision appealed, it overturns it; else it upholds it. An
 * automated decision (a rescan) does not decide an appeal: the appeal goes on, in a new case.
 */
async function onDecided(core: EngineCore, trx: Db, event: Decided): Promise<void> {
  const { decision } = event;
  const open = await trx.selectFrom('appeals').select(['id', 'case_id', 'decision_id']).where('content_id', '=', decision.contentId).where('status', '=', 'open').forUpdate().executeTakeFirst();
  if (!open?.case_id) return;
  const kase = await trx.selectFrom('review_cases').select(['status', 'decision_id']).where('id', '=', open.case_id).executeTakeFirstOrThrow();
  if (kase.status !== 'closed' || kase.decision_id !== decision.id) return;
  const appealed = await getDecision(trx, open.decision_id);
  if (decision.actorType === 'automated') {
    const { caseId } = await openCase(trx, {
      contentId: decision.contentId,
      reason: 'appeal',
      queue: (await activeSettings(trx)).appeals.queue,
      category: appealed.category,
      ref: open.id,
      actor: 'system',
    });
    await trx.updateTable('appeals').set({ case_id: caseId }).where('id', '=', open.id).execute();
    return;
  }
  let by: string | null = null;
  if (decision.actorType === 'moderator' && decision.actorId) {
    const user = await trx.selectFrom('operator_users').select(['id', 'role']).where('id', '=', decision.actorId).executeTakeFirst();
    if (user && isRole(user.role)) await checkDecider(trx, appealed, { user: { id: user.id, role: user.role }, actor: event.actor });
    by = decision.actorId;
  }
  const overturned = severity(decision.action) < severity(appealed.action);
  await finish(trx, core.effects, open.id, { status: overturned ? 'overturned' : 'upheld', resolving: decision, by, actor: event.actor, reason: decision.reason });
}

async function listAppeals(db: Db, query: unknown): Promise<{ appeals: Appeal[]; nextCursor: string | null }> {
  const q = parseInput(appealListSchema, query);
  let s = selectAppeals(db);
  if (q.status === 'open') s = s.where('appeals.status', '=', 'open').where(sql<boolean>`NOT ${TAKEN_UP}`);
  else if (q.status === 'in_review') s = s.where('appeals.status', '=', 'open').where(TAKEN_UP);
  else if (q.status) s = s.where('appeals.status', '=', q.status);
  if (q.decisionId) s = s.where('appeals.decision_id', '=', q.decisionId);
  if (q.contentId) s = s.where('appeals.content_id', '=', q.contentId);
  if (q.cursor) {
    const c = q.cursor;
    s = s.where(sql<boolean>`(appeals.created_at, appeals.id) < (SELECT created_at, id FROM appeals WHERE id = ${c})`);
  }
  const rows = (await s.orderBy('appeals.created_at', 'desc').orderBy('appeals.id', 'desc').limit(q.limit + 1).execute()) as ViewRow[];
  const page = rows.slice(0, q.limit);
  return { appeals: page.map(toAppeal), nextCursor: rows.length > q.limit ? page.at(-1)!.id : null };
}

/**
 * Appeals (internal complaints; DSA art. 20): against the decision in force, within the
 * category's window, decided by a person other than the one who decided; overturning restores
 * the content through the one decision path.
 */
export function createAppeals(core: EngineCore): AppealsApi {
  const { db } = core;
  core.effects.hooks.decided.push((trx, event) => onDecided(core, trx, event));
  return {
    file: (input, actor) => fileAppeal(db, input, actor),
    async decide(id, input, who) {
      const { overturned } = await decideAppeal(core, id, input, who);
      // The matcher drops the released bank entries at once, so the restored media is not removed again on re-upload.
      if (overturned) await core.removed();
      return getAppeal(db, id);
    },
    get: (id) => getAppeal(db, id),
    list: (query) => listAppeals(db, query),
  };
}
