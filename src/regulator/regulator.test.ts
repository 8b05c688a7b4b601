import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Saring } from '../engine.js';
import { routeTable, type App } from '../http/app.js';
import { hashMedia } from '../signals/hash/media.js';
import { pngDeclaring } from '../test-support/media.js';
import { BACKENDS, testApp } from '../test-support/storage.js';

const SPAM = 'SLOT GACOR maxwin depo 10rb WD cepat bosku';
const HOUR = 3_600_000;
const BRIDGE = readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'pdq', 'images', 'bridge-mods', 'aaa-orig.jpg'));
type Who = 'admin' | 'komdigi' | 'komdigi2' | 'polri' | 'noOrg' | 'mod' | 'senior';

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`regulator orders on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    const keys = {} as Record<Who, string>;

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      keys.admin = saring.adminKey;
      keys.komdigi = (await saring.users.create({ name: 'Officer A', role: 'regulator', org: 'komdigi' }, 'test')).apiKey;
      keys.komdigi2 = (await saring.users.create({ name: 'Officer A2', role: 'regulator', org: 'komdigi' }, 'test')).apiKey;
      keys.polri = (await saring.users.create({ name: 'Officer B', role: 'regulator', org: 'polri' }, 'test')).apiKey;
      keys.noOrg = (await saring.users.create({ name: 'Officer without organisation', role: 'regulator' }, 'test')).apiKey;
      keys.mod = (await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey;
      keys.senior = (await saring.users.create({ name: 'Rina', role: 'senior_moderator' }, 'test')).apiKey;
      await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
    });
    afterAll(() => close?.());

    const send = (method: 'POST' | 'PUT', url: string, body: unknown, who: Who) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${keys[who]}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const post = (url: string, body: unknown, who: Who = 'komdigi') => send('POST', url, body, who);
    const get = (url: string, who: Who = 'komdigi') => app.inject({ url, headers: { authorization: `Bearer ${keys[who]}` } });
    const submit = async (externalId: string, text = 'video masak nasi goreng', url?: string) =>
      (await saring.content.submit({ externalId, kind: 'video', texts: { caption: text }, ...(url ? { metadata: { url } } : {}) }, 'test')).content.id;
    const order = (orderNumber: string, targets: unknown[], extra: Record<string, unknown> = {}) => ({
      orderNumber,
      category: 'gambling',
      legalBasis: 'UU ITE Pasal 27 ayat (2); Permenkominfo 5/2020 Pasal 14',
      targets,
      ...extra,
    });
    const count = async (table: 'regulator_orders' | 'regulator_order_targets' | 'review_cases' | 'audit_log' | 'mail_outbox' | 'regulator_clarifications' | 'regulator_warnings' | 'regulator_fines') =>
      Number((await saring.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const deliveries = async (type: string) =>
      (await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', type).orderBy('created_at').execute()).map((d) => (d.payload as { data: Record<string, unknown> }).data);

    it('receives an order: stored with its targets resolved by URL, id and the platform’s id, a 24-hour clock, one review case per target, idempotent by organisation and number', async () => {
      const url = 'https://platform.example/v/judi-1';
      const pending = await submit('ord-1', 'video biasa', url);
      const removed = await submit('ord-2', SPAM);
      expect((await saring.content.get('ord-2')).status).toBe('removed');
      const res = await post('/v1/regulator/orders', order('B-001/2026', [{ url }, { contentId: removed }, { externalId: 'not-here' }], { legalAnalysis: 'Mengandung promosi judi.', letter: 'Surat B-001' }));
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ orderNumber: 'B-001/2026', organisation: 'komdigi', category: 'gambling', urgent: false, urgentClock: false, status: 'in_progress' });
      expect(new Date(body.dueAt).getTime() - new Date(body.receivedAt).getTime()).toBe(24 * HOUR);
      expect(body.targets.map((t: { status: string }) => t.status)).toEqual(['pending', 'already_removed', 'not_found']);
      expect(body.targets[0]).toMatchObject({ kind: 'url', url, contentId: pending, caseId: expect.any(String) });
      expect(body.targets[1]).toMatchObject({ kind: 'contentId', contentId: removed, caseId: null, proof: { decisionId: expect.any(String), action: 'remove', actorType: 'automated' } });
      expect(body.targets[2]).toMatchObject({ kind: 'externalId', externalId: 'not-here', contentId: null });
      expect(body.counts).toEqual({ pending: 1, taken_down: 0, already_removed: 1, not_found: 1, clarified: 0, answered: 0 });

      // The review case: regulator queue, reason order, top priority, the order's deadline.
      const reviewCase = (await get(`/v1/review/cases/${body.targets[0].caseId}`, 'senior')).json().case;
      expect(reviewCase).toMatchObject({ reason: 'order', queue: 'regulator', policyPriority: 'urgent', ref: body.id, contentId: pending, dueAt: body.dueAt });

      // The same number again: the same order, nothing new stored.
      const before = await Promise.all((['regulator_orders', 'regulator_order_targets', 'review_cases'] as const).map(count));
      const again = await post('/v1/regulator/orders', order('B-001/2026', [{ externalId: 'other' }]), 'komdigi2');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual((await get(`/v1/regulator/orders/${body.id}`)).json());
      expect(await Promise.all((['regulator_orders', 'regulator_order_targets', 'review_cases'] as const).map(count))).toEqual(before);
      // Another organisation's order with that number is another order.
      const other = await post('/v1/regulator/orders', order('B-001/2026', [{ url }]), 'polri');
      expect(other.statusCode).toBe(201);
      expect(other.json().id).not.toBe(body.id);
      expect(other.json().targets[0].caseId).toBe(body.targets[0].caseId);

      expect((await deliveries('order.received')).map((d) => (d['order'] as { id: string }).id)).toEqual([body.id, other.json().id]);
      const audit = await saring.db.selectFrom('audit_log').select(['subject_id', 'data']).where('action', '=', 'order.received').execute();
      expect(audit.map((a) => a.subject_id)).toEqual([body.id, other.json().id]);
    });

    it('gives 4 hours to urgent orders and to orders in the urgent categories (csam, terrorism, illegal_goods), 24 to the rest', async () => {
      const id = await submit('clock-1');
      const cases: [Record<string, unknown>, number][] = [
        [{ category: 'gambling', urgent: true }, 4],
        [{ category: 'csam' }, 4],
        [{ category: 'terrorism' }, 4],
        [{ category: 'illegal_goods' }, 4],
        [{ category: 'hoax' }, 24],
        [{ category: 'other', urgent: false }, 24],
      ];
      for (const [i, [extra, hours]] of cases.entries()) {
        const res = await post('/v1/regulator/orders', order(`CLOCK-${i}`, [{ contentId: id }], extra));
        expect(res.statusCode, res.body).toBe(201);
        const o = res.json();
        expect([o.category, new Date(o.dueAt).getTime() - new Date(o.receivedAt).getTime()]).toEqual([extra['category'], hours * HOUR]);
        expect(o.urgentClock).toBe(hours === 4);
      }
      // The item's one order case keeps the earliest deadline of the orders that target it.
      const caseRow = await saring.db.selectFrom('review_cases').select('due_at').where('content_id', '=', id).where('reason', '=', 'order').executeTakeFirstOrThrow();
      const first = await saring.db.selectFrom('regulator_orders').select('due_at').where('order_number', '=', 'CLOCK-0').executeTakeFirstOrThrow();
      expect(new Date(caseRow.due_at).toISOString()).toBe(new Date(first.due_at).toISOString());
    });

    it('takes the clock from the active policy’s orders table when the order is received, and keeps it when the policy changes', async () => {
      const id = await submit('policy-clock-1');
      const start = (await saring.policy.active())!;
      const withOrders = (orders: unknown) => JSON.stringify({ ...start.document, orders });
      const v1 = await saring.policy.activate(withOrders({ urgentCategories: ['gambling'], hours: { standard: 48, urgent: 2 } }), 'test');
      onTestFinished(async () => void (await saring.policy.activateVersion(start.version, 'test')));
      const gambling = (await post('/v1/regulator/orders', order('POL-CLOCK-1', [{ contentId: id }]))).json();
      const csam = (await post('/v1/regulator/orders', order('POL-CLOCK-2', [{ contentId: id }], { category: 'csam' }))).json();
      const marked = (await post('/v1/regulator/orders', order('POL-CLOCK-3', [{ contentId: id }], { category: 'hoax', urgent: true }))).json();
      const span = (o: { dueAt: string; receivedAt: string }) => new Date(o.dueAt).getTime() - new Date(o.receivedAt).getTime();
      expect([gambling.urgentClock, span(gambling), gambling.policyVersion]).toEqual([true, 2 * HOUR, v1.version]);
      expect([csam.urgentClock, span(csam)]).toEqual([false, 48 * HOUR]);
      expect([marked.urgentClock, span(marked)]).toEqual([true, 2 * HOUR]);
      // The reminders were scheduled on that clock.
      const jobs = await saring.db.selectFrom('regulator_orders').select(['urgent_clock', 'clock_seconds', 'policy_version']).where('id', '=', gambling.id).executeTakeFirstOrThrow();
      expect(jobs).toEqual({ urgent_clock: true, clock_seconds: 2 * 3600, policy_version: v1.version });
      // A later policy does not move a running clock.
      await saring.policy.activate(withOrders({ urgentCategories: [], hours: { standard: 12, urgent: 1 } }), 'test');
      expect((await get(`/v1/regulator/orders/${gambling.id}`)).json()).toMatchObject({ dueAt: gambling.dueAt, urgentClock: true, policyVersion: v1.version });
      const later = (await post('/v1/regulator/orders', order('POL-CLOCK-4', [{ contentId: id }]))).json();
      expect([later.urgentClock, span(later)]).toEqual([false, 12 * HOUR]);
      // A bad orders table is refused like any bad policy, and nothing changes.
      const active = (await saring.policy.active())!.version;
      for (const orders of [{ hours: { standard: 4, urgent: 24 } }, { urgentCategories: ['spam'] }, { hours: { standard: 0 } }, { urgentCategories: ['csam', 'csam'] }, { automatic: { categories: ['gambling'], organisations: [] } }, { clock: 4 }]) {
        const res = await post('/v1/policy', { source: withOrders(orders) }, 'admin');
        expect([res.statusCode, res.json().error?.code], JSON.stringify(orders)).toEqual([422, 'invalid_policy']);
      }
      expect((await saring.policy.active())!.version).toBe(active);
    });

    it('refuses bad orders with a stable code and stores nothing', async () => {
      const id = await submit('bad-1');
      const tables = ['regulator_orders', 'regulator_order_targets', 'review_cases', 'audit_log', 'mail_outbox'] as const;
      const before = await Promise.all(tables.map(count));
      const many = Array.from({ length: 10_001 }, (_, i) => ({ externalId: `x-${i}` }));
      const cases: [unknown, Who, number, string][] = [
        [order('BAD-1', [{ contentId: id }], { category: 'spam' }), 'komdigi', 422, 'unknown_category'],
        [order('BAD-2', [{ foo: 'bar' }]), 'komdigi', 422, 'invalid_target'],
        [order('BAD-3', [{ url: 'ftp://platform.example/x' }]), 'komdigi', 422, 'invalid_target'],
        [order('BAD-4', [{ url: 'https://platform.example/x', contentId: id }]), 'komdigi', 422, 'invalid_target'],
        [order('BAD-5', [{ contentId: 'not-a-uuid' }]), 'komdigi', 422, 'invalid_target'],
        [order('BAD-6', ['https://platform.example/x']), 'komdigi', 422, 'invalid_target'],
        [order('BAD-7', []), 'komdigi', 422, 'invalid_target'],
        [order('BAD-8', many), 'komdigi', 422, 'too_many_targets'],
        [order('BAD-9', [{ contentId: id }, { externalId: 'a' }, { contentId: id.toUpperCase() }]), 'komdigi', 422, 'duplicate_target'],
        [order('BAD-10', [{ contentId: id }], { issuedAt: new Date(Date.now() + 2 * HOUR).toISOString() }), 'komdigi', 422, 'time_in_future'],
        [{ ...order('BAD-11', [{ contentId: id }]), legalBasis: undefined }, 'komdigi', 400, 'validation_failed'],
        [order('BAD-12', [{ contentId: id }]), 'noOrg', 422, 'organisation_required'],
        [order('BAD-13', [{ contentId: id }]), 'mod', 403, 'forbidden'],
      ];
      for (const [body, who, status, code] of cases) {
        const res = await post('/v1/regulator/orders', body, who);
        expect([res.statusCode, res.json().error?.code], `${JSON.stringify(body).slice(0, 200)} as ${who}`).toEqual([status, code]);
      }
      expect(await Promise.all(tables.map(count))).toEqual(before);
      // A letter issued in the past is fine, and kept.
      const ok = await post('/v1/regulator/orders', order('OK-1', [{ contentId: id }], { issuedAt: '2026-01-02T08:00:00+07:00' }));
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().issuedAt).toBe('2026-01-02T01:00:00.000Z');
    });

    it('keeps the screenshots an order comes with (uploads that are images), and refuses others before storing anything', async () => {
      const id = await submit('shot-1');
      const { upload } = await saring.media.upload(pngDeclaring(8, 8, Buffer.alloc(8 * (8 * 3 + 1))));
      const before = await count('regulator_orders');
      const missing = await post('/v1/regulator/orders', order('SHOT-0', [{ contentId: id }], { screenshots: ['ab'.repeat(32)] }));
      expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'media_not_found']);
      const notHex = await post('/v1/regulator/orders', order('SHOT-0', [{ contentId: id }], { screenshots: ['shot.png'] }));
      expect([notHex.statusCode, notHex.json().error.code]).toEqual([400, 'validation_failed']);
      expect(await count('regulator_orders')).toBe(before);
      const ok = await post('/v1/regulator/orders', order('SHOT-1', [{ contentId: id }], { screenshots: [upload.toUpperCase()] }));
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().screenshots).toEqual([upload]);
    });

    it('keeps organisations apart on every regulator route (each route of the route table has a case): an officer of one gets 404 for the other’s orders, sees only its own, verifies only its own targets; nothing of the other’s changes', async () => {
      const a = await submit('iso-a');
      const b = await submit('iso-b');
      // Each organisation's order comes with a screenshot of its own (POST /v1/regulator/screenshots).
      const shotBytes = (fill: number) => pngDeclaring(8, 8, Buffer.alloc(8 * (8 * 3 + 1), fill));
      const uploadShot = (bytes: Buffer, who: Who) =>
        app.inject({ method: 'POST', url: '/v1/regulator/screenshots', headers: { authorization: `Bearer ${keys[who]}`, 'content-type': 'image/png' }, payload: bytes });
      const shotA = (await uploadShot(shotBytes(1), 'komdigi')).json().upload;
      const shotB = (await uploadShot(shotBytes(2), 'polri')).json().upload;
      const orderA = (await post('/v1/regulator/orders', order('ISO-A', [{ contentId: a }], { screenshots: [shotA] }), 'komdigi')).json();
      const orderB = (await post('/v1/regulator/orders', order('ISO-B', [{ contentId: b }], { screenshots: [shotB] }), 'polri')).json();
      expect([orderA.screenshots, orderB.screenshots]).toEqual([[shotA], [shotB]]);
      const infoA = (await post('/v1/regulator/orders', order('ISO-A-INFO', [{ contentId: a }], { requestedAction: 'information' }), 'komdigi')).json();
      const infoB = (await post('/v1/regulator/orders', order('ISO-B-INFO', [{ contentId: b }], { requestedAction: 'information' }), 'polri')).json();
      type Org = 'komdigi' | 'polri';
      type Own = { order: typeof orderA; info: typeof orderA; content: string; externalId: string; shot: Buffer };
      const own: Record<Org, Own> = {
        komdigi: { order: orderA, info: infoA, content: a, externalId: 'iso-a', shot: shotBytes(1) },
        polri: { order: orderB, info: infoB, content: b, externalId: 'iso-b', shot: shotBytes(2) },
      };
      const snapshot = async () => [
        ...(await Promise.all([orderA, orderB, infoA, infoB].map(async (o) => (await get(`/v1/regulator/orders/${o.id}`, 'admin')).json()))),
        ...(await Promise.all([orderA, orderB].map(async (o) => (await get(`/v1/regulator/orders/${o.id}/warnings`, 'admin')).json()))),
        (await get('/v1/regulator/organisations/polri/liaison', 'admin')).statusCode,
        (await get('/v1/regulator/public-key', 'admin')).json(),
        await count('regulator_clarifications'),
      ];
      const before = await snapshot();
      const csv = (orderNumber: string) => `order_number,category,legal_basis,target\n${orderNumber},gambling,UU ITE Pasal 27,nothing-here\n`;
      const period = `from=${encodeURIComponent(new Date(Date.now() - HOUR).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + HOUR).toISOString())}`;

      /**
       * One case per route under /v1/regulator: the officer `me` against the organisation `them`'s
       * data. A route added without a case here fails the check below.
       */
      const cases: Record<string, (me: Org, them: Org) => Promise<void>> = {
        // Sending an order with the other's number makes its own order, never answers with the other's.
        'POST /v1/regulator/orders': async (me, them) => {
          const same = await post('/v1/regulator/orders', order(own[them].order.orderNumber, [{ externalId: 'nothing' }]), me);
          expect(same.statusCode).toBe(201);
          expect(same.json()).toMatchObject({ organisation: me });
          expect(same.json().id).not.toBe(own[them].order.id);
        },
        'POST /v1/regulator/orders/import': async (me, them) => {
          const res = await app.inject({ method: 'POST', url: '/v1/regulator/orders/import', headers: { authorization: `Bearer ${keys[me]}`, 'content-type': 'text/csv' }, payload: csv(own[them].info.orderNumber) });
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json().orders[0]).toMatchObject({ status: 'created' });
          expect(res.json().orders[0].id).not.toBe(own[them].info.id);
          expect((await get(`/v1/regulator/orders/${res.json().orders[0].id}`, me)).json().organisation).toBe(me);
        },
        // List: only its own organisation's, whatever the filter asks.
        'GET /v1/regulator/orders': async (me, them) => {
          const listed = (await get(`/v1/regulator/orders?limit=500&organisation=${them}`, me)).json().orders;
          expect(listed.length).toBeGreaterThan(0);
          expect(new Set(listed.map((o: { organisation: string }) => o.organisation))).toEqual(new Set([me]));
        },
        // Read: own 200, the other's 404 exactly like an order that does not exist.
        'GET /v1/regulator/orders/:id': async (me, them) => {
          expect((await get(`/v1/regulator/orders/${own[me].order.id}`, me)).statusCode).toBe(200);
          for (const theirs of [own[them].order, own[them].info]) {
            const res = await get(`/v1/regulator/orders/${theirs.id}`, me);
            const missing = await get(`/v1/regulator/orders/${randomUUID()}`, me);
            expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
            expect(res.json().error.message.replace(theirs.id, 'ID')).toBe(missing.json().error.message.replace(/[0-9a-f-]{36}/, 'ID'));
          }
        },
        // Verify: its own targets' state; the other's are unknown, as if Saring did not know them.
        'POST /v1/regulator/verify': async (me, them) => {
          const verified = (await post('/v1/regulator/verify', { targets: [{ contentId: own[me].content }, { contentId: own[them].content }, { externalId: own[them].externalId }] }, me)).json().results;
          expect(verified.map((v: { state: string }) => v.state)).toEqual(['available', 'unknown', 'unknown']);
          expect(verified[1]).toEqual({ kind: 'contentId', value: own[them].content, contentId: null, state: 'unknown', since: null, blockedByBank: false });
        },
        // Uploads are by their bytes: the other's screenshot again gives only its id back; nothing of theirs changes.
        'POST /v1/regulator/screenshots': async (me, them) => {
          // The other organisation's screenshot bytes: 201 as for new bytes, so the officer learns nothing of what was uploaded before.
          const res = await uploadShot(own[them].shot, me);
          expect(res.statusCode, res.body).toBe(201);
          expect(Object.keys(res.json()).sort()).toEqual(['bytes', 'sha256', 'upload']);
        },
        // A screenshot: its own order's 200, the other's 404 exactly like an order that does not exist.
        'GET /v1/regulator/orders/:id/screenshots/:index': async (me, them) => {
          const mine = await get(`/v1/regulator/orders/${own[me].order.id}/screenshots/0`, me);
          expect([mine.statusCode, mine.rawPayload.equals(own[me].shot)]).toEqual([200, true]);
          const res = await get(`/v1/regulator/orders/${own[them].order.id}/screenshots/0`, me);
          const missing = await get(`/v1/regulator/orders/${randomUUID()}/screenshots/0`, me);
          expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
          expect(res.json().error.message.replace(own[them].order.id, 'ID')).toBe(missing.json().error.message.replace(/[0-9a-f-]{36}/, 'ID'));
          expect(res.body).not.toContain(own[them].order.screenshots[0]);
        },
        'GET /v1/regulator/orders/:id/warnings': async (me, them) => {
          const theirs = await get(`/v1/regulator/orders/${own[them].order.id}/warnings`, me);
          expect([theirs.statusCode, theirs.json().error.code]).toEqual([404, 'not_found']);
          expect((await get(`/v1/regulator/orders/${own[me].order.id}/warnings`, me)).json()).toEqual({ warnings: [] });
        },
        'GET /v1/regulator/fines': async (me, them) => {
          expect((await get(`/v1/regulator/fines?from=2000-01-01&to=2100-01-01&organisation=${them}`, me)).json().byOrganisation.every((o: { organisation: string }) => o.organisation === me)).toBe(true);
        },
        'GET /v1/regulator/compliance-report': async (me, them) => {
          const res = await get(`/v1/regulator/compliance-report?${period}`, me);
          expect(res.statusCode, res.body).toBe(200);
          const { report } = res.json();
          expect(report.organisation).toBe(me);
          expect(report.orders.length).toBeGreaterThan(0);
          expect(new Set(report.orders.map((o: { organisation: string }) => o.organisation))).toEqual(new Set([me]));
          expect(JSON.stringify(report)).not.toContain(own[them].order.id);
        },
        // The signing keys are the platform's, the same for everyone: nothing of another organisation in them.
        'GET /v1/regulator/public-key': async (me, them) => {
          const res = await get('/v1/regulator/public-key', me);
          expect(res.statusCode).toBe(200);
          expect(JSON.stringify(res.json())).not.toContain(them);
        },
        // The platform's answers and records are the platform's to file: 403, nothing stored.
        'POST /v1/regulator/orders/:id/targets/:target/clarification': async (me, them) => {
          expect((await post(`/v1/regulator/orders/${own[them].order.id}/targets/${own[them].order.targets[0].id}/clarification`, { reason: 'other', text: 'x' }, me)).statusCode).toBe(403);
          expect((await post(`/v1/regulator/orders/${own[me].order.id}/targets/${own[me].order.targets[0].id}/clarification`, { reason: 'other', text: 'x' }, me)).statusCode).toBe(403);
        },
        'POST /v1/regulator/orders/:id/information': async (me, them) => {
          expect((await post(`/v1/regulator/orders/${own[them].info.id}/information`, { note: 'x' }, me)).statusCode).toBe(403);
          expect((await post(`/v1/regulator/orders/${own[me].info.id}/information`, { note: 'x' }, me)).statusCode).toBe(403);
        },
        'POST /v1/regulator/orders/:id/warnings': async (me, them) => {
          expect((await post(`/v1/regulator/orders/${own[them].order.id}/warnings`, { level: 1, letterDate: '2026-01-01', letterNumber: 'x' }, me)).statusCode).toBe(403);
        },
        'POST /v1/regulator/orders/:id/commitment': async (me, them) => {
          expect((await post(`/v1/regulator/orders/${own[them].order.id}/commitment`, { date: '2026-01-01', reference: 'x' }, me)).statusCode).toBe(403);
        },
        'GET /v1/regulator/organisations/:org/liaison': async (me, them) => {
          for (const org of [me, them]) expect((await get(`/v1/regulator/organisations/${org}/liaison`, me)).statusCode).toBe(403);
        },
        'PUT /v1/regulator/organisations/:org/liaison': async (me, them) => {
          for (const org of [me, them]) expect((await send('PUT', `/v1/regulator/organisations/${org}/liaison`, { name: 'X', email: 'x@example.id' }, me)).statusCode).toBe(403);
        },
        'POST /v1/regulator/public-key/rotate': async (me) => {
          expect((await post('/v1/regulator/public-key/rotate', {}, me)).statusCode).toBe(403);
        },
      };
      // Every regulator route of the app has a case, and every case a route: a new route needs one.
      const routes = routeTable(app)
        .filter((r) => r.url.startsWith('/v1/regulator'))
        .map((r) => `${r.method} ${r.url}`);
      expect(routes.filter((r) => !(r in cases)), 'regulator routes without an isolation case').toEqual([]);
      expect(Object.keys(cases).filter((k) => !routes.includes(k)), 'isolation cases without a route').toEqual([]);

      for (const [me, them] of [
        ['komdigi', 'polri'],
        ['polri', 'komdigi'],
      ] as const) {
        for (const [route, check] of Object.entries(cases)) {
          try {
            await check(me, them);
          } catch (err) {
            throw new Error(`${route} as ${me} against ${them}: ${(err as Error).message}`, { cause: err });
          }
        }
        // The platform's other records are not theirs.
        for (const url of [`/v1/content/${own[me].content}`, `/v1/review/cases/${own[me].order.targets[0].caseId}`, '/v1/reports', `/v1/decisions/${randomUUID()}`]) {
          expect((await get(url, me)).statusCode, url).toBe(403);
        }
      }
      // An officer without an organisation sees nothing.
      expect((await get(`/v1/regulator/orders/${orderA.id}`, 'noOrg')).statusCode).toBe(404);
      expect((await get('/v1/regulator/orders', 'noOrg')).json().orders).toEqual([]);
      expect((await post('/v1/regulator/verify', { targets: [{ contentId: a }] }, 'noOrg')).json().results[0].state).toBe('unknown');
      // The platform's admin sees both; a moderator may read orders but not send them.
      const all = (await get('/v1/regulator/orders?limit=500', 'admin')).json().orders.map((o: { id: string }) => o.id);
      expect(all).toEqual(expect.arrayContaining([orderA.id, orderB.id]));
      expect((await get(`/v1/regulator/orders/${orderB.id}`, 'senior')).statusCode).toBe(200);
      expect(await snapshot()).toEqual(before);
    });

    it('lists orders newest first, paged, by status', async () => {
      const id = await submit('page-1');
      for (let i = 0; i < 3; i++) expect((await post('/v1/regulator/orders', order(`PAGE-${i}`, [{ contentId: id }]), 'polri')).statusCode).toBe(201);
      const first = (await get('/v1/regulator/orders?limit=2', 'polri')).json();
      expect(first.orders).toHaveLength(2);
      expect(first.orders[0].targets).toBeUndefined();
      const rest = (await get(`/v1/regulator/orders?limit=500&cursor=${first.nextCursor}`, 'polri')).json().orders;
      const ids = [...first.orders, ...rest].map((o: { id: string }) => o.id);
      expect(new Set(ids).size).toBe(ids.length);
      const received = (await get('/v1/regulator/orders?limit=500&status=received', 'polri')).json().orders;
      expect(received.map((o: { orderNumber: string }) => o.orderNumber)).toEqual(expect.arrayContaining(['PAGE-0', 'PAGE-1', 'PAGE-2']));
      expect((await get('/v1/regulator/orders?status=done', 'polri')).statusCode).toBe(400);
    });

    it('marks a target taken_down, with proof, when its content is removed through any door; the decision’s statement names the order as its source; the order completes', async () => {
      const x = await submit('take-1');
      const y = await submit('take-2');
      const o = (await post('/v1/regulator/orders', order('TAKE-1', [{ contentId: x }, { contentId: y }]))).json();
      expect(o.status).toBe('received');
      // A moderator removes x through the decisions API (not the order's case).
      const d1 = await post(`/v1/content/${x}/decisions`, { action: 'remove', category: 'gambling', reason: 'Perintah Komdigi TAKE-1.' }, 'mod');
      expect(d1.statusCode, d1.body).toBe(201);
      expect(d1.json().statement.source).toBe('regulator_order');
      expect((await get(`/v1/decisions/${d1.json().id}`, 'mod')).json().statement.source).toBe('regulator_order');
      const mid = (await get(`/v1/regulator/orders/${o.id}`)).json();
      expect(mid.status).toBe('in_progress');
      expect(mid.targets[0]).toMatchObject({ status: 'taken_down', decisionId: d1.json().id, proof: { decisionId: d1.json().id, action: 'remove', actorType: 'moderator', hashesBanked: 0 } });
      expect((await saring.db.selectFrom('review_cases').select('status').where('id', '=', mid.targets[0].caseId).executeTakeFirstOrThrow()).status).toBe('closed');
      // Leaving y up does not carry the order out.
      const allow = await post(`/v1/content/${y}/decisions`, { action: 'allow', reason: 'Tidak melanggar.' }, 'mod');
      expect(allow.json().statement.source).toBe('own_initiative');
      expect((await get(`/v1/regulator/orders/${o.id}`)).json().targets[1].status).toBe('pending');
      const d2 = await post(`/v1/content/${y}/decisions`, { action: 'remove', category: 'gambling', reason: 'Perintah.' }, 'senior');
      const done = (await get(`/v1/regulator/orders/${o.id}`)).json();
      expect(done.status).toBe('completed');
      expect(done.targets[1]).toMatchObject({ status: 'taken_down', decisionId: d2.json().id });
      expect((await deliveries('decision.created')).find((d) => (d['decision'] as { id: string }).id === d2.json().id)?.['decision']).toMatchObject({ statement: { source: 'regulator_order' } });
      // A removal of content no order targets keeps its own source.
      const z = await submit('take-3');
      expect((await post(`/v1/content/${z}/decisions`, { action: 'remove', category: 'gambling', reason: 'x' }, 'mod')).json().statement.source).toBe('own_initiative');
      const audit = await saring.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'order.target_taken_down').execute();
      expect(audit.filter((a) => a.subject_id === o.id)).toHaveLength(2);
    });

    it('proves a takedown of media with the hashes it banked, and verification then finds a bank blocking a re-upload', async () => {
      const h = await hashMedia({ bytes: BRIDGE }, { dihedral: true });
      if (h.kind !== 'image') throw new Error('expected an image');
      const img = (await saring.content.submit({ externalId: 'img-ord-1', kind: 'image', texts: { caption: 'pemandangan jembatan' }, media: [{ type: 'image', ...h }] }, 'test')).content.id;
      const o = (await post('/v1/regulator/orders', order('IMG-1', [{ externalId: 'img-ord-1' }]))).json();
      const before = (await post('/v1/regulator/verify', { targets: [{ contentId: img }] })).json().results[0];
      expect(before).toMatchObject({ state: 'available', blockedByBank: false });
      const d = await post(`/v1/content/${img}/decisions`, { action: 'remove', category: 'gambling', reason: 'Perintah IMG-1.' }, 'mod');
      expect(d.statusCode, d.body).toBe(201);
      const target = (await get(`/v1/regulator/orders/${o.id}`)).json().targets[0];
      expect(target).toMatchObject({ status: 'taken_down', proof: { decisionId: d.json().id, hashesBanked: 3 } }); // PDQ, MD5, SHA-256
      const after = (await post('/v1/regulator/verify', { targets: [{ externalId: 'img-ord-1' }] })).json().results[0];
      expect(after).toEqual({ kind: 'externalId', value: 'img-ord-1', contentId: img, state: 'removed', since: d.json().createdAt, blockedByBank: true });
      // A bank switched off blocks nothing.
      const removals = (await saring.banks.list()).find((b) => b.name === 'removals')!;
      await saring.banks.update(removals.name, { enabled: false }, 'test');
      expect((await post('/v1/regulator/verify', { targets: [{ contentId: img }] })).json().results[0].blockedByBank).toBe(false);
      await saring.banks.update(removals.name, { enabled: true }, 'test');
    });

    it('carries out an order at receipt where the policy allows it: removed through the one decision path, media banked with provenance regulator_order, targets taken_down with proof; a failed removal leaves the target pending with a case', async () => {
      const start = (await saring.policy.active())!;
      await saring.policy.activate(JSON.stringify({ ...start.document, orders: { automatic: { organisations: ['komdigi'], categories: ['gambling'] } } }), 'test');
      onTestFinished(async () => void (await saring.policy.activateVersion(start.version, 'test')));
      const text = await submit('auto-1', 'video biasa', 'https://platform.example/v/auto-1');
      const h = await hashMedia({ bytes: readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'pdq', 'images', 'pytx', 'rgb.jpeg')) }, { dihedral: true });
      if (h.kind !== 'image') throw new Error('expected an image');
      const img = (await saring.content.submit({ externalId: 'auto-img-1', kind: 'image', texts: { caption: 'foto pemandangan' }, media: [{ type: 'image', ...h }] }, 'test')).content.id;
      expect((await saring.content.get('auto-img-1')).status).toBe('active');
      const casesBefore = await count('review_cases');
      const res = await post('/v1/regulator/orders', order('AUTO-1', [{ url: 'https://platform.example/v/auto-1' }, { contentId: text }, { externalId: 'auto-img-1' }, { externalId: 'auto-missing' }]));
      expect(res.statusCode, res.body).toBe(201);
      const o = res.json();
      // The answer already carries the outcome: removed at receipt, no review case.
      expect(o.targets.map((t: { status: string; caseId: string | null }) => [t.status, t.caseId])).toEqual([
        ['taken_down', null],
        ['taken_down', null],
        ['taken_down', null],
        ['not_found', null],
      ]);
      expect(o.status).toBe('completed');
      expect(await count('review_cases')).toBe(casesBefore);
      expect(o.targets[0].decisionId).toBe(o.targets[1].decisionId);
      expect(o.targets[0].proof).toMatchObject({ action: 'remove', actorType: 'regulator_order', hashesBanked: 0 });
      expect(o.targets[2].proof).toMatchObject({ action: 'remove', actorType: 'regulator_order', hashesBanked: 3 });
      expect((await saring.content.get('auto-1')).status).toBe('removed');
      expect((await saring.content.get('auto-img-1')).status).toBe('removed');
      // The decision: statement source regulator_order, the order as actor (audit), its webhook.
      const decision = (await get(`/v1/decisions/${o.targets[2].decisionId}`, 'mod')).json();
      expect(decision).toMatchObject({ actorType: 'regulator_order', action: 'remove', category: 'gambling', statement: { source: 'regulator_order' } });
      expect(decision.reason).toContain('AUTO-1');
      const audit = await saring.db.selectFrom('audit_log').select(['actor', 'data']).where('action', '=', 'decision.created').where('subject_id', '=', img).executeTakeFirstOrThrow();
      expect(audit.actor).toBe(`regulator_order:${o.id}`);
      expect((await deliveries('decision.created')).some((d) => (d['decision'] as { id: string }).id === decision.id)).toBe(true);
      // Its hashes are in the removals bank with provenance regulator_order, naming the decision and the order.
      const entries = await saring.db.selectFrom('bank_entries').select(['provenance', 'source_ref', 'note']).where('source_ref', '=', decision.id).execute();
      expect(entries).toHaveLength(3);
      for (const e of entries) expect(e).toMatchObject({ provenance: 'regulator_order', note: expect.stringContaining(o.id) });
      expect((await post('/v1/regulator/verify', { targets: [{ externalId: 'auto-img-1' }] })).json().results[0]).toMatchObject({ state: 'removed', blockedByBank: true });

      // Not for another organisation, nor another category: review as before.
      const other = await submit('auto-2');
      const polri = (await post('/v1/regulator/orders', order('AUTO-P', [{ contentId: other }]), 'polri')).json();
      const hoax = (await post('/v1/regulator/orders', order('AUTO-H', [{ contentId: other }], { category: 'hoax' }))).json();
      for (const x of [polri, hoax]) expect(x.targets[0]).toMatchObject({ status: 'pending', caseId: expect.any(String) });

      // A removal that fails leaves the target pending with a review case, the rest of the order stands.
      const failing = await submit('auto-3');
      const fine = await submit('auto-4');
      const hook = async (_trx: unknown, e: { decision: { contentId: string } }) => {
        if (e.decision.contentId === failing) throw new Error('the platform could not be told');
      };
      saring.effects.hooks.decided.push(hook);
      try {
        const mixed = (await post('/v1/regulator/orders', order('AUTO-2', [{ contentId: failing }, { contentId: fine }]))).json();
        expect(mixed.targets.map((t: { status: string }) => t.status)).toEqual(['pending', 'taken_down']);
        expect(mixed.targets[0].caseId).toEqual(expect.any(String));
        expect((await saring.content.get('auto-3')).status).not.toBe('removed');
        expect(await saring.db.selectFrom('decisions').select('id').where('content_id', '=', failing).execute()).toEqual([]);
        const failed = await saring.db.selectFrom('audit_log').select('data').where('action', '=', 'order.automatic_failed').where('subject_id', '=', mixed.id).executeTakeFirstOrThrow();
        expect(failed.data).toMatchObject({ contentId: failing, caseId: mixed.targets[0].caseId });
      } finally {
        saring.effects.hooks.decided.splice(saring.effects.hooks.decided.indexOf(hook), 1);
      }
    });

    it('verifies targets: available, removed, restricted or unknown, since when, and whether a bank blocks a re-upload', async () => {
      const up = await submit('ver-1', 'video biasa', 'https://platform.example/v/ver-1');
      const gone = await submit('ver-2');
      const adult = await submit('ver-3');
      await post(`/v1/content/${gone}/decisions`, { action: 'remove', category: 'gambling', reason: 'x' }, 'mod');
      const restricted = await post(`/v1/content/${adult}/decisions`, { action: 'restrict_18', category: 'pornography', reason: 'x' }, 'mod');
      expect((await post('/v1/regulator/orders', order('VER-1', [{ contentId: up }, { contentId: gone }, { contentId: adult }]))).statusCode).toBe(201);
      const res = await post('/v1/regulator/verify', { targets: [{ url: 'https://platform.example/v/ver-1' }, { externalId: 'ver-2' }, { contentId: adult }, { externalId: 'never-seen' }] });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json().results;
      expect(r.map((v: { state: string }) => v.state)).toEqual(['available', 'removed', 'restricted', 'unknown']);
      expect(r[0]).toMatchObject({ kind: 'url', contentId: up, blockedByBank: false });
      expect(r[2].since).toBe(restricted.json().createdAt);
      // The admin may verify anything; 1,001 targets is too many.
      expect((await post('/v1/regulator/verify', { targets: [{ externalId: 'ver-1' }] }, 'admin')).json().results[0].state).toBe('available');
      const many = Array.from({ length: 1001 }, (_, i) => ({ externalId: `v-${i}` }));
      const tooMany = await post('/v1/regulator/verify', { targets: many });
      expect([tooMany.statusCode, tooMany.json().error.code]).toEqual([422, 'too_many_targets']);
      expect((await post('/v1/regulator/verify', { targets: [{ contentId: up }] }, 'mod')).statusCode).toBe(403);
    });

    it('tells the organisation’s liaison of each new order by the e-mail outbox (set by an admin)', async () => {
      const put = await send('PUT', '/v1/regulator/organisations/komdigi/liaison', { name: 'Budi (Trust & Safety)', email: 'budi@platform.example' }, 'admin');
      expect(put.statusCode, put.body).toBe(200);
      expect((await get('/v1/regulator/organisations/komdigi/liaison', 'admin')).json()).toMatchObject({ organisation: 'komdigi', email: 'budi@platform.example', updatedBy: expect.any(String) });
      expect((await get('/v1/regulator/organisations/nobody/liaison', 'admin')).statusCode).toBe(404);
      expect((await send('PUT', '/v1/regulator/organisations/komdigi/liaison', { name: 'B', email: 'not-an-email' }, 'admin')).statusCode).toBe(400);
      const id = await submit('mail-1');
      const o = (await post('/v1/regulator/orders', order('MAIL-1', [{ contentId: id }], { urgent: true }))).json();
      const mails = await saring.db.selectFrom('mail_outbox').selectAll().where('ref', '=', o.id).execute();
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ to_address: 'budi@platform.example', kind: 'order.received', sent_at: null });
      expect(mails[0]!.subject).toContain('MAIL-1');
      expect(mails[0]!.body).toContain('4 jam');
      // No liaison for polri: nothing to send.
      const p = (await post('/v1/regulator/orders', order('MAIL-2', [{ contentId: id }]), 'polri')).json();
      expect(await saring.db.selectFrom('mail_outbox').selectAll().where('ref', '=', p.id).execute()).toEqual([]);
    });

    it('answers targets with clarifications (senior moderators and admins): a pending target becomes clarified and counts as answered; the officer sees it; bad ones refused with nothing stored', async () => {
      const x = await submit('clar-1');
      const y = await submit('clar-2');
      const o = (await post('/v1/regulator/orders', order('CLAR-1', [{ contentId: x }, { contentId: y }, { externalId: 'clar-missing' }]))).json();
      const other = (await post('/v1/regulator/orders', order('CLAR-P', [{ contentId: x }]), 'polri')).json();
      const { upload } = await saring.media.upload(pngDeclaring(8, 8, Buffer.alloc(8 * (8 * 3 + 1))));
      const clarUrl = (t: { id: string }, orderId = o.id) => `/v1/regulator/orders/${orderId}/targets/${t.id}/clarification`;
      const stored = async () => [await count('regulator_clarifications'), (await get(`/v1/regulator/orders/${o.id}`, 'admin')).json(), (await deliveries('order.clarification_filed')).length];
      const before = await stored();
      // Bad input: a stable code each, nothing stored.
      const bad: [string, unknown, Who, number, string][] = [
        [clarUrl(o.targets[0]), { reason: 'looks_fine', text: 'x' }, 'senior', 400, 'validation_failed'],
        [clarUrl(o.targets[0]), { reason: 'other', text: '   ' }, 'senior', 400, 'validation_failed'],
        [clarUrl({ id: randomUUID() }), { reason: 'other', text: 'unknown target' }, 'senior', 404, 'not_found'],
        [clarUrl({ id: 'not-a-uuid' }), { reason: 'other', text: 'unknown target' }, 'senior', 404, 'not_found'],
        // Another organisation's target, named under this order.
        [clarUrl(other.targets[0]), { reason: 'other', text: 'not this order' }, 'senior', 404, 'not_found'],
        [clarUrl(o.targets[0], randomUUID()), { reason: 'other', text: 'no such order' }, 'senior', 404, 'not_found'],
        [clarUrl(o.targets[0]), { reason: 'other', text: 'no such upload', evidence: ['a'.repeat(64)] }, 'senior', 404, 'media_not_found'],
        [clarUrl(o.targets[0]), { reason: 'other', text: 'x' }, 'mod', 403, 'forbidden'],
      ];
      for (const [url, body, who, status, code] of bad) {
        const res = await post(url, body, who);
        expect([res.statusCode, res.json().error?.code], `${url} ${JSON.stringify(body)}`).toEqual([status, code]);
      }
      expect(await stored()).toEqual(before);

      const res = await post(clarUrl(o.targets[0]), { reason: 'not_prohibited', text: 'Video memasak, bukan promosi judi.', evidence: [upload.toUpperCase()] }, 'senior');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ targetId: o.targets[0].id, reason: 'not_prohibited', evidence: [upload], targetStatus: 'pending', createdBy: expect.any(String) });
      // The officer of the order's organisation sees it; the target counts as answered.
      let seen = (await get(`/v1/regulator/orders/${o.id}`)).json();
      expect(seen.targets[0]).toMatchObject({ status: 'clarified', handledAt: res.json().createdAt, clarification: res.json() });
      expect(seen.counts).toEqual({ pending: 1, taken_down: 0, already_removed: 0, not_found: 1, clarified: 1, answered: 0 });
      expect(seen.status).toBe('in_progress');
      // One clarification per target.
      const twice = await post(clarUrl(o.targets[0]), { reason: 'other', text: 'again' }, 'admin');
      expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'conflict']);
      // A not_found target may be answered too (its status stays); the last pending one completes the order.
      expect((await post(clarUrl(o.targets[2]), { reason: 'invalid_link', text: 'Tautan tidak ada di platform.' }, 'admin')).json()).toMatchObject({ targetStatus: 'not_found' });
      expect((await post(clarUrl(o.targets[1]), { reason: 'wrong_screenshot', text: 'Tangkapan layar bukan konten ini.' }, 'admin')).statusCode).toBe(201);
      seen = (await get(`/v1/regulator/orders/${o.id}`)).json();
      expect(seen.counts).toEqual({ pending: 0, taken_down: 0, already_removed: 0, not_found: 1, clarified: 2, answered: 0 });
      expect(seen.status).toBe('completed');
      expect((await get(`/v1/regulator/orders?status=completed&limit=500`)).json().orders.map((r: { id: string }) => r.id)).toContain(o.id);
      // The other organisation's officer: 404 for the order, and its own order is untouched.
      expect((await get(`/v1/regulator/orders/${o.id}`, 'polri')).statusCode).toBe(404);
      expect((await get(`/v1/regulator/orders/${other.id}`, 'polri')).json().targets[0]).toMatchObject({ status: 'pending', clarification: null });
      // Webhook and audit.
      const hooks = (await deliveries('order.clarification_filed')).slice(-3);
      expect(hooks.map((h) => (h['clarification'] as { reason: string }).reason)).toEqual(['not_prohibited', 'invalid_link', 'wrong_screenshot']);
      expect(hooks[0]).toMatchObject({ order: { id: o.id, organisation: 'komdigi', orderNumber: 'CLAR-1' } });
      const audit = await saring.db.selectFrom('audit_log').select('action').where('subject_id', '=', o.id).where('action', '=', 'order.clarification_filed').execute();
      expect(audit).toHaveLength(3);
      // A later removal answers the clarified target after all, with proof; the clarification stays.
      expect((await post(`/v1/content/${x}/decisions`, { action: 'remove', category: 'gambling', reason: 'Perintah Komdigi CLAR-1.' }, 'mod')).statusCode).toBe(201);
      seen = (await get(`/v1/regulator/orders/${o.id}`)).json();
      expect(seen.targets[0]).toMatchObject({ status: 'taken_down', proof: { action: 'remove' }, clarification: { reason: 'not_prohibited' } });
    });

    it('takes requests for information: no case, nothing removed, the same clock; a senior moderator answers once with what Saring knows; the officer reads it; others get 404', async () => {
      const c = (await saring.content.submit({ externalId: 'info-1', kind: 'video', texts: { caption: 'video biasa' }, account: { externalId: 'acct-77', displayName: 'Pak Budi' } }, 'test')).content;
      const gone = await submit('info-2', SPAM);
      const casesBefore = await count('review_cases');
      const res = await post('/v1/regulator/orders', order('INFO-1', [{ contentId: c.id }, { externalId: 'info-2' }, { externalId: 'info-missing' }], { requestedAction: 'information', category: 'fraud' }));
      expect(res.statusCode, res.body).toBe(201);
      const o = res.json();
      expect(o).toMatchObject({ requestedAction: 'information', status: 'in_progress', answer: null, urgentClock: false });
      expect(new Date(o.dueAt).getTime() - new Date(o.receivedAt).getTime()).toBe(24 * HOUR);
      expect(o.targets.map((t: { status: string; caseId: string | null }) => [t.status, t.caseId])).toEqual([
        ['pending', null],
        ['pending', null],
        ['not_found', null],
      ]);
      expect(await count('review_cases')).toBe(casesBefore);
      // A removal of the item does not answer a request for information.
      expect((await post(`/v1/content/${c.id}/decisions`, { action: 'remove', category: 'fraud', reason: 'Penipuan.' }, 'mod')).json().statement.source).toBe('own_initiative');
      expect((await get(`/v1/regulator/orders/${o.id}`)).json().targets[0].status).toBe('pending');

      const infoUrl = (id: string) => `/v1/regulator/orders/${id}/information`;
      const takedown = (await post('/v1/regulator/orders', order('INFO-T', [{ contentId: gone }]))).json();
      const stored = async () => [(await get(`/v1/regulator/orders/${o.id}`, 'admin')).json(), (await deliveries('order.information_answered')).length];
      const before = await stored();
      const bad: [string, unknown, Who, number, string][] = [
        [infoUrl(o.id), { note: '  ' }, 'senior', 400, 'validation_failed'],
        [infoUrl(o.id), { note: 'x', account: 'more' }, 'senior', 400, 'validation_failed'],
        [infoUrl(randomUUID()), { note: 'x' }, 'senior', 404, 'not_found'],
        [infoUrl('not-a-uuid'), { note: 'x' }, 'senior', 404, 'not_found'],
        [infoUrl(takedown.id), { note: 'x' }, 'senior', 409, 'invalid_state'],
        [infoUrl(o.id), { note: 'x' }, 'mod', 403, 'forbidden'],
        [infoUrl(o.id), { note: 'x' }, 'komdigi', 403, 'forbidden'],
        [infoUrl(o.id), { note: 'x' }, 'polri', 403, 'forbidden'],
      ];
      for (const [url, body, who, status, code] of bad) {
        const r = await post(url, body, who);
        expect([r.statusCode, r.json().error?.code], `${url} ${JSON.stringify(body)} as ${who}`).toEqual([status, code]);
      }
      expect(await stored()).toEqual(before);

      const answered = await post(infoUrl(o.id), { note: 'Data pengunggah sesuai catatan platform.' }, 'senior');
      expect(answered.statusCode, answered.body).toBe(201);
      const a = answered.json();
      expect(a.status).toBe('completed');
      expect(a.counts).toEqual({ pending: 0, taken_down: 0, already_removed: 0, not_found: 1, clarified: 0, answered: 2 });
      expect(a.answer).toEqual({
        note: 'Data pengunggah sesuai catatan platform.',
        items: [
          { targetId: o.targets[0].id, contentId: c.id, externalId: 'info-1', account: 'acct-77', uploadedAt: expect.any(String), state: 'removed' },
          { targetId: o.targets[1].id, contentId: gone, externalId: 'info-2', account: null, uploadedAt: expect.any(String), state: 'removed' },
        ],
        answeredBy: expect.any(String),
        answeredAt: expect.any(String),
      });
      expect(a.answer.items[0].uploadedAt).toBe(new Date(c.createdAt).toISOString());
      expect(JSON.stringify(a.answer)).not.toContain('Pak Budi');
      expect(a.targets[0]).toMatchObject({ status: 'answered', handledAt: a.answer.answeredAt });
      // The officer reads it on the order; the other organisation's gets 404; twice is a conflict.
      expect((await get(`/v1/regulator/orders/${o.id}`)).json().answer).toEqual(a.answer);
      expect((await get(`/v1/regulator/orders/${o.id}`, 'polri')).statusCode).toBe(404);
      const twice = await post(infoUrl(o.id), { note: 'again' }, 'admin');
      expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'conflict']);
      // Stored, audited and sent as a webhook; the answer time for the compliance report.
      const row = await saring.db.selectFrom('regulator_orders').select(['answered_at', 'answered_by']).where('id', '=', o.id).executeTakeFirstOrThrow();
      expect(new Date(row.answered_at!).toISOString()).toBe(a.answer.answeredAt);
      expect((await saring.db.selectFrom('audit_log').select('action').where('subject_id', '=', o.id).where('action', '=', 'order.information_answered').execute())).toHaveLength(1);
      const hook = (await deliveries('order.information_answered')).at(-1)!;
      expect(hook).toMatchObject({ order: { id: o.id, requestedAction: 'information', status: 'completed' }, answer: { note: a.answer.note } });
      // No mail: the officer reads it in the order.
      expect(await saring.db.selectFrom('mail_outbox').select('kind').where('ref', '=', o.id).where('kind', '<>', 'order.received').execute()).toEqual([]);
    });

    it('records ST1, ST2, ST3 in order with the fines they impose, the ST2 commitment letter, and totals per period; refuses a letter out of order or a bad fine with nothing stored', async () => {
      const id = await submit('warn-1');
      const o = (await post('/v1/regulator/orders', order('WARN-1', [{ contentId: id }]))).json();
      const { upload } = await saring.media.upload(pngDeclaring(8, 8, Buffer.alloc(8 * (8 * 3 + 1))));
      const wUrl = `/v1/regulator/orders/${o.id}/warnings`;
      const st = (level: number, fines: unknown[] = [], extra: Record<string, unknown> = {}) => ({ level, letterDate: `2025-0${level + 2}-01`, letterNumber: `ST${level}/KOMDIGI/2025`, fines, ...extra });
      const stored = async () => [await count('regulator_warnings'), await count('regulator_fines'), (await deliveries('order.warning_recorded')).length];
      const before = await stored();
      const bad: [string, unknown, Who, number, string][] = [
        [wUrl, st(3), 'admin', 409, 'warning_out_of_order'],
        [wUrl, st(2), 'admin', 409, 'warning_out_of_order'],
        [wUrl, st(1, [{ amountIdr: -5_000_000 }]), 'admin', 422, 'invalid_amount'],
        [wUrl, st(1, [{ amountIdr: 0 }]), 'admin', 422, 'invalid_amount'],
        [wUrl, st(1, [{ amountIdr: 1.5 }]), 'admin', 400, 'validation_failed'],
        [wUrl, st(4), 'admin', 400, 'validation_failed'],
        [wUrl, st(1, [], { letterDate: '2025-02-30' }), 'admin', 400, 'validation_failed'],
        [wUrl, st(1, [], { letterDate: '2999-01-01' }), 'admin', 422, 'time_in_future'],
        [wUrl, st(1, [], { file: 'b'.repeat(64) }), 'admin', 404, 'media_not_found'],
        [`/v1/regulator/orders/${randomUUID()}/warnings`, st(1), 'admin', 404, 'not_found'],
        [`/v1/regulator/orders/${o.id}/commitment`, { date: '2025-04-10', reference: 'KOM/1' }, 'admin', 409, 'warning_out_of_order'],
        [wUrl, st(1), 'senior', 403, 'forbidden'],
      ];
      for (const [url, body, who, status, code] of bad) {
        const res = await post(url, body, who);
        expect([res.statusCode, res.json().error?.code], `${url} ${JSON.stringify(body)}`).toEqual([status, code]);
      }
      expect(await stored()).toEqual(before);

      const st1 = await post(wUrl, st(1, [{ amountIdr: 5_000_000, note: 'Denda administratif ST1' }], { file: upload }), 'admin');
      expect(st1.statusCode, st1.body).toBe(201);
      expect(st1.json()).toMatchObject({ orderId: o.id, level: 1, letterDate: '2025-03-01', letterNumber: 'ST1/KOMDIGI/2025', file: upload, commitment: null, fines: [{ amountIdr: 5_000_000, imposedOn: '2025-03-01', note: 'Denda administratif ST1' }] });
      const again = await post(wUrl, st(1), 'admin');
      expect([again.statusCode, again.json().error.code]).toEqual([409, 'conflict']);
      expect((await post(wUrl, st(2, [{ amountIdr: 10_000_000 }])  , 'admin')).statusCode).toBe(201);
      const commit = await post(`/v1/regulator/orders/${o.id}/commitment`, { date: '2025-04-10', reference: 'KOM/2025/017', file: upload }, 'admin');
      expect(commit.statusCode, commit.body).toBe(200);
      expect(commit.json()).toMatchObject({ level: 2, commitment: { date: '2025-04-10', reference: 'KOM/2025/017', file: upload } });
      expect((await post(`/v1/regulator/orders/${o.id}/commitment`, { date: '2025-04-11', reference: 'KOM/2' }, 'admin')).json().error.code).toBe('conflict');
      expect((await post(wUrl, st(3, [{ amountIdr: 20_000_000 }, { amountIdr: 5_000_000 }]), 'admin')).statusCode).toBe(201);

      // The officer of the order's organisation sees the letters and fines; another's gets 404.
      const list = (await get(wUrl)).json().warnings;
      expect(list.map((w: { level: number; fines: { amountIdr: number }[] }) => [w.level, w.fines.map((f) => f.amountIdr)])).toEqual([
        [1, [5_000_000]],
        [2, [10_000_000]],
        [3, [20_000_000, 5_000_000]],
      ]);
      expect((await get(wUrl, 'polri')).statusCode).toBe(404);
      // Totals per period, by the letters' dates.
      const totals = (await get('/v1/regulator/fines?from=2025-01-01&to=2025-12-31', 'admin')).json();
      expect(totals).toEqual({
        from: '2025-01-01',
        to: '2025-12-31',
        totalIdr: 40_000_000,
        count: 4,
        byOrganisation: [{ organisation: 'komdigi', totalIdr: 40_000_000, count: 4 }],
        byLevel: [
          { level: 1, totalIdr: 5_000_000, count: 1 },
          { level: 2, totalIdr: 10_000_000, count: 1 },
          { level: 3, totalIdr: 25_000_000, count: 2 },
        ],
      });
      expect((await get('/v1/regulator/fines?from=2025-04-01&to=2025-04-30', 'admin')).json()).toMatchObject({ totalIdr: 10_000_000, count: 1 });
      expect((await get('/v1/regulator/fines?from=2025-01-01&to=2025-12-31')).json()).toMatchObject({ totalIdr: 40_000_000 });
      expect((await get('/v1/regulator/fines?from=2025-01-01&to=2025-12-31', 'polri')).json()).toMatchObject({ totalIdr: 0, count: 0, byOrganisation: [] });
      expect((await get('/v1/regulator/fines?from=2025-12-31&to=2025-01-01', 'admin')).statusCode).toBe(400);
      // Webhook and audit.
      expect((await deliveries('order.warning_recorded')).slice(-3).map((d) => (d['warning'] as { level: number }).level)).toEqual([1, 2, 3]);
      const actions = (await saring.db.selectFrom('audit_log').select('action').where('subject_id', '=', o.id).execute()).map((a) => a.action);
      expect(actions.filter((a) => a === 'order.warning_recorded')).toHaveLength(3);
      expect(actions).toContain('order.commitment_recorded');
    });
  });
}
