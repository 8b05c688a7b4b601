import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaring, type Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { BACKENDS, testApp, testConfig } from '../test-support/storage.js';
import { BULK_QUEUE } from './bulk.js';
import { insertSyntheticCases } from './synthetic.js';

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`review bulk actions on ${label}`, () => {
    // An HTTP process without job workers (as `saring serve --no-workers`): the tests run the
    // bulk job themselves, or start a worker process on the same database.
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    let headers: Record<string, string>;
    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      const { apiKey } = await saring.users.create({ name: 'bulk moderator', role: 'moderator' }, 'test');
      headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    });
    afterAll(() => close?.());

    const bulk = (body: unknown) => app.inject({ method: 'POST', url: '/v1/review/bulk', headers, payload: JSON.stringify(body) });
    const decisionsOn = async (caseIds: string[]) =>
      (
        await saring.db
          .selectFrom('decisions')
          .innerJoin('review_cases', 'review_cases.content_id', 'decisions.content_id')
          .select(['review_cases.id as caseId', 'decisions.id'])
          .where('review_cases.id', 'in', caseIds)
          .execute()
      ).map((r) => r.caseId);

    it('refuses 1,001 cases (400) and stores nothing', async () => {
      const ids = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      const res = await bulk({ caseIds: ids, action: 'allow', reason: 'x' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('at most 1,000 cases') });
      expect(await saring.db.selectFrom('review_bulk_runs').selectAll().execute()).toEqual([]);
      expect((await bulk({ caseIds: [ids[0], ids[0]], action: 'allow', reason: 'x' })).statusCode).toBe(400);
      expect((await bulk({ caseIds: [ids[0]], action: 'allow' })).json().error.message).toMatch(/needs a reason/);
    });

    it('resumes a run stopped half-way, deciding each case exactly once', async () => {
      const ids = await insertSyntheticCases(saring.db, { count: 30, prefix: 'resume', queue: 'bulk' });
      const res = await bulk({ caseIds: ids, action: 'allow', templateId: 'no-violation' });
      expect(res.statusCode).toBe(202);
      const run = res.json();
      expect(run).toMatchObject({ status: 'queued', total: 30, counts: { pending: 30, done: 0 } });

      // The process stops after the 10th decision (a shutdown or a crash: the job's signal).
      const stop = new AbortController();
      let seen = 0;
      const hook = async () => void (++seen === 10 && stop.abort());
      saring.effects.hooks.decided.push(hook);
      try {
        await expect(saring.review.runBulk(run.id, stop.signal)).rejects.toThrow(/resumes where it stopped/);
      } finally {
        saring.effects.hooks.decided.splice(saring.effects.hooks.decided.indexOf(hook), 1);
      }
      // (cases already under way when it stopped finish: up to one per lane)
      const stopped = (await saring.review.bulkRun(run.id)).counts;
      expect(stopped.done).toBeGreaterThanOrEqual(10);
      expect(stopped.done).toBeLessThan(15);
      expect(stopped.pending + stopped.done).toBe(30);

      await saring.review.runBulk(run.id);
      const done = (await app.inject({ url: `/v1/review/bulk/${run.id}`, headers: { authorization: headers.authorization! } })).json();
      expect(done).toMatchObject({ status: 'done', counts: { pending: 0, done: 30, skipped: 0, failed: 0 } });
      const decided = await decisionsOn(ids);
      expect(decided.length).toBe(30);
      expect(new Set(decided).size).toBe(30);
      expect(done.results.every((r: { decisionId: string | null }) => r.decisionId)).toBe(true);
    });

    it('applies each case atomically: one that fails changes nothing, cases held by others or closed are skipped, the rest are decided', async () => {
      const ids = await insertSyntheticCases(saring.db, { count: 5, prefix: 'atomic', queue: 'bulk' });
      const [ok1, claimed, closed, failing, ok2] = ids as [string, string, string, string, string];
      const other = await saring.users.create({ name: 'other moderator', role: 'moderator' }, 'test');
      await saring.review.claim(claimed, await saring.users.authenticate(other.apiKey));
      await saring.db.updateTable('review_cases').set({ status: 'closed', closed_at: new Date() }).where('id', '=', closed).execute();
      const failingContent = (await saring.db.selectFrom('review_cases').select('content_id').where('id', '=', failing).executeTakeFirstOrThrow()).content_id;
      const auditBefore = await saring.db.selectFrom('audit_log').select('seq').where('subject_id', '=', failingContent).execute();
      const hook = async (_trx: unknown, e: { decision: { contentId: string } }) => {
        if (e.decision.contentId === failingContent) throw new Error('a capability refused');
      };
      saring.effects.hooks.decided.push(hook);
      try {
        const run = (await bulk({ caseIds: ids, action: 'remove', category: 'gambling', templateId: 'gambling-promotion' })).json();
        await saring.review.runBulk(run.id);
        const done = await saring.review.bulkRun(run.id);
        expect(done.results.map((r) => [r.status, r.outcome])).toEqual([
          ['done', 'decided'],
          ['skipped', 'case_claimed'],
          ['skipped', 'case_closed'],
          ['failed', 'internal'],
          ['done', 'decided'],
        ]);
      } finally {
        saring.effects.hooks.decided.splice(saring.effects.hooks.decided.indexOf(hook), 1);
      }
      expect((await decisionsOn(ids)).sort()).toEqual([ok1, ok2].sort());
      expect((await saring.content.get(failingContent)).status).toBe('in_review');
      expect((await saring.db.selectFrom('review_cases').select('status').where('id', '=', failing).executeTakeFirstOrThrow()).status).toBe('open');
      expect(await saring.db.selectFrom('audit_log').select('seq').where('subject_id', '=', failingContent).execute()).toEqual(auditBefore);
    });

    it('decides 1,000 cases in one bulk action, run by a worker process', async () => {
      const ids = await insertSyntheticCases(saring.db, { count: 1000, prefix: 'thousand', queue: 'bulk-1000' });
      const res = await bulk({ caseIds: ids, action: 'allow', reason: 'Tidak melanggar.' });
      expect(res.statusCode).toBe(202);
      const worker = await createSaring(testConfig({ workers: true }), { storage: saring.storage, warm: false });
      try {
        await worker.jobs.drain([BULK_QUEUE], 120_000);
      } finally {
        await worker.close();
      }
      const run = await saring.review.bulkRun(res.json().id);
      expect(run).toMatchObject({ status: 'done', counts: { pending: 0, done: 1000, skipped: 0, failed: 0 } });
      expect(new Set(await decisionsOn(ids)).size).toBe(1000);
      const open = await saring.db.selectFrom('review_cases').select('id').where('id', 'in', ids).where('status', '<>', 'closed').execute();
      expect(open).toEqual([]);
    }, 120_000);
  });
}
