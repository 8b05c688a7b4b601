import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, testSaring } from '../test-support/storage.js';
import type { Saring } from '../engine.js';
import { demoContent } from '../demo/demo.js';
import { openCase } from './cases.js';
import { GAMBLING_REVIEW_TEXT } from '../test-support/texts.js';


const REVIEWED = GAMBLING_REVIEW_TEXT;

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`review cases on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    beforeAll(async () => {
      saring = await testSaring(backend, { workers: false });
    });
    afterAll(() => saring?.close());

    const cases = (contentId: string) => saring.db.selectFrom('review_cases').selectAll().where('content_id', '=', contentId).orderBy('created_at').execute();

    it('opens one case per item per reason: a policy review verdict opens it, a rescan refreshes it, repeated reports count up', async () => {
      const first = await saring.content.submit({ externalId: 'case-1', kind: 'comment', texts: { comment: REVIEWED } }, 'test');
      expect(first.verdict?.action).toBe('review');
      const [opened] = await cases(first.content.id);
      expect(opened).toMatchObject({ reason: 'policy', queue: 'gambling', category: 'gambling', status: 'open', policy_priority: 'normal', ref: expect.any(String) });
      expect(opened!.due_at.getTime() - opened!.created_at.getTime()).toBe(24 * 3_600_000);

      // Sent again with a changed caption that is still held for review: the same case, refreshed.
      const again = await saring.content.submit({ externalId: 'case-1', kind: 'comment', texts: { comment: `${REVIEWED} !!` } }, 'test');
      expect(again.verdict?.action).toBe('review');
      expect(await cases(first.content.id)).toHaveLength(1);
      expect((await cases(first.content.id))[0]!.ref).not.toBe(opened!.ref);

      const r1 = await openCase(saring.db, { contentId: first.content.id, reason: 'report', queue: 'reports', ref: 'report-1' });
      const r2 = await openCase(saring.db, { contentId: first.content.id, reason: 'report', queue: 'reports', ref: 'report-2' });
      expect(r1.created).toBe(true);
      expect(r2).toEqual({ caseId: r1.caseId, created: false });
      const all = await cases(first.content.id);
      expect(all.map((c) => [c.reason, c.reports])).toEqual([
        ['policy', 0],
        ['report', 2],
      ]);
      // More reports weigh more (10 per doubling by default).
      expect(all[1]!.priority_components.reports).toBeCloseTo(10 * Math.log2(3), 6);

      const kinds = await saring.db.selectFrom('review_case_events').select('kind').where('case_id', '=', opened!.id).orderBy('id').execute();
      expect(kinds.map((k) => k.kind)).toEqual(['opened', 'refreshed']);
    });

    it('never holds two open cases of one item for one reason, even written directly', async () => {
      const item = await saring.content.submit({ externalId: 'case-2', kind: 'comment', texts: { comment: REVIEWED } }, 'test');
      const [c] = await cases(item.content.id);
      await expect(
        saring.db.insertInto('review_cases').values({ content_id: item.content.id, reason: 'policy', queue: 'x', due_at: new Date() }).execute(),
      ).rejects.toThrow(/review_cases_one_open/);
      // Once closed, a new one may open.
      await saring.db.updateTable('review_cases').set({ status: 'closed' }).where('id', '=', c!.id).execute();
      expect((await openCase(saring.db, { contentId: item.content.id, reason: 'policy', queue: 'gambling' })).created).toBe(true);
    });

    it('leaves the demo content with open cases in several queues and priorities, one of them four-eyes', async () => {
      for (const item of demoContent()) await saring.content.submit(item, 'system:demo');
      const open = await saring.db
        .selectFrom('review_cases')
        .innerJoin('content_items', 'content_items.id', 'review_cases.content_id')
        .select(['content_items.external_id', 'queue', 'policy_priority', 'lane', 'category'])
        .where('content_items.external_id', 'like', 'demo-%')
        .where('review_cases.status', '=', 'open')
        .orderBy('rank', 'desc')
        .execute();
      expect(new Set(open.map((c) => c.queue)).size).toBeGreaterThanOrEqual(3);
      expect(new Set(open.map((c) => c.policy_priority)).size).toBeGreaterThanOrEqual(3);
      expect(open[0]).toMatchObject({ external_id: 'demo-terror-1', queue: 'terrorism', policy_priority: 'urgent', lane: 'senior', category: 'terrorism' });
    });

    it('closes the open cases of an item when it is decided, through any door', async () => {
      const item = await saring.content.submit({ externalId: 'case-3', kind: 'comment', texts: { comment: REVIEWED } }, 'test');
      await openCase(saring.db, { contentId: item.content.id, reason: 'report', queue: 'reports' });
      const admin = await saring.users.authenticate(saring.adminKey);
      const decision = await saring.decisions.decide(item.content.id, { action: 'remove', category: 'gambling', reason: 'Judi online.' }, admin);
      const all = await cases(item.content.id);
      expect(all.map((c) => [c.status, c.resolution, c.decision_id, c.closed_by])).toEqual([
        ['closed', 'decided', decision.id, admin.user.id],
        ['closed', 'decided', decision.id, admin.user.id],
      ]);
    });
  });
}
