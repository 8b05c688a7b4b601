/**
 * vPDQ: PDQ of video frames, compatible with Meta's vPDQ (facebook/ThreatExchange `vpdq/`).
 *
 * Like Meta's hasher, frames are decoded in order and numbered from 0; with `secondsPerHash` s
 * and the stream's average frame rate f (falling back to its base rate), frame n is hashed when
 * n mod ⌊s·f⌋ = 0 (every frame when that is 0), at its own size (or downsampled with swscale's
 * "area" method when `downsample` is given, like Meta's `-s`), converted to RGB24 with the
 * BT.601 matrix (what a bare swscale context uses), and its timestamp is n / f in float.
 * The stream's rotation tag is not applied (Meta decodes with libav, which does not rotate).
 *
 * Comparison follows Meta's `match_VPDQ_hash_brute`: drop frames below a quality, keep one frame
 * per distinct hash, and count the frames of each video that have a frame of the other within a
 * Hamming distance strictly below the tolerance.
 */
import { spawn } from 'node:child_process';
import { SaringError } from '../../errors/errors.js';
import { fileInput, lastLines, resolveFfmpeg, runBounded } from './ffmpeg.js';
import { mediaFileSize } from './media-file.js';
import { isPdqHex, lumaFromPixels, parsePdqHex, pdqFromLuma, type PdqHash } from './pdq-core.js';
import type { ContentRect, LetterboxOptions } from './letterbox.js';
import { invalidMedia, mediaTimeout, mediaTooLarge, unsupportedMedia } from './media-errors.js';

/** One hashed frame, as in Meta's vPDQ files: `frame,quality,hash,timestamp`. */
export interface VpdqFrame {
  /** Frame number in decoding order, from 0. */
  frame: number;
  quality: number;
  hash: string;
  /** Seconds: frame / frame rate. */
  timestamp: number;
  /** Hash of the content inside detected bars (letterbox option), an addition to Meta's format. */
  cropped?: PdqHash & { rect: ContentRect };
}

export interface VideoInfo {
  width: number;
  height: number;
  /** Frames per second used for numbering and timestamps (average rate, else base rate). */
  fps: number;
  /** Declared duration in seconds, when the container declares one. */
  durationSeconds?: number;
  codec: string;
}

export interface VpdqOptions {
  /** Seconds between hashed frames; 0 hashes every frame. Default 1. */
  secondsPerHash?: number;
  /** Downsample frames to this size before hashing (Meta's `-s`, e.g. 128×128); default: the video's own size. */
  downsample?: { width: number; height: number };
  /** Also hash the content inside letterbox / pillarbox bars, per frame (`VpdqFrame.cropped`). */
  letterbox?: boolean | LetterboxOptions;
  /** Refuse videos declared longer than this; decoding also stops there. Default 3600. */
  maxDurationSeconds?: number;
  /** Refuse to hash more frames than this. Default 100 000. */
  maxFrames?: number;
  /** Refuse videos wider or taller than this. Default 4096. */
  maxDimension?: number;
  /** Kill ffmpeg and fail after this long (probe and decoding together). Default 300 000 ms. */
  timeoutMs?: number;
  /** Return the frames decoded from a truncated or damaged video instead of failing. Default false. */
  allowPartial?: boolean;
  /**
   * Called with each hashed frame and its pixels (RGB, `width × height × 3`), so that other
   * analysis reuses this decoding pass. The buffer is reused for the next frame: copy or resize
   * it before returning. When the callback returns a promise, decoding pauses until it settles
   * (backpressure); a rejection stops decoding and fails the hash.
   */
  onFrame?: (frame: VpdqFrame, pixels: { data: Buffer; width: number; height: number }) => void | Promise<void>;
  /** Stops decoding (ffmpeg is killed); the hash fails with the signal's reason. */
  signal?: AbortSignal;
}

export interface VpdqResult {
  frames: VpdqFrame[];
  info: VideoInfo;
  /** Hash every `frameStep` frames. */
  frameStep: number;
  /** What ffmpeg reported as errors while decoding (with `allowPartial`, or harmless ones). */
  warnings: string[];
}

export const VPDQ_DEFAULTS = {
  secondsPerHash: 1,
  maxDurationSeconds: 3600,
  maxFrames: 100_000,
  maxDimension: 4096,
  timeoutMs: 300_000,
  /** Meta's default: frames match when their distance is below 31. */
  distanceTolerance: 31,
  /** Meta's default: frames of quality below 50 are not compared. */
  qualityTolerance: 50,
  /** Meta's default: a match needs 80 % of the query's frames matched... */
  queryMatchThreshold: 80,
  /** ...and 0 % of the compared video's frames. */
  comparedMatchThreshold: 0,
} as const;


/** ffmpeg prints rates rounded to 2 decimals; 29.97 and the like are NTSC rates N·1000/1001. */
function parseRate(token: string): number {
  const v = token.endsWith('k') ? Number(token.slice(0, -1)) * 1000 : Number(token);
  if (!Number.isFinite(v) || v <= 0) return NaN;
  if (!Number.isInteger(v)) {
    const n = Math.round(v * 1.001);
    if (Math.abs(v - n / 1.001) < 0.006) return (n * 1000) / 1001;
  }
  return v;
}

export const VIDEO_DEMUXERS = 'mov,matroska,webm,avi,flv,mpegts,mpeg,asf,ogg,gif,m4v,h264,hevc';
/** ffmpeg input options for a video file we are given (see {@link fileInput}); frames as stored, not rotated. */
export function videoInput(path: string): string[] {
  return fileInput(path, VIDEO_DEMUXERS, ['-noautorotate']);
}

/** Reads the container header with `ffmpeg -i` (no ffprobe is needed); errors name the video `label` (default its path). */
export async function probeVideo(path: string, options: { timeoutMs?: number; label?: string } = {}): Promise<VideoInfo> {
  const name = options.label ?? path;
  const bin = await resolveFfmpeg();
  const r = await runBounded(bin.path, ['-hide_banner', '-nostdin', ...videoInput(path)], {
    timeoutMs: options.timeoutMs ?? 30_000,
    maxStdout: 0,
  });
  if (r.timedOut) throw mediaTimeout(`Reading the header of video ${name} took too long.`);
  const err = r.stderr;
  if (!/Input #0/.test(err)) {
    const detail = lastLines(err, 2).join(' / ');
    if (/not on whitelist/i.test(err)) {
      throw unsupportedMedia(`${name} is not in a supported video container (${VIDEO_DEMUXERS}).`, { ffmpeg: lastLines(err) });
    }
    if (/Invalid data found|moov atom not found|could not find codec parameters|End of file/i.test(err)) {
      throw invalidMedia(`Video ${name} is corrupt, truncated or not a video (${detail}).`, { ffmpeg: lastLines(err) });
    }
    throw invalidMedia(`Video ${name} cannot be read (${detail}).`, { ffmpeg: lastLines(err) });
  }
  const streams = err.split('\n').filter((l) => /Stream #\d+:\d+.*: Video: /.test(l) && !/attached pic/.test(l));
  const line = streams[0];
  if (!line) throw unsupportedMedia(`${name} has no video stream.`, { ffmpeg: lastLines(err) });
  const codec = /Video: ([^\s,]+)/.exec(line)?.[1] ?? 'unknown';
  const size = /, (\d{1,6})x(\d{1,6})[\s,]/.exec(line);
  if (!size) throw invalidMedia(`Video ${name} declares no frame size.`, { ffmpeg: [line.trim()] });
  const fpsToken = /([\d.]+k?) fps/.exec(line)?.[1];
  const tbrToken = /([\d.]+k?) tbr/.exec(line)?.[1];
  let fps = fpsToken ? parseRate(fpsToken) : NaN;
  if (!(fps > 0) && tbrToken) fps = parseRate(tbrToken);
  if (!(fps > 0)) throw invalidMedia(`Video ${name} declares no frame rate.`, { ffmpeg: [line.trim()] });
  const info: VideoInfo = { width: Number(size[1]), height: Number(size[2]), fps, codec };
  const d = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(err);
  if (d) info.durationSeconds = Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]);
  if (!(info.width > 0 && info.height > 0)) throw invalidMedia(`Video ${name} declares a ${info.width}×${info.height} frame size.`);
  return info;
}

/** Refuses a video (from its probed header) whose frames are larger or which lasts longer than the limits. */
export function checkVideoLimits(info: VideoInfo, name: string, limits: { maxDimension?: number; maxDurationSeconds?: number }): void {
  const maxDimension = limits.maxDimension ?? VPDQ_DEFAULTS.maxDimension;
  const maxDuration = limits.maxDurationSeconds ?? VPDQ_DEFAULTS.maxDurationSeconds;
  if (info.width > maxDimension || info.height > maxDimension) {
    throw mediaTooLarge(`Video ${name} is ${info.width}×${info.height}; the limit is ${maxDimension} on each side.`, {
      width: info.width,
      height: info.height,
      maxDimension,
    });
  }
  if (info.durationSeconds !== undefined && info.durationSeconds > maxDuration) {
    throw mediaTooLarge(`Video ${name} lasts ${info.durationSeconds} s; the limit is ${maxDuration} s.`, {
      durationSeconds: info.durationSeconds,
      maxDurationSeconds: maxDuration,
    });
  }
}

/**
 * Hashes a video file with vPDQ and returns the frames with the probe information and decoder
 * warnings. See {@link vpdqFromVideo} for the frames alone.
 */
export async function hashVideo(path: string, options: VpdqOptions = {}): Promise<VpdqResult> {
  const secondsPerHash = options.secondsPerHash ?? VPDQ_DEFAULTS.secondsPerHash;
  const maxDuration = options.maxDurationSeconds ?? VPDQ_DEFAULTS.maxDurationSeconds;
  const maxFrames = options.maxFrames ?? VPDQ_DEFAULTS.maxFrames;
  const maxDimension = options.maxDimension ?? VPDQ_DEFAULTS.maxDimension;
  const timeoutMs = options.timeoutMs ?? VPDQ_DEFAULTS.timeoutMs;
  if (!(secondsPerHash >= 0) || !Number.isFinite(secondsPerHash)) {
    throw new SaringError('validation_failed', `secondsPerHash must be a number ≥ 0, got ${secondsPerHash}.`);
  }
  const started = Date.now();

  await mediaFileSize(path, 'Video');

  const info = await probeVideo(path, { timeoutMs: Math.min(30_000, timeoutMs) });
  checkVideoLimits(info, path, { maxDimension, maxDurationSeconds: maxDuration });

  // Meta: frameMod = (int)(secondsPerHash * frameRate), at least 1.
  const frameStep = Math.max(1, Math.trunc(secondsPerHash * info.fps));
  const outW = options.downsample?.width ?? info.width;
  const outH = options.downsample?.height ?? info.height;
  if (!(Number.isInteger(outW) && Number.isInteger(outH) && outW > 0 && outH > 0 && outW <= maxDimension && outH <= maxDimension)) {
    throw new SaringError('validation_failed', `downsample must be whole numbers between 1 and ${maxDimension}.`);
  }

  const bin = await resolveFfmpeg();
  const filters: string[] = [];
  if (frameStep > 1) filters.push(`select=not(mod(n\\,${frameStep}))`);
  // swscale with the "area" method and the BT.601 matrix, as Meta's sws_getContext(…, SWS_AREA).
  filters.push(`scale=${outW}:${outH}:flags=area:in_color_matrix=bt601`);
  const args = [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-t',
    String(maxDuration),
    ...videoInput(path),
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    '-vf',
    filters.join(','),
    ...(bin.hasFpsMode ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough']),
    '-frames:v',
    String(maxFrames + 1),
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ];

  const frameBytes = outW * outH * 3;
  const frameBuf = Buffer.allocUnsafe(frameBytes);
  const luma = new Float32Array(outW * outH);
  const fpsF = Math.fround(info.fps);
  const frames: VpdqFrame[] = [];
  const letterbox = options.letterbox;
  let filled = 0;
  let tooMany = false;

  const hashOne = (): void => {
    const index = frames.length * frameStep;
    lumaFromPixels(frameBuf, outW, outH, 3, luma);
    const r = pdqFromLuma(luma, outW, outH, letterbox ? { letterbox } : {});
    const f: VpdqFrame = { frame: index, quality: r.quality, hash: r.hash, timestamp: Math.fround(Math.fround(index) / fpsF) };
    if (r.cropped) f.cropped = { hash: r.cropped.hash, quality: r.cropped.quality, rect: r.cropped.rect };
    frames.push(f);
  };

  const remaining = timeoutMs - (Date.now() - started);
  if (remaining <= 0) throw mediaTimeout(`Hashing video ${path} took longer than ${timeoutMs} ms.`, { framesHashed: 0 });
  const { code, stderr, killedForTimeout } = await new Promise<{ code: number | null; stderr: string; killedForTimeout: boolean }>(
    (resolve, reject) => {
      const child = spawn(bin.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      let killedForTimeout = false;
      const timer = setTimeout(() => {
        killedForTimeout = true;
        child.kill('SIGKILL');
      }, remaining);
      let failed = false;
      const fail = (e: unknown): void => {
        if (failed) return;
        failed = true;
        child.kill('SIGKILL');
        reject(e);
      };
      const onAbort = (): void => fail(options.signal!.reason ?? new SaringError('cancelled', 'Video analysis was cancelled.'));
      if (options.signal?.aborted) onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      child.on('close', () => options.signal?.removeEventListener('abort', onAbort));
      // Consumes one chunk from `from`; when a frame callback asks to wait, stops there and
      // resumes with the rest of the chunk once it settles.
      const consume = (chunk: Buffer, from: number): boolean => {
        if (tooMany || failed) return false;
        let off = from;
        while (off < chunk.length) {
          const n = Math.min(frameBytes - filled, chunk.length - off);
          chunk.copy(frameBuf, filled, off, off + n);
          filled += n;
          off += n;
          if (filled === frameBytes) {
            filled = 0;
            if (frames.length >= maxFrames) {
              tooMany = true;
              child.kill('SIGKILL');
              return false;
            }
            let pending: void | Promise<void>;
            try {
              hashOne();
              pending = options.onFrame?.(frames[frames.length - 1]!, { data: frameBuf, width: outW, height: outH });
            } catch (e) {
              fail(e);
              return false;
            }
            if (pending) {
              child.stdout.pause();
              const rest = off;
              pending.then(
                () => {
                  if (!consume(chunk, rest) && !failed && !tooMany) child.stdout.resume();
                },
                (e: unknown) => fail(e),
              );
              return true;
            }
          }
        }
        return false;
      };
      child.stdout.on('data', (chunk: Buffer) => consume(chunk, 0));
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        err += chunk;
        if (err.length > 128 * 1024) err = err.slice(-64 * 1024);
      });
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, stderr: err, killedForTimeout });
      });
    },
  );

  const warnings = lastLines(stderr, 20);
  if (killedForTimeout) {
    throw mediaTimeout(`Hashing video ${path} took longer than ${timeoutMs} ms; ffmpeg was stopped.`, { framesHashed: frames.length });
  }
  if (tooMany) {
    throw mediaTooLarge(`Video ${path} has more than ${maxFrames} frames to hash.`, { maxFrames, frameStep });
  }
  if (code !== 0) {
    if (!(options.allowPartial && frames.length > 0)) {
      throw invalidMedia(`Video ${path} could not be decoded (${warnings.slice(-2).join(' / ') || `ffmpeg exited with ${code}`}).`, {
        ffmpeg: warnings,
        framesHashed: frames.length,
      });
    }
  }
  if (frames.length === 0) throw invalidMedia(`No frame could be decoded from video ${path}.`, { ffmpeg: warnings });
  // A truncated file often decodes with errors but without an error exit: when ffmpeg reported
  // errors, compare what was decoded with the declared duration. (Without errors, a short video
  // track under a longer audio track is legitimate.)
  const declared = info.durationSeconds !== undefined ? Math.min(info.durationSeconds, maxDuration) : undefined;
  if (declared !== undefined && warnings.length > 0 && !options.allowPartial) {
    const covered = (frames[frames.length - 1]!.frame + frameStep) / info.fps;
    if (covered < 0.8 * declared - 1) {
      throw invalidMedia(
        `Video ${path} looks truncated: frames decoded up to ${covered.toFixed(1)} s of a declared ${declared.toFixed(1)} s.`,
        { ffmpeg: warnings, framesHashed: frames.length, coveredSeconds: covered, declaredSeconds: declared },
      );
    }
  }
  return { frames, info, frameStep, warnings };
}

/**
 * vPDQ hashes of a video file: one PDQ hash every `secondsPerHash` (default 1; 0 = every frame).
 * Throws a {@link SaringError} for missing, empty, corrupt, truncated, oversized or too long
 * videos, and when ffmpeg is unavailable or runs past the timeout (it is killed).
 *
 * @example
 * const frames = await vpdqFromVideo('upload.mp4', { secondsPerHash: 1, timeoutMs: 60_000 });
 * writeFileSync('upload.vpdq.txt', formatVpdqFile(frames));
 */
export async function vpdqFromVideo(path: string, options: VpdqOptions = {}): Promise<VpdqFrame[]> {
  return (await hashVideo(path, options)).frames;
}

// ---------------------------------------------------------------- file format

export interface FormatVpdqOptions {
  /**
   * Append the cropped hash to lines that have one: `…,timestamp,croppedQuality,croppedHash,x,y,width,height`.
   * Meta's readers use the first four fields only, so such files stay readable by them. Default false.
   */
  cropped?: boolean;
}

/** Meta's vPDQ text format: one `frame,quality,hash,timestamp` line per frame, timestamp with 3 decimals. */
export function formatVpdqFile(frames: readonly VpdqFrame[], options: FormatVpdqOptions = {}): string {
  let out = '';
  for (const f of frames) {
    out += `${f.frame},${f.quality},${f.hash},${f.timestamp.toFixed(3)}`;
    if (options.cropped && f.cropped) {
      const r = f.cropped.rect;
      out += `,${f.cropped.quality},${f.cropped.hash},${r.x},${r.y},${r.width},${r.height}`;
    }
    out += '\n';
  }
  return out;
}

function badLine(lineNo: number, line: string, why: string): SaringError {
  const shown = line.length > 120 ? line.slice(0, 120) + '…' : line;
  return new SaringError('invalid_hash', `vPDQ line ${lineNo}: ${why}: ${JSON.stringify(shown)}`, { line: lineNo });
}

function intField(s: string | undefined, min: number, max: number): number | undefined {
  if (s === undefined || !/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

/**
 * Parses Meta's vPDQ text format (`frame,quality,hash[,timestamp]` per line; blank lines ignored;
 * the cropped extension of {@link formatVpdqFile} is read back). Throws on the first bad line.
 * Without a timestamp, the frame number is used.
 */
export function parseVpdqFile(text: string): VpdqFrame[] {
  const frames: VpdqFrame[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const parts = line.split(',').map((p) => p.trim());
    if (parts.length !== 3 && parts.length !== 4 && parts.length !== 10) {
      throw badLine(i + 1, line, 'expected frame,quality,hash,timestamp');
    }
    const frame = intField(parts[0], 0, Number.MAX_SAFE_INTEGER);
    if (frame === undefined) throw badLine(i + 1, line, 'the frame number is not a whole number');
    const quality = intField(parts[1], 0, 100);
    if (quality === undefined) throw badLine(i + 1, line, 'the quality is not a whole number from 0 to 100');
    const hash = parts[2]!;
    if (!isPdqHex(hash)) throw badLine(i + 1, line, 'the hash is not 64 hexadecimal digits');
    let timestamp = frame;
    if (parts.length >= 4) {
      timestamp = Number(parts[3]);
      if (parts[3] === '' || !Number.isFinite(timestamp) || timestamp < 0) throw badLine(i + 1, line, 'the timestamp is not a number ≥ 0');
    }
    const f: VpdqFrame = { frame, quality, hash: hash.toLowerCase(), timestamp };
    if (parts.length === 10) {
      const cq = intField(parts[4], 0, 100);
      const ch = parts[5]!;
      const [x, y, w, h] = parts.slice(6).map((p) => intField(p, 0, Number.MAX_SAFE_INTEGER));
      if (cq === undefined || !isPdqHex(ch) || x === undefined || y === undefined || w === undefined || h === undefined) {
        throw badLine(i + 1, line, 'the cropped hash fields are not valid');
      }
      f.cropped = { quality: cq, hash: ch.toLowerCase(), rect: { x, y, width: w, height: h } };
    }
    frames.push(f);
  }
  return frames;
}

// ---------------------------------------------------------------- filtering and comparison

/** Frames whose quality is at least `minQuality` (Meta: `quality >= tolerance`). */
export function filterByQuality(frames: readonly VpdqFrame[], minQuality: number = VPDQ_DEFAULTS.qualityTolerance): VpdqFrame[] {
  return frames.filter((f) => f.quality >= minQuality);
}

/** One frame per distinct hash, the first one kept (Meta's `dedupe`). */
export function dedupeFrames(frames: readonly VpdqFrame[]): VpdqFrame[] {
  const seen = new Set<string>();
  const out: VpdqFrame[] = [];
  for (const f of frames) {
    const key = f.cropped ? `${f.hash}/${f.cropped.hash}` : f.hash;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/** Drops a frame whose hash equals the previous kept frame's (a cheaper, order-keeping de-duplication). */
export function dedupeConsecutive(frames: readonly VpdqFrame[]): VpdqFrame[] {
  const out: VpdqFrame[] = [];
  for (const f of frames) if (out.length === 0 || out[out.length - 1]!.hash !== f.hash) out.push(f);
  return out;
}

export interface CompareVpdqOptions {
  /** Frames match when their Hamming distance is strictly below this (Meta's semantics). Default 31. */
  distanceTolerance?: number;
  /** Frames below this quality are not compared. Default 50. */
  qualityTolerance?: number;
  /** Percentage of the query's frames that must match. Default 80. */
  queryMatchThreshold?: number;
  /** Percentage of the compared video's frames that must match. Default 0. */
  comparedMatchThreshold?: number;
  /**
   * Also use the cropped hashes (letterbox option): two frames match when the best of
   * {reference, cropped} × {reference, cropped} is within tolerance. Default true (no effect
   * when frames have no cropped hash).
   */
  useCropped?: boolean;
}

export interface VpdqFrameMatch {
  queryFrame: number;
  queryTimestamp: number;
  targetFrame: number;
  targetTimestamp: number;
  distance: number;
  /** True when the best distance involves a cropped hash. */
  cropped: boolean;
}

export interface VpdqComparison {
  /** Percentage of the query's (filtered, de-duplicated) frames that have a match in the target. */
  queryMatchPercent: number;
  /** Percentage of the target's (filtered, de-duplicated) frames that have a match in the query. */
  comparedMatchPercent: number;
  match: boolean;
  /** For each matched query frame, its closest target frame. */
  matchedFrames: VpdqFrameMatch[];
  /** Frames compared after quality filtering and de-duplication. */
  queryFrames: number;
  targetFrames: number;
}

/** Frames kept for comparison, their hashes packed 16 words each (1 or 2 hashes per frame). */
interface Prepared {
  frames: VpdqFrame[];
  /** Hash k of all frames: words[k·16 … k·16+15]. */
  words: Uint16Array;
  /** Frame i's hashes are [first[i], first[i+1]). */
  first: Int32Array;
  /** Hash k is a cropped hash. */
  cropped: Uint8Array;
}

function prepare(frames: readonly VpdqFrame[], quality: number, useCropped: boolean): Prepared {
  const kept: VpdqFrame[] = [];
  const hashes: { hex: string; cropped: boolean }[] = [];
  const starts: number[] = [];
  const source = useCropped ? frames : frames.map((x) => ({ frame: x.frame, quality: x.quality, hash: x.hash, timestamp: x.timestamp }));
  for (const f of dedupeFrames(source)) {
    const mine: { hex: string; cropped: boolean }[] = [];
    if (f.quality >= quality) mine.push({ hex: f.hash, cropped: false });
    if (useCropped && f.cropped && f.cropped.quality >= quality) mine.push({ hex: f.cropped.hash, cropped: true });
    if (mine.length === 0) continue;
    kept.push(f);
    starts.push(hashes.length);
    hashes.push(...mine);
  }
  starts.push(hashes.length);
  const words = new Uint16Array(hashes.length * 16);
  const cropped = new Uint8Array(hashes.length);
  hashes.forEach((h, k) => {
    words.set(parsePdqHex(h.hex), k * 16);
    cropped[k] = h.cropped ? 1 : 0;
  });
  return { frames: kept, words, first: Int32Array.from(starts), cropped };
}

/** Hamming distance between packed hashes a[ai…ai+15] and b[bi…bi+15]. */
function distanceAt(a: Uint16Array, ai: number, b: Uint16Array, bi: number): number {
  let d = 0;
  for (let k = 0; k < 16; k++) {
    let x = a[ai + k]! ^ b[bi + k]!;
    x = x - ((x >> 1) & 0x5555);
    x = (x & 0x3333) + ((x >> 2) & 0x3333);
    x = (x + (x >> 4)) & 0x0f0f;
    d += (x + (x >> 8)) & 0x1f;
  }
  return d;
}

/**
 * Compares two vPDQ hashes like Meta's `match_VPDQ_hash_brute`, and says which frames matched.
 *
 * @example
 * const r = compareVpdq(parseVpdqFile(upload), parseVpdqFile(banked));
 * if (r.match) console.log(`${r.queryMatchPercent.toFixed(1)} % of the upload's frames are in the banked video`);
 */
export function compareVpdq(query: readonly VpdqFrame[], target: readonly VpdqFrame[], options: CompareVpdqOptions = {}): VpdqComparison {
  const tolerance = options.distanceTolerance ?? VPDQ_DEFAULTS.distanceTolerance;
  const quality = options.qualityTolerance ?? VPDQ_DEFAULTS.qualityTolerance;
  const useCropped = options.useCropped ?? true;
  const q = prepare(query, quality, useCropped);
  const t = prepare(target, quality, useCropped);
  const matchedFrames: VpdqFrameMatch[] = [];
  const targetMatched = new Uint8Array(t.frames.length);
  for (let i = 0; i < q.frames.length; i++) {
    let bestD = 257;
    let bestT = -1;
    let bestCropped = false;
    for (let j = 0; j < t.frames.length; j++) {
      let d = 257;
      let viaCropped = false;
      for (let a = q.first[i]!; a < q.first[i + 1]!; a++) {
        for (let b = t.first[j]!; b < t.first[j + 1]!; b++) {
          const x = distanceAt(q.words, a * 16, t.words, b * 16);
          if (x < d) {
            d = x;
            viaCropped = q.cropped[a] === 1 || t.cropped[b] === 1;
          }
        }
      }
      if (d < tolerance) targetMatched[j] = 1;
      if (d < bestD) {
        bestD = d;
        bestT = j;
        bestCropped = viaCropped;
      }
    }
    if (bestT >= 0 && bestD < tolerance) {
      const qf = q.frames[i]!;
      const tf = t.frames[bestT]!;
      matchedFrames.push({
        queryFrame: qf.frame,
        queryTimestamp: qf.timestamp,
        targetFrame: tf.frame,
        targetTimestamp: tf.timestamp,
        distance: bestD,
        cropped: bestCropped,
      });
    }
  }
  let targetCount = 0;
  for (const m of targetMatched) targetCount += m;
  const nq = q.frames.length;
  const nt = t.frames.length;
  const queryMatchPercent = nq === 0 ? 0 : (matchedFrames.length * 100) / nq;
  const comparedMatchPercent = nt === 0 ? 0 : (targetCount * 100) / nt;
  const match =
    nq > 0 &&
    nt > 0 &&
    queryMatchPercent >= (options.queryMatchThreshold ?? VPDQ_DEFAULTS.queryMatchThreshold) &&
    comparedMatchPercent >= (options.comparedMatchThreshold ?? VPDQ_DEFAULTS.comparedMatchThreshold);
  return { queryMatchPercent, comparedMatchPercent, match, matchedFrames, queryFrames: nq, targetFrames: nt };
}
