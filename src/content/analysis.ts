/**
 * The job that analyses a content item's media and then judges the item once, on everything:
 * its texts, the text on screen and in speech, nudity, and the bank matches of the hashes it
 * computed. A step that fails leaves the others' findings (and the policy may send the item to
 * review); a cancelled analysis judges nothing.
 */
import { appendAudit, type Actor } from '../audit/log.js';
import type { BankMatch } from '../banks/matcher.js';
import { storeMediaHashes } from '../banks/media-hashes.js';
import type { Db } from '../db/connect.js';
import { SaringError, isSaringError } from '../errors/errors.js';
import type { Effects } from '../decisions/effects.js';
import type { JobFailure, Jobs } from '../jobs/jobs.js';
import type { AnalyseOptions, MediaAnalysis } from '../media/analyse.js';
import { stageMedia, type IntakeOptions, type MediaSource } from '../media/intake.js';
import { failedStep, type MediaFindings, type StepName } from '../scan/media-findings.js';
import type { Verdict } from '../scan/verdict.js';
import { emitEvent } from '../webhooks/webhooks.js';
import { applyVerdict, getContent, mediaHashes, mediaToAnalyse, toAnalysis, withHashes, type AnalysisState } from './content.js';
import { mediaSchema, type ValidContentInput } from './schema.js';

export const MEDIA_QUEUE = 'media-analysis';
/**
 * Attempts after the first when the analysis itself fails (not a step: those are findings) or its
 * process dies; after that the analysis is marked failed and the platform told.
 */
const RETRIES = 1;
/** Statuses of an analysis that has not finished: a job may still (or again) work on it. */
const UNFINISHED = ['queued', 'running'] as const;

export interface AnalysisDeps {
  db: Db;
  fx: Effects;
  intake: IntakeOptions;
  /** Runs the media pipeline on one staged file (in a worker thread, in the server). */
  analyse: (path: string, options: Omit<AnalyseOptions, 'signal'>, signal: AbortSignal) => Promise<MediaAnalysis>;
  analyseOptions: Omit<AnalyseOptions, 'media' | 'signal'>;
  /** Bank matches of the media's hashes. */
  bankMatches: (input: ValidContentInput) => Promise<{ media: number; match: BankMatch }[]>;
  /** Scans the item with its media findings. */
  scan: (input: { texts: Record<string, string>; audience: ValidContentInput['audience']; bankMatches: { media: number; match: BankMatch }[]; media: MediaFindings[] }) => Promise<Verdict>;
  /** Called after a verdict removed something (the bank matcher reloads). */
  onRemoved?: () => Promise<void>;
}

const ACTOR: Actor = 'system:media-analysis';

function failed(media: number, step: StepName, err: unknown): MediaFindings {
  return {
    media,
    kind: 'unknown',
    steps: [failedStep(step, err, 0)],
  };
}

function sourceOf(m: ValidContentInput['media'][number]): MediaSource {
  if (m.upload) return { upload: m.upload };
  if (m.path) return { path: m.path };
  return { url: m.url! };
}

/**
 * Analyses the media of one queued analysis and acts on the verdict. Idempotent: a finished or
 * cancelled analysis is left alone, and of two runs of one analysis (a retry started while a run
 * thought dead still works) only the first to finish acts.
 */
export async function runAnalysis(deps: AnalysisDeps, analysisId: string, signal: AbortSignal): Promise<void> {
  const { db, fx } = deps;
  // A retry takes over a `running` analysis: the attempt before it failed or its process died.
  const claimed = await db
    .updateTable('media_analyses')
    .set({ status: 'running', started_at: new Date() })
    .where('id', '=', analysisId)
    .where('status', 'in', UNFINISHED)
    .returning(['content_id'])
    .executeTakeFirst();
  if (!claimed) return;
  const item = await getContent(db, claimed.content_id);

  // Stops on cancellation (from any process: the row says so), when another run finished the
  // analysis, or when the job is stopped (shutdown, expiry, its claim lost).
  const controller = new AbortController();
  const onJobAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onJobAbort, { once: true });
  const poll = setInterval(() => {
    db.selectFrom('media_analyses').select('status').where('id', '=', analysisId).executeTakeFirst().then(
      (r) => r && !(UNFINISHED as readonly string[]).includes(r.status) && controller.abort(new SaringError('cancelled', 'The media analysis was cancelled or finished elsewhere.')),
      () => undefined,
    );
  }, 1000);
  poll.unref();

  try {
    const media = item.media.map((m) => mediaSchema.parse(m));
    const input = { ...item, media } as unknown as ValidContentInput;
    const findings: MediaFindings[] = [];
    for (const index of mediaToAnalyse(input, deps.intake.fetch?.enabled === true)) {
      if (controller.signal.aborted) break;
      let staged;
      try {
        staged = await stageMedia(deps.intake, sourceOf(media[index]!), controller.signal);
      } catch (err) {
        if (controller.signal.aborted) break;
        findings.push(failed(index, 'intake', err));
        continue;
      }
      try {
        const r = await deps.analyse(staged.path, { ...deps.analyseOptions, media: index }, controller.signal);
        findings.push(r.findings);
        media[index] = withHashes(media[index]!, r.hashes);
      } catch (err) {
        if (controller.signal.aborted) break;
        findings.push(failed(index, 'hash', err));
      } finally {
        await staged.release();
      }
    }
    // A stopped job judges nothing and leaves the analysis to its retry.
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('The media analysis job was stopped.');

    const analysed = { ...input, media };
    const bankMatches = await deps.bankMatches(analysed);
    const verdict = controller.signal.aborted ? undefined : await deps.scan({ texts: item.texts, audience: analysed.audience, bankMatches, media: findings });
    const removed = await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('media_analyses').select('status').where('id', '=', analysisId).forUpdate().executeTakeFirstOrThrow();
      // Another run finished first (done), or the analysis was given up (failed): never acted on twice.
      if (row.status === 'done' || row.status === 'failed') return false;
      if (row.status === 'cancelled' || !verdict) {
        await trx.updateTable('media_analyses').set({ status: 'cancelled', findings: JSON.stringify(findings), finished_at: new Date() }).where('id', '=', analysisId).execute();
        return false;
      }
      await trx.updateTable('content_items').set({ media: JSON.stringify(media), updated_at: new Date() }).where('id', '=', item.id).execute();
      await storeMediaHashes(trx, item.id, mediaHashes(analysed));
      const scanId = await applyVerdict(trx, fx, item.id, verdict, ACTOR);
      await trx
        .updateTable('media_analyses')
        .set({ status: 'done', findings: JSON.stringify(findings), scan_id: scanId, error: null, finished_at: new Date() })
        .where('id', '=', analysisId)
        .execute();
      await emitEvent(trx, fx.jobs, 'content.analysed', {
        contentId: item.id,
        externalId: item.externalId,
        analysisId,
        status: 'done',
        scanId,
        action: verdict.action,
        categories: verdict.categories.map((c) => ({ category: c.category, score: c.score, action: c.action })),
        ...(verdict.review ? { review: verdict.review } : {}),
        steps: findings.map((f) => ({ media: f.media, steps: f.steps.map((s) => ({ step: s.step, status: s.status })) })),
      });
      return verdict.action === 'remove';
    });
    if (removed) await deps.onRemoved?.();
  } catch (err) {
    // Steps that fail are findings; this is the analysis itself failing (the database, a bug) or its
    // job being stopped. The error is kept for GET; the job is retried, and when it fails for good
    // `failAnalysis` marks the analysis failed and tells the platform.
    await db
      .updateTable('media_analyses')
      .set({ error: JSON.stringify(errorOf(err)) })
      .where('id', '=', analysisId)
      .where('status', 'in', UNFINISHED)
      .execute()
      .catch(() => undefined);
    throw err;
  } finally {
    clearInterval(poll);
    signal.removeEventListener('abort', onJobAbort);
  }
}

function errorOf(err: unknown): { code: string; message: string } {
  return { code: isSaringError(err) ? err.code : 'internal', message: err instanceof Error ? err.message : String(err) };
}

/**
 * Marks an unfinished analysis failed and emits `content.analysed` with status failed, once: its job
 * failed for good (the last attempt threw, ran out of time, or its process died).
 */
export async function failAnalysis(db: Db, jobs: Jobs, analysisId: string, failure: JobFailure): Promise<void> {
  const error = { code: failure.code ?? 'internal', message: failure.message };
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('media_analyses')
      .set({ status: 'failed', error: JSON.stringify(error), finished_at: new Date() })
      .where('id', '=', analysisId)
      .where('status', 'in', UNFINISHED)
      .returning('content_id')
      .executeTakeFirst();
    if (!row) return;
    const item = await trx.selectFrom('content_items').select(['id', 'external_id']).where('id', '=', row.content_id).executeTakeFirstOrThrow();
    await emitEvent(trx, jobs, 'content.analysed', { contentId: item.id, externalId: item.external_id, analysisId, status: 'failed', error });
  });
}

export function defineMediaQueue(deps: AnalysisDeps, options: { concurrency: number; stepTimeoutSeconds: number; heartbeatSeconds: number }): void {
  deps.fx.jobs.define<{ analysisId: string }>({
    name: MEDIA_QUEUE,
    retryLimit: RETRIES,
    retryDelay: 5,
    // Every step may take its full time, and there are several per media item.
    expireInSeconds: Math.max(600, options.stepTimeoutSeconds * 6),
    // A process that dies mid-analysis is noticed within a heartbeat, not at expiry.
    heartbeatSeconds: options.heartbeatSeconds,
    concurrency: options.concurrency,
    handler: ({ analysisId }, job) => runAnalysis(deps, analysisId, job.signal),
    onFailed: ({ analysisId }, failure) => failAnalysis(deps.db, deps.fx.jobs, analysisId, failure),
  });
}

/** Cancels the item's running or queued analysis; the job stops at its next check (within a second). */
export async function cancelAnalysis(db: Db, contentId: string, actor: Actor): Promise<AnalysisState> {
  const item = await getContent(db, contentId);
  const row = await db
    .updateTable('media_analyses')
    .set({ status: 'cancelled', finished_at: new Date() })
    .where('content_id', '=', item.id)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new SaringError('invalid_state', `Content ${contentId} has no queued or running media analysis.`);
  await appendAudit(db, { actor, action: 'content.analysis_cancelled', subjectType: 'content', subjectId: item.id, data: { analysisId: row.id } });
  return toAnalysis(row);
}
