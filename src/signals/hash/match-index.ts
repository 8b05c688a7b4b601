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
 * - the bulk part ("main"), built by a counting sort per slot: hashes (8 × uint32 per entry),
 *   caller ids, a removed flag, and per slot the bucket offsets and, per entry, the low bits
 *   (1 byte) and the entry number (3 bytes below 2^24 entries, 4 from there on);
 * - entries added since ("tail"): growable arrays and, per slot, chained lists by the top 16
 *   bits (a head per bucket, a link per entry that also carries its low bits), so that an added
 *   hash matches at once;
 * - caller id → entry: binary search while the main ids are ascending (as from ORDER BY id),
 *   else an open-addressing table (+ 4–8 bytes per entry); a small table for the tail.
 * That is 32 + 4 + 1 + 11 × 4 = 81 bytes per entry, plus ~3 MB of bucket offsets.
 * A removed entry is only flagged until the next compaction, which rebuilds the main part from
 * the live entries: automatically once the tail passes max(32k, main/32) entries or the removed
 * ones max(32k, main/4), or on demand with compact(). A build needs 12 bytes per entry of
 * temporary arrays on top, and a compaction a second copy of the hashes and ids while it runs.
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
/** Initial capacity of the tail (entries added since the last build); it doubles as needed. */
const TAIL_START = 1024;
/** Tail links keep the entry + 1 in their top 24 bits. */
const TAIL_MAX = (1 << 24) - 2;
/** The tail's chains are bucketed by the top 16 bits of each slot. */
const TAIL_BITS = 16;

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
   * Rebuild the tables inside add()/remove() once the added entries pass max(32k, 1/32 of the bulk
   * part) or the removed ones max(32k, 1/4) (default true). That call then takes about as long as a
   * load() of the same size; set false to call compact() at a time of your choosing instead.
   */
  autoCompact?: boolean;
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
// The bulk tables

interface MainPart {
  count: number;
  words: Uint32Array; // 8 × count
  ids: Uint32Array; // count
  removed: Uint8Array; // count
  /** Bucket bits D. */
  dirBits: number;
  /** Per slot: bucket b holds positions offsets[b] .. offsets[b + 1] - 1. */
  offsets: Uint32Array[];
  /** Per slot and position: the slot's low bits (count rounded up to 4 bytes, for the 32-bit view). */
  lows: Uint8Array[];
  lows32: Uint32Array[];
  /** Per slot and position: the entry number, 3 bytes little-endian (narrow) or 4 (wide). */
  narrow: Uint8Array[];
  wide: Uint32Array[];
}

const EMPTY_MAIN: MainPart = {
  count: 0,
  words: new Uint32Array(0),
  ids: new Uint32Array(0),
  removed: new Uint8Array(0),
  dirBits: 16,
  offsets: [],
  lows: [],
  lows32: [],
  narrow: [],
  wide: [],
};

/** Writes slot `s` of every hash into out[0..count). */
function extractSlot(words: Uint32Array, count: number, s: number, out: Uint32Array): void {
  const start = SLOT_START[s]!;
  const j = start >>> 5;
  const off = start & 31;
  const shift = 32 - SLOT_WIDTH[s]!;
  if (off + SLOT_WIDTH[s]! <= 32) {
    for (let e = 0, at = j; e < count; e++, at += 8) out[e] = (words[at]! << off) >>> shift;
  } else {
    for (let e = 0, at = j; e < count; e++, at += 8) out[e] = ((words[at]! << off) | (words[at + 1]! >>> (32 - off))) >>> shift;
  }
}

/**
 * Counting sort of entries 0..count-1 into one bucket table per slot. The scatter goes through
 * 256 partitions first (by the top 8 bits), then within each partition to the final place: two
 * passes over cache-sized regions beat one pass scattering into 2^16–2^18 places (≈ 3 s instead
 * of 4.5 s at 10M entries). Temporary arrays: 12 bytes per entry.
 */
function buildMain(words: Uint32Array, ids: Uint32Array, forceWide: boolean): MainPart {
  const count = ids.length;
  if (count === 0) return { ...EMPTY_MAIN, words, ids };
  const dirBits = directoryBits(count);
  const buckets = 1 << dirBits;
  const wideIds = forceWide || count >= 1 << 24;
  const values = new Uint32Array(count);
  const partValues = new Uint32Array(count);
  const partEntries = new Uint32Array(count);
  const partCursor = new Uint32Array(256);
  const cursor = new Uint32Array(buckets);
  const part: MainPart = { count, words, ids, removed: new Uint8Array(count), dirBits, offsets: [], lows: [], lows32: [], narrow: [], wide: [] };
  for (let s = 0; s < SLOTS; s++) {
    extractSlot(words, count, s, values);
    const width = SLOT_WIDTH[s]!;
    const lowBits = width - dirBits;
    const lowMask = (1 << lowBits) - 1;
    const off = new Uint32Array(buckets + 1);
    for (let e = 0; e < count; e++) off[(values[e]! >>> lowBits) + 1]!++;
    for (let b = 1; b <= buckets; b++) off[b]! += off[b - 1]!;

    const perPart = buckets >>> 8;
    for (let h = 0; h < 256; h++) partCursor[h] = off[h * perPart]!;
    const partShift = width - 8;
    for (let e = 0; e < count; e++) {
      const v = values[e]!;
      const p = partCursor[v >>> partShift]!++;
      partValues[p] = v;
      partEntries[p] = e;
    }
    cursor.set(off.subarray(0, buckets));
    const low = new Uint8Array((count + 3) & ~3);
    if (wideIds) {
      const out = new Uint32Array(count);
      for (let i = 0; i < count; i++) {
        const v = partValues[i]!;
        const p = cursor[v >>> lowBits]!++;
        low[p] = v & lowMask;
        out[p] = partEntries[i]!;
      }
      part.wide.push(out);
    } else {
      const out = new Uint8Array(count * 3);
      for (let i = 0; i < count; i++) {
        const v = partValues[i]!;
        const e = partEntries[i]!;
        const p = cursor[v >>> lowBits]!++;
        low[p] = v & lowMask;
        out[3 * p] = e;
        out[3 * p + 1] = e >>> 8;
        out[3 * p + 2] = e >>> 16;
      }
      part.narrow.push(out);
    }
    part.offsets.push(off);
    part.lows.push(low);
    part.lows32.push(new Uint32Array(low.buffer, low.byteOffset, low.length >>> 2));
  }
  return part;
}

/** Open-addressing (linear probing) table: caller id → entry + 1, the ids being `ids[entry]`. */
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
  find(id: number, ids: Uint32Array): number {
    const t = this.table;
    const mask = t.length - 1;
    for (let i = this.slot(id); ; i = (i + 1) & mask) {
      const v = t[i]!;
      if (v === NO_ENTRY) return -1;
      if (ids[v - 1] === id) return v - 1;
    }
  }

  /** Inserts a new id (the caller has checked it is absent). */
  insert(id: number, entry: number, ids: Uint32Array): void {
    if ((this.used + 1) / this.table.length > 0.75) this.grow(ids);
    const t = this.table;
    const mask = t.length - 1;
    let i = this.slot(id);
    while (t[i] !== NO_ENTRY) i = (i + 1) & mask;
    t[i] = entry + 1;
    this.used++;
  }

  /** Removes the id, shifting later members of its run back (no tombstones). */
  delete(id: number, ids: Uint32Array): void {
    const t = this.table;
    const mask = t.length - 1;
    let i = this.slot(id);
    for (;;) {
      const v = t[i]!;
      if (v === NO_ENTRY) return;
      if (ids[v - 1] === id) break;
      i = (i + 1) & mask;
    }
    let hole = i;
    for (let j = (hole + 1) & mask; ; j = (j + 1) & mask) {
      const v = t[j]!;
      if (v === NO_ENTRY) break;
      const home = this.slot(ids[v - 1]!);
      // v may move back into the hole unless its home lies cyclically in (hole, j].
      if (hole <= j ? home <= hole || home > j : home <= hole && home > j) {
        t[hole] = v;
        hole = j;
      }
    }
    t[hole] = NO_ENTRY;
    this.used--;
  }

  private grow(ids: Uint32Array): void {
    const old = this.table;
    const bits = 32 - this.shift + 1;
    this.table = new Uint32Array(2 ** bits);
    this.shift = 32 - bits;
    const t = this.table;
    const mask = t.length - 1;
    for (const v of old) {
      if (v === NO_ENTRY) continue;
      let i = this.slot(ids[v - 1]!);
      while (t[i] !== NO_ENTRY) i = (i + 1) & mask;
      t[i] = v;
    }
  }
}

function isAscending(ids: Uint32Array): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return false;
  return true;
}

/** Index of `id` in the ascending `ids`, or -1. */
function binarySearch(ids: Uint32Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v < id) lo = mid + 1;
    else if (v > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The caller-id lookup for a main part: null while its ids are ascending (binary search). */
function idTableFor(ids: Uint32Array, checkDuplicates: boolean): IdTable | null {
  if (isAscending(ids)) return null;
  const table = new IdTable(ids.length);
  for (let e = 0; e < ids.length; e++) {
    const id = ids[e]!;
    if (checkDuplicates && table.find(id, ids) >= 0) {
      throw new SaringError('validation_failed', `id ${id} appears more than once.`);
    }
    table.insert(id, e, ids);
  }
  return table;
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
  private main: MainPart = EMPTY_MAIN;
  /** Caller id → main entry; null while the main ids are ascending (then found by binary search). */
  private mainTable: IdTable | null = null;

  // Entries added since the last build: tail entry t is entry main.count + t.
  private tailCount = 0;
  private tailWords: Uint32Array;
  private tailIds: Uint32Array;
  private tailRemoved: Uint8Array;
  /** Per slot and top-16-bit bucket, a link to the newest tail entry there (0: none). */
  private tailHead: Uint32Array | null = null;
  /** Per tail entry and slot, the link to the previous tail entry in the same bucket. */
  private tailNext: Uint32Array;
  /** Caller id → tail entry, for the live tail entries only. */
  private tailTable: IdTable;

  private live = 0;
  private removedCount = 0;
  private readonly autoCompact: boolean;
  private readonly wideBuckets: boolean;
  private readonly tailStart: number;
  /** Candidate buffer for queries (positions, then entry numbers). */
  private cand: Uint32Array = new Uint32Array(1 << 14);
  /** A reusable 8-word buffer for add(). */
  private readonly scratch = new Uint32Array(8);

  constructor(options: PdqMatchIndexOptions = {}) {
    const expected = options.expectedSize ?? 0;
    if (!Number.isInteger(expected) || expected < 0) {
      throw new SaringError('validation_failed', 'expectedSize must be a non-negative integer.');
    }
    this.autoCompact = options.autoCompact ?? true;
    this.wideBuckets = options.wideBuckets ?? false;
    this.tailStart = Math.min(Math.max(TAIL_START, expected), COMPACT_MIN);
    const tail = this.tailStart;
    this.tailTable = new IdTable(tail);
    this.tailWords = new Uint32Array(tail * 8);
    this.tailIds = new Uint32Array(tail);
    this.tailRemoved = new Uint8Array(tail);
    this.tailNext = new Uint32Array(tail * SLOTS);
  }

  /** Live entries (added or loaded, not removed). */
  get size(): number {
    return this.live;
  }

  /**
   * Replaces the whole content with `entries` (ids must be distinct uint32). Far faster than
   * add() one by one: a counting sort per slot. On invalid input it throws and changes nothing.
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
    // The id lookup first: a duplicate id aborts before anything changes.
    const table = idTableFor(ids, true);
    this.main = EMPTY_MAIN; // let the old tables go before the new ones are built
    this.main = buildMain(words, ids, this.wideBuckets);
    this.mainTable = table;
    this.resetTail();
    this.live = ids.length;
    this.removedCount = 0;
  }

  /** Adds (or, for a known id, replaces) one entry; it is matchable at once. */
  add(id: number, hash: string): void {
    if (!isUint32(id)) throw new SaringError('validation_failed', `the id must be an integer 0–4294967295; got ${String(id)}.`);
    const w = this.scratch;
    if (!parseInto(hash, w, 0)) throw invalidHash(hash, `id ${id}`);
    this.remove(id);
    if (this.tailCount === this.tailIds.length) this.growTail();
    const t = this.tailCount++;
    this.tailWords.set(w, t * 8);
    this.tailIds[t] = id;
    this.tailRemoved[t] = 0;
    const head = (this.tailHead ??= new Uint32Array(SLOTS << TAIL_BITS));
    for (let s = 0; s < SLOTS; s++) {
      const v = slotValue(w, 0, s);
      const lowBits = SLOT_WIDTH[s]! - TAIL_BITS;
      const bucket = (s << TAIL_BITS) | (v >>> lowBits);
      this.tailNext[t * SLOTS + s] = head[bucket]!;
      head[bucket] = (t + 1) * 256 + (v & ((1 << lowBits) - 1));
    }
    this.tailTable.insert(id, t, this.tailIds);
    this.live++;
    if (this.tailCount >= TAIL_MAX || (this.autoCompact && this.tailCount >= Math.max(COMPACT_MIN, this.main.count >>> 5))) {
      this.compact();
    }
  }

  /** Removes the entry with this id; false if there is none. */
  remove(id: number): boolean {
    if (!isUint32(id)) return false;
    const m = this.main;
    const e = this.mainTable ? this.mainTable.find(id, m.ids) : binarySearch(m.ids, id);
    if (e >= 0 && !m.removed[e]) {
      m.removed[e] = 1;
    } else {
      const t = this.tailTable.find(id, this.tailIds);
      if (t < 0) return false;
      this.tailTable.delete(id, this.tailIds);
      this.tailRemoved[t] = 1;
    }
    this.live--;
    this.removedCount++;
    if (this.autoCompact && this.removedCount >= Math.max(COMPACT_MIN, this.main.count >>> 2)) this.compact();
    return true;
  }

  /** Rebuilds the bulk tables from the live entries: merges the added entries, drops the removed ones. */
  compact(): void {
    const { words, ids } = this.copyLiveEntries();
    this.main = EMPTY_MAIN; // the old hashes and ids can go before the new tables are built
    this.mainTable = null;
    this.resetTail();
    this.mainTable = idTableFor(ids, false);
    this.main = buildMain(words, ids, this.wideBuckets);
    this.removedCount = 0;
  }

  /** Bytes held by the index's arrays (approximate: leaves out object headers and the shared tables). */
  memoryBytes(): number {
    const m = this.main;
    let bytes = m.words.byteLength + m.ids.byteLength + m.removed.byteLength;
    for (const list of [m.offsets, m.lows, m.narrow, m.wide]) for (const a of list) bytes += a.byteLength;
    bytes += this.tailWords.byteLength + this.tailIds.byteLength + this.tailRemoved.byteLength + this.tailNext.byteLength;
    bytes += (this.tailHead?.byteLength ?? 0) + this.cand.byteLength;
    bytes += (this.mainTable?.table.byteLength ?? 0) + this.tailTable.table.byteLength;
    return bytes;
  }

  /** Counts for monitoring: live entries, entries in the bulk tables, added since, removed but not yet compacted away. */
  stats(): { size: number; bulk: number; added: number; removedPending: number } {
    return { size: this.live, bulk: this.main.count, added: this.tailCount, removedPending: this.removedCount };
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
    if (strategy === 'index') {
      for (let i = 0; i < nq; i++) this.probe(queries, i, t, best);
    } else {
      scanRange(queries, nq, t, this.main.words, this.main.removed, this.main.count, 0, best);
      scanRange(queries, nq, t, this.tailWords, this.tailRemoved, this.tailCount, this.main.count, best);
    }
    const out: PdqMatch[] = [];
    for (const [entry, packed] of best) {
      const distance = Math.floor(packed / 4294967296);
      const id = entry < this.main.count ? this.main.ids[entry]! : this.tailIds[entry - this.main.count]!;
      out.push({ id, distance, queryIndex: packed - distance * 4294967296 });
    }
    out.sort((a, b) => a.distance - b.distance || a.id - b.id);
    if (out.length > limit) out.length = limit;
    return out;
  }

  // -------------------------------------------------------------------------------------------

  /** The live entries' hashes and ids, main then tail; drops the old bucket tables first. */
  private copyLiveEntries(): { words: Uint32Array; ids: Uint32Array } {
    this.main = { ...this.main, offsets: [], lows: [], lows32: [], narrow: [], wide: [] };
    const m = this.main;
    const words = new Uint32Array(this.live * 8);
    const ids = new Uint32Array(this.live);
    let n = 0;
    const copy = (from: Uint32Array, fromIds: Uint32Array, removed: Uint8Array, count: number): void => {
      for (let e = 0; e < count; e++) {
        if (removed[e]) continue;
        for (let w = 0, a = e * 8, b = n * 8; w < 8; w++) words[b + w] = from[a + w]!;
        ids[n++] = fromIds[e]!;
      }
    };
    copy(m.words, m.ids, m.removed, m.count);
    copy(this.tailWords, this.tailIds, this.tailRemoved, this.tailCount);
    return { words, ids };
  }

  private resetTail(): void {
    const cap = this.tailStart;
    this.tailCount = 0;
    this.tailTable = new IdTable(cap);
    if (cap !== this.tailIds.length) {
      this.tailWords = new Uint32Array(cap * 8);
      this.tailIds = new Uint32Array(cap);
      this.tailRemoved = new Uint8Array(cap);
      this.tailNext = new Uint32Array(cap * SLOTS);
    }
    this.tailHead = null;
  }

  private growTail(): void {
    const cap = Math.min(this.tailIds.length * 2, TAIL_MAX + 1);
    const grow = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T, per: number): T => {
      const b = make(cap * per);
      b.set(a);
      return b;
    };
    this.tailWords = grow(this.tailWords, (n) => new Uint32Array(n), 8);
    this.tailIds = grow(this.tailIds, (n) => new Uint32Array(n), 1);
    this.tailRemoved = grow(this.tailRemoved, (n) => new Uint8Array(n), 1);
    this.tailNext = grow(this.tailNext, (n) => new Uint32Array(n), SLOTS);
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
    const m = this.main;
    const n = m.count + this.tailCount;
    const visits = SLOTS * sumBinomial(m.dirBits, f);
    const scanned = visits * (n / 2 ** m.dirBits);
    const candidates = (SLOTS * n * sumBinomial(23, f)) / 2 ** 23;
    const perCandidate = m.words.byteLength > CACHED_BYTES ? COST_CANDIDATE_MISS : COST_CANDIDATE_CACHED;
    return nq * (visits * COST_VISIT + scanned * COST_SCAN + candidates * perCandidate);
  }

  private linearCost(nq: number): number {
    return (this.main.count + this.tailCount) * (COST_LINEAR_ENTRY + nq * COST_LINEAR_QUERY);
  }

  /** Looks up query hash `qi` through the slot tables; records matches in `best`. */
  private probe(q: Uint32Array, qi: number, t: number, best: Map<number, number>): void {
    const o = qi * 8;
    const f = Math.floor(t / SLOTS);
    const m = this.main;
    if (m.count > 0) {
      const n = this.mainCandidates(q, o, f);
      verify(q, o, t, m.words, m.removed, this.cand, n, 0, qi, best);
    }
    if (this.tailCount > 0) {
      const n = this.tailCandidates(q, o, f);
      verify(q, o, t, this.tailWords, this.tailRemoved, this.cand, n, m.count, qi, best);
    }
  }

  /**
   * Main entries with some slot within f bits of the query's: per slot, the buckets within f flips
   * of the query's top bits, and there the entries whose low bits make up the rest. Fills
   * this.cand with entry numbers (an entry may appear once per slot) and returns their count.
   * Collecting first and checking after keeps the random reads of the check in one tight loop,
   * where the processor overlaps them.
   */
  private mainCandidates(q: Uint32Array, o: number, f: number): number {
    const m = this.main;
    const dirBits = m.dirBits;
    const { masks, bits } = flipMasks(dirBits, f);
    let cand = this.cand;
    let n = 0;
    for (let s = 0; s < SLOTS; s++) {
      const v = slotValue(q, o, s);
      const lowBits = SLOT_WIDTH[s]! - dirBits;
      const top = v >>> lowBits;
      const kl = v & ((1 << lowBits) - 1);
      const pattern = Math.imul(kl, 0x01010101);
      const off = m.offsets[s]!;
      const low = m.lows[s]!;
      const low32 = m.lows32[s]!;
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
      const narrow = m.narrow[s];
      if (narrow) {
        for (let i = first; i < n; i++) {
          const p = 3 * cand[i]!;
          cand[i] = narrow[p]! | (narrow[p + 1]! << 8) | (narrow[p + 2]! << 16);
        }
      } else {
        const wide = m.wide[s]!;
        for (let i = first; i < n; i++) cand[i] = wide[cand[i]!]!;
      }
    }
    return n;
  }

  /** Tail entries with some slot within f bits of the query's, by walking the chains; see mainCandidates. */
  private tailCandidates(q: Uint32Array, o: number, f: number): number {
    const head = this.tailHead;
    if (!head) return 0;
    const next = this.tailNext;
    const { masks, bits } = flipMasks(TAIL_BITS, f);
    let cand = this.cand;
    let n = 0;
    for (let s = 0; s < SLOTS; s++) {
      const v = slotValue(q, o, s);
      const lowBits = SLOT_WIDTH[s]! - TAIL_BITS;
      const top = v >>> lowBits;
      const kl = v & ((1 << lowBits) - 1);
      const base = s << TAIL_BITS;
      for (let mi = 0; mi < masks.length; mi++) {
        const allowed = f - bits[mi]!;
        for (let link = head[base | (top ^ masks[mi]!)]!; link !== 0; ) {
          const t = (link >>> 8) - 1;
          if (POP16[(link & 0xff) ^ kl]! <= allowed) {
            if (n === cand.length) cand = this.growCandidates(n + 1);
            cand[n++] = t;
          }
          link = next[t * SLOTS + s]!;
        }
      }
    }
    return n;
  }
}

/** Checks the candidates (entry numbers into W) against query `o`; records those within t. */
function verify(
  q: Uint32Array,
  o: number,
  t: number,
  W: Uint32Array,
  removed: Uint8Array,
  cand: Uint32Array,
  n: number,
  base: number,
  qi: number,
  best: Map<number, number>,
): void {
  const P = POP16;
  const q0 = q[o]!, q1 = q[o + 1]!, q2 = q[o + 2]!, q3 = q[o + 3]!;
  const q4 = q[o + 4]!, q5 = q[o + 5]!, q6 = q[o + 6]!, q7 = q[o + 7]!;
  for (let i = 0; i < n; i++) {
    const e = cand[i]!;
    const b = e * 8;
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
    if (d > t || removed[e]) continue;
    const packed = d * 4294967296 + qi;
    const prev = best.get(base + e);
    if (prev === undefined || packed < prev) best.set(base + e, packed);
  }
}

/** Linear scan of W[0..count) for all query hashes; entry numbers are offset by `base`. */
function scanRange(
  q: Uint32Array,
  nq: number,
  t: number,
  W: Uint32Array,
  removed: Uint8Array,
  count: number,
  base: number,
  best: Map<number, number>,
): void {
  const P = POP16;
  if (nq === 1) {
    const q0 = q[0]!, q1 = q[1]!, q2 = q[2]!, q3 = q[3]!, q4 = q[4]!, q5 = q[5]!, q6 = q[6]!, q7 = q[7]!;
    for (let e = 0, b = 0; e < count; e++, b += 8) {
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
      if (d > t || removed[e]) continue;
      const prev = best.get(base + e);
      const packed = d * 4294967296;
      if (prev === undefined || packed < prev) best.set(base + e, packed);
    }
    return;
  }
  for (let e = 0, b = 0; e < count; e++, b += 8) {
    const w0 = W[b]!, w1 = W[b + 1]!, w2 = W[b + 2]!;
    for (let i = 0, o = 0; i < nq; i++, o += 8) {
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
      if (d > t || removed[e]) continue;
      const packed = d * 4294967296 + i;
      const prev = best.get(base + e);
      if (prev === undefined || packed < prev) best.set(base + e, packed);
    }
  }
}
