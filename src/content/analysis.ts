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
import type { Jobs } from '../jobs/jobs.js';
import type { AnalyseOptions, MediaAnalysis } from '../media/analyse.js';
import { stageMedia, type IntakeOptions, type MediaSource } from '../media/intake.js';
import { failedStep, type MediaFindings, type StepName } from '../scan/media-findings.js';
import type { Verdict } from '../scan/verdict.js';
import { emitEvent } from '../webhooks/webhooks.js';
import { applyVerdict, getContent, mediaHashes, mediaToAnalyse, toAnalysis, withHashes, type AnalysisState } from './content.js';
import { mediaSchema, type ValidContentInput } from './schema.js';

export const MEDIA_QUEUE = 'media-analysis';
/** Attempts after the first when the analysis itself fails (not a step: those are findings). */
const RETRIES = 1;

export interface AnalysisDeps {
  db: Db;
  jobs: Jobs;
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

/** Analyses the media of one queued analysis and acts on the verdict. Idempotent: a finished or cancelled analysis is left alone. */
export async function runAnalysis(deps: AnalysisDeps, analysisId: string, signal: AbortSignal, attempt: { final: boolean } = { final: true }): Promise<void> {
  const { db, jobs } = deps;
  const claimed = await db
    .updateTable('media_analyses')
    .set({ status: 'running', started_at: new Date() })
    .where('id', '=', analysisId)
    .where('status', 'in', ['queued', 'running'])
    .returning(['content_id'])
    .executeTakeFirst();
  if (!claimed) return;
  const item = await getContent(db, claimed.content_id);

  // Cancellation from any process: the row says so.
  const controller = new AbortController();
  const abort = () => controller.abort(new SaringError('cancelled', 'The media analysis was cancelled.'));
  signal.addEventListener('abort', abort, { once: true });
  const poll = setInterval(() => {
    db.selectFrom('media_analyses').select('status').where('id', '=', analysisId).executeTakeFirst().then(
      (r) => r?.status === 'cancelled' && abort(),
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

    const analysed = { ...input, media };
    const bankMatches = await deps.bankMatches(analysed);
    const verdict = controller.signal.aborted ? undefined : await deps.scan({ texts: item.texts, audience: analysed.audience, bankMatches, media: findings });
    const removed = await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('media_analyses').select('status').where('id', '=', analysisId).forUpdate().executeTakeFirstOrThrow();
      if (row.status === 'cancelled' || !verdict) {
        await trx.updateTable('media_analyses').set({ status: 'cancelled', findings: JSON.stringify(findings), finished_at: new Date() }).where('id', '=', analysisId).execute();
        return false;
      }
      await trx.updateTable('content_items').set({ media: JSON.stringify(media), updated_at: new Date() }).where('id', '=', item.id).execute();
      await storeMediaHashes(trx, item.id, mediaHashes(analysed));
      const scanId = await applyVerdict(trx, jobs, item.id, verdict, ACTOR);
      await trx
        .updateTable('media_analyses')
        .set({ status: 'done', findings: JSON.stringify(findings), scan_id: scanId, finished_at: new Date() })
        .where('id', '=', analysisId)
        .execute();
      await emitEvent(trx, jobs, 'content.analysed', {
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
    // Steps that fail are findings; this is the analysis itself failing (the database, a bug).
    // The job is retried; after the last attempt the platform is told.
    const error = { code: isSaringError(err) ? err.code : 'internal', message: err instanceof Error ? err.message : String(err) };
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('media_analyses')
        .set({ status: attempt.final ? 'failed' : 'queued', error: JSON.stringify(error), ...(attempt.final ? { finished_at: new Date() } : {}) })
        .where('id', '=', analysisId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (attempt.final && Number(updated.numUpdatedRows) > 0) {
        await emitEvent(trx, jobs, 'content.analysed', { contentId: item.id, externalId: item.externalId, analysisId, status: 'failed', error });
      }
    });
    throw err;
  } finally {
    clearInterval(poll);
    signal.removeEventListener('abort', abort);
  }
}

export function defineMediaQueue(deps: AnalysisDeps, concurrency: number, stepTimeoutSeconds: number): void {
  deps.jobs.define<{ analysisId: string }>({
    name: MEDIA_QUEUE,
    retryLimit: RETRIES,
    retryDelay: 30,
    // Every step may take its full time, and there are several per media item.
    expireInSeconds: Math.max(600, stepTimeoutSeconds * 6),
    concurrency,
    handler: ({ analysisId }, job) => runAnalysis(deps, analysisId, job.signal, { final: job.retryCount >= RETRIES }),
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
