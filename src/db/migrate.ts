import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any constant works; it keeps two processes from migrating one PostgreSQL at once. */
const MIGRATION_LOCK = 727_274_641;

export interface Migration {
  id: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: readFileSync(MIGRATIONS_DIR + f, 'utf8') }));
}

/** Applies the SQL files of `migrations/` that have not run yet, each in its own transaction. */
export async function migrate(db: Kysely<any>): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS saring_migrations (
      id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
    const done = new Set(
      (await sql<{ id: string }>`SELECT id FROM saring_migrations`.execute(trx)).rows.map((r) => r.id),
    );
    for (const m of listMigrations()) {
      if (done.has(m.id)) continue;
      await sql.raw(m.sql).execute(trx);
      await sql`INSERT INTO saring_migrations (id) VALUES (${m.id})`.execute(trx);
      applied.push(m.id);
    }
  });
  return applied;
}
