/** Messages between the analysis threads (`analysis-threads.ts`) and their workers (`analysis-worker.ts`). */
import type { AnalyseOptions, MediaAnalysis } from './analyse.js';
import type { MediaEngineOptions } from './engines.js';

export interface AnalysisWorkerData {
  engines: MediaEngineOptions;
}

export type AnalysisRequest =
  | { type: 'analyse'; id: number; path: string; options: Omit<AnalyseOptions, 'signal'> }
  | { type: 'cancel'; id: number }
  | { type: 'close' };

export type AnalysisResponse =
  | { type: 'result'; id: number; analysis: MediaAnalysis }
  | { type: 'error'; id: number; error: { code: string; message: string; details?: unknown } };
