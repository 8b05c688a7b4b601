/**
 * An open-addressing table of 64-bit text keys (normalised-text hashes) with, per key, the
 * ordinal of the row where the text was first seen and a hash of its labels: about 32 bytes per
 * unique text (at load ≤ 0.5), whatever the texts' lengths. With 2^64 keys a collision among
 * even a billion texts is unlikely (≈ 3 %), and would only merge two texts.
 */
export class KeyTable {
  private cap: number;
  private hi: Int32Array;
  private lo: Int32Array;
  private first: Float64Array;
  private labelHash: Int32Array;
  private used: Uint8Array;
  size = 0;

  constructor(initial = 1 << 12) {
    let cap = 16;
    while (cap < initial * 2) cap *= 2;
    this.cap = cap;
    this.hi = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.first = new Float64Array(cap);
    this.labelHash = new Int32Array(cap);
    this.used = new Uint8Array(cap);
  }

  private slot(hi: number, lo: number): number {
    const mask = this.cap - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.used[i] && (this.hi[i] !== (hi | 0) || this.lo[i] !== (lo | 0))) i = (i + 1) & mask;
    return i;
  }

  /** The row where the key was first seen, or -1. */
  firstRow(hi: number, lo: number): number {
    const i = this.slot(hi, lo);
    return this.used[i] ? this.first[i]! : -1;
  }

  labelHashOf(hi: number, lo: number): number {
    const i = this.slot(hi, lo);
    return this.used[i] ? this.labelHash[i]! : 0;
  }

  /** Adds the key if new; returns whether it was new. */
  add(hi: number, lo: number, row: number, labelHash: number): boolean {
    if ((this.size + 1) * 2 > this.cap) this.grow();
    const i = this.slot(hi, lo);
    if (this.used[i]) return false;
    this.used[i] = 1;
    this.hi[i] = hi | 0;
    this.lo[i] = lo | 0;
    this.first[i] = row;
    this.labelHash[i] = labelHash | 0;
    this.size++;
    return true;
  }

  private grow(): void {
    const { hi, lo, first, labelHash, used, cap } = this;
    this.cap = cap * 2;
    this.hi = new Int32Array(this.cap);
    this.lo = new Int32Array(this.cap);
    this.first = new Float64Array(this.cap);
    this.labelHash = new Int32Array(this.cap);
    this.used = new Uint8Array(this.cap);
    this.size = 0;
    for (let i = 0; i < cap; i++) if (used[i]) this.add(hi[i]!, lo[i]!, first[i]!, labelHash[i]!);
  }

  get bytes(): number {
    return this.cap * 21;
  }
}
