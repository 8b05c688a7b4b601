/**
 * The OCR engine (./ocr.ts) in a worker thread of its own, behind the same {@link OcrEngine}
 * interface. onnxruntime-node runs each model synchronously on the calling thread: in the media
 * pipeline that was ~70 ms per frame taken from the thread that also decodes and hashes the video.
 * Here the owner's thread only copies the pixels over (the caller keeps its buffer) and waits.
 *
 * Errors keep their code (`invalid_media`, `media_timeout`, …). Calls are read one at a time in
 * the order made (the engine's own queue). If the worker dies, the calls in flight reject and the
 * next call starts a new worker.
 *
 * @example
 * const ocr = await createOcrThread();
 * const lines = await ocr.recognise({ data: rgb, width: 640, height: 360, channels: 3 });
 * await ocr.close();
 */
import { Worker } from 'node:worker_threads';
import { SaringError } from '../../errors/errors.js';
import { workerScript } from '../../shared/worker-script.js';
import { OCR_ENGINE_NAME, type OcrEngine, type OcrLine, type OcrOptions, type RawImage } from './ocr.js';
import type { OcrWorkerData, OcrWorkerError, OcrWorkerRequest, OcrWorkerResponse } from './ocr-protocol.js';

function revive(e: OcrWorkerError): Error {
  return e.code ? new SaringError(e.code, e.message, e.details) : new SaringError('internal', `OCR failed: ${e.message}`);
}

interface Pending {
  resolve(lines: OcrLine[]): void;
  reject(err: Error): void;
}

class OcrThread implements OcrEngine {
  readonly name = OCR_ENGINE_NAME;
  #options: OcrOptions;
  #script: URL;
  #worker: Promise<Worker> | undefined;
  /** The worker that is up (ready and not dead). */
  #current: Worker | undefined;
  #pending = new Map<number, Pending>();
  #next = 1;
  #closed = false;

  constructor(options: OcrOptions, script: URL) {
    this.#options = options;
    this.#script = script;
  }

  /** The worker, started (and its models loaded) on first use and again after a crash. */
  worker(): Promise<Worker> {
    this.#worker ??= new Promise<Worker>((resolve, reject) => {
      const data: OcrWorkerData = { options: this.#options };
      const w = new Worker(this.#script, { workerData: data });
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
        for (const p of this.#pending.values()) p.reject(err);
        this.#pending.clear();
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
            const p = this.#pending.get(msg.id);
            if (!p) return;
            this.#pending.delete(msg.id);
            if (this.#pending.size === 0) w.unref();
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
        if (!this.#closed) died(new SaringError('internal', `The OCR worker stopped (exit code ${code}).`));
      });
    });
    return this.#worker;
  }

  async recognise(image: Buffer | RawImage, options?: Pick<OcrOptions, 'maxSide' | 'minConfidence'>): Promise<OcrLine[]> {
    if (this.#closed) throw new SaringError('invalid_state', 'The OCR engine is closed.');
    const w = await this.worker();
    if (this.#closed) throw new SaringError('invalid_state', 'The OCR engine is closed.');
    const id = this.#next++;
    // A copy goes over (transferred): the caller may reuse or share its buffer at once.
    const bytes = Buffer.isBuffer(image) ? image : image.data;
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    const msg: OcrWorkerRequest = Buffer.isBuffer(image)
      ? { type: 'recognise', id, encoded: copy.buffer, ...(options ? { options } : {}) }
      : { type: 'recognise', id, raw: { data: copy.buffer, width: image.width, height: image.height, channels: image.channels }, ...(options ? { options } : {}) };
    return new Promise<OcrLine[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage(msg, [copy.buffer]);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const w = await this.#worker?.catch(() => undefined);
    if (!w || this.#current !== w) return;
    // The engine finishes the call in progress and rejects the queued ones, then the thread ends.
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      w.once('exit', done);
      w.on('message', (m: OcrWorkerResponse) => m.type === 'closed' && void w.terminate());
      w.postMessage({ type: 'close' } satisfies OcrWorkerRequest);
    });
    for (const p of this.#pending.values()) p.reject(new SaringError('invalid_state', 'The OCR engine is closed.'));
    this.#pending.clear();
  }
}

/** An {@link OcrEngine} running in its own worker thread; resolves once the models are loaded. */
export async function createOcrThread(options: OcrOptions = {}): Promise<OcrEngine> {
  const engine = new OcrThread(options, workerScript('ocr-worker.js', import.meta.url));
  await engine.worker();
  return engine;
}
