// The text scan path end to end — normalise, lexicons (terms, patterns, entities), self-declared
// ages, the judol classifier, explanations of its scores, policy, the language of the fields
// behind an action — on one core, over the YouTube judol comments (data/text/judol-youtube, MIT;
// see its MANIFEST). Prints texts/s (wall clock and per second of this thread's CPU time, which a
// busy machine disturbs less), latency per text (p50/p99), and the time per stage.
//
//   npm run bench            (builds first)
//   node bench/scan.mjs [--rounds N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { scanTexts, emptyStageTimes } = await import(join(root, 'dist', 'scan', 'scan.js'));
const { builtinScanConfig } = await import(join(root, 'dist', 'scan', 'scan-config.js'));
const { parseCsvRecords } = await import(join(root, 'dist', 'signals', 'text', 'index.js'));
const { initLanguageId } = await import(join(root, 'dist', 'signals', 'text', 'language.js'));
await initLanguageId();

const arg = process.argv.indexOf('--rounds');
const rounds = arg > 0 ? Number(process.argv[arg + 1]) : 5;
const TARGET = 20_000;

let t0 = performance.now();
const config = builtinScanConfig();
const loadMs = performance.now() - t0;
const rows = parseCsvRecords(readFileSync(join(root, 'data', 'text', 'judol-youtube', 'comments.csv'), 'utf8'));
const texts = rows.map((r) => r.comment_text);
const scan = (text, times) => scanTexts(config, { texts: { text }, audience: 'general' }, times);
/** This thread's CPU time (user + system), ms. */
const cpu = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

for (const t of texts) scan(t); // warm-up

let best = Infinity;
let bestCpu = Infinity;
for (let r = 0; r < rounds; r++) {
  const c0 = cpu();
  t0 = performance.now();
  for (const t of texts) scan(t);
  best = Math.min(best, performance.now() - t0);
  bestCpu = Math.min(bestCpu, cpu() - c0);
}

const lat = new Float64Array(texts.length);
for (let i = 0; i < texts.length; i++) {
  const s = process.hrtime.bigint();
  scan(texts[i]);
  lat[i] = Number(process.hrtime.bigint() - s) / 1000;
}
lat.sort();
const pct = (p) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))].toFixed(1);
const overMs = lat.reduce((n, x) => n + (x >= 1000 ? 1 : 0), 0);

// One pass with each stage timed (the timer calls add a little to the whole).
const times = emptyStageTimes?.();
t0 = performance.now();
if (times) for (const t of texts) scan(t, times);
const stagedMs = performance.now() - t0;

const actions = {};
const byLabel = { promo: {}, other: {} };
let explained = 0;
let languages = 0;
rows.forEach((r, i) => {
  const v = scan(texts[i]);
  const a = v.action;
  actions[a] = (actions[a] ?? 0) + 1;
  const bucket = byLabel[r.label === '1' ? 'promo' : 'other'];
  bucket[a] = (bucket[a] ?? 0) + 1;
  if (v.categories.some((c) => c.evidence.some((e) => e.source === 'model' && e.features))) explained++;
  if (v.signals.languages.length > 0) languages++;
});

const n = texts.length;
const perSec = (ms) => Math.round(n / (ms / 1000));
const fmt = (x) => x.toLocaleString('en');
console.log(`text scan path (policy ${config.policyVersion}), ${fmt(n)} comments, one core, node ${process.version}`);
console.log(`  load + compile policy and lexicons: ${loadMs.toFixed(0)} ms`);
console.log(
  `  throughput: ${fmt(perSec(best))} texts/s wall clock, ${fmt(perSec(bestCpu))} texts/s per CPU second of this thread (best of ${rounds} passes; target ${fmt(TARGET)}: ${((perSec(best) / TARGET) * 100).toFixed(0)} %)`,
);
console.log(`  latency per text: p50 ${pct(50)} µs, p99 ${pct(99)} µs, max ${lat[lat.length - 1].toFixed(0)} µs; ${overMs} of ${fmt(n)} texts took 1 ms or more`);
console.log(`  explained model scores (≥ 0.2): ${fmt(explained)} texts; language told for ${fmt(languages)} texts (fields behind an action)`);
if (times) console.log(`  per stage (one timed pass, ${stagedMs.toFixed(0)} ms):`);
const total = Object.values(times ?? {}).reduce((a, b) => a + b, 0);
for (const [stage, ms] of Object.entries(times ?? {})) {
  console.log(`    ${stage.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${((ms * 1000) / n).toFixed(1).padStart(6)} µs/text  ${((ms / total) * 100).toFixed(1).padStart(5)} %`);
}
console.log(`  verdicts: ${JSON.stringify(actions)}`);
console.log(`  label 1 (promotes gambling): ${JSON.stringify(byLabel.promo)}`);
console.log(`  label 0 (anything else):     ${JSON.stringify(byLabel.other)}`);
