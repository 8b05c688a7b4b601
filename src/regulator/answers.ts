/**
 * The platform's answers to the regulator (docs/regulator.md): a clarification (objection,
 * *sanggah*) per order target, the regulator's warning letters ST1–ST3 recorded against an order
 * (each level needs the one before), the ST2 commitment letter, and a ledger of the fines the
 * letters impose, in whole rupiah.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { can } from '../access/roles.js';
import type { Principal } from '../access/auth.js';
import { appendAudit } from '../audit/log.js';
import type { EngineCore } from '../core.js';
import type { Db } from '../db/connect.js';
import { notFound, SaringError } from '../errors/errors.js';
import { parseInput } from '../shared/validate.js';
import { emitEvent } from '../webhooks/webhooks.js';

export const CLARIFICATION_REASONS = ['invalid_link', 'wrong_screenshot', 'not_prohibited', 'other'] as const;
export type ClarificationReason = (typeof CLARIFICATION_REASONS)[number];
export const WARNING_LEVELS = [1, 2, 3] as const;

const uploadId = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'an upload id (POST /v1/uploads) is 64 hex digits')
  .transform((h) => h.toLowerCase());
/** A calendar date, as on a letter: YYYY-MM-DD, a real day, not after today (with a day's slack for time zones). */
const letterDate = z.iso.date().superRefine((d, ctx) => {
  if (new Date(`${d}T00:00:00Z`).getTime() > Date.now() + 24 * 3_600_000) ctx.addIssue({ code: 'custom', message: `${d} is in the future`, params: { code: 'time_in_future' } });
});

export const clarificationSchema = z
  .object({
    reason: z.enum(CLARIFICATION_REASONS),
    text: z.string().trim().min(1).max(20_000),
    /** Upload ids (`POST /v1/uploads`) of the evidence. */
    evidence: z.array(uploadId).max(50).default([]),
  })
  .strict();

/** IDR, whole rupiah, more than zero. */
const amountIdr = z
  .number()
  .int('whole rupiah')
  .superRefine((n, ctx) => {
    if (n <= 0 || n > Number.MAX_SAFE_INTEGER) ctx.addIssue({ code: 'custom', message: `amountIdr ${n}: a fine is more than 0 and at most ${Number.MAX_SAFE_INTEGER} rupiah`, params: { code: 'invalid_amount' } });
  });

export const warningSchema = z
  .object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    letterDate,
    letterNumber: z.string().trim().min(1).max(200),
    /** Upload id of the letter's scan. */
    file: uploadId.optional(),
    /** Fines the letter imposes (IDR). */
    fines: z.array(z.object({ amountIdr, note: z.string().trim().min(1).max(2000).optional() }).strict()).max(20).default([]),
  })
  .strict();

export const commitmentSchema = z.object({ date: letterDate, reference: z.string().trim().min(1).max(200), file: uploadId.optional() }).strict();

export const fineTotalsSchema = z
  .object({
    /** Period by the letters' dates, inclusive. */
    from: z.iso.date(),
    to: z.iso.date(),
    /** Only for those who see every organisation's orders. */
    organisation: z.string().min(1).max(200).optional(),
  })
  .strict();

export interface Clarification {
  id: string;
  targetId: string;
  reason: ClarificationReason;
  text: string;
  evidence: string[];
  /** The target's status when it was filed (`pending` targets become `clarified`). */
  targetStatus: string;
  createdBy: string;
  createdAt: string;
}

export interface Fine {
  id: string;
  warningId: string;
  amountIdr: number;
  imposedOn: string;
  note: string | null;
}

export interface Warning {
  id: string;
  orderId: string;
  level: 1 | 2 | 3;
  letterDate: string;
  letterNumber: string;
  file: string | null;
  /** ST2's commitment letter (null: not recorded yet, or not ST2). */
  commitment: { date: string; reference: string; file: string | null } | null;
  fines: Fine[];
  createdBy: string;
  createdAt: string;
}

export interface FineTotals {
  from: string;
  to: string;
  totalIdr: number;
  count: number;
  byOrganisation: { organisation: string; totalIdr: number; count: number }[];
  byLevel: { level: number; totalIdr: number; count: number }[];
}

export interface AnswerDeps {
  uploadFile?(upload: string): Promise<{ mimeType: string }>;
}

type Scope = { all: true } | { all: false; org: string | null };
const scopeOf = (p: Principal): Scope => (can(p.user.role, 'content:read') ? { all: true } : { all: false, org: p.user.org });
const uuid = z.uuid();

/** The order if the principal sees it; else 404 (another organisation's order is not revealed). */
async function visibleOrder(db: Db, orderId: string, principal: Principal, lock = false): Promise<{ id: string; organisation: string; order_number: string }> {
  let q = db.selectFrom('regulator_orders').select(['id', 'organisation', 'order_number']).where('id', '=', uuid.safeParse(orderId).success ? orderId : '00000000-0000-0000-0000-000000000000');
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  const scope = scopeOf(principal);
  if (!row || !(scope.all || scope.org === row.organisation)) throw notFound('Order', orderId);
  return row;
}

async function checkUploads(deps: AnswerDeps, uploads: string[]): Promise<void> {
  for (const upload of uploads) {
    if (!deps.uploadFile) throw new SaringError('invalid_state', 'This engine takes no uploads.');
    await deps.uploadFile(upload);
  }
}

type ClarRow = { id: string; target_id: string; reason: string; text: string; evidence: string[]; target_status: string; created_by: string; created_at: Date | string };
export const toClarification = (r: ClarRow): Clarification => ({
  id: r.id,
  targetId: r.target_id,
  reason: r.reason as ClarificationReason,
  text: r.text,
  evidence: r.evidence,
  targetStatus: r.target_status,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The clarifications of an order's targets, by target id. */
export async function clarificationsOf(db: Db, orderId: string): Promise<Map<string, Clarification>> {
  const rows = (await db.selectFrom('regulator_clarifications').selectAll().where('order_id', '=', orderId).execute()) as ClarRow[];
  return new Map(rows.map((r) => [r.target_id, toClarification(r)]));
}

const summaryOf = (o: { id: string; organisation: string; order_number: string }) => ({ id: o.id, organisation: o.organisation, orderNumber: o.order_number });

async function clarify(core: EngineCore, deps: AnswerDeps, orderId: string, targetId: string, input: unknown, principal: Principal): Promise<Clarification> {
  const valid = parseInput(clarificationSchema, input);
  await visibleOrder(core.db, orderId, principal);
  await checkUploads(deps, valid.evidence);
  return core.db.transaction().execute(async (trx) => {
    const order = await visibleOrder(trx, orderId, principal, true);
    const target = uuid.safeParse(targetId).success
      ? await trx.selectFrom('regulator_order_targets').select(['id', 'status']).where('id', '=', targetId).where('order_id', '=', order.id).forUpdate().executeTakeFirst()
      : undefined;
    if (!target) throw notFound('Order target', targetId);
    const existing = await trx.selectFrom('regulator_clarifications').select('id').where('target_id', '=', target.id).executeTakeFirst();
    if (existing) throw new SaringError('conflict', `Target ${target.id} already has a clarification (${existing.id}).`);
    const row = (await trx
      .insertInto('regulator_clarifications')
      .values({ order_id: order.id, target_id: target.id, reason: valid.reason, text: valid.text, evidence: JSON.stringify(valid.evidence), target_status: target.status, created_by: principal.actor })
      .returningAll()
      .executeTakeFirstOrThrow()) as ClarRow;
    // A pending target answered with a clarification counts as answered for the order's clock.
    if (target.status === 'pending') await trx.updateTable('regulator_order_targets').set({ status: 'clarified', handled_at: new Date(row.created_at) }).where('id', '=', target.id).execute();
    const clarification = toClarification(row);
    await appendAudit(trx, {
      actor: principal.actor,
      action: 'order.clarification_filed',
      subjectType: 'regulator_order',
      subjectId: order.id,
      data: { targetId: target.id, clarificationId: row.id, reason: valid.reason, evidence: valid.evidence.length, targetStatus: target.status },
    });
    await emitEvent(trx, core.effects.jobs, 'order.clarification_filed', { order: summaryOf(order), clarification });
    return clarification;
  });
}

async function loadWarnings(db: Db, orderId: string): Promise<Warning[]> {
  const rows = await db
    .selectFrom('regulator_warnings')
    .select([
      'id',
      'order_id',
      'level',
      sql<string>`letter_date::text`.as('letter_date'),
      'letter_number',
      'file',
      sql<string | null>`commitment_date::text`.as('commitment_date'),
      'commitment_reference',
      'commitment_file',
      'created_by',
      'created_at',
    ])
    .where('order_id', '=', orderId)
    .orderBy('level')
    .execute();
  const fines = await db
    .selectFrom('regulator_fines')
    .select(['id', 'warning_id', sql<string>`amount_idr::text`.as('amount'), sql<string>`imposed_on::text`.as('imposed_on'), 'note'])
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    level: Number(r.level) as 1 | 2 | 3,
    letterDate: r.letter_date,
    letterNumber: r.letter_number,
    file: r.file,
    commitment: r.commitment_date && r.commitment_reference ? { date: r.commitment_date, reference: r.commitment_reference, file: r.commitment_file } : null,
    fines: fines.filter((f) => f.warning_id === r.id).map((f) => ({ id: f.id, warningId: f.warning_id, amountIdr: Number(f.amount), imposedOn: f.imposed_on, note: f.note })),
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

async function recordWarning(core: EngineCore, deps: AnswerDeps, orderId: string, input: unknown, principal: Principal): Promise<Warning> {
  const valid = parseInput(warningSchema, input);
  await visibleOrder(core.db, orderId, principal);
  await checkUploads(deps, valid.file ? [valid.file] : []);
  return core.db.transaction().execute(async (trx) => {
    // The order's row is locked, so two letters for one order are recorded one after the other.
    const order = await visibleOrder(trx, orderId, principal, true);
    const levels = (await trx.selectFrom('regulator_warnings').select('level').where('order_id', '=', order.id).execute()).map((r) => Number(r.level));
    if (levels.includes(valid.level)) throw new SaringError('conflict', `ST${valid.level} is already recorded for order ${order.order_number}.`);
    if (valid.level > 1 && !levels.includes(valid.level - 1)) {
      throw new SaringError('warning_out_of_order', `ST${valid.level} needs ST${valid.level - 1} first: order ${order.order_number} has ${levels.length ? levels.map((l) => `ST${l}`).join(', ') : 'no warning'}.`);
    }
    const w = await trx
      .insertInto('regulator_warnings')
      .values({ order_id: order.id, level: valid.level, letter_date: valid.letterDate, letter_number: valid.letterNumber, file: valid.file ?? null, created_by: principal.actor })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [position, f] of valid.fines.entries()) {
      await trx.insertInto('regulator_fines').values({ order_id: order.id, warning_id: w.id, position, amount_idr: String(f.amountIdr), imposed_on: valid.letterDate, note: f.note ?? null, created_by: principal.actor }).execute();
    }
    const warning = (await loadWarnings(trx, order.id)).find((x) => x.id === w.id)!;
    await appendAudit(trx, {
      actor: principal.actor,
      action: 'order.warning_recorded',
      subjectType: 'regulator_order',
      subjectId: order.id,
      data: { warningId: w.id, level: valid.level, letterNumber: valid.letterNumber, letterDate: valid.letterDate, finesIdr: valid.fines.map((f) => f.amountIdr) },
    });
    await emitEvent(trx, core.effects.jobs, 'order.warning_recorded', { order: summaryOf(order), warning });
    return warning;
  });
}

async function recordCommitment(core: EngineCore, deps: AnswerDeps, orderId: string, input: unknown, principal: Principal): Promise<Warning> {
  const valid = parseInput(commitmentSchema, input);
  await visibleOrder(core.db, orderId, principal);
  await checkUploads(deps, valid.file ? [valid.file] : []);
  return core.db.transaction().execute(async (trx) => {
    const order = await visibleOrder(trx, orderId, principal, true);
    const st2 = await trx.selectFrom('regulator_warnings').select(['id', 'commitment_reference']).where('order_id', '=', order.id).where('level', '=', 2).executeTakeFirst();
    if (!st2) throw new SaringError('warning_out_of_order', `A commitment letter answers ST2: order ${order.order_number} has no ST2 recorded.`);
    if (st2.commitment_reference !== null) throw new SaringError('conflict', `The commitment letter for ST2 of order ${order.order_number} is already recorded.`);
    await trx
      .updateTable('regulator_warnings')
      .set({ commitment_date: valid.date, commitment_reference: valid.reference, commitment_file: valid.file ?? null })
      .where('id', '=', st2.id)
      .execute();
    await appendAudit(trx, { actor: principal.actor, action: 'order.commitment_recorded', subjectType: 'regulator_order', subjectId: order.id, data: { warningId: st2.id, ...valid } });
    return (await loadWarnings(trx, order.id)).find((x) => x.id === st2.id)!;
  });
}

async function fineTotals(db: Db, query: unknown, principal: Principal): Promise<FineTotals> {
  const q = parseInput(fineTotalsSchema, query);
  if (q.from > q.to) throw new SaringError('validation_failed', `from ${q.from} is after to ${q.to}.`);
  const scope = scopeOf(principal);
  const empty: FineTotals = { from: q.from, to: q.to, totalIdr: 0, count: 0, byOrganisation: [], byLevel: [] };
  if (!scope.all && scope.org === null) return empty;
  const org = scope.all ? q.organisation : scope.org!;
  let s = db
    .selectFrom('regulator_fines as f')
    .innerJoin('regulator_orders as o', 'o.id', 'f.order_id')
    .innerJoin('regulator_warnings as w', 'w.id', 'f.warning_id')
    .where('f.imposed_on', '>=', q.from)
    .where('f.imposed_on', '<=', q.to);
  if (org) s = s.where('o.organisation', '=', org);
  const rows = await s
    .select(['o.organisation', 'w.level', sql<string>`sum(f.amount_idr)::text`.as('total'), sql<string>`count(*)::text`.as('n')])
    .groupBy(['o.organisation', 'w.level'])
    .orderBy('o.organisation')
    .orderBy('w.level')
    .execute();
  const out = empty;
  const byOrg = new Map<string, { organisation: string; totalIdr: number; count: number }>();
  const byLevel = new Map<number, { level: number; totalIdr: number; count: number }>();
  for (const r of rows) {
    const total = Number(r.total);
    const n = Number(r.n);
    out.totalIdr += total;
    out.count += n;
    const o = byOrg.get(r.organisation) ?? { organisation: r.organisation, totalIdr: 0, count: 0 };
    o.totalIdr += total;
    o.count += n;
    byOrg.set(r.organisation, o);
    const level = Number(r.level);
    const l = byLevel.get(level) ?? { level, totalIdr: 0, count: 0 };
    l.totalIdr += total;
    l.count += n;
    byLevel.set(level, l);
  }
  out.byOrganisation = [...byOrg.values()];
  out.byLevel = [...byLevel.values()].sort((a, b) => a.level - b.level);
  return out;
}

export interface AnswersApi {
  /** Files a clarification (objection) for one target of an order: the platform's senior people and admins. */
  clarify(orderId: string, targetId: string, input: unknown, principal: Principal): Promise<Clarification>;
  /** Records a warning letter (ST1–ST3) received for an order, with the fines it imposes. */
  recordWarning(orderId: string, input: unknown, principal: Principal): Promise<Warning>;
  /** Records the platform's commitment letter answering ST2. */
  recordCommitment(orderId: string, input: unknown, principal: Principal): Promise<Warning>;
  /** An order's warnings with their fines (officers: only their organisation's orders). */
  warnings(orderId: string, principal: Principal): Promise<{ warnings: Warning[] }>;
  /** Fines imposed in a period (by the letters' dates), in total, per organisation and per level. */
  fineTotals(query: unknown, principal: Principal): Promise<FineTotals>;
}

export function createAnswers(core: EngineCore, deps: AnswerDeps = {}): AnswersApi {
  return {
    clarify: (orderId, targetId, input, principal) => clarify(core, deps, orderId, targetId, input, principal),
    recordWarning: (orderId, input, principal) => recordWarning(core, deps, orderId, input, principal),
    recordCommitment: (orderId, input, principal) => recordCommitment(core, deps, orderId, input, principal),
    async warnings(orderId, principal) {
      const order = await visibleOrder(core.db, orderId, principal);
      return { warnings: await loadWarnings(core.db, order.id) };
    },
    fineTotals: (query, principal) => fineTotals(core.db, query, principal),
  };
}
