import type { BankMatch, BankMatcher, MediaHashes } from '../banks/matcher.js';
import type { MediaHashes as HashedMedia } from '../signals/hash/media.js';
import { storeMediaHashes } from '../banks/media-hashes.js';
import type { Db } from '../db/connect.js';
import { sql } from 'kysely';
import { appendAudit, type Actor } from '../audit/log.js';
import { recordDecision, routeToReview, toDecision, type Decision } from '../decisions/decisions.js';
import { notFound } from '../errors/errors.js';
import { runHooks, type Effects } from '../decisions/effects.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { sha256 } from '../signals/hash/exact.js';
import type { Verdict } from '../scan/verdict.js';
import type { MediaFindings } from '../scan/media-findings.js';
import { mediaSchema, type ContentInput, type ValidContentInput } from './schema.js';
import { isUuid } from '../shared/validate.js';

type MediaItem = ValidContentInput['media'][number];

export interface ContentItem {
  id: string;
  externalId: string;
  kind: string;
  account: { id: string; externalId: string } | null;
  texts: Record<string, string>;
  media: unknown[];
  audience: string;
  status: string;
  restriction: string | null;
  metadata: Record<string, unknown>;
  /** The current version: 1, then one more each time the platform sends changed texts or media. */
  version: number;
  /** The platform's own creation time of the item (`createdAt` of an import row or batch item), when it was given. */
  postedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A listed item with what its latest scan concluded, so a queue shows why each item is there. */
export interface ListedContent extends ContentItem {
  latestScan: {
    action: string;
    policyVersion: string;
    categories: { category: string; score: number; action: string }[];
    review?: Verdict['review'];
    createdAt: string;
  } | null;
}

export interface StoredScan {
  id: string;
  /** The version of the item the scan judged (null for scans made before versions were kept). */
  contentVersion: number | null;
  policyVersion: string;
  action: string;
  verdict: Verdict;
  createdAt: string;
}

/** One stored version of an item, as the platform sent it. */
export interface ContentVersion {
  version: number;
  /** SHA-256 of what was sent (kind, texts, media, audience), to tell versions apart. */
  sha256: string;
  kind: string;
  texts: Record<string, string>;
  media: unknown[];
  audience: string;
  metadata: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}

export interface ContentDetail extends ContentItem {
  scans: StoredScan[];
  decisions: Decision[];
  /** Every version, oldest first (what was sent: `GET /v1/content/{id}/versions/{n}`). */
  versions: Pick<ContentVersion, 'version' | 'sha256' | 'createdBy' | 'createdAt'>[];
  /** The latest media analysis, when the item's media had to be analysed. */
  analysis?: AnalysisState;
}

/** Where the analysis of an item's media stands, with what each media item's steps found. */
export interface AnalysisState {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  jobId: string | null;
  findings: MediaFindings[];
  scanId: string | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

type AnalysisRow = Awaited<ReturnType<typeof latestAnalysisRow>>;

function latestAnalysisRow(db: Db, contentId: string) {
  return db.selectFrom('media_analyses').selectAll().where('content_id', '=', contentId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

export function toAnalysis(r: NonNullable<AnalysisRow>): AnalysisState {
  return {
    id: r.id,
    status: r.status as AnalysisState['status'],
    jobId: r.job_id,
    findings: r.findings as MediaFindings[],
    scanId: r.scan_id,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

export async function latestAnalysis(db: Db, contentId: string): Promise<AnalysisState | undefined> {
  const row = await latestAnalysisRow(db, contentId);
  return row ? toAnalysis(row) : undefined;
}

/** Media the pipeline must read: an upload, a path, or a URL when fetching is on. */
export function mediaToAnalyse(input: Pick<ValidContentInput, 'media'>, fetchUrls: boolean): number[] {
  return input.media.flatMap((m, i) => (m.type !== 'audio' && (m.upload || m.path || (fetchUrls && m.url)) ? [i] : []));
}

async function findRow(db: Db, idOrExternalId: string) {
  const base = db
    .selectFrom('content_items')
    .leftJoin('accounts', 'accounts.id', 'content_items.account_id')
    .selectAll('content_items')
    .select(['accounts.external_id as account_external_id']);
  if (isUuid(idOrExternalId)) {
    const row = await base.where('content_items.id', '=', idOrExternalId).executeTakeFirst();
    if (row) return row;
  }
  return base.where('content_items.external_id', '=', idOrExternalId).executeTakeFirst();
}

type ItemRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function toItem(r: ItemRow): ContentItem {
  return {
    id: r.id,
    externalId: r.external_id,
    kind: r.kind,
    account: r.account_id ? { id: r.account_id, externalId: r.account_external_id! } : null,
    texts: r.texts,
    media: r.media,
    audience: r.audience,
    status: r.status,
    restriction: r.restriction,
    metadata: r.metadata,
    version: r.version,
    postedAt: r.posted_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** By Saring's id or by the platform's external id. */
export async function getContent(db: Db, idOrExternalId: string): Promise<ContentDetail> {
  const row = await findRow(db, idOrExternalId);
  if (!row) throw notFound('Content', idOrExternalId);
  return (await getContents(db, [row.id])).get(row.id)!;
}

/** An item's row with its scans, versions, decisions and latest analysis as JSON (timestamps as text). */
type DetailRow = ItemRow & {
  scans_json: { id: string; content_version: number | null; policy_version: string; action: string; verdict: unknown; created_at: string }[];
  versions_json: { version: number; fingerprint: string; created_by: string; created_at: string }[];
  decisions_json: (Omit<DecisionRow, 'created_at'> & { created_at: string })[];
  analysis_json: (Omit<NonNullable<AnalysisRow>, 'created_at' | 'started_at' | 'finished_at'> & { created_at: string; started_at: string | null; finished_at: string | null }) | null;
};
type DecisionRow = Parameters<typeof toDecision>[0];

const date = (text: string) => new Date(text);

/**
 * Items by Saring's id, each as `getContent` gives it, read in one statement (the batched write
 * path answers a whole batch with it). Ids not found are left out.
 */
export async function getContents(db: Db, ids: string[]): Promise<Map<string, ContentDetail>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<DetailRow>`
    SELECT ci.*, a.external_id AS account_external_id,
      coalesce((SELECT json_agg(json_build_object('id', s.id, 'content_version', s.content_version, 'policy_version', s.policy_version,
          'action', s.action, 'verdict', s.verdict, 'created_at', s.created_at) ORDER BY s.created_at)
        FROM scans s WHERE s.content_id = ci.id), '[]') AS scans_json,
      coalesce((SELECT json_agg(json_build_object('version', v.version, 'fingerprint', v.fingerprint, 'created_by', v.created_by, 'created_at', v.created_at) ORDER BY v.version)
        FROM content_versions v WHERE v.content_id = ci.id), '[]') AS versions_json,
      coalesce((SELECT json_agg(d ORDER BY d.created_at) FROM decisions d WHERE d.content_id = ci.id), '[]') AS decisions_json,
      (SELECT row_to_json(m) FROM media_analyses m WHERE m.content_id = ci.id ORDER BY m.created_at DESC LIMIT 1) AS analysis_json
    FROM content_items ci LEFT JOIN accounts a ON a.id = ci.account_id
    WHERE ci.id = ANY(${ids}::uuid[])`.execute(db);
  return new Map(
    rows.map((row) => {
      const detail: ContentDetail = {
        ...toItem(row),
        versions: row.versions_json.map((v) => ({ version: v.version, sha256: sha256(v.fingerprint), createdBy: v.created_by, createdAt: date(v.created_at).toISOString() })),
        scans: row.scans_json.map((s) => ({
          id: s.id,
          contentVersion: s.content_version,
          policyVersion: s.policy_version,
          action: s.action,
          verdict: s.verdict as Verdict,
          createdAt: date(s.created_at).toISOString(),
        })),
        decisions: row.decisions_json.map((d) => toDecision({ ...d, created_at: date(d.created_at) })),
      };
      const m = row.analysis_json;
      if (m) {
        detail.analysis = toAnalysis({
          ...m,
          created_at: date(m.created_at),
          started_at: m.started_at === null ? null : date(m.started_at),
          finished_at: m.finished_at === null ? null : date(m.finished_at),
        });
      }
      return [row.id, detail];
    }),
  );
}

/** One stored version of an item (by Saring's id or the external id). */
export async function getContentVersion(db: Db, idOrExternalId: string, version: number): Promise<ContentVersion> {
  const item = await findRow(db, idOrExternalId);
  if (!item) throw notFound('Content', idOrExternalId);
  const v = await db.selectFrom('content_versions').selectAll().where('content_id', '=', item.id).where('version', '=', version).executeTakeFirst();
  if (!v) throw notFound(`Version ${version} of content`, idOrExternalId);
  return {
    version: v.version,
    sha256: sha256(v.fingerprint),
    kind: v.kind,
    texts: v.texts,
    media: v.media,
    audience: v.audience,
    metadata: v.metadata,
    createdBy: v.created_by,
    createdAt: v.created_at.toISOString(),
  };
}

/** The content part of the engine. */
export interface ContentApi {
  /** Stores and scans an item (idempotent by external id; changed texts or media make a new version); acts on the verdict. */
  submit(input: ContentInput, actor: Actor): Promise<SubmitResult>;
  get(idOrExternalId: string): Promise<ContentDetail>;
  /** A stored version of the item, as the platform sent it. */
  version(idOrExternalId: string, version: number): Promise<ContentVersion>;
  list(options?: { status?: string; limit?: number; before?: string }): Promise<ListedContent[]>;
  /** Stops the item's queued or running media analysis; nothing is judged. */
  cancelAnalysis(idOrExternalId: string, actor: Actor): Promise<AnalysisState>;
  /** Waits until no media analysis is queued or running (tests, demo loading). */
  drainAnalyses(timeoutMs?: number): Promise<void>;
}

export interface SubmitResult {
  content: ContentDetail;
  /** false when the same item was sent before (idempotent retry): nothing new was stored. */
  created: boolean;
  /** true when this call scanned the item (new, or its texts changed). */
  scanned: boolean;
  /** The verdict; absent while the item's media is being analysed (see `analysis`). */
  verdict?: Verdict;
  /** When the media must be analysed first: the analysis and its job. The verdict follows by webhook and on `GET /v1/content/{id}`. */
  analysis?: AnalysisState;
}

/** The hashes of the content's images and videos (by position in `media`), as the banks match them. */
export function mediaHashes(input: Pick<ValidContentInput, 'media'>): { index: number; hashes: MediaHashes }[] {
  return input.media.flatMap((m, index) =>
    m.type === 'audio'
      ? []
      : [
          {
            index,
            hashes: {
              kind: m.type,
              ...(m.md5 ? { md5: m.md5 } : {}),
              ...(m.sha256 ? { sha256: m.sha256 } : {}),
              ...(m.pdq ? { pdq: { ...m.pdq, ...(m.dihedral ? { dihedral: m.dihedral } : {}) } } : {}),
              ...(m.cropped ? { cropped: { hash: m.cropped.hash, quality: m.cropped.quality } } : {}),
              ...(m.vpdq ? { frames: m.vpdq.map((f) => ({ ...f, ...(f.cropped ? { cropped: { hash: f.cropped.hash, quality: f.cropped.quality } } : {}) })) } : {}),
            },
          },
        ],
  );
}

/** What the banks say about the content's media, by position in `media`. */
export async function contentBankMatches(matcher: BankMatcher, input: Pick<ValidContentInput, 'media'>): Promise<{ media: number; match: BankMatch }[]> {
  const out: { media: number; match: BankMatch }[] = [];
  for (const { index, hashes } of mediaHashes(input)) for (const match of await matcher.matchMedia(hashes)) out.push({ media: index, match });
  return out;
}

/** A media item with the hashes computed from its bytes (`hashMedia`), so that banks match and keep them. */
export function withHashes(item: Pick<MediaItem, 'type'> & Partial<MediaItem>, hashes: HashedMedia): MediaItem {
  return mediaSchema.parse({ ...item, ...hashes });
}

export function fingerprint(input: ValidContentInput): string {
  return canonicalJson({ kind: input.kind, texts: input.texts, media: input.media, audience: input.audience });
}

/**
 * Stores a content item and acts on the verdict of its scan. Idempotent by external id: sending
 * the same item again changes nothing and returns the stored result; sending it with changed
 * texts (an edited caption) stores the change and scans again.
 */
export async function submitContent(
  db: Db,
  fx: Effects,
  input: ValidContentInput,
  scan: (input: ValidContentInput) => Verdict,
  actor: Actor,
  options: { analyse?: { queue: string } } = {},
): Promise<SubmitResult> {
  const outcome = await db.transaction().execute((trx) => storeSubmission(trx, fx, input, scan, actor, options));
  return submitResult(outcome, await getContent(db, outcome.id));
}

/** What storing one submitted item did (the answer is completed with the stored item). */
export interface SubmitOutcome {
  id: string;
  created: boolean;
  scanned: boolean;
  verdict?: Verdict;
}

export function submitResult(outcome: SubmitOutcome, content: ContentDetail): SubmitResult {
  const result: SubmitResult = { ...outcome, content };
  if (!outcome.verdict && content.analysis) result.analysis = content.analysis;
  return result;
}

/** The part of `submitContent` in its transaction: stores the item (or finds it known) and acts on the verdict. */
export async function storeSubmission(
  trx: Db,
  fx: Effects,
  input: ValidContentInput,
  scan: (input: ValidContentInput) => Verdict,
  actor: Actor,
  options: { analyse?: { queue: string } } = {},
): Promise<SubmitOutcome> {
  const existing = await trx.selectFrom('content_items').selectAll().where('external_id', '=', input.externalId).forUpdate().executeTakeFirst();
  const print = fingerprint(input);
  if (existing && existing.fingerprint === print) {
    const analysis = await latestAnalysisRow(trx, existing.id);
    if (analysis && analysis.fingerprint === print && ['queued', 'running'].includes(analysis.status)) {
      return { id: existing.id, created: false, scanned: false };
    }
    const last = await trx.selectFrom('scans').select('verdict').where('content_id', '=', existing.id).orderBy('created_at', 'desc').executeTakeFirst();
    if (last) return { id: existing.id, created: false, scanned: false, verdict: last.verdict as Verdict };
  }
  let accountId: string | null = null;
  if (input.account) {
    const acc = await trx
      .insertInto('accounts')
      .values({ external_id: input.account.externalId, display_name: input.account.displayName ?? null })
      .onConflict((oc) => oc.column('external_id').doUpdateSet((eb) => ({ display_name: eb.fn.coalesce('excluded.display_name', 'accounts.display_name') })))
      .returning('id')
      .executeTakeFirstOrThrow();
    accountId = acc.id;
  }
  const values = {
    fingerprint: print,
    kind: input.kind,
    account_id: accountId,
    texts: JSON.stringify(input.texts),
    media: JSON.stringify(input.media),
    audience: input.audience,
    metadata: JSON.stringify(input.metadata ?? {}),
  };
  // A change never overwrites what was judged: the old version stays in content_versions.
  const version = existing ? existing.version + 1 : 1;
  const id = existing
    ? (await trx.updateTable('content_items').set({ ...values, version, updated_at: new Date() }).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
    : (await trx.insertInto('content_items').values({ external_id: input.externalId, ...values }).returning('id').executeTakeFirstOrThrow()).id;
  const { account_id: _account, ...versioned } = values;
  await trx.insertInto('content_versions').values({ content_id: id, version, ...versioned, created_by: actor }).execute();
  if (existing) {
    await appendAudit(trx, {
      actor,
      action: 'content.version_added',
      subjectType: 'content',
      subjectId: id,
      data: { externalId: input.externalId, version, previousSha256: sha256(existing.fingerprint), sha256: sha256(print), status: existing.status },
    });
  }

  // A new item has no stored hashes to replace.
  const hashes = mediaHashes(input);
  if (existing || hashes.length) await storeMediaHashes(trx, id, hashes);
  if (options.analyse) {
    // The media is read and analysed in a job; the verdict is taken there, once, on everything.
    // An analysis of an earlier version of the item is superseded: its job stops without judging.
    await trx.updateTable('media_analyses').set({ status: 'cancelled', finished_at: new Date() }).where('content_id', '=', id).where('status', 'in', ['queued', 'running']).execute();
    const row = await trx.insertInto('media_analyses').values({ content_id: id, fingerprint: print }).returning('id').executeTakeFirstOrThrow();
    const jobId = await fx.jobs.send(options.analyse.queue, { analysisId: row.id }, { trx });
    await trx.updateTable('media_analyses').set({ job_id: jobId }).where('id', '=', row.id).execute();
    return { id, created: !existing, scanned: false };
  }
  const verdict = scan(input);
  await applyVerdict(trx, fx, id, verdict, actor, { externalId: input.externalId, accountId });
  return { id, created: !existing, scanned: true, verdict };
}

/**
 * Locks these accounts, in one order. The decision path locks an item's account (its strikes); a
 * transaction that decides many items — a sweep's chunk, an import's batch — takes those locks up
 * front with this, so two such transactions working side by side wait for each other instead of
 * deadlocking on accounts they share (each would otherwise lock them in its own items' order).
 */
export async function lockAccounts(trx: Db, accountIds: Iterable<string | null | undefined>): Promise<void> {
  const ids = [...new Set([...accountIds].filter((id): id is string => !!id))].sort();
  if (ids.length) await sql`SELECT id FROM accounts WHERE id IN (${sql.join(ids)}) ORDER BY id FOR UPDATE`.execute(trx);
}

/**
 * Records a scan of stored content and acts on its verdict: review holds the item, remove and
 * restrict record an automated decision. An allow verdict changes nothing (a removal stands until
 * a person decides otherwise).
 */
export async function applyVerdict(
  trx: Db,
  fx: Effects,
  contentId: string,
  verdict: Verdict,
  actor: Actor,
  known?: { externalId: string; accountId: string | null },
): Promise<string> {
  const scanRow = await trx
    .insertInto('scans')
    .values((eb) => ({
      content_id: contentId,
      content_version: eb.selectFrom('content_items').select('version').where('id', '=', contentId),
      policy_version: verdict.policyVersion,
      action: verdict.action,
      verdict: JSON.stringify(verdict),
    }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await actOnScan(trx, fx, contentId, scanRow.id, verdict, actor, known);
  return scanRow.id;
}

/**
 * Acts on the verdict of a scan already stored (`scanId`): what `applyVerdict` does after storing
 * the scan. The bulk import stores a batch's scans in one statement and then acts on each here,
 * so imported content goes through the same decision path as submitted content.
 */
export async function actOnScan(
  trx: Db,
  fx: Effects,
  contentId: string,
  scanId: string,
  verdict: Verdict,
  actor: Actor,
  known?: { externalId: string; accountId: string | null },
): Promise<void> {
  const top = verdict.categories[0];
  const action = verdict.action;
  if (action === 'review') {
    if (verdict.review) await routeToReview(trx, fx, { contentId, scanId, ...verdict.review }, actor);
  } else if (action !== 'allow' && top) {
    const deciding = verdict.categories.filter((c) => c.action === action);
    const evidence = deciding.flatMap((c) => c.evidence);
    await recordDecision(
      trx,
      fx,
      {
        contentId,
        scanId,
        actorType: 'automated',
        action,
        category: top.category,
        evidence,
        automatedDetection: true,
        // Media removed because it matched a bank is already banked; banking it again would let
        // matches drift from what a person or an order removed.
        bankMedia: !evidence.some((e) => e.source === 'hash'),
        reason: `Automated scan under policy ${verdict.policyVersion}: ${top.category} score ${top.score}.`,
      },
      actor,
    );
  }
  if (fx.hooks.scanned.length) {
    const item = known ?? (await trx.selectFrom('content_items').select(['external_id as externalId', 'account_id as accountId']).where('id', '=', contentId).executeTakeFirstOrThrow());
    const content = { id: contentId, externalId: item.externalId, accountId: item.accountId };
    await runHooks(fx.hooks.scanned, trx, { content, scanId, verdict, actor });
  }
}

/** Items newest first, each with what its latest scan concluded (action, categories, review queue). */
export async function listContent(
  db: Db,
  options: { status?: string; limit?: number; before?: string } = {},
): Promise<ListedContent[]> {
  let q = db
    .selectFrom('content_items')
    .leftJoin('accounts', 'accounts.id', 'content_items.account_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('scans')
          .select([
            'scans.action',
            'scans.policy_version',
            'scans.created_at',
            sql<unknown>`scans.verdict->'review'`.as('review'),
            sql<{ category: string; score: number; action: string }[] | null>`(SELECT jsonb_agg(jsonb_build_object('category', c->'category', 'score', c->'score', 'action', c->'action'))
              FROM jsonb_array_elements(scans.verdict->'categories') AS c)`.as('categories'),
          ])
          .whereRef('scans.content_id', '=', 'content_items.id')
          .orderBy('scans.created_at', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .selectAll('content_items')
    .select([
      'accounts.external_id as account_external_id',
      'latest.action as scan_action',
      'latest.policy_version as scan_policy_version',
      'latest.created_at as scan_created_at',
      'latest.review as scan_review',
      'latest.categories as scan_categories',
    ])
    .orderBy('content_items.created_at', 'desc')
    .limit(Math.min(options.limit ?? 50, 500));
  if (options.status) q = q.where('content_items.status', '=', options.status);
  if (options.before) q = q.where('content_items.created_at', '<', new Date(options.before));
  return (await q.execute()).map((r) => ({
    ...toItem(r),
    latestScan: r.scan_action
      ? {
          action: r.scan_action,
          policyVersion: r.scan_policy_version!,
          categories: r.scan_categories ?? [],
          ...(r.scan_review ? { review: r.scan_review as Verdict['review'] } : {}),
          createdAt: r.scan_created_at!.toISOString(),
        }
      : null,
  }));
}
