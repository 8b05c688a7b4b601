import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, FeatureExtractor } from './features.js';
import { Calibration } from './metrics.js';
import { Prng } from './prng.js';
import { trainClassifier, type TrainingRow } from './train.js';

const SMALL = { features: { hashBits: 14 }, epochs: 4 };

/** Multi-label rows with a rare label (about 8 %) and some noise, so thresholds matter. */
function rows(n: number, seed: number): TrainingRow[] {
  const rng = new Prng(seed);
  const ham = ['resep', 'rendang', 'cuaca', 'cerah', 'bola', 'macet', 'kucing', 'lagu', 'harga', 'cabai'];
  const judi = ['slot', 'gacor', 'maxwin', 'depo', 'scatter'];
  const pinjol = ['pinjol', 'cair', 'jaminan', 'limit', 'bunga'];
  return Array.from({ length: n }, () => {
    const a = rng.next() < 0.3;
    const b = rng.next() < 0.08;
    const words = [ham[rng.int(10)]!, ham[rng.int(10)]!, String(rng.int(100000))];
    if (a) words.push(judi[rng.int(5)]!);
    if (b) words.push(pinjol[rng.int(5)]!);
    if (rng.next() < 0.1) words.push(judi[rng.int(5)]!, pinjol[rng.int(5)]!); // noise: words without the label
    return { text: words.join(' '), labels: [a ? 1 : 0, b ? 1 : 0] };
  });
}

describe('trainer options', () => {
  it('chooses thresholds on inner folds: every non-holdout text trains, out-of-fold figures are recorded', async () => {
    const data = rows(900, 3);
    const model = await trainClassifier(data, { ...SMALL, holdout: 0.2, thresholdFolds: 4, labelNames: ['judi', 'pinjol'] });
    const t = model.meta.training!;
    expect(t.split.validation).toBe(0);
    expect(t.thresholdFolds).toBe(4);
    expect(t.thresholdRule).toBe('max F1 on 4 inner folds (out-of-fold scores)');
    expect(Object.keys(t.outOfFold!.labels)).toEqual(['judi', 'pinjol']);
    for (const [name, l] of Object.entries(t.outOfFold!.labels)) {
      expect(l.f1).toBeGreaterThan(0.5);
      expect(model.meta.labels.find((x) => x.name === name)!.threshold).toBe(l.threshold);
      expect(l.threshold).toBeGreaterThan(0);
      expect(l.threshold).toBeLessThan(1);
    }
    expect(t.holdoutMetrics!.macroF1).toBeGreaterThan(0.6);
    const again = await trainClassifier(data, { ...SMALL, holdout: 0.2, thresholdFolds: 4, labelNames: ['judi', 'pinjol'] });
    expect(again.meta.labels).toEqual(model.meta.labels);
    expect(Buffer.from(again.weights.buffer).equals(Buffer.from(model.weights.buffer))).toBe(true);
  });

  it('weighs the rare class up with balanced class weights (higher scores on its positives)', async () => {
    const data = rows(900, 4);
    const plain = await trainClassifier(data, { ...SMALL, labelNames: ['judi', 'pinjol'] });
    const weighted = await trainClassifier(data, { ...SMALL, labelNames: ['judi', 'pinjol'], classWeight: 'balanced' });
    expect(weighted.meta.training!.classWeight).toBe('balanced');
    const positives = data.filter((r) => (r.labels as number[])[1] === 1).slice(0, 30);
    const mean = (m: typeof plain) => positives.reduce((a, r) => a + m.predict(r.text).labels['pinjol']!.score, 0) / positives.length;
    expect(mean(weighted)).toBeGreaterThan(mean(plain));
    expect(weighted.meta.bias[1]!).toBeGreaterThan(plain.meta.bias[1]!);
    await expect(trainClassifier(data, { ...SMALL, classWeight: 'heavy' as 'none' })).rejects.toThrow(/Class weights must be/);
  });

  it('averages an ensemble into one model of the same size, deterministically', async () => {
    const data = rows(600, 5);
    const one = await trainClassifier(data, { ...SMALL, labelNames: ['judi', 'pinjol'] });
    const three = await trainClassifier(data, { ...SMALL, labelNames: ['judi', 'pinjol'], ensemble: 3 });
    const again = await trainClassifier(data, { ...SMALL, labelNames: ['judi', 'pinjol'], ensemble: 3 });
    expect(three.weights.length).toBe(one.weights.length);
    expect(three.meta.training!.ensemble).toBe(3);
    expect(Buffer.from(three.weights.buffer).equals(Buffer.from(again.weights.buffer))).toBe(true);
    expect(Buffer.from(three.weights.buffer).equals(Buffer.from(one.weights.buffer))).toBe(false);
    expect(three.predict('slot gacor maxwin').labels['judi']!.predicted).toBe(1);
    await expect(trainClassifier(data, { ...SMALL, ensemble: 0 })).rejects.toThrow(/1 to 16 members/);
    await expect(trainClassifier(data, { ...SMALL, thresholdFolds: 1 })).rejects.toThrow(/Threshold folds/);
  });

  it('fits the hash space to the size limit when it is not given (7 labels: 2^18, under 10 MiB)', async () => {
    const rng = new Prng(6);
    const data: TrainingRow[] = Array.from({ length: 140 }, (_, i) => ({ text: `kata${i % 7} lain ${rng.int(1000)}`, labels: Array.from({ length: 7 }, (_, l) => (i % 7 === l ? 1 : 0)) }));
    const auto = await trainClassifier(data, { epochs: 1, validation: 0 });
    expect(auto.meta.features.hashBits).toBe(18);
    expect(auto.weights.length * 4).toBeLessThanOrEqual(10 * 1024 * 1024);
    const tiny = await trainClassifier(data, { epochs: 1, validation: 0, maxWeightBytes: 7 * 4 * 4096 });
    expect(tiny.meta.features.hashBits).toBe(12);
    // The narrowed buckets are the ones the model computes when it scores.
    const fx = new FeatureExtractor({ ...DEFAULT_FEATURES, hashBits: 12 });
    expect(fx.extract('kata3 lain')).toBeGreaterThan(0);
    expect(tiny.predict('kata3 lain').labels['label4']!.score).toBeGreaterThan(tiny.predict('kata3 lain').labels['label1']!.score);
    const asked = await trainClassifier(data, { epochs: 1, validation: 0, features: { hashBits: 20 } });
    expect(asked.meta.features.hashBits).toBe(20);
  });

  it('character n-grams over the leet and base views add features; explain names exactly what extract hashes', () => {
    const plain = new FeatureExtractor(DEFAULT_FEATURES);
    const views = new FeatureExtractor({ ...DEFAULT_FEATURES, charViews: ['leet', 'base'] });
    for (const t of ['g4c0r bgt s l o t 🔥 pulau777', 'gacoooor', '', '   ', 'a', '\ud800x', `halo \ufffc bang`]) {
      const fast = Array.from(views.buckets.subarray(0, views.extract(t))).sort((x, y) => x - y);
      const named = views.explain(t).map((f) => f.bucket).sort((x, y) => x - y);
      expect(named, t).toEqual(fast);
    }
    expect(views.extract('g4c0r')).toBeGreaterThan(plain.extract('g4c0r'));
    // The leet view's n-grams of g4c0r are the plain n-grams of gacor.
    const leet = new FeatureExtractor({ ...DEFAULT_FEATURES, charViews: ['leet'] });
    const gacor = new Set(plain.explain('gacor').filter((f) => f.kind === 'char').map((f) => f.bucket));
    const g4c0r = leet.explain('g4c0r').filter((f) => f.kind === 'char').map((f) => f.bucket);
    expect(new Set(g4c0r.filter((b) => gacor.has(b))).size).toBe(gacor.size);
    expect(() => new FeatureExtractor({ ...DEFAULT_FEATURES, charViews: ['skeleton' as 'leet'] })).toThrow(/Invalid feature configuration/);
  });
});

describe('calibration table', () => {
  it('bins scores per label, highest first, with precision and recall at each lower edge', () => {
    const c = new Calibration(['a'], 10);
    const data: [number, number][] = [
      [0.95, 1],
      [0.91, 1],
      [0.9, 0],
      [0.55, 1],
      [0.5, 0],
      [0.05, 0],
      [0, 0],
      [1, 1],
      [NaN, 1],
    ];
    for (const [s, y] of data) c.add([y], [s]);
    const bins = c.result()['a']!;
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0.9, to: 1, count: 4, positives: 3, precision: 0.75, precisionAtOrAbove: 0.75, recallAtOrAbove: 0.6 });
    expect(bins[4]).toMatchObject({ from: 0.5, count: 2, positives: 1, precision: 0.5, precisionAtOrAbove: 0.666667, recallAtOrAbove: 0.8 });
    expect(bins[1]).toMatchObject({ count: 0, precision: null, precisionAtOrAbove: 0.75 });
    expect(bins[9]).toMatchObject({ from: 0, to: 0.1, count: 3, positives: 1, recallAtOrAbove: 1 });
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(data.length);
    expect(() => new Calibration(['a'], 1)).toThrow(/bins/);
  });
});
