import type { CategoryId } from '../categories/categories.js';
import type { Action, Priority } from '../policy/schema.js';

/**
 * One fact behind a category score. Offsets count Unicode code points in the original field
 * text (not UTF-16 units), so `[...text].slice(start, end).join('') === match` in any language.
 */
export interface TextEvidence {
  source: 'text';
  /** Which text field: `text`, `caption`, `comment`, … */
  field: string;
  match: string;
  start: number;
  end: number;
  /** The lexicon entry that matched, and how much it weighs (negative: counter-evidence). */
  term: string;
  lexicon: string;
  lexiconVersion: number;
  weight: number;
}

export type Evidence = TextEvidence;

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

/** What a scan concludes. The shape is part of the public interface (API, CLI, webhooks). */
export interface Verdict {
  action: Action;
  categories: VerdictCategory[];
  /** Where a `review` goes. */
  review?: { queue: string; priority: Priority; category: CategoryId };
  policyVersion: string;
  signals: { entities: Entity[] };
}
