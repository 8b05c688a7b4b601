import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../audit/log.js';
import type { CategoryId } from '../categories/categories.js';
import type { EngineCore } from '../core.js';
import type { Db } from '../db/connect.js';
import type { Decided, Effects } from '../decisions/effects.js';
import { notFound } from '../errors/errors.js';
import { ACCOUNT_ACTIONS, type AccountAction, type StrikesSettings } from '../policy/schema.js';
import { activeSettings } from '../policy/settings.js';
import { emitEvent } from '../webhooks/webhooks.js';
import { buildAccountStatement, type AccountActionKind, type AccountStatement, type CountedStrike } from './statement.js';

export interface Strike {
  id: string;
  contentId: string;
  externalId: string;
  decisionId: string;
  category: CategoryId | null;
  weight: number;
  createdAt: string;
  expiresAt: string;
  /** Counts now: not removed, not expired. */
  active: boolean;
  removedAt: string | null;
  /** `reversed`: a later decision lifted the removal (an appeal overturned, a moderator restored it). */
  removedReason: string | null;
  removedByDecision: string | null;
}

export interface AccountActionView {
  id: string;
  action: AccountActionKind;
  level: AccountAction | null;
  points: number;
  threshold: number | null;
  until: string | null;
  decisionId: string | null;
  strikeId: string | null;
  statement: AccountStatement;
  createdAt: string;
}

/** A platform account as the console's case view shows it: its standing, strikes, actions, content and decisions. */
export interface AccountHistory {
  account: { id: string; externalId: string; displayName: string | null; createdAt: string };
  standing: {
    /** The weights of the strikes in force, summed. */
    points: number;
    /** The highest threshold those points reach under the active policy (null: none). */
    level: AccountAction | null;
    activeStrikes: number;
  };
  strikes: Strike[];
  actions: AccountActionView[];
  /** The newest 100 items. */
  content: { id: string; externalId: string; kind: string; status: string; createdAt: string }[];
  /** The newest 100 decisions on its items. */
  decisions: { id: string; contentId: string; externalId: string; action: string; category: string | null; actorType: string; createdAt: string }[];
}

/** The strikes part of the engine (docs/reports-appeals.md#strikes). */
export interface StrikesApi {
  /** An account by the platform's id for it. */
  account(externalId: string): Promise<AccountHistory>;
}

const rank = (a: AccountAction | null | undefined) => (a ? ACCOUNT_ACTIONS.indexOf(a) : -1);

/** The highest threshold a number of points reaches. */
function thresholdOf(points: number, settings: StrikesSettings): StrikesSettings['thresholds'][number] | undefined {
  return settings.thresholds.filter((t) => points >= t.points - 1e-9).at(-1);
}

/** The account's strikes in force (not removed, not expired), oldest first, locked with the account by the caller. */
async function strikesInForce(trx: Db, accountId: string): Promise<CountedStrike[]> {
  const rows = await trx
    .selectFrom('strikes')
    .innerJoin('content_items', 'content_items.id', 'strikes.content_id')
    .select(['strikes.decision_id', 'strikes.content_id', 'content_items.external_id', 'strikes.category', 'strikes.weight', 'strikes.expires_at'])
    .where('strikes.account_id', '=', accountId)
    .where('strikes.removed_at', 'is', null)
    .where('strikes.expires_at', '>', sql<Date>`now()`)
    .orderBy('strikes.created_at')
    .execute();
  return rows.map((r) => ({ decisionId: r.decision_id, contentId: r.content_id, externalId: r.external_id, category: r.category, weight: r.weight, expiresAt: r.expires_at.toISOString() }));
}

const sum = (strikes: CountedStrike[]) => strikes.reduce((s, x) => s + x.weight, 0);

async function recordAction(
  trx: Db,
  fx: Effects,
  input: {
    account: { id: string; externalId: string };
    action: AccountActionKind;
    level: AccountAction | null;
    lifted?: AccountAction | null;
    points: number;
    threshold: number | null;
    days?: number | undefined;
    strikes: CountedStrike[];
    strikeId: string;
    decisionId: string;
  },
): Promise<void> {
  const id = randomUUID();
  const now = new Date();
  const until = input.days ? new Date(now.getTime() + input.days * 86_400_000).toISOString() : null;
  const statement = buildAccountStatement({ actionId: id, account: input.account, action: input.action, level: input.level, lifted: input.lifted ?? null, until, points: input.points, threshold: input.threshold, strikes: input.strikes, decidedAt: now });
  await trx
    .insertInto('account_actions')
    .values({
      id,
      account_id: input.account.id,
      action: input.action,
      level: input.level,
      points: input.points,
      threshold: input.threshold,
      strike_id: input.strikeId,
      decision_id: input.decisionId,
      statement: JSON.stringify(statement),
      until,
      actor: 'system:strikes',
      created_at: now,
    })
    .execute();
  const data = { actionId: id, action: input.action, level: input.level, points: input.points, threshold: input.threshold, until, decisionId: input.decisionId, strikeId: input.strikeId };
  await appendAudit(trx, { actor: 'system:strikes', action: 'account.actioned', subjectType: 'account', subjectId: input.account.id, data: { externalId: input.account.externalId, ...data } });
  await emitEvent(trx, fx.jobs, 'account.actioned', { account: input.account, ...data, statement });
}

/**
 * `decided` hook. A removal of an item with an account adds a strike (weight and expiry of its
 * category, from the policy; one standing strike per item). A person's (or an order's) decision
 * that lifts a removal removes its strike. Either way the account is judged again under the
 * account's row lock: reaching a higher threshold takes its action, once; falling below the level
 * of the action in force (a feature limit, suspension or closure) reinstates the account.
 */
async function onDecided(core: EngineCore, trx: Db, event: Decided): Promise<void> {
  const { decision, content } = event;
  if (!content.accountId) return;
  const lifts = decision.action !== 'remove' && decision.actorType !== 'automated';
  if (decision.action !== 'remove' && !lifts) return;
  const account = await trx.selectFrom('accounts').select(['id', 'external_id']).where('id', '=', content.accountId).forUpdate().executeTakeFirstOrThrow();
  const who = { id: account.id, externalId: account.external_id };
  const settings = (await activeSettings(trx)).strikes;

  if (decision.action === 'remove') {
    const rule = (decision.category && settings.categories[decision.category]) || settings.default;
    const added = await trx
      .insertInto('strikes')
      .values({
        account_id: account.id,
        content_id: content.id,
        decision_id: decision.id,
        category: decision.category,
        weight: rule.weight,
        expires_at: sql<Date>`now() + make_interval(days => ${rule.expiryDays})`,
      })
      .onConflict((oc) => oc.column('content_id').where('removed_at', 'is', null).doNothing())
      .returning(['id', 'weight'])
      .executeTakeFirst();
    if (!added) return;
    const inForce = await strikesInForce(trx, account.id);
    const after = sum(inForce);
    const reached = thresholdOf(after, settings);
    if (reached && rank(reached.action) > rank(thresholdOf(after - added.weight, settings)?.action)) {
      await recordAction(trx, core.effects, {
        account: who,
        action: reached.action,
        level: reached.action,
        points: after,
        threshold: reached.points,
        days: reached.days,
        strikes: inForce,
        strikeId: added.id,
        decisionId: decision.id,
      });
    }
    return;
  }

  const removed = await trx
    .updateTable('strikes')
    .set({ removed_at: new Date(), removed_reason: 'reversed', removed_by_decision: decision.id })
    .where('content_id', '=', content.id)
    .where('removed_at', 'is', null)
    .returning(['id', 'weight', 'expires_at', 'decision_id'])
    .executeTakeFirst();
  if (!removed) return;
  await appendAudit(trx, {
    actor: event.actor,
    action: 'strike.removed',
    subjectType: 'account',
    subjectId: account.id,
    data: { externalId: account.external_id, strikeId: removed.id, removalDecisionId: removed.decision_id, reversedBy: decision.id, weight: removed.weight },
  });
  const inForce = await strikesInForce(trx, account.id);
  const after = sum(inForce);
  const level = thresholdOf(after, settings)?.action ?? null;
  // Only an action still in force is lifted: a warning needs none, a feature limit or suspension that ran out is over.
  const last = await trx.selectFrom('account_actions').select(['action', 'level', 'until']).where('account_id', '=', account.id).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  const inEffect = last && last.action !== 'reinstate' && last.action !== 'warning' && (!last.until || last.until > new Date()) ? (last.level as AccountAction) : null;
  if (inEffect && rank(level) < rank(inEffect)) {
    await recordAction(trx, core.effects, {
      account: who,
      action: 'reinstate',
      level,
      lifted: inEffect,
      points: after,
      threshold: null,
      strikes: inForce,
      strikeId: removed.id,
      decisionId: decision.id,
    });
  }
}

async function accountHistory(db: Db, externalId: string): Promise<AccountHistory> {
  const account = await db.selectFrom('accounts').selectAll().where('external_id', '=', externalId).executeTakeFirst();
  if (!account) throw notFound('Account', externalId);
  const settings = (await activeSettings(db)).strikes;
  const strikes = await db
    .selectFrom('strikes')
    .innerJoin('content_items', 'content_items.id', 'strikes.content_id')
    .selectAll('strikes')
    .select(['content_items.external_id', sql<boolean>`(strikes.removed_at IS NULL AND strikes.expires_at > now())`.as('active')])
    .where('strikes.account_id', '=', account.id)
    .orderBy('strikes.created_at', 'desc')
    .execute();
  const actions = await db.selectFrom('account_actions').selectAll().where('account_id', '=', account.id).orderBy('created_at', 'desc').execute();
  const content = await db
    .selectFrom('content_items')
    .select(['id', 'external_id', 'kind', 'status', 'created_at'])
    .where('account_id', '=', account.id)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  const decisions = await db
    .selectFrom('decisions')
    .innerJoin('content_items', 'content_items.id', 'decisions.content_id')
    .select(['decisions.id', 'decisions.content_id', 'content_items.external_id', 'decisions.action', 'decisions.category', 'decisions.actor_type', 'decisions.created_at'])
    .where('content_items.account_id', '=', account.id)
    .orderBy('decisions.created_at', 'desc')
    .limit(100)
    .execute();
  const points = strikes.filter((s) => s.active).reduce((s, x) => s + x.weight, 0);
  return {
    account: { id: account.id, externalId: account.external_id, displayName: account.display_name, createdAt: account.created_at.toISOString() },
    standing: { points, level: thresholdOf(points, settings)?.action ?? null, activeStrikes: strikes.filter((s) => s.active).length },
    strikes: strikes.map((s) => ({
      id: s.id,
      contentId: s.content_id,
      externalId: s.external_id,
      decisionId: s.decision_id,
      category: s.category as CategoryId | null,
      weight: s.weight,
      createdAt: s.created_at.toISOString(),
      expiresAt: s.expires_at.toISOString(),
      active: s.active,
      removedAt: s.removed_at?.toISOString() ?? null,
      removedReason: s.removed_reason,
      removedByDecision: s.removed_by_decision,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      action: a.action as AccountActionKind,
      level: a.level as AccountAction | null,
      points: a.points,
      threshold: a.threshold,
      until: a.until?.toISOString() ?? null,
      decisionId: a.decision_id,
      strikeId: a.strike_id,
      statement: a.statement as AccountStatement,
      createdAt: a.created_at.toISOString(),
    })),
    content: content.map((c) => ({ id: c.id, externalId: c.external_id, kind: c.kind, status: c.status, createdAt: c.created_at.toISOString() })),
    decisions: decisions.map((d) => ({
      id: d.id,
      contentId: d.content_id,
      externalId: d.external_id,
      action: d.action,
      category: d.category,
      actorType: d.actor_type,
      createdAt: d.created_at.toISOString(),
    })),
  };
}

/** Strikes against platform accounts and the account actions their thresholds take (policy `strikes`). */
export function createStrikes(core: EngineCore): StrikesApi {
  core.effects.hooks.decided.push((trx, event) => onDecided(core, trx, event));
  return { account: (externalId) => accountHistory(core.db, externalId) };
}
