// The databases a benchmark runs on: the embedded PGlite in a throw-away directory, then, when
// DATABASE_URL is set, PostgreSQL in a throw-away database of its own (created and dropped here).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Runs `run(label, { dataDir } | { databaseUrl })` on each database: `name` names the temporary
 * directory and database (`saring-bench-<name>`, `saring_bench_<name>_<pid>`); `runs` is how
 * many fresh databases of each kind (a run each, numbered from 0 as `run`'s third argument).
 */
export async function onEachDatabase(name, run, { runs = 1 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `saring-bench-${name}-`));
  try {
    for (let i = 0; i < runs; i++) await run('PGlite', { dataDir: join(dir, `pglite-${i}`) }, i);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!process.env.DATABASE_URL) {
    console.log('  PostgreSQL: skipped (set DATABASE_URL to run it)');
    return;
  }
  for (let i = 0; i < runs; i++) {
    const database = `saring_bench_${name.replace(/\W/g, '_')}_${process.pid}_${i}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database}`);
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${database}`;
      try {
        await run('PostgreSQL', { databaseUrl: url.toString() }, i);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      }
    } finally {
      await admin.end();
    }
  }
}
