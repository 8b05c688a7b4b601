import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerReport } from '../cli/commands/report.js';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { BACKENDS, testApp } from '../test-support/storage.js';
import { reportKeyRing, verifyReportText } from './compliance.js';

type Who = 'admin' | 'komdigi' | 'polri' | 'noOrg' | 'mod' | 'auditor';
const HOUR = 3_600_000;

/** Runs `saring report …` in this process; returns its exit code, standard output and error. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const program = new Command().exitOverride();
  registerReport(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'saring', 'report', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { code, stdout, stderr };
}

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`compliance report on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    const keys = {} as Record<Who, string>;
    const dir = mkdtempSync(join(tmpdir(), 'saring-compliance-'));
    const ids = {} as Record<'onTime' | 'late' | 'polri', string>;
    const from = new Date(Date.now() - 2 * HOUR).toISOString();
    const to = new Date(Date.now() + HOUR).toISOString();
    const period = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      keys.admin = saring.adminKey;
      keys.komdigi = (await saring.users.create({ name: 'Officer A', role: 'regulator', org: 'komdigi' }, 'test')).apiKey;
      keys.polri = (await saring.users.create({ name: 'Officer B', role: 'regulator', org: 'polri' }, 'test')).apiKey;
      keys.noOrg = (await saring.users.create({ name: 'Officer without organisation', role: 'regulator' }, 'test')).apiKey;
      keys.mod = (await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey;
      keys.auditor = (await saring.users.create({ name: 'Audit', role: 'auditor' }, 'test')).apiKey;

      const content = async (externalId: string) => (await saring.content.submit({ externalId, kind: 'video', texts: { caption: 'video biasa' } }, 'test')).content.id;
      const a = await content('c-a');
      const b = await content('c-b');
      // komdigi, gambling (24 h): taken down at once → on time.
      ids.onTime = (await post('/v1/regulator/orders', { orderNumber: 'K-1', category: 'gambling', legalBasis: 'UU ITE', targets: [{ contentId: a }] }, 'komdigi')).json().id;
      expect((await post(`/v1/content/${a}/decisions`, { action: 'remove', category: 'gambling', reason: 'Perintah K-1.' }, 'mod')).statusCode).toBe(201);
      // komdigi, terrorism (4 h): still pending after its deadline → breached.
      ids.late = (await post('/v1/regulator/orders', { orderNumber: 'K-2', category: 'terrorism', legalBasis: 'UU 5/2018', targets: [{ contentId: b }, { externalId: 'gone' }] }, 'komdigi')).json().id;
      // As if received 90 minutes ago (its not-found target answered then), due a minute ago.
      const receivedAt = new Date(Date.now() - 90 * 60_000);
      await saring.db.updateTable('regulator_orders').set({ received_at: receivedAt, due_at: new Date(Date.now() - 60_000) }).where('id', '=', ids.late).execute();
      await saring.db.updateTable('regulator_order_targets').set({ handled_at: receivedAt }).where('order_id', '=', ids.late).where('status', '=', 'not_found').execute();
      // The authority's first warning letter for the late order, with a fine (recorded by an admin).
      const st1 = await post(`/v1/regulator/orders/${ids.late}/warnings`, { level: 1, letterDate: '2026-01-05', letterNumber: 'ST1/K-2', fines: [{ amountIdr: 50_000_000 }] }, 'admin');
      expect(st1.statusCode, st1.body).toBeLessThan(300);
      // polri: nothing found → answered at receipt, on time.
      ids.polri = (await post('/v1/regulator/orders', { orderNumber: 'P-1', category: 'gambling', legalBasis: 'UU ITE', targets: [{ externalId: 'nothing' }] }, 'polri')).json().id;
    });
    afterAll(async () => {
      await close?.();
      rmSync(dir, { recursive: true, force: true });
    });

    function post(url: string, body: unknown, who: Who) {
      return app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${keys[who]}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    }
    const get = (url: string, who: Who) => app.inject({ url, headers: { authorization: `Bearer ${keys[who]}` } });
    const save = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    it('reports an officer’s own organisation’s orders only: received, deadline, time of action per target, breach; totals per category and urgency', async () => {
      const res = await get(`/v1/regulator/compliance-report?${period}`, 'komdigi');
      expect(res.statusCode, res.body).toBe(200);
      const { report } = res.json();
      expect(report).toMatchObject({ type: 'saring.regulator.compliance-report.v1', organisation: 'komdigi', period: { from, to } });
      expect(report.orders.map((o: { orderNumber: string }) => o.orderNumber)).toEqual(['K-2', 'K-1']); // K-2 was received earlier
      const [late, onTime] = report.orders;
      expect(onTime).toMatchObject({ id: ids.onTime, urgentClock: false, breached: false, outcome: 'on_time', completedAt: expect.any(String) });
      expect(onTime.targets[0]).toMatchObject({ status: 'taken_down', onTime: true, decisionId: expect.any(String) });
      expect(new Date(onTime.targets[0].actedAt).getTime()).toBeLessThanOrEqual(new Date(onTime.dueAt).getTime());
      expect(late).toMatchObject({ id: ids.late, category: 'terrorism', urgentClock: true, breached: true, outcome: 'breached', completedAt: null });
      expect(late.targets.map((t: { status: string; onTime: boolean | null }) => [t.status, t.onTime])).toEqual([
        ['pending', false],
        ['not_found', true],
      ]);
      expect(onTime.warnings).toEqual([]);
      expect(late.warnings).toEqual([{ level: 1, letterDate: '2026-01-05', letterNumber: 'ST1/K-2', commitmentDate: null, fines: [{ amountIdr: 50_000_000, imposedOn: '2026-01-05' }] }]);
      expect(report.totals).toMatchObject({
        warnings: { st1: 1, st2: 0, st3: 0 },
        fines: 1,
        finesIdr: 50_000_000,
        orders: 2,
        targets: 3,
        onTime: 1,
        breached: 1,
        open: 0,
        onTimeRate: 0.5,
        byCategory: { gambling: { orders: 1, onTime: 1, onTimeRate: 1 }, terrorism: { orders: 1, breached: 1, onTimeRate: 0 } },
        byUrgency: { urgent: { orders: 1, onTimeRate: 0 }, standard: { orders: 1, onTimeRate: 1 } },
      });
      expect(JSON.stringify(report)).not.toContain('P-1');

      const polri = (await get(`/v1/regulator/compliance-report?${period}`, 'polri')).json().report;
      expect(polri.orders.map((o: { id: string }) => o.id)).toEqual([ids.polri]);
      expect(polri.totals).toMatchObject({ orders: 1, onTime: 1, onTimeRate: 1, warnings: { st1: 0 }, finesIdr: 0 });
      // A period without these orders is empty.
      const before = (await get(`/v1/regulator/compliance-report?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`, 'komdigi')).json().report;
      expect(before.totals).toMatchObject({ orders: 0, onTimeRate: null });
      expect((await get(`/v1/regulator/compliance-report?${period}`, 'noOrg')).json().error.code).toBe('organisation_required');
    });

    it('gives admins and auditors every organisation’s orders; refuses a bad period and those without orders:read', async () => {
      for (const who of ['admin', 'auditor', 'mod'] as const) {
        const { report } = (await get(`/v1/regulator/compliance-report?${period}`, who)).json();
        expect(report.organisation).toBeNull();
        expect(report.orders.map((o: { id: string }) => o.id).sort()).toEqual(Object.values(ids).sort());
      }
      for (const q of [`from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`, 'from=2020-01-01T00:00:00Z&to=2022-01-01T00:00:00Z', 'from=yesterday&to=today', `from=${encodeURIComponent(from)}`]) {
        const res = await get(`/v1/regulator/compliance-report?${q}`, 'admin');
        expect(res.statusCode, q).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
      }
      const partner = (await saring.users.create({ name: 'Partner', role: 'partner' }, 'test')).apiKey;
      expect((await app.inject({ url: `/v1/regulator/compliance-report?${period}`, headers: { authorization: `Bearer ${partner}` } })).statusCode).toBe(403);
      expect((await app.inject({ url: `/v1/regulator/compliance-report?${period}` })).statusCode).toBe(401);
    });

    it('signs the report: it verifies with the published key; one byte changed is a forgery; a report signed before a rotation still verifies with the old key', async () => {
      const signed = (await get(`/v1/regulator/compliance-report?${period}`, 'komdigi')).body;
      const published = (await get('/v1/regulator/public-key', 'komdigi')).json().keys;
      expect(published).toHaveLength(1);
      expect(published[0]).toMatchObject({ keyId: JSON.parse(signed).keyId, current: true });
      const keyFile = save('key-1.pem', published[0].publicKey);
      const file = save('report.json', signed);

      const ok = await cli(['verify', file, '--public-key', keyFile]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('OK: compliance report for komdigi');
      expect(ok.stdout).toContain('Orders: 2 (3 targets): 1 on time, 1 breached, 0 open; on-time rate 50.0 %.');
      expect(ok.stdout).toContain('one of the keys given');
      expect(ok.stdout).toContain('Warnings: ST1 1, ST2 0, ST3 0; fines: 1, IDR 50,000,000.');
      expect((await cli(['verify', file])).stdout).toContain('taken from the report itself');

      // One byte changed: the breached order's count, "breached":1 → 0.
      const forged = save('forged.json', signed.replace('"breached":1', '"breached":0'));
      expect(forged).not.toBe(signed);
      for (const args of [['verify', forged, '--public-key', keyFile], ['verify', forged]]) {
        const bad = await cli(args);
        expect(bad.code).toBe(1);
        expect(bad.stdout).toBe('');
        expect(bad.stderr.trim().split('\n')).toHaveLength(1);
        expect(bad.stderr).toContain('NOT VERIFIED: the signature does not match the report');
      }
      // Re-signed by someone else with their own key: the platform's key refuses it.
      const other = generateKeyPairSync('ed25519').privateKey;
      const body = JSON.parse(signed);
      body.report.totals.breached = 0;
      body.signature = sign(null, Buffer.from(canonicalJson(body.report)), other).toString('base64');
      expect(verifyReportText(JSON.stringify(body), [createPublicKey(published[0].publicKey)])).toMatchObject({ ok: false });

      // Rotation: admins only; the new key signs, the old one is still published and verifies the old report.
      const rotate = (who: Who) => app.inject({ method: 'POST', url: '/v1/regulator/public-key/rotate', headers: { authorization: `Bearer ${keys[who]}` } });
      expect((await rotate('komdigi')).statusCode).toBe(403);
      const rotated = await rotate('admin');
      expect(rotated.statusCode, rotated.body).toBe(200);
      const after = rotated.json().keys;
      expect(after.map((k: { keyId: string; current: boolean }) => [k.keyId === published[0].keyId, k.current])).toEqual([
        [false, true],
        [true, false],
      ]);
      expect((await get('/v1/regulator/public-key', 'auditor')).json().keys).toEqual(after);
      const newer = (await get(`/v1/regulator/compliance-report?${period}`, 'komdigi')).json();
      expect(newer.keyId).toBe(after[0].keyId);
      const newKeyFile = save('key-2.pem', after[0].publicKey);
      expect((await cli(['verify', file, '--public-key', keyFile])).code).toBe(0);
      expect((await cli(['verify', file, '--public-key', newKeyFile, keyFile])).code).toBe(0);
      const wrongKey = await cli(['verify', file, '--public-key', newKeyFile]);
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stderr).toContain('NOT VERIFIED');
      const audit = await saring.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'regulator.report_key_rotated').execute();
      expect(audit).toEqual([{ action: 'regulator.report_key_rotated', subject_id: after[0].keyId }]);
    });

    it('publishes the public keys to anyone (a court or auditor verifies a report without an account)', async () => {
      const open = await app.inject({ url: '/v1/regulator/public-key' });
      expect(open.statusCode, open.body).toBe(200);
      expect(open.json().keys).toEqual((await get('/v1/regulator/public-key', 'komdigi')).json().keys);
    });

    it('reports requests for information with their answer time, and each order under the clock it got at receipt (not today’s table)', async () => {
      const info = await post('/v1/regulator/orders', { orderNumber: 'P-INFO', category: 'fraud', requestedAction: 'information', legalBasis: 'KUHAP', targets: [{ externalId: 'c-a' }] }, 'polri');
      expect(info.statusCode, info.body).toBe(201);
      expect((await post(`/v1/regulator/orders/${info.json().id}/information`, { note: 'Data pengunggah terlampir.' }, 'admin')).statusCode).toBe(201);
      // K-2 (terrorism) got the 4-hour clock; as if the policy's table then had not listed it.
      await saring.db.updateTable('regulator_orders').set({ urgent_clock: false }).where('id', '=', ids.late).execute();
      try {
        const polri = (await get(`/v1/regulator/compliance-report?${period}`, 'polri')).json().report;
        const answered = polri.orders.find((o: { orderNumber: string }) => o.orderNumber === 'P-INFO');
        expect(answered).toMatchObject({ requestedAction: 'information', outcome: 'on_time', completedAt: expect.any(String) });
        expect(answered.targets).toMatchObject([{ status: 'answered', onTime: true, actedAt: expect.any(String) }]);
        const komdigi = (await get(`/v1/regulator/compliance-report?${period}`, 'komdigi')).json().report;
        expect(komdigi.orders.find((o: { id: string }) => o.id === ids.late)).toMatchObject({ category: 'terrorism', urgentClock: false, requestedAction: 'remove' });
        expect(komdigi.totals.byUrgency).toMatchObject({ urgent: { orders: 0 }, standard: { orders: 2 } });
      } finally {
        await saring.db.updateTable('regulator_orders').set({ urgent_clock: true }).where('id', '=', ids.late).execute();
      }
    });
  });
}

describe('compliance report keys in a data directory', () => {
  it('generates the key on first use, keeps it across restarts, and keeps rotated-out public keys in order', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'saring-report-keys-'));
    try {
      const ring = reportKeyRing(dataDir);
      const first = ring.current();
      expect(reportKeyRing(dataDir).current().export({ format: 'jwk' })).toEqual(first.export({ format: 'jwk' }));
      ring.rotate();
      const second = ring.current();
      ring.rotate();
      const again = reportKeyRing(dataDir);
      const jwk = (k: { export(o: { format: 'jwk' }): object }) => JSON.stringify(k.export({ format: 'jwk' }));
      expect(jwk(createPublicKey(again.current()))).not.toEqual(jwk(createPublicKey(second)));
      // Newest rotated-out first.
      expect(again.retired().map(jwk)).toEqual([createPublicKey(second), createPublicKey(first)].map(jwk));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
