// The backlog benchmark (issue 13): a generated backlog of 1,000,000 items (src/demo/backlog.ts:
// 70 % clean comments and captions — the judol-youtube comments, data/text/judol-youtube, MIT — plus
// gambling spam and scams, a year of createdAt, ~30 % with PDQ hashes of which a share lies a few
// bits from an entry of a generated 1,000,000-entry bank) is imported (`saring import --no-scan`'s
// work) and swept in apply mode (text + hash: every item re-scanned and acted on, decisions with
// statements of reasons, review cases, webhooks and audit as a real sweep makes them):
//   - on the embedded database (PGlite, one process: the sweep runs in it);
//   - on PostgreSQL (DATABASE_URL; a database of its own, created and dropped here) with 1 and with
//     2 `saring worker` processes (each sweep on an identical copy of the imported database), and
//     what the machine spent: CPU seconds of the workers and of PostgreSQL, how busy the cores
//     were, what PostgreSQL's sessions waited on (sampled every 0.5 s).
// Targets: the 1M-item sweep ≤ 10 minutes embedded; ≥ 1.7× from 1 to 2 workers on PostgreSQL.
//
//   npm run bench:sweep                                (builds first; 1,000,000 items)
//   node bench/sweep.mjs --items 100000 [--bank 1000000] [--only pglite|postgres] [--workers 1,2] [--bank-import]
// (--bank-import: load the bank through `saring bank import`'s path and time it; default: by SQL, untimed work;
//  --import-only: generate, load and import, no sweeps)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const root = join(import.meta.dirname, '..');
const { createSaring } = await import(join(root, 'dist', 'engine.js'));
const { loadConfig } = await import(join(root, 'dist', 'config', 'config.js'));
const { writeBacklog } = await import(join(root, 'dist', 'demo', 'backlog.js'));
const { sql } = await import('kysely');
const BIN = join(root, 'bin', 'saring.js');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ITEMS = Number(arg('items', 1_000_000));
const BANK = Number(arg('bank', 1_000_000));
const ONLY = arg('only', '');
const BANK_IMPORT = process.argv.includes('--bank-import');
const IMPORT_ONLY = process.argv.includes('--import-only');
const WORKERS = arg('workers', '1,2').split(',').map(Number);
const SEED = 13;
if (!Number.isInteger(ITEMS) || ITEMS < 1 || !Number.isInteger(BANK) || BANK < 1) throw new Error('--items and --bank are whole numbers ≥ 1');

const fmt = (n, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const secs = (ms) => `${fmt(ms / 1000, 1)} s`;
const rate = (n, ms) => `${fmt(n / (ms / 1000))}/s`;
const TICK = 100; // USER_HZ: /proc CPU times are in 1/100 s
const log = (line) => process.stdout.write(`${line}\n`);
const progress = (line) => process.stderr.write(`\r\x1b[K${line}`);

/** utime + stime of a process, seconds (0 once it is gone). */
function cpuOf(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return 0;
  }
}
/** Busy and total jiffies of all cores. */
function machineCpu() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + f[4];
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.versions.node}`;
log(`Backlog sweep benchmark: ${fmt(ITEMS)} items, a bank of ${fmt(BANK)} PDQ hashes — ${machine}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const tmp = mkdtempSync(join(tmpdir(), 'saring-bench-sweep-'));
const results = {};
try {
  // 1. The backlog and the bank.
  const backlog = join(tmp, 'backlog.jsonl');
  const bankCsv = join(tmp, 'bank.csv');
  let t0 = performance.now();
  const counts = await writeBacklog(backlog, { items: ITEMS, seed: SEED, bankSize: BANK }, bankCsv);
  log(
    `  generated in ${secs(performance.now() - t0)}: ${fmt(counts.byGroup.clean)} clean, ${fmt(counts.byGroup.gambling)} gambling, ${fmt(counts.byGroup.scam)} scams; ` +
      `${fmt(counts.hashed)} with PDQ hashes, ${fmt(counts.nearBank)} near a bank entry (${fmt(statSync(backlog).size / 2 ** 20)} MiB JSONL)`,
  );
  const bankText = readFileSync(bankCsv, 'utf8');

  /** Bank + import on an engine of `config`; returns the import's time. */
  async function load(label, config) {
    const saring = await createSaring({ ...config, workers: true }, { command: 'bench', warm: false });
    try {
      let t = performance.now();
      // The bank goes in by SQL, 100,000 rows a statement: `saring bank import` (saring.banks.importCsv)
      // validates and audits row by row and queues a retro-match of every entry, minutes for a million
      // (a separate figure: --bank-import). Entries inserted before the sweep's workers start are what their matchers load.
      const bank = await saring.banks.create({ name: 'bench-bank', category: 'gambling', action: 'remove' }, 'bench');
      const hashes = bankText.split('\n').slice(1).filter(Boolean).map((l) => l.slice(4));
      const added = { added: hashes };
      if (BANK_IMPORT) {
        const r = await saring.banks.importCsv('bench-bank', bankText, 'bench', { sourceRef: 'bench' });
        const importedMs = performance.now() - t;
        await saring.jobs.drain(['bank-retro-match'], 3_600_000); // no content yet: the retro-match has nothing to do
        log(`  ${label}: saring bank import of ${fmt(r.added.length)} entries ${secs(importedMs)} (${rate(r.added.length, importedMs)}), its retro-match job ${secs(performance.now() - t - importedMs)}`);
      } else {
        for (let i = 0; i < hashes.length; i += 100_000) {
          await sql`INSERT INTO bank_entries (bank_id, signal_type, value, provenance, source_ref, created_by)
            SELECT ${bank.id}, 'pdq', v, 'import', 'bench', 'bench' FROM unnest(${hashes.slice(i, i + 100_000)}::text[]) AS v`.execute(saring.db);
        }
      }
      const bankMs = performance.now() - t;
      t = performance.now();
      const cpu0 = process.cpuUsage();
      const result = await saring.imports.importFile(backlog, {
        scan: false,
        onProgress: (p) => progress(`  ${label} import: ${fmt((100 * p.bytes) / Math.max(p.totalBytes, 1), 1)} %`),
      }, 'bench');
      const importMs = performance.now() - t;
      const cpu = process.cpuUsage(cpu0);
      progress('');
      if (result.run.counts.created !== ITEMS) throw new Error(`imported ${JSON.stringify(result.run.counts)}`);
      log(
        `  ${label}: bank of ${fmt(added.added.length)} loaded in ${secs(bankMs)}; ` +
          `import ${secs(importMs)} — ${rate(ITEMS, importMs)} (this process: ${fmt((cpu.user + cpu.system) / 1e6, 1)} CPU s)`,
      );
      return { bankMs, importMs };
    } finally {
      await saring.close();
    }
  }

  // 2. Embedded.
  if (ONLY !== 'postgres') {
    const dataDir = join(tmp, 'pglite');
    const config = loadConfig({ dataDir, demo: false, workers: true, databaseUrl: undefined }, {});
    const loaded = await load('PGlite', config);
    results.pglite = loaded;
    if (!IMPORT_ONLY) {
    let t1 = performance.now();
    const saring = await createSaring(config, { command: 'bench' });
    log(`  PGlite: engine started in ${secs(performance.now() - t1)} (bank matcher of ${fmt(BANK)} entries, models, scan configuration)`);
    try {
      const cpu0 = process.cpuUsage();
      const t = performance.now();
      const sweep = await saring.sweeps.create({ mode: 'apply', note: 'bench' }, 'bench');
      const done = await saring.sweeps.wait(sweep.id, {
        timeoutMs: 4 * 3600_000,
        intervalMs: 1000,
        onProgress: (s) => progress(`  PGlite sweep: ${fmt(s.progress.processed)}/${fmt(s.progress.total)}, ${fmt(s.progress.ratePerSecond)}/s`),
      });
      const ms = performance.now() - t;
      const cpu = process.cpuUsage(cpu0);
      progress('');
      if (done.status !== 'finished') throw new Error(`the sweep ended ${done.status}: ${JSON.stringify(done.error)}`);
      const report = await saring.sweeps.report(sweep.id);
      log(
        `  PGlite: sweep (apply) ${secs(ms)} — ${rate(ITEMS, ms)} (this process: ${fmt((cpu.user + cpu.system) / 1e6, 1)} CPU s; ` +
          `${ms <= 600_000 * (ITEMS / 1_000_000) ? 'within' : 'over'} the 10-minute target${ITEMS === 1_000_000 ? '' : ' scaled to this size'})`,
      );
      log(`          ${describeReport(report)}`);
      results.pglite = { ...loaded, sweepMs: ms };
    } finally {
      await saring.close();
    }
    }
  }

  // 3. PostgreSQL, with 1 and 2 workers, each on a copy of the imported database.
  if (ONLY !== 'pglite') {
    if (!process.env.DATABASE_URL) log('  PostgreSQL: skipped (set DATABASE_URL to run it)');
    else {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      const base = `saring_bench_sweep_${process.pid}`;
      const urlOf = (db) => {
        const u = new URL(process.env.DATABASE_URL);
        u.pathname = `/${db}`;
        return u.toString();
      };
      const made = [];
      try {
        await admin.query(`CREATE DATABASE ${base}`);
        made.push(base);
        const dataDir = join(tmp, 'pg-data');
        mkdirSync(dataDir);
        const loaded = await load('PostgreSQL', loadConfig({ dataDir, demo: false, workers: true, databaseUrl: urlOf(base) }, {}));
        results.postgres = { ...loaded, sweeps: {} };
        const version = (await admin.query('SHOW server_version')).rows[0].server_version;
        const settings = (await admin.query(`SELECT name, setting FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'max_connections')`)).rows;
        log(`  PostgreSQL ${version} on this machine (${settings.map((s) => `${s.name}=${s.setting}`).join(', ')})`);
        for (const n of IMPORT_ONLY ? [] : WORKERS) {
          const db = `${base}_w${n}`;
          await admin.query(`CREATE DATABASE ${db} TEMPLATE ${base}`);
          made.push(db);
          results.postgres.sweeps[n] = await sweepOnPostgres(n, urlOf(db), db, dataDir, admin);
        }
        const one = results.postgres.sweeps[1];
        const two = results.postgres.sweeps[2];
        if (one && two) log(`  speed-up from 1 to 2 workers: ${(one.ms / two.ms).toFixed(2)}× (target ≥ 1.7×)`);
      } finally {
        for (const db of made.reverse()) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        await admin.end();
      }
    }
  }
  log(`RESULT ${JSON.stringify({ items: ITEMS, bank: BANK, machine, ...results })}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function describeReport(report) {
  const a = report.counts.byAction;
  return `actions ${Object.entries(a).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}; acted ${fmt(report.acted?.decisions ?? 0)} decisions, ${fmt(report.acted?.reviews ?? 0)} review cases`;
}

/** A sweep worked by `n` `saring worker` processes; this process only starts it and watches. */
async function sweepOnPostgres(n, url, dbName, dataDir, admin) {
  const children = [];
  const started = [];
  for (let i = 0; i < n; i++) {
    const child = spawn(process.execPath, [BIN, 'worker'], {
      env: { ...process.env, DATABASE_URL: url, SARING_DATA: dataDir, SARING_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stderr.on('data', (d) => (out += d));
    started.push(
      new Promise((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += d;
          if (out.includes('worker running')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${out}`)));
      }),
    );
  }
  const saring = await createSaring(loadConfig({ dataDir, demo: false, workers: false, databaseUrl: url }, {}), { command: 'bench', warm: false });
  try {
    await Promise.all(started);
    const waits = new Map();
    let samples = 0;
    let active = 0;
    const sampler = setInterval(async () => {
      try {
        const { rows } = await admin.query(
          `SELECT coalesce(wait_event_type, 'CPU') AS type, coalesce(wait_event, '-') AS event, count(*)::int AS n
           FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid() GROUP BY 1, 2`,
          [dbName],
        );
        samples++;
        for (const r of rows) {
          active += r.n;
          const key = r.type === 'CPU' ? 'running (no wait)' : `${r.type}:${r.event}`;
          waits.set(key, (waits.get(key) ?? 0) + r.n);
        }
      } catch {
        // the sampler never stops the bench
      }
    }, 500);
    const pg0 = await pgCpu();
    const w0 = children.map((c) => cpuOf(c.pid));
    const m0 = machineCpu();
    const t = performance.now();
    const sweep = await saring.sweeps.create({ mode: 'apply', note: `bench, ${n} worker(s)` }, 'bench');
    const done = await saring.sweeps.wait(sweep.id, {
      timeoutMs: 4 * 3600_000,
      intervalMs: 1000,
      onProgress: (s) => progress(`  PostgreSQL, ${n} worker(s): ${fmt(s.progress.processed)}/${fmt(s.progress.total)}, ${fmt(s.progress.ratePerSecond)}/s`),
    });
    const ms = performance.now() - t;
    clearInterval(sampler);
    const m1 = machineCpu();
    const workerCpu = children.reduce((sum, c, i) => sum + cpuOf(c.pid) - w0[i], 0);
    const pg1 = await pgCpu();
    let postgres = 0;
    for (const [pid, cpu] of pg1) postgres += cpu - (pg0.get(pid) ?? 0);
    progress('');
    if (done.status !== 'finished') throw new Error(`the sweep ended ${done.status}: ${JSON.stringify(done.error)}`);
    const report = await saring.sweeps.report(sweep.id);
    const wall = ms / 1000;
    const busy = (100 * (m1.busy - m0.busy)) / Math.max(m1.total - m0.total, 1);
    const waitList = [...waits.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${fmt((100 * v) / Math.max(active, 1))} %`);
    log(`  PostgreSQL, ${n} worker(s): sweep (apply) ${secs(ms)} — ${rate(ITEMS, ms)}`);
    log(
      `          CPU: workers ${fmt(workerCpu, 1)} s (${fmt((100 * workerCpu) / wall)} % of a core), PostgreSQL ${fmt(postgres, 1)} s (${fmt((100 * postgres) / wall)} % of a core); ` +
        `all cores ${fmt(busy)} % busy (machine-wide, other processes included)`,
    );
    log(`          PostgreSQL sessions (active, ${fmt(active / Math.max(samples, 1), 1)} on average): ${waitList.join(', ')}`);
    log(`          ${describeReport(report)}`);
    return { ms, workerCpu, postgresCpu: postgres, machineBusyPercent: busy, waits: Object.fromEntries(waits), activeSessions: active / Math.max(samples, 1) };
  } finally {
    await saring.close();
    for (const c of children) {
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    }
  }
}

/** CPU seconds of each PostgreSQL server process (by pid). */
async function pgCpu() {
  const out = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres') out.set(name, cpuOf(name));
    } catch {
      // gone
    }
  }
  return out;
}
