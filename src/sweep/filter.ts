import { sql, type RawBuilder } from 'kysely';
import type { SweepFilter } from './types.js';

/** The latest scan of `ci` (the item), for filters and the chunk query. */
export const LATEST_SCAN = sql`LEFT JOIN LATERAL (
    SELECT s.action, s.policy_version, s.verdict FROM scans s WHERE s.content_id = ci.id ORDER BY s.created_at DESC, s.id DESC LIMIT 1
  ) ls ON true`;
/** The latest decision on `ci`: whose it was (a person's is kept) and what it decided. */
export const LATEST_DECISION = sql`LEFT JOIN LATERAL (
    SELECT d.actor_type, d.action, d.category FROM decisions d WHERE d.content_id = ci.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1
  ) ld ON true`;

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The WHERE conditions of a filter over `content_items ci` (joined with `ls` and `ld`), and the
 * items stored up to `asOf` (a sweep takes the items there were when it was created).
 */
export function filterConditions(filter: SweepFilter, asOf: Date): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [sql`ci.created_at <= ${asOf}`];
  const kinds = list(filter.kind);
  if (kinds.length) c.push(sql`ci.kind IN (${sql.join(kinds)})`);
  const when = sql`COALESCE(ci.posted_at, ci.created_at)`;
  if (filter.createdFrom) c.push(sql`${when} >= ${new Date(filter.createdFrom)}`);
  if (filter.createdTo) c.push(sql`${when} < ${new Date(filter.createdTo)}`);
  const statuses = list(filter.status);
  if (statuses.length) c.push(sql`ci.status IN (${sql.join(statuses)})`);
  if (filter.account) c.push(sql`ci.account_id = (SELECT a.id FROM accounts a WHERE a.external_id = ${filter.account})`);
  if (filter.category) c.push(sql`(ls.verdict->'categories'->0->>'category' = ${filter.category} OR ld.category = ${filter.category})`);
  if (filter.policyVersion) c.push(sql`ls.policy_version = ${filter.policyVersion}`);
  if (filter.bank) {
    // A media hash banked there (exact value: md5, sha256, the PDQ hash itself), or the latest scan matched the bank.
    c.push(sql`(EXISTS (
        SELECT 1 FROM content_media_hashes h JOIN bank_entries e ON e.value IN (h.md5, h.sha256, h.pdq)
        WHERE h.content_id = ci.id AND e.bank_id = (SELECT b.id FROM banks b WHERE b.name = ${filter.bank})
      ) OR jsonb_path_exists(ls.verdict, '$.categories[*].evidence[*] ? (@.source == "hash" && @.bank == $bank)', jsonb_build_object('bank', ${filter.bank}::text)))`);
  }
  return c;
}

/** Whether the filter needs the latest scan or decision joined. */
export function needsJoins(filter: SweepFilter): boolean {
  return Boolean(filter.category || filter.policyVersion || filter.bank);
}
