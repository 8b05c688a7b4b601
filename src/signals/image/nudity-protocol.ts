/** The types the nudity pool (`nudity.ts`) and its worker threads (`nudity-worker.ts`) share. */

/**
 * The nsfwjs models, all bundled in the package:
 * - `MobileNetV2Mid` (default): graph model, 224×224, ~4 MB of weights; best speed/accuracy;
 * - `MobileNetV2`: layers model, 224×224, ~2.6 MB; smallest;
 * - `InceptionV3`: layers model, 299×299, ~21 MB; slowest (several times MobileNet's time).
 */
export type NudityModelName = 'MobileNetV2Mid' | 'MobileNetV2' | 'InceptionV3';

/** Probabilities of nsfwjs's five classes (see the module comment); sum ≈ 1, rounded to 4 decimals. */
export interface NudityScores {
  porn: number;
  hentai: number;
  sexy: number;
  drawing: number;
  neutral: number;
}

export interface NudityWorkerData {
  model: NudityModelName;
  inputSize: number;
}

export type NudityWorkerRequest =
  | { type: 'classify'; id: number; pixels: ArrayBuffer }
  /** Testing only: make this worker die with an uncaught exception. */
  | { type: 'crash' };

export type NudityWorkerResponse =
  | { type: 'ready'; backend: string; loadMs: number }
  | { type: 'init-error'; message: string; logs: string[] }
  | { type: 'result'; id: number; scores: NudityScores }
  | { type: 'error'; id: number; message: string };
