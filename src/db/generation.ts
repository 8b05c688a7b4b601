import { sql } from 'kysely';
import type { Db } from './connect.js';

const KEY = 'scan_config_generation';

/**
 * A counter that changes whenever something a scan depends on changes (active policy,
 * lexicons). Processes sharing one PostgreSQL compare it to know when to reload.
 */
export async function bumpScanConfigGeneration(db: Db): Promise<void> {
  await sql`INSERT INTO settings (key, value) VALUES (${KEY}, '1'::jsonb)
    ON CONFLICT (key) DO UPDATE SET value = to_jsonb((settings.value #>> '{}')::bigint + 1), updated_at = now()`.execute(db);
}

export async function scanConfigGeneration(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? Number(row.value) : 0;
}
