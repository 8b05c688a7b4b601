import { sql } from 'kysely';
import { appendAudit, type Actor } from '../../audit/log.js';
import type { EngineCore } from '../../core.js';
import type { Db } from '../../db/connect.js';
import type { Scanned } from '../../decisions/effects.js';
import { notFound, SaringError } from '../../errors/errors.js';
import type { Jobs } from '../../jobs/jobs.js';
import { activeYouthSettings } from '../../policy/settings.js';
import type { YouthFeature, YouthSettings } from '../../policy/schema.js';
import { isUuid, parseInput } from '../../shared/validate.js';
import { emitEvent } from '../../webhooks/webhooks.js';
import {
  ageOn,
  assuranceOfMethod,
  assuranceRank,
  bandAges,
  bandFromAge,
  bandFromDateOfBirth,
  bandNow,
  statusOf,
  validAge,
  validDateOfBirth,
  type AgeBand,
  type AgeRecord,
  type AgeStatus,
  type Assurance,
  type BandAt,
  type CheckMethod,
  type Eligibility,
  type ProgrammeHold,
} from './bands.js';
import {
  ageInputSchema,
  batchInputSchema,
  caseListSchema,
  checkInputSchema,
  consentInputSchema,
  correctionInputSchema,
  decisionInputSchema,
  withdrawInputSchema,
  type CheckInput,
} from './input.js';
import { deactivationHolds } from '../deactivation/holds.js';
import { ageOf, eligibilityOf, eligibilityOfMany, recordOf } from './store.js';

export const BAND_QUEUE = 'age-band-advance';
export const PURGE_QUEUE = 'age-evidence-purge';

/** One change of an account's age record, as hooks see it (inside the change's transaction). */
export interface AgeChange {
  accountId: string;
  externalId: string;
  /** null: the account had no age record. */
  before: AgeRecord | null;
  after: AgeRecord;
  /** What changed it: declared, checked, review_opened, review_accepted, review_rejected, band_advanced, … */
  kind: string;
  actor: Actor;
}

/** What other parts of youth/ register on: run in order, in the transaction of the change (one that throws rolls it back). */
export interface AgeHooks {
  changed: ((trx: Db, change: AgeChange) => Promise<void>)[];
}

export interface AgeEvent {
  id: string;
  kind: string;
  actor: string;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** null once purged (evidencePurgedAt) or when there was none. */
  evidence: Record<string, unknown> | null;
  checkId: string | null;
  caseId: string | null;
  at: string;
  evidencePurgedAt: string | null;
}

export interface AgeCheck {
  id: string;
  method: CheckMethod;
  result: 'pass' | 'fail' | 'inconclusive';
  /** What the check said (age, ageRange or dateOfBirth, confidence, provider); null once purged. */
  outcome: Record<string, unknown> | null;
  checkedAt: string;
  createdBy: string;
  createdAt: string;
  purgedAt: string | null;
}

export interface Consent {
  id: string;
  givenBy: string;
  relation: string;
  givenAt: string;
  scope: YouthFeature[];
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  createdBy: string;
  createdAt: string;
}

export interface AgeCase {
  id: string;
  accountId: string;
  externalId: string;
  kind: 'correction' | 'underage_signal';
  queue: string;
  status: 'open' | 'accepted' | 'rejected';
  requestedBy: string;
  claim: Record<string, unknown>;
  check: AgeCheck | null;
  evidence: Record<string, unknown> | null;
  score: number | null;
  contentId: string | null;
  before: Record<string, unknown> | null;
  openedBy: string;
  openedAt: string;
  updatedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  /** The account's age record now. */
  record: AgeRecord | null;
}

export interface AgeDetail {
  accountId: string;
  externalId: string;
  /** null: the account has no age record (its status is pending_verification). */
  record: AgeRecord | null;
  status: AgeStatus;
  events: AgeEvent[];
  checks: AgeCheck[];
  consents: Consent[];
  openCase: AgeCase | null;
}

export interface CheckResult {
  check: AgeCheck;
  /** Whether the outcome set the age (a pass of at least the record's assurance). */
  applied: boolean;
  record: AgeRecord | null;
}

export interface PurgeResult {
  checks: number;
  events: number;
  cases: number;
  before: string;
}

export interface AgeApi {
  hooks: AgeHooks;
  /** The age record of the account the platform calls `externalId`, with its events, checks, consents and open review; 404 for an unknown account. */
  get(externalId: string): Promise<AgeDetail>;
  /** A declared age or a date of birth (creates the account when new). 409 `age_conflict` against an age of higher assurance. */
  set(externalId: string, input: unknown, actor: Actor): Promise<AgeRecord>;
  /** An age check's outcome (never the document or the face). */
  addCheck(externalId: string, input: unknown, actor: Actor): Promise<CheckResult>;
  /** A user's or parent's request to correct the age: an age review in the policy's age queue. */
  requestCorrection(externalId: string, input: unknown, actor: Actor): Promise<AgeCase>;
  cases(query: unknown): Promise<{ cases: AgeCase[] }>;
  case(id: string): Promise<AgeCase>;
  decide(id: string, input: unknown, actor: Actor): Promise<AgeCase>;
  consents(externalId: string): Promise<{ consents: Consent[] }>;
  giveConsent(externalId: string, input: unknown, actor: Actor): Promise<Consent>;
  withdrawConsent(externalId: string, consentId: string, input: unknown, actor: Actor): Promise<Consent>;
  eligibility(externalId: string): Promise<Eligibility>;
  eligibilityMany(input: unknown): Promise<{ accounts: Eligibility[] }>;
  /** Purges evidence older than the policy's youth.evidenceRetentionDays (the job does it; `now` for tests). */
  purgeEvidence(now?: Date): Promise<PurgeResult>;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const ymd = (d: Date): string => d.toISOString().slice(0, 10);
/** What an event, the audit log and a webhook say of a record: never the date of birth or evidence. */
const summary = (r: AgeRecord | null) => (r ? { band: r.band, assurance: r.assurance, status: r.status, nextBandAt: r.nextBandAt } : null);

interface Stored {
  band: AgeBand;
  nextBandAt: Date | null;
  dateOfBirth: Date | null;
  assurance: Assurance;
}

/** The stored age row of an account, locked for the change. */
async function lockedRow(trx: Db, accountId: string) {
  return trx
    .selectFrom('account_ages')
    .innerJoin('accounts', 'accounts.id', 'account_ages.account_id')
    .select([
      'account_ages.account_id',
      'accounts.external_id',
      'account_ages.band',
      'account_ages.assurance',
      'account_ages.status',
      'account_ages.next_band_at',
      (eb) => eb.cast<string | null>('account_ages.date_of_birth', 'text').as('date_of_birth'),
      'account_ages.source',
      'account_ages.updated_at',
    ])
    .where('account_ages.account_id', '=', accountId)
    .forUpdate('account_ages')
    .executeTakeFirst();
}

/** The account the platform calls `externalId` (created when `create`), locked against concurrent age changes. */
async function accountFor(trx: Db, externalId: string, create: boolean): Promise<{ id: string; externalId: string }> {
  if (create) await trx.insertInto('accounts').values({ external_id: externalId }).onConflict((oc) => oc.column('external_id').doNothing()).execute();
  const row = await trx.selectFrom('accounts').select(['id', 'external_id']).where('external_id', '=', externalId).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Account', externalId);
  return { id: row.id, externalId: row.external_id };
}

/** Band and next change from an age, a date of birth or a range (its lower end: a child is never guessed older). */
function bandFrom(given: { age?: number | undefined; dateOfBirth?: string | undefined; ageRange?: { min: number; max: number } | undefined }, now: Date): { at: BandAt; dob: Date | null } {
  if (given.dateOfBirth !== undefined) {
    const dob = validDateOfBirth(given.dateOfBirth, now);
    return { at: bandFromDateOfBirth(dob, now), dob };
  }
  if (given.ageRange) {
    validAge(given.ageRange.min);
    validAge(given.ageRange.max);
    if (given.ageRange.min > given.ageRange.max) throw new SaringError('invalid_age', `An age range runs from a lower to a higher age: ${given.ageRange.min}–${given.ageRange.max}.`);
    return { at: bandFromAge(given.ageRange.min, now), dob: null };
  }
  if (given.age !== undefined) return { at: bandFromAge(validAge(given.age), now), dob: null };
  throw new SaringError('invalid_age', 'Give one of an age, a date of birth or an age range.');
}

/** What an age review claims: the band and when it ends (the date of birth only when the policy keeps it), and `extra` (declaredAge, a signal's ageRange). */
function claimOf(given: { at: BandAt; dob: Date | null }, youth: YouthSettings, extra: Record<string, unknown>): Record<string, unknown> {
  return { band: given.at.band, nextBandAt: iso(given.at.nextBandAt), ...(given.dob && youth.storeDateOfBirth ? { dateOfBirth: ymd(given.dob) } : {}), ...extra };
}

/** A review's claim as the band it gives now. */
function claimed(claim: Record<string, unknown>, now: Date): { at: BandAt; dob: Date | null } {
  if (typeof claim['dateOfBirth'] === 'string') return bandFrom({ dateOfBirth: claim['dateOfBirth'] }, now);
  const nextBandAt = typeof claim['nextBandAt'] === 'string' ? new Date(claim['nextBandAt']) : null;
  return { at: bandNow({ band: claim['band'] as AgeBand, nextBandAt }, now), dob: null };
}

function validCheck(input: CheckInput, now: Date): { at: BandAt; dob: Date | null } | null {
  const given = [input.age !== undefined, input.ageRange !== undefined, input.dateOfBirth !== undefined].filter(Boolean).length;
  if (given > 1) throw new SaringError('invalid_age', 'An age check gives one of age, ageRange or dateOfBirth.');
  if (new Date(input.checkedAt).getTime() > now.getTime() + 60_000) throw new SaringError('time_in_future', `checkedAt ${input.checkedAt} is in the future.`);
  if (given === 0) {
    if (input.result === 'pass') throw new SaringError('invalid_age', 'A passed age check says what it established: age, ageRange or dateOfBirth.');
    return null;
  }
  return bandFrom(input, now);
}

/**
 * Stores a check's outcome. A date of birth it gives is kept only when the policy keeps dates of
 * birth; otherwise the band it gave and when that band ends stand for it.
 */
async function insertCheck(trx: Db, accountId: string, input: CheckInput, given: { at: BandAt; dob: Date | null } | null, youth: YouthSettings, actor: Actor): Promise<string> {
  const outcome: Record<string, unknown> = {};
  for (const key of ['age', 'ageRange', 'confidence', 'provider'] as const) if (input[key] !== undefined) outcome[key] = input[key];
  if (input.dateOfBirth !== undefined && youth.storeDateOfBirth) outcome['dateOfBirth'] = input.dateOfBirth;
  if (given) Object.assign(outcome, { band: given.at.band, nextBandAt: iso(given.at.nextBandAt) });
  const row = await trx
    .insertInto('age_checks')
    .values({ account_id: accountId, method: input.method, result: input.result, outcome: JSON.stringify(outcome), checked_at: input.checkedAt, created_by: actor })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

interface ChangeInput {
  account: { id: string; externalId: string };
  before: AgeRecord | null;
  /** The new band etc.; omitted: unchanged (only the review flag changes). */
  next?: Stored;
  underReview: boolean;
  source: string;
  kind: string;
  actor: Actor;
  reason?: string | null;
  evidence?: Record<string, unknown> | null;
  checkId?: string | null;
  caseId?: string | null;
}

/**
 * The one write of an age record: the row, an event (who, why, evidence), an audit entry (band,
 * assurance and status only), the `account.age_changed` webhook when the status changed, the hooks,
 * and a job for the day the band next changes.
 */
async function change(trx: Db, jobs: Jobs, hooks: AgeHooks, youth: YouthSettings, input: ChangeInput, now: Date): Promise<AgeRecord> {
  const { account, before } = input;
  const current: Stored | null = before
    ? { band: before.band, nextBandAt: before.nextBandAt ? new Date(before.nextBandAt) : null, dateOfBirth: before.dateOfBirth ? new Date(`${before.dateOfBirth}T00:00:00Z`) : null, assurance: before.assurance }
    : null;
  const next: Stored = input.next ?? current ?? { band: 'unknown', nextBandAt: null, dateOfBirth: null, assurance: 'self_declared' };
  const dob = youth.storeDateOfBirth && next.dateOfBirth ? ymd(next.dateOfBirth) : null;
  // The status as a read would give it: the exact age only when the date of birth is kept.
  const status = statusOf(next.band, dob && next.dateOfBirth ? ageOn(next.dateOfBirth, now) : null, youth.minimumAge[youth.riskClass], input.underReview);
  const values = {
    band: next.band,
    assurance: next.assurance,
    status,
    next_band_at: next.nextBandAt,
    date_of_birth: dob,
    source: input.source,
    updated_at: now,
  };
  await trx
    .insertInto('account_ages')
    .values({ account_id: account.id, ...values })
    .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
    .execute();
  const row = (await lockedRow(trx, account.id))!;
  const after = recordOf(row, youth, now, await holdOf(trx, account.id));
  if (after.status !== row.status) await trx.updateTable('account_ages').set({ status: after.status }).where('account_id', '=', account.id).execute();
  await trx
    .insertInto('age_events')
    .values({
      account_id: account.id,
      kind: input.kind,
      actor: input.actor,
      reason: input.reason ?? null,
      before: before ? JSON.stringify(summary(before)) : null,
      after: JSON.stringify(summary(after)),
      evidence: input.evidence ? JSON.stringify(input.evidence) : null,
      check_id: input.checkId ?? null,
      case_id: input.caseId ?? null,
      at: now,
    })
    .execute();
  await appendAudit(trx, {
    actor: input.actor,
    action: `age.${input.kind}`,
    subjectType: 'account',
    subjectId: account.id,
    data: { externalId: account.externalId, before: summary(before), after: summary(after), ...(input.reason ? { reason: input.reason } : {}), ...(input.checkId ? { checkId: input.checkId } : {}), ...(input.caseId ? { caseId: input.caseId } : {}) },
  });
  if (!before || before.status !== after.status) {
    await emitEvent(trx, jobs, 'account.age_changed', { accountId: account.id, externalId: account.externalId, kind: input.kind, before: summary(before), after: summary(after) });
  }
  if (after.nextBandAt && after.nextBandAt !== before?.nextBandAt) {
    await jobs.send(BAND_QUEUE, { accountId: account.id }, { trx, startAfter: new Date(after.nextBandAt) });
  }
  if (input.evidence || input.checkId) {
    // One purge a day at most: the first minute of the day after this evidence's retention ends.
    const day = new Date(now.getTime() + (youth.evidenceRetentionDays + 1) * 86_400_000);
    day.setUTCHours(0, 1, 0, 0);
    const key = `${PURGE_QUEUE}:${ymd(day)}`;
    const queued = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${PURGE_QUEUE} AND singleton_key = ${key} AND state = 'created'`.execute(trx);
    if (!queued.rows[0]?.n) await jobs.send(PURGE_QUEUE, {}, { trx, startAfter: day, singletonKey: key });
  }
  for (const hook of hooks.changed) await hook(trx, { accountId: account.id, externalId: account.externalId, before, after, kind: input.kind, actor: input.actor });
  if (!hooks.changed.length) return after;
  // A hook may have changed what the status depends on (the deactivation programme clears a verified 16+).
  const final = (await recordNow(trx, account.id, youth, now))!;
  if (final.status !== after.status) await trx.updateTable('account_ages').set({ status: final.status }).where('account_id', '=', account.id).execute();
  return final;
}

async function holdOf(trx: Db, accountId: string): Promise<ProgrammeHold | null> {
  return (await deactivationHolds(trx, [accountId])).get(accountId) ?? null;
}

async function recordNow(trx: Db, accountId: string, youth: YouthSettings, now: Date): Promise<AgeRecord | null> {
  const row = await lockedRow(trx, accountId);
  return row ? recordOf(row, youth, now, await holdOf(trx, accountId)) : null;
}

function toCheck(r: { id: string; method: string; result: string; outcome: Record<string, unknown> | null; checked_at: Date; created_by: string; created_at: Date; purged_at: Date | null }): AgeCheck {
  return {
    id: r.id,
    method: r.method as CheckMethod,
    result: r.result as AgeCheck['result'],
    outcome: r.outcome,
    checkedAt: r.checked_at.toISOString(),
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    purgedAt: iso(r.purged_at),
  };
}

function toConsent(r: { id: string; given_by: string; relation: string; given_at: Date; scope: string[]; withdrawn_at: Date | null; withdrawn_by: string | null; created_by: string; created_at: Date }): Consent {
  return {
    id: r.id,
    givenBy: r.given_by,
    relation: r.relation,
    givenAt: r.given_at.toISOString(),
    scope: r.scope as YouthFeature[],
    withdrawnAt: iso(r.withdrawn_at),
    withdrawnBy: r.withdrawn_by,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

async function loadCases(db: Db, where: { id?: string; accountId?: string; status?: string; kind?: string; queue?: string; externalId?: string }, limit: number, youth: YouthSettings): Promise<AgeCase[]> {
  let q = db
    .selectFrom('age_cases')
    .innerJoin('accounts', 'accounts.id', 'age_cases.account_id')
    .selectAll('age_cases')
    .select('accounts.external_id');
  if (where.id) q = q.where('age_cases.id', '=', where.id);
  if (where.accountId) q = q.where('age_cases.account_id', '=', where.accountId);
  if (where.status) q = q.where('age_cases.status', '=', where.status);
  if (where.kind) q = q.where('age_cases.kind', '=', where.kind);
  if (where.queue) q = q.where('age_cases.queue', '=', where.queue);
  if (where.externalId) q = q.where('accounts.external_id', '=', where.externalId);
  const rows = await q.orderBy('age_cases.opened_at', 'asc').orderBy('age_cases.id').limit(limit).execute();
  const checkIds = rows.map((r) => r.check_id).filter((id): id is string => !!id);
  const checks = new Map(
    checkIds.length ? (await db.selectFrom('age_checks').selectAll().where('id', 'in', checkIds).execute()).map((c) => [c.id, toCheck(c)] as const) : [],
  );
  const now = new Date();
  const out: AgeCase[] = [];
  for (const r of rows) {
    out.push({
      id: r.id,
      accountId: r.account_id,
      externalId: r.external_id,
      kind: r.kind as AgeCase['kind'],
      queue: r.queue,
      status: r.status as AgeCase['status'],
      requestedBy: r.requested_by,
      claim: r.claim,
      check: r.check_id ? (checks.get(r.check_id) ?? null) : null,
      evidence: r.evidence,
      score: r.score,
      contentId: r.content_id,
      before: r.before,
      openedBy: r.opened_by,
      openedAt: r.opened_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      decidedBy: r.decided_by,
      decidedAt: iso(r.decided_at),
      reason: r.reason,
      record: await ageOf(db, r.account_id, now, youth),
    });
  }
  return out;
}

/** Moves an account's stored band on to today (the job at `next_band_at`): an event and, when the status changes, the webhook. */
async function advanceBand(core: EngineCore, hooks: AgeHooks, accountId: string): Promise<void> {
  await core.db.transaction().execute(async (trx) => {
    const now = new Date();
    const { youth } = await activeYouthSettings(trx);
    const row = await lockedRow(trx, accountId);
    if (!row || !row.next_band_at || row.next_band_at.getTime() > now.getTime()) return;
    const stored: Stored = {
      band: row.band as AgeBand,
      nextBandAt: row.next_band_at,
      dateOfBirth: row.date_of_birth ? new Date(`${row.date_of_birth}T00:00:00Z`) : null,
      assurance: row.assurance as Assurance,
    };
    const moved = bandNow({ band: stored.band, nextBandAt: stored.nextBandAt }, now);
    // `before` is the record as stored (not moved on), so the event shows the band it left.
    const before: AgeRecord = { ...recordOf({ ...row, next_band_at: null }, youth, now, await holdOf(trx, accountId)), nextBandAt: iso(row.next_band_at) };
    await change(
      trx,
      core.jobs,
      hooks,
      youth,
      { account: { id: accountId, externalId: row.external_id }, before, next: { ...stored, ...moved }, underReview: row.status === 'under_review', source: row.source, kind: 'band_advanced', actor: 'system', reason: `Entered band ${moved.band}.` },
      now,
    );
  });
}

/**
 * The deactivation programme's marks on an account's age record (youth/deactivation/ calls them in
 * its transaction, and sends its own webhooks): an event and an audit entry, and the stored status
 * under the hold — a re-verification request makes the account `pending_verification` until a
 * verification shows it at or over the minimum age; a deactivation makes it `not_allowed`. An
 * account without an age record gets one with band `unknown`.
 */
export async function requestVerification(trx: Db, accountId: string, context: { actor: Actor; reason: string }): Promise<void> {
  await programmeMark(trx, accountId, 'reverification', context);
}

export async function markDeactivated(trx: Db, accountId: string, context: { actor: Actor; reason: string }): Promise<void> {
  await programmeMark(trx, accountId, 'deactivated', context);
}

async function programmeMark(trx: Db, accountId: string, hold: ProgrammeHold, context: { actor: Actor; reason: string }): Promise<void> {
  const now = new Date();
  const { youth } = await activeYouthSettings(trx);
  const acc = await trx.selectFrom('accounts').select(['id', 'external_id']).where('id', '=', accountId).forUpdate().executeTakeFirstOrThrow();
  let row = await lockedRow(trx, accountId);
  const before = row ? recordOf(row, youth, now, await holdOf(trx, accountId)) : null;
  if (!row) {
    await trx.insertInto('account_ages').values({ account_id: accountId, band: 'unknown', assurance: 'self_declared', status: 'pending_verification', source: 'programme', updated_at: now }).execute();
    row = (await lockedRow(trx, accountId))!;
  }
  const after = recordOf(row, youth, now, hold);
  await trx.updateTable('account_ages').set({ status: after.status, updated_at: now }).where('account_id', '=', accountId).execute();
  const kind = hold === 'deactivated' ? 'deactivated' : 'reverification_requested';
  await trx
    .insertInto('age_events')
    .values({ account_id: accountId, kind, actor: context.actor, reason: context.reason, before: before ? JSON.stringify(summary(before)) : null, after: JSON.stringify(summary(after)), at: now })
    .execute();
  await appendAudit(trx, { actor: context.actor, action: `age.${kind}`, subjectType: 'account', subjectId: accountId, data: { externalId: acc.external_id, before: summary(before), after: summary(after), reason: context.reason } });
}

/** Purges evidence older than the policy's retention: checks' outcomes, events' evidence, decided cases' evidence and claims' details. The bands stay. */
export async function purgeEvidence(db: Db, now = new Date()): Promise<PurgeResult> {
  return db.transaction().execute(async (trx) => {
    const { youth } = await activeYouthSettings(trx);
    const before = new Date(now.getTime() - youth.evidenceRetentionDays * 86_400_000);
    const checks = await trx.updateTable('age_checks').set({ outcome: null, purged_at: now }).where('purged_at', 'is', null).where('created_at', '<', before).executeTakeFirst();
    const events = await trx.updateTable('age_events').set({ evidence: null, evidence_purged_at: now }).where('evidence', 'is not', null).where('at', '<', before).executeTakeFirst();
    const cases = await trx
      .updateTable('age_cases')
      .set({ evidence: null, evidence_purged_at: now, claim: sql<string>`jsonb_build_object('band', claim->'band')` })
      .where('status', '!=', 'open')
      .where('evidence_purged_at', 'is', null)
      .where('decided_at', '<', before)
      .executeTakeFirst();
    const result = { checks: Number(checks.numUpdatedRows), events: Number(events.numUpdatedRows), cases: Number(cases.numUpdatedRows), before: before.toISOString() };
    if (result.checks + result.events + result.cases > 0) {
      await appendAudit(trx, { actor: 'system', action: 'age.evidence_purged', subjectType: 'age_evidence', data: { ...result, retentionDays: youth.evidenceRetentionDays } });
    }
    return result;
  });
}

/**
 * Youth ages (docs/youth.md "Age records, eligibility and corrections"): accounts' age records with
 * assurance and status, age checks' outcomes, corrections and underage signals as age reviews, and
 * parents' consents. Reads for the other parts are in store.ts.
 */
export function createAge(core: EngineCore): AgeApi {
  const { db, jobs } = core;
  const hooks: AgeHooks = { changed: [] };
  jobs.define<{ accountId: string }>({ name: BAND_QUEUE, handler: (data) => advanceBand(core, hooks, data.accountId), retryLimit: 10, retryDelay: 5 });
  jobs.define<Record<string, never>>({ name: PURGE_QUEUE, handler: async () => void (await purgeEvidence(db)), retryLimit: 10, retryDelay: 30 });
  core.effects.hooks.scanned.push((trx, event) => onScanned(trx, jobs, hooks, event));

  async function account(externalId: string): Promise<{ id: string; externalId: string }> {
    const row = await db.selectFrom('accounts').select(['id', 'external_id']).where('external_id', '=', externalId).executeTakeFirst();
    if (!row) throw notFound('Account', externalId);
    return { id: row.id, externalId: row.external_id };
  }

  async function getCase(id: string): Promise<AgeCase> {
    if (!isUuid(id)) throw notFound('Age case', id);
    const { youth } = await activeYouthSettings(db);
    const [found] = await loadCases(db, { id }, 1, youth);
    if (!found) throw notFound('Age case', id);
    return found;
  }

  async function events(accountId: string): Promise<AgeEvent[]> {
    const rows = await db.selectFrom('age_events').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').limit(200).execute();
    return rows.map((e) => ({
      id: String(e.id),
      kind: e.kind,
      actor: e.actor,
      reason: e.reason,
      before: e.before,
      after: e.after,
      evidence: e.evidence,
      checkId: e.check_id,
      caseId: e.case_id,
      at: e.at.toISOString(),
      evidencePurgedAt: iso(e.evidence_purged_at),
    }));
  }

  async function consentList(accountId: string): Promise<Consent[]> {
    return (await db.selectFrom('parental_consents').selectAll().where('account_id', '=', accountId).orderBy('given_at', 'desc').orderBy('id').execute()).map(toConsent);
  }

  return {
    hooks,

    async get(externalId) {
      const acc = await account(externalId);
      const { youth } = await activeYouthSettings(db);
      const record = await ageOf(db, acc.id, new Date(), youth);
      const checks = (await db.selectFrom('age_checks').selectAll().where('account_id', '=', acc.id).orderBy('created_at', 'desc').limit(100).execute()).map(toCheck);
      const [open] = await loadCases(db, { accountId: acc.id, status: 'open' }, 1, youth);
      return {
        accountId: acc.id,
        externalId: acc.externalId,
        record,
        status: record?.status ?? 'pending_verification',
        events: await events(acc.id),
        checks,
        consents: await consentList(acc.id),
        openCase: open ?? null,
      };
    },

    async set(externalId, input, actor) {
      const valid = parseInput(ageInputSchema, input);
      const now = new Date();
      const given = 'declaredAge' in valid ? bandFrom({ age: valid.declaredAge }, now) : bandFrom({ dateOfBirth: valid.dateOfBirth }, now);
      return db.transaction().execute(async (trx) => {
        const { youth } = await activeYouthSettings(trx);
        const acc = await accountFor(trx, externalId, true);
        const before = await recordNow(trx, acc.id, youth, now);
        if (before && before.assurance !== 'self_declared') {
          // A declaration never overrides an age of higher assurance: the same band is noted, another refused.
          if (before.band !== given.at.band) {
            throw new SaringError('age_conflict', `The declared age (band ${given.at.band}) contradicts the account's ${before.assurance} age (band ${before.band}): nothing was stored. Ask for a correction instead.`, {
              declaredBand: given.at.band,
              band: before.band,
              assurance: before.assurance,
            });
          }
          return change(trx, jobs, hooks, youth, { account: acc, before, underReview: before.status === 'under_review', source: 'declaration', kind: 'declared', actor, reason: `Declared an age in the ${before.assurance} band; the ${before.assurance} age stays.` }, now);
        }
        return change(
          trx,
          jobs,
          hooks,
          youth,
          {
            account: acc,
            before,
            next: { band: given.at.band, nextBandAt: given.at.nextBandAt, dateOfBirth: given.dob, assurance: 'self_declared' },
            underReview: before?.status === 'under_review',
            source: 'declaration',
            kind: 'declared',
            actor,
            reason: 'declaredAge' in valid ? 'The platform sent a declared age.' : 'The platform sent a date of birth.',
            evidence: null,
          },
          now,
        );
      });
    },

    async addCheck(externalId, input, actor) {
      const valid = parseInput(checkInputSchema, input);
      const now = new Date();
      const given = validCheck(valid, now);
      return db.transaction().execute(async (trx) => {
        const { youth } = await activeYouthSettings(trx);
        const acc = await accountFor(trx, externalId, true);
        const before = await recordNow(trx, acc.id, youth, now);
        const checkId = await insertCheck(trx, acc.id, valid, given, youth, actor);
        const assurance = assuranceOfMethod(valid.method);
        const applies = valid.result === 'pass' && given !== null && (!before || assuranceRank(assurance) >= assuranceRank(before.assurance));
        const reason = applies
          ? `A ${valid.method} check (${assurance}) set the age.`
          : valid.result !== 'pass'
            ? `A ${valid.method} check ended ${valid.result}: the age stays.`
            : `A ${valid.method} check (${assurance}) is below the record's ${before?.assurance} assurance: recorded, the age stays.`;
        const after = await change(
          trx,
          jobs,
          hooks,
          youth,
          {
            account: acc,
            before,
            ...(applies && given ? { next: { band: given.at.band, nextBandAt: given.at.nextBandAt, dateOfBirth: given.dob, assurance } } : {}),
            underReview: before?.status === 'under_review',
            source: applies ? 'check' : (before?.source ?? 'check'),
            kind: applies ? 'checked' : 'check_recorded',
            actor,
            reason,
            evidence: { method: valid.method, result: valid.result, ...(valid.provider ? { provider: valid.provider } : {}) },
            checkId,
          },
          now,
        );
        const check = toCheck((await trx.selectFrom('age_checks').selectAll().where('id', '=', checkId).executeTakeFirstOrThrow()));
        return { check, applied: applies, record: after };
      });
    },

    async requestCorrection(externalId, input, actor) {
      const valid = parseInput(correctionInputSchema, input);
      const now = new Date();
      if ((valid.declaredAge === undefined) === (valid.dateOfBirth === undefined)) throw new SaringError('invalid_age', 'A correction claims one of declaredAge or dateOfBirth.');
      const claimed = bandFrom({ age: valid.declaredAge, dateOfBirth: valid.dateOfBirth }, now);
      const evidenceGiven = validCheck(valid.evidence, now);
      const caseId = await db.transaction().execute(async (trx) => {
        const { youth } = await activeYouthSettings(trx);
        const acc = await accountFor(trx, externalId, false);
        const before = await recordNow(trx, acc.id, youth, now);
        const open = await trx.selectFrom('age_cases').select(['id', 'kind']).where('account_id', '=', acc.id).where('status', '=', 'open').executeTakeFirst();
        if (open) throw new SaringError('age_case_open', `Account ${externalId} already has an open age review (${open.kind}, ${open.id}).`, { caseId: open.id });
        const checkId = await insertCheck(trx, acc.id, valid.evidence, evidenceGiven, youth, actor);
        const claim = claimOf(claimed, youth, valid.declaredAge !== undefined ? { declaredAge: valid.declaredAge } : {});
        const row = await trx
          .insertInto('age_cases')
          .values({
            account_id: acc.id,
            kind: 'correction',
            queue: youth.underageSignals.queue,
            requested_by: valid.requestedBy,
            claim: JSON.stringify(claim),
            check_id: checkId,
            evidence: valid.note ? JSON.stringify({ note: valid.note }) : null,
            before: JSON.stringify(summary(before)),
            opened_by: actor,
            opened_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await change(trx, jobs, hooks, youth, { account: acc, before, underReview: true, source: before?.source ?? 'correction', kind: 'review_opened', actor, reason: `The ${valid.requestedBy} asked to correct the age to band ${claimed.at.band}.`, evidence: { requestedBy: valid.requestedBy, claimedBand: claimed.at.band }, checkId, caseId: row.id }, now);
        return row.id;
      });
      return getCase(caseId);
    },

    async cases(query) {
      const q = parseInput(caseListSchema, query ?? {});
      const { youth } = await activeYouthSettings(db);
      return { cases: await loadCases(db, { ...(q.status ? { status: q.status } : {}), ...(q.kind ? { kind: q.kind } : {}), ...(q.queue ? { queue: q.queue } : {}), ...(q.account ? { externalId: q.account } : {}) }, q.limit, youth) };
    },

    case: getCase,

    async decide(id, input, actor) {
      const valid = parseInput(decisionInputSchema, input);
      if (!isUuid(id)) throw notFound('Age case', id);
      if (valid.declaredAge !== undefined && valid.dateOfBirth !== undefined) throw new SaringError('invalid_age', 'Give one of declaredAge or dateOfBirth.');
      const now = new Date();
      const override = valid.declaredAge !== undefined || valid.dateOfBirth !== undefined ? bandFrom({ age: valid.declaredAge, dateOfBirth: valid.dateOfBirth }, now) : null;
      await db.transaction().execute(async (trx) => {
        const { youth } = await activeYouthSettings(trx);
        const c = await trx.selectFrom('age_cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!c) throw notFound('Age case', id);
        if (c.status !== 'open') throw new SaringError('case_closed', `Age case ${id} is already ${c.status}.`);
        const acc = await trx.selectFrom('accounts').select(['id', 'external_id']).where('id', '=', c.account_id).executeTakeFirstOrThrow();
        const account = { id: acc.id, externalId: acc.external_id };
        const before = await recordNow(trx, acc.id, youth, now);
        await trx.updateTable('age_cases').set({ status: valid.decision === 'accept' ? 'accepted' : 'rejected', decided_by: actor, decided_at: now, reason: valid.reason, updated_at: now }).where('id', '=', id).execute();
        if (valid.decision === 'reject') {
          await change(trx, jobs, hooks, youth, { account, before, underReview: false, source: before?.source ?? 'review', kind: 'review_rejected', actor, reason: valid.reason, caseId: id }, now);
          return;
        }
        const set = override ?? claimed(c.claim, now);
        let assurance: Assurance = c.kind === 'underage_signal' ? 'estimated' : 'self_declared';
        if (c.check_id) {
          const check = await trx.selectFrom('age_checks').select(['method', 'result']).where('id', '=', c.check_id).executeTakeFirst();
          if (check?.result === 'pass') assurance = assuranceOfMethod(check.method as CheckMethod);
        }
        await change(
          trx,
          jobs,
          hooks,
          youth,
          { account, before, next: { band: set.at.band, nextBandAt: set.at.nextBandAt, dateOfBirth: set.dob, assurance }, underReview: false, source: 'review', kind: 'review_accepted', actor, reason: valid.reason, caseId: id },
          now,
        );
      });
      return getCase(id);
    },

    async consents(externalId) {
      const acc = await account(externalId);
      return { consents: await consentList(acc.id) };
    },

    async giveConsent(externalId, input, actor) {
      const valid = parseInput(consentInputSchema, input);
      const now = new Date();
      if (new Date(valid.givenAt).getTime() > now.getTime() + 60_000) throw new SaringError('time_in_future', `givenAt ${valid.givenAt} is in the future.`);
      return db.transaction().execute(async (trx) => {
        const { youth } = await activeYouthSettings(trx);
        const acc = await accountFor(trx, externalId, false);
        const record = await recordNow(trx, acc.id, youth, now);
        if (record?.band === '18_plus') throw new SaringError('invalid_state', `Account ${externalId} is 18 or over: an adult's account takes no parental consent.`);
        const scope = [...new Set(valid.scope)];
        const row = await trx
          .insertInto('parental_consents')
          .values({ account_id: acc.id, given_by: valid.givenBy, relation: valid.relation, given_at: valid.givenAt, scope: JSON.stringify(scope), created_by: actor })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx.insertInto('age_events').values({ account_id: acc.id, kind: 'consent_given', actor, reason: `${valid.relation} consent for ${scope.join(', ')}.`, evidence: JSON.stringify({ consentId: row.id, givenBy: valid.givenBy }), at: now }).execute();
        await appendAudit(trx, { actor, action: 'age.consent_given', subjectType: 'account', subjectId: acc.id, data: { externalId, consentId: row.id, relation: valid.relation, scope } });
        return toConsent(row);
      });
    },

    async withdrawConsent(externalId, consentId, input, actor) {
      const valid = parseInput(withdrawInputSchema, input ?? {});
      const now = new Date();
      const at = valid.withdrawnAt ? new Date(valid.withdrawnAt) : now;
      if (at.getTime() > now.getTime() + 60_000) throw new SaringError('time_in_future', `withdrawnAt ${valid.withdrawnAt} is in the future.`);
      return db.transaction().execute(async (trx) => {
        const acc = await accountFor(trx, externalId, false);
        if (!isUuid(consentId)) throw notFound('Consent', consentId);
        const row = await trx.selectFrom('parental_consents').selectAll().where('id', '=', consentId).where('account_id', '=', acc.id).forUpdate().executeTakeFirst();
        if (!row) throw notFound('Consent', consentId);
        if (row.withdrawn_at) throw new SaringError('invalid_state', `Consent ${consentId} was withdrawn on ${row.withdrawn_at.toISOString()}.`);
        if (at.getTime() < row.given_at.getTime()) throw new SaringError('validation_failed', 'A consent is withdrawn after it was given.');
        const updated = await trx.updateTable('parental_consents').set({ withdrawn_at: at, withdrawn_by: actor }).where('id', '=', consentId).returningAll().executeTakeFirstOrThrow();
        await trx.insertInto('age_events').values({ account_id: acc.id, kind: 'consent_withdrawn', actor, reason: valid.reason ?? null, evidence: JSON.stringify({ consentId }), at: now }).execute();
        await appendAudit(trx, { actor, action: 'age.consent_withdrawn', subjectType: 'account', subjectId: acc.id, data: { externalId, consentId, ...(valid.reason ? { reason: valid.reason } : {}) } });
        return toConsent(updated);
      });
    },

    eligibility: (externalId) => eligibilityOf(db, externalId),

    async eligibilityMany(input) {
      const valid = parseInput(batchInputSchema, input);
      return { accounts: await eligibilityOfMany(db, valid.ids, { by: 'externalId' }) };
    },

    purgeEvidence: (now) => purgeEvidence(db, now),
  };
}

/**
 * Underage signals (the `scanned` hook): content of an account whose underage score reaches the
 * policy's youth.underageSignals.threshold opens an age review (kind `underage_signal`) in the age
 * queue, or adds to the open one. A `verified` age is not reopened by a text signal, and neither is
 * an account whose band is already at or under the age the signal suggests.
 */
async function onScanned(trx: Db, jobs: Jobs, hooks: AgeHooks, event: Scanned): Promise<void> {
  const signal = event.verdict.signals.underage;
  if (!signal || !event.content.accountId) return;
  const { youth } = await activeYouthSettings(trx);
  if (signal.score < youth.underageSignals.threshold) return;
  const now = new Date();
  const accountId = event.content.accountId;
  const acc = await trx.selectFrom('accounts').select(['id', 'external_id']).where('id', '=', accountId).forUpdate().executeTakeFirstOrThrow();
  const before = await recordNow(trx, accountId, youth, now);
  if (before?.assurance === 'verified') return;
  const span = before ? bandAges(before.band) : null;
  if (span && signal.age.max >= span.min) return;
  const evidence = { contentId: event.content.id, externalId: event.content.externalId, scanId: event.scanId, score: signal.score, age: signal.age, matches: signal.evidence.slice(0, 20) };
  // A review already decided on this content item is not reopened by it (a changed caption is scanned again).
  const decided = await trx.selectFrom('age_cases').select('id').where('content_id', '=', event.content.id).where('status', '!=', 'open').executeTakeFirst();
  if (decided) return;
  const open = await trx.selectFrom('age_cases').selectAll().where('account_id', '=', accountId).where('status', '=', 'open').executeTakeFirst();
  if (open) {
    if (open.kind !== 'underage_signal') return;
    const previous = (open.evidence as { items?: unknown[] } | null)?.items ?? [];
    const claimAge = (open.claim as { ageRange?: { min: number; max: number } }).ageRange;
    const ageRange = claimAge ? { min: Math.min(claimAge.min, signal.age.min), max: Math.min(claimAge.max, signal.age.max) } : signal.age;
    await trx
      .updateTable('age_cases')
      .set({
        evidence: JSON.stringify({ items: [evidence, ...previous].slice(0, 20) }),
        score: Math.max(open.score ?? 0, signal.score),
        claim: JSON.stringify(claimOf({ at: bandFromAge(ageRange.min, now), dob: null }, youth, { ageRange: { min: ageRange.min, max: Math.max(ageRange.min, ageRange.max) } })),
        updated_at: now,
      })
      .where('id', '=', open.id)
      .execute();
    return;
  }
  const row = await trx
    .insertInto('age_cases')
    .values({
      account_id: accountId,
      kind: 'underage_signal',
      queue: youth.underageSignals.queue,
      requested_by: 'signal',
      claim: JSON.stringify(claimOf({ at: bandFromAge(signal.age.min, now), dob: null }, youth, { ageRange: signal.age })),
      evidence: JSON.stringify({ items: [evidence] }),
      score: signal.score,
      content_id: event.content.id,
      before: JSON.stringify(summary(before)),
      opened_by: event.actor,
      opened_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await change(
    trx,
    jobs,
    hooks,
    youth,
    { account: { id: acc.id, externalId: acc.external_id }, before, underReview: true, source: before?.source ?? 'signal', kind: 'review_opened', actor: event.actor, reason: `Underage signal (score ${signal.score}, age ${signal.age.min}–${signal.age.max}) in content ${event.content.externalId}.`, evidence: { contentId: event.content.id, score: signal.score }, caseId: row.id },
    now,
  );
}
