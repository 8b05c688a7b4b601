import { sql } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../audit/log.js';
import { isRole } from '../access/roles.js';
import { CATEGORY_IDS, type CategoryId } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import type { Decider } from '../decisions/decisions.js';
import type { Effects } from '../decisions/effects.js';
import { DECISION_ACTIONS, type Bilingual, type DecisionAction } from '../decisions/statement.js';
import { isSaringError, notFound, SaringError } from '../errors/errors.js';
import type { Jobs } from '../jobs/jobs.js';
import { decideCase, resolveReason } from './decide.js';
import { reviewRules } from './rules.js';

export const BULK_QUEUE = 'review-bulk';
/** Cases of one bulk run decided at once (each in its own transaction). */
const BULK_LANES = 4;
/** The most cases one bulk action takes. */
export const BULK_MAX_CASES = 1_000;

export const bulkSchema = z
  .object({
    caseIds: z
      .array(z.uuid())
      .min(1)
      .max(BULK_MAX_CASES, `A bulk action takes at most ${BULK_MAX_CASES.toLocaleString('en')} cases.`)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'caseIds has duplicates' }),
    action: z.enum(DECISION_ACTIONS),
    category: z.enum(CATEGORY_IDS).nullable().optional(),
    templateId: z.string().min(1).max(64).optional(),
    reason: z.string().max(5000).optional(),
  })
  .strict();
export type BulkInput = z.input<typeof bulkSchema>;

export interface BulkResult {
  position: number;
  caseId: string;
  /** done: decided (or, for a four-eyes removal, held and waiting: `outcome: pending_confirmation`); skipped / failed: `outcome` is the error code. */
  status: 'pending' | 'done' | 'skipped' | 'failed';
  outcome: string | null;
  message: string | null;
  decisionId: string | null;
}

export interface BulkRun {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  action: DecisionAction;
  category: CategoryId | null;
  templateId: string | null;
  requestedBy: string;
  total: number;
  counts: { pending: number; done: number; skipped: number; failed: number };
  results: BulkResult[];
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Errors that mean "this case is not for this run" rather than "something went wrong". */
const SKIPS = new Set(['case_closed', 'case_claimed', 'case_pending_confirmation', 'not_found']);

/** Stores a bulk run (one item per case, in the order given) and queues its job, in one transaction. */
export async function createBulkRun(db: Db, jobs: Jobs, input: z.output<typeof bulkSchema>, who: Decider): Promise<string> {
  const rules = await reviewRules(db);
  // Checked now, so a bad reason is a 400 and not 1,000 failures.
  const reason = resolveReason(rules, input);
  return db.transaction().execute(async (trx) => {
    const run = await trx
      .insertInto('review_bulk_runs')
      .values({
        requested_by: who.user.id,
        actor: who.actor,
        action: input.action,
        category: input.category ?? null,
        template_id: input.templateId ?? null,
        reason: JSON.stringify(reason),
        total: input.caseIds.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('review_bulk_items')
      .values(input.caseIds.map((caseId, position) => ({ run_id: run.id, position, case_id: caseId })))
      .execute();
    const jobId = await jobs.send(BULK_QUEUE, { runId: run.id }, { trx });
    await trx.updateTable('review_bulk_runs').set({ job_id: jobId }).where('id', '=', run.id).execute();
    await appendAudit(trx, {
      actor: who.actor,
      action: 'review.bulk_requested',
      subjectType: 'review_bulk_run',
      subjectId: run.id,
      data: { action: input.action, category: input.category ?? null, templateId: input.templateId ?? null, cases: input.caseIds.length },
    });
    return run.id;
  });
}

/**
 * Works a bulk run's pending items in order, each case in its own transaction through the same
 * path as a single decision (its result recorded in that transaction), so a run stopped anywhere —
 * a crash, a shutdown — resumes where it stopped and never decides a case twice. Returns whether
 * any removal was recorded.
 */
export async function processBulkRun(deps: { db: Db; fx: Effects }, runId: string, signal?: AbortSignal): Promise<{ removed: boolean }> {
  const { db } = deps;
  const run = await db.selectFrom('review_bulk_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw notFound('Bulk run', runId);
  if (run.status === 'done' || run.status === 'failed') return { removed: false };
  await db.updateTable('review_bulk_runs').set({ status: 'running', started_at: run.started_at ?? new Date() }).where('id', '=', runId).execute();
  const user = await db.selectFrom('operator_users').select(['id', 'role', 'disabled_at']).where('id', '=', run.requested_by).executeTakeFirstOrThrow();
  const who: Decider = { user: { id: user.id, role: isRole(user.role) ? user.role : 'partner' }, actor: run.actor };
  const reason = JSON.parse(run.reason ?? '""') as string | Bilingual;
  const input = { action: run.action as DecisionAction, category: run.category as CategoryId | null, reason, templateId: run.template_id ?? undefined };
  const rules = await reviewRules(db);
  let removed = false;
  const lane = async () => {
    for (;;) {
      if (signal?.aborted) throw new SaringError('cancelled', `Bulk run ${runId} stopped; it resumes where it stopped.`);
      const more = await db.transaction().execute(async (trx) => {
        // Locked: a second worker on the same run (a retry started while the first still ran) takes the next one.
        const item = await trx
          .selectFrom('review_bulk_items')
          .select(['position', 'case_id'])
          .where('run_id', '=', runId)
          .where('status', '=', 'pending')
          .orderBy('position')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!item) return false;
        const finish = (set: { status: string; outcome: string; decision_id?: string | null; message?: string | null }) =>
          trx.updateTable('review_bulk_items').set({ ...set, finished_at: new Date() }).where('run_id', '=', runId).where('position', '=', item.position).execute();
        // The case's work rolls back alone when it fails; its result is recorded either way.
        await sql`SAVEPOINT bulk_case`.execute(trx);
        try {
          if (user.disabled_at) throw new SaringError('forbidden', 'The moderator who asked for this bulk action has been deactivated.');
          const done = await decideCase(deps, trx, rules, item.case_id, input, who, { take: true });
          await sql`RELEASE SAVEPOINT bulk_case`.execute(trx);
          if (done.outcome === 'decided' && done.decision.action === 'remove') removed = true;
          await finish({ status: 'done', outcome: done.outcome, decision_id: done.outcome === 'decided' ? done.decision.id : null });
        } catch (err) {
          await sql`ROLLBACK TO SAVEPOINT bulk_case`.execute(trx);
          const code = isSaringError(err) ? err.code : 'internal';
          const message = isSaringError(err) ? err.message.slice(0, 500) : 'The case could not be decided (internal error).';
          await finish({ status: SKIPS.has(code) ? 'skipped' : 'failed', outcome: code, message });
        }
        return true;
      });
      if (!more) return;
    }
  };
  // Cases are independent: on PostgreSQL a few go at once (PGlite's one connection takes them in turn).
  const lanes = await Promise.allSettled(Array.from({ length: BULK_LANES }, lane));
  const stopped = lanes.find((l) => l.status === 'rejected');
  if (stopped) throw stopped.reason;
  await db.updateTable('review_bulk_runs').set({ status: 'done', finished_at: new Date() }).where('id', '=', runId).where('status', '=', 'running').execute();
  return { removed };
}

export async function markBulkFailed(db: Db, runId: string, message: string): Promise<void> {
  await db.updateTable('review_bulk_runs').set({ status: 'failed', error: message.slice(0, 1000), finished_at: new Date() }).where('id', '=', runId).where('status', '<>', 'done').execute();
}

export async function getBulkRun(db: Db, runId: string): Promise<BulkRun> {
  const run = await db.selectFrom('review_bulk_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw notFound('Bulk run', runId);
  const items = await db.selectFrom('review_bulk_items').selectAll().where('run_id', '=', runId).orderBy('position').execute();
  const counts = { pending: 0, done: 0, skipped: 0, failed: 0 };
  for (const i of items) counts[i.status as keyof typeof counts]++;
  return {
    id: run.id,
    status: run.status as BulkRun['status'],
    action: run.action as DecisionAction,
    category: run.category as CategoryId | null,
    templateId: run.template_id,
    requestedBy: run.requested_by,
    total: run.total,
    counts,
    results: items.map((i) => ({
      position: i.position,
      caseId: i.case_id,
      status: i.status as BulkResult['status'],
      outcome: i.outcome,
      message: i.message,
      decisionId: i.decision_id,
    })),
    error: run.error,
    createdAt: run.created_at.toISOString(),
    startedAt: run.started_at?.toISOString() ?? null,
    finishedAt: run.finished_at?.toISOString() ?? null,
  };
}
