/**
 * Finding and running ffmpeg, bounded in time and output.
 *
 * The binary is, in order: `$FFMPEG_PATH`; `ffmpeg` on the PATH; the static binary of the
 * `@ffmpeg-installer/ffmpeg` package (made executable if the package manager dropped the bit).
 * Each candidate must answer `-version`; the first that does is cached for the process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SaringError } from '../../errors/errors.js';

export interface FfmpegBinary {
  path: string;
  /** Where it came from. */
  source: 'FFMPEG_PATH' | 'PATH' | '@ffmpeg-installer/ffmpeg';
  /** The first line of `ffmpeg -version`. */
  version: string;
  /** Major version when the version string has one (git builds such as `N-47683-g…` have none). */
  major?: number;
  /** The `-fps_mode` option exists (FFmpeg ≥ 5.1); older builds use `-vsync`. */
  hasFpsMode: boolean;
}

function unavailable(message: string, details?: unknown): SaringError {
  return new SaringError('ffmpeg_unavailable', message, details);
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

export interface RunOptions {
  timeoutMs: number;
  /** Keep at most this many bytes of stdout (the rest is dropped); default 1 MiB. */
  maxStdout?: number;
  /** Keep at most this many characters of stderr (the end is kept); default 64 KiB. */
  maxStderr?: number;
}

/** Spawns `bin args`, collects bounded output, kills the process (SIGKILL) at the timeout. */
export function runBounded(bin: string, args: string[], options: RunOptions): Promise<RunResult> {
  const maxStdout = options.maxStdout ?? 1024 * 1024;
  const maxStderr = options.maxStderr ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      reject(err);
      return;
    }
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (outBytes < maxStdout) {
        out.push(chunk.subarray(0, maxStdout - outBytes));
        outBytes += Math.min(chunk.length, maxStdout - outBytes);
      }
    });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.length > maxStderr * 2) stderr = stderr.slice(-maxStderr);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: stderr.slice(-maxStderr), timedOut });
    });
  });
}

async function probeBinary(path: string, source: FfmpegBinary['source']): Promise<FfmpegBinary | undefined> {
  try {
    const v = await runBounded(path, ['-hide_banner', '-version'], { timeoutMs: 10_000 });
    const first = v.stdout.toString('utf8').split('\n')[0] ?? '';
    if (v.code !== 0 || !/ffmpeg version/i.test(first)) return undefined;
    const m = /ffmpeg version n?(\d+)\.(\d+)/i.exec(first);
    const major = m ? Number(m[1]) : undefined;
    const minor = m ? Number(m[2]) : 0;
    let hasFpsMode: boolean;
    if (major !== undefined) {
      hasFpsMode = major > 5 || (major === 5 && minor >= 1);
    } else {
      // A git build: ask it.
      const h = await runBounded(path, ['-hide_banner', '-h', 'long'], { timeoutMs: 10_000, maxStdout: 4 * 1024 * 1024 });
      hasFpsMode = h.stdout.toString('utf8').includes('-fps_mode');
    }
    const info: FfmpegBinary = { path, source, version: first.trim(), hasFpsMode };
    if (major !== undefined) info.major = major;
    return info;
  } catch {
    return undefined;
  }
}

function installerPath(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const mod = require('@ffmpeg-installer/ffmpeg') as { path?: string };
    return typeof mod.path === 'string' ? mod.path : undefined;
  } catch {
    return undefined;
  }
}

function ensureExecutable(path: string): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    try {
      const mode = statSync(path).mode;
      chmodSync(path, mode | 0o111);
    } catch {
      // Read-only install: probing will fail and report it.
    }
  }
}

let cached: Promise<FfmpegBinary> | undefined;

/** Finds a working ffmpeg (cached). Throws a clear error when there is none. */
export function resolveFfmpeg(): Promise<FfmpegBinary> {
  cached ??= (async () => {
    const tried: string[] = [];
    const env = process.env['FFMPEG_PATH'];
    if (env) {
      const b = await probeBinary(env, 'FFMPEG_PATH');
      if (b) return b;
      // An explicit setting that does not work is an error, not a reason to fall back silently.
      throw unavailable(`FFMPEG_PATH is set to ${env}, which does not run as ffmpeg (\`${env} -version\` failed).`, { tried: [env] });
    }
    const onPath = await probeBinary('ffmpeg', 'PATH');
    if (onPath) return onPath;
    tried.push('ffmpeg (PATH)');
    const pkg = installerPath();
    if (pkg) {
      ensureExecutable(pkg);
      const b = await probeBinary(pkg, '@ffmpeg-installer/ffmpeg');
      if (b) return b;
      tried.push(pkg);
    } else {
      tried.push('@ffmpeg-installer/ffmpeg (not installed for this platform)');
    }
    throw unavailable(
      'No working ffmpeg found: set FFMPEG_PATH, install ffmpeg on the PATH, or install @ffmpeg-installer/ffmpeg.',
      { tried },
    );
  })();
  cached.catch(() => {
    cached = undefined; // try again next time (the binary may be installed later)
  });
  return cached;
}

/** For tests: forget the cached binary. */
export function resetFfmpegCache(): void {
  cached = undefined;
}

/**
 * Input options for every ffmpeg run on a file we are given: local files only, and only the
 * listed containers (`demuxers`). Without them a "video" that is really an HLS or concat playlist
 * could make ffmpeg read other local files or fetch URLs. `extra` goes before `-i`.
 */
export function fileInput(path: string, demuxers: string, extra: string[] = []): string[] {
  return ['-protocol_whitelist', 'file', '-format_whitelist', demuxers, ...extra, '-i', `file:${path}`];
}

/** The last `n` non-empty lines of ffmpeg's stderr, trimmed (for messages and details). */
export function lastLines(text: string, n = 5): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(-n);
}
