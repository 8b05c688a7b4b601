import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSaringError } from '../../errors/errors.js';
import { pngDeclaring } from '../../test-support/media.js';
import { resolveFfmpeg, runBounded } from './ffmpeg.js';
import { compareMedia, hashMedia, sniffMediaKind, type ImageHashes, type MediaHashes, type VideoHashes } from './media.js';
import { hammingDistance, isPdqHex } from './pdq.js';
import { parseVpdqFile } from './vpdq.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));
const image = (p: string): string => join(FIXTURES, 'pdq', 'images', p);
const video = (name: string): string => join(FIXTURES, 'vpdq', 'videos', `${name}.mp4`);
const expectedPdq = new Map(
  readFileSync(join(FIXTURES, 'pdq', 'expected.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map(([hash, quality, path]) => [path!, { hash: hash!, quality: Number(quality) }]),
);

async function expectCode(p: Promise<unknown>, code: string): Promise<Error> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isSaringError(err), `expected a SaringError, got ${String(err)}`).toBe(true);
  if (isSaringError(err)) expect(err.code, err.message).toBe(code);
  return err as Error;
}

function asImage(h: MediaHashes): ImageHashes {
  expect(h.kind).toBe('image');
  return h as ImageHashes;
}
function asVideo(h: MediaHashes): VideoHashes {
  expect(h.kind).toBe('video');
  return h as VideoHashes;
}

const hex = (algo: string, data: Buffer): string => createHash(algo).update(data).digest('hex');

/** An uncompressed BMP of RGB pixels: 24-bit bottom-up, 32-bit top-down, or 8-bit grey palette. */
function bmp(rgb: Buffer, width: number, height: number, bpp: 8 | 24 | 32): Buffer {
  const paletteBytes = bpp === 8 ? 256 * 4 : 0;
  const rowBytes = Math.ceil((width * bpp) / 32) * 4;
  const offset = 54 + paletteBytes;
  const out = Buffer.alloc(offset + rowBytes * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(bpp === 32 ? -height : height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(bpp, 28);
  for (let i = 0; i < paletteBytes / 4; i++) out.set([i, i, i, 0], 54 + i * 4);
  for (let y = 0; y < height; y++) {
    const row = offset + (bpp === 32 ? y : height - 1 - y) * rowBytes;
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      const [r, g, b] = [rgb[p]!, rgb[p + 1]!, rgb[p + 2]!];
      if (bpp === 8) out[row + x] = r;
      else out.set(bpp === 24 ? [b, g, r] : [b, g, r, 0xff], row + x * (bpp / 8));
    }
  }
  return out;
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'saring-media-test-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('sniffMediaKind', () => {
  const pad = (b: number[] | Buffer, n = 64): Buffer => Buffer.concat([Buffer.from(b), Buffer.alloc(Math.max(0, n - b.length))]);
  const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];
  const box = (brand: string, compatible: string[] = []): Buffer => {
    const b = Buffer.alloc(16 + compatible.length * 4);
    b.writeUInt32BE(b.length, 0);
    b.write('ftyp', 4, 'latin1');
    b.write(brand, 8, 'latin1');
    compatible.forEach((c, i) => b.write(c, 16 + i * 4, 'latin1'));
    return pad(b);
  };

  it('recognises images', () => {
    expect(sniffMediaKind(pad([0xff, 0xd8, 0xff, 0xe0]))).toBe('image');
    expect(sniffMediaKind(pad([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image');
    expect(sniffMediaKind(pad(ascii('GIF89a')))).toBe('image');
    expect(sniffMediaKind(pad(ascii('GIF87a')))).toBe('image');
    expect(sniffMediaKind(pad([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBPVP8 ')]))).toBe('image');
    expect(sniffMediaKind(pad([...ascii('BM'), 0, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0]))).toBe('image');
    expect(sniffMediaKind(pad([0x49, 0x49, 0x2a, 0x00]))).toBe('image');
    expect(sniffMediaKind(pad([0x4d, 0x4d, 0x00, 0x2a]))).toBe('image');
    expect(sniffMediaKind(box('avif', ['mif1', 'miaf']))).toBe('image');
    expect(sniffMediaKind(box('heic', ['mif1', 'heic']))).toBe('image');
    expect(sniffMediaKind(box('mif1', ['heic']))).toBe('image');
  });

  it('recognises videos', () => {
    expect(sniffMediaKind(box('isom', ['isom', 'iso2', 'avc1', 'mp41']))).toBe('video');
    expect(sniffMediaKind(box('qt  ', ['qt  ']))).toBe('video');
    expect(sniffMediaKind(box('3gp5'))).toBe('video');
    expect(sniffMediaKind(pad([0, 0, 0, 8, ...ascii('wide')]))).toBe('video'); // QuickTime without ftyp
    expect(sniffMediaKind(pad([0x1a, 0x45, 0xdf, 0xa3]))).toBe('video');
    expect(sniffMediaKind(pad([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('AVI LIST')]))).toBe('video');
    expect(sniffMediaKind(pad([...ascii('FLV'), 1, 5]))).toBe('video');
    const ts = Buffer.alloc(188 * 3);
    for (let i = 0; i < 3; i++) ts[i * 188] = 0x47;
    expect(sniffMediaKind(ts)).toBe('video');
    expect(sniffMediaKind(readFileSync(video('test-padded-dimensions')).subarray(0, 4096))).toBe('video');
    expect(sniffMediaKind(readFileSync(image('bridge-mods/aaa-orig.jpg')).subarray(0, 4096))).toBe('image');
  });

  it('refuses anything else', () => {
    const refuse = (b: Buffer, code: string): void => {
      let err: unknown;
      try {
        sniffMediaKind(b);
      } catch (e) {
        err = e;
      }
      expect(isSaringError(err) && err.code, b.subarray(0, 8).toString('hex')).toBe(code);
    };
    refuse(Buffer.alloc(0), 'invalid_media');
    refuse(Buffer.from('hello, this is text\n'), 'unsupported_media');
    refuse(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'unsupported_media');
    refuse(Buffer.from('%PDF-1.7\n'), 'unsupported_media');
    refuse(pad([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVEfmt ')]), 'unsupported_media');
    refuse(Buffer.from([0x47, 1, 2, 3]), 'unsupported_media'); // one 0x47 is not a transport stream
    refuse(Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) & 0xff)), 'unsupported_media');
  });
});

describe('hashMedia: images', () => {
  it('gives the reference PDQ hash and the exact hashes of the bytes', async () => {
    for (const p of ['bridge-mods/aaa-orig.jpg', 'misc-images/wee.jpg', 'bridge-mods/square-256x256.jpg']) {
      const h = asImage(await hashMedia({ path: image(p) }));
      const bytes = readFileSync(image(p));
      expect(h.pdq, p).toEqual(expectedPdq.get(p));
      expect(h.md5).toBe(hex('md5', bytes));
      expect(h.sha256).toBe(hex('sha256', bytes));
      expect(h.width).toBeGreaterThan(0);
      expect(h.dihedral).toBeUndefined();
    }
  });

  it('hashes bytes as it hashes the file, with dihedral hashes when asked', async () => {
    const p = image('bridge-mods/aaa-orig.jpg');
    const fromFile = asImage(await hashMedia({ path: p }, { dihedral: true }));
    const fromBytes = asImage(await hashMedia({ bytes: readFileSync(p), name: 'bridge.jpg' }, { dihedral: true }));
    expect(fromBytes).toEqual(fromFile);
    expect(Object.keys(fromFile.dihedral!)).toHaveLength(8);
    expect(fromFile.dihedral!['original']).toBe(fromFile.pdq.hash);
    expect(fromFile).toMatchObject({ width: 1600, height: 1004 });
  });

  it('finds the picture inside letterbox bars (and not with letterbox off)', async () => {
    const boxed = asImage(await hashMedia({ path: image('pytx/letterboxed_sample-b.jpg') }));
    expect(boxed.cropped).toBeDefined();
    expect(isPdqHex(boxed.cropped!.hash)).toBe(true);
    expect(boxed.cropped!.rect.width).toBeLessThan(boxed.width!);
    expect(asImage(await hashMedia({ path: image('pytx/letterboxed_sample-b.jpg') }, { letterbox: false })).cropped).toBeUndefined();
  });

  it('hashes uncompressed BMP (which sharp cannot read) like the same pixels in PNG', async () => {
    const { data, info } = await sharp(image('bridge-mods/aaa-orig.jpg')).resize(301, 203).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).png().toBuffer();
    const reference = asImage(await hashMedia({ bytes: png }));
    for (const bpp of [24, 32] as const) {
      const h = asImage(await hashMedia({ bytes: bmp(data, info.width, info.height, bpp), name: `x${bpp}.bmp` }));
      expect(h.pdq, `${bpp}-bit`).toEqual(reference.pdq);
      expect(h).toMatchObject({ width: 301, height: 203 });
    }
    // 8-bit palette (grey): the same as the grey PNG of the red channel.
    const red = Buffer.alloc(info.width * info.height);
    for (let i = 0; i < red.length; i++) red[i] = data[i * 3]!;
    const greyRgb = Buffer.alloc(data.length);
    for (let i = 0; i < red.length; i++) greyRgb.fill(red[i]!, i * 3, i * 3 + 3);
    const greyPng = await sharp(greyRgb, { raw: { width: info.width, height: info.height, channels: 3 } }).png().toBuffer();
    const h8 = asImage(await hashMedia({ bytes: bmp(greyRgb, info.width, info.height, 8) }));
    expect(h8.pdq).toEqual(asImage(await hashMedia({ bytes: greyPng })).pdq);
    await expectCode(hashMedia({ bytes: bmp(data, info.width, info.height, 24).subarray(0, 5000) }), 'invalid_media');
  });

  it('refuses bad images with a clear error', async () => {
    await expectCode(hashMedia({ path: join(tmp, 'missing.jpg') }), 'not_found');
    const empty = join(tmp, 'empty.jpg');
    await writeFile(empty, Buffer.alloc(0));
    await expectCode(hashMedia({ path: empty }), 'invalid_media');
    await expectCode(hashMedia({ bytes: Buffer.alloc(0) }), 'invalid_media');
    await expectCode(hashMedia({ path: tmp }), 'invalid_media'); // a directory
    await expectCode(hashMedia({ bytes: Buffer.from('just some text\n') }), 'unsupported_media');
    const jpeg = readFileSync(image('bridge-mods/aaa-orig.jpg'));
    const err = await expectCode(hashMedia({ bytes: jpeg.subarray(0, 4000), name: 'cut.jpg' }), 'invalid_media');
    expect(err.message).toContain('cut.jpg');
    await expectCode(hashMedia({ bytes: pngDeclaring(100_000, 100_000) }), 'media_too_large');
    await expectCode(hashMedia({ bytes: jpeg }, { limits: { maxBytes: 1000 } }), 'media_too_large');
    await expectCode(hashMedia({ path: image('bridge-mods/aaa-orig.jpg') }, { limits: { maxPixels: 1000 } }), 'media_too_large');
    await expectCode(hashMedia({ bytes: jpeg }, { secondsPerHash: -1 }), 'validation_failed');
  });
});

describe('compareMedia: images', () => {
  let bridge: ImageHashes;
  beforeAll(async () => {
    bridge = asImage(await hashMedia({ path: image('bridge-mods/aaa-orig.jpg') }, { dihedral: true }));
  });

  it('matches identical bytes on the exact hash', async () => {
    const other = asImage(await hashMedia({ path: image('bridge-mods/aaa-orig.jpg') }));
    expect(compareMedia(bridge, other)).toEqual({ match: true, queryMatchPercent: 100, comparedMatchPercent: 100, distance: 0, method: 'md5' });
  });

  it('matches a re-encoded copy on PDQ', async () => {
    const copy = asImage(await hashMedia({ path: image('bridge-mods/blur-a-little.jpg') }));
    const r = compareMedia(bridge, copy);
    expect(r).toMatchObject({ match: true, method: 'pdq', queryMatchPercent: 100, comparedMatchPercent: 100 });
    expect(r.distance).toBe(hammingDistance(bridge.pdq.hash, copy.pdq.hash));
  });

  it('matches rotated and mirrored copies through a dihedral variant, in either direction', async () => {
    const src = readFileSync(image('bridge-mods/aaa-orig.jpg'));
    const copies: [string, Buffer][] = [
      ['rotate 90', await sharp(src).rotate(90).jpeg({ quality: 85 }).toBuffer()],
      ['rotate 180', await sharp(src).rotate(180).jpeg({ quality: 85 }).toBuffer()],
      ['mirror', await sharp(src).flop().jpeg({ quality: 85 }).toBuffer()],
    ];
    const seen = new Set<string>();
    for (const [what, bytes] of copies) {
      const copy = asImage(await hashMedia({ bytes, name: what }));
      expect(hammingDistance(bridge.pdq.hash, copy.pdq.hash), what).toBeGreaterThan(31);
      const r = compareMedia(bridge, copy);
      expect(r.match, what).toBe(true);
      expect(r.method, what).toMatch(/^pdq-dihedral:(rotate90|rotate180|rotate270|flipX|flipY|flipPlus1|flipMinus1)$/);
      expect(r.distance!).toBeLessThanOrEqual(31);
      seen.add(r.method);
      // The copy as query (no dihedral hashes of its own): the inverse transform is named.
      const back = compareMedia(copy, bridge);
      expect(back.match, what).toBe(true);
      expect(back.distance).toBe(r.distance);
      if (what === 'rotate 90') {
        const names = [r.method, back.method].map((m) => m.split(':')[1]).sort();
        expect(names).toEqual(['rotate270', 'rotate90']);
      } else {
        expect(back.method).toBe(r.method);
      }
    }
    expect(seen.size).toBe(3);
    // Without dihedral hashes on either side, a rotated copy does not match.
    const plain = asImage(await hashMedia({ path: image('bridge-mods/aaa-orig.jpg') }));
    const rotated = asImage(await hashMedia({ bytes: copies[0]![1] }));
    expect(compareMedia(plain, rotated)).toMatchObject({ match: false, method: 'pdq', queryMatchPercent: 0, comparedMatchPercent: 0 });
  });

  it('matches a letterboxed copy on its cropped hash (method pdq-cropped), both ways', async () => {
    const boxed = asImage(await hashMedia({ path: image('pytx/letterboxed_sample-b.jpg') }, { dihedral: true }));
    const original = asImage(await hashMedia({ path: image('pytx/sample-b.jpg') }));
    expect(hammingDistance(boxed.pdq.hash, original.pdq.hash)).toBeGreaterThan(31);
    for (const r of [compareMedia(boxed, original), compareMedia(original, boxed)]) {
      expect(r).toMatchObject({ match: true, method: 'pdq-cropped', queryMatchPercent: 100, comparedMatchPercent: 100 });
      expect(r.distance!).toBeLessThanOrEqual(31);
    }
  });

  it('does not match unrelated images', async () => {
    for (const p of ['misc-images/c.png', 'pytx/rgb.jpeg', 'misc-images/wee.jpg']) {
      const other = asImage(await hashMedia({ path: image(p) }, { dihedral: true }));
      for (const r of [compareMedia(bridge, other), compareMedia(other, bridge)]) {
        expect(r, p).toMatchObject({ match: false, method: 'pdq', queryMatchPercent: 0, comparedMatchPercent: 0 });
        expect(r.distance!).toBeGreaterThan(31);
      }
    }
  });

  it('does not match on hashes of low quality, even when they are equal', () => {
    const a: ImageHashes = { kind: 'image', pdq: { hash: 'ab'.repeat(32), quality: 20 }, md5: '1', sha256: '1' };
    const b: ImageHashes = { ...a, md5: '2', sha256: '2' };
    expect(compareMedia(a, b)).toMatchObject({ match: false, distance: 0, method: 'pdq' });
    expect(compareMedia(a, { ...b, pdq: { ...b.pdq, quality: 50 } })).toMatchObject({ match: false });
    expect(compareMedia({ ...a, pdq: { ...a.pdq, quality: 50 } }, { ...b, pdq: { ...b.pdq, quality: 50 } })).toMatchObject({ match: true, method: 'pdq' });
  });
});

describe('hashMedia and compareMedia: videos', () => {
  let grey: VideoHashes;
  beforeAll(async () => {
    grey = asVideo(await hashMedia({ path: video('pattern-sd-grey-bar') }));
  });

  it('hashes one frame per second by default, with exact hashes and the video information', async () => {
    const bytes = readFileSync(video('test-padded-dimensions'));
    const h = asVideo(await hashMedia({ path: video('test-padded-dimensions') }));
    expect(h.vpdq.map((f) => f.frame)).toEqual([0, 30, 60, 90, 120]);
    expect(h.vpdq.map((f) => f.timestamp)).toEqual([0, 1, 2, 3, 4]);
    for (const f of h.vpdq) expect(isPdqHex(f.hash)).toBe(true);
    expect(h.md5).toBe(hex('md5', bytes));
    expect(h.sha256).toBe(hex('sha256', bytes));
    expect(h.info).toMatchObject({ width: 1080, height: 1080, fps: 30, frameStep: 30, secondsPerHash: 1 });
    // The grey bars are found, and the picture inside them hashed.
    expect(grey.vpdq.every((f) => f.cropped !== undefined)).toBe(true);
  });

  it('hashes every frame with secondsPerHash 0', async () => {
    const ffmpeg = await resolveFfmpeg();
    const clip = join(tmp, 'clip.mkv'); // 2 s at 25 fps, lossless-ish and fast to hash
    const r = await runBounded(
      ffmpeg.path,
      ['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=25:duration=2', '-c:v', 'ffv1', clip],
      { timeoutMs: 60_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    const every = asVideo(await hashMedia({ path: clip }, { secondsPerHash: 0 }));
    expect(every.vpdq.map((f) => f.frame)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(every.vpdq[1]!.timestamp).toBeCloseTo(0.04, 6);
    const def = asVideo(await hashMedia({ path: clip }));
    expect(def.vpdq.map((f) => f.frame)).toEqual([0, 25]);
    expect(def.vpdq[1]!.hash).toBe(every.vpdq[25]!.hash);
  });

  it('hashes video bytes through a private temporary file that it deletes', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('saring-media-') && !n.startsWith('saring-media-test-'));
    const bytes = readFileSync(video('test-padded-dimensions'));
    const fromBytes = asVideo(await hashMedia({ bytes, name: 'upload.mp4' }));
    const fromFile = asVideo(await hashMedia({ path: video('test-padded-dimensions') }));
    expect(fromBytes).toEqual(fromFile);
    const err = await expectCode(hashMedia({ bytes: bytes.subarray(0, bytes.length >> 1), name: 'cut.mp4' }), 'invalid_media');
    expect(err.message).toContain('cut.mp4');
    expect(err.message).not.toContain(tmpdir());
    const after = readdirSync(tmpdir()).filter((n) => n.startsWith('saring-media-') && !n.startsWith('saring-media-test-'));
    expect(after).toEqual(before);
  });

  it('matches the grey-bar video with Meta\'s hashes of the original through the cropped hashes (vpdq-cropped)', () => {
    const hd: VideoHashes = {
      kind: 'video',
      vpdq: parseVpdqFile(readFileSync(join(FIXTURES, 'vpdq', 'expected', 'pattern-hd-no-bar.txt'), 'utf8')),
      md5: '',
      sha256: '',
      info: { ...grey.info },
    };
    const r = compareMedia(grey, hd);
    expect(r.match).toBe(true);
    expect(r.method).toBe('vpdq-cropped');
    expect(r.queryMatchPercent).toBeGreaterThanOrEqual(80);
    expect(r.distance).not.toBeNull();
    expect(r.distance!).toBeLessThan(31);
    // Without the cropped hashes, Meta's comparison does not find it.
    const uncropped: VideoHashes = { ...grey, vpdq: grey.vpdq.map(({ cropped: _c, ...f }) => f) };
    expect(compareMedia(uncropped, hd)).toMatchObject({ match: false, method: 'vpdq', distance: null });
  });

  it('matches a video with itself on vpdq, and not with another video', async () => {
    const again = asVideo(await hashMedia({ path: video('pattern-sd-grey-bar') }, { letterbox: false }));
    expect(compareMedia(again, grey)).toMatchObject({ match: true, method: 'vpdq', queryMatchPercent: 100, comparedMatchPercent: 100, distance: 0 });
    const door = asVideo(await hashMedia({ path: video('doorknob-hd-no-bar') }));
    expect(compareMedia(grey, door)).toMatchObject({ match: false, method: 'vpdq', queryMatchPercent: 0, distance: null });
  });

  it('compares an image with each frame of a video (pdq-frame)', async () => {
    const ffmpeg = await resolveFfmpeg();
    const png = join(tmp, 'frame60.png');
    const r = await runBounded(
      ffmpeg.path,
      ['-hide_banner', '-v', 'error', '-y', '-i', video('pattern-sd-grey-bar'), '-vf', 'select=eq(n\\,60)', '-frames:v', '1', png],
      { timeoutMs: 60_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    const still = asImage(await hashMedia({ path: png }));
    const asQuery = compareMedia(still, grey);
    expect(asQuery).toMatchObject({ match: true, method: 'pdq-frame', queryMatchPercent: 100, frame: { frame: 60, timestamp: 2 } });
    expect(asQuery.distance!).toBeLessThanOrEqual(31);
    expect(asQuery.comparedMatchPercent).toBeGreaterThan(0);
    const asTarget = compareMedia(grey, still);
    expect(asTarget).toMatchObject({ match: true, method: 'pdq-frame', comparedMatchPercent: 100, queryMatchPercent: asQuery.comparedMatchPercent });
    const bridge = asImage(await hashMedia({ path: image('bridge-mods/aaa-orig.jpg') }, { dihedral: true }));
    expect(compareMedia(bridge, grey)).toMatchObject({ match: false, method: 'pdq-frame', queryMatchPercent: 0, comparedMatchPercent: 0 });
  });

  it('refuses bad videos with a clear error', async () => {
    const bytes = readFileSync(video('test-padded-dimensions'));
    await expectCode(hashMedia({ bytes }, { limits: { maxBytes: 1000 } }), 'media_too_large');
    await expectCode(hashMedia({ path: video('test-padded-dimensions') }, { limits: { maxDurationSeconds: 2 } }), 'media_too_large');
    const head = join(tmp, 'head.mp4');
    await writeFile(head, bytes.subarray(0, 3000));
    await expectCode(hashMedia({ path: head }), 'invalid_media');
  });

  it('refuses a video cut near its end unless allowPartial', async () => {
    const bytes = readFileSync(video('pattern-sd-grey-bar'));
    const cut = join(tmp, 'cut-end.mp4');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.95)));
    const err = await expectCode(hashMedia({ path: cut }), 'invalid_media');
    expect(err.message).toMatch(/truncated/);
    const partial = asVideo(await hashMedia({ path: cut }, { allowPartial: true }));
    expect(partial.vpdq.length).toBeGreaterThan(0);
    expect(partial.vpdq[0]!.hash).toBe(grey.vpdq[0]!.hash);
  });
});
