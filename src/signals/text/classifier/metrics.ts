/** Streaming evaluation: counts only, so memory stays constant however many rows. */
import type { LabelMetrics, Metrics, Task } from './model.js';

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Accumulates decisions against truth, per label (and a confusion matrix for multi-class). */
export class MetricsAccumulator {
  readonly names: readonly string[];
  readonly task: Task;
  private readonly tp: Float64Array;
  private readonly fp: Float64Array;
  private readonly fn: Float64Array;
  private readonly tn: Float64Array;
  private readonly confusion?: number[][];
  rows = 0;

  constructor(names: readonly string[], task: Task) {
    this.names = names;
    this.task = task;
    const L = names.length;
    this.tp = new Float64Array(L);
    this.fp = new Float64Array(L);
    this.fn = new Float64Array(L);
    this.tn = new Float64Array(L);
    if (task === 'multiclass') this.confusion = names.map(() => names.map(() => 0));
  }

  /** `truth` and `predicted`: 0/1 per label (multi-class: one-hot). */
  add(truth: ArrayLike<number>, predicted: ArrayLike<number>): void {
    this.rows++;
    let actual = -1;
    let guess = -1;
    for (let l = 0; l < this.names.length; l++) {
      const t = truth[l]! > 0;
      const p = predicted[l]! > 0;
      if (t && p) this.tp[l]!++;
      else if (p) this.fp[l]!++;
      else if (t) this.fn[l]!++;
      else this.tn[l]!++;
      if (t) actual = l;
      if (p) guess = l;
    }
    if (this.confusion && actual >= 0 && guess >= 0) this.confusion[actual]![guess]!++;
  }

  result(): Metrics {
    const labels: Record<string, LabelMetrics> = {};
    let sumF1 = 0;
    let TP = 0;
    let FP = 0;
    let FN = 0;
    this.names.forEach((name, l) => {
      const tp = this.tp[l]!;
      const fp = this.fp[l]!;
      const fn = this.fn[l]!;
      const { precision, recall, f1 } = prf(tp, fp, fn);
      labels[name] = { precision: round(precision), recall: round(recall), f1: round(f1), support: tp + fn, tp, fp, fn, tn: this.tn[l]! };
      sumF1 += f1;
      TP += tp;
      FP += fp;
      FN += fn;
    });
    const micro = prf(TP, FP, FN);
    const out: Metrics = {
      rows: this.rows,
      labels,
      macroF1: round(this.names.length > 0 ? sumF1 / this.names.length : 0),
      microPrecision: round(micro.precision),
      microRecall: round(micro.recall),
      microF1: round(micro.f1),
    };
    if (this.confusion) {
      let correct = 0;
      this.confusion.forEach((row, i) => (correct += row[i]!));
      out.accuracy = round(this.rows > 0 ? correct / this.rows : 0);
      out.confusion = this.confusion.map((r) => [...r]);
    }
    return out;
  }
}

/** Logit histogram bounds and resolution for threshold search (constant memory). */
const Z_MIN = -20;
const Z_MAX = 20;
const BINS = 8000;
const BIN_W = (Z_MAX - Z_MIN) / BINS;

export type ThresholdRule = { kind: 'f1' } | { kind: 'precision'; target: number };

/** Per-label histograms of validation scores, by truth, for choosing thresholds. */
export class ScoreHistogram {
  private readonly pos: Float64Array[];
  private readonly neg: Float64Array[];

  constructor(labels: number) {
    this.pos = Array.from({ length: labels }, () => new Float64Array(BINS));
    this.neg = Array.from({ length: labels }, () => new Float64Array(BINS));
  }

  add(label: number, score: number, truth: boolean): void {
    const s = Math.min(Math.max(score, 1e-12), 1 - 1e-12);
    const z = Math.log(s / (1 - s));
    const b = Math.min(BINS - 1, Math.max(0, Math.floor((z - Z_MIN) / BIN_W)));
    (truth ? this.pos : this.neg)[label]![b]!++;
  }

  /**
   * The threshold for a label: the lowest bin edge that maximises F1 (ties: the higher
   * threshold), or with a precision target the lowest edge whose precision reaches it (the
   * best recall at that precision; F1's choice when no edge reaches it).
   */
  choose(label: number, rule: ThresholdRule): { threshold: number; precision: number; recall: number; f1: number } {
    const pos = this.pos[label]!;
    const neg = this.neg[label]!;
    let P = 0;
    for (let b = 0; b < BINS; b++) P += pos[b]!;
    let tp = 0;
    let fp = 0;
    let best = { threshold: 0.5, precision: 0, recall: 0, f1: -1 };
    let bestP: typeof best | undefined;
    for (let b = BINS - 1; b >= 0; b--) {
      tp += pos[b]!;
      fp += neg[b]!;
      if (pos[b]! === 0 && neg[b]! === 0) continue;
      const z = Z_MIN + b * BIN_W;
      const threshold = b === 0 ? 0 : 1 / (1 + Math.exp(-z));
      const m = prf(tp, fp, P - tp);
      if (m.f1 > best.f1) best = { threshold, ...m };
      if (rule.kind === 'precision' && m.precision >= rule.target && tp > 0) bestP = { threshold, ...m };
    }
    if (best.f1 < 0) best.f1 = 0;
    return rule.kind === 'precision' && bestP ? bestP : best;
  }
}

/** One score bin of a label's calibration table. */
export interface CalibrationBin {
  /** Scores in [from, to) (the last bin includes 1). */
  from: number;
  to: number;
  count: number;
  positives: number;
  /** Positives / count in this bin (null when the bin is empty). */
  precision: number | null;
  /** If the threshold were `from`: precision and recall of every text scoring at least `from`. */
  precisionAtOrAbove: number | null;
  recallAtOrAbove: number;
}

/**
 * Scores against truth in equal-width bins per label (constant memory), so an operator can see
 * how precise each band of scores is and what a threshold at each bin's lower edge would give.
 */
export class Calibration {
  readonly names: readonly string[];
  readonly bins: number;
  private readonly count: Float64Array[];
  private readonly pos: Float64Array[];

  constructor(names: readonly string[], bins = 10) {
    if (!Number.isInteger(bins) || bins < 2 || bins > 100) throw new Error(`Calibration bins must be an integer from 2 to 100, got ${bins}.`);
    this.names = names;
    this.bins = bins;
    this.count = names.map(() => new Float64Array(bins));
    this.pos = names.map(() => new Float64Array(bins));
  }

  /** `truth` 0/1 and `scores` 0..1 per label (a score that is not a number counts as 0). */
  add(truth: ArrayLike<number>, scores: ArrayLike<number>): void {
    for (let l = 0; l < this.names.length; l++) {
      const s = scores[l]!;
      const x = s >= 0 ? (s <= 1 ? s : 1) : 0;
      const b = Math.min(this.bins - 1, Math.floor(x * this.bins));
      this.count[l]![b]!++;
      if (truth[l]! > 0) this.pos[l]![b]!++;
    }
  }

  /** Per label, the bins from the highest scores down. */
  result(): Record<string, CalibrationBin[]> {
    const out: Record<string, CalibrationBin[]> = {};
    const r = (x: number) => Math.round(x * 1e6) / 1e6;
    this.names.forEach((name, l) => {
      const count = this.count[l]!;
      const pos = this.pos[l]!;
      let P = 0;
      for (let b = 0; b < this.bins; b++) P += pos[b]!;
      const rows: CalibrationBin[] = [];
      let n = 0;
      let tp = 0;
      for (let b = this.bins - 1; b >= 0; b--) {
        n += count[b]!;
        tp += pos[b]!;
        rows.push({
          from: r(b / this.bins),
          to: r((b + 1) / this.bins),
          count: count[b]!,
          positives: pos[b]!,
          precision: count[b]! > 0 ? r(pos[b]! / count[b]!) : null,
          precisionAtOrAbove: n > 0 ? r(tp / n) : null,
          recallAtOrAbove: P > 0 ? r(tp / P) : 0,
        });
      }
      out[name] = rows;
    });
    return out;
  }
}
