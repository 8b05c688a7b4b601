// Webhook delivery throughput of one process: N deliveries are queued in one transaction (as a
// burst of decisions queues them), a local receiver answers each, and the bench times how fast the
// job workers drain them. Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set (a fresh
// database, dropped afterwards).
//
//   npm run bench:webhooks   (builds first)
//   node bench/webhooks.mjs [--n 2000] [--latency-ms 0,50] [--max-seconds 60]
import { createServer } from 'node:http';
import { join } from 'node:path';
import { onEachDatabase } from './backends.mjs';

const root = join(import.meta.dirname, '..');
const { createSaring } = await import(join(root, 'dist', 'engine.js'));
const { loadConfig } = await import(join(root, 'dist', 'config', 'config.js'));
const { emitEvent } = await import(join(root, 'dist', 'webhooks', 'webhooks.js'));

const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const N = Number(opt('n', 2000));
const latencies = String(opt('latency-ms', '0,50')).split(',').map(Number);
const maxSeconds = Number(opt('max-seconds', 60));

async function receiver(latencyMs) {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      setTimeout(() => res.writeHead(204).end(), latencyMs);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/hook`, close: () => server.close(), received: () => received };
}

async function run(label, config, latencyMs) {
  const saring = await createSaring(config, { command: 'bench' });
  const hook = await receiver(latencyMs);
  try {
    await saring.webhooks.add({ url: hook.url, events: ['decision.created'] }, 'bench');
    await saring.db.transaction().execute(async (trx) => {
      for (let i = 0; i < N; i++) await emitEvent(trx, saring.jobs, 'decision.created', { n: i });
    });
    const started = performance.now();
    let delivered = 0;
    while (performance.now() - started < maxSeconds * 1000) {
      const row = await saring.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'delivered').executeTakeFirstOrThrow();
      delivered = Number(row.n);
      if (delivered >= N) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const note = delivered < N ? ` (stopped after ${maxSeconds} s: ${delivered} of ${N} delivered)` : '';
    console.log(`  ${label}, receiver answering in ${latencyMs} ms: ${delivered} deliveries in ${seconds.toFixed(1)} s, ${(delivered / seconds).toFixed(0)} deliveries/s${note}`);
  } finally {
    hook.close();
    await saring.close();
  }
}

console.log(`webhook delivery throughput, one process (${N} deliveries queued per run)`);
const base = { workers: true, demo: false, jobPollSeconds: 1 };
// A database per run: each starts with an empty queue.
await onEachDatabase('webhooks', (label, db, i) => run(label, loadConfig({ ...base, ...db }, {}), latencies[i]), { runs: latencies.length });
