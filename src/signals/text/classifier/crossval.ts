/** k-fold cross-validation over unique texts (folds by the seeded text key, as the holdout). */
import type { Metrics } from './model.js';
import { replayable, trainClassifier, type RowSource, type TrainOptions } from './train.js';

export interface CrossValidation {
  k: number;
  seed: number;
  folds: Metrics[];
  /** Per label: mean and standard deviation over folds. */
  labels: Record<string, { precision: { mean: number; sd: number }; recall: { mean: number; sd: number }; f1: { mean: number; sd: number }; support: number }>;
  macroF1: { mean: number; sd: number };
  /** Pooled over folds (every unique text is in exactly one holdout). */
  pooled: Record<string, { precision: number; recall: number; f1: number; support: number }>;
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;

function stats(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean: r4(mean), sd: r4(sd) };
}

export async function crossValidate(source: RowSource, k: number, options: TrainOptions = {}, onFold?: (fold: number, m: Metrics) => void): Promise<CrossValidation> {
  const open = await replayable(source);
  const folds: Metrics[] = [];
  for (let i = 0; i < k; i++) {
    const { holdout: _h, fold: _f, ...rest } = options;
    const model = await trainClassifier(open, { ...rest, fold: { k, index: i } });
    const m = model.meta.training!.holdoutMetrics!;
    folds.push(m);
    onFold?.(i, m);
  }
  const names = Object.keys(folds[0]!.labels);
  const labels: CrossValidation['labels'] = {};
  const pooled: CrossValidation['pooled'] = {};
  for (const n of names) {
    const ms = folds.map((f) => f.labels[n]!);
    labels[n] = { precision: stats(ms.map((m) => m.precision)), recall: stats(ms.map((m) => m.recall)), f1: stats(ms.map((m) => m.f1)), support: ms.reduce((a, m) => a + m.support, 0) };
    const tp = ms.reduce((a, m) => a + m.tp, 0);
    const fp = ms.reduce((a, m) => a + m.fp, 0);
    const fn = ms.reduce((a, m) => a + m.fn, 0);
    const p = tp + fp > 0 ? tp / (tp + fp) : 0;
    const r = tp + fn > 0 ? tp / (tp + fn) : 0;
    pooled[n] = { precision: r4(p), recall: r4(r), f1: r4(p + r > 0 ? (2 * p * r) / (p + r) : 0), support: tp + fn };
  }
  return { k, seed: options.seed ?? 1, folds, labels, macroF1: stats(folds.map((f) => f.macroF1)), pooled };
}
