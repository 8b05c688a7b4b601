import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFfmpeg, runBounded } from '../hash/ffmpeg.js';
import { extractAudio } from './audio.js';
import { detectModelLayout, loadRecogniser, readOnnxMetadata, transcribeSpeech, type Recogniser, type TranscriptSegment } from './asr.js';
import { clearVadCache, detectSpeech, SILERO_VAD_MODEL, vadStats, type SpeechSegment } from './vad.js';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/speech/espeak-id.wav', import.meta.url));

let dir: string;

async function ffmpeg(args: string[]): Promise<void> {
  const bin = await resolveFfmpeg();
  const r = await runBounded(bin.path, ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed: ${r.stderr}`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saring-speech-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('extractAudio', () => {
  it('decodes a WAV to 16 kHz mono float32', async () => {
    const a = await extractAudio(FIXTURE);
    expect(a).not.toBeNull();
    expect(a!.sampleRate).toBe(16000);
    expect(a!.seconds).toBeCloseTo(5.91, 1);
    expect(a!.truncated).toBe(false);
    let peak = 0;
    for (const v of a!.samples) peak = Math.max(peak, Math.abs(v));
    expect(peak).toBeGreaterThan(0.05);
    expect(peak).toBeLessThanOrEqual(1);
  });

  it('reads at most maxSeconds and says so', async () => {
    const a = await extractAudio(FIXTURE, { maxSeconds: 2 });
    expect(a!.samples.length).toBe(32000);
    expect(a!.truncated).toBe(true);
  });

  it('returns null for a video without an audio stream', async () => {
    const path = join(dir, 'no-audio.mp4');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=10', '-t', '2', '-c:v', 'mpeg4', path]);
    expect(await extractAudio(path)).toBeNull();
  });

  it('takes the audio track of a video', async () => {
    const path = join(dir, 'with-audio.mkv');
    await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=10', '-i', FIXTURE, '-t', '5.9', '-c:v', 'mpeg4', '-c:a', 'flac', path]);
    const a = await extractAudio(path);
    expect(a!.seconds).toBeCloseTo(5.9, 1);
    expect(detectSpeech(a!.samples, 16000).speech).toBe(true);
  });

  it('refuses corrupt, empty and missing files', async () => {
    const junk = join(dir, 'junk.mp4');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    await writeFile(junk, bytes);
    await expect(extractAudio(junk)).rejects.toMatchObject({ code: 'invalid_media' });
    const empty = join(dir, 'empty.wav');
    await writeFile(empty, '');
    await expect(extractAudio(empty)).rejects.toMatchObject({ code: 'invalid_media' });
    await expect(extractAudio(join(dir, 'missing.wav'))).rejects.toMatchObject({ code: 'not_found' });
    const playlist = join(dir, 'list.m3u8');
    await writeFile(playlist, `#EXTM3U\n#EXTINF:1,\n${FIXTURE}\n`);
    await expect(extractAudio(playlist)).rejects.toMatchObject({ code: expect.stringMatching(/invalid_media|unsupported_media/) });
  });

  it('checks its options', async () => {
    await expect(extractAudio(FIXTURE, { maxSeconds: 0 })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(extractAudio(FIXTURE, { timeoutMs: -1 })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('detectSpeech', () => {
  it('finds the espeak-ng utterance between its silences', async () => {
    const a = (await extractAudio(FIXTURE))!;
    const r = detectSpeech(a.samples, 16000);
    expect(r.speech).toBe(true);
    expect(r.audioSeconds).toBeCloseTo(5.91, 2);
    expect(r.segments.length).toBeGreaterThanOrEqual(1);
    // Speech runs from 1.5 s to 4.91 s in the file; segment starts include ~0.3 s of look-back.
    expect(r.segments[0]!.start).toBeGreaterThan(1.0);
    expect(r.segments[0]!.start).toBeLessThan(1.6);
    const last = r.segments[r.segments.length - 1]!;
    expect(last.end).toBeGreaterThan(4.5);
    expect(last.end).toBeLessThan(r.audioSeconds);
    expect(r.speechSeconds).toBeGreaterThan(3);
    expect(r.speechSeconds).toBeLessThan(4.2);
    for (const s of r.segments) expect(Math.round(s.start * 100) / 100).toBe(s.start);
  });

  it('finds no speech in a sine tone and silence', async () => {
    const path = join(dir, 'tone.wav');
    await ffmpeg([
      '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3',
      '-f', 'lavfi', '-t', '2', '-i', 'anullsrc=r=16000:cl=mono',
      '-filter_complex', '[0:a]aresample=16000,aformat=channel_layouts=mono[a];[1:a]aformat=channel_layouts=mono[b];[a][b]concat=n=2:v=0:a=1[out]',
      '-map', '[out]', '-ar', '16000', '-ac', '1', path,
    ]);
    const a = (await extractAudio(path))!;
    expect(a.seconds).toBeCloseTo(5, 1);
    expect(detectSpeech(a.samples, 16000)).toEqual({ speech: false, segments: [], speechSeconds: 0, audioSeconds: 5 });
  });

  it('gives the same answer on every call and for every option set (detectors are reused)', async () => {
    const a = (await extractAudio(FIXTURE))!;
    clearVadCache();
    const before = vadStats().created;
    const first = detectSpeech(a.samples, 16000);
    const strictOptions = { threshold: 0.9, minSpeechSeconds: 0.5, minSilenceSeconds: 1 };
    const strict = detectSpeech(a.samples, 16000, strictOptions);
    expect(strict.speech).toBe(true);
    for (let i = 0; i < 20; i++) {
      expect(detectSpeech(a.samples, 16000)).toEqual(first);
      expect(detectSpeech(a.samples, 16000, { ...strictOptions, threshold: 0.9 + 1e-9 })).toEqual(strict);
    }
    // One native detector per option set, however many calls (a detector is ~5-10 MB native).
    expect(vadStats()).toEqual({ cached: 2, created: before + 2 });
    clearVadCache();
    expect(detectSpeech(a.samples, 16000)).toEqual(first);
    expect(detectSpeech(new Float32Array(0), 16000)).toEqual({ speech: false, segments: [], speechSeconds: 0, audioSeconds: 0 });
    expect(detectSpeech(new Float32Array(100), 16000).speech).toBe(false);
  });

  it('handles a long track, quickly', async () => {
    const a = (await extractAudio(FIXTURE))!;
    const tiles = 20;
    const long = new Float32Array(a.samples.length * tiles);
    for (let i = 0; i < tiles; i++) long.set(a.samples, i * a.samples.length);
    const t0 = performance.now();
    const r = detectSpeech(long, 16000);
    const seconds = (performance.now() - t0) / 1000;
    expect(r.segments.length).toBe(tiles);
    expect(r.audioSeconds).toBeCloseTo(tiles * a.seconds, 2);
    // The same utterance in every tile, found at the same place to within a few 32 ms windows.
    r.segments.forEach((s, i) => expect(Math.abs(s.start - (r.segments[0]!.start + i * a.seconds))).toBeLessThan(0.1));
    // ~0.4 s on one free core; generous for a loaded CI machine.
    expect(seconds).toBeLessThan(20);
  });

  it('checks its input', () => {
    expect(() => detectSpeech(new Float32Array(16000), 44100 as 16000)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => detectSpeech(new Float32Array(16000), 16000, { threshold: 1.5 })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => detectSpeech(new Float32Array(16000), 16000, { minSilenceSeconds: -1 })).toThrow(/minSilenceSeconds/);
    expect(() => detectSpeech([0, 0] as unknown as Float32Array, 16000)).toThrow(/Float32Array/);
  });
});

// ---------------------------------------------------------------- ASR

/** A minimal ONNX ModelProto: ir_version, an empty graph, and metadata_props. */
function onnxBytes(metadata: Record<string, string>): Buffer {
  const varint = (n: number): number[] => {
    const out: number[] = [];
    while (n >= 0x80) {
      out.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    out.push(n);
    return out;
  };
  const field = (num: number, bytes: Buffer): Buffer => Buffer.from([...varint(num * 8 + 2), ...varint(bytes.length), ...bytes]);
  const parts: Buffer[] = [Buffer.from([0x08, 0x07]), field(7, Buffer.alloc(0))];
  for (const [k, v] of Object.entries(metadata)) {
    parts.push(field(14, Buffer.concat([field(1, Buffer.from(k)), field(2, Buffer.from(v))])));
  }
  return Buffer.concat(parts);
}

function modelDir(name: string, files: Record<string, Buffer | string>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [n, content] of Object.entries(files)) writeFileSync(join(d, n), content);
  return d;
}

describe('readOnnxMetadata', () => {
  it('reads metadata_props without loading the graph, and refuses truncated files', () => {
    const bytes = onnxBytes({ model_type: 'whisper-tiny', is_multilingual: '1', long: 'x'.repeat(1000) });
    const d = modelDir('meta', { 'ok.onnx': bytes, 'cut.onnx': bytes.subarray(0, bytes.length - 10), 'text.onnx': 'hello, not onnx' });
    expect(readOnnxMetadata(join(d, 'ok.onnx'))).toEqual({ model_type: 'whisper-tiny', is_multilingual: '1', long: 'x'.repeat(1000) });
    expect(() => readOnnxMetadata(join(d, 'cut.onnx'))).toThrow(/not a complete ONNX model/);
    expect(() => readOnnxMetadata(join(d, 'text.onnx'))).toThrow(/not a complete ONNX model/);
  });

  it('reads a real ONNX file (the Silero weights)', () => {
    const path = createRequire(import.meta.url).resolve(SILERO_VAD_MODEL);
    expect(readOnnxMetadata(path)).toBeTypeOf('object');
  });
});

describe('loadRecogniser', () => {
  it('refuses an empty folder, naming the files it expected', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'saring-asr-'));
    try {
      let err: unknown;
      try {
        loadRecogniser({ dir: empty });
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'validation_failed', details: { dir: empty, found: [] } });
      const message = (err as Error).message;
      expect(message).toMatch(/encoder.*\.onnx/);
      expect(message).toMatch(/decoder.*\.onnx/);
      expect(message).toMatch(/joiner/);
      expect(message).toMatch(/tokens\.txt/);
      expect(message).toMatch(/model\.onnx/);
      expect(message).toMatch(/Found: no files/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('says when the folder does not exist', () => {
    expect(() => loadRecogniser({ dir: join(dir, 'nope') })).toThrow(expect.objectContaining({ code: 'validation_failed', message: expect.stringMatching(/does not exist/) }));
  });

  it('names the files it found when they fit no layout', () => {
    const d = modelDir('odd', { 'weights.bin': 'x', 'README.md': 'x' });
    expect(() => loadRecogniser({ dir: d })).toThrow(/Found: README\.md, weights\.bin/);
    const noTokens = modelDir('no-tokens', { 'model.onnx': onnxBytes({ model_type: 'paraformer' }) });
    expect(() => loadRecogniser({ dir: noTokens })).toThrow(/no tokens\.txt/);
  });

  it('recognises a Whisper folder by its files and metadata, preferring int8', () => {
    const meta = { model_type: 'whisper-small', is_multilingual: '1', all_language_codes: 'en,zh,id,ms' };
    const d = modelDir('whisper', {
      'small-encoder.onnx': onnxBytes(meta),
      'small-encoder.int8.onnx': onnxBytes(meta),
      'small-decoder.onnx': onnxBytes({}),
      'small-decoder.int8.onnx': onnxBytes({}),
      'small-tokens.txt': 'x 0\n',
    });
    const layout = detectModelLayout(d);
    expect(layout).toMatchObject({
      kind: 'whisper',
      int8: true,
      modelType: 'whisper-small',
      files: { encoder: join(d, 'small-encoder.int8.onnx'), decoder: join(d, 'small-decoder.int8.onnx'), tokens: join(d, 'small-tokens.txt') },
    });
    // The language is checked against the model before sherpa-onnx sees it (sherpa would exit).
    expect(() => loadRecogniser({ dir: d, language: 'xx' })).toThrow(/does not know language 'xx'/);
  });

  it('refuses a language an English-only Whisper or a SenseVoice model does not have', () => {
    const en = modelDir('whisper-en', {
      'tiny.en-encoder.onnx': onnxBytes({ model_type: 'whisper-tiny.en', is_multilingual: '0' }),
      'tiny.en-decoder.onnx': onnxBytes({}),
      'tiny.en-tokens.txt': 'x 0\n',
    });
    expect(() => loadRecogniser({ dir: en })).toThrow(/English-only/);
    const sv = modelDir('sense-voice', {
      'model.int8.onnx': onnxBytes({ model_type: 'sense_voice_ctc', lang_zh: '3', lang_en: '4' }),
      'tokens.txt': 'x 0\n',
    });
    expect(detectModelLayout(sv)).toMatchObject({ kind: 'sense_voice', int8: true });
    expect(() => loadRecogniser({ dir: sv })).toThrow(/does not know language 'id' \(it knows zh, en\)/);
  });

  it('reads model_type to tell single-file models apart, and refuses what it cannot load', () => {
    for (const [type, kind] of [['paraformer', 'paraformer'], ['EncDecCTCModelBPE', 'nemo_ctc'], ['zipformer2_ctc', 'zipformer_ctc']] as const) {
      const d = modelDir(`single-${type}`, { 'model.onnx': onnxBytes({ model_type: type }), 'tokens.txt': 'x 0\n' });
      expect(detectModelLayout(d).kind).toBe(kind);
    }
    const silero = createRequire(import.meta.url).resolve(SILERO_VAD_MODEL);
    const d = modelDir('silero-as-model', { 'tokens.txt': 'x 0\n' });
    copyFileSync(silero, join(d, 'model.onnx'));
    expect(() => loadRecogniser({ dir: d })).toThrow(expect.objectContaining({ code: 'validation_failed', message: expect.stringMatching(/model_type/) }));
    const pair = modelDir('pair', { 'encoder.onnx': onnxBytes({ model_type: 'paraformer' }), 'decoder.onnx': onnxBytes({}), 'tokens.txt': 'x' });
    expect(() => loadRecogniser({ dir: pair })).toThrow(/read as Whisper/);
    const garbage = modelDir('garbage', { 'a-encoder.onnx': 'not onnx', 'a-decoder.onnx': 'not onnx', 'a-tokens.txt': 'x' });
    expect(() => loadRecogniser({ dir: garbage })).toThrow(/not a complete ONNX model/);
  });

  it('recognises transducers and refuses streaming ones and ambiguous folders', () => {
    const t = modelDir('transducer', {
      'encoder-epoch-99-avg-1.onnx': onnxBytes({ model_type: 'zipformer2' }),
      'decoder-epoch-99-avg-1.onnx': onnxBytes({}),
      'joiner-epoch-99-avg-1.onnx': onnxBytes({}),
      'tokens.txt': 'x 0\n',
    });
    expect(detectModelLayout(t)).toMatchObject({ kind: 'transducer', int8: false, files: { joiner: join(t, 'joiner-epoch-99-avg-1.onnx') } });
    const s = modelDir('streaming', {
      'encoder.onnx': onnxBytes({ model_type: 'zipformer2', decode_chunk_len: '32', T: '45' }),
      'decoder.onnx': onnxBytes({}),
      'joiner.onnx': onnxBytes({}),
      'tokens.txt': 'x 0\n',
    });
    expect(() => loadRecogniser({ dir: s })).toThrow(/streaming/);
    const two = modelDir('two-encoders', { 'a-encoder.onnx': 'x', 'b-encoder.onnx': 'x', 'a-decoder.onnx': 'x', 'tokens.txt': 'x' });
    expect(() => loadRecogniser({ dir: two })).toThrow(/several encoder files \(a-encoder\.onnx, b-encoder\.onnx\)/);
  });

  it('checks its options', () => {
    expect(() => loadRecogniser({ dir: '' })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => loadRecogniser({ dir, threads: 0 })).toThrow(/threads/);
    expect(() => loadRecogniser({ dir, language: 'Bahasa Indonesia' })).toThrow(/language/);
  });
});

describe('transcribeSpeech', () => {
  /** A test double: records the chunks it is asked for and answers from a script. */
  function fakeRecogniser(texts: string[], maxSegmentSeconds?: number): Recogniser & { calls: SpeechSegment[] } {
    const calls: SpeechSegment[] = [];
    return {
      name: 'fake (test double)',
      ...(maxSegmentSeconds !== undefined ? { maxSegmentSeconds } : {}),
      calls,
      async transcribe(samples: Float32Array, sampleRate: 16000, segment: SpeechSegment): Promise<TranscriptSegment> {
        expect(sampleRate).toBe(16000);
        expect(samples.length).toBe(16000 * 80);
        calls.push(segment);
        return { ...segment, text: texts[calls.length - 1] ?? '' };
      },
    };
  }
  const samples = new Float32Array(16000 * 80);

  it('cuts a 70 s segment into 3 chunks of equal length and drops empty texts', async () => {
    const r = fakeRecogniser(['  halo semua ', '', 'jangan lupa berlangganan', 'sampai jumpa']);
    const out = await transcribeSpeech(r, samples, [{ start: 5, end: 75 }, { start: 76, end: 79.5 }]);
    expect(r.calls).toEqual([
      { start: 5, end: 28.33 },
      { start: 28.33, end: 51.67 },
      { start: 51.67, end: 75 },
      { start: 76, end: 79.5 },
    ]);
    expect(out).toEqual([
      { start: 5, end: 28.33, text: 'halo semua' },
      { start: 51.67, end: 75, text: 'jangan lupa berlangganan' },
      { start: 76, end: 79.5, text: 'sampai jumpa' },
    ]);
  });

  it('keeps to the recogniser limit and to the audio', async () => {
    const r = fakeRecogniser([], 10);
    await transcribeSpeech(r, samples, [{ start: 0, end: 30 }, { start: 78, end: 95 }, { start: 90, end: 91 }], { maxSegmentSeconds: 28 });
    expect(r.calls).toEqual([
      { start: 0, end: 10 },
      { start: 10, end: 20 },
      { start: 20, end: 30 },
      { start: 78, end: 80 },
    ]);
    await expect(transcribeSpeech(r, samples, [], { maxSegmentSeconds: 0 })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
