import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectContentRect } from './letterbox.js';
import { hammingDistance, pdqFromImage, pdqFromLuma } from './pdq.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/pdq/images/', import.meta.url));

/** A deterministic textured picture (no flat rows or columns). */
function texture(width: number, height: number, seed = 1): Float32Array {
  const out = new Float32Array(width * height);
  let s = seed;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      out[y * width + x] = 60 + 80 * Math.sin(x / 7 + y / 11) ** 2 + 40 * Math.cos((x * y) / 500) + (s % 40);
    }
  }
  return out;
}

/** Places `content` (cw × ch) at (x, y) in a w × h frame filled by `fill(x, y)`. */
function frame(w: number, h: number, content: Float32Array, cw: number, ch: number, x0: number, y0: number, fill: (x: number, y: number) => number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = fill(x, y);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) out[(y0 + y) * w + x0 + x] = content[y * cw + x]!;
  return out;
}

describe('detectContentRect', () => {
  const content = texture(200, 150);

  it('finds the picture inside black letterbox bars', () => {
    const f = frame(200, 250, content, 200, 150, 0, 50, () => 2);
    expect(detectContentRect(f, 200, 250)).toEqual({ x: 0, y: 50, width: 200, height: 150 });
  });

  it('finds pillarbox and window-box bars of any solid colour, with compression-like noise', () => {
    const grey = frame(300, 150, content, 200, 150, 50, 0, (x, y) => 128 + ((x * 31 + y * 17) % 5) - 2);
    expect(detectContentRect(grey, 300, 150)).toEqual({ x: 50, y: 0, width: 200, height: 150 });
    const coloured = frame(260, 210, content, 200, 150, 30, 30, () => 200);
    expect(detectContentRect(coloured, 260, 210)).toEqual({ x: 30, y: 30, width: 200, height: 150 });
  });

  it('tolerates a logo in the bar', () => {
    const f = frame(200, 250, content, 200, 150, 0, 50, (x, y) => (y > 210 && y < 235 && x > 150 && x < 175 ? 255 : 0));
    expect(detectContentRect(f, 200, 250)).toEqual({ x: 0, y: 50, width: 200, height: 150 });
  });

  it('finds low-detail (blurred) bars that end at a sharp edge', () => {
    const blurred = (x: number, y: number): number => 110 + 40 * Math.sin(x / 60) + 30 * Math.cos(y / 45);
    const f = frame(320, 150, content, 200, 150, 60, 0, blurred);
    expect(detectContentRect(f, 320, 150)).toEqual({ x: 60, y: 0, width: 200, height: 150 });
  });

  it('returns undefined without bars, for thin bars and for flat pictures', () => {
    expect(detectContentRect(content, 200, 150)).toBeUndefined();
    const thin = frame(200, 152, content, 200, 150, 0, 1, () => 0);
    expect(detectContentRect(thin, 200, 152)).toBeUndefined();
    expect(detectContentRect(new Float32Array(200 * 150).fill(90), 200, 150)).toBeUndefined();
    expect(detectContentRect(new Float32Array(10 * 10), 10, 10)).toBeUndefined();
  });

  it('does not take a flat sky over an irregular skyline for a bar', () => {
    const w = 240;
    const h = 200;
    const city = texture(w, h, 7);
    const skyline = Array.from({ length: w }, (_, x) => 40 + Math.round(25 * Math.abs(Math.sin(x / 9) * Math.cos(x / 23))));
    const f = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) f[y * w + x] = y < skyline[x]! ? 200 : city[y * w + x]!;
    expect(detectContentRect(f, w, h)).toBeUndefined();
  });

  it('pdqFromLuma adds the hash of the content alone', () => {
    const f = frame(200, 250, content, 200, 150, 0, 50, () => 0);
    const r = pdqFromLuma(f, 200, 250, { letterbox: true, dihedral: true });
    const alone = pdqFromLuma(content, 200, 150, { dihedral: true });
    expect(r.cropped).toMatchObject({ hash: alone.hash, quality: alone.quality, rect: { x: 0, y: 50, width: 200, height: 150 } });
    expect(r.cropped!.dihedral).toEqual(alone.dihedral);
    expect(hammingDistance(r.hash, alone.hash)).toBeGreaterThan(31); // why the cropped hash is needed
    expect(pdqFromLuma(content, 200, 150, { letterbox: true }).cropped).toBeUndefined();
  });
});

describe('letterbox on images (test/fixtures/pdq)', () => {
  it('letterboxed_sample-b.jpg matches sample-b.jpg on its cropped hash', async () => {
    const original = await pdqFromImage(join(FIXTURES, 'pytx/sample-b.jpg'), { letterbox: true });
    const boxed = await pdqFromImage(join(FIXTURES, 'pytx/letterboxed_sample-b.jpg'), { letterbox: true });
    expect(original.cropped).toBeUndefined();
    expect(hammingDistance(original.hash, boxed.hash)).toBeGreaterThan(31); // the reference hash misses it
    expect(boxed.cropped).toBeDefined();
    // 2000×1404 with ~200 px black borders all round.
    expect(boxed.cropped!.rect.x).toBeGreaterThanOrEqual(198);
    expect(boxed.cropped!.rect.x).toBeLessThanOrEqual(210);
    expect(boxed.cropped!.rect.width).toBeGreaterThan(1580);
    const d = hammingDistance(original.hash, boxed.cropped!.hash);
    console.log(`[letterbox] sample-b vs letterboxed_sample-b: reference ${hammingDistance(original.hash, boxed.hash)}, cropped ${d}`);
    expect(d).toBeLessThanOrEqual(31);
    expect(boxed.cropped!.quality).toBeGreaterThanOrEqual(50);
  });

  it('images without bars get no crop', async () => {
    for (const p of ['bridge-mods/aaa-orig.jpg', 'bridge-mods/blur-a-lot.jpg', 'misc-images/c.png', 'misc-images/wee.jpg', 'bridge-mods/shrink-a-lot.jpg', 'misc-images/modes/1.png']) {
      expect((await pdqFromImage(join(FIXTURES, p), { letterbox: true })).cropped, p).toBeUndefined();
    }
  });
});
