// Measures the text-classifier trainer's levers (issue 14, item 4) with k-fold cross-validation over
// unique texts: class weights, thresholds from inner folds, char n-grams over more normaliser views,
// averaged ensembles. Prints one JSON line per configuration: macro-F1 per fold (mean, sd) and the
// pooled F1 of each label, averaged over --seeds fold assignments.
//
//   npm run build && node scripts/trainer-quality.mjs [--set eval|judol] [--seeds 3] [--folds 5] [--only NAME]
//
// Data (both MIT, in the repository): "eval" is the detector evaluation sets (data/eval/*.jsonl,
// hand-written for Saring) combined into one multi-label table, a label per category file (a hard
// negative is 0 for every label); "judol" is the YouTube comments of data/text/judol-youtube (binary).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = await import(join(root, 'dist', 'signals', 'text', 'classifier', 'index.js'));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const set = arg('--set', 'eval');
const seeds = Number(arg('--seeds', set === 'eval' ? '3' : '1'));
const folds = Number(arg('--folds', '5'));
const only = arg('--only');

let rows;
let labelNames;
if (set === 'judol') {
  rows = [];
  for await (const r of lib.fileRows(join(root, 'data/text/judol-youtube/comments.csv'), { text: 'comment_text', labels: ['label'] })()) rows.push(r);
  labelNames = ['promo'];
} else {
  const dir = join(root, 'data', 'eval');
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  labelNames = files.map((f) => f.replace(/\.jsonl$/, ''));
  const byText = new Map();
  files.forEach((f, l) => {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line);
      const y = byText.get(o.text) ?? labelNames.map(() => 0);
      if (o.label === 1) y[l] = 1;
      byText.set(o.text, y);
    }
  });
  rows = [...byText].map(([text, labels]) => ({ text, labels }));
}

// hashBits 18 throughout, so that only the lever changes (7 labels × 2^18 × 4 bytes = 7 MiB).
const base = { features: { hashBits: 18 } };
const configs = {
  baseline: base,
  'class weights balanced': { ...base, classWeight: 'balanced' },
  'class weights sqrt': { ...base, classWeight: 'sqrt' },
  'thresholds on 5 inner folds': { ...base, thresholdFolds: 5 },
  'char n-grams + leet view': { features: { hashBits: 18, charViews: ['leet'] } },
  'char n-grams + base view': { features: { hashBits: 18, charViews: ['base'] } },
  'ensemble of 5': { ...base, ensemble: 5 },
  'inner folds + leet view (CLI default)': { features: { hashBits: 18, charViews: ['leet'] }, thresholdFolds: 5 },
};

const r4 = (x) => Math.round(x * 10000) / 10000;
for (const [name, cfg] of Object.entries(configs)) {
  if (only && name !== only) continue;
  const t0 = performance.now();
  const pooled = Object.fromEntries(labelNames.map((n) => [n, 0]));
  const macro = [];
  for (let s = 0; s < seeds; s++) {
    const cv = await lib.crossValidate(rows, folds, { seed: 20180704 + s, labelNames, ...cfg });
    for (const [k, v] of Object.entries(cv.pooled)) pooled[k] += v.f1 / seeds;
    macro.push(...cv.folds.map((f) => f.macroF1));
  }
  const mean = macro.reduce((a, b) => a + b, 0) / macro.length;
  const sd = Math.sqrt(macro.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, macro.length - 1));
  for (const k of Object.keys(pooled)) pooled[k] = r4(pooled[k]);
  console.log(JSON.stringify({ set, config: name, rows: rows.length, seeds, folds, macroF1: { mean: r4(mean), sd: r4(sd) }, pooledF1: pooled, seconds: Math.round((performance.now() - t0) / 1000) }));
}
