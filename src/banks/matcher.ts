import type { CategoryId } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import { PdqMatchIndex } from '../signals/hash/match-index.js';
import { bankGeneration, enabledBanks, enabledEntries, type Bank, type BankAction, type BankEntry, type Provenance, type SignalType, type VpdqFrameHash } from './banks.js';

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

interface EntryMeta {
  id: number;
  bankId: number;
  signalType: SignalType;
  category: CategoryId | null;
  quality: number | null;
  provenance: Provenance;
  sourceRef: string | null;
  /** vPDQ entries: frame numbers and timestamps by position, and how many frames pass the quality bar. */
  frames?: { frame: number; timestamp: number; quality: number }[];
}

interface Ref {
  entry: number;
  /** Position of the frame in a vPDQ entry, or -1 for an image hash. */
  frame: number;
  cropped: boolean;
}

const MAX_THRESHOLD = 31;
const FRAMES_REPORTED = 50;

/**
 * Every enabled bank's hashes in memory: a multi-index PDQ index (exact for distances up to 31)
 * over image hashes, their cropped variants and every frame of banked videos, plus maps for exact
 * hashes. Built from the database at start-up; new entries are picked up by id without a rebuild;
 * changes that remove or re-threshold (bumping the bank generation) rebuild it.
 */
export class BankMatcher {
  private index = new PdqMatchIndex();
  private refs: Ref[] = [];
  private entries = new Map<number, EntryMeta>();
  private exact = new Map<string, number[]>();
  private banks = new Map<number, Bank>();
  private lastId = 0;
  private generation = -1;
  private refreshing: Promise<void> | undefined;

  /** `only`: a matcher of just these entries (retroactive matching of new entries). */
  constructor(
    private readonly db: Db,
    private readonly only?: readonly number[],
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Brings the matcher up to date with the database (cheap when nothing changed). */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const generation = await bankGeneration(this.db);
    if (generation !== this.generation) {
      this.index = new PdqMatchIndex();
      this.refs = [];
      this.entries.clear();
      this.exact.clear();
      this.lastId = 0;
      this.generation = generation;
    }
    this.banks = new Map((await enabledBanks(this.db)).map((b) => [b.id, b]));
    const bulk = this.refs.length === 0;
    const ids: number[] = [];
    const hashes: string[] = [];
    for await (const page of enabledEntries(this.db, this.lastId, this.only)) {
      for (const e of page) this.addEntry(e, bulk ? { ids, hashes } : undefined);
      this.lastId = page.at(-1)!.id;
    }
    if (bulk && ids.length) this.index.load(ids.map((id, i) => ({ id, hash: hashes[i]! })));
  }

  private addEntry(e: BankEntry, bulk?: { ids: number[]; hashes: string[] }): void {
    const meta: EntryMeta = {
      id: e.id,
      bankId: e.bankId,
      signalType: e.signalType,
      category: e.category,
      quality: e.quality,
      provenance: e.provenance,
      sourceRef: e.sourceRef,
    };
    this.entries.set(e.id, meta);
    const put = (hash: string, frame: number, cropped: boolean) => {
      const ref = this.refs.length;
      this.refs.push({ entry: e.id, frame, cropped });
      if (bulk) {
        bulk.ids.push(ref);
        bulk.hashes.push(hash);
      } else this.index.add(ref, hash);
    };
    if (e.signalType === 'md5' || e.signalType === 'sha256') {
      const key = `${e.signalType}:${e.value}`;
      this.exact.set(key, [...(this.exact.get(key) ?? []), e.id]);
    } else if (e.signalType === 'pdq') {
      put(e.value, -1, false);
      if (e.cropped) put(e.cropped, -1, true);
    } else if (e.frames) {
      meta.frames = e.frames.map((f) => ({ frame: f.frame, timestamp: f.timestamp, quality: f.quality }));
      e.frames.forEach((f, i) => {
        put(f.hash, i, false);
        if (f.cropped) put(f.cropped.hash, i, true);
      });
    }
  }

  private match(meta: EntryMeta, method: string, distance: number, extra: Partial<BankMatch> = {}): BankMatch | undefined {
    const bank = this.banks.get(meta.bankId);
    if (!bank) return undefined;
    const category = meta.category ?? bank.category;
    if (!category) return undefined;
    return {
      bank: bank.name,
      bankId: bank.id,
      entryId: meta.id,
      action: bank.action,
      category,
      signalType: meta.signalType,
      method,
      distance,
      provenance: meta.provenance,
      sourceRef: meta.sourceRef,
      ...extra,
    };
  }

  private exactMatches(h: MediaHashes): BankMatch[] {
    const out: BankMatch[] = [];
    for (const type of ['md5', 'sha256'] as const) {
      const value = h[type];
      if (!value) continue;
      for (const id of this.exact.get(`${type}:${value.toLowerCase()}`) ?? []) {
        const m = this.match(this.entries.get(id)!, type, 0);
        if (m) out.push(m);
      }
    }
    return out;
  }

  /** Banked entries this media matches: exact hashes, then PDQ (all variants) or vPDQ. */
  matchMedia(h: MediaHashes): BankMatch[] {
    const found = this.exactMatches(h);
    const seen = new Set(found.map((m) => m.entryId));
    const perceptual = h.kind === 'video' ? this.matchVideo(h.frames ?? []) : this.matchImage(h);
    for (const m of perceptual) if (!seen.has(m.entryId)) found.push(m);
    return found.sort((a, b) => a.distance - b.distance);
  }

  private matchImage(h: MediaHashes): BankMatch[] {
    if (!h.pdq || this.refs.length === 0) return [];
    const names: string[] = ['pdq'];
    const queries: string[] = [h.pdq.hash];
    for (const [variant, hash] of Object.entries(h.pdq.dihedral ?? {})) {
      if (variant === 'original') continue;
      names.push(`pdq-dihedral:${variant}`);
      queries.push(hash);
    }
    if (h.cropped && h.cropped.quality >= 0) {
      names.push('pdq-cropped');
      queries.push(h.cropped.hash);
    }
    const quality = (i: number) => (names[i] === 'pdq-cropped' ? h.cropped!.quality : h.pdq!.quality);
    const best = new Map<number, BankMatch>();
    for (const hit of this.index.query(queries, { threshold: MAX_THRESHOLD })) {
      const ref = this.refs[hit.id]!;
      const meta = this.entries.get(ref.entry);
      const bank = meta && this.banks.get(meta.bankId);
      if (!meta || !bank || hit.distance > bank.pdqThreshold || quality(hit.queryIndex) < bank.minQuality) continue;
      if (meta.signalType === 'pdq' && (meta.quality ?? 100) < bank.minQuality) continue;
      const method = ref.frame >= 0 ? 'pdq-in-video' : ref.cropped && names[hit.queryIndex] === 'pdq' ? 'pdq-cropped' : names[hit.queryIndex]!;
      const extra: Partial<BankMatch> =
        ref.frame >= 0 && meta.frames
          ? { frames: [{ queryFrame: 0, queryTimestamp: 0, targetFrame: meta.frames[ref.frame]!.frame, targetTimestamp: meta.frames[ref.frame]!.timestamp, distance: hit.distance }] }
          : {};
      const m = this.match(meta, method, hit.distance, extra);
      const prev = best.get(meta.id);
      if (m && (!prev || m.distance < prev.distance)) best.set(meta.id, m);
    }
    return [...best.values()];
  }

  private matchVideo(frames: VpdqFrameHash[]): BankMatch[] {
    if (frames.length === 0 || this.refs.length === 0) return [];
    type Acc = { query: Map<number, FrameMatch>; target: Set<number>; cropped: boolean; best: number };
    const acc = new Map<number, Acc>();
    const minQuality = Math.min(...[...this.banks.values()].map((b) => b.minQuality), 100);
    const considered = frames.filter((f) => f.quality >= minQuality);
    for (const f of considered) {
      const queries = [f.hash, ...(f.cropped ? [f.cropped.hash] : [])];
      for (const hit of this.index.query(queries, { threshold: MAX_THRESHOLD })) {
        const ref = this.refs[hit.id]!;
        const meta = this.entries.get(ref.entry);
        const bank = meta && this.banks.get(meta.bankId);
        if (!meta || !bank || hit.distance > bank.pdqThreshold || f.quality < bank.minQuality) continue;
        let a = acc.get(meta.id);
        if (!a) acc.set(meta.id, (a = { query: new Map(), target: new Set(), cropped: false, best: Infinity }));
        const target = ref.frame >= 0 ? meta.frames?.[ref.frame] : undefined;
        if (target && target.quality < bank.minQuality) continue;
        const prev = a.query.get(f.frame);
        if (!prev || hit.distance < prev.distance) {
          a.query.set(f.frame, { queryFrame: f.frame, queryTimestamp: f.timestamp, targetFrame: target?.frame, targetTimestamp: target?.timestamp, distance: hit.distance });
        }
        if (ref.frame >= 0) a.target.add(ref.frame);
        if (ref.cropped || hit.queryIndex === 1) a.cropped = true;
        a.best = Math.min(a.best, hit.distance);
      }
    }
    const out: BankMatch[] = [];
    for (const [entryId, a] of acc) {
      const meta = this.entries.get(entryId)!;
      const bank = this.banks.get(meta.bankId)!;
      const matched = [...a.query.values()].sort((x, y) => x.queryTimestamp - y.queryTimestamp);
      const considerable = considered.filter((f) => f.quality >= bank.minQuality).length;
      const queryMatchPercent = considerable ? (100 * matched.length) / considerable : 0;
      if (meta.signalType === 'vpdq') {
        const targetFrames = (meta.frames ?? []).filter((f) => f.quality >= bank.minQuality).length;
        const comparedMatchPercent = targetFrames ? (100 * a.target.size) / targetFrames : 0;
        if (queryMatchPercent < bank.vpdqQueryPercent || comparedMatchPercent < bank.vpdqComparedPercent) continue;
        const m = this.match(meta, a.cropped ? 'vpdq-cropped' : 'vpdq', median(matched.map((x) => x.distance)), {
          queryMatchPercent: round(queryMatchPercent),
          comparedMatchPercent: round(comparedMatchPercent),
          frames: matched.slice(0, FRAMES_REPORTED),
        });
        if (m) out.push(m);
      } else {
        // A banked image shown in some frames of the video.
        const m = this.match(meta, 'pdq-in-video', a.best, { queryMatchPercent: round(queryMatchPercent), frames: matched.slice(0, FRAMES_REPORTED) });
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
