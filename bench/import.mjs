// Bulk import (issue 13): `saring import FILE`'s work on a generated backlog (src/demo/backlog.ts:
// 70 % clean comments and captions, gambling spam and scams, a year of createdAt, ~30 % with PDQ
// hashes), in rows per second:
//   - --no-scan: stored only (items, versions, accounts, media hashes, the run's checkpoint);
//   - --scan: each item scanned (texts + bank matches of its hashes) and every verdict acted on
//     through the one decision path (decisions, statements of reasons, review cases, webhooks, audit).
// On the embedded database (PGlite, a data directory on disk, as the CLI uses it) and, with
// DATABASE_URL, on PostgreSQL (a database of its own, created and dropped here). Each figure on a
// fresh database. The time counted is the import's (opening the engine is not).
//
//   npm run bench:import                                  (builds first; 100,000 rows)
//   node bench/import.mjs [--items 100000] [--scan-items N] [--modes no-scan,scan] [--only pglite|postgres] [--batch 1000]
// (--scan-items: rows for the --scan runs, default --items: acting on verdicts costs far more per row)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const root = join(import.meta.dirname, '..');
const { createSaring } = await import(join(root, 'dist', 'engine.js'));
const { loadConfig } = await import(join(root, 'dist', 'config', 'config.js'));
const { writeBacklog } = await import(join(root, 'dist', 'demo', 'backlog.js'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ITEMS = Number(arg('items', 100_000));
const SCAN_ITEMS = Number(arg('scan-items', ITEMS));
const MODES = arg('modes', 'no-scan,scan').split(',');
const ONLY = arg('only', undefined);
const BATCH = Number(arg('batch', 1000));
const backends = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])].filter((b) => !ONLY || b === ONLY);

const tmp = mkdtempSync(join(tmpdir(), 'saring-bench-import-'));
const files = new Map();
async function backlog(items) {
  if (!files.has(items)) {
    const path = join(tmp, `backlog-${items}.jsonl`);
    const t = performance.now();
    const counts = await writeBacklog(path, { items, bankSize: 0 });
    console.log(`generated ${items.toLocaleString('en-US')} rows (${(statSync(path).size / 1e6).toFixed(1)} MB: ${counts.byGroup.clean} clean, ${counts.byGroup.gambling} gambling, ${counts.byGroup.scam} scams, ${counts.hashed} hashed) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    files.set(items, path);
  }
  return files.get(items);
}

async function database(backend) {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(tmp, 'data-'));
    return { config: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `saring_bench_import_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    config: { databaseUrl: url.toString(), dataDir: 'unused' },
    drop: async () => {
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

console.log(`bulk import: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, batches of ${BATCH}`);
const results = [];
try {
  for (const backend of backends) {
    for (const mode of MODES) {
      const items = mode === 'scan' ? SCAN_ITEMS : ITEMS;
      const file = await backlog(items);
      const db = await database(backend);
      const saring = await createSaring(loadConfig({ ...db.config, workers: false, demo: false }, {}), { command: 'bench', warm: true });
      try {
        const t = performance.now();
        const heap = process.memoryUsage().rss;
        let peak = heap;
        const r = await saring.imports.importFile(file, { scan: mode === 'scan', batchRows: BATCH, onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) }, 'bench');
        const seconds = (performance.now() - t) / 1000;
        const c = r.run.counts;
        const rate = c.rows / seconds;
        results.push({ backend, mode, rows: c.rows, seconds, rate });
        console.log(
          `${backend.padEnd(8)} --${mode.padEnd(7)} ${c.rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s: ${Math.round(rate).toLocaleString('en-US')} rows/s` +
            (mode === 'scan' ? ` (allow ${c.allow}, review ${c.review}, restrict ${c.restrict}, remove ${c.remove})` : '') +
            `; rejected ${c.rejected}; RSS peak ${(peak / 1e6).toFixed(0)} MB; 1,000,000 rows ≈ ${(1e6 / rate / 60).toFixed(1)} min`,
        );
      } finally {
        await saring.close();
        await db.drop();
      }
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(JSON.stringify({ items: ITEMS, scanItems: SCAN_ITEMS, batch: BATCH, results }));
