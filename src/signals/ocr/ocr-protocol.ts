/** The messages between {@link createOcrThread} (./ocr-thread.ts) and its worker (./ocr-worker.ts). */
import type { ErrorCode } from '../../errors/errors.js';
import type { OcrLine, OcrOptions } from './ocr.js';

export interface OcrWorkerData {
  options: OcrOptions;
}

type ReadOptions = Pick<OcrOptions, 'maxSide' | 'minConfidence'>;

export type OcrWorkerRequest =
  | { type: 'recognise'; id: number; encoded: ArrayBuffer; options?: ReadOptions }
  | { type: 'recognise'; id: number; raw: { data: ArrayBuffer; width: number; height: number; channels: 3 | 4 }; options?: ReadOptions }
  | { type: 'close' };

/** An error crossing the thread boundary: a SaringError keeps its code and details. */
export interface OcrWorkerError {
  code?: ErrorCode;
  message: string;
  details?: unknown;
}

export type OcrWorkerResponse =
  | { type: 'ready' }
  | { type: 'init-error'; error: OcrWorkerError }
  | { type: 'result'; id: number; lines: OcrLine[] }
  | { type: 'error'; id: number; error: OcrWorkerError }
  | { type: 'closed' };
