// Text-signal benchmark: throughput and latency of analyseText on one core, and how well the
// default lexicons separate gambling promotion from other comments on the labelled
// judol-youtube dataset (data/text/judol-youtube, MIT, see its MANIFEST).
//
//   node bench/text-scan.mjs [--rounds N]    (rebuilds dist/ with tsc -p tsconfig.build.json when stale)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'signals', 'text', 'index.js');
const source = join(root, 'src', 'signals', 'text');

// Rebuild dist/ when it is missing or older than the sources.
const newest = Math.max(...readdirSync(source).map((f) => statSync(join(source, f)).mtimeMs));
if (!existsSync(entry) || statSync(entry).mtimeMs < newest) {
  console.log('dist/ is missing or stale: running tsc -p tsconfig.build.json …');
  spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(entry) || statSync(entry).mtimeMs < newest) {
    console.error('The build did not produce a current dist/signals/text/index.js.');
    process.exit(1);
  }
}

const { analyseText, compileLexicons, loadDefaultLexicons, parseCsvRecords } = await import(entry);

const argRounds = process.argv.indexOf('--rounds');
const rounds = argRounds > 0 ? Number(process.argv[argRounds + 1]) : 5;

const rows = parseCsvRecords(readFileSync(join(root, 'data', 'text', 'judol-youtube', 'comments.csv'), 'utf8'));
const texts = rows.map((r) => r.comment_text);
const labels = rows.map((r) => r.label === '1');

let t0 = performance.now();
const compiled = compileLexicons(loadDefaultLexicons());
const compileMs = performance.now() - t0;

const gamblingScore = (text) => analyseText(compiled, text).categories.find((c) => c.category === 'gambling')?.score ?? 0;

// Warm-up: one full pass (fills the lazily built character tables, lets the JIT settle).
for (const t of texts) analyseText(compiled, t);

// Throughput: whole passes over the corpus.
let best = Infinity;
let total = 0;
for (let r = 0; r < rounds; r++) {
  t0 = performance.now();
  for (let i = 0; i < texts.length; i++) analyseText(compiled, texts[i]);
  const ms = performance.now() - t0;
  total += ms;
  best = Math.min(best, ms);
}

// Latency: each text timed on its own.
const lat = new Float64Array(texts.length);
for (let i = 0; i < texts.length; i++) {
  const s = process.hrtime.bigint();
  analyseText(compiled, texts[i]);
  lat[i] = Number(process.hrtime.bigint() - s) / 1000;
}
lat.sort();
const pct = (p) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];

function quality(scores, truth, threshold) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i] >= threshold;
    if (flagged && truth[i]) tp++;
    else if (flagged) fp++;
    else if (truth[i]) fn++;
  }
  return { threshold, precision: tp / (tp + fp), recall: tp / (tp + fn), tp, fp, fn };
}

const scores = texts.map(gamblingScore);
const seen = new Map();
texts.forEach((t, i) => {
  if (!seen.has(t)) seen.set(t, i);
});
const uniqueIdx = [...seen.values()];
const uScores = uniqueIdx.map((i) => scores[i]);
const uLabels = uniqueIdx.map((i) => labels[i]);

const chars = texts.reduce((n, t) => n + t.length, 0);
const f = (x, d = 4) => x.toFixed(d);
console.log(`node ${process.version}, one core; ${texts.length} texts (${(chars / texts.length).toFixed(0)} UTF-16 units on average), ${rounds} rounds`);
console.log(`load and compile default lexicons: ${f(compileMs, 1)} ms (${compiled.entries.length} entries)`);
console.log(`throughput: ${Math.round(texts.length / (best / 1000))} texts/s best round, ${Math.round((texts.length * rounds) / (total / 1000))} texts/s mean`);
console.log(`latency per text: p50 ${f(pct(50), 1)} µs, p99 ${f(pct(99), 1)} µs, max ${f(lat[lat.length - 1], 1)} µs`);
console.log('gambling, label 1 = promotion (all rows / unique texts):');
for (const [name, threshold] of [
  ['remove', 0.85],
  ['review', 0.5],
]) {
  const a = quality(scores, labels, threshold);
  const u = quality(uScores, uLabels, threshold);
  console.log(
    `  score ≥ ${threshold} (${name}): all ${f(a.precision)} precision / ${f(a.recall)} recall (tp ${a.tp}, fp ${a.fp}, fn ${a.fn}); ` +
      `unique ${f(u.precision)} / ${f(u.recall)} (tp ${u.tp}, fp ${u.fp}, fn ${u.fn})`,
  );
}
