import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { pdqFromImage, pdqFromLuma, type PdqResult } from './pdq.js';
import { PDQ_SIMD_WASM_BASE64 } from './pdq-simd-binary.js';
import { usePdqWasm } from './pdq-wasm.js';

// The WebAssembly SIMD core must give exactly the JavaScript core's bits (both are checked against
// Meta's reference on the fixtures in pdq.test.ts; this compares them on shapes the fixtures lack).

const both = async (f: () => PdqResult | Promise<PdqResult>): Promise<[PdqResult, PdqResult]> => {
  expect(usePdqWasm(true)).toBe(true);
  const wasm = await f();
  usePdqWasm(false);
  const js = await f();
  usePdqWasm(true);
  return [wasm, js];
};

afterAll(() => {
  usePdqWasm(true);
});

describe('PDQ WebAssembly core', () => {
  it('is the committed binary, and it loads here', () => {
    const wasm = readFileSync(fileURLToPath(new URL('./pdq-simd.wasm', import.meta.url)));
    expect(Buffer.from(PDQ_SIMD_WASM_BASE64, 'base64').equals(wasm)).toBe(true);
    expect(usePdqWasm(true)).toBe(true);
  });

  it('equals the JavaScript core on float luma of many shapes (odd widths, rows not a multiple of 4)', async () => {
    for (const [w, h] of [[5, 5], [7, 13], [64, 64], [65, 3], [100, 37], [127, 129], [256, 255], [513, 301], [1280, 720]] as const) {
      const luma = new Float32Array(w * h);
      for (let i = 0; i < luma.length; i++) luma[i] = ((i * 2654435761) >>> 7) % 256 + (i % w) * 0.25;
      const [a, b] = await both(() => pdqFromLuma(luma, w, h, { dihedral: true, letterbox: true }));
      expect(a, `${w}×${h}`).toEqual(b);
    }
  });

  it('equals the JavaScript core on decoded pictures (RGB and grey, pre-resized or not, with borders)', async () => {
    const pictures: Buffer[] = [];
    for (const [w, h, channels] of [[1001, 677, 3], [300, 700, 3], [333, 211, 1], [640, 480, 1]] as const) {
      const raw = Buffer.alloc(w * h * channels);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++)
          for (let c = 0; c < channels; c++) {
            const border = y < h / 8 || y >= h - h / 8;
            raw[(y * w + x) * channels + c] = border ? 0 : (x * 3 + y * 5 + c * 70 + ((x * y) % 23)) & 255;
          }
      pictures.push(await sharp(raw, { raw: { width: w, height: h, channels } }).png().toBuffer());
    }
    pictures.push(readFileSync(fileURLToPath(new URL('../../../test/fixtures/pdq/images/bridge-mods/aaa-orig.jpg', import.meta.url))));
    for (const [i, picture] of pictures.entries()) {
      const [a, b] = await both(() => pdqFromImage(picture, { dihedral: true, letterbox: true }));
      expect(a, `picture ${i}`).toEqual(b);
    }
  });
});
