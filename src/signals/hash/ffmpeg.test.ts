import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetFfmpegCache, resolveFfmpeg, runBounded } from './ffmpeg.js';

describe('resolveFfmpeg', () => {
  const saved = process.env['FFMPEG_PATH'];
  afterEach(() => {
    if (saved === undefined) delete process.env['FFMPEG_PATH'];
    else process.env['FFMPEG_PATH'] = saved;
    resetFfmpegCache();
  });

  it('finds a working binary and caches it', async () => {
    const a = await resolveFfmpeg();
    expect(a.version).toMatch(/ffmpeg version/);
    expect(['FFMPEG_PATH', 'PATH', '@ffmpeg-installer/ffmpeg']).toContain(a.source);
    expect(await resolveFfmpeg()).toBe(a);
  });

  it('honours FFMPEG_PATH, and says so clearly when it does not work', async () => {
    const good = await resolveFfmpeg();
    resetFfmpegCache();
    process.env['FFMPEG_PATH'] = good.path;
    expect(await resolveFfmpeg()).toMatchObject({ path: good.path, source: 'FFMPEG_PATH' });
    resetFfmpegCache();
    const dir = await mkdtemp(join(tmpdir(), 'saring-ffmpeg-'));
    try {
      const fake = join(dir, 'ffmpeg');
      await writeFile(fake, '#!/bin/sh\necho nope\nexit 3\n', { mode: 0o755 });
      process.env['FFMPEG_PATH'] = fake;
      await expect(resolveFfmpeg()).rejects.toMatchObject({ code: 'ffmpeg_unavailable' });
      process.env['FFMPEG_PATH'] = join(dir, 'missing');
      await expect(resolveFfmpeg()).rejects.toThrow(/FFMPEG_PATH/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('runBounded', () => {
  it('kills a process at the timeout', async () => {
    const t0 = Date.now();
    const r = await runBounded(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { timeoutMs: 200 });
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('keeps output bounded', async () => {
    const r = await runBounded(process.execPath, ['-e', 'process.stdout.write("x".repeat(100000)); process.stderr.write("y".repeat(100000))'], {
      timeoutMs: 10_000,
      maxStdout: 1000,
      maxStderr: 500,
    });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(1000);
    expect(r.stderr.length).toBe(500);
  });
});
