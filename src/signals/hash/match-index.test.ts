import { describe, expect, it } from 'vitest';
import { SaringError } from '../../errors/errors.js';
import {
  formatHashWords,
  hammingDistance,
  parseHashWords,
  PdqMatchIndex,
  type PdqMatch,
  type PdqQueryStrategy,
  writeHashWords,
} from './match-index.js';

// ---- helpers (independent of the index) ------------------------------------------------------

/** mulberry32: a small seeded generator, so that a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function randomWords(next: () => number, count: number): Uint32Array {
  const w = new Uint32Array(count * 8);
  for (let i = 0; i < w.length; i++) w[i] = next();
  return w;
}

function popcount32(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v = (v & (v - 1)) >>> 0) n++;
  return n;
}

/** Distance by the definition: bits that differ, compared one hex digit at a time. */
function hexDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 64; i++) d += popcount32(parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16));
  return d;
}

/** The 64 hex digits with bit `bit` flipped (bit 0 = the top bit of the first digit). */
function flipHexBits(hex: string, bits: Iterable<number>): string {
  const digits = [...hex].map((c) => parseInt(c, 16));
  for (const bit of bits) digits[bit >>> 2]! ^= 8 >>> (bit & 3);
  return digits.map((d) => d.toString(16)).join('');
}

/**
 * `d` distinct bit positions (bit 0 = the top bit of the first hex digit) laid out in a pattern
 * over a cut of the 256 bits into slots. Multi-index hashing is weakest where the flips leave few
 * slots nearly intact: all packed into one or two slots, or spread evenly so that only one or two
 * slots are within ⌊d / slots⌋ flips. The index cuts the hash into 11 slots (3 × 24 bits, then
 * 8 × 23); the patterns use that cut and the classic 16 × 16 bits as well.
 */
const CUT_16 = Array.from({ length: 16 }, (_, i) => ({ start: 16 * i, width: 16 }));
const CUT_11 = [24, 24, 24, 23, 23, 23, 23, 23, 23, 23, 23].map((width, i, all) => ({
  start: all.slice(0, i).reduce((a, b) => a + b, 0),
  width,
}));
type Kind = 'spread' | 'one-slot' | 'two-slots' | 'round-robin' | 'one-clean-slot';
interface Pattern {
  name: string;
  kind: Kind;
  cut: { start: number; width: number }[];
}
const PATTERNS: Pattern[] = [
  { name: 'spread', kind: 'spread', cut: CUT_16 },
  ...(['one-slot', 'two-slots', 'round-robin', 'one-clean-slot'] as const).flatMap((kind) => [
    { name: `${kind}/16`, kind, cut: CUT_16 },
    { name: `${kind}/11`, kind, cut: CUT_11 },
  ]),
];

function flipPositions(next: () => number, d: number, pattern: Pattern): number[] {
  const { cut, kind } = pattern;
  const chosen = new Set<number>();
  const order = [...cut.keys()];
  for (let i = order.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const used = cut.map(() => 0);
  const inSlot = (k: number): void => {
    const { start, width } = cut[k]!;
    if (used[k]! >= width) throw new Error('slot full');
    let bit: number;
    do bit = start + (next() % width);
    while (chosen.has(bit));
    chosen.add(bit);
    used[k]!++;
  };
  const fill = (k: number, count: number): void => {
    for (let i = 0; i < count; i++) inSlot(k);
  };
  switch (kind) {
    case 'spread':
      while (chosen.size < d) chosen.add(next() % 256);
      break;
    case 'one-slot': // fill one slot, then the next
      for (let i = 0; chosen.size < d; i++) fill(order[i]!, Math.min(cut[order[i]!]!.width, d - chosen.size));
      break;
    case 'two-slots': {
      const [a, b] = [order[0]!, order[1]!];
      fill(a, Math.min(cut[a]!.width, Math.ceil(d / 2)));
      fill(b, Math.min(cut[b]!.width, d - chosen.size));
      for (let i = 2; chosen.size < d; i++) fill(order[i]!, Math.min(cut[order[i]!]!.width, d - chosen.size));
      break;
    }
    case 'round-robin': // 31 over 11 slots: nine with 3 flips, two with 2
      for (let i = 0; i < d; i++) inSlot(order[i % order.length]!);
      break;
    case 'one-clean-slot': // 30 over 11 slots: ten with 3 flips, one exact
      for (let i = 0; i < d; i++) inSlot(order[1 + (i % (order.length - 1))]!);
      break;
  }
  expect(chosen.size).toBe(d);
  return [...chosen];
}

/** Bit count by SWAR (the index uses a lookup table: the oracle does not share its code). */
function swar(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** A brute-force scanner over a fixed list of entries. */
class Oracle {
  private readonly words: Uint32Array;
  private readonly ids: number[];

  constructor(entries: { id: number; hash: string }[] | { ids: Uint32Array; words: Uint32Array }) {
    if (Array.isArray(entries)) {
      this.ids = entries.map((e) => e.id);
      this.words = new Uint32Array(entries.length * 8);
      entries.forEach((e, i) => this.words.set(parseHashWords(e.hash), i * 8));
    } else {
      this.ids = [...entries.ids];
      this.words = entries.words;
    }
  }

  /** Every entry within t of any query, with its best distance and lowest such query index. */
  answer(queries: string[], t: number): PdqMatch[] {
    const best = new Map<number, PdqMatch>();
    queries.forEach((hex, queryIndex) => {
      const q = parseHashWords(hex);
      const W = this.words;
      for (let e = 0, b = 0; e < this.ids.length; e++, b += 8) {
        let d = swar(q[0]! ^ W[b]!) + swar(q[1]! ^ W[b + 1]!) + swar(q[2]! ^ W[b + 2]!);
        if (d > t) continue;
        d += swar(q[3]! ^ W[b + 3]!) + swar(q[4]! ^ W[b + 4]!) + swar(q[5]! ^ W[b + 5]!) + swar(q[6]! ^ W[b + 6]!) + swar(q[7]! ^ W[b + 7]!);
        if (d > t) continue;
        const prev = best.get(e);
        if (!prev || d < prev.distance) best.set(e, { id: this.ids[e]!, distance: d, queryIndex });
      }
    });
    return [...best.values()].sort((a, b) => a.distance - b.distance || a.id - b.id);
  }
}

function hexOf(words: Uint32Array, i: number): string {
  return formatHashWords(words, i * 8);
}

// ---- hex ----------------------------------------------------------------------------------------

describe('parseHashWords', () => {
  it('reads 64 hex digits as 8 words in the order written, either case', () => {
    const hex = '0123456789abcdef'.repeat(4);
    const w = parseHashWords(hex);
    expect([...w.slice(0, 2)]).toEqual([0x01234567, 0x89abcdef]);
    expect(formatHashWords(w)).toBe(hex);
    expect(parseHashWords(hex.toUpperCase())).toEqual(w);
    expect(formatHashWords(parseHashWords('f'.repeat(64)))).toBe('f'.repeat(64));
  });

  it('gives the Hamming distance of the bit strings', () => {
    const next = rng(7);
    for (let i = 0; i < 200; i++) {
      const a = hexOf(randomWords(next, 1), 0);
      const b = hexOf(randomWords(next, 1), 0);
      expect(hammingDistance(parseHashWords(a), parseHashWords(b))).toBe(hexDistance(a, b));
    }
  });

  it.each([
    ['63 digits', 'a'.repeat(63)],
    ['65 digits', 'a'.repeat(65)],
    ['a non-hex digit', `${'a'.repeat(63)}g`],
    ['a 0x prefix', `0x${'a'.repeat(62)}`],
    ['spaces', ` ${'a'.repeat(62)} `],
    ['a non-ASCII digit', `${'a'.repeat(63)}٣`],
    ['the empty string', ''],
  ])('rejects %s with a clear error', (_name, hex) => {
    let err: unknown;
    try {
      parseHashWords(hex);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SaringError);
    expect((err as SaringError).code).toBe('validation_failed');
    expect((err as Error).message).toMatch(/64 hexadecimal characters/);
  });

  it('rejects a value that is not a string', () => {
    expect(() => parseHashWords(42 as unknown as string)).toThrow(/64 hexadecimal characters; got a number/);
  });
});

// ---- exactness against brute force -------------------------------------------------------------

describe('PdqMatchIndex: planted neighbours in 200,000 random hashes', () => {
  const DISTANCES = [0, 1, 15, 16, 17, 21, 22, 30, 31, 32, 33];
  const next = rng(1);
  const N = 200_000;
  const words = randomWords(next, N);
  const ids = new Uint32Array(N);
  for (let i = 0; i < N; i++) ids[i] = 1_000_000 + i * 7;
  // Each query plants one entry at a known distance; nothing else in random data comes within 60.
  const plants: { query: string; id: number; distance: number; pattern: string }[] = [];
  const taken = new Set<number>();
  for (let rep = 0; rep < 35; rep++) {
    for (const pattern of PATTERNS) {
      for (const distance of DISTANCES) {
        const query = hexOf(randomWords(next, 1), 0);
        let at: number;
        do at = next() % N;
        while (taken.has(at));
        taken.add(at);
        words.set(parseHashWords(flipHexBits(query, flipPositions(next, distance, pattern))), at * 8);
        plants.push({ query, id: ids[at]!, distance, pattern: pattern.name });
      }
    }
  }
  const index = new PdqMatchIndex();
  index.load({ ids, hashes: words });

  it('has every entry', () => {
    expect(index.size).toBe(N);
    expect(plants.length).toBe(35 * 9 * 11);
  });

  it.each([31, 30, 22, 21, 16, 15, 0])('returns exactly the planted entries within threshold %i, on 3,465 queries', (t) => {
    const wrong: string[] = [];
    for (const p of plants) {
      const got = index.query([p.query], { threshold: t });
      const want = p.distance <= t ? [{ id: p.id, distance: p.distance, queryIndex: 0 }] : [];
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        wrong.push(`${p.pattern} d=${p.distance}: got ${JSON.stringify(got)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('agrees with a brute-force scan of all 200,000 entries (sample of 70 queries, all distances and patterns)', () => {
    const oracle = new Oracle({ ids, words });
    for (let i = 0; i < plants.length; i += 49) {
      const q = [plants[i]!.query];
      expect(index.query(q)).toEqual(oracle.answer(q, 31));
    }
  });

  it('gives the same answers with the linear strategy', () => {
    for (let i = 0; i < plants.length; i += 37) {
      const q = [plants[i]!.query];
      expect(index.query(q, { strategy: 'linear' })).toEqual(index.query(q, { strategy: 'index' }));
    }
  });
});

describe('PdqMatchIndex: clustered hashes against brute force', () => {
  // 150 clusters of ~130 hashes each at distances 0–45 from the centre, plus 2,000 random ones;
  // queries near the centres see many entries on both sides of the threshold.
  const next = rng(2);
  const entries: { id: number; hash: string }[] = [];
  const centres: string[] = [];
  for (let c = 0; c < 150; c++) {
    const centre = hexOf(randomWords(next, 1), 0);
    centres.push(centre);
    for (let k = 0; k < 130; k++) {
      const d = next() % 46;
      const pattern = PATTERNS[next() % PATTERNS.length]!;
      entries.push({ id: entries.length * 3 + 5, hash: flipHexBits(centre, flipPositions(next, d, pattern)) });
    }
  }
  for (let k = 0; k < 2000; k++) entries.push({ id: entries.length * 3 + 5, hash: hexOf(randomWords(next, 1), 0) });
  const oracle = new Oracle(entries);
  const index = new PdqMatchIndex();
  index.load(entries);
  const queries: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const centre = centres[next() % centres.length]!;
    queries.push(flipHexBits(centre, flipPositions(next, next() % 12, PATTERNS[next() % PATTERNS.length]!)));
  }

  it.each([31, 20, 16, 15, 8, 0])('matches the brute-force answer at threshold %i', (t) => {
    const step = t === 31 ? 1 : 10; // 3,000 queries at the PDQ threshold, 300 at the others
    for (let i = 0; i < queries.length; i += step) {
      expect(index.query([queries[i]!], { threshold: t })).toEqual(oracle.answer([queries[i]!], t));
    }
  });

  it.each([40, 47, 64, 100, 256])('answers thresholds above 31 exactly too (%i)', (t) => {
    for (let i = 0; i < (t <= 64 ? 20 : 4); i++) {
      const q = [queries[i]!];
      const want = oracle.answer(q, t);
      expect(index.query(q, { threshold: t })).toEqual(want);
      expect(index.query(q, { threshold: t, strategy: 'linear' })).toEqual(want);
      // Forcing the bucket visits costs 11 × Σ C(16, ≤ ⌊t/11⌋): 720k at 256.
      if (t <= 100) expect(index.query(q, { threshold: t, strategy: 'index' })).toEqual(want);
    }
  });

  it('answers 8-hash queries with the best distance and the query index that gave it', () => {
    for (let i = 0; i < 150; i++) {
      const q = [hexOf(randomWords(next, 1), 0), queries[i]!, hexOf(randomWords(next, 1), 0), queries[(i + 7) % 3000]!];
      const want = oracle.answer(q, 31);
      for (const strategy of ['index', 'linear', 'auto'] as PdqQueryStrategy[]) {
        expect(index.query(q, { strategy })).toEqual(want);
      }
    }
  });

  it('answers the same for entries added one by one (chained lists) and half loaded, half added', () => {
    const added = new PdqMatchIndex({ autoCompact: false });
    for (const e of entries) added.add(e.id, e.hash);
    expect(added.stats()).toMatchObject({ bulk: 0, added: entries.length });
    const mixed = new PdqMatchIndex({ autoCompact: false });
    mixed.load(entries.filter((_, i) => i % 2 === 0));
    for (const e of entries.filter((_, i) => i % 2 === 1)) mixed.add(e.id, e.hash);
    for (let i = 0; i < 600; i++) {
      const q = [queries[i]!];
      const want = oracle.answer(q, 31);
      expect(added.query(q, { strategy: 'index' })).toEqual(want);
      expect(mixed.query(q, { strategy: 'index' })).toEqual(want);
    }
    for (let i = 0; i < 40; i++) {
      const q = [queries[i]!];
      expect(added.query(q, { threshold: 40, strategy: 'index' })).toEqual(oracle.answer(q, 40));
    }
  });

  it('finds entries that only one slot can find, in crowded buckets', () => {
    // White box: the index's first slot is the first 24 bits; below 4M entries its buckets are
    // keyed by the top 16 of them, and the 8 low bits are compared within a bucket (4 at a time
    // where they must be equal). Three buckets near the query's (0, 1 and 2 of the top 16 bits
    // flipped) each get 320 decoys and 80 targets interleaved; a target also has 3 flips in
    // each of the 10 other slots, so that only the first slot can find it, and 0–2 flips in the
    // low bits, as far as its total stays ≤ 32.
    const next = rng(11);
    const q = parseHashWords(hexOf(randomWords(next, 1), 0));
    const list: { id: number; hash: string }[] = [];
    let targets = 0;
    for (const topFlips of [[], [5], [2, 13]]) {
      let top = q[0]! >>> 16;
      for (const b of topFlips) top ^= 0x8000 >>> b;
      for (let i = 0; i < 400; i++) {
        const id = 100_000 * (topFlips.length + 1) + i;
        if (i % 5 !== 1) {
          const w = randomWords(next, 1);
          w[0] = ((top << 16) | (w[0]! & 0xffff)) >>> 0;
          list.push({ id, hash: hexOf(w, 0) });
          continue;
        }
        const flips = topFlips.slice();
        for (const { start, width } of CUT_11.slice(1)) {
          const inSlot = new Set<number>();
          while (inSlot.size < 3) inSlot.add(start + (next() % width));
          flips.push(...inSlot);
        }
        const lowFlips = next() % (3 - topFlips.length);
        for (const b of [16, 19, 22].slice(0, lowFlips)) flips.push(b + (next() % 2));
        list.push({ id, hash: flipHexBits(formatHashWords(q), flips) });
        targets++;
      }
    }
    const oracle = new Oracle(list);
    const query = [formatHashWords(q)];
    expect(oracle.answer(query, 32)).toHaveLength(targets);
    const loaded = new PdqMatchIndex();
    loaded.load(list);
    const chained = new PdqMatchIndex({ autoCompact: false });
    for (const e of list) chained.add(e.id, e.hash);
    for (const t of [32, 31, 30]) {
      const want = oracle.answer(query, t);
      expect(loaded.query(query, { threshold: t, strategy: 'index' })).toEqual(want);
      expect(chained.query(query, { threshold: t, strategy: 'index' })).toEqual(want);
    }
  });

  it('also with 4-byte bucket entries', () => {
    const wide = new PdqMatchIndex({ wideBuckets: true });
    wide.load(entries);
    for (let i = 0; i < 500; i++) expect(wide.query([queries[i]!])).toEqual(index.query([queries[i]!]));
  });
});

// ---- behaviour ----------------------------------------------------------------------------------

describe('PdqMatchIndex', () => {
  const next = rng(3);
  const randomHex = (): string => hexOf(randomWords(next, 1), 0);

  function loaded(n: number): { index: PdqMatchIndex; entries: { id: number; hash: string }[] } {
    const entries = Array.from({ length: n }, (_, i) => ({ id: i + 1, hash: randomHex() }));
    const index = new PdqMatchIndex();
    index.load(entries);
    return { index, entries };
  }

  it('finds the 8 dihedral variants: the matching variant is the query index', () => {
    const { index } = loaded(5000);
    const variants = Array.from({ length: 8 }, randomHex);
    index.add(900_001, flipHexBits(variants[5]!, [3, 100, 200]));
    index.add(900_002, variants[2]!);
    expect(index.query(variants)).toEqual([
      { id: 900_002, distance: 0, queryIndex: 2 },
      { id: 900_001, distance: 3, queryIndex: 5 },
    ]);
  });

  it('reports the lowest query index when two variants are equally close', () => {
    const index = new PdqMatchIndex();
    const h = randomHex();
    index.add(1, h);
    expect(index.query([randomHex(), flipHexBits(h, [1]), flipHexBits(h, [2]), h, h])).toEqual([
      { id: 1, distance: 0, queryIndex: 3 },
    ]);
  });

  it('returns the same hash under two ids, both, sorted by id', () => {
    const { index } = loaded(1000);
    const h = randomHex();
    index.add(77, h);
    index.add(5, h);
    index.add(6, flipHexBits(h, [0]));
    expect(index.query([h])).toEqual([
      { id: 5, distance: 0, queryIndex: 0 },
      { id: 77, distance: 0, queryIndex: 0 },
      { id: 6, distance: 1, queryIndex: 0 },
    ]);
    expect(index.query([h], { limit: 2 }).map((m) => m.id)).toEqual([5, 77]);
    expect(index.query([h], { threshold: 0 }).map((m) => m.id)).toEqual([5, 77]);
  });

  it('makes added entries matchable at once and removed ones unmatchable, before and after compaction', () => {
    const { index, entries } = loaded(20_000);
    const added = Array.from({ length: 300 }, (_, i) => ({ id: 50_000 + i, hash: randomHex() }));
    for (const a of added) index.add(a.id, a.hash);
    expect(index.size).toBe(20_300);
    const near = (hash: string): string => flipHexBits(hash, [0, 17, 34, 51, 68, 85, 102, 119, 136, 153, 170, 187, 204, 221, 238, 255, 1]);
    for (const a of added.slice(0, 50)) expect(index.query([near(a.hash)])).toEqual([{ id: a.id, distance: 17, queryIndex: 0 }]);

    // Remove some loaded and some added entries.
    for (const e of entries.slice(0, 100)) expect(index.remove(e.id)).toBe(true);
    for (const a of added.slice(0, 100)) expect(index.remove(a.id)).toBe(true);
    expect(index.remove(entries[0]!.id)).toBe(false);
    expect(index.remove(123_456_789)).toBe(false);
    expect(index.size).toBe(20_100);
    const check = (): void => {
      for (const e of entries.slice(0, 100)) expect(index.query([e.hash])).toEqual([]);
      for (const a of added.slice(0, 100)) expect(index.query([a.hash])).toEqual([]);
      for (const e of entries.slice(100, 200)) expect(index.query([e.hash])).toEqual([{ id: e.id, distance: 0, queryIndex: 0 }]);
      for (const a of added.slice(100, 200)) expect(index.query([a.hash])).toEqual([{ id: a.id, distance: 0, queryIndex: 0 }]);
    };
    check();
    const before = index.memoryBytes();
    index.compact();
    expect(index.size).toBe(20_100);
    expect(index.memoryBytes()).toBeLessThan(before);
    check();
    // Removal and re-adding after compaction.
    expect(index.remove(added[150]!.id)).toBe(true);
    expect(index.query([added[150]!.hash])).toEqual([]);
    index.add(added[150]!.id, added[150]!.hash);
    expect(index.query([added[150]!.hash])).toEqual([{ id: added[150]!.id, distance: 0, queryIndex: 0 }]);
  });

  it('replaces the hash of an id that is added again', () => {
    const { index, entries } = loaded(2000);
    const target = entries[10]!;
    const fresh = randomHex();
    index.add(target.id, fresh);
    expect(index.size).toBe(2000);
    expect(index.query([target.hash])).toEqual([]);
    expect(index.query([fresh])).toEqual([{ id: target.id, distance: 0, queryIndex: 0 }]);
    const newer = randomHex();
    index.add(target.id, newer); // replaces a tail entry this time
    expect(index.query([fresh])).toEqual([]);
    expect(index.query([newer])).toEqual([{ id: target.id, distance: 0, queryIndex: 0 }]);
    expect(index.size).toBe(2000);
  });

  it('compacts by itself in the background once many entries were added or removed, exact throughout', async () => {
    const index = new PdqMatchIndex({ expectedSize: 70_000, compactionSliceMs: 0 });
    const all: { id: number; hash: string }[] = [];
    const live = new Map<number, { id: number; hash: string }>();
    const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
    let compactions = 0;
    let checkedWhileCompacting = 0;
    let bulk = 0;
    const watch = (): void => {
      if (index.stats().bulk !== bulk) (bulk = index.stats().bulk), compactions++;
    };
    // While a compaction runs, some slot tables are new and some old: answers must not change.
    const check = (): void => {
      const oracle = new Oracle([...live.values()]);
      for (let k = 0; k < 15; k++) {
        const e = all[next() % all.length]!;
        const q = [flipHexBits(e.hash, [5, 6, 7, 70, 140, 200].slice(0, 1 + (k % 6))), randomHex()];
        expect(index.query(q)).toEqual(oracle.answer(q, 31));
      }
      if (index.stats().compacting) checkedWhileCompacting++;
    };
    for (let i = 0; i < 70_000; i++) {
      const e = { id: 4_000_000_000 - i * 11, hash: randomHex() }; // descending: the id table path
      all.push(e);
      live.set(e.id, e);
      index.add(e.id, e.hash);
      if (i % 2500 === 2499) {
        for (let k = 0; k < 3; k++) await turn();
        watch();
        check();
      }
    }
    await index.idle();
    watch();
    expect(compactions).toBeGreaterThan(0);
    expect(index.stats()).toMatchObject({ size: 70_000, compacting: false });
    for (let i = 0; i < 70_000; i += 2) {
      expect(index.remove(all[i]!.id)).toBe(true);
      live.delete(all[i]!.id);
      if (i % 5000 === 4998) {
        // Re-adding under a new id reuses the removed entries' places.
        const again = { id: 7 + i, hash: randomHex() };
        all.push(again);
        live.set(again.id, again);
        index.add(again.id, again.hash);
        for (let k = 0; k < 3; k++) await turn();
        watch();
        check();
      }
    }
    await index.idle();
    watch();
    expect(compactions).toBeGreaterThan(1);
    expect(checkedWhileCompacting).toBeGreaterThan(0);
    expect(index.size).toBe(live.size);
    const { removedPending, added } = index.stats();
    expect(removedPending).toBeLessThan(35_000);
    expect(added).toBeLessThan(70_000);
    check();
    for (const e of all.slice(0, 300)) expect(index.remove(e.id)).toBe(live.has(e.id));
  });

  it('answers the same before, during and after a compaction, with adds and removes in between', async () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => ({ id: i + 1, hash: randomHex() }));
    const index = new PdqMatchIndex({ compactionSliceMs: 0 }); // one step per turn: every mix of old and new tables
    index.load(entries);
    const live = new Map(entries.map((e) => [e.id, e]));
    const removedOnes: string[] = [];
    for (const e of entries.slice(0, 500)) {
      index.remove(e.id);
      live.delete(e.id);
      removedOnes.push(e.hash);
    }
    for (let i = 0; i < 500; i++) {
      const e = { id: 100_000 + i, hash: randomHex() };
      index.add(e.id, e.hash);
      live.set(e.id, e);
    }
    const probes = [...live.values()].filter((_, i) => i % 97 === 0).map((e) => flipHexBits(e.hash, [1, 2, 3, 100, 101, 250]));
    const check = (): void => {
      const oracle = new Oracle([...live.values()]);
      for (const q of probes.slice(0, 40)) expect(index.query([q, removedOnes[0]!])).toEqual(oracle.answer([q, removedOnes[0]!], 31));
    };
    check();
    const done = index.compactInBackground();
    expect(index.stats().compacting).toBe(true);
    let steps = 0;
    while (index.stats().compacting) {
      await new Promise((r) => setImmediate(r));
      steps++;
      if (steps % 3 === 0) {
        // Remove a live one, add a new one (reusing a removed place), mid-compaction.
        const victim = [...live.keys()][steps];
        if (victim !== undefined) {
          index.remove(victim);
          live.delete(victim);
        }
        const e = { id: 200_000 + steps, hash: flipHexBits(probes[steps % probes.length]!, [9, 99]) };
        index.add(e.id, e.hash);
        live.set(e.id, e);
      }
      check();
    }
    await done;
    expect(steps).toBeGreaterThan(2 * 11); // at least extract, count and place per slot
    check();
    expect(index.size).toBe(live.size);
    expect(index.stats().added).toBeGreaterThan(0); // the ones added meanwhile wait for the next compaction
  });

  it('indexes the entries in load() order-independently of their ids', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => ({ id: (i * 2654435761) >>> 0, hash: randomHex() }));
    const index = new PdqMatchIndex();
    index.load(entries);
    for (const e of entries.slice(0, 200)) expect(index.query([e.hash])[0]).toEqual({ id: e.id, distance: 0, queryIndex: 0 });
    expect(index.remove(entries[7]!.id)).toBe(true);
    expect(index.query([entries[7]!.hash])).toEqual([]);
    expect(index.size).toBe(2999);
  });

  it('load() replaces the content; on invalid input it throws and changes nothing', () => {
    const { index, entries } = loaded(500);
    const probe = (): PdqMatch[] => index.query([entries[3]!.hash]);
    expect(probe()).toHaveLength(1);
    expect(() => index.load([{ id: 1, hash: randomHex() }, { id: 1, hash: randomHex() }])).toThrow(/id 1 appears more than once/);
    expect(() => index.load([{ id: 1, hash: 'xyz' }])).toThrow(/entry 0 \(id 1\): a PDQ hash must be exactly 64 hexadecimal/);
    expect(() => index.load([{ id: -1, hash: randomHex() }])).toThrow(/id must be an integer/);
    expect(() => index.load([{ id: 2 ** 32, hash: randomHex() }])).toThrow(/id must be an integer/);
    expect(() => index.load({ ids: new Uint32Array(2), hashes: new Uint32Array(15) })).toThrow(/8 words per id/);
    expect(index.size).toBe(500);
    expect(probe()).toHaveLength(1);

    const h = randomHex();
    index.load({ ids: Uint32Array.of(9), hashes: parseHashWords(h) });
    expect(index.size).toBe(1);
    expect(probe()).toEqual([]);
    expect(index.query([h])).toEqual([{ id: 9, distance: 0, queryIndex: 0 }]);
  });

  it('copies typed arrays unless told to adopt them', () => {
    const h = randomHex();
    const ids = Uint32Array.of(1, 2);
    const hashes = new Uint32Array(16);
    hashes.set(parseHashWords(h));
    const copied = new PdqMatchIndex();
    copied.load({ ids, hashes });
    const adopted = new PdqMatchIndex();
    adopted.load({ ids, hashes }, { adopt: true });
    hashes[0]! ^= 1;
    expect(copied.query([h])).toEqual([{ id: 1, distance: 0, queryIndex: 0 }]);
    expect(adopted.query([h])).toEqual([{ id: 1, distance: 1, queryIndex: 0 }]);
  });

  it('rejects invalid queries and options', () => {
    const { index } = loaded(10);
    const h = randomHex();
    expect(() => index.query([h, 'nope'])).toThrow(/query hash 1: a PDQ hash must be exactly 64 hexadecimal/);
    expect(() => index.query([h], { threshold: 257 })).toThrow(/threshold must be an integer 0–256/);
    expect(() => index.query([h], { threshold: -1 })).toThrow(/threshold/);
    expect(() => index.query([h], { threshold: 1.5 })).toThrow(/threshold/);
    expect(() => index.query([h], { limit: -1 })).toThrow(/limit/);
    expect(() => index.add(-5, h)).toThrow(/id must be an integer/);
    expect(() => index.add(5, h.slice(1))).toThrow(/id 5: a PDQ hash must be exactly 64/);
    expect(index.size).toBe(10);
    expect(() => new PdqMatchIndex({ expectedSize: -1 })).toThrow(/expectedSize/);
  });

  it('clear() empties the index; it fills again from add() or load()', () => {
    const { index, entries } = loaded(3000);
    index.add(99_999, entries[0]!.hash);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.query([entries[0]!.hash])).toEqual([]);
    expect(index.remove(entries[1]!.id)).toBe(false);
    index.add(5, entries[2]!.hash);
    expect(index.query([entries[2]!.hash])).toEqual([{ id: 5, distance: 0, queryIndex: 0 }]);
    index.load(entries.slice(0, 10));
    expect(index.query([entries[2]!.hash])).toEqual([{ id: entries[2]!.id, distance: 0, queryIndex: 0 }]);
  });

  it('writeHashWords parses into a larger array, and names the entry on bad input', () => {
    const h = randomHex();
    const out = new Uint32Array(24);
    writeHashWords(h, out, 8);
    expect(formatHashWords(out, 8)).toBe(h);
    expect(() => writeHashWords('abc', out, 0, 'bank entry 7')).toThrow(/bank entry 7: a PDQ hash must be exactly 64 hexadecimal/);
  });

  it('answers an empty index and an empty query list', () => {
    const index = new PdqMatchIndex();
    expect(index.size).toBe(0);
    expect(index.query([randomHex()])).toEqual([]);
    index.add(1, randomHex());
    expect(index.query([])).toEqual([]);
    expect(index.query([randomHex()], { limit: 0 })).toEqual([]);
    expect(index.memoryBytes()).toBeGreaterThan(0);
  });
});
