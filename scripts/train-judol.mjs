// Trains Saring's shipped online-gambling-promotion model (models/judol) from the judol-youtube
// comments (data/text/judol-youtube, MIT), reports 5-fold cross-validated precision/recall/F1 on
// unique texts, the share of hand-written comments *about* gambling (not promoting it) that the
// model flags, and its speed; writes models/judol/{model.json,weights.bin,README.md}.
//
//   npm run build && node scripts/train-judol.mjs [--out DIR] [--folds 5] [--no-cv]
//
// Deterministic: the same data and seed give the same weights (model.json's dates differ).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'signals', 'text', 'classifier', 'index.js');
if (!existsSync(entry)) {
  console.error('dist/ has no classifier: run npm run build first.');
  process.exit(1);
}
const { crossValidate, fileRows, loadModel, readDataRows, saveModel, trainClassifier } = await import(entry);

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const out = arg('--out', join(root, 'models', 'judol'));
const folds = Number(arg('--folds', '5'));
const data = join(root, 'data', 'text', 'judol-youtube', 'comments.csv');
const about = join(root, 'models', 'judol', 'about-gambling.csv');

export const SEED = 20180704; // the day the seed reports were written
const options = {
  name: 'judol',
  description: 'Online-gambling (judi online) promotion in Indonesian short texts: comments, captions.',
  labelNames: ['promo'],
  labelSources: ['label'],
  seed: SEED,
  epochs: 8,
  learningRate: 0.4,
  l2: 1e-7,
  validation: 0.1,
  features: { hashBits: 18, charMin: 2, charMax: 5, charScope: 'tokens', words: true, bigrams: true, leetWords: true, shapes: true, obfuscation: true, symbols: true, unique: true },
};
const rows = fileRows(data, { text: 'comment_text', labels: ['label'] });
const sha256 = createHash('sha256').update(readFileSync(data)).digest('hex');
const pct = (x) => `${(x * 100).toFixed(2)} %`;

// ---- Cross-validation on unique texts.
let cv;
if (!process.argv.includes('--no-cv')) {
  console.log(`${folds}-fold cross-validation on unique texts (seed ${SEED}) …`);
  cv = await crossValidate(rows, folds, options, (i, m) => {
    const l = m.labels.promo;
    console.log(`  fold ${i + 1}: precision ${pct(l.precision)}, recall ${pct(l.recall)}, F1 ${pct(l.f1)} (${l.support} promo of ${m.rows})`);
  });
  const p = cv.pooled.promo;
  console.log(`  pooled: precision ${pct(p.precision)}, recall ${pct(p.recall)}, F1 ${pct(p.f1)}; F1 per fold ${pct(cv.labels.promo.f1.mean)} ± ${pct(cv.labels.promo.f1.sd)}`);
}

// ---- The shipped model: every unique text (a validation tenth chooses the threshold).
console.log('training the shipped model …');
const model = await trainClassifier(rows, {
  ...options,
  holdout: 0,
  data: { file: relative(root, data), sha256, bytes: readFileSync(data).length, format: 'csv', encoding: 'utf-8', textColumn: 'comment_text', labelColumns: ['label'] },
});
const t = model.meta.training;

// ---- Comments about gambling that do not promote it (hand-written, all label 0).
const flagged = [];
let aboutRows = 0;
const scores = new Float64Array(1);
const decided = new Uint8Array(1);
for await (const r of readDataRows(about, { text: 'text' })) {
  aboutRows++;
  model.scoreInto(r.text, scores);
  if (model.decide(scores, decided)[0]) flagged.push({ row: r.row, score: +scores[0].toFixed(4), text: r.text });
}
const aboutRate = flagged.length / aboutRows;
console.log(`about gambling (not promotion): ${flagged.length} of ${aboutRows} flagged (${pct(aboutRate)})`);
for (const f of flagged) console.log(`  row ${f.row} (${f.score}): ${f.text}`);

if (cv) {
  t.crossValidation = {
    k: cv.k,
    seed: cv.seed,
    unit: 'unique normalised texts',
    pooled: cv.pooled,
    perFold: cv.labels,
    folds: cv.folds.map((m) => ({ rows: m.rows, ...Object.fromEntries(['precision', 'recall', 'f1', 'support'].map((k) => [k, m.labels.promo[k]])) })),
  };
}
model.meta.aboutGambling = { file: 'about-gambling.csv', rows: aboutRows, flagged: flagged.length, rate: +aboutRate.toFixed(4), flaggedRows: flagged.map((f) => f.row) };
const meta = saveModel(model, out);

// ---- Speed: load time, one-core throughput over the comments.
let t0 = performance.now();
const loaded = loadModel(out);
const loadMs = performance.now() - t0;
const texts = [];
for await (const r of readDataRows(data, { text: 'comment_text' })) texts.push(r.text);
const buf = new Float64Array(1);
for (const x of texts) loaded.scoreInto(x, buf);
let best = Infinity;
for (let k = 0; k < 3; k++) {
  t0 = performance.now();
  for (const x of texts) loaded.scoreInto(x, buf);
  best = Math.min(best, performance.now() - t0);
}
const perS = Math.round(texts.length / (best / 1000));
console.log(`load ${loadMs.toFixed(1)} ms; ${perS} texts/s on one core`);

// ---- README.
const f = options.features;
const cvText = cv
  ? `| precision | ${pct(cv.pooled.promo.precision)} | ${pct(cv.labels.promo.precision.mean)} ± ${pct(cv.labels.promo.precision.sd)} |
| recall | ${pct(cv.pooled.promo.recall)} | ${pct(cv.labels.promo.recall.mean)} ± ${pct(cv.labels.promo.recall.sd)} |
| F1 | ${pct(cv.pooled.promo.f1)} | ${pct(cv.labels.promo.f1.mean)} ± ${pct(cv.labels.promo.f1.sd)} |`
  : '| (cross-validation not run) | | |';
const readme = `# judol — online-gambling promotion classifier

A compact linear classifier (Saring's \`src/signals/text/classifier\`) that scores how likely a
short Indonesian text — a comment, caption or profile line — **promotes online gambling**
(*judi online*, "judol"): site and brand names, invitations to play or deposit, claims of wins,
referral codes, styled or leetspeak spam such as \`𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku\`.
Talking *about* gambling — news, criticism, warnings, jokes — is not promotion (label 0).

- label: \`promo\` (binary), threshold **${meta.labels[0].threshold}** (best F1 on a validation tenth)
- files: \`model.json\` (labels, threshold, features, training metadata), \`weights.bin\`
  (2^${f.hashBits} float32 weights, ${(meta.weights.bytes / 1024).toFixed(0)} KiB, SHA-256 in model.json)
- features: the normaliser's plain view (styled letters, look-alikes, leetspeak, repeated and spread
  letters, alay folded); character ${f.charMin}–${f.charMax}-grams within tokens, word unigrams and bigrams,
  leetspeak words, digit shapes of tokens (\`pulau777\` → \`a999\`), emoji and symbols, and how much of
  the text was obfuscated; hashed (FNV-1a + murmur finaliser) into 2^${f.hashBits} buckets
- model: logistic regression, AdaGrad, L2 ${options.l2}, ${options.epochs} epochs, learning rate ${options.learningRate}, seed ${SEED}

## Data

\`data/text/judol-youtube/comments.csv\`: ${t.rows.toLocaleString('en')} public YouTube comments, hand-labelled by the
dataset's authors against a written guide (github.com/gbennnn/judol-comment-classification, **MIT licence**,
© 2026 Benony Gabriel; see \`data/text/judol-youtube/MANIFEST.md\` and \`LICENSE\`). SHA-256 \`${sha256}\`.

Spam is posted again and again, so texts are **de-duplicated before any split**: texts that are the
same after normalisation (styling, case, repeated letters, spacing) count once. ${t.rows.toLocaleString('en')} rows →
${t.uniqueRows.toLocaleString('en')} unique texts (${t.duplicatesRemoved.toLocaleString('en')} duplicates removed; ${t.conflictingLabels} texts
had conflicting labels, the first was kept); ${t.classCounts.promo.toLocaleString('en')} unique texts promote gambling (the MANIFEST's
~5,476 counts raw strings; normalisation merges more).
Empty texts are skipped. Texts are read with Saring's data reader: literal escaped emoji are decoded and masks
such as \`USER\`/\`[URL]\` become one placeholder without a feature of their own.

## How good it is

${folds}-fold cross-validation over unique texts (folds by a seeded hash of the normalised text, so a
text is never on both sides; each fold's threshold chosen on a validation tenth of its training part):

| | pooled over folds | mean ± sd per fold |
|---|---|---|
${cvText}

**Talk about gambling.** \`about-gambling.csv\` holds ${aboutRows} comments written for this evaluation (not from
the dataset; part of Saring, MIT): news, criticism, warnings and jokes about gambling, none promoting it. The shipped model
flags **${flagged.length} of ${aboutRows} (${pct(aboutRate)})**${flagged.length ? `: ${flagged.map((x) => `row ${x.row} ("${x.text}", ${x.score})`).join('; ')}` : ''}.
This is a small set; treat the figure as a smoke test of the failure mode, not a rate.

Known limits: trained on YouTube comments of 2025 only — new brand names and new obfuscation need
retraining; Sundanese/Javanese coverage is thin; a model score is a signal for the policy, not a verdict.

## Speed

Loads in ${loadMs.toFixed(0)} ms; ${perS.toLocaleString('en')} texts/s on one core over the comments (normalisation
included) on the machine that trained it. \`node bench/model.mjs\` measures load time, throughput and p50/p99 latency.

## Use

\`\`\`sh
npx saring model show --model models/judol
npx saring model predict --model models/judol --data comments.csv --text comment_text --json
npx saring model eval --model models/judol --data labelled.csv --text text --label label --json
\`\`\`

\`\`\`ts
import { loadModel } from './dist/signals/text/classifier/index.js';
const model = loadModel('models/judol');
model.predict('𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku', { explain: true });
// { labels: { promo: { score: 0.99…, predicted: 1 } }, top: { promo: [ { feature, kind, weight, start, end }, … ] } }
\`\`\`

## Retrain

\`\`\`sh
npm run build && node scripts/train-judol.mjs      # cross-validation, then models/judol/ and this README
\`\`\`

Same data and seed give the same weights. To train on other data:
\`saring model train --data FILE --text COLUMN --label COLUMN=promo --out DIR --hash-bits ${f.hashBits}\`.
`;
writeFileSync(join(out, 'README.md'), readme);
console.log(`written ${relative(root, out) || out}/ (model.json, weights.bin, README.md)`);
