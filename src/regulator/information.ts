/**
 * Requests for information (docs/regulator.md): an order with `requestedAction: information` asks
 * who uploaded what and when. It opens no review case and removes nothing; it runs on the same
 * clock as a takedown order. A person of the platform (permission `orders:answer`) decides to
 * disclose and answers it once, with a note; for each target still waiting, Saring fills in what it
 * knows — the platform's account id of the uploader, when the item was first stored, its platform
 * id and its current state — and nothing more. The officer of the order's organisation reads the
 * answer on the order.
 */
import { z } from 'zod';
import type { Principal } from '../access/auth.js';
import { appendAudit } from '../audit/log.js';
import type { EngineCore } from '../core.js';
import type { Db } from '../db/connect.js';
import { SaringError } from '../errors/errors.js';
import { parseInput } from '../shared/validate.js';
import { emitEvent } from '../webhooks/webhooks.js';
import { getOrder, loadOrder, orderSummary, STATE, type InformationItem, type Order } from './orders.js';

export const informationAnswerSchema = z
  .object({
    /** What the platform tells the authority, in its own words (the filled-in facts come with it). */
    note: z.string().trim().min(1).max(20_000),
  })
  .strict();

/** The targets waiting for the answer (the order's row lock keeps clarifications out meanwhile). */
async function itemsOf(trx: Db, orderId: string): Promise<{ ids: string[]; items: InformationItem[] }> {
  const rows = await trx
    .selectFrom('regulator_order_targets as t')
    .innerJoin('content_items as c', 'c.id', 't.content_id')
    .leftJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['t.id as target_id', 'c.id as content_id', 'c.external_id', 'c.status', 'c.created_at', 'a.external_id as account'])
    .where('t.order_id', '=', orderId)
    .where('t.status', '=', 'pending')
    .orderBy('t.position')
    .execute();
  return {
    ids: rows.map((r) => r.target_id),
    items: rows.map((r) => ({
      targetId: r.target_id,
      contentId: r.content_id,
      externalId: r.external_id,
      account: r.account,
      uploadedAt: new Date(r.created_at).toISOString(),
      state: STATE[r.status] ?? 'unknown',
    })),
  };
}

/**
 * Answers a request for information, once: the answer is stored on the order, its waiting targets
 * become `answered` (so the order completes), audited and sent as the webhook
 * `order.information_answered`, in one transaction. Targets the platform answered with a
 * clarification (an objection) are left out. 409 `invalid_state` for a takedown order, `conflict`
 * when answered already.
 */
export async function answerInformation(core: EngineCore, orderId: string, input: unknown, principal: Principal): Promise<Order> {
  const valid = parseInput(informationAnswerSchema, input);
  const visible = await getOrder(core.db, orderId, principal);
  return core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('regulator_orders').select(['id', 'requested_action', 'answered_at']).where('id', '=', visible.id).forUpdate().executeTakeFirstOrThrow();
    if (row.requested_action !== 'information') throw new SaringError('invalid_state', `Order ${row.id} is a takedown order, not a request for information: answer its targets by removing them or with a clarification.`);
    if (row.answered_at) throw new SaringError('conflict', `Order ${row.id} was answered at ${new Date(row.answered_at).toISOString()}.`);
    const answeredAt = new Date();
    const { ids, items } = await itemsOf(trx, row.id);
    await trx
      .updateTable('regulator_orders')
      .set({ answer: JSON.stringify({ note: valid.note, items }), answered_by: principal.actor, answered_at: answeredAt })
      .where('id', '=', row.id)
      .execute();
    if (ids.length > 0) await trx.updateTable('regulator_order_targets').set({ status: 'answered', handled_at: answeredAt }).where('id', 'in', ids).execute();
    const order = (await loadOrder(trx, row.id))!;
    await appendAudit(trx, {
      actor: principal.actor,
      action: 'order.information_answered',
      subjectType: 'regulator_order',
      subjectId: row.id,
      data: { targets: ids, disclosed: items.map((i) => ({ contentId: i.contentId, account: i.account })) },
    });
    await emitEvent(trx, core.effects.jobs, 'order.information_answered', { order: orderSummary(order), answer: order.answer });
    return order;
  });
}
