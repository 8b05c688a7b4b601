import type { EngineCore } from '../core.js';
import { onDecided, onReviewRequired, openCase, type OpenCaseInput } from './cases.js';

/** The review part of the engine (docs/review.md). */
export interface ReviewApi {
  /** Opens (or refreshes) the case of a content item for a reason; see {@link openCase}. */
  openCase(input: OpenCaseInput): Promise<{ caseId: string; created: boolean }>;
}

/**
 * Human review: cases opened by policy `review` verdicts (and by reports, appeals and orders
 * through {@link openCase}), closed by any decision on their content.
 */
export function createReview(core: EngineCore): ReviewApi {
  core.effects.hooks.reviewRequired.push(onReviewRequired);
  core.effects.hooks.decided.push(onDecided);
  return {
    openCase: (input) => openCase(core.db, input),
  };
}
