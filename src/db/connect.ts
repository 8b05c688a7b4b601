import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireLock, type DirectoryLock } from './lock.js';
import { migrate } from './migrate.js';
import type { Database } from './schema.js';

// int8 (counts, bigint ids) as numbers and numeric as numbers: our values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export type Db = Kysely<Database>;

export interface StorageOptions {
  /** PostgreSQL connection string; when absent the embedded database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for a throw-away in-memory database. */
  dataDir: string;
  /** Restore the embedded database from a saved copy (tests use a migrated template). */
  loadDataDir?: Blob | undefined;
  /** What the owner is, for the lock file ("serve", "scan", …). */
  command?: string;
  /** Pool size for PostgreSQL (PGlite always has one connection). */
  poolSize?: number;
}

export interface Storage {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** The pg pool under Kysely: one client for PGlite, so queries and transactions serialise. */
  pool: pg.Pool;
  lite?: PGlite;
  lock?: DirectoryLock;
  close(): Promise<void>;
}

/**
 * Opens the database the configuration names and applies pending migrations. Both kinds go
 * through node-postgres and Kysely's PostgresDialect, so every query behaves the same way.
 */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => {}); // an idle client's error is reported on its next use
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await migrate(db);
    } catch (err) {
      await db.destroy();
      throw err;
    }
    return { kind: 'postgres', db, pool, close: () => db.destroy() };
  }

  const inMemory = options.dataDir.startsWith('memory://');
  const lock = inMemory ? undefined : acquireLock(options.dataDir, options.command ?? 'saring');
  let lite: PGlite | undefined;
  try {
    lite = await PGlite.create(inMemory ? options.dataDir : options.dataDir, {
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const pool = new pg.Pool(createPgConfig(lite));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db);
    const owned = lite;
    return {
      kind: 'pglite',
      db,
      pool,
      lite,
      ...(lock ? { lock } : {}),
      async close() {
        await db.destroy();
        await owned.close();
        lock?.release();
      },
    };
  } catch (err) {
    await lite?.close().catch(() => {});
    lock?.release();
    throw err;
  }
}
