// The text scan path end to end — normalise, lexicons, entities, scoring, policy — on one core,
// over the YouTube judol comments (data/text/judol-youtube, MIT; see its MANIFEST).
//
//   npm run bench            (builds first)
//   node bench/scan.mjs [--rounds N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { scanTexts } = await import(join(root, 'dist', 'scan', 'scan.js'));
const { builtinScanConfig } = await import(join(root, 'dist', 'scan', 'scan-config.js'));
const { parseCsvRecords } = await import(join(root, 'dist', 'signals', 'text', 'index.js'));
const { initLanguageId } = await import(join(root, 'dist', 'signals', 'text', 'language.js'));
await initLanguageId();

const arg = process.argv.indexOf('--rounds');
const rounds = arg > 0 ? Number(process.argv[arg + 1]) : 5;

let t0 = performance.now();
const config = builtinScanConfig();
const loadMs = performance.now() - t0;
const rows = parseCsvRecords(readFileSync(join(root, 'data', 'text', 'judol-youtube', 'comments.csv'), 'utf8'));
const texts = rows.map((r) => r.comment_text);
const scan = (text) => scanTexts(config, { texts: { text }, audience: 'general' });

for (const t of texts) scan(t); // warm-up

let best = Infinity;
for (let r = 0; r < rounds; r++) {
  t0 = performance.now();
  for (const t of texts) scan(t);
  best = Math.min(best, performance.now() - t0);
}

const lat = new Float64Array(texts.length);
for (let i = 0; i < texts.length; i++) {
  const s = process.hrtime.bigint();
  scan(texts[i]);
  lat[i] = Number(process.hrtime.bigint() - s) / 1000;
}
lat.sort();
const pct = (p) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))].toFixed(1);

const actions = {};
const byLabel = { promo: {}, other: {} };
rows.forEach((r, i) => {
  const a = scan(texts[i]).action;
  actions[a] = (actions[a] ?? 0) + 1;
  const bucket = byLabel[r.label === '1' ? 'promo' : 'other'];
  bucket[a] = (bucket[a] ?? 0) + 1;
});

console.log(`text scan path (policy ${config.policyVersion}), ${texts.length} comments, one core`);
console.log(`  load + compile policy and lexicons: ${loadMs.toFixed(0)} ms`);
console.log(`  throughput: ${Math.round(texts.length / (best / 1000)).toLocaleString('en')} texts/s (best of ${rounds} passes)`);
console.log(`  latency per text: p50 ${pct(50)} µs, p99 ${pct(99)} µs, max ${lat[lat.length - 1].toFixed(0)} µs`);
console.log(`  verdicts: ${JSON.stringify(actions)}`);
console.log(`  label 1 (promotes gambling): ${JSON.stringify(byLabel.promo)}`);
console.log(`  label 0 (anything else):     ${JSON.stringify(byLabel.other)}`);
