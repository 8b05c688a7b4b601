/**
 * The audio track of a media file as 16 kHz mono float32 PCM, decoded by ffmpeg.
 *
 * ffmpeg reads local files only, through a whitelist of audio and video containers (see
 * {@link AUDIO_DEMUXERS}), decodes the first audio stream, downmixes it to mono, resamples it to
 * 16 kHz and writes raw little-endian float32 (`-vn -ac 1 -ar 16000 -f f32le pipe:1`). Input is
 * read for at most `maxSeconds` (`-t` before `-i`), so a long file costs no more than its first
 * `maxSeconds`; the result says whether the limit was reached. A file without an audio stream is
 * not an error: the result is `null`.
 */
import { endianness } from 'node:os';
import { SaringError } from '../../errors/errors.js';
import { fileInput, lastLines, resolveFfmpeg, runBounded } from '../hash/ffmpeg.js';
import { mediaFileSize } from '../hash/media-file.js';
import { invalidMedia, mediaTimeout, unsupportedMedia } from '../hash/media-errors.js';

export const AUDIO_SAMPLE_RATE = 16000;

export const AUDIO_DEFAULTS = {
  /** Decode at most this many seconds from the start. */
  maxSeconds: 3600,
  /** Kill ffmpeg and fail after this long. */
  timeoutMs: 300_000,
} as const;

/** The longest `maxSeconds` accepted: 4 h of 16 kHz float32 is 922 MB of samples. */
export const AUDIO_MAX_SECONDS_LIMIT = 4 * 3600;

export interface ExtractAudioOptions {
  /** Decode at most this many seconds from the start of the file (longer input is cut, not refused). Default 3600. */
  maxSeconds?: number;
  /** Kill ffmpeg and fail with `media_timeout` after this long. Default 300 000 ms. */
  timeoutMs?: number;
}

export interface ExtractedAudio {
  /** Mono samples in [-1, 1] at 16 kHz. */
  samples: Float32Array;
  sampleRate: 16000;
  /** samples.length / 16000. */
  seconds: number;
  /** The audio reached `maxSeconds` and was cut there (the file may be longer). */
  truncated: boolean;
  /** Errors ffmpeg reported while still producing audio (a damaged but partly decodable file). */
  warnings: string[];
}

/**
 * Containers ffmpeg may open: audio files and the video containers of `vpdq.ts`. Anything else
 * (playlists such as HLS or concat, image sequences, lavfi) is refused, so a crafted "media file"
 * cannot make ffmpeg read other local files or the network.
 */
export const AUDIO_DEMUXERS =
  'mov,matroska,webm,avi,flv,mpegts,mpeg,asf,ogg,gif,m4v,h264,hevc,wav,w64,mp3,aac,flac,aiff,amr,caf';

/**
 * Decodes the first audio stream of `path` to 16 kHz mono float32.
 *
 * Returns `null` when the file has no audio stream. Throws a {@link SaringError}: `not_found`
 * (no such file), `invalid_media` (empty, corrupt, not media, or no audio could be decoded),
 * `unsupported_media` (a container outside {@link AUDIO_DEMUXERS}), `media_timeout`,
 * `ffmpeg_unavailable`, `validation_failed` (bad options).
 *
 * @example
 * const audio = await extractAudio('upload.mp4');
 * if (audio) console.log(detectSpeech(audio.samples, 16000).speech);
 */
export async function extractAudio(path: string, options: ExtractAudioOptions = {}): Promise<ExtractedAudio | null> {
  const maxSeconds = options.maxSeconds ?? AUDIO_DEFAULTS.maxSeconds;
  const timeoutMs = options.timeoutMs ?? AUDIO_DEFAULTS.timeoutMs;
  if (!(typeof maxSeconds === 'number' && maxSeconds > 0 && maxSeconds <= AUDIO_MAX_SECONDS_LIMIT)) {
    throw new SaringError('validation_failed', `maxSeconds must be a number in (0, ${AUDIO_MAX_SECONDS_LIMIT}], got ${String(maxSeconds)}.`);
  }
  if (!(typeof timeoutMs === 'number' && timeoutMs > 0 && Number.isFinite(timeoutMs))) {
    throw new SaringError('validation_failed', `timeoutMs must be a positive number, got ${String(timeoutMs)}.`);
  }

  await mediaFileSize(path, 'Media');

  const bin = await resolveFfmpeg();
  const maxSamples = Math.floor(maxSeconds * AUDIO_SAMPLE_RATE);
  const args = [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-t',
    String(maxSeconds),
    ...fileInput(path, AUDIO_DEMUXERS),
    '-map',
    '0:a:0',
    '-vn',
    '-sn',
    '-dn',
    '-ac',
    '1',
    '-ar',
    String(AUDIO_SAMPLE_RATE),
    '-f',
    'f32le',
    'pipe:1',
  ];
  const r = await runBounded(bin.path, args, {
    timeoutMs,
    // One spare second of room: resampler rounding may add a few samples past the limit.
    maxStdout: (maxSamples + AUDIO_SAMPLE_RATE) * 4,
  });
  const lines = lastLines(r.stderr, 20);
  if (r.timedOut) {
    throw mediaTimeout(`Extracting the audio of ${path} took longer than ${timeoutMs} ms; ffmpeg was stopped.`, { timeoutMs });
  }
  if (r.code !== 0) {
    const detail = lines.slice(-2).join(' / ') || `ffmpeg exited with ${r.code ?? r.signal}`;
    if (/matches no streams/i.test(r.stderr)) return null;
    if (/not on whitelist/i.test(r.stderr)) {
      throw unsupportedMedia(`${path} is not in a supported audio or video container (${AUDIO_DEMUXERS}).`, { ffmpeg: lines });
    }
    throw invalidMedia(`The audio of ${path} could not be decoded (${detail}).`, { ffmpeg: lines });
  }

  let bytes = r.stdout;
  if (bytes.length === 0) {
    // An audio stream that yields no sample at all (e.g. a header without packets).
    throw invalidMedia(`No audio could be decoded from ${path}.`, { ffmpeg: lines });
  }
  bytes = bytes.subarray(0, bytes.length - (bytes.length % 4));
  // Float32Array needs 4-byte alignment (small Buffers come from a shared pool at any offset).
  if (bytes.byteOffset % 4 !== 0) bytes = Buffer.from(bytes);
  if (endianness() !== 'LE') bytes.swap32();
  let samples = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  // Within 10 ms of the limit counts as reaching it: the input was cut by `-t`.
  const truncated = samples.length >= maxSamples - AUDIO_SAMPLE_RATE / 100;
  if (samples.length > maxSamples) samples = samples.subarray(0, maxSamples);
  return {
    samples,
    sampleRate: AUDIO_SAMPLE_RATE,
    seconds: samples.length / AUDIO_SAMPLE_RATE,
    truncated,
    warnings: lines,
  };
}
