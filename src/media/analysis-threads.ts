/**
 * Media analyses in worker threads, so that a server answering HTTP is not held up by decoding,
 * hashing and OCR (which run on the calling thread). Each thread keeps its models loaded; an
 * analysis goes to an idle thread, or waits for one. A thread that dies fails its analysis and is
 * replaced.
 */
import { Worker } from 'node:worker_threads';
import { SaringError, type ErrorCode } from '../errors/errors.js';
import { workerScript } from '../shared/worker-script.js';
import type { AnalyseOptions, MediaAnalysis } from './analyse.js';
import type { AnalysisRequest, AnalysisResponse, AnalysisWorkerData } from './analysis-protocol.js';
import type { MediaEngineOptions } from './engines.js';

interface Slot {
  worker: Worker;
  job?: { id: number; resolve: (a: MediaAnalysis) => void; reject: (e: unknown) => void; onAbort?: () => void; signal?: AbortSignal };
}

export class AnalysisThreads {
  #slots: Slot[] = [];
  #waiting: (() => void)[] = [];
  #next = 1;
  #closed = false;

  constructor(
    readonly size: number,
    readonly engines: MediaEngineOptions,
  ) {}

  #spawn(): Slot {
    const worker = new Worker(workerScript('analysis-worker.js', import.meta.url), { workerData: { engines: this.engines } satisfies AnalysisWorkerData });
    const slot: Slot = { worker };
    worker.on('message', (msg: AnalysisResponse) => {
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      this.#finish(slot);
      if (msg.type === 'result') job.resolve(msg.analysis);
      else job.reject(new SaringError(msg.error.code as ErrorCode, msg.error.message, msg.error.details));
    });
    const died = (why: string) => {
      const job = slot.job;
      this.#slots = this.#slots.filter((s) => s !== slot);
      if (job) {
        this.#finish(slot);
        job.reject(new SaringError('internal', `The media analysis thread stopped (${why}).`));
      }
      this.#wake();
    };
    worker.on('error', (e) => died(e.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    worker.unref();
    this.#slots.push(slot);
    return slot;
  }

  #finish(slot: Slot): void {
    const job = slot.job;
    if (job?.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    delete slot.job;
    slot.worker.unref();
    this.#wake();
  }

  #wake(): void {
    this.#waiting.shift()?.();
  }

  async #idle(): Promise<Slot> {
    for (;;) {
      if (this.#closed) throw new SaringError('invalid_state', 'Media analysis is shut down.');
      const free = this.#slots.find((s) => !s.job);
      if (free) return free;
      if (this.#slots.length < this.size) return this.#spawn();
      await new Promise<void>((r) => this.#waiting.push(r));
    }
  }

  /** Analyses a file in a worker thread; the signal cancels it there. */
  async analyse(path: string, options: Omit<AnalyseOptions, 'signal'>, signal?: AbortSignal): Promise<MediaAnalysis> {
    if (signal?.aborted) throw new SaringError('cancelled', 'The media analysis was cancelled.');
    const slot = await this.#idle();
    const id = this.#next++;
    return new Promise<MediaAnalysis>((resolve, reject) => {
      slot.job = { id, resolve, reject };
      slot.worker.ref();
      if (signal) {
        const onAbort = () => slot.worker.postMessage({ type: 'cancel', id } satisfies AnalysisRequest);
        signal.addEventListener('abort', onAbort, { once: true });
        slot.job.signal = signal;
        slot.job.onAbort = onAbort;
      }
      slot.worker.postMessage({ type: 'analyse', id, path, options } satisfies AnalysisRequest);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const w of this.#waiting.splice(0)) w();
    await Promise.allSettled(
      this.#slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.worker.once('exit', () => resolve());
            s.worker.postMessage({ type: 'close' } satisfies AnalysisRequest);
            setTimeout(() => void s.worker.terminate(), 5000).unref();
          }),
      ),
    );
  }
}
