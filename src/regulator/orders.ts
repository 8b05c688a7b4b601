/**
 * What an order is and how it is read: its categories and statuses, the shapes the API answers
 * with, who sees which organisation's orders, and the order as stored. The rest of the regulator
 * channel (receiving orders, their clocks, verification, answers) builds on this.
 */
import { type Selectable } from 'kysely';
import { z } from 'zod';
import { can } from '../access/roles.js';
import type { Principal } from '../access/auth.js';
import { CATEGORIES, CATEGORY_IDS } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import type { RegulatorOrderTargetsTable, RegulatorOrdersTable } from '../db/schema.js';
import { notFound } from '../errors/errors.js';
import { clarificationsOf, type Clarification } from './answers.js';

/** An order's category: one of Saring's categories, or `other` (a ground outside them). */
export const ORDER_CATEGORIES = [...CATEGORY_IDS, 'other'] as const;
export type OrderCategory = (typeof ORDER_CATEGORIES)[number];
/**
 * The default table of categories whose orders have the urgent clock (4 hours instead of 24,
 * Permenkominfo 5/2020): those Saring marks urgent (CSAM, terrorism) and illegal goods. The table in
 * force is the active policy's `orders.urgentCategories`; each order stores the clock it got
 * (`urgentClock`). An order marked `urgent` has the urgent clock whatever its category.
 */
export const URGENT_ORDER_CATEGORIES: readonly OrderCategory[] = [...new Set<OrderCategory>([...CATEGORY_IDS.filter((c) => CATEGORIES[c].urgent), 'illegal_goods'])];
export const REQUESTED_ACTIONS = ['remove', 'information'] as const;
export const ORDER_STATUSES = ['received', 'in_progress', 'completed', 'overdue'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/**
 * `clarified`: the platform answered the target with a clarification (objection) instead of a
 * takedown; it counts as answered for the clock. `answered`: a request for information was answered
 * with what Saring knows of the target.
 */
export const TARGET_STATUSES = ['pending', 'taken_down', 'already_removed', 'not_found', 'clarified', 'answered'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const TARGET_KINDS = ['url', 'contentId', 'externalId'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface OrderTarget {
  id: string;
  kind: TargetKind;
  /** What the order gave. */
  value: string;
  url?: string;
  externalId?: string;
  /** The stored content it resolved to (null: `not_found`). */
  contentId: string | null;
  /** The review case it opened (regulator queue). */
  caseId: string | null;
  status: TargetStatus;
  decisionId: string | null;
  handledAt: string | null;
  /** For `taken_down` / `already_removed`: when, by which decision (and who), how many hashes were banked. */
  proof: { decidedAt: string; decisionId: string; action: string; actorType: string; hashesBanked: number } | null;
  /** The platform's clarification (objection) of this target, if it filed one. */
  clarification: Clarification | null;
}

export interface Order {
  id: string;
  orderNumber: string;
  organisation: string;
  category: OrderCategory;
  urgent: boolean;
  /** Whether the urgent clock applies (marked urgent, or a category of the policy's urgent table when received). */
  urgentClock: boolean;
  /** The version of the policy whose orders table set the clock (null: none stored, the built-in defaults). */
  policyVersion: number | null;
  legalBasis: string;
  legalAnalysis: string | null;
  requestedAction: string;
  letter: string | null;
  screenshots: string[];
  issuedAt: string | null;
  receivedAt: string;
  dueAt: string;
  status: OrderStatus;
  /** When the deadline passed with targets still pending (null: not missed). */
  breachedAt: string | null;
  /** Reminders sent (percent of the time). */
  reminders: number[];
  counts: Record<TargetStatus, number>;
  /** A request for information's answer (null: not answered yet, or a takedown order). */
  answer: InformationAnswer | null;
  /** Left out of lists. */
  targets?: OrderTarget[];
}

export interface Verification {
  kind: TargetKind;
  value: string;
  contentId: string | null;
  state: 'available' | 'removed' | 'restricted' | 'unknown';
  /** Since when it is in that state (null: unknown). */
  since: string | null;
  /** Whether an enabled bank holds a hash of its media now, so a re-upload is caught. */
  blockedByBank: boolean;
}

/** What Saring knows of one target, disclosed in an answer. */
export interface InformationItem {
  targetId: string;
  contentId: string;
  /** The content's id on the platform. */
  externalId: string;
  /** The platform's id of the account that uploaded it (null: the platform did not say). */
  account: string | null;
  /** When the platform first sent the item to Saring (its upload, as far as Saring knows). */
  uploadedAt: string;
  /** Its state when the answer was given. */
  state: Verification['state'];
}

export interface InformationAnswer {
  note: string;
  items: InformationItem[];
  answeredBy: string;
  answeredAt: string;
}

/** The stored answer of an order row (null: none, or not a request for information). */
export function answerOf(r: { answer: Record<string, unknown> | null; answered_by: string | null; answered_at: Date | string | null }): InformationAnswer | null {
  if (!r.answer || !r.answered_at) return null;
  const a = r.answer as { note: string; items: InformationItem[] };
  return { note: a.note, items: a.items, answeredBy: r.answered_by ?? '', answeredAt: new Date(r.answered_at).toISOString() };
}

export const STATE: Record<string, Verification['state']> = { active: 'available', in_review: 'available', restricted: 'restricted', held: 'restricted', removed: 'removed' };

/**
 * Whose orders a principal sees: people who may read the platform's content (admins, moderators,
 * auditors) see every organisation's; everyone else (regulator officers) only their own
 * organisation's — none without one.
 */
export type Scope = { all: true } | { all: false; org: string | null };
export function scopeOf(p: Principal): Scope {
  return can(p.user.role, 'content:read') ? { all: true } : { all: false, org: p.user.org };
}
export const sees = (scope: Scope, organisation: string) => scope.all || scope.org === organisation;

/** Rows as stored (db/schema.ts). */
export type OrderRow = Selectable<RegulatorOrdersTable>;
export type TargetRow = Selectable<RegulatorOrderTargetsTable>;

export const isUrgentClock = (category: string, urgent: boolean, table: readonly string[] = URGENT_ORDER_CATEGORIES) => urgent || table.includes(category);

/** An order's status follows from its targets and its clock. */
export function orderStatus(counts: Record<TargetStatus, number>, dueAt: Date, now = new Date()): OrderStatus {
  const handled = counts.taken_down + counts.already_removed + counts.not_found + counts.clarified + counts.answered;
  if (counts.pending === 0) return 'completed';
  if (now > dueAt) return 'overdue';
  return handled > 0 ? 'in_progress' : 'received';
}

function toTarget(t: TargetRow, clarification: Clarification | null = null): OrderTarget {
  return {
    id: t.id,
    kind: t.kind as TargetKind,
    value: t.value,
    ...(t.kind === 'url' ? { url: t.value } : t.kind === 'externalId' ? { externalId: t.value } : {}),
    contentId: t.content_id,
    caseId: t.case_id,
    status: t.status as TargetStatus,
    decisionId: t.decision_id,
    handledAt: t.handled_at ? new Date(t.handled_at).toISOString() : null,
    proof: t.proof as OrderTarget['proof'],
    clarification,
  };
}

export function toOrder(r: OrderRow, counts: Record<TargetStatus, number>, targets?: TargetRow[], clarifications?: Map<string, Clarification>): Order {
  const dueAt = new Date(r.due_at);
  return {
    id: r.id,
    orderNumber: r.order_number,
    organisation: r.organisation,
    category: r.category as OrderCategory,
    urgent: r.urgent,
    // Orders stored before the clock was kept with them had the default table.
    urgentClock: r.urgent_clock ?? isUrgentClock(r.category, r.urgent),
    policyVersion: r.policy_version,
    legalBasis: r.legal_basis,
    legalAnalysis: r.legal_analysis,
    requestedAction: r.requested_action,
    letter: r.letter,
    screenshots: r.screenshots,
    issuedAt: r.issued_at ? new Date(r.issued_at).toISOString() : null,
    receivedAt: new Date(r.received_at).toISOString(),
    dueAt: dueAt.toISOString(),
    status: orderStatus(counts, dueAt),
    breachedAt: r.breached_at ? new Date(r.breached_at).toISOString() : null,
    reminders: r.reminders,
    counts,
    answer: answerOf(r),
    ...(targets ? { targets: targets.map((t) => toTarget(t, clarifications?.get(t.id) ?? null)) } : {}),
  };
}

/** A count of 0 for each target status. */
export const emptyCounts = () => Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>;

export async function countsOf(db: Db, orderIds: string[]): Promise<Map<string, Record<TargetStatus, number>>> {
  const out = new Map<string, Record<TargetStatus, number>>(orderIds.map((id) => [id, emptyCounts()]));
  if (orderIds.length === 0) return out;
  const rows = await db
    .selectFrom('regulator_order_targets')
    .select(['order_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('order_id', 'in', orderIds)
    .groupBy(['order_id', 'status'])
    .execute();
  for (const r of rows) out.get(r.order_id)![r.status as TargetStatus] = Number(r.n);
  return out;
}

export async function loadOrder(db: Db, id: string): Promise<Order | undefined> {
  const row = await db.selectFrom('regulator_orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const targets = await db.selectFrom('regulator_order_targets').selectAll().where('order_id', '=', id).orderBy('position').execute();
  const counts = emptyCounts();
  for (const t of targets) counts[t.status as TargetStatus]++;
  return toOrder(row, counts, targets, await clarificationsOf(db, id));
}

export async function getOrder(db: Db, id: string, principal: Principal): Promise<Order> {
  // An order of another organisation is answered as one that does not exist: its existence is not revealed.
  const order = z.uuid().safeParse(id).success ? await loadOrder(db, id) : undefined;
  if (!order || !sees(scopeOf(principal), order.organisation)) throw notFound('Order', id);
  return order;
}

export const orderSummary = (o: Order) => ({
  id: o.id,
  orderNumber: o.orderNumber,
  organisation: o.organisation,
  category: o.category,
  requestedAction: o.requestedAction,
  urgent: o.urgentClock,
  receivedAt: o.receivedAt,
  dueAt: o.dueAt,
  status: o.status,
  counts: o.counts,
});
