import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { BACKENDS, testApp } from '../test-support/storage.js';

const TERROR = 'ayo dukung isis, serang para thaghut, cara merakit bom';
const PDQ = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`appeals on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    const keys = {} as Record<'platform' | 'mod1' | 'mod2' | 'senior1', string>;

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      keys.platform = saring.adminKey;
      keys.mod1 = (await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey;
      keys.mod2 = (await saring.users.create({ name: 'Budi', role: 'moderator' }, 'test')).apiKey;
      keys.senior1 = (await saring.users.create({ name: 'Rina', role: 'senior_moderator' }, 'test')).apiKey;
      await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
    });
    afterAll(() => close?.());

    const post = (url: string, body: unknown, who: keyof typeof keys = 'platform') =>
      app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${keys[who]}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const get = (url: string, who: keyof typeof keys = 'platform') => app.inject({ url, headers: { authorization: `Bearer ${keys[who]}` } });
    const submit = async (externalId: string, extra: Record<string, unknown> = {}) =>
      (await saring.content.submit({ externalId, kind: 'video', texts: { caption: 'video masak nasi goreng' }, ...extra }, 'test')).content.id;
    const decide = async (externalId: string, body: Record<string, unknown>, who: keyof typeof keys = 'mod1') => {
      const res = await post(`/v1/content/${externalId}/decisions`, { reason: 'Diperiksa.', ...body }, who);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const appeal = (decisionId: string, reason = 'Ini video masak, bukan judi.') => post('/v1/appeals', { decisionId, appellant: { externalId: 'uploader-1' }, reason });
    const count = async (table: 'appeals' | 'audit_log' | 'review_cases' | 'decisions') =>
      Number((await saring.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const deliveries = async (type: string) =>
      (await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', type).orderBy('created_at').execute()).map((d) => (d.payload as { data: Record<string, unknown> }).data);

    it('refuses appeals that cannot be made with stable codes, storing nothing: unknown decision, no action to appeal, a replaced decision, an authority’s order, out of its window, twice', async () => {
      await submit('win-1');
      const allow = await decide('win-1', { action: 'allow' });
      await submit('win-2');
      const replaced = await decide('win-2', { action: 'remove', category: 'gambling' });
      await decide('win-2', { action: 'restrict_18' }, 'mod2');
      await submit('win-3');
      const old = await decide('win-3', { action: 'remove', category: 'gambling' });
      // Seven months ago: past the default 6-month window.
      await sql`UPDATE decisions SET created_at = now() - interval '213 days' WHERE id = ${old}`.execute(saring.db);
      const order = randomUUID();
      const contentId = await submit('win-4');
      await saring.db
        .insertInto('decisions')
        .values({ id: order, content_id: contentId, actor_type: 'regulator_order', action: 'remove', category: 'gambling', automated_detection: false, automated_decision: false, statement: '{}', evidence: '[]' })
        .execute();

      const before = await Promise.all((['appeals', 'audit_log', 'review_cases'] as const).map(count));
      const refusals: [string, number, string][] = [
        [randomUUID(), 404, 'not_found'],
        [allow, 422, 'appeal_not_available'],
        [replaced, 422, 'appeal_not_available'],
        [order, 422, 'appeal_not_available'],
        [old, 422, 'appeal_window_closed'],
      ];
      for (const [id, status, code] of refusals) {
        const res = await appeal(id);
        expect([res.statusCode, res.json().error?.code], id).toEqual([status, code]);
      }
      expect((await appeal(old)).json().error.details).toMatchObject({ months: 6, windowEndsAt: expect.any(String) });
      expect(await Promise.all((['appeals', 'audit_log', 'review_cases'] as const).map(count))).toEqual(before);

      // The policy sets the window per category (never under the 6 months the statement of reasons promises).
      const source = (await saring.policy.active())!.source;
      expect(() => saring.policy.validate(source.replace('windowMonths: { default: 6 }', 'windowMonths: { default: 3 }'))).toThrow(/at least 6 months/);
      await saring.policy.activate(source.replace('windowMonths: { default: 6 }', 'windowMonths: { default: 6, gambling: 12 }'), 'test');
      const filed = await appeal(old);
      expect(filed.statusCode, filed.body).toBe(201);
      expect(filed.json()).toMatchObject({ id: expect.any(String), status: 'open', decisionId: old, caseId: expect.any(String) });
      const twice = await appeal(old);
      expect([twice.statusCode, twice.json().error.code, twice.json().error.details.appealId]).toEqual([409, 'appeal_exists', filed.json().id]);
      await saring.policy.activate(source, 'test');
    });

    it('is decided by someone other than the moderator who decided; overturning restores the content, releases its bank entries, removes its strike and notifies', async () => {
      const contentId = await submit('ov-1', { kind: 'image', account: { externalId: 'uploader-1' }, media: [{ type: 'image', pdq: { hash: PDQ, quality: 100 } }] });
      const removal = await decide('ov-1', { action: 'remove', category: 'gambling' });
      const banked = () => saring.db.selectFrom('bank_entries').select(['value', 'enabled']).where('source_ref', '=', removal).execute();
      expect(await banked()).toEqual([{ value: PDQ, enabled: true }]);
      // Meanwhile a re-upload of the same picture is removed by the removals bank.
      expect((await saring.content.submit({ externalId: 'ov-reup-1', kind: 'image', media: [{ type: 'image', pdq: { hash: PDQ, quality: 100 } }] }, 'test')).content.status).toBe('removed');
      expect((await get('/v1/accounts/uploader-1')).json().standing).toMatchObject({ points: 1, activeStrikes: 1, level: 'warning' });

      const filed = await appeal(removal);
      expect(filed.statusCode, filed.body).toBe(201);
      const { id, caseId } = filed.json();
      expect(filed.json()).toMatchObject({ status: 'open', appellant: { externalId: 'uploader-1' }, content: { id: contentId, externalId: 'ov-1' }, appealed: { action: 'remove', category: 'gambling' } });
      expect((await get(`/v1/review/cases/${caseId}`, 'mod1')).json().case).toMatchObject({ reason: 'appeal', queue: 'appeals', ref: id, status: 'open' });

      // The moderator who removed it cannot decide the appeal, through any door; nothing changes.
      const before = await Promise.all((['decisions', 'audit_log'] as const).map(count));
      const same = await post(`/v1/appeals/${id}/decision`, { outcome: 'overturn', reason: 'Saya keliru.' }, 'mod1');
      expect([same.statusCode, same.json().error.code]).toEqual([403, 'appeal_same_moderator']);
      const around = await post('/v1/content/ov-1/decisions', { action: 'allow', reason: 'Saya keliru.' }, 'mod1');
      expect([around.statusCode, around.json().error.code]).toEqual([403, 'appeal_same_moderator']);
      expect(await Promise.all((['decisions', 'audit_log'] as const).map(count))).toEqual(before);
      expect((await saring.content.get('ov-1')).status).toBe('removed');

      const overturned = await post(`/v1/appeals/${id}/decision`, { outcome: 'overturn', reason: 'Video masak, tidak ada promosi judi.' }, 'mod2');
      expect(overturned.statusCode, overturned.body).toBe(200);
      const result = overturned.json();
      expect(result).toMatchObject({ status: 'overturned', decided: { reason: 'Video masak, tidak ada promosi judi.', resolvingDecisionId: expect.any(String) } });
      expect(result.decided.answer.id).toContain('Banding Anda dikabulkan');
      expect(result.decided.answer.en).toContain('Your content is restored');
      const restoring = await saring.decisions.get(result.decided.resolvingDecisionId);
      expect(restoring).toMatchObject({ action: 'allow', actorType: 'moderator' });
      expect(restoring.statement.message.en).toContain('Your appeal was accepted');
      expect((await saring.content.get('ov-1')).status).toBe('active');
      expect((await get(`/v1/review/cases/${caseId}`, 'mod1')).json().case).toMatchObject({ status: 'closed', decisionId: restoring.id });
      // The picture may come back: its removals-bank entry is released, and a re-upload stays up.
      expect(await banked()).toEqual([{ value: PDQ, enabled: false }]);
      expect((await saring.content.submit({ externalId: 'ov-reup-2', kind: 'image', media: [{ type: 'image', pdq: { hash: PDQ, quality: 100 } }] }, 'test')).content.status).toBe('active');
      // The strike is gone.
      const account = (await get('/v1/accounts/uploader-1')).json();
      expect(account.standing).toMatchObject({ points: 0, activeStrikes: 0, level: null });
      expect(account.strikes).toEqual([expect.objectContaining({ decisionId: removal, active: false, removedReason: 'reversed', removedByDecision: restoring.id })]);
      const sent = (await deliveries('appeal.decided')).map((d) => d['appeal'] as Record<string, unknown>);
      expect(sent).toEqual([expect.objectContaining({ id, status: 'overturned', decisionId: removal, resolvingDecisionId: restoring.id, action: 'allow', answer: result.decided.answer })]);
      expect((await post(`/v1/appeals/${id}/decision`, { outcome: 'uphold', reason: 'x' }, 'senior1')).json().error.code).toBe('appeal_closed');

      // The overturn rate in the review metrics counts it.
      const metrics = (await get('/v1/metrics/review')).json();
      expect(metrics.appeals).toMatchObject({ decided: 1, overturned: 1 });
    });

    it('keeps banked a picture that stays removed elsewhere for its own sake when one removal of it is overturned', async () => {
      const SAME = 'a'.repeat(64);
      await submit('twin-1', { kind: 'image', media: [{ type: 'image', pdq: { hash: SAME, quality: 100 } }] });
      const first = await decide('twin-1', { action: 'remove', category: 'gambling' });
      // The twin is removed by the bank at once, and a moderator also judges it on its own.
      expect((await saring.content.submit({ externalId: 'twin-2', kind: 'image', media: [{ type: 'image', pdq: { hash: SAME, quality: 100 } }] }, 'test')).content.status).toBe('removed');
      const second = await decide('twin-2', { action: 'remove', category: 'gambling' }, 'mod2');
      const filed = (await appeal(first)).json();
      expect((await post(`/v1/appeals/${filed.id}/decision`, { outcome: 'overturn', reason: 'Keliru.' }, 'mod2')).json().status).toBe('overturned');
      expect(await saring.db.selectFrom('bank_entries').select(['source_ref', 'enabled']).where('value', '=', SAME).execute()).toEqual([{ source_ref: second, enabled: true }]);
    });

    it('needs a senior moderator for the four-eyes categories; upholding records why and notifies; a rescan does not decide an appeal', async () => {
      const removed = await saring.content.submit({ externalId: 'up-1', kind: 'video', texts: { caption: TERROR } }, 'test');
      const decision = removed.content.decisions[0]!;
      expect(decision).toMatchObject({ action: 'remove', category: 'terrorism', actorType: 'automated' });
      const filed = (await appeal(decision.id, 'Ini liputan berita.')).json();
      expect((await get(`/v1/review/cases/${filed.caseId}`, 'senior1')).json().case).toMatchObject({ lane: 'senior' });

      const moderator = await post(`/v1/appeals/${filed.id}/decision`, { outcome: 'uphold', reason: 'Tetap.' }, 'mod2');
      expect([moderator.statusCode, moderator.json().error.code]).toEqual([403, 'forbidden']);
      expect(moderator.json().error.message).toContain('terrorism');

      // The platform sends the item again, changed: the rescan removes it again, automatically; the appeal stays open, in a new case.
      await saring.content.submit({ externalId: 'up-1', kind: 'video', texts: { caption: `${TERROR}!` } }, 'test');
      const still = (await get(`/v1/appeals/${filed.id}`)).json();
      expect(still.status).toBe('open');
      expect(still.caseId).not.toBe(filed.caseId);

      const upheld = await post(`/v1/appeals/${filed.id}/decision`, { outcome: 'uphold', reason: 'Video ini mengajak bergabung dengan ISIS, bukan liputan berita.' }, 'senior1');
      expect(upheld.statusCode, upheld.body).toBe(200);
      expect(upheld.json()).toMatchObject({ status: 'upheld', decided: { reason: 'Video ini mengajak bergabung dengan ISIS, bukan liputan berita.', resolvingDecisionId: null } });
      expect(upheld.json().decided.answer.en).toContain('the decision stands');
      expect(upheld.json().decided.answer.id).toContain('Komdigi');
      expect((await saring.content.get('up-1')).status).toBe('removed');
      expect((await get(`/v1/review/cases/${still.caseId}`, 'senior1')).json().case).toMatchObject({ status: 'closed' });
      const sent = (await deliveries('appeal.decided')).map((d) => d['appeal'] as Record<string, unknown>);
      expect(sent.at(-1)).toMatchObject({ id: filed.id, status: 'upheld', action: 'remove' });
      const audit = await saring.db.selectFrom('audit_log').select('data').where('action', '=', 'appeal.decided').where('subject_id', '=', filed.id).executeTakeFirstOrThrow();
      expect(audit.data).toMatchObject({ outcome: 'upheld', reason: 'Video ini mengajak bergabung dengan ISIS, bukan liputan berita.' });

      const listed = (await get('/v1/appeals?status=upheld', 'mod1')).json();
      expect(listed.appeals.map((a: { id: string }) => a.id)).toEqual([filed.id]);
      // Three appeals decided in this file, two overturned: each counted once, by its outcome (not by the cases the rescan closed).
      expect((await get('/v1/metrics/review')).json().appeals).toEqual({ decided: 3, overturned: 2, overturnRate: 0.6667 });
    });
  });
}
