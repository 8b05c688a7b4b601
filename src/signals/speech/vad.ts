/**
 * Voice activity detection: where in a 16 kHz mono track someone speaks.
 *
 * The detector is sherpa-onnx's `Vad` (package `sherpa-onnx-node`) running Silero VAD v6, whose
 * ONNX weights ship in `@ricky0123/vad-web` (`dist/silero_vad_v6.onnx`). Why that file:
 * sherpa-onnx 1.13.8 picks the model interface from the graph's inputs and outputs, and accepts
 * exactly two: Silero v4 (`input, sr, h, c` → `output, hn, cn`; vad-web's `silero_vad_legacy.onnx`)
 * and Silero v5 (`input, state, sr` → `output, stateN`, fed 512-sample windows with the previous
 * 64 samples prepended). vad-web's `silero_vad_v5.onnx` and `silero_vad_v6.onnx` both have the v5
 * interface; all three files load and find the same speech in our fixtures (v4 starts segments
 * ~70 ms later). We use v6, the newest Silero release (trained for fewer errors on noisy audio),
 * through sherpa's v5 path, which feeds it exactly as Silero's own wrapper does.
 *
 * sherpa-onnx ends the process (`exit(-1)`) on some bad configurations (a sample rate other than
 * 16 kHz, a v5 window other than 512, an unknown model), so everything it is given here is fixed
 * or checked first. Detectors are cached per option set (options rounded to 0.01) and reset
 * between calls: each one holds an ONNX Runtime session (5–10 MB native) that only a GC finalizer
 * frees, and Node runs those finalizers only once the event loop turns, so creating one per call
 * piles up native memory in a synchronous loop (measured: +6 GB over 1 500 calls). With the cache,
 * 1 500 calls over 3 option sets stay flat (~160 MB RSS). Keep option sets few (configuration,
 * not per-request input): past {@link VAD_CACHE_SIZE} the oldest detector is dropped and a new
 * one built (~0.1 s).
 *
 * Speed: about 300–400 s of audio per second on one core (real-time factor ≈ 0.003).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SaringError } from '../../errors/errors.js';

export interface SpeechSegment {
  /** Seconds from the start of the samples, rounded to 0.01. */
  start: number;
  /** Seconds, rounded to 0.01. */
  end: number;
}

export interface VadResult {
  /** At least one speech segment was found. */
  speech: boolean;
  segments: SpeechSegment[];
  /** The total length of the segments, rounded to 0.01 s. */
  speechSeconds: number;
  /** The length of the samples, rounded to 0.01 s. */
  audioSeconds: number;
}

export interface VadOptions {
  /** Silero speech probability above which a window is speech, in (0, 1), used to 0.01. Default 0.5. */
  threshold?: number;
  /** Shorter bursts are not speech; 0–10 s, used to 0.01 s. Default 0.25 s. */
  minSpeechSeconds?: number;
  /** A segment ends after this much silence; 0–10 s, used to 0.01 s. Default 0.5 s. */
  minSilenceSeconds?: number;
}

export const VAD_DEFAULTS = { threshold: 0.5, minSpeechSeconds: 0.25, minSilenceSeconds: 0.5 } as const;

/** The Silero weights file inside `@ricky0123/vad-web`. */
export const SILERO_VAD_MODEL = '@ricky0123/vad-web/dist/silero_vad_v6.onnx';

const SAMPLE_RATE = 16000;
/** Silero v5/v6 at 16 kHz takes 512-sample windows (sherpa-onnx refuses any other size for them). */
const WINDOW = 512;
/**
 * sherpa-onnx's own limit on one utterance: past it, a segment ends at the next 0.1 s dip below
 * probability 0.9. Its default, set explicitly.
 */
const MAX_SPEECH_SECONDS = 20;
/**
 * Our hard limit on one uninterrupted detection, after which the segment is flushed (and joined
 * to the next one in the result). sherpa-onnx copies the whole current segment after every window,
 * so an unbroken segment costs time quadratic in its length; this keeps it linear.
 */
const FORCE_CUT_SECONDS = 30;
/** Ring buffer of the detector: holds the current segment, so > FORCE_CUT + max minSilence. */
const BUFFER_SECONDS = 60;
const MAX_MIN_SECONDS = 10;

interface SherpaVadSegment {
  start: number;
  samples: Float32Array;
}
interface SherpaVad {
  acceptWaveform(samples: Float32Array): void;
  isEmpty(): boolean;
  isDetected(): boolean;
  pop(): void;
  front(enableExternalBuffer?: boolean): SherpaVadSegment;
  reset(): void;
  flush(): void;
}
interface SherpaVadConfig {
  sileroVad: {
    model: string;
    threshold: number;
    minSilenceDuration: number;
    minSpeechDuration: number;
    windowSize: number;
    maxSpeechDuration: number;
  };
  sampleRate: number;
  numThreads: number;
  provider: string;
  debug: number;
}
interface SherpaModule {
  Vad: new (config: SherpaVadConfig, bufferSizeInSeconds: number) => SherpaVad;
}

const require = createRequire(import.meta.url);

let sherpa: SherpaModule | undefined;
/** Loads sherpa-onnx-node on first use (a platform without its native addon fails here, clearly). */
export function loadSherpa<T = SherpaModule>(): T {
  if (!sherpa) {
    try {
      sherpa = require('sherpa-onnx-node') as SherpaModule;
    } catch (err) {
      throw new SaringError('internal', `sherpa-onnx-node cannot be loaded on this platform: ${(err as Error).message}`);
    }
  }
  return sherpa as unknown as T;
}

let modelPath: string | undefined;
function sileroModelPath(): string {
  if (!modelPath) {
    let p: string;
    try {
      p = require.resolve(SILERO_VAD_MODEL);
    } catch (err) {
      throw new SaringError('internal', `The Silero VAD weights (${SILERO_VAD_MODEL}) are not installed: ${(err as Error).message}`);
    }
    // sherpa-onnx does not fail on a missing model: it logs and then ignores every call.
    if (!existsSync(p)) throw new SaringError('internal', `The Silero VAD weights are missing: ${p}`);
    modelPath = p;
  }
  return modelPath;
}

/** Detectors by option set, most recently used last. */
const cache = new Map<string, SherpaVad>();
/** How many option sets keep a detector. */
export const VAD_CACHE_SIZE = 16;
let created = 0;

function detectorFor(threshold: number, minSpeech: number, minSilence: number): SherpaVad {
  const key = `${threshold}|${minSpeech}|${minSilence}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const { Vad } = loadSherpa();
  const vad = new Vad(
    {
      sileroVad: {
        model: sileroModelPath(),
        threshold,
        minSilenceDuration: minSilence,
        minSpeechDuration: minSpeech,
        windowSize: WINDOW,
        maxSpeechDuration: MAX_SPEECH_SECONDS,
      },
      sampleRate: SAMPLE_RATE,
      numThreads: 1,
      provider: 'cpu',
      debug: 0,
    },
    BUFFER_SECONDS,
  );
  created++;
  cache.set(key, vad);
  if (cache.size > VAD_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return vad;
}

/** Drops the cached detectors (their native memory is freed when they are collected). */
export function clearVadCache(): void {
  cache.clear();
}

/** Detectors cached now, and built since the process started. */
export function vadStats(): { cached: number; created: number } {
  return { cached: cache.size, created };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function checkNumber(name: string, v: number, lo: number, hi: number, open: boolean): void {
  const ok = typeof v === 'number' && Number.isFinite(v) && (open ? v > lo && v < hi : v >= lo && v <= hi);
  if (!ok) {
    throw new SaringError('validation_failed', `${name} must be a number in ${open ? '(' : '['}${lo}, ${hi}${open ? ')' : ']'}, got ${String(v)}.`);
  }
}

/**
 * Finds the speech in 16 kHz mono samples. Synchronous (the model runs at ~0.003 real time).
 *
 * Segment starts include sherpa-onnx's look-back (two windows plus `minSpeechSeconds`, about
 * 0.3 s, before the window where speech was confirmed); a segment ends where the silence that
 * closed it began, i.e. close to where the speech stops.
 *
 * @example
 * const audio = await extractAudio('upload.mp4');
 * const vad = audio ? detectSpeech(audio.samples, 16000) : undefined;
 */
export function detectSpeech(samples: Float32Array, sampleRate: 16000, options: VadOptions = {}): VadResult {
  if (sampleRate !== SAMPLE_RATE) {
    throw new SaringError('validation_failed', `detectSpeech needs 16 kHz samples, got ${String(sampleRate)} Hz.`);
  }
  if (!(samples instanceof Float32Array)) {
    throw new SaringError('validation_failed', 'detectSpeech needs a Float32Array of samples.');
  }
  const threshold = options.threshold ?? VAD_DEFAULTS.threshold;
  const minSpeech = options.minSpeechSeconds ?? VAD_DEFAULTS.minSpeechSeconds;
  const minSilence = options.minSilenceSeconds ?? VAD_DEFAULTS.minSilenceSeconds;
  checkNumber('threshold', threshold, 0, 1, true);
  checkNumber('minSpeechSeconds', minSpeech, 0, MAX_MIN_SECONDS, false);
  checkNumber('minSilenceSeconds', minSilence, 0, MAX_MIN_SECONDS, false);

  const total = samples.length;
  const audioSeconds = round2(total / SAMPLE_RATE);
  if (total === 0) return { speech: false, segments: [], speechSeconds: 0, audioSeconds };

  const vad = detectorFor(Math.min(0.99, Math.max(0.01, round2(threshold))), round2(minSpeech), round2(minSilence));
  /** [startSample, endSample, continuesPrevious] */
  const raw: Array<[number, number, boolean]> = [];
  let forcedCut = false;
  const drain = (): void => {
    while (!vad.isEmpty()) {
      // front(false) copies the samples into a JS buffer (no native buffer tied to a finalizer).
      const seg = vad.front(false);
      raw.push([seg.start, seg.start + seg.samples.length, forcedCut]);
      forcedCut = false;
      vad.pop();
    }
  };
  const forceCutWindows = Math.ceil((FORCE_CUT_SECONDS * SAMPLE_RATE) / WINDOW);
  let detectedWindows = 0;
  vad.reset();
  try {
    for (let i = 0; i < total; i += WINDOW) {
      vad.acceptWaveform(samples.subarray(i, Math.min(i + WINDOW, total)));
      drain();
      if (vad.isDetected()) {
        if (++detectedWindows >= forceCutWindows) {
          vad.flush();
          drain();
          forcedCut = true; // the next segment continues this one
          detectedWindows = 0;
        }
      } else {
        detectedWindows = 0;
        forcedCut = false;
      }
    }
    vad.flush();
    drain();
  } finally {
    vad.reset();
  }

  const segments: SpeechSegment[] = [];
  let speechSamples = 0;
  let prev: [number, number] | undefined;
  const merged: Array<[number, number]> = [];
  for (const [s0, e0, continues] of raw) {
    const s = Math.max(0, Math.min(s0, total));
    const e = Math.max(s, Math.min(e0, total));
    if (continues && prev && s <= prev[1] + WINDOW) {
      prev[1] = Math.max(prev[1], e);
    } else {
      prev = [s, e];
      merged.push(prev);
    }
  }
  for (const [s, e] of merged) {
    if (e <= s) continue;
    speechSamples += e - s;
    segments.push({ start: round2(s / SAMPLE_RATE), end: round2(e / SAMPLE_RATE) });
  }
  return { speech: segments.length > 0, segments, speechSeconds: round2(speechSamples / SAMPLE_RATE), audioSeconds };
}
