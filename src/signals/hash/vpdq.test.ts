import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSaringError } from '../../errors/errors.js';
import { resolveFfmpeg, runBounded } from './ffmpeg.js';
import { hammingDistance } from './pdq.js';
import {
  compareVpdq,
  dedupeConsecutive,
  dedupeFrames,
  filterByQuality,
  formatVpdqFile,
  hashVideo,
  parseVpdqFile,
  probeVideo,
  vpdqFromVideo,
  type VpdqFrame,
} from './vpdq.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/vpdq/', import.meta.url));
const video = (name: string): string => join(FIXTURES, 'videos', `${name}.mp4`);
const expected = (name: string): VpdqFrame[] => parseVpdqFile(readFileSync(join(FIXTURES, 'expected', `${name}.txt`), 'utf8'));

function histogram(values: number[]): Record<number, number> {
  const h: Record<number, number> = {};
  for (const v of values) h[v] = (h[v] ?? 0) + 1;
  return h;
}

async function expectReason(p: Promise<unknown>, reason: string): Promise<Error> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSaringError(err), `expected a SaringError, got ${String(err)}`).toBe(true);
  if (isSaringError(err)) expect(err.code, err.message).toBe(reason);
  return err as Error;
}

/** Our frames against Meta's expected file for the same frame numbers. */
function distancesToExpected(ours: VpdqFrame[], theirs: VpdqFrame[]): { all: number[]; good: number[]; sameClass: number } {
  const byFrame = new Map(theirs.map((f) => [f.frame, f]));
  const all: number[] = [];
  const good: number[] = [];
  let sameClass = 0;
  for (const f of ours) {
    const e = byFrame.get(f.frame);
    expect(e, `frame ${f.frame}`).toBeDefined();
    const d = hammingDistance(f.hash, e!.hash);
    all.push(d);
    if (e!.quality >= 50) good.push(d);
    if (f.quality >= 50 === e!.quality >= 50) sameClass++;
    expect(f.timestamp.toFixed(3)).toBe(e!.timestamp.toFixed(3));
  }
  return { all, good, sameClass };
}

describe('vPDQ file format', () => {
  it('reads and writes Meta’s files byte for byte', () => {
    for (const name of ['test-padded-dimensions', 'doorknob-hd-no-bar', 'pattern-hd-no-bar']) {
      const text = readFileSync(join(FIXTURES, 'expected', `${name}.txt`), 'utf8');
      const frames = parseVpdqFile(text);
      expect(frames[0]).toMatchObject({ frame: 0, timestamp: 0 });
      expect(frames[1]!.timestamp).toBeCloseTo(1 / 30, 3);
      expect(formatVpdqFile(frames)).toBe(text);
    }
  });

  it('accepts the three-field form and CRLF, and round-trips cropped hashes', () => {
    const h = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';
    expect(parseVpdqFile(`0,100,${h}\r\n\r\n5,40,${h.toUpperCase()}\r\n`)).toEqual([
      { frame: 0, quality: 100, hash: h, timestamp: 0 },
      { frame: 5, quality: 40, hash: h, timestamp: 5 },
    ]);
    const frames: VpdqFrame[] = [{ frame: 3, quality: 90, hash: h, timestamp: 0.1, cropped: { hash: h, quality: 80, rect: { x: 1, y: 2, width: 30, height: 40 } } }];
    const text = formatVpdqFile(frames, { cropped: true });
    expect(text).toBe(`3,90,${h},0.100,80,${h},1,2,30,40\n`);
    expect(parseVpdqFile(text)).toEqual(frames);
    expect(formatVpdqFile(frames)).toBe(`3,90,${h},0.100\n`); // Meta's format by default
  });

  it('refuses malformed lines with the line number', () => {
    const h = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';
    for (const [text, why] of [
      [`0,100,${h},0.000\n1,100,${h.slice(1)},0.033\n`, /line 2: the hash/],
      [`x,100,${h},0.000`, /line 1: the frame number/],
      [`0,101,${h},0.000`, /the quality/],
      [`0,100,${h},abc`, /the timestamp/],
      [`0,100`, /expected frame,quality,hash,timestamp/],
    ] as const) {
      expect(() => parseVpdqFile(text)).toThrow(why);
    }
  });
});

describe('vPDQ comparison (Meta’s brute-force matcher)', () => {
  const h0 = '0'.repeat(64);
  const flip = (n: number): string => {
    // n leading bits set
    const bits = '1'.repeat(n).padEnd(256, '0');
    let hex = '';
    for (let i = 0; i < 256; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16);
    return hex;
  };
  const f = (frame: number, hash: string, quality = 100): VpdqFrame => ({ frame, quality, hash, timestamp: frame / 30 });

  it('filters by quality and keeps one frame per distinct hash', () => {
    const frames = [f(0, h0), f(1, h0), f(2, flip(8), 20), f(3, flip(8)), f(4, h0)];
    expect(filterByQuality(frames).map((x) => x.frame)).toEqual([0, 1, 3, 4]);
    expect(dedupeFrames(frames).map((x) => x.frame)).toEqual([0, 2]);
    expect(dedupeConsecutive(frames).map((x) => x.frame)).toEqual([0, 2, 4]);
  });

  it('matches frames strictly below the distance tolerance and reports both percentages', () => {
    const query = [f(0, h0), f(1, flip(100)), f(2, flip(200))];
    const target = [f(10, flip(30)), f(11, flip(31)), f(12, flip(256))];
    const r = compareVpdq(query, target);
    // h0 is 30 from flip(30) (match) and 31 from flip(31) (no match: Meta uses <).
    expect(r.matchedFrames).toEqual([{ queryFrame: 0, queryTimestamp: 0, targetFrame: 10, targetTimestamp: 10 / 30, distance: 30, cropped: false }]);
    expect(r.queryMatchPercent).toBeCloseTo(100 / 3);
    expect(r.comparedMatchPercent).toBeCloseTo(100 / 3);
    expect(r.match).toBe(false);
    expect(compareVpdq(query, target, { distanceTolerance: 32 }).comparedMatchPercent).toBeCloseTo(200 / 3);
    expect(compareVpdq(query, target, { queryMatchThreshold: 30 }).match).toBe(true);
    expect(compareVpdq(query, target, { queryMatchThreshold: 30, comparedMatchThreshold: 50 }).match).toBe(false);
  });

  it('ignores low-quality frames and never matches empty sets', () => {
    expect(compareVpdq([f(0, h0, 10)], [f(0, h0)])).toMatchObject({ queryMatchPercent: 0, match: false, queryFrames: 0 });
    expect(compareVpdq([], [])).toMatchObject({ queryMatchPercent: 0, comparedMatchPercent: 0, match: false });
  });

  it('uses cropped hashes when frames have them', () => {
    const q: VpdqFrame = { ...f(0, flip(128)), cropped: { hash: h0, quality: 90, rect: { x: 0, y: 10, width: 10, height: 10 } } };
    expect(compareVpdq([q], [f(5, h0)])).toMatchObject({ queryMatchPercent: 100, match: true });
    expect(compareVpdq([q], [f(5, h0)]).matchedFrames[0]).toMatchObject({ distance: 0, cropped: true });
    expect(compareVpdq([q], [f(5, h0)], { useCropped: false }).match).toBe(false);
  });

  it('a video’s expected hashes match themselves at 100 % and other videos much less', () => {
    const hd = expected('pattern-hd-no-bar');
    expect(compareVpdq(hd, hd)).toMatchObject({ queryMatchPercent: 100, comparedMatchPercent: 100, match: true });
    const door = expected('doorknob-hd-no-bar');
    expect(compareVpdq(door, hd)).toMatchObject({ queryMatchPercent: 0, match: false });
    // Meta's own hashes: the barred re-uploads do not match the original.
    for (const name of ['pattern-sd-grey-bar', 'pattern-sd-with-small-logo-bar', 'pattern-sd-with-large-logo-bar']) {
      expect(compareVpdq(expected(name), hd).queryMatchPercent, name).toBe(0);
    }
  });
});

describe('vpdqFromVideo: compatibility with Meta’s expected hashes (test/fixtures/vpdq)', () => {
  it('finds a working ffmpeg', async () => {
    const bin = await resolveFfmpeg();
    console.log(`[vpdq] ffmpeg: ${bin.version} (${bin.source})`);
    expect(bin.path).toBeTruthy();
  });

  it('probes size, rate and duration', async () => {
    expect(await probeVideo(video('doorknob-hd-no-bar'))).toMatchObject({ width: 1280, height: 720, fps: 30, durationSeconds: 4.33, codec: 'h264' });
  });

  // Every 6th frame (secondsPerHash 0.2 at 30 fps) keeps the test fast; Meta's files have every frame.
  for (const name of ['doorknob-hd-no-bar', 'test-padded-dimensions', 'pattern-sd-grey-bar', 'pattern-sd-with-small-logo-bar', 'pattern-sd-with-large-logo-bar']) {
    it(`${name}: per-frame distances to Meta's hashes`, async () => {
      const r = await hashVideo(video(name), { secondsPerHash: 0.2 });
      expect(r.frameStep).toBe(6);
      expect(r.frames.map((x) => x.frame).slice(0, 3)).toEqual([0, 6, 12]);
      const theirs = expected(name);
      const { all, good, sameClass } = distancesToExpected(r.frames, theirs);
      const median = [...good].sort((a, b) => a - b)[good.length >> 1] ?? 0;
      console.log(
        `[vpdq] ${name}: ${all.length} frames, ${all.filter((d) => d === 0).length} at 0, ${all.filter((d) => d <= 10).length} ≤ 10; quality ≥ 50: median ${median}, max ${Math.max(0, ...good)}; distribution`,
        histogram(all),
      );
      // Frames of good quality stay well within the match threshold (decoders and swscale
      // versions differ by a few bits); dark frames of quality < 50 are noise and not compared.
      for (const d of good) expect(d).toBeLessThanOrEqual(31);
      expect(median).toBeLessThanOrEqual(12);
      expect(sameClass / all.length).toBeGreaterThanOrEqual(0.85);
      // And the video matches its own expected file.
      expect(compareVpdq(r.frames, theirs)).toMatchObject({ queryMatchPercent: 100, match: true });
    });
  }

  it('downsampled to 128×128 like Meta’s -s 128', async () => {
    const r = await hashVideo(video('doorknob-hd-no-bar'), { secondsPerHash: 0, downsample: { width: 128, height: 128 } });
    expect(r.frames).toHaveLength(120);
    const { good } = distancesToExpected(r.frames, expected('doorknob-hd-no-bar-128x128'));
    const median = [...good].sort((a, b) => a - b)[good.length >> 1] ?? 0;
    console.log(`[vpdq] doorknob-hd-no-bar-128x128: quality ≥ 50 median ${median}, max ${Math.max(...good)}`, histogram(good));
    expect(median).toBeLessThanOrEqual(12);
    expect(compareVpdq(r.frames, expected('doorknob-hd-no-bar-128x128')).queryMatchPercent).toBeGreaterThanOrEqual(95);
  });

  it('one hash per second by default, at Meta’s frame numbers and timestamps', async () => {
    const frames = await vpdqFromVideo(video('doorknob-hd-no-bar'));
    expect(frames.map((x) => x.frame)).toEqual([0, 30, 60, 90]);
    expect(frames.map((x) => x.timestamp)).toEqual([0, 1, 2, 3]);
  });
});

describe('letterbox on video (pattern-* sample videos)', () => {
  const hd = expected('pattern-hd-no-bar'); // Meta's hashes of the original, which has no bars

  it('barred re-uploads match the original on their cropped hashes; other videos do not', async () => {
    const door = await vpdqFromVideo(video('doorknob-hd-no-bar'), { letterbox: true });
    expect(door.filter((x) => x.cropped)).toHaveLength(0); // no bars, no crop
    const results: Record<string, number> = {};
    for (const name of ['pattern-sd-grey-bar', 'pattern-sd-with-small-logo-bar', 'pattern-sd-with-large-logo-bar']) {
      const q = await vpdqFromVideo(video(name), { letterbox: true });
      // 480×720 with 32-pixel pillarbox bars.
      for (const x of q) expect(x.cropped?.rect, `${name} frame ${x.frame}`).toMatchObject({ y: 0, height: 720 });
      expect(q.filter((x) => x.cropped!.rect.x >= 30 && x.cropped!.rect.x <= 34 && Math.abs(x.cropped!.rect.width - 416) <= 4).length).toBeGreaterThanOrEqual(q.length - 1);
      const withCrop = compareVpdq(q, hd);
      const without = compareVpdq(q, hd, { useCropped: false });
      results[name] = withCrop.queryMatchPercent;
      expect(without.queryMatchPercent, name).toBe(0);
      expect(compareVpdq(door, q).match, `doorknob vs ${name}`).toBe(false);
      expect(compareVpdq(door, q).queryMatchPercent).toBe(0);
    }
    console.log('[vpdq] barred pattern videos vs pattern-hd-no-bar, query-match % with cropped hashes:', results);
    expect(results['pattern-sd-grey-bar']).toBeGreaterThanOrEqual(80);
    expect(results['pattern-sd-with-small-logo-bar']).toBeGreaterThanOrEqual(80);
    // The "large logo" is a cartoon drawn over a quarter of the picture itself, not in the bar:
    // cropping cannot remove it (frame distances 30–80), so it stays below the threshold.
    expect(results['pattern-sd-with-large-logo-bar']).toBeLessThan(80);
  });
});

describe('vpdqFromVideo: bad input', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saring-vpdq-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('zero bytes, missing file, random bytes', async () => {
    const empty = join(dir, 'empty.mp4');
    await writeFile(empty, '');
    await expectReason(vpdqFromVideo(empty), 'invalid_media');
    await expect(vpdqFromVideo(join(dir, 'missing.mp4'))).rejects.toMatchObject({ code: 'not_found' });
    const random = join(dir, 'random.mp4');
    await writeFile(random, Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 2654435761) >>> 24)));
    await expectReason(vpdqFromVideo(random), 'invalid_media');
  });

  it('a truncated video is refused (or decoded partially on request)', async () => {
    const full = readFileSync(video('doorknob-hd-no-bar'));
    const cut = join(dir, 'cut.mp4');
    await writeFile(cut, full.subarray(0, Math.floor(full.length / 2)));
    const err = await expectReason(vpdqFromVideo(cut), 'invalid_media');
    expect(err.message).toMatch(/truncated/);
    const partial = await hashVideo(cut, { allowPartial: true });
    expect(partial.frames.length).toBeGreaterThan(0);
    expect(partial.warnings.length).toBeGreaterThan(0);
    const head = join(dir, 'head.mp4');
    await writeFile(head, full.subarray(0, 1000)); // header only: no frames at all
    await expectReason(vpdqFromVideo(head), 'invalid_media');
  });

  it('a video track shorter than the audio is not mistaken for a truncated file', async () => {
    const bin = await resolveFfmpeg();
    const f = join(dir, 'short-video.mp4');
    const r = await runBounded(
      bin.path,
      ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=2', '-f', 'lavfi', '-i', 'sine=duration=6', '-pix_fmt', 'yuv420p', f],
      { timeoutMs: 60_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    const v = await hashVideo(f);
    expect(v.info.durationSeconds).toBeGreaterThan(5);
    expect(v.frames.map((x) => x.frame)).toEqual([0, 10]);
  });

  it('a playlist posing as a video is not followed', async () => {
    const playlist = join(dir, 'evil.mp4');
    await writeFile(playlist, '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.0,\n/etc/passwd\n#EXT-X-ENDLIST\n');
    await expectReason(vpdqFromVideo(playlist), 'unsupported_media');
  });

  it('a file without a video stream', async () => {
    const bin = await resolveFfmpeg();
    const audio = join(dir, 'audio.m4a');
    const r = await runBounded(bin.path, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=duration=1', audio], { timeoutMs: 30_000 });
    expect(r.code).toBe(0);
    await expectReason(vpdqFromVideo(audio), 'unsupported_media');
  });

  it('caps on size, duration and frame count', async () => {
    await expectReason(vpdqFromVideo(video('doorknob-hd-no-bar'), { maxDimension: 1000 }), 'media_too_large');
    await expectReason(vpdqFromVideo(video('doorknob-hd-no-bar'), { maxDurationSeconds: 2 }), 'media_too_large');
    await expectReason(vpdqFromVideo(video('doorknob-hd-no-bar'), { secondsPerHash: 0, maxFrames: 10 }), 'media_too_large');
    await expect(vpdqFromVideo(video('doorknob-hd-no-bar'), { secondsPerHash: -1 })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('stops ffmpeg at the timeout', async () => {
    const t0 = Date.now();
    await expectReason(vpdqFromVideo(video('doorknob-hd-no-bar'), { secondsPerHash: 0, timeoutMs: 300 }), 'media_timeout');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
