import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ROLES, type Role } from '../../access/roles.js';
import type { Saring } from '../../engine.js';
import type { App } from '../../http/app.js';
import { BACKENDS, testApp } from '../../test-support/storage.js';
import { BAND_QUEUE, PURGE_QUEUE } from './age.js';
import { addYears } from './bands.js';
import { ageOf, eligibilityOfMany } from './store.js';

const DAY = 86_400_000;
/** A date of birth `years` years (and `days` days) before today, YYYY-MM-DD. */
const bornYearsAgo = (years: number, days = 0): string => new Date(addYears(new Date(), -years).getTime() - days * DAY).toISOString().slice(0, 10);
/** Waits (up to 20 s) until `done` is true: what a job did, when other jobs are set for later. */
async function until(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a job');
    await new Promise((r) => setTimeout(r, 100));
  }
}
const checkedAt = () => new Date(Date.now() - 60_000).toISOString();

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`youth ages on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    const keys = {} as Record<Role, string>;

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      for (const role of ROLES) keys[role] = role === 'admin' ? saring.adminKey : (await saring.users.create({ name: `${role} tester`, role, ...(role === 'regulator' || role === 'partner' ? { org: 'kpai' } : {}) }, 'test')).apiKey;
      await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
    });
    afterAll(() => close?.());

    const send = (method: 'POST' | 'PUT', url: string, body: unknown, who: Role = 'admin') =>
      app.inject({ method, url, headers: { authorization: `Bearer ${keys[who]}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const put = (id: string, body: unknown, who: Role = 'admin') => send('PUT', `/v1/accounts/${id}/age`, body, who);
    const post = (url: string, body: unknown, who: Role = 'admin') => send('POST', url, body, who);
    const get = (url: string, who: Role = 'admin') => app.inject({ url, headers: { authorization: `Bearer ${keys[who]}` } });
    const count = async (table: 'accounts' | 'account_ages' | 'age_events' | 'age_checks' | 'age_cases' | 'parental_consents' | 'audit_log') =>
      Number((await saring.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const counts = () => Promise.all((['accounts', 'account_ages', 'age_events', 'age_checks', 'age_cases', 'parental_consents', 'audit_log'] as const).map(count));
    const ageChanged = async (externalId: string) =>
      (await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', 'account.age_changed').orderBy('created_at').execute())
        .map((d) => (d.payload as { data: { externalId: string; kind: string; before: { status: string } | null; after: { status: string } } }).data)
        .filter((d) => d.externalId === externalId);
    const withYouth = async (youth: Record<string, unknown>) => {
      const start = (await saring.policy.active())!;
      await saring.policy.activate(JSON.stringify({ ...start.document, youth }), 'test');
      onTestFinished(async () => void (await saring.policy.activateVersion(start.version, 'test')));
    };

    it('a declared 14-year-old is not allowed (minimum 16 on a high-risk platform); 16–17 restricted with minor protections; 18+ allowed', async () => {
      const res = await put('acc-14', { declaredAge: 14 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ externalId: 'acc-14', status: 'not_allowed', band: '13_15', assurance: 'self_declared', dateOfBirth: null, source: 'declaration' });
      // The band changes at 16 at the latest: as if the birthday were today.
      expect(new Date(res.json().nextBandAt).getTime()).toBe(addYears(new Date(res.json().updatedAt), 2).getTime());
      const e14 = (await get('/v1/accounts/acc-14/eligibility')).json();
      expect(e14).toMatchObject({ status: 'not_allowed', band: '13_15', assurance: 'self_declared', minimumAge: 16, reasons: ['under_minimum_age'] });
      expect(Object.values(e14.features).every((f) => (f as { allowed: boolean; reason: string }).allowed === false && (f as { reason: string }).reason === 'account_not_allowed')).toBe(true);

      expect((await put('acc-17', { declaredAge: 17 })).json()).toMatchObject({ status: 'restricted_minor', band: '16_17' });
      const e17 = (await get('/v1/accounts/acc-17/eligibility')).json();
      expect(e17).toMatchObject({ status: 'restricted_minor', reasons: ['minor_protections'] });
      expect(e17.features).toEqual({
        restrict_16: { allowed: true, minimumAge: 16, reason: 'old_enough' },
        restrict_18: { allowed: false, minimumAge: 18, reason: 'under_feature_age' },
        public_account: { allowed: false, minimumAge: 18, reason: 'private_by_default' },
        direct_messages_from_strangers: { allowed: false, minimumAge: 18, reason: 'under_feature_age' },
        live_gifts: { allowed: false, minimumAge: 18, reason: 'under_feature_age' },
        personalised_ads: { allowed: false, minimumAge: 18, reason: 'under_feature_age' },
      });

      expect((await put('acc-30', { declaredAge: 30 })).json()).toMatchObject({ status: 'allowed', band: '18_plus', nextBandAt: null });
      const e30 = (await get('/v1/accounts/acc-30/eligibility')).json();
      expect(e30.reasons).toEqual(['adult']);
      expect(Object.values(e30.features).every((f) => (f as { allowed: boolean }).allowed)).toBe(true);
      expect((await put('acc-10', { declaredAge: 10 })).json()).toMatchObject({ status: 'not_allowed', band: 'under_13' });

      // Each change is an event, an audit entry and (a new status) an account.age_changed webhook.
      const detail = (await get('/v1/accounts/acc-17/age')).json();
      expect(detail.events).toEqual([expect.objectContaining({ kind: 'declared', actor: expect.stringMatching(/^(api-key|user):/), before: null, after: expect.objectContaining({ status: 'restricted_minor', band: '16_17' }) })]);
      expect(await ageChanged('acc-17')).toEqual([expect.objectContaining({ kind: 'declared', before: null, after: expect.objectContaining({ status: 'restricted_minor' }) })]);
      const audit = await saring.db.selectFrom('audit_log').select(['action', 'data']).where('subject_id', '=', detail.accountId).execute();
      expect(audit.map((a) => a.action)).toEqual(['age.declared']);

      // A new declaration that keeps the status sends no webhook; one that changes it does.
      await put('acc-17', { declaredAge: 16 });
      expect(await ageChanged('acc-17')).toHaveLength(1);
      await put('acc-17', { declaredAge: 15 });
      expect((await ageChanged('acc-17')).map((d) => [d.before?.status, d.after.status])).toEqual([[undefined, 'restricted_minor'], ['restricted_minor', 'not_allowed']]);
    });

    it('answers pending_verification for an account it does not know (and for one without an age record); GET age 404s for an unknown account', async () => {
      const unknown = (await get('/v1/accounts/never-seen/eligibility')).json();
      expect(unknown).toMatchObject({ accountId: null, status: 'pending_verification', band: 'unknown', assurance: null, reasons: ['no_age_record'] });
      expect(Object.values(unknown.features).map((f) => (f as { reason: string }).reason)).toEqual(Array(6).fill('age_unknown'));
      const missing = await get('/v1/accounts/never-seen/age');
      expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'not_found']);
      // An account Saring knows from its content, without an age record.
      await saring.content.submit({ externalId: 'c-noage', kind: 'text', texts: { text: 'halo' }, account: { externalId: 'acc-noage' } }, 'test');
      const known = (await get('/v1/accounts/acc-noage/age')).json();
      expect(known).toMatchObject({ externalId: 'acc-noage', record: null, status: 'pending_verification', events: [], checks: [], consents: [], openCase: null });
    });

    it('takes a date of birth: the band from it, the date kept only when the policy keeps dates of birth', async () => {
      const dob = bornYearsAgo(16, 10);
      const res = (await put('acc-dob', { dateOfBirth: dob })).json();
      expect(res).toMatchObject({ band: '16_17', status: 'restricted_minor', dateOfBirth: null, age: null });
      expect(res.nextBandAt.slice(0, 10)).toBe(addYears(new Date(`${dob}T00:00:00Z`), 18).toISOString().slice(0, 10));
      expect((await saring.db.selectFrom('account_ages').select(sql<string | null>`date_of_birth::text`.as('dob')).where('account_id', '=', res.accountId).executeTakeFirstOrThrow()).dob).toBeNull();

      await withYouth({ storeDateOfBirth: true });
      const kept = (await put('acc-dob-kept', { dateOfBirth: dob })).json();
      expect(kept).toMatchObject({ band: '16_17', dateOfBirth: dob, age: 16 });
      // The day before the 16th birthday: 15, not allowed.
      expect((await put('acc-dob-15', { dateOfBirth: bornYearsAgo(16, -1) })).json()).toMatchObject({ band: '13_15', status: 'not_allowed', age: 15 });
    });

    it('moves the band on at next_band_at: on every read, and by the job that stores it (event, webhook)', async () => {
      const r = (await put('acc-grow', { declaredAge: 15 })).json();
      const job = await saring.db
        .selectFrom(sql<{ name: string; data: { accountId: string }; start_after: Date }>`pgboss.job`.as('j'))
        .select(['j.data', 'j.start_after'])
        .where('j.name', '=', BAND_QUEUE)
        .execute();
      expect(job.some((j) => j.data.accountId === r.accountId && j.start_after.getTime() === new Date(r.nextBandAt).getTime())).toBe(true);
      const later = new Date(new Date(r.nextBandAt).getTime() + 1000);
      expect(await ageOf(saring.db, r.accountId, later)).toMatchObject({ band: '16_17', status: 'restricted_minor' });
      expect(await ageOf(saring.db, r.accountId, addYears(later, 2))).toMatchObject({ band: '18_plus', status: 'allowed', nextBandAt: null });
      const [e] = await eligibilityOfMany(saring.db, [r.accountId], { by: 'accountId', now: addYears(later, 2) });
      expect(e).toMatchObject({ externalId: 'acc-grow', status: 'allowed' });
    });

    it('records age checks: the outcome only, applied when at least as sure as the record; a declaration never overrides an estimate or a verification (409 age_conflict, nothing stored)', async () => {
      await put('acc-chk', { declaredAge: 20 });
      const est = await post('/v1/accounts/acc-chk/age/checks', { method: 'facial_estimation', result: 'pass', ageRange: { min: 17, max: 21 }, confidence: 0.8, provider: 'EstiCo', checkedAt: checkedAt() });
      expect(est.statusCode, est.body).toBe(201);
      expect(est.json()).toMatchObject({ applied: true, record: { band: '16_17', assurance: 'estimated', status: 'restricted_minor', source: 'check' } });
      expect(est.json().check).toMatchObject({ method: 'facial_estimation', result: 'pass', outcome: { ageRange: { min: 17, max: 21 }, confidence: 0.8, provider: 'EstiCo', band: '16_17' }, purgedAt: null });

      // A self-declaration against the estimate: refused, nothing stored.
      const before = await counts();
      const conflict = await put('acc-chk', { declaredAge: 25 });
      expect([conflict.statusCode, conflict.json().error.code]).toEqual([409, 'age_conflict']);
      expect(conflict.json().error.details).toMatchObject({ declaredBand: '18_plus', band: '16_17', assurance: 'estimated' });
      expect(await counts()).toEqual(before);

      // A verified date of birth replaces the estimate; a later estimate is recorded, not applied.
      const verified = (await post('/v1/accounts/acc-chk/age/checks', { method: 'id_document', result: 'pass', dateOfBirth: bornYearsAgo(19), provider: 'Dukcapil', checkedAt: checkedAt() })).json();
      expect(verified).toMatchObject({ applied: true, record: { band: '18_plus', assurance: 'verified', status: 'allowed' } });
      // The date of birth is not kept in the check either (the policy keeps none): its band and end stand for it.
      expect(verified.check.outcome).toEqual({ provider: 'Dukcapil', band: '18_plus', nextBandAt: null });
      const lower = (await post('/v1/accounts/acc-chk/age/checks', { method: 'facial_estimation', result: 'pass', age: 14, checkedAt: checkedAt() })).json();
      expect(lower).toMatchObject({ applied: false, record: { band: '18_plus', assurance: 'verified' } });
      const failed = (await post('/v1/accounts/acc-chk/age/checks', { method: 'id_document', result: 'fail', checkedAt: checkedAt() })).json();
      expect(failed).toMatchObject({ applied: false, record: { assurance: 'verified' } });

      const c2 = await counts();
      const contra = await put('acc-chk', { declaredAge: 14 });
      expect([contra.statusCode, contra.json().error.code]).toEqual([409, 'age_conflict']);
      expect(await counts()).toEqual(c2);
      // The same band as the verified age is noted, and the verification stays.
      expect((await put('acc-chk', { declaredAge: 40 })).json()).toMatchObject({ band: '18_plus', assurance: 'verified', status: 'allowed' });

      const detail = (await get('/v1/accounts/acc-chk/age')).json();
      expect(detail.checks.map((c: { method: string }) => c.method)).toEqual(['id_document', 'facial_estimation', 'id_document', 'facial_estimation']);
      expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['declared', 'check_recorded', 'check_recorded', 'checked', 'checked', 'declared']);
      // Nothing that looks like a document or a face is taken: the check has no such field.
      const image = await post('/v1/accounts/acc-chk/age/checks', { method: 'id_document', result: 'pass', age: 20, checkedAt: checkedAt(), document: 'data:image/png;base64,iVBORw0KGgo=' });
      expect([image.statusCode, image.json().error.code]).toEqual([400, 'validation_failed']);
    });

    it('refuses bad ages and dates with invalid_age (or validation_failed for a wrong shape), storing nothing — not even the account', async () => {
      const before = await counts();
      const future = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
      const cases: [unknown, string][] = [
        [{ dateOfBirth: future }, 'invalid_age'],
        [{ dateOfBirth: '2012-02-30' }, 'invalid_age'],
        [{ dateOfBirth: '2013-13-01' }, 'invalid_age'],
        [{ dateOfBirth: '01-05-2012' }, 'invalid_age'],
        [{ dateOfBirth: '1880-01-01' }, 'invalid_age'],
        [{ declaredAge: 131 }, 'invalid_age'],
        [{ declaredAge: -1 }, 'invalid_age'],
        [{ declaredAge: 14.5 }, 'validation_failed'],
        [{ declaredAge: '14' }, 'validation_failed'],
        [{ declaredAge: 14, dateOfBirth: '2012-05-01' }, 'validation_failed'],
        [{}, 'validation_failed'],
      ];
      for (const [body, code] of cases) {
        const res = await put('acc-bad', body);
        expect(res.json().error?.code, JSON.stringify(body)).toBe(code);
        expect(res.statusCode).toBe(code === 'invalid_age' ? 422 : 400);
      }
      const checks: [unknown, string][] = [
        [{ method: 'id_document', result: 'pass', checkedAt: checkedAt() }, 'invalid_age'],
        [{ method: 'id_document', result: 'pass', ageRange: { min: 20, max: 17 }, checkedAt: checkedAt() }, 'invalid_age'],
        [{ method: 'id_document', result: 'pass', age: 20, dateOfBirth: '2000-01-01', checkedAt: checkedAt() }, 'invalid_age'],
        [{ method: 'id_document', result: 'pass', age: 200, checkedAt: checkedAt() }, 'invalid_age'],
        [{ method: 'id_document', result: 'pass', age: 20, checkedAt: new Date(Date.now() + DAY).toISOString() }, 'time_in_future'],
        [{ method: 'palm_reading', result: 'pass', age: 20, checkedAt: checkedAt() }, 'validation_failed'],
        [{ method: 'id_document', result: 'pass', age: 20, checkedAt: checkedAt(), face: 'iVBORw0KGgo' }, 'validation_failed'],
        [{ method: 'id_document', result: 'pass', age: 20, checkedAt: checkedAt(), provider: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==' }, 'validation_failed'],
        [{ method: 'id_document', result: 'pass', age: 20, checkedAt: checkedAt(), provider: 'A'.repeat(150) }, 'validation_failed'],
      ];
      for (const [body, code] of checks) expect((await post('/v1/accounts/acc-bad/age/checks', body)).json().error?.code, JSON.stringify(body)).toBe(code);
      expect(await counts()).toEqual(before);
      expect((await get('/v1/accounts/acc-bad/age')).statusCode).toBe(404);
    });

    it('a correction by a parent opens an age review (under_review) in the age queue; accepting sets the evidence’s age and assurance, with reason, event and audit', async () => {
      await put('acc-corr', { declaredAge: 14 });
      const body = { requestedBy: 'parent', declaredAge: 16, evidence: { method: 'id_document', result: 'pass', age: 16, provider: 'Dukcapil', checkedAt: checkedAt() }, note: 'Salah isi tahun lahir.' };
      const res = await post('/v1/accounts/acc-corr/age/corrections', body);
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({ kind: 'correction', queue: 'age', status: 'open', requestedBy: 'parent', claim: { band: '16_17', declaredAge: 16 }, check: { method: 'id_document', result: 'pass' }, before: { status: 'not_allowed' }, record: { status: 'under_review', band: '13_15' } });
      expect((await get('/v1/accounts/acc-corr/eligibility')).json()).toMatchObject({ status: 'under_review', reasons: ['under_review', 'under_minimum_age'] });

      // One open review at a time; a decision needs a reason.
      const again = await post('/v1/accounts/acc-corr/age/corrections', body);
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'age_case_open']);
      expect((await post(`/v1/age/cases/${c.id}/decision`, { decision: 'accept', reason: ' ' })).json().error.code).toBe('validation_failed');
      expect((await get('/v1/age/cases?status=open&kind=correction')).json().cases.map((x: { id: string }) => x.id)).toContain(c.id);

      const decided = await post(`/v1/age/cases/${c.id}/decision`, { decision: 'accept', reason: 'KTP orang tua dan akta kelahiran cocok.' }, 'senior_moderator');
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json()).toMatchObject({ status: 'accepted', reason: 'KTP orang tua dan akta kelahiran cocok.', decidedBy: expect.any(String), record: { band: '16_17', assurance: 'verified', status: 'restricted_minor', source: 'review' } });
      const closed = await post(`/v1/age/cases/${c.id}/decision`, { decision: 'reject', reason: 'x' });
      expect([closed.statusCode, closed.json().error.code]).toEqual([409, 'case_closed']);
      const detail = (await get('/v1/accounts/acc-corr/age')).json();
      expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['review_accepted', 'review_opened', 'declared']);
      expect(detail.events[0]).toMatchObject({ reason: 'KTP orang tua dan akta kelahiran cocok.', caseId: c.id });
      const audit = (await saring.db.selectFrom('audit_log').select('action').where('subject_id', '=', c.accountId).orderBy('seq').execute()).map((a) => a.action);
      expect(audit).toEqual(['age.declared', 'age.review_opened', 'age.review_accepted']);
      expect((await ageChanged('acc-corr')).map((d) => d.after.status)).toEqual(['not_allowed', 'under_review', 'restricted_minor']);
    });

    it('rejecting a correction restores the status; a correction for an unknown account is 404 and stores nothing', async () => {
      await put('acc-rej', { declaredAge: 17 });
      const c = (await post('/v1/accounts/acc-rej/age/corrections', { requestedBy: 'user', dateOfBirth: bornYearsAgo(20), evidence: { method: 'other', result: 'inconclusive', checkedAt: checkedAt() } })).json();
      expect(c.record.status).toBe('under_review');
      const r = (await post(`/v1/age/cases/${c.id}/decision`, { decision: 'reject', reason: 'Bukti tidak meyakinkan.' })).json();
      expect(r).toMatchObject({ status: 'rejected', record: { status: 'restricted_minor', band: '16_17', assurance: 'self_declared' } });
      const before = await counts();
      const res = await post('/v1/accounts/nobody/age/corrections', { requestedBy: 'user', declaredAge: 18, evidence: { method: 'id_document', result: 'pass', age: 18, checkedAt: checkedAt() } });
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
      const blob = `KTP: ${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk'.repeat(3)}`;
      expect((await post('/v1/accounts/acc-rej/age/corrections', { requestedBy: 'user', declaredAge: 18, note: blob, evidence: { method: 'id_document', result: 'pass', age: 18, checkedAt: checkedAt() } })).json().error.code).toBe('validation_failed');
      expect((await post('/v1/accounts/acc-rej/age/corrections', { requestedBy: 'user', declaredAge: 200, evidence: { method: 'id_document', result: 'pass', age: 18, checkedAt: checkedAt() } })).json().error.code).toBe('invalid_age');
      expect(await counts()).toEqual(before);
      expect((await get('/v1/age/cases/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
      expect((await get('/v1/age/cases/not-a-uuid')).statusCode).toBe(404);
    });

    it('underage signals in an account’s content open an age review with the evidence (not for a verified adult, not twice for one item)', async () => {
      await put('acc-kid', { declaredAge: 19 });
      const submitted = await saring.content.submit({ externalId: 'bio-kid', kind: 'profile', texts: { bio: 'aku kelas 5 SD, umurku 11 tahun' }, account: { externalId: 'acc-kid' } }, 'test');
      expect(submitted.verdict?.signals.underage?.score).toBeGreaterThanOrEqual(0.7);
      const [c] = (await get('/v1/age/cases?account=acc-kid')).json().cases;
      expect(c).toMatchObject({ kind: 'underage_signal', queue: 'age', status: 'open', requestedBy: 'signal', contentId: submitted.content.id, claim: { band: 'under_13', ageRange: { min: 11, max: 11 } }, record: { status: 'under_review' } });
      expect(c.evidence.items[0]).toMatchObject({ externalId: 'bio-kid', score: expect.any(Number), matches: expect.arrayContaining([expect.objectContaining({ field: 'bio' })]) });
      // Another item refreshes the open review.
      await saring.content.submit({ externalId: 'cap-kid', kind: 'video', texts: { caption: 'umurku 11 tahun hehe' }, account: { externalId: 'acc-kid' } }, 'test');
      const refreshed = (await get(`/v1/age/cases/${c.id}`)).json();
      expect(refreshed.evidence.items.map((i: { externalId: string }) => i.externalId)).toEqual(['cap-kid', 'bio-kid']);
      expect(await count('age_cases')).toBeGreaterThan(0);
      const accepted = (await post(`/v1/age/cases/${c.id}/decision`, { decision: 'accept', reason: 'Bio dan caption menyebut umur 11.' })).json();
      expect(accepted.record).toMatchObject({ band: 'under_13', assurance: 'estimated', status: 'not_allowed' });

      // A verified adult is not reopened by a signal; an adult talking about a child opens nothing.
      await put('acc-adult', { declaredAge: 35 });
      await post('/v1/accounts/acc-adult/age/checks', { method: 'population_data', result: 'pass', age: 35, checkedAt: checkedAt() });
      await saring.content.submit({ externalId: 'bio-adult', kind: 'profile', texts: { bio: 'umurku 12 tahun' }, account: { externalId: 'acc-adult' } }, 'test');
      await saring.content.submit({ externalId: 'cap-parent', kind: 'video', texts: { caption: 'anak saya kelas 5 SD hari ini lomba' }, account: { externalId: 'acc-parent' } }, 'test');
      expect((await get('/v1/age/cases?account=acc-adult')).json().cases).toEqual([]);
      expect((await get('/v1/age/cases?account=acc-parent')).json().cases).toEqual([]);

      // Under the threshold (the operator tunes it) nothing opens.
      await withYouth({ underageSignals: { threshold: 1 } });
      await saring.content.submit({ externalId: 'bio-thr', kind: 'profile', texts: { bio: '13 thn | jkt' }, account: { externalId: 'acc-thr' } }, 'test');
      expect((await get('/v1/age/cases?account=acc-thr')).json().cases).toEqual([]);
    });

    it('records parental consents for a minor, lists them, withdraws them once; an adult takes none', async () => {
      await put('acc-cons', { declaredAge: 16 });
      const given = await post('/v1/accounts/acc-cons/consents', { givenBy: 'Ibu Sari', relation: 'parent', givenAt: checkedAt(), scope: ['live_gifts', 'direct_messages_from_strangers'] });
      expect(given.statusCode, given.body).toBe(201);
      expect(given.json()).toMatchObject({ givenBy: 'Ibu Sari', relation: 'parent', scope: ['live_gifts', 'direct_messages_from_strangers'], withdrawnAt: null });
      expect((await get('/v1/accounts/acc-cons/consents')).json().consents).toHaveLength(1);
      const w = await post(`/v1/accounts/acc-cons/consents/${given.json().id}/withdraw`, { reason: 'Orang tua menarik izin.' });
      expect(w.statusCode, w.body).toBe(200);
      expect(w.json()).toMatchObject({ withdrawnAt: expect.any(String), withdrawnBy: expect.any(String) });
      expect((await post(`/v1/accounts/acc-cons/consents/${given.json().id}/withdraw`, {})).json().error.code).toBe('invalid_state');
      expect((await get('/v1/accounts/acc-cons/age')).json().events.map((e: { kind: string }) => e.kind)).toEqual(['consent_withdrawn', 'consent_given', 'declared']);

      await put('acc-cons-adult', { declaredAge: 30 });
      const before = await counts();
      expect((await post('/v1/accounts/acc-cons-adult/consents', { givenBy: 'x', relation: 'parent', givenAt: checkedAt(), scope: ['live_gifts'] })).json().error.code).toBe('invalid_state');
      expect((await post('/v1/accounts/acc-cons/consents', { givenBy: 'x', relation: 'parent', givenAt: checkedAt(), scope: [] })).json().error.code).toBe('validation_failed');
      expect((await post('/v1/accounts/acc-cons/consents', { givenBy: 'x', relation: 'parent', givenAt: new Date(Date.now() + DAY).toISOString(), scope: ['live_gifts'] })).json().error.code).toBe('time_in_future');
      expect((await post('/v1/accounts/nobody/consents', { givenBy: 'x', relation: 'parent', givenAt: checkedAt(), scope: ['live_gifts'] })).statusCode).toBe(404);
      expect((await post('/v1/accounts/acc-cons/consents/00000000-0000-0000-0000-000000000000/withdraw', {})).statusCode).toBe(404);
      expect(await counts()).toEqual(before);
    });

    it('purges evidence after the retention period (a job scheduled with it), the band staying', async () => {
      await put('acc-old', { declaredAge: 17 });
      const r = (await post('/v1/accounts/acc-old/age/checks', { method: 'id_document', result: 'pass', age: 17, provider: 'Dukcapil', checkedAt: checkedAt() })).json();
      const c = (await post('/v1/accounts/acc-old/age/corrections', { requestedBy: 'user', declaredAge: 18, evidence: { method: 'id_document', result: 'pass', age: 18, checkedAt: checkedAt() }, note: 'ulang tahun kemarin' })).json();
      await post(`/v1/age/cases/${c.id}/decision`, { decision: 'reject', reason: 'Belum 18.' });
      const jobs = await saring.db.selectFrom(sql<{ name: string; start_after: Date }>`pgboss.job`.as('j')).select('j.start_after').where('j.name', '=', PURGE_QUEUE).execute();
      // One job per day whatever the evidence recorded that day: the day after the retention ends.
      const due = jobs.filter((j) => j.start_after.getTime() > Date.now() + 365 * DAY && j.start_after.getTime() < Date.now() + 367 * DAY);
      expect(due).toHaveLength(1);

      // Not yet: nothing of this account's is purged.
      await saring.youth.age.purgeEvidence(new Date(Date.now() + 300 * DAY));
      expect((await get('/v1/accounts/acc-old/age')).json().checks[0].outcome).not.toBeNull();
      const result = await saring.youth.age.purgeEvidence(new Date(Date.now() + 366 * DAY));
      expect(result.checks).toBeGreaterThanOrEqual(2);
      const detail = (await get('/v1/accounts/acc-old/age')).json();
      expect(detail.record).toMatchObject({ band: '16_17', assurance: 'verified', status: 'restricted_minor' });
      expect(detail.checks.every((k: { outcome: unknown; purgedAt: string | null }) => k.outcome === null && k.purgedAt)).toBe(true);
      expect(detail.checks.find((k: { id: string }) => k.id === r.check.id)).toMatchObject({ method: 'id_document', result: 'pass' });
      expect(detail.events.filter((e: { evidence: unknown }) => e.evidence !== null)).toEqual([]);
      expect((await get(`/v1/age/cases/${c.id}`)).json()).toMatchObject({ evidence: null, claim: { band: '18_plus' } });
      expect((await get(`/v1/age/cases/${c.id}`)).json().claim).toEqual({ band: '18_plus' });
      const entry = await saring.db.selectFrom('audit_log').select('data').where('action', '=', 'age.evidence_purged').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(entry.data).toMatchObject({ retentionDays: 365 });
    });

    it('shows age data only to roles with age:read, takes ages only from age:write, decisions from age:decide; partners and regulators get 403', async () => {
      await put('acc-roles', { declaredAge: 17 });
      const expectations: [string, () => Promise<{ statusCode: number }>, Role[]][] = [
        ['GET age', () => get('/v1/accounts/acc-roles/age', current), ['admin', 'senior_moderator']],
        ['GET cases', () => get('/v1/age/cases', current), ['admin', 'senior_moderator']],
        ['GET consents', () => get('/v1/accounts/acc-roles/consents', current), ['admin', 'senior_moderator']],
        ['GET eligibility', () => get('/v1/accounts/acc-roles/eligibility', current), ['admin', 'senior_moderator', 'moderator']],
        ['POST eligibility', () => post('/v1/accounts/eligibility', { ids: ['acc-roles'] }, current), ['admin', 'senior_moderator', 'moderator']],
        ['PUT age', () => put('acc-roles', { declaredAge: 17 }, current), ['admin']],
        ['POST check', () => post('/v1/accounts/acc-roles/age/checks', { method: 'other', result: 'fail', checkedAt: checkedAt() }, current), ['admin']],
      ];
      let current: Role = 'admin';
      const problems: string[] = [];
      for (const role of ROLES) {
        current = role;
        for (const [name, call, allowed] of expectations) {
          const res = await call();
          const ok = allowed.includes(role) ? res.statusCode < 300 : res.statusCode === 403;
          if (!ok) problems.push(`${role} ${name} → ${res.statusCode}`);
        }
      }
      expect(problems).toEqual([]);
      const c = (await post('/v1/accounts/acc-roles/age/corrections', { requestedBy: 'user', declaredAge: 18, evidence: { method: 'other', result: 'fail', checkedAt: checkedAt() } })).json();
      for (const role of ['moderator', 'auditor', 'regulator', 'partner'] as const) {
        expect((await post(`/v1/age/cases/${c.id}/decision`, { decision: 'reject', reason: 'no' }, role)).statusCode, role).toBe(403);
      }
      expect((await post(`/v1/age/cases/${c.id}/decision`, { decision: 'reject', reason: 'no' }, 'senior_moderator')).statusCode).toBe(200);
    });

    it('answers eligibility for up to 1,000 accounts in one call, in the order asked', async () => {
      const ids = ['acc-14', 'never-seen', 'acc-30', ...Array.from({ length: 997 }, (_, i) => `feed-${i}`)];
      const res = await post('/v1/accounts/eligibility', { ids });
      expect(res.statusCode, res.body).toBe(200);
      const accounts = res.json().accounts as { externalId: string; status: string }[];
      expect(accounts).toHaveLength(1000);
      expect(accounts.slice(0, 3).map((a) => [a.externalId, a.status])).toEqual([['acc-14', 'not_allowed'], ['never-seen', 'pending_verification'], ['acc-30', 'allowed']]);
      expect((await post('/v1/accounts/eligibility', { ids: [...ids, 'one-more'] })).json().error.code).toBe('validation_failed');
      expect((await post('/v1/accounts/eligibility', { ids: [] })).json().error.code).toBe('validation_failed');
    });

    // Last: a plan takes every account under the minimum age declared so far.
    it('follows the under-16 deactivation programme: pending_verification while asked to re-verify, not_allowed once deactivated whatever is declared, back to its band when a verification clears it', async () => {
      await put('acc-prog', { declaredAge: 14 });
      await saring.youth.deactivation.plan({ note: 'uji' }, 'test');
      const asked = (await get('/v1/accounts/acc-prog/eligibility')).json();
      expect(asked).toMatchObject({ status: 'pending_verification', reasons: ['reverification_requested', 'under_minimum_age'] });
      const detail = (await get('/v1/accounts/acc-prog/age')).json();
      expect(detail.record).toMatchObject({ hold: 'reverification', status: 'pending_verification' });
      expect(detail.events[0]).toMatchObject({ kind: 'reverification_requested', after: { status: 'pending_verification' } });

      await sql`UPDATE youth_deactivation_accounts SET verify_by = now() - interval '1 second', deactivate_on = now() - interval '1 second' WHERE account_id = ${detail.accountId}`.execute(saring.db);
      await saring.youth.deactivation.advanceDue();
      await sql`UPDATE youth_deactivation_accounts SET deactivate_on = now() - interval '1 second' WHERE account_id = ${detail.accountId}`.execute(saring.db);
      await saring.youth.deactivation.advanceDue();
      const gone = (await get('/v1/accounts/acc-prog/eligibility')).json();
      expect(gone).toMatchObject({ status: 'not_allowed', reasons: ['deactivated'] });
      expect(Object.values(gone.features).map((f) => (f as { reason: string }).reason)).toEqual(Array(6).fill('account_not_allowed'));
      // A new declaration does not undo a deactivation.
      expect((await put('acc-prog', { declaredAge: 20 })).json()).toMatchObject({ band: '18_plus', status: 'not_allowed', hold: 'deactivated' });
      // A verification at or over the minimum age clears it: the status follows the band again.
      const cleared = (await post('/v1/accounts/acc-prog/age/checks', { method: 'id_document', result: 'pass', age: 16, checkedAt: checkedAt() })).json();
      expect(cleared.record).toMatchObject({ band: '16_17', assurance: 'verified', status: 'restricted_minor', hold: null });
      expect((await saring.db.selectFrom('account_ages').select('status').where('account_id', '=', detail.accountId).executeTakeFirstOrThrow()).status).toBe('restricted_minor');
    });
  });

  describe.skipIf(skip)(`youth age jobs on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ saring, close } = await testApp(backend));
    });
    afterAll(() => close?.());

    it('the band job stores the next band when its day comes (event, audit, webhook on the new status); the purge job purges what is past retention', async () => {
      await saring.webhooks.add({ url: 'http://127.0.0.1:9/unreachable' }, 'test');
      const r = await saring.youth.age.set('grow-up', { declaredAge: 17 }, 'test');
      expect(r).toMatchObject({ band: '16_17', status: 'restricted_minor' });
      // Its day has come: as if a year had passed.
      await saring.db.updateTable('account_ages').set({ next_band_at: new Date(Date.now() - 1000) }).where('account_id', '=', r.accountId).execute();
      await saring.jobs.send(BAND_QUEUE, { accountId: r.accountId });
      // (drain would wait for the jobs set for next year: wait for what the job does.)
      await until(async () => (await saring.db.selectFrom('account_ages').select('band').where('account_id', '=', r.accountId).executeTakeFirstOrThrow()).band === '18_plus');
      const row = await saring.db.selectFrom('account_ages').select(['band', 'status', 'next_band_at']).where('account_id', '=', r.accountId).executeTakeFirstOrThrow();
      expect(row).toEqual({ band: '18_plus', status: 'allowed', next_band_at: null });
      const events = await saring.db.selectFrom('age_events').select(['kind', 'actor', 'before', 'after']).where('account_id', '=', r.accountId).orderBy('id').execute();
      expect(events.map((e) => [e.kind, e.actor, (e.before as { band?: string } | null)?.band, (e.after as { band: string }).band])).toEqual([
        ['declared', 'test', undefined, '16_17'],
        ['band_advanced', 'system', '16_17', '18_plus'],
      ]);
      const hooks = await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', 'account.age_changed').execute();
      expect(hooks.map((h) => (h.payload as { data: { kind: string; after: { status: string } } }).data).map((d) => [d.kind, d.after.status])).toEqual([
        ['declared', 'restricted_minor'],
        ['band_advanced', 'allowed'],
      ]);
      // Run again (a retried job): nothing more happens.
      const again = await saring.jobs.send(BAND_QUEUE, { accountId: r.accountId });
      await until(async () => (await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE id = ${again}`.execute(saring.db)).rows[0]?.state === 'completed');
      expect(await saring.db.selectFrom('age_events').select('id').where('account_id', '=', r.accountId).execute()).toHaveLength(2);

      const check = await saring.youth.age.addCheck('grow-up', { method: 'id_document', result: 'pass', age: 18, checkedAt: new Date().toISOString() }, 'test');
      await sql`UPDATE age_checks SET created_at = now() - interval '400 days' WHERE id = ${check.check.id}`.execute(saring.db);
      await saring.jobs.send(PURGE_QUEUE, {});
      await until(async () => (await saring.db.selectFrom('age_checks').select('purged_at').where('id', '=', check.check.id).executeTakeFirstOrThrow()).purged_at !== null);
      const purged = await saring.db.selectFrom('age_checks').select(['outcome', 'purged_at']).where('id', '=', check.check.id).executeTakeFirstOrThrow();
      expect(purged.outcome).toBeNull();
      expect(purged.purged_at).toBeInstanceOf(Date);
      expect((await ageOf(saring.db, r.accountId))).toMatchObject({ band: '18_plus', assurance: 'verified' });
    });
  });
}
