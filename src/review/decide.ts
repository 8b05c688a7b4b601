import { z } from 'zod';
import { appendAudit } from '../audit/log.js';
import { CATEGORY_IDS, type CategoryId } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import { holdContent, moderatorDecision, releaseContent, checkModeratorDecision, type Decider, type Decision, type HeldFrom } from '../decisions/decisions.js';
import type { Effects } from '../decisions/effects.js';
import { DECISION_ACTIONS, type Bilingual, type DecisionAction } from '../decisions/statement.js';
import { SaringError } from '../errors/errors.js';
import { isRole } from '../access/roles.js';
import { caseEvent, findCase, type CaseRow } from './cases.js';
import { lockForWork } from './claims.js';
import type { ReviewRules } from './rules.js';

export const decideSchema = z
  .object({
    action: z.enum(DECISION_ACTIONS),
    category: z.enum(CATEGORY_IDS).nullable().optional(),
    /** A reason template of the policy (`review.templates`), in both languages. */
    templateId: z.string().min(1).max(64).optional(),
    /** Free text: the reason, or added to the template's. */
    reason: z.string().max(5000).optional(),
  })
  .strict();
export type DecideInput = z.input<typeof decideSchema>;

/** The reason a decision records: a template's two languages (with any free text added), or the free text. */
export function resolveReason(rules: ReviewRules, input: { action: DecisionAction; templateId?: string | undefined; reason?: string | undefined }): string | Bilingual {
  const free = input.reason?.trim() ?? '';
  if (!input.templateId) {
    if (!free) throw new SaringError('validation_failed', 'A decision needs a reason: templateId, reason, or both.');
    return free;
  }
  const template = rules.templates.get(input.templateId);
  if (!template) throw new SaringError('validation_failed', `No reason template ${input.templateId} in the active policy (review.templates): ${[...rules.templates.keys()].join(', ')}.`);
  if (template.actions && !template.actions.includes(input.action)) {
    throw new SaringError('validation_failed', `Reason template ${template.id} is for ${template.actions.join(', ')}, not ${input.action}.`);
  }
  return free ? { id: `${template.text.id} ${free}`, en: `${template.text.en} ${free}` } : template.text;
}

interface Deps {
  db: Db;
  fx: Effects;
}

/** The removal a four-eyes case waits on, as stored on the case. */
interface Proposal {
  action: 'remove';
  category: CategoryId;
  reason: string | Bilingual;
  templateId: string | null;
  actor: string;
  at: string;
  heldFrom: HeldFrom;
}

export type CaseOutcome = { outcome: 'decided'; decision: Decision; caseId: string } | { outcome: 'pending_confirmation'; caseId: string };

/**
 * Decides a case, in the caller's transaction: the decision goes through the one decision path
 * (moderatorDecision: the senior-only rule, statement of reasons, audit entry, webhook, bank
 * entries for a removal; its `decided` hook closes the item's open cases). A removal in a
 * four-eyes category does not take effect: the content is held, and the case waits for a second,
 * different senior moderator (`confirmRemoval` / `rejectRemoval`).
 */
export async function decideCase(
  deps: Deps,
  trx: Db,
  rules: ReviewRules,
  caseId: string,
  input: { action: DecisionAction; category?: CategoryId | null | undefined; reason: string | Bilingual; templateId?: string | undefined },
  who: Decider,
  options: { take?: boolean } = {},
): Promise<CaseOutcome> {
  const row = await lockForWork(trx, caseId, who, options);
  if (row.status === 'pending_confirmation') {
    throw new SaringError('case_pending_confirmation', `Case ${row.id} waits for a second senior moderator to confirm or reject the removal.`);
  }
  const category = input.category ?? null;
  if (input.action === 'remove' && category && rules.settings.fourEyes.includes(category)) {
    await checkModeratorDecision(trx, row.content_id, { category }, who);
    const heldFrom = await holdContent(trx, deps.fx, { contentId: row.content_id, category, caseId: row.id }, who.actor);
    const proposal: Proposal = { action: 'remove', category, reason: input.reason, templateId: input.templateId ?? null, actor: who.actor, at: new Date().toISOString(), heldFrom };
    await trx
      .updateTable('review_cases')
      .set({
        status: 'pending_confirmation',
        lane: 'senior',
        proposal: JSON.stringify(proposal),
        proposed_by: who.user.id,
        claimed_by: null,
        claimed_at: null,
        claim_expires_at: null,
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .execute();
    await caseEvent(trx, row.id, 'proposed', who.actor, { action: 'remove', category, templateId: input.templateId ?? null });
    await appendAudit(trx, {
      actor: who.actor,
      action: 'review.removal_proposed',
      subjectType: 'review_case',
      subjectId: row.id,
      data: { contentId: row.content_id, externalId: row.external_id, category, reason: input.reason, templateId: input.templateId ?? null },
    });
    return { outcome: 'pending_confirmation', caseId: row.id };
  }
  // (its `decided` hook closes the item's open cases, this one included, and records that in their history)
  const decision = await moderatorDecision(trx, deps.fx, row.content_id, { action: input.action, category, reason: input.reason }, who);
  return { outcome: 'decided', decision, caseId: row.id };
}

function pendingOf(row: CaseRow): Proposal {
  if (row.status === 'closed') throw new SaringError('case_closed', `Case ${row.id} is closed.`);
  if (row.status !== 'pending_confirmation' || !row.proposal || !row.proposed_by) {
    throw new SaringError('invalid_state', `Case ${row.id} has no removal waiting for confirmation.`);
  }
  return row.proposal as Proposal;
}

/**
 * The second senior moderator confirms a four-eyes removal: the removal is recorded through the
 * one decision path as the proposer's decision (their reason, their name), and the confirmation
 * is audited with both names.
 */
export async function confirmRemoval(deps: Deps, caseId: string, who: Decider): Promise<{ decision: Decision; caseId: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockForWork(trx, caseId, who);
    const proposal = pendingOf(row);
    const proposer = await trx.selectFrom('operator_users').select(['id', 'role']).where('id', '=', row.proposed_by!).executeTakeFirstOrThrow();
    if (!isRole(proposer.role)) throw new SaringError('invalid_state', `The proposer of case ${row.id} has an unknown role.`);
    const decision = await moderatorDecision(
      trx,
      deps.fx,
      row.content_id,
      { action: 'remove', category: proposal.category, reason: proposal.reason },
      { user: { id: proposer.id, role: proposer.role }, actor: proposal.actor },
    );
    await trx.updateTable('review_cases').set({ resolution: 'confirmed', closed_by: who.user.id, updated_at: new Date() }).where('id', '=', row.id).execute();
    await caseEvent(trx, row.id, 'confirmed', who.actor, { decisionId: decision.id, proposedBy: row.proposed_by });
    await appendAudit(trx, {
      actor: who.actor,
      action: 'review.removal_confirmed',
      subjectType: 'review_case',
      subjectId: row.id,
      data: { contentId: row.content_id, externalId: row.external_id, decisionId: decision.id, category: proposal.category, proposedBy: row.proposed_by, confirmedBy: who.user.id },
    });
    return { decision, caseId: row.id };
  });
}

/** The second senior moderator rejects a four-eyes removal: the hold is lifted and the case returns to the senior lane of its queue. */
export async function rejectRemoval(deps: Deps, caseId: string, reason: string, who: Decider): Promise<CaseRow> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockForWork(trx, caseId, who);
    const proposal = pendingOf(row);
    await releaseContent(trx, deps.fx, { contentId: row.content_id, to: proposal.heldFrom, caseId: row.id }, who.actor);
    await trx
      .updateTable('review_cases')
      .set({ status: 'open', proposal: null, proposed_by: null, claimed_by: null, claimed_at: null, claim_expires_at: null, updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    await caseEvent(trx, row.id, 'rejected', who.actor, { reason, proposedBy: row.proposed_by, category: proposal.category });
    await appendAudit(trx, {
      actor: who.actor,
      action: 'review.removal_rejected',
      subjectType: 'review_case',
      subjectId: row.id,
      data: { contentId: row.content_id, externalId: row.external_id, category: proposal.category, proposedBy: row.proposed_by, reason },
    });
    return findCase(trx, row.id);
  });
}

/** Hands a case to the senior moderators: it leaves the claimer and waits in the senior lane of its queue. */
export async function escalateCase(deps: Deps, caseId: string, reason: string, who: Decider): Promise<CaseRow> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockForWork(trx, caseId, who);
    if (row.status === 'pending_confirmation') throw new SaringError('case_pending_confirmation', `Case ${row.id} waits for a second senior moderator.`);
    if (row.lane === 'senior') throw new SaringError('invalid_state', `Case ${row.id} is already with senior moderators; release it to hand it on.`);
    await trx
      .updateTable('review_cases')
      .set({ lane: 'senior', escalated_by: who.user.id, escalated_at: new Date(), escalation_reason: reason, claimed_by: null, claimed_at: null, claim_expires_at: null, updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    await caseEvent(trx, row.id, 'escalated', who.actor, { reason });
    await appendAudit(trx, {
      actor: who.actor,
      action: 'review.case_escalated',
      subjectType: 'review_case',
      subjectId: row.id,
      data: { contentId: row.content_id, externalId: row.external_id, queue: row.queue, reason },
    });
    return findCase(trx, row.id);
  });
}
