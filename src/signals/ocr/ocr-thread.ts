/**
 * The OCR engine (./ocr.ts) in worker threads of its own, behind the same {@link OcrEngine}
 * interface. onnxruntime-node runs each model synchronously on the calling thread: in the media
 * pipeline that was ~70 ms per frame taken from the thread that also decodes and hashes the video.
 * Here the owner's thread only copies the pixels over (the caller keeps its buffer) and waits.
 *
 * With `workers` > 1 (default: up to 2, one per core), each worker holds its own engine and a call
 * goes to the worker with the fewest calls outstanding: video frames are read in parallel, each
 * exactly as one engine reads it. Errors keep their code (`invalid_media`, `media_timeout`, …).
 * If a worker dies, its calls in flight reject and the next call sent to it starts a new one.
 *
 * @example
 * const ocr = await createOcrThread();
 * const lines = await ocr.recognise({ data: rgb, width: 640, height: 360, channels: 3 });
 * await ocr.close();
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SaringError } from '../../errors/errors.js';
import { workerScript } from '../../shared/worker-script.js';
import { OCR_ENGINE_NAME, type OcrEngine, type OcrLine, type OcrOptions, type RawImage } from './ocr.js';
import type { OcrWorkerData, OcrWorkerError, OcrWorkerRequest, OcrWorkerResponse } from './ocr-protocol.js';

function revive(e: OcrWorkerError): Error {
  return e.code ? new SaringError(e.code, e.message, e.details) : new SaringError('internal', `OCR failed: ${e.message}`);
}

const closedError = () => new SaringError('invalid_state', 'The OCR engine is closed.');

interface Pending {
  resolve(lines: OcrLine[]): void;
  reject(err: Error): void;
}

/** One worker thread and the calls it has outstanding. */
class Slot {
  #worker: Promise<Worker> | undefined;
  /** The worker that is up (ready and not dead). */
  #current: Worker | undefined;
  readonly pending = new Map<number, Pending>();
  /** Calls given to this worker and not answered yet (counted before the worker is awaited). */
  outstanding = 0;
  closed = false;

  constructor(
    private readonly options: OcrOptions,
    private readonly script: URL,
  ) {}

  /** The worker, started (and its models loaded) on first use and again after a crash. */
  worker(): Promise<Worker> {
    this.#worker ??= new Promise<Worker>((resolve, reject) => {
      const data: OcrWorkerData = { options: this.options };
      const w = new Worker(this.script, { workerData: data });
      let ready = false;
      const died = (err: Error) => {
        if (!ready) {
          this.#worker = undefined;
          reject(err);
          return;
        }
        if (this.#current !== w) return;
        this.#worker = undefined;
        this.#current = undefined;
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      };
      w.on('message', (msg: OcrWorkerResponse) => {
        switch (msg.type) {
          case 'ready':
            ready = true;
            this.#current = w;
            w.unref();
            resolve(w);
            return;
          case 'init-error':
            this.#worker = undefined;
            void w.terminate();
            reject(revive(msg.error));
            return;
          case 'result':
          case 'error': {
            const p = this.pending.get(msg.id);
            if (!p) return;
            this.pending.delete(msg.id);
            if (this.pending.size === 0) w.unref();
            if (msg.type === 'result') p.resolve(msg.lines);
            else p.reject(revive(msg.error));
            return;
          }
          case 'closed':
            return;
        }
      });
      w.on('error', (err) => died(new SaringError('internal', `The OCR worker failed: ${err.message}`)));
      w.on('exit', (code) => {
        if (!this.closed) died(new SaringError('internal', `The OCR worker stopped (exit code ${code}).`));
      });
    });
    return this.#worker;
  }

  async send(id: number, msg: OcrWorkerRequest, transfer: ArrayBuffer[]): Promise<OcrLine[]> {
    const w = await this.worker();
    if (this.closed) throw closedError();
    return new Promise<OcrLine[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage(msg, transfer);
    });
  }

  /** The engine finishes the call in progress and rejects the queued ones, then the thread ends. */
  async close(): Promise<void> {
    this.closed = true;
    const w = await this.#worker?.catch(() => undefined);
    if (w && this.#current === w) {
      // Held while it ends: awaiting an unreferenced worker's exit lets the process run out of
      // work and quit mid-await (exit code 13 under ESM).
      w.ref();
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.on('message', (m: OcrWorkerResponse) => m.type === 'closed' && void w.terminate());
        w.postMessage({ type: 'close' } satisfies OcrWorkerRequest);
      });
    }
    for (const p of this.pending.values()) p.reject(closedError());
    this.pending.clear();
  }
}

class OcrThreads implements OcrEngine {
  readonly name = OCR_ENGINE_NAME;
  readonly #slots: Slot[];
  #next = 1;
  #closed = false;

  constructor(options: OcrOptions, script: URL, workers: number) {
    this.#slots = Array.from({ length: workers }, () => new Slot(options, script));
  }

  async start(): Promise<void> {
    try {
      await Promise.all(this.#slots.map((s) => s.worker()));
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  async recognise(image: Buffer | RawImage, options?: Pick<OcrOptions, 'maxSide' | 'minConfidence'>): Promise<OcrLine[]> {
    if (this.#closed) throw closedError();
    const id = this.#next++;
    // A copy goes over (transferred): the caller may reuse or share its buffer at once.
    const bytes = Buffer.isBuffer(image) ? image : image.data;
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    const msg: OcrWorkerRequest = Buffer.isBuffer(image)
      ? { type: 'recognise', id, encoded: copy.buffer, ...(options ? { options } : {}) }
      : { type: 'recognise', id, raw: { data: copy.buffer, width: image.width, height: image.height, channels: image.channels }, ...(options ? { options } : {}) };
    let slot = this.#slots[0]!;
    for (const s of this.#slots) if (s.outstanding < slot.outstanding) slot = s;
    slot.outstanding++;
    try {
      return await slot.send(id, msg, [copy.buffer]);
    } finally {
      slot.outstanding--;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.close()));
  }
}

/** OCR options, and the number of worker threads (each with its own engine; default up to 2). */
export interface OcrThreadOptions extends OcrOptions {
  workers?: number;
}

/** An {@link OcrEngine} running in worker threads; resolves once every worker has loaded the models. */
export async function createOcrThread(options: OcrThreadOptions = {}): Promise<OcrEngine> {
  const { workers = Math.max(1, Math.min(2, availableParallelism())), ...engine } = options;
  if (!Number.isInteger(workers) || workers < 1) throw new SaringError('validation_failed', 'workers must be a positive integer.');
  const threads = new OcrThreads(engine, workerScript('ocr-worker.js', import.meta.url), workers);
  await threads.start();
  return threads;
}
