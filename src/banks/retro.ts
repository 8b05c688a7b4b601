import type { Db } from '../db/connect.js';
import type { Jobs } from '../jobs/jobs.js';
import { allMediaHashes } from './media-hashes.js';
import { BankMatcher, type BankMatch } from './matcher.js';

export const RETRO_QUEUE = 'bank-retro-match';

/** What to do with stored content that new bank entries match (the engine records the decision). */
export type RetroAction = (contentId: string, matches: { media: number; match: BankMatch }[]) => Promise<void>;

/**
 * Retroactive matching: when a bank gains entries, every stored content item's media hashes are
 * checked against just those entries, and matches are acted on. Runs as a job, in pages.
 */
export async function retroMatch(db: Db, entryIds: number[], act: RetroAction): Promise<{ checked: number; matched: number }> {
  const matcher = new BankMatcher(db, entryIds);
  await matcher.refresh();
  let checked = 0;
  let matched = 0;
  if (entryIds.length === 0) return { checked, matched };
  for await (const page of allMediaHashes(db)) {
    const byContent = new Map<string, { media: number; match: BankMatch }[]>();
    for (const item of page) {
      checked++;
      for (const match of await matcher.matchMedia(item.hashes)) {
        const list = byContent.get(item.contentId) ?? [];
        list.push({ media: item.mediaIndex, match });
        byContent.set(item.contentId, list);
      }
    }
    for (const [contentId, matches] of byContent) {
      matched++;
      await act(contentId, matches);
    }
  }
  return { checked, matched };
}

export function defineRetroQueue(jobs: Jobs, db: Db, act: RetroAction): void {
  jobs.define<{ entryIds: number[] }>({
    name: RETRO_QUEUE,
    handler: async (data) => {
      await retroMatch(db, data.entryIds, act);
    },
    retryLimit: 3,
    retryDelay: 10,
    expireInSeconds: 3600,
    concurrency: 1,
    // Each run is a pass over every stored media hash: the entries of all queued jobs (a sweep's or an
    // order's many removals, each banking its media) are matched in one pass, not one pass per removal.
    batchSize: 1000,
    merge: (items) => ({ entryIds: items.flatMap((i) => i.entryIds) }),
  });
}
