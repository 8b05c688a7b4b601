import { sql } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../access/auth.js';
import { appendAudit, type Actor } from '../audit/log.js';
import { isCategoryId, type CategoryId } from '../categories/categories.js';
import type { EngineCore } from '../core.js';
import type { Db } from '../db/connect.js';
import type { Decided } from '../decisions/effects.js';
import { SaringError } from '../errors/errors.js';
import { recordDecision } from '../decisions/decisions.js';
import type { OrdersSettings } from '../policy/schema.js';
import { activeOrdersSettings } from '../policy/settings.js';
import { findContent } from '../reports/reports.js';
import { openCase } from '../review/cases.js';
import { parseInput, wholeNumber } from '../shared/validate.js';
import { emitEvent } from '../webhooks/webhooks.js';
import { createAnswers, type AnswersApi } from './answers.js';
import { answerInformation } from './information.js';
import { countsOf, getOrder, isUrgentClock, loadOrder, ORDER_CATEGORIES, ORDER_STATUSES, orderSummary, REQUESTED_ACTIONS, scopeOf, STATE, toOrder, type Order, type OrderTarget, type TargetKind, type Verification } from './orders.js';

// What an order is lives in orders.ts; its names are the regulator channel's too.
export * from './orders.js';

/** Reminders are sent at these shares of an order's time (percent); at 100 a missed deadline is recorded. */
export const REMINDER_PERCENTS = [50, 80, 100] as const;
export const MAX_TARGETS = 10_000;
export const MAX_VERIFY = 1_000;
export const CLOCK_QUEUE = 'regulator.clock';
/** How far ahead of this server's clock a letter's date may be (clock skew) before it is refused. */
const SKEW_MS = 5 * 60_000;


const urlSchema = z.url({ protocol: /^https?$/ }).max(2048);
const uuidSchema = z.uuid();
const externalIdSchema = z.string().min(1).max(256);

/** One target as given: exactly one of `url`, `contentId`, `externalId`. Null when it is none of them. */
function parseTarget(t: unknown): { kind: TargetKind; value: string } | null {
  if (typeof t !== 'object' || t === null || Array.isArray(t)) return null;
  const keys = Object.keys(t);
  if (keys.length !== 1) return null;
  const kind = keys[0] as TargetKind;
  const value = (t as Record<string, unknown>)[kind];
  const schema = kind === 'url' ? urlSchema : kind === 'contentId' ? uuidSchema : kind === 'externalId' ? externalIdSchema : null;
  if (!schema || !schema.safeParse(value).success) return null;
  return { kind, value: kind === 'contentId' ? (value as string).toLowerCase() : (value as string) };
}

/** The targets' shape for the API's documentation (the checks below give each mistake its own code). */
const TARGET_ITEMS = {
  oneOf: [
    { type: 'object', properties: { url: { type: 'string', format: 'uri', maxLength: 2048 } }, required: ['url'], additionalProperties: false },
    { type: 'object', properties: { contentId: { type: 'string', format: 'uuid' } }, required: ['contentId'], additionalProperties: false },
    { type: 'object', properties: { externalId: { type: 'string', minLength: 1, maxLength: 256 } }, required: ['externalId'], additionalProperties: false },
  ],
};

/** Each check names its own error code, so a client can tell what is wrong; nothing is stored when one fails. */
const targetsSchema = (max: number, tooMany: 'too_many_targets') =>
  z.array(z.unknown()).superRefine((targets, ctx) => {
    if (targets.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'give at least one target', params: { code: 'invalid_target' } });
      return;
    }
    if (targets.length > max) {
      ctx.addIssue({ code: 'custom', message: `at most ${max} targets (${targets.length} given)`, params: { code: tooMany } });
      return;
    }
    const seen = new Map<string, number>();
    for (let i = 0; i < targets.length; i++) {
      const t = parseTarget(targets[i]);
      if (!t) {
        ctx.addIssue({ code: 'custom', path: [i], message: 'a target is exactly one of { url } (http or https), { contentId } (a uuid) or { externalId }', params: { code: 'invalid_target' } });
        return;
      }
      const key = `${t.kind}\u0000${t.value}`;
      const before = seen.get(key);
      if (before !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i], message: `the same target as targets[${before}]`, params: { code: 'duplicate_target' } });
        return;
      }
      seen.set(key, i);
    }
  });

/** An authority's takedown order (Permenkominfo 5/2020 Art. 15–16: letter, legal analysis, URLs or ids, screenshots). */
export const orderSchema = z
  .object({
    /** The letter's number: with the organisation, it identifies the order (the same number again is the same order). */
    orderNumber: z.string().trim().min(1).max(200),
    category: z.string().superRefine((c, ctx) => {
      if (!(ORDER_CATEGORIES as readonly string[]).includes(c)) {
        ctx.addIssue({ code: 'custom', message: `unknown category ${JSON.stringify(c.slice(0, 64))}: one of ${ORDER_CATEGORIES.join(', ')}`, params: { code: 'unknown_category' } });
      }
    }),
    urgent: z.boolean().default(false),
    legalBasis: z.string().trim().min(1).max(2000),
    legalAnalysis: z.string().trim().min(1).max(20_000).optional(),
    /** `remove`: a takedown order; `information`: a request for information (who uploaded, when), answered with POST …/information. */
    requestedAction: z.enum(REQUESTED_ACTIONS).default('remove'),
    /** The letter's text or reference. */
    letter: z.string().trim().min(1).max(20_000).optional(),
    /** When the letter was issued (not when it was received: the clock runs from receipt). Not in the future. */
    issuedAt: z.iso
      .datetime({ offset: true })
      .superRefine((d, ctx) => {
        if (new Date(d).getTime() > Date.now() + SKEW_MS) ctx.addIssue({ code: 'custom', message: `issuedAt ${d} is in the future`, params: { code: 'time_in_future' } });
      })
      .optional(),
    targets: targetsSchema(MAX_TARGETS, 'too_many_targets').meta({ description: `1 to ${MAX_TARGETS} of { url } | { contentId } | { externalId }`, items: TARGET_ITEMS }),
    /** Upload ids (`POST /v1/uploads`) of screenshots. */
    screenshots: z
      .array(z.string().regex(/^[0-9a-fA-F]{64}$/, 'an upload id (POST /v1/uploads) is 64 hex digits').transform((h) => h.toLowerCase()))
      .max(50)
      .default([]),
  })
  .strict();
export type OrderInput = z.input<typeof orderSchema>;

export const orderListSchema = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    /** Only for those who see every organisation's orders. */
    organisation: z.string().min(1).max(200).optional(),
    cursor: z.uuid().optional(),
    limit: wholeNumber(1, 500).default(50),
  })
  .strict();

export const verifySchema = z.object({ targets: targetsSchema(MAX_VERIFY, 'too_many_targets').meta({ description: `1 to ${MAX_VERIFY} of { url } | { contentId } | { externalId }`, items: TARGET_ITEMS }) }).strict();

export const liaisonSchema = z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(320) }).strict();


export interface Liaison {
  organisation: string;
  name: string;
  email: string;
  updatedBy: string;
  updatedAt: string;
}


/** The regulator part of the engine (docs/regulator.md). Each call is made as a principal: officers see only their organisation's orders. */
export interface RegulatorApi extends AnswersApi {
  /** Receives an order; `created: false` when the organisation sent this order number before (the order as stored). */
  submit(input: unknown, principal: Principal): Promise<{ order: Order; created: boolean }>;
  get(id: string, principal: Principal): Promise<Order>;
  list(query: unknown, principal: Principal): Promise<{ orders: Order[]; nextCursor: string | null }>;
  verify(input: unknown, principal: Principal): Promise<{ results: Verification[] }>;
  liaison(organisation: string): Promise<Liaison | null>;
  setLiaison(organisation: string, input: unknown, actor: Actor): Promise<Liaison>;
  /** Answers a request for information (once): what Saring knows of each target, with the platform's note. */
  answerInformation(id: string, input: unknown, principal: Principal): Promise<Order>;
  /**
   * The file of an order's screenshot (by position in `screenshots`), with its MIME type. Read
   * through `get`, so an order of another organisation is `not_found` like a missing one.
   */
  screenshot(id: string, index: number, principal: Principal): Promise<{ path: string; bytes: number; mimeType: string }>;
}

export interface RegulatorDeps {
  /** A stored upload (screenshots): its file and MIME type. */
  uploadFile?(upload: string): Promise<{ path: string; bytes: number; mimeType: string }>;
}

async function listOrders(db: Db, query: unknown, principal: Principal): Promise<{ orders: Order[]; nextCursor: string | null }> {
  const q = parseInput(orderListSchema, query);
  const scope = scopeOf(principal);
  if (!scope.all && scope.org === null) return { orders: [], nextCursor: null };
  let s = db.selectFrom('regulator_orders').selectAll();
  if (!scope.all) s = s.where('organisation', '=', scope.org!);
  else if (q.organisation) s = s.where('organisation', '=', q.organisation);
  if (q.status) {
    const pending = sql<boolean>`EXISTS (SELECT 1 FROM regulator_order_targets t WHERE t.order_id = regulator_orders.id AND t.status = 'pending')`;
    const handled = sql<boolean>`EXISTS (SELECT 1 FROM regulator_order_targets t WHERE t.order_id = regulator_orders.id AND t.status <> 'pending')`;
    if (q.status === 'completed') s = s.where(sql<boolean>`NOT ${pending}`);
    else if (q.status === 'overdue') s = s.where(pending).where('due_at', '<', new Date());
    else s = s.where(pending).where('due_at', '>=', new Date()).where(q.status === 'in_progress' ? handled : sql<boolean>`NOT ${handled}`);
  }
  if (q.cursor) {
    const c = q.cursor;
    s = s.where(sql<boolean>`(received_at, id) < (SELECT received_at, id FROM regulator_orders WHERE id = ${c})`);
  }
  const rows = await s.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const counts = await countsOf(
    db,
    page.map((r) => r.id),
  );
  return { orders: page.map((r) => toOrder(r, counts.get(r.id)!)), nextCursor: rows.length > q.limit ? page.at(-1)!.id : null };
}

/** The targets as checked by the schema, typed. */
const targetsOf = (targets: unknown[]) => targets.map((t) => parseTarget(t)!);
const refOf = (t: { kind: TargetKind; value: string }) => (t.kind === 'url' ? { url: t.value } : t.kind === 'contentId' ? { id: t.value } : { externalId: t.value });

/** Tells the organisation's liaison (if one is set) by e-mail: a row in the outbox an operator's mailer reads. */
async function mailLiaison(trx: Db, organisation: string, kind: string, ref: string, subject: string, body: string): Promise<boolean> {
  const liaison = await trx.selectFrom('regulator_liaisons').selectAll().where('organisation', '=', organisation).executeTakeFirst();
  if (!liaison) return false;
  await trx.insertInto('mail_outbox').values({ to_address: liaison.email, to_name: liaison.name, subject, body, kind, ref }).execute();
  return true;
}

/** Hours as a letter writes them: 4, 24, 0.5. */
const hoursText = (seconds: number) => String(Math.round((seconds / 3600) * 100) / 100);


async function submitOrder(core: EngineCore, deps: RegulatorDeps, input: unknown, principal: Principal): Promise<{ order: Order; created: boolean }> {
  const organisation = principal.user.org;
  if (!organisation) throw new SaringError('organisation_required', 'Orders are sent by a person or key of an organisation: this one has none (saring user add --org ORG).');
  const valid = parseInput(orderSchema, input);
  const { db } = core;
  const existing = await db.selectFrom('regulator_orders').select('id').where('organisation', '=', organisation).where('order_number', '=', valid.orderNumber).executeTakeFirst();
  if (existing) return { order: (await loadOrder(db, existing.id))!, created: false };
  for (const upload of valid.screenshots) {
    if (!deps.uploadFile) throw new SaringError('invalid_state', 'This engine takes no uploads.');
    const file = await deps.uploadFile(upload);
    if (!file.mimeType.startsWith('image/')) throw new SaringError('validation_failed', `screenshots: upload ${upload} is ${file.mimeType}, not an image.`);
  }
  const targets = targetsOf(valid.targets);
  const actor = principal.actor;

  const result = await db.transaction().execute(async (trx) => {
    // The clock is the policy's in force now, kept with the order: a later change does not move it.
    const { orders: settings, policyVersion } = await activeOrdersSettings(trx);
    const urgentClock = isUrgentClock(valid.category, valid.urgent, settings.urgentCategories);
    const clock = core.config.orderClockSeconds ?? { standard: settings.hours.standard * 3600, urgent: settings.hours.urgent * 3600 };
    const receivedAt = new Date();
    const seconds = Math.round(urgentClock ? clock.urgent : clock.standard);
    const dueAt = new Date(receivedAt.getTime() + seconds * 1000);
    const inserted = await trx
      .insertInto('regulator_orders')
      .values({
        organisation,
        order_number: valid.orderNumber,
        category: valid.category,
        urgent: valid.urgent,
        legal_basis: valid.legalBasis,
        legal_analysis: valid.legalAnalysis ?? null,
        requested_action: valid.requestedAction,
        letter: valid.letter ?? null,
        screenshots: JSON.stringify(valid.screenshots),
        issued_at: valid.issuedAt ?? null,
        received_at: receivedAt,
        due_at: dueAt,
        urgent_clock: urgentClock,
        clock_seconds: seconds,
        policy_version: policyVersion,
        created_by: actor,
      })
      .onConflict((oc) => oc.columns(['organisation', 'order_number']).doNothing())
      .returning('id')
      .executeTakeFirst();
    // Sent twice at once: the other request stored it first.
    if (!inserted) return null;
    const orderId = inserted.id;
    const category = isCategoryId(valid.category) ? valid.category : null;
    const automatic = isAutomatic(settings, organisation, valid);
    // Content to remove at once (automatic), each with its targets (a URL and an id may name the same item).
    const toRemove = new Map<string, number[]>();
    const rows: { order_id: string; position: number; kind: string; value: string; content_id: string | null; case_id: string | null; status: string; decision_id: string | null; handled_at: Date | null; proof: string | null }[] = [];
    for (const [position, t] of targets.entries()) {
      const found = await findContent(trx, refOf(t));
      const base = { order_id: orderId, position, kind: t.kind, value: t.value };
      if (!found) {
        rows.push({ ...base, content_id: null, case_id: null, status: 'not_found', decision_id: null, handled_at: receivedAt, proof: null });
        continue;
      }
      // A request for information asks about the item whatever its state: it waits for the answer.
      if (valid.requestedAction === 'information') {
        rows.push({ ...base, content_id: found.id, case_id: null, status: 'pending', decision_id: null, handled_at: null, proof: null });
        continue;
      }
      // The content row first (the order decisions lock in), so no decision slips in between.
      const content = await trx.selectFrom('content_items').select(['id', 'status']).where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
      if (content.status === 'removed') {
        const decision = await trx.selectFrom('decisions').select(['id', 'created_at', 'action', 'actor_type']).where('content_id', '=', content.id).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
        const proof = decision ? await proofOf(trx, { id: decision.id, createdAt: decision.created_at, action: decision.action, actorType: decision.actor_type }) : null;
        rows.push({ ...base, content_id: content.id, case_id: null, status: 'already_removed', decision_id: decision?.id ?? null, handled_at: receivedAt, proof: proof ? JSON.stringify(proof) : null });
        continue;
      }
      if (automatic) {
        toRemove.set(content.id, [...(toRemove.get(content.id) ?? []), position]);
        rows.push({ ...base, content_id: content.id, case_id: null, status: 'pending', decision_id: null, handled_at: null, proof: null });
        continue;
      }
      const caseId = await openOrderCase(trx, { contentId: content.id, category, orderId, dueAt, actor });
      rows.push({ ...base, content_id: content.id, case_id: caseId, status: 'pending', decision_id: null, handled_at: null, proof: null });
    }
    for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('regulator_order_targets').values(rows.slice(i, i + 1000)).execute();
    for (const [contentId, positions] of toRemove) {
      await removeAtOnce(core, trx, { orderId, organisation, orderNumber: valid.orderNumber, legalBasis: valid.legalBasis, category, contentId, positions, dueAt, actor });
    }
    for (const percent of REMINDER_PERCENTS) {
      await core.jobs.send(CLOCK_QUEUE, { orderId, percent }, { trx, startAfter: new Date(receivedAt.getTime() + (seconds * 1000 * percent) / 100) });
    }
    const order = (await loadOrder(trx, orderId))!;
    await appendAudit(trx, {
      actor,
      action: 'order.received',
      subjectType: 'regulator_order',
      subjectId: orderId,
      data: { organisation, orderNumber: order.orderNumber, category: order.category, urgent: order.urgentClock, dueAt: order.dueAt, counts: order.counts, automatic, policyVersion },
    });
    await emitEvent(trx, core.effects.jobs, 'order.received', { order: orderSummary(order) });
    await mailLiaison(
      trx,
      organisation,
      'order.received',
      orderId,
      `[Saring] ${valid.requestedAction === 'information' ? 'Permintaan informasi' : 'Perintah'} baru ${order.orderNumber} dari ${organisation} — batas waktu ${order.dueAt}`,
      [
        `Perintah ${order.orderNumber} dari ${organisation} diterima ${order.receivedAt}.`,
        `Kategori: ${order.category} (${order.urgentClock ? 'mendesak: ' : ''}${hoursText(seconds)} jam). Batas waktu: ${order.dueAt}.`,
        `Target: ${targets.length} (${order.counts.pending} menunggu tindakan, ${order.counts.already_removed} sudah dihapus, ${order.counts.not_found} tidak ditemukan).`,
        '',
        `New order ${order.orderNumber} from ${organisation}, received ${order.receivedAt}, due ${order.dueAt}.`,
      ].join('\n'),
    );
    return order;
  });
  if (result) return { order: result, created: true };
  const again = await db.selectFrom('regulator_orders').select('id').where('organisation', '=', organisation).where('order_number', '=', valid.orderNumber).executeTakeFirstOrThrow();
  return { order: (await loadOrder(db, again.id))!, created: false };
}

/** Whether the policy has orders like this one carried out at receipt (never a request for information). */
function isAutomatic(settings: OrdersSettings, organisation: string, order: { category: string; requestedAction: string }): boolean {
  const { categories, organisations } = settings.automatic;
  return order.requestedAction === 'remove' && (categories as readonly string[]).includes(order.category) && (!organisations || organisations.includes(organisation));
}

/** Opens (or joins) the review case of an order's target: queue `regulator`, reason `order`, top priority, the order's deadline. */
async function openOrderCase(trx: Db, input: { contentId: string; category: CategoryId | null; orderId: string; dueAt: Date; actor: Actor }): Promise<string> {
  const { caseId, created } = await openCase(trx, { contentId: input.contentId, reason: 'order', queue: 'regulator', category: input.category, policyPriority: 'urgent', ref: input.orderId, actor: input.actor });
  // The case's deadline is the order's (or an earlier order's, when one targets the same content).
  await trx
    .updateTable('review_cases')
    .set({ due_at: created ? input.dueAt : sql<Date>`LEAST(due_at, ${input.dueAt})` })
    .where('id', '=', caseId)
    .execute();
  return caseId;
}

/** How the audit log and the decisions name an order that acts by itself. */
export const orderActor = (orderId: string): Actor => `regulator_order:${orderId}`;

/**
 * Carries out an order at receipt where the policy allows it: the content is removed through the one
 * decision path (statement source `regulator_order`, the order as actor; its media banked with
 * provenance `regulator_order`, so it cannot come back), and the `decided` hook marks the targets
 * `taken_down` with the proof. In a savepoint: when the removal fails, the targets stay `pending`
 * with a review case, as if the policy did not allow it — never lost.
 */
async function removeAtOnce(
  core: EngineCore,
  trx: Db,
  input: { orderId: string; organisation: string; orderNumber: string; legalBasis: string; category: CategoryId | null; contentId: string; positions: number[]; dueAt: Date; actor: Actor },
): Promise<void> {
  const ref = `${input.organisation} ${input.orderNumber}`;
  await sql`SAVEPOINT regulator_automatic`.execute(trx);
  try {
    await recordDecision(
      trx,
      core.effects,
      {
        contentId: input.contentId,
        actorType: 'regulator_order',
        action: 'remove',
        category: input.category,
        evidence: [],
        automatedDetection: false,
        reason: { id: `Dihapus atas perintah ${ref} (${input.legalBasis}).`, en: `Removed on the order ${ref} (${input.legalBasis}).` },
        bankOrigin: { provenance: 'regulator_order', note: `order ${input.orderId} (${ref})`.slice(0, 2000) },
      },
      orderActor(input.orderId),
    );
    await sql`RELEASE SAVEPOINT regulator_automatic`.execute(trx);
  } catch (err) {
    await sql`ROLLBACK TO SAVEPOINT regulator_automatic`.execute(trx);
    const caseId = await openOrderCase(trx, { contentId: input.contentId, category: input.category, orderId: input.orderId, dueAt: input.dueAt, actor: input.actor });
    await trx.updateTable('regulator_order_targets').set({ case_id: caseId }).where('order_id', '=', input.orderId).where('position', 'in', input.positions).execute();
    await appendAudit(trx, {
      actor: orderActor(input.orderId),
      action: 'order.automatic_failed',
      subjectType: 'regulator_order',
      subjectId: input.orderId,
      data: { contentId: input.contentId, caseId, error: (err as Error).message.slice(0, 500) },
    });
  }
}

/** The proof of a takedown: when, by which decision, and how many of the item's hashes that decision banked. */
async function proofOf(trx: Db, d: { id: string; createdAt: Date | string; action: string; actorType: string }): Promise<NonNullable<OrderTarget['proof']>> {
  const banked = await trx.selectFrom('bank_entries').select((eb) => eb.fn.countAll<string>().as('n')).where('source_ref', '=', d.id).executeTakeFirstOrThrow();
  return { decidedAt: new Date(d.createdAt).toISOString(), decisionId: d.id, action: d.action, actorType: d.actorType, hashesBanked: Number(banked.n) };
}

/**
 * `decided` hook: a removal of content that pending order targets name — through any door: the
 * order's review case, another case, the API — marks those targets `taken_down` with the proof,
 * and the decision's statement of reasons names its source: `regulator_order`.
 */
async function onDecided(trx: Db, event: Decided): Promise<void> {
  const { decision } = event;
  if (decision.action !== 'remove') return;
  // Clarified targets too: the removal answers them after all, and proves it.
  // Takedown orders only: a request for information waits for its answer whatever happens to the item.
  const pending = await trx
    .selectFrom('regulator_order_targets')
    .select(['id', 'order_id'])
    .where('content_id', '=', decision.contentId)
    .where('status', 'in', ['pending', 'clarified'])
    .where('order_id', 'in', trx.selectFrom('regulator_orders').select('id').where('requested_action', '=', 'remove'))
    .forUpdate()
    .execute();
  if (pending.length === 0) return;
  const proof = await proofOf(trx, { id: decision.id, createdAt: decision.createdAt, action: decision.action, actorType: decision.actorType });
  await trx
    .updateTable('regulator_order_targets')
    .set({ status: 'taken_down', decision_id: decision.id, handled_at: new Date(decision.createdAt), proof: JSON.stringify(proof) })
    .where(
      'id',
      'in',
      pending.map((p) => p.id),
    )
    .execute();
  if (decision.statement.source !== 'regulator_order') {
    // Set before the decision's webhook is sent (it runs after the hooks): it carries the source too.
    decision.statement.source = 'regulator_order';
    await trx.updateTable('decisions').set({ statement: JSON.stringify(decision.statement) }).where('id', '=', decision.id).execute();
  }
  for (const orderId of new Set(pending.map((p) => p.order_id))) {
    await appendAudit(trx, {
      actor: event.actor,
      action: 'order.target_taken_down',
      subjectType: 'regulator_order',
      subjectId: orderId,
      data: { contentId: decision.contentId, decisionId: decision.id, targets: pending.filter((p) => p.order_id === orderId).map((p) => p.id), hashesBanked: proof.hashesBanked },
    });
  }
}

/**
 * A clock job: a reminder at 50 %, 80 % or 100 % of an order's time to the liaison (e-mail outbox)
 * and the platform (`order.reminder`) while targets are pending; at 100 % the missed deadline is
 * recorded on the order. Idempotent: a percent is sent once, whatever restarts or retries.
 */
async function runClock(core: EngineCore, data: { orderId: string; percent: number }): Promise<void> {
  await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('regulator_orders').select(['id', 'reminders', 'breached_at']).where('id', '=', data.orderId).forUpdate().executeTakeFirst();
    if (!row || row.reminders.includes(data.percent)) return;
    const order = (await loadOrder(trx, data.orderId))!;
    if (order.counts.pending === 0) return;
    // A reminder that comes late (the engine was down) is left out when a later one is due or sent: that one says more.
    const received = new Date(order.receivedAt).getTime();
    const elapsed = ((Date.now() - received) / (new Date(order.dueAt).getTime() - received)) * 100;
    if (REMINDER_PERCENTS.some((p) => p > data.percent && (row.reminders.includes(p) || elapsed >= p))) return;
    const breached = data.percent >= 100;
    await trx
      .updateTable('regulator_orders')
      .set({ reminders: JSON.stringify([...row.reminders, data.percent].sort((a, b) => a - b)), ...(breached && !row.breached_at ? { breached_at: new Date() } : {}) })
      .where('id', '=', order.id)
      .execute();
    const now = await loadOrder(trx, order.id);
    await emitEvent(trx, core.effects.jobs, 'order.reminder', { order: orderSummary(now!), percent: data.percent, breached });
    const mailed = await mailLiaison(
      trx,
      order.organisation,
      'order.reminder',
      order.id,
      breached
        ? `[Saring] TERLAMBAT: perintah ${order.orderNumber} melewati batas waktu ${order.dueAt}`
        : `[Saring] Pengingat ${data.percent}%: perintah ${order.orderNumber} jatuh tempo ${order.dueAt}`,
      [
        breached
          ? `Batas waktu perintah ${order.orderNumber} (${order.organisation}) telah lewat: ${order.counts.pending} target belum ditindak.`
          : `${data.percent}% waktu perintah ${order.orderNumber} (${order.organisation}) telah berlalu: ${order.counts.pending} target belum ditindak. Batas waktu: ${order.dueAt}.`,
        '',
        breached
          ? `The deadline of order ${order.orderNumber} (${order.organisation}) has passed: ${order.counts.pending} targets not handled.`
          : `${data.percent}% of the time of order ${order.orderNumber} (${order.organisation}) has passed: ${order.counts.pending} targets pending. Due ${order.dueAt}.`,
      ].join('\n'),
    );
    await appendAudit(trx, {
      actor: 'system',
      action: breached ? 'order.breached' : 'order.reminder',
      subjectType: 'regulator_order',
      subjectId: order.id,
      data: { percent: data.percent, pending: order.counts.pending, dueAt: order.dueAt, mailed },
    });
  });
}


/**
 * The current state of each target: officers only of the targets of their organisation's orders
 * (the others are `unknown`, as if Saring did not know them); everyone else of anything.
 */
async function verify(db: Db, input: unknown, principal: Principal): Promise<{ results: Verification[] }> {
  const valid = parseInput(verifySchema, input);
  const scope = scopeOf(principal);
  const results: Verification[] = [];
  for (const t of targetsOf(valid.targets)) {
    const unknown: Verification = { kind: t.kind, value: t.value, contentId: null, state: 'unknown', since: null, blockedByBank: false };
    if (!scope.all && scope.org === null) {
      results.push(unknown);
      continue;
    }
    const found = await findContent(db, refOf(t));
    if (!found) {
      results.push(unknown);
      continue;
    }
    if (!scope.all) {
      const ordered = await db
        .selectFrom('regulator_order_targets')
        .innerJoin('regulator_orders', 'regulator_orders.id', 'regulator_order_targets.order_id')
        .select('regulator_order_targets.id')
        .where('regulator_orders.organisation', '=', scope.org!)
        .where('regulator_order_targets.content_id', '=', found.id)
        .limit(1)
        .executeTakeFirst();
      if (!ordered) {
        results.push(unknown);
        continue;
      }
    }
    const content = await db.selectFrom('content_items').select(['id', 'status', 'created_at']).where('id', '=', found.id).executeTakeFirstOrThrow();
    const last = await db.selectFrom('decisions').select('created_at').where('content_id', '=', content.id).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    const banked = await db
      .selectFrom('content_media_hashes as h')
      .innerJoin('bank_entries as e', (j) => j.on((eb) => eb.or([eb('e.value', '=', eb.ref('h.pdq')), eb('e.value', '=', eb.ref('h.md5')), eb('e.value', '=', eb.ref('h.sha256'))])))
      .innerJoin('banks as b', 'b.id', 'e.bank_id')
      .select('e.id')
      .where('h.content_id', '=', content.id)
      .where('e.enabled', '=', true)
      .where('b.enabled', '=', true)
      .limit(1)
      .executeTakeFirst();
    results.push({
      kind: t.kind,
      value: t.value,
      contentId: content.id,
      state: STATE[content.status] ?? 'unknown',
      since: new Date(last?.created_at ?? content.created_at).toISOString(),
      blockedByBank: !!banked,
    });
  }
  return { results };
}

const organisationName = z.string().trim().min(1).max(200);

function toLiaison(r: { organisation: string; name: string; email: string; updated_by: string; updated_at: Date }): Liaison {
  return { organisation: r.organisation, name: r.name, email: r.email, updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).toISOString() };
}

async function setLiaison(db: Db, organisation: string, input: unknown, actor: Actor): Promise<Liaison> {
  const org = parseInput(organisationName, organisation);
  const valid = parseInput(liaisonSchema, input);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('regulator_liaisons')
      .values({ organisation: org, name: valid.name, email: valid.email, updated_by: actor })
      .onConflict((oc) => oc.column('organisation').doUpdateSet({ name: valid.name, email: valid.email, updated_by: actor, updated_at: new Date() }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'regulator.liaison_set', subjectType: 'organisation', subjectId: org, data: { name: valid.name, email: valid.email } });
    return toLiaison(row);
  });
}

/**
 * The regulator channel: authorities' orders with their 24 h / 4 h clocks (reminders and missed
 * deadlines as jobs that survive restarts), targets handled through the one decision path, and
 * verification of what the orders targeted. Officers see only their organisation's orders.
 */
export function createRegulator(core: EngineCore, deps: RegulatorDeps = {}): RegulatorApi {
  const { db } = core;
  core.effects.hooks.decided.push(onDecided);
  core.jobs.define<{ orderId: string; percent: number }>({ name: CLOCK_QUEUE, handler: (data) => runClock(core, data), retryLimit: 10, retryDelay: 5 });
  return {
    ...createAnswers(core, deps),
    submit: (input, principal) => submitOrder(core, deps, input, principal),
    get: (id, principal) => getOrder(db, id, principal),
    list: (query, principal) => listOrders(db, query, principal),
    verify: (input, principal) => verify(db, input, principal),
    async liaison(organisation) {
      const row = await db.selectFrom('regulator_liaisons').selectAll().where('organisation', '=', parseInput(organisationName, organisation)).executeTakeFirst();
      return row ? toLiaison(row) : null;
    },
    setLiaison: (organisation, input, actor) => setLiaison(db, organisation, input, actor),
    answerInformation: (id, input, principal) => answerInformation(core, id, input, principal),
    async screenshot(id, index, principal) {
      const order = await getOrder(db, id, principal);
      const upload = order.screenshots[index];
      if (upload === undefined) throw new SaringError('not_found', `Order ${id} has no screenshot ${index}.`);
      if (!deps.uploadFile) throw new SaringError('invalid_state', 'This engine takes no uploads.');
      return deps.uploadFile(upload);
    },
  };
}
