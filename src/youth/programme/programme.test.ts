import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Saring } from '../../engine.js';
import type { App } from '../../http/app.js';
import { BACKENDS, testApp } from '../../test-support/storage.js';
import { catalogueIds } from './programme.js';
import { GAMBLING_REVIEW_TEXT } from '../../test-support/texts.js';

const SPAM = 'SLOT GACOR maxwin depo 10rb WD cepat bosku';
const GAMBLING_REVIEW = GAMBLING_REVIEW_TEXT;
const TERROR = 'ayo dukung isis, serang para thaghut, cara merakit bom';
type Who = 'admin' | 'kpai' | 'kpai2' | 'kemen' | 'sekolah' | 'noOrg' | 'komdigi' | 'mod' | 'auditor';

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`educational programme on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    const keys = {} as Record<Who, string>;
    let n = 0;

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      keys.admin = saring.adminKey;
      const person = async (name: string, role: 'partner' | 'regulator' | 'moderator' | 'auditor', org?: string) =>
        (await saring.users.create({ name, role, ...(org ? { org } : {}) }, 'test')).apiKey;
      keys.kpai = await person('Ani (KPAI)', 'partner', 'KPAI');
      keys.kpai2 = await person('Budi (KPAI)', 'partner', 'KPAI');
      keys.kemen = await person('Citra (KemenPPPA)', 'partner', 'KemenPPPA');
      keys.sekolah = await person('Dedi (SD Negeri 1)', 'partner', 'SDN 1 Bogor');
      keys.noOrg = await person('Tanpa organisasi', 'partner');
      keys.komdigi = await person('Officer', 'regulator', 'komdigi');
      keys.mod = await person('Dewi', 'moderator');
      keys.auditor = await person('Eka', 'auditor');
      await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
    });
    afterAll(() => close?.());

    const send = (method: 'POST' | 'PUT', url: string, body: unknown, who: Who) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${keys[who]}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const post = (url: string, body: unknown, who: Who) => send('POST', url, body, who);
    const get = (url: string, who: Who) => app.inject({ url, headers: { authorization: `Bearer ${keys[who]}` } });
    const submit = async (externalId: string, caption = 'Belajar menghitung pecahan dengan kue', account?: string) =>
      (await saring.content.submit({ externalId, kind: 'video', texts: { caption }, ...(account ? { account: { externalId: account } } : {}) }, 'test')).content.id;
    const unique = (prefix: string) => `${prefix}-${++n}`;
    const nominate = async (body: Record<string, unknown>, who: Who = 'kpai') => {
      const res = await post('/v1/programme/nominations', { band: '10_12', topic: 'mathematics', ...body }, who);
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const approve = async (id: string, who: Who = 'kemen') => {
      const res = await post(`/v1/programme/nominations/${id}/approve`, { reason: 'Sesuai kurikulum.' }, who);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    /** Content nominated by KPAI and approved by KemenPPPA: in the catalogue. */
    const catalogued = async (extra: Record<string, unknown> = {}, account?: string) => {
      const externalId = unique('cat');
      const contentId = await submit(externalId, 'Belajar menghitung pecahan dengan kue', account);
      const nomination = await nominate({ externalId, ...extra });
      const approved = await approve(nomination.id);
      expect(approved.status, JSON.stringify(approved.checks)).toBe('catalogued');
      return { externalId, contentId, id: nomination.id as string };
    };
    const count = async (table: 'programme_nominations' | 'audit_log' | 'mail_outbox' | 'reports' | 'review_cases') =>
      Number((await saring.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const nomination = async (id: string) => (await get(`/v1/programme/nominations/${id}`, 'admin')).json();
    const inCatalogue = async (contentId: string) => {
      const items = (await get('/v1/programme/catalogue?limit=500', 'kpai')).json().items as { contentId: string }[];
      return items.some((i) => i.contentId === contentId);
    };
    const removedEvents = async () =>
      (await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', 'programme.item_removed').orderBy('created_at').execute()).map(
        (d) => (d.payload as { data: { item: { nominationId: string }; reason: string } }).data,
      );
    const withSecondOrganisation = async (on: boolean) => {
      const start = (await saring.policy.active())!;
      const doc = start.document as { youth?: Record<string, unknown> };
      await saring.policy.activate(JSON.stringify({ ...doc, youth: { ...doc.youth, programme: { secondOrganisation: on } } }), 'test');
      onTestFinished(async () => void (await saring.policy.activateVersion(start.version, 'test')));
    };

    it('puts an item in the catalogue once another partner approves it and every safety check passes, with who decided and the checks', async () => {
      const externalId = unique('math');
      const contentId = await submit(externalId);
      const created = await nominate({ externalId, note: 'Video pecahan untuk kelas 5.' });
      expect(created).toMatchObject({ status: 'pending', organisation: 'KPAI', band: '10_12', topic: 'mathematics', note: 'Video pecahan untuk kelas 5.', content: { id: contentId, externalId }, decision: null, checks: null });
      expect(await inCatalogue(contentId)).toBe(false);
      // By Saring's id, for another band: a nomination of its own.
      const other = await nominate({ contentId, band: '6_9', topic: 'mathematics' });
      expect(other.content.externalId).toBe(externalId);

      const approved = await approve(created.id);
      expect(approved).toMatchObject({ status: 'catalogued', decision: { organisation: 'KemenPPPA', reason: 'Sesuai kurikulum.', approved: true }, cataloguedAt: expect.any(String) });
      expect(approved.checks.map((c: { check: string; passed: boolean }) => [c.check, c.passed])).toEqual([
        ['content_active', true],
        ['verdict_allow', true],
        ['no_bank_match', true],
        ['no_open_review', true],
        ['account_standing', true],
        ['account_age', true],
      ]);
      const page = (await get('/v1/programme/catalogue?band=10_12&topic=mathematics', 'kpai')).json();
      expect(page.items.find((i: { contentId: string }) => i.contentId === contentId)).toMatchObject({
        id: created.id,
        externalId,
        band: '10_12',
        topic: 'mathematics',
        organisation: 'KPAI',
        approvedBy: 'KemenPPPA',
        caption: 'Belajar menghitung pecahan dengan kue',
      });
      // The 6–9 nomination is still pending: not served for that band.
      expect((await catalogueIds(saring.db, '10_12', [contentId, 'not-a-uuid'])).has(contentId)).toBe(true);
      expect((await catalogueIds(saring.db, '6_9', [contentId])).size).toBe(0);
      const audited = await saring.db.selectFrom('audit_log').select('action').where('subject_id', '=', created.id).orderBy('seq').execute();
      expect(audited.map((a) => a.action)).toEqual(['programme.nominated', 'programme.catalogued']);

      // Rejected with a reason: never in the catalogue.
      const rejected = await post(`/v1/programme/nominations/${other.id}/reject`, { reason: 'Terlalu sulit untuk usia 6–9.' }, 'sekolah');
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect(rejected.json()).toMatchObject({ status: 'rejected', decision: { organisation: 'SDN 1 Bogor', reason: 'Terlalu sulit untuk usia 6–9.', approved: false }, checks: null });
      expect((await catalogueIds(saring.db, '6_9', [contentId])).size).toBe(0);
    });

    it('never lets a person decide their own nomination, nor decide one twice; with secondOrganisation only another organisation approves', async () => {
      const own = unique('own');
      await submit(own);
      const a = await nominate({ externalId: own });
      const before = await count('audit_log');
      for (const path of ['approve', 'reject']) {
        const res = await post(`/v1/programme/nominations/${a.id}/${path}`, { reason: 'Milik sendiri.' }, 'kpai');
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error.code).toBe('own_nomination');
      }
      expect((await nomination(a.id)).status).toBe('pending');
      expect(await count('audit_log')).toBe(before);
      // Without the policy's rule, a colleague of the same organisation may approve it.
      const approvals = (await get('/v1/programme/approvals', 'kpai2')).json();
      expect(approvals.secondOrganisation).toBe(false);
      expect(approvals.nominations.map((x: { id: string }) => x.id)).toContain(a.id);
      expect((await get('/v1/programme/approvals', 'kpai')).json().nominations.map((x: { id: string }) => x.id)).not.toContain(a.id);
      expect((await approve(a.id, 'kpai2')).status).toBe('catalogued');
      const again = await post(`/v1/programme/nominations/${a.id}/reject`, { reason: 'Berubah pikiran.' }, 'kpai2');
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'nomination_decided']);
      // Another organisation learns nothing of a decided nomination that is not theirs.
      const other = await post(`/v1/programme/nominations/${a.id}/reject`, { reason: 'Berubah pikiran.' }, 'kemen');
      expect([other.statusCode, other.json().error.code]).toEqual([404, 'not_found']);

      await withSecondOrganisation(true);
      const externalId = unique('second');
      await submit(externalId);
      const b = await nominate({ externalId });
      const same = await post(`/v1/programme/nominations/${b.id}/approve`, {}, 'kpai2');
      expect([same.statusCode, same.json().error.code]).toEqual([403, 'second_organisation_required']);
      // A platform admin belongs to no partner organisation: not a second organisation.
      const admin = await post(`/v1/programme/nominations/${b.id}/approve`, {}, 'admin');
      expect([admin.statusCode, admin.json().error.code]).toEqual([403, 'second_organisation_required']);
      expect((await nomination(b.id)).status).toBe('pending');
      const list = (await get('/v1/programme/approvals', 'kpai2')).json();
      expect(list.secondOrganisation).toBe(true);
      expect(list.nominations.every((x: { organisation: string }) => x.organisation !== 'KPAI')).toBe(true);
      expect((await get('/v1/programme/approvals', 'kemen')).json().nominations.map((x: { id: string }) => x.id)).toContain(b.id);
      // A KPAI colleague learns nothing of it through the approval door… but sees it as their organisation's.
      expect((await get(`/v1/programme/nominations/${b.id}`, 'kpai2')).statusCode).toBe(200);
      expect((await approve(b.id, 'kemen')).status).toBe('catalogued');
    });

    it('refuses content that does not exist or cannot be nominated now, and bad input, storing nothing', async () => {
      const removed = unique('removed');
      await submit(removed, SPAM);
      expect((await saring.content.get(removed)).status).toBe('removed');
      const reviewing = unique('reviewing');
      await submit(reviewing, GAMBLING_REVIEW);
      expect((await saring.content.get(reviewing)).status).toBe('in_review');
      const fine = unique('fine');
      await submit(fine);
      await nominate({ externalId: fine, band: '13_15' });
      const before = [await count('programme_nominations'), await count('audit_log')];
      const cases: [Record<string, unknown>, number, string][] = [
        [{ externalId: 'never-sent' }, 422, 'unknown_content'],
        [{ contentId: '00000000-0000-4000-8000-000000000000' }, 422, 'unknown_content'],
        [{ externalId: removed }, 422, 'content_not_eligible'],
        [{ externalId: reviewing }, 422, 'content_not_eligible'],
        [{ externalId: fine, band: '13_15' }, 409, 'already_nominated'],
        [{ externalId: fine, contentId: '00000000-0000-4000-8000-000000000000' }, 400, 'validation_failed'],
        [{}, 400, 'validation_failed'],
        [{ externalId: fine, band: '7_8' }, 400, 'validation_failed'],
        [{ externalId: fine, topic: 'cooking' }, 400, 'validation_failed'],
        [{ externalId: fine, note: 'x'.repeat(2001) }, 400, 'validation_failed'],
      ];
      for (const [body, status, code] of cases) {
        const res = await post('/v1/programme/nominations', { band: '10_12', topic: 'science', ...body }, 'kpai');
        expect([res.statusCode, res.json().error?.code], JSON.stringify(body)).toEqual([status, code]);
      }
      const noOrg = await post('/v1/programme/nominations', { externalId: fine, band: '3_5', topic: 'arts' }, 'noOrg');
      expect([noOrg.statusCode, noOrg.json().error.code]).toEqual([422, 'organisation_required']);
      const missing = await post('/v1/programme/nominations/00000000-0000-4000-8000-000000000000/approve', {}, 'kemen');
      expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'not_found']);
      const pending = (await get('/v1/programme/nominations?status=pending', 'kpai')).json().nominations[0];
      const noReason = await post(`/v1/programme/nominations/${pending.id}/reject`, {}, 'kemen');
      expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'validation_failed']);
      expect([await count('programme_nominations'), await count('audit_log')]).toEqual(before);
    });

    it('blocks an approved item whose safety checks fail, saying which: a verdict above allow, an account suspended or closed', async () => {
      // Held for review by the scan, then allowed by a moderator: active, but its latest verdict was not allow.
      const flagged = unique('allowed-after-review');
      await submit(flagged, GAMBLING_REVIEW);
      const allowed = await post(`/v1/content/${flagged}/decisions`, { action: 'allow', reason: 'Bukan promosi judi.' }, 'mod');
      expect(allowed.statusCode, allowed.body).toBe(201);
      expect((await saring.content.get(flagged)).status).toBe('active');
      const a = await approve((await nominate({ externalId: flagged, topic: 'digital_literacy' })).id);
      expect(a.status).toBe('blocked');
      expect(a.checks.filter((c: { passed: boolean }) => !c.passed).map((c: { check: string }) => c.check)).toEqual(['verdict_allow']);
      expect(a.checks.find((c: { check: string }) => c.check === 'verdict_allow').detail).toMatch(/gambling → review/);
      expect(a.cataloguedAt).toBeNull();

      // An account closed for terrorism: its harmless video is not for children's catalogue.
      const account = unique('acct-closed');
      const harmless = unique('harmless');
      await submit(harmless, 'Cara menanam kacang hijau', account);
      await submit(unique('terror'), TERROR, account);
      const b = await approve((await nominate({ externalId: harmless, topic: 'science' })).id);
      expect(b.status).toBe('blocked');
      expect(b.checks.find((c: { check: string }) => c.check === 'account_standing')).toMatchObject({ passed: false, detail: 'the account is under terminate' });
      expect((await catalogueIds(saring.db, '10_12', [a.content.id, b.content.id])).size).toBe(0);
    });

    it('takes items out of the catalogue when they are reported, flagged, removed, restricted, their account is closed or found under age, and tells the partner and the platform why', async () => {
      const contact = await send('PUT', '/v1/programme/organisations/KPAI/contact', { name: 'Sekretariat KPAI', email: 'program@kpai.example' }, 'kpai');
      expect(contact.statusCode, contact.body).toBe(200);
      // A partner sets only their own organisation's contact.
      expect((await send('PUT', '/v1/programme/organisations/KemenPPPA/contact', { name: 'X', email: 'x@example.org' }, 'kpai')).statusCode).toBe(404);
      const mails = await count('mail_outbox');

      const reported = await catalogued();
      const report = await post('/v1/reports', { content: { externalId: reported.externalId }, reporter: { name: 'Siti', contact: 'siti@example.org' }, category: 'pornography', reason: 'Ada adegan tidak pantas di menit 2.' }, 'mod');
      expect(report.statusCode, report.body).toBe(201);

      const flagged = await catalogued();
      await saring.content.submit({ externalId: flagged.externalId, kind: 'video', texts: { caption: GAMBLING_REVIEW } }, 'test');

      const removed = await catalogued();
      expect((await post(`/v1/content/${removed.externalId}/decisions`, { action: 'remove', category: 'gambling', reason: 'Promosi judi.' }, 'mod')).statusCode).toBe(201);

      const restricted = await catalogued();
      expect((await post(`/v1/content/${restricted.externalId}/decisions`, { action: 'restrict_18', category: 'violence', reason: 'Kekerasan.' }, 'mod')).statusCode).toBe(201);

      const account = unique('acct');
      const ofAccount = await catalogued({}, account);
      await submit(unique('terror'), TERROR, account);

      // The platform tells Saring the uploader is 14: under the minimum age of 16 (youth/age).
      const child = unique('acct-child');
      const ofChild = await catalogued({}, child);
      const declared = await send('PUT', `/v1/accounts/${child}/age`, { declaredAge: 14 }, 'admin');
      expect([declared.statusCode, declared.json().status], declared.body).toEqual([200, 'not_allowed']);

      const expected: [typeof reported, string][] = [
        [reported, 'reported'],
        [flagged, 'flagged'],
        [removed, 'removed'],
        [restricted, 'restricted'],
        [ofAccount, 'account_action'],
        [ofChild, 'underage_account'],
      ];
      for (const [item, reason] of expected) {
        const left = await nomination(item.id);
        expect([left.status, left.left?.reason], reason).toEqual(['left', reason]);
        expect(await inCatalogue(item.contentId), reason).toBe(false);
      }
      expect((await nomination(reported.id)).left.detail).toMatchObject({ reportId: report.json().id, category: 'pornography' });
      expect((await nomination(removed.id)).left.detail).toMatchObject({ action: 'remove', category: 'gambling' });
      expect((await nomination(ofAccount.id)).left.detail).toMatchObject({ action: 'terminate' });
      expect((await nomination(ofChild.id)).left.detail).toMatchObject({ band: '13_15' });
      // Nominated again now, an approval is blocked: the account is under age.
      const again = await approve((await nominate({ externalId: ofChild.externalId })).id);
      expect([again.status, again.checks.filter((c: { passed: boolean }) => !c.passed).map((c: { check: string }) => c.check)]).toEqual(['blocked', ['account_age']]);

      const events = await removedEvents();
      expect(expected.map(([item, reason]) => [events.find((e) => e.item.nominationId === item.id)?.reason, reason]).every(([a, b]) => a === b)).toBe(true);
      const outbox = await saring.db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'programme.item_removed').orderBy('created_at').execute();
      expect(await count('mail_outbox')).toBe(mails + 6);
      expect(outbox.at(-6)).toMatchObject({ to_address: 'program@kpai.example', to_name: 'Sekretariat KPAI', ref: reported.id });
      expect(outbox.at(-6)!.subject).toContain('keluar dari katalog');
      expect(outbox.at(-6)!.body).toContain('dilaporkan');
      expect(outbox.at(-6)!.body).toContain('has left the catalogue: reported');

      // What left, for the portal: the organisation's own, with why.
      const left = (await get('/v1/programme/nominations?status=left', 'kpai')).json().nominations;
      expect(left.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(expected.map(([item]) => item.id)));
      expect((await get('/v1/programme/nominations?status=left', 'kemen')).json().nominations).toEqual([]);
    });

    it('routes a partner’s report of harm to children to the urgent children queue through the reports path, and the item leaves the catalogue', async () => {
      const item = await catalogued();
      const before = await count('review_cases');
      const res = await post('/v1/programme/reports', { externalId: item.externalId, category: 'csam', reason: 'Anak dalam video tampak dieksploitasi.' }, 'kemen');
      expect(res.statusCode, res.body).toBe(201);
      const receipt = res.json();
      expect(receipt).toMatchObject({ contentId: item.contentId, status: 'received', caseId: expect.any(String) });
      expect(await count('review_cases')).toBe(before + 1);
      const reviewCase = (await get(`/v1/review/cases/${receipt.caseId}`, 'admin')).json().case;
      expect(reviewCase).toMatchObject({ reason: 'report', queue: 'children', policyPriority: 'urgent', category: 'csam', lane: 'senior', reports: 1, ref: receipt.reportId });
      const report = (await get(`/v1/reports/${receipt.reportId}`, 'admin')).json();
      expect(report).toMatchObject({ status: 'received', caseId: receipt.caseId, category: 'csam', reporter: { name: 'KemenPPPA (mitra program / programme partner)' } });
      expect((await nomination(item.id)).left).toMatchObject({ reason: 'reported', detail: { reportId: receipt.reportId } });
      // The moderator's decision answers it as any report.
      const senior = (await saring.users.create({ name: 'Rina', role: 'senior_moderator' }, 'test')).apiKey;
      const decided = await app.inject({ method: 'POST', url: `/v1/content/${item.externalId}/decisions`, headers: { authorization: `Bearer ${senior}`, 'content-type': 'application/json' }, payload: JSON.stringify({ action: 'remove', category: 'csam', reason: 'Eksploitasi anak.' }) });
      expect(decided.statusCode, decided.body).toBe(201);
      expect((await get(`/v1/reports/${receipt.reportId}`, 'admin')).json()).toMatchObject({ status: 'actioned' });
      // Already removed: answered at once; unknown content refused.
      const again = await post('/v1/programme/reports', { contentId: item.contentId, category: 'csam', reason: 'Lagi.' }, 'kpai');
      expect([again.statusCode, again.json().status, again.json().caseId]).toEqual([200, 'actioned', null]);
      const unknown = await post('/v1/programme/reports', { externalId: 'never-sent', category: 'csam', reason: 'x' }, 'kpai');
      expect([unknown.statusCode, unknown.json().error.code]).toEqual([422, 'unknown_content']);
    });

    it('serves the catalogue newest first in keyset pages, filtered by band and topic', async () => {
      const made: { id: string; band: string; topic: string }[] = [];
      for (const [band, topic] of [
        ['3_5', 'arts'],
        ['3_5', 'language'],
        ['6_9', 'arts'],
        ['3_5', 'arts'],
        ['3_5', 'arts'],
        ['16_17', 'health'],
        ['3_5', 'arts'],
      ] as const) {
        const item = await catalogued({ band, topic });
        made.push({ id: item.id, band, topic });
      }
      const pages = async (query: string) => {
        const ids: string[] = [];
        let cursor: string | null = null;
        let calls = 0;
        do {
          const res = await get(`/v1/programme/catalogue?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, 'kpai');
          expect(res.statusCode, res.body).toBe(200);
          const body = res.json();
          expect(body.items.length).toBeLessThanOrEqual(2);
          ids.push(...body.items.map((i: { id: string }) => i.id));
          cursor = body.nextCursor;
          calls++;
        } while (cursor && calls < 20);
        return ids;
      };
      const newestFirst = (f: (m: (typeof made)[number]) => boolean) => made.filter(f).map((m) => m.id).reverse();
      expect(await pages('band=3_5&topic=arts')).toEqual(newestFirst((m) => m.band === '3_5' && m.topic === 'arts'));
      expect(await pages('band=3_5')).toEqual(newestFirst((m) => m.band === '3_5'));
      expect((await pages('topic=arts')).filter((id) => made.some((m) => m.id === id))).toEqual(newestFirst((m) => m.topic === 'arts'));
      for (const q of ['band=18_plus', 'topic=cooking', 'limit=0', 'limit=501', 'cursor=abc', 'x=1']) {
        const res = await get(`/v1/programme/catalogue?${q}`, 'kpai');
        expect([res.statusCode, res.json().error.code], q).toEqual([400, 'validation_failed']);
      }
    });

    it('lets partners see only their organisation’s nominations; regulators see nothing of the programme', async () => {
      const externalId = unique('scope');
      await submit(externalId);
      const mine = await nominate({ externalId, topic: 'online_safety' }, 'sekolah');
      await approve(mine.id, 'kpai');
      expect((await get(`/v1/programme/nominations/${mine.id}`, 'sekolah')).statusCode).toBe(200);
      // Decided: another organisation (even the approver's) no longer sees it; the platform's people do.
      for (const who of ['kpai', 'kemen'] as const) expect((await get(`/v1/programme/nominations/${mine.id}`, who)).statusCode, who).toBe(404);
      for (const who of ['admin', 'mod', 'auditor'] as const) expect((await get(`/v1/programme/nominations/${mine.id}`, who)).statusCode, who).toBe(200);
      const listed = (await get('/v1/programme/nominations?limit=200', 'sekolah')).json().nominations;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((x: { organisation: string }) => x.organisation === 'SDN 1 Bogor')).toBe(true);
      expect((await get('/v1/programme/nominations?limit=200', 'kemen')).json().nominations.every((x: { organisation: string }) => x.organisation === 'KemenPPPA')).toBe(true);
      expect((await get('/v1/programme/nominations?limit=200', 'admin')).json().nominations.map((x: { organisation: string }) => x.organisation)).toEqual(expect.arrayContaining(['KPAI', 'SDN 1 Bogor']));

      const routes: [string, string, unknown?][] = [
        ['GET', '/v1/programme/catalogue'],
        ['GET', '/v1/programme/nominations'],
        ['GET', `/v1/programme/nominations/${mine.id}`],
        ['GET', '/v1/programme/approvals'],
        ['GET', '/v1/programme/report?from=2026-01-01&to=2026-01-31'],
        ['POST', '/v1/programme/nominations', { externalId, band: '3_5', topic: 'arts' }],
        ['POST', `/v1/programme/nominations/${mine.id}/approve`, {}],
        ['POST', `/v1/programme/nominations/${mine.id}/reject`, { reason: 'x' }],
        ['POST', '/v1/programme/reports', { externalId, category: 'csam', reason: 'x' }],
        ['PUT', '/v1/programme/organisations/komdigi/contact', { name: 'x', email: 'x@example.org' }],
      ];
      for (const [method, url, body] of routes) {
        const res = await app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${keys.komdigi}`, 'content-type': 'application/json' }, ...(body ? { payload: JSON.stringify(body) } : {}) });
        expect([res.statusCode, res.json().error?.code], `${method} ${url}`).toEqual([403, 'forbidden']);
      }
      // Moderators read the programme; they neither nominate, approve nor report as a partner.
      expect((await get('/v1/programme/catalogue', 'mod')).statusCode).toBe(200);
      expect((await post('/v1/programme/nominations', { externalId, band: '3_5', topic: 'arts' }, 'mod')).statusCode).toBe(403);
      expect((await post('/v1/programme/reports', { externalId, category: 'csam', reason: 'x' }, 'mod')).statusCode).toBe(403);
    });

    it('reports the programme for a period: the catalogue by topic and band, approvals, rejections, blocked, removals by reason, median time to review', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const res = await get(`/v1/programme/report?from=${today}&to=${today}&zone=UTC`, 'kpai');
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json();
      const rows = await saring.db.selectFrom('programme_nominations').selectAll().execute();
      const served = await catalogueIds(
        saring.db,
        '3_5',
        rows.map((r) => r.content_id),
      );
      expect(report.catalogue.byBand['3_5']).toBe(served.size);
      expect(report.catalogue.total).toBe(Object.values(report.catalogue.byTopic as Record<string, number>).reduce((s, x) => s + x, 0));
      expect(report.nominations).toBe(rows.length);
      expect(report.rejections).toBe(rows.filter((r) => r.status === 'rejected').length);
      expect(report.approvals).toBe(rows.filter((r) => r.decided_at && r.status !== 'rejected').length);
      expect(report.blocked.total).toBe(rows.filter((r) => r.status === 'blocked').length);
      expect(report.blocked.byCheck).toMatchObject({ verdict_allow: 1, account_standing: 1, account_age: 1 });
      expect(report.removals.byReason).toMatchObject({ reported: 2, flagged: 1, removed: 1, restricted: 1, account_action: 1, underage_account: 1 });
      expect(report.pending).toBe(rows.filter((r) => r.status === 'pending').length);
      expect(report.medianHoursToReview).toBeGreaterThanOrEqual(0);
      expect(report.medianHoursToReview).toBeLessThan(1);
      const bad = await get(`/v1/programme/report?from=${today}&to=2020-01-01`, 'kpai');
      expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'invalid_period']);
    });
  });
}
