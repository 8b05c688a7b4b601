import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpeg, runBounded } from '../src/signals/hash/ffmpeg.js';
import { parseVpdqFile } from '../src/signals/hash/vpdq.js';
import { pngDeclaring } from '../src/test-support/media.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'saring.js');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const image = (p: string): string => join(FIXTURES, 'pdq', 'images', p);
const video = (name: string): string => join(FIXTURES, 'vpdq', 'videos', `${name}.mp4`);
const tmp = mkdtempSync(join(tmpdir(), 'saring-hash-cli-'));
const dataDir = join(tmp, 'data'); // never created: these commands need no database
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI; never throws, returns what a shell user would see. */
function saring(args: string[], timeoutMs = 120_000): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, DATABASE_URL: '', SARING_DATA: dataDir }, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

const HEX64 = /^[0-9a-f]{64}$/;
const digest = (algo: string, path: string): string => createHash(algo).update(readFileSync(path)).digest('hex');

function expectedPdq(path: string): { hash: string; quality: number } {
  for (const line of readFileSync(join(FIXTURES, 'pdq', 'expected.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [hash, quality, p] = line.split(',');
    if (p === path) return { hash: hash!, quality: Number(quality) };
  }
  throw new Error(`${path} is not in expected.csv`);
}

/** Exit 1 with one line `saring: … [code]` on stderr, nothing on stdout, no stack trace. */
function expectError(r: Run, code: string): void {
  expect(r.code, `${r.stdout}${r.stderr}`).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(new RegExp(`^saring: [^\\n]+ \\[${code}\\]\\n$`));
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** Runs the ffmpeg Saring resolves; the first argument list that succeeds wins (codecs differ between builds). */
async function ffmpeg(...attempts: string[][]): Promise<void> {
  const bin = await resolveFfmpeg();
  let last = '';
  for (const args of attempts) {
    const r = await runBounded(bin.path, ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], { timeoutMs: 120_000 });
    if (r.code === 0) return;
    last = r.stderr;
  }
  throw new Error(`ffmpeg failed: ${last}`);
}

/** Encodes `input` to `output` as H.264 (or MPEG-4 part 2 where the build has no libx264) at `bitrate`. */
function reencode(input: string[], output: string, bitrate: string): Promise<void> {
  return ffmpeg([...input, '-an', '-c:v', 'libx264', '-b:v', bitrate, output], [...input, '-an', '-c:v', 'mpeg4', '-b:v', bitrate, output]);
}

describe('saring hash', () => {
  it('prints the PDQ and exact hashes of an image as JSON, equal to the reference and to crypto', async () => {
    const path = image('bridge-mods/aaa-orig.jpg');
    const r = await saring(['hash', '--json', path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const h = JSON.parse(r.stdout);
    expect(h.kind).toBe('image');
    expect(h.pdq.hash).toMatch(HEX64);
    expect(typeof h.pdq.quality).toBe('number');
    expect(h.pdq).toEqual(expectedPdq('bridge-mods/aaa-orig.jpg'));
    expect(h.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(h.md5).toBe(digest('md5', path));
    expect(h.sha256).toMatch(HEX64);
    expect(h.sha256).toBe(digest('sha256', path));
    expect(h).toMatchObject({ width: 1600, height: 1004 });
    expect(h.dihedral).toBeUndefined();
    expect(existsSync(dataDir)).toBe(false);
  });

  it('matches the reference on other images too, and adds dihedral hashes only with --dihedral', async () => {
    for (const p of ['misc-images/wee.jpg', 'bridge-mods/square-128x128.jpg']) {
      const h = JSON.parse((await saring(['hash', '--json', image(p)])).stdout);
      expect(h.pdq, p).toEqual(expectedPdq(p));
    }
    const d = JSON.parse((await saring(['hash', '--json', '--dihedral', image('bridge-mods/aaa-orig.jpg')])).stdout);
    expect(Object.keys(d.dihedral).sort()).toEqual(['flipMinus1', 'flipPlus1', 'flipX', 'flipY', 'original', 'rotate180', 'rotate270', 'rotate90']);
    expect(d.dihedral.original).toBe(d.pdq.hash);
  });

  it('prints the cropped hash of a letterboxed image, and a readable summary without --json', async () => {
    const path = image('pytx/letterboxed_sample-b.jpg');
    const h = JSON.parse((await saring(['hash', '--json', path])).stdout);
    expect(h.cropped.hash).toMatch(HEX64);
    expect(h.cropped.rect.width).toBeLessThan(h.width);
    const text = await saring(['hash', path]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(h.pdq.hash);
    expect(text.stdout).toContain(h.cropped.hash);
    expect(text.stdout).toContain(h.md5);
    expect(() => JSON.parse(text.stdout)).toThrow();
  });

  it('prints one vPDQ hash per second of a 30 fps video, with the exact hashes', async () => {
    const path = video('test-padded-dimensions');
    const r = await saring(['hash', '--json', path]);
    expect(r.code, r.stderr).toBe(0);
    const h = JSON.parse(r.stdout);
    expect(h.kind).toBe('video');
    expect(h.md5).toBe(digest('md5', path));
    expect(h.sha256).toBe(digest('sha256', path));
    expect(h.vpdq.map((f: { timestamp: number }) => f.timestamp)).toEqual([0, 1, 2, 3, 4]);
    expect(h.vpdq.map((f: { frame: number }) => f.frame)).toEqual([0, 30, 60, 90, 120]);
    for (const f of h.vpdq) {
      expect(f.hash).toMatch(HEX64);
      expect(Number.isInteger(f.quality)).toBe(true);
    }
    // Meta's vPDQ file format, the same frames.
    const file = await saring(['hash', '--format', 'vpdq', path]);
    expect(file.code).toBe(0);
    expect(file.stdout.trim().split('\n')[0]).toMatch(/^0,\d+,[0-9a-f]{64},0\.000$/);
    expect(parseVpdqFile(file.stdout).map((f) => [f.frame, f.quality, f.hash])).toEqual(
      h.vpdq.map((f: { frame: number; quality: number; hash: string }) => [f.frame, f.quality, f.hash]),
    );
    const text = await saring(['hash', path]);
    expect(text.stdout).toMatch(/^video /);
    expect(text.stdout).toContain(h.vpdq[4].hash);
  });

  it('hashes every frame with --seconds-per-hash 0, and other intervals', async () => {
    const small = join(tmp, 'small.mp4');
    await reencode(['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=30:duration=2'], small, '300k');
    const every = JSON.parse((await saring(['hash', '--json', '--seconds-per-hash', '0', small])).stdout);
    expect(every.vpdq.map((f: { frame: number }) => f.frame)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    const half = JSON.parse((await saring(['hash', '--json', '--seconds-per-hash', '0.5', small])).stdout);
    expect(half.vpdq.map((f: { timestamp: number }) => f.timestamp)).toEqual([0, 0.5, 1, 1.5]);
    expect(half.vpdq[1].hash).toBe(every.vpdq[15].hash);
    expectError(await saring(['hash', '--seconds-per-hash', 'soon', small]), 'validation_failed');
    expectError(await saring(['hash', '--format', 'vpdq', image('misc-images/wee.jpg')]), 'validation_failed');
  });
});

describe('saring compare', () => {
  it('matches a letterboxed image with its original (pdq-cropped)', async () => {
    const r = await saring(['compare', '--json', image('pytx/letterboxed_sample-b.jpg'), image('pytx/sample-b.jpg')]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c).toMatchObject({ match: true, queryMatchPercent: 100, comparedMatchPercent: 100, method: 'pdq-cropped' });
    expect(c.distance).toBeLessThanOrEqual(31);
    const text = await saring(['compare', image('pytx/letterboxed_sample-b.jpg'), image('pytx/sample-b.jpg')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^MATCH/);
  });

  it('does not match unrelated images, and exits 0 all the same', async () => {
    const r = await saring(['compare', '--json', image('bridge-mods/aaa-orig.jpg'), image('misc-images/c.png')]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c).toEqual({ match: false, queryMatchPercent: 0, comparedMatchPercent: 0, distance: c.distance, method: 'pdq' });
    expect(c.distance).toBeGreaterThan(31);
    const text = await saring(['compare', image('bridge-mods/aaa-orig.jpg'), image('misc-images/c.png')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^NO MATCH/);
  });

  it('matches a rotated copy and identical files', async () => {
    const r = JSON.parse((await saring(['compare', '--json', image('reg-test-input/dih/bridge-1-original.jpg'), image('reg-test-input/dih/bridge-3-rotate-180.jpg')])).stdout);
    expect(r).toMatchObject({ match: true, method: 'pdq-dihedral:rotate180' });
    const same = JSON.parse((await saring(['compare', '--json', image('bridge-mods/aaa-orig.jpg'), image('pytx/sample-b.jpg')])).stdout);
    expect(same).toEqual({ match: true, queryMatchPercent: 100, comparedMatchPercent: 100, distance: 0, method: 'md5' });
  });

  it('matches the grey-bar pattern video with a re-encoded copy, and not with another video', async () => {
    const grey = video('pattern-sd-grey-bar');
    let other = video('pattern-hd-no-bar'); // not shipped with the fixtures: a lower-bitrate copy stands in
    if (!existsSync(other)) {
      other = join(tmp, 'pattern-sd-grey-bar-low.mp4');
      await reencode(['-i', grey], other, '150k');
    }
    const r = await saring(['compare', '--json', grey, other]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.match).toBe(true);
    expect(c.method).toMatch(/^vpdq(-cropped)?$/);
    expect(c.queryMatchPercent).toBeGreaterThanOrEqual(80);
    expect(c.comparedMatchPercent).toBeGreaterThan(0);
    expect(c.distance).toBeLessThan(31);
    const no = JSON.parse((await saring(['compare', '--json', grey, video('doorknob-hd-no-bar')])).stdout);
    expect(no).toEqual({ match: false, queryMatchPercent: 0, comparedMatchPercent: 0, distance: null, method: 'vpdq' });
  });

  it('compares an image with the frames of a video', async () => {
    const still = join(tmp, 'frame30.png');
    await ffmpeg(['-i', video('pattern-sd-grey-bar'), '-vf', 'select=eq(n\\,30)', '-frames:v', '1', still]);
    const c = JSON.parse((await saring(['compare', '--json', still, video('pattern-sd-grey-bar')])).stdout);
    expect(c).toMatchObject({ match: true, method: 'pdq-frame', queryMatchPercent: 100, frame: { frame: 30, timestamp: 1 } });
    const back = JSON.parse((await saring(['compare', '--json', video('pattern-sd-grey-bar'), image('bridge-mods/aaa-orig.jpg')])).stdout);
    expect(back).toMatchObject({ match: false, method: 'pdq-frame', queryMatchPercent: 0, comparedMatchPercent: 0 });
  });
});

describe('bad input: one clear line, exit 1, no hang', () => {
  const bad = join(tmp, 'bad');
  beforeAll(async () => {
    mkdirSync(bad, { recursive: true });
    const jpeg = readFileSync(image('bridge-mods/aaa-orig.jpg'));
    writeFileSync(join(bad, 'empty.jpg'), Buffer.alloc(0));
    writeFileSync(join(bad, 'truncated.jpg'), jpeg.subarray(0, 6000));
    writeFileSync(join(bad, 'random.bin'), Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 2654435761) >>> 24)));
    writeFileSync(join(bad, 'notes.txt'), 'This is a text file, not a picture.\n');
    writeFileSync(join(bad, 'text.jpg'), 'A text file with an image name.\n');
    writeFileSync(join(bad, 'huge.png'), pngDeclaring(100_000, 100_000));
    const mp4 = readFileSync(video('pattern-sd-grey-bar')); // moov first: truncation cuts the frames
    writeFileSync(join(bad, 'truncated.mp4'), mp4.subarray(0, mp4.length >> 1));
    writeFileSync(join(bad, 'truncated-end.mp4'), mp4.subarray(0, Math.floor(mp4.length * 0.95)));
    // ffmpeg writes moov at the end by default: truncation removes the index.
    const moovLast = join(bad, 'moov-last.mp4');
    await reencode(['-i', video('test-padded-dimensions')], moovLast, '500k');
    const full = readFileSync(moovLast);
    writeFileSync(join(bad, 'truncated-moov-last.mp4'), full.subarray(0, Math.floor(full.length * 0.7)));
  });

  const cases: [string, string][] = [
    ['missing.jpg', 'not_found'],
    ['empty.jpg', 'invalid_media'],
    ['truncated.jpg', 'invalid_media'],
    ['random.bin', 'unsupported_media'],
    ['notes.txt', 'unsupported_media'],
    ['text.jpg', 'unsupported_media'],
    ['huge.png', 'media_too_large'],
    ['truncated.mp4', 'invalid_media'],
    ['truncated-end.mp4', 'invalid_media'],
    ['truncated-moov-last.mp4', 'invalid_media'],
  ];
  for (const [name, code] of cases) {
    it(`saring hash ${name} → ${code}`, async () => {
      const r = await saring(['hash', '--json', join(bad, name)], 60_000);
      expectError(r, code);
      expect(r.ms).toBeLessThan(30_000);
    });
  }

  it('--allow-partial hashes what decodes of a truncated video', async () => {
    const r = await saring(['hash', '--json', '--allow-partial', join(bad, 'truncated-end.mp4')]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).vpdq.length).toBeGreaterThan(0);
  });

  it('saring compare names the bad file', async () => {
    const r = await saring(['compare', '--json', image('bridge-mods/aaa-orig.jpg'), join(bad, 'huge.png')]);
    expectError(r, 'media_too_large');
    expect(r.stderr).toContain('huge.png');
    expectError(await saring(['compare', join(bad, 'missing.mp4'), image('bridge-mods/aaa-orig.jpg')]), 'not_found');
  });
});
