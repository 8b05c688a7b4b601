import type { CategoryId } from '../categories/categories.js';
import type { ReviewReason } from '../policy/evaluate.js';
import type { Action, Priority } from '../policy/schema.js';
import type { MediaFindings } from './media-findings.js';

/**
 * One fact behind a category score. Offsets count Unicode code points in the original field
 * text (not UTF-16 units), so `[...text].slice(start, end).join('') === match` in any language.
 */
export interface TextEvidence {
  /**
   * Where the text came from: a text field the platform sent (`caption`), text read on screen
   * in an image or video frame (`ocr`), or speech turned into text (`asr`).
   */
  source: 'caption' | 'ocr' | 'asr';
  /** Which text field: `text`, `caption`, `comment`, …; `ocr` / `asr` (`ocr#2` for the second media item) for media text. */
  field: string;
  match: string;
  start: number;
  end: number;
  /** The lexicon entry that matched, and how much it weighs (negative: counter-evidence). */
  term: string;
  lexicon: string;
  lexiconVersion: number;
  weight: number;
  /** The field's language, when it could be told (ISO 639-1, e.g. id, en, jv, su, ms). */
  language?: string;
  /**
   * For `ocr` and `asr`: the media item, the line the match is in (offsets count in it; for OCR,
   * with the spaces OCR dropped put back where the lexicons' words account for them), and when
   * it was on screen or said.
   */
  media?: number;
  text?: string;
  timestamp?: number;
  until?: number;
  /** For `ocr`: where the line is in the frame (pixels of the original video or image). */
  box?: { x: number; y: number; width: number; height: number };
  thumbnail?: string;
}

/** The nudity classifier's scores over an image or a video's frames, with the frames that fired. */
export interface ImageEvidence {
  source: 'image';
  media: number;
  /** e.g. `nsfwjs/MobileNetV2Mid`. */
  classifier: string;
  /** The classes whose probabilities were added up. */
  classes: string[];
  score: number;
  weight: number;
  /** The highest-scoring frames, in time order (at most 10). */
  frames: { timestamp: number; score: number; thumbnail?: string }[];
}

/** A bank entry the media matched: which bank, which entry, how close, and for video which frames. */
export interface HashEvidence {
  source: 'hash';
  /** Position of the media item in the content's `media`. */
  media: number;
  bank: string;
  entryId: number;
  signalType: string;
  /** md5, sha256, pdq, pdq-dihedral:<variant>, pdq-cropped, vpdq, vpdq-cropped, pdq-in-video. */
  method: string;
  distance: number;
  provenance: string;
  sourceRef: string | null;
  queryMatchPercent?: number;
  comparedMatchPercent?: number;
  frames?: { queryFrame: number; queryTimestamp: number; targetFrame?: number | undefined; targetTimestamp?: number | undefined; distance: number }[];
  /** Positive: evidence for the category (text evidence may be negative: counter-evidence). */
  weight: number;
}

/** A text classifier's score for a field, with the features that moved it most. */
export interface ModelEvidence {
  source: 'model';
  field: string;
  model: string;
  /** The registry version, or `builtin` for the shipped copy. */
  version: number | 'builtin';
  label: string;
  score: number;
  /** The same as score: how much this evidence weighs. */
  weight: number;
  /** Top contributing features (character or word n-grams) with their place in the original text (code points). */
  features?: { feature: string; weight: number; start: number; end: number }[];
  language?: string;
  /** When the field is media text (`ocr`, `asr`): the media item and when the strongest feature was on screen or said. */
  media?: number;
  timestamp?: number;
}

export type Evidence = TextEvidence | HashEvidence | ModelEvidence | ImageEvidence;

export interface VerdictCategory {
  category: CategoryId;
  score: number;
  action: Action;
  urgent: boolean;
  legalGround: string;
  evidence: Evidence[];
  queue?: string;
  priority?: Priority;
}

export interface Entity {
  field: string;
  type: 'url' | 'domain' | 'phone';
  value: string;
  match: string;
  start: number;
  end: number;
}

/**
 * A self-declared age or school year in a text field (src/signals/text/underage.ts): "umurku 12
 * tahun", "aku kelas 5 SD". Offsets count code points in the field's text, as in `TextEvidence`.
 */
export interface UnderageEvidence {
  field: string;
  match: string;
  start: number;
  end: number;
  kind: 'age' | 'school_year' | 'school_level' | 'graduation' | 'birth_year';
  /** The age this match implies. */
  age: { min: number; max: number };
  /** How sure this one match is that the writer is under 18 (0–1). */
  weight: number;
}

/** What the texts say of the writer's age, when something says under 18. */
export interface UnderageSignal {
  /** 0–1; an age review opens at the policy's `youth.underageSignals.threshold` (default 0.7). */
  score: number;
  age: { min: number; max: number };
  evidence: UnderageEvidence[];
}

/** What a scan concludes. The shape is part of the public interface (API, CLI, webhooks). */
export interface Verdict {
  action: Action;
  categories: VerdictCategory[];
  /** Where a `review` goes. */
  review?: { queue: string; priority: Priority; category?: CategoryId; reason?: ReviewReason };
  policyVersion: string;
  signals: {
    entities: Entity[];
    /** Language of each text field that produced a signal. */
    languages: { field: string; language: string; probability: number; reliable: boolean }[];
    /** What the analysis of each image or video found (with the steps that ran), when media was analysed. */
    media?: MediaFindings[];
    /** Self-declared ages or school years under 18 in the text fields (bios, captions, comments). */
    underage?: UnderageSignal;
  };
}

const clock = (s: number): string => {
  const m = Math.floor(s / 60);
  const sec = s - m * 60;
  return `${m}:${sec < 10 ? '0' : ''}${sec.toFixed(sec % 1 ? 1 : 0)}`;
};

/** One line a person can read about a piece of evidence (statements of reasons, audit, CLI). */
export function describeEvidence(e: Evidence): string {
  switch (e.source) {
    case 'caption':
      return `"${e.match}" in ${e.field} (${e.lexicon}: ${e.term}, weight ${e.weight})`;
    case 'ocr':
    case 'asr':
      return `"${e.match}" ${e.source === 'ocr' ? 'on screen' : 'said'}${e.timestamp !== undefined ? ` at ${clock(e.timestamp)}` : ''}${e.media ? ` in media ${e.media + 1}` : ''} (${e.lexicon}: ${e.term}, weight ${e.weight})`;
    case 'image':
      return `${e.classifier} scores ${e.classes.join('+')} ${e.score}${e.frames.length ? ` at ${e.frames.slice(0, 3).map((f) => clock(f.timestamp)).join(', ')}` : ''}${e.media ? ` in media ${e.media + 1}` : ''}`;
    case 'hash':
      return `media ${e.media + 1} matches ${e.bank} entry ${e.entryId} (${e.method}, distance ${e.distance}${e.queryMatchPercent !== undefined ? `, ${e.queryMatchPercent}% of frames` : ''})`;
    case 'model': {
      const top = e.features?.filter((f) => f.weight > 0).slice(0, 3).map((f) => `"${f.feature}"`) ?? [];
      return `model ${e.model}${typeof e.version === 'number' ? ` v${e.version}` : ' (shipped)'} scores ${e.field}${e.timestamp !== undefined ? ` at ${clock(e.timestamp)}` : ''} ${e.score} for ${e.label}${top.length ? ` (${top.join(', ')})` : ''}`;
    }
  }
}
