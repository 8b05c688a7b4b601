/**
 * Every decision as a statement of reasons in the DSA Transparency Database format: a page at a
 * time (by cursor, oldest first) or every one, streamed as CSV or JSON Lines with no row cap
 * (the review listing's mechanism: pages of 1,000 walked by cursor, lines yielded as they come).
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { CATEGORY_IDS, isCategoryId, type CategoryId } from '../categories/categories.js';
import type { EngineCore } from '../core.js';
import type { Db } from '../db/connect.js';
import { DECISION_ACTIONS, type ActorType, type DecisionAction, type StatementOfReasons } from '../decisions/statement.js';
import { SaringError } from '../errors/errors.js';
import { csvField } from '../shared/csv.js';
import { parseInput, wholeNumber } from '../shared/validate.js';
import {
  AUTOMATED_DECISION_MAP,
  CATEGORY_MAP,
  DSA_FIELDS,
  euSubmittable,
  indonesianLegalGround,
  SOURCE_TYPE,
  TERMS_CATEGORY,
  validateDsaStatement,
  VISIBILITY_MAP,
  type DsaStatement,
  type FieldProblem,
  type SourceType,
} from './dsa.js';

/** A date (`2026-12-01`, midnight UTC) or a moment (`2026-12-01T08:00:00Z`, `…+07:00`). */
const moment = z
  .string()
  .max(40)
  .refine(
    (v) =>
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(v) &&
      !Number.isNaN(new Date(v.length === 10 ? `${v}T00:00:00Z` : v).getTime()) &&
      // No 30 February (which Date would roll over into March).
      new Date(`${v.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) === v.slice(0, 10),
    {
    message: 'must be a date (YYYY-MM-DD) or an ISO 8601 time with a zone',
  })
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v));

export const statementQuerySchema = z
  .object({
    /** Decisions taken at or after this time. */
    from: moment.optional(),
    /** Decisions taken before this time. */
    to: moment.optional(),
    /** Saring's category (the decision's, or for a restriction lifted, the lifted decision's). */
    category: z.enum(CATEGORY_IDS).optional(),
    /** Saring's action of the decision. */
    action: z.enum(DECISION_ACTIONS).optional(),
    /** The DSA source type. */
    source: z.enum(SOURCE_TYPE).optional(),
    limit: wholeNumber(1, 500).default(50),
    cursor: z.string().max(500).optional(),
    /** `json` (a page); `jsonl` or `csv`: every matching statement, streamed, no row cap. */
    format: z.enum(['json', 'jsonl', 'csv']).default('json'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['to'] });
export type StatementQuery = z.output<typeof statementQuerySchema>;

/** One exported statement: the DSA fields, what Saring adds (Indonesia), and whether the database's rules hold. */
export interface ExportedStatement {
  decisionId: string;
  contentId: string;
  externalId: string;
  action: DecisionAction;
  category: CategoryId | null;
  actorType: ActorType;
  decidedAt: string;
  /** No rule of the database is broken (`errors` is empty). */
  valid: boolean;
  /** Valid, and its territorial scope holds EEA countries only: what the EU database itself would take. */
  euSubmittable: boolean;
  /** Each broken rule, with its field. */
  errors: FieldProblem[];
  /** The statement under the database's field names and enumerations. */
  statement: DsaStatement;
  /** What the database has no field for: the ground under Indonesian law and the statement in Bahasa Indonesia. */
  indonesia: {
    legalGround: string | null;
    territorialScope: string[];
    decisionFacts: string;
    explanation: string;
  };
  /** For a decision taken on an appeal: the appeal and the decision it overturned. */
  appeal: { id: string; overturnedDecisionId: string } | null;
}

export interface TransparencyApi {
  list(query: unknown): Promise<{ statements: ExportedStatement[]; nextCursor: string | null }>;
  export(query: unknown): Promise<{ format: 'jsonl' | 'csv'; lines: AsyncIterable<string> }>;
}

type Row = {
  id: string;
  content_id: string;
  actor_type: string;
  action: string;
  category: string | null;
  automated_detection: boolean;
  statement: StatementOfReasons;
  created_text: string;
  external_id: string;
  kind: string;
  media: unknown;
  texts: unknown;
  metadata: unknown;
  content_created_at: Date;
  lifted_id: string | null;
  lifted_action: string | null;
  lifted_category: string | null;
  lifted_statement: StatementOfReasons | null;
  appeal_id: string | null;
  appealed_decision_id: string | null;
  source_type: SourceType;
  /** The authority and order number of the order a decision answers. */
  order_source: string | null;
  account_action: string | null;
};

type Cursor = { t: string; id: string };

function encodeCursor(row: Row): string {
  return Buffer.from(JSON.stringify({ t: row.created_text, id: row.id } satisfies Cursor)).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.t !== 'string' || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(c.t) || typeof c.id !== 'string' || !z.uuid().safeParse(c.id).success) throw new Error('bad cursor');
    return c;
  } catch {
    throw new SaringError('validation_failed', 'cursor: not a cursor of this listing (pass nextCursor as it came, with the same filters).');
  }
}

/**
 * The decisions that are statements of reasons: every restriction (remove, restrict_16,
 * restrict_18), and every decision that lifts one (an overturned appeal, a moderator reversing an
 * earlier restriction). A decision to leave content that was never restricted is no statement.
 */
async function page(db: Db, query: StatementQuery): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const where: RawBuilder<unknown>[] = [sql`(s.action <> 'allow' OR (s.lifted_action IS NOT NULL AND s.lifted_action <> 'allow'))`];
  if (query.from) where.push(sql`s.created_at >= ${query.from.toISOString()}::timestamptz`);
  if (query.to) where.push(sql`s.created_at < ${query.to.toISOString()}::timestamptz`);
  if (query.action) where.push(sql`s.action = ${query.action}`);
  if (query.category) where.push(sql`coalesce(s.category, CASE WHEN s.action = 'allow' THEN s.lifted_category END) = ${query.category}`);
  if (query.source) where.push(sql`s.source_type = ${query.source}`);
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    where.push(sql`(s.created_at, s.id) > (${c.t}::timestamptz, ${c.id}::uuid)`);
  }
  const result = await sql<Row>`
    SELECT s.* FROM (
      SELECT d.id, d.content_id, d.actor_type, d.action, d.category, d.automated_detection, d.statement, d.created_at,
        to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_text,
        c.external_id, c.kind, c.media, c.texts, c.metadata, c.created_at AS content_created_at,
        prev.id AS lifted_id, prev.action AS lifted_action, prev.category AS lifted_category, prev.statement AS lifted_statement,
        ap.id AS appeal_id, ap.decision_id AS appealed_decision_id,
        CASE
          WHEN origin.actor_type = 'regulator_order' OR origin.statement->>'source' = 'regulator_order'
            OR EXISTS (SELECT 1 FROM regulator_order_targets t WHERE t.decision_id = origin.id) THEN 'SOURCE_TYPE_OTHER_NOTIFICATION'
          WHEN EXISTS (SELECT 1 FROM reports r WHERE r.decision_id = origin.id AND r.created_at <= origin.created_at) THEN 'SOURCE_ARTICLE_16'
          ELSE 'SOURCE_VOLUNTARY'
        END AS source_type,
        (SELECT o.organisation || ' (order ' || o.order_number || ')' FROM regulator_order_targets t JOIN regulator_orders o ON o.id = t.order_id
          WHERE t.decision_id = origin.id ORDER BY o.received_at, o.id LIMIT 1) AS order_source,
        (SELECT aa.action FROM account_actions aa WHERE aa.decision_id = d.id AND aa.action IN ('suspend', 'terminate') ORDER BY aa.created_at DESC LIMIT 1) AS account_action
      FROM decisions d
      JOIN content_items c ON c.id = d.content_id
      LEFT JOIN appeals ap ON ap.resolving_decision_id = d.id
      LEFT JOIN LATERAL (
        SELECT p.id, p.action, p.category, p.statement FROM decisions p
        WHERE p.content_id = d.content_id AND (p.created_at, p.id) < (d.created_at, d.id)
        ORDER BY p.created_at DESC, p.id DESC LIMIT 1
      ) prev ON true
      LEFT JOIN LATERAL (
        SELECT o.id, o.actor_type, o.created_at, o.statement FROM decisions o
        WHERE o.id = CASE WHEN ap.decision_id IS NOT NULL THEN ap.decision_id WHEN d.action = 'allow' AND prev.id IS NOT NULL THEN prev.id ELSE d.id END
      ) origin ON true
    ) s
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY s.created_at ASC, s.id ASC
    LIMIT ${query.limit + 1}
  `.execute(db);
  const rows = result.rows.slice(0, query.limit);
  return { rows, nextCursor: result.rows.length > query.limit ? encodeCursor(rows.at(-1)!) : null };
}

const MEDIA_TYPE: Record<string, string> = { image: 'CONTENT_TYPE_IMAGE', video: 'CONTENT_TYPE_VIDEO', audio: 'CONTENT_TYPE_AUDIO' };

/** What the content is, as the database's content types: its kind, the media it carries, and text when it has any. */
function contentTypes(row: Row): { types: string[]; other?: string } {
  const types = new Set<string>();
  if (row.kind === 'video') types.add('CONTENT_TYPE_VIDEO');
  if (row.kind === 'image') types.add('CONTENT_TYPE_IMAGE');
  if (row.kind === 'text' || row.kind === 'comment') types.add('CONTENT_TYPE_TEXT');
  for (const m of Array.isArray(row.media) ? (row.media as { type?: unknown }[]) : []) {
    const t = typeof m?.type === 'string' ? MEDIA_TYPE[m.type] : undefined;
    if (t) types.add(t);
  }
  const texts = row.texts && typeof row.texts === 'object' ? Object.values(row.texts as Record<string, unknown>) : [];
  if (texts.some((t) => typeof t === 'string' && t.trim())) types.add('CONTENT_TYPE_TEXT');
  if (row.kind === 'profile') {
    types.add('CONTENT_TYPE_OTHER');
    return { types: [...types], other: 'A user profile' };
  }
  if (types.size === 0) types.add('CONTENT_TYPE_TEXT');
  return { types: [...types] };
}

/** The content's language, when the platform sent one (`metadata.language`, ISO 639-1). */
function language(row: Row): string | undefined {
  const meta = row.metadata && typeof row.metadata === 'object' ? (row.metadata as Record<string, unknown>) : {};
  const lang = meta['language'] ?? meta['lang'];
  return typeof lang === 'string' && /^[a-z]{2}(-[A-Za-z0-9]+)?$/i.test(lang) ? lang.slice(0, 2).toUpperCase() : undefined;
}

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

/** A decision as the database's statement of reasons. */
export function toExported(row: Row): ExportedStatement {
  const action = row.action as DecisionAction;
  const sor = row.statement;
  // A decision that lifts a restriction is told on the ground of what it lifted.
  const lifting = action === 'allow';
  const basis = lifting ? row.lifted_statement ?? sor : sor;
  const category = (lifting ? row.lifted_category : row.category) as CategoryId | null;
  const known = category && isCategoryId(category) ? category : null;
  const mapped = known ? CATEGORY_MAP[known] : TERMS_CATEGORY;

  const s: Partial<DsaStatement> = {};
  if (lifting) {
    s.decision_visibility = ['DECISION_VISIBILITY_OTHER'];
    const how = row.appeal_id ? `overturned on appeal ${row.appeal_id}` : 'reversed by a moderator';
    s.decision_visibility_other = `Restriction lifted: the earlier decision ${row.lifted_id} (${row.lifted_action}) was ${how}; the content is shown again.`;
  } else {
    s.decision_visibility = [VISIBILITY_MAP[action].visibility];
  }
  if (row.account_action === 'suspend') s.decision_account = 'DECISION_ACCOUNT_SUSPENDED';
  if (row.account_action === 'terminate') s.decision_account = 'DECISION_ACCOUNT_TERMINATED';
  if (basis.ground.type === 'illegal_content' && basis.ground.legalGround) {
    s.decision_ground = 'DECISION_GROUND_ILLEGAL_CONTENT';
    s.illegal_content_legal_ground = basis.ground.legalGround;
    s.illegal_content_explanation = basis.ground.explanation.en;
  } else {
    s.decision_ground = 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
    s.incompatible_content_ground = "The platform's terms of service";
    s.incompatible_content_explanation = basis.ground.explanation.en;
  }
  s.category = mapped.category;
  s.category_specification = [mapped.keyword];
  if (mapped.other) s.category_specification_other = mapped.other;
  const types = contentTypes(row);
  s.content_type = types.types;
  if (types.other) s.content_type_other = types.other;
  const lang = language(row);
  if (lang) s.content_language = lang;
  s.content_date = day(row.content_created_at);
  s.application_date = row.created_text.slice(0, 10);
  s.territorial_scope = sor.territorialScope;
  s.automated_detection = row.automated_detection ? 'Yes' : 'No';
  s.automated_decision = AUTOMATED_DECISION_MAP[sor.automatedDecision];
  s.source_type = row.source_type;
  if (row.order_source) s.source_identity = row.order_source;
  s.decision_facts = sor.facts.summary.en;
  // The database needs one identifier per statement: the decision's (an item can have several).
  s.puid = row.id;

  const statement = s as DsaStatement;
  const errors = validateDsaStatement(statement);
  return {
    decisionId: row.id,
    contentId: row.content_id,
    externalId: row.external_id,
    action,
    category: row.category as CategoryId | null,
    actorType: row.actor_type as ActorType,
    decidedAt: row.created_text,
    valid: errors.length === 0,
    euSubmittable: euSubmittable(statement, errors),
    errors,
    statement,
    indonesia: {
      legalGround: indonesianLegalGround(known),
      territorialScope: sor.territorialScope,
      decisionFacts: sor.facts.summary.id,
      explanation: basis.ground.explanation.id,
    },
    appeal: row.appeal_id && row.appealed_decision_id ? { id: row.appeal_id, overturnedDecisionId: row.appealed_decision_id } : null,
  };
}

export const CSV_COLUMNS = [
  'saring_decision_id',
  'saring_content_id',
  'saring_content_external_id',
  'saring_action',
  'saring_category',
  'saring_actor_type',
  'saring_decided_at',
  'saring_valid',
  'saring_eu_submittable',
  'saring_errors',
  ...DSA_FIELDS,
  'saring_indonesian_legal_ground',
  'saring_indonesian_territorial_scope',
  'saring_decision_facts_id',
  'saring_appeal_id',
  'saring_overturned_decision_id',
] as const;

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One statement as a CSV line: arrays as JSON arrays (as the database's own CSV files hold them). */
export function csvLine(e: ExportedStatement): string {
  const dsa = e.statement as unknown as Record<string, unknown>;
  const flat: Record<string, unknown> = {
    saring_decision_id: e.decisionId,
    saring_content_id: e.contentId,
    saring_content_external_id: e.externalId,
    saring_action: e.action,
    saring_category: e.category,
    saring_actor_type: e.actorType,
    saring_decided_at: e.decidedAt,
    saring_valid: e.valid,
    saring_eu_submittable: e.euSubmittable,
    saring_errors: e.errors.map((p) => `${p.field}: ${p.message}`).join('; '),
    ...Object.fromEntries(DSA_FIELDS.map((f) => [f, Array.isArray(dsa[f]) ? JSON.stringify(dsa[f]) : dsa[f]])),
    saring_indonesian_legal_ground: e.indonesia.legalGround,
    saring_indonesian_territorial_scope: JSON.stringify(e.indonesia.territorialScope),
    saring_decision_facts_id: e.indonesia.decisionFacts,
    saring_appeal_id: e.appeal?.id,
    saring_overturned_decision_id: e.appeal?.overturnedDecisionId,
  };
  return `${CSV_COLUMNS.map((k) => csvField(flat[k])).join(',')}\r\n`;
}

/** Every matching statement, page by page (1,000 at a time): exports have no row cap. */
export async function* allStatements(db: Db, query: StatementQuery): AsyncGenerator<ExportedStatement> {
  let cursor = query.cursor;
  for (;;) {
    const p = await page(db, { ...query, limit: 1_000, ...(cursor ? { cursor } : {}) });
    yield* p.rows.map(toExported);
    if (!p.nextCursor) return;
    cursor = p.nextCursor;
  }
}

export function createTransparency(core: Pick<EngineCore, 'db'>): TransparencyApi {
  const { db } = core;
  return {
    async list(query) {
      const valid = parseInput(statementQuerySchema, query);
      const p = await page(db, valid);
      return { statements: p.rows.map(toExported), nextCursor: p.nextCursor };
    },
    async export(query) {
      const valid = parseInput(statementQuerySchema, query);
      // A bad cursor is refused now, before the answer starts streaming.
      if (valid.cursor) decodeCursor(valid.cursor);
      const format = valid.format === 'csv' ? 'csv' : 'jsonl';
      async function* lines(): AsyncGenerator<string> {
        if (format === 'csv') yield csvHeader();
        for await (const e of allStatements(db, valid)) yield format === 'csv' ? csvLine(e) : `${JSON.stringify(e)}\n`;
      }
      return { format, lines: lines() };
    },
  };
}
