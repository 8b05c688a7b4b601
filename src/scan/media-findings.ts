import { isSaringError } from '../errors/errors.js';
import type { NudityClass } from '../policy/schema.js';

/**
 * What the analysis of one image or video found, in the form the scan judges it: text read on
 * screen, text heard, nudity scores per frame, whether there is speech, and which steps ran. The
 * media pipeline (`src/media/`) produces it; the scan turns it into evidence. Times are seconds
 * from the start of the video (0 for an image); boxes are pixels of the original frame.
 */
export interface MediaFindings {
  /** Position of the media item in the content's `media` (0 for a single file). */
  media: number;
  /** `unknown` when the media could not be read at all (see `steps`). */
  kind: 'image' | 'video' | 'unknown';
  sha256?: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
  /** Lines read on screen; the same line on consecutive frames is one entry (`timestamp`…`until`). */
  ocr?: ScreenText[];
  /** Speech turned into text, when a recogniser is configured. */
  transcript?: SpokenText[];
  /** Nudity classifier scores of each analysed frame. */
  nudity?: { classifier: string; frames: FrameNudity[] };
  speech?: { detected: boolean; segments: { start: number; end: number }[]; speechSeconds: number; transcribed: boolean };
  frames?: { sampled: number; keyframes: number; analysed: number; duplicates: number };
  /** Every step of the analysis with its outcome: a failed step leaves the others' results. */
  steps: MediaStep[];
}

export interface ScreenText {
  text: string;
  /** First and last time the line was seen. */
  timestamp: number;
  until: number;
  box: { x: number; y: number; width: number; height: number };
  confidence: number;
  /** Frame thumbnail (name under the media's thumbnail folder), when one was stored. */
  thumbnail?: string;
}

export interface SpokenText {
  text: string;
  timestamp: number;
  until: number;
}

export type NudityScores = Record<NudityClass, number>;

export interface FrameNudity {
  timestamp: number;
  scores: NudityScores;
  thumbnail?: string;
}

export type StepName = 'intake' | 'hash' | 'frames' | 'keyframes' | 'nudity' | 'ocr' | 'audio' | 'speech' | 'transcript' | 'thumbnails';

export interface MediaStep {
  step: StepName;
  status: 'ok' | 'failed' | 'timeout' | 'skipped' | 'cancelled';
  ms: number;
  /** Why it failed or was skipped. */
  reason?: string;
  /** The error code when it failed. */
  code?: string;
}

/** A step that failed with `err`: `timeout` when it ran out of time, else `failed`, with the error's code and message. */
export function failedStep(step: StepName, err: unknown, ms: number): MediaStep {
  const code = isSaringError(err) ? err.code : 'internal';
  return { step, status: code === 'media_timeout' ? 'timeout' : 'failed', ms, reason: err instanceof Error ? err.message : String(err), code };
}

/** True when a step that judges content failed, ran out of time or was cancelled. */
export function incomplete(f: MediaFindings): boolean {
  return f.steps.some((s) => s.status === 'failed' || s.status === 'timeout' || s.status === 'cancelled');
}
