// The HTTP scan path against the framework's own speed, side by side in one run (issue 15):
// autocannon (50 connections, 20 s each) against a bare Fastify route that returns constant JSON,
// then against `saring serve` on a fresh database: POST /v1/scan with one short Indonesian text,
// POST /v1/match with one PDQ hash, GET /healthz, POST /v1/scan with an unknown key (401), and
// POST /v1/content (text only, stored). Each server runs in its own process; autocannon runs here.
// Saring runs as it ships: log level info, one line per request (written to a pipe this script drains).
//
//   npm run build && node bench/http.mjs [--duration 20] [--connections 50] [--only scan,match,healthz,unknown,content]
//   node bench/http.mjs --postgres            a new database on postgres://postgres@127.0.0.1:5432 (dropped after)
//   node bench/http.mjs --database-url URL    a new database beside URL's (dropped after)
//   node bench/http.mjs --log-sample 0        SARING_LOG_SAMPLE for the server (default: unset, every request logged)
//
// The bare route and POST /v1/scan alternate in rounds (both servers up), so a machine that gets
// busier or quieter during the run weighs on both alike; the other rows run after, once each.
//
// Target (issue 15): POST /v1/scan at >= 25 % of the bare route's req/s, p99 < 20 ms.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    'database-url': { type: 'string' },
    postgres: { type: 'boolean', default: false },
    only: { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
    'log-sample': { type: 'string' },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const only = args.only ? new Set(args.only.split(',')) : undefined;
const wanted = (row) => !only || only.has(row);
const TEXT = JSON.stringify({ text: 'Mantap bang, videonya bagus banget, lanjutkan kontennya ya' });
const PDQ = JSON.stringify({ pdq: 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22', quality: 100 });
const adminUrl = args['database-url'] ?? (args.postgres ? 'postgres://postgres@127.0.0.1:5432/postgres' : undefined);

/**
 * Starts a child process and resolves with its URL and everything it printed up to then, once
 * `ready` matches that; later output is drained, not kept.
 */
function start(command, argv, env = {}, ready = /http:\/\/127\.0\.0\.1:\d+/) {
  const child = spawn(command, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let started = false;
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      if (started) return;
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && ready.test(out)) {
        started = true;
        resolve({ child, url: m[1], out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code}:\n${out}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** One autocannon run; `times` collects every response's latency (ms). */
function run(url, opts, seconds, times) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, ...opts }, (err, r) => (err ? reject(err) : resolve(r)));
    if (times) instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

/**
 * Loads each target for `duration` s in all, after a 2 s warm-up each (not counted). With several
 * targets the load alternates between them in rounds, so that a machine that gets busier or
 * quieter meanwhile weighs on all alike. Latency percentiles are over every response of the rounds.
 */
async function load(targets) {
  const rounds = targets.length > 1 ? 4 : 1;
  const acc = targets.map(() => ({ requests: 0, seconds: 0, errors: 0, times: [], cpu: 0 }));
  for (const t of targets) await run(t.url, t.opts, 2);
  for (let round = 0; round < rounds; round++) {
    for (const [i, t] of targets.entries()) {
      const cpu = cpuSeconds(t.pid);
      const r = await run(t.url, t.opts, duration / rounds, acc[i].times);
      acc[i].cpu += (cpuSeconds(t.pid) ?? NaN) - (cpu ?? NaN);
      const expected = t.opts.expect === 401 ? r['4xx'] : r['2xx'];
      acc[i].requests += expected;
      acc[i].seconds += r.duration;
      acc[i].errors += r.errors + r.timeouts + (r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'] - expected);
    }
  }
  return acc.map((a) => {
    const times = Float64Array.from(a.times).sort();
    const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
    return { rps: Math.round(a.requests / a.seconds), p50: at(0.5), p99: at(0.99), errors: a.errors, cpuUs: (a.cpu / a.requests) * 1e6 };
  });
}

/** A new PostgreSQL database beside `url`'s, and how to drop it. */
async function scratchDatabase(url) {
  const name = `saring_bench_http_${process.pid}`;
  const admin = async (statement) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const BARE = `
import Fastify from 'fastify';
const app = Fastify();
app.post('/scan', async () => ({ action: 'allow', categories: [] }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(url);
`;

const rows = [];
const bare = await start(process.execPath, ['--input-type=module', '-e', BARE]);
const dir = mkdtempSync(join(tmpdir(), 'saring-bench-http-'));
const scratch = adminUrl ? await scratchDatabase(adminUrl) : undefined;
const backend = scratch ? 'PostgreSQL' : 'PGlite';
const env = {
  SARING_LOG_LEVEL: args['log-level'],
  DATABASE_URL: scratch?.url ?? '',
  ...(args['log-sample'] !== undefined ? { SARING_LOG_SAMPLE: args['log-sample'] } : {}),
};
try {
  // Ready once it has printed the first start's admin key (PGlite and PostgreSQL alike) and its URL.
  const saring = await start(process.execPath, ['bin/saring.js', 'serve', '--data', join(dir, 'data'), '--port', '0', '--no-demo'], env, /Try: curl[^\n]*\n/);
  try {
    const key = /(srg_[0-9a-f]{12}_[A-Za-z0-9_-]+)/.exec(saring.out)?.[1];
    if (!key) throw new Error(`no admin key in the server's first output:\n${saring.out}`);
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const bareTarget = { pid: bare.child.pid, url: `${bare.url}/scan`, opts: { method: 'POST', headers: { 'content-type': 'application/json' }, body: TEXT } };
    // The bare route and the scan alternate (both servers up; the idle one waits).
    const scanTarget = { pid: saring.child.pid, url: `${saring.url}/v1/scan`, opts: { method: 'POST', headers: auth, body: TEXT } };
    const [b, sc] = await load(wanted('scan') ? [bareTarget, scanTarget] : [bareTarget]);
    await stop(bare.child);
    rows.push(['bare Fastify: POST /scan, constant JSON', b]);
    if (sc) rows.push(['saring: POST /v1/scan, one short text', sc]);
    const one = async (name, target) => rows.push([name, (await load([{ pid: saring.child.pid, ...target }]))[0]]);
    if (wanted('match')) await one('saring: POST /v1/match, one PDQ hash', { url: `${saring.url}/v1/match`, opts: { method: 'POST', headers: auth, body: PDQ } });
    if (wanted('healthz')) await one('saring: GET /healthz', { url: `${saring.url}/healthz`, opts: {} });
    if (wanted('unknown')) {
      const opts = { method: 'POST', headers: { ...auth, authorization: 'Bearer srg_000000000000_unknownunknownunknown' }, body: TEXT, expect: 401 };
      await one('saring: POST /v1/scan, unknown key (401)', { url: `${saring.url}/v1/scan`, opts });
    }
    if (wanted('content')) {
      let n = 0;
      const item = () => JSON.stringify({ externalId: `bench-${process.pid}-${n++}`, kind: 'comment', texts: { comment: `komentar biasa nomor ${n}` } });
      await one(`saring: POST /v1/content, text stored (${backend})`, {
        url: `${saring.url}/v1/content`,
        opts: { requests: [{ method: 'POST', headers: auth, setupRequest: (req) => ({ ...req, body: item() }) }] },
      });
    }
  } finally {
    await stop(saring.child);
  }
} finally {
  await stop(bare.child);
  rmSync(dir, { recursive: true, force: true });
  await scratch?.drop();
}

const base = rows[0][1].rps;
console.log(
  `autocannon, ${connections} connections, ${duration} s each (bare and scan alternating in 4 rounds), same short text; saring on ${backend}, log level ${args['log-level']}` +
    `${args['log-sample'] !== undefined ? `, SARING_LOG_SAMPLE=${args['log-sample']}` : ''}\n`,
);
for (const [name, r] of rows) {
  console.log(
    `${name.padEnd(52)} ${String(r.rps).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  ${((r.rps / base) * 100).toFixed(1).padStart(5)} % of bare` +
      `  ${Number.isFinite(r.cpuUs) ? `${String(Math.round(r.cpuUs)).padStart(5)} µs CPU/req` : ''}${r.errors ? `  (${r.errors} errors)` : ''}`,
  );
}
const scan = rows.find(([name]) => name.startsWith('saring: POST /v1/scan, one'))?.[1];
if (scan) {
  const ratio = scan.rps / base;
  const bareCpu = rows[0][1].cpuUs;
  if (Number.isFinite(bareCpu) && Number.isFinite(scan.cpuUs)) {
    // On a busy machine req/s moves with the neighbours; the server's own CPU per request much less.
    console.log(`\nServer CPU per request: bare ${Math.round(bareCpu)} µs, POST /v1/scan ${Math.round(scan.cpuUs)} µs (bare / scan = ${((bareCpu / scan.cpuUs) * 100).toFixed(1)} %)`);
  }
  console.log(`\nPOST /v1/scan: ${(ratio * 100).toFixed(1)} % of bare (target >= 25 %), p99 ${scan.p99} ms (target < 20 ms): ${ratio >= 0.25 && scan.p99 < 20 ? 'met' : 'NOT met'}`);
}
