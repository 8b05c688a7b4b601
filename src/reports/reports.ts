import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import { appendAudit, type Actor } from '../audit/log.js';
import { CATEGORIES, CATEGORY_IDS, isCategoryId, type CategoryId } from '../categories/categories.js';
import type { SubmitResult } from '../content/content.js';
import { contentInputSchema, mediaSchema, type ContentInput } from '../content/schema.js';
import type { EngineCore } from '../core.js';
import type { Db } from '../db/connect.js';
import type { ReportersTable } from '../db/schema.js';
import { getDecision, type Decision } from '../decisions/decisions.js';
import { runHooks, type Decided, type Effects } from '../decisions/effects.js';
import { REDRESS, type Bilingual, type DecisionAction, type StatementOfReasons } from '../decisions/statement.js';
import { notFound, SaringError } from '../errors/errors.js';
import { AUDIENCES, type ReportsSettings } from '../policy/schema.js';
import { activeSettings } from '../policy/settings.js';
import { caseTakenUp, openCase } from '../review/cases.js';
import { reviewRules } from '../review/rules.js';
import { CONTENT_KINDS, textsSchema } from '../scan/schema.js';
import { parseInput, wholeNumber } from '../shared/validate.js';
import { emitEvent } from '../webhooks/webhooks.js';

export const REPORT_STATUSES = ['received', 'in_review', 'actioned', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_CATEGORIES = [...CATEGORY_IDS, 'other'] as const;

const name = z.string().trim().min(1).max(200);
const externalId = z.string().min(1).max(256);

/**
 * A public report: the fields Permenkominfo 5/2020 names for a public request (the requester's
 * identity, the content and its URL, a screenshot, a reason) and a category.
 */
export const reportSchema = z
  .object({
    /** The content: Saring's id, the platform's id, or its URL; with what it shows, to store it when Saring has never seen it. */
    content: z
      .object({
        id: z.uuid().optional(),
        externalId: externalId.optional(),
        url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
        kind: z.enum(CONTENT_KINDS).optional(),
        texts: textsSchema.optional(),
        media: z.array(mediaSchema).max(20).optional(),
        account: contentInputSchema.shape.account,
        audience: z.enum(AUDIENCES).optional(),
        metadata: z.record(z.string().max(64), z.unknown()).optional(),
      })
      .strict()
      .refine((c) => c.id !== undefined || c.externalId !== undefined || c.url !== undefined, { message: 'name the content: id, externalId or url' }),
    /** Who reports: the platform's id for its user, a name, a contact; or `anonymous` where the operator takes such reports. */
    reporter: z
      .object({ name: name.optional(), contact: z.string().trim().min(3).max(320).optional(), externalId: externalId.optional(), anonymous: z.boolean().optional() })
      .strict()
      .refine((r) => !r.anonymous || (r.name === undefined && r.contact === undefined && r.externalId === undefined), {
        message: 'an anonymous report carries no name, contact or externalId',
      })
      .default({}),
    /** A category id, or `other` (the platform's own rules). */
    category: z.enum(REPORT_CATEGORIES),
    reason: z.string().trim().min(1).max(5000),
    /** An upload id (`POST /v1/uploads`) of a screenshot of what the reporter saw. */
    screenshot: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'an upload id (POST /v1/uploads) is 64 hex digits')
      .transform((h) => h.toLowerCase())
      .optional(),
  })
  .strict();
export type ReportInput = z.input<typeof reportSchema>;

export const reportListSchema = z
  .object({
    status: z.enum(REPORT_STATUSES).optional(),
    caseId: z.uuid().optional(),
    contentId: z.uuid().optional(),
    reporterId: z.uuid().optional(),
    /** The `nextCursor` of the page before. */
    cursor: z.uuid().optional(),
    limit: wholeNumber(1, 500).default(50),
  })
  .strict();

export const reporterListSchema = z
  .object({ badFaith: z.enum(['true', 'false']).optional(), cursor: z.uuid().optional(), limit: wholeNumber(1, 500).default(50) })
  .strict();

export const badFaithSchema = z.object({ badFaith: z.boolean(), reason: z.string().trim().min(1).max(2000) }).strict();

/** What a reporter is told at once. */
export interface ReportReceipt {
  id: string;
  status: ReportStatus;
  /** The review case the report joined (null when the content was already removed: the report is answered at once). */
  caseId: string | null;
  contentId: string;
}

export interface Report {
  id: string;
  /** `in_review`: a moderator has taken up its case. */
  status: ReportStatus;
  caseId: string | null;
  content: { id: string; externalId: string };
  category: CategoryId | 'other';
  reason: string;
  /** What the reporter gave (null when anonymous). */
  reporter: { name?: string; contact?: string; externalId?: string } | null;
  reporterId: string | null;
  anonymous: boolean;
  /** Whether it raised its case's report count (not for a bad-faith reporter, nor the same reporter again). */
  counted: boolean;
  /** The reporter was marked as reporting in bad faith when it came in (its case sank in priority). */
  badFaith: boolean;
  /** An upload id: `GET /v1/reports/{id}/screenshot`. */
  screenshot: string | null;
  url: string | null;
  createdAt: string;
  resolvedAt: string | null;
  /** Once its case is decided: the decision, the answer for the reporter, and (one report, not a list) the decision's statement of reasons. */
  outcome: { decisionId: string; action: DecisionAction; category: CategoryId | null; answer: Bilingual; statement?: StatementOfReasons } | null;
}

export interface Reporter {
  id: string;
  externalId: string | null;
  contact: string | null;
  name: string | null;
  reports: number;
  /** Resolved reports since a person last set the reporter's standing. */
  actioned: number;
  rejected: number;
  badFaith: boolean;
  badFaithAt: string | null;
  badFaithBy: string | null;
  badFaithReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The reports part of the engine (docs/reports-appeals.md). */
export interface ReportsApi {
  /** Files a report: the content found (or stored and scanned), the report joined to the item's report case. */
  submit(input: ReportInput, actor: Actor): Promise<ReportReceipt>;
  get(id: string): Promise<Report>;
  list(query: unknown): Promise<{ reports: Report[]; nextCursor: string | null }>;
  /** The file of a report's screenshot, to show it. */
  screenshot(id: string): Promise<{ path: string; bytes: number; mimeType: string }>;
  reporters(query: unknown): Promise<{ reporters: Reporter[]; nextCursor: string | null }>;
  reporter(id: string): Promise<Reporter>;
  /** A person marks (or clears) a reporter's bad faith, with a reason (audited); the counts judged start again. */
  setBadFaith(id: string, input: { badFaith: boolean; reason: string }, actor: Actor): Promise<Reporter>;
}

/** What reports need from the rest of the engine: the normal submit path, and stored uploads. */
export interface ReportsDeps {
  submitContent(input: ContentInput, actor: Actor): Promise<SubmitResult>;
  uploadFile(upload: string): Promise<{ path: string; bytes: number; mimeType: string }>;
}

const THANKS: Bilingual = { id: 'Terima kasih atas laporan Anda.', en: 'Thank you for your report.' };
const DONE: Record<Exclude<DecisionAction, 'allow'>, Bilingual> = {
  remove: { id: 'menghapusnya', en: 'removed it' },
  restrict_18: { id: 'membatasinya hanya untuk pengguna berusia 18 tahun ke atas', en: 'restricted it to users aged 18 or over' },
  restrict_16: { id: 'menyembunyikannya dari pengguna di bawah 16 tahun', en: 'hid it from users under 16' },
};

/**
 * The answer a reporter gets once the report is decided, in plain Bahasa Indonesia and English:
 * what was done and why, whether by automated means, and where to turn when they disagree.
 */
export function reportAnswer(decision: Pick<Decision, 'action' | 'category' | 'actorType'>): Bilingual {
  const label = decision.category ? CATEGORIES[decision.category].label : null;
  const lines = (lang: keyof Bilingual): string[] => {
    const examined = lang === 'id' ? 'Kami telah memeriksa konten yang Anda laporkan' : 'We examined the content you reported';
    const out = [THANKS[lang]];
    if (decision.action === 'allow') {
      out.push(
        lang === 'id'
          ? `${examined} dan tidak menemukan pelanggaran hukum maupun aturan platform, sehingga konten tersebut tetap ditampilkan.`
          : `${examined} and found that it does not break the law or the platform's rules, so it stays up.`,
      );
    } else {
      const why = label
        ? lang === 'id'
          ? ` karena melanggar ketentuan tentang ${label.id.toLowerCase()}`
          : ` because it breaks the rules on ${label.en.toLowerCase()}`
        : lang === 'id'
          ? ' karena melanggar aturan platform'
          : " because it breaks the platform's rules";
      out.push(`${examined} ${lang === 'id' ? 'dan' : 'and'} ${DONE[decision.action][lang]}${why}.`);
    }
    if (decision.actorType === 'automated') out.push(lang === 'id' ? 'Keputusan ini diambil secara otomatis.' : 'This decision was taken by automated means.');
    if (decision.action === 'allow') {
      out.push(
        lang === 'id'
          ? `Jika Anda tidak setuju: ${REDRESS.find((r) => r.type === 'out_of_court')!.description.id}`
          : `If you disagree: ${REDRESS.find((r) => r.type === 'out_of_court')!.description.en}`,
      );
    }
    return out;
  };
  return { id: lines('id').join(' '), en: lines('en').join(' ') };
}

type ReportRow = {
  id: string;
  content_id: string;
  external_id: string;
  case_id: string | null;
  reporter_id: string | null;
  reporter: Record<string, unknown>;
  anonymous: boolean;
  category: string | null;
  reason: string;
  screenshot: string | null;
  url: string | null;
  counted: boolean;
  bad_faith: boolean;
  status: string;
  taken_up: boolean;
  decided_action: string | null;
  decided_category: string | null;
  decision_id: string | null;
  answer: Bilingual | null;
  created_at: Date;
  resolved_at: Date | null;
};

/** Reports with their content's external id and whether a moderator has taken up their case (claimed, proposed or escalated it). */
function selectReports(db: Db) {
  return db
    .selectFrom('reports')
    .innerJoin('content_items', 'content_items.id', 'reports.content_id')
    .leftJoin('decisions', 'decisions.id', 'reports.decision_id')
    .selectAll('reports')
    .select([
      'content_items.external_id',
      'decisions.action as decided_action',
      'decisions.category as decided_category',
      sql<boolean>`(reports.status = 'received' AND ${caseTakenUp('reports.case_id')})`.as('taken_up'),
    ]);
}

/** A report as the API shows it; the decision's statement of reasons only when asked (one report, not a list). */
function toReport(r: ReportRow, statement?: StatementOfReasons): Report {
  const status = (r.taken_up ? 'in_review' : r.status) as ReportStatus;
  return {
    id: r.id,
    status,
    caseId: r.case_id,
    content: { id: r.content_id, externalId: r.external_id },
    category: r.category && isCategoryId(r.category) ? r.category : 'other',
    reason: r.reason,
    reporter: r.anonymous ? null : (r.reporter as Report['reporter']),
    reporterId: r.reporter_id,
    anonymous: r.anonymous,
    counted: r.counted,
    badFaith: r.bad_faith,
    screenshot: r.screenshot,
    url: r.url,
    createdAt: r.created_at.toISOString(),
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    outcome:
      r.decision_id && r.answer
        ? {
            decisionId: r.decision_id,
            action: r.decided_action as DecisionAction,
            category: r.decided_category as CategoryId | null,
            answer: r.answer,
            ...(statement ? { statement } : {}),
          }
        : null,
  };
}

type ReporterRow = Selectable<ReportersTable>;

function toReporter(r: ReporterRow): Reporter {
  return {
    id: r.id,
    externalId: r.external_id,
    contact: r.contact,
    name: r.name,
    reports: r.reports,
    actioned: r.actioned,
    rejected: r.rejected,
    badFaith: r.bad_faith,
    badFaithAt: r.bad_faith_at?.toISOString() ?? null,
    badFaithBy: r.bad_faith_by,
    badFaithReason: r.bad_faith_reason,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function getReport(db: Db, id: string): Promise<Report> {
  const row = await selectReports(db).where('reports.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Report', id);
  return toReport(row as ReportRow, row.decision_id ? (await getDecision(db, row.decision_id)).statement : undefined);
}

async function getReporter(db: Db, id: string): Promise<Reporter> {
  const row = await db.selectFrom('reporters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Reporter', id);
  return toReporter(row);
}

type ContentRef = z.output<typeof reportSchema>['content'];

/**
 * The stored item a report (or an authority's order target) names: by Saring's id, the platform's
 * id, then the URL the platform sent as `metadata.url` (the newest item with it).
 */
export async function findContent(db: Db, ref: { id?: string | undefined; externalId?: string | undefined; url?: string | undefined }): Promise<{ id: string } | undefined> {
  if (ref.id) {
    const row = await db.selectFrom('content_items').select('id').where('id', '=', ref.id).executeTakeFirst();
    if (row) return row;
  }
  if (ref.externalId) {
    const row = await db.selectFrom('content_items').select('id').where('external_id', '=', ref.externalId).executeTakeFirst();
    if (row) return row;
  }
  if (ref.url) {
    return db.selectFrom('content_items').select('id').where(sql`metadata->>'url'`, '=', ref.url).where(sql<boolean>`metadata ? 'url'`).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  }
  return undefined;
}

/** What the report carries to store content Saring has never seen, or nothing when it cannot. */
function contentToStore(ref: ContentRef): ContentInput | undefined {
  const texts = ref.texts ?? {};
  const media = ref.media ?? [];
  if (!ref.externalId || (Object.keys(texts).length === 0 && media.length === 0)) return undefined;
  const kind = ref.kind ?? (media.some((m) => m.type === 'video') ? 'video' : media.some((m) => m.type === 'image') ? 'image' : 'text');
  return {
    externalId: ref.externalId,
    kind,
    texts,
    media,
    ...(ref.account ? { account: ref.account } : {}),
    ...(ref.audience ? { audience: ref.audience } : {}),
    metadata: { ...ref.metadata, ...(ref.url ? { url: ref.url } : {}) },
  };
}

function unreachable(ref: ContentRef): SaringError {
  const named = [ref.id && `id ${ref.id}`, ref.externalId && `externalId ${ref.externalId}`, ref.url && `url ${ref.url}`].filter(Boolean).join(', ');
  return new SaringError(
    'content_unreachable',
    `No content is known by ${named}. To report content Saring has never seen, send the platform's externalId with what it shows (texts or media).`,
    { ...(ref.id ? { id: ref.id } : {}), ...(ref.externalId ? { externalId: ref.externalId } : {}), ...(ref.url ? { url: ref.url } : {}) },
  );
}

/** How repeat reports by one person are recognised: the platform's id for them, else their contact. */
function reporterKey(r: { externalId?: string | undefined; contact?: string | undefined }): string | null {
  if (r.externalId) return `ext:${r.externalId}`;
  if (r.contact) return `contact:${r.contact.toLowerCase()}`;
  return null;
}

/**
 * Files a report. Everything is checked before anything is stored (the reporter's identity, the
 * screenshot, that the content can be reached); content Saring has never seen is stored and
 * scanned through the normal submit path; then, in one transaction, the report is stored and
 * joins the item's open `report` case (one per item; its count and priority rise with good-faith
 * reports from different reporters). Content already removed gets its answer at once.
 */
async function submitReport(core: EngineCore, deps: ReportsDeps, input: ReportInput, actor: Actor): Promise<ReportReceipt> {
  const valid = parseInput(reportSchema, input);
  const { db } = core;
  const settings = (await activeSettings(db)).reports;
  const identity = { ...(valid.reporter.name ? { name: valid.reporter.name } : {}), ...(valid.reporter.contact ? { contact: valid.reporter.contact } : {}), ...(valid.reporter.externalId ? { externalId: valid.reporter.externalId } : {}) };
  const anonymous = Object.keys(identity).length === 0;
  if (anonymous && !settings.anonymous) {
    throw new SaringError('reporter_identity_required', 'Give the reporter’s name, contact or the platform’s id for them: this operator takes no anonymous reports (policy reports.anonymous).');
  }
  if (valid.screenshot) {
    const file = await deps.uploadFile(valid.screenshot);
    if (!file.mimeType.startsWith('image/')) throw new SaringError('validation_failed', `screenshot: upload ${valid.screenshot} is ${file.mimeType}, not an image.`);
  }
  let found = await findContent(db, valid.content);
  if (!found) {
    const store = contentToStore(valid.content);
    if (!store) throw unreachable(valid.content);
    found = { id: (await deps.submitContent(store, actor)).content.id };
  }
  const contentId = found.id;
  const category = valid.category === 'other' ? null : valid.category;

  const receipt = await db.transaction().execute(async (trx): Promise<ReportReceipt & { resolved?: true }> => {
    // The content row first (the order decisions lock in), so no decision slips in between.
    const content = await trx.selectFrom('content_items').select(['id', 'external_id', 'status']).where('id', '=', contentId).forUpdate().executeTakeFirstOrThrow();
    const key = reporterKey(identity);
    const reporter = key
      ? await trx
          .insertInto('reporters')
          .values({ key, external_id: identity.externalId ?? null, contact: identity.contact ?? null, name: identity.name ?? null, reports: 1 })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet((eb) => ({
              name: eb.fn.coalesce('excluded.name', 'reporters.name'),
              contact: eb.fn.coalesce('excluded.contact', 'reporters.contact'),
              external_id: eb.fn.coalesce('excluded.external_id', 'reporters.external_id'),
              reports: eb('reporters.reports', '+', 1),
              updated_at: new Date(),
            })),
          )
          .returning(['id', 'bad_faith'])
          .executeTakeFirstOrThrow()
      : undefined;
    const badFaith = reporter?.bad_faith ?? false;
    const base = {
      content_id: content.id,
      reporter_id: reporter?.id ?? null,
      reporter: JSON.stringify(identity),
      anonymous,
      category,
      reason: valid.reason,
      screenshot: valid.screenshot ?? null,
      url: valid.content.url ?? null,
      bad_faith: badFaith,
      created_by: actor,
    };
    const audit = { reporterId: reporter?.id ?? null, anonymous, category: valid.category, contentId: content.id, externalId: content.external_id, badFaith };

    if (content.status === 'removed') {
      const current = await trx.selectFrom('decisions').selectAll().where('content_id', '=', content.id).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
      const decision = await getDecision(trx, current.id);
      const answer = reportAnswer(decision);
      const row = await trx
        .insertInto('reports')
        .values({ ...base, counted: false, status: 'actioned', decision_id: decision.id, answer: JSON.stringify(answer), resolved_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (reporter) await trx.updateTable('reporters').set((eb) => ({ actioned: eb('actioned', '+', 1) })).where('id', '=', reporter.id).execute();
      await appendAudit(trx, { actor, action: 'report.received', subjectType: 'report', subjectId: row.id, data: { ...audit, caseId: null, status: 'actioned', decisionId: decision.id } });
      await emitResolved(trx, core.effects, row.id);
      return { id: row.id, status: 'actioned', caseId: null, contentId: content.id };
    }

    // One reporter counts once per item, and a reporter marked as reporting in bad faith not at all.
    const again = reporter
      ? await trx.selectFrom('reports').select('id').where('reporter_id', '=', reporter.id).where('content_id', '=', content.id).where('status', '=', 'received').limit(1).executeTakeFirst()
      : undefined;
    const counted = !badFaith && !again;
    const row = await trx.insertInto('reports').values({ ...base, counted }).returning('id').executeTakeFirstOrThrow();
    const caseCategory = await mostSevere(trx, content.id);
    const { caseId } = await openCase(trx, {
      contentId: content.id,
      reason: 'report',
      queue: queueFor(settings, caseCategory),
      category: caseCategory,
      policyPriority: badFaith ? 'low' : 'normal',
      ref: row.id,
      actor,
      countReport: counted,
    });
    await trx.updateTable('reports').set({ case_id: caseId }).where('id', '=', row.id).execute();
    await runHooks(core.effects.hooks.reported, trx, { reportId: row.id, contentId: content.id, caseId, category, actor });
    await appendAudit(trx, { actor, action: 'report.received', subjectType: 'report', subjectId: row.id, data: { ...audit, caseId, counted } });
    return { id: row.id, status: 'received', caseId, contentId: content.id };
  });
  return receipt;
}

function queueFor(settings: ReportsSettings, category: CategoryId | null): string {
  return (category && settings.queues[category]) || settings.queue;
}

/**
 * The category of an item's report case: the most severe (by the review priority's category
 * weights) that its open reports name, leaving out those of reporters marked as reporting in bad
 * faith, so they cannot send an item up the queue (or into an urgent one) by naming a severe
 * category. A case only they reported has none: it waits in the general reports queue.
 */
async function mostSevere(trx: Db, contentId: string): Promise<CategoryId | null> {
  const rows = await trx
    .selectFrom('reports')
    .select('category')
    .distinct()
    .where('content_id', '=', contentId)
    .where('status', '=', 'received')
    .where('bad_faith', '=', false)
    .execute();
  const weights = (await reviewRules(trx)).categoryWeights;
  let best: CategoryId | null = null;
  for (const r of rows) {
    if (r.category && isCategoryId(r.category) && (best === null || weights[r.category] > weights[best])) best = r.category;
  }
  return best;
}

async function emitResolved(trx: Db, fx: Effects, reportId: string): Promise<void> {
  const report = await getReport(trx, reportId);
  await emitEvent(trx, fx.jobs, 'report.resolved', {
    report: {
      id: report.id,
      status: report.status,
      caseId: report.caseId,
      contentId: report.content.id,
      externalId: report.content.externalId,
      category: report.category,
      reporter: report.reporter,
      decisionId: report.outcome?.decisionId ?? null,
      action: report.outcome?.action ?? null,
      answer: report.outcome?.answer ?? null,
      resolvedAt: report.resolvedAt,
    },
  });
}

/**
 * `decided` hook: a decision that closed an item's report case answers its reports — `actioned`
 * when it acted on the content, `rejected` when it left it up (the content is not prohibited) —
 * with the answer for the reporter (`report.resolved`). A reporter whose reports are rejected
 * often enough is marked as reporting in bad faith (policy `reports.badFaith`; audited).
 * Runs after the review hook that closes the item's cases.
 */
async function onDecided(core: EngineCore, trx: Db, event: Decided): Promise<void> {
  const { decision } = event;
  const rows = await trx
    .selectFrom('reports')
    .innerJoin('review_cases', 'review_cases.id', 'reports.case_id')
    .select(['reports.id', 'reports.reporter_id'])
    .where('reports.content_id', '=', decision.contentId)
    .where('reports.status', '=', 'received')
    .where('review_cases.status', '=', 'closed')
    .where('review_cases.decision_id', '=', decision.id)
    .orderBy('reports.created_at')
    .execute();
  if (rows.length === 0) return;
  const status = decision.action === 'allow' ? 'rejected' : 'actioned';
  const answer = JSON.stringify(reportAnswer(decision));
  const settings = (await activeSettings(trx)).reports;
  for (const r of rows) {
    await trx.updateTable('reports').set({ status, decision_id: decision.id, answer, resolved_at: new Date() }).where('id', '=', r.id).execute();
    await appendAudit(trx, { actor: event.actor, action: 'report.resolved', subjectType: 'report', subjectId: r.id, data: { status, decisionId: decision.id, contentId: decision.contentId } });
    if (r.reporter_id) {
      const reporter = await trx
        .updateTable('reporters')
        .set((eb) => (status === 'rejected' ? { rejected: eb('rejected', '+', 1) } : { actioned: eb('actioned', '+', 1) }))
        .where('id', '=', r.reporter_id)
        .returning(['id', 'actioned', 'rejected', 'bad_faith'])
        .executeTakeFirstOrThrow();
      const { rejected: atLeast, share } = settings.badFaith;
      if (!reporter.bad_faith && reporter.rejected >= atLeast && reporter.rejected / (reporter.rejected + reporter.actioned) >= share) {
        const reason = `${reporter.rejected} of ${reporter.rejected + reporter.actioned} reports rejected (policy reports.badFaith: at least ${atLeast}, share ${share}).`;
        await trx.updateTable('reporters').set({ bad_faith: true, bad_faith_at: new Date(), bad_faith_by: 'system', bad_faith_reason: reason, updated_at: new Date() }).where('id', '=', reporter.id).execute();
        await appendAudit(trx, {
          actor: 'system',
          action: 'reporter.bad_faith_marked',
          subjectType: 'reporter',
          subjectId: reporter.id,
          data: { automatic: true, rejected: reporter.rejected, actioned: reporter.actioned, reason },
        });
      }
    }
    await emitResolved(trx, core.effects, r.id);
  }
}

async function setBadFaith(db: Db, id: string, input: unknown, actor: Actor): Promise<Reporter> {
  const valid = parseInput(badFaithSchema, input);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('reporters').select(['id', 'bad_faith', 'actioned', 'rejected']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('Reporter', id);
    // A person's judgement starts the counts again, so an automatic mark follows only new rejections.
    await trx
      .updateTable('reporters')
      .set({ bad_faith: valid.badFaith, bad_faith_at: new Date(), bad_faith_by: actor, bad_faith_reason: valid.reason, actioned: 0, rejected: 0, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor,
      action: valid.badFaith ? 'reporter.bad_faith_marked' : 'reporter.bad_faith_cleared',
      subjectType: 'reporter',
      subjectId: id,
      data: { automatic: false, reason: valid.reason, was: row.bad_faith, actioned: row.actioned, rejected: row.rejected },
    });
    return getReporter(trx, id);
  });
}

async function listReports(db: Db, query: unknown): Promise<{ reports: Report[]; nextCursor: string | null }> {
  const q = parseInput(reportListSchema, query);
  let s = selectReports(db);
  if (q.status === 'in_review' || q.status === 'received') {
    const takenUp = caseTakenUp('reports.case_id');
    s = s.where('reports.status', '=', 'received').where(q.status === 'in_review' ? takenUp : sql<boolean>`NOT ${takenUp}`);
  } else if (q.status) s = s.where('reports.status', '=', q.status);
  if (q.caseId) s = s.where('reports.case_id', '=', q.caseId);
  if (q.contentId) s = s.where('reports.content_id', '=', q.contentId);
  if (q.reporterId) s = s.where('reports.reporter_id', '=', q.reporterId);
  if (q.cursor) {
    const c = q.cursor;
    s = s.where(sql<boolean>`(reports.created_at, reports.id) < (SELECT created_at, id FROM reports WHERE id = ${c})`);
  }
  const rows = (await s.orderBy('reports.created_at', 'desc').orderBy('reports.id', 'desc').limit(q.limit + 1).execute()) as ReportRow[];
  const page = rows.slice(0, q.limit);
  return { reports: page.map((r) => toReport(r)), nextCursor: rows.length > q.limit ? page.at(-1)!.id : null };
}

async function listReporters(db: Db, query: unknown): Promise<{ reporters: Reporter[]; nextCursor: string | null }> {
  const q = parseInput(reporterListSchema, query);
  let s = db.selectFrom('reporters').selectAll();
  if (q.badFaith) s = s.where('bad_faith', '=', q.badFaith === 'true');
  if (q.cursor) {
    const c = q.cursor;
    s = s.where(sql<boolean>`(updated_at, id) < (SELECT updated_at, id FROM reporters WHERE id = ${c})`);
  }
  const rows = await s.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return { reporters: page.map(toReporter), nextCursor: rows.length > q.limit ? page.at(-1)!.id : null };
}

/**
 * Public reports (Permenkominfo 5/2020; DSA art. 16 notices): a receipt at once, grouping into
 * one review case per item, an answer when the case is decided, bad-faith reporters.
 */
export function createReports(core: EngineCore, deps: ReportsDeps): ReportsApi {
  const { db } = core;
  core.effects.hooks.decided.push((trx, event) => onDecided(core, trx, event));
  return {
    submit: (input, actor) => submitReport(core, deps, input, actor),
    get: (id) => getReport(db, id),
    list: (query) => listReports(db, query),
    async screenshot(id) {
      const report = await getReport(db, id);
      if (!report.screenshot) throw new SaringError('not_found', `Report ${id} has no screenshot.`);
      return deps.uploadFile(report.screenshot);
    },
    reporters: (query) => listReporters(db, query),
    reporter: (id) => getReporter(db, id),
    setBadFaith: (id, input, actor) => setBadFaith(db, id, input, actor),
  };
}
