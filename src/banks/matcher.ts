import { CATEGORY_IDS, type CategoryId } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import { PdqMatchIndex, writeHashWords } from '../signals/hash/match-index.js';
import { bankGeneration, enabledBanks, enabledEntries, SIGNAL_TYPES, type Bank, type BankAction, type BankEntry, type Provenance, type SignalType, type VpdqFrameHash } from './banks.js';

/** The hashes of one image or video, as a scan or a stored content item has them. */
export interface MediaHashes {
  kind: 'image' | 'video';
  md5?: string | undefined;
  sha256?: string | undefined;
  /** Image: the reference PDQ hash, and its dihedral variants when the image was hashed here. */
  pdq?: { hash: string; quality: number; dihedral?: Record<string, string> | undefined } | undefined;
  /** Image: the hash of the picture inside detected bars. */
  cropped?: { hash: string; quality: number } | undefined;
  /** Video: one PDQ hash per sampled frame. */
  frames?: VpdqFrameHash[] | undefined;
}

export interface FrameMatch {
  queryFrame: number;
  queryTimestamp: number;
  targetFrame?: number | undefined;
  targetTimestamp?: number | undefined;
  distance: number;
}

/** A bank entry that a piece of media matched, with what the bank says to do. */
export interface BankMatch {
  bank: string;
  bankId: number;
  entryId: number;
  action: BankAction;
  category: CategoryId;
  signalType: SignalType;
  /** md5, sha256, pdq, pdq-dihedral:<variant>, pdq-cropped, vpdq, vpdq-cropped, pdq-in-video. */
  method: string;
  distance: number;
  provenance: Provenance;
  sourceRef: string | null;
  /** Videos: the share of the query's frames and of the banked video's frames that matched. */
  queryMatchPercent?: number;
  comparedMatchPercent?: number;
  /** Videos: which frames matched, at which second. */
  frames?: FrameMatch[];
}

/** A match before its provenance is read from the database. */
type Found = Omit<BankMatch, 'provenance' | 'sourceRef'>;

const MAX_THRESHOLD = 31;
const FRAMES_REPORTED = 50;
const NO_CATEGORY = 255;

/**
 * The hashes of a first load, parsed as they come (no string kept per hash) into blocks of 64k,
 * then joined into the two arrays the index adopts, block by block: the peak is the arrays plus
 * one block.
 */
class BulkHashes {
  private static readonly BLOCK = 1 << 16;
  private words: Uint32Array[] = [];
  private ids: Uint32Array[] = [];
  count = 0;

  push(id: number, hash: string, where: string): void {
    const at = this.count % BulkHashes.BLOCK;
    if (at === 0) {
      this.words.push(new Uint32Array(BulkHashes.BLOCK * 8));
      this.ids.push(new Uint32Array(BulkHashes.BLOCK));
    }
    writeHashWords(hash, this.words.at(-1)!, at * 8, where);
    this.ids.at(-1)![at] = id;
    this.count++;
  }

  take(): { ids: Uint32Array; hashes: Uint32Array } {
    const ids = new Uint32Array(this.count);
    const hashes = new Uint32Array(this.count * 8);
    for (let b = 0; b < this.ids.length; b++) {
      const n = Math.min(BulkHashes.BLOCK, this.count - b * BulkHashes.BLOCK);
      ids.set(this.ids[b]!.subarray(0, n), b * BulkHashes.BLOCK);
      hashes.set(this.words[b]!.subarray(0, n * 8), b * BulkHashes.BLOCK * 8);
      this.ids[b] = this.words[b] = new Uint32Array(0); // this block can go
    }
    return { ids, hashes };
  }
}

/** Growable typed columns: millions of entries without millions of objects. */
class Column<T extends Uint32Array | Int32Array | Uint16Array | Uint8Array | Int8Array> {
  data: T;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const bigger = this.make(Math.max(i + 1, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = v;
  }
}

/**
 * Every enabled bank's perceptual hashes in memory: a multi-index PDQ index (exact for distances
 * up to 31) over image hashes, their cropped variants and every frame of banked videos, with the
 * facts needed to judge a hit kept in typed columns (about 18 bytes per hash beside the index; entry ids below 2^32, bank ids below 65,536).
 * Exact hashes (MD5, SHA-256) are looked up in the database. Built from the database at start-up;
 * new entries are picked up by id without a rebuild; changes that disable, delete or
 * re-threshold (they bump the bank generation) rebuild it.
 */
export class BankMatcher {
  private index = new PdqMatchIndex();
  // per indexed hash
  private refSlot = new Column((n) => new Uint32Array(n));
  private refFrame = new Column((n) => new Int32Array(n));
  private refCropped = new Column((n) => new Uint8Array(n));
  private refs = 0;
  // per entry (slot)
  private entryId = new Column((n) => new Uint32Array(n));
  private entryBank = new Column((n) => new Uint16Array(n));
  private entryQuality = new Column((n) => new Int8Array(n));
  private entryType = new Column((n) => new Uint8Array(n));
  private entryCategory = new Column((n) => new Uint8Array(n));
  private slots = 0;
  private videoFrames = new Map<number, { frame: number; timestamp: number; quality: number }[]>();
  private banks = new Map<number, Bank>();
  private lastId = 0;
  private generation = -1;
  private refreshing: Promise<void> | undefined;

  /** `only`: a matcher of just these entries (retroactive matching of new entries). */
  constructor(
    private readonly db: Db,
    private readonly only?: readonly number[],
  ) {}

  /** Perceptual entries held in memory. */
  get size(): number {
    return this.slots;
  }

  /** Brings the matcher up to date with the database (cheap when nothing changed). */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const generation = await bankGeneration(this.db);
    if (generation !== this.generation) {
      this.index.clear(); // frees the old tables at once (not the next collection)
      this.index = new PdqMatchIndex();
      this.refs = 0;
      this.slots = 0;
      this.videoFrames.clear();
      this.lastId = 0;
      this.generation = generation;
    }
    this.banks = new Map((await enabledBanks(this.db)).map((b) => [b.id, b]));
    const bulk = this.refs === 0 ? new BulkHashes() : undefined;
    for await (const page of enabledEntries(this.db, this.lastId, this.only)) {
      for (const e of page) this.addEntry(e, bulk);
      this.lastId = page.at(-1)!.id;
    }
    if (bulk?.count) this.index.load(bulk.take(), { adopt: true });
  }

  private addEntry(e: BankEntry, bulk?: BulkHashes): void {
    if (e.signalType === 'md5' || e.signalType === 'sha256') return; // matched in the database
    if (e.id > 0xffffffff || e.bankId > 0xffff) throw new Error(`bank entry ${e.id} of bank ${e.bankId} is beyond the matcher's id range`);
    const slot = this.slots++;
    this.entryId.set(slot, e.id);
    this.entryBank.set(slot, e.bankId);
    this.entryQuality.set(slot, e.quality ?? -1);
    this.entryType.set(slot, SIGNAL_TYPES.indexOf(e.signalType));
    this.entryCategory.set(slot, e.category ? CATEGORY_IDS.indexOf(e.category) : NO_CATEGORY);
    const put = (hash: string, frame: number, cropped: boolean) => {
      const ref = this.refs++;
      this.refSlot.set(ref, slot);
      this.refFrame.set(ref, frame);
      this.refCropped.set(ref, cropped ? 1 : 0);
      if (bulk) bulk.push(ref, hash, `bank entry ${e.id}`);
      else this.index.add(ref, hash);
    };
    if (e.signalType === 'pdq') {
      put(e.value, -1, false);
      if (e.cropped) put(e.cropped, -1, true);
    } else if (e.frames) {
      this.videoFrames.set(slot, e.frames.map((f) => ({ frame: f.frame, timestamp: f.timestamp, quality: f.quality })));
      e.frames.forEach((f, i) => {
        put(f.hash, i, false);
        if (f.cropped) put(f.cropped.hash, i, true);
      });
    }
  }

  private found(slot: number, method: string, distance: number, extra: Partial<Found> = {}): Found | undefined {
    const bank = this.banks.get(this.entryBank.data[slot]!);
    if (!bank) return undefined;
    const c = this.entryCategory.data[slot]!;
    const category = c === NO_CATEGORY ? bank.category : CATEGORY_IDS[c]!;
    if (!category) return undefined;
    return {
      bank: bank.name,
      bankId: bank.id,
      entryId: this.entryId.data[slot]!,
      action: bank.action,
      category,
      signalType: SIGNAL_TYPES[this.entryType.data[slot]!]!,
      method,
      distance,
      ...extra,
    };
  }

  /** Banked entries this media matches: exact hashes, then PDQ (all variants) or vPDQ. */
  async matchMedia(h: MediaHashes): Promise<BankMatch[]> {
    const found = await this.exactMatches(h);
    const seen = new Set(found.map((m) => m.entryId));
    const perceptual = h.kind === 'video' ? this.matchVideo(h.frames ?? []) : this.matchImage(h);
    for (const m of perceptual) if (!seen.has(m.entryId)) found.push(m);
    found.sort((a, b) => a.distance - b.distance);
    return this.withProvenance(found);
  }

  private async exactMatches(h: MediaHashes): Promise<Found[]> {
    const wanted = [h.md5 && { t: 'md5', v: h.md5.toLowerCase() }, h.sha256 && { t: 'sha256', v: h.sha256.toLowerCase() }].filter(Boolean) as { t: string; v: string }[];
    if (wanted.length === 0 || this.banks.size === 0) return [];
    let q = this.db
      .selectFrom('bank_entries')
      .select(['id', 'bank_id', 'signal_type', 'category'])
      .where('enabled', '=', true)
      .where((eb) => eb.or(wanted.map((w) => eb.and([eb('value', '=', w.v), eb('signal_type', '=', w.t)]))));
    if (this.only) q = q.where('id', 'in', this.only.length ? [...this.only] : [-1]);
    const out: Found[] = [];
    for (const r of await q.execute()) {
      const bank = this.banks.get(r.bank_id);
      const category = (r.category as CategoryId | null) ?? bank?.category;
      if (!bank || !category) continue;
      out.push({ bank: bank.name, bankId: bank.id, entryId: Number(r.id), action: bank.action, category, signalType: r.signal_type as SignalType, method: r.signal_type, distance: 0 });
    }
    return out;
  }

  /** Provenance and source are read for the few entries that matched, not kept in memory. */
  private async withProvenance(found: Found[]): Promise<BankMatch[]> {
    if (found.length === 0) return [];
    const rows = await this.db.selectFrom('bank_entries').select(['id', 'provenance', 'source_ref']).where('id', 'in', [...new Set(found.map((f) => f.entryId))]).execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return found.flatMap((f) => {
      const r = byId.get(f.entryId);
      return r ? [{ ...f, provenance: r.provenance as Provenance, sourceRef: r.source_ref }] : [];
    });
  }

  private matchImage(h: MediaHashes): Found[] {
    if (!h.pdq || this.refs === 0) return [];
    const names: string[] = ['pdq'];
    const queries: string[] = [h.pdq.hash];
    for (const [variant, hash] of Object.entries(h.pdq.dihedral ?? {})) {
      if (variant === 'original') continue;
      names.push(`pdq-dihedral:${variant}`);
      queries.push(hash);
    }
    if (h.cropped) {
      names.push('pdq-cropped');
      queries.push(h.cropped.hash);
    }
    const quality = (i: number) => (names[i] === 'pdq-cropped' ? h.cropped!.quality : h.pdq!.quality);
    const best = new Map<number, Found>();
    for (const hit of this.index.query(queries, { threshold: MAX_THRESHOLD })) {
      const slot = this.refSlot.data[hit.id]!;
      const frame = this.refFrame.data[hit.id]!;
      const bank = this.banks.get(this.entryBank.data[slot]!);
      if (!bank || hit.distance > bank.pdqThreshold || quality(hit.queryIndex) < bank.minQuality) continue;
      const frames = frame >= 0 ? this.videoFrames.get(slot) : undefined;
      const entryQuality = frames ? frames[frame]!.quality : this.entryQuality.data[slot]!;
      if (entryQuality >= 0 && entryQuality < bank.minQuality) continue;
      const method =
        frame >= 0 ? 'pdq-in-video' : this.refCropped.data[hit.id] && names[hit.queryIndex] === 'pdq' ? 'pdq-cropped' : names[hit.queryIndex]!;
      const extra: Partial<Found> = frames
        ? { frames: [{ queryFrame: 0, queryTimestamp: 0, targetFrame: frames[frame]!.frame, targetTimestamp: frames[frame]!.timestamp, distance: hit.distance }] }
        : {};
      const m = this.found(slot, method, hit.distance, extra);
      const prev = best.get(slot);
      if (m && (!prev || m.distance < prev.distance)) best.set(slot, m);
    }
    return [...best.values()];
  }

  private matchVideo(frames: VpdqFrameHash[]): Found[] {
    if (frames.length === 0 || this.refs === 0) return [];
    type Acc = { query: Map<number, FrameMatch>; target: Set<number>; cropped: boolean; best: number };
    const acc = new Map<number, Acc>();
    const minQuality = Math.min(...[...this.banks.values()].map((b) => b.minQuality), 100);
    const considered = frames.filter((f) => f.quality >= minQuality);
    for (const f of considered) {
      const queries = [f.hash, ...(f.cropped ? [f.cropped.hash] : [])];
      for (const hit of this.index.query(queries, { threshold: MAX_THRESHOLD })) {
        const slot = this.refSlot.data[hit.id]!;
        const frame = this.refFrame.data[hit.id]!;
        const bank = this.banks.get(this.entryBank.data[slot]!);
        if (!bank || hit.distance > bank.pdqThreshold || f.quality < bank.minQuality) continue;
        const target = frame >= 0 ? this.videoFrames.get(slot)?.[frame] : undefined;
        if (target ? target.quality < bank.minQuality : this.entryQuality.data[slot]! >= 0 && this.entryQuality.data[slot]! < bank.minQuality) continue;
        let a = acc.get(slot);
        if (!a) acc.set(slot, (a = { query: new Map(), target: new Set(), cropped: false, best: Infinity }));
        const prev = a.query.get(f.frame);
        if (!prev || hit.distance < prev.distance) {
          a.query.set(f.frame, { queryFrame: f.frame, queryTimestamp: f.timestamp, targetFrame: target?.frame, targetTimestamp: target?.timestamp, distance: hit.distance });
        }
        if (frame >= 0) a.target.add(frame);
        if (this.refCropped.data[hit.id] || hit.queryIndex === 1) a.cropped = true;
        a.best = Math.min(a.best, hit.distance);
      }
    }
    const out: Found[] = [];
    for (const [slot, a] of acc) {
      const bank = this.banks.get(this.entryBank.data[slot]!)!;
      const matched = [...a.query.values()].sort((x, y) => x.queryTimestamp - y.queryTimestamp);
      const considerable = considered.filter((f) => f.quality >= bank.minQuality).length;
      const queryMatchPercent = considerable ? (100 * matched.length) / considerable : 0;
      const targetFrames = this.videoFrames.get(slot);
      if (targetFrames) {
        const comparable = targetFrames.filter((f) => f.quality >= bank.minQuality).length;
        const comparedMatchPercent = comparable ? (100 * a.target.size) / comparable : 0;
        if (queryMatchPercent < bank.vpdqQueryPercent || comparedMatchPercent < bank.vpdqComparedPercent) continue;
        const m = this.found(slot, a.cropped ? 'vpdq-cropped' : 'vpdq', median(matched.map((x) => x.distance)), {
          queryMatchPercent: round(queryMatchPercent),
          comparedMatchPercent: round(comparedMatchPercent),
          frames: matched.slice(0, FRAMES_REPORTED),
        });
        if (m) out.push(m);
      } else {
        // A banked image shown in some frames of the video.
        const m = this.found(slot, 'pdq-in-video', a.best, { queryMatchPercent: round(queryMatchPercent), frames: matched.slice(0, FRAMES_REPORTED) });
        if (m) out.push(m);
      }
    }
    return out;
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
}
