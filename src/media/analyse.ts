/**
 * The media pipeline: one image or video in, {@link MediaFindings} and hashes out.
 *
 * A video is decoded once. The vPDQ pass (one frame per second, the bank hashes) hands each
 * sampled frame over; a frame whose PDQ hash is within `duplicateDistance` of the last analysed
 * frame is skipped, the others are scaled down and go to the nudity classifier and OCR while
 * decoding goes on. A second, cheap pass decodes keyframes only, to catch scene cuts between
 * samples. The audio track goes through voice-activity detection and, when a recogniser is
 * configured, speech-to-text. Each step has its own time limit; a step that fails or runs out of
 * time is recorded and the others' results are kept. An AbortSignal cancels the whole analysis.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { MediaConfig } from '../config/config.js';
import { SaringError } from '../errors/errors.js';
import { failedStep, type FrameNudity, type MediaFindings, type MediaStep, type ScreenText, type StepName } from '../scan/media-findings.js';
import { resolveFfmpeg, runBounded } from '../signals/hash/ffmpeg.js';
import { decodeImage } from '../signals/hash/image.js';
import { hashMedia, MEDIA_DEFAULTS, sniffMediaKind, type MediaHashes } from '../signals/hash/media.js';
import { readHead } from '../signals/hash/media-file.js';
import { probeVideo, videoInput } from '../signals/hash/vpdq.js';
import { hammingDistance, lumaFromPixels, pdqFromLuma } from '../signals/hash/pdq-core.js';
import type { NudityScores } from '../signals/image/nudity.js';
import type { OcrLine } from '../signals/ocr/ocr.js';
import { extractAudio } from '../signals/speech/audio.js';
import { transcribeSpeech } from '../signals/speech/asr.js';
import { detectSpeech } from '../signals/speech/vad.js';
import type { MediaEngines } from './engines.js';

export const ANALYSIS_DEFAULTS = {
  /** Frames are scaled so that their longer side is at most this before OCR and the classifier. */
  frameSide: 640,
  /** PDQ distance under which a sampled frame counts as a repeat of the last analysed one. */
  duplicateDistance: 16,
  /** Keyframes closer than this to a sampled frame add nothing. */
  keyframeGapSeconds: 0.5,
  maxKeyframes: 60,
  /** Frames in flight between decoding and the models (bounds memory). */
  inFlight: 4,
  thumbnailWidth: 240,
  stepTimeoutMs: 300_000,
  maxSeconds: 600,
  maxBytes: 200 * 1024 * 1024,
} as const;

export interface AnalyseOptions {
  /** Position of the item in the content's media. Default 0. */
  media?: number;
  /** Thumbnails of the analysed frames (and blurred copies) go to `<dir>/<sha256>/`; none when absent. */
  thumbnailDir?: string;
  steps?: { nudity?: boolean; ocr?: boolean; speech?: boolean };
  stepTimeoutMs?: number;
  maxSeconds?: number;
  maxBytes?: number;
  duplicateDistance?: number;
  keyframes?: boolean;
  signal?: AbortSignal;
}

/** The analysis limits from the configuration (and where thumbnails go, if anywhere). */
export function analyseOptions(media: MediaConfig, thumbnailDir?: string): Omit<AnalyseOptions, 'media' | 'signal'> {
  return {
    ...(thumbnailDir ? { thumbnailDir } : {}),
    stepTimeoutMs: media.stepTimeoutSeconds * 1000,
    maxSeconds: media.maxSeconds,
    maxBytes: media.maxBytes,
  };
}

export interface MediaAnalysis {
  findings: MediaFindings;
  /** The bank hashes (PDQ or vPDQ, MD5, SHA-256). Media that cannot be hashed fails the analysis. */
  hashes: MediaHashes;
}

interface Frame {
  timestamp: number;
  /** RGB, at most `frameSide` on the longer side. */
  rgb: Buffer;
  width: number;
  height: number;
  /** Scale from these pixels back to the original picture. */
  scale: number;
  pdq: string;
  keyframe: boolean;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const label = (t: number) => `t${t.toFixed(2).padStart(7, '0')}`;

class StepClock {
  readonly steps: MediaStep[] = [];
  record(step: StepName, started: number, outcome: { status: MediaStep['status']; reason?: string; code?: string }, ended = performance.now()): void {
    const s: MediaStep = { step, status: outcome.status, ms: Math.round(ended - started) };
    if (outcome.reason) s.reason = outcome.reason;
    if (outcome.code) s.code = outcome.code;
    this.steps.push(s);
  }
  failure(step: StepName, started: number, err: unknown, signal?: AbortSignal): void {
    if (signal?.aborted) return this.record(step, started, { status: 'cancelled', reason: 'the analysis was cancelled' });
    this.steps.push(failedStep(step, err, Math.round(performance.now() - started)));
  }
}

/** Rejects with `media_timeout` when `promise` takes longer than `ms`; `onTimeout` stops the work. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new SaringError('media_timeout', `${what} took longer than ${Math.round(ms / 1000)} s.`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A step's own controller, aborted by the analysis' signal or by the step's time limit. */
function stepSignal(parent: AbortSignal | undefined): AbortController {
  const c = new AbortController();
  if (parent?.aborted) c.abort(parent.reason);
  else parent?.addEventListener('abort', () => c.abort(parent.reason), { once: true });
  return c;
}

function cancelled(): SaringError {
  return new SaringError('cancelled', 'The media analysis was cancelled.');
}

async function scaleFrame(data: Buffer, width: number, height: number, channels: 1 | 3, side: number): Promise<{ rgb: Buffer; width: number; height: number; scale: number }> {
  const scale = Math.max(1, Math.max(width, height) / side);
  const { data: rgb, info } = await sharp(data, { raw: { width, height, channels } })
    .resize({ width: Math.max(1, Math.round(width / scale)), height: Math.max(1, Math.round(height / scale)), fit: 'fill' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { rgb, width: info.width, height: info.height, scale: width / info.width };
}

function pdqOfRgb(rgb: Buffer, width: number, height: number): string {
  const luma = new Float32Array(width * height);
  lumaFromPixels(rgb, width, height, 3, luma);
  return pdqFromLuma(luma, width, height).hash;
}

/**
 * Identical lines on consecutive analysed frames are one entry, seen from its first to its last
 * frame. Lines compare with case, spaces and punctuation ignored (OCR drops and adds spaces).
 */
export function mergeScreenText(frames: { timestamp: number; until?: number; lines: OcrLine[]; thumbnail?: string }[], gapSeconds = 2.5): ScreenText[] {
  const key = (t: string) => t.toLocaleLowerCase('id').replace(/[^\p{L}\p{N}]/gu, '');
  const open = new Map<string, ScreenText>();
  const out: ScreenText[] = [];
  for (const f of [...frames].sort((a, b) => a.timestamp - b.timestamp)) {
    for (const line of f.lines) {
      const k = key(line.text);
      if (!k) continue;
      const prev = open.get(k);
      const until = Math.max(f.timestamp, f.until ?? f.timestamp);
      if (prev && f.timestamp - prev.until <= gapSeconds) {
        prev.until = Math.max(prev.until, until);
        if (line.confidence > prev.confidence) {
          prev.text = line.text;
          prev.confidence = round(line.confidence, 3);
          prev.box = line.box;
        }
        continue;
      }
      const entry: ScreenText = { text: line.text, timestamp: f.timestamp, until, box: line.box, confidence: round(line.confidence, 3) };
      if (f.thumbnail) entry.thumbnail = f.thumbnail;
      open.set(k, entry);
      out.push(entry);
    }
  }
  return out.sort((a, b) => a.timestamp - b.timestamp);
}

/** Keyframes (scene cuts) as small RGB frames with their times, decoding only keyframes. */
async function keyframes(path: string, side: number, max: number, timeoutMs: number, signal: AbortSignal): Promise<Omit<Frame, 'pdq'>[]> {
  const bin = await resolveFfmpeg();
  const info = await probeVideo(path, { timeoutMs });
  // Every keyframe at one size (the longer side at most `side`), so frames can be cut from the byte stream.
  const fit = Math.min(1, side / Math.max(info.width, info.height));
  const width = Math.max(2, Math.round((info.width * fit) / 2) * 2);
  const height = Math.max(2, Math.round((info.height * fit) / 2) * 2);
  const vf = `scale=${width}:${height},showinfo`;
  const frameBytes = width * height * 3;
  const run = runBounded(
    bin.path,
    ['-hide_banner', '-nostdin', '-skip_frame', 'nokey', ...videoInput(path), '-map', '0:v:0', '-an', '-sn', '-dn', '-vf', vf,
      ...(bin.hasFpsMode ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough']), '-frames:v', String(max), '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    { timeoutMs, maxStdout: frameBytes * max, maxStderr: 512 * 1024 },
  );
  const r = await Promise.race([
    run,
    new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(cancelled()), { once: true })),
  ]);
  if (r.timedOut) throw new SaringError('media_timeout', 'Decoding keyframes took too long.');
  const times = [...r.stderr.matchAll(/pts_time:\s*([\d.]+)/g)].map((m) => Number(m[1]));
  const out: Omit<Frame, 'pdq'>[] = [];
  for (let i = 0; i < times.length && (i + 1) * frameBytes <= r.stdout.length; i++) {
    const t = round(times[i]!);
    out.push({ timestamp: t, rgb: Buffer.from(r.stdout.subarray(i * frameBytes, (i + 1) * frameBytes)), width, height, scale: info.width / width, keyframe: true });
  }
  return out;
}

/**
 * Analyses one image or video file. Never throws for a failed step (see `findings.steps`); throws
 * only for `cancelled`, and for media that cannot be read at all (the `hash` step: corrupt,
 * truncated, too large, unsupported), since nothing else can run then.
 */
export async function analyseMedia(path: string, engines: MediaEngines, options: AnalyseOptions = {}): Promise<MediaAnalysis> {
  const clock = new StepClock();
  const signal = options.signal;
  const stepMs = options.stepTimeoutMs ?? ANALYSIS_DEFAULTS.stepTimeoutMs;
  const maxSeconds = options.maxSeconds ?? ANALYSIS_DEFAULTS.maxSeconds;
  const want = { nudity: options.steps?.nudity !== false, ocr: options.steps?.ocr !== false, speech: options.steps?.speech !== false };
  const dupDistance = options.duplicateDistance ?? ANALYSIS_DEFAULTS.duplicateDistance;
  const side = ANALYSIS_DEFAULTS.frameSide;
  if (signal?.aborted) throw cancelled();
  // What the bytes are decides the steps; anything but an image or video is refused before a model loads.
  const kind = sniffMediaKind(await readHead(path, MEDIA_DEFAULTS.sniffBytes));

  // Models load while decoding starts; a model that cannot load fails its step only.
  const nudityEngine = want.nudity ? engines.nudity() : undefined;
  const ocrEngine = want.ocr ? engines.ocr() : undefined;
  nudityEngine?.catch(() => undefined);
  ocrEngine?.catch(() => undefined);

  const nudityFrames: FrameNudity[] = [];
  const ocrFrames: { timestamp: number; until: number; lines: OcrLine[]; thumbnail?: string }[] = [];
  /**
   * Time during which each model step had a frame in progress (the union of the calls' spans:
   * frames queue for a model, so summing per-frame times would count the waits).
   */
  const busy = { nudity: 0, ocr: 0 };
  const running = { nudity: 0, ocr: 0 };
  const since = { nudity: 0, ocr: 0 };
  const begin = (step: 'nudity' | 'ocr'): void => {
    if (running[step]++ === 0) since[step] = performance.now();
  };
  const end = (step: 'nudity' | 'ocr'): void => {
    if (--running[step] === 0) busy[step] += performance.now() - since[step];
  };
  const errors: { nudity?: unknown; ocr?: unknown; thumbnails?: unknown } = {};
  const startedAt = performance.now();
  const deadline = startedAt + stepMs;
  /** Encoded thumbnails (small JPEGs), written once the media's SHA-256 names their folder. */
  const thumbs: { name: string; jpeg: Buffer; blurred: Buffer }[] = [];
  let analysed = 0;
  let keyframeCount = 0;
  let duplicates = 0;
  /** The sampled frames in time order, with the time until which each one's picture lasted. */
  const shown: { timestamp: number; until: number; pdq: string }[] = [];
  const inFlight = new Set<Promise<void>>();

  const analyseFrame = async (frame: Frame, rec: { timestamp: number; until: number }): Promise<void> => {
    analysed++;
    const name = label(frame.timestamp);
    const thumbnail = options.thumbnailDir ? `${name}.jpg` : undefined;
    const jobs: Promise<void>[] = [];
    if (options.thumbnailDir) {
      jobs.push(
        (async () => {
          // Scaled once, then encoded twice (the same bytes as two scalings, in about half the time).
          const small = await sharp(frame.rgb, { raw: { width: frame.width, height: frame.height, channels: 3 } })
            .resize({ width: ANALYSIS_DEFAULTS.thumbnailWidth })
            .raw()
            .toBuffer({ resolveWithObject: true });
          const img = sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: 3 } });
          const [jpeg, blurred] = await Promise.all([img.clone().jpeg({ quality: 70 }).toBuffer(), img.clone().blur(12).jpeg({ quality: 60 }).toBuffer()]);
          thumbs.push({ name, jpeg, blurred });
        })().catch((e: unknown) => void (errors.thumbnails ??= e)),
      );
    }
    if (nudityEngine && errors.nudity === undefined) {
      jobs.push(
        (async () => {
          const n = await nudityEngine;
          const size = n.inputSize;
          const input = await sharp(frame.rgb, { raw: { width: frame.width, height: frame.height, channels: 3 } }).resize(size, size, { fit: 'fill' }).raw().toBuffer();
          if (performance.now() > deadline) throw new SaringError('media_timeout', `The nudity classifier took longer than ${Math.round(stepMs / 1000)} s.`);
          begin('nudity');
          let scores: NudityScores;
          try {
            scores = await n.classify(input);
          } finally {
            end('nudity');
          }
          nudityFrames.push({ timestamp: frame.timestamp, scores: { ...scores }, ...(thumbnail ? { thumbnail } : {}) });
        })().catch((e: unknown) => void (errors.nudity ??= e)),
      );
    }
    if (ocrEngine && errors.ocr === undefined) {
      jobs.push(
        (async () => {
          const o = await ocrEngine;
          if (performance.now() > deadline) throw new SaringError('media_timeout', `OCR took longer than ${Math.round(stepMs / 1000)} s.`);
          begin('ocr');
          let lines: OcrLine[];
          try {
            lines = await o.recognise({ data: frame.rgb, width: frame.width, height: frame.height, channels: 3 });
          } finally {
            end('ocr');
          }
          const s = frame.scale;
          ocrFrames.push({
            get timestamp() {
              return rec.timestamp;
            },
            get until() {
              return rec.until;
            },
            lines: lines.map((l) => ({ ...l, box: { x: Math.round(l.box.x * s), y: Math.round(l.box.y * s), width: Math.round(l.box.width * s), height: Math.round(l.box.height * s) } })),
            ...(thumbnail ? { thumbnail } : {}),
          });
        })().catch((e: unknown) => void (errors.ocr ??= e)),
      );
    }
    await Promise.all(jobs);
  };

  /** Queues a frame for the models; resolves when there is room for the next one (backpressure). */
  const submit = async (frame: Frame): Promise<void> => {
    if (signal?.aborted) throw cancelled();
    // A sampled frame is compared with the frame before it; a keyframe with the sampled frame shown at its time.
    const before = frame.keyframe ? shown.filter((x) => x.timestamp <= frame.timestamp).at(-1) : shown.at(-1);
    if (before && hammingDistance(before.pdq, frame.pdq) <= dupDistance) {
      duplicates++;
      if (!frame.keyframe) before.until = frame.timestamp;
      return;
    }
    const rec = { timestamp: frame.timestamp, until: frame.timestamp, pdq: frame.pdq };
    if (!frame.keyframe) shown.push(rec);
    const p = analyseFrame(frame, rec).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= ANALYSIS_DEFAULTS.inFlight) await Promise.race(inFlight);
  };

  // ---- speech (the audio track) runs beside the decoding of frames
  const speech = want.speech && kind === 'video' ? analyseSpeech(path, engines, Math.min(maxSeconds, 3600), stepMs, signal, clock) : undefined;
  speech?.catch(() => undefined);

  // ---- keyframes decode beside the main pass (cheap: only keyframes are decoded)
  const kfStarted = performance.now();
  let kfDecoded: number | undefined;
  const kfCtl = stepSignal(signal);
  const kfPromise =
    kind === 'video' && options.keyframes !== false && (want.nudity || want.ocr)
      ? keyframes(path, side, ANALYSIS_DEFAULTS.maxKeyframes, stepMs, kfCtl.signal).finally(() => (kfDecoded = performance.now()))
      : undefined;
  kfPromise?.catch(() => undefined);

  // ---- hash + sampled frames (one decoding pass)
  let hashes: MediaHashes;
  const sampledTimes: number[] = [];
  const hashStarted = performance.now();
  const hashCtl = stepSignal(signal);
  try {
    hashes = await withTimeout(
      hashMedia(
        { path },
        {
          signal: hashCtl.signal,
          limits: { maxBytes: options.maxBytes ?? ANALYSIS_DEFAULTS.maxBytes, maxDurationSeconds: maxSeconds, timeoutMs: stepMs },
          onFrame: async (f, px) => {
            sampledTimes.push(round(f.timestamp));
            const scaled = await scaleFrame(px.data, px.width, px.height, 3, side);
            await submit({ timestamp: round(f.timestamp), ...scaled, pdq: f.hash, keyframe: false });
          },
        },
      ),
      stepMs,
      'Decoding and hashing the media',
      () => hashCtl.abort(new SaringError('media_timeout', 'Decoding took too long.')),
    );
    clock.record('hash', hashStarted, { status: 'ok' });
  } catch (err) {
    kfCtl.abort();
    await Promise.allSettled([...inFlight, speech, kfPromise]);
    if (signal?.aborted) throw cancelled();
    throw err;
  }

  let width: number | undefined;
  let height: number | undefined;
  let durationSeconds: number | undefined;
  if (hashes.kind === 'image') {
    // ---- an image is one frame
    const framesStarted = performance.now();
    try {
      const img = await decodeImage(path, { autoOrient: true, alpha: 'white', maxBytes: options.maxBytes ?? ANALYSIS_DEFAULTS.maxBytes });
      width = img.width;
      height = img.height;
      const scaled = await scaleFrame(img.data, img.width, img.height, img.channels, side);
      await submit({ timestamp: 0, ...scaled, pdq: hashes.pdq.hash, keyframe: false });
      clock.record('frames', framesStarted, { status: 'ok' });
    } catch (err) {
      clock.failure('frames', framesStarted, err, signal);
    }
  } else {
    width = hashes.info.width;
    height = hashes.info.height;
    durationSeconds = hashes.info.durationSeconds;
    clock.record('frames', hashStarted, { status: 'ok' });
    if (kfPromise) {
      try {
        const gap = ANALYSIS_DEFAULTS.keyframeGapSeconds;
        const kfs = (await kfPromise).filter((k) => !sampledTimes.some((t) => Math.abs(t - k.timestamp) < gap));
        for (const kf of kfs) await submit({ ...kf, pdq: pdqOfRgb(kf.rgb, kf.width, kf.height) });
        keyframeCount = kfs.length;
        clock.record('keyframes', kfStarted, { status: 'ok', ...(kfs.length ? {} : { reason: 'no keyframe between the sampled frames' }) }, kfDecoded);
      } catch (err) {
        clock.failure('keyframes', kfStarted, err, signal);
      }
    }
  }

  await Promise.allSettled(inFlight);
  if (signal?.aborted) throw cancelled();
  const stepOutcome = (step: 'nudity' | 'ocr', err: unknown) => {
    const started = performance.now() - busy[step];
    return err === undefined ? clock.record(step, started, { status: 'ok' }) : clock.failure(step, started, err, signal);
  };
  if (want.nudity) stepOutcome('nudity', errors.nudity);
  if (want.ocr) stepOutcome('ocr', errors.ocr);

  // ---- thumbnails for the review console
  if (options.thumbnailDir && (thumbs.length || errors.thumbnails)) {
    const started = performance.now();
    try {
      if (errors.thumbnails) throw errors.thumbnails;
      const thumbDir = join(options.thumbnailDir, hashes.sha256);
      await mkdir(thumbDir, { recursive: true });
      for (const { name, jpeg, blurred } of thumbs) {
        await writeFile(join(thumbDir, `${name}.jpg`), jpeg);
        await writeFile(join(thumbDir, `${name}.blur.jpg`), blurred);
      }
      clock.record('thumbnails', started, { status: 'ok' });
    } catch (err) {
      clock.failure('thumbnails', started, err, signal);
    }
  }

  const speechResult = speech ? await speech : undefined;
  if (signal?.aborted) throw cancelled();

  const findings: MediaFindings = {
    media: options.media ?? 0,
    kind: hashes.kind,
    sha256: hashes.sha256,
    steps: clock.steps.sort((a, b) => STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step)),
    frames: { sampled: hashes.kind === 'image' ? 1 : sampledTimes.length, keyframes: keyframeCount, analysed, duplicates },
  };
  if (width !== undefined) findings.width = width;
  if (height !== undefined) findings.height = height;
  if (durationSeconds !== undefined) findings.durationSeconds = durationSeconds;
  if (want.ocr) findings.ocr = mergeScreenText(ocrFrames);
  if (want.nudity) {
    const n = await nudityEngine?.catch(() => undefined);
    findings.nudity = { classifier: `nsfwjs/${n?.model ?? 'unavailable'}`, frames: nudityFrames.sort((a, b) => a.timestamp - b.timestamp) };
  }
  if (speechResult) {
    findings.speech = speechResult.speech;
    if (speechResult.transcript) findings.transcript = speechResult.transcript;
  }
  return { findings, hashes };
}

const STEP_ORDER: StepName[] = ['intake', 'hash', 'frames', 'keyframes', 'nudity', 'ocr', 'audio', 'speech', 'transcript', 'thumbnails'];

async function analyseSpeech(
  path: string,
  engines: MediaEngines,
  maxSeconds: number,
  stepMs: number,
  signal: AbortSignal | undefined,
  clock: StepClock,
): Promise<{ speech: NonNullable<MediaFindings['speech']>; transcript?: MediaFindings['transcript'] } | undefined> {
  let started = performance.now();
  let audio;
  try {
    audio = await extractAudio(path, { maxSeconds, timeoutMs: stepMs });
    clock.record('audio', started, audio ? { status: 'ok' } : { status: 'skipped', reason: 'the video has no audio track' });
  } catch (err) {
    clock.failure('audio', started, err, signal);
    return undefined;
  }
  if (!audio || signal?.aborted) return undefined;
  started = performance.now();
  let vad;
  try {
    vad = detectSpeech(audio.samples, 16000);
    clock.record('speech', started, { status: 'ok' });
  } catch (err) {
    clock.failure('speech', started, err, signal);
    return undefined;
  }
  const speech: NonNullable<MediaFindings['speech']> = { detected: vad.speech, segments: vad.segments, speechSeconds: vad.speechSeconds, transcribed: false };
  if (!vad.speech) return { speech };
  started = performance.now();
  let recogniser;
  try {
    recogniser = engines.recogniser();
  } catch (err) {
    clock.failure('transcript', started, err, signal);
    return { speech };
  }
  if (!recogniser) {
    clock.record('transcript', started, { status: 'skipped', reason: 'no speech recognition model is configured (SARING_ASR_MODEL)' });
    return { speech };
  }
  try {
    const segments = await withTimeout(transcribeSpeech(recogniser, audio.samples, vad.segments), stepMs, 'Speech recognition');
    speech.transcribed = true;
    clock.record('transcript', started, { status: 'ok' });
    return { speech, transcript: segments.map((s) => ({ text: s.text, timestamp: s.start, until: s.end })) };
  } catch (err) {
    clock.failure('transcript', started, err, signal);
    return { speech };
  }
}
