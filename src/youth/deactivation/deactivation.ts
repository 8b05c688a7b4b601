import { sql } from 'kysely';
import { z } from 'zod';
import { appendAudit, type Actor } from '../../audit/log.js';
import type { EngineCore } from '../../core.js';
import type { Db } from '../../db/connect.js';
import { SaringError } from '../../errors/errors.js';
import { activeYouthSettings } from '../../policy/settings.js';
import { isUuid, parseInput, wholeNumber } from '../../shared/validate.js';
import { emitEvent } from '../../webhooks/webhooks.js';
import { markDeactivated, requestVerification, type AgeApi } from '../age/age.js';
import { atLeast, bandsUnder, nextBand, type AgeRecord } from '../age/bands.js';
import { ageOf } from '../age/store.js';

/** Why an account is in a plan (Permenkomdigi 9/2026: accounts that are or may be under the minimum age). */
export const DEACTIVATION_REASONS = ['declared_under_minimum', 'underage_signal', 'unverified_old_account'] as const;
export type DeactivationReason = (typeof DEACTIVATION_REASONS)[number];
/** An account's phase: re-verification requested → transition notice → deactivated; or cleared at any of them. */
export const DEACTIVATION_PHASES = ['reverification_requested', 'transition_notice', 'deactivated', 'cleared'] as const;
export type DeactivationPhase = (typeof DEACTIVATION_PHASES)[number];
/** The phases an account can still leave (a verified 16+ clears a deactivated account too). */
const HELD: DeactivationPhase[] = ['reverification_requested', 'transition_notice', 'deactivated'];

export const PHASE_QUEUE = 'youth.deactivation.phase';
/** Sends a started plan's re-verification requests (those not yet sent). */
export const REQUEST_QUEUE = 'youth.deactivation.requests';
/** Accounts whose requests go out in one transaction. */
const REQUEST_CHUNK = 100;
/** A plan of more accounts than this sends its requests in the background (the API answers at once). */
export const INLINE_REQUESTS = 1000;
/** Accounts one plan takes at most (one transaction); a further plan takes the rest. */
export const MAX_PLAN_ACCOUNTS = 50_000;
const DAY_MS = 86_400_000;
/** One plan starts at a time, so two never take the same account. */
const PLAN_LOCK = 727_274_916;

export const planInputSchema = z
  .object({
    /** Count only: what a plan would take, nothing stored. */
    dryRun: z.boolean().default(false),
    reasons: z
      .array(z.enum(DEACTIVATION_REASONS))
      .min(1)
      .refine((r) => new Set(r).size === r.length, 'a reason is named twice')
      .default([...DEACTIVATION_REASONS]),
    limit: z.number().int().min(1).max(MAX_PLAN_ACCOUNTS).default(10_000),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type PlanInput = z.input<typeof planInputSchema>;

export const planListSchema = z.object({ limit: wholeNumber(1, 200).default(50) }).strict();
export const accountListSchema = z
  .object({
    phase: z.enum(DEACTIVATION_PHASES).optional(),
    plan: z.uuid().optional(),
    cursor: z.uuid().optional(),
    limit: wholeNumber(1, 500).default(50),
  })
  .strict();

/** The programme's settings as a plan took them (a later policy change does not move its accounts' dates). */
export interface PlanSettings {
  minimumAge: number;
  verificationDays: number;
  noticeDays: number;
  unverifiedAccountDays: number;
  policyVersion: number | null;
}

export interface PlanPreview {
  reasons: DeactivationReason[];
  /** Accounts found per reason, not yet in the programme (an account can have several reasons). */
  found: Record<DeactivationReason, number>;
  /** Accounts the plan takes (distinct, at most `limit`). */
  accounts: number;
  /** Accounts found beyond `limit`: a further plan takes them. */
  remaining: number;
  /** Accounts found that are in the programme already (not taken again). */
  alreadyInProgramme: number;
  settings: PlanSettings;
}

export type PhaseCounts = Record<DeactivationPhase, number>;

export interface Plan {
  id: string;
  reasons: DeactivationReason[];
  found: Record<DeactivationReason, number>;
  accounts: number;
  alreadyInProgramme: number;
  settings: PlanSettings;
  note: string | null;
  createdBy: string;
  /** The person's name when a person of the console started it. */
  createdByName: string | null;
  createdAt: string;
  /** Re-verification is due by then; after it, transition notices. */
  verifyBy: string;
  /** The earliest deactivation date of its accounts (a notice runs `noticeDays` from when it is given). */
  deactivateFrom: string;
  phases: PhaseCounts;
  /** Accounts whose re-verification request is still to be sent (a large plan sends them in the background). */
  requestsPending: number;
}

export interface PlanResult {
  dryRun: boolean;
  preview: PlanPreview;
  /** The plan started; null on a dry run, or when nothing new was found (nothing stored). */
  plan: Plan | null;
}

export interface ProgrammeAccount {
  id: string;
  planId: string;
  accountId: string;
  externalId: string;
  reasons: DeactivationReason[];
  phase: DeactivationPhase;
  phaseAt: string;
  /** null while its plan's requests are still being sent. */
  requestedAt: string | null;
  verifyBy: string;
  noticeAt: string | null;
  deactivateOn: string | null;
  deactivatedAt: string | null;
  clearedAt: string | null;
  clearedFrom: DeactivationPhase | null;
}

/** The regulator's view: counts only, no account. */
export interface DeactivationSummary {
  asOf: string;
  plans: number;
  firstPlanAt: string | null;
  accounts: number;
  phases: PhaseCounts;
  /** Accounts in the programme by reason (an account can have several). */
  reasons: Record<DeactivationReason, number>;
  /** Cleared accounts by the phase they were cleared in. */
  clearedFrom: Record<Exclude<DeactivationPhase, 'cleared'>, number>;
  settings: PlanSettings;
}

export interface DeactivationApi {
  /** Finds the accounts and, unless a dry run, starts a plan: each account's re-verification is requested. */
  /**
   * `background`: send the re-verification requests by the job rather than before answering —
   * always (`true`), or for plans of more than INLINE_REQUESTS accounts (`'large'`); default never.
   */
  plan(input: unknown, actor: Actor, options?: { background?: boolean | 'large' }): Promise<PlanResult>;
  plans(query: unknown): Promise<{ plans: Plan[] }>;
  get(id: string): Promise<Plan>;
  accounts(query: unknown): Promise<{ accounts: ProgrammeAccount[]; nextCursor: string | null }>;
  summary(): Promise<DeactivationSummary>;
  /** Moves on every account whose phase is due (the jobs do it; this catches up, e.g. after jobs were lost). Returns how many moved. */
  advanceDue(): Promise<number>;
}

const zeroPhases = (): PhaseCounts => ({ reverification_requested: 0, transition_notice: 0, deactivated: 0, cleared: 0 });
const zeroReasons = (): Record<DeactivationReason, number> => ({ declared_under_minimum: 0, underage_signal: 0, unverified_old_account: 0 });
const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

async function settingsNow(db: Db): Promise<PlanSettings> {
  const { youth, policyVersion } = await activeYouthSettings(db);
  return { minimumAge: youth.minimumAge[youth.riskClass], ...youth.deactivation, policyVersion };
}

interface Candidate {
  account_id: string;
  external_id: string;
  declared: boolean;
  signal: boolean;
  old: boolean;
  held: boolean;
}

/**
 * The accounts that are or may be under the minimum age, for the reasons asked: a band under it
 * (declared or verified; a band whose next one is reached by now is not under it any more), an
 * open or confirmed underage-signal review, or an account older than `unverifiedAccountDays` with
 * only a self-declared age. Oldest accounts first.
 */
async function candidates(db: Db, settings: PlanSettings, reasons: DeactivationReason[], now: Date): Promise<Candidate[]> {
  const under = bandsUnder(settings.minimumAge);
  // Bands whose next band is under the minimum too: passing next_band_at leaves them under it.
  const stillUnder = under.filter((b) => {
    const next = nextBand(b);
    return next !== null && under.includes(next);
  });
  const oldBefore = new Date(now.getTime() - settings.unverifiedAccountDays * DAY_MS);
  const declared = under.length
    ? sql<boolean>`(ag.band IN (${sql.join(under)}) AND (${stillUnder.length ? sql`ag.band IN (${sql.join(stillUnder)})` : sql`false`} OR ag.next_band_at IS NULL OR ag.next_band_at > ${now}))`
    : sql<boolean>`false`;
  const signal = sql<boolean>`EXISTS (SELECT 1 FROM age_cases c WHERE c.account_id = a.id AND c.kind = 'underage_signal' AND c.status IN ('open', 'accepted'))`;
  const old = sql<boolean>`(a.created_at < ${oldBefore} AND ag.assurance = 'self_declared')`;
  const wanted = [reasons.includes('declared_under_minimum') ? declared : null, reasons.includes('underage_signal') ? signal : null, reasons.includes('unverified_old_account') ? old : null].filter(
    (x): x is NonNullable<typeof x> => x !== null,
  );
  const { rows } = await sql<Candidate>`
    SELECT a.id AS account_id, a.external_id,
      COALESCE(${declared}, false) AS declared, ${signal} AS signal, COALESCE(${old}, false) AS old,
      EXISTS (SELECT 1 FROM youth_deactivation_accounts d WHERE d.account_id = a.id AND d.phase <> 'cleared') AS held
    FROM accounts a LEFT JOIN account_ages ag ON ag.account_id = a.id
    WHERE ${sql.join(wanted, sql` OR `)}
    ORDER BY a.created_at, a.id`.execute(db);
  return rows;
}

const reasonsOf = (c: Candidate, asked: DeactivationReason[]): DeactivationReason[] =>
  asked.filter((r) => (r === 'declared_under_minimum' ? c.declared : r === 'underage_signal' ? c.signal : c.old));

function previewOf(found: Candidate[], asked: DeactivationReason[], limit: number, settings: PlanSettings): { preview: PlanPreview; take: Candidate[] } {
  const fresh = found.filter((c) => !c.held);
  const counts = zeroReasons();
  for (const c of fresh) for (const r of reasonsOf(c, asked)) counts[r]++;
  const take = fresh.slice(0, limit);
  return {
    preview: { reasons: asked, found: counts, accounts: take.length, remaining: fresh.length - take.length, alreadyInProgramme: found.length - fresh.length, settings },
    take,
  };
}

type PlanRow = { id: string; reasons: string[]; found: Record<string, number>; settings: Record<string, unknown>; note: string | null; accounts: number; created_by: string; created_at: Date };

async function pendingCounts(db: Db, planIds: string[]): Promise<Map<string, number>> {
  if (!planIds.length) return new Map();
  const rows = await db
    .selectFrom('youth_deactivation_accounts')
    .select(['plan_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('plan_id', 'in', planIds)
    .where('requested_at', 'is', null)
    .where('phase', '=', 'reverification_requested')
    .groupBy('plan_id')
    .execute();
  return new Map(rows.map((r) => [r.plan_id, Number(r.n)]));
}

async function phaseCounts(db: Db, planIds: string[]): Promise<Map<string, PhaseCounts>> {
  const out = new Map(planIds.map((id) => [id, zeroPhases()]));
  if (!planIds.length) return out;
  const rows = await db
    .selectFrom('youth_deactivation_accounts')
    .select(['plan_id', 'phase', (eb) => eb.fn.countAll<string>().as('n')])
    .where('plan_id', 'in', planIds)
    .groupBy(['plan_id', 'phase'])
    .execute();
  for (const r of rows) out.get(r.plan_id)![r.phase as DeactivationPhase] = Number(r.n);
  return out;
}

/** The names of the people among these actors (`user:<id>`). */
async function namesOf(db: Db, actors: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(actors.filter((a) => a.startsWith('user:')).map((a) => a.slice(5)))].filter((id) => isUuid(id));
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('operator_users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [`user:${r.id}`, r.name]));
}

function toPlan(r: PlanRow, phases: PhaseCounts, names: Map<string, string>, requestsPending: number): Plan {
  const settings = r.settings as unknown as PlanSettings & { alreadyInProgramme?: number };
  const created = new Date(r.created_at);
  const verifyBy = new Date(created.getTime() + settings.verificationDays * DAY_MS);
  const { alreadyInProgramme = 0, ...kept } = settings;
  return {
    id: r.id,
    reasons: r.reasons as DeactivationReason[],
    found: { ...zeroReasons(), ...(r.found as Record<DeactivationReason, number>) },
    accounts: r.accounts,
    alreadyInProgramme,
    settings: kept,
    note: r.note,
    createdBy: r.created_by,
    createdByName: names.get(r.created_by) ?? null,
    createdAt: created.toISOString(),
    verifyBy: verifyBy.toISOString(),
    deactivateFrom: new Date(verifyBy.getTime() + settings.noticeDays * DAY_MS).toISOString(),
    phases,
    requestsPending,
  };
}

async function loadPlan(db: Db, id: string): Promise<Plan> {
  if (!isUuid(id)) throw new SaringError('not_found', `Deactivation plan ${id.slice(0, 64)} does not exist.`);
  const row = await db.selectFrom('youth_deactivation_plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new SaringError('not_found', `Deactivation plan ${id} does not exist.`);
  return toPlan(row as PlanRow, (await phaseCounts(db, [id])).get(id)!, await namesOf(db, [row.created_by]), (await pendingCounts(db, [id])).get(id) ?? 0);
}

/** What a webhook says of an account in the programme. */
const eventData = (e: { planId: string; externalId: string; reasons: DeactivationReason[] }) => ({ account: { externalId: e.externalId }, planId: e.planId, reasons: e.reasons });

/**
 * Starts a plan: the plan and its accounts are stored in one transaction (nothing half-stored),
 * with a job that sends their re-verification requests; the requests then go out a chunk of
 * accounts per transaction (`sendRequests`), here at once unless `background`, and by the job
 * otherwise — or after a crash, where the last chunk left off. No transaction holds the audit log's
 * lock for long, whatever the plan's size.
 */
async function startPlan(core: EngineCore, input: unknown, actor: Actor, background: (accounts: number) => boolean): Promise<PlanResult> {
  const valid = parseInput(planInputSchema, input);
  const now = new Date();
  if (valid.dryRun) {
    const settings = await settingsNow(core.db);
    const { preview } = previewOf(await candidates(core.db, settings, valid.reasons, now), valid.reasons, valid.limit, settings);
    return { dryRun: true, preview, plan: null };
  }
  const result = await core.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PLAN_LOCK})`.execute(trx);
    const settings = await settingsNow(trx);
    const { preview, take } = previewOf(await candidates(trx, settings, valid.reasons, now), valid.reasons, valid.limit, settings);
    if (take.length === 0) return { preview, planId: null };
    const plan = await trx
      .insertInto('youth_deactivation_plans')
      .values({
        reasons: JSON.stringify(valid.reasons),
        found: JSON.stringify(preview.found),
        settings: JSON.stringify({ ...settings, alreadyInProgramme: preview.alreadyInProgramme }),
        note: valid.note ?? null,
        accounts: take.length,
        created_by: actor,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const verifyBy = new Date(now.getTime() + settings.verificationDays * DAY_MS);
    await appendAudit(trx, { actor, action: 'youth.deactivation.plan_started', subjectType: 'deactivation_plan', subjectId: plan.id, data: { reasons: valid.reasons, found: preview.found, accounts: take.length, remaining: preview.remaining, alreadyInProgramme: preview.alreadyInProgramme, settings, note: valid.note ?? null } });
    for (let i = 0; i < take.length; i += 1000) {
      await trx
        .insertInto('youth_deactivation_accounts')
        .values(take.slice(i, i + 1000).map((c) => ({ plan_id: plan.id, account_id: c.account_id, reasons: JSON.stringify(reasonsOf(c, valid.reasons)), phase: 'reverification_requested', phase_at: now, requested_at: null, verify_by: verifyBy })))
        .execute();
    }
    await core.jobs.send(REQUEST_QUEUE, { planId: plan.id }, { trx });
    return { preview, planId: plan.id, accounts: take.length };
  });
  if (result.planId && !background(result.accounts!)) await sendRequests(core, result.planId);
  return { dryRun: false, preview: result.preview, plan: result.planId ? await loadPlan(core.db, result.planId) : null };
}

/**
 * Sends the re-verification requests of a plan's accounts that have none yet, `REQUEST_CHUNK` a
 * transaction: the age record's event (status pending_verification), webhook
 * `youth.reverification_requested` with the date it is due by, audit, and the account's phase job.
 * Safe to run twice at once (a chunk's rows are locked, others skip them) or again after a crash.
 */
async function sendRequests(core: EngineCore, planId: string): Promise<number> {
  let sent = 0;
  for (;;) {
    const n = await core.db.transaction().execute(async (trx) => {
      const plan = await trx.selectFrom('youth_deactivation_plans').select(['created_by', 'settings']).where('id', '=', planId).executeTakeFirst();
      if (!plan) return 0;
      const settings = plan.settings as unknown as PlanSettings;
      const { rows } = await sql<{ id: string; account_id: string; reasons: DeactivationReason[]; external_id: string }>`
        SELECT d.id, d.account_id, d.reasons, a.external_id FROM youth_deactivation_accounts d JOIN accounts a ON a.id = d.account_id
        WHERE d.plan_id = ${planId} AND d.requested_at IS NULL AND d.phase = 'reverification_requested'
        ORDER BY d.id LIMIT ${REQUEST_CHUNK} FOR UPDATE OF d SKIP LOCKED`.execute(trx);
      const now = new Date();
      const verifyBy = new Date(now.getTime() + settings.verificationDays * DAY_MS);
      for (const e of rows) {
        await trx.updateTable('youth_deactivation_accounts').set({ requested_at: now, phase_at: now, verify_by: verifyBy }).where('id', '=', e.id).execute();
        await requestVerification(trx, e.account_id, { actor: plan.created_by, reason: `Under-16 deactivation programme (plan ${planId}): ${e.reasons.join(', ')}.` });
        await emitEvent(trx, core.jobs, 'youth.reverification_requested', { ...eventData({ planId, externalId: e.external_id, reasons: e.reasons }), verifyBy: verifyBy.toISOString() });
        await appendAudit(trx, { actor: plan.created_by, action: 'youth.deactivation.reverification_requested', subjectType: 'account', subjectId: e.account_id, data: { planId, entryId: e.id, reasons: e.reasons, verifyBy: verifyBy.toISOString() } });
        await core.jobs.send(PHASE_QUEUE, { entryId: e.id }, { trx, startAfter: verifyBy });
      }
      return rows.length;
    });
    sent += n;
    if (n === 0) return sent;
  }
}

/**
 * An account's phase job: when its re-verification is overdue (no verified age at or over the
 * minimum came), the transition notice with its deactivation date and the data-export offer; when
 * the notice has run out, the deactivation. Idempotent and safe to run early or twice: it acts only
 * on a phase that is due, and a job that comes early is sent again for when it is.
 */
async function advance(core: EngineCore, entryId: string, actor: Actor = 'system'): Promise<void> {
  const next = await core.db.transaction().execute(async (trx) => {
    const e = await trx
      .selectFrom('youth_deactivation_accounts as d')
      .innerJoin('youth_deactivation_plans as p', 'p.id', 'd.plan_id')
      .innerJoin('accounts as a', 'a.id', 'd.account_id')
      .select(['d.id', 'd.plan_id', 'd.account_id', 'd.reasons', 'd.phase', 'd.requested_at', 'd.verify_by', 'd.deactivate_on', 'p.settings', 'a.external_id'])
      .where('d.id', '=', entryId)
      .forUpdate('d')
      .executeTakeFirst();
    // Not requested yet: its request (sendRequests) sends its phase job.
    if (!e || e.requested_at === null) return null;
    const now = new Date();
    const settings = e.settings as unknown as PlanSettings;
    const data = eventData({ planId: e.plan_id, externalId: e.external_id, reasons: e.reasons as DeactivationReason[] });
    if (e.phase === 'reverification_requested') {
      if (now < e.verify_by) return e.verify_by;
      // A verification that came without its hook (e.g. before this plan took the account) still clears it.
      const record = await ageOf(trx, e.account_id);
      if (record && clearsAccount(record, settings.minimumAge)) {
        await clear(trx, core, e.id, actor, 'verified_before_notice');
        return null;
      }
      const deactivateOn = new Date(now.getTime() + settings.noticeDays * DAY_MS);
      await trx.updateTable('youth_deactivation_accounts').set({ phase: 'transition_notice', phase_at: now, notice_at: now, deactivate_on: deactivateOn }).where('id', '=', e.id).execute();
      await emitEvent(trx, core.jobs, 'youth.transition_notice', {
        ...data,
        deactivateOn: deactivateOn.toISOString(),
        // The platform offers the user their data (a download) until the account is deactivated.
        dataExport: { offered: true, availableUntil: deactivateOn.toISOString() },
      });
      await appendAudit(trx, { actor, action: 'youth.deactivation.transition_notice', subjectType: 'account', subjectId: e.account_id, data: { planId: e.plan_id, entryId: e.id, deactivateOn: deactivateOn.toISOString() } });
      return deactivateOn;
    }
    if (e.phase === 'transition_notice') {
      if (now < e.deactivate_on!) return e.deactivate_on!;
      await trx.updateTable('youth_deactivation_accounts').set({ phase: 'deactivated', phase_at: now, deactivated_at: now }).where('id', '=', e.id).execute();
      await markDeactivated(trx, e.account_id, { actor, reason: `Under-16 deactivation programme (plan ${e.plan_id}): no verification at or over ${settings.minimumAge} by ${e.deactivate_on!.toISOString()}.` });
      await emitEvent(trx, core.jobs, 'youth.deactivated', { ...data, deactivatedAt: now.toISOString() });
      await appendAudit(trx, { actor, action: 'youth.deactivation.deactivated', subjectType: 'account', subjectId: e.account_id, data: { planId: e.plan_id, entryId: e.id } });
      return null;
    }
    return null;
  });
  if (next) await core.jobs.send(PHASE_QUEUE, { entryId }, { startAfter: next, singletonKey: `${entryId}:${next.toISOString()}` });
}

/** Clears an account held by the programme (in `trx`, locked by the caller or here): webhook `youth.cleared`, audited. */
async function clear(trx: Db, core: EngineCore, entryId: string, actor: Actor, why: string): Promise<void> {
  const e = await trx
    .selectFrom('youth_deactivation_accounts as d')
    .innerJoin('accounts as a', 'a.id', 'd.account_id')
    .select(['d.id', 'd.plan_id', 'd.account_id', 'd.reasons', 'd.phase', 'a.external_id'])
    .where('d.id', '=', entryId)
    .forUpdate('d')
    .executeTakeFirst();
  if (!e || e.phase === 'cleared') return;
  const now = new Date();
  await trx.updateTable('youth_deactivation_accounts').set({ phase: 'cleared', phase_at: now, cleared_at: now, cleared_from: e.phase }).where('id', '=', e.id).execute();
  await emitEvent(trx, core.jobs, 'youth.cleared', { ...eventData({ planId: e.plan_id, externalId: e.external_id, reasons: e.reasons as DeactivationReason[] }), clearedFrom: e.phase, clearedAt: now.toISOString() });
  await appendAudit(trx, { actor, action: 'youth.deactivation.cleared', subjectType: 'account', subjectId: e.account_id, data: { planId: e.plan_id, entryId: e.id, clearedFrom: e.phase, why } });
}

async function listAccounts(db: Db, query: unknown): Promise<{ accounts: ProgrammeAccount[]; nextCursor: string | null }> {
  const q = parseInput(accountListSchema, query);
  let s = db
    .selectFrom('youth_deactivation_accounts as d')
    .innerJoin('accounts as a', 'a.id', 'd.account_id')
    .selectAll('d')
    .select('a.external_id');
  if (q.phase) s = s.where('d.phase', '=', q.phase);
  if (q.plan) s = s.where('d.plan_id', '=', q.plan);
  if (q.cursor) {
    const c = q.cursor;
    s = s.where(sql<boolean>`(d.phase_at, d.id) < (SELECT phase_at, id FROM youth_deactivation_accounts WHERE id = ${c})`);
  }
  const rows = await s.orderBy('d.phase_at', 'desc').orderBy('d.id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return {
    accounts: page.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      accountId: r.account_id,
      externalId: r.external_id,
      reasons: r.reasons as DeactivationReason[],
      phase: r.phase as DeactivationPhase,
      phaseAt: iso(r.phase_at)!,
      requestedAt: iso(r.requested_at),
      verifyBy: iso(r.verify_by)!,
      noticeAt: iso(r.notice_at),
      deactivateOn: iso(r.deactivate_on),
      deactivatedAt: iso(r.deactivated_at),
      clearedAt: iso(r.cleared_at),
      clearedFrom: r.cleared_from as DeactivationPhase | null,
    })),
    nextCursor: rows.length > q.limit ? page.at(-1)!.id : null,
  };
}

async function summary(db: Db): Promise<DeactivationSummary> {
  const phases = zeroPhases();
  for (const r of await db.selectFrom('youth_deactivation_accounts').select(['phase', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('phase').execute()) phases[r.phase as DeactivationPhase] = Number(r.n);
  const clearedFrom = { reverification_requested: 0, transition_notice: 0, deactivated: 0 };
  for (const r of await db.selectFrom('youth_deactivation_accounts').select(['cleared_from', (eb) => eb.fn.countAll<string>().as('n')]).where('phase', '=', 'cleared').groupBy('cleared_from').execute()) {
    if (r.cleared_from && r.cleared_from in clearedFrom) clearedFrom[r.cleared_from as keyof typeof clearedFrom] = Number(r.n);
  }
  const reasons = zeroReasons();
  const { rows } = await sql<{ reason: string; n: string }>`SELECT r.reason, count(*) AS n FROM youth_deactivation_accounts d, jsonb_array_elements_text(d.reasons) AS r(reason) GROUP BY r.reason`.execute(db);
  for (const r of rows) if (r.reason in reasons) reasons[r.reason as DeactivationReason] = Number(r.n);
  const plans = await db.selectFrom('youth_deactivation_plans').select([(eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.min('created_at').as('first')]).executeTakeFirstOrThrow();
  return {
    asOf: new Date().toISOString(),
    plans: Number(plans.n),
    firstPlanAt: plans.first ? iso(plans.first as Date) : null,
    accounts: Object.values(phases).reduce((a, b) => a + b, 0),
    phases,
    reasons,
    clearedFrom,
    settings: await settingsNow(db),
  };
}

/** Whether an age record clears an account from the programme: verified, and at or over the minimum age. */
function clearsAccount(record: AgeRecord, minimumAge: number): boolean {
  return record.assurance === 'verified' && atLeast(record.band, record.age, minimumAge) === 'yes';
}

/**
 * The under-16 deactivation programme (Permenkomdigi 9/2026; docs/youth.md): plans find the
 * accounts that are or may be under the minimum age and run each through re-verification, a
 * transition notice and deactivation — phases moved on by jobs, so a restart resumes them — or
 * clear it when a verification shows it at or over the minimum age.
 */
export function createDeactivation(core: EngineCore, age: Pick<AgeApi, 'hooks'>): DeactivationApi {
  core.jobs.define<{ entryId: string }>({ name: PHASE_QUEUE, handler: (data) => advance(core, data.entryId), retryLimit: 10, retryDelay: 5 });
  core.jobs.define<{ planId: string }>({ name: REQUEST_QUEUE, handler: async (data) => void (await sendRequests(core, data.planId)), retryLimit: 10, retryDelay: 5, expireInSeconds: 3600 });
  // A verification at or over the minimum age clears the account, in whichever phase it is held.
  age.hooks.changed.push(async (trx, change) => {
    if (!change.after || change.after.assurance !== 'verified') return;
    const entry = await trx.selectFrom('youth_deactivation_accounts').select(['id', 'plan_id']).where('account_id', '=', change.accountId).where('phase', 'in', HELD).executeTakeFirst();
    if (!entry) return;
    const plan = await trx.selectFrom('youth_deactivation_plans').select('settings').where('id', '=', entry.plan_id).executeTakeFirstOrThrow();
    if (!clearsAccount(change.after, (plan.settings as unknown as PlanSettings).minimumAge)) return;
    await clear(trx, core, entry.id, change.actor, 'verified');
  });
  return {
    plan: (input, actor, options = {}) =>
      startPlan(core, input, actor, (accounts) => (options.background === 'large' ? accounts > INLINE_REQUESTS : options.background === true)),
    async plans(query) {
      const q = parseInput(planListSchema, query);
      const rows = (await core.db.selectFrom('youth_deactivation_plans').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute()) as PlanRow[];
      const counts = await phaseCounts(
        core.db,
        rows.map((r) => r.id),
      );
      const names = await namesOf(
        core.db,
        rows.map((r) => r.created_by),
      );
      const pending = await pendingCounts(
        core.db,
        rows.map((r) => r.id),
      );
      return { plans: rows.map((r) => toPlan(r, counts.get(r.id)!, names, pending.get(r.id) ?? 0)) };
    },
    get: (id) => loadPlan(core.db, id),
    accounts: (query) => listAccounts(core.db, query),
    summary: () => summary(core.db),
    async advanceDue() {
      const now = new Date();
      const due = await core.db
        .selectFrom('youth_deactivation_accounts')
        .select('id')
        .where((eb) => eb.or([eb.and([eb('phase', '=', 'reverification_requested'), eb('requested_at', 'is not', null), eb('verify_by', '<=', now)]), eb.and([eb('phase', '=', 'transition_notice'), eb('deactivate_on', '<=', now)])]))
        .execute();
      let moved = 0;
      for (const d of due) if (await advanceOnce(d.id)) moved++;
      return moved;
    },
  };
  /** One step of an account, whatever its phase (advanceDue): true when it moved. */
  async function advanceOnce(entryId: string): Promise<boolean> {
    const before = await core.db.selectFrom('youth_deactivation_accounts').select('phase').where('id', '=', entryId).executeTakeFirst();
    await advance(core, entryId);
    const after = await core.db.selectFrom('youth_deactivation_accounts').select('phase').where('id', '=', entryId).executeTakeFirst();
    return before?.phase !== after?.phase;
  }
}

