/**
 * The worker thread of the nudity classifier (see ./nudity.ts): loads one nsfwjs model, then
 * classifies the RGB pixel buffers the pool sends, one at a time. The default graph model
 * (MobileNetV2Mid) runs on onnxruntime, translated from the bundled TensorFlow.js graph
 * (./nudity-onnx.ts: same weights, scores equal to TensorFlow.js's to the 4 decimals kept, ~6×
 * less CPU); the layers models (MobileNetV2, InceptionV3), or the graph model when the
 * translation or onnxruntime fails, run on the TensorFlow.js WebAssembly backend.
 *
 * - No network: the model is named ('MobileNetV2Mid', …), so nsfwjs loads the weights bundled in
 *   its npm package (base64 JavaScript modules under nsfwjs/dist/models/), and the wasm binary
 *   is read from node_modules/@tensorflow/tfjs-backend-wasm/dist/. `fetch` is replaced, in this
 *   thread, by a function that throws, so any attempt to reach the network fails loudly instead
 *   of silently downloading.
 * - Quiet: nsfwjs (and tfjs) print notices on load; console.log/info/warn/debug are muted while
 *   loading. What they printed is returned in the error if loading fails.
 * - Bounded memory: every tensor made per image is disposed (nsfwjs's `infer` runs in
 *   `tf.tidy`, its `classify` disposes the logits; the input tensor is disposed here).
 *
 * This file runs only as a worker (`workerData: NudityWorkerData`); messages are
 * {@link NudityWorkerRequest} in and {@link NudityWorkerResponse} out.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { NudityScores, NudityWorkerData, NudityWorkerRequest, NudityWorkerResponse } from './nudity-protocol.js';

type ClassName = 'Porn' | 'Hentai' | 'Sexy' | 'Drawing' | 'Neutral';
const KEYS: Record<ClassName, keyof NudityScores> = {
  Porn: 'porn',
  Hentai: 'hentai',
  Sexy: 'sexy',
  Drawing: 'drawing',
  Neutral: 'neutral',
};

const port = parentPort;
if (!port) throw new Error('nudity-worker.js must run as a worker thread (it is started by createNudityClassifier).');
const data = workerData as NudityWorkerData;

function post(message: NudityWorkerResponse): void {
  port!.postMessage(message);
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function blockedFetch(input: unknown): Promise<never> {
  const what = typeof input === 'string' ? input : input instanceof URL ? input.href : String(input);
  return Promise.reject(new Error(`The nudity worker never uses the network (attempted fetch of ${what}).`));
}

type Classify = (pixels: Uint8Array) => Promise<NudityScores>;

/** The model on onnxruntime, or undefined when it is not a graph model the translator handles. */
async function loadOnnx(logs: string[]): Promise<{ classify: Classify; backend: string } | undefined> {
  const { nsfwOnnxModel, NSFW_CLASS_ORDER } = await import('./nudity-onnx.js');
  let model;
  try {
    model = await nsfwOnnxModel(data.model);
  } catch (err) {
    logs.push(`onnxruntime not used: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  const size = data.inputSize;
  if (model.inputSize !== size) return undefined;
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(model.bytes, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
  const input = new Float32Array(size * size * 3);
  const classify: Classify = async (pixels) => {
    // TensorFlow.js's input: the pixels as floats / 255 (nsfwjs's `infer`), NHWC
    for (let i = 0; i < input.length; i++) input[i] = pixels[i]! / 255;
    const out = await session.run({ pixels: new ort.Tensor('float32', input, [1, size, size, 3]) });
    const result = out['scores']!;
    const probs = result.data as Float32Array;
    const scores: NudityScores = { porn: 0, hentai: 0, sexy: 0, drawing: 0, neutral: 0 };
    NSFW_CLASS_ORDER.forEach((name, i) => (scores[KEYS[name]] = round4(probs[i]!)));
    result.dispose?.();
    return scores;
  };
  return { classify, backend: 'onnxruntime' };
}

async function load(logs: string[]): Promise<{ classify: Classify; backend: string }> {
  (globalThis as { fetch?: unknown }).fetch = blockedFetch;
  try {
    const onnx = await loadOnnx(logs);
    if (onnx) return onnx;
  } catch (err) {
    logs.push(`onnxruntime failed, using TensorFlow.js: ${err instanceof Error ? err.message : String(err)}`);
  }

  const tf = await import('@tensorflow/tfjs');
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  // tfjs's own loaders go through the platform's fetch, not always the global one.
  (tf.env().platform as unknown as { fetch: unknown }).fetch = blockedFetch;
  tf.enableProdMode();

  const require = createRequire(import.meta.url);
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  setWasmPaths(wasmDir + '/');
  if (!(await tf.setBackend('wasm'))) throw new Error('The TensorFlow.js wasm backend failed to start.');
  await tf.ready();

  const nsfw = await import('nsfwjs');
  // The name form (not a URL) loads the weights bundled in the nsfwjs package.
  const model = await nsfw.load(data.model);
  const size = data.inputSize;

  const classify: Classify = async (pixels) => {
    const img = tf.tensor3d(pixels, [size, size, 3], 'int32');
    try {
      const predictions = await model.classify(img, 5);
      const scores: NudityScores = { porn: 0, hentai: 0, sexy: 0, drawing: 0, neutral: 0 };
      for (const p of predictions) {
        const key = KEYS[p.className as ClassName];
        if (key) scores[key] = round4(p.probability);
      }
      return scores;
    } finally {
      img.dispose();
    }
  };
  return { classify, backend: tf.getBackend() };
}

async function main(): Promise<void> {
  const started = performance.now();
  const logs: string[] = [];
  const saved = { log: console.log, info: console.info, warn: console.warn, debug: console.debug };
  const mute = (...args: unknown[]): void => {
    logs.push(args.map((a) => (typeof a === 'string' ? a : String(a))).join(' '));
  };
  console.log = console.info = console.warn = console.debug = mute;
  let classify: Classify;
  let backend: string;
  try {
    ({ classify, backend } = await load(logs));
  } catch (err) {
    post({ type: 'init-error', message: err instanceof Error ? err.message : String(err), logs });
    return;
  } finally {
    Object.assign(console, saved);
  }

  // One job at a time: the pool sends the next only after this one's answer.
  port!.on('message', (msg: NudityWorkerRequest) => {
    if (msg.type === 'crash') throw new Error('nudity worker crash requested (test)');
    if (msg.type !== 'classify') return;
    classify(new Uint8Array(msg.pixels)).then(
      (scores) => post({ type: 'result', id: msg.id, scores }),
      (err: unknown) => post({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) }),
    );
  });
  post({ type: 'ready', backend, loadMs: Math.round(performance.now() - started) });
}

void main();
