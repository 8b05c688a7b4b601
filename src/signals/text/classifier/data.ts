/** Labelled rows from data files, for training and evaluation, and streaming evaluation. */
import { SaringError } from '../../../errors/errors.js';
import { type Calibration, MetricsAccumulator } from './metrics.js';
import type { Metrics, Model, Task } from './model.js';
import { readDataRows, type ReadOptions } from './reader.js';
import type { TrainingRow } from './train.js';

function parse01(value: string, column: string, row: number, line: number, path: string): number {
  const v = value.trim();
  if (v === '0' || v === '0.0' || v.toLowerCase() === 'false') return 0;
  if (v === '1' || v === '1.0' || v.toLowerCase() === 'true') return 1;
  throw new SaringError(
    'validation_failed',
    `${path}: row ${row} (line ${line}): column "${column}" is ${JSON.stringify(value)}, not 0 or 1.`,
  );
}

export interface LabelledReadOptions extends ReadOptions {
  labels: readonly string[];
  /** Forced task: with "binary" a single column must hold 0/1. */
  task?: Task;
}

/**
 * A re-readable source of training rows from a file: one label column gives its raw value
 * (0/1 → binary, anything else → classes); several columns must each hold 0/1 (multi-label).
 */
export function fileRows(path: string, options: LabelledReadOptions): () => AsyncGenerator<TrainingRow> {
  if (options.labels.length === 0) throw new SaringError('validation_failed', 'Give at least one label column.');
  const multi = options.labels.length > 1;
  const strict = multi || options.task === 'binary' || options.task === 'multilabel';
  return async function* () {
    for await (const r of readDataRows(path, options)) {
      if (!strict) {
        if (r.labels[0]!.trim() === '') {
          throw new SaringError('validation_failed', `${path}: row ${r.row} (line ${r.line}): column "${options.labels[0]}" is empty.`);
        }
        yield { text: r.text, labels: r.labels[0]!, row: r.row };
      } else {
        yield { text: r.text, labels: r.labels.map((v, i) => parse01(v, options.labels[i]!, r.row, r.line, path)), row: r.row };
      }
    }
  };
}

type AnyIterable<T> = Iterable<T> | AsyncIterable<T>;

/**
 * Evaluates a model on rows (streamed: constant memory). Labels: a 0/1 vector in the model's
 * label order, or a string — a class name (multi-class) or "0"/"1" (binary). With a
 * `calibration`, every row's scores are also binned there.
 */
export async function evaluate(model: Model, rows: AnyIterable<TrainingRow>, options: { calibration?: Calibration } = {}): Promise<Metrics> {
  const L = model.L;
  const names = model.labelNames;
  const acc = new MetricsAccumulator(names, model.task);
  const scores = new Float64Array(L);
  const decided = new Uint8Array(L);
  const y = new Uint8Array(L);
  let n = 0;
  const it = Symbol.asyncIterator in rows ? (rows as AsyncIterable<TrainingRow>) : (rows as Iterable<TrainingRow>);
  for await (const r of it) {
    n++;
    const rowNo = r.row ?? n;
    y.fill(0);
    if (typeof r.labels === 'string') {
      const v = r.labels.trim();
      if (model.task === 'multiclass') {
        const k = names.indexOf(v);
        if (k < 0) throw new SaringError('validation_failed', `Row ${rowNo}: class "${v}" is not one the model knows (${names.join(', ')}).`);
        y[k] = 1;
      } else if (L === 1 && (v === '0' || v === '1')) y[0] = v === '1' ? 1 : 0;
      else throw new SaringError('validation_failed', `Row ${rowNo}: label ${JSON.stringify(r.labels)} is not 0 or 1.`);
    } else {
      if (r.labels.length !== L) throw new SaringError('validation_failed', `Row ${rowNo} has ${r.labels.length} labels; the model has ${L} (${names.join(', ')}).`);
      r.labels.forEach((v, l) => {
        if (v !== 0 && v !== 1) throw new SaringError('validation_failed', `Row ${rowNo}: label ${names[l]} is ${String(v)}, not 0 or 1.`);
        y[l] = v;
      });
    }
    model.scoreInto(r.text, scores);
    options.calibration?.add(y, scores);
    acc.add(y, model.decide(scores, decided));
  }
  return acc.result();
}
