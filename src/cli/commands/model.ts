import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { SaringError } from '../../errors/errors.js';
import type { CalibrationBin, Metrics, ModelMeta } from '../../signals/text/classifier/index.js';
import { CLI_ACTOR, action, print, versionArgument, withDataOption, withSaring } from '../support.js';

/** The classifier loads on use, so `saring` starts fast. */
const classifier = () => import('../../signals/text/classifier/index.js');

interface DataOptions {
  data: string;
  text: string;
  encoding?: string;
  format?: string;
  maxRecordChars?: string;
}

function number(value: string | undefined, flag: string, min: number, max: number, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new SaringError('validation_failed', `${flag} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(value)}.`);
  }
  return n;
}

/** `COL[=NAME],COL[=NAME]…` → columns and label names. */
function labelSpec(value: string): { columns: string[]; names: string[] } {
  const parts = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new SaringError('validation_failed', '--label needs at least one column.');
  const columns: string[] = [];
  const names: string[] = [];
  for (const p of parts) {
    const eq = p.indexOf('=');
    const col = eq < 0 ? p : p.slice(0, eq).trim();
    const name = eq < 0 ? p : p.slice(eq + 1).trim();
    if (!col || !name) throw new SaringError('validation_failed', `--label: "${p}" is not COLUMN or COLUMN=NAME.`);
    columns.push(col);
    names.push(name);
  }
  return { columns, names };
}

function readOptions(o: DataOptions) {
  const max = number(o.maxRecordChars, '--max-record-chars', 1, 1 << 30, true);
  return {
    text: o.text,
    ...(o.encoding ? { encoding: o.encoding } : {}),
    ...(o.format ? { format: o.format as 'csv' | 'tsv' | 'jsonl' } : {}),
    ...(max !== undefined ? { maxRecordChars: max } : {}),
  };
}

async function fileSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) h.update(chunk);
  return h.digest('hex');
}

/** A one-line progress bar on stderr, only when stderr is a terminal. */
function progressBar(title: string) {
  const tty = process.stderr.isTTY === true;
  let phase = 'reading';
  let fraction = 0;
  let last = 0;
  const draw = (force = false) => {
    if (!tty) return;
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
    process.stderr.write(`\r${title}: ${phase.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`);
  };
  return {
    phase(p: string, f = 0) {
      phase = p;
      fraction = f;
      draw(true);
    },
    bytes(read: number, total: number) {
      if (phase === 'reading' || phase.startsWith('epoch') || phase === 'evaluating') {
        fraction = total > 0 ? read / total : 0;
        draw();
      }
    },
    done() {
      if (tty) process.stderr.write(`\r${' '.repeat(title.length + 60)}\r`);
    },
  };
}

const pct = (x: number) => (x * 100).toFixed(2).padStart(6);

function metricsTable(m: Metrics, thresholds?: Record<string, number>): string {
  const names = Object.keys(m.labels);
  const w = Math.max(5, ...names.map((n) => n.length));
  const lines = [`${'label'.padEnd(w)}  precision  recall      F1  support${thresholds ? '  threshold' : ''}`];
  for (const n of names) {
    const l = m.labels[n]!;
    lines.push(`${n.padEnd(w)}     ${pct(l.precision)}  ${pct(l.recall)}  ${pct(l.f1)}  ${String(l.support).padStart(7)}${thresholds ? `  ${thresholds[n]!.toFixed(4).padStart(9)}` : ''}`);
  }
  lines.push(`macro F1 ${pct(m.macroF1)} %   micro F1 ${pct(m.microF1)} %   rows ${m.rows}${m.accuracy !== undefined ? `   accuracy ${pct(m.accuracy)} %` : ''}`);
  if (m.confusion) {
    lines.push('confusion (rows: actual, columns: predicted)');
    const cw = Math.max(w, ...m.confusion.flat().map((c) => String(c).length));
    lines.push(`${''.padEnd(w)}  ${names.map((n) => n.padStart(cw)).join('  ')}`);
    m.confusion.forEach((row, i) => lines.push(`${names[i]!.padEnd(w)}  ${row.map((c) => String(c).padStart(cw)).join('  ')}`));
  }
  return lines.join('\n');
}

const pctOrDash = (x: number | null) => (x === null ? '     –' : pct(x));

/**
 * Per label: score bins (highest first) with their texts, positives and precision, and what a
 * threshold at each bin's lower edge would give — for choosing a threshold.
 */
export function calibrationTable(calibration: Record<string, CalibrationBin[]>, thresholds?: Record<string, number>): string {
  const lines: string[] = [];
  for (const [name, bins] of Object.entries(calibration)) {
    const t = thresholds?.[name];
    lines.push('', `calibration: ${name}${t !== undefined ? ` (threshold ${t.toFixed(4)})` : ''}`);
    const w = Math.max(5, ...bins.map((b) => String(b.count).length));
    lines.push(`score       ${'texts'.padStart(w)}  ${'positives'.padStart(Math.max(9, w))}  precision   │ threshold at lower edge: precision  recall`);
    for (const b of bins) {
      lines.push(
        `${b.from.toFixed(2)}–${b.to.toFixed(2)}   ${String(b.count).padStart(w)}  ${String(b.positives).padStart(Math.max(9, w))}   ${pctOrDash(b.precision)} %  │                          ${pctOrDash(b.precisionAtOrAbove)} %  ${pct(b.recallAtOrAbove)} %`,
      );
    }
  }
  return lines.join('\n');
}

function describe(meta: ModelMeta): string {
  const t = meta.training;
  const lines = [
    `${meta.name ?? 'model'} — ${meta.task}, labels: ${meta.labels.map((l) => (meta.task === 'multiclass' ? l.name : `${l.name} (threshold ${l.threshold})`)).join(', ')}`,
  ];
  if (meta.description) lines.push(meta.description);
  const f = meta.features;
  lines.push(`features: 2^${f.hashBits} buckets; char ${f.charMin}–${f.charMax}-grams${f.charViews?.length ? ` (also over the ${f.charViews.join(' and ')} view${f.charViews.length > 1 ? 's' : ''})` : ''}${f.words ? ', words' : ''}${f.bigrams ? ', bigrams' : ''}${f.leetWords ? ', leet words' : ''}${f.shapes ? ', shapes' : ''}${f.obfuscation ? ', obfuscation' : ''}`);
  lines.push(`weights: ${meta.weights.file} (${meta.weights.dtype}, ${meta.weights.bytes} bytes, sha256 ${meta.weights.sha256.slice(0, 16)}…)`);
  if (t) {
    if (t.data?.file) lines.push(`data: ${t.data.file}${t.data.sha256 ? ` (sha256 ${t.data.sha256.slice(0, 16)}…)` : ''}`);
    lines.push(`rows ${t.rows}, unique ${t.uniqueRows} (${t.duplicatesRemoved} duplicates removed, ${t.conflictingLabels} with conflicting labels, ${t.emptyTexts} empty)`);
    lines.push(`split: train ${t.split.train}, validation ${t.split.validation}, holdout ${t.split.holdout}; seed ${t.seed}, ${t.epochs} epochs, trained ${t.date} with Saring ${t.saringVersion}`);
    lines.push(`class weights ${t.classWeight ?? 'none'}; ${t.ensemble ?? 1} model${(t.ensemble ?? 1) > 1 ? 's averaged' : ''}; thresholds: ${t.thresholdRule}`);
    if (t.outOfFold) {
      const o = t.outOfFold;
      lines.push(`out-of-fold at the chosen thresholds (${o.folds} inner folds):`);
      for (const [n, l] of Object.entries(o.labels)) lines.push(`  ${n}: threshold ${l.threshold.toFixed(4)}, precision ${pct(l.precision)} %, recall ${pct(l.recall)} %, F1 ${pct(l.f1)} %`);
    }
    const note = splitNote(t.split, t.uniqueRows);
    if (note) lines.push(note);
    if (t.holdoutMetrics) lines.push('holdout:', metricsTable(t.holdoutMetrics));
    else if (t.validationMetrics) lines.push('validation:', metricsTable(t.validationMetrics));
  }
  return lines.join('\n');
}

/**
 * Why the holdout or validation share differs from the one asked for, when it does by much: each
 * unique text falls into a split by a hash of its normalised form (so duplicates never straddle
 * splits and the split streams), which is exact only on average.
 */
export function splitNote(split: { holdout: number; validation: number; holdoutFraction: number; validationFraction: number; fold?: unknown }, unique: number): string | undefined {
  if (split.fold || unique === 0) return undefined;
  const parts: string[] = [];
  const share = (n: number) => Math.round((100 * n) / unique);
  if (Math.abs(split.holdout / unique - split.holdoutFraction) > 0.05) parts.push(`holdout ${share(split.holdout)} % (asked ${Math.round(split.holdoutFraction * 100)} %)`);
  if (Math.abs(split.validation / unique - split.validationFraction) > 0.05) parts.push(`validation ${share(split.validation)} % (asked ${Math.round(split.validationFraction * 100)} %)`);
  if (parts.length === 0) return undefined;
  return (
    `note: ${parts.join(', ')} of ${unique} unique texts: each text falls into a split by a hash of its normalised form, ` +
    'so that duplicates never straddle splits; the shares come close to those asked for only with a few hundred texts or more.'
  );
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(line)) await new Promise((r) => process.stdout.once('drain', r));
}

function withData(cmd: Command): Command {
  return cmd
    .requiredOption('--data <file>', 'data file: CSV or TSV with a header row, or JSON Lines')
    .requiredOption('--text <column>', 'the text column (JSONL: key)')
    .option('--format <format>', 'csv, tsv or jsonl (default: from the extension)')
    .option('--encoding <encoding>', 'file encoding, e.g. latin1 or windows-1252 (default utf-8)')
    .option('--max-record-chars <n>', 'longest record allowed (default 1048576)');
}

export function registerModel(program: Command): void {
  const model = program.command('model').description('train, evaluate and run text classifiers (no database needed)');

  withData(model.command('train'))
    .description('train a classifier on a labelled file and write it to a directory')
    .requiredOption('--label <columns>', 'label column(s): one column (0/1 = binary, other values = classes) or several 0/1 columns (multi-label); COLUMN=NAME renames')
    .requiredOption('--out <dir>', 'directory to write model.json and weights.bin to')
    .option('--holdout <share>', 'share of unique texts held out for the reported metrics', '0.2')
    .option('--validation <share>', 'with --threshold-folds 0: share of the other unique texts used to choose thresholds', '0.1')
    .option('--seed <n>', 'seed for splits and shuffling', '1')
    .option('--epochs <n>', 'passes over the training texts', '8')
    .option('--hash-bits <n>', 'log2 of the feature hash space (default: the largest up to 20 whose weights fit in --max-model-mb)')
    .option('--max-model-mb <n>', 'largest weights file when --hash-bits is not given, in MiB', '10')
    .option('--class-weight <w>', 'weigh each label\'s rarer class up: none, balanced or sqrt (halfway)', 'none')
    .option('--threshold-folds <k>', 'choose thresholds on k inner folds\' out-of-fold scores (k+1 trainings; every non-holdout text trains the model); 0: on a --validation split', '5')
    .option('--ensemble <n>', 'average n models, each on its own seeded nine tenths of the texts (same size as one)', '1')
    .option('--char-views <views>', 'character n-grams over more normaliser views than the plain one: leet, base, leet,base or none', 'leet')
    .option('--min-precision <p>', 'choose thresholds for this precision (best recall) instead of the best F1')
    .option('--task <task>', 'binary, multiclass or multilabel (default: from the labels)')
    .option('--name <name>', 'model name recorded in model.json')
    .option('--json', 'print the training metadata as JSON')
    .action(
      action(async (o: DataOptions & { label: string; out: string; holdout: string; validation: string; seed: string; epochs: string; hashBits?: string; maxModelMb: string; classWeight: string; thresholdFolds: string; ensemble: string; charViews: string; minPrecision?: string; task?: string; name?: string; json?: boolean }) => {
        const lib = await classifier();
        const { columns, names } = labelSpec(o.label);
        const holdout = number(o.holdout, '--holdout', 0, 0.9)!;
        const validation = number(o.validation, '--validation', 0, 0.5)!;
        const seed = number(o.seed, '--seed', 0, 2 ** 31 - 1, true)!;
        const epochs = number(o.epochs, '--epochs', 1, 1000, true)!;
        const hashBits = number(o.hashBits, '--hash-bits', 10, 26, true);
        const maxModelMb = number(o.maxModelMb, '--max-model-mb', 0.01, 4096)!;
        const thresholdFolds = number(o.thresholdFolds, '--threshold-folds', 0, 20, true)!;
        if (thresholdFolds === 1) throw new SaringError('validation_failed', '--threshold-folds must be 0 or from 2 to 20, got 1.');
        const ensemble = number(o.ensemble, '--ensemble', 1, 16, true)!;
        if (!['none', 'balanced', 'sqrt'].includes(o.classWeight)) throw new SaringError('validation_failed', `--class-weight must be none, balanced or sqrt, got "${o.classWeight}".`);
        const classWeight = o.classWeight as 'none' | 'balanced' | 'sqrt';
        const charViews = o.charViews.trim() === 'none' ? [] : [...new Set(o.charViews.split(',').map((v) => v.trim()))];
        const badView = charViews.find((v) => v !== 'leet' && v !== 'base');
        if (badView !== undefined) throw new SaringError('validation_failed', `--char-views takes leet, base, leet,base or none, not "${badView}".`);
        const minPrecision = number(o.minPrecision, '--min-precision', 0, 1);
        if (o.task && !['binary', 'multiclass', 'multilabel'].includes(o.task)) throw new SaringError('validation_failed', `--task must be binary, multiclass or multilabel, got "${o.task}".`);
        const task = o.task as 'binary' | 'multiclass' | 'multilabel' | undefined;
        if (!existsSync(o.data)) throw new SaringError('not_found', `No such file: ${o.data}`);
        const bar = progressBar('saring model train');
        const source = lib.fileRows(o.data, { ...readOptions(o), labels: columns, ...(task ? { task } : {}), onProgress: (r, t) => bar.bytes(r, t) });
        let trained;
        try {
          trained = await lib.trainClassifier(source, {
            labelNames: names,
            labelSources: columns,
            seed,
            epochs,
            holdout,
            validation,
            features: { ...(hashBits !== undefined ? { hashBits } : {}), charViews: charViews as ('leet' | 'base')[] },
            maxWeightBytes: Math.floor(maxModelMb * 1024 * 1024),
            classWeight,
            thresholdFolds,
            ensemble,
            ...(task ? { task } : {}),
            ...(minPrecision !== undefined ? { threshold: { kind: 'precision', target: minPrecision } } : {}),
            ...(o.name ? { name: o.name } : {}),
            data: {
              file: o.data,
              sha256: await fileSha256(o.data),
              bytes: statSync(o.data).size,
              format: lib.formatOf(o.data, o.format),
              encoding: o.encoding ?? 'utf-8',
              textColumn: o.text,
              labelColumns: columns,
            },
            onProgress: (p) =>
              bar.phase(
                p.phase === 'train' ? `${p.fits && p.fits > 1 ? `model ${p.fit}/${p.fits} ` : ''}epoch ${p.epoch}/${p.epochs}` : p.phase === 'read' ? 'reading' : 'evaluating',
                p.phase === 'train' ? ((p.fit ?? 1) - 1 + (p.epoch! - 1) / p.epochs!) / (p.fits ?? 1) : 0,
              ),
          });
        } finally {
          bar.done();
        }
        const meta = lib.saveModel(trained, o.out);
        if (o.json) {
          process.stdout.write(`${JSON.stringify({ out: resolve(o.out), ...meta }, null, 2)}\n`);
          return;
        }
        process.stdout.write(`model written to ${o.out}\n${describe(meta)}\n`);
      }),
    );

  withData(model.command('eval'))
    .description('evaluate a model on a labelled file (streamed)')
    .requiredOption('--model <dir>', 'model directory')
    .requiredOption('--label <columns>', "label column(s), in the model's label order (COLUMN=NAME maps a column to a label)")
    .option('--bins <n>', 'score bins of the calibration table (equal widths over 0–1)', '10')
    .option('--json', 'print one JSON object (the calibration bins under "calibration")')
    .action(
      action(async (o: DataOptions & { model: string; label: string; bins: string; json?: boolean }) => {
        const lib = await classifier();
        const m = lib.loadModel(o.model);
        const { columns, names } = labelSpec(o.label);
        const modelNames = m.labelNames;
        let order = columns;
        if (m.task === 'multiclass') {
          if (columns.length !== 1) throw new SaringError('validation_failed', `The model is multi-class: give one label column, not ${columns.length}.`);
        } else {
          if (columns.length !== modelNames.length) {
            throw new SaringError('validation_failed', `The model has ${modelNames.length} label(s) (${modelNames.join(', ')}); --label gives ${columns.length}.`);
          }
          // Columns named like the model's labels (COLUMN=NAME, or the same name) take those places; else the order given.
          if (names.every((n) => modelNames.includes(n)) && new Set(names).size === names.length) {
            order = modelNames.map((n) => columns[names.indexOf(n)]!);
          }
        }
        const rows = lib.fileRows(o.data, { ...readOptions(o), labels: order, ...(m.task === 'multiclass' ? {} : { task: modelNames.length > 1 ? 'multilabel' : 'binary' }) });
        const bins = number(o.bins, '--bins', 2, 100, true)!;
        const calibration = new lib.Calibration(modelNames, bins);
        const metrics = await lib.evaluate(m, rows(), { calibration });
        const table = calibration.result();
        const thresholds = Object.fromEntries(m.meta.labels.map((l) => [l.name, l.threshold]));
        if (o.json) {
          const { labels, ...rest } = metrics;
          const out = {
            labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, { precision: v.precision, recall: v.recall, f1: v.f1, support: v.support, tp: v.tp, fp: v.fp, fn: v.fn, tn: v.tn }])),
            ...rest,
            ...(m.task === 'multiclass' ? {} : { thresholds }),
            calibration: table,
          };
          process.stdout.write(`${JSON.stringify(out)}\n`);
          return;
        }
        process.stdout.write(`${metricsTable(metrics, m.task === 'multiclass' ? undefined : thresholds)}\n${calibrationTable(table, m.task === 'multiclass' ? undefined : thresholds)}\n`);
      }),
    );

  withData(model.command('predict'))
    .description('score every row of a file (streamed, in order); rows are data rows numbered from 1 (the header is not a row; blank JSONL lines are skipped)')
    .requiredOption('--model <dir>', 'model directory')
    .option('--json', 'JSON Lines: {"row": n, "labels": {"<label>": {"score": x, "predicted": 0|1}}} per row')
    .option('--explain', 'add the top contributing features per label ("top")')
    .action(
      action(async (o: DataOptions & { model: string; json?: boolean; explain?: boolean }) => {
        const lib = await classifier();
        const m = lib.loadModel(o.model);
        const names = m.labelNames;
        // `… | head`: a closed pipe ends the command quietly.
        process.stdout.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'EPIPE') process.exit(0);
          throw err;
        });
        const scores = new Float64Array(m.L);
        const decided = new Uint8Array(m.L);
        for await (const r of lib.readDataRows(o.data, readOptions(o))) {
          let out: string;
          if (o.explain) {
            const p = m.predict(r.text, { explain: true });
            out = o.json ? JSON.stringify({ row: r.row, ...p }) : `${r.row}\t${names.map((n) => `${n}=${p.labels[n]!.score.toFixed(4)}${p.labels[n]!.predicted ? '*' : ''}`).join('\t')}\t${(p.top?.[names[0]!] ?? []).map((c) => `${c.feature}(${c.weight})`).join(' ')}`;
          } else {
            m.scoreInto(r.text, scores);
            m.decide(scores, decided);
            if (o.json) {
              let labels = '';
              for (let l = 0; l < m.L; l++) labels += `${l ? ',' : ''}${JSON.stringify(names[l])}:{"score":${Math.round(scores[l]! * 1e6) / 1e6},"predicted":${decided[l]}}`;
              out = `{"row":${r.row},"labels":{${labels}}}`;
            } else {
              out = `${r.row}\t${names.map((n, l) => `${n}=${scores[l]!.toFixed(4)}${decided[l] ? '*' : ''}`).join('\t')}`;
            }
          }
          await write(`${out}\n`);
        }
      }),
    );

  model
    .command('show')
    .description("print a model's metadata")
    .requiredOption('--model <dir>', 'model directory')
    .option('--json', 'print model.json')
    .action(
      action(async (o: { model: string; json?: boolean }) => {
        const lib = await classifier();
        const meta = lib.readModelMeta(o.model);
        process.stdout.write(o.json ? `${JSON.stringify(meta, null, 2)}\n` : `${describe(meta)}\n`);
      }),
    );

  withDataOption(model.command('list'))
    .description('the models registered in the data directory (or DATABASE_URL), newest version first')
    .option('--json')
    .action(
      action(async (o: { data?: string; json?: boolean }) => {
        await withSaring(o, 'model list', async (saring) => {
          const versions = await saring.models.list();
          print(versions, o.json, () =>
            versions
              .map((v) => `${v.active ? '*' : ' '} ${v.name}@v${v.version}  ${v.task}  [${v.labels.join(', ')}]  ${(v.bytes / 1024).toFixed(0)} KiB  ${v.createdAt}  ${v.source ?? ''}${v.note ? `  — ${v.note}` : ''}`)
              .join('\n'),
          );
        });
      }),
    );

  withDataOption(model.command('activate'))
    .description('register a trained model folder as the next version of NAME and make it active (scans use it at once); with --version, re-activate a stored version')
    .argument('<name>', 'the name policies use (e.g. judol)')
    .option('--model <dir>', 'the trained model folder (from `saring model train`)')
    .option('--version <n>', 'a stored version to activate again (rollback)', versionArgument)
    .option('--note <text>')
    .action(
      action(async (name: string, o: { data?: string; model?: string; version?: number; note?: string }) => {
        if (!o.model === (o.version === undefined)) throw new SaringError('validation_failed', 'Give --model DIR or --version N.');
        await withSaring(o, 'model activate', async (saring) => {
          const v = o.model
            ? await saring.models.register(name, resolve(o.model), CLI_ACTOR, { ...(o.note ? { note: o.note } : {}) })
            : await saring.models.activate(name, o.version!, CLI_ACTOR);
          process.stdout.write(`Active model: ${v.name}@v${v.version} [${v.labels.join(', ')}]\n`);
        });
      }),
    );
}
