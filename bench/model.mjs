// Classifier benchmark: load time of the shipped judol model (models/judol), and throughput and
// latency of model.scoreInto (normalisation + features + dot product) on one core over the
// judol-youtube comments (data/text/judol-youtube, MIT, see its MANIFEST).
//
//   npm run build && node bench/model.mjs [--model DIR] [--rounds N] [--json]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'signals', 'text', 'classifier', 'index.js');
if (!existsSync(entry)) {
  console.error('dist/ has no classifier: run npm run build first.');
  process.exit(1);
}
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const modelDir = arg('--model', join(root, 'models', 'judol'));
const rounds = Number(arg('--rounds', '5'));
const json = process.argv.includes('--json');

const t0 = performance.now();
const { loadModel } = await import(entry);
const importMs = performance.now() - t0;
let t1 = performance.now();
const model = loadModel(modelDir);
const loadMs = performance.now() - t1;

const { parseCsvRecords } = await import(join(root, 'dist', 'shared', 'csv.js'));
const rows = parseCsvRecords(readFileSync(join(root, 'data', 'text', 'judol-youtube', 'comments.csv'), 'utf8'));
const texts = rows.map((r) => r.comment_text);
const out = new Float64Array(model.L);

// First pass (cold: character tables fill, the JIT warms up), then whole passes.
t1 = performance.now();
for (const t of texts) model.scoreInto(t, out);
const coldMs = performance.now() - t1;
let best = Infinity;
let total = 0;
for (let r = 0; r < rounds; r++) {
  t1 = performance.now();
  for (let i = 0; i < texts.length; i++) model.scoreInto(texts[i], out);
  const ms = performance.now() - t1;
  best = Math.min(best, ms);
  total += ms;
}
const lat = new Float64Array(texts.length);
for (let i = 0; i < texts.length; i++) {
  const s = process.hrtime.bigint();
  model.scoreInto(texts[i], out);
  lat[i] = Number(process.hrtime.bigint() - s) / 1000;
}
lat.sort();
const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
// With explanations (the slow path): a sample.
const sample = texts.slice(0, 2000);
t1 = performance.now();
for (const t of sample) model.predict(t, { explain: true });
const explainPerS = sample.length / ((performance.now() - t1) / 1000);

const result = {
  model: modelDir,
  texts: texts.length,
  importMs: +importMs.toFixed(1),
  loadMs: +loadMs.toFixed(1),
  firstPassTextsPerS: Math.round(texts.length / (coldMs / 1000)),
  textsPerS: Math.round(texts.length / (best / 1000)),
  meanTextsPerS: Math.round((texts.length * rounds) / (total / 1000)),
  p50us: +q(0.5).toFixed(1),
  p99us: +q(0.99).toFixed(1),
  maxUs: +lat[lat.length - 1].toFixed(1),
  explainTextsPerS: Math.round(explainPerS),
  node: process.version,
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`model ${modelDir}`);
  console.log(`load: ${result.loadMs} ms (module import ${result.importMs} ms)`);
  console.log(`throughput (one core, ${texts.length} comments, best of ${rounds}): ${result.textsPerS} texts/s (mean ${result.meanTextsPerS}; first pass ${result.firstPassTextsPerS})`);
  console.log(`latency per text: p50 ${result.p50us} µs, p99 ${result.p99us} µs, max ${result.maxUs} µs`);
  console.log(`with explanations (predict(text, { explain: true })): ${result.explainTextsPerS} texts/s`);
  console.log(`target ≥ 20,000 texts/s: ${result.textsPerS >= 20000 ? 'met' : 'NOT met'}`);
}
