/**
 * Training: logistic regression on hashed features (`features.ts`), AdaGrad with L2, one
 * sigmoid per label (binary, multi-label) or a softmax (multi-class), deterministic for a seed.
 *
 * How the data is read (memory stays bounded):
 * 1. One pass over the rows: each text is normalised and keyed by a 64-bit hash of its plain
 *    view, so repeated texts (the same spam posted many times, differing only in styling, case,
 *    repeated letters or spacing) count once: the first occurrence is kept and a later one with
 *    other labels is counted as a conflict. The key decides the split — holdout, validation or
 *    training — from a seeded hash, so the same text can never be on two sides. While the
 *    features of the unique texts fit in `cacheBudgetBytes` (default 512 MiB) they are kept.
 * 2. Epochs: from the cache, in a seeded shuffle; or, when the cache overflowed, by reading
 *    the source again for every epoch through a seeded shuffle buffer (`shuffleBuffer` rows).
 *    Memory is then the key table (about 32 bytes per unique text) plus the buffer.
 * 3. Thresholds per label from the validation split (F1, or a precision target), from score
 *    histograms (constant memory); then metrics on validation and holdout.
 *
 * Streaming needs a source that can be read more than once: an array, or a function returning
 * a fresh iterable. A one-shot (async) iterable is first collected into memory.
 */
import { readFileSync } from 'node:fs';
import { SaringError } from '../../../errors/errors.js';
import { normalise } from '../normalise.js';
import { KeyTable } from './dedup.js';
import { DEFAULT_FEATURES, FeatureExtractor, type FeatureConfig } from './features.js';
import { fmix32, key64, unitInterval } from './hash.js';
import { MetricsAccumulator, ScoreHistogram, type ThresholdRule } from './metrics.js';
import { Model, MODEL_FORMAT, MODEL_FORMAT_VERSION, type Metrics, type ModelMeta, type Task, type TrainingInfo } from './model.js';
import { Prng } from './prng.js';

export interface TrainingRow {
  text: string;
  /**
   * 0/1 per label (binary: one value; multi-label: one per label), or — multi-class — the class
   * name as a string. A single string column whose values are all "0"/"1" is binary.
   */
  labels: readonly number[] | string;
  /** Row number for messages (default: the ordinal from 1). */
  row?: number;
}

type AnyIterable<T> = Iterable<T> | AsyncIterable<T>;
export type RowSource = AnyIterable<TrainingRow> | (() => AnyIterable<TrainingRow>);

export interface TrainProgress {
  phase: 'read' | 'train' | 'evaluate';
  epoch?: number;
  epochs?: number;
  /** Which model of how many (inner folds and ensemble members each train one). */
  fit?: number;
  fits?: number;
  rows?: number;
}

export interface TrainOptions {
  /** Default: multi-class for string labels with other values than 0/1, multi-label for several 0/1 values, else binary. */
  task?: Task;
  /** Label names (binary, multi-label); default the sources, else "label" / "label1"…. */
  labelNames?: readonly string[];
  /** Data columns the labels came from (recorded in model.json). */
  labelSources?: readonly string[];
  features?: Partial<FeatureConfig>;
  seed?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Share of unique texts held out for the reported metrics (0–0.9, default 0). */
  holdout?: number;
  /** Share of the remaining unique texts used to choose thresholds (default 0.1). */
  validation?: number;
  /** Cross-validation: fold `index` of `k` (by text key) is the holdout; overrides `holdout`. */
  fold?: { k: number; index: number };
  threshold?: ThresholdRule;
  /**
   * Thresholds from out-of-fold scores: with k ≥ 2 the training texts are split into k inner
   * folds (by text key), k models each score the fold they did not see, and the thresholds that
   * maximise each label's F1 (so macro-F1) on those scores are kept; the model itself is then
   * trained on every non-holdout text (no validation split). 0 (default): a validation split.
   */
  thresholdFolds?: number;
  /**
   * Weights of positive and negative examples per label (per class for multi-class): "none"
   * (default), "balanced" (each class weighs as much in total as the other), or "sqrt" (the
   * square root of the balanced weights: halfway).
   */
  classWeight?: ClassWeight;
  /**
   * Members of an averaged ensemble (default 1): each trains with its own seed on its own
   * seeded nine tenths of the training texts; their weights are averaged. Every member uses the
   * same features, so the average of their logits is one linear model of the same size.
   */
  ensemble?: number;
  /**
   * When `features.hashBits` is not given: the largest hash space (at most 2^20 buckets) whose
   * weights (4 bytes × buckets × labels) fit in this many bytes. Default 10 MiB.
   */
  maxWeightBytes?: number;
  cacheBudgetBytes?: number;
  shuffleBuffer?: number;
  name?: string;
  description?: string;
  data?: TrainingInfo['data'];
  onProgress?: (p: TrainProgress) => void;
}

export type ClassWeight = 'none' | 'balanced' | 'sqrt';

export const DEFAULT_TRAIN = {
  seed: 1,
  epochs: 8,
  learningRate: 0.4,
  l2: 1e-7,
  validation: 0.1,
  thresholdFolds: 0,
  classWeight: 'none' as ClassWeight,
  ensemble: 1,
  maxWeightBytes: 10 * 1024 * 1024,
  cacheBudgetBytes: 512 * 1024 * 1024,
  shuffleBuffer: 1 << 16,
};

/** Share of the training texts each ensemble member sees. */
const BAG_SHARE = 0.9;

const SPLIT_TRAIN = 0;
const SPLIT_VALID = 1;
const SPLIT_HOLDOUT = 2;
const MAX_CLASSES = 1000;

function splitOfKey(hi: number, lo: number, seed: number, holdout: number, validation: number, fold?: { k: number; index: number }): number {
  const u = unitInterval(hi, lo, seed);
  if (fold) {
    if (Math.floor(u * fold.k) === fold.index) return SPLIT_HOLDOUT;
  } else if (u < holdout) return SPLIT_HOLDOUT;
  return unitInterval(hi, lo, (seed + 0x2545f491) | 0) < validation ? SPLIT_VALID : SPLIT_TRAIN;
}

/** The key a text is de-duplicated and split by: a 64-bit hash of its normalised plain view. */
export function textKey(text: string): [number, number] | undefined {
  const k = normalise(text).plain.text.trim();
  return k === '' ? undefined : key64(k);
}

/**
 * Where a text falls for given split options (as `trainClassifier` decides): the same for every
 * text with the same normalised form, so duplicates never straddle a split.
 */
export function textSplit(
  text: string,
  options: Pick<TrainOptions, 'seed' | 'holdout' | 'validation' | 'fold'> = {},
): 'train' | 'validation' | 'holdout' | undefined {
  const key = textKey(text);
  if (!key) return undefined;
  const s = splitOfKey(key[0], key[1], options.seed ?? DEFAULT_TRAIN.seed, options.fold ? 0 : (options.holdout ?? 0), options.validation ?? DEFAULT_TRAIN.validation, options.fold);
  return s === SPLIT_HOLDOUT ? 'holdout' : s === SPLIT_VALID ? 'validation' : 'train';
}

let versionCache: string | undefined;
export function saringVersion(): string {
  if (versionCache) return versionCache;
  try {
    versionCache = (JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    versionCache = 'unknown';
  }
  return versionCache;
}

function isFactory(s: RowSource): s is () => AnyIterable<TrainingRow> {
  return typeof s === 'function';
}

async function* iterate<T>(it: AnyIterable<T>): AsyncGenerator<T> {
  if (Symbol.asyncIterator in it) yield* it as AsyncIterable<T>;
  else yield* it as Iterable<T>;
}

/** A source that can be read again: arrays and factories as they are, anything else collected. */
export async function replayable(source: RowSource): Promise<() => AnyIterable<TrainingRow>> {
  if (isFactory(source)) return source;
  if (Array.isArray(source)) return () => source as readonly TrainingRow[];
  const rows: TrainingRow[] = [];
  for await (const r of iterate(source)) rows.push(r);
  return () => rows;
}

class GrowInt32 {
  a = new Int32Array(1 << 16);
  n = 0;
  push(v: number): void {
    if (this.n >= this.a.length) this.grow(this.n + 1);
    this.a[this.n++] = v;
  }
  pushAll(src: Int32Array, count: number): void {
    if (this.n + count > this.a.length) this.grow(this.n + count);
    this.a.set(src.subarray(0, count), this.n);
    this.n += count;
  }
  private grow(need: number): void {
    let cap = this.a.length * 2;
    while (cap < need) cap *= 2;
    const b = new Int32Array(cap);
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }
}

interface Example {
  buckets: Int32Array;
  count: number;
  /** A 32-bit hash of the text's key: its inner fold and ensemble bags. */
  h: number;
  /** 0/1 per label (multi-class: one-hot). */
  y: Uint8Array;
}

/** Turns a row's labels into a 0/1 vector (for classes: discovery ids, fixed up after the scan). */
class LabelReader {
  mode: 'vector' | 'class' | undefined;
  width = 0;
  readonly classIds = new Map<string, number>();
  readonly classNames: string[] = [];

  /** Returns the class id (class mode) or fills `y` (vector mode). */
  read(r: TrainingRow, rowNo: number, y: Uint8Array | undefined): number {
    const v = r.labels;
    if (typeof v === 'string') {
      if (this.mode === 'vector') throw new SaringError('validation_failed', `Row ${rowNo}: a class name where the other rows have 0/1 label vectors.`);
      this.mode = 'class';
      const name = v.trim();
      if (name === '') throw new SaringError('validation_failed', `Row ${rowNo}: the label is empty.`);
      let id = this.classIds.get(name);
      if (id === undefined) {
        id = this.classNames.length;
        if (id >= MAX_CLASSES) throw new SaringError('validation_failed', `More than ${MAX_CLASSES} distinct label values (row ${rowNo}): is the label column right?`);
        this.classIds.set(name, id);
        this.classNames.push(name);
      }
      return id;
    }
    if (this.mode === 'class') throw new SaringError('validation_failed', `Row ${rowNo}: a label vector where the other rows have class names.`);
    if (this.mode === undefined) {
      this.mode = 'vector';
      this.width = v.length;
      if (this.width === 0) throw new SaringError('validation_failed', `Row ${rowNo}: no labels.`);
    }
    if (v.length !== this.width) throw new SaringError('validation_failed', `Row ${rowNo} has ${v.length} labels; the first row has ${this.width}.`);
    for (let l = 0; l < v.length; l++) {
      const x = v[l];
      if (x !== 0 && x !== 1) throw new SaringError('validation_failed', `Row ${rowNo}: label ${l + 1} is ${String(x)}, not 0 or 1.`);
      if (y) y[l] = x;
    }
    return -1;
  }
}

function hashLabels(y: Uint8Array, L: number, cls: number): number {
  if (cls >= 0) return cls + 1;
  let h = 0x811c9dc5;
  for (let l = 0; l < L; l++) h = Math.imul(h ^ y[l]!, 0x01000193);
  return h | 0;
}

/** A 32-bit hash of a text key for inner folds and ensemble bags (apart from the split's). */
function exampleHash(hi: number, lo: number, seed: number): number {
  return fmix32((fmix32((hi ^ Math.imul(seed, 0x85ebca6b)) >>> 0) ^ lo) >>> 0);
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

function diverged(): SaringError {
  return new SaringError('validation_failed', 'Training diverged (a weight is not a finite number): try a smaller learning rate.');
}

/** Trains a classifier; see the module comment for how data is read. */
export async function trainClassifier(source: RowSource, options: TrainOptions = {}): Promise<Model> {
  const t0 = performance.now();
  const seed = options.seed ?? DEFAULT_TRAIN.seed;
  const epochs = options.epochs ?? DEFAULT_TRAIN.epochs;
  const lr = options.learningRate ?? DEFAULT_TRAIN.learningRate;
  const l2 = options.l2 ?? DEFAULT_TRAIN.l2;
  const holdout = options.fold ? 0 : (options.holdout ?? 0);
  const thresholdFolds = options.thresholdFolds ?? DEFAULT_TRAIN.thresholdFolds;
  const classWeight = options.classWeight ?? DEFAULT_TRAIN.classWeight;
  const ensemble = options.ensemble ?? DEFAULT_TRAIN.ensemble;
  const maxWeightBytes = options.maxWeightBytes ?? DEFAULT_TRAIN.maxWeightBytes;
  // Inner folds choose the thresholds: no validation split is set aside.
  const validation = thresholdFolds >= 2 ? 0 : (options.validation ?? DEFAULT_TRAIN.validation);
  const rule = options.threshold ?? { kind: 'f1' };
  const budget = options.cacheBudgetBytes ?? DEFAULT_TRAIN.cacheBudgetBytes;
  const shuffleSize = Math.max(1, options.shuffleBuffer ?? DEFAULT_TRAIN.shuffleBuffer);
  if (!(holdout >= 0 && holdout <= 0.9)) throw new SaringError('validation_failed', `The holdout share must be between 0 and 0.9, got ${holdout}.`);
  if (!(validation >= 0 && validation <= 0.5)) throw new SaringError('validation_failed', `The validation share must be between 0 and 0.5, got ${validation}.`);
  if (!(Number.isInteger(thresholdFolds) && (thresholdFolds === 0 || (thresholdFolds >= 2 && thresholdFolds <= 20)))) {
    throw new SaringError('validation_failed', `Threshold folds must be 0 (a validation split) or an integer from 2 to 20, got ${thresholdFolds}.`);
  }
  if (!['none', 'balanced', 'sqrt'].includes(classWeight)) throw new SaringError('validation_failed', `Class weights must be none, balanced or sqrt, got ${String(classWeight)}.`);
  if (!(Number.isInteger(ensemble) && ensemble >= 1 && ensemble <= 16)) throw new SaringError('validation_failed', `An ensemble has 1 to 16 members, got ${ensemble}.`);
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > 1000) throw new SaringError('validation_failed', `Epochs must be an integer from 1 to 1000, got ${epochs}.`);
  if (options.fold && !(Number.isInteger(options.fold.k) && options.fold.k >= 2 && options.fold.index >= 0 && options.fold.index < options.fold.k)) {
    throw new SaringError('validation_failed', `Invalid fold ${JSON.stringify(options.fold)}.`);
  }
  const features: FeatureConfig = { ...DEFAULT_FEATURES, ...options.features };
  const autoBits = options.features?.hashBits === undefined;
  let fx = new FeatureExtractor(features);
  const open = await replayable(source);
  const progress = options.onProgress ?? (() => {});

  const splitOf = (hi: number, lo: number): number => splitOfKey(hi, lo, seed, holdout, validation, options.fold);

  // ---- Pass 1: de-duplicate, split, count, cache features.
  progress({ phase: 'read' });
  const table = new KeyTable();
  const labels = new LabelReader();
  let rows = 0;
  let emptyTexts = 0;
  let conflicts = 0;
  let cacheOn = true;
  const cacheFeat = new GrowInt32();
  const cacheStart = new GrowInt32();
  const cacheLab = new GrowInt32(); // class id, or the 0/1 vector packed as bits (≤ 31 labels) — else no cache
  const cacheSplit = new GrowInt32();
  const cacheHash = new GrowInt32();
  const yScratch = new Uint8Array(64);
  let yBuf = yScratch;
  for await (const r of iterate(open())) {
    rows++;
    const rowNo = r.row ?? rows;
    if (typeof r.labels !== 'string' && r.labels.length > yBuf.length) yBuf = new Uint8Array(r.labels.length);
    const cls = labels.read(r, rowNo, yBuf);
    const n = normalise(r.text ?? '');
    const keyText = n.plain.text.trim();
    if (keyText === '') {
      emptyTexts++;
      continue;
    }
    const [hi, lo] = key64(keyText);
    const lh = hashLabels(yBuf, labels.width, cls);
    if (!table.add(hi, lo, rows, lh)) {
      if (table.labelHashOf(hi, lo) !== lh) conflicts++;
      continue;
    }
    if (cacheOn) {
      const count = fx.extractNormalised(n);
      if ((cacheFeat.n + count) * 4 + cacheStart.n * 16 > budget || labels.width > 31) {
        cacheOn = false;
        cacheFeat.a = new Int32Array(0);
        cacheFeat.n = 0;
        cacheStart.a = new Int32Array(0);
        cacheStart.n = 0;
        cacheLab.a = new Int32Array(0);
        cacheLab.n = 0;
        cacheSplit.a = new Int32Array(0);
        cacheSplit.n = 0;
        cacheHash.a = new Int32Array(0);
        cacheHash.n = 0;
        continue;
      }
      cacheStart.push(cacheFeat.n);
      cacheFeat.pushAll(fx.buckets, count);
      let packed = cls;
      if (cls < 0) {
        packed = 0;
        for (let l = 0; l < labels.width; l++) packed |= yBuf[l]! << l;
      }
      cacheLab.push(packed);
      cacheSplit.push(splitOf(hi, lo));
      cacheHash.push(exampleHash(hi, lo, seed));
    }
  }
  if (rows === 0) throw new SaringError('validation_failed', 'The training data has no rows.');
  if (table.size === 0) throw new SaringError('validation_failed', 'Every text in the training data is empty.');
  if (cacheOn) cacheStart.push(cacheFeat.n);

  // ---- The task and label names.
  let task: Task;
  let names: string[];
  let classMap: Int32Array | undefined; // discovery id → final index
  if (labels.mode === 'class') {
    const values = labels.classNames;
    const binary = options.task !== 'multiclass' && values.every((v) => v === '0' || v === '1');
    if (binary) {
      task = 'binary';
      names = [options.labelNames?.[0] ?? options.labelSources?.[0] ?? 'label'];
      classMap = Int32Array.from(values, (v) => (v === '1' ? 1 : 0));
    } else {
      if (options.task && options.task !== 'multiclass') {
        throw new SaringError('validation_failed', `The labels are not all 0 or 1 (e.g. "${values.find((v) => v !== '0' && v !== '1')}"), so the task cannot be ${options.task}.`);
      }
      task = 'multiclass';
      names = [...values].sort();
      classMap = Int32Array.from(values, (v) => names.indexOf(v));
    }
  } else {
    const L = labels.width;
    task = options.task === 'multiclass' ? 'multiclass' : L === 1 ? 'binary' : 'multilabel';
    if (options.task === 'binary' && L !== 1) throw new SaringError('validation_failed', `A binary task needs one label; the rows have ${L}.`);
    names = Array.from({ length: L }, (_, l) => options.labelNames?.[l] ?? options.labelSources?.[l] ?? (L === 1 ? 'label' : `label${l + 1}`));
  }
  const L = names.length;
  if (new Set(names).size !== L) throw new SaringError('validation_failed', `Label names repeat: ${names.join(', ')}.`);

  // ---- The hash space: as large as asked, or (not asked) as fits in maxWeightBytes.
  if (autoBits) {
    let bits = features.hashBits;
    while (bits > 10 && 4 * 2 ** bits * L > maxWeightBytes) bits--;
    if (bits < features.hashBits) {
      // Buckets are the low bits of a hash: the cached ones are narrowed in place.
      features.hashBits = bits;
      fx = new FeatureExtractor(features);
      const mask = (1 << bits) - 1;
      for (let i = 0; i < cacheFeat.n; i++) cacheFeat.a[i] = cacheFeat.a[i]! & mask;
    }
  }

  /** Fills `y` (length L) from a cached/raw label and returns it. */
  const classVec = (cls: number, packed: number, y: Uint8Array): Uint8Array => {
    y.fill(0);
    if (classMap) {
      const c = classMap[cls]!;
      if (task === 'binary') y[0] = c;
      else y[c] = 1;
    } else if (task === 'multiclass') {
      // 0/1 vectors given for a multi-class task: exactly one 1.
      let k = -1;
      for (let l = 0; l < L; l++) if ((packed >> l) & 1) k = k < 0 ? l : -2;
      if (k < 0) throw new SaringError('validation_failed', 'A multi-class task needs exactly one 1 in each label vector.');
      y[k] = 1;
    } else for (let l = 0; l < L; l++) y[l] = (packed >> l) & 1;
    return y;
  };

  // ---- Examples, by split: from the cache, or by reading the source again.
  const unique = table.size;
  /**
   * Examples of one split (or of all, split -1; the callback gets each one's split), optionally
   * only those whose text hash `keep` accepts (inner folds, ensemble bags).
   */
  async function forEach(split: number, shuffle: Prng | undefined, fn: (e: Example, split: number) => void, keep?: (h: number) => boolean): Promise<void> {
    const y = new Uint8Array(L);
    if (cacheOn) {
      const idx: number[] = [];
      for (let i = 0; i < cacheSplit.n; i++) if ((split < 0 || cacheSplit.a[i] === split) && (!keep || keep(cacheHash.a[i]! >>> 0))) idx.push(i);
      if (shuffle) shuffle.shuffle(idx);
      for (const i of idx) {
        const s = cacheStart.a[i]!;
        const e = cacheStart.a[i + 1]!;
        const packed = cacheLab.a[i]!;
        fn({ buckets: cacheFeat.a.subarray(s, e), count: e - s, h: cacheHash.a[i]! >>> 0, y: classVec(packed, packed, y) }, cacheSplit.a[i]!);
      }
      return;
    }
    const buffer: Example[] = [];
    let r = 0;
    const yRow = new Uint8Array(Math.max(labels.width, 1));
    for await (const row of iterate(open())) {
      r++;
      const cls = labels.read(row, row.row ?? r, yRow);
      const n = normalise(row.text ?? '');
      const keyText = n.plain.text.trim();
      if (keyText === '') continue;
      const [hi, lo] = key64(keyText);
      const sp = splitOf(hi, lo);
      if (table.firstRow(hi, lo) !== r || (split >= 0 && sp !== split)) continue;
      const h = exampleHash(hi, lo, seed);
      if (keep && !keep(h)) continue;
      const count = fx.extractNormalised(n);
      let packed = 0;
      if (cls < 0) for (let l = 0; l < labels.width; l++) packed |= yRow[l]! << l;
      const ex: Example = { buckets: fx.buckets.slice(0, count), count, h, y: classVec(cls, packed, new Uint8Array(L)) };
      if (!shuffle) {
        fn(ex, sp);
        continue;
      }
      // (Only training examples are shuffled: one split.)
      if (buffer.length < shuffleSize) buffer.push(ex);
      else {
        const j = shuffle.int(shuffleSize);
        fn(buffer[j]!, split);
        buffer[j] = ex;
      }
    }
    if (shuffle) shuffle.shuffle(buffer);
    for (const ex of buffer) fn(ex, split);
  }

  // ---- Counts per split and class (also: only one class present?).
  const splitCounts = [0, 0, 0];
  const classCounts = new Float64Array(L);
  const trainPos = new Float64Array(L);
  if (cacheOn) {
    const y = new Uint8Array(L);
    for (let i = 0; i < cacheSplit.n; i++) {
      const sp = cacheSplit.a[i]!;
      splitCounts[sp]!++;
      classVec(cacheLab.a[i]!, cacheLab.a[i]!, y);
      for (let l = 0; l < L; l++) {
        classCounts[l] = classCounts[l]! + y[l]!;
        if (sp === SPLIT_TRAIN) trainPos[l] = trainPos[l]! + y[l]!;
      }
    }
  } else {
    await forEach(-1, undefined, (e, sp) => {
      splitCounts[sp]!++;
      for (let l = 0; l < L; l++) {
        classCounts[l] = classCounts[l]! + e.y[l]!;
        if (sp === SPLIT_TRAIN) trainPos[l] = trainPos[l]! + e.y[l]!;
      }
    });
  }
  const countsByName: Record<string, number> = {};
  names.forEach((nm, l) => (countsByName[nm] = classCounts[l]!));
  if (task === 'multiclass') {
    const present = names.filter((_, l) => classCounts[l]! > 0);
    if (present.length < 2) throw new SaringError('validation_failed', `Only one class is present (${present[0] ?? names[0]}): a classifier needs at least two.`);
  } else {
    names.forEach((nm, l) => {
      const src = options.labelSources?.[l] ?? nm;
      if (classCounts[l] === 0) throw new SaringError('validation_failed', `Only one class in label "${src}": every row is 0.`);
      if (classCounts[l] === unique) throw new SaringError('validation_failed', `Only one class in label "${src}": every row is 1.`);
    });
  }
  if (splitCounts[SPLIT_TRAIN] === 0) throw new SaringError('validation_failed', 'No texts are left for training after the holdout and validation splits.');

  // ---- Class weights: gradient multipliers for each label's positives and negatives (multi-class: for each true class).
  const nTrain = splitCounts[SPLIT_TRAIN]!;
  const wPos = new Float64Array(L).fill(1);
  const wNeg = new Float64Array(L).fill(1);
  if (classWeight !== 'none') {
    for (let l = 0; l < L; l++) {
      const pos = Math.max(trainPos[l]!, 1);
      const neg = Math.max(nTrain - trainPos[l]!, 1);
      let a = task === 'multiclass' ? nTrain / (L * pos) : nTrain / (2 * pos);
      let b = task === 'multiclass' ? 1 : nTrain / (2 * neg);
      if (classWeight === 'sqrt') {
        a = Math.sqrt(a);
        b = Math.sqrt(b);
      }
      wPos[l] = a;
      wNeg[l] = b;
    }
  }

  // ---- Fitting: one linear model, or the average of an ensemble's.
  const D = 2 ** features.hashBits;
  const EPS = 1e-6;
  const G = new Float32Array(D * L);
  const innerFolds = thresholdFolds >= 2 && task !== 'multiclass' ? thresholdFolds : 0;
  const fits = (innerFolds + 1) * ensemble;
  let fitNo = 0;
  /** Trains one model into `w`/`bias` on the training examples `keep` accepts (AdaGrad, L2). */
  const fitOne = async (memberSeed: number, keep: ((h: number) => boolean) | undefined, w: Float32Array, bias: Float64Array): Promise<void> => {
    fitNo++;
    w.fill(0);
    G.fill(0);
    const Gb = new Float64Array(L);
    // Start each bias at the (weighted) log-odds of its label among training texts.
    for (let l = 0; l < L; l++) {
      const p = Math.min(Math.max(trainPos[l]! / nTrain, 1e-4), 1 - 1e-4);
      bias[l] = task === 'multiclass' ? Math.log(p) : Math.log((wPos[l]! * p) / (wNeg[l]! * (1 - p)));
    }
    const z = new Float64Array(L);
    const g = new Float64Array(L);
    const step = (e: Example): void => {
      const { buckets, count, y } = e;
      const v = count > 0 ? 1 / Math.sqrt(count) : 0;
      for (let l = 0; l < L; l++) z[l] = 0;
      for (let i = 0; i < count; i++) {
        const base = buckets[i]! * L;
        for (let l = 0; l < L; l++) z[l] = z[l]! + w[base + l]!;
      }
      if (task === 'multiclass') {
        let max = -Infinity;
        let actual = 0;
        for (let l = 0; l < L; l++) {
          z[l] = bias[l]! + z[l]! * v;
          if (z[l]! > max) max = z[l]!;
          if (y[l]) actual = l;
        }
        let sum = 0;
        for (let l = 0; l < L; l++) sum += Math.exp(z[l]! - max);
        const cw = wPos[actual]!;
        for (let l = 0; l < L; l++) g[l] = (Math.exp(z[l]! - max) / sum - y[l]!) * cw;
      } else {
        for (let l = 0; l < L; l++) {
          const s = bias[l]! + z[l]! * v;
          g[l] = (1 / (1 + Math.exp(-s)) - y[l]!) * (y[l] ? wPos[l]! : wNeg[l]!);
        }
      }
      for (let l = 0; l < L; l++) {
        const gl = g[l]!;
        Gb[l] = Gb[l]! + gl * gl;
        bias[l] = bias[l]! - (lr * gl) / Math.sqrt(Gb[l]! + EPS);
      }
      for (let i = 0; i < count; i++) {
        const base = buckets[i]! * L;
        for (let l = 0; l < L; l++) {
          const k = base + l;
          const wk = w[k]!;
          const gi = g[l]! * v + l2 * wk;
          const acc = G[k]! + gi * gi;
          G[k] = acc;
          w[k] = wk - (lr * gi) / Math.sqrt(acc + EPS);
        }
      }
    };
    const rng = new Prng(memberSeed);
    for (let ep = 1; ep <= epochs; ep++) {
      progress({ phase: 'train', epoch: ep, epochs, fit: fitNo, fits });
      await forEach(SPLIT_TRAIN, rng, step, keep);
    }
    for (let l = 0; l < L; l++) if (!Number.isFinite(bias[l]!)) throw diverged();
    for (let i = 0; i < w.length; i++) if (!Number.isFinite(w[i]!)) throw diverged();
  };
  /** The weights of one model, or the average of the ensemble members' (each on its own bag). */
  const fit = async (keep?: (h: number) => boolean): Promise<{ w: Float32Array; bias: Float64Array }> => {
    const w = new Float32Array(D * L);
    const bias = new Float64Array(L);
    if (ensemble === 1) {
      await fitOne(seed, keep, w, bias);
      return { w, bias };
    }
    const wm = new Float32Array(D * L);
    const bm = new Float64Array(L);
    for (let m = 0; m < ensemble; m++) {
      const salt = Math.imul(m + 1, 0x9e3779b1);
      const bag = (h: number): boolean => (!keep || keep(h)) && fmix32((h ^ salt) >>> 0) / 4294967296 < BAG_SHARE;
      await fitOne((seed + Math.imul(m, 0x3c6ef372)) | 0, bag, wm, bm);
      for (let i = 0; i < w.length; i++) w[i] = w[i]! + wm[i]! / ensemble;
      for (let l = 0; l < L; l++) bias[l] = bias[l]! + bm[l]! / ensemble;
    }
    return { w, bias };
  };
  const metaOf = (bias: Float64Array): ModelMeta => ({
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    ...(options.name ? { name: options.name } : {}),
    ...(options.description ? { description: options.description } : {}),
    task,
    labels: names.map((name, l) => ({ name, ...(options.labelSources?.[l] ? { source: options.labelSources[l] } : {}), threshold: 0.5 })),
    features,
    bias: Array.from(bias),
    weights: { file: 'weights.bin', dtype: 'float32', buckets: D, labels: L, sha256: '', bytes: D * L * 4 },
  });

  // ---- Thresholds from inner folds: each fold scored by a model that did not see it.
  const thresholds = names.map(() => 0.5);
  let outOfFold: TrainingInfo['outOfFold'];
  const scores = new Float64Array(L);
  const decided = new Uint8Array(L);
  if (innerFolds > 0) {
    const hist = new ScoreHistogram(L);
    const innerOf = (h: number): number => Math.floor((fmix32((h ^ 0x68e31da4) >>> 0) / 4294967296) * innerFolds);
    for (let j = 0; j < innerFolds; j++) {
      const part = await fit((h) => innerOf(h) !== j);
      const inner = new Model(metaOf(part.bias), part.w);
      await forEach(
        SPLIT_TRAIN,
        undefined,
        (e) => {
          const s = inner.scoreBuckets(e.buckets, e.count, scores);
          for (let l = 0; l < L; l++) hist.add(l, s[l]!, e.y[l] === 1);
        },
        (h) => innerOf(h) === j,
      );
    }
    outOfFold = { folds: innerFolds, labels: {} };
    for (let l = 0; l < L; l++) {
      const c = hist.choose(l, rule);
      thresholds[l] = Math.round(c.threshold * 1e6) / 1e6;
      outOfFold.labels[names[l]!] = { threshold: thresholds[l]!, precision: round4(c.precision), recall: round4(c.recall), f1: round4(c.f1) };
    }
  }

  // ---- The model: every training text.
  const { w, bias } = await fit();

  // ---- Thresholds (validation) and metrics.
  progress({ phase: 'evaluate' });
  const meta = metaOf(bias);
  let model = new Model(meta, w);
  const scoreExample = (e: Example): Float64Array => model.scoreBuckets(e.buckets, e.count, scores);
  if (innerFolds === 0 && splitCounts[SPLIT_VALID]! > 0 && task !== 'multiclass') {
    const hist = new ScoreHistogram(L);
    await forEach(SPLIT_VALID, undefined, (e) => {
      const s = scoreExample(e);
      for (let l = 0; l < L; l++) hist.add(l, s[l]!, e.y[l] === 1);
    });
    for (let l = 0; l < L; l++) thresholds[l] = Math.round(hist.choose(l, rule).threshold * 1e6) / 1e6;
  }
  meta.labels.forEach((lab, l) => (lab.threshold = task === 'multiclass' ? 0 : thresholds[l]!));
  model = new Model(meta, w);
  const measure = async (split: number): Promise<Metrics | undefined> => {
    if (splitCounts[split] === 0) return undefined;
    const acc = new MetricsAccumulator(names, task);
    await forEach(split, undefined, (e) => {
      const s = scoreExample(e);
      acc.add(e.y, model.decide(s, decided));
    });
    return acc.result();
  };
  const validationMetrics = await measure(SPLIT_VALID);
  const holdoutMetrics = await measure(SPLIT_HOLDOUT);
  const training: TrainingInfo = {
    ...(options.data ? { data: options.data } : {}),
    rows,
    uniqueRows: unique,
    duplicatesRemoved: rows - emptyTexts - unique,
    conflictingLabels: conflicts,
    emptyTexts,
    split: {
      train: splitCounts[SPLIT_TRAIN]!,
      validation: splitCounts[SPLIT_VALID]!,
      holdout: splitCounts[SPLIT_HOLDOUT]!,
      holdoutFraction: options.fold ? 1 / options.fold.k : holdout,
      validationFraction: validation,
      ...(options.fold ? { fold: options.fold } : {}),
    },
    classCounts: countsByName,
    seed,
    epochs,
    learningRate: lr,
    l2,
    thresholdRule: `${rule.kind === 'f1' ? 'max F1' : `precision ≥ ${rule.target}`} on ${innerFolds > 0 ? `${innerFolds} inner folds (out-of-fold scores)` : 'validation'}`,
    classWeight,
    ensemble,
    ...(innerFolds > 0 ? { thresholdFolds: innerFolds } : {}),
    ...(outOfFold ? { outOfFold } : {}),
    ...(validationMetrics ? { validationMetrics } : {}),
    ...(holdoutMetrics ? { holdoutMetrics } : {}),
    date: new Date().toISOString(),
    saringVersion: saringVersion(),
    trainingSeconds: Math.round((performance.now() - t0) / 10) / 100,
    mode: cacheOn ? 'memory' : 'stream',
  };
  meta.training = training;
  return new Model(meta, w);
}
