/**
 * "Hash whatever this file is": one entry for images and videos, and one comparison that uses
 * every signal the hashes carry.
 *
 * - `sniffMediaKind(head)`: image or video from the magic bytes (never from the file name).
 * - `hashMedia(input, options)`: PDQ (with the letterbox-cropped hash and, when asked, the eight
 *   dihedral hashes) or vPDQ, plus MD5 and SHA-256 of the bytes, within size, pixel, duration and
 *   time limits.
 * - `compareMedia(a, b)`: image↔image (exact hashes, PDQ, cropped and dihedral variants),
 *   video↔video (vPDQ as Meta compares it, cropped hashes included) and image↔video (the image
 *   against each frame). `a` is the query.
 *
 * The image decoder (sharp) is loaded on first use and ffmpeg is looked for on first use, so that
 * importing this module is cheap.
 *
 * @example
 * const upload = await hashMedia({ path: 'upload.mp4' });
 * const banked = await hashMedia({ bytes: fromBank, name: 'banked.jpg' });
 * const { match, method, distance } = compareMedia(upload, banked);
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSaringError, SaringError } from '../../errors/errors.js';
import { exactHashes, exactHashesOfFile } from './exact.js';
import { DIHEDRAL_NAMES, hammingDistance, PDQ_MATCH_THRESHOLD, PDQ_MIN_QUALITY, type DihedralName } from './pdq-core.js';
import type { ContentRect } from './letterbox.js';
import { invalidMedia, mediaTooLarge, unsupportedMedia } from './media-errors.js';
import { mediaFileSize, readHead } from './media-file.js';
import { checkVideoLimits, compareVpdq, hashVideo, probeVideo, VPDQ_DEFAULTS, type VideoInfo, type VpdqFrame, type VpdqOptions } from './vpdq.js';

export type MediaKind = 'image' | 'video';

/** Default size limits: images are decoded in memory, videos are streamed through ffmpeg. */
export const MEDIA_DEFAULTS = {
  maxImageBytes: 64 * 1024 * 1024,
  maxVideoBytes: 200 * 1024 * 1024,
  /** Bytes read to sniff the kind. */
  sniffBytes: 4096,
} as const;

export interface ImageHashes {
  kind: 'image';
  /** PDQ of the whole picture, as Meta's reference computes it (the hash to exchange). */
  pdq: { hash: string; quality: number };
  /** PDQ of the content inside detected letterbox / pillarbox bars (pixel coordinates of the stored image). */
  cropped?: { hash: string; quality: number; rect: ContentRect; dihedral?: Record<string, string> };
  /** The eight dihedral hashes of the picture (`original` … `flipMinus1`), when asked for. */
  dihedral?: Record<string, string>;
  md5: string;
  sha256: string;
  /** Stored size (EXIF orientation not applied, as for the hash). */
  width?: number;
  height?: number;
}

export interface VideoHashes {
  kind: 'video';
  /** One PDQ hash every `secondsPerHash` (Meta's vPDQ), with the cropped hash when bars were found. */
  vpdq: VpdqFrame[];
  md5: string;
  sha256: string;
  info: VideoInfo & {
    /** A frame is hashed every `frameStep` frames. */
    frameStep: number;
    secondsPerHash: number;
  };
}

export type MediaHashes = ImageHashes | VideoHashes;

export interface MediaLimits {
  /** Refuse larger inputs. Default 64 MiB for an image, 200 MiB for a video. */
  maxBytes?: number;
  /** Refuse images with more pixels (read from the header, before decoding). Default 50 000 000. */
  maxPixels?: number;
  /** Refuse videos declared longer than this. Default 3600. */
  maxDurationSeconds?: number;
  /** Give up (and stop ffmpeg) after this long. Default 30 s for an image, 300 s for a video. */
  timeoutMs?: number;
}

export interface HashMediaOptions {
  /** Seconds between hashed video frames. Default 1; 0 hashes every frame. */
  secondsPerHash?: number;
  /** Also compute the eight dihedral hashes of an image (rotated and mirrored copies). Default false. */
  dihedral?: boolean;
  /** Also hash the content inside letterbox / pillarbox bars. Default true. */
  letterbox?: boolean;
  /**
   * Hash what can be decoded of a truncated or damaged video instead of refusing it. Default
   * false: a video whose container points past the end of the file (ffmpeg's "partial file") is
   * refused as `invalid_media`, as truncated images are.
   */
  allowPartial?: boolean;
  limits?: MediaLimits;
  /** For videos: each hashed frame with its pixels (see {@link VpdqOptions.onFrame}). */
  onFrame?: VpdqOptions['onFrame'];
  /** Stops decoding a video. */
  signal?: AbortSignal;
}

export type MediaInput = { path: string } | { bytes: Buffer | Uint8Array; name?: string };

// ---------------------------------------------------------------- sniffing

function ascii(buf: Buffer, start: number, end: number): string {
  return buf.length >= end ? buf.toString('latin1', start, end) : '';
}

function startsWith(buf: Buffer, bytes: readonly number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
  return true;
}

/** ISO-BMFF brands of still images (HEIF, AVIF and their sequences). */
const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'mif2', 'msf1']);
/** QuickTime files may start with another atom than `ftyp`. */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'free', 'skip', 'wide', 'pnot']);
const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

function isoBmffKind(head: Buffer): MediaKind | undefined {
  if (ascii(head, 4, 8) !== 'ftyp') return undefined;
  const major = ascii(head, 8, 12);
  if (IMAGE_BRANDS.has(major)) return 'image';
  const boxSize = head.readUInt32BE(0);
  const end = Math.min(head.length, boxSize >= 16 ? boxSize : 16);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= end; at += 4) compatible.push(ascii(head, at, at + 4));
  // A still image whose major brand is unusual, and no video brand besides.
  if (compatible.some((b) => b === 'avif' || b === 'heic' || b === 'mif1') && !compatible.some((b) => /^(iso\d|isom|mp4\d|qt {2}|M4V |3gp\d|3g2\w)$/.test(b))) {
    return 'image';
  }
  return 'video';
}

/**
 * The kind of media from its first bytes (4 KiB is plenty): JPEG, PNG, WebP, GIF (its first frame
 * is hashed), BMP, TIFF and AVIF/HEIF are images; MP4/MOV/3GP (ISO-BMFF), WebM/MKV (EBML), AVI,
 * FLV, MPEG-TS/M2TS, MPEG-PS, ASF/WMV and Ogg are videos. Anything else (text, SVG, PDF, audio,
 * random bytes) throws `unsupported_media`; an empty head throws `invalid_media`.
 */
export function sniffMediaKind(head: Buffer | Uint8Array): MediaKind {
  const b = Buffer.isBuffer(head) ? head : Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length === 0) throw invalidMedia('The media is empty (0 bytes).', { bytes: 0 });
  // Images.
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'image';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'image';
  if (startsWith(b, [0x49, 0x49, 0x2b, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2b])) return 'image'; // BigTIFF
  if (ascii(b, 0, 2) === 'BM' && b.length >= 18 && BMP_HEADER_SIZES.has(b.readUInt32LE(14))) return 'image';
  const bmff = b.length >= 12 ? isoBmffKind(b) : undefined;
  if (bmff) return bmff;
  // Videos.
  if (b.length >= 8 && QUICKTIME_ATOMS.has(ascii(b, 4, 8)) && b.readUInt32BE(0) >= 8) return 'video';
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return 'video';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'AVI ') return 'video';
  if (ascii(b, 0, 3) === 'FLV' && b[3] === 0x01) return 'video';
  if (startsWith(b, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return 'video';
  if (ascii(b, 0, 4) === 'OggS') return 'video';
  if (startsWith(b, [0x00, 0x00, 0x01, 0xba])) return 'video';
  for (const [offset, packet] of [
    [0, 188],
    [4, 192],
  ] as const) {
    if (b.length >= offset + packet + 1 && b[offset] === 0x47 && b[offset + packet] === 0x47) {
      if (b.length < offset + 2 * packet + 1 || b[offset + 2 * packet] === 0x47) return 'video';
    }
  }
  throw unsupportedMedia(
    'The file is not a supported image (JPEG, PNG, WebP, GIF, BMP, TIFF, AVIF/HEIF) or video (MP4/MOV, WebM/MKV, AVI, FLV, MPEG-TS).',
    { head: b.subarray(0, 16).toString('hex') },
  );
}

/**
 * The MIME type to serve media with, from its first bytes (a player needs it; the kind alone is
 * not enough). Formats browsers do not play get `application/octet-stream`.
 */
export function mediaMimeType(head: Buffer | Uint8Array): string {
  const b = Buffer.isBuffer(head) ? head : Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (ascii(b, 0, 4) === 'GIF8') return 'image/gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (IMAGE_BRANDS.has(brand)) return brand.startsWith('avi') ? 'image/avif' : 'image/heif';
    return brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  }
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (ascii(b, 0, 4) === 'OggS') return 'video/ogg';
  return 'application/octet-stream';
}

// ---------------------------------------------------------------- BMP (sharp has no BMP decoder)

function bmpTruncated(label: string): SaringError {
  return invalidMedia(`${label} is truncated or corrupt (BMP pixel data missing).`);
}

interface BmpHeader {
  width: number;
  height: number;
  topDown: boolean;
  bpp: number;
  compression: number;
  dataOffset: number;
  headerSize: number;
  core: boolean;
}

/** The header of a BMP (its first 54 bytes are enough), refusing bombs before any pixel is read. */
function bmpHeader(buf: Buffer, label: string, maxPixels: number): BmpHeader {
  if (buf.length < 26) throw bmpTruncated(label);
  const dataOffset = buf.readUInt32LE(10);
  const headerSize = buf.readUInt32LE(14);
  const core = headerSize === 12;
  if (buf.length < (core ? 26 : 14 + Math.min(headerSize, 40))) throw bmpTruncated(label);
  const width = core ? buf.readUInt16LE(18) : buf.readInt32LE(18);
  const rawHeight = core ? buf.readInt16LE(20) : buf.readInt32LE(22);
  const bpp = core ? buf.readUInt16LE(24) : buf.readUInt16LE(28);
  const compression = core || headerSize === 16 ? 0 : buf.readUInt32LE(30);
  const height = Math.abs(rawHeight);
  if (!(width > 0 && height > 0)) throw invalidMedia(`${label} declares a ${width}×${rawHeight} BMP.`);
  if (width * height > maxPixels) {
    throw mediaTooLarge(`${label} declares ${width}×${height} pixels (${width * height}); the limit is ${maxPixels}.`, { width, height, maxPixels });
  }
  return { width, height, topDown: rawHeight < 0, bpp, compression, dataOffset, headerSize, core };
}

/** Decodes an uncompressed BMP (1/4/8-bit palette, 16/24/32-bit, bit fields) to 8-bit RGB. */
function decodeBmp(buf: Buffer, label: string, maxPixels: number): { data: Buffer; width: number; height: number } {
  const { width, height, topDown, bpp, compression, dataOffset, headerSize, core } = bmpHeader(buf, label, maxPixels);
  if (compression !== 0 && compression !== 3 && compression !== 6) {
    throw unsupportedMedia(`${label} is a compressed BMP (compression ${compression}); only uncompressed BMP is supported.`);
  }
  if (![1, 4, 8, 16, 24, 32].includes(bpp)) throw unsupportedMedia(`${label} is a ${bpp}-bit BMP; 1, 4, 8, 16, 24 and 32 bits are supported.`);

  let masks: [number, number, number] | undefined;
  if (bpp === 16 || bpp === 32) {
    if (compression === 3 || compression === 6) {
      const at = headerSize >= 52 ? 54 : 14 + headerSize;
      if (buf.length < at + 12) throw bmpTruncated(label);
      masks = [buf.readUInt32LE(at), buf.readUInt32LE(at + 4), buf.readUInt32LE(at + 8)];
    } else {
      masks = bpp === 16 ? [0x7c00, 0x03e0, 0x001f] : [0xff0000, 0xff00, 0xff];
    }
  } else if (compression !== 0) {
    throw unsupportedMedia(`${label} is a BMP with bit fields at ${bpp} bits.`);
  }

  let palette: Buffer | undefined;
  if (bpp <= 8) {
    const entry = core ? 3 : 4;
    const used = core ? 0 : buf.readUInt32LE(46);
    const count = Math.min(used > 0 ? used : 1 << bpp, 1 << bpp);
    const at = 14 + headerSize;
    if (buf.length < at + count * entry) throw bmpTruncated(label);
    palette = Buffer.alloc(256 * 3);
    for (let i = 0; i < count; i++) {
      palette[i * 3] = buf[at + i * entry + 2]!;
      palette[i * 3 + 1] = buf[at + i * entry + 1]!;
      palette[i * 3 + 2] = buf[at + i * entry]!;
    }
  }

  const rowBytes = Math.ceil((width * bpp) / 32) * 4;
  if (dataOffset < 14 || dataOffset + rowBytes * height > buf.length) throw bmpTruncated(label);
  const channel = (mask: number): ((v: number) => number) => {
    if (mask === 0) return () => 0;
    let shift = 0;
    while (((mask >>> shift) & 1) === 0) shift++;
    const max = mask >>> shift;
    return (v) => Math.round((((v & mask) >>> shift) * 255) / max);
  };
  const [r, g, bl] = masks ? masks.map(channel) as [(v: number) => number, (v: number) => number, (v: number) => number] : [undefined, undefined, undefined];
  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const src = dataOffset + (topDown ? y : height - 1 - y) * rowBytes;
    let o = y * width * 3;
    for (let x = 0; x < width; x++, o += 3) {
      if (palette) {
        const bit = x * bpp;
        const byte = buf[src + (bit >> 3)]!;
        const index = bpp === 8 ? byte : (byte >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        palette.copy(out, o, index * 3, index * 3 + 3);
      } else if (bpp === 24) {
        const p = src + x * 3;
        out[o] = buf[p + 2]!;
        out[o + 1] = buf[p + 1]!;
        out[o + 2] = buf[p]!;
      } else {
        const v = bpp === 16 ? buf.readUInt16LE(src + x * 2) : buf.readUInt32LE(src + x * 4);
        out[o] = r!(v);
        out[o + 1] = g!(v);
        out[o + 2] = bl!(v);
      }
    }
  }
  return { data: out, width, height };
}

// ---------------------------------------------------------------- hashing

/** The input's name for messages: its path, the given name, or `input`. */
function describe(input: MediaInput): string {
  if ('path' in input) return input.path;
  return input.name ?? 'input';
}

function checkSize(size: number, maxBytes: number, label: string): void {
  if (size === 0) throw invalidMedia(`${label} is empty (0 bytes).`, { bytes: 0 });
  if (size > maxBytes) throw mediaTooLarge(`${label} is ${size} bytes; the limit is ${maxBytes}.`, { bytes: size, maxBytes });
}

function internal(err: unknown, label: string): SaringError {
  if (isSaringError(err)) return err;
  return new SaringError('internal', `Hashing ${label} failed: ${err instanceof Error ? err.message : String(err)}`);
}

async function hashImageBytes(bytes: Buffer, label: string, named: boolean, options: HashMediaOptions): Promise<ImageHashes> {
  const limits = options.limits ?? {};
  const maxBytes = limits.maxBytes ?? MEDIA_DEFAULTS.maxImageBytes;
  checkSize(bytes.length, maxBytes, label);
  const { pdqFromImage, DEFAULT_MAX_PIXELS } = await import('./image.js');
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  let source: Buffer = bytes;
  let width: number | undefined;
  let height: number | undefined;
  let sourceMaxBytes = maxBytes;
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) {
    // BMP: decode here and hand the pixels to the PDQ path losslessly.
    const bmp = decodeBmp(bytes, label, maxPixels);
    const { default: sharp } = await import('sharp');
    source = await sharp(bmp.data, { raw: { width: bmp.width, height: bmp.height, channels: 3 }, limitInputPixels: maxPixels })
      .png({ compressionLevel: 1 })
      .toBuffer();
    sourceMaxBytes = Math.max(maxBytes, source.length);
    width = bmp.width;
    height = bmp.height;
  }
  const r = await pdqFromImage(source, {
    maxBytes: sourceMaxBytes,
    maxPixels,
    dihedral: options.dihedral === true,
    letterbox: options.letterbox !== false,
    ...(limits.timeoutMs !== undefined ? { timeoutSeconds: Math.max(1, Math.ceil(limits.timeoutMs / 1000)) } : {}),
  }).catch((err: unknown) => {
    throw named ? relabel(err, 'image', label) : internal(err, label);
  });
  if (width === undefined) {
    try {
      const { default: sharp } = await import('sharp');
      const meta = await sharp(source, { limitInputPixels: false }).metadata();
      width = meta.width;
      height = meta.pageHeight ?? meta.height;
    } catch {
      // The dimensions are informative only.
    }
  }
  const exact = exactHashes(bytes);
  const out: ImageHashes = { kind: 'image', pdq: { hash: r.hash, quality: r.quality }, md5: exact.md5, sha256: exact.sha256 };
  if (r.cropped) {
    out.cropped = { hash: r.cropped.hash, quality: r.cropped.quality, rect: r.cropped.rect };
    if (r.cropped.dihedral) out.cropped.dihedral = { ...r.cropped.dihedral };
  }
  if (r.dihedral) out.dihedral = { ...r.dihedral };
  if (width !== undefined && height !== undefined) {
    out.width = width;
    out.height = height;
  }
  return out;
}

/** Replaces a generic wording ("image", a temporary path) in an error's message with the input's name. */
function relabel(err: unknown, generic: string, label: string): SaringError {
  if (!isSaringError(err)) return internal(err, label);
  if (generic === label || !err.message.includes(generic)) return err;
  const message = generic === 'image' ? err.message.replace(/^(The )?image\b/i, `Image ${label}`) : err.message.split(generic).join(label);
  return new SaringError(err.code, message, err.details);
}

async function hashVideoFile(
  path: string,
  size: number,
  label: string,
  exact: () => Promise<{ md5: string; sha256: string }>,
  options: HashMediaOptions,
): Promise<VideoHashes> {
  const limits = options.limits ?? {};
  const maxBytes = limits.maxBytes ?? MEDIA_DEFAULTS.maxVideoBytes;
  checkSize(size, maxBytes, label);
  const secondsPerHash = options.secondsPerHash ?? 1;
  const [video, hashes] = await Promise.allSettled([
    hashVideo(path, {
      secondsPerHash,
      letterbox: options.letterbox !== false,
      ...(limits.maxDurationSeconds !== undefined ? { maxDurationSeconds: limits.maxDurationSeconds } : {}),
      ...(limits.timeoutMs !== undefined ? { timeoutMs: limits.timeoutMs } : {}),
      ...(options.allowPartial ? { allowPartial: true } : {}),
      ...(options.onFrame ? { onFrame: options.onFrame } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }),
    exact(),
  ]);
  if (video.status === 'rejected') throw relabel(video.reason, path, label);
  if (hashes.status === 'rejected') throw relabel(hashes.reason, path, label);
  const { frames, info, frameStep, warnings } = video.value;
  // hashVideo accepts a file cut near its end when most of the declared duration decoded; the
  // demuxer's own report that samples lie past the end of the file settles it.
  const truncation = warnings.find((w) => /partial file/i.test(w) || /^file:.*Invalid data found when processing input/i.test(w));
  if (truncation && !options.allowPartial) {
    const said = truncation.split(path).join(label).replace(/^\[[^\]]*\]\s*/, '');
    throw invalidMedia(`Video ${label} is truncated: its data ends before what its header declares (ffmpeg: ${said}).`, {
      ffmpeg: warnings.map((w) => w.split(path).join(label)),
      framesHashed: frames.length,
    });
  }
  return {
    kind: 'video',
    vpdq: frames,
    md5: hashes.value.md5,
    sha256: hashes.value.sha256,
    info: { ...info, frameStep, secondsPerHash },
  };
}

/**
 * Hashes an image (PDQ, with the cropped hash inside bars and optional dihedral hashes) or a video
 * (vPDQ), whichever the bytes are, with MD5 and SHA-256. Videos given as bytes are written to a
 * private temporary file (mode 0600) for ffmpeg and deleted afterwards.
 *
 * Throws a {@link SaringError}: `not_found`, `invalid_media` (empty, corrupt, truncated),
 * `unsupported_media`, `media_too_large` (bytes, declared pixels, duration), `media_timeout`,
 * `ffmpeg_unavailable`.
 *
 * @example
 * const h = await hashMedia({ path: 'clip.mp4' }, { secondsPerHash: 1 });
 * if (h.kind === 'video') console.log(h.vpdq.length, 'frames hashed');
 */
export async function hashMedia(input: MediaInput, options: HashMediaOptions = {}): Promise<MediaHashes> {
  const label = describe(input);
  const secondsPerHash = options.secondsPerHash;
  if (secondsPerHash !== undefined && !(Number.isFinite(secondsPerHash) && secondsPerHash >= 0)) {
    throw new SaringError('validation_failed', `secondsPerHash must be a number ≥ 0, got ${secondsPerHash}.`);
  }
  try {
    if ('path' in input) {
      const size = await mediaFileSize(input.path);
      const kind = sniffMediaKind(await readHead(input.path, MEDIA_DEFAULTS.sniffBytes));
      if (kind === 'image') {
        const maxBytes = options.limits?.maxBytes ?? MEDIA_DEFAULTS.maxImageBytes;
        checkSize(size, maxBytes, label);
        // The file may have changed since stat: read one byte more than allowed to notice growth.
        const bytes = await readHead(input.path, Math.min(size, maxBytes) + 1);
        return await hashImageBytes(bytes, label, true, options);
      }
      const maxBytes = options.limits?.maxBytes ?? MEDIA_DEFAULTS.maxVideoBytes;
      checkSize(size, maxBytes, label);
      return await hashVideoFile(input.path, size, label, () => exactHashesOfFile(input.path, { maxBytes }), options);
    }
    const raw = input.bytes;
    if (!(raw instanceof Uint8Array)) throw new SaringError('validation_failed', 'bytes must be a Buffer.');
    const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (bytes.length === 0) throw invalidMedia(`${label} is empty (0 bytes).`, { bytes: 0 });
    const kind = sniffMediaKind(bytes.subarray(0, MEDIA_DEFAULTS.sniffBytes));
    if (kind === 'image') return await hashImageBytes(bytes, label, input.name !== undefined, options);
    checkSize(bytes.length, options.limits?.maxBytes ?? MEDIA_DEFAULTS.maxVideoBytes, label);
    const dir = await mkdtemp(join(tmpdir(), 'saring-media-'));
    try {
      const path = join(dir, 'input');
      await writeFile(path, bytes, { mode: 0o600, flag: 'wx' });
      return await hashVideoFile(path, bytes.length, label, async () => exactHashes(bytes), options);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } catch (err) {
    throw internal(err, label);
  }
}

/** What {@link checkMediaLimits} found in the header. */
export interface MediaHeader {
  kind: MediaKind;
  width: number;
  height: number;
  durationSeconds?: number;
}

/**
 * Refuses, from the header alone (no pixel decoded), media that could never be hashed or
 * analysed: not an image or video, corrupt, a decompression bomb (`maxPixels`), frames larger than
 * `maxDimension` on a side, or a video longer than `maxDurationSeconds`. Errors name it `label`.
 */
export async function checkMediaLimits(
  path: string,
  limits: { maxPixels?: number; maxDimension?: number; maxDurationSeconds?: number; timeoutMs?: number },
  label = path,
): Promise<MediaHeader> {
  const head = await readHead(path, MEDIA_DEFAULTS.sniffBytes);
  const kind = sniffMediaKind(head);
  const { DEFAULT_MAX_PIXELS, imageHeader } = await import('./image.js');
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (kind === 'image') {
    const { width, height } = head[0] === 0x42 && head[1] === 0x4d ? bmpHeader(head, label, maxPixels) : await imageHeader(path, maxPixels, label);
    return { kind, width, height };
  }
  const info = await probeVideo(path, { label, ...(limits.timeoutMs !== undefined ? { timeoutMs: limits.timeoutMs } : {}) });
  checkVideoLimits(info, label, limits);
  if (info.width * info.height > maxPixels) {
    throw mediaTooLarge(`${label} has ${info.width}×${info.height} frames; the limit is ${maxPixels} pixels.`, { width: info.width, height: info.height, maxPixels });
  }
  return { kind, width: info.width, height: info.height, ...(info.durationSeconds !== undefined ? { durationSeconds: info.durationSeconds } : {}) };
}

// ---------------------------------------------------------------- comparison

export interface CompareMediaOptions {
  /** PDQ distance at or below which two image hashes match. Default 31. */
  threshold?: number;
  /** Hashes below this quality are not used for matching. Default 50. */
  minQuality?: number;
  /**
   * Videos: frames match when their distance is strictly below this (Meta's vPDQ semantics).
   * Default 31.
   */
  frameTolerance?: number;
  /** Videos: percentage of the query's frames that must match. Default 80. */
  queryMatchThreshold?: number;
  /** Videos: percentage of the compared video's frames that must match. Default 0. */
  comparedMatchThreshold?: number;
}

export interface MediaComparison {
  match: boolean;
  /** Percentage of the query's hashes (`a`) matched in `b`. Images: 100 or 0. */
  queryMatchPercent: number;
  /** Percentage of `b`'s hashes matched in `a`. Images: 100 or 0. */
  comparedMatchPercent: number;
  /** Best Hamming distance (images, image↔video), median distance of matched frames (videos), null when none. */
  distance: number | null;
  /**
   * What decided: `md5`, `pdq`, `pdq-cropped`, `pdq-dihedral:<name>` (a rotated or mirrored copy;
   * `<name>` is the transform of `a` that matched), `pdq-cropped-dihedral:<name>`, `vpdq`,
   * `vpdq-cropped`, `pdq-frame`. `pdq` / `vpdq` when nothing matched.
   */
  method: string;
  /** Image↔video: the video frame closest to the image. */
  frame?: { frame: number; timestamp: number };
}

interface Candidate {
  hash: string;
  quality: number;
  cropped: boolean;
  /** The transform of the original image this hash stands for. */
  dihedral?: DihedralName;
}

const INVERSE: Record<DihedralName, DihedralName> = {
  original: 'original',
  rotate90: 'rotate270',
  rotate180: 'rotate180',
  rotate270: 'rotate90',
  flipX: 'flipX',
  flipY: 'flipY',
  flipPlus1: 'flipPlus1',
  flipMinus1: 'flipMinus1',
};

/** The hashes of an image: reference, cropped, and (with `withDihedral`) their dihedral variants. */
function candidates(img: ImageHashes, withDihedral: boolean): Candidate[] {
  const out: Candidate[] = [{ hash: img.pdq.hash, quality: img.pdq.quality, cropped: false }];
  if (img.cropped) out.push({ hash: img.cropped.hash, quality: img.cropped.quality, cropped: true });
  if (withDihedral) {
    for (const name of DIHEDRAL_NAMES) {
      if (name === 'original') continue;
      const h = img.dihedral?.[name];
      if (h) out.push({ hash: h, quality: img.pdq.quality, cropped: false, dihedral: name });
      const c = img.cropped?.dihedral?.[name];
      if (c && img.cropped) out.push({ hash: c, quality: img.cropped.quality, cropped: true, dihedral: name });
    }
  }
  return out;
}

function methodOf(x: Candidate, y: Candidate, yIsQuery: boolean): string {
  const cropped = x.cropped || y.cropped;
  let name = x.dihedral ?? y.dihedral;
  // Transforms are named as transforms of the query.
  if (name && yIsQuery === (y.dihedral === undefined)) name = INVERSE[name];
  if (name) return `pdq-${cropped ? 'cropped-' : ''}dihedral:${name}`;
  return cropped ? 'pdq-cropped' : 'pdq';
}

interface Best {
  distance: number;
  method: string;
  eligible: boolean;
}

/** Best pair between two candidate lists; eligible pairs (both qualities high enough) win over others. Ties keep the earlier pair. */
function bestPair(xs: Candidate[], ys: Candidate[], minQuality: number, ysAreQuery: boolean): Best | undefined {
  let best: Best | undefined;
  for (const x of xs) {
    for (const y of ys) {
      const eligible = x.quality >= minQuality && y.quality >= minQuality;
      const d = hammingDistance(x.hash, y.hash);
      if (!best || (eligible && !best.eligible) || (eligible === best.eligible && d < best.distance)) {
        best = { distance: d, method: methodOf(x, y, ysAreQuery), eligible };
      }
    }
  }
  return best;
}

function compareImages(a: ImageHashes, b: ImageHashes, threshold: number, minQuality: number): MediaComparison {
  if (a.md5 === b.md5 && a.sha256 === b.sha256) {
    return { match: true, queryMatchPercent: 100, comparedMatchPercent: 100, distance: 0, method: 'md5' };
  }
  // The query's variants against the other's reference and cropped hashes; when only the other
  // has dihedral hashes, its variants against the query (the inverse transform).
  const aHasDihedral = a.dihedral !== undefined;
  let best = bestPair(candidates(a, true), candidates(b, false), minQuality, false);
  if (!aHasDihedral && b.dihedral) {
    const other = bestPair(candidates(b, true).filter((c) => c.dihedral), candidates(a, false), minQuality, true);
    if (other && best && ((other.eligible && !best.eligible) || (other.eligible === best.eligible && other.distance < best.distance))) best = other;
  }
  const match = best !== undefined && best.eligible && best.distance <= threshold;
  return {
    match,
    queryMatchPercent: match ? 100 : 0,
    comparedMatchPercent: match ? 100 : 0,
    distance: best ? best.distance : null,
    method: match ? best!.method : 'pdq',
  };
}

function frameCandidates(f: VpdqFrame): Candidate[] {
  const out: Candidate[] = [{ hash: f.hash, quality: f.quality, cropped: false }];
  if (f.cropped) out.push({ hash: f.cropped.hash, quality: f.cropped.quality, cropped: true });
  return out;
}

function compareImageVideo(img: ImageHashes, video: VideoHashes, imageIsQuery: boolean, threshold: number, minQuality: number): MediaComparison {
  const mine = candidates(img, true);
  let best: (Best & { frame: VpdqFrame }) | undefined;
  const hashes = new Set<string>();
  const matched = new Set<string>();
  for (const f of video.vpdq) {
    const b = bestPair(mine, frameCandidates(f), minQuality, false);
    if (!b) continue;
    const key = f.cropped ? `${f.hash}/${f.cropped.hash}` : f.hash;
    if (f.quality >= minQuality || (f.cropped && f.cropped.quality >= minQuality)) {
      hashes.add(key);
      if (b.eligible && b.distance <= threshold) matched.add(key);
    }
    if (!best || (b.eligible && !best.eligible) || (b.eligible === best.eligible && b.distance < best.distance)) best = { ...b, frame: f };
  }
  const match = best !== undefined && best.eligible && best.distance <= threshold;
  const framePercent = hashes.size === 0 ? 0 : (matched.size * 100) / hashes.size;
  const imagePercent = match ? 100 : 0;
  const out: MediaComparison = {
    match,
    queryMatchPercent: imageIsQuery ? imagePercent : framePercent,
    comparedMatchPercent: imageIsQuery ? framePercent : imagePercent,
    distance: best ? best.distance : null,
    method: 'pdq-frame',
  };
  if (best) out.frame = { frame: best.frame.frame, timestamp: best.frame.timestamp };
  return out;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Compares two hashed media, `a` being the query, with every signal they carry (see
 * {@link MediaComparison.method}). Images match at a PDQ distance ≤ 31 between hashes of quality
 * ≥ 50, or on equal exact hashes; videos as Meta's vPDQ (80 % of the query's frames, 0 % of the
 * other's, frames within distance < 31), cropped hashes included; an image matches a video when
 * some frame is within 31 of it.
 *
 */
export function compareMedia(a: MediaHashes, b: MediaHashes, options: CompareMediaOptions = {}): MediaComparison {
  const threshold = options.threshold ?? PDQ_MATCH_THRESHOLD;
  const minQuality = options.minQuality ?? PDQ_MIN_QUALITY;
  if (a.kind === 'image' && b.kind === 'image') return compareImages(a, b, threshold, minQuality);
  if (a.kind === 'image' && b.kind === 'video') return compareImageVideo(a, b, true, threshold, minQuality);
  if (a.kind === 'video' && b.kind === 'image') return compareImageVideo(b, a, false, threshold, minQuality);
  const va = a as VideoHashes;
  const vb = b as VideoHashes;
  const common = {
    distanceTolerance: options.frameTolerance ?? VPDQ_DEFAULTS.distanceTolerance,
    qualityTolerance: minQuality,
    queryMatchThreshold: options.queryMatchThreshold ?? VPDQ_DEFAULTS.queryMatchThreshold,
    comparedMatchThreshold: options.comparedMatchThreshold ?? VPDQ_DEFAULTS.comparedMatchThreshold,
  };
  const withCropped = compareVpdq(va.vpdq, vb.vpdq, { ...common, useCropped: true });
  let method = 'vpdq';
  if (withCropped.match && (va.vpdq.some((f) => f.cropped) || vb.vpdq.some((f) => f.cropped))) {
    const plain = compareVpdq(va.vpdq, vb.vpdq, { ...common, useCropped: false });
    if (!plain.match) method = 'vpdq-cropped';
  }
  return {
    match: withCropped.match,
    queryMatchPercent: withCropped.queryMatchPercent,
    comparedMatchPercent: withCropped.comparedMatchPercent,
    distance: median(withCropped.matchedFrames.map((m) => m.distance)),
    method,
  };
}
