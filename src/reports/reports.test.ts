import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { pngDeclaring } from '../test-support/media.js';
import { BACKENDS, testApp } from '../test-support/storage.js';

const SPAM = 'SLOT GACOR maxwin depo 10rb WD cepat bosku';

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`public reports on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    const keys = {} as Record<'platform' | 'mod' | 'senior', string>;

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      keys.platform = saring.adminKey;
      keys.mod = (await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey;
      keys.senior = (await saring.users.create({ name: 'Rina', role: 'senior_moderator' }, 'test')).apiKey;
      // Deliveries are recorded (workers are off, so none is sent).
      await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
    });
    afterAll(() => close?.());

    const headers = (who: keyof typeof keys) => ({ authorization: `Bearer ${keys[who]}`, 'content-type': 'application/json' });
    const post = (url: string, body: unknown, who: keyof typeof keys = 'platform') =>
      body === undefined
        ? app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${keys[who]}` } })
        : app.inject({ method: 'POST', url, headers: headers(who), payload: JSON.stringify(body) });
    const get = (url: string, who: keyof typeof keys = 'platform') => app.inject({ url, headers: { authorization: `Bearer ${keys[who]}` } });
    const submit = async (externalId: string, text = 'video masak nasi goreng', extra: Record<string, unknown> = {}) =>
      (await saring.content.submit({ externalId, kind: 'video', texts: { caption: text }, ...extra }, 'test')).content.id;
    const report = (externalId: string, reporter: string | null, category = 'hoax', extra: Record<string, unknown> = {}) =>
      post('/v1/reports', { content: { externalId }, reporter: reporter ? { externalId: reporter, name: `User ${reporter}` } : {}, category, reason: 'Ini menyesatkan.', ...extra });
    const caseView = async (id: string) => (await get(`/v1/review/cases/${id}`, 'senior')).json().case;
    const count = async (table: 'reports' | 'content_items' | 'audit_log' | 'reporters' | 'review_cases') =>
      Number((await saring.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const deliveries = async (type: string) =>
      (await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', type).orderBy('created_at').execute()).map((d) => (d.payload as { data: Record<string, unknown> }).data);

    it('gives a receipt at once and groups reports on one item into one case whose count and priority rise with each reporter', async () => {
      const contentId = await submit('rep-1');
      const first = await report('rep-1', 'u1');
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toEqual({ id: expect.any(String), status: 'received', caseId: expect.any(String), contentId });
      const caseId = first.json().caseId;
      const one = await caseView(caseId);
      expect(one).toMatchObject({ reason: 'report', queue: 'reports', category: 'hoax', reports: 1, contentId });

      const second = await report('rep-1', 'u2');
      expect(second.json()).toMatchObject({ status: 'received', caseId });
      const two = await caseView(caseId);
      expect(two.reports).toBe(2);
      expect(two.priority).toBeGreaterThan(one.priority);
      // The same reporter again: a receipt, but it does not count twice.
      const again = await report('rep-1', 'u1');
      expect(again.json().caseId).toBe(caseId);
      expect((await caseView(caseId)).reports).toBe(2);
      expect((await get(`/v1/reports/${again.json().id}`)).json()).toMatchObject({ counted: false, status: 'received' });
      // A report naming an urgent category moves the case to that category's queue (4-hour deadline) and the senior lane.
      await report('rep-1', 'u3', 'terrorism');
      expect(await caseView(caseId)).toMatchObject({ category: 'terrorism', queue: 'terrorism', lane: 'senior', reports: 3 });

      const listed = (await get(`/v1/reports?caseId=${caseId}`, 'mod')).json();
      expect(listed.reports).toHaveLength(4);
      expect(listed.reports.map((r: { reporter: { externalId: string } }) => r.reporter.externalId)).toEqual(['u3', 'u1', 'u2', 'u1']);
      const paged = (await get(`/v1/reports?caseId=${caseId}&limit=3`, 'mod')).json();
      expect(paged.reports).toHaveLength(3);
      expect((await get(`/v1/reports?caseId=${caseId}&cursor=${paged.nextCursor}`, 'mod')).json().reports).toHaveLength(1);
      // Who reported stays out of the audit log, which can never be erased.
      const audit = await saring.db.selectFrom('audit_log').select('data').where('action', '=', 'report.received').execute();
      expect(JSON.stringify(audit)).not.toContain('User u1');
    });

    it('stores and scans content it has never seen, finds it again by its URL, answers at once for content already removed', async () => {
      const url = 'https://platform.example/v/new-1';
      const res = await post('/v1/reports', {
        content: { externalId: 'new-1', url, texts: { caption: 'tutorial masak rendang' }, account: { externalId: 'uploader-1' } },
        reporter: { contact: 'Pelapor@Example.id', name: 'Sari' },
        category: 'fraud',
        reason: 'Penipuan.',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().status).toBe('received');
      const stored = await saring.content.get('new-1');
      expect(stored).toMatchObject({ kind: 'text', metadata: { url }, account: { externalId: 'uploader-1' } });
      expect(stored.scans).toHaveLength(1);
      const byUrl = await post('/v1/reports', { content: { url }, reporter: { contact: 'pelapor@example.id' }, category: 'fraud', reason: 'Masih ada.' });
      expect(byUrl.json()).toMatchObject({ caseId: res.json().caseId, contentId: stored.id });
      // One reporter by contact, whatever the case of its letters.
      expect((await get(`/v1/reports/${byUrl.json().id}`)).json()).toMatchObject({ counted: false, reporterId: (await get(`/v1/reports/${res.json().id}`)).json().reporterId });

      const removed = await post('/v1/reports', { content: { externalId: 'new-2', texts: { caption: SPAM } }, reporter: { externalId: 'u9' }, category: 'gambling', reason: 'Judi.' });
      expect(removed.statusCode).toBe(201);
      expect(removed.json()).toMatchObject({ status: 'actioned', caseId: null });
      const answered = (await get(`/v1/reports/${removed.json().id}`)).json();
      expect(answered.outcome).toMatchObject({ action: 'remove', category: 'gambling', answer: { id: expect.stringContaining('menghapusnya'), en: expect.stringContaining('removed it') } });
      expect(answered.outcome.answer.en).toContain('automated means');
      expect(answered.outcome.statement.decisionId).toBe(answered.outcome.decisionId);
      expect((await deliveries('report.resolved')).some((d) => (d['report'] as { id: string }).id === removed.json().id)).toBe(true);
    });

    it('refuses a report on content it cannot reach, without an identity, or with a screenshot that is not there: a 4xx with a stable code, nothing stored', async () => {
      await submit('known-1');
      const before = await Promise.all((['reports', 'content_items', 'audit_log', 'reporters', 'review_cases'] as const).map(count));
      const cases: [unknown, number, string][] = [
        [{ content: { externalId: 'ghost-1' }, reporter: { externalId: 'u1' }, category: 'hoax', reason: 'x' }, 422, 'content_unreachable'],
        [{ content: { url: 'https://platform.example/v/ghost' }, reporter: { externalId: 'u1' }, category: 'hoax', reason: 'x' }, 422, 'content_unreachable'],
        [{ content: { id: randomUUID() }, reporter: { externalId: 'u1' }, category: 'hoax', reason: 'x' }, 422, 'content_unreachable'],
        [{ content: { externalId: 'known-1' }, reporter: {}, category: 'hoax', reason: 'x' }, 422, 'reporter_identity_required'],
        [{ content: { externalId: 'known-1' }, reporter: { anonymous: true }, category: 'hoax', reason: 'x' }, 422, 'reporter_identity_required'],
        [{ content: { externalId: 'known-1' }, reporter: { externalId: 'u1' }, category: 'hoax', reason: 'x', screenshot: 'ab'.repeat(32) }, 404, 'media_not_found'],
        [{ content: { externalId: 'known-1' }, reporter: { externalId: 'u1' }, category: 'spam', reason: 'x' }, 400, 'validation_failed'],
        [{ content: {}, reporter: { externalId: 'u1' }, category: 'hoax', reason: 'x' }, 400, 'validation_failed'],
      ];
      for (const [body, status, code] of cases) {
        const res = await post('/v1/reports', body);
        expect([res.statusCode, res.json().error?.code], JSON.stringify(body)).toEqual([status, code]);
      }
      expect(await Promise.all((['reports', 'content_items', 'audit_log', 'reporters', 'review_cases'] as const).map(count))).toEqual(before);
      expect(await saring.db.selectFrom('content_items').select('id').where('external_id', '=', 'ghost-1').executeTakeFirst()).toBeUndefined();

      // A screenshot that is there is kept, and shown.
      const png = pngDeclaring(8, 8, Buffer.alloc(8 * (8 * 3 + 1)));
      const { upload } = await saring.media.upload(png);
      const ok = await post('/v1/reports', { content: { externalId: 'known-1' }, reporter: { externalId: 'u1' }, category: 'hoax', reason: 'x', screenshot: upload });
      expect(ok.statusCode, ok.body).toBe(201);
      const shot = await get(`/v1/reports/${ok.json().id}/screenshot`, 'mod');
      expect([shot.statusCode, shot.headers['content-type']]).toEqual([200, 'image/png']);
      expect(shot.rawPayload.equals(png)).toBe(true);

      // An operator may take anonymous reports (policy reports.anonymous).
      const source = (await saring.policy.active())!.source;
      await saring.policy.activate(source.replace('anonymous: false', 'anonymous: true'), 'test');
      const anonymous = await post('/v1/reports', { content: { externalId: 'known-1' }, reporter: { anonymous: true }, category: 'hoax', reason: 'x' });
      expect(anonymous.statusCode, anonymous.body).toBe(201);
      expect((await get(`/v1/reports/${anonymous.json().id}`)).json()).toMatchObject({ anonymous: true, reporter: null, reporterId: null, counted: true });
      await saring.policy.activate(source, 'test');
    });

    it('tells the reporter the outcome: received, in_review once a moderator takes it up, then actioned or rejected, with the report.resolved webhook', async () => {
      await submit('out-1');
      await submit('out-2');
      const a = (await report('out-1', 'r1', 'fraud')).json();
      const b = (await report('out-2', 'r2', 'fraud')).json();
      expect((await get(`/v1/reports/${a.id}`)).json().status).toBe('received');
      expect((await post(`/v1/review/cases/${a.caseId}/claim`, undefined, 'mod')).statusCode).toBe(200);
      expect((await get(`/v1/reports/${a.id}`)).json().status).toBe('in_review');
      expect((await get(`/v1/reports?status=in_review`, 'mod')).json().reports.map((r: { id: string }) => r.id)).toContain(a.id);

      const removed = await post(`/v1/review/cases/${a.caseId}/decision`, { action: 'remove', category: 'fraud', reason: 'Penipuan investasi.' }, 'mod');
      expect(removed.statusCode, removed.body).toBe(201);
      const done = (await get(`/v1/reports/${a.id}`)).json();
      expect(done).toMatchObject({ status: 'actioned', resolvedAt: expect.any(String), outcome: { action: 'remove', category: 'fraud', decisionId: removed.json().id } });
      expect(done.outcome.answer.id).toContain('Terima kasih atas laporan Anda');
      expect(done.outcome.statement.message.en).toContain('Your content has been removed');

      const allowed = await post('/v1/content/out-2/decisions', { action: 'allow', reason: 'Bukan penipuan.' }, 'mod');
      expect(allowed.statusCode).toBe(201);
      const rejected = (await get(`/v1/reports/${b.id}`)).json();
      expect(rejected).toMatchObject({ status: 'rejected', outcome: { action: 'allow' } });
      expect(rejected.outcome.answer.en).toContain('does not break the law');
      expect(rejected.outcome.answer.id).toContain('Komdigi');

      const sent = (await deliveries('report.resolved')).map((d) => d['report'] as { id: string; status: string; answer: { id: string; en: string }; reporter: { externalId: string } });
      expect(sent.find((r) => r.id === a.id)).toMatchObject({ status: 'actioned', reporter: { externalId: 'r1' }, answer: done.outcome.answer });
      expect(sent.find((r) => r.id === b.id)).toMatchObject({ status: 'rejected', answer: rejected.outcome.answer });
    });

    it('marks a reporter whose reports are rejected again and again as reporting in bad faith (audited); their next report sinks; a person can clear it', async () => {
      for (let i = 0; i < 5; i++) {
        await submit(`bf-${i}`);
        expect((await report(`bf-${i}`, 'troll', 'csam')).statusCode).toBe(201);
        expect((await post(`/v1/content/bf-${i}/decisions`, { action: 'allow', reason: 'Tidak melanggar.' }, 'senior')).statusCode).toBe(201);
      }
      const { reporters } = (await get('/v1/reporters?badFaith=true', 'mod')).json();
      expect(reporters).toEqual([expect.objectContaining({ externalId: 'troll', badFaith: true, rejected: 5, actioned: 0, badFaithBy: 'system' })]);
      const marked = await saring.db.selectFrom('audit_log').select(['actor', 'data', 'subject_id']).where('action', '=', 'reporter.bad_faith_marked').execute();
      expect(marked).toEqual([{ actor: 'system', subject_id: reporters[0].id, data: expect.objectContaining({ automatic: true, rejected: 5 }) }]);

      // The same report from the troll and from someone else, on two like items.
      await submit('bf-a');
      await submit('bf-b');
      const trolled = (await report('bf-a', 'troll', 'csam')).json();
      const honest = (await report('bf-b', 'honest', 'gambling')).json();
      const t = await caseView(trolled.caseId);
      const h = await caseView(honest.caseId);
      expect(t).toMatchObject({ reports: 0, policyPriority: 'low' });
      // A bad-faith reporter naming the most severe category does not send the item up the queue.
      expect(t.priority).toBeLessThan(h.priority);
      expect((await get(`/v1/reports/${trolled.id}`)).json()).toMatchObject({ badFaith: true, counted: false });
      // An honest report on the troll's item counts, and takes the case's category.
      await report('bf-a', 'someone', 'gambling');
      expect(await caseView(trolled.caseId)).toMatchObject({ reports: 1, category: 'gambling', policyPriority: 'normal' });

      const path = `/v1/reporters/${reporters[0].id}`;
      const denied = await app.inject({ method: 'PATCH', url: path, headers: headers('mod'), payload: JSON.stringify({ badFaith: false, reason: 'x' }) });
      expect(denied.statusCode).toBe(403);
      const cleared = await app.inject({ method: 'PATCH', url: path, headers: headers('senior'), payload: JSON.stringify({ badFaith: false, reason: 'Dihubungi; laporan berikutnya wajar.' }) });
      expect(cleared.statusCode, cleared.body).toBe(200);
      expect(cleared.json()).toMatchObject({ badFaith: false, rejected: 0, actioned: 0, badFaithReason: 'Dihubungi; laporan berikutnya wajar.' });
      expect(await saring.db.selectFrom('audit_log').select('actor').where('action', '=', 'reporter.bad_faith_cleared').execute()).toHaveLength(1);
    });
  });
}
