import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../access/auth.js';
import type { App } from '../http/app.js';
import { BACKENDS, testApp } from '../test-support/storage.js';
import type { Saring } from '../engine.js';
import { openCase } from './cases.js';
import { reviewRules, storePriorities } from './rules.js';
import { insertSyntheticCases } from './synthetic.js';
import { GAMBLING_REVIEW_TEXT } from '../test-support/texts.js';

/** Held for review by the default policy (gambling, between 0.4 and 0.85). */
const GAMBLING_REVIEW = GAMBLING_REVIEW_TEXT;
/** Held for review by the default policy in the terrorism queue, urgent: a four-eyes category. */
const TERRORISM_REVIEW = 'bom bunuh diri amaliyah';
const PDQ = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`review on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    const people = {} as Record<'mod1' | 'mod2' | 'senior1' | 'senior2', { key: string; principal: Principal; headers: Record<string, string> }>;

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      // (no workers: deliveries are only queued, and read back from webhook_deliveries)
      await saring.webhooks.add({ url: 'http://127.0.0.1:9/hook' }, 'test');
      for (const [name, role] of [
        ['mod1', 'moderator'],
        ['mod2', 'moderator'],
        ['senior1', 'senior_moderator'],
        ['senior2', 'senior_moderator'],
      ] as const) {
        const { apiKey } = await saring.users.create({ name, role }, 'test');
        people[name] = { key: apiKey, principal: await saring.users.authenticate(apiKey), headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' } };
      }
    });
    afterAll(() => close?.());

    const post = (who: keyof typeof people, url: string, body?: unknown) =>
      app.inject({ method: 'POST', url, headers: body === undefined ? { authorization: people[who].headers.authorization! } : people[who].headers, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
    const get = (who: keyof typeof people, url: string) => app.inject({ url, headers: { authorization: people[who].headers.authorization! } });
    const submit = async (externalId: string, text: string, extra: Record<string, unknown> = {}) =>
      (await saring.content.submit({ externalId, kind: 'comment', texts: { comment: text }, ...extra }, 'test')).content.id;
    const caseOf = async (contentId: string) => (await saring.db.selectFrom('review_cases').select('id').where('content_id', '=', contentId).where('status', '<>', 'closed').executeTakeFirstOrThrow()).id;
    /** Closes every case not closed, so the next test starts from an empty queue. */
    const clearQueues = () => saring.db.updateTable('review_cases').set({ status: 'closed', closed_at: new Date() }).where('status', '<>', 'closed').execute();

    it('claims by priority: urgent categories first, then more reports, children’s content, older cases; the policy’s rule can change the order', async () => {
      await clearQueues();
      const ids: Record<string, string> = {};
      const item = async (name: string, audience = 'general') => (ids[name] = await submit(`prio-${name}`, 'halo semua', { audience }));
      // Same queue, same policy priority; one input differs each time.
      await openCase(saring.db, { contentId: await item('plain-new'), reason: 'report', queue: 'reports' });
      await openCase(saring.db, { contentId: await item('plain-old'), reason: 'report', queue: 'reports' });
      await openCase(saring.db, { contentId: await item('children', 'children'), reason: 'report', queue: 'reports' });
      for (let i = 0; i < 3; i++) await openCase(saring.db, { contentId: ids['more-reports'] ?? (await item('more-reports')), reason: 'report', queue: 'reports' });
      await openCase(saring.db, { contentId: await item('urgent'), reason: 'report', queue: 'reports', category: 'terrorism' });
      await openCase(saring.db, { contentId: await item('hate'), reason: 'report', queue: 'reports', category: 'sara_hate' });
      // Opened 5 hours earlier (5 points at the default 1 per hour), written directly: ranks recomputed.
      await saring.db.updateTable('review_cases').set({ created_at: new Date(Date.now() - 5 * 3_600_000) }).where('content_id', '=', ids['plain-old']!).execute();
      await storePriorities(saring.db, await reviewRules(saring.db), 'open');

      const order: string[] = [];
      for (;;) {
        const res = await post('senior1', '/v1/review/claim');
        if (res.statusCode === 204) break;
        expect(res.statusCode).toBe(200);
        const c = res.json().case;
        order.push(Object.entries(ids).find(([, id]) => id === c.contentId)![0]);
        expect(c).toMatchObject({ id: expect.any(String), contentId: expect.any(String), queue: 'reports', priority: expect.any(Number), dueAt: expect.any(String) });
      }
      expect(order).toEqual(['urgent', 'hate', 'children', 'more-reports', 'plain-old', 'plain-new']);

      // The operator weighs reports far above the rest: the order follows at the next claim.
      await clearQueues();
      await openCase(saring.db, { contentId: ids['urgent']!, reason: 'report', queue: 'reports', category: 'terrorism' });
      for (let i = 0; i < 3; i++) await openCase(saring.db, { contentId: ids['more-reports']!, reason: 'report', queue: 'reports' });
      const source = (await saring.policy.active())!.source;
      expect(source).toMatch(/^    reports: 10$/m);
      await saring.policy.activate(source.replace(/^    reports: 10$/m, '    reports: 500'), 'test');
      expect((await post('senior1', '/v1/review/claim')).json().case.contentId).toBe(ids['more-reports']);
    });

    it('gives each case a deadline from its queue’s SLA and shows breaches', async () => {
      await clearQueues();
      const gambling = await caseOf(await submit('sla-1', GAMBLING_REVIEW));
      const terror = await caseOf(await submit('sla-2', TERRORISM_REVIEW));
      const view = async (id: string) => (await get('senior1', `/v1/review/cases/${id}`)).json().case;
      const g = await view(gambling);
      const t = await view(terror);
      expect(Date.parse(g.dueAt) - Date.parse(g.createdAt)).toBe(24 * 3_600_000);
      expect(Date.parse(t.dueAt) - Date.parse(t.createdAt)).toBe(4 * 3_600_000);
      expect([g.breached, t.breached]).toEqual([false, false]);
      await saring.db.updateTable('review_cases').set({ due_at: new Date(Date.now() - 1000) }).where('id', '=', gambling).execute();
      expect((await view(gambling)).breached).toBe(true);
      const queues = (await get('mod1', '/v1/review/queues')).json().queues as { queue: string; open: number; breached: number; slaHours: number }[];
      expect(queues.find((q) => q.queue === 'gambling')).toMatchObject({ open: 1, breached: 1, slaHours: 24 });
      expect(queues.find((q) => q.queue === 'terrorism')).toMatchObject({ open: 1, breached: 0, slaHours: 4 });
      // Queues the policy names are listed when empty too.
      expect(queues.find((q) => q.queue === 'hate')).toMatchObject({ open: 0 });
      const breachedRes = await get('mod1', '/v1/review/cases?breached=true');
      expect(breachedRes.statusCode, breachedRes.body).toBe(200);
      const breached = breachedRes.json().cases;
      expect(breached.map((c: { id: string }) => c.id)).toEqual([gambling]);
    });

    it('claims exclusively and for a while: 409 for someone else, an abandoned claim returns to the queue, release gives it back', async () => {
      await clearQueues();
      const id = await caseOf(await submit('claim-1', GAMBLING_REVIEW));
      const first = await post('mod1', '/v1/review/claim', { queue: 'gambling' });
      expect(first.json().case.id).toBe(id);
      expect(first.json().case.claim).toMatchObject({ by: people.mod1.principal.user.id, expired: false });
      expect(Date.parse(first.json().case.claim.expiresAt) - Date.parse(first.json().case.claim.at)).toBe(15 * 60_000);

      const taken = await post('mod2', `/v1/review/cases/${id}/claim`);
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('case_claimed');
      expect((await post('mod2', '/v1/review/claim', { queue: 'gambling' })).statusCode).toBe(204);
      const decided = await post('mod2', `/v1/review/cases/${id}/decision`, { action: 'allow', reason: 'ok' });
      expect(decided.json().error.code).toBe('case_claimed');
      expect((await get('mod2', `/v1/review/cases/${id}`)).json().readOnly).toBe(true);
      expect((await get('mod1', `/v1/review/cases/${id}`)).json().readOnly).toBe(false);
      // The holder may extend.
      expect((await post('mod1', `/v1/review/cases/${id}/claim`)).statusCode).toBe(200);

      // mod1 walks away: once the claim runs out, the case is claimable again.
      await saring.db.updateTable('review_cases').set({ claim_expires_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
      const again = await post('mod2', '/v1/review/claim', { queue: 'gambling' });
      expect(again.json().case).toMatchObject({ id, claim: { by: people.mod2.principal.user.id } });
      expect((await post('mod1', `/v1/review/cases/${id}/decision`, { action: 'allow', reason: 'late' })).json().error.code).toBe('case_claimed');

      expect((await post('mod1', `/v1/review/cases/${id}/release`)).json().error.code).toBe('case_not_claimed');
      expect((await post('mod2', `/v1/review/cases/${id}/release`)).json().case.claim).toBeNull();
      expect((await post('mod1', `/v1/review/cases/${id}/decision`, { action: 'allow', reason: 'unclaimed' })).json().error.code).toBe('case_not_claimed');
      expect((await post('mod1', '/v1/review/claim', { queue: 'gambling' })).json().case.id).toBe(id);
    });

    it('hands each of 1,000 cases to exactly one of 8 moderators claiming at once', async () => {
      await clearQueues();
      const created = await insertSyntheticCases(saring.db, { count: 1000, prefix: 'conc', queue: 'concurrency', spreadHours: 48 });
      const keys = await Promise.all(Array.from({ length: 8 }, async (_, i) => (await saring.users.create({ name: `claimer ${i}`, role: 'moderator' }, 'test')).apiKey));
      const claimed = await Promise.all(
        keys.map(async (key) => {
          const mine: string[] = [];
          for (;;) {
            const res = await app.inject({ method: 'POST', url: '/v1/review/claim?queue=concurrency', headers: { authorization: `Bearer ${key}` } });
            if (res.statusCode === 204) return mine;
            expect(res.statusCode).toBe(200);
            mine.push(res.json().case.id);
          }
        }),
      );
      const all = claimed.flat();
      expect(all.length).toBe(1000);
      expect(new Set(all).size).toBe(1000);
      expect(new Set(all)).toEqual(new Set(created));
      if (backend === 'postgres') expect(claimed.filter((c) => c.length > 0).length).toBeGreaterThan(1);
    });

    it('decides through the one decision path: statement, audit entry, webhook, bank entries; a second decision is 409 case_closed', async () => {
      await clearQueues();
      const contentId = await submit('decide-1', GAMBLING_REVIEW, { kind: 'image', media: [{ type: 'image', pdq: { hash: PDQ, quality: 100 } }] });
      const id = await caseOf(contentId);
      await post('mod1', `/v1/review/cases/${id}/claim`);
      const res = await post('mod1', `/v1/review/cases/${id}/decision`, { action: 'remove', category: 'gambling', templateId: 'illegal-content', reason: 'Promosi situs judi.' });
      expect(res.statusCode).toBe(201);
      const decision = res.json();
      expect(decision).toMatchObject({ outcome: 'decided', action: 'remove', category: 'gambling', actorType: 'moderator', actorId: people.mod1.principal.user.id });
      expect(decision.statement.facts.summary.id).toContain('Alasan yang diberikan: Konten ini melanggar hukum yang berlaku di Indonesia. Promosi situs judi.');
      expect(decision.statement.facts.summary.en).toContain('Reason given: This content breaks the law in force in Indonesia. Promosi situs judi.');
      expect(decision.case).toMatchObject({ id, status: 'closed', resolution: 'decided', decisionId: decision.id });
      expect((await saring.content.get(contentId)).status).toBe('removed');
      const audit = await saring.db.selectFrom('audit_log').select(['action', 'data']).where('subject_id', '=', contentId).where('action', '=', 'decision.created').execute();
      expect(audit.map((a) => (a.data as { decisionId: string }).decisionId)).toContain(decision.id);
      const hooks = await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', 'decision.created').execute();
      expect(hooks.some((h) => (h.payload as { data: { decision: { id: string } } }).data.decision.id === decision.id)).toBe(true);
      const banked = await saring.db.selectFrom('bank_entries').select(['value', 'provenance']).where('source_ref', '=', decision.id).execute();
      expect(banked).toEqual([{ value: PDQ, provenance: 'removal' }]);

      const twice = await post('mod1', `/v1/review/cases/${id}/decision`, { action: 'allow', reason: 'again' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('case_closed');
      expect((await saring.content.get(contentId)).status).toBe('removed');
      expect((await post('mod1', `/v1/review/cases/${id}/claim`)).json().error.code).toBe('case_closed');
    });

    it('four-eyes: a senior’s terrorism removal holds the content until a different senior confirms; a rejection lifts the hold', async () => {
      await clearQueues();
      const contentId = await submit('four-1', TERRORISM_REVIEW);
      const id = await caseOf(contentId);
      // Senior-only: moderators neither get it from claim-next nor by id.
      expect((await post('mod1', '/v1/review/claim')).statusCode).toBe(204);
      expect((await post('mod1', `/v1/review/cases/${id}/claim`)).json().error.code).toBe('forbidden');

      expect((await post('senior1', '/v1/review/claim')).json().case.id).toBe(id);
      const proposed = await post('senior1', `/v1/review/cases/${id}/decision`, { action: 'remove', category: 'terrorism', reason: 'Ajakan amaliyah.' });
      expect(proposed.statusCode).toBe(202);
      expect(proposed.json()).toMatchObject({ outcome: 'pending_confirmation', case: { status: 'pending_confirmation', lane: 'senior', proposal: { category: 'terrorism', by: people.senior1.principal.user.id } } });
      expect((await saring.content.get(contentId)).status).toBe('held');
      expect((await saring.content.get(contentId)).decisions).toHaveLength(0);
      const held = await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', 'content.held').execute();
      expect(held.map((h) => (h.payload as { data: { contentId: string } }).data.contentId)).toContain(contentId);

      // Sent again while held: a rescan still in review keeps it held, and so does an automated restriction.
      await saring.content.submit({ externalId: 'four-1', kind: 'comment', texts: { comment: `${TERRORISM_REVIEW}!` } }, 'test');
      expect((await saring.content.get(contentId)).status).toBe('held');
      const restricted = await saring.content.submit({ externalId: 'four-1', kind: 'comment', texts: { comment: 'Rekaman tawuran dan carok di pasar tadi pagi' } }, 'test');
      expect(restricted.verdict?.action).toBe('restrict_16');
      expect((await saring.content.get(contentId)).status).toBe('held');
      expect((await get('senior2', `/v1/review/cases/${id}`)).json().case.status).toBe('pending_confirmation');

      // The proposer cannot confirm (nor claim it back); a second senior can.
      expect((await post('senior1', '/v1/review/claim')).statusCode).toBe(204);
      const self = await post('senior1', `/v1/review/cases/${id}/confirm`);
      expect(self.statusCode).toBe(403);
      expect(self.json().error.code).toBe('second_moderator_required');
      expect((await post('mod1', `/v1/review/cases/${id}/confirm`)).statusCode).toBe(403);
      expect((await saring.content.get(contentId)).status).toBe('held');
      expect((await post('senior2', '/v1/review/claim')).json().case.id).toBe(id);
      const confirmed = await post('senior2', `/v1/review/cases/${id}/confirm`);
      expect(confirmed.statusCode).toBe(201);
      expect(confirmed.json()).toMatchObject({ action: 'remove', category: 'terrorism', actorId: people.senior1.principal.user.id, case: { status: 'closed', resolution: 'confirmed', closedBy: people.senior2.principal.user.id } });
      expect((await saring.content.get(contentId)).status).toBe('removed');
      const audit = await saring.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute();
      expect(audit.map((a) => a.action)).toEqual(['review.removal_proposed', 'review.removal_confirmed']);

      // A rejection: the hold is lifted (the item is in review again) and a senior decides anew.
      const other = await submit('four-2', TERRORISM_REVIEW);
      const otherCase = await caseOf(other);
      await post('senior1', `/v1/review/cases/${otherCase}/claim`);
      expect((await post('senior1', `/v1/review/cases/${otherCase}/decision`, { action: 'remove', category: 'terrorism', reason: 'x' })).statusCode).toBe(202);
      await post('senior2', `/v1/review/cases/${otherCase}/claim`);
      const rejected = await post('senior2', `/v1/review/cases/${otherCase}/reject`, { reason: 'Berita, bukan propaganda.' });
      expect(rejected.json().case).toMatchObject({ status: 'open', lane: 'senior', proposal: null, claim: null });
      expect((await saring.content.get(other)).status).toBe('in_review');
      const released = await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', 'content.released').execute();
      expect(released.map((h) => (h.payload as { data: { contentId: string } }).data.contentId)).toContain(other);
      await post('senior2', `/v1/review/cases/${otherCase}/claim`);
      expect((await post('senior2', `/v1/review/cases/${otherCase}/decision`, { action: 'allow', templateId: 'no-violation' })).statusCode).toBe(201);
      expect((await saring.content.get(other)).status).toBe('active');
    });

    it('escalates a case to the senior moderators', async () => {
      await clearQueues();
      const id = await caseOf(await submit('esc-1', GAMBLING_REVIEW));
      await post('mod1', `/v1/review/cases/${id}/claim`);
      const res = await post('mod1', `/v1/review/cases/${id}/escalate`, { reason: 'Butuh keputusan senior.' });
      expect(res.json().case).toMatchObject({ lane: 'senior', claim: null, escalation: { by: people.mod1.principal.user.id, reason: 'Butuh keputusan senior.' } });
      expect((await post('mod2', '/v1/review/claim')).statusCode).toBe(204);
      expect((await post('senior1', '/v1/review/claim')).json().case.id).toBe(id);
      expect((await saring.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).execute()).map((a) => a.action)).toEqual(['review.case_escalated']);
    });

    it('lists every case page by page and exports them all as CSV and JSON Lines', async () => {
      await clearQueues();
      await insertSyntheticCases(saring.db, { count: 120, prefix: 'list', queue: 'listing', spreadHours: 10 });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { cases: { id: string; priority: number }[]; nextCursor: string | null } = (await get('mod1', `/v1/review/cases?queue=listing&limit=50${cursor ? `&cursor=${cursor}` : ''}`)).json();
        seen.push(...page.cases.map((c: { id: string }) => c.id));
        const priorities = page.cases.map((c: { priority: number }) => c.priority);
        expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.length).toBe(120);
      expect(new Set(seen).size).toBe(120);
      const csv = await get('mod1', '/v1/review/cases?queue=listing&format=csv&order=oldest');
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toMatch(/^id,contentId,externalId,reason,queue,status/);
      expect(lines.length).toBe(121);
      await saring.db.updateTable('review_cases').set({ status: 'closed', closed_at: new Date() }).where('id', '=', seen[0]!).execute();
      const jsonl = (await get('mod1', '/v1/review/cases?queue=listing&status=all&format=jsonl')).body.trim().split('\n');
      expect(jsonl.length).toBe(120);
      expect(JSON.parse(jsonl[0]!)).toMatchObject({ queue: 'listing', externalId: expect.stringMatching(/^list-/) });
      expect((await get('mod1', '/v1/review/cases?cursor=nonsense')).json().error.code).toBe('validation_failed');
    });
  });
}
