import type { Command } from 'commander';
import { SaringError } from '../../errors/errors.js';
import type { HashMediaOptions, MediaHashes } from '../../signals/hash/media.js';
import { action } from '../support.js';

/** Options shared by `saring hash` and `saring compare`. */
export interface MediaCliOptions {
  secondsPerHash?: string;
  timeout?: string;
  maxDuration?: string;
  letterbox?: boolean;
  allowPartial?: boolean;
}

function positiveNumber(value: string | undefined, flag: string, allowZero: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    throw new SaringError('validation_failed', `${flag} must be a number ${allowZero ? '≥ 0' : '> 0'}, got ${JSON.stringify(value)}.`);
  }
  return n;
}

/** The hashMedia options given on the command line. */
export function mediaOptions(options: MediaCliOptions): HashMediaOptions {
  const secondsPerHash = positiveNumber(options.secondsPerHash, '--seconds-per-hash', true);
  const timeout = positiveNumber(options.timeout, '--timeout', false);
  const maxDuration = positiveNumber(options.maxDuration, '--max-duration', false);
  const out: HashMediaOptions = { letterbox: options.letterbox !== false, limits: {} };
  if (secondsPerHash !== undefined) out.secondsPerHash = secondsPerHash;
  if (options.allowPartial) out.allowPartial = true;
  if (timeout !== undefined) out.limits!.timeoutMs = Math.round(timeout * 1000);
  if (maxDuration !== undefined) out.limits!.maxDurationSeconds = maxDuration;
  return out;
}

/** Adds the options shared by `hash` and `compare`. */
export function withMediaOptions(cmd: Command): Command {
  return cmd
    .option('--seconds-per-hash <s>', 'video: seconds between hashed frames (0 = every frame)', '1')
    .option('--no-letterbox', 'do not look for letterbox / pillarbox bars (no cropped hash)')
    .option('--timeout <seconds>', 'give up after this many seconds (default: 30 for an image, 300 for a video)')
    .option('--max-duration <seconds>', 'video: refuse videos declared longer than this (default 3600)')
    .option('--allow-partial', 'video: hash what decodes of a truncated or damaged video instead of refusing it');
}

/** Timestamps in seconds with Meta's precision (3 decimals), without float noise. */
function seconds(t: number): number {
  return Number(t.toFixed(3));
}

/** The JSON printed by `saring hash --json`. */
export function hashJson(h: MediaHashes, withDihedral: boolean): Record<string, unknown> {
  if (h.kind === 'image') {
    const out: Record<string, unknown> = { kind: 'image', pdq: h.pdq, md5: h.md5, sha256: h.sha256 };
    if (h.width !== undefined) out['width'] = h.width;
    if (h.height !== undefined) out['height'] = h.height;
    if (h.cropped) {
      const { dihedral, ...cropped } = h.cropped;
      out['cropped'] = withDihedral && dihedral ? { ...cropped, dihedral } : cropped;
    }
    if (withDihedral && h.dihedral) out['dihedral'] = h.dihedral;
    return out;
  }
  return {
    kind: 'video',
    vpdq: h.vpdq.map((f) => ({ ...f, timestamp: seconds(f.timestamp) })),
    md5: h.md5,
    sha256: h.sha256,
    info: h.info,
  };
}

function human(path: string, h: MediaHashes): string {
  if (h.kind === 'image') {
    const lines = [`image  ${path}${h.width !== undefined ? `  (${h.width}×${h.height})` : ''}`];
    lines.push(`  pdq      ${h.pdq.hash}  quality ${h.pdq.quality}${h.pdq.quality < 50 ? ' (too low to match on)' : ''}`);
    if (h.cropped) {
      const r = h.cropped.rect;
      lines.push(`  cropped  ${h.cropped.hash}  quality ${h.cropped.quality}  (inside bars: ${r.width}×${r.height} at ${r.x},${r.y})`);
    }
    if (h.dihedral) for (const [name, hash] of Object.entries(h.dihedral)) lines.push(`  ${name.padEnd(11)} ${hash}`);
    lines.push(`  md5      ${h.md5}`, `  sha256   ${h.sha256}`);
    return lines.join('\n');
  }
  const i = h.info;
  const good = h.vpdq.filter((f) => f.quality >= 50).length;
  const lines = [
    `video  ${path}  (${i.durationSeconds !== undefined ? `${i.durationSeconds.toFixed(1)} s, ` : ''}${i.width}×${i.height}, ${Number(i.fps.toFixed(3))} fps, ${i.codec})`,
    `  vpdq     ${h.vpdq.length} frames hashed (${i.secondsPerHash === 0 ? 'every frame' : `one every ${i.secondsPerHash} s`}), ${good} of quality ≥ 50`,
    `  md5      ${h.md5}`,
    `  sha256   ${h.sha256}`,
  ];
  for (const f of h.vpdq) {
    lines.push(`  ${String(f.frame).padStart(6)}  ${f.timestamp.toFixed(3).padStart(9)} s  q${String(f.quality).padEnd(3)}  ${f.hash}${f.cropped ? `  cropped ${f.cropped.hash}` : ''}`);
  }
  return lines.join('\n');
}

export function registerHash(program: Command): void {
  withMediaOptions(program.command('hash'))
    .description('hash an image (PDQ) or a video (vPDQ), with MD5 and SHA-256; needs no database')
    .argument('<path>', 'the image or video file')
    .option('--json', 'print one JSON object')
    .option('--format <format>', 'text, json, or vpdq (a video as Meta\'s vPDQ hash file: frame,quality,hash,timestamp)')
    .option('--dihedral', 'image: also print the eight rotated / mirrored hashes')
    .action(
      action(async (path: string, options: MediaCliOptions & { json?: boolean; format?: string; dihedral?: boolean }) => {
        const format = options.format ?? (options.json ? 'json' : 'text');
        if (!['text', 'json', 'vpdq'].includes(format)) {
          throw new SaringError('validation_failed', `--format must be text, json or vpdq, got ${JSON.stringify(format)}.`);
        }
        const opts = mediaOptions(options);
        if (options.dihedral) opts.dihedral = true;
        const { hashMedia } = await import('../../signals/hash/media.js'); // loaded on use: the CLI starts without it
        const h = await hashMedia({ path }, opts);
        if (format === 'vpdq') {
          if (h.kind !== 'video') throw new SaringError('validation_failed', `--format vpdq is for videos; ${path} is an image.`);
          const { formatVpdqFile } = await import('../../signals/hash/vpdq.js');
          process.stdout.write(formatVpdqFile(h.vpdq));
          return;
        }
        process.stdout.write(format === 'json' ? `${JSON.stringify(hashJson(h, options.dihedral === true))}\n` : `${human(path, h)}\n`);
      }),
    );
}
