import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { reviewRules, storePriorities } from './rules.js';

/**
 * Many open cases at once, by bulk SQL (tests and `npm run bench:review`): `count` content items
 * held for review, each with a `policy` case in `queue`, opened at random times over the last
 * `spreadHours`, their priorities computed by the active policy's rule. Returns the case ids.
 */
export async function insertSyntheticCases(
  db: Db,
  options: { count: number; prefix: string; queue?: string; category?: string | null; audience?: string; policyPriority?: string; spreadHours?: number },
): Promise<string[]> {
  const queue = options.queue ?? 'general';
  const audience = options.audience ?? 'general';
  const rules = await reviewRules(db);
  const ids = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string }>`
      WITH items AS (
        INSERT INTO content_items (external_id, kind, texts, fingerprint, audience, status)
        SELECT ${options.prefix} || '-' || g, 'comment', jsonb_build_object('comment', 'synthetic ' || g), ${options.prefix} || '-' || g, ${audience}, 'in_review'
        FROM generate_series(1, ${options.count}::int) AS g
        RETURNING id
      ), opened AS (
        SELECT id, now() - make_interval(secs => random() * ${(options.spreadHours ?? 0) * 3600}::float8) AS at FROM items
      )
      INSERT INTO review_cases (content_id, reason, queue, category, policy_priority, audience, created_at, updated_at, due_at)
      SELECT id, 'policy', ${queue}, ${options.category ?? null}, ${options.policyPriority ?? 'normal'}, ${audience}, at, at,
             at + make_interval(secs => ${rules.slaHours(queue) * 3600}::float8)
      FROM opened
      RETURNING id`.execute(trx);
    await storePriorities(trx, rules, 'open');
    return rows.map((r) => r.id);
  });
  return ids;
}
