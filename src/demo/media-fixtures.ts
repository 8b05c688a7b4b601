/**
 * Media fixtures for tests and benchmarks, generated on the spot: videos from ffmpeg's lavfi
 * sources with captions drawn by `drawtext`, images rendered from SVG by sharp, and damaged copies
 * of either. Nothing is downloaded and no media file is kept in the repository.
 *
 * Videos need ffmpeg (found by {@link resolveFfmpeg}); captions need a TrueType font
 * ({@link fontFile}; tests that need text check {@link canDrawText} and skip with a reason).
 *
 * @example
 * await makeVideo(join(dir, 'promo.mp4'), {
 *   seconds: 3, width: 320, height: 240,
 *   overlays: [{ text: 'SLOT GACOR MAXWIN 88', from: 1, to: 2 }],
 *   audio: 'sine',
 * });
 */
import { existsSync, statSync } from 'node:fs';
import sharp from 'sharp';
import { resolveFfmpeg, runBounded } from '../signals/hash/ffmpeg.js';

export interface Overlay {
  text: string;
  /** Seconds from the start: the caption is shown while from ≤ t ≤ to. */
  from: number;
  to: number;
  /** Pixels; default 64 at 720p, scaled with the video's height (64 · height / 720). */
  fontSize?: number;
  /** Default 'bottom'. */
  y?: 'top' | 'middle' | 'bottom';
  /** An ffmpeg colour ('yellow', 'white', '#ff0000', 'black@0.5'); default 'yellow'. */
  colour?: string;
  /** A dark box behind the text; default true. */
  box?: boolean;
}

export interface VideoSpec {
  seconds: number;
  /** Default 1280 (even: the video is yuv420p). */
  width?: number;
  /** Default 720 (even). */
  height?: number;
  /** Default 30. */
  fps?: number;
  /**
   * The lavfi source; default 'testsrc2' (moving pattern with a running clock). 'mandelbrot' is
   * rendered at up to 5 frames per second and repeated up to `fps` (rendering it at 30 fps takes
   * ~1.5 s per second of 720p video). 'colour' is a still plain picture of `background`.
   */
  source?: 'testsrc2' | 'smptebars' | 'mandelbrot' | 'colour';
  /** The colour of source 'colour'; default '#3a6ea5'. */
  background?: string;
  overlays?: Overlay[];
  /** Default 'none'. 'sine': a 440 Hz tone. `{ wav }`: that file from the start, padded with silence or cut to the video's length. */
  audio?: 'none' | 'sine' | { wav: string };
  /** 'mp4': H.264 (libx264, ultrafast) yuv420p + AAC; 'webm': VP8 (libvpx) + Opus; 'mov': H.264 + AAC in QuickTime. Default 'mp4'. */
  format?: 'mp4' | 'webm' | 'mov';
  /** Frames between keyframes (GOP size); default the encoder's (250 for x264, 128 for libvpx). */
  keyint?: number;
}

const FONT_CANDIDATES = [
  // Debian, Ubuntu
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  // Fedora, RHEL
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf',
  // Arch, Alpine (font-dejavu)
  '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/ttf-dejavu/DejaVuSans-Bold.ttf',
  // openSUSE
  '/usr/share/fonts/truetype/DejaVuSans-Bold.ttf',
  // other common sans fonts
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/freefont/FreeSansBold.ttf',
  '/usr/share/fonts/gnu-free/FreeSansBold.otf',
  '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
  '/Library/Fonts/Arial Bold.ttf',
];

let fontChecked = false;
let fontFound: string | undefined;

/** The first bold sans-serif TrueType font found among common Linux (and macOS) locations; undefined if none. */
export function fontFile(): string | undefined {
  if (!fontChecked) {
    fontChecked = true;
    fontFound = FONT_CANDIDATES.find((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
  }
  return fontFound;
}

/** Whether captions can be drawn (a font was found). Tests that need text: `it.skipIf(!canDrawText)`. */
export const canDrawText: boolean = fontFile() !== undefined;

// ------------------------------------------------------------------ filtergraph escaping

/**
 * Escapes a value for one option of a filter (`key=value` inside `filter=k1=v1:k2=v2`): the
 * characters av_get_token treats specially.
 */
function escapeOptionValue(s: string): string {
  return s.replace(/[\\':]/g, (c) => `\\${c}`);
}

/** Escapes a filter's argument string for the filtergraph around it (chains, labels, quoting). */
function escapeForGraph(s: string): string {
  return s.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

/** A text or path as the value of a drawtext option, inside a `-vf` graph (passed as one argv entry, no shell). */
function graphValue(s: string): string {
  return escapeForGraph(escapeOptionValue(s));
}

const COLOUR = /^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|0x[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|[a-zA-Z]+)(@(0(\.\d+)?|1(\.0+)?))?$/;

function checkColour(c: string, what: string): string {
  if (!COLOUR.test(c)) throw new Error(`${what} must be an ffmpeg colour such as 'yellow', '#ffcc00' or 'black@0.5'; got ${JSON.stringify(c)}.`);
  return c;
}

function drawtext(o: Overlay, height: number, font: string): string {
  if (!(Number.isFinite(o.from) && Number.isFinite(o.to) && o.from >= 0 && o.to >= o.from)) {
    throw new Error(`Overlay ${JSON.stringify(o.text)}: from and to must be seconds with 0 ≤ from ≤ to.`);
  }
  const size = Math.round(o.fontSize ?? (64 * height) / 720);
  if (!(size >= 4 && size <= 1000)) throw new Error(`Overlay ${JSON.stringify(o.text)}: fontSize ${size} is out of range.`);
  const margin = Math.round(height * 0.08);
  const y = o.y === 'top' ? `${margin}` : o.y === 'middle' ? '(h-text_h)/2' : `h-text_h-${margin}`;
  const options = [
    `fontfile=${graphValue(font)}`,
    // literal text: no %{...} expansion, so '%' needs no escaping of its own
    'expansion=none',
    `text=${graphValue(o.text)}`,
    `fontsize=${size}`,
    `fontcolor=${graphValue(checkColour(o.colour ?? 'yellow', 'Overlay colour'))}`,
    'x=(w-text_w)/2',
    `y=${graphValue(y)}`,
  ];
  if (o.box !== false) options.push('box=1', `boxcolor=${graphValue('black@0.6')}`, `boxborderw=${Math.max(2, Math.round(size / 5))}`);
  options.push(`enable=${graphValue(`between(t,${o.from},${o.to})`)}`);
  return `drawtext=${options.join(':')}`;
}

// ------------------------------------------------------------------ videos

function sourceFilter(spec: Required<Pick<VideoSpec, 'width' | 'height' | 'fps'>> & VideoSpec): { input: string; post: string[] } {
  const { width, height, fps } = spec;
  const size = `size=${width}x${height}`;
  switch (spec.source ?? 'testsrc2') {
    case 'testsrc2':
      return { input: `testsrc2=${size}:rate=${fps}`, post: [] };
    case 'smptebars':
      return { input: `smptebars=${size}:rate=${fps}`, post: [] };
    case 'mandelbrot': {
      const rate = Math.min(fps, 5);
      return { input: `mandelbrot=${size}:rate=${rate}`, post: rate < fps ? [`fps=${fps}`] : [] };
    }
    case 'colour':
      return { input: `color=c=${escapeOptionValue(checkColour(spec.background ?? '#3a6ea5', 'background'))}:${size}:rate=${fps}`, post: [] };
    default:
      throw new Error(`Unknown video source ${JSON.stringify(spec.source)}.`);
  }
}

/**
 * Writes a video to `path` (the extension is not looked at: `format` decides). Throws an Error
 * with ffmpeg's last lines when ffmpeg fails, or when it runs past a time limit scaled to the
 * work (20 s + 3 s per second of 720p30-equivalent video).
 */
export async function makeVideo(path: string, spec: VideoSpec): Promise<void> {
  const width = spec.width ?? 1280;
  const height = spec.height ?? 720;
  const fps = spec.fps ?? 30;
  const seconds = spec.seconds;
  const format = spec.format ?? 'mp4';
  if (!(Number.isFinite(seconds) && seconds > 0 && seconds <= 3600)) throw new Error(`seconds must be in (0, 3600]; got ${seconds}.`);
  for (const [k, v] of [['width', width], ['height', height]] as const) {
    if (!(Number.isInteger(v) && v >= 16 && v <= 4096 && v % 2 === 0)) throw new Error(`${k} must be an even integer in [16, 4096]; got ${v}.`);
  }
  if (!(Number.isFinite(fps) && fps > 0 && fps <= 240)) throw new Error(`fps must be in (0, 240]; got ${fps}.`);
  if (spec.keyint !== undefined && !(Number.isInteger(spec.keyint) && spec.keyint >= 1)) throw new Error(`keyint must be a positive integer; got ${spec.keyint}.`);
  if (!['mp4', 'webm', 'mov'].includes(format)) throw new Error(`Unknown format ${JSON.stringify(format)}.`);

  const overlays = spec.overlays ?? [];
  let font: string | undefined;
  if (overlays.length > 0) {
    font = fontFile();
    if (!font) throw new Error('No font found to draw captions with (see fontFile()); check canDrawText first.');
  }

  const audio = spec.audio ?? 'none';
  if (typeof audio === 'object') {
    if (!existsSync(audio.wav)) throw new Error(`The wav file ${audio.wav} does not exist.`);
  } else if (audio !== 'none' && audio !== 'sine') {
    throw new Error(`Unknown audio ${JSON.stringify(audio)}.`);
  }
  const src = sourceFilter({ ...spec, width, height, fps });
  const filters = [...src.post, ...overlays.map((o) => drawtext(o, height, font!)), 'format=yuv420p'];

  const bin = await resolveFfmpeg();
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', src.input];
  if (audio === 'sine') args.push('-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000');
  else if (typeof audio === 'object') args.push('-i', audio.wav);

  args.push('-map', '0:v:0', '-vf', filters.join(','));
  if (audio !== 'none') args.push('-map', '1:a:0', '-af', 'apad');
  // -t bounds the endless sources and the padded audio alike
  args.push('-t', String(seconds));

  if (format === 'webm') {
    args.push('-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '1M', '-crf', '10');
    if (audio !== 'none') args.push('-c:a', 'libopus', '-b:a', '64k', '-ac', '2');
    args.push('-f', 'webm');
  } else {
    args.push('-c:v', 'libx264', '-preset', 'ultrafast');
    if (audio !== 'none') args.push('-c:a', 'aac', '-b:a', '96k', '-ac', '2');
    args.push('-f', format === 'mov' ? 'mov' : 'mp4');
  }
  if (spec.keyint !== undefined) args.push('-g', String(spec.keyint), '-keyint_min', String(spec.keyint));
  args.push(path);

  const work = seconds * ((width * height) / (1280 * 720)) * Math.max(1, fps / 30);
  const timeoutMs = Math.round(20_000 + 3_000 * work);
  const r = await runBounded(bin.path, args, { timeoutMs, maxStdout: 0 });
  if (r.timedOut) throw new Error(`ffmpeg did not finish ${path} within ${timeoutMs} ms.`);
  if (r.code !== 0) {
    const tail = r.stderr.trim().split('\n').slice(-5).join(' / ');
    throw new Error(`ffmpeg failed to make ${path} (exit ${r.code ?? r.signal}): ${tail}`);
  }
}

// ------------------------------------------------------------------ images

function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * An image rendered by sharp from SVG: a `background` (any SVG colour, default '#3a6ea5') with
 * `text` centred in DejaVu Sans Bold (default size height/8, `colour` default 'yellow').
 * Format default 'png'.
 */
export async function renderImage(spec: {
  width: number;
  height: number;
  text?: string;
  fontSize?: number;
  background?: string;
  colour?: string;
  format?: 'png' | 'jpeg' | 'webp' | 'gif';
}): Promise<Buffer> {
  const { width, height } = spec;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && width * height <= 50_000_000)) {
    throw new Error(`width and height must be positive integers (at most 50 megapixels); got ${width}×${height}.`);
  }
  const size = spec.fontSize ?? Math.max(8, Math.round(height / 8));
  const text = spec.text
    ? `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" dominant-baseline="central" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="${xmlEscape(spec.colour ?? 'yellow')}">${xmlEscape(spec.text)}</text>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${xmlEscape(spec.background ?? '#3a6ea5')}"/>${text}</svg>`;
  const img = sharp(Buffer.from(svg), { limitInputPixels: 50_000_000 });
  switch (spec.format ?? 'png') {
    case 'png':
      return img.png().toBuffer();
    case 'jpeg':
      return img.flatten().jpeg({ quality: 90 }).toBuffer();
    case 'webp':
      return img.webp({ quality: 90 }).toBuffer();
    case 'gif':
      return img.gif().toBuffer();
    default:
      throw new Error(`Unknown image format ${JSON.stringify(spec.format)}.`);
  }
}

// ------------------------------------------------------------------ damage

/** The first `keep` bytes (a copy); `keep` is clamped to [0, length]. */
export function truncate(bytes: Buffer, keep: number): Buffer {
  const n = Math.max(0, Math.min(bytes.length, Math.floor(keep)));
  return Buffer.from(bytes.subarray(0, n));
}

/**
 * A copy with deterministic garbage (xorshift32 from `seed`, default 1) over the middle of the
 * bytes, from 30 % to 70 % of the length; the header (at least the first 30 %, and never less
 * than the first 64 bytes of a file longer than 128) is kept, as is the end. Inputs under 4
 * bytes come back unchanged.
 */
export function corrupt(bytes: Buffer, seed = 1): Buffer {
  const out = Buffer.from(bytes);
  const len = out.length;
  if (len < 4) return out;
  const start = Math.max(Math.floor(len * 0.3), Math.min(64, Math.floor(len / 2)));
  const end = Math.max(start + 1, Math.floor(len * 0.7));
  let x = seed >>> 0 || 0x9e3779b9;
  for (let i = start; i < end && i < len; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
