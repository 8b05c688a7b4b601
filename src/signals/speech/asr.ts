/**
 * Speech-to-text through a sherpa-onnx model folder that the operator configures.
 *
 * No Indonesian speech-recognition weights can ship in npm, so Saring never pretends to
 * transcribe: without a configured model folder there is no recogniser, and callers report
 * speech (see `vad.ts`) without a transcript.
 *
 * {@link loadRecogniser} recognises a sherpa-onnx *offline* model folder by its files, then
 * confirms the kind from the ONNX metadata (`model_type`) that sherpa-onnx's export scripts write
 * and that sherpa-onnx itself dispatches on:
 *
 * | kind | files | `model_type` |
 * | --- | --- | --- |
 * | Whisper | `*encoder*.onnx`, `*decoder*.onnx`, `*tokens.txt` | `whisper-…` (on the encoder) |
 * | transducer | `*encoder*.onnx`, `*decoder*.onnx`, `*joiner*.onnx`, `tokens.txt` | `zipformer`, `zipformer2`, `conformer`, NeMo `EncDecRNNTBPEModel` / `EncDecHybridRNNTCTCBPEModel` |
 * | Paraformer | `model.onnx`, `tokens.txt` | `paraformer` |
 * | SenseVoice | `model.onnx`, `tokens.txt` | `sense_voice_ctc` |
 * | CTC | `model.onnx`, `tokens.txt` | NeMo `EncDecCTCModelBPE` / `EncDecCTCModel` / `EncDecHybridRNNTCTCBPEModel`, `zipformer2_ctc`, `wenet_ctc` |
 *
 * `*.int8.onnx` is preferred when both an int8 and a float file exist. Checking before handing the
 * files over matters: sherpa-onnx ends the whole process (`exit(-1)`) on a model whose metadata
 * does not fit the configured kind, and on a Whisper language the model does not know.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { SaringError } from '../../errors/errors.js';
import { loadSherpa, type SpeechSegment } from './vad.js';

export interface TranscriptSegment {
  /** Seconds. */
  start: number;
  end: number;
  text: string;
}

export interface Recogniser {
  /** What transcribes, e.g. 'whisper-small (sherpa-onnx)'. */
  readonly name: string;
  /** The longest segment `transcribe` accepts, in seconds, when the model has such a limit (Whisper: 29). */
  readonly maxSegmentSeconds?: number;
  /** Transcribes `samples[segment.start … segment.end]` (16 kHz mono). */
  transcribe(samples: Float32Array, sampleRate: 16000, segment: SpeechSegment): Promise<TranscriptSegment>;
  /** Stops further use; the native model is freed when the object is collected. */
  close?(): void;
}

export interface AsrModelOptions {
  /** The model folder (the files directly inside it; subfolders are not searched). */
  dir: string;
  /**
   * Language code for models that take one: Whisper (`'auto'` detects it per segment) and
   * SenseVoice (`'auto'`, or a language the model knows). Other models have theirs built in.
   * Default 'id'.
   */
  language?: string;
  /** ONNX Runtime threads. Default: min(4, available cores). */
  threads?: number;
}

export type RecogniserKind = 'whisper' | 'transducer' | 'paraformer' | 'sense_voice' | 'nemo_ctc' | 'zipformer_ctc' | 'wenet_ctc';

/** The layouts {@link loadRecogniser} knows, as told in errors. */
export const EXPECTED_LAYOUTS = [
  'Whisper: *encoder*.onnx, *decoder*.onnx, *tokens.txt (e.g. small-encoder.int8.onnx, small-decoder.int8.onnx, small-tokens.txt)',
  'transducer: *encoder*.onnx, *decoder*.onnx, *joiner*.onnx, tokens.txt',
  'Paraformer, SenseVoice or CTC (NeMo, zipformer, WeNet): model.onnx or model.int8.onnx, tokens.txt',
] as const;

const WHISPER_MAX_SECONDS = 29;
const TRANSDUCER_TYPES = new Set(['zipformer', 'zipformer2', 'conformer', 'EncDecRNNTBPEModel', 'EncDecHybridRNNTCTCBPEModel']);
const SINGLE_MODEL_TYPES: Record<string, RecogniserKind> = {
  paraformer: 'paraformer',
  sense_voice_ctc: 'sense_voice',
  EncDecCTCModelBPE: 'nemo_ctc',
  EncDecCTCModel: 'nemo_ctc',
  EncDecHybridRNNTCTCBPEModel: 'nemo_ctc',
  zipformer2_ctc: 'zipformer_ctc',
  wenet_ctc: 'wenet_ctc',
};

function invalid(message: string, details?: Record<string, unknown>): SaringError {
  return new SaringError('validation_failed', message, details);
}

// ---------------------------------------------------------------- ONNX metadata

/** The largest metadata block read (SenseVoice's, with its CMVN vectors, is a few KB). */
const MAX_METADATA_BYTES = 16 * 1024 * 1024;

/**
 * The `metadata_props` of an ONNX model (ModelProto field 14), read without loading the graph:
 * the top-level protobuf fields are walked and the large ones (the graph) skipped by length, so
 * this costs a few small reads even for a 1 GB model. Throws `validation_failed` when the file is
 * not a complete ONNX model (not protobuf, truncated, or without a graph).
 */
export function readOnnxMetadata(path: string): Record<string, string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw invalid(`Cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    const size = fstatSync(fd).size;
    const small = Buffer.alloc(10);
    let pos = 0;
    const notOnnx = (why: string): SaringError => invalid(`${path} is not a complete ONNX model (${why}).`, { file: path });
    const varint = (): number => {
      const n = readSync(fd, small, 0, 10, pos);
      let v = 0;
      let mul = 1;
      for (let i = 0; i < n; i++) {
        const b = small[i]!;
        v += (b & 0x7f) * mul;
        mul *= 128;
        if ((b & 0x80) === 0) {
          pos += i + 1;
          return v;
        }
      }
      throw notOnnx(`bad varint at byte ${pos}`);
    };
    const meta: Record<string, string> = {};
    let sawGraph = false;
    while (pos < size) {
      const tag = varint();
      const field = Math.floor(tag / 8);
      const wire = tag % 8;
      if (field === 0) throw notOnnx(`field 0 at byte ${pos}`);
      if (wire === 0) {
        varint();
      } else if (wire === 1) {
        pos += 8;
      } else if (wire === 5) {
        pos += 4;
      } else if (wire === 2) {
        const len = varint();
        if (pos + len > size) throw notOnnx(`field ${field} runs past the end of the file: truncated?`);
        if (field === 7) sawGraph = true;
        if (field === 14) {
          if (len > MAX_METADATA_BYTES) throw notOnnx(`a metadata entry of ${len} bytes`);
          const buf = Buffer.alloc(len);
          readSync(fd, buf, 0, len, pos);
          const entry = parseStringPair(buf);
          if (!entry) throw notOnnx(`bad metadata entry at byte ${pos}`);
          meta[entry[0]] = entry[1];
        }
        pos += len;
      } else {
        throw notOnnx(`wire type ${wire} at byte ${pos}`);
      }
    }
    if (pos !== size) throw notOnnx('the last field runs past the end of the file: truncated?');
    if (!sawGraph) throw notOnnx('no graph');
    return meta;
  } finally {
    closeSync(fd);
  }
}

/** StringStringEntryProto: key = 1, value = 2. */
function parseStringPair(buf: Buffer): [string, string] | undefined {
  let pos = 0;
  let key = '';
  let value = '';
  const varint = (): number | undefined => {
    let v = 0;
    let mul = 1;
    while (pos < buf.length) {
      const b = buf[pos++]!;
      v += (b & 0x7f) * mul;
      mul *= 128;
      if ((b & 0x80) === 0) return v;
    }
    return undefined;
  };
  while (pos < buf.length) {
    const tag = varint();
    if (tag === undefined || tag % 8 !== 2) return undefined;
    const len = varint();
    if (len === undefined || pos + len > buf.length) return undefined;
    const s = buf.toString('utf8', pos, pos + len);
    pos += len;
    if (tag >>> 3 === 1) key = s;
    else if (tag >>> 3 === 2) value = s;
  }
  return [key, value];
}

// ---------------------------------------------------------------- folder layout

export interface ModelLayout {
  kind: RecogniserKind;
  /** Absolute file paths by role. */
  files: { tokens: string; encoder?: string; decoder?: string; joiner?: string; model?: string };
  int8: boolean;
  /** `model_type` from the metadata of the main file. */
  modelType: string;
  /** The metadata of the main file (the encoder, or model.onnx). */
  metadata: Record<string, string>;
}

/**
 * Picks the one file for a role: the int8 one when there is one, else the float one; several
 * candidates of the same kind are ambiguous.
 */
function pick(dir: string, names: string[], role: string, re: RegExp): string | undefined {
  const found = names.filter((n) => re.test(n));
  if (found.length === 0) return undefined;
  const int8 = found.filter((n) => /\.int8\.onnx$/i.test(n));
  const chosen = int8.length > 0 ? int8 : found;
  if (chosen.length > 1) {
    throw invalid(`ASR model folder ${dir} has several ${role} files (${chosen.join(', ')}); keep one.`, { dir, role, candidates: chosen });
  }
  return chosen[0];
}

/** Recognises the model folder layout (see the module comment). Reads file names and ONNX metadata only. */
export function detectModelLayout(dir: string): ModelLayout {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw invalid(`The ASR model path ${dir} is not a folder.`, { dir });
    names = readdirSync(dir).filter((n) => {
      try {
        return statSync(join(dir, n)).isFile();
      } catch {
        return false;
      }
    });
  } catch (err) {
    if (err instanceof SaringError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw invalid(
      e.code === 'ENOENT' ? `The ASR model folder ${dir} does not exist.` : `The ASR model folder ${dir} cannot be read: ${e.message}`,
      { dir },
    );
  }
  names.sort();
  const onnx = names.filter((n) => /\.onnx$/i.test(n));
  const tokensName = pick(dir, names, 'tokens', /(^|[-_.])tokens\.txt$/i);
  const encoder = pick(dir, onnx, 'encoder', /encoder/i);
  const decoder = pick(dir, onnx, 'decoder', /decoder/i);
  const joiner = pick(dir, onnx, 'joiner', /joiner/i);
  const model = pick(dir, onnx, 'model', /^model(\.int8)?\.onnx$/i);
  const noLayout = (why?: string): SaringError =>
    invalid(
      `ASR model folder ${dir} matches no supported sherpa-onnx layout${why ? ` (${why})` : ''}. ` +
        `Expected one of: ${EXPECTED_LAYOUTS.join('; ')}. Found: ${names.length > 0 ? names.join(', ') : 'no files'}.`,
      { dir, expected: [...EXPECTED_LAYOUTS], found: names },
    );
  const at = (n: string): string => join(dir, n);
  const isInt8 = (...ns: string[]): boolean => ns.every((n) => /\.int8\.onnx$/i.test(n));

  if (encoder && decoder && tokensName) {
    const metadata = readOnnxMetadata(at(encoder));
    const modelType = metadata['model_type'] ?? '';
    if (joiner) {
      if (!TRANSDUCER_TYPES.has(modelType)) {
        throw invalid(
          `${at(encoder)} has model_type '${modelType || '(none)'}'; an offline transducer needs one of ${[...TRANSDUCER_TYPES].join(', ')}.`,
          { dir, file: at(encoder), modelType },
        );
      }
      if ('decode_chunk_len' in metadata || 'T' in metadata) {
        throw invalid(`${dir} holds a streaming (online) transducer; Saring loads offline (non-streaming) models.`, { dir, modelType });
      }
      return {
        kind: 'transducer',
        files: { tokens: at(tokensName), encoder: at(encoder), decoder: at(decoder), joiner: at(joiner) },
        int8: isInt8(encoder, decoder, joiner),
        modelType,
        metadata,
      };
    }
    if (!modelType.startsWith('whisper')) {
      throw invalid(
        `${at(encoder)} has model_type '${modelType || '(none)'}': an encoder/decoder pair without a joiner is read as Whisper, whose encoder says 'whisper-…'.`,
        { dir, file: at(encoder), modelType },
      );
    }
    return {
      kind: 'whisper',
      files: { tokens: at(tokensName), encoder: at(encoder), decoder: at(decoder) },
      int8: isInt8(encoder, decoder),
      modelType,
      metadata,
    };
  }
  if (model && tokensName) {
    const metadata = readOnnxMetadata(at(model));
    const modelType = metadata['model_type'] ?? '';
    const kind = SINGLE_MODEL_TYPES[modelType];
    if (!kind) {
      throw invalid(
        `${at(model)} has model_type '${modelType || '(none)'}'; a single-file model needs one of ${Object.keys(SINGLE_MODEL_TYPES).join(', ')}.`,
        { dir, file: at(model), modelType },
      );
    }
    return { kind, files: { tokens: at(tokensName), model: at(model) }, int8: isInt8(model), modelType, metadata };
  }
  if ((encoder || decoder || model || joiner) && !tokensName) throw noLayout('no tokens.txt');
  throw noLayout();
}

// ---------------------------------------------------------------- sherpa-onnx

interface SherpaOfflineStream {
  acceptWaveform(wave: { samples: Float32Array; sampleRate: number }): void;
}
interface SherpaOfflineRecognizer {
  createStream(): SherpaOfflineStream;
  decodeAsync(stream: SherpaOfflineStream): Promise<{ text?: string }>;
}
interface SherpaAsrModule {
  OfflineRecognizer: new (config: Record<string, unknown>) => SherpaOfflineRecognizer;
}

function whisperLanguage(layout: ModelLayout, requested: string): string {
  const m = layout.metadata;
  const multilingual = m['is_multilingual'] !== '0';
  if (!multilingual) {
    if (requested === 'en' || requested === 'auto') return '';
    throw invalid(`${layout.modelType} is an English-only Whisper model; it cannot transcribe language '${requested}'.`, {
      modelType: layout.modelType,
      language: requested,
    });
  }
  if (requested === 'auto') return '';
  const codes = (m['all_language_codes'] ?? '').split(',').filter((c) => c.length > 0);
  if (codes.length === 0) {
    throw invalid(`${layout.files.encoder} lists no languages (metadata all_language_codes); use language 'auto'.`, {
      modelType: layout.modelType,
    });
  }
  if (!codes.includes(requested)) {
    throw invalid(`${layout.modelType} does not know language '${requested}' (it knows ${codes.join(', ')}).`, {
      modelType: layout.modelType,
      language: requested,
    });
  }
  return requested;
}

function senseVoiceLanguage(layout: ModelLayout, requested: string): string {
  if (requested === 'auto') return 'auto';
  if (`lang_${requested}` in layout.metadata) return requested;
  const known = Object.keys(layout.metadata)
    .filter((k) => k.startsWith('lang_'))
    .map((k) => k.slice(5));
  throw invalid(`This SenseVoice model does not know language '${requested}' (it knows ${known.join(', ')}); use one of them or 'auto'.`, {
    modelType: layout.modelType,
    language: requested,
  });
}

class SherpaRecogniser implements Recogniser {
  readonly name: string;
  readonly kind: RecogniserKind;
  readonly maxSegmentSeconds?: number;
  /** The language given to the model ('' = detected), or undefined when the model has its own. */
  readonly language?: string;
  private recognizer: SherpaOfflineRecognizer | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(recognizer: SherpaOfflineRecognizer, layout: ModelLayout, name: string, language: string | undefined) {
    this.recognizer = recognizer;
    this.kind = layout.kind;
    this.name = name;
    if (layout.kind === 'whisper') this.maxSegmentSeconds = WHISPER_MAX_SECONDS;
    if (language !== undefined) this.language = language;
  }

  transcribe(samples: Float32Array, sampleRate: 16000, segment: SpeechSegment): Promise<TranscriptSegment> {
    if (sampleRate !== 16000) return Promise.reject(invalid(`transcribe needs 16 kHz samples, got ${String(sampleRate)} Hz.`));
    if (!(segment.start >= 0 && segment.end >= segment.start)) {
      return Promise.reject(invalid(`A segment needs 0 ≤ start ≤ end, got ${segment.start}–${segment.end}.`));
    }
    if (this.maxSegmentSeconds !== undefined && segment.end - segment.start > this.maxSegmentSeconds + 0.005) {
      return Promise.reject(
        invalid(`${this.name} transcribes at most ${this.maxSegmentSeconds} s at a time; cut the segment (transcribeSpeech does).`),
      );
    }
    // One decode at a time per recogniser: the native model is not documented as reentrant.
    const run = this.queue.then(async () => {
      const recognizer = this.recognizer;
      if (!recognizer) throw new SaringError('invalid_state', `The recogniser ${this.name} is closed.`);
      const i0 = Math.min(samples.length, Math.round(segment.start * 16000));
      const i1 = Math.min(samples.length, Math.round(segment.end * 16000));
      if (i1 <= i0) return { start: segment.start, end: segment.end, text: '' };
      const stream = recognizer.createStream();
      stream.acceptWaveform({ samples: samples.slice(i0, i1), sampleRate: 16000 });
      const result = await recognizer.decodeAsync(stream);
      return { start: segment.start, end: segment.end, text: (result.text ?? '').trim() };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.recognizer = undefined;
  }
}

/**
 * Loads a sherpa-onnx offline recogniser from a model folder (see the module comment for the
 * layouts). Synchronous: it loads the model, which takes seconds for Whisper.
 * Throws `validation_failed` for a missing folder, an unknown layout (naming the files expected
 * and found), metadata that does not fit, or a language the model does not know.
 *
 * @example
 * const asr = config.asrModelDir ? loadRecogniser({ dir: config.asrModelDir }) : undefined;
 * const text = asr ? await transcribeSpeech(asr, audio.samples, vad.segments) : [];
 */
export function loadRecogniser(options: AsrModelOptions): Recogniser {
  if (typeof options.dir !== 'string' || options.dir.length === 0) throw invalid('The ASR model folder (dir) is required.');
  const requested = options.language ?? 'id';
  if (!/^[a-z]{2,3}$|^auto$/.test(requested)) throw invalid(`language must be a language code such as 'id' or 'auto', got '${requested}'.`);
  const threads = options.threads ?? Math.min(4, availableParallelism());
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= 64)) throw invalid(`threads must be a whole number from 1 to 64, got ${threads}.`);

  const layout = detectModelLayout(options.dir);
  const f = layout.files;
  const modelConfig: Record<string, unknown> = { tokens: f.tokens, numThreads: threads, provider: 'cpu', debug: 0 };
  let language: string | undefined;
  let label: string;
  switch (layout.kind) {
    case 'whisper':
      language = whisperLanguage(layout, requested);
      modelConfig['whisper'] = { encoder: f.encoder, decoder: f.decoder, language, task: 'transcribe' };
      label = layout.modelType;
      break;
    case 'transducer':
      modelConfig['transducer'] = { encoder: f.encoder, decoder: f.decoder, joiner: f.joiner };
      label = `transducer ${basename(options.dir)}`;
      break;
    case 'paraformer':
      modelConfig['paraformer'] = { model: f.model };
      label = `paraformer ${basename(options.dir)}`;
      break;
    case 'sense_voice':
      language = senseVoiceLanguage(layout, requested);
      modelConfig['senseVoice'] = { model: f.model, language, useInverseTextNormalization: 1 };
      label = `sense-voice ${basename(options.dir)}`;
      break;
    case 'nemo_ctc':
      modelConfig['nemoCtc'] = { model: f.model };
      label = `nemo-ctc ${basename(options.dir)}`;
      break;
    case 'zipformer_ctc':
      modelConfig['zipformerCtc'] = { model: f.model };
      label = `zipformer-ctc ${basename(options.dir)}`;
      break;
    case 'wenet_ctc':
      modelConfig['wenetCtc'] = { model: f.model };
      label = `wenet-ctc ${basename(options.dir)}`;
      break;
  }
  const { OfflineRecognizer } = loadSherpa<SherpaAsrModule>();
  let recognizer: SherpaOfflineRecognizer;
  try {
    recognizer = new OfflineRecognizer({
      featConfig: { sampleRate: 16000, featureDim: 80 },
      modelConfig,
      decodingMethod: 'greedy_search',
    });
  } catch (err) {
    throw invalid(`sherpa-onnx could not load the ${layout.kind} model in ${options.dir}: ${(err as Error).message}`, {
      dir: options.dir,
      kind: layout.kind,
    });
  }
  const name = `${label} (sherpa-onnx${layout.int8 ? ', int8' : ''})`;
  return new SherpaRecogniser(recognizer, layout, name, language);
}

// ---------------------------------------------------------------- transcription

export const TRANSCRIBE_DEFAULTS = {
  /** Whisper's window is 30 s; 28 leaves room for its padding. */
  maxSegmentSeconds: 28,
} as const;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Transcribes speech segments one after another. A segment longer than `maxSegmentSeconds`
 * (default 28, and never more than the recogniser's own limit) is cut into the fewest chunks of
 * equal length that fit (70 s → 3 × 23.33 s). Segments whose text comes back empty are dropped.
 */
export async function transcribeSpeech(
  recogniser: Recogniser,
  samples: Float32Array,
  segments: SpeechSegment[],
  options: { maxSegmentSeconds?: number } = {},
): Promise<TranscriptSegment[]> {
  let max = options.maxSegmentSeconds ?? TRANSCRIBE_DEFAULTS.maxSegmentSeconds;
  if (!(typeof max === 'number' && max >= 1 && Number.isFinite(max))) throw invalid(`maxSegmentSeconds must be a number ≥ 1, got ${String(max)}.`);
  if (recogniser.maxSegmentSeconds !== undefined) max = Math.min(max, recogniser.maxSegmentSeconds);
  const audioSeconds = samples.length / 16000;
  const out: TranscriptSegment[] = [];
  for (const seg of segments) {
    const start = Math.max(0, seg.start);
    const end = Math.min(seg.end, audioSeconds);
    if (!(end > start)) continue;
    const n = Math.ceil((end - start) / max - 1e-9);
    const step = (end - start) / n;
    for (let i = 0; i < n; i++) {
      const chunk = { start: round2(start + i * step), end: i === n - 1 ? round2(end) : round2(start + (i + 1) * step) };
      const r = await recogniser.transcribe(samples, 16000, chunk);
      const text = r.text.trim();
      if (text.length > 0) out.push({ start: chunk.start, end: chunk.end, text });
    }
  }
  return out;
}
