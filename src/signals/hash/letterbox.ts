/**
 * Letterbox / pillarbox detection (beyond Meta's reference).
 *
 * Re-uploads are often re-framed: the picture is shrunk into a frame of another aspect ratio and
 * the rest is filled with black, grey or coloured bars, or with a blurred, enlarged copy of the
 * picture, sometimes with a logo in the bar. PDQ of the whole frame then no longer matches the
 * original. We find the content rectangle on the luma so that the content can be hashed on its own
 * as an additional hash (the reference hash stays the one to exchange).
 *
 * How: scanning in from each edge, a line (row or column) belongs to a border while most of its
 * pixels (default 90 %, so a small logo does not stop the scan) differ little from their
 * neighbours, both along the line and from the previous line. A border is kept when it is thick
 * enough (default 2 % of the dimension) and either
 * - solid: the run of such lines whose pixels are mostly (75 %) the colour of the outermost line,
 *   black, grey or coloured, followed by a line that is mostly not that colour (so a white table
 *   or a clear sky touching the picture's edge is not taken for a bar); or
 * - low-detail (a blurred copy of the picture): the run of smooth lines, ending at a sharp straight
 *   edge along most of its length, which natural flat areas rarely do.
 * Top and bottom are found first on full rows, then left and right on the columns between them,
 * then top and bottom again between those (window-boxing).
 */

export interface ContentRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LetterboxOptions {
  /** Largest difference (luma levels) between neighbours along a line that counts as flat. Default 6. */
  gradientThreshold?: number;
  /** Fraction of a line's pixels that must be flat for the line to be part of a border. Default 0.9. */
  minFlatFraction?: number;
  /** Thinnest border kept, as a fraction of the dimension. Default 0.02. */
  minBorderFraction?: number;
  /** Smallest content kept, as a fraction of each dimension; otherwise no crop (a flat picture). Default 0.3. */
  minContentFraction?: number;
  /** Distance (luma levels) from the border colour (median of the outermost line) for a pixel to count as border. Default 12. */
  solidTolerance?: number;
  /** Fraction of a line's pixels within `solidTolerance` of the border colour for it to be part of a solid border (the rest may be a logo). Default 0.75. */
  minSolidFraction?: number;
  /**
   * Fraction of the pixels along a border's inner edge that must change: away from a solid
   * border's colour, or by more than the gradient threshold after a blurred border. Default 0.5.
   */
  minEdgeFraction?: number;
}

const DEFAULTS: Required<LetterboxOptions> = {
  gradientThreshold: 6,
  minFlatFraction: 0.9,
  minBorderFraction: 0.02,
  minContentFraction: 0.3,
  solidTolerance: 12,
  minSolidFraction: 0.75,
  minEdgeFraction: 0.5,
};

/**
 * A view of lines of the image: line k is row k (horizontal) or column k (vertical), restricted to
 * positions [from, to) of the other axis. Pixel (line, pos) is `luma[line * lineStride + pos * posStride]`
 * (plain strides rather than an accessor function: this runs on every sampled frame of a video).
 */
interface Lines {
  luma: Float32Array;
  count: number;
  from: number;
  to: number;
  lineStride: number;
  posStride: number;
}

function rows(luma: Float32Array, width: number, height: number, x0: number, x1: number): Lines {
  return { luma, count: height, from: x0, to: x1, lineStride: width, posStride: 1 };
}

function cols(luma: Float32Array, width: number, y0: number, y1: number): Lines {
  return { luma, count: width, from: y0, to: y1, lineStride: 1, posStride: width };
}

/** Fraction of a line's steps that are flat, and of its pixels within `tolerance` of `colour`. */
function lineStats(l: Lines, line: number, colour: number, o: Required<LetterboxOptions>): { flat: number; near: number } {
  const n = l.to - l.from;
  if (n <= 1) return { flat: 1, near: 1 };
  const { luma, posStride } = l;
  const grad = o.gradientThreshold;
  const tol = o.solidTolerance;
  let flat = 0;
  let near = 0;
  let i = line * l.lineStride + l.from * posStride;
  let prev = luma[i]!;
  if (Math.abs(prev - colour) <= tol) near++;
  for (let p = 1; p < n; p++) {
    i += posStride;
    const v = luma[i]!;
    if (Math.abs(v - prev) <= grad) flat++;
    if (Math.abs(v - colour) <= tol) near++;
    prev = v;
  }
  return { flat: flat / (n - 1), near: near / n };
}

/**
 * {@link lineStats} of `line` and, when `prev` ≥ 0, the fraction of positions where `line` and
 * `prev` differ by no more than the gradient threshold, in one pass over the line (the border
 * scan needs both for every line; the previous line's pixels are next to this one's in memory for
 * columns, so one pass reads the picture once instead of twice).
 */
function scanLine(l: Lines, line: number, prev: number, colour: number, o: Required<LetterboxOptions>): { flat: number; near: number; same: number } {
  const n = l.to - l.from;
  if (n <= 1) {
    if (prev < 0 || n <= 0) return { flat: 1, near: 1, same: 1 };
    const v = l.luma[line * l.lineStride + l.from * l.posStride]!;
    const w = l.luma[prev * l.lineStride + l.from * l.posStride]!;
    return { flat: 1, near: 1, same: Math.abs(w - v) <= o.gradientThreshold ? 1 : 0 };
  }
  const { luma, posStride } = l;
  const grad = o.gradientThreshold;
  const tol = o.solidTolerance;
  let flat = 0;
  let near = 0;
  let same = 0;
  let i = line * l.lineStride + l.from * posStride;
  let last = luma[i]!;
  if (Math.abs(last - colour) <= tol) near++;
  if (prev >= 0) {
    let j = prev * l.lineStride + l.from * posStride;
    if (Math.abs(luma[j]! - last) <= grad) same++;
    for (let p = 1; p < n; p++) {
      i += posStride;
      j += posStride;
      const v = luma[i]!;
      if (Math.abs(v - last) <= grad) flat++;
      if (Math.abs(v - colour) <= tol) near++;
      if (Math.abs(luma[j]! - v) <= grad) same++;
      last = v;
    }
  } else {
    for (let p = 1; p < n; p++) {
      i += posStride;
      const v = luma[i]!;
      if (Math.abs(v - last) <= grad) flat++;
      if (Math.abs(v - colour) <= tol) near++;
      last = v;
    }
  }
  return { flat: flat / (n - 1), near: near / n, same: same / n };
}

function medianOfLine(l: Lines, line: number): number {
  const n = l.to - l.from;
  if (n <= 0) return 0;
  const values = new Float64Array(n);
  for (let p = 0, i = line * l.lineStride + l.from * l.posStride; p < n; p++, i += l.posStride) values[p] = l.luma[i]!;
  values.sort();
  return values[n >> 1]!;
}

/**
 * Does content start right after a solid border, along most of its length? Within the next `lines`
 * lines, one must have at least `minEdgeFraction` of its pixels away from the border colour (a
 * flat object of the border's colour touching the picture's edge, such as a white table, fails).
 */
function contentFollows(l: Lines, first: number, dir: 1 | -1, lines: number, colour: number, o: Required<LetterboxOptions>): boolean {
  for (let k = 0; k < lines; k++) {
    const s = lineStats(l, first + dir * k, colour, o);
    if (1 - s.near >= o.minEdgeFraction) return true;
  }
  return false;
}

/** Does a sharp straight edge follow line `last` (at least `minEdgeFraction` of its pixels jump)? */
function sharpEdgeAfter(l: Lines, last: number, dir: 1 | -1, o: Required<LetterboxOptions>): boolean {
  const first = last + dir;
  const { luma, posStride } = l;
  let ia = first * l.lineStride + l.from * posStride;
  let ib = last * l.lineStride + l.from * posStride;
  let jumps = 0;
  for (let p = l.from; p < l.to; p++, ia += posStride, ib += posStride) if (Math.abs(luma[ia]! - luma[ib]!) > o.gradientThreshold) jumps++;
  return jumps >= o.minEdgeFraction * (l.to - l.from);
}

/**
 * Thickness of the border at one end: 0 when there is none worth keeping, -1 when the whole
 * span is flat (no content to find). `limit` bounds the scan.
 *
 * A solid border (black, grey, coloured; a logo may cover part of it) is the run of flat lines
 * whose pixels are mostly the colour of the outermost line; it stops where the content starts
 * even when the content next to it is flat too. A low-detail (blurred) border is the run of flat
 * lines, kept only when it ends at a sharp straight edge.
 */
function borderAt(l: Lines, start: number, dir: 1 | -1, limit: number, o: Required<LetterboxOptions>): number {
  const min = Math.max(2, Math.ceil(o.minBorderFraction * l.count));
  const colour = medianOfLine(l, start);
  let solid = 0;
  let flat = 0;
  let solidRun = true;
  while (flat < limit) {
    const line = start + dir * flat;
    const s = scanLine(l, line, flat > 0 ? line - dir : -1, colour, o);
    if (s.flat < o.minFlatFraction) break;
    // Smooth across lines too: a texture that is flat along one direction only (waves, stripes) is not a border.
    // (A logo's top and bottom edges change up to 1 - minSolidFraction of a line.)
    if (flat > 0 && s.same < o.minSolidFraction) break;
    if (solidRun && s.near >= o.minSolidFraction) solid++;
    else solidRun = false;
    flat++;
  }
  if (flat >= limit) return -1;
  if (solid >= min && solid < limit && contentFollows(l, start + dir * solid, dir, Math.min(3, limit - solid), colour, o)) return solid;
  if (flat >= min && sharpEdgeAfter(l, start + dir * (flat - 1), dir, o)) return flat;
  return 0;
}

/**
 * The rectangle of the picture inside uniform or low-detail borders, or `undefined` when there is
 * no meaningful border (or the picture is flat). Coordinates are in pixels of the given luma.
 */
export function detectContentRect(luma: Float32Array, width: number, height: number, options?: LetterboxOptions): ContentRect | undefined {
  const o = { ...DEFAULTS, ...options };
  if (width < 16 || height < 16 || luma.length < width * height) return undefined;
  let x0 = 0;
  let x1 = width;
  let y0 = 0;
  let y1 = height;
  for (let round = 0; round < 2; round++) {
    // Top and bottom, on rows restricted to the current columns.
    {
      const l = rows(luma, width, height, x0, x1);
      const maxTotal = Math.floor((y1 - y0) - o.minContentFraction * height);
      const top = borderAt(l, y0, 1, y1 - y0, o);
      if (top < 0) return undefined;
      const bottom = borderAt(l, y1 - 1, -1, y1 - y0 - top, o);
      if (bottom < 0) return undefined;
      if (top + bottom > maxTotal) return undefined;
      y0 += top;
      y1 -= bottom;
    }
    // Left and right, on columns restricted to the current rows.
    {
      const l = cols(luma, width, y0, y1);
      const maxTotal = Math.floor((x1 - x0) - o.minContentFraction * width);
      const left = borderAt(l, x0, 1, x1 - x0, o);
      if (left < 0) return undefined;
      const right = borderAt(l, x1 - 1, -1, x1 - x0 - left, o);
      if (right < 0) return undefined;
      if (left + right > maxTotal) return undefined;
      x0 += left;
      x1 -= right;
    }
  }
  if (x0 === 0 && y0 === 0 && x1 === width && y1 === height) return undefined;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
