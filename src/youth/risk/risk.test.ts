import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../http/app.js';
import type { Saring } from '../../engine.js';
import { BACKENDS, testApp } from '../../test-support/storage.js';
import { RISK_ASPECTS, type RiskAspect } from './risk.js';

/** All seven aspects, each with its own words so a version's changes can be told apart. */
function aspects(overrides: Partial<Record<RiskAspect, Record<string, unknown>>> = {}) {
  return Object.fromEntries(
    RISK_ASPECTS.map((a) => [
      a,
      {
        level: 'medium',
        assessment: `Risiko ${a} pada video pendek dinilai sedang.`,
        evidence: [`Laporan moderasi 2026 (${a})`],
        mitigations: [`Mitigasi ${a}: moderasi otomatis dan peninjauan manusia`],
        ...overrides[a],
      },
    ]),
  );
}

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`the risk self-assessment on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    const keys: Record<string, string> = {};
    type Who = 'admin' | 'senior' | 'mod' | 'regulator' | 'partner' | 'auditor';
    const send = (method: 'POST' | 'GET', url: string, who: Who = 'admin', body?: unknown) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${keys[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend));
      keys.admin = saring.adminKey;
      keys.senior = (await saring.users.create({ name: 'Rina', role: 'senior_moderator' }, 'test')).apiKey;
      keys.mod = (await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey;
      keys.regulator = (await saring.users.create({ name: 'Petugas', role: 'regulator', org: 'komdigi' }, 'test')).apiKey;
      keys.partner = (await saring.users.create({ name: 'Mitra', role: 'partner', org: 'kpai' }, 'test')).apiKey;
      keys.auditor = (await saring.users.create({ name: 'Auditor', role: 'auditor' }, 'test')).apiKey;
    }, 60_000);
    afterAll(async () => close?.());

    it('has nothing before the first save: the latest is 404, the history empty', async () => {
      expect((await send('GET', '/v1/youth/risk-assessments/latest')).json().error.code).toBe('not_found');
      expect((await send('GET', '/v1/youth/risk-assessments')).json()).toEqual({ versions: [], nextBefore: null });
    });

    it('refuses a save without all seven aspects, with an unknown level, or with an empty assessment, and stores nothing', async () => {
      const without = aspects();
      delete without.addiction;
      const missing = await send('POST', '/v1/youth/risk-assessments', 'admin', { aspects: without });
      expect(missing.statusCode).toBe(422);
      expect(missing.json().error).toMatchObject({ code: 'incomplete_risk_assessment' });
      expect(missing.json().error.message).toContain('addiction');
      const badLevel = await send('POST', '/v1/youth/risk-assessments', 'admin', { aspects: aspects({ contact: { level: 'extreme' } }) });
      expect(badLevel.statusCode).toBe(422);
      expect(badLevel.json().error.code).toBe('invalid_risk_level');
      expect(badLevel.json().error.message).toContain('aspects.contact.level');
      const empty = await send('POST', '/v1/youth/risk-assessments', 'admin', { aspects: aspects({ content: { assessment: '   ' } }) });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.code).toBe('validation_failed');
      const unknown = await send('POST', '/v1/youth/risk-assessments', 'admin', { aspects: { ...aspects(), gambling: aspects().content } });
      expect(unknown.statusCode).toBe(400);
      expect(await saring.db.selectFrom('youth_risk_assessments').select('version').execute()).toEqual([]);
    });

    it('saves each edit as a new version with who and when, keeps the old ones, lists what each changed, and refuses a stale edit', async () => {
      const first = await send('POST', '/v1/youth/risk-assessments', 'admin', { basedOn: 0, summary: 'Penilaian pertama.', aspects: aspects() });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ version: 1, summary: 'Penilaian pertama.', createdBy: expect.stringMatching(/^user:/), aspects: { content: { level: 'medium' } } });
      const second = await send('POST', '/v1/youth/risk-assessments', 'admin', {
        basedOn: 1,
        aspects: aspects({ contact: { level: 'high', assessment: 'Pesan langsung dari orang asing: risiko tinggi.' }, addiction: { mitigations: ['Pengingat waktu layar', 'Tanpa putar otomatis malam hari'] } }),
      });
      expect(second.statusCode).toBe(201);
      expect(second.json().version).toBe(2);
      // Someone else's edit of version 1 comes too late: refused, nothing stored.
      const stale = await send('POST', '/v1/youth/risk-assessments', 'admin', { basedOn: 1, aspects: aspects() });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ code: 'conflict', details: { latest: 2 } });

      expect((await send('GET', '/v1/youth/risk-assessments/1')).json()).toMatchObject({ version: 1, aspects: { contact: { level: 'medium' } } });
      expect((await send('GET', '/v1/youth/risk-assessments/latest')).json()).toMatchObject({ version: 2, aspects: { contact: { level: 'high' } } });
      expect((await send('GET', '/v1/youth/risk-assessments/3')).statusCode).toBe(404);
      expect((await send('GET', '/v1/youth/risk-assessments/abc')).statusCode).toBe(400);

      const history = (await send('GET', '/v1/youth/risk-assessments')).json();
      expect(history.versions.map((v: { version: number; changed: string[] }) => [v.version, v.changed])).toEqual([
        [2, ['contact', 'addiction']],
        [1, [...RISK_ASPECTS]],
      ]);
      expect(history.versions[0].levels).toMatchObject({ contact: 'high', content: 'medium' });
      const paged = (await send('GET', '/v1/youth/risk-assessments?limit=1')).json();
      expect(paged.versions.map((v: { version: number }) => v.version)).toEqual([2]);
      expect(paged.nextBefore).toBe(2);
      expect((await send('GET', `/v1/youth/risk-assessments?limit=1&before=${paged.nextBefore}`)).json().versions[0]).toMatchObject({ version: 1 });

      const audit = await saring.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'youth.risk_assessment_saved').orderBy('seq').execute();
      expect(audit.map((a) => a.subject_id)).toEqual(['1', '2']);
    });

    it('exports a version as the Indonesian document (Markdown) with every aspect, its level, evidence and mitigations', async () => {
      const res = await send('GET', '/v1/youth/risk-assessments/2?format=md');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="penilaian-risiko-anak-v2.md"');
      const md = res.body;
      expect(md).toContain('# Penilaian Mandiri Risiko terhadap Anak');
      expect(md).toContain('- Versi: 2');
      expect(md).toMatch(/- Tanggal: \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
      for (const name of ['1. Konten', '2. Kontak', '3. Eksploitasi', '4. Data pribadi', '5. Adiksi (kecanduan)', '6. Kesehatan mental', '7. Kesehatan fisik']) expect(md).toContain(`## ${name}`);
      expect(md).toContain('| 2 | Kontak | Tinggi | 1 |');
      expect(md).toContain('| 5 | Adiksi (kecanduan) | Sedang | 2 |');
      expect(md).toContain('Pesan langsung dari orang asing: risiko tinggi.');
      expect(md).toContain('- Pengingat waktu layar');
      expect(md).toContain('- Laporan moderasi 2026 (exploitation)');
      // The JSON download is the version as stored.
      const json = await send('GET', '/v1/youth/risk-assessments/latest?format=json');
      expect(json.json().version).toBe(2);
      expect((await send('GET', '/v1/youth/risk-assessments/latest?format=pdf')).statusCode).toBe(400);
    });

    it('is the operator’s: only who has youth:risk reads or saves it', async () => {
      for (const who of ['senior', 'mod', 'regulator', 'partner', 'auditor'] as const) {
        expect((await send('GET', '/v1/youth/risk-assessments', who)).statusCode, who).toBe(403);
        expect((await send('GET', '/v1/youth/risk-assessments/latest?format=md', who)).statusCode, who).toBe(403);
        // Authorised before validated: a bad body from someone without the permission is 403, not 400.
        expect((await send('POST', '/v1/youth/risk-assessments', who, { aspects: {} })).statusCode, who).toBe(403);
      }
      expect((await app.inject({ url: '/v1/youth/risk-assessments' })).statusCode).toBe(401);
      expect(await saring.db.selectFrom('youth_risk_assessments').select('version').execute()).toHaveLength(2);
    });
  });
}
