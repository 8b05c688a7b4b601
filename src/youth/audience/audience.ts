import { sql } from 'kysely';
import { z } from 'zod';
import type { EngineCore } from '../../core.js';
import type { Db } from '../../db/connect.js';
import type { YouthSettings } from '../../policy/schema.js';
import { isUuid, parseInput } from '../../shared/validate.js';
import { eligibilityFrom, type AgeRecord, type Eligibility } from '../age/bands.js';
import { agesOf } from '../age/store.js';
import { catalogueIds } from '../programme/programme.js';
import type { ProgrammeBand } from '../programme/types.js';

/**
 * Audience gating (docs/youth.md, "Audience gating"): which of a list of content items one account
 * may see, in one call, from the content's state (removed, held, restricted, its audience) and the
 * account's eligibility (youth/age/). An account under the platform's minimum age sees only the
 * educational programme's catalogue items of its own PP Tunas band (youth/programme/).
 */
export const MAX_AUDIENCE_IDS = 10_000;

export const audienceInputSchema = z
  .object({
    /** The platform's id for the viewing account. */
    account: z.string().min(1).max(256),
    /** Saring content ids or the platform's content ids, in any mix. */
    ids: z
      .array(z.string().min(1).max(256))
      .superRefine((ids, ctx) => {
        if (ids.length > MAX_AUDIENCE_IDS) {
          ctx.addIssue({ code: 'custom', message: `At most ${MAX_AUDIENCE_IDS.toLocaleString('en')} ids in one call (${ids.length} sent).`, params: { code: 'too_many_targets' } });
        }
      }),
  })
  .strict();

export type AudienceInput = z.input<typeof audienceInputSchema>;

/** Why an id is hidden from the account. */
export const HIDDEN_REASONS = ['unknown', 'removed', 'held', 'restrict_16', 'restrict_18', 'adult_audience', 'not_in_catalogue'] as const;
export type HiddenReason = (typeof HIDDEN_REASONS)[number];

export interface AudienceResult {
  /** The ids the account may see, as sent, in the order sent. */
  visible: string[];
  hidden: { id: string; reason: HiddenReason }[];
}

export interface AudienceApi {
  /** Splits content ids into those the account may see and those hidden, with why. */
  filter(input: unknown): Promise<AudienceResult>;
}

/**
 * The PP Tunas bands of an account under the minimum age: from its exact age when Saring keeps the
 * date of birth, else every band its age band covers (under 13: 3–5, 6–9 and 10–12).
 */
export function programmeBandsOf(record: AgeRecord | null): ProgrammeBand[] {
  if (!record) return [];
  const age = record.age;
  if (age !== null) {
    if (age < 3) return [];
    if (age <= 5) return ['3_5'];
    if (age <= 9) return ['6_9'];
    if (age <= 12) return ['10_12'];
    if (age <= 15) return ['13_15'];
    return age <= 17 ? ['16_17'] : [];
  }
  switch (record.band) {
    case 'under_13':
      return ['3_5', '6_9', '10_12'];
    case '13_15':
      return ['13_15'];
    case '16_17':
      return ['16_17'];
    default:
      return [];
  }
}

interface ContentRow {
  id: string;
  external_id: string;
  status: string;
  restriction: string | null;
  audience: string;
}

/** The gating rule for one content item and one account; undefined: visible. */
export function hiddenReason(item: ContentRow | undefined, eligibility: Eligibility, catalogue: ReadonlySet<string> | null): HiddenReason | undefined {
  if (!item) return 'unknown';
  if (item.status === 'removed') return 'removed';
  if (item.status === 'held') return 'held';
  if (catalogue && !catalogue.has(item.id)) return 'not_in_catalogue';
  const features = eligibility.features;
  if (item.restriction === 'restrict_18' && !features.restrict_18.allowed) return 'restrict_18';
  if (item.restriction === 'restrict_16' && !features.restrict_16.allowed) return 'restrict_16';
  if (item.audience === 'adult' && !features.restrict_18.allowed) return 'adult_audience';
  return undefined;
}

/** The audience filter over a database: the account's age record, then one query for all the content. */
export async function filterAudience(db: Db, youth: YouthSettings, input: unknown, now = new Date()): Promise<AudienceResult> {
  const { account, ids } = parseInput(audienceInputSchema, input);
  const record = (await agesOf(db, [account], { by: 'externalId', youth, now })).get(account) ?? null;
  const eligibility = eligibilityFrom(account, record, youth);
  const uuids: string[] = [];
  for (const id of ids) if (isUuid(id)) uuids.push(id.toLowerCase());
  // One row holding every match as JSON: a database hands back one value much faster than 10,000 rows.
  const rows: ContentRow[] = [];
  if (ids.length > 0) {
    const found = await sql<{ items: string | null }>`
      SELECT json_agg(json_build_array(id, external_id, status, restriction, audience))::text AS items
      FROM content_items
      WHERE id = ANY(${sql.val(uuids)}::uuid[]) OR external_id = ANY(${sql.val(ids)}::text[])`.execute(db);
    const items = found.rows[0]?.items;
    if (items) {
      for (const [id, external_id, status, restriction, audience] of JSON.parse(items) as [string, string, string, string | null, string][]) {
        rows.push({ id, external_id, status, restriction, audience });
      }
    }
  }
  const byId = new Map<string, ContentRow>();
  const byExternal = new Map<string, ContentRow>();
  for (const r of rows) {
    byId.set(r.id, r);
    byExternal.set(r.external_id, r);
  }
  const find = (id: string) => (isUuid(id) ? byId.get(id.toLowerCase()) : undefined) ?? byExternal.get(id);
  // Under the minimum age: only the catalogue of the account's band.
  let catalogue: Set<string> | null = null;
  if (eligibility.status === 'not_allowed') {
    catalogue = new Set();
    const shown = rows.filter((r) => r.status !== 'removed' && r.status !== 'held').map((r) => r.id);
    if (shown.length > 0) {
      for (const band of programmeBandsOf(record)) for (const id of await catalogueIds(db, band, shown)) catalogue.add(id);
    }
  }
  const visible: string[] = [];
  const hidden: AudienceResult['hidden'] = [];
  for (const id of ids) {
    const reason = hiddenReason(find(id), eligibility, catalogue);
    if (reason) hidden.push({ id, reason });
    else visible.push(id);
  }
  return { visible, hidden };
}

export function createAudience(core: EngineCore): AudienceApi {
  return {
    async filter(input) {
      const { policy } = await core.scanConfig();
      return filterAudience(core.db, policy.youth, input);
    },
  };
}
