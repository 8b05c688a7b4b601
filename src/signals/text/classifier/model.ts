/**
 * A trained linear classifier: hashed features (`features.ts`) × a weight matrix, sigmoid per
 * label (binary, multi-label: one-vs-rest) or softmax over classes (multi-class).
 *
 * On disk a model is a directory with `model.json` (labels, thresholds, feature configuration,
 * training metadata) and `weights.bin` (little-endian float32, bucket-major: the weights of
 * bucket b for labels 0…L-1 are at b·L … b·L+L-1; biases are in model.json). `model.json`
 * records the SHA-256 of `weights.bin`; loading checks it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaringError } from '../../../errors/errors.js';
import type { NormalisedText } from '../normalise.js';
import { codePointOffset, DEFAULT_FEATURES, FeatureExtractor, type FeatureConfig, type FeatureKind } from './features.js';

export type Task = 'binary' | 'multilabel' | 'multiclass';

export const MODEL_FORMAT = 'saring-linear-classifier';
export const MODEL_FORMAT_VERSION = 1;
export const WEIGHTS_FILE = 'weights.bin';

export interface LabelInfo {
  name: string;
  /** Data column the label came from (binary, multi-label) — for multi-class, the class value. */
  source?: string;
  /** Score at or above which the label is predicted (sigmoid tasks; for multi-class the arg-max wins). */
  threshold: number;
}

export interface LabelMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Metrics {
  rows: number;
  labels: Record<string, LabelMetrics>;
  macroF1: number;
  microPrecision: number;
  microRecall: number;
  microF1: number;
  /** Multi-class only: accuracy and confusion[actual][predicted] in label order. */
  accuracy?: number;
  confusion?: number[][];
}

export interface TrainingInfo {
  data?: { file?: string; sha256?: string; bytes?: number; format?: string; encoding?: string; textColumn?: string; labelColumns?: string[] };
  rows: number;
  uniqueRows: number;
  duplicatesRemoved: number;
  conflictingLabels: number;
  emptyTexts: number;
  split: { train: number; validation: number; holdout: number; holdoutFraction: number; validationFraction: number; fold?: { k: number; index: number } };
  classCounts: Record<string, number>;
  seed: number;
  epochs: number;
  learningRate: number;
  l2: number;
  thresholdRule: string;
  /** Class weighting used ("none" when absent: models trained before the option). */
  classWeight?: string;
  /** Members of the averaged ensemble (1 when absent). */
  ensemble?: number;
  /** Inner folds the thresholds were chosen on (absent: a validation split). */
  thresholdFolds?: number;
  /** With inner folds: each label's threshold and the out-of-fold precision, recall and F1 there. */
  outOfFold?: { folds: number; labels: Record<string, { threshold: number; precision: number; recall: number; f1: number }> };
  validationMetrics?: Metrics;
  holdoutMetrics?: Metrics;
  crossValidation?: unknown;
  date: string;
  saringVersion: string;
  trainingSeconds: number;
  mode: 'memory' | 'stream';
}

export interface ModelMeta {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  name?: string;
  description?: string;
  task: Task;
  labels: LabelInfo[];
  features: FeatureConfig;
  bias: number[];
  weights: { file: string; dtype: 'float32'; buckets: number; labels: number; sha256: string; bytes: number };
  training?: TrainingInfo;
  [extra: string]: unknown;
}

export interface Contribution {
  /** The token (normalised), bigram, symbol or flag. */
  feature: string;
  kind: FeatureKind | 'token';
  /** Contribution to the label's logit (weight × value × occurrences). */
  weight: number;
  /** Code point range of the original text (as in scan evidence). */
  start: number;
  end: number;
}

export interface LabelPrediction {
  score: number;
  predicted: 0 | 1;
}

export interface Prediction {
  labels: Record<string, LabelPrediction>;
  /** With `explain`: for each label, the 5 features that moved its score most (signed). */
  top?: Record<string, Contribution[]>;
}

export interface PredictOptions {
  explain?: boolean;
  /** How many contributions per label with `explain` (default 5). */
  topK?: number;
}

/** The logistic function; never NaN and never outside 0..1 (a NaN logit scores 0: no evidence). */
export function sigmoid(z: number): number {
  if (z >= 0) return z === Infinity ? 1 : 1 / (1 + Math.exp(-z));
  if (z < 0) {
    const e = Math.exp(z);
    return e / (1 + e);
  }
  return 0;
}

/** A score kept in 0..1 whatever arithmetic produced it (NaN → 0). */
function unit(x: number): number {
  return x >= 0 ? (x <= 1 ? x : 1) : 0;
}

export class Model {
  readonly meta: ModelMeta;
  readonly weights: Float32Array;
  readonly bias: Float64Array;
  readonly extractor: FeatureExtractor;
  readonly L: number;
  private readonly logits: Float64Array;
  private readonly thresholds: Float64Array;
  private readonly names: string[];

  constructor(meta: ModelMeta, weights: Float32Array) {
    const L = meta.labels.length;
    const buckets = 2 ** meta.features.hashBits;
    if (weights.length !== buckets * L) {
      throw new SaringError('validation_failed', `The model weights have ${weights.length} values; ${buckets} buckets × ${L} labels expected.`);
    }
    for (let i = 0; i < weights.length; i++) {
      if (!Number.isFinite(weights[i]!)) throw new SaringError('validation_failed', `The model weights hold a value that is not a finite number (at ${i}).`);
    }
    if (meta.bias.length !== L || !meta.bias.every((b) => typeof b === 'number' && Number.isFinite(b))) {
      throw new SaringError('validation_failed', 'The model biases are not one finite number per label.');
    }
    if (!meta.labels.every((l) => typeof l.threshold === 'number' && l.threshold >= 0 && l.threshold <= 1)) {
      throw new SaringError('validation_failed', 'A model threshold is not a number from 0 to 1.');
    }
    this.meta = meta;
    this.weights = weights;
    this.L = L;
    this.bias = Float64Array.from(meta.bias);
    this.extractor = new FeatureExtractor(meta.features);
    this.logits = new Float64Array(L);
    this.thresholds = Float64Array.from(meta.labels.map((l) => l.threshold));
    this.names = meta.labels.map((l) => l.name);
  }

  get task(): Task {
    return this.meta.task;
  }

  get labelNames(): readonly string[] {
    return this.names;
  }

  /** Logits of hashed features into `this.logits`. */
  private logitsOf(buckets: Int32Array, count: number): Float64Array {
    const L = this.L;
    const w = this.weights;
    const z = this.logits;
    const v = count > 0 ? 1 / Math.sqrt(count) : 0;
    if (L === 1) {
      let s = 0;
      for (let i = 0; i < count; i++) s += w[buckets[i]!]!;
      z[0] = this.bias[0]! + s * v;
      return z;
    }
    z.fill(0);
    for (let i = 0; i < count; i++) {
      const base = buckets[i]! * L;
      for (let l = 0; l < L; l++) z[l] = z[l]! + w[base + l]!;
    }
    for (let l = 0; l < L; l++) z[l] = this.bias[l]! + z[l]! * v;
    return z;
  }

  /** Scores (probabilities) of hashed features into `out` (length L). */
  scoreBuckets(buckets: Int32Array, count: number, out: Float64Array): Float64Array {
    const z = this.logitsOf(buckets, count);
    const L = this.L;
    if (this.meta.task === 'multiclass') {
      let max = -Infinity;
      for (let l = 0; l < L; l++) if (z[l]! > max) max = z[l]!;
      let sum = 0;
      for (let l = 0; l < L; l++) {
        const e = Number.isFinite(max) ? Math.exp(z[l]! - max) : z[l] === max ? 1 : 0;
        out[l] = e >= 0 ? e : 0;
        sum += out[l]!;
      }
      for (let l = 0; l < L; l++) out[l] = sum > 0 ? unit(out[l]! / sum) : 1 / L;
    } else {
      for (let l = 0; l < L; l++) out[l] = sigmoid(z[l]!);
    }
    return out;
  }

  /** Scores (probabilities) of `text` into `out` (length L); the fast path, no allocation. */
  scoreInto(text: string, out: Float64Array): Float64Array {
    const n = this.extractor.extract(text);
    return this.scoreBuckets(this.extractor.buckets, n, out);
  }

  /** 0/1 decisions for scores: thresholds (sigmoid tasks) or the arg-max (multi-class). */
  decide(scores: Float64Array, out: Uint8Array): Uint8Array {
    const L = this.L;
    if (this.meta.task === 'multiclass') {
      let best = 0;
      for (let l = 1; l < L; l++) if (scores[l]! > scores[best]!) best = l;
      out.fill(0);
      out[best] = 1;
    } else {
      for (let l = 0; l < L; l++) out[l] = scores[l]! >= this.thresholds[l]! ? 1 : 0;
    }
    return out;
  }

  /** `input` may be already normalised (the scan path normalises once for every text signal). */
  predict(input: string | NormalisedText, options: PredictOptions = {}): Prediction {
    let scores: Float64Array;
    if (typeof input === 'string') scores = this.scoreInto(input, new Float64Array(this.L));
    else {
      // Extract before reading the buffer: a text with many features grows (replaces) it.
      const count = this.extractor.extractNormalised(input);
      scores = this.scoreBuckets(this.extractor.buckets, count, new Float64Array(this.L));
    }
    const decided = this.decide(scores, new Uint8Array(this.L));
    const labels: Record<string, LabelPrediction> = {};
    for (let l = 0; l < this.L; l++) labels[this.names[l]!] = { score: scores[l]!, predicted: decided[l] as 0 | 1 };
    if (!options.explain) return { labels };
    return { labels, top: this.explain(input, options.topK ?? 5) };
  }

  /**
   * What moved each label's logit most. Features of one token (its character n-grams, the word,
   * its leetspeak form, its shape) are summed into one entry named by the token's normalised
   * form (𝐆𝐀𝐂𝐎𝐑 → "gacor", kind "token"); bigrams, symbols and the obfuscation flag stay as
   * they are. Sorted by absolute contribution, signed.
   */
  explain(input: string | NormalisedText, topK = 5): Record<string, Contribution[]> {
    const list = this.extractor.explainList(input);
    const text = typeof input === 'string' ? input : input.original;
    const { order, kept, token: tokenOf, bucket } = list;
    const v = kept > 0 ? 1 / Math.sqrt(kept) : 0;
    // A token's features are summed under its word: named by it, placed where it is.
    const tokenName: (string | undefined)[] = [];
    const tokenSpan: number[] = [];
    for (let k = 0; k < kept; k++) {
      const i = order[k]!;
      const token = tokenOf[i]!;
      if (token < 0 || list.kind(i) !== 'word') continue;
      tokenName[token] = list.name(i);
      if (tokenSpan[token] === undefined) tokenSpan[token] = i;
    }
    // Without surrogates a code point offset is the UTF-16 offset.
    let astral = false;
    for (let i = 0; i < text.length && !astral; i++) {
      const c = text.charCodeAt(i);
      astral = c >= 0xd800 && c <= 0xdfff;
    }
    const at = (utf16: number) => (astral ? codePointOffset(text, utf16) : Math.min(utf16, text.length));
    const top: Record<string, Contribution[]> = {};
    for (let l = 0; l < this.L; l++) {
      const merged: Contribution[] = [];
      const byToken: (Contribution | undefined)[] = [];
      const byName = new Map<string, Contribution>();
      for (let k = 0; k < kept; k++) {
        const i = order[k]!;
        const w = this.weights[bucket[i]! * this.L + l]! * v;
        const token = tokenOf[i]!;
        const grouped = token >= 0 && tokenName[token] !== undefined;
        const id = grouped ? '' : `${list.kind(i)}\u0000${list.name(i)}`;
        const seen = grouped ? byToken[token] : byName.get(id);
        if (seen) {
          seen.weight += w;
          continue;
        }
        const span = grouped ? tokenSpan[token]! : i;
        const c: Contribution = {
          feature: grouped ? tokenName[token]! : list.name(i),
          kind: grouped ? 'token' : list.kind(i),
          weight: w,
          start: at(list.start[span]!),
          end: at(list.end[span]!),
        };
        if (grouped) byToken[token] = c;
        else byName.set(id, c);
        merged.push(c);
      }
      top[this.names[l]!] = merged
        .filter((c) => c.weight !== 0)
        .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1))
        .slice(0, topK)
        .map((c) => ({ ...c, weight: Math.round(c.weight * 10000) / 10000 }));
    }
    return top;
  }
}

function sha256(buf: Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}

function weightBytes(w: Float32Array): Buffer {
  // Typed arrays use the platform's byte order; the file is little-endian.
  const buf = Buffer.alloc(w.length * 4);
  for (let i = 0; i < w.length; i++) buf.writeFloatLE(w[i]!, i * 4);
  return buf;
}

/** Writes `model.json` and `weights.bin` into `dir` (created if needed). */
export function saveModel(model: Model, dir: string): ModelMeta {
  mkdirSync(dir, { recursive: true });
  const bytes = weightBytes(model.weights);
  const meta: ModelMeta = {
    ...model.meta,
    weights: { file: WEIGHTS_FILE, dtype: 'float32', buckets: 2 ** model.meta.features.hashBits, labels: model.L, sha256: sha256(bytes), bytes: bytes.length },
  };
  const tmpW = join(dir, `.${WEIGHTS_FILE}.tmp`);
  const tmpM = join(dir, '.model.json.tmp');
  writeFileSync(tmpW, bytes);
  writeFileSync(tmpM, `${JSON.stringify(meta, null, 2)}\n`);
  renameSync(tmpW, join(dir, WEIGHTS_FILE));
  renameSync(tmpM, join(dir, 'model.json'));
  return meta;
}

/** Reads `model.json` only (for `model show`). */
export function readModelMeta(dir: string): ModelMeta {
  const path = join(dir, 'model.json');
  if (!existsSync(path)) throw new SaringError('not_found', `No model in ${dir} (no model.json).`);
  let meta: ModelMeta;
  try {
    meta = JSON.parse(readFileSync(path, 'utf8')) as ModelMeta;
  } catch (err) {
    throw new SaringError('validation_failed', `${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (meta?.format !== MODEL_FORMAT) throw new SaringError('validation_failed', `${path} is not a ${MODEL_FORMAT} model.`);
  if (meta.formatVersion !== MODEL_FORMAT_VERSION) {
    throw new SaringError('validation_failed', `${path} has format version ${String(meta.formatVersion)}; this Saring reads version ${MODEL_FORMAT_VERSION}.`);
  }
  if (!Array.isArray(meta.labels) || meta.labels.length === 0 || !Array.isArray(meta.bias) || meta.bias.length !== meta.labels.length) {
    throw new SaringError('validation_failed', `${path} has no labels or biases that do not match them.`);
  }
  // Options added after a model was trained are off when its file does not name them.
  meta.features = { ...DEFAULT_FEATURES, unique: false, charViews: [], ...meta.features };
  return meta;
}

/** Loads a model directory written by {@link saveModel}; checks the weights' SHA-256. */
export function loadModel(dir: string): Model {
  const meta = readModelMeta(dir);
  const path = join(dir, meta.weights?.file ?? WEIGHTS_FILE);
  if (!existsSync(path)) throw new SaringError('not_found', `The model in ${dir} has no ${meta.weights?.file ?? WEIGHTS_FILE}.`);
  const bytes = readFileSync(path);
  if (meta.weights?.sha256 && sha256(bytes) !== meta.weights.sha256) {
    throw new SaringError('validation_failed', `${path} does not match the SHA-256 in model.json (corrupt or replaced).`);
  }
  if (bytes.length % 4 !== 0) throw new SaringError('validation_failed', `${path} is not a float32 array.`);
  const n = bytes.length / 4;
  const weights = new Float32Array(n);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) {
    new Uint8Array(weights.buffer).set(bytes);
  } else {
    for (let i = 0; i < n; i++) weights[i] = bytes.readFloatLE(i * 4);
  }
  return new Model(meta, weights);
}
