import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { packageRoot } from '../../config/paths.js';
import { SaringError } from '../../errors/errors.js';
import { createOcrEngine, OCR_ENGINE_NAME, type OcrEngine } from './ocr.js';
import { createOcrThread } from './ocr-thread.js';

/** A caption in a black band over a blue background, 1280×720. */
function caption(text: string): Promise<Buffer> {
  return sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720">
      <rect width="100%" height="100%" fill="#3a6ea5"/><rect x="200" y="560" width="880" height="100" fill="#000000"/>
      <text x="640" y="630" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="56" fill="#ffff00">${text}</text>
    </svg>`),
  )
    .png()
    .toBuffer();
}

describe('OCR in a worker thread', () => {
  let thread: OcrEngine;
  let local: OcrEngine;
  beforeAll(async () => {
    [thread, local] = await Promise.all([createOcrThread({ workers: 2 }), createOcrEngine()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([thread?.close(), local?.close()]);
  });

  it('reads what the engine in this thread reads, encoded and raw, and leaves the caller its buffer', async () => {
    expect(thread.name).toBe(OCR_ENGINE_NAME);
    const png = await caption('SLOT GACOR 88');
    const { data, info } = await sharp(png).resize(640, 360).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const raw = { data, width: info.width, height: info.height, channels: 3 as const };
    const [a, b, c, d] = await Promise.all([thread.recognise(png), local.recognise(png), thread.recognise(raw), local.recognise(raw)]);
    expect(a).toEqual(b);
    expect(c).toEqual(d);
    expect(a.map((l) => l.text).join(' ')).toMatch(/SLOT\s*GACOR/);
    expect(data.length).toBe(640 * 360 * 3); // copied, not transferred away
  }, 120_000);

  it('keeps error codes across the thread boundary and serves on afterwards', async () => {
    const err = await thread.recognise(Buffer.from('not an image at all')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SaringError);
    expect((err as SaringError).code).toBe('invalid_media');
    const bad = await thread.recognise(await caption('X'), { maxSide: 8 }).catch((e: unknown) => e);
    expect((bad as SaringError).code).toBe('validation_failed');
    expect((await thread.recognise(await caption('MAXWIN'))).map((l) => l.text).join(' ')).toMatch(/MAXWIN/);
  }, 120_000);

  it('refuses calls after close', async () => {
    const t = await createOcrThread();
    await t.close();
    await t.close(); // idempotent
    const err = await t.recognise(await caption('A')).catch((e: unknown) => e);
    expect((err as SaringError).code).toBe('invalid_state');
  }, 120_000);

  it('lets a process with nothing else to do await close() to the end (no exit mid-await)', () => {
    // The built module, in a process of its own: once the engine is closed nothing else keeps it alive.
    const built = join(packageRoot(), 'dist', 'signals', 'ocr', 'ocr-thread.js');
    expect(existsSync(built), 'npm run build first').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'saring-ocr-close-'));
    const script = join(dir, 'close.mjs'); // a file, not -e: the worker would inherit --input-type
    writeFileSync(
      script,
      `const { createOcrThread } = await import(${JSON.stringify(pathToFileURL(built).href)});
      const t = await createOcrThread({ workers: 1 });
      await t.close();
      console.log('closed');`,
    );
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 90_000 });
    rmSync(dir, { recursive: true, force: true });
    expect({ status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() }).toEqual({ status: 0, stdout: 'closed', stderr: '' });
  }, 120_000);

  it('fails to start with the engine’s own validation error', async () => {
    const err = await createOcrThread({ threads: 0 }).catch((e: unknown) => e);
    expect((err as SaringError).code).toBe('validation_failed');
    const none = await createOcrThread({ workers: 0 }).catch((e: unknown) => e);
    expect((none as SaringError).code).toBe('validation_failed');
  }, 120_000);
});
