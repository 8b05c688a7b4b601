// The HTTP scan path against the framework's own speed, side by side in one run (issue 15):
// autocannon (50 connections) against a bare Fastify route that returns constant JSON, then
// against `saring serve` on a fresh embedded database: POST /v1/scan with one short Indonesian
// text, GET /healthz, POST /v1/scan with an unknown key (401), POST /v1/content (stored).
// Each server runs in its own process; autocannon runs here.
//
//   npm run build && node bench/http.mjs [--duration 20] [--connections 50]
//   node bench/http.mjs --database-url postgres://… --key srg_…   (PostgreSQL: an admin key of that database)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '20' }, connections: { type: 'string', default: '50' }, 'database-url': { type: 'string' }, key: { type: 'string' } },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const TEXT = JSON.stringify({ text: 'Mantap bang, videonya bagus banget, lanjutkan kontennya ya' });

/** Starts a child process and resolves with its URL once it prints one. */
function start(command, argv, env = {}) {
  const child = spawn(command, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code}:\n${out}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function load(url, opts) {
  const r = await autocannon({ url, connections, duration, ...opts });
  const ok = r['2xx'] + (opts.expect === 401 ? r['4xx'] : 0);
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx - (opts.expect === 401 ? r['4xx'] : 0), ok };
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
try {
  const r = await load(`${bare.url}/scan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: TEXT });
  rows.push(['bare Fastify: POST /scan, constant JSON', r]);
} finally {
  await stop(bare.child);
}

const dir = mkdtempSync(join(tmpdir(), 'saring-bench-http-'));
const env = { SARING_LOG_LEVEL: 'warn', DATABASE_URL: args['database-url'] ?? '' };
const saring = await start(process.execPath, ['bin/saring.js', 'serve', '--data', join(dir, 'data'), '--port', '0', '--no-demo'], env);
try {
  const key = args.key ?? readFileSync(join(dir, 'data', 'initial-admin-key.txt'), 'utf8').trim();
  const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  rows.push(['saring: POST /v1/scan, one short text', await load(`${saring.url}/v1/scan`, { method: 'POST', headers: auth, body: TEXT })]);
  rows.push(['saring: GET /healthz', await load(`${saring.url}/healthz`, {})]);
  rows.push([
    'saring: POST /v1/scan, unknown key (401)',
    await load(`${saring.url}/v1/scan`, { method: 'POST', headers: { ...auth, authorization: 'Bearer srg_000000000000_unknown' }, body: TEXT, expect: 401 }),
  ]);
  let n = 0;
  const item = () => JSON.stringify({ externalId: `bench-${process.pid}-${n++}`, kind: 'comment', texts: { comment: `komentar biasa nomor ${n}` } });
  rows.push([
    `saring: POST /v1/content, text stored (${args['database-url'] ? 'PostgreSQL' : 'PGlite'})`,
    await load(`${saring.url}/v1/content`, { requests: [{ method: 'POST', headers: auth, setupRequest: (req) => ({ ...req, body: item() }) }] }),
  ]);
} finally {
  await stop(saring.child);
  rmSync(dir, { recursive: true, force: true });
}

const base = rows[0][1].rps;
console.log(`autocannon, ${connections} connections, ${duration} s each, same short text\n`);
for (const [name, r] of rows) {
  console.log(`${name.padEnd(52)} ${String(r.rps).padStart(7)} req/s  p99 ${String(r.p99).padStart(4)} ms  ${((r.rps / base) * 100).toFixed(1).padStart(5)} % of bare${r.errors ? `  (${r.errors} errors)` : ''}`);
}
