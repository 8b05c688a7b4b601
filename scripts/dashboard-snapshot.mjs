// A picture of the Grafana dashboard (docs/grafana-dashboard.json) without Grafana: starts a Saring
// on a throw-away embedded database, puts it under some load (scans, content of every kind from the
// generated backlog, reads, refused calls, webhooks to a receiver that is down, a backtest sweep),
// scrapes /metrics every few seconds as Prometheus would, computes the dashboard's panels from the
// scrapes (rates from counter deltas, p95 from histogram bucket deltas, gauges as they are) and draws
// them with ECharts in a page that Chromium screenshots to docs/img/dashboard.png.
//
//   npm run build && node scripts/dashboard-snapshot.mjs [--rounds 12] [--every 5] [--out docs/img/dashboard.png]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '12' }, every: { type: 'string', default: '5' }, out: { type: 'string', default: 'docs/img/dashboard.png' } } });
const rounds = Number(args.rounds);
const everyMs = Number(args.every) * 1000;

const { loadConfig } = await import(join(root, 'dist/config/config.js'));
const { createSaring } = await import(join(root, 'dist/engine.js'));
const { createServer } = await import(join(root, 'dist/server.js'));
const { generateBacklog } = await import(join(root, 'dist/demo/backlog.js'));

const saring = await createSaring(loadConfig({ dataDir: 'memory://', workers: true, demo: false, jobPollSeconds: 1, webhookRetrySeconds: 1 }, {}));
const app = await createServer(saring);
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const admin = { authorization: `Bearer ${saring.bootstrap.adminKey}`, 'content-type': 'application/json' };
const prometheus = (await saring.users.create({ name: 'prometheus', role: 'auditor' }, 'system')).apiKey;

const call = (path, body, headers = admin) =>
  fetch(`${base}${path}`, { method: body === undefined ? 'GET' : 'POST', headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }).then(async (r) => ({ status: r.status, json: await r.json().catch(() => null) }));

// Setup: a webhook receiver that is down (deliveries pending, then failed), a bank with entries.
await call('/v1/webhooks', { url: 'http://127.0.0.1:9/down' });
await saring.banks.create({ name: 'judol-banners', category: 'gambling', action: 'remove' }, 'system');
const items = [...generateBacklog({ items: rounds * 60 + 400, seed: 7, bankSize: 2_000 })];
await saring.banks.addEntries('judol-banners', items.flatMap((i) => (i.media ?? []).flatMap((m) => (m.type === 'image' ? [{ signalType: 'pdq', value: m.pdq.hash }] : []))).slice(0, 150), 'system');
let next = 0;
const texts = ['SLOT GACOR maxwin depo 10rb', 'halo kak, videonya bagus', 'transfer dulu 500rb untuk hadiah', 'resep nasi goreng kampung'];

/** One round of load: its size grows and shrinks so the panels have a shape. */
async function load(round) {
  const n = Math.round(20 + 30 * Math.sin((round / rounds) * Math.PI));
  const work = [];
  for (let i = 0; i < n; i++) {
    work.push(call('/v1/scan', { text: texts[i % texts.length] }));
    const { createdAt: _posted, ...item } = items[next++ % items.length];
    work.push(call('/v1/content', { ...item, externalId: `${item.externalId}-${round}` }).then((r) => { const id = r.json?.content?.id ?? r.json?.id; return id && call(`/v1/content/${id}`); }));
    if (i % 5 === 0) work.push(call('/v1/content?limit=20'));
    if (i % 7 === 0) work.push(call('/v1/jobs', undefined, {})); // refused: no key
  }
  await Promise.all(work);
  if (round === Math.floor(rounds / 3)) await saring.sweeps.create({ mode: 'backtest', note: 'dashboard snapshot' }, 'system').catch((err) => process.stderr.write(`sweep: ${err.message}\n`));
}

/** Prometheus text → samples: { name, labels, value }. */
function parse(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}
const scrapes = [];
async function scrape() {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${prometheus}` } });
  scrapes.push({ at: Date.now(), samples: parse(await res.text()) });
}

await scrape();
for (let round = 0; round < rounds; round++) {
  const started = Date.now();
  await load(round);
  await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - started))));
  await scrape();
  process.stderr.write(`scrape ${round + 1}/${rounds}\n`);
}

// The dashboard's panels from the scrapes.
const keyOf = (labels, by) => by.map((k) => labels[k] ?? '').join(' ');
const select = (samples, name, where = {}) => samples.filter((s) => s.name === name && Object.entries(where).every(([k, v]) => (v instanceof RegExp ? v.test(s.labels[k] ?? '') : s.labels[k] === v)));
function rateBy(name, by, where) {
  const series = {};
  for (let i = 1; i < scrapes.length; i++) {
    const dt = (scrapes[i].at - scrapes[i - 1].at) / 1000;
    const sum = (samples) => select(samples, name, where).reduce((acc, s) => ((acc[keyOf(s.labels, by)] = (acc[keyOf(s.labels, by)] ?? 0) + s.value), acc), {});
    const now = sum(scrapes[i].samples);
    const before = sum(scrapes[i - 1].samples);
    for (const k of Object.keys(now)) (series[k] ??= []).push([scrapes[i].at, Math.max(0, (now[k] - (before[k] ?? 0)) / dt)]);
  }
  return series;
}
function quantileBy(q, name, by, where) {
  const series = {};
  for (let i = 1; i < scrapes.length; i++) {
    const buckets = {};
    for (const s of select(scrapes[i].samples, `${name}_bucket`, where)) {
      const prev = select(scrapes[i - 1].samples, `${name}_bucket`, where).find((p) => JSON.stringify(p.labels) === JSON.stringify(s.labels))?.value ?? 0;
      const k = keyOf(s.labels, by);
      const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
      (buckets[k] ??= {})[le] = ((buckets[k] ??= {})[le] ?? 0) + (s.value - prev);
    }
    for (const [k, b] of Object.entries(buckets)) {
      const les = Object.keys(b).map(Number).sort((x, y) => x - y);
      const total = b[Infinity] ?? 0;
      if (total <= 0) continue;
      let prevLe = 0;
      let prevCount = 0;
      let value = les.at(-2) ?? 0;
      for (const le of les) {
        if (b[le] >= q * total) {
          value = le === Infinity ? prevLe : prevLe + ((le - prevLe) * (q * total - prevCount)) / Math.max(1e-9, b[le] - prevCount);
          break;
        }
        prevLe = le;
        prevCount = b[le];
      }
      (series[k] ??= []).push([scrapes[i].at, value]);
    }
  }
  return series;
}
function gaugeBy(name, by, where, combine = Math.max) {
  const series = {};
  for (const { at, samples } of scrapes) {
    const acc = {};
    for (const s of select(samples, name, where)) acc[keyOf(s.labels, by)] = acc[keyOf(s.labels, by)] === undefined ? s.value : combine(acc[keyOf(s.labels, by)], s.value);
    for (const [k, v] of Object.entries(acc)) (series[k] ??= []).push([at, v]);
  }
  return series;
}
const only = (series, keep) => Object.fromEntries(Object.entries(series).filter(([k, v]) => keep(k, v)));
const busy = (series) => only(series, (_k, v) => v.some(([, y]) => y > 0));
const sweepProgress = (() => {
  const total = gaugeBy('saring_sweep_items_total', ['mode', 'sweep']);
  const done = gaugeBy('saring_sweep_items_processed', ['mode', 'sweep']);
  return Object.fromEntries(Object.entries(done).map(([k, v]) => [k.slice(0, 22), v.map(([t, y]) => [t, (total[k]?.find(([tt]) => tt === t)?.[1] ?? 0) > 0 ? y / total[k].find(([tt]) => tt === t)[1] : 0])]));
})();

const panels = [
  ['HTTP', 'Requests per second, by route', 'req/s', busy(rateBy('saring_http_requests_total', ['route'], { route: /^(?!unmatched)/ }))],
  ['HTTP', 'Latency p95, by route', 's', quantileBy(0.95, 'saring_http_request_duration_seconds', ['route'])],
  ['HTTP', 'Errors per second, by status class', 'req/s', rateBy('saring_http_requests_total', ['status_class'], { status_class: /4xx|5xx/ })],
  ['Scans', 'Scan latency p95, by content kind', 's', quantileBy(0.95, 'saring_scan_duration_seconds', ['kind'])],
  ['Scans', 'Scans per second, by kind and door', 'scans/s', rateBy('saring_scan_duration_seconds_count', ['kind', 'source'])],
  ['Job queues', 'Queue depth (waiting jobs)', 'jobs', busy(gaugeBy('saring_queue_jobs', ['queue'], { state: 'queued' }))],
  ['Job queues', 'Longest wait of a due job', 's', busy(gaugeBy('saring_queue_oldest_job_age_seconds', ['queue']))],
  ['Job queues', 'Running jobs', 'jobs', busy(gaugeBy('saring_queue_jobs', ['queue'], { state: 'active' }))],
  ['Sweeps', 'Sweep progress', '%', Object.fromEntries(Object.entries(sweepProgress).map(([k, v]) => [k, v.map(([t, y]) => [t, 100 * y])]))],
  ['Webhooks and banks', 'Webhook deliveries failed and pending', 'deliveries', gaugeBy('saring_webhook_deliveries', ['status'])],
  ['Webhooks and banks', 'Bank entries, by bank', 'entries', gaugeBy('saring_bank_entries', ['bank'])],
  ['Processes', 'Resident memory', 'MiB', Object.fromEntries(Object.entries(gaugeBy('process_resident_memory_bytes', [])).map(([, v]) => ['saring', v.map(([t, y]) => [t, y / 2 ** 20])]))],
];

const echarts = readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8');
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#111217;color:#ccccdc;font:13px system-ui,sans-serif}
h1{font-size:18px;margin:12px 16px 4px} p{margin:0 16px 8px;color:#8e8e9e}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;padding:8px 16px 16px}
.panel{background:#181b1f;border:1px solid #2c3235;border-radius:4px;height:260px}
</style></head><body><h1>Saring — operations dashboard (docs/grafana-dashboard.json)</h1>
<p>Drawn from ${scrapes.length} scrapes of /metrics, ${args.every} s apart, of a Saring under generated load (scans, content, reads, refused calls, a dead webhook receiver, a backtest sweep) — ${new Date().toISOString().slice(0, 16)}Z</p>
<div class="grid">${panels.map((_, i) => `<div class="panel" id="p${i}"></div>`).join('')}</div>
<script>${echarts}</script><script>
const panels = ${JSON.stringify(panels)};
panels.forEach(([row, title, unit, series], i) => {
  const chart = echarts.init(document.getElementById('p' + i), 'dark', { renderer: 'canvas' });
  chart.setOption({ backgroundColor: 'transparent', animation: false,
    title: { text: title, subtext: row + ' · ' + unit, left: 8, top: 4, textStyle: { fontSize: 13 }, subtextStyle: { fontSize: 10 } },
    grid: { left: 52, right: 12, top: 52, bottom: Object.keys(series).length > 3 ? 64 : 40 },
    legend: { bottom: 2, type: 'scroll', textStyle: { fontSize: 10 } },
    xAxis: { type: 'time', axisLabel: { fontSize: 9, hideOverlap: true, formatter: '{HH}:{mm}:{ss}' } }, yAxis: { type: 'value', axisLabel: { fontSize: 9 } },
    series: Object.entries(series).map(([name, data]) => ({ name: name || 'all', type: 'line', showSymbol: false, data, lineStyle: { width: 1.5 } })) });
});
</script></body></html>`;

const out = resolve(root, args.out);
mkdirSync(dirname(out), { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'saring-dashboard-'));
const page = join(scratch, 'dashboard.html');
writeFileSync(page, html);
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const tab = await browser.newPage({ viewport: { width: 1500, height: 1150 } });
await tab.goto(`file://${page}`);
await tab.waitForTimeout(500);
await tab.screenshot({ path: out, fullPage: true });
await browser.close();
await app.close();
await saring.close();
rmSync(scratch, { recursive: true, force: true });
console.log(`dashboard: ${out} (${scrapes.length} scrapes)`);
