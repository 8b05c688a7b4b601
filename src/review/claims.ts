import { sql } from 'kysely';
import { can } from '../access/roles.js';
import type { Db } from '../db/connect.js';
import type { Decider } from '../decisions/decisions.js';
import { SaringError } from '../errors/errors.js';
import { caseEvent, findCase, type CaseRow } from './cases.js';
import type { ReviewRules } from './rules.js';

/** Why a case cannot be worked by this person now; nothing when it can. */
export function refusal(row: CaseRow, who: Decider, now = new Date()): SaringError | undefined {
  if (row.status === 'closed') return new SaringError('case_closed', `Case ${row.id} is closed (decision ${row.decision_id ?? 'none'}).`);
  if (row.lane === 'senior' && !can(who.user.role, 'decide:severe')) {
    return new SaringError('forbidden', `Case ${row.id} is with senior moderators (escalated, four-eyes or a senior-only category): it needs decide:severe.`);
  }
  if (row.proposed_by === who.user.id) {
    return new SaringError('second_moderator_required', `You proposed the removal of case ${row.id}: a different senior moderator must confirm or reject it.`);
  }
  if (row.claimed_by && row.claimed_by !== who.user.id && row.claim_expires_at && new Date(row.claim_expires_at) > now) {
    return new SaringError('case_claimed', `Case ${row.id} is claimed by someone else until ${new Date(row.claim_expires_at).toISOString()}.`, {
      claimedBy: row.claimed_by,
      expiresAt: new Date(row.claim_expires_at).toISOString(),
    });
  }
  return undefined;
}

/**
 * Claims the next case: the highest-priority case not closed, not held by a live claim, in a
 * queue (or any), that this person may work (the senior lane only with `decide:severe`; never a
 * four-eyes removal they proposed). One statement: on PostgreSQL the row is taken with
 * `FOR UPDATE SKIP LOCKED`, so concurrent claimers each get a different case without waiting;
 * PGlite runs statements one at a time. Returns the claimed row, or nothing when none is left.
 */
export async function claimNext(db: Db, rules: ReviewRules, who: Decider, queue?: string): Promise<CaseRow | undefined> {
  const senior = can(who.user.role, 'decide:severe');
  const { rows } = await sql<CaseRow>`
    WITH next AS (
      SELECT id FROM review_cases
      WHERE status <> 'closed'
        ${queue !== undefined ? sql`AND queue = ${queue}` : sql``}
        AND (claim_expires_at IS NULL OR claim_expires_at <= now())
        ${senior ? sql`` : sql`AND lane = 'standard'`}
        AND (proposed_by IS NULL OR proposed_by <> ${who.user.id})
      ORDER BY rank DESC, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE review_cases c
      SET claimed_by = ${who.user.id}, claimed_at = now(), claim_expires_at = now() + make_interval(mins => ${rules.settings.claimMinutes}), updated_at = now()
      FROM next WHERE c.id = next.id
      RETURNING c.*
    ), logged AS (
      INSERT INTO review_case_events (case_id, kind, actor, data)
      SELECT id, 'claimed', ${who.actor}, jsonb_build_object('next', true) FROM claimed
    )
    SELECT claimed.*, content_items.external_id FROM claimed JOIN content_items ON content_items.id = claimed.content_id`.execute(db);
  return rows[0];
}

/**
 * Claims a case by id, or extends one's own claim: refused with 409 `case_claimed` while someone
 * else holds it, `case_closed` once decided.
 */
export async function claimCase(db: Db, rules: ReviewRules, caseId: string, who: Decider): Promise<CaseRow> {
  return db.transaction().execute(async (trx) => {
    const row = await findCase(trx, caseId, { forUpdate: true });
    const refused = refusal(row, who);
    if (refused) throw refused;
    const extend = row.claimed_by === who.user.id && row.claim_expires_at !== null && new Date(row.claim_expires_at) > new Date();
    await trx
      .updateTable('review_cases')
      .set({
        claimed_by: who.user.id,
        claimed_at: extend ? row.claimed_at : sql<Date>`now()`,
        claim_expires_at: sql<Date>`now() + make_interval(mins => ${rules.settings.claimMinutes})`,
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .execute();
    await caseEvent(trx, row.id, extend ? 'claim_extended' : 'claimed', who.actor);
    return findCase(trx, row.id);
  });
}

/** Gives a claimed case back to its queue at once. */
export async function releaseCase(db: Db, caseId: string, who: Decider): Promise<CaseRow> {
  return db.transaction().execute(async (trx) => {
    const row = await findCase(trx, caseId, { forUpdate: true });
    if (row.status === 'closed') throw new SaringError('case_closed', `Case ${row.id} is closed.`);
    if (row.claimed_by !== who.user.id) throw new SaringError('case_not_claimed', `Case ${row.id} is not claimed by you.`);
    await trx.updateTable('review_cases').set({ claimed_by: null, claimed_at: null, claim_expires_at: null, updated_at: new Date() }).where('id', '=', row.id).execute();
    await caseEvent(trx, row.id, 'released', who.actor);
    return findCase(trx, row.id);
  });
}

/**
 * Locks a case for a change by this person: they must hold its claim (an expired claim of
 * theirs still counts while nobody else took the case), unless `take` (bulk runs take cases
 * that nobody else holds).
 */
export async function lockForWork(trx: Db, caseId: string, who: Decider, options: { take?: boolean } = {}): Promise<CaseRow> {
  // The content row first, then the case: the order in which a scan (and any decision) locks
  // them, so a decision and a rescan of the same item never wait on each other in a circle.
  const found = await trx.selectFrom('review_cases').select('content_id').where('id', '=', caseId).executeTakeFirst();
  if (found) await trx.selectFrom('content_items').select('id').where('id', '=', found.content_id).forUpdate().execute();
  const row = await findCase(trx, caseId, { forUpdate: true });
  const refused = refusal(row, who);
  if (refused) throw refused;
  if (!options.take && row.claimed_by !== who.user.id) {
    throw new SaringError('case_not_claimed', `Claim case ${row.id} first (POST /v1/review/cases/${row.id}/claim, or claim-next).`);
  }
  return row;
}
