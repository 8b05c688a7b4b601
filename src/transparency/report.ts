/**
 * The transparency report for a period (docs/transparency.md): the sections of the EU's
 * harmonised transparency reporting templates under the DSA (Commission Implementing Regulation
 * (EU) 2024/2835) — orders from authorities, notices, own-initiative moderation, complaints,
 * automated means and their accuracy indicators, account actions — and the Indonesian view of the
 * regulator's orders (the compliance report's tallies: on time within 24 h / 4 h, breached,
 * warnings ST1–ST3, fines). Every figure is counted by SQL over the stored rows; medians are
 * `percentile_cont(0.5)` (PGlite and PostgreSQL alike). No table of its own.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../access/auth.js';
import type { SaringConfig } from '../config/config.js';
import type { Db } from '../db/connect.js';
import { SaringError } from '../errors/errors.js';
import { MAX_PERIOD_DAYS, type ComplianceApi, type Tally } from '../regulator/compliance.js';
import { TARGET_STATUSES, URGENT_ORDER_CATEGORIES, type TargetStatus } from '../regulator/regulator.js';
import { csvField } from '../shared/csv.js';
import { parseInput } from '../shared/validate.js';

export const REPORT_TYPE = 'saring.transparency-report.v1';
export const REPORT_ZONES = ['WIB', 'UTC'] as const;
export type ReportZone = (typeof REPORT_ZONES)[number];
const OFFSET: Record<ReportZone, string> = { WIB: '+07:00', UTC: 'Z' };
const DAY = 86_400_000;

/** A calendar day, YYYY-MM-DD, that exists (no 30 February). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, { message: 'not a day of the calendar' });

export const reportQuerySchema = z
  .object({
    from: day.meta({ description: 'First day of the period (inclusive), YYYY-MM-DD in the zone `zone`' }),
    to: day.meta({ description: 'Last day of the period (inclusive), YYYY-MM-DD in the zone `zone`' }),
    zone: z.enum(REPORT_ZONES).default('WIB').meta({ description: 'The days’ time zone: WIB (UTC+7, the default) or UTC' }),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
export type ReportQuery = z.output<typeof reportQuerySchema>;

export interface Count {
  key: string;
  count: number;
}

export interface Period {
  from: string;
  to: string;
  zone: ReportZone;
  /** The zone's offset from UTC, `+07:00` (WIB) or `Z`. */
  utcOffset: string;
  /** The first moment of the period (ISO 8601, UTC). */
  start: string;
  /** The moment after its last day (ISO 8601, UTC; exclusive). */
  end: string;
  days: number;
}

export interface OrdersSection {
  /** Orders received in the period. */
  orders: number;
  /** Of them, on the urgent (4 h) clock. */
  urgent: number;
  /** `remove` (orders to act against content, DSA art. 9), `information` (orders to provide information, art. 10). */
  byRequestedAction: Count[];
  byCategory: Count[];
  byOrganisation: Count[];
  targets: number;
  /** The orders' targets by what was done: taken_down, already_removed, not_found, clarified, pending. */
  targetsByStatus: Record<TargetStatus, number>;
  /** Median hours from receipt to a target being handled (targets no longer pending). */
  medianHoursToAct: number | null;
  /** Saring records no separate moment the authority is told: null (see note). */
  medianHoursToInform: number | null;
  note: string;
}

export interface NoticesSection {
  /** Public reports received in the period. */
  notices: number;
  byCategory: Count[];
  /** `identified`, `anonymous`, `bad_faith` (from a reporter marked as reporting in bad faith), `unidentified`. */
  byReporterType: Count[];
  byOutcome: { actioned: number; rejected: number; pending: number };
  /** The actioned ones by the ground of the decision that answered them: `illegal_content` (Indonesian law) or `terms_of_service`. */
  actionedByGround: Count[];
  /** Median hours from a report to its answer (actioned or rejected). */
  medianHoursToAction: number | null;
  /** Saring has no trusted-flagger status: null. */
  trustedFlaggers: number | null;
  note: string;
}

export interface OwnInitiativeSection {
  /** Restrictions (remove, restrict_16, restrict_18) not prompted by a report, an order or an appeal. */
  decisions: number;
  byCategory: Count[];
  byAction: Count[];
  /** `illegal_content` (a ground under Indonesian law) or `terms_of_service` (the platform's rules), from each decision's statement of reasons. */
  byGround: Count[];
  /** `hash_match`, `media_classifier`, `text_model`, `lexicon`, `automated_other`, `human`. */
  byDetection: Count[];
  /** `fully_automated`, `partially_automated` (a person after an automated detection), `not_automated`. */
  byAutomation: Count[];
  automatedDetection: number;
  automatedDecision: number;
  note: string;
}

export interface ComplaintsSection {
  /** Appeals filed in the period. */
  complaints: number;
  byOutcome: { upheld: number; overturned: number; pending: number };
  byCategory: Count[];
  medianHoursToDecide: number | null;
  /** overturned / (overturned + upheld); null when none is decided. */
  overturnRate: number | null;
  note: string;
}

export interface AccuracyRow {
  category: string;
  /** Automated decisions taken in the period. */
  automatedDecisions: number;
  /** Of them, later looked at by a person (an appeal decided, or a moderator's later decision on the item). */
  reviewed: number;
  confirmed: number;
  reversed: number;
  /** reversed / reviewed; null when none was reviewed. */
  errorRate: number | null;
  /** Items an automated scan sent to human review (review cases of reason `policy`) opened in the period. */
  flagged: number;
  /** A person restricted the flagged item. */
  flagsConfirmed: number;
  /** A person left the flagged item up. */
  flagsDismissed: number;
  /** flagsConfirmed / (flagsConfirmed + flagsDismissed); null when none is decided. */
  flagPrecision: number | null;
}

export interface AutomatedMeansSection extends Omit<AccuracyRow, 'category'> {
  byCategory: AccuracyRow[];
  note: string;
}

export interface AccountActionsSection {
  /** Account actions taken in the period. */
  actions: number;
  /** warning, feature_limit, suspend, terminate, reinstate. */
  byAction: Count[];
  /** Accounts with at least one action. */
  accounts: number;
  strikes: number;
  strikesRemoved: number;
  note: string;
}

export interface IndonesiaView {
  /** Orders received in the period (all organisations). */
  ordersReceived: number;
  targets: number;
  onTime: number;
  breached: number;
  open: number;
  onTimeRate: number | null;
  byUrgency: { urgent: Tally & { deadlineHours: number }; standard: Tally & { deadlineHours: number } };
  byCategory: (Tally & { category: string })[];
  warnings: { st1: number; st2: number; st3: number };
  fines: number;
  finesIdr: number;
  clarifications: number;
  note: string;
}

export interface TransparencyReport {
  type: typeof REPORT_TYPE;
  period: Period;
  generatedAt: string;
  sections: {
    orders: OrdersSection;
    notices: NoticesSection;
    ownInitiative: OwnInitiativeSection;
    complaints: ComplaintsSection;
    automatedMeans: AutomatedMeansSection;
    accountActions: AccountActionsSection;
  };
  indonesia: IndonesiaView;
  notes: string[];
}

export interface ReportDeps {
  db: Db;
  config: Pick<SaringConfig, 'orderClockSeconds'>;
  compliance: Pick<ComplianceApi, 'report'>;
}

/** The period the query names, validated: a from day up to a to day (both inclusive) in the zone, at most 366 days, not starting in the future. */
export function reportPeriod(q: Pick<ReportQuery, 'from' | 'to' | 'zone'>, now = new Date()): Period {
  const utcOffset = OFFSET[q.zone];
  const start = new Date(`${q.from}T00:00:00${utcOffset}`);
  const last = new Date(`${q.to}T00:00:00${utcOffset}`);
  if (last < start) throw new SaringError('invalid_period', `to (${q.to}) is before from (${q.from}).`, { problems: ['to: before from'] });
  const days = Math.round((last.getTime() - start.getTime()) / DAY) + 1;
  if (days > MAX_PERIOD_DAYS) throw new SaringError('invalid_period', `A report covers at most ${MAX_PERIOD_DAYS} days; ${q.from}..${q.to} is ${days}.`, { problems: [`to: more than ${MAX_PERIOD_DAYS} days after from`] });
  if (start > now) throw new SaringError('invalid_period', `The period starts on ${q.from} (${q.zone}), in the future: nothing is recorded there yet.`, { problems: ['from: in the future'] });
  const end = new Date(last.getTime() + DAY);
  return { from: q.from, to: q.to, zone: q.zone, utcOffset, start: start.toISOString(), end: end.toISOString(), days };
}

const hours = (seconds: number | string | null | undefined) => (seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 3600) * 100) / 100);
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const n = (v: unknown) => Number(v ?? 0);

async function counts(db: Db, query: RawBuilder<Count>): Promise<Count[]> {
  const { rows } = await query.execute(db);
  return rows.map((r) => ({ key: String(r.key), count: n(r.count) })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** `percentile_cont(0.5)` of seconds, as hours; null over no rows. */
async function medianHours(db: Db, query: RawBuilder<{ median: number | null }>): Promise<number | null> {
  const { rows } = await query.execute(db);
  return hours(rows[0]?.median);
}

type Window = { start: string; end: string };
const within = (column: RawBuilder<unknown>, w: Window) => sql`${column} >= ${w.start}::timestamptz AND ${column} < ${w.end}::timestamptz`;

// ---- orders from authorities ----

async function ordersSection(db: Db, w: Window): Promise<OrdersSection> {
  const inPeriod = within(sql.ref('o.received_at'), w);
  const urgentCats = sql.join(URGENT_ORDER_CATEGORIES.map((c) => sql`${c}`));
  // The clock each order got is stored with it (urgent_clock); orders older than that column: marked urgent or of a default urgent category.
  const head = await sql<{ orders: number; urgent: number }>`
    SELECT count(*)::int AS orders, count(*) FILTER (WHERE coalesce(o.urgent_clock, o.urgent OR o.category IN (${urgentCats})))::int AS urgent
    FROM regulator_orders o WHERE ${inPeriod}`.execute(db);
  const byStatus = await counts(db, sql<Count>`
    SELECT t.status AS key, count(*)::int AS count FROM regulator_order_targets t JOIN regulator_orders o ON o.id = t.order_id
    WHERE ${inPeriod} GROUP BY t.status`);
  const targetsByStatus = Object.fromEntries(TARGET_STATUSES.map((s) => [s, byStatus.find((c) => c.key === s)?.count ?? 0])) as Record<TargetStatus, number>;
  return {
    orders: n(head.rows[0]?.orders),
    urgent: n(head.rows[0]?.urgent),
    byRequestedAction: await counts(db, sql<Count>`SELECT o.requested_action AS key, count(*)::int AS count FROM regulator_orders o WHERE ${inPeriod} GROUP BY o.requested_action`),
    byCategory: await counts(db, sql<Count>`SELECT o.category AS key, count(*)::int AS count FROM regulator_orders o WHERE ${inPeriod} GROUP BY o.category`),
    byOrganisation: await counts(db, sql<Count>`SELECT o.organisation AS key, count(*)::int AS count FROM regulator_orders o WHERE ${inPeriod} GROUP BY o.organisation`),
    targets: byStatus.reduce((a, c) => a + c.count, 0),
    targetsByStatus,
    medianHoursToAct: await medianHours(db, sql`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM coalesce(t.handled_at, o.received_at) - o.received_at)::float8) AS median
      FROM regulator_order_targets t JOIN regulator_orders o ON o.id = t.order_id
      WHERE ${inPeriod} AND t.status <> 'pending'`),
    medianHoursToInform: null,
    note:
      'Orders received through the regulator channel (src/regulator/), counted by the day received: orders to act against content (requested action remove) and, where recorded, ' +
      'requests for information (information). Time to act: from receipt to the target being handled (taken down; already removed and not found are answered at receipt; clarified ' +
      'when the clarification is filed; answered when the information is given). Saring stores no separate moment the authority is informed: the channel answers the order at ' +
      'receipt and shows each target’s outcome (order page, webhook) the moment it is recorded, so no median time to inform is given.',
  };
}

/** The ground of decision `d`, from its statement of reasons (as the DSA export's decision_ground). */
const ground = sql`CASE WHEN d.statement->'ground'->>'type' = 'illegal_content' THEN 'illegal_content' ELSE 'terms_of_service' END`;

// ---- notices (public reports) ----

async function noticesSection(db: Db, w: Window): Promise<NoticesSection> {
  const inPeriod = within(sql.ref('r.created_at'), w);
  const head = await sql<{ notices: number; actioned: number; rejected: number; pending: number }>`
    SELECT count(*)::int AS notices,
      count(*) FILTER (WHERE r.status = 'actioned')::int AS actioned,
      count(*) FILTER (WHERE r.status = 'rejected')::int AS rejected,
      count(*) FILTER (WHERE r.status NOT IN ('actioned', 'rejected'))::int AS pending
    FROM reports r WHERE ${inPeriod}`.execute(db);
  const h = head.rows[0];
  return {
    notices: n(h?.notices),
    byCategory: await counts(db, sql<Count>`SELECT coalesce(r.category, 'other') AS key, count(*)::int AS count FROM reports r WHERE ${inPeriod} GROUP BY 1`),
    byReporterType: await counts(db, sql<Count>`
      SELECT CASE WHEN r.anonymous THEN 'anonymous' WHEN r.bad_faith THEN 'bad_faith' WHEN r.reporter_id IS NOT NULL THEN 'identified' ELSE 'unidentified' END AS key, count(*)::int AS count
      FROM reports r WHERE ${inPeriod} GROUP BY 1`),
    byOutcome: { actioned: n(h?.actioned), rejected: n(h?.rejected), pending: n(h?.pending) },
    actionedByGround: await counts(db, sql<Count>`
      SELECT ${ground} AS key, count(*)::int AS count FROM reports r JOIN decisions d ON d.id = r.decision_id
      WHERE ${inPeriod} AND r.status = 'actioned' GROUP BY 1`),
    medianHoursToAction: await medianHours(db, sql`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at)::float8) AS median
      FROM reports r WHERE ${inPeriod} AND r.status IN ('actioned', 'rejected') AND r.resolved_at IS NOT NULL`),
    trustedFlaggers: null,
    note:
      'Public reports (notices, DSA art. 16; Permenkominfo 5/2020 public requests) received in the period (src/reports/). Actioned: the content was restricted (or already removed); ' +
      'rejected: a person left it up. Saring has no trusted-flagger status (DSA art. 22), so no notices from trusted flaggers are counted. Reporter type is what the report carries: ' +
      'identified (name, contact or the platform’s id), anonymous, bad_faith (the reporter is marked as reporting in bad faith; such reports are kept but not counted for review).',
  };
}

// ---- own-initiative moderation ----

/** The decision `d` was not prompted by an order, a report filed before it, or an appeal (the DSA export's SOURCE_VOLUNTARY). */
const voluntary = sql`
  d.action <> 'allow'
  AND d.actor_type <> 'regulator_order' AND coalesce(d.statement->>'source', '') <> 'regulator_order'
  AND NOT EXISTS (SELECT 1 FROM regulator_order_targets t WHERE t.decision_id = d.id)
  AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.decision_id = d.id AND r.created_at <= d.created_at)
  AND NOT EXISTS (SELECT 1 FROM appeals a WHERE a.resolving_decision_id = d.id)`;

/** How the decision's content was found, from its evidence: a bank match first, then the media classifier, a text model, a lexicon. */
const detection = sql`
  CASE
    WHEN NOT d.automated_detection THEN 'human'
    WHEN ev.sources @> ARRAY['hash'] THEN 'hash_match'
    WHEN ev.sources @> ARRAY['image'] THEN 'media_classifier'
    WHEN ev.sources @> ARRAY['model'] THEN 'text_model'
    WHEN ev.sources && ARRAY['caption', 'ocr', 'asr'] THEN 'lexicon'
    ELSE 'automated_other'
  END`;
const evidenceSources = sql`LEFT JOIN LATERAL (
    SELECT coalesce(array_agg(DISTINCT e->>'source'), ARRAY[]::text[]) AS sources
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d.evidence::jsonb) = 'array' THEN d.evidence::jsonb ELSE '[]'::jsonb END) e
  ) ev ON true`;

async function ownInitiativeSection(db: Db, w: Window): Promise<OwnInitiativeSection> {
  const where = sql`${within(sql.ref('d.created_at'), w)} AND ${voluntary}`;
  const head = await sql<{ decisions: number; detection: number; decision: number }>`
    SELECT count(*)::int AS decisions, count(*) FILTER (WHERE d.automated_detection)::int AS detection, count(*) FILTER (WHERE d.automated_decision)::int AS decision
    FROM decisions d WHERE ${where}`.execute(db);
  const h = head.rows[0];
  return {
    decisions: n(h?.decisions),
    byCategory: await counts(db, sql<Count>`SELECT coalesce(d.category, 'terms_of_service') AS key, count(*)::int AS count FROM decisions d WHERE ${where} GROUP BY 1`),
    byAction: await counts(db, sql<Count>`SELECT d.action AS key, count(*)::int AS count FROM decisions d WHERE ${where} GROUP BY 1`),
    byGround: await counts(db, sql<Count>`SELECT ${ground} AS key, count(*)::int AS count FROM decisions d WHERE ${where} GROUP BY 1`),
    byDetection: await counts(db, sql<Count>`SELECT ${detection} AS key, count(*)::int AS count FROM decisions d ${evidenceSources} WHERE ${where} GROUP BY 1`),
    byAutomation: await counts(db, sql<Count>`
      SELECT CASE WHEN d.automated_decision THEN 'fully_automated' WHEN d.automated_detection THEN 'partially_automated' ELSE 'not_automated' END AS key, count(*)::int AS count
      FROM decisions d WHERE ${where} GROUP BY 1`),
    automatedDetection: n(h?.detection),
    automatedDecision: n(h?.decision),
    note:
      'Restrictions (remove, restrict_16, restrict_18) taken in the period on the platform’s own initiative: not carrying out an order, not answering a report filed before them, ' +
      'not deciding an appeal (the DSA export’s SOURCE_VOLUNTARY). Detection is read from each decision’s evidence: a bank (hash) match first, then the media classifier, a text model, ' +
      'a lexicon; human when no automated detection was involved. A person’s reversal (allow) is not a restriction and is not counted here.',
  };
}

// ---- complaints (appeals) ----

async function complaintsSection(db: Db, w: Window): Promise<ComplaintsSection> {
  const inPeriod = within(sql.ref('a.created_at'), w);
  const head = await sql<{ complaints: number; upheld: number; overturned: number }>`
    SELECT count(*)::int AS complaints,
      count(*) FILTER (WHERE a.status = 'upheld')::int AS upheld,
      count(*) FILTER (WHERE a.status = 'overturned')::int AS overturned
    FROM appeals a WHERE ${inPeriod}`.execute(db);
  const h = head.rows[0];
  const upheld = n(h?.upheld);
  const overturned = n(h?.overturned);
  return {
    complaints: n(h?.complaints),
    byOutcome: { upheld, overturned, pending: n(h?.complaints) - upheld - overturned },
    byCategory: await counts(db, sql<Count>`
      SELECT coalesce(d.category, 'terms_of_service') AS key, count(*)::int AS count FROM appeals a JOIN decisions d ON d.id = a.decision_id WHERE ${inPeriod} GROUP BY 1`),
    medianHoursToDecide: await medianHours(db, sql`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.decided_at - a.created_at)::float8) AS median
      FROM appeals a WHERE ${inPeriod} AND a.status IN ('upheld', 'overturned') AND a.decided_at IS NOT NULL`),
    overturnRate: rate(overturned, upheld + overturned),
    note:
      'Appeals (the internal complaint-handling system, DSA art. 20) filed in the period against a decision (src/appeals/), by their outcome now: upheld (the decision stands), ' +
      'overturned (reversed), pending (open or in review). Category: the appealed decision’s. Out-of-court dispute settlement (art. 21) is not recorded by Saring.',
  };
}

// ---- automated means and their accuracy indicators ----

type AccuracyDbRow = { category: string; decisions: number; reviewed: number; confirmed: number; reversed: number };
type FlagDbRow = { category: string; flagged: number; confirmed: number; dismissed: number };

async function automatedMeansSection(db: Db, w: Window): Promise<AutomatedMeansSection> {
  // Each automated decision's review by a person: an appeal decided on it (first), else the first later moderator decision on the same item (same action: confirmed).
  const decisions = await sql<AccuracyDbRow>`
    SELECT s.category, count(*)::int AS decisions,
      count(*) FILTER (WHERE s.outcome IS NOT NULL)::int AS reviewed,
      count(*) FILTER (WHERE s.outcome = 'confirmed')::int AS confirmed,
      count(*) FILTER (WHERE s.outcome = 'reversed')::int AS reversed
    FROM (
      SELECT coalesce(d.category, 'terms_of_service') AS category,
        CASE
          WHEN ap.status = 'overturned' THEN 'reversed'
          WHEN ap.status = 'upheld' THEN 'confirmed'
          WHEN later.action IS NULL THEN NULL
          WHEN later.action = d.action THEN 'confirmed'
          ELSE 'reversed'
        END AS outcome
      FROM decisions d
      LEFT JOIN LATERAL (
        SELECT a.status FROM appeals a WHERE a.decision_id = d.id AND a.status IN ('upheld', 'overturned') ORDER BY a.decided_at LIMIT 1
      ) ap ON true
      LEFT JOIN LATERAL (
        SELECT l.action FROM decisions l
        WHERE l.content_id = d.content_id AND l.actor_type = 'moderator' AND (l.created_at, l.id) > (d.created_at, d.id)
        ORDER BY l.created_at, l.id LIMIT 1
      ) later ON true
      WHERE ${within(sql.ref('d.created_at'), w)} AND d.automated_decision
    ) s GROUP BY s.category`.execute(db);
  // Items the automated scan flagged for a person (review cases of reason `policy`), and what the person decided.
  const flags = await sql<FlagDbRow>`
    SELECT coalesce(c.category, 'terms_of_service') AS category, count(*)::int AS flagged,
      count(*) FILTER (WHERE d.action IS NOT NULL AND d.action <> 'allow')::int AS confirmed,
      count(*) FILTER (WHERE d.action = 'allow')::int AS dismissed
    FROM review_cases c LEFT JOIN decisions d ON d.id = c.decision_id
    WHERE ${within(sql.ref('c.created_at'), w)} AND c.reason = 'policy'
    GROUP BY 1`.execute(db);
  const rows = new Map<string, AccuracyRow>();
  const row = (category: string) => {
    let r = rows.get(category);
    if (!r) rows.set(category, (r = { category, automatedDecisions: 0, reviewed: 0, confirmed: 0, reversed: 0, errorRate: null, flagged: 0, flagsConfirmed: 0, flagsDismissed: 0, flagPrecision: null }));
    return r;
  };
  for (const d of decisions.rows) Object.assign(row(d.category), { automatedDecisions: n(d.decisions), reviewed: n(d.reviewed), confirmed: n(d.confirmed), reversed: n(d.reversed) });
  for (const f of flags.rows) Object.assign(row(f.category), { flagged: n(f.flagged), flagsConfirmed: n(f.confirmed), flagsDismissed: n(f.dismissed) });
  const byCategory = [...rows.values()].sort((a, b) => b.automatedDecisions + b.flagged - (a.automatedDecisions + a.flagged) || a.category.localeCompare(b.category));
  const total: Omit<AccuracyRow, 'category'> = { automatedDecisions: 0, reviewed: 0, confirmed: 0, reversed: 0, errorRate: null, flagged: 0, flagsConfirmed: 0, flagsDismissed: 0, flagPrecision: null };
  for (const r of byCategory) {
    r.errorRate = rate(r.reversed, r.reviewed);
    r.flagPrecision = rate(r.flagsConfirmed, r.flagsConfirmed + r.flagsDismissed);
    for (const k of ['automatedDecisions', 'reviewed', 'confirmed', 'reversed', 'flagged', 'flagsConfirmed', 'flagsDismissed'] as const) total[k] += r[k];
  }
  total.errorRate = rate(total.reversed, total.reviewed);
  total.flagPrecision = rate(total.flagsConfirmed, total.flagsConfirmed + total.flagsDismissed);
  return {
    ...total,
    byCategory,
    note:
      'Ground truth exists only where a person later looked: an automated decision is confirmed or reversed by an appeal decided on it, or by a moderator’s later decision on the same item ' +
      '(the same action confirms it); an automated flag (an item the scan sent to review) is confirmed when the person restricted the item, dismissed when they left it up. ' +
      'The error rate and the flag precision are over those reviewed only, which are not a random sample (appeals come from those who disagree), so they are indicators, not the accuracy ' +
      'of all automated decisions. Saring knows nothing of content the automation missed (no recall figure), nor of automated decisions nobody reviewed.',
  };
}

// ---- account actions ----

async function accountActionsSection(db: Db, w: Window): Promise<AccountActionsSection> {
  const inPeriod = within(sql.ref('aa.created_at'), w);
  const head = await sql<{ actions: number; accounts: number; strikes: number; removed: number }>`
    SELECT (SELECT count(*)::int FROM account_actions aa WHERE ${inPeriod}) AS actions,
      (SELECT count(DISTINCT aa.account_id)::int FROM account_actions aa WHERE ${inPeriod}) AS accounts,
      (SELECT count(*)::int FROM strikes s WHERE ${within(sql.ref('s.created_at'), w)}) AS strikes,
      (SELECT count(*)::int FROM strikes s WHERE ${within(sql.ref('s.removed_at'), w)}) AS removed`.execute(db);
  const h = head.rows[0];
  return {
    actions: n(h?.actions),
    byAction: await counts(db, sql<Count>`SELECT aa.action AS key, count(*)::int AS count FROM account_actions aa WHERE ${inPeriod} GROUP BY 1`),
    accounts: n(h?.accounts),
    strikes: n(h?.strikes),
    strikesRemoved: n(h?.removed),
    note:
      'Actions on accounts taken in the period (src/strikes/): a strike is added for each restriction of an account’s content; reaching a threshold of the policy warns, limits features, ' +
      'suspends or terminates the account; reinstate lifts one. Strikes removed: struck off when the decision behind them was overturned or reversed.',
  };
}

// ---- the Indonesian view ----

async function indonesiaView(deps: ReportDeps, period: Period, principal: Principal): Promise<IndonesiaView> {
  // The regulator's compliance report's own tallies (the same rules for on time, breached and open).
  const { report } = await deps.compliance.report({ from: period.start, to: period.end }, principal);
  const t = report.totals;
  const clar = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM regulator_clarifications c JOIN regulator_orders o ON o.id = c.order_id
    WHERE ${within(sql.ref('o.received_at'), period)}${report.organisation ? sql` AND o.organisation = ${report.organisation}` : sql``}`.execute(deps.db);
  // Each order's clock (its deadline less its receipt), the most common one per urgency; with no such order, the configured or statutory one.
  const fallback = deps.config.orderClockSeconds ?? { standard: 24 * 3600, urgent: 4 * 3600 };
  const clockHours = (urgent: boolean) => {
    const seen = new Map<number, number>();
    for (const o of report.orders.filter((x) => x.urgentClock === urgent)) {
      const h = Math.round(((new Date(o.dueAt).getTime() - new Date(o.receivedAt).getTime()) / 3_600_000) * 100) / 100;
      seen.set(h, (seen.get(h) ?? 0) + 1);
    }
    const top = [...seen.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    return top ? top[0] : Math.round(((urgent ? fallback.urgent : fallback.standard) / 3600) * 100) / 100;
  };
  const tally = (x: Tally): Tally => ({ orders: x.orders, onTime: x.onTime, breached: x.breached, open: x.open, onTimeRate: x.onTimeRate });
  return {
    ordersReceived: t.orders,
    targets: t.targets,
    onTime: t.onTime,
    breached: t.breached,
    open: t.open,
    onTimeRate: t.onTimeRate,
    byUrgency: {
      urgent: { ...tally(t.byUrgency.urgent), deadlineHours: clockHours(true) },
      standard: { ...tally(t.byUrgency.standard), deadlineHours: clockHours(false) },
    },
    byCategory: Object.entries(t.byCategory)
      .map(([category, x]) => ({ category, ...tally(x) }))
      .sort((a, b) => b.orders - a.orders || a.category.localeCompare(b.category)),
    warnings: { ...t.warnings },
    fines: t.fines,
    finesIdr: t.finesIdr,
    clarifications: n(clar.rows[0]?.count),
    note:
      'The regulator’s orders received in the period, as the signed compliance report (GET /v1/regulator/compliance-report) counts them: on time when every target was acted on by the ' +
      'deadline (4 h for urgent orders, 24 h otherwise: PP 71/2019, Permenkominfo 5/2020; deadlineHours: the clock those orders got, as the policy set it when each was received), breached when one was late or is still pending past it, open while pending before it. ' +
      'Warnings (ST1–ST3), fines (whole rupiah) and clarifications (sanggahan) are those recorded against these orders, whenever they were recorded.',
  };
}

/** The transparency report for a period. */
export async function transparencyReport(deps: ReportDeps, query: unknown, principal: Principal, now = new Date()): Promise<TransparencyReport> {
  const q = parseInput(reportQuerySchema, query);
  const period = reportPeriod(q, now);
  const w = { start: period.start, end: period.end };
  const notes = [
    `The period is ${period.from} to ${period.to} inclusive, days in ${period.zone === 'WIB' ? 'WIB (UTC+7)' : 'UTC'}: ${period.start} up to ${period.end} (exclusive). Each item is counted by when it was received or taken (orders by receipt, notices and complaints by filing, decisions and account actions when taken); outcomes are as they stand when the report is generated.`,
    'Every figure is counted over the stored rows when the report is generated; medians are in hours. A null figure means there is nothing to measure (no rows) or Saring has no data for it (see the section’s note).',
    'Not in Saring: trusted flaggers (art. 22), out-of-court dispute settlement (art. 21), suspensions for misuse under art. 23 other than the account actions listed, the number of content moderators and their languages, and average monthly active recipients (art. 24(2)).',
  ];
  if (new Date(period.end) > now) notes.push(`The period is not over: it ends at ${period.end}; figures cover what is recorded up to ${now.toISOString()}.`);
  return {
    type: REPORT_TYPE,
    period,
    generatedAt: now.toISOString(),
    sections: {
      orders: await ordersSection(deps.db, w),
      notices: await noticesSection(deps.db, w),
      ownInitiative: await ownInitiativeSection(deps.db, w),
      complaints: await complaintsSection(deps.db, w),
      automatedMeans: await automatedMeansSection(deps.db, w),
      accountActions: await accountActionsSection(deps.db, w),
    },
    indonesia: await indonesiaView(deps, period, principal),
    notes,
  };
}

// ---- CSV ----

export const REPORT_CSV_COLUMNS = ['section', 'metric', 'dimension', 'value'] as const;

/** The report as one flat table: a line per figure (`section,metric,dimension,value`; dimension empty for totals), notes last. */
export function reportCsv(r: TransparencyReport): string {
  const lines: unknown[][] = [];
  const put = (section: string, metric: string, dimension: string, value: unknown) => lines.push([section, metric, dimension, value]);
  put('period', 'from', r.period.zone, r.period.from);
  put('period', 'to', r.period.zone, r.period.to);
  put('period', 'start', 'UTC', r.period.start);
  put('period', 'end', 'UTC', r.period.end);
  put('period', 'generatedAt', 'UTC', r.generatedAt);
  const walk = (section: string, obj: Record<string, unknown>) => {
    for (const [metric, value] of Object.entries(obj)) {
      if (metric === 'note') continue;
      if (Array.isArray(value)) {
        for (const item of value as Record<string, unknown>[]) {
          if ('key' in item && 'count' in item) put(section, metric, String(item['key']), item['count']);
          else {
            const dim = String(item['category'] ?? '');
            for (const [k, v] of Object.entries(item)) if (k !== 'category') put(section, `${metric}.${k}`, dim, v);
          }
        }
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          if (v && typeof v === 'object') for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) put(section, `${metric}.${k2}`, k, v2);
          else put(section, metric, k, v);
        }
      } else put(section, metric, '', value);
    }
    if (typeof obj['note'] === 'string') put(section, 'note', '', obj['note']);
  };
  for (const [name, s] of Object.entries(r.sections)) walk(name, s as unknown as Record<string, unknown>);
  walk('indonesia', r.indonesia as unknown as Record<string, unknown>);
  r.notes.forEach((note, i) => put('notes', 'note', String(i + 1), note));
  return [REPORT_CSV_COLUMNS.join(','), ...lines.map((l) => l.map(csvField).join(','))].join('\r\n') + '\r\n';
}
