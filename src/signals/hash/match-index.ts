/**
 * In-memory matching index for 256-bit PDQ hashes (Hamming distance), exact for any threshold.
 *
 * Multi-index hashing. The 256 bits are cut into 11 slots (three of 24 bits, then eight of 23). If
 * two hashes are within distance t, their 11 slot distances add up to at most t, so at least one
 * slot differs by at most f = ⌊t/11⌋ bits (pigeonhole); for the PDQ threshold 31 (and 32), f = 2.
 * Each slot has a table of all entries, bucketed by the slot's top D bits (D = 16–18, by size),
 * with the slot's remaining 5–8 "low" bits kept beside each entry. A query visits, per slot, the
 * buckets whose top bits are within f flips of its own (Σ C(D, ≤ 2): 137 for D = 16), scans the
 * low bits there for entries still within f flips in all (four at a time where they must be
 * equal), and checks the full distance of only those, with an early exit.
 *
 * Why not the classic cut (16 slots × 16 bits, one flip each, 272 probes)? At 10 million random
 * hashes it checks ~41,000 candidates per query hash, each a random read of the hashes array;
 * this cut checks ~3,200 after scanning ~70,000 low bytes in place. Measured on the 2-core test
 * machine at 10M: 0.7 ms against 3.2 ms per query hash (p50), 786 against 879 MiB.
 *
 * Memory, all in flat typed arrays (no object per entry):
 * - the entries, by entry number: hashes (8 × uint32), caller ids, a removed bit; the loaded block
 *   as given to load() (adopted or copied), then chunks of 64k entries for those added since;
 * - per slot, a bulk table built by a counting sort: bucket offsets and, per entry, the low bits
 *   (1 byte) and the entry number (3 bytes below 2^24 entries, 4 from there on);
 * - entries added since the tables were built (the "delta"): per slot, chained lists by the top
 *   16 bits (a head per bucket, a link and the low bits per entry), so that an added hash
 *   matches at once;
 * - caller id → entry: binary search over the loaded block while its ids are ascending (as from
 *   ORDER BY id), an open-addressing table for the rest (+ 4–8 bytes per entry there).
 * That is 32 + 4 + 1/8 + 11 × 4 ≈ 80 bytes per entry, plus ~3–12 MB of bucket offsets: 777 MiB
 * at 10M entries.
 *
 * Compaction (merging the delta into the tables, dropping removed entries from them) runs in the
 * background, one slot table at a time, in slices of ~2 ms between turns of the event loop; it
 * starts by itself once the delta passes max(32k, bulk/32) entries or the removals max(32k,
 * bulk/4), or on demand. Entry numbers never change, so the tables not yet rebuilt keep
 * answering beside the new ones, exactly, and each old table is freed as soon as its successor
 * is in place: a compaction needs one table (4 bytes per entry) on top, and no copy of the
 * hashes. Removed entries' places are reused by later adds, except in the id-sorted loaded block
 * (found by binary search), where a removed entry keeps its 36 bytes until the next load(); the
 * tables drop it either way. A load() needs 4 bytes per entry of
 * temporary memory. Measured at 10M entries (bench/hash-index.mjs): under 1 GB peak RSS for the
 * whole process through load, queries, adds, removals and compaction.
 */
import { SaringError } from '../../errors/errors.js';

/** The PDQ threshold this index is built for (Meta's recommended match distance for PDQ). */
export const PDQ_MATCH_THRESHOLD = 31;
/** Uint32 words per 256-bit hash. */
export const PDQ_HASH_WORDS = 8;

const MAX_ID = 0xffff_ffff;
const NO_ENTRY = 0; // id tables store entry + 1
/** Never compact for fewer added or removed entries than this. */
const COMPACT_MIN = 1 << 15;
/** Initial capacity of the delta (entries added since the last build); it doubles as needed. */
const TAIL_START = 1024;

/** Bit count of every 16-bit value. */
const POP16 = (() => {
  const t = new Uint8Array(65536);
  for (let i = 1; i < 65536; i++) t[i] = (i & 1) + t[i >>> 1]!;
  return t;
})();

// ---------------------------------------------------------------------------------------------
// Slots: 11 runs of bits in the order written (bit 0 = top bit of the first hex digit).

const SLOTS = 11;
const SLOT_WIDTH = Uint8Array.of(24, 24, 24, 23, 23, 23, 23, 23, 23, 23, 23);
const SLOT_START = (() => {
  const t = new Uint16Array(SLOTS);
  for (let s = 1; s < SLOTS; s++) t[s] = t[s - 1]! + SLOT_WIDTH[s - 1]!;
  return t;
})();

/** The value of slot `s` (23 or 24 bits) of the hash at words[at..at+8]. */
function slotValue(words: Uint32Array, at: number, s: number): number {
  const start = SLOT_START[s]!;
  const j = start >>> 5;
  const off = start & 31;
  let window = words[at + j]! << off;
  if (off !== 0 && j < 7) window |= words[at + j + 1]! >>> (32 - off);
  return window >>> (32 - SLOT_WIDTH[s]!);
}

/** Bucket bits of the bulk tables: more buckets (smaller, quicker to scan) for larger indexes. */
function directoryBits(count: number): number {
  return count >= 8_000_000 ? 18 : count >= 4_000_000 ? 17 : 16;
}

/** For D bucket bits and f flips: the D-bit masks with at most f bits set, and their bit counts. */
const FLIP_MASKS = new Map<number, { masks: Uint32Array; bits: Uint8Array }>();
function flipMasks(d: number, f: number): { masks: Uint32Array; bits: Uint8Array } {
  const key = d * 64 + Math.min(f, d);
  let m = FLIP_MASKS.get(key);
  if (!m) {
    const masks: number[] = [];
    const bits: number[] = [];
    for (let b = 0; b <= Math.min(f, d); b++) {
      for (let v = 0; v < 1 << d; v++) {
        if (POP16[v & 0xffff]! + POP16[v >>> 16]! === b) {
          masks.push(v);
          bits.push(b);
        }
      }
    }
    m = { masks: Uint32Array.from(masks), bits: Uint8Array.from(bits) };
    FLIP_MASKS.set(key, m);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Hex <-> words

const NIBBLE = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 10; i++) t[48 + i] = i;
  for (let i = 0; i < 6; i++) {
    t[65 + i] = 10 + i;
    t[97 + i] = 10 + i;
  }
  return t;
})();

/** Writes the 8 words of `hex` at out[at..at+8]; false (and out partly written) if it is not 64 hex digits. */
function parseInto(hex: unknown, out: Uint32Array, at: number): boolean {
  if (typeof hex !== 'string' || hex.length !== 64) return false;
  for (let w = 0; w < 8; w++) {
    let v = 0;
    for (let c = w * 8, end = c + 8; c < end; c++) {
      const code = hex.charCodeAt(c);
      const n = code < 128 ? NIBBLE[code]! : -1;
      if (n < 0) return false;
      v = (v << 4) | n;
    }
    out[at + w] = v >>> 0;
  }
  return true;
}

function describe(value: unknown): string {
  if (typeof value !== 'string') return `a ${value === null ? 'null' : typeof value}`;
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return `${JSON.stringify(shown)} (${value.length} characters)`;
}

function invalidHash(value: unknown, where?: string): SaringError {
  return new SaringError(
    'validation_failed',
    `${where ? `${where}: ` : ''}a PDQ hash must be exactly 64 hexadecimal characters; got ${describe(value)}.`,
  );
}

/**
 * The 256 bits of a PDQ hash in hex as 8 uint32 words, in the order written (word 0 = the first 8
 * hex digits). Accepts upper and lower case; anything but exactly 64 hex digits is an error.
 */
export function parseHashWords(hex: string): Uint32Array {
  const out = new Uint32Array(PDQ_HASH_WORDS);
  if (!parseInto(hex, out, 0)) throw invalidHash(hex);
  return out;
}

/**
 * Writes the 8 words of `hex` at out[at..at+8], as parseHashWords reads them; anything but exactly
 * 64 hex digits is an error (`where` says which entry, in the message).
 */
export function writeHashWords(hex: string, out: Uint32Array, at: number, where?: string): void {
  if (!parseInto(hex, out, at)) throw invalidHash(hex, where);
}

/** The inverse of parseHashWords: 64 lower-case hex digits for the 8 words at words[at..at+8]. */
export function formatHashWords(words: Uint32Array, at = 0): string {
  let s = '';
  for (let w = 0; w < 8; w++) s += (words[at + w]! >>> 0).toString(16).padStart(8, '0');
  return s;
}

/** Hamming distance between the hashes at a[ai..ai+8] and b[bi..bi+8]. */
export function hammingDistance(a: Uint32Array, b: Uint32Array, ai = 0, bi = 0): number {
  let d = 0;
  for (let w = 0; w < 8; w++) {
    const x = (a[ai + w]! ^ b[bi + w]!) >>> 0;
    d += POP16[x & 0xffff]! + POP16[x >>> 16]!;
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// Types

export interface PdqMatchIndexOptions {
  /** A hint: entries expected to be added one by one (sizes the arrays for added entries up front). */
  expectedSize?: number;
  /**
   * Start a background compaction (see compactInBackground) once the added entries pass
   * max(32k, 1/32 of the bulk tables) or the removed ones max(32k, 1/4) (default true). Set false
   * to call compact() or compactInBackground() at a time of your choosing instead.
   */
  autoCompact?: boolean;
  /**
   * Longest stretch of background compaction work between two turns of the event loop, in
   * milliseconds (default 2); 0 does one step (a few hundred microseconds at most) per turn.
   */
  compactionSliceMs?: number;
  /**
   * Store entry numbers in the bulk tables as 4 bytes instead of 3 (+ 11 bytes per entry).
   * Always so from 2^24 entries on.
   */
  wideBuckets?: boolean;
}

export type PdqIndexEntries = readonly { id: number; hash: string }[] | { ids: Uint32Array; hashes: Uint32Array };

export interface PdqLoadOptions {
  /**
   * Typed-array input only: keep the caller's arrays instead of copying them (saves 36 bytes per
   * entry at load time). The caller must not change them afterwards.
   */
  adopt?: boolean;
}

export type PdqQueryStrategy = 'auto' | 'index' | 'linear';

export interface PdqQueryOptions {
  /**
   * Largest Hamming distance that matches, an integer 0–256 (default 31). Every threshold is
   * answered exactly. Up to 32 the index visits 137–172 buckets per slot; the work grows
   * quickly above (⌊t/11⌋ flips per slot), and from about 45–55 on (by size) 'auto' scans every
   * entry instead: ≈ 6 ms per million entries per query hash on the 2-core test machine, which
   * blocks the event loop. Callers facing untrusted input should cap the threshold.
   */
  threshold?: number;
  /** At most this many matches, the closest first. */
  limit?: number;
  /** How to search; 'auto' (default) picks by estimated cost. The others are for tests and benchmarks. */
  strategy?: PdqQueryStrategy;
}

export interface PdqMatch {
  /** The caller's id of the matching entry. */
  id: number;
  /** The smallest distance between the entry and any of the query hashes. */
  distance: number;
  /** Which query hash gave that distance (the lowest index on a tie). */
  queryIndex: number;
}

// ---------------------------------------------------------------------------------------------
// Cost model for 'auto', in nanoseconds as measured on the 2-core test machine (only the ratios
// matter): a bucket visit, a low byte scanned, a candidate checked (a random read of 32 bytes,
// cheaper while the hashes fit in the last-level cache), and per entry of a linear scan.

const COST_VISIT = 6;
const COST_SCAN = 1.5;
const COST_CANDIDATE_CACHED = 20;
const COST_CANDIDATE_MISS = 100;
const CACHED_BYTES = 24 << 20;
const COST_LINEAR_ENTRY = 1;
const COST_LINEAR_QUERY = 5;

function isUint32(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_ID;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function sumBinomial(n: number, k: number): number {
  let r = 0;
  for (let i = 0; i <= Math.min(k, n); i++) r += binomial(n, i);
  return r;
}

// ---------------------------------------------------------------------------------------------
// The entry store: hashes, ids and removed flags, by entry number. An entry keeps its number for
// as long as the content lives (load() starts afresh), so that the slot tables can be rebuilt one
// at a time while the others go on answering. A removed entry's number is reused by add(),
// except in the id-sorted prefix from load(), which is found by binary search.

const CHUNK_BITS = 16;
/** Entries per chunk after the loaded block. */
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
/** The first chunk starts this small and doubles up to CHUNK (small indexes stay small). */
const CHUNK_START = 1024;

class Store {
  /** Entries 0..count-1 exist (live or removed). */
  count: number;
  /** Entries 0..baseCount-1 live in the loaded block, the rest in chunks of CHUNK. */
  readonly baseCount: number;
  readonly baseWords: Uint32Array;
  readonly baseIds: Uint32Array;
  readonly chunkWords: Uint32Array[] = [];
  readonly chunkIds: Uint32Array[] = [];
  /** Bit e: entry e is removed. */
  removed: Uint32Array;

  constructor(
    words: Uint32Array,
    ids: Uint32Array,
    /** Whether the loaded block is the index's own (not the caller's, adopted). */
    private readonly ownsBase: boolean,
  ) {
    this.baseWords = words;
    this.baseIds = ids;
    this.baseCount = ids.length;
    this.count = ids.length;
    this.removed = new Uint32Array((ids.length >>> 5) + 1);
  }

  id(e: number): number {
    if (e < this.baseCount) return this.baseIds[e]!;
    const x = e - this.baseCount;
    return this.chunkIds[x >>> CHUNK_BITS]![x & CHUNK_MASK]!;
  }

  isRemoved(e: number): boolean {
    return ((this.removed[e >>> 5]! >>> (e & 31)) & 1) !== 0;
  }

  setRemoved(e: number, on: boolean): void {
    if (on) this.removed[e >>> 5]! |= 1 << (e & 31);
    else this.removed[e >>> 5]! &= ~(1 << (e & 31));
  }

  /** A new entry number at the end (its content is written with write()). */
  append(): number {
    const e = this.count;
    const x = e - this.baseCount;
    const c = x >>> CHUNK_BITS;
    if (c === this.chunkWords.length) {
      const size = c === 0 ? CHUNK_START : CHUNK;
      this.chunkWords.push(new Uint32Array(size * 8));
      this.chunkIds.push(new Uint32Array(size));
    } else if ((x & CHUNK_MASK) === this.chunkIds[c]!.length) {
      const size = this.chunkIds[c]!.length * 2; // only the first chunk starts small
      const w = new Uint32Array(size * 8);
      w.set(this.chunkWords[c]!);
      const i = new Uint32Array(size);
      i.set(this.chunkIds[c]!);
      release(this.chunkWords[c], this.chunkIds[c]);
      this.chunkWords[c] = w;
      this.chunkIds[c] = i;
    }
    if ((e >>> 5) >= this.removed.length) {
      const r = new Uint32Array(this.removed.length * 2);
      r.set(this.removed);
      release(this.removed);
      this.removed = r;
    }
    this.count++;
    return e;
  }

  /** Entry e's hash (8 words from w[at]) and id. */
  write(e: number, w: Uint32Array, at: number, id: number): void {
    if (e < this.baseCount) {
      for (let k = 0; k < 8; k++) this.baseWords[e * 8 + k] = w[at + k]!;
      this.baseIds[e] = id;
    } else {
      const x = e - this.baseCount;
      const words = this.chunkWords[x >>> CHUNK_BITS]!;
      const o = (x & CHUNK_MASK) * 8;
      for (let k = 0; k < 8; k++) words[o + k] = w[at + k]!;
      this.chunkIds[x >>> CHUNK_BITS]![x & CHUNK_MASK] = id;
    }
  }

  /**
   * Calls fn for each run of entries in [from, to) that lie in one array, at most CHUNK long:
   * the array, the word offset of the run's first entry, that entry's number and the run length.
   */
  runs(from: number, to: number, fn: (words: Uint32Array, at: number, e0: number, n: number) => void): void {
    for (let e0 = from; e0 < to; ) {
      let n: number;
      if (e0 < this.baseCount) {
        n = Math.min(CHUNK, this.baseCount - e0, to - e0);
        fn(this.baseWords, e0 * 8, e0, n);
      } else {
        const x = e0 - this.baseCount;
        n = Math.min(CHUNK - (x & CHUNK_MASK), to - e0);
        fn(this.chunkWords[x >>> CHUNK_BITS]!, (x & CHUNK_MASK) * 8, e0, n);
      }
      e0 += n;
    }
  }

  /** Frees what the store owns; it is not used again. */
  release(): void {
    if (this.ownsBase) release(this.baseWords, this.baseIds);
    release(this.removed, ...this.chunkWords, ...this.chunkIds);
  }

  bytes(): number {
    let b = this.baseWords.byteLength + this.baseIds.byteLength + this.removed.byteLength;
    for (let c = 0; c < this.chunkWords.length; c++) b += this.chunkWords[c]!.byteLength + this.chunkIds[c]!.byteLength;
    return b;
  }
}

const EMPTY_STORE = new Store(new Uint32Array(0), new Uint32Array(0), false);

// ---------------------------------------------------------------------------------------------
// Slot tables: per slot, every entry (at the time it was built) bucketed by the slot's top D
// bits, with the remaining low bits beside it.

interface SlotTable {
  dirBits: number;
  /** Entries listed. */
  positions: number;
  /** Bucket b holds positions offsets[b] .. offsets[b + 1] - 1. */
  offsets: Uint32Array;
  /** Per position: the slot's low bits (length rounded up to 4, for the 32-bit view). */
  lows: Uint8Array;
  lows32: Uint32Array;
  /** Per position: the entry number, 3 bytes little-endian (narrow) or 4 (wide). */
  narrow: Uint8Array | null;
  wide: Uint32Array | null;
}

/** A slot value that is not there (a removed entry): above every bucket. */
const NO_VALUE = 0xffff_ffff;
/** Values handled per step of a build from the values (a step is a few hundred microseconds at most). */
const BUILD_STEP = 1 << 18;
/** Entries handled per step of a build from the hashes (scattered writes: slower per entry). */
const WORD_STEP = 1 << 14;
/** Fresh table memory is first written in steps of this many bytes (64 pages). */
const TOUCH_BYTES = 1 << 18;
/** A load scatters into one region of about this many bytes per pass over the values (it stays in the last-level cache). */
const BUILD_REGION = 12 << 20;

/** values[e] = slot s of entry e for the run of n entries from e0 (at word `at` of W), NO_VALUE if removed. */
function extractValues(W: Uint32Array, at: number, e0: number, n: number, s: number, values: Uint32Array, removed: Uint32Array): void {
  const start = SLOT_START[s]!;
  const width = SLOT_WIDTH[s]!;
  const j = start >>> 5;
  const off = start & 31;
  const shift = 32 - width;
  const two = off + width > 32;
  for (let i = 0, a = at + j, e = e0; i < n; i++, a += 8, e++) {
    if ((removed[e >>> 5]! >>> (e & 31)) & 1) values[e] = NO_VALUE;
    else if (two) values[e] = ((W[a]! << off) | (W[a + 1]! >>> (32 - off))) >>> shift;
    else values[e] = (W[a]! << off) >>> shift;
  }
}

function countValues(values: Uint32Array, from: number, to: number, lowBits: number, off: Uint32Array): void {
  for (let e = from; e < to; e++) {
    const v = values[e]!;
    if (v !== NO_VALUE) off[(v >>> lowBits) + 1]!++;
  }
}

/** Places the entries of [from, to) whose bucket is in [bLo, bLo + span). */
function scatterValues(
  values: Uint32Array,
  from: number,
  to: number,
  lowBits: number,
  bLo: number,
  span: number,
  cursor: Uint32Array,
  low: Uint8Array,
  narrow: Uint8Array | null,
  wide: Uint32Array | null,
): void {
  const lowMask = (1 << lowBits) - 1;
  if (narrow) {
    for (let e = from; e < to; e++) {
      const v = values[e]!;
      const b = v >>> lowBits; // NO_VALUE lands above every bucket
      if (((b - bLo) >>> 0) >= span) continue;
      const p = cursor[b]!++;
      low[p] = v & lowMask;
      narrow[3 * p] = e;
      narrow[3 * p + 1] = e >>> 8;
      narrow[3 * p + 2] = e >>> 16;
    }
  } else {
    for (let e = from; e < to; e++) {
      const v = values[e]!;
      const b = v >>> lowBits;
      if (((b - bLo) >>> 0) >= span) continue;
      const p = cursor[b]!++;
      low[p] = v & lowMask;
      wide![p] = e;
    }
  }
}

/** Per-entry slot values (load(): faster, 4 bytes per entry) or none (read from the hashes); a cursor per bucket. */
interface BuildScratch {
  values: Uint32Array | null;
  cursor: Uint32Array;
}

/** Counts per bucket slot s of the run of n entries from e0 (words from W[at]), the removed ones left out. */
function countWords(W: Uint32Array, at: number, e0: number, n: number, s: number, lowBits: number, removed: Uint32Array, off: Uint32Array): void {
  const start = SLOT_START[s]!;
  const width = SLOT_WIDTH[s]!;
  const off32 = start & 31;
  const shift = 32 - width + lowBits;
  const two = off32 + width > 32;
  for (let i = 0, a = at + (start >>> 5), e = e0; i < n; i++, a += 8, e++) {
    if ((removed[e >>> 5]! >>> (e & 31)) & 1) continue;
    const b = two ? ((W[a]! << off32) | (W[a + 1]! >>> (32 - off32))) >>> shift : (W[a]! << off32) >>> shift;
    off[b + 1]!++;
  }
}

/** Places the run of n entries from e0 (words from W[at]) in slot s's table, the removed ones left out. */
function scatterWords(
  W: Uint32Array,
  at: number,
  e0: number,
  n: number,
  s: number,
  lowBits: number,
  removed: Uint32Array,
  cursor: Uint32Array,
  low: Uint8Array,
  narrow: Uint8Array | null,
  wide: Uint32Array | null,
): void {
  const start = SLOT_START[s]!;
  const width = SLOT_WIDTH[s]!;
  const off32 = start & 31;
  const shift = 32 - width;
  const two = off32 + width > 32;
  const lowMask = (1 << lowBits) - 1;
  for (let i = 0, a = at + (start >>> 5), e = e0; i < n; i++, a += 8, e++) {
    if ((removed[e >>> 5]! >>> (e & 31)) & 1) continue;
    const v = two ? ((W[a]! << off32) | (W[a + 1]! >>> (32 - off32))) >>> shift : (W[a]! << off32) >>> shift;
    const p = cursor[v >>> lowBits]!++;
    low[p] = v & lowMask;
    if (narrow) {
      narrow[3 * p] = e;
      narrow[3 * p + 1] = e >>> 8;
      narrow[3 * p + 2] = e >>> 16;
    } else wide![p] = e;
  }
}

/**
 * Builds slot s's table over entries 0..count-1 of the store (those not set in `removed`),
 * yielding between steps of at most CHUNK entries. Counting sort: count per bucket, then place.
 * With scratch.values (load()), the slot values are read once, and placed in one pass over them
 * per region of ~12 MB of output, so that the scattered writes stay in cache. Without (compaction),
 * they are read from the hashes twice, and placed in one pass: no temporary memory at all; the
 * caller keeps entries 0..count-1 and `removed` unchanged until the build is done.
 */
function* buildSlot(
  store: Store,
  s: number,
  count: number,
  dirBits: number,
  wideIds: boolean,
  removed: Uint32Array,
  scratch: BuildScratch,
): Generator<void, SlotTable, void> {
  const values = scratch.values;
  const lowBits = SLOT_WIDTH[s]! - dirBits;
  const buckets = 1 << dirBits;
  const offsets = new Uint32Array(buckets + 1);
  if (values) {
    for (let e0 = 0; e0 < count; ) {
      const end = Math.min(count, e0 + CHUNK);
      store.runs(e0, end, (W, at, first, n) => extractValues(W, at, first, n, s, values, removed));
      e0 = end;
      yield;
    }
    for (let e0 = 0; e0 < count; e0 += BUILD_STEP) {
      countValues(values, e0, Math.min(count, e0 + BUILD_STEP), lowBits, offsets);
      yield;
    }
  } else {
    for (let e0 = 0; e0 < count; ) {
      const end = Math.min(count, e0 + WORD_STEP * 4);
      store.runs(e0, end, (W, at, first, n) => countWords(W, at, first, n, s, lowBits, removed, offsets));
      e0 = end;
      yield;
    }
  }
  for (let b = 1; b <= buckets; b++) offsets[b]! += offsets[b - 1]!;
  const positions = offsets[buckets]!;
  const lows = new Uint8Array((positions + 3) & ~3);
  const narrow = wideIds ? null : new Uint8Array(positions * 3);
  const wide = wideIds ? new Uint32Array(positions) : null;
  // The first write to each page of fresh memory costs a page fault: taken here in steps of
  // 256 KB rather than all at once by the first scattered writes (~10,000 of them at 10M entries).
  for (const a of [lows, narrow ?? wide!]) {
    const step = TOUCH_BYTES / a.BYTES_PER_ELEMENT;
    for (let at = 0; at < a.length; at += step) {
      a.fill(0, at, at + step);
      yield;
    }
  }
  const cursor = scratch.cursor;
  cursor.set(offsets.subarray(0, buckets));
  if (values) {
    const groups = Math.min(buckets, Math.max(1, Math.ceil((positions * (wideIds ? 5 : 4)) / BUILD_REGION)));
    for (let g = 0; g < groups; g++) {
      const bLo = Math.floor((g * buckets) / groups);
      const span = Math.floor(((g + 1) * buckets) / groups) - bLo;
      for (let e0 = 0; e0 < count; e0 += BUILD_STEP) {
        scatterValues(values, e0, Math.min(count, e0 + BUILD_STEP), lowBits, bLo, span, cursor, lows, narrow, wide);
        yield;
      }
    }
  } else {
    for (let e0 = 0; e0 < count; ) {
      const end = Math.min(count, e0 + WORD_STEP);
      store.runs(e0, end, (W, at, first, n) => scatterWords(W, at, first, n, s, lowBits, removed, cursor, lows, narrow, wide));
      e0 = end;
      yield;
    }
  }
  return { dirBits, positions, offsets, lows, lows32: new Uint32Array(lows.buffer, lows.byteOffset, lows.length >>> 2), narrow, wide };
}

/**
 * Frees the memory of arrays the index owns and no longer uses, at once (ArrayBuffer.transfer,
 * Node 21+) instead of whenever the garbage collector gets to them: a compaction replaces eleven
 * tables of 4 bytes per entry one after the other, and waiting for the collector would let them
 * pile up.
 */
function release(...arrays: (ArrayBufferView | null | undefined)[]): void {
  for (const a of arrays) {
    const buffer = a?.buffer as (ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }) | undefined;
    if (buffer && buffer.byteLength > 0 && typeof buffer.transfer === 'function' && !(buffer instanceof SharedArrayBuffer)) buffer.transfer(0);
  }
}

function releaseTable(t: SlotTable | null): void {
  if (t) release(t.offsets, t.lows, t.narrow, t.wide);
}

function tableBytes(t: SlotTable | null): number {
  if (!t) return 0;
  return t.offsets.byteLength + t.lows.byteLength + (t.narrow?.byteLength ?? 0) + (t.wide?.byteLength ?? 0);
}

function runToEnd<T>(gen: Generator<void, T, void>): T {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

// ---------------------------------------------------------------------------------------------
// Entries added since the slot tables' snapshot: per slot, chained lists by the top 16 bits (a
// head per bucket; per entry and slot a link and the low 7–8 bits), so that an added hash
// matches at once.

/** The delta's chains are bucketed by the top 16 bits of each slot. */
const TAIL_BITS = 16;

class Delta {
  count = 0;
  /** Delta position → entry number. */
  entries: Uint32Array;
  /** Per slot and bucket: the newest position there + 1 (0: none). */
  head: Uint32Array | null = null;
  /** Per position and slot: the previous position in the same bucket + 1, and the low bits. */
  next: Uint32Array;
  low: Uint8Array;

  constructor(capacity: number) {
    this.entries = new Uint32Array(capacity);
    this.next = new Uint32Array(capacity * SLOTS);
    this.low = new Uint8Array(capacity * SLOTS);
  }

  push(e: number, w: Uint32Array, at: number): void {
    if (this.count === this.entries.length) {
      const cap = this.entries.length * 2;
      const entries = new Uint32Array(cap);
      entries.set(this.entries);
      const next = new Uint32Array(cap * SLOTS);
      next.set(this.next);
      const low = new Uint8Array(cap * SLOTS);
      low.set(this.low);
      this.release();
      this.entries = entries;
      this.next = next;
      this.low = low;
    }
    const p = this.count++;
    this.entries[p] = e;
    const head = (this.head ??= new Uint32Array(SLOTS << TAIL_BITS));
    for (let s = 0; s < SLOTS; s++) {
      const v = slotValue(w, at, s);
      const lowBits = SLOT_WIDTH[s]! - TAIL_BITS;
      const bucket = (s << TAIL_BITS) | (v >>> lowBits);
      this.next[p * SLOTS + s] = head[bucket]!;
      this.low[p * SLOTS + s] = v & ((1 << lowBits) - 1);
      head[bucket] = p + 1;
    }
  }

  bytes(): number {
    return this.entries.byteLength + this.next.byteLength + this.low.byteLength + (this.head?.byteLength ?? 0);
  }

  release(): void {
    release(this.entries, this.next, this.low);
  }
}

// ---------------------------------------------------------------------------------------------
// Caller id → entry number

/** Open-addressing (linear probing) table: caller id → entry + 1, the ids being the store's. */
class IdTable {
  table: Uint32Array;
  private shift: number;
  private used = 0;

  constructor(expected: number) {
    const bits = Math.max(4, Math.ceil(Math.log2(Math.max(16, expected) / 0.7)));
    this.table = new Uint32Array(2 ** bits);
    this.shift = 32 - bits;
  }

  private slot(id: number): number {
    return Math.imul(id, 0x9e3779b1) >>> this.shift;
  }

  /** The entry for `id`, or -1. */
  find(id: number, store: Store): number {
    const t = this.table;
    const mask = t.length - 1;
    for (let i = this.slot(id); ; i = (i + 1) & mask) {
      const v = t[i]!;
      if (v === NO_ENTRY) return -1;
      if (store.id(v - 1) === id) return v - 1;
    }
  }

  /** Inserts a new id (the caller has checked it is absent). */
  insert(id: number, entry: number, store: Store): void {
    if ((this.used + 1) / this.table.length > 0.75) this.grow(store);
    const t = this.table;
    const mask = t.length - 1;
    let i = this.slot(id);
    while (t[i] !== NO_ENTRY) i = (i + 1) & mask;
    t[i] = entry + 1;
    this.used++;
  }

  /** Removes the id, shifting later members of its run back (no tombstones). */
  delete(id: number, store: Store): void {
    const t = this.table;
    const mask = t.length - 1;
    let i = this.slot(id);
    for (;;) {
      const v = t[i]!;
      if (v === NO_ENTRY) return;
      if (store.id(v - 1) === id) break;
      i = (i + 1) & mask;
    }
    let hole = i;
    for (let j = (hole + 1) & mask; ; j = (j + 1) & mask) {
      const v = t[j]!;
      if (v === NO_ENTRY) break;
      const home = this.slot(store.id(v - 1));
      // v may move back into the hole unless its home lies cyclically in (hole, j].
      if (hole <= j ? home <= hole || home > j : home <= hole && home > j) {
        t[hole] = v;
        hole = j;
      }
    }
    t[hole] = NO_ENTRY;
    this.used--;
  }

  private grow(store: Store): void {
    const old = this.table;
    const bits = 32 - this.shift + 1;
    this.table = new Uint32Array(2 ** bits);
    this.shift = 32 - bits;
    const t = this.table;
    const mask = t.length - 1;
    for (const v of old) {
      if (v === NO_ENTRY) continue;
      let i = this.slot(store.id(v - 1));
      while (t[i] !== NO_ENTRY) i = (i + 1) & mask;
      t[i] = v;
    }
    release(old);
  }
}

function isAscending(ids: Uint32Array): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return false;
  return true;
}

/** Index of `id` in the ascending ids[0..end), or -1. */
function binarySearch(ids: Uint32Array, end: number, id: number): number {
  let lo = 0;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v < id) lo = mid + 1;
    else if (v > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------

/** Longest stretch of compaction work between two turns of the event loop, by default. */
const COMPACT_SLICE_MS = 2;

interface Job {
  gen: Generator<void, void, void>;
  promise: Promise<void>;
  resolve: () => void;
}

/**
 * Exact Hamming-distance index over 256-bit PDQ hashes. See the file comment for the design.
 *
 * @example
 * const index = new PdqMatchIndex();
 * index.load({ ids, hashes }); // from the database at start-up
 * index.add(42, hex); // matchable at once
 * index.query(dihedralVariants); // → [{ id: 42, distance: 3, queryIndex: 0 }]
 */
export class PdqMatchIndex {
  private store: Store = EMPTY_STORE;
  /** Per slot: the bulk table (null before the first build). */
  private tables: (SlotTable | null)[] = new Array<SlotTable | null>(SLOTS).fill(null);
  /** Entries added since the running compaction's snapshot (or the last one). */
  private delta: Delta;
  /** While a compaction runs: the entries added before its snapshot, which not every table lists yet. */
  private frozen: Delta | null = null;
  /** Entries 0..sortedEnd-1 came from load() with ascending ids: found by binary search, never reused. */
  private sortedEnd = 0;
  /** Caller id → entry, for the live entries from sortedEnd on. */
  private idTable: IdTable;
  /** Removed entry numbers from sortedEnd on, for add() to reuse. */
  private free = new Uint32Array(64);
  private freeCount = 0;

  private live = 0;
  /** Removals since the last compaction snapshot, and those the running compaction drops. */
  private removedSince = 0;
  private removedInJob = 0;
  private job: Job | null = null;
  private scratch: BuildScratch | null = null;
  private readonly autoCompact: boolean;
  private readonly wideBuckets: boolean;
  private readonly deltaStart: number;
  private readonly sliceMs: number;
  /** Candidate buffer for queries (positions, then entry numbers). */
  private cand: Uint32Array = new Uint32Array(1 << 14);
  /** A reusable 8-word buffer for add(). */
  private readonly words8 = new Uint32Array(8);

  constructor(options: PdqMatchIndexOptions = {}) {
    const expected = options.expectedSize ?? 0;
    if (!Number.isInteger(expected) || expected < 0) {
      throw new SaringError('validation_failed', 'expectedSize must be a non-negative integer.');
    }
    this.autoCompact = options.autoCompact ?? true;
    this.wideBuckets = options.wideBuckets ?? false;
    this.sliceMs = options.compactionSliceMs ?? COMPACT_SLICE_MS;
    if (!(this.sliceMs >= 0)) throw new SaringError('validation_failed', 'compactionSliceMs must be a non-negative number.');
    this.deltaStart = Math.min(Math.max(TAIL_START, expected), COMPACT_MIN);
    this.delta = new Delta(this.deltaStart);
    this.idTable = new IdTable(this.deltaStart);
  }

  /** Live entries (added or loaded, not removed). */
  get size(): number {
    return this.live;
  }

  /**
   * Replaces the whole content with `entries` (ids must be distinct uint32). Far faster than
   * add() one by one: a counting sort per slot. On invalid input it throws and changes nothing.
   * A compaction still running is abandoned.
   */
  load(entries: PdqIndexEntries, options: PdqLoadOptions = {}): void {
    let words: Uint32Array;
    let ids: Uint32Array;
    if (Array.isArray(entries)) {
      const list = entries as readonly { id: number; hash: string }[];
      words = new Uint32Array(list.length * 8);
      ids = new Uint32Array(list.length);
      for (let i = 0; i < list.length; i++) {
        const entry = list[i];
        const id: unknown = entry?.id;
        if (!isUint32(id)) {
          throw new SaringError('validation_failed', `entry ${i}: the id must be an integer 0–4294967295; got ${String(id)}.`);
        }
        ids[i] = id;
        if (!parseInto(entry!.hash, words, i * 8)) throw invalidHash(entry!.hash, `entry ${i} (id ${id})`);
      }
    } else {
      const typed = entries as { ids?: unknown; hashes?: unknown };
      if (!(typed.ids instanceof Uint32Array) || !(typed.hashes instanceof Uint32Array)) {
        throw new SaringError('validation_failed', 'load() takes an array of { id, hash } or { ids: Uint32Array, hashes: Uint32Array }.');
      }
      if (typed.hashes.length !== typed.ids.length * 8) {
        throw new SaringError(
          'validation_failed',
          `hashes must hold 8 words per id: ${typed.ids.length} ids, ${typed.hashes.length} words.`,
        );
      }
      ids = options.adopt ? typed.ids : typed.ids.slice();
      words = options.adopt ? typed.hashes : typed.hashes.slice();
    }
    const store = new Store(words, ids, !options.adopt || Array.isArray(entries));
    // The id lookup first: a duplicate id aborts before anything changes.
    const sorted = isAscending(ids);
    const idTable = new IdTable(sorted ? this.deltaStart : ids.length);
    if (!sorted) {
      for (let e = 0; e < ids.length; e++) {
        const id = ids[e]!;
        if (idTable.find(id, store) >= 0) throw new SaringError('validation_failed', `id ${id} appears more than once.`);
        idTable.insert(id, e, store);
      }
    }
    this.cancelJob();
    // Let the old content go before the new tables are built.
    for (const t of this.tables) releaseTable(t);
    this.tables.fill(null);
    this.delta.release();
    this.frozen?.release();
    if (this.store !== store) this.store.release();
    release(this.idTable.table);
    this.store = store;
    this.sortedEnd = sorted ? ids.length : 0;
    this.idTable = idTable;
    this.delta = new Delta(this.deltaStart);
    this.frozen = null;
    this.free = new Uint32Array(64);
    this.freeCount = 0;
    this.live = ids.length;
    this.removedSince = 0;
    this.removedInJob = 0;
    if (ids.length > 0) runToEnd(this.rebuild('load'));
  }

  /** Empties the index, and frees the memory of its tables at once (not that of adopted arrays). */
  clear(): void {
    this.load({ ids: new Uint32Array(0), hashes: new Uint32Array(0) }, { adopt: true });
  }

  /** Adds (or, for a known id, replaces) one entry; it is matchable at once. */
  add(id: number, hash: string): void {
    if (!isUint32(id)) throw new SaringError('validation_failed', `the id must be an integer 0–4294967295; got ${String(id)}.`);
    const w = this.words8;
    if (!parseInto(hash, w, 0)) throw invalidHash(hash, `id ${id}`);
    this.remove(id);
    if (this.store === EMPTY_STORE) this.store = new Store(new Uint32Array(0), new Uint32Array(0), true);
    // A removed entry's place is reused, except while a compaction reads the hashes.
    const e = this.freeCount > 0 && !this.job ? this.free[--this.freeCount]! : this.store.append();
    this.store.write(e, w, 0, id);
    this.store.setRemoved(e, false);
    this.delta.push(e, w, 0);
    this.idTable.insert(id, e, this.store);
    this.live++;
    this.maybeCompact();
  }

  /** Removes the entry with this id; false if there is none. */
  remove(id: number): boolean {
    if (!isUint32(id)) return false;
    const e = this.findEntry(id);
    if (e < 0) return false;
    if (e >= this.sortedEnd) {
      this.idTable.delete(id, this.store);
      if (this.freeCount === this.free.length) {
        const f = new Uint32Array(this.free.length * 2);
        f.set(this.free);
        this.free = f;
      }
      this.free[this.freeCount++] = e;
    }
    this.store.setRemoved(e, true);
    this.live--;
    this.removedSince++;
    this.maybeCompact();
    return true;
  }

  /**
   * Rebuilds the bulk tables from the live entries now, in this call: merges the added entries,
   * drops the removed ones (a compaction running in the background is finished first).
   */
  compact(): void {
    if (this.job) this.finishJob();
    runToEnd(this.rebuild('now'));
  }

  /**
   * Compacts in the background: one slot table at a time, in slices of ~2 ms between turns of
   * the event loop, while queries, add() and remove() go on (exact throughout). Resolves when
   * done; joins a compaction already running. With autoCompact this starts by itself.
   */
  compactInBackground(): Promise<void> {
    if (this.job) return this.job.promise;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    const job: Job = { gen: this.rebuild('background'), promise, resolve };
    this.job = job;
    const tick = (): void => {
      if (this.job !== job) return;
      const until = performance.now() + this.sliceMs;
      do {
        if (job.gen.next().done) {
          this.job = null;
          job.resolve();
          return;
        }
      } while (performance.now() < until);
      setImmediate(tick);
    };
    setImmediate(tick);
    return promise;
  }

  /** Resolves once no compaction is running. */
  idle(): Promise<void> {
    return this.job ? this.job.promise : Promise.resolve();
  }

  /** Bytes held by the index's arrays (approximate: leaves out object headers and the shared tables). */
  memoryBytes(): number {
    let bytes = this.store.bytes() + this.delta.bytes() + (this.frozen?.bytes() ?? 0);
    for (const t of this.tables) bytes += tableBytes(t);
    bytes += this.idTable.table.byteLength + this.free.byteLength + this.cand.byteLength;
    if (this.scratch) bytes += (this.scratch.values?.byteLength ?? 0) + this.scratch.cursor.byteLength;
    return bytes;
  }

  /**
   * Counts for monitoring: live entries, entries in the bulk tables, added since, removed but not
   * yet compacted away, and whether a compaction is running.
   */
  stats(): { size: number; bulk: number; added: number; removedPending: number; compacting: boolean } {
    return {
      size: this.live,
      bulk: this.tables[SLOTS - 1]?.positions ?? 0,
      added: this.delta.count + (this.frozen?.count ?? 0),
      removedPending: this.removedSince + this.removedInJob,
      compacting: this.job !== null,
    };
  }

  /**
   * Every live entry within `threshold` of at least one of `hashes` (e.g. the 8 dihedral variants
   * of an image's hash), once, with its smallest distance and the query index that gave it;
   * sorted by distance, then id. Throws on an invalid hash or option.
   */
  query(hashes: readonly string[], options: PdqQueryOptions = {}): PdqMatch[] {
    if (!Array.isArray(hashes)) throw new SaringError('validation_failed', 'query() takes an array of hex hashes.');
    const q = new Uint32Array(hashes.length * 8);
    for (let i = 0; i < hashes.length; i++) if (!parseInto(hashes[i], q, i * 8)) throw invalidHash(hashes[i], `query hash ${i}`);
    return this.queryWords(q, options);
  }

  /** query() for hashes already parsed: 8 words per query hash (see parseHashWords). */
  queryWords(queries: Uint32Array, options: PdqQueryOptions = {}): PdqMatch[] {
    const t = options.threshold ?? PDQ_MATCH_THRESHOLD;
    if (!Number.isInteger(t) || t < 0 || t > 256) {
      throw new SaringError('validation_failed', `threshold must be an integer 0–256; got ${String(t)}.`);
    }
    const limit = options.limit ?? Infinity;
    if (limit !== Infinity && (!Number.isInteger(limit) || limit < 0)) {
      throw new SaringError('validation_failed', `limit must be a non-negative integer; got ${String(limit)}.`);
    }
    const nq = queries.length >>> 3;
    if (!(queries instanceof Uint32Array) || queries.length !== nq * 8) {
      throw new SaringError('validation_failed', 'queries must be a Uint32Array of 8 words per hash.');
    }
    let strategy = options.strategy ?? 'auto';
    if (strategy !== 'auto' && strategy !== 'index' && strategy !== 'linear') {
      throw new SaringError('validation_failed', `strategy must be 'auto', 'index' or 'linear'; got ${String(strategy)}.`);
    }
    if (nq === 0 || this.live === 0 || limit === 0) return [];

    const best = new Map<number, number>(); // entry → distance × 2^32 + query index
    if (strategy === 'auto') strategy = this.indexCost(nq, t) <= this.linearCost(nq) ? 'index' : 'linear';
    const store = this.store;
    if (strategy === 'index') {
      for (let i = 0; i < nq; i++) {
        const n = this.candidates(queries, i * 8, Math.floor(t / SLOTS));
        verify(queries, i * 8, t, store, this.cand, n, i, best);
      }
    } else {
      store.runs(0, store.count, (W, at, e0, n) => scanRange(queries, nq, t, W, at, e0, n, store.removed, best));
    }
    const out: PdqMatch[] = [];
    for (const [entry, packed] of best) {
      const distance = Math.floor(packed / 4294967296);
      out.push({ id: store.id(entry), distance, queryIndex: packed - distance * 4294967296 });
    }
    out.sort((a, b) => a.distance - b.distance || a.id - b.id);
    if (out.length > limit) out.length = limit;
    return out;
  }

  // -------------------------------------------------------------------------------------------

  private findEntry(id: number): number {
    const e = this.idTable.find(id, this.store);
    if (e >= 0) return e;
    if (this.sortedEnd > 0) {
      const p = binarySearch(this.store.baseIds, this.sortedEnd, id);
      if (p >= 0 && !this.store.isRemoved(p)) return p;
    }
    return -1;
  }

  private maybeCompact(): void {
    if (!this.autoCompact || this.job) return;
    const bulk = this.tables[SLOTS - 1]?.positions ?? 0;
    if (this.delta.count >= Math.max(COMPACT_MIN, bulk >>> 5) || this.removedSince >= Math.max(COMPACT_MIN, bulk >>> 2)) {
      void this.compactInBackground();
    }
  }

  private cancelJob(): void {
    const job = this.job;
    if (!job) return;
    this.job = null;
    release(this.scratch?.cursor);
    this.scratch = null;
    job.resolve();
  }

  private finishJob(): void {
    const job = this.job!;
    runToEnd(job.gen);
    this.job = null;
    job.resolve();
  }

  /**
   * Rebuilds every slot table from the entries as they are now (the snapshot), one after the
   * other; each new table replaces the old one as soon as it is complete, and the old one's
   * memory is freed at once: a compaction needs one table (4 bytes per entry) on top. Entries
   * added before the snapshot stay findable through the frozen delta until the last table lists
   * them; those added after go to a fresh delta. Entry numbers do not change, so old and new
   * tables can be used side by side: a removed entry is filtered out by its flag, a reused one is
   * also in a delta under its new hash, and a stale table row only makes a candidate that fails
   * the check. In the background, the build reads the hashes of entries 0..count-1 and a copy of
   * the removed flags as they were at the snapshot: add() reuses no place until it is done.
   */
  private *rebuild(mode: 'load' | 'now' | 'background'): Generator<void, void, void> {
    const store = this.store;
    const count = store.count;
    const dirBits = directoryBits(this.live);
    const wideIds = this.wideBuckets || count >= 1 << 24;
    if (this.delta.count > 0) {
      this.frozen = this.delta;
      this.delta = new Delta(this.deltaStart);
    }
    this.removedInJob = this.removedSince;
    this.removedSince = 0;
    const removed = mode === 'background' ? store.removed.slice(0, (count >>> 5) + 1) : store.removed;
    const scratch: BuildScratch = { values: mode === 'load' ? new Uint32Array(count) : null, cursor: new Uint32Array(1 << dirBits) };
    this.scratch = scratch;
    for (let s = 0; s < SLOTS; s++) {
      const table = yield* buildSlot(store, s, count, dirBits, wideIds, removed, scratch);
      if (this.store !== store) return; // a load() replaced the content meanwhile
      releaseTable(this.tables[s]!);
      this.tables[s] = table;
    }
    if (this.frozen) {
      this.frozen.release();
      release(this.frozen.head);
    }
    this.frozen = null;
    release(scratch.values, scratch.cursor, removed === store.removed ? null : removed);
    this.scratch = null;
    this.removedInJob = 0;
  }

  private growCandidates(needed: number): Uint32Array {
    let size = this.cand.length * 2;
    while (size < needed) size *= 2;
    const c = new Uint32Array(size);
    c.set(this.cand);
    this.cand = c;
    return c;
  }

  private indexCost(nq: number, t: number): number {
    const f = Math.floor(t / SLOTS);
    const bulk = this.tables[SLOTS - 1]?.positions ?? 0;
    const dirBits = this.tables[SLOTS - 1]?.dirBits ?? 16;
    const n = bulk + this.delta.count + (this.frozen?.count ?? 0);
    const visits = SLOTS * sumBinomial(dirBits, f);
    const scanned = visits * (n / 2 ** dirBits);
    const candidates = (SLOTS * n * sumBinomial(23, f)) / 2 ** 23;
    const perCandidate = n * 32 > CACHED_BYTES ? COST_CANDIDATE_MISS : COST_CANDIDATE_CACHED;
    return nq * (visits * COST_VISIT + scanned * COST_SCAN + candidates * perCandidate);
  }

  private linearCost(nq: number): number {
    return this.store.count * (COST_LINEAR_ENTRY + nq * COST_LINEAR_QUERY);
  }

  /**
   * Entries with some slot within f bits of the query's (at q[o..o+8]), through the bulk tables
   * and the deltas: fills this.cand with entry numbers (an entry may appear more than once) and
   * returns their count. Collecting first and checking after keeps the random reads of the check
   * in one tight loop, where the processor overlaps them.
   */
  private candidates(q: Uint32Array, o: number, f: number): number {
    let n = 0;
    for (let s = 0; s < SLOTS; s++) {
      const table = this.tables[s];
      if (table && table.positions > 0) n = this.tableCandidates(table, s, q, o, f, n);
    }
    if (this.frozen) n = this.deltaCandidates(this.frozen, q, o, f, n);
    if (this.delta.count > 0) n = this.deltaCandidates(this.delta, q, o, f, n);
    return n;
  }

  /**
   * Per slot, the buckets within f flips of the query's top bits, and there the entries whose low
   * bits make up the rest; appended to this.cand from n on.
   */
  private tableCandidates(m: SlotTable, s: number, q: Uint32Array, o: number, f: number, n: number): number {
    const dirBits = m.dirBits;
    const { masks, bits } = flipMasks(dirBits, f);
    let cand = this.cand;
    const v = slotValue(q, o, s);
    const lowBits = SLOT_WIDTH[s]! - dirBits;
    const top = v >>> lowBits;
    const kl = v & ((1 << lowBits) - 1);
    const pattern = Math.imul(kl, 0x01010101);
    const off = m.offsets;
    const low = m.lows;
    const low32 = m.lows32;
    const first = n;
    for (let mi = 0; mi < masks.length; mi++) {
      const b = top ^ masks[mi]!;
      let p = off[b]!;
      const end = off[b + 1]!;
      if (p === end) continue;
      if (n + (end - p) > cand.length) cand = this.growCandidates(n + (end - p));
      const allowed = f - bits[mi]!;
      if (allowed >= lowBits) {
        for (; p < end; p++) cand[n++] = p;
      } else if (allowed > 0 || end - p < 16) {
        for (; p < end; p++) if (POP16[low[p]! ^ kl]! <= allowed) cand[n++] = p;
      } else {
        // Exact low bits: four at a time, by the "has a zero byte" test on (word ^ pattern).
        for (; (p & 3) !== 0; p++) if (low[p] === kl) cand[n++] = p;
        const wordEnd = end >>> 2;
        for (let w = p >>> 2; w < wordEnd; w++) {
          const x = low32[w]! ^ pattern;
          if (((x - 0x01010101) & ~x & 0x80808080) === 0) continue;
          const at = w << 2;
          if ((x & 0xff) === 0) cand[n++] = at;
          if ((x & 0xff00) === 0) cand[n++] = at + 1;
          if ((x & 0xff0000) === 0) cand[n++] = at + 2;
          if (x >>> 24 === 0) cand[n++] = at + 3;
        }
        for (p = wordEnd << 2; p < end; p++) if (low[p] === kl) cand[n++] = p;
      }
    }
    // Positions → entry numbers.
    const narrow = m.narrow;
    if (narrow) {
      for (let i = first; i < n; i++) {
        const p = 3 * cand[i]!;
        cand[i] = narrow[p]! | (narrow[p + 1]! << 8) | (narrow[p + 2]! << 16);
      }
    } else {
      const wide = m.wide!;
      for (let i = first; i < n; i++) cand[i] = wide[cand[i]!]!;
    }
    return n;
  }

  /** The delta's entries with some slot within f bits of the query's, by walking the chains. */
  private deltaCandidates(d: Delta, q: Uint32Array, o: number, f: number, n: number): number {
    const head = d.head;
    if (!head) return n;
    const { next, low, entries } = d;
    const { masks, bits } = flipMasks(TAIL_BITS, f);
    let cand = this.cand;
    for (let s = 0; s < SLOTS; s++) {
      const v = slotValue(q, o, s);
      const lowBits = SLOT_WIDTH[s]! - TAIL_BITS;
      const top = v >>> lowBits;
      const kl = v & ((1 << lowBits) - 1);
      const base = s << TAIL_BITS;
      for (let mi = 0; mi < masks.length; mi++) {
        const allowed = f - bits[mi]!;
        for (let link = head[base | (top ^ masks[mi]!)]!; link !== 0; ) {
          const at = (link - 1) * SLOTS + s;
          if (POP16[low[at]! ^ kl]! <= allowed) {
            if (n === cand.length) cand = this.growCandidates(n + 1);
            cand[n++] = entries[link - 1]!;
          }
          link = next[at]!;
        }
      }
    }
    return n;
  }
}

/** Checks the candidates (entry numbers) against query `o`; records those within t in `best`. */
function verify(q: Uint32Array, o: number, t: number, store: Store, cand: Uint32Array, n: number, qi: number, best: Map<number, number>): void {
  const P = POP16;
  const B = store.baseCount;
  const BW = store.baseWords;
  const CW = store.chunkWords;
  const R = store.removed;
  const q0 = q[o]!, q1 = q[o + 1]!, q2 = q[o + 2]!, q3 = q[o + 3]!;
  const q4 = q[o + 4]!, q5 = q[o + 5]!, q6 = q[o + 6]!, q7 = q[o + 7]!;
  for (let i = 0; i < n; i++) {
    const e = cand[i]!;
    let W: Uint32Array;
    let b: number;
    if (e < B) {
      W = BW;
      b = e * 8;
    } else {
      const x = e - B;
      W = CW[x >>> CHUNK_BITS]!;
      b = (x & CHUNK_MASK) * 8;
    }
    // Test after 3 words (96 bits): a random candidate is then almost surely past t, so the
    // branch is predictable (after 2 words it is a coin toss and costs more than it saves).
    let x = q0 ^ W[b]!;
    let d = P[x & 0xffff]! + P[x >>> 16]!;
    x = q1 ^ W[b + 1]!;
    d += P[x & 0xffff]! + P[x >>> 16]!;
    x = q2 ^ W[b + 2]!;
    d += P[x & 0xffff]! + P[x >>> 16]!;
    if (d > t) continue;
    x = q3 ^ W[b + 3]!;
    d += P[x & 0xffff]! + P[x >>> 16]!;
    x = q4 ^ W[b + 4]!;
    d += P[x & 0xffff]! + P[x >>> 16]!;
    x = q5 ^ W[b + 5]!;
    d += P[x & 0xffff]! + P[x >>> 16]!;
    x = q6 ^ W[b + 6]!;
    d += P[x & 0xffff]! + P[x >>> 16]!;
    x = q7 ^ W[b + 7]!;
    d += P[x & 0xffff]! + P[x >>> 16]!;
    if (d > t || (R[e >>> 5]! >>> (e & 31)) & 1) continue;
    const packed = d * 4294967296 + qi;
    const prev = best.get(e);
    if (prev === undefined || packed < prev) best.set(e, packed);
  }
}

/** Linear scan of the n entries from e0 (words from W[at]) for all query hashes. */
function scanRange(
  q: Uint32Array,
  nq: number,
  t: number,
  W: Uint32Array,
  at: number,
  e0: number,
  count: number,
  removed: Uint32Array,
  best: Map<number, number>,
): void {
  const P = POP16;
  if (nq === 1) {
    const q0 = q[0]!, q1 = q[1]!, q2 = q[2]!, q3 = q[3]!, q4 = q[4]!, q5 = q[5]!, q6 = q[6]!, q7 = q[7]!;
    for (let i = 0, b = at; i < count; i++, b += 8) {
      let x = q0 ^ W[b]!;
      let d = P[x & 0xffff]! + P[x >>> 16]!;
      x = q1 ^ W[b + 1]!;
      d += P[x & 0xffff]! + P[x >>> 16]!;
      x = q2 ^ W[b + 2]!;
      d += P[x & 0xffff]! + P[x >>> 16]!;
      if (d > t) continue;
      x = q3 ^ W[b + 3]!;
      d += P[x & 0xffff]! + P[x >>> 16]!;
      x = q4 ^ W[b + 4]!;
      d += P[x & 0xffff]! + P[x >>> 16]!;
      x = q5 ^ W[b + 5]!;
      d += P[x & 0xffff]! + P[x >>> 16]!;
      x = q6 ^ W[b + 6]!;
      d += P[x & 0xffff]! + P[x >>> 16]!;
      x = q7 ^ W[b + 7]!;
      d += P[x & 0xffff]! + P[x >>> 16]!;
      const e = e0 + i;
      if (d > t || (removed[e >>> 5]! >>> (e & 31)) & 1) continue;
      const prev = best.get(e);
      const packed = d * 4294967296;
      if (prev === undefined || packed < prev) best.set(e, packed);
    }
    return;
  }
  for (let i = 0, b = at; i < count; i++, b += 8) {
    const w0 = W[b]!, w1 = W[b + 1]!, w2 = W[b + 2]!;
    const e = e0 + i;
    for (let k = 0, o = 0; k < nq; k++, o += 8) {
      let x = q[o]! ^ w0;
      let d = P[x & 0xffff]! + P[x >>> 16]!;
      x = q[o + 1]! ^ w1;
      d += P[x & 0xffff]! + P[x >>> 16]!;
      x = q[o + 2]! ^ w2;
      d += P[x & 0xffff]! + P[x >>> 16]!;
      if (d > t) continue;
      for (let w = 3; w < 8; w++) {
        x = q[o + w]! ^ W[b + w]!;
        d += P[x & 0xffff]! + P[x >>> 16]!;
      }
      if (d > t || (removed[e >>> 5]! >>> (e & 31)) & 1) continue;
      const packed = d * 4294967296 + k;
      const prev = best.get(e);
      if (prev === undefined || packed < prev) best.set(e, packed);
    }
  }
}
