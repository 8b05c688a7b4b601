/**
 * The worker thread of {@link createOcrThread} (./ocr-thread.ts): one OCR engine
 * (./ocr.ts, onnxruntime) that reads the images the owning thread sends, one at a time, so that
 * the detector's and recogniser's runs — synchronous in onnxruntime-node — never block the owner's
 * event loop (in the media pipeline: the decoding, vPDQ and the other models' hand-offs).
 *
 * Messages: {@link OcrWorkerRequest} in, {@link OcrWorkerResponse} out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isSaringError } from '../../errors/errors.js';
import { createOcrEngine, type OcrEngine } from './ocr.js';
import type { OcrWorkerData, OcrWorkerRequest, OcrWorkerResponse } from './ocr-protocol.js';

const port = parentPort;
if (!port) throw new Error('ocr-worker.js must run as a worker thread (it is started by createOcrThread).');
const post = (m: OcrWorkerResponse) => port.postMessage(m);

async function main(): Promise<void> {
  let engine: OcrEngine;
  try {
    engine = await createOcrEngine((workerData as OcrWorkerData).options);
  } catch (err) {
    post({ type: 'init-error', error: serialise(err) });
    return;
  }
  port!.on('message', (msg: OcrWorkerRequest) => {
    if (msg.type === 'close') {
      void engine.close().finally(() => post({ type: 'closed' }));
      return;
    }
    const image = 'encoded' in msg ? Buffer.from(msg.encoded) : { data: Buffer.from(msg.raw.data), width: msg.raw.width, height: msg.raw.height, channels: msg.raw.channels };
    engine.recognise(image, msg.options).then(
      (lines) => post({ type: 'result', id: msg.id, lines }),
      (err: unknown) => post({ type: 'error', id: msg.id, error: serialise(err) }),
    );
  });
  post({ type: 'ready' });
}

function serialise(err: unknown): OcrWorkerResponse extends infer R ? (R extends { error: infer E } ? E : never) : never {
  if (isSaringError(err)) return { code: err.code, message: err.message, details: safeDetails(err.details) };
  return { message: err instanceof Error ? err.message : String(err) };
}

function safeDetails(details: unknown): unknown {
  try {
    return structuredClone(details);
  } catch {
    return undefined;
  }
}

void main();
