import { can } from '../access/roles.js';
import type { EngineCore } from '../core.js';
import { getContent, type ContentDetail } from '../content/content.js';
import type { Decider, Decision } from '../decisions/decisions.js';
import { SaringError } from '../errors/errors.js';
import { parseInput } from '../shared/validate.js';
import { BULK_QUEUE, bulkSchema, createBulkRun, getBulkRun, markBulkFailed, processBulkRun, type BulkInput, type BulkRun } from './bulk.js';
import { findCase, onDecided, onReviewRequired, openCase, toCase, type OpenCaseInput, type ReviewCase } from './cases.js';
import { claimCase, claimNext, refusal, releaseCase } from './claims.js';
import { confirmRemoval, decideCase, decideSchema, escalateCase, rejectRemoval, resolveReason, type DecideInput } from './decide.js';
import { allCases, csvHeader, csvLine, listCases, listQuerySchema, queueSummaries, type QueueSummary } from './listing.js';
import { metricsQuerySchema, reviewMetrics, type ReviewMetrics } from './metrics.js';
import { ensureRanks, reviewRules, type ReviewRules } from './rules.js';
import { z } from 'zod';

export type { ReviewCase } from './cases.js';

/** A case opened by id: the case, the content with its scans and decisions, and its history. */
export interface CaseDetail {
  case: ReviewCase;
  content: ContentDetail;
  events: { kind: string; actor: string; data: Record<string, unknown>; at: string }[];
  /** True unless the caller holds the case's claim: only the holder decides, escalates, confirms or rejects. */
  readOnly: boolean;
}

/** What deciding a case gives: the decision with its statement of reasons, or a four-eyes removal waiting for a second senior. */
export type CaseDecision = (Decision & { outcome: 'decided'; case: ReviewCase }) | { outcome: 'pending_confirmation'; case: ReviewCase };

/** The review settings of the active policy, as the console needs them. */
export interface ReviewSettingsView {
  claimMinutes: number;
  fourEyes: string[];
  queues: { queue: string; slaHours: number }[];
  priority: ReviewRules['settings']['priority'] & { categories: Record<string, number> };
  templates: ReviewRules['settings']['templates'];
}

const reasonSchema = z.object({ reason: z.string().trim().min(1).max(5000) }).strict();
const queueSchema = z.object({ queue: z.string().regex(/^[a-z0-9_-]{1,64}$/).optional() }).strict();

/** The review part of the engine (docs/review.md). Every method takes the person acting. */
export interface ReviewApi {
  /** Opens (or refreshes) the case of a content item for a reason; see {@link openCase}. */
  openCase(input: OpenCaseInput): Promise<{ caseId: string; created: boolean }>;
  /** Claims the highest-priority case this person may work (in a queue, or any); null when none is left. */
  claimNext(who: Decider, options?: { queue?: string | undefined }): Promise<ReviewCase | null>;
  /** Claims a case by id, or extends one's own claim. */
  claim(caseId: string, who: Decider): Promise<ReviewCase>;
  release(caseId: string, who: Decider): Promise<ReviewCase>;
  get(caseId: string, who: Decider): Promise<CaseDetail>;
  decide(caseId: string, input: DecideInput, who: Decider): Promise<CaseDecision>;
  escalate(caseId: string, input: { reason: string }, who: Decider): Promise<ReviewCase>;
  confirm(caseId: string, who: Decider): Promise<Decision & { case: ReviewCase }>;
  reject(caseId: string, input: { reason: string }, who: Decider): Promise<ReviewCase>;
  bulk(input: BulkInput, who: Decider): Promise<BulkRun>;
  bulkRun(id: string): Promise<BulkRun>;
  /** Works a bulk run now, in this process (what its job does). */
  runBulk(id: string, signal?: AbortSignal): Promise<void>;
  queues(): Promise<QueueSummary[]>;
  list(query: unknown, who: Decider): Promise<{ cases: ReviewCase[]; nextCursor: string | null }>;
  /** Every matching case as JSON Lines or CSV, streamed (no row cap). */
  export(query: unknown, who: Decider): Promise<{ format: 'jsonl' | 'csv'; lines: AsyncIterable<string> }>;
  settings(): Promise<ReviewSettingsView>;
  metrics(query: unknown): Promise<ReviewMetrics>;
}

/**
 * Human review: cases opened by policy `review` verdicts (and by reports, appeals and orders
 * through {@link openCase}), claimed, decided through the one decision path, closed by any
 * decision on their content.
 */
export function createReview(core: EngineCore): ReviewApi {
  const { db } = core;
  const deps = { db, fx: core.effects };
  core.effects.hooks.reviewRequired.push(onReviewRequired);
  core.effects.hooks.decided.push(onDecided);
  const runBulk = async (id: string, signal?: AbortSignal) => {
    const { removed } = await processBulkRun(deps, id, signal);
    if (removed) await core.removed();
  };
  core.jobs.define<{ runId: string }>({
    name: BULK_QUEUE,
    handler: ({ runId }, job) => runBulk(runId, job.signal),
    retryLimit: 5,
    retryDelay: 5,
    expireInSeconds: 3_600,
    heartbeatSeconds: core.config.jobHeartbeatSeconds,
    onFailed: ({ runId }, failure) => markBulkFailed(db, runId, failure.message),
  });
  /** The active rules, with stored ranks brought up to date if the priority rule changed. */
  const rules = async () => {
    const r = await reviewRules(db);
    await ensureRanks(db, r);
    return r;
  };
  const view = async (caseId: string) => toCase(await findCase(db, caseId), await reviewRules(db));

  return {
    openCase: (input) => openCase(db, input),
    async claimNext(who, options = {}) {
      const { queue } = parseInput(queueSchema, options);
      const r = await rules();
      const row = await claimNext(db, r, who, queue);
      return row ? toCase(row, r) : null;
    },
    async claim(caseId, who) {
      const r = await rules();
      return toCase(await claimCase(db, r, caseId, who), r);
    },
    async release(caseId, who) {
      return toCase(await releaseCase(db, caseId, who), await reviewRules(db));
    },
    async get(caseId, who) {
      const row = await findCase(db, caseId);
      const r = await reviewRules(db);
      const events = await db.selectFrom('review_case_events').selectAll().where('case_id', '=', row.id).orderBy('id').execute();
      const mine = row.claimed_by === who.user.id && !refusal(row, who);
      return {
        case: toCase(row, r),
        content: await getContent(db, row.content_id),
        events: events.map((e) => ({ kind: e.kind, actor: e.actor, data: e.data, at: e.at.toISOString() })),
        readOnly: !mine,
      };
    },
    async decide(caseId, input, who) {
      const valid = parseInput(decideSchema, input);
      const r = await reviewRules(db);
      const reason = resolveReason(r, valid);
      const done = await db.transaction().execute((trx) =>
        decideCase(deps, trx, r, caseId, { action: valid.action, category: valid.category, reason, templateId: valid.templateId }, who),
      );
      if (done.outcome === 'pending_confirmation') return { outcome: 'pending_confirmation', case: await view(done.caseId) };
      if (done.decision.action === 'remove') await core.removed();
      return { ...done.decision, outcome: 'decided', case: await view(done.caseId) };
    },
    async escalate(caseId, input, who) {
      const { reason } = parseInput(reasonSchema, input);
      return toCase(await escalateCase(deps, caseId, reason, who), await reviewRules(db));
    },
    async confirm(caseId, who) {
      if (!can(who.user.role, 'decide:severe')) throw new SaringError('forbidden', 'Only a senior moderator (decide:severe) confirms a four-eyes removal.');
      const { decision } = await confirmRemoval(deps, caseId, who);
      await core.removed();
      return { ...decision, case: await view(caseId) };
    },
    async reject(caseId, input, who) {
      if (!can(who.user.role, 'decide:severe')) throw new SaringError('forbidden', 'Only a senior moderator (decide:severe) rejects a four-eyes removal.');
      const { reason } = parseInput(reasonSchema, input);
      return toCase(await rejectRemoval(deps, caseId, reason, who), await reviewRules(db));
    },
    async bulk(input, who) {
      if (!can(who.user.role, 'decide')) throw new SaringError('forbidden', `Role ${who.user.role} may not decide.`);
      const id = await createBulkRun(db, core.jobs, parseInput(bulkSchema, input), who);
      return getBulkRun(db, id);
    },
    bulkRun: (id) => getBulkRun(db, id),
    runBulk,
    async queues() {
      return queueSummaries(db, await rules());
    },
    async list(query, who) {
      return listCases(db, await rules(), parseInput(listQuerySchema, query), who.user.id);
    },
    async export(query, who) {
      const valid = parseInput(listQuerySchema, query);
      const format = valid.format === 'csv' ? 'csv' : 'jsonl';
      const r = await rules();
      async function* lines(): AsyncGenerator<string> {
        if (format === 'csv') yield csvHeader();
        for await (const c of allCases(db, r, valid, who.user.id)) yield format === 'csv' ? csvLine(c) : `${JSON.stringify(c)}\n`;
      }
      return { format, lines: lines() };
    },
    async settings() {
      const r = await reviewRules(db);
      return {
        claimMinutes: r.settings.claimMinutes,
        fourEyes: r.settings.fourEyes,
        queues: r.queues.map((queue) => ({ queue, slaHours: r.slaHours(queue) })),
        priority: { ...r.settings.priority, categories: { ...r.categoryWeights } },
        templates: r.settings.templates,
      };
    },
    metrics: (query) => reviewMetrics(db, parseInput(metricsQuerySchema, query)),
  };
}
