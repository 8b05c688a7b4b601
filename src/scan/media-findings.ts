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

/** Steps whose outcome says nothing about the content: the frame pictures kept for the review console. */
const NOT_JUDGING: ReadonlySet<StepName> = new Set(['thumbnails']);

/**
 * True when a step that judges content failed, ran out of time or was cancelled. A thumbnail that
 * could not be written (a full or read-only thumbnail folder) leaves the verdict as sound as before.
 */
export function incomplete(f: MediaFindings): boolean {
  return f.steps.some((s) => !NOT_JUDGING.has(s.step) && (s.status === 'failed' || s.status === 'timeout' || s.status === 'cancelled'));
}

/** One line of a media text field (on-screen text or speech), placed in the field's joined text (code points). */
export interface PlacedLine {
  text: string;
  start: number;
  timestamp: number;
  until: number;
}

/**
 * A piece of a media text field that a text classifier scores on its own: the lines that were on
 * screen together at one moment, or one stretch of speech. `lines` says where each of its lines
 * starts in `text` (`at`) and in the field's joined text (`start`), in code points.
 */
export interface MediaTextUnit {
  text: string;
  lines: { at: number; start: number; length: number }[];
}

const LETTERS = /\p{L}/gu;

/** A line with fewer than two letters: a clock, counter, price or score, or digits OCR misread ("l778", "09:09:l3.000"). */
function wordless(text: string): boolean {
  return (text.match(LETTERS)?.length ?? 0) < 2;
}

/**
 * The units a text classifier scores in a media field: each line alone, like a comment, and the
 * lines on screen together at each moment (a promotion split over two lines). The field joins
 * every line read or heard over the whole video, but the classifiers were trained on single
 * comments and captions: their evidence adds up with the length of a text, so 60 s of an
 * on-screen clock or counter ("09:00:13.000", "788"), joined into one text, read as a gambling
 * promotion; and a promotion joined with an unrelated caption was diluted by it. Lines with fewer
 * than two letters (clocks, counters, prices, scores; digits OCR misread as a letter, "l778") are
 * left out: the models learnt words, and give a bare number like "788" or "l778" a promotion's
 * score. The lexicons still read every line. Identical units are scored once.
 */
export function mediaTextUnits(lines: readonly PlacedLine[]): MediaTextUnit[] {
  const worded = lines.filter((l) => !wordless(l.text));
  const units: MediaTextUnit[] = [];
  const seen = new Set<string>();
  const add = (group: readonly PlacedLine[]) => {
    const text = group.map((l) => l.text).join('\n');
    if (seen.has(text)) return;
    seen.add(text);
    let at = 0;
    const placed: MediaTextUnit['lines'] = [];
    for (const l of group) {
      const length = [...l.text].length;
      placed.push({ at, start: l.start, length });
      at += length + 1;
    }
    units.push({ text, lines: placed });
  };
  for (const l of worded) add([l]);
  for (const t of [...new Set(worded.map((l) => l.timestamp))].sort((a, b) => a - b)) {
    const shown = worded.filter((l) => l.timestamp <= t && t <= Math.max(l.timestamp, l.until));
    if (shown.length > 1) add(shown);
  }
  return units;
}

/** The field offset (code points) of an offset in a unit's text. */
export function unitToField(unit: MediaTextUnit, offset: number): number {
  const line = unit.lines.findLast((l) => l.at <= offset) ?? unit.lines[0]!;
  return line.start + Math.min(Math.max(0, offset - line.at), line.length);
}
