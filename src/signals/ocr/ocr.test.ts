import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { SaringError } from '../../errors/errors.js';
import { convexHull, createOcrEngine, minAreaRect, mergeLineRegions, OCR_DEFAULTS, OCR_ENGINE_NAME, type OcrEngine } from './ocr.js';

const FONT_SIZE = 56;
const BAND = { x: 200, y: 560, width: 880, height: 100 };

/** A 1280×720 (scaled to width×height) picture: a caption in a black band over a blue background. */
async function captionImage(text: string, opts: { width?: number; height?: number } = {}): Promise<Buffer> {
  return sharp(Buffer.from(captionSvg(text, opts, true))).png().toBuffer();
}

function captionSvg(text: string, opts: { width?: number; height?: number }, background: boolean): string {
  const width = opts.width ?? 1280;
  const height = opts.height ?? 720;
  const s = width / 1280;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    ${background ? `<rect width="100%" height="100%" fill="#3a6ea5"/><rect x="${BAND.x * s}" y="${BAND.y * s}" width="${BAND.width * s}" height="${BAND.height * s}" fill="#000000"/>` : ''}
    <text x="${640 * s}" y="${(BAND.y + 70) * s}" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="${FONT_SIZE * s}" fill="#ffff00">${text}</text>
  </svg>`;
}

/** Where the glyphs of the caption were drawn: the bounding box of the text's own pixels. */
async function inkBox(text: string, opts: { width?: number; height?: number } = {}): Promise<{ x: number; y: number; width: number; height: number }> {
  const { info } = await sharp(Buffer.from(captionSvg(text, opts, false)))
    .trim({ background: '#00000000', threshold: 10 })
    .toBuffer({ resolveWithObject: true });
  return { x: -(info.trimOffsetLeft ?? 0), y: -(info.trimOffsetTop ?? 0), width: info.width, height: info.height };
}

/** The box lies around the ink (the detector grows regions by about half a text height) and spans most of it. */
function expectAround(box: { x: number; y: number; width: number; height: number }, ink: { x: number; y: number; width: number; height: number }, slack: number): void {
  for (const v of [box.x, box.y, box.width, box.height]) expect(Number.isInteger(v)).toBe(true);
  expect(box.x).toBeGreaterThanOrEqual(ink.x - slack);
  expect(box.y).toBeGreaterThanOrEqual(ink.y - slack);
  expect(box.x + box.width).toBeLessThanOrEqual(ink.x + ink.width + slack);
  expect(box.y + box.height).toBeLessThanOrEqual(ink.y + ink.height + slack);
  expect(box.x).toBeLessThanOrEqual(ink.x + ink.width * 0.05);
  expect(box.x + box.width).toBeGreaterThanOrEqual(ink.x + ink.width * 0.95);
  expect(box.y).toBeLessThanOrEqual(ink.y + ink.height * 0.2);
  expect(box.y + box.height).toBeGreaterThanOrEqual(ink.y + ink.height * 0.8);
}

const squash = (s: string) => s.toUpperCase().replace(/[\s.]/g, '');

describe('OCR engine (PP-OCRv4)', () => {
  let ocr: OcrEngine;
  beforeAll(async () => {
    ocr = await createOcrEngine();
  });
  afterAll(async () => {
    await ocr?.close();
  });

  it('is named', () => {
    expect(ocr.name).toBe(OCR_ENGINE_NAME);
  });

  it('reads an overlay caption and boxes it where it was drawn', async () => {
    const lines = await ocr.recognise(await captionImage('SLOT GACOR MAXWIN 88'));
    const line = lines.find((l) => squash(l.text).includes('SLOTGACORMAXWIN88'));
    expect(line, JSON.stringify(lines)).toBeDefined();
    expect(line!.confidence).toBeGreaterThanOrEqual(OCR_DEFAULTS.minConfidence);
    expect(line!.confidence).toBeLessThanOrEqual(1);
    const ink = await inkBox('SLOT GACOR MAXWIN 88');
    expect(ink.width).toBeGreaterThan(500); // the font was found
    expectAround(line!.box, ink, FONT_SIZE * 0.6);
  });

  it('gives boxes in the coordinates of the image given, whatever the internal downscale', async () => {
    // 2560×1440 input, detection at 640: the box is still in 2560×1440 pixels
    const big = await captionImage('SLOT GACOR MAXWIN 88', { width: 2560, height: 1440 });
    const lines = await ocr.recognise(big, { maxSide: 640 });
    const line = lines.find((l) => squash(l.text).includes('SLOTGACORMAXWIN88'));
    expect(line, JSON.stringify(lines)).toBeDefined();
    const ink = await inkBox('SLOT GACOR MAXWIN 88', { width: 2560, height: 1440 });
    expectAround(line!.box, ink, 2 * FONT_SIZE * 0.6);
  });

  it('reads dark text on a light background', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><rect width="100%" height="100%" fill="#f4f4f4"/>
      <text x="480" y="300" text-anchor="middle" font-family="DejaVu Sans" font-size="48" fill="#111111">Daftar sekarang bonus 100</text></svg>`;
    const lines = await ocr.recognise(await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer());
    expect(lines.map((l) => squash(l.text)).join(' ')).toMatch(/DAFTARSEKARANGBONUS[1I][0O][0O]/);
  });

  it('finds nothing on a plain image', async () => {
    const plain = await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#3a6ea5' } }).png().toBuffer();
    expect(await ocr.recognise(plain)).toEqual([]);
  });

  it('drops readings without a letter or digit', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="100%" height="100%" fill="#000"/>
      <text x="320" y="190" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="48" fill="#fff">— ! ? — ! ? —</text></svg>`;
    const lines = await ocr.recognise(await sharp(Buffer.from(svg)).png().toBuffer());
    for (const l of lines) expect(l.text).toMatch(/[\p{L}\p{N}]/u);
  });

  it('reads raw RGB and RGBA pixels', async () => {
    const png = await captionImage('SLOT GACOR MAXWIN 88', { width: 640, height: 360 });
    for (const channels of [3, 4] as const) {
      const img = channels === 3 ? sharp(png).removeAlpha() : sharp(png).ensureAlpha();
      const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
      expect(info.channels).toBe(channels);
      const lines = await ocr.recognise({ data, width: info.width, height: info.height, channels });
      expect(lines.some((l) => squash(l.text).includes('SLOTGACORMAXWIN88')), JSON.stringify(lines)).toBe(true);
      const line = lines.find((l) => squash(l.text).includes('SLOTGACOR'))!;
      expect(line.box.x + line.box.width).toBeLessThanOrEqual(info.width);
      expect(line.box.y + line.box.height).toBeLessThanOrEqual(info.height);
    }
  });

  it('drops lines below minConfidence', async () => {
    const png = await captionImage('SLOT GACOR MAXWIN 88', { width: 640, height: 360 });
    expect(await ocr.recognise(png, { minConfidence: 1.01 })).toEqual([]);
  });

  it('refuses what is not an image with invalid_media', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    await expect(ocr.recognise(garbage)).rejects.toMatchObject({ code: 'invalid_media' });
    await expect(ocr.recognise(Buffer.alloc(0))).rejects.toMatchObject({ code: 'invalid_media' });
    const png = await captionImage('x', { width: 320, height: 180 });
    await expect(ocr.recognise(png.subarray(0, 200))).rejects.toMatchObject({ code: 'invalid_media' });
    await expect(ocr.recognise({ data: Buffer.alloc(10), width: 100, height: 100, channels: 3 })).rejects.toMatchObject({ code: 'invalid_media' });
    // the engine still works afterwards
    expect(await ocr.recognise(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } }).png().toBuffer())).toEqual([]);
  });

  it('serialises concurrent calls and keeps each answer with its image', async () => {
    const a = await captionImage('SLOT GACOR MAXWIN 88', { width: 640, height: 360 });
    const b = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#202020' } }).png().toBuffer();
    const [ra, rb, rc] = await Promise.all([ocr.recognise(a), ocr.recognise(b), ocr.recognise(a)]);
    expect(ra.some((l) => squash(l.text).includes('SLOTGACOR'))).toBe(true);
    expect(rb).toEqual([]);
    expect(rc).toEqual(ra);
  });
});

describe('OCR engine lifecycle', () => {
  it('times out with media_timeout', async () => {
    const ocr = await createOcrEngine({ timeoutMs: 1 });
    try {
      const png = await captionImage('SLOT GACOR MAXWIN 88');
      await expect(ocr.recognise(png)).rejects.toMatchObject({ code: 'media_timeout' });
    } finally {
      await ocr.close();
    }
  });

  it('rejects after close, and queued calls are refused', async () => {
    const ocr = await createOcrEngine({ threads: 1 });
    const png = await captionImage('SLOT GACOR MAXWIN 88', { width: 640, height: 360 });
    const first = ocr.recognise(png);
    await new Promise((r) => setTimeout(r, 5)); // first is now decoding
    const queued = ocr.recognise(png);
    const closing = ocr.close();
    await expect(first).resolves.toBeInstanceOf(Array);
    await expect(queued).rejects.toMatchObject({ code: 'invalid_state' });
    await closing;
    await expect(ocr.recognise(png)).rejects.toBeInstanceOf(SaringError);
    await expect(ocr.recognise(png)).rejects.toMatchObject({ code: 'invalid_state' });
    await ocr.close(); // idempotent
  });

  it('refuses bad options', async () => {
    await expect(createOcrEngine({ threads: 0 })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('OCR geometry', () => {
  it('finds the minimum-area rectangle of a rotated rectangle', () => {
    const a = (30 * Math.PI) / 180;
    const pts: [number, number][] = [];
    for (const [u, v] of [[0, 0], [100, 0], [100, 20], [0, 20], [50, 10], [20, 5]] as const) {
      pts.push([10 + u * Math.cos(a) - v * Math.sin(a), 5 + u * Math.sin(a) + v * Math.cos(a)]);
    }
    const r = minAreaRect(convexHull(pts));
    expect(Math.max(r.lu, r.lv)).toBeCloseTo(100, 6);
    expect(Math.min(r.lu, r.lv)).toBeCloseTo(20, 6);
  });

  it('joins the words of one line, not lines above each other', () => {
    const box = (cx: number, cy: number, lu: number, lv: number) => ({ rect: { cx, cy, ux: 1, uy: 0, lu, lv }, score: 0.9 });
    const merged = mergeLineRegions([box(100, 100, 120, 40), box(215, 101, 100, 40), box(160, 160, 200, 40)]);
    expect(merged).toHaveLength(2);
    const line = merged.find((m) => m.rect.cy < 130)!;
    expect(Math.max(line.rect.lu, line.rect.lv)).toBeCloseTo(225, 0);
  });
});
