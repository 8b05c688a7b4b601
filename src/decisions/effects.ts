import type { Actor } from '../audit/log.js';
import type { CategoryId } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import type { Jobs } from '../jobs/jobs.js';
import type { Priority } from '../policy/schema.js';
import type { Verdict } from '../scan/verdict.js';
import type { Decision } from './statement.js';

/** Content held for human review: what the scan (or a door) asked for. */
export interface ReviewRequired {
  contentId: string;
  externalId: string;
  scanId: string | null;
  queue: string;
  priority: Priority;
  category?: CategoryId | undefined;
  reason?: string | undefined;
  actor: Actor;
}

/** A decision just stored, with the content it is about. */
export interface Decided {
  decision: Decision;
  content: { id: string; externalId: string; accountId: string | null; audience: string };
  actor: Actor;
}

/** Content just scanned (stored, changed, or its media analysed), with the verdict it got and its scan's id. */
export interface Scanned {
  content: { id: string; externalId: string; accountId: string | null };
  scanId: string;
  verdict: Verdict;
  actor: Actor;
}

/** A report just stored that joined (or opened) its content's report case. */
export interface Reported {
  reportId: string;
  contentId: string;
  caseId: string;
  category: CategoryId | null;
  actor: Actor;
}

/**
 * What capabilities add to the one decision path, inside its transaction: the review capability
 * opens a case for content held for review and closes an item's cases when it is decided; strikes
 * count removals against the account. Hooks run in registration order with the transaction
 * (`trx`) of the change; one that throws rolls the whole change back.
 */
export interface DecisionHooks {
  reviewRequired: ((trx: Db, event: ReviewRequired) => Promise<void>)[];
  decided: ((trx: Db, event: Decided) => Promise<void>)[];
  /** After a scan's verdict was acted on (youth ages: underage signals open an age review). */
  scanned: ((trx: Db, event: Scanned) => Promise<void>)[];
  /** A report opened or joined a review case (the educational programme takes the item out of its catalogue). */
  reported: ((trx: Db, event: Reported) => Promise<void>)[];
}

/** What a change of a content item's state sets off in its transaction: webhook jobs and the capabilities' hooks. */
export interface Effects {
  jobs: Jobs;
  hooks: DecisionHooks;
}

export function createEffects(jobs: Jobs): Effects {
  return { jobs, hooks: { reviewRequired: [], decided: [], scanned: [], reported: [] } };
}

/** Runs the hooks of one kind, in order. */
export async function runHooks<E>(hooks: ((trx: Db, event: E) => Promise<void>)[], trx: Db, event: E): Promise<void> {
  for (const hook of hooks) await hook(trx, event);
}
