/**
 * A worker thread that runs media analyses (see `analysis-threads.ts`): decoding, hashing, OCR and
 * the scan of frames run here, off the thread that serves HTTP. The models load once per thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isSaringError } from '../errors/errors.js';
import { analyseMedia } from './analyse.js';
import { MediaEngines } from './engines.js';
import type { AnalysisRequest, AnalysisResponse, AnalysisWorkerData } from './analysis-protocol.js';

const port = parentPort!;
const data = workerData as AnalysisWorkerData;
const engines = new MediaEngines(data.engines);
const running = new Map<number, AbortController>();

port.on('message', (msg: AnalysisRequest) => {
  if (msg.type === 'cancel') {
    running.get(msg.id)?.abort();
    return;
  }
  if (msg.type === 'close') {
    void engines.close().then(() => port.close());
    return;
  }
  const controller = new AbortController();
  running.set(msg.id, controller);
  analyseMedia(msg.path, engines, { ...msg.options, signal: controller.signal }).then(
    (analysis) => port.postMessage({ type: 'result', id: msg.id, analysis } satisfies AnalysisResponse),
    (err: unknown) =>
      port.postMessage({
        type: 'error',
        id: msg.id,
        error: isSaringError(err)
          ? { code: err.code, message: err.message, details: err.details }
          : { code: 'internal', message: err instanceof Error ? err.message : String(err) },
      } satisfies AnalysisResponse),
  ).finally(() => running.delete(msg.id));
});
