import { CATEGORIES, type CategoryId } from '../categories/categories.js';
import { severity, sourceKey, type Action, type Audience, type PolicyDocument, type Priority } from './schema.js';

/** Why a verdict went to review although no category's own rules asked for it. */
export type ReviewReason = 'unsupported_language' | 'untranscribed_speech' | 'incomplete_analysis';

/** A score one signal source gives a category, with the evidence behind it. */
export interface SourceScore<E = unknown> {
  /** `lexicon`, or `model:<model>/<label>`. */
  source: string;
  score: number;
  evidence: E[];
}

export interface CategoryOutcome<E = unknown> {
  category: CategoryId;
  score: number;
  action: Action;
  urgent: boolean;
  legalGround: string;
  evidence: E[];
  queue?: string;
  priority?: Priority;
}

export interface PolicyOutcome<E = unknown> {
  action: Action;
  /** Every category with a score above zero, most severe first. */
  categories: CategoryOutcome<E>[];
  review?: { queue: string; priority: Priority; category?: CategoryId; reason?: ReviewReason };
}


const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/**
 * Maps category scores to actions. Pure: the caller brings the signals' scores (keyed by
 * category, then by source key); the policy decides which sources count and what follows.
 */
export function evaluatePolicy<E>(
  policy: PolicyDocument,
  signals: ReadonlyMap<CategoryId, ReadonlyMap<string, SourceScore<E>>>,
  audience: Audience,
): PolicyOutcome<E> {
  const outcomes: CategoryOutcome<E>[] = [];
  for (const [category, bySource] of signals) {
    const rules = policy.categories[category];
    const sources = rules?.sources ?? ['lexicon'];
    const used: SourceScore<E>[] = [];
    let weighted = 0;
    let weights = 0;
    for (const s of sources) {
      const weight = s === 'lexicon' ? 1 : s.weight;
      const found = bySource.get(sourceKey(s));
      weights += weight; // a source that found nothing counts as 0 in the mean
      if (!found || found.score <= 0) continue;
      weighted += found.score * weight;
      used.push({ ...found, score: found.score * weight });
    }
    if (used.length === 0) continue;
    let score =
      rules?.combine === 'noisy_or'
        ? 1 - used.reduce((p, u) => p * (1 - u.score), 1)
        : rules?.combine === 'mean'
          ? weighted / weights
          : Math.max(...used.map((u) => u.score));
    const decisive = rules?.decisive;
    const aloneFrom = (u: SourceScore<E>) => (typeof decisive === 'number' ? decisive : decisive?.[u.source]);
    const alone = Math.max(0, ...used.map((u) => (u.score >= (aloneFrom(u) ?? Infinity) ? u.score : 0)));
    score = Math.max(score, alone);
    const rule = rules?.rules.find((r) => score >= r.minScore && (!r.audience || r.audience.includes(audience)));
    const action: Action = rule?.action ?? 'allow';
    const outcome: CategoryOutcome<E> = {
      category,
      score: Math.round(score * 1000) / 1000,
      action,
      urgent: CATEGORIES[category].urgent,
      legalGround: CATEGORIES[category].legalGround,
      evidence: used.flatMap((u) => u.evidence),
    };
    if (action === 'review') {
      outcome.queue = rule?.queue ?? policy.review.defaultQueue;
      outcome.priority = rule?.priority ?? policy.review.defaultPriority;
    }
    outcomes.push(outcome);
  }
  outcomes.sort((a, b) => severity(b.action) - severity(a.action) || b.score - a.score);
  const top = outcomes[0];
  const action: Action = top?.action ?? 'allow';
  const result: PolicyOutcome<E> = { action, categories: outcomes };
  if (action === 'review') {
    const reviews = outcomes.filter((o) => o.action === 'review');
    reviews.sort((a, b) => PRIORITY_RANK[b.priority!] - PRIORITY_RANK[a.priority!] || b.score - a.score);
    const r = reviews[0]!;
    result.review = { queue: r.queue!, priority: r.priority!, category: r.category };
  }
  return result;
}
