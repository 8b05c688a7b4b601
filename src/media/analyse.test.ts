import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../config/paths.js';
import { validatePolicy } from '../policy/document.js';
import { builtinScanConfig } from '../scan/scan-config.js';
import { scanTexts } from '../scan/scan.js';
import type { TextEvidence } from '../scan/verdict.js';
import { initLanguageId } from '../signals/text/language.js';
import { canDrawText, corrupt, makeVideo, renderImage, truncate } from '../demo/media-fixtures.js';
import { pngDeclaring } from '../test-support/media.js';
import { analyseMedia, mergeScreenText } from './analyse.js';
import { MediaEngines } from './engines.js';

const noFont = !canDrawText;
const SPEECH = join(packageRoot(), 'test', 'fixtures', 'speech', 'espeak-id.wav');
const squash = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** A 16-bit mono WAV (16 kHz) of `seconds` of white noise under a bass drum and changing notes: loud, busy, no voice. */
function noisyMusicWav(seconds: number): Buffer {
  const rate = 16000;
  const n = seconds * rate;
  const wav = Buffer.alloc(44 + n * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + n * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(n * 2, 40);
  let seed = 12345;
  const noise = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const beat = t % 0.5;
    const note = 220 * 2 ** ([0, 4, 7, 12][Math.floor(t) % 4]! / 12);
    const v = 0.5 * Math.sin(2 * Math.PI * 55 * t) * Math.exp(-12 * beat) + 0.15 * Math.sin(2 * Math.PI * note * t) + 0.15 * noise();
    wav.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32000), 44 + i * 2);
  }
  return wav;
}

describe('media analysis pipeline', () => {
  let dir: string;
  let engines: MediaEngines;
  const config = builtinScanConfig();
  let overlay: string;
  let clean: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saring-analyse-'));
    engines = new MediaEngines({ nudityThreads: 1 });
    await initLanguageId();
    if (noFont) return;
    overlay = join(dir, 'overlay.mp4');
    clean = join(dir, 'clean.mp4');
    // The acceptance case: 60 s of 1280×720 with a gambling overlay from 5 to 8 s.
    await Promise.all([
      makeVideo(overlay, { seconds: 60, width: 1280, height: 720, source: 'smptebars', overlays: [{ text: 'SLOT GACOR MAXWIN 88', from: 5, to: 8 }] }),
      makeVideo(clean, { seconds: 60, width: 1280, height: 720, source: 'smptebars' }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await engines?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(noFont)('reads a gambling overlay in a 60 s 720p video, with its timestamps, and judges it gambling', async () => {
    const thumbs = join(dir, 'thumbs');
    const { findings, hashes } = await analyseMedia(overlay, engines, { thumbnailDir: thumbs });
    expect(hashes?.kind).toBe('video');
    expect(findings.steps.filter((s) => !['ok', 'skipped'].includes(s.status))).toEqual([]);
    expect(findings.frames).toMatchObject({ sampled: 60 });
    // The bars do not change: repeats are skipped before the models.
    expect(findings.frames!.duplicates).toBeGreaterThan(50);
    const line = findings.ocr!.find((l) => squash(l.text).includes('SLOTGACOR'));
    expect(line).toBeDefined();
    expect(line!.timestamp).toBeGreaterThanOrEqual(5);
    expect(line!.timestamp).toBeLessThanOrEqual(6);
    expect(line!.until).toBeGreaterThanOrEqual(7);
    expect(line!.until).toBeLessThanOrEqual(8.5);
    expect(line!.box.y).toBeGreaterThan(400); // drawn near the bottom of the 720-line frame

    const verdict = scanTexts(config, { texts: {}, audience: 'general', media: [findings] });
    const gambling = verdict.categories.find((c) => c.category === 'gambling');
    expect(gambling).toBeDefined();
    expect(['remove', 'review']).toContain(gambling!.action);
    const ocr = gambling!.evidence.filter((e): e is TextEvidence => e.source === 'ocr');
    expect(ocr.length).toBeGreaterThan(0);
    for (const e of ocr) {
      expect(e.timestamp).toBeGreaterThanOrEqual(5);
      expect(e.timestamp).toBeLessThanOrEqual(6);
      expect(squash(e.text!)).toContain(squash(e.match));
    }
    // Thumbnails and blurred copies for the console.
    const thumb = line!.thumbnail!;
    expect(existsSync(join(thumbs, hashes!.sha256, thumb))).toBe(true);
    expect(existsSync(join(thumbs, hashes!.sha256, thumb.replace('.jpg', '.blur.jpg')))).toBe(true);
  });

  it.skipIf(noFont)('allows the same video without the overlay', async () => {
    const { findings } = await analyseMedia(clean, engines);
    const verdict = scanTexts(config, { texts: {}, audience: 'general', media: [findings] });
    expect(verdict.action).toBe('allow');
    expect(findings.ocr!.some((l) => squash(l.text).includes('GACOR'))).toBe(false);
    expect(findings.nudity!.frames.length).toBeGreaterThan(0);
    expect(Math.max(...findings.nudity!.frames.map((f) => f.scores.porn + f.scores.hentai))).toBeLessThan(0.5);
  });

  it.skipIf(noFont)('allows a clean moving video with an unrelated caption and noisy music, for every audience', async () => {
    // testsrc2 draws a running clock and a frame counter: OCR reads a different number on every
    // sampled frame. Joined over 20 s into one text, those numbers read as a gambling promotion to
    // the judol model (children's videos went to review; at 60 s, every audience's).
    const video = join(dir, 'recipe.mp4');
    const audio = join(dir, 'noisy-music.wav');
    writeFileSync(audio, noisyMusicWav(20));
    await makeVideo(video, { seconds: 20, width: 640, height: 360, source: 'testsrc2', overlays: [{ text: 'Resep nasi goreng kampung', from: 0, to: 20 }], audio: { wav: audio } });
    const { findings } = await analyseMedia(video, engines);
    expect(findings.steps.filter((s) => !['ok', 'skipped'].includes(s.status))).toEqual([]);
    expect(findings.ocr!.some((l) => squash(l.text).includes('NASIGORENG'))).toBe(true);
    expect(findings.ocr!.length).toBeGreaterThan(5); // the clock and counter were read too
    // Noise and notes are not speech.
    expect(findings.speech).toMatchObject({ detected: false });
    for (const audience of ['general', 'children'] as const) {
      const verdict = scanTexts(config, { texts: {}, audience, media: [findings] });
      expect({ audience, action: verdict.action, categories: verdict.categories.filter((c) => c.score >= 0.1) }).toEqual({ audience, action: 'allow', categories: [] });
    }
  }, 150_000);

  it.skipIf(noFont)('sees a caption shown only between two sampled seconds, through the keyframe there', async () => {
    const video = join(dir, 'flash.mp4');
    // Keyframes every 2.5 s; the caption is on screen from 2.4 to 2.7 s, between the samples at 2 and 3 s.
    await makeVideo(video, { seconds: 6, width: 1280, height: 720, fps: 10, keyint: 25, source: 'smptebars', overlays: [{ text: 'SLOT GACOR MAXWIN', from: 2.4, to: 2.7 }] });
    const { findings } = await analyseMedia(video, engines, { steps: { nudity: false, speech: false } });
    expect(findings.frames!.keyframes).toBeGreaterThanOrEqual(1);
    const line = findings.ocr!.find((l) => squash(l.text).includes('SLOTGACOR'));
    expect(line).toMatchObject({ timestamp: 2.5 });
    // Boxes are in the video's own pixels, as for sampled frames.
    expect(line!.box.width).toBeGreaterThan(400);
    expect(line!.box.y).toBeGreaterThan(360);
  });

  it.skipIf(noFont)('reads text in an image, with its box', async () => {
    const path = join(dir, 'promo.png');
    writeFileSync(path, await renderImage({ width: 960, height: 540, text: 'SLOT GACOR MAXWIN', fontSize: 72, format: 'png' }));
    const { findings } = await analyseMedia(path, engines);
    expect(findings.kind).toBe('image');
    expect(findings.frames).toMatchObject({ sampled: 1, analysed: 1 });
    const verdict = scanTexts(config, { texts: { caption: 'cek bio' }, audience: 'general', media: [findings] });
    const e = verdict.categories.find((c) => c.category === 'gambling')?.evidence.find((x): x is TextEvidence => x.source === 'ocr');
    expect(e).toMatchObject({ source: 'ocr', timestamp: 0, media: 0 });
    expect(e!.box!.width).toBeGreaterThan(100);
    expect(findings.speech).toBeUndefined();
  });

  it('refuses truncated, corrupt, over-long, oversized media and decompression bombs with a clear error', async () => {
    const video = join(dir, 'short.mp4');
    await makeVideo(video, { seconds: 3, width: 320, height: 240, source: 'testsrc2' });
    const bytes = readFileSync(video);
    // Longer than allowed, or bigger than allowed.
    await expect(analyseMedia(video, engines, { maxSeconds: 1 })).rejects.toMatchObject({ code: 'media_too_large' });
    await expect(analyseMedia(video, engines, { maxBytes: 1000 })).rejects.toMatchObject({ code: 'media_too_large' });
    const cut = join(dir, 'cut.mp4');
    writeFileSync(cut, truncate(bytes, Math.floor(bytes.length / 3)));
    await expect(analyseMedia(cut, engines)).rejects.toMatchObject({ code: 'invalid_media' });
    const png = join(dir, 'broken.png');
    writeFileSync(png, corrupt(await renderImage({ width: 200, height: 100, format: 'png' })));
    await expect(analyseMedia(png, engines)).rejects.toMatchObject({ code: expect.stringMatching(/invalid_media|unsupported_media/) });
    // A decompression bomb: the header declares 100 000 × 100 000 pixels; refused before decoding.
    const bomb = join(dir, 'bomb.png');
    writeFileSync(bomb, pngDeclaring(100_000, 100_000));
    await expect(analyseMedia(bomb, engines)).rejects.toMatchObject({ code: 'media_too_large' });
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a video at all');
    await expect(analyseMedia(text, engines)).rejects.toMatchObject({ code: 'unsupported_media' });
  });

  it('stops when cancelled', async () => {
    const video = join(dir, 'busy.mp4');
    // Long enough that the analysis is still running at 300 ms; short to make on a busy machine.
    await makeVideo(video, { seconds: 8, width: 640, height: 360, source: 'testsrc2' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    await expect(analyseMedia(video, engines, { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('detects speech; without a recogniser the transcript step is skipped and children’s videos go to review', async () => {
    const video = join(dir, 'talk.mp4');
    await makeVideo(video, { seconds: 6, width: 320, height: 240, source: 'smptebars', audio: { wav: SPEECH } });
    const { findings } = await analyseMedia(video, engines);
    expect(findings.speech).toMatchObject({ detected: true, transcribed: false });
    expect(findings.steps.find((s) => s.step === 'transcript')).toMatchObject({ status: 'skipped' });
    const general = scanTexts(config, { texts: {}, audience: 'general', media: [findings] });
    expect(general.action).toBe('allow');
    const children = scanTexts(config, { texts: {}, audience: 'children', media: [findings] });
    expect(children).toMatchObject({ action: 'review', review: { queue: 'speech', reason: 'untranscribed_speech' } });
  });

  it('keeps the other findings when a step fails, and the policy sends the item to review', async () => {
    const broken = new MediaEngines({ nudityThreads: 1, asrModel: join(dir, 'no-such-model') });
    try {
      const video = join(dir, 'talk2.mp4');
      await makeVideo(video, { seconds: 6, width: 320, height: 240, source: 'smptebars', audio: { wav: SPEECH } });
      const { findings } = await analyseMedia(video, broken, { steps: { nudity: false } });
      expect(findings.steps.find((s) => s.step === 'transcript')).toMatchObject({ status: 'failed' });
      expect(findings.steps.find((s) => s.step === 'ocr')).toMatchObject({ status: 'ok' });
      expect(findings.speech?.detected).toBe(true);
      const verdict = scanTexts(config, { texts: {}, audience: 'general', media: [findings] });
      expect(verdict).toMatchObject({ action: 'review', review: { queue: 'media', reason: 'incomplete_analysis' } });
      // A policy without the rule lets it through.
      const { document } = validatePolicy({ ...config.policy, media: undefined });
      expect(scanTexts({ ...config, policy: document }, { texts: {}, audience: 'general', media: [findings] }).action).toBe('allow');
    } finally {
      await broken.close();
    }
  });

  it('merges a line seen on consecutive frames into one entry', () => {
    const box = { x: 1, y: 2, width: 3, height: 4 };
    const merged = mergeScreenText([
      { timestamp: 5, lines: [{ text: 'SLOT GACOR', confidence: 0.9, box }] },
      { timestamp: 6, until: 7, lines: [{ text: 'SLOTGACOR.', confidence: 0.95, box }] },
      { timestamp: 30, lines: [{ text: 'slot gacor', confidence: 0.9, box }] },
    ]);
    expect(merged.map((m) => [m.timestamp, m.until])).toEqual([
      [5, 7],
      [30, 30],
    ]);
    expect(merged[0]!.text).toBe('SLOTGACOR.');
  });
});
