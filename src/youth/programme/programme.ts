import { sql } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../../access/auth.js';
import { can } from '../../access/roles.js';
import { appendAudit, type Actor } from '../../audit/log.js';
import type { CategoryId } from '../../categories/categories.js';
import type { EngineCore } from '../../core.js';
import type { Db } from '../../db/connect.js';
import { getDecision } from '../../decisions/decisions.js';
import { runHooks, type Decided, type Reported, type ReviewRequired } from '../../decisions/effects.js';
import { notFound, SaringError } from '../../errors/errors.js';
import { activeYouthSettings } from '../../policy/settings.js';
import { findContent, REPORT_CATEGORIES, reportAnswer } from '../../reports/reports.js';
import { openCase } from '../../review/cases.js';
import type { Verdict } from '../../scan/verdict.js';
import { isUuid, parseInput, wholeNumber } from '../../shared/validate.js';
import { reportPeriod, reportQuerySchema } from '../../transparency/report.js';
import { emitEvent } from '../../webhooks/webhooks.js';
import type { AgeHooks } from '../age/age.js';
import { ageOf } from '../age/store.js';
import {
  LEAVE_REASON_TEXT,
  NOMINATION_STATUSES,
  PROGRAMME_BANDS,
  PROGRAMME_TOPICS,
  SAFETY_CHECKS,
  TOPIC_IDS,
  type CatalogueItem,
  type CheckResult,
  type LeaveReason,
  type Nomination,
  type ProgrammeBand,
  type ProgrammeReport,
  type ProgrammeTopic,
} from './types.js';

export * from './types.js';

/** The review queue of partners' reports of harm to children: top priority. */
export const CHILDREN_QUEUE = 'children';
/** Review cases that take an item out of the served catalogue while they are open (an appeal's does not). */
const HOLDING_CASES = ['policy', 'report', 'order'] as const;

const contentRef = {
  /** Saring's id of the content … */
  contentId: z.uuid().optional(),
  /** … or the platform's id for it. */
  externalId: z.string().min(1).max(256).optional(),
};
const oneRef = (c: { contentId?: string | undefined; externalId?: string | undefined }) => (c.contentId === undefined) !== (c.externalId === undefined);
const ONE_REF = { message: 'name the content by exactly one of contentId (Saring’s id) or externalId (the platform’s id)' };

export const nominationSchema = z
  .object({
    ...contentRef,
    band: z.enum(PROGRAMME_BANDS),
    topic: z.enum(TOPIC_IDS),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .refine(oneRef, ONE_REF);
export type NominationInput = z.input<typeof nominationSchema>;

export const approveSchema = z.object({ reason: z.string().trim().min(1).max(2000).optional() }).strict();
export const rejectSchema = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

export const nominationListSchema = z
  .object({
    status: z.enum(NOMINATION_STATUSES).optional(),
    cursor: z.uuid().optional(),
    limit: wholeNumber(1, 200).default(50),
  })
  .strict();

export const approvalListSchema = z.object({ cursor: z.uuid().optional(), limit: wholeNumber(1, 200).default(50) }).strict();

export const catalogueQuerySchema = z
  .object({
    band: z.enum(PROGRAMME_BANDS).optional(),
    topic: z.enum(TOPIC_IDS).optional(),
    /** The `nextCursor` of the page before. */
    cursor: z.uuid().optional(),
    limit: wholeNumber(1, 500).default(50),
  })
  .strict();

export const programmeReportQuerySchema = reportQuerySchema.pick({ from: true, to: true, zone: true }).strict();

export const childrenReportSchema = z
  .object({
    ...contentRef,
    /** A category id, or `other`. */
    category: z.enum(REPORT_CATEGORIES),
    /** What the partner saw: the harm to children. */
    reason: z.string().trim().min(1).max(5000),
  })
  .strict()
  .refine(oneRef, ONE_REF);

export const contactSchema = z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(320) }).strict();

export interface ChildrenReportReceipt {
  reportId: string;
  contentId: string;
  /** The review case (queue `children`, urgent); null when the content was already removed (the report is answered at once). */
  caseId: string | null;
  status: 'received' | 'actioned';
}

export interface ProgrammeContact {
  organisation: string;
  name: string;
  email: string;
  updatedBy: string;
  updatedAt: string;
}

/** The educational programme part of the engine (docs/youth.md#educational-programme). */
export interface ProgrammeApi {
  nominate(input: unknown, principal: Principal): Promise<Nomination>;
  approve(id: string, input: unknown, principal: Principal): Promise<Nomination>;
  reject(id: string, input: unknown, principal: Principal): Promise<Nomination>;
  get(id: string, principal: Principal): Promise<Nomination>;
  /** Nominations, newest first: a partner sees only their organisation's. */
  list(query: unknown, principal: Principal): Promise<{ nominations: Nomination[]; nextCursor: string | null }>;
  /** Pending nominations this principal may decide (never their own; another organisation's where the policy asks for one). */
  approvals(query: unknown, principal: Principal): Promise<{ nominations: Nomination[]; nextCursor: string | null; secondOrganisation: boolean }>;
  catalogue(query: unknown): Promise<{ items: CatalogueItem[]; nextCursor: string | null }>;
  report(query: unknown): Promise<ProgrammeReport>;
  reportHarm(input: unknown, principal: Principal): Promise<ChildrenReportReceipt>;
  contact(organisation: string, principal: Principal): Promise<ProgrammeContact | null>;
  setContact(organisation: string, input: unknown, principal: Principal): Promise<ProgrammeContact>;
}

/** Who sees every organisation's nominations (the platform's people); partners see their own organisation's. */
const seesAll = (p: Principal) => can(p.user.role, 'content:read');
const requireOrg = (p: Principal, what: string): string => {
  if (!p.user.org) throw new SaringError('organisation_required', `${what} as an organisation: this person or key belongs to none (saring user add --org ORG).`);
  return p.user.org;
};

type Row = {
  id: string;
  content_id: string;
  external_id: string;
  kind: string;
  texts: Record<string, string>;
  band: string;
  topic: string;
  note: string | null;
  organisation: string;
  status: string;
  nominated_by: string;
  nominated_by_user: string;
  nominated_at: Date;
  decided_by: string | null;
  decided_organisation: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  checks: unknown;
  catalogued_at: Date | null;
  left_at: Date | null;
  left_reason: string | null;
  left_detail: Record<string, unknown> | null;
};

/** A short text to recognise an item by: its caption, title or first text. */
function captionOf(texts: Record<string, string>): string | null {
  const text = texts['caption'] ?? texts['title'] ?? texts['text'] ?? Object.values(texts)[0];
  if (!text) return null;
  const cps = [...text];
  return cps.length > 200 ? `${cps.slice(0, 199).join('')}…` : text;
}

function selectNominations(db: Db) {
  return db
    .selectFrom('programme_nominations as n')
    .innerJoin('content_items as c', 'c.id', 'n.content_id')
    .select([
      'n.id',
      'n.content_id',
      'c.external_id',
      'c.kind',
      'c.texts',
      'n.band',
      'n.topic',
      'n.note',
      'n.organisation',
      'n.status',
      'n.nominated_by',
      'n.nominated_by_user',
      'n.nominated_at',
      'n.decided_by',
      'n.decided_organisation',
      'n.decided_at',
      'n.decision_reason',
      'n.checks',
      'n.catalogued_at',
      'n.left_at',
      'n.left_reason',
      'n.left_detail',
    ]);
}

const iso = (d: Date | string) => new Date(d).toISOString();

function toNomination(r: Row): Nomination {
  const decided = r.decided_at && r.decided_by;
  return {
    id: r.id,
    content: { id: r.content_id, externalId: r.external_id, kind: r.kind, caption: captionOf(r.texts) },
    band: r.band as ProgrammeBand,
    topic: r.topic as ProgrammeTopic,
    note: r.note,
    organisation: r.organisation,
    status: r.status as Nomination['status'],
    nominatedBy: r.nominated_by,
    nominatedAt: iso(r.nominated_at),
    decision: decided ? { by: r.decided_by!, organisation: r.decided_organisation, at: iso(r.decided_at!), reason: r.decision_reason, approved: r.status !== 'rejected' } : null,
    checks: (r.checks as CheckResult[] | null) ?? null,
    cataloguedAt: r.catalogued_at ? iso(r.catalogued_at) : null,
    left: r.left_at && r.left_reason ? { at: iso(r.left_at), reason: r.left_reason as LeaveReason, detail: r.left_detail ?? {} } : null,
  };
}

async function loadNomination(db: Db, id: string): Promise<Nomination | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const row = await selectNominations(db).where('n.id', '=', id).executeTakeFirst();
  return row ? toNomination(row as Row) : undefined;
}

/** Whether the policy asks for a second organisation's approval, and whether this principal may decide a nomination. */
function mayDecide(n: { organisation: string; nominatedByUser: string }, p: Principal, secondOrganisation: boolean): 'own_nomination' | 'second_organisation_required' | null {
  if (n.nominatedByUser === p.user.id) return 'own_nomination';
  if (secondOrganisation && (!p.user.org || p.user.org === n.organisation)) return 'second_organisation_required';
  return null;
}

async function getNomination(db: Db, id: string, p: Principal): Promise<Nomination> {
  const n = await loadNomination(db, id);
  if (!n) throw notFound('Nomination', id);
  if (seesAll(p) || n.organisation === p.user.org) return n;
  // An approver sees a pending nomination of another organisation: to decide it.
  if (n.status === 'pending' && can(p.user.role, 'programme:approve')) {
    const row = await db.selectFrom('programme_nominations').select('nominated_by_user').where('id', '=', id).executeTakeFirstOrThrow();
    const { youth } = await activeYouthSettings(db);
    if (!mayDecide({ organisation: n.organisation, nominatedByUser: row.nominated_by_user }, p, youth.programme.secondOrganisation)) return n;
  }
  throw notFound('Nomination', id);
}

async function nominate(core: EngineCore, input: unknown, p: Principal): Promise<Nomination> {
  const organisation = requireOrg(p, 'Content is nominated');
  const valid = parseInput(nominationSchema, input);
  const found = await findContent(core.db, { id: valid.contentId, externalId: valid.externalId });
  if (!found) {
    const named = valid.contentId ? `id ${valid.contentId}` : `externalId ${valid.externalId}`;
    throw new SaringError('unknown_content', `No content is known by ${named}.`, valid.contentId ? { contentId: valid.contentId } : { externalId: valid.externalId });
  }
  const id = await core.db.transaction().execute(async (trx) => {
    // The content row first (the order decisions lock in): no removal slips in between.
    const content = await trx.selectFrom('content_items').select(['id', 'status']).where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
    if (content.status !== 'active') {
      throw new SaringError('content_not_eligible', `Content ${content.id} is ${content.status}: only active content can be nominated.`, { contentId: content.id, status: content.status });
    }
    const open = await trx
      .selectFrom('programme_nominations')
      .select(['id', 'status'])
      .where('content_id', '=', content.id)
      .where('band', '=', valid.band)
      .where('status', 'in', ['pending', 'catalogued'])
      .executeTakeFirst();
    if (open) throw new SaringError('already_nominated', `Content ${content.id} is already ${open.status === 'pending' ? 'nominated' : 'in the catalogue'} for band ${valid.band} (nomination ${open.id}).`, { nominationId: open.id });
    const row = await trx
      .insertInto('programme_nominations')
      .values({ content_id: content.id, band: valid.band, topic: valid.topic, note: valid.note ?? null, organisation, nominated_by: p.actor, nominated_by_user: p.user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor: p.actor, action: 'programme.nominated', subjectType: 'programme_nomination', subjectId: row.id, data: { contentId: content.id, band: valid.band, topic: valid.topic, organisation } });
    return row.id;
  });
  return (await loadNomination(core.db, id))!;
}

/** Whether content has media that matches an enabled bank entry now. */
async function bankMatch(db: Db, contentId: string): Promise<string | null> {
  const hit = await db
    .selectFrom('content_media_hashes as h')
    .innerJoin('bank_entries as e', (j) => j.on((eb) => eb.or([eb('e.value', '=', eb.ref('h.pdq')), eb('e.value', '=', eb.ref('h.md5')), eb('e.value', '=', eb.ref('h.sha256'))])))
    .innerJoin('banks as b', 'b.id', 'e.bank_id')
    .select(['b.name', 'e.id'])
    .where('h.content_id', '=', contentId)
    .where('e.enabled', '=', true)
    .where('b.enabled', '=', true)
    .limit(1)
    .executeTakeFirst();
  return hit ? `media matches entry ${hit.id} of bank ${hit.name}` : null;
}

/** An account's standing: the account action in force when it is a suspension or a closure. */
async function accountActionInForce(db: Db, accountId: string): Promise<{ action: string; until: string | null } | null> {
  const last = await db.selectFrom('account_actions').select(['action', 'until']).where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (!last || (last.action !== 'suspend' && last.action !== 'terminate')) return null;
  if (last.until && new Date(last.until) <= new Date()) return null;
  return { action: last.action, until: last.until ? iso(last.until) : null };
}

/**
 * Saring's safety checks, run when a partner approves: the item is active (not removed, held,
 * restricted or in review), no category of its latest verdict is above `allow`, its media match
 * no bank, no review case holds it, and its account is in good standing (no suspension or closure
 * in force) and not under the minimum age (youth/age's record). Each result says why it failed.
 */
export async function safetyChecks(db: Db, contentId: string): Promise<CheckResult[]> {
  const content = await db.selectFrom('content_items').select(['id', 'status', 'account_id']).where('id', '=', contentId).executeTakeFirstOrThrow();
  const results: CheckResult[] = [];
  const add = (check: (typeof SAFETY_CHECKS)[number], failure: string | null) => results.push({ check, passed: failure === null, detail: failure });

  add('content_active', content.status === 'active' ? null : `the content is ${content.status}`);

  const scan = await db.selectFrom('scans').select(['id', 'verdict']).where('content_id', '=', contentId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  const verdict = scan?.verdict as Verdict | undefined;
  const above = verdict ? verdict.categories.filter((c) => c.action !== 'allow') : [];
  add(
    'verdict_allow',
    !verdict
      ? 'the content has not been scanned'
      : above.length
        ? `the latest verdict (scan ${scan!.id}) has ${above.map((c) => `${c.category} → ${c.action} (score ${c.score})`).join(', ')}`
        : verdict.action !== 'allow'
          ? `the latest verdict (scan ${scan!.id}) is ${verdict.action}`
          : null,
  );

  const hashEvidence = verdict?.categories.flatMap((c) => c.evidence).find((e) => e.source === 'hash');
  add('no_bank_match', hashEvidence && hashEvidence.source === 'hash' ? `the latest verdict matched bank ${hashEvidence.bank} entry ${hashEvidence.entryId}` : await bankMatch(db, contentId));

  const cases = await db.selectFrom('review_cases').select(['id', 'reason', 'queue']).where('content_id', '=', contentId).where('status', '<>', 'closed').where('reason', 'in', [...HOLDING_CASES]).execute();
  add('no_open_review', cases.length ? `open review cases: ${cases.map((c) => `${c.reason} (${c.queue}) ${c.id}`).join(', ')}` : null);

  const action = content.account_id ? await accountActionInForce(db, content.account_id) : null;
  add('account_standing', action ? `the account is under ${action.action}${action.until ? ` until ${action.until}` : ''}` : null);

  const age = content.account_id ? await ageOf(db, content.account_id) : null;
  add('account_age', age?.status === 'not_allowed' ? `the account is under the minimum age (band ${age.band})` : null);
  return results;
}

async function decide(core: EngineCore, id: string, approve: boolean, input: unknown, p: Principal): Promise<Nomination> {
  const valid = approve ? parseInput(approveSchema, input ?? {}) : parseInput(rejectSchema, input);
  if (!z.uuid().safeParse(id).success) throw notFound('Nomination', id);
  const first = await core.db.selectFrom('programme_nominations').select(['content_id']).where('id', '=', id).executeTakeFirst();
  if (!first) throw notFound('Nomination', id);
  await core.db.transaction().execute(async (trx) => {
    // The content row first (the order decisions lock in), then the nomination.
    await trx.selectFrom('content_items').select('id').where('id', '=', first.content_id).forUpdate().executeTakeFirstOrThrow();
    const n = await trx.selectFrom('programme_nominations').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    const { youth } = await activeYouthSettings(trx);
    const second = youth.programme.secondOrganisation;
    const refused = mayDecide({ organisation: n.organisation, nominatedByUser: n.nominated_by_user }, p, second);
    // One who may not see it learns nothing of it: a partner of the nominating organisation sees it, an approver a pending one.
    if (!seesAll(p) && n.organisation !== p.user.org && (n.status !== 'pending' || refused)) throw notFound('Nomination', id);
    if (n.status !== 'pending') throw new SaringError('nomination_decided', `Nomination ${id} is already ${n.status}.`, { status: n.status });
    if (refused === 'own_nomination') throw new SaringError('own_nomination', `Nomination ${id} is your own: another partner decides it.`);
    if (refused === 'second_organisation_required') {
      throw new SaringError('second_organisation_required', `Nomination ${id} was made by ${n.organisation}: the policy (youth.programme.secondOrganisation) asks a partner of another organisation to decide it.`, { organisation: n.organisation });
    }
    const now = new Date();
    const decided = { decided_by: p.actor, decided_by_user: p.user.id, decided_organisation: p.user.org, decided_at: now, decision_reason: valid.reason ?? null, updated_at: now };
    if (!approve) {
      await trx.updateTable('programme_nominations').set({ ...decided, status: 'rejected' }).where('id', '=', id).execute();
      await appendAudit(trx, { actor: p.actor, action: 'programme.rejected', subjectType: 'programme_nomination', subjectId: id, data: { contentId: n.content_id, reason: valid.reason, organisation: p.user.org } });
      return;
    }
    const checks = await safetyChecks(trx, n.content_id);
    const passed = checks.every((c) => c.passed);
    await trx
      .updateTable('programme_nominations')
      .set({ ...decided, status: passed ? 'catalogued' : 'blocked', checks: JSON.stringify(checks), catalogued_at: passed ? now : null })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor: p.actor,
      action: passed ? 'programme.catalogued' : 'programme.blocked',
      subjectType: 'programme_nomination',
      subjectId: id,
      data: { contentId: n.content_id, band: n.band, topic: n.topic, organisation: p.user.org, secondOrganisation: second, failed: checks.filter((c) => !c.passed).map((c) => c.check) },
    });
  });
  return (await loadNomination(core.db, id))!;
}

async function listNominations(db: Db, query: unknown, p: Principal): Promise<{ nominations: Nomination[]; nextCursor: string | null }> {
  const q = parseInput(nominationListSchema, query);
  if (!seesAll(p) && !p.user.org) return { nominations: [], nextCursor: null };
  let s = selectNominations(db);
  if (!seesAll(p)) s = s.where('n.organisation', '=', p.user.org!);
  if (q.status) s = s.where('n.status', '=', q.status);
  if (q.cursor) s = s.where(sql<boolean>`(n.nominated_at, n.id) < (SELECT nominated_at, id FROM programme_nominations WHERE id = ${q.cursor})`);
  const rows = (await s.orderBy('n.nominated_at', 'desc').orderBy('n.id', 'desc').limit(q.limit + 1).execute()) as Row[];
  const page = rows.slice(0, q.limit);
  return { nominations: page.map(toNomination), nextCursor: rows.length > q.limit ? page.at(-1)!.id : null };
}

async function listApprovals(db: Db, query: unknown, p: Principal): Promise<{ nominations: Nomination[]; nextCursor: string | null; secondOrganisation: boolean }> {
  const q = parseInput(approvalListSchema, query);
  const { youth } = await activeYouthSettings(db);
  const second = youth.programme.secondOrganisation;
  if (second && !p.user.org) return { nominations: [], nextCursor: null, secondOrganisation: second };
  let s = selectNominations(db).where('n.status', '=', 'pending').where('n.nominated_by_user', '<>', p.user.id);
  if (second) s = s.where('n.organisation', '<>', p.user.org!);
  if (q.cursor) s = s.where(sql<boolean>`(n.nominated_at, n.id) < (SELECT nominated_at, id FROM programme_nominations WHERE id = ${q.cursor})`);
  const rows = (await s.orderBy('n.nominated_at', 'desc').orderBy('n.id', 'desc').limit(q.limit + 1).execute()) as Row[];
  const page = rows.slice(0, q.limit);
  return { nominations: page.map(toNomination), nextCursor: rows.length > q.limit ? page.at(-1)!.id : null, secondOrganisation: second };
}

/** SQL: the item is served now — active, and no review case (scan, report, order) holds it. */
const servable = sql<boolean>`c.status = 'active' AND NOT EXISTS (SELECT 1 FROM review_cases r WHERE r.content_id = n.content_id AND r.status <> 'closed' AND r.reason IN ('policy', 'report', 'order'))`;

async function catalogue(db: Db, query: unknown): Promise<{ items: CatalogueItem[]; nextCursor: string | null }> {
  const q = parseInput(catalogueQuerySchema, query);
  let s = db
    .selectFrom('programme_nominations as n')
    .innerJoin('content_items as c', 'c.id', 'n.content_id')
    .select(['n.id', 'n.content_id', 'c.external_id', 'c.kind', 'c.texts', 'n.band', 'n.topic', 'n.note', 'n.organisation', 'n.decided_organisation', 'n.catalogued_at'])
    .where('n.status', '=', 'catalogued')
    .where(servable);
  if (q.band) s = s.where('n.band', '=', q.band);
  if (q.topic) s = s.where('n.topic', '=', q.topic);
  if (q.cursor) s = s.where(sql<boolean>`(n.catalogued_at, n.id) < (SELECT catalogued_at, id FROM programme_nominations WHERE id = ${q.cursor})`);
  const rows = await s.orderBy('n.catalogued_at', 'desc').orderBy('n.id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      contentId: r.content_id,
      externalId: r.external_id,
      kind: r.kind,
      caption: captionOf(r.texts),
      band: r.band as ProgrammeBand,
      topic: r.topic as ProgrammeTopic,
      note: r.note,
      organisation: r.organisation,
      approvedBy: r.decided_organisation,
      cataloguedAt: iso(r.catalogued_at!),
    })),
    nextCursor: rows.length > q.limit ? page.at(-1)!.id : null,
  };
}

/**
 * Which of these content ids (Saring's) are in the catalogue for a band now: approved, passed the
 * checks, still active and held by no review case. For the audience filter (youth/audience/).
 */
export async function catalogueIds(db: Db, band: ProgrammeBand, contentIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(contentIds.filter((id) => isUuid(id)).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return new Set();
  // One query whatever the number of ids (the audience filter asks for up to 10,000 at once).
  const rows = await db
    .selectFrom('programme_nominations as n')
    .innerJoin('content_items as c', 'c.id', 'n.content_id')
    .select('n.content_id')
    .where('n.status', '=', 'catalogued')
    .where('n.band', '=', band)
    .where('n.content_id', '=', sql<string>`ANY(${sql.val(ids)}::uuid[])`)
    .where(servable)
    .execute();
  return new Set(rows.map((r) => r.content_id));
}

async function programmeReport(db: Db, query: unknown): Promise<ProgrammeReport> {
  const q = parseInput(programmeReportQuerySchema, query);
  const period = reportPeriod(q);
  const start = new Date(period.start);
  const end = new Date(period.end);
  const cells = await db
    .selectFrom('programme_nominations as n')
    .innerJoin('content_items as c', 'c.id', 'n.content_id')
    .select(['n.topic', 'n.band', (eb) => eb.fn.countAll<string>().as('n')])
    .where('n.status', '=', 'catalogued')
    .where(servable)
    .groupBy(['n.topic', 'n.band'])
    .execute();
  const byTopic: Record<string, number> = Object.fromEntries(TOPIC_IDS.map((t) => [t, 0]));
  const byBand: Record<string, number> = Object.fromEntries(PROGRAMME_BANDS.map((b) => [b, 0]));
  for (const c of cells) {
    byTopic[c.topic] = (byTopic[c.topic] ?? 0) + Number(c.n);
    byBand[c.band] = (byBand[c.band] ?? 0) + Number(c.n);
  }
  const nominated = await db.selectFrom('programme_nominations').select((eb) => eb.fn.countAll<string>().as('n')).where('nominated_at', '>=', start).where('nominated_at', '<', end).executeTakeFirstOrThrow();
  const decided = await db
    .selectFrom('programme_nominations')
    .select(['status', 'checks', sql<number>`EXTRACT(EPOCH FROM (decided_at - nominated_at))`.as('seconds')])
    .where('decided_at', '>=', start)
    .where('decided_at', '<', end)
    .execute();
  const rejections = decided.filter((d) => d.status === 'rejected').length;
  const byCheck: Record<string, number> = {};
  let blocked = 0;
  for (const d of decided) {
    const failed = ((d.checks as CheckResult[] | null) ?? []).filter((c) => !c.passed);
    if (d.status === 'blocked' || (failed.length && d.status !== 'rejected')) {
      if (d.status === 'blocked') blocked++;
      for (const f of failed) byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
    }
  }
  const seconds = decided.map((d) => Number(d.seconds)).sort((a, b) => a - b);
  const mid = seconds.length >> 1;
  const median = seconds.length === 0 ? null : seconds.length % 2 ? seconds[mid]! : (seconds[mid - 1]! + seconds[mid]!) / 2;
  const left = await db
    .selectFrom('programme_nominations')
    .select(['left_reason', (eb) => eb.fn.countAll<string>().as('n')])
    .where('left_at', '>=', start)
    .where('left_at', '<', end)
    .groupBy('left_reason')
    .execute();
  const byReason: Record<string, number> = {};
  for (const l of left) byReason[l.left_reason!] = Number(l.n);
  const pending = await db.selectFrom('programme_nominations').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return {
    period: { from: period.start, to: period.end },
    catalogue: {
      total: cells.reduce((s, c) => s + Number(c.n), 0),
      byTopic,
      byBand,
      cells: cells.map((c) => ({ topic: c.topic as ProgrammeTopic, band: c.band as ProgrammeBand, count: Number(c.n) })),
    },
    nominations: Number(nominated.n),
    approvals: decided.length - rejections,
    rejections,
    blocked: { total: blocked, byCheck },
    removals: { total: Object.values(byReason).reduce((s, n) => s + n, 0), byReason },
    medianHoursToReview: median === null ? null : Math.round((median / 3600) * 100) / 100,
    pending: Number(pending.n),
  };
}

/**
 * Takes the catalogued items of a content item (or of all an account's items) out of the
 * catalogue, in the caller's transaction: each one's nominating organisation is told why (its
 * contact by e-mail, through the outbox an operator's mailer reads), the platform too
 * (`programme.item_removed`), and it is audited.
 */
async function leave(core: EngineCore, trx: Db, where: { contentId: string } | { accountId: string }, reason: LeaveReason, detail: Record<string, unknown>, actor: Actor): Promise<number> {
  let u = trx
    .updateTable('programme_nominations')
    .set({ status: 'left', left_at: new Date(), left_reason: reason, left_detail: JSON.stringify(detail), updated_at: new Date() })
    .where('status', '=', 'catalogued');
  u = 'contentId' in where ? u.where('content_id', '=', where.contentId) : u.where('content_id', 'in', trx.selectFrom('content_items').select('id').where('account_id', '=', where.accountId));
  const left = await u.returning(['id', 'content_id', 'band', 'topic', 'organisation']).execute();
  for (const n of left) {
    const content = await trx.selectFrom('content_items').select(['external_id']).where('id', '=', n.content_id).executeTakeFirstOrThrow();
    const item = { nominationId: n.id, contentId: n.content_id, externalId: content.external_id, band: n.band, topic: n.topic, organisation: n.organisation };
    await appendAudit(trx, { actor, action: 'programme.item_left', subjectType: 'programme_nomination', subjectId: n.id, data: { ...item, reason, detail } });
    await emitEvent(trx, core.effects.jobs, 'programme.item_removed', { item, reason, detail });
    const contact = await trx.selectFrom('programme_contacts').selectAll().where('organisation', '=', n.organisation).executeTakeFirst();
    if (contact) {
      const topic = PROGRAMME_TOPICS[n.topic as ProgrammeTopic] ?? { id: n.topic, en: n.topic };
      const band = n.band.replace('_', '–');
      const why = LEAVE_REASON_TEXT[reason];
      await trx
        .insertInto('mail_outbox')
        .values({
          to_address: contact.email,
          to_name: contact.name,
          kind: 'programme.item_removed',
          ref: n.id,
          subject: `[Saring] Konten ${content.external_id} keluar dari katalog program edukasi (${why.id})`,
          body: [
            `Konten ${content.external_id} (${topic.id}, usia ${band} tahun) yang dinominasikan ${n.organisation} telah keluar dari katalog: ${why.id}.`,
            'Rinciannya tersedia di portal mitra (Program → Keluar dari katalog).',
            '',
            `Content ${content.external_id} (${topic.en}, ages ${band}) nominated by ${n.organisation} has left the catalogue: ${why.en}.`,
            'The details are in the partner portal (Programme → Left the catalogue).',
          ].join('\n'),
        })
        .execute();
    }
  }
  return left.length;
}

/**
 * `decided` hook: a removal or an age restriction takes the item out of the catalogue; then, when
 * the decision left the item's account suspended or closed (the strikes hook ran before this one),
 * every item of that account leaves it.
 */
async function onDecided(core: EngineCore, trx: Db, event: Decided): Promise<void> {
  const { decision, content } = event;
  const detail = { decisionId: decision.id, action: decision.action, category: decision.category, actorType: decision.actorType };
  if (decision.action === 'remove') await leave(core, trx, { contentId: content.id }, 'removed', detail, event.actor);
  else if (decision.action === 'restrict_16' || decision.action === 'restrict_18') await leave(core, trx, { contentId: content.id }, 'restricted', detail, event.actor);
  // Only a removal adds a strike, so only a removal can suspend or close the account.
  if (content.accountId && decision.action === 'remove') {
    const action = await accountActionInForce(trx, content.accountId);
    if (action) await leave(core, trx, { accountId: content.accountId }, 'account_action', { ...action, decisionId: decision.id }, event.actor);
  }
}

/** `reviewRequired` hook: a scan that flags a catalogued item (held for review) takes it out. */
async function onReviewRequired(core: EngineCore, trx: Db, event: ReviewRequired): Promise<void> {
  await leave(core, trx, { contentId: event.contentId }, 'flagged', { scanId: event.scanId, queue: event.queue, category: event.category ?? null, reason: event.reason ?? null }, event.actor);
}

/** `reported` hook: a report on a catalogued item (a public one, or a partner's) takes it out. */
async function onReported(core: EngineCore, trx: Db, event: Reported): Promise<void> {
  await leave(core, trx, { contentId: event.contentId }, 'reported', { reportId: event.reportId, caseId: event.caseId, category: event.category }, event.actor);
}

/**
 * A partner's report of harm to children: stored as a report (its reporter the partner's
 * organisation) that opens — or joins — the item's report case in the `children` queue at
 * `urgent` priority, the path public reports take, so a moderator's decision answers it the same
 * way (`report.resolved`). Content already removed is answered at once.
 */
async function reportHarm(core: EngineCore, input: unknown, p: Principal): Promise<ChildrenReportReceipt> {
  const organisation = requireOrg(p, 'Harm to children is reported');
  const valid = parseInput(childrenReportSchema, input);
  const found = await findContent(core.db, { id: valid.contentId, externalId: valid.externalId });
  if (!found) throw new SaringError('unknown_content', `No content is known by ${valid.contentId ? `id ${valid.contentId}` : `externalId ${valid.externalId}`}.`);
  const category: CategoryId | null = valid.category === 'other' ? null : valid.category;
  return core.db.transaction().execute(async (trx) => {
    const content = await trx.selectFrom('content_items').select(['id', 'external_id', 'status']).where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
    const base = {
      content_id: content.id,
      reporter_id: null,
      reporter: JSON.stringify({ name: `${organisation} (mitra program / programme partner)`, contact: p.actor }),
      anonymous: false,
      category,
      reason: valid.reason,
      screenshot: null,
      url: null,
      bad_faith: false,
      created_by: p.actor,
    };
    const audit = { organisation, children: true, category: valid.category, contentId: content.id, externalId: content.external_id };
    if (content.status === 'removed') {
      const current = await trx.selectFrom('decisions').select('id').where('content_id', '=', content.id).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
      const decision = await getDecision(trx, current.id);
      const row = await trx
        .insertInto('reports')
        .values({ ...base, counted: false, status: 'actioned', decision_id: decision.id, answer: JSON.stringify(reportAnswer(decision)), resolved_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, { actor: p.actor, action: 'report.received', subjectType: 'report', subjectId: row.id, data: { ...audit, caseId: null, status: 'actioned', decisionId: decision.id } });
      return { reportId: row.id, contentId: content.id, caseId: null, status: 'actioned' as const };
    }
    const row = await trx.insertInto('reports').values({ ...base, counted: true }).returning('id').executeTakeFirstOrThrow();
    const { caseId } = await openCase(trx, { contentId: content.id, reason: 'report', queue: CHILDREN_QUEUE, category, policyPriority: 'urgent', ref: row.id, actor: p.actor, countReport: true });
    await trx.updateTable('reports').set({ case_id: caseId }).where('id', '=', row.id).execute();
    await runHooks(core.effects.hooks.reported, trx, { reportId: row.id, contentId: content.id, caseId, category, actor: p.actor });
    await appendAudit(trx, { actor: p.actor, action: 'report.received', subjectType: 'report', subjectId: row.id, data: { ...audit, caseId, counted: true, queue: CHILDREN_QUEUE, priority: 'urgent' } });
    return { reportId: row.id, contentId: content.id, caseId, status: 'received' as const };
  });
}

const organisationName = z.string().trim().min(1).max(200);
const toContact = (r: { organisation: string; name: string; email: string; updated_by: string; updated_at: Date }): ProgrammeContact => ({
  organisation: r.organisation,
  name: r.name,
  email: r.email,
  updatedBy: r.updated_by,
  updatedAt: iso(r.updated_at),
});
/** A partner reads and sets only their own organisation's contact; the platform's people any. */
function contactOrg(organisation: string, p: Principal): string {
  const org = parseInput(organisationName, organisation);
  if (!seesAll(p) && p.user.org !== org) throw new SaringError('not_found', `No contact of ${org} is visible to you.`);
  return org;
}

/**
 * The educational programme: partners' nominations, their approval (by another organisation
 * where the policy asks) and Saring's safety checks, the catalogue the under-16 experience is
 * served, its automatic leaving, and partners' reports of harm to children.
 */
export function createProgramme(core: EngineCore, age?: { hooks: AgeHooks }): ProgrammeApi {
  const { db } = core;
  core.effects.hooks.decided.push((trx, event) => onDecided(core, trx, event));
  core.effects.hooks.reviewRequired.push((trx, event) => onReviewRequired(core, trx, event));
  core.effects.hooks.reported.push((trx, event) => onReported(core, trx, event));
  // An account found under the minimum age (youth/age): its items leave the catalogue.
  age?.hooks.changed.push(async (trx, change) => {
    if (change.after.status !== 'not_allowed' || change.before?.status === 'not_allowed') return;
    await leave(core, trx, { accountId: change.accountId }, 'underage_account', { band: change.after.band, assurance: change.after.assurance, kind: change.kind }, change.actor);
  });
  return {
    nominate: (input, p) => nominate(core, input, p),
    approve: (id, input, p) => decide(core, id, true, input, p),
    reject: (id, input, p) => decide(core, id, false, input, p),
    get: (id, p) => getNomination(db, id, p),
    list: (query, p) => listNominations(db, query, p),
    approvals: (query, p) => listApprovals(db, query, p),
    catalogue: (query) => catalogue(db, query),
    report: (query) => programmeReport(db, query),
    reportHarm: (input, p) => reportHarm(core, input, p),
    async contact(organisation, p) {
      const row = await db.selectFrom('programme_contacts').selectAll().where('organisation', '=', contactOrg(organisation, p)).executeTakeFirst();
      return row ? toContact(row) : null;
    },
    async setContact(organisation, input, p) {
      const org = contactOrg(organisation, p);
      const valid = parseInput(contactSchema, input);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('programme_contacts')
          .values({ organisation: org, name: valid.name, email: valid.email, updated_by: p.actor })
          .onConflict((oc) => oc.column('organisation').doUpdateSet({ name: valid.name, email: valid.email, updated_by: p.actor, updated_at: new Date() }))
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(trx, { actor: p.actor, action: 'programme.contact_set', subjectType: 'organisation', subjectId: org, data: { name: valid.name, email: valid.email } });
        return toContact(row);
      });
    },
  };
}
