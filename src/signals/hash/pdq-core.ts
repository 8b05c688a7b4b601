/**
 * PDQ perceptual hash (Meta, 2017), bit-compatible with Meta's C++ reference
 * (facebook/ThreatExchange `pdq/cpp`).
 *
 * Pipeline, as in the reference:
 *  1. luma Y = 0.299 R + 0.587 G + 0.114 B, in 32-bit float (grey images use the grey value as is);
 *  2. blur with a Jarosz tent filter: two passes of a box filter along rows then columns, window
 *     ceil(dimension / 128) (half of a 64th, because there are two passes);
 *  3. decimate to 64×64 by sampling the blurred image at the centres of a 64×64 grid;
 *  4. quality: sum of the quantised gradients of the 64×64 image, / 90, capped at 100;
 *  5. DCT: only the 16×16 low frequencies without the DC row and column (B = D·A·Dᵀ with a 16×64 D);
 *  6. one bit per coefficient: set when it is above the median of the 256 coefficients.
 *
 * Every arithmetic step that the reference does in `float` is rounded to float32 here
 * (`Math.fround`), so that the same pixels give the same bits. Where WebAssembly SIMD is available
 * (every supported Node), luma, filter, decimation and DCT run instead in pdq-wasm.ts / pdq-simd.wat,
 * which does the same float32 operations in the same order (about 1 ms instead of 3–5 ms for a
 * 512×512 picture); the JavaScript below is the fallback and the readable specification.
 *
 * The eight dihedral variants (rotations and flips) come from the same DCT: a transform of the
 * picture is a transposition and/or a sign pattern on the DCT coefficients. Names follow the
 * reference: `rotate90` is the picture turned 90° counter-clockwise, `flipX` mirrored top to
 * bottom, `flipY` left to right, `flipPlus1` transposed, `flipMinus1` anti-transposed.
 *
 * This file is the pure core (no I/O): {@link pdqFromLuma} is what video frames use. Image files go
 * through `pdqFromImage` (image.ts: decoding, the reference's pre-resize to 512×512, colour
 * handling); `pdq.ts` is the public entry that exports both.
 */
import { SaringError } from '../../errors/errors.js';
import { detectContentRect, type ContentRect, type LetterboxOptions } from './letterbox.js';
import { DCT, wasmHashLoaded, wasmLumaCopy, wasmLumaFromFloat, wasmLumaFromPixels } from './pdq-wasm.js';

export type { ContentRect } from './letterbox.js';

/** A PDQ hash: 64 hex digits (256 bits) and the quality (0..100; below 50 is not used for matching). */
export interface PdqHash {
  hash: string;
  quality: number;
}

export const DIHEDRAL_NAMES = [
  'original',
  'rotate90',
  'rotate180',
  'rotate270',
  'flipX',
  'flipY',
  'flipPlus1',
  'flipMinus1',
] as const;
export type DihedralName = (typeof DIHEDRAL_NAMES)[number];
export type DihedralHashes = Record<DihedralName, string>;

/** The hash of the picture inside detected bars (letterbox / pillarbox), in the input's pixel coordinates. */
export interface CroppedPdqHash extends PdqHash {
  rect: ContentRect;
  dihedral?: DihedralHashes;
}

export interface PdqResult extends PdqHash {
  /** The eight dihedral hashes (`original` equals `hash`), when asked for. */
  dihedral?: DihedralHashes;
  /** An additional hash of the content inside detected borders; absent when there are none or when not asked for. */
  cropped?: CroppedPdqHash;
}

export interface PdqOptions {
  /** Also compute the eight dihedral hashes. Default false. */
  dihedral?: boolean;
  /** Detect uniform or blurred borders and add a hash of the content inside them. Default false. */
  letterbox?: boolean | LetterboxOptions;
}

/** Maximum distance at which two PDQ hashes are considered a match (Meta's recommendation). */
export const PDQ_MATCH_THRESHOLD = 31;
/** Hashes with a quality below this are not used for matching (Meta's recommendation). */
export const PDQ_MIN_QUALITY = 50;

/** The reference returns an all-zero hash of quality 0 for pictures smaller than this. */
const MIN_HASHABLE_DIM = 5;
const ZERO_HASH = '0'.repeat(64);

const fround = Math.fround;

// ---------------------------------------------------------------- luma
const LUMA_R = new Float32Array(256);
const LUMA_G = new Float32Array(256);
const LUMA_B = new Float32Array(256);
{
  const r = fround(0.299);
  const g = fround(0.587);
  const b = fround(0.114);
  for (let v = 0; v < 256; v++) {
    LUMA_R[v] = fround(r * v);
    LUMA_G[v] = fround(g * v);
    LUMA_B[v] = fround(b * v);
  }
}

/**
 * Float luma of an 8-bit pixel buffer, as the reference computes it.
 * `channels` 1 (grey: the value itself), 2 (grey + alpha: alpha ignored), 3 (RGB) or 4 (RGBA:
 * alpha ignored).
 * `stride` is the number of bytes per row (default width × channels).
 */
export function lumaFromPixels(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
  out?: Float32Array,
  stride = width * channels,
): Float32Array {
  const n = width * height;
  const luma = out && out.length >= n ? out : new Float32Array(n);
  if (channels === 1 || channels === 2) {
    for (let y = 0; y < height; y++) {
      let p = y * stride;
      const o = y * width;
      for (let x = 0; x < width; x++, p += channels) luma[o + x] = data[p]!;
    }
    return luma;
  }
  for (let y = 0; y < height; y++) {
    let p = y * stride;
    const o = y * width;
    for (let x = 0; x < width; x++, p += channels) {
      // ((R + G) + B), each product and sum rounded to float as in C++ float arithmetic.
      luma[o + x] = fround(fround(LUMA_R[data[p]!]! + LUMA_G[data[p + 1]!]!) + LUMA_B[data[p + 2]!]!);
    }
  }
  return luma;
}

// ---------------------------------------------------------------- Jarosz filter and decimation

/** Window of each box pass so that two passes cover one output cell: ceil(old / (2·new)). */
export function jaroszWindowSize(oldDimension: number, newDimension: number): number {
  return Math.floor((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

/**
 * One box filter along a line of `length` values starting at `offset`, `stride` apart. The window
 * is centred (one more value ahead than behind for even windows) and shrinks at the edges, in
 * the four phases of the reference; the running sum is a float.
 */
function box1D(input: Float32Array, output: Float32Array, offset: number, length: number, stride: number, window: number): void {
  const half = (window + 2) >> 1;
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = length - window;
  const phase4 = half - 1;
  let li = offset;
  let ri = offset;
  let oi = offset;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < phase1; i++) {
    sum = fround(sum + input[ri]!);
    count++;
    ri += stride;
  }
  for (let i = 0; i < phase2; i++) {
    sum = fround(sum + input[ri]!);
    count++;
    output[oi] = sum / count;
    ri += stride;
    oi += stride;
  }
  for (let i = 0; i < phase3; i++) {
    sum = fround(fround(sum + input[ri]!) - input[li]!);
    output[oi] = sum / count;
    li += stride;
    ri += stride;
    oi += stride;
  }
  for (let i = 0; i < phase4; i++) {
    sum = fround(sum - input[li]!);
    count--;
    output[oi] = sum / count;
    li += stride;
    oi += stride;
  }
}

let colSums = new Float32Array(0);

/**
 * The same box filter along every column at once: the image is swept row by row with one running
 * sum per column, which is cache-friendly and gives the same float results as column-by-column.
 */
function boxAlongCols(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number): void {
  if (colSums.length < cols) colSums = new Float32Array(cols);
  const sums = colSums;
  sums.fill(0, 0, cols);
  const half = (window + 2) >> 1;
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = rows - window;
  const phase4 = half - 1;
  let li = 0;
  let ri = 0;
  let oi = 0;
  let count = 0;
  for (let i = 0; i < phase1; i++, ri++) {
    const r = ri * cols;
    for (let c = 0; c < cols; c++) sums[c] = sums[c]! + input[r + c]!;
    count++;
  }
  for (let i = 0; i < phase2; i++, ri++, oi++) {
    const r = ri * cols;
    const o = oi * cols;
    count++;
    for (let c = 0; c < cols; c++) {
      const s = fround(sums[c]! + input[r + c]!);
      sums[c] = s;
      output[o + c] = s / count;
    }
  }
  for (let i = 0; i < phase3; i++, ri++, li++, oi++) {
    const r = ri * cols;
    const l = li * cols;
    const o = oi * cols;
    for (let c = 0; c < cols; c++) {
      const s = fround(fround(sums[c]! + input[r + c]!) - input[l + c]!);
      sums[c] = s;
      output[o + c] = s / count;
    }
  }
  for (let i = 0; i < phase4; i++, li++, oi++) {
    const l = li * cols;
    const o = oi * cols;
    count--;
    for (let c = 0; c < cols; c++) {
      const s = fround(sums[c]! - input[l + c]!);
      sums[c] = s;
      output[o + c] = s / count;
    }
  }
}

/**
 * The box filter along four rows at once. Each row's running sum is a chain of dependent float
 * operations; interleaving four independent chains keeps the CPU busy (same results as box1D).
 */
function boxAlong4Rows(input: Float32Array, output: Float32Array, r0: number, cols: number, window: number): void {
  const half = (window + 2) >> 1;
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = cols - window;
  const phase4 = half - 1;
  const a = r0;
  const b = a + cols;
  const c = b + cols;
  const d = c + cols;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let li = 0;
  let ri = 0;
  let oi = 0;
  let count = 0;
  for (let i = 0; i < phase1; i++, ri++) {
    s0 = fround(s0 + input[a + ri]!);
    s1 = fround(s1 + input[b + ri]!);
    s2 = fround(s2 + input[c + ri]!);
    s3 = fround(s3 + input[d + ri]!);
    count++;
  }
  for (let i = 0; i < phase2; i++, ri++, oi++) {
    count++;
    s0 = fround(s0 + input[a + ri]!);
    s1 = fround(s1 + input[b + ri]!);
    s2 = fround(s2 + input[c + ri]!);
    s3 = fround(s3 + input[d + ri]!);
    output[a + oi] = s0 / count;
    output[b + oi] = s1 / count;
    output[c + oi] = s2 / count;
    output[d + oi] = s3 / count;
  }
  for (let i = 0; i < phase3; i++, ri++, li++, oi++) {
    s0 = fround(fround(s0 + input[a + ri]!) - input[a + li]!);
    s1 = fround(fround(s1 + input[b + ri]!) - input[b + li]!);
    s2 = fround(fround(s2 + input[c + ri]!) - input[c + li]!);
    s3 = fround(fround(s3 + input[d + ri]!) - input[d + li]!);
    output[a + oi] = s0 / count;
    output[b + oi] = s1 / count;
    output[c + oi] = s2 / count;
    output[d + oi] = s3 / count;
  }
  for (let i = 0; i < phase4; i++, li++, oi++) {
    count--;
    s0 = fround(s0 - input[a + li]!);
    s1 = fround(s1 - input[b + li]!);
    s2 = fround(s2 - input[c + li]!);
    s3 = fround(s3 - input[d + li]!);
    output[a + oi] = s0 / count;
    output[b + oi] = s1 / count;
    output[c + oi] = s2 / count;
    output[d + oi] = s3 / count;
  }
}

function boxAlongRows(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number): void {
  let i = 0;
  for (; i + 4 <= rows; i += 4) boxAlong4Rows(input, output, i * cols, cols, window);
  for (; i < rows; i++) box1D(input, output, i * cols, cols, 1, window);
}

/** Two passes of (box along rows, box along columns); the result is left in `buffer1`. */
function jaroszFilter(buffer1: Float32Array, buffer2: Float32Array, rows: number, cols: number, windowAlongRows: number, windowAlongCols: number): void {
  for (let pass = 0; pass < 2; pass++) {
    boxAlongRows(buffer1, buffer2, rows, cols, windowAlongRows);
    boxAlongCols(buffer2, buffer1, rows, cols, windowAlongCols);
  }
}

/** Samples the centres of an outRows × outCols grid. */
function decimate(input: Float32Array, inRows: number, inCols: number, out: Float32Array, outRows: number, outCols: number): void {
  for (let oi = 0; oi < outRows; oi++) {
    const ii = Math.floor(((oi + 0.5) * inRows) / outRows);
    for (let oj = 0; oj < outCols; oj++) {
      const ij = Math.floor(((oj + 0.5) * inCols) / outCols);
      out[oi * outCols + oj] = input[ii * inCols + ij]!;
    }
  }
}

// ---------------------------------------------------------------- quality, DCT, bits

/** Sum of quantised vertical and horizontal gradients of the 64×64 image, / 90, capped at 100. */
function qualityMetric(a: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      const d = Math.trunc(fround(fround(fround(a[i * 64 + j]! - a[(i + 1) * 64 + j]!) * 100) / 255));
      sum += Math.abs(d);
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      const d = Math.trunc(fround(fround(fround(a[i * 64 + j]! - a[i * 64 + j + 1]!) * 100) / 255));
      sum += Math.abs(d);
    }
  }
  return Math.min(100, Math.trunc(sum / 90));
}

/** B = D·A·Dᵀ, summing in float in the reference's order. */
function dct64To16(a: Float32Array, t: Float32Array, b: Float32Array): void {
  for (let i = 0; i < 16; i++) {
    const di = i * 64;
    for (let j = 0; j < 64; j++) {
      let s = 0;
      for (let k = 0; k < 64; k++) s = fround(s + fround(DCT[di + k]! * a[k * 64 + j]!));
      t[i * 64 + j] = s;
    }
  }
  for (let i = 0; i < 16; i++) {
    const ti = i * 64;
    for (let j = 0; j < 16; j++) {
      const dj = j * 64;
      let s = 0;
      for (let k = 0; k < 64; k++) s = fround(s + fround(t[ti + k]! * DCT[dj + k]!));
      b[i * 16 + j] = s;
    }
  }
}

const HEX = '0123456789abcdef';
const medianScratch = new Float32Array(256);

/** One bit per coefficient above the (lower) median; bit i·16+j is bit j of 16-bit word i; hex prints word 15 first. */
function bitsToHex(dct: Float32Array): string {
  medianScratch.set(dct.subarray(0, 256));
  medianScratch.sort();
  const median = medianScratch[127]!;
  let hex = '';
  for (let w = 15; w >= 0; w--) {
    let word = 0;
    for (let bit = 0; bit < 16; bit++) if (dct[w * 16 + bit]! > median) word |= 1 << bit;
    hex += HEX[(word >> 12) & 15]! + HEX[(word >> 8) & 15]! + HEX[(word >> 4) & 15]! + HEX[word & 15]!;
  }
  return hex;
}

// Dihedral variants. A transform of the picture maps coefficient (i, j) to (i, j) or (j, i) with a
// sign that depends on the parity of i and/or j (odd DCT basis functions are antisymmetric).
type Variant = { transpose: boolean; sign: (i: number, j: number) => number };
const VARIANTS: Record<Exclude<DihedralName, 'original'>, Variant> = {
  rotate90: { transpose: true, sign: (_i, j) => (j & 1 ? 1 : -1) },
  rotate180: { transpose: false, sign: (i, j) => ((i + j) & 1 ? -1 : 1) },
  rotate270: { transpose: true, sign: (i) => (i & 1 ? 1 : -1) },
  flipX: { transpose: false, sign: (i) => (i & 1 ? 1 : -1) },
  flipY: { transpose: false, sign: (_i, j) => (j & 1 ? 1 : -1) },
  flipPlus1: { transpose: true, sign: () => 1 },
  flipMinus1: { transpose: true, sign: (i, j) => ((i + j) & 1 ? -1 : 1) },
};

const auxScratch = new Float32Array(256);

function dihedralFromDct(dct: Float32Array, originalHex: string): DihedralHashes {
  const out = { original: originalHex } as DihedralHashes;
  for (const name of DIHEDRAL_NAMES) {
    if (name === 'original') continue;
    const v = VARIANTS[name];
    for (let i = 0; i < 16; i++) {
      for (let j = 0; j < 16; j++) {
        const value = v.sign(i, j) * dct[i * 16 + j]!;
        auxScratch[v.transpose ? j * 16 + i : i * 16 + j] = value;
      }
    }
    out[name] = bitsToHex(auxScratch);
  }
  return out;
}

// ---------------------------------------------------------------- core

// Scratch buffers, reused between calls (the core is synchronous, so they are never shared).
let full1 = new Float32Array(0);
let full2 = new Float32Array(0);
const buf64 = new Float32Array(64 * 64);
const buf16x64 = new Float32Array(16 * 64);
const buf16 = new Float32Array(256);

function scratch(n: number): void {
  if (full1.length < n) {
    full1 = new Float32Array(n);
    full2 = new Float32Array(n);
  }
}

type RegionHash = { hash: string; quality: number; dihedral?: DihedralHashes };

function zeroResult(dihedral: boolean): RegionHash {
  const result: RegionHash = { hash: ZERO_HASH, quality: 0 };
  if (dihedral) result.dihedral = Object.fromEntries(DIHEDRAL_NAMES.map((n) => [n, ZERO_HASH])) as DihedralHashes;
  return result;
}

/** Quality and bits from buf64 (the 64×64 decimated image) and buf16 (the 16×16 DCT). */
function finish(dihedral: boolean): RegionHash {
  const quality = qualityMetric(buf64);
  const hash = bitsToHex(buf16);
  const result: RegionHash = { hash, quality };
  if (dihedral) result.dihedral = dihedralFromDct(buf16, hash);
  return result;
}

function hashLumaRegion(luma: Float32Array, width: number, height: number, rect: ContentRect | undefined, dihedral: boolean): RegionHash {
  const w = rect ? rect.width : width;
  const h = rect ? rect.height : height;
  if (w < MIN_HASHABLE_DIM || h < MIN_HASHABLE_DIM) return zeroResult(dihedral);
  // WebAssembly SIMD core when available (same bits), else the JavaScript one below.
  if (wasmLumaFromFloat(luma, width, rect ? rect.x : 0, rect ? rect.y : 0, w, h)) {
    wasmHashLoaded(jaroszWindowSize(w, 64), jaroszWindowSize(h, 64), buf64, buf16);
    return finish(dihedral);
  }
  const n = w * h;
  scratch(n);
  const b1 = full1;
  if (rect) {
    for (let y = 0; y < h; y++) b1.set(luma.subarray((rect.y + y) * width + rect.x, (rect.y + y) * width + rect.x + w), y * w);
  } else {
    b1.set(luma.subarray(0, n));
  }
  jaroszFilter(b1, full2, h, w, jaroszWindowSize(w, 64), jaroszWindowSize(h, 64));
  decimate(b1, h, w, buf64, 64, 64);
  dct64To16(buf64, buf16x64, buf16);
  return finish(dihedral);
}

/**
 * PDQ of 8-bit pixels (1 or 2 channels: grey; 3 or 4: RGB, the rest ignored) without building a
 * float luma image in JavaScript: the rectangle `rect` of a picture with `stride` bytes per row is
 * sampled to `outCols × outRows` with the reference's nearest-neighbour rule (source pixel
 * ⌊x·width/outCols⌋, ⌊y·height/outRows⌋ of the rectangle; the identity when the sizes are equal),
 * turned into luma and hashed, all in the WebAssembly core. With `keepLuma`, the sampled luma
 * (`outCols × outRows`) is returned as well.
 * Returns null where the WebAssembly core is not available; the caller then computes the luma
 * itself and uses {@link pdqFromLuma}.
 */
export function pdqFromPixels(
  data: Uint8Array,
  stride: number,
  channels: number,
  rect: ContentRect,
  outCols: number,
  outRows: number,
  options: { dihedral?: boolean; keepLuma?: boolean } = {},
): { result: PdqResult; luma?: Float32Array } | null {
  const dihedral = options.dihedral === true;
  if (!wasmLumaFromPixels(data, stride, channels, rect.x, rect.y, rect.width, rect.height, outCols, outRows)) return null;
  const luma = options.keepLuma ? wasmLumaCopy() : undefined;
  const r = outCols < MIN_HASHABLE_DIM || outRows < MIN_HASHABLE_DIM ? zeroResult(dihedral) : null;
  if (!r) wasmHashLoaded(jaroszWindowSize(outCols, 64), jaroszWindowSize(outRows, 64), buf64, buf16);
  const base = r ?? finish(dihedral);
  const result: PdqResult = { hash: base.hash, quality: base.quality };
  if (base.dihedral) result.dihedral = base.dihedral;
  return luma ? { result, luma } : { result };
}

/**
 * PDQ of a float luma image (row-major, `width × height`, values 0..255). The input is not changed.
 * This is the core shared by images and video frames; it does not pre-resize (see `pdqFromImage`).
 *
 * @example
 * const { hash, quality } = pdqFromLuma(luma, 640, 360);
 */
export function pdqFromLuma(luma: Float32Array, width: number, height: number, options: PdqOptions = {}): PdqResult {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0 || luma.length < width * height) {
    throw new SaringError('validation_failed', `pdqFromLuma: a ${width}×${height} image needs ${width * height} luma values, got ${luma.length}.`);
  }
  const base = hashLumaRegion(luma, width, height, undefined, options.dihedral === true);
  const result: PdqResult = { hash: base.hash, quality: base.quality };
  if (base.dihedral) result.dihedral = base.dihedral;
  if (options.letterbox) {
    const rect = detectContentRect(luma, width, height, typeof options.letterbox === 'object' ? options.letterbox : undefined);
    if (rect) {
      const c = hashLumaRegion(luma, width, height, rect, options.dihedral === true);
      result.cropped = { hash: c.hash, quality: c.quality, rect };
      if (c.dihedral) result.cropped.dihedral = c.dihedral;
    }
  }
  return result;
}

// ---------------------------------------------------------------- hex, distance

const HEX_RE = /^[0-9a-fA-F]{64}$/;
const POPCOUNT4 = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4];

/** True when `hex` is 64 hexadecimal digits. */
export function isPdqHex(hex: unknown): hex is string {
  return typeof hex === 'string' && HEX_RE.test(hex);
}

function invalidHash(hex: unknown): SaringError {
  const shown = typeof hex === 'string' ? JSON.stringify(hex.length > 80 ? hex.slice(0, 80) + '…' : hex) : typeof hex;
  return new SaringError('invalid_hash', `Not a PDQ hash (64 hexadecimal digits expected): ${shown}.`);
}

/**
 * The 16 words of a PDQ hash in the reference's order: `words[k]` is the reference's `w[k]`, so
 * `words[15]` holds the first four hex digits and bit j of `words[i]` is DCT coefficient (i, j).
 * Multi-index hashing splits on these words. Throws on anything but 64 hex digits.
 */
export function parsePdqHex(hex: string): Uint16Array {
  if (!isPdqHex(hex)) throw invalidHash(hex);
  const words = new Uint16Array(16);
  for (let k = 0; k < 16; k++) words[15 - k] = parseInt(hex.slice(k * 4, k * 4 + 4), 16);
  return words;
}

/** Inverse of {@link parsePdqHex}. */
export function formatPdqHex(words: Uint16Array): string {
  if (words.length !== 16) throw invalidHash(`${words.length} words`);
  let hex = '';
  for (let k = 15; k >= 0; k--) hex += words[k]!.toString(16).padStart(4, '0');
  return hex;
}

/** Hamming distance between two PDQ hashes in hex (0..256). Throws on invalid hex. */
export function hammingDistance(a: string, b: string): number {
  if (!isPdqHex(a)) throw invalidHash(a);
  if (!isPdqHex(b)) throw invalidHash(b);
  let d = 0;
  for (let i = 0; i < 64; i++) d += POPCOUNT4[parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16)]!;
  return d;
}

/** Hamming distance between two parsed hashes (see {@link parsePdqHex}). */
export function hammingDistanceWords(a: Uint16Array, b: Uint16Array): number {
  let d = 0;
  for (let k = 0; k < 16; k++) {
    let x = (a[k]! ^ b[k]!) & 0xffff;
    x = x - ((x >> 1) & 0x5555);
    x = (x & 0x3333) + ((x >> 2) & 0x3333);
    x = (x + (x >> 4)) & 0x0f0f;
    d += (x + (x >> 8)) & 0x1f;
  }
  return d;
}

