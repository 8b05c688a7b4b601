import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canDrawText, makeVideo, renderImage, truncate } from '../src/demo/media-fixtures.js';
import { runCli } from '../src/test-support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'saring-media-cli-'));
const dataDir = join(tmp, 'data'); // never created: the shipped policy, no banks
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!canDrawText)('saring scan --file with images and videos (needs a TrueType font to draw overlays)', () => {
  const video = join(tmp, 'promo.mp4');
  const clean = join(tmp, 'clean.webm');
  beforeAll(async () => {
    await Promise.all([
      makeVideo(video, { seconds: 12, width: 1280, height: 720, source: 'smptebars', overlays: [{ text: 'SLOT GACOR MAXWIN 88', from: 5, to: 8 }], audio: 'sine' }),
      makeVideo(clean, { seconds: 6, width: 640, height: 360, source: 'mandelbrot', format: 'webm' }),
    ]);
  }, 120_000);

  it('prints the merged verdict of a video, with OCR evidence at the overlay’s time', async () => {
    const r = await runCli(['scan', '--json', '--file', video], dataDir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const verdict = JSON.parse(r.stdout);
    const gambling = verdict.categories.find((c: { category: string }) => c.category === 'gambling');
    expect(gambling).toBeDefined();
    const ocr = gambling.evidence.filter((e: { source: string }) => e.source === 'ocr');
    expect(ocr.length).toBeGreaterThan(0);
    for (const e of ocr) {
      expect(e.timestamp).toBeGreaterThanOrEqual(5);
      expect(e.timestamp).toBeLessThanOrEqual(6);
      expect(typeof e.match).toBe('string');
    }
    expect(verdict.signals.media[0]).toMatchObject({ kind: 'video', width: 1280, height: 720, speech: { detected: false } });
  });

  it('allows a clean WebM, and reads the caption words given with it', async () => {
    const quiet = await runCli(['scan', '--json', '--file', clean], dataDir);
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout).action).toBe('allow');
    const captioned = await runCli(['scan', '--json', '--file', clean, 'slot', 'gacor', 'maxwin', 'depo', '10rb'], dataDir);
    const v = JSON.parse(captioned.stdout);
    expect(v.action).not.toBe('allow');
    expect(v.categories[0].evidence.some((e: { source: string }) => e.source === 'caption')).toBe(true);
  });

  it('scans an image and prints a readable summary without --json', async () => {
    const image = join(tmp, 'promo.webp');
    writeFileSync(image, await renderImage({ width: 800, height: 450, text: 'SLOT GACOR MAXWIN', fontSize: 60, format: 'webp' }));
    const r = await runCli(['scan', '--file', image], dataDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^(REMOVE|REVIEW)/);
    expect(r.stdout).toMatch(/on screen at 0:00/);
    expect(r.stdout).toMatch(/✓ ocr/);
  });

  it('refuses a truncated video with one clear line and exit 1', async () => {
    const { readFileSync } = await import('node:fs');
    const cut = join(tmp, 'cut.mp4');
    const bytes = readFileSync(video);
    writeFileSync(cut, truncate(bytes, Math.floor(bytes.length / 2)));
    const r = await runCli(['scan', '--json', '--file', cut], dataDir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/invalid_media|truncated|corrupt/i);
  });
});
