/**
 * The PDQ core on WebAssembly SIMD (pdq-simd.wat): luma from 8-bit pixels (with the reference's
 * nearest-neighbour pre-resize folded in), the Jarosz box filter, decimation and the DCT, each the
 * same float32 operation in the same order as Meta's C++ reference, so the hashes are identical to
 * the JavaScript core in pdq-core.ts (which stays as the fallback where WebAssembly SIMD is missing).
 *
 * One module instance per thread, used synchronously (no call can interleave with another), with
 * its scratch memory kept between calls: nothing is allocated per image once the memory has grown
 * to the largest picture seen.
 */
import { PDQ_SIMD_WASM_BASE64 } from './pdq-simd-binary.js';

// The slice of the WebAssembly JS API used here (the project's TypeScript lib has no DOM types).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface Exports {
  memory: WasmMemory;
  lumaRgbRow(src: number, cols: number, n: number, dst: number): void;
  lumaGreyRow(src: number, cols: number, n: number, dst: number): void;
  jarosz(b1: number, b2: number, b3: number, rows: number, cols: number, sN: number, sT: number, wRows: number, wCols: number, sums: number): void;
  decimate(b1: number, rowOff: number, colOff: number, out: number): void;
  dct(a: number, d: number, dt: number, t: number, b: number): void;
}

// ---------------------------------------------------------------- DCT matrix (16 × 64, without the DC row)
/** The reference's 16×64 DCT matrix (rows 1..16 of the 64-point DCT-II), in float32. */
export const DCT = ((): Float32Array => {
  const m = new Float32Array(16 * 64);
  const scale = Math.fround(Math.sqrt(2 / 64));
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      // Computed in double, as the reference does, then stored as float.
      m[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
    }
  }
  return m;
})();

// Fixed layout at the start of memory (bytes).
const D_AT = 0; // 16×64 f32 DCT matrix
const DT_AT = D_AT + 16 * 64 * 4; // its transpose, 64×16
const A64_AT = DT_AT + 64 * 16 * 4; // 64×64 decimated image
const T_AT = A64_AT + 64 * 64 * 4; // 16×64 intermediate
const B_AT = T_AT + 16 * 64 * 4; // 16×16 DCT output
const ROWOFF_AT = B_AT + 16 * 16 * 4; // 64 i32
const COLOFF_AT = ROWOFF_AT + 64 * 4; // 64 i32
const DYNAMIC_AT = COLOFF_AT + 64 * 4; // then: column table, sums, buffer 1, buffer 2, input row
/**
 * Above this much scratch memory the JavaScript core is used instead, so that one very large video
 * frame (4K) does not leave a hundred megabytes behind: the memory of an instance never shrinks.
 * Images are always within it (hashed at 512×512 at most), and so are 1080p frames (about 25 MB).
 */
const MAX_BYTES = 64 * 1024 * 1024;

let exportsOrNull: Exports | null | undefined;
let u8 = new Uint8Array(0);
let f32 = new Float32Array(0);
let i32 = new Int32Array(0);

function views(e: Exports): void {
  if (u8.buffer !== e.memory.buffer) {
    u8 = new Uint8Array(e.memory.buffer);
    f32 = new Float32Array(e.memory.buffer);
    i32 = new Int32Array(e.memory.buffer);
  }
}

/** The instance, or null where WebAssembly SIMD is not available (the caller then uses JavaScript). */
function instance(): Exports | null {
  if (!enabled) return null;
  if (exportsOrNull !== undefined) return exportsOrNull;
  try {
    const module = new WebAssemblyApi.Module(Buffer.from(PDQ_SIMD_WASM_BASE64, 'base64'));
    const e = new WebAssemblyApi.Instance(module, {}).exports as unknown as Exports;
    views(e);
    f32.set(DCT, D_AT >> 2);
    for (let k = 0; k < 64; k++) for (let j = 0; j < 16; j++) f32[(DT_AT >> 2) + k * 16 + j] = DCT[j * 64 + k]!;
    exportsOrNull = e;
  } catch {
    exportsOrNull = null;
  }
  return exportsOrNull;
}

let enabled = process.env.SARING_PDQ_WASM !== '0';

/**
 * Turns the WebAssembly core off (or back on); for tests that compare it with the JavaScript core.
 * `SARING_PDQ_WASM=0` in the environment starts with it off. Returns whether it is now in use.
 */
export function usePdqWasm(on: boolean): boolean {
  enabled = on;
  return on && instance() !== null;
}

/** Where the JavaScript side writes a picture for {@link WasmCore.hash}. */
export interface WasmLayout {
  rows: number;
  cols: number;
  /** Floats per row of buffer 1 (cols rounded up to 4, plus 4 when that is a multiple of 64). */
  stride: number;
}

interface Plan extends WasmLayout {
  /** rows rounded up to 4 (buffer 1 has this many rows; the extra ones are zeroes). */
  rows4: number;
  /** Row stride of the transposed picture in the scratch buffers. */
  strideT: number;
  colTable: number;
  sums: number;
  b1: number;
  b2: number;
  b3: number;
  input: number;
}

/** A row stride of n floats, n a multiple of 4, off the powers of two that make a transpose thrash the cache. */
function padStride(n: number): number {
  return n % 64 === 0 ? n + 4 : n;
}

function plan(e: Exports, rows: number, cols: number, inputBytes: number): Plan | null {
  const stride = padStride((cols + 3) & ~3);
  const rows4 = (rows + 3) & ~3;
  const strideT = padStride(rows4);
  const size = Math.max(stride * rows4, strideT * ((cols + 3) & ~3)) * 4;
  const colTable = DYNAMIC_AT;
  const sums = colTable + ((cols * 4 + 15) & ~15);
  const b1 = sums + Math.max(stride, strideT) * 4;
  const b2 = b1 + size;
  const b3 = b2 + size;
  const input = b3 + size;
  const end = input + inputBytes;
  if (end > MAX_BYTES) return null;
  const have = e.memory.buffer.byteLength;
  if (end > have) e.memory.grow(Math.ceil((end - have) / 65536));
  views(e);
  return { rows, cols, stride, rows4, strideT, colTable, sums, b1, b2, b3, input };
}

/** Zeroes the padding of buffer 1 (filtered along with the picture, then ignored). */
function zeroPadding(p: Plan): void {
  if (p.stride !== p.cols) for (let y = 0; y < p.rows; y++) f32.fill(0, (p.b1 >> 2) + y * p.stride + p.cols, (p.b1 >> 2) + (y + 1) * p.stride);
  f32.fill(0, (p.b1 >> 2) + p.rows * p.stride, (p.b1 >> 2) + p.rows4 * p.stride);
}

/**
 * Luma of 8-bit pixels into buffer 1: `outCols × outRows` samples of the rectangle
 * (rx, ry, rw, rh) of a `channels`-per-pixel image, sampling source pixel
 * (rx + ⌊x·rw/outCols⌋, ry + ⌊y·rh/outRows⌋) — the reference's nearest-neighbour resize, or the
 * identity when the sizes are equal. Returns false when WebAssembly is not available.
 */
export function wasmLumaFromPixels(
  data: Uint8Array,
  stride: number,
  channels: number,
  rx: number,
  ry: number,
  rw: number,
  rh: number,
  outCols: number,
  outRows: number,
): WasmLayout | null {
  const e = instance();
  if (!e) return null;
  const rowBytes = rw * channels;
  const p = plan(e, outRows, outCols, rowBytes);
  if (!p) return null;
  for (let x = 0; x < outCols; x++) i32[(p.colTable >> 2) + x] = Math.floor((x * rw) / outCols) * channels;
  const grey = channels < 3;
  let loaded = -1;
  for (let y = 0; y < outRows; y++) {
    const sy = ry + Math.floor((y * rh) / outRows);
    if (sy !== loaded) {
      const start = sy * stride + rx * channels;
      u8.set(data.subarray(start, start + rowBytes), p.input);
      loaded = sy;
    }
    const dst = p.b1 + y * p.stride * 4;
    if (grey) e.lumaGreyRow(p.input, p.colTable, outCols, dst);
    else e.lumaRgbRow(p.input, p.colTable, outCols, dst);
  }
  zeroPadding(p);
  current = p;
  return p;
}

/** Float luma (a rectangle of a `width`-wide picture) into buffer 1. Null when not available. */
export function wasmLumaFromFloat(luma: Float32Array, width: number, rx: number, ry: number, rw: number, rh: number): WasmLayout | null {
  const e = instance();
  if (!e) return null;
  const p = plan(e, rh, rw, 0);
  if (!p) return null;
  for (let y = 0; y < rh; y++) {
    const s = (ry + y) * width + rx;
    f32.set(luma.subarray(s, s + rw), (p.b1 >> 2) + y * p.stride);
  }
  zeroPadding(p);
  current = p;
  return p;
}

let current: Plan | null = null;

/** Copies the luma now in buffer 1 out, compact (`cols × rows`), e.g. for border detection. */
export function wasmLumaCopy(out?: Float32Array): Float32Array {
  const p = current!;
  const luma = out && out.length >= p.rows * p.cols ? out : new Float32Array(p.rows * p.cols);
  for (let y = 0; y < p.rows; y++) luma.set(f32.subarray((p.b1 >> 2) + y * p.stride, (p.b1 >> 2) + y * p.stride + p.cols), y * p.cols);
  return luma;
}

/**
 * Jarosz filter, 64×64 decimation and DCT of the luma in buffer 1 (windows as the reference);
 * fills `out64` (64×64) and `out16` (16×16).
 */
export function wasmHashLoaded(windowAlongRows: number, windowAlongCols: number, out64: Float32Array, out16: Float32Array): void {
  const e = exportsOrNull!;
  const p = current!;
  e.jarosz(p.b1, p.b2, p.b3, p.rows, p.cols, p.stride, p.strideT, windowAlongRows, windowAlongCols, p.sums);
  for (let i = 0; i < 64; i++) {
    i32[(ROWOFF_AT >> 2) + i] = Math.floor(((i + 0.5) * p.rows) / 64) * p.stride * 4;
    i32[(COLOFF_AT >> 2) + i] = Math.floor(((i + 0.5) * p.cols) / 64) * 4;
  }
  e.decimate(p.b1, ROWOFF_AT, COLOFF_AT, A64_AT);
  e.dct(A64_AT, D_AT, DT_AT, T_AT, B_AT);
  out64.set(f32.subarray(A64_AT >> 2, (A64_AT >> 2) + 4096));
  out16.set(f32.subarray(B_AT >> 2, (B_AT >> 2) + 256));
}
