import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { resolveFfmpeg, runBounded } from '../signals/hash/ffmpeg.js';
import { probeVideo } from '../signals/hash/vpdq.js';
import { createOcrEngine } from '../signals/ocr/ocr.js';
import { canDrawText, corrupt, fontFile, makeVideo, renderImage, truncate } from './media-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'saring-fixtures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One decoded frame at `t` seconds as RGB. */
async function frameAt(path: string, t: number, width: number, height: number): Promise<Buffer> {
  const bin = await resolveFfmpeg();
  const r = await runBounded(bin.path, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-ss', String(t), '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], {
    timeoutMs: 30_000,
    maxStdout: width * height * 3,
  });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout.length).toBe(width * height * 3);
  return r.stdout;
}

/** Pixels that are clearly yellow (red and green high, blue low). */
function yellowPixels(rgb: Buffer): number {
  let n = 0;
  for (let i = 0; i < rgb.length; i += 3) if (rgb[i]! > 180 && rgb[i + 1]! > 180 && rgb[i + 2]! < 90) n++;
  return n;
}

/** Streams ffmpeg lists for a file (`Video: h264`, `Audio: aac`, …). */
async function streams(path: string): Promise<string[]> {
  const bin = await resolveFfmpeg();
  const r = await runBounded(bin.path, ['-hide_banner', '-nostdin', '-i', path], { timeoutMs: 30_000, maxStdout: 0 });
  return [...r.stderr.matchAll(/Stream #\d+:\d+.*?: (Video|Audio): (\w+)/g)].map((m) => `${m[1]}: ${m[2]}`);
}

/** Decodes the whole file; resolves with ffmpeg's exit code and error output. */
async function decodeAll(path: string): Promise<{ code: number | null; stderr: string }> {
  const bin = await resolveFfmpeg();
  const r = await runBounded(bin.path, ['-hide_banner', '-nostdin', '-v', 'error', '-i', path, '-f', 'null', '-'], { timeoutMs: 60_000, maxStdout: 0 });
  return { code: r.code, stderr: r.stderr };
}

describe('fontFile', () => {
  it('names an existing font, or nothing', () => {
    const f = fontFile();
    expect(canDrawText).toBe(f !== undefined);
    if (f) expect(statSync(f).isFile()).toBe(true);
  });
});

describe('makeVideo', () => {
  it.skipIf(!canDrawText)('makes a 3 s 320×240 mp4 with a caption shown from 1 to 2 s (needs a font: see fontFile())', async () => {
    const path = join(dir, 'caption.mp4');
    await makeVideo(path, { seconds: 3, width: 320, height: 240, fps: 25, source: 'colour', background: '#203040', overlays: [{ text: 'SLOT GACOR 88', from: 1, to: 2 }] });
    const info = await probeVideo(path);
    expect(info).toMatchObject({ width: 320, height: 240, codec: 'h264' });
    expect(info.fps).toBeCloseTo(25, 5);
    expect(info.durationSeconds).toBeGreaterThan(2.8);
    expect(info.durationSeconds).toBeLessThan(3.3);
    expect(await streams(path)).toEqual(['Video: h264']);
    expect(yellowPixels(await frameAt(path, 0.5, 320, 240))).toBe(0);
    expect(yellowPixels(await frameAt(path, 1.5, 320, 240))).toBeGreaterThan(200);
    expect(yellowPixels(await frameAt(path, 2.5, 320, 240))).toBe(0);
  });

  it.skipIf(!canDrawText)('draws text with characters special to ffmpeg filtergraphs literally (needs a font)', async () => {
    const path = join(dir, 'escaped.mp4');
    // each of these would break the graph, or be expanded by drawtext, if passed unescaped
    const text = `50% off: it's "A\\B" [x], {y}; %{pts} 100%`;
    await makeVideo(path, { seconds: 1, width: 960, height: 200, source: 'colour', overlays: [{ text, from: 0, to: 1, fontSize: 32, y: 'middle', colour: 'white' }] });
    expect((await probeVideo(path)).width).toBe(960);
    const rgb = await frameAt(path, 0.5, 960, 200);
    const ocr = await createOcrEngine();
    try {
      const lines = await ocr.recognise({ data: rgb, width: 960, height: 200, channels: 3 });
      const squash = (s: string) => s.replace(/\s+/g, '');
      expect(lines.map((l) => squash(l.text)), JSON.stringify(lines)).toContain(squash(text));
    } finally {
      await ocr.close();
    }
  });

  it('makes webm (VP8 + Opus) and mov (H.264 + AAC) videos', async () => {
    const webm = join(dir, 'v.webm');
    const mov = join(dir, 'v.mov');
    await Promise.all([
      makeVideo(webm, { seconds: 2, width: 320, height: 240, source: 'smptebars', format: 'webm', audio: 'sine', keyint: 10 }),
      makeVideo(mov, { seconds: 2, width: 320, height: 240, source: 'testsrc2', format: 'mov', audio: 'sine' }),
    ]);
    expect(await probeVideo(webm)).toMatchObject({ width: 320, height: 240, codec: 'vp8' });
    expect(await probeVideo(mov)).toMatchObject({ width: 320, height: 240, codec: 'h264' });
    expect(await streams(webm)).toEqual(['Video: vp8', 'Audio: opus']);
    expect(await streams(mov)).toEqual(['Video: h264', 'Audio: aac']);
    expect(readFileSync(webm).subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // EBML
    expect(readFileSync(mov).subarray(4, 8).toString('latin1')).toMatch(/ftyp|wide|mdat|moov/);
  });

  it('mixes a wav file in from the start, for the length of the video', async () => {
    const wav = join(dir, 'tone.wav');
    const bin = await resolveFfmpeg();
    const r = await runBounded(bin.path, ['-hide_banner', '-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=300:duration=1', '-ar', '16000', '-ac', '1', wav], { timeoutMs: 30_000 });
    expect(r.code, r.stderr).toBe(0);
    const path = join(dir, 'wav.mp4');
    await makeVideo(path, { seconds: 2, width: 160, height: 120, source: 'smptebars', audio: { wav } });
    expect(await streams(path)).toEqual(['Video: h264', 'Audio: aac']);
    expect((await probeVideo(path)).durationSeconds).toBeLessThan(2.3);
  });

  it('honours keyint', async () => {
    const path = join(dir, 'gop.mp4');
    await makeVideo(path, { seconds: 2, width: 160, height: 120, fps: 10, source: 'testsrc2', keyint: 5 });
    const bin = await resolveFfmpeg();
    const r = await runBounded(bin.path, ['-hide_banner', '-nostdin', '-skip_frame', 'nokey', '-i', path, '-vf', 'showinfo', '-f', 'null', '-'], { timeoutMs: 30_000, maxStdout: 0 });
    const keyframes = [...r.stderr.matchAll(/pts_time:/g)].length;
    expect(keyframes).toBe(4); // frames 0, 5, 10, 15 of 20
  });

  it('refuses bad specs', async () => {
    await expect(makeVideo(join(dir, 'x.mp4'), { seconds: 0 })).rejects.toThrow(/seconds/);
    await expect(makeVideo(join(dir, 'x.mp4'), { seconds: 1, width: 321 })).rejects.toThrow(/even/);
    await expect(makeVideo(join(dir, 'x.mp4'), { seconds: 1, audio: { wav: join(dir, 'missing.wav') } })).rejects.toThrow(/does not exist/);
    if (canDrawText) {
      await expect(makeVideo(join(dir, 'x.mp4'), { seconds: 1, overlays: [{ text: 'a', from: 0, to: 1, colour: "red:x='1'" }] })).rejects.toThrow(/colour/);
    }
  });
});

describe('renderImage', () => {
  it('gives the requested format and size', async () => {
    for (const format of ['png', 'jpeg', 'webp', 'gif'] as const) {
      const img = await renderImage({ width: 321, height: 123, text: 'Halo <&> "dunia"', format });
      const meta = await sharp(img).metadata();
      expect(meta.format).toBe(format);
      expect(meta.width).toBe(321);
      expect(meta.height).toBe(123);
    }
  });

  it.skipIf(!canDrawText)('draws the text in the colour asked over the background asked', async () => {
    const plain = await renderImage({ width: 200, height: 100, background: '#000000' });
    const text = await renderImage({ width: 200, height: 100, background: '#000000', text: 'HALO', colour: '#ffff00', fontSize: 40 });
    const raw = async (b: Buffer) => (await sharp(b).removeAlpha().raw().toBuffer());
    expect(yellowPixels(await raw(plain))).toBe(0);
    expect(yellowPixels(await raw(text))).toBeGreaterThan(300);
  });
});

describe('truncate and corrupt', () => {
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

  it('truncate keeps a prefix, as a copy', () => {
    const t = truncate(bytes, 100);
    expect(t.length).toBe(100);
    expect(t.equals(bytes.subarray(0, 100))).toBe(true);
    t[0] = 99;
    expect(bytes[0]).toBe(0);
    expect(truncate(bytes, 5000).length).toBe(1000);
    expect(truncate(bytes, -1).length).toBe(0);
  });

  it('corrupt keeps the header and the end, changes the middle, deterministically', () => {
    const c = corrupt(bytes);
    expect(c.length).toBe(bytes.length);
    expect(c.subarray(0, 300).equals(bytes.subarray(0, 300))).toBe(true);
    expect(c.subarray(700).equals(bytes.subarray(700))).toBe(true);
    let changed = 0;
    for (let i = 300; i < 700; i++) if (c[i] !== bytes[i]) changed++;
    expect(changed).toBeGreaterThan(350);
    expect(corrupt(bytes).equals(c)).toBe(true);
    expect(corrupt(bytes, 2).equals(c)).toBe(false);
    expect(bytes[400]).toBe(400 % 251); // the input is untouched
    expect(corrupt(Buffer.from([1, 2])).equals(Buffer.from([1, 2]))).toBe(true);
  });

  it('a corrupt or truncated video no longer decodes cleanly', async () => {
    const path = join(dir, 'src.mp4');
    await makeVideo(path, { seconds: 2, width: 320, height: 240, source: 'testsrc2', keyint: 10 });
    const bytes = readFileSync(path);
    const cut = join(dir, 'cut.mp4');
    const bad = join(dir, 'bad.mp4');
    writeFileSync(cut, truncate(bytes, Math.floor(bytes.length / 2)));
    writeFileSync(bad, corrupt(bytes, 7));
    expect((await decodeAll(path)).stderr).toBe('');
    const [c, b] = await Promise.all([decodeAll(cut), decodeAll(bad)]);
    expect(c.code !== 0 || c.stderr.length > 0).toBe(true);
    expect(b.code !== 0 || b.stderr.length > 0).toBe(true);
  });
});
