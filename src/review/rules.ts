import { sql, type RawBuilder } from 'kysely';
import { CATEGORY_IDS, type CategoryId } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { DEFAULT_CATEGORY_WEIGHTS, DEFAULT_SLA_HOURS, reportsSettingsOf, reviewSettingsOf, type PolicyDocument, type ReasonTemplate, type ReviewSettings } from '../policy/schema.js';

/** The active policy's review section, resolved: defaults merged, templates by id, the queues it names. */
export interface ReviewRules {
  settings: ReviewSettings;
  categoryWeights: Readonly<Record<CategoryId, number>>;
  slaHours(queue: string): number;
  templates: ReadonlyMap<string, ReasonTemplate>;
  /** Every queue the policy can send content to (listed even when empty). */
  queues: readonly string[];
  /** What stored ranks depend on: when it changes, the ranks of the cases not closed are recomputed. */
  rankKey: string;
}

function queuesOf(doc: Partial<PolicyDocument>, settings: ReviewSettings): string[] {
  const named = new Set<string>([settings.defaultQueue]);
  for (const c of Object.values(doc.categories ?? {})) for (const r of c?.rules ?? []) if (r.action === 'review') named.add(r.queue ?? settings.defaultQueue);
  if (doc.languages?.queue) named.add(doc.languages.queue);
  for (const m of Object.values(doc.media ?? {})) if (m?.action === 'review') named.add(m.queue);
  for (const q of Object.keys(settings.slaHours)) if (q !== 'default') named.add(q);
  const { reports, appeals } = reportsSettingsOf(doc);
  for (const q of [reports.queue, ...Object.values(reports.queues), appeals.queue]) named.add(q);
  return [...named].sort();
}

export function resolveRules(document: unknown): ReviewRules {
  const settings = reviewSettingsOf(document);
  const sla = { ...DEFAULT_SLA_HOURS, ...settings.slaHours };
  const categoryWeights = { ...DEFAULT_CATEGORY_WEIGHTS, ...settings.priority.categories };
  return {
    settings,
    categoryWeights,
    slaHours: (queue) => sla[queue] ?? sla['default']!,
    templates: new Map(settings.templates.map((t) => [t.id, t])),
    queues: queuesOf((document ?? {}) as Partial<PolicyDocument>, settings),
    rankKey: canonicalJson({ ...settings.priority, categories: categoryWeights }),
  };
}

const cache = new Map<string, ReviewRules>();

/** The review rules of the active policy, read through `db` (a transaction too), parsed once per policy text. */
export async function reviewRules(db: Db): Promise<ReviewRules> {
  const active = await db.selectFrom('policy_versions').select('sha256').where('active', '=', true).executeTakeFirst();
  const key = active?.sha256 ?? '';
  let rules = cache.get(key);
  if (!rules) {
    const doc = active ? (await db.selectFrom('policy_versions').select('document').where('active', '=', true).executeTakeFirst())?.document : undefined;
    rules = resolveRules(doc);
    if (cache.size > 100) cache.clear();
    cache.set(key, rules);
  }
  return rules;
}

/** The parts of a case's priority, from its stored inputs, as SQL over `review_cases` (the one place the rule is computed). */
function parts(rules: ReviewRules): Record<'category' | 'reports' | 'children' | 'policyPriority', RawBuilder<number>> {
  const p = rules.settings.priority;
  const lit = (n: number) => sql.lit(Number(n));
  return {
    category: sql<number>`(CASE category ${sql.join(
      CATEGORY_IDS.map((c) => sql`WHEN ${sql.lit(c)} THEN ${lit(rules.categoryWeights[c])}`),
      sql` `,
    )} ELSE 0 END)::float8`,
    // Diminishing: each doubling of the reports adds the same.
    reports: sql<number>`(${lit(p.reports)} * ln(1 + reports) / ln(2))::float8`,
    children: sql<number>`(CASE WHEN audience = 'children' THEN ${lit(p.children)} ELSE 0 END)::float8`,
    policyPriority: sql<number>`(CASE policy_priority ${sql.join(
      (['low', 'normal', 'high', 'urgent'] as const).map((k) => sql`WHEN ${sql.lit(k)} THEN ${lit(p.policyPriority[k])}`),
      sql` `,
    )} ELSE 0 END)::float8`,
  };
}

/**
 * Recomputes the stored priority of some cases (one, or every case not closed): its parts,
 * its base (their sum) and its rank, `base - agePerHour × hours since 1970 at opening`. Ordering
 * by rank is ordering by `base + agePerHour × age` at any moment, so no row is rewritten as
 * cases age and claim-next reads the first entry of an index.
 */
export async function storePriorities(db: Db, rules: ReviewRules, which: { caseId: string } | 'open'): Promise<void> {
  const x = parts(rules);
  const base = sql<number>`(${x.category} + ${x.reports} + ${x.children} + ${x.policyPriority})`;
  const age = sql.lit(Number(rules.settings.priority.agePerHour));
  let q = db.updateTable('review_cases').set({
    priority_components: sql`jsonb_build_object('category', ${x.category}, 'reports', ${x.reports}, 'children', ${x.children}, 'policyPriority', ${x.policyPriority})`,
    priority_base: base,
    rank: sql`${base} - ${age} * extract(epoch from created_at)::float8 / 3600`,
  });
  q = which === 'open' ? q.where('status', '<>', 'closed') : q.where('id', '=', which.caseId);
  await q.execute();
}

const RANK_SETTING = 'review.rank_key';
let ensured = new WeakMap<Db, string>();

/**
 * Brings the stored ranks up to date with the active policy's priority rule: when the rule
 * changed since they were computed (a new policy activated here or in another process), every
 * case not closed is recomputed once, in one statement.
 */
export async function ensureRanks(db: Db, rules: ReviewRules): Promise<void> {
  if (ensured.get(db) === rules.rankKey) return;
  await db.transaction().execute(async (trx) => {
    const value = JSON.stringify(rules.rankKey);
    const changed = await trx
      .insertInto('settings')
      .values({ key: RANK_SETTING, value, updated_at: new Date() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }).where('settings.value', '<>', sql<string>`${value}::jsonb`))
      .returning('key')
      .executeTakeFirst();
    if (changed) await storePriorities(trx, rules, 'open');
  });
  ensured.set(db, rules.rankKey);
}

/** Forget which ranks this process checked (tests that write cases directly). */
export function forgetRankChecks(): void {
  ensured = new WeakMap();
}
