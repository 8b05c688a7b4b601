/**
 * Nudity classifier: the nsfwjs image models (https://github.com/infinitered/nsfwjs), run in a
 * pool of worker threads so that the main thread never blocks on inference. The default graph
 * model (MobileNetV2Mid) runs on onnxruntime, translated in memory from nsfwjs's own graph and
 * weights (`nudity-onnx.ts`; the scores equal TensorFlow.js's to the 4 decimals kept); the layers
 * models run on the TensorFlow.js WebAssembly backend.
 *
 * Scores: nsfwjs's five classes, as probabilities from the model's softmax (they sum to ≈ 1;
 * each rounded to 4 decimals):
 * - `porn`: pornographic photographs, sexual acts, exposed genitalia;
 * - `hentai`: pornographic drawings, cartoons and animation;
 * - `sexy`: sexually suggestive but not explicit (lingerie, swimwear, provocative poses);
 * - `drawing`: safe-for-work drawings and illustrations, including anime;
 * - `neutral`: safe-for-work photographs and everything else.
 * The scores are one signal for policy, not a decision: `porn + hentai` is the usual measure of
 * explicitness, `sexy` of suggestiveness. Accuracy of the models is ~90–93% on nsfwjs's own test
 * set; they were not trained on text or screenshots.
 *
 * Weights: they ship inside the nsfwjs npm package (base64 modules under
 * `nsfwjs/dist/models/`), so nothing is downloaded, ever: the workers also replace `fetch` with
 * a function that throws.
 *
 * Speed (MobileNetV2Mid, 224×224, one thread, 2-core machine): ~10 ms of CPU per image on
 * onnxruntime (TensorFlow.js WebAssembly: ~57–65 ms); ~1–2 s to load the model per worker. The pool is sized by `threads` (default: up to 2 cores).
 *
 * @example
 * const nudity = await createNudityClassifier();
 * const scores = await nudity.classifyImage(await readFile('frame.jpg'));
 * await nudity.close();
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { SaringError } from '../../errors/errors.js';
import { workerScript } from '../../shared/worker-script.js';
import type { NudityModelName, NudityScores, NudityWorkerData, NudityWorkerRequest, NudityWorkerResponse } from './nudity-protocol.js';

export type { NudityModelName, NudityScores } from './nudity-protocol.js';

/** Side of the square input of the default models (MobileNetV2, MobileNetV2Mid). */
export const NUDITY_INPUT_SIZE = 224;

export interface NudityOptions {
  /** Worker threads; default `Math.max(1, Math.min(2, os.availableParallelism()))`. */
  threads?: number;
  /** Default 'MobileNetV2Mid'. */
  model?: NudityModelName;
  /**
   * Per image, from the moment a worker starts it (time waiting in the queue does not count);
   * default 30 000. On timeout the worker is terminated and replaced and the call rejects with
   * `SaringError('media_timeout')`.
   */
  timeoutMs?: number;
}

export interface NudityClassifier {
  readonly model: NudityModelName;
  readonly threads: number;
  readonly inputSize: number;
  /** RGB bytes, inputSize×inputSize×3 (the caller resizes, e.g. with sharp `.resize(s,s,{fit:'fill'}).removeAlpha().raw()`). */
  classify(rgb: Uint8Array): Promise<NudityScores>;
  /** Convenience: decode any image sharp reads (Buffer), resize, classify. */
  classifyImage(image: Buffer): Promise<NudityScores>;
  /** Terminates the workers; queued and in-flight calls reject with `invalid_state`. Idempotent. */
  close(): Promise<void>;
}

const MODEL_INPUT_SIZE: Record<NudityModelName, number> = {
  MobileNetV2Mid: NUDITY_INPUT_SIZE,
  MobileNetV2: NUDITY_INPUT_SIZE,
  InceptionV3: 299,
};

/** Side of the square RGB input a model takes: 224, or 299 for InceptionV3. */
export function inputSizeOf(model: NudityModelName): number {
  const size = MODEL_INPUT_SIZE[model];
  if (size === undefined) {
    throw new SaringError('validation_failed', `Unknown nudity model ${String(model)}; expected one of ${Object.keys(MODEL_INPUT_SIZE).join(', ')}.`);
  }
  return size;
}

/** Loading a model can take several seconds on a busy machine (InceptionV3: ~21 MB of weights). */
const LOAD_TIMEOUT_MS = 120_000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** classifyImage refuses larger inputs before decoding. */
const MAX_IMAGE_PIXELS = 100_000_000;

interface Job {
  id: number;
  pixels: Uint8Array;
  resolve(scores: NudityScores): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker | undefined;
  state: 'loading' | 'idle' | 'busy' | 'failed';
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
  /** The error event seen before `exit`, for the crash message. */
  lastError: Error | undefined;
}

function closedError(): SaringError {
  return new SaringError('invalid_state', 'The nudity classifier is closed.');
}

class NudityPool implements NudityClassifier {
  readonly model: NudityModelName;
  readonly threads: number;
  readonly inputSize: number;
  private readonly timeoutMs: number;
  private readonly script: URL;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Set when no worker can run any more (all replacements failed to load). */
  private broken: SaringError | undefined;

  constructor(model: NudityModelName, threads: number, timeoutMs: number, script: URL) {
    this.model = model;
    this.threads = threads;
    this.inputSize = inputSizeOf(model);
    this.timeoutMs = timeoutMs;
    this.script = script;
  }

  /** Starts all workers; resolves when every one has loaded the model. */
  async start(): Promise<void> {
    const loads: Promise<void>[] = [];
    for (let i = 0; i < this.threads; i++) {
      const slot: Slot = { worker: undefined, state: 'loading', job: undefined, timer: undefined, lastError: undefined };
      this.slots.push(slot);
      loads.push(this.spawn(slot));
    }
    try {
      await Promise.all(loads);
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  /** Starts a worker in `slot`; the promise settles when it has loaded (or failed to load) the model. */
  private spawn(slot: Slot): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const data: NudityWorkerData = { model: this.model, inputSize: this.inputSize };
      const worker = new Worker(this.script, { workerData: data });
      slot.worker = worker;
      slot.state = 'loading';
      slot.job = undefined;
      slot.lastError = undefined;
      let loaded = false;
      const loadFailed = (err: SaringError): void => {
        if (loaded) return;
        loaded = true;
        clearTimeout(slot.timer);
        slot.timer = undefined;
        slot.state = 'failed';
        if (slot.worker === worker) slot.worker = undefined;
        void worker.terminate();
        this.checkBroken(err);
        reject(err);
      };
      slot.timer = setTimeout(() => {
        loadFailed(new SaringError('internal', `The nudity worker did not load ${this.model} within ${LOAD_TIMEOUT_MS} ms.`));
      }, LOAD_TIMEOUT_MS);
      slot.timer.unref();

      worker.on('message', (msg: NudityWorkerResponse) => {
        if (slot.worker !== worker) return;
        switch (msg.type) {
          case 'ready':
            loaded = true;
            clearTimeout(slot.timer);
            slot.timer = undefined;
            slot.state = 'idle';
            worker.unref();
            resolve();
            this.dispatch();
            return;
          case 'init-error': {
            const logs = msg.logs.length ? ` (output: ${msg.logs.join(' | ').slice(0, 500)})` : '';
            loadFailed(new SaringError('internal', `The nudity worker could not load ${this.model}: ${msg.message}${logs}`));
            return;
          }
          case 'result':
          case 'error':
            this.finish(slot, msg);
            return;
        }
      });
      worker.on('error', (err) => {
        if (slot.worker === worker) slot.lastError = err;
      });
      worker.on('messageerror', (err) => {
        if (slot.worker === worker) slot.lastError = err;
      });
      worker.on('exit', (code) => {
        if (slot.worker !== worker || this.closed) return;
        const why = slot.lastError ? `: ${slot.lastError.message}` : ` with code ${code}`;
        if (!loaded) {
          loadFailed(new SaringError('internal', `The nudity worker exited while loading ${this.model}${why}.`));
          return;
        }
        const job = slot.job;
        clearTimeout(slot.timer);
        slot.timer = undefined;
        slot.worker = undefined;
        slot.job = undefined;
        job?.reject(new SaringError('internal', `The nudity worker crashed while classifying an image${why}; it was replaced.`, { exitCode: code }));
        this.replace(slot);
      });
    });
  }

  /** A new worker in place of a dead one; a load failure there is logged through `broken`. */
  private replace(slot: Slot): void {
    if (this.closed) return;
    this.spawn(slot).catch(() => {
      // checkBroken (in spawn) fails the queue once no worker is left
    });
  }

  /** When no worker is left alive, fails everything queued and every later call. */
  private checkBroken(cause: SaringError): void {
    if (this.closed || this.slots.some((s) => s.state !== 'failed')) return;
    this.broken = new SaringError('internal', `The nudity classifier has no working worker left: ${cause.message}`);
    for (const job of this.queue.splice(0)) job.reject(this.broken);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.state !== 'idle' || !slot.worker) continue;
      const job = this.queue.shift()!;
      const worker = slot.worker;
      slot.state = 'busy';
      slot.job = job;
      worker.ref();
      slot.timer = setTimeout(() => this.timeout(slot, worker), this.timeoutMs);
      slot.timer.unref();
      const buffer = job.pixels.buffer as ArrayBuffer;
      const request: NudityWorkerRequest = { type: 'classify', id: job.id, pixels: buffer };
      worker.postMessage(request, [buffer]);
    }
  }

  private finish(slot: Slot, msg: Extract<NudityWorkerResponse, { type: 'result' | 'error' }>): void {
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    slot.state = 'idle';
    slot.worker?.unref();
    if (msg.type === 'result') job.resolve(msg.scores);
    else job.reject(new SaringError('internal', `Nudity classification failed: ${msg.message}`));
    this.dispatch();
  }

  private timeout(slot: Slot, worker: Worker): void {
    if (slot.worker !== worker || !slot.job) return;
    const job = slot.job;
    slot.timer = undefined;
    slot.job = undefined;
    slot.worker = undefined; // its exit event is now ignored
    void worker.terminate();
    job.reject(new SaringError('media_timeout', `Nudity classification took longer than ${this.timeoutMs} ms; the worker was replaced.`, { timeoutMs: this.timeoutMs }));
    this.replace(slot);
  }

  classify(rgb: Uint8Array): Promise<NudityScores> {
    if (this.closed) return Promise.reject(closedError());
    if (this.broken) return Promise.reject(this.broken);
    const expected = this.inputSize * this.inputSize * 3;
    if (!(rgb instanceof Uint8Array)) {
      return Promise.reject(new SaringError('validation_failed', 'The pixels must be a Uint8Array (or Buffer) of RGB bytes.'));
    }
    if (rgb.length !== expected) {
      return Promise.reject(
        new SaringError(
          'validation_failed',
          `Expected ${expected} bytes of RGB (${this.inputSize}×${this.inputSize}×3) for ${this.model}; got ${rgb.length}.`,
          { expected, got: rgb.length },
        ),
      );
    }
    // A private copy in a fresh ArrayBuffer: transferred (not cloned) to the worker, and the
    // caller may reuse its buffer as soon as this returns.
    const pixels = new Uint8Array(new ArrayBuffer(expected));
    pixels.set(rgb);
    return new Promise<NudityScores>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, pixels, resolve, reject });
      this.dispatch();
    });
  }

  async classifyImage(image: Buffer): Promise<NudityScores> {
    if (this.closed) throw closedError();
    if (!Buffer.isBuffer(image) && !((image as unknown) instanceof Uint8Array)) {
      throw new SaringError('validation_failed', 'The image must be a Buffer.');
    }
    if (image.length === 0) throw new SaringError('invalid_media', 'The image is empty (0 bytes).', { bytes: 0 });
    const s = this.inputSize;
    let data: Buffer;
    let channels: number;
    try {
      const out = await sharp(image, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', pages: 1, autoOrient: true })
        .resize(s, s, { fit: 'fill' })
        // Transparent areas would otherwise show whatever colour they store (often black).
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
      data = out.data;
      channels = out.info.channels;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (/unsupported image format/i.test(message)) throw new SaringError('unsupported_media', 'The image is not in a format sharp can read.', { decoder: message });
      if (/pixel limit/i.test(message)) throw new SaringError('media_too_large', `The image has more than ${MAX_IMAGE_PIXELS} pixels.`, { decoder: message });
      throw new SaringError('invalid_media', `The image could not be decoded (corrupt or truncated): ${message.split('\n')[0]}`, { decoder: message });
    }
    if (channels !== 3 || data.length !== s * s * 3) {
      throw new SaringError('invalid_media', `The image decoded to ${channels} channels, ${data.length} bytes; expected ${s}×${s} RGB.`);
    }
    return this.classify(data);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const err = closedError();
    for (const job of this.queue.splice(0)) job.reject(err);
    const exits: Promise<number>[] = [];
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.timer = undefined;
      slot.job?.reject(err);
      slot.job = undefined;
      slot.state = 'failed';
      if (slot.worker) exits.push(slot.worker.terminate());
      slot.worker = undefined;
    }
    await Promise.allSettled(exits);
  }

  /**
   * Testing only: makes the first live worker throw an uncaught exception as soon as it reads
   * this message, i.e. before any job dispatched to it afterwards.
   */
  crashWorkerForTests(): void {
    const slot = this.slots.find((s) => s.worker && s.state !== 'loading');
    const request: NudityWorkerRequest = { type: 'crash' };
    slot?.worker?.postMessage(request);
  }
}

/**
 * Starts a pool of `threads` worker threads, each with its own copy of the model; resolves when
 * every worker has loaded it. Jobs queue and go to the first idle worker. A worker that crashes
 * fails its one in-flight job (`SaringError('internal')`) and is replaced. Call `close()` when
 * done (idle workers do not keep the process alive, but they hold ~50–100 MB each).
 */
export async function createNudityClassifier(options: NudityOptions = {}): Promise<NudityClassifier> {
  const model = options.model ?? 'MobileNetV2Mid';
  inputSizeOf(model); // validates the name
  const threads = options.threads ?? Math.max(1, Math.min(2, availableParallelism()));
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new SaringError('validation_failed', `threads must be an integer from 1 to 64; got ${threads}.`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new SaringError('validation_failed', `timeoutMs must be a positive number; got ${timeoutMs}.`);
  }
  const pool = new NudityPool(model, threads, timeoutMs, workerScript('nudity-worker.js', import.meta.url));
  await pool.start();
  return pool;
}
