import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { BACKENDS, testApp } from '../test-support/storage.js';
import { validateDsaStatement } from './dsa.js';
import { createTransparency, CSV_COLUMNS, type ExportedStatement, type TransparencyApi } from './transparency.js';
import { parseCsv } from '../shared/csv.js';
import { REPORTED_SCAM_TEXT } from '../test-support/texts.js';

const SPAM = 'SLOT GACOR maxwin depo 10rb WD cepat bosku';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TODAY = () => new Date().toISOString().slice(0, 10);

/** Reads a CSV text into rows with the project's reader, after checking each record ends with CRLF (RFC 4180). */
function csvRows(text: string): string[][] {
  const rows = parseCsv(text);
  expect(text.endsWith('\r\n'), 'the last record ends with CRLF').toBe(true);
  expect(text.split('\r\n').length - 1, 'a CRLF after each record').toBeGreaterThanOrEqual(rows.length);
  return rows;
}

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`DSA statements of reasons on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    let transparency: TransparencyApi;
    const keys = {} as Record<'platform' | 'mod1' | 'mod2' | 'auditor' | 'komdigi', string>;
    const ids = {} as Record<'automated' | 'restriction' | 'reported' | 'appealed' | 'overturn' | 'allowed' | 'ordered', string>;

    const post = (url: string, body: unknown, who: keyof typeof keys = 'platform') =>
      body === undefined
        ? app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${keys[who]}` } })
        : app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${keys[who]}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const decide = async (externalId: string, body: Record<string, unknown>, who: keyof typeof keys = 'mod1') => {
      const res = await post(`/v1/content/${externalId}/decisions`, { reason: 'Diperiksa.', ...body }, who);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const all = async (query: Record<string, unknown> = {}): Promise<ExportedStatement[]> => {
      const { lines } = await transparency.export({ format: 'jsonl', ...query });
      const out: ExportedStatement[] = [];
      for await (const line of lines) out.push(JSON.parse(line));
      return out;
    };
    const byDecision = async (id: string) => {
      const found = (await all()).find((s) => s.decisionId === id);
      expect(found, `statement of ${id}`).toBeDefined();
      return found!;
    };

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      transparency = createTransparency({ db: saring.db });
      keys.platform = saring.adminKey;
      keys.mod1 = (await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey;
      keys.mod2 = (await saring.users.create({ name: 'Budi', role: 'moderator' }, 'test')).apiKey;
      keys.auditor = (await saring.users.create({ name: 'Sari', role: 'auditor' }, 'test')).apiKey;
      keys.komdigi = (await saring.users.create({ name: 'Officer A', role: 'regulator', org: 'komdigi' }, 'test')).apiKey;

      // An automated removal: the scan removes gambling spam on arrival.
      const spam = await saring.content.submit({ externalId: 'auto-1', kind: 'video', texts: { caption: SPAM }, metadata: { language: 'id' } }, 'test');
      expect(spam.content.status).toBe('removed');
      ids.automated = (await saring.db.selectFrom('decisions').select('id').where('content_id', '=', spam.content.id).executeTakeFirstOrThrow()).id;

      // A moderator's restriction (18+) on an image post.
      await saring.content.submit({ externalId: 'mod-1', kind: 'image', texts: { caption: 'foto pantai' }, media: [{ type: 'image' }] }, 'test');
      ids.restriction = await decide('mod-1', { action: 'restrict_18', category: 'pornography', reason: 'Ketelanjangan parsial.' });

      // A removal prompted by a public report, decided on the report's case.
      await saring.content.submit({ externalId: 'rep-1', kind: 'text', texts: { text: REPORTED_SCAM_TEXT } }, 'test');
      const report = await post('/v1/reports', { content: { externalId: 'rep-1' }, reporter: { externalId: 'u1', name: 'User u1' }, category: 'fraud', reason: 'Penipuan.' });
      expect(report.statusCode, report.body).toBe(201);
      const caseId = report.json().caseId as string;
      expect((await post(`/v1/review/cases/${caseId}/claim`, undefined, 'mod1')).statusCode).toBe(200);
      const removed = await post(`/v1/review/cases/${caseId}/decision`, { action: 'remove', category: 'fraud', reason: 'Penipuan investasi.' }, 'mod1');
      expect(removed.statusCode, removed.body).toBe(201);
      ids.reported = removed.json().id;

      // A removal overturned on appeal by another moderator: the content is restored.
      await saring.content.submit({ externalId: 'ov-1', kind: 'video', texts: { caption: 'video masak nasi goreng' } }, 'test');
      ids.appealed = await decide('ov-1', { action: 'remove', category: 'gambling' });
      const appeal = await post('/v1/appeals', { decisionId: ids.appealed, appellant: { externalId: 'uploader-1' }, reason: 'Ini video masak, bukan judi.' });
      expect(appeal.statusCode, appeal.body).toBe(201);
      const overturned = await post(`/v1/appeals/${appeal.json().id}/decision`, { outcome: 'overturn', reason: 'Video masak, tidak ada promosi judi.' }, 'mod2');
      expect(overturned.statusCode, overturned.body).toBe(200);
      ids.overturn = overturned.json().decided.resolvingDecisionId;

      // Content left up that was never restricted: no statement of reasons.
      await saring.content.submit({ externalId: 'ok-1', kind: 'video', texts: { caption: 'tutorial gitar' } }, 'test');
      ids.allowed = await decide('ok-1', { action: 'allow' });
    });
    afterAll(() => close?.());

    it('exports an automated removal with every field of the DSA statement', async () => {
      const e = await byDecision(ids.automated);
      expect(e).toMatchObject({ action: 'remove', category: 'gambling', actorType: 'automated', valid: true, errors: [], euSubmittable: false, appeal: null });
      const s = e.statement;
      expect(s.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_REMOVED']);
      expect(s.decision_visibility_other).toBeUndefined();
      expect(s.decision_account).toBeUndefined();
      expect(s.decision_monetary).toBeUndefined();
      expect(s.decision_provision).toBeUndefined();
      expect(s.decision_ground).toBe('DECISION_GROUND_ILLEGAL_CONTENT');
      expect(s.illegal_content_legal_ground).toBe('UU 11/2008 jo. UU 1/2024 tentang ITE, Pasal 27 ayat (2) (perjudian)');
      expect(s.illegal_content_explanation).toMatch(/^Promoting, offering or inviting people to online gambling/);
      expect(s.incompatible_content_ground).toBeUndefined();
      expect(s.incompatible_content_explanation).toBeUndefined();
      expect(s.category).toBe('STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE');
      expect(s.category_specification).toEqual(['KEYWORD_GOODS_SERVICES_NOT_PERMITTED']);
      expect(s.content_type).toEqual(['CONTENT_TYPE_VIDEO', 'CONTENT_TYPE_TEXT']);
      expect(s.content_language).toBe('ID');
      expect(s.content_date).toBe(TODAY());
      expect(s.application_date).toBe(TODAY());
      expect(s.territorial_scope).toEqual(['ID']);
      expect(s.automated_detection).toBe('Yes');
      expect(s.automated_decision).toBe('AUTOMATED_DECISION_FULLY');
      expect(s.source_type).toBe('SOURCE_VOLUNTARY');
      expect(s.source_identity).toBeUndefined();
      expect(s.decision_facts).toMatch(/^Your content has been removed \(Online gambling\)\. This decision was taken automatically\. We found "SLOT GACOR/);
      expect(s.puid).toBe(ids.automated);
      expect(s.puid).toMatch(UUID);
      expect(e.indonesia).toEqual({
        legalGround: 'UU 11/2008 jo. UU 1/2024 tentang ITE, Pasal 27 ayat (2) (perjudian)',
        territorialScope: ['ID'],
        decisionFacts: expect.stringMatching(/^Konten Anda telah dihapus \(Judi online\)\. Keputusan ini diambil secara otomatis\./),
        explanation: expect.stringContaining('dilarang di Indonesia'),
      });
    });

    it('exports a moderator’s age restriction as not automated, own initiative, with the content type of its media', async () => {
      const e = await byDecision(ids.restriction);
      expect(e).toMatchObject({ action: 'restrict_18', category: 'pornography', actorType: 'moderator', valid: true, errors: [] });
      const s = e.statement;
      expect(s.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED']);
      expect(s.decision_ground).toBe('DECISION_GROUND_ILLEGAL_CONTENT');
      expect(s.illegal_content_legal_ground).toBe('UU ITE Pasal 27 ayat (1) (kesusilaan); UU 44/2008 tentang Pornografi');
      expect(s.category).toBe('STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT');
      expect(s.category_specification).toEqual(['KEYWORD_ADULT_SEXUAL_MATERIAL']);
      expect(s.content_type).toEqual(['CONTENT_TYPE_IMAGE', 'CONTENT_TYPE_TEXT']);
      expect(s.content_language).toBeUndefined();
      expect(s.automated_detection).toBe('No');
      expect(s.automated_decision).toBe('AUTOMATED_DECISION_NOT_AUTOMATED');
      expect(s.source_type).toBe('SOURCE_VOLUNTARY');
      expect(s.decision_facts).toContain('Reason given: Ketelanjangan parsial.');
      expect(s.puid).toBe(ids.restriction);
    });

    it('exports a removal prompted by a public report as SOURCE_ARTICLE_16, with the fraud keyword spelled out', async () => {
      const e = await byDecision(ids.reported);
      expect(e).toMatchObject({ action: 'remove', category: 'fraud', actorType: 'moderator', valid: true });
      const s = e.statement;
      expect(s.source_type).toBe('SOURCE_ARTICLE_16');
      expect(s.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_REMOVED']);
      expect(s.category).toBe('STATEMENT_CATEGORY_SCAMS_AND_FRAUD');
      expect(s.category_specification).toEqual(['KEYWORD_OTHER']);
      expect(s.category_specification_other).toBe('Online fraud, illegal online lending (pinjol ilegal) or investment scams');
      expect(s.content_type).toEqual(['CONTENT_TYPE_TEXT']);
      expect(s.illegal_content_legal_ground).toContain('UU ITE Pasal 28 ayat (1)');
      expect(s.automated_decision).toBe('AUTOMATED_DECISION_NOT_AUTOMATED');
      expect(e.indonesia.legalGround).toBe(s.illegal_content_legal_ground);
    });

    it('exports an overturned appeal as a lifted restriction on the ground of what it lifted, and leaves out content never restricted', async () => {
      const removal = await byDecision(ids.appealed);
      expect(removal.statement.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_REMOVED']);
      const e = await byDecision(ids.overturn);
      expect(e).toMatchObject({ action: 'allow', category: null, actorType: 'moderator', valid: true, errors: [], appeal: { id: expect.stringMatching(UUID), overturnedDecisionId: ids.appealed } });
      const s = e.statement;
      expect(s.decision_visibility).toEqual(['DECISION_VISIBILITY_OTHER']);
      expect(s.decision_visibility_other).toBe(`Restriction lifted: the earlier decision ${ids.appealed} (remove) was overturned on appeal ${e.appeal!.id}; the content is shown again.`);
      expect(s.decision_ground).toBe('DECISION_GROUND_ILLEGAL_CONTENT');
      expect(s.illegal_content_legal_ground).toBe(removal.statement.illegal_content_legal_ground);
      expect(s.category).toBe('STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE');
      expect(s.source_type).toBe('SOURCE_VOLUNTARY');
      expect(s.automated_decision).toBe('AUTOMATED_DECISION_NOT_AUTOMATED');
      expect(s.decision_facts).toContain('Your content stays visible');
      expect(s.puid).toBe(ids.overturn);
      expect(e.indonesia.legalGround).toBe(removal.indonesia.legalGround);

      const listed = (await all()).map((x) => x.decisionId);
      expect(listed).not.toContain(ids.allowed);
      expect(listed).toEqual([ids.automated, ids.restriction, ids.reported, ids.appealed, ids.overturn]);
      // Every exported statement passes the validator on its own too.
      for (const x of await all()) expect(validateDsaStatement(x.statement)).toEqual([]);
    });

    it('filters by date, category, action and source, and pages by cursor', async () => {
      expect((await all({ source: 'SOURCE_ARTICLE_16' })).map((s) => s.decisionId)).toEqual([ids.reported]);
      expect((await all({ category: 'gambling' })).map((s) => s.decisionId)).toEqual([ids.automated, ids.appealed, ids.overturn]);
      expect((await all({ action: 'restrict_18' })).map((s) => s.decisionId)).toEqual([ids.restriction]);
      expect(await all({ to: '2020-01-01' })).toEqual([]);
      expect(await all({ from: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
      expect((await all({ from: TODAY() })).length).toBe(5);

      const first = await transparency.list({ limit: 2 });
      expect(first.statements.map((s) => s.decisionId)).toEqual([ids.automated, ids.restriction]);
      const second = await transparency.list({ limit: 2, cursor: first.nextCursor! });
      expect(second.statements.map((s) => s.decisionId)).toEqual([ids.reported, ids.appealed]);
      const third = await transparency.list({ limit: 2, cursor: second.nextCursor! });
      expect(third).toEqual({ statements: [expect.objectContaining({ decisionId: ids.overturn })], nextCursor: null });
    });

    it('refuses bad filters with validation_failed before anything is streamed', async () => {
      for (const query of [
        { from: 'yesterday' },
        { from: '2026-02-30' },
        { to: '2026-01-01', from: '2026-02-01' },
        { category: 'spam' },
        { action: 'delete' },
        { source: 'SOURCE_OTHER' },
        { limit: 0 },
        { limit: 501 },
        { cursor: 'not-a-cursor' },
        { format: 'xml' },
        { unknown: 1 },
      ]) {
        await expect(transparency.list(query), JSON.stringify(query)).rejects.toMatchObject({ code: 'validation_failed' });
        await expect(transparency.export({ format: 'csv', ...query }), JSON.stringify(query)).rejects.toMatchObject({ code: 'validation_failed' });
      }
    });

    it('exports a removal that answers an authority’s order as SOURCE_TYPE_OTHER_NOTIFICATION, naming the authority and order', async () => {
      const contentId = (await saring.content.submit({ externalId: 'ord-1', kind: 'video', texts: { caption: 'video biasa' } }, 'test')).content.id;
      const order = await post(
        '/v1/regulator/orders',
        { orderNumber: 'B-777/2026', category: 'gambling', legalBasis: 'UU ITE Pasal 27 ayat (2); Permenkominfo 5/2020 Pasal 14', targets: [{ contentId }] },
        'komdigi',
      );
      expect(order.statusCode, order.body).toBe(201);
      ids.ordered = await decide('ord-1', { action: 'remove', category: 'gambling', reason: 'Perintah Komdigi B-777/2026.' });
      const e = await byDecision(ids.ordered);
      expect(e).toMatchObject({ action: 'remove', actorType: 'moderator', valid: true, errors: [] });
      expect(e.statement.source_type).toBe('SOURCE_TYPE_OTHER_NOTIFICATION');
      expect(e.statement.source_identity).toBe('komdigi (order B-777/2026)');
      expect((await all({ source: 'SOURCE_TYPE_OTHER_NOTIFICATION' })).map((x) => x.decisionId)).toEqual([ids.ordered]);
      // The others keep theirs.
      expect((await byDecision(ids.automated)).statement.source_identity).toBeUndefined();
    });

    it('streams every statement as CSV and JSON Lines, more than one page of 1,000, with no row cap', { timeout: 120_000 }, async () => {
      // 1,203 more removals, written straight to storage (the statement as the decision path stores it).
      const model = await saring.db.selectFrom('decisions').select(['statement']).where('id', '=', ids.restriction).executeTakeFirstOrThrow();
      const n = 1_203;
      for (let start = 0; start < n; start += 400) {
        const batch = Array.from({ length: Math.min(400, n - start) }, (_, i) => `bulk-${start + i}`);
        const items = await saring.db
          .insertInto('content_items')
          .values(batch.map((externalId) => ({ external_id: externalId, kind: 'image', texts: JSON.stringify({}), media: JSON.stringify([{ type: 'image' }]), audience: 'general', metadata: JSON.stringify({}), fingerprint: externalId })))
          .returning('id')
          .execute();
        await saring.db
          .insertInto('decisions')
          .values(items.map((c) => ({ content_id: c.id, actor_type: 'moderator', action: 'restrict_18', category: 'pornography', automated_detection: false, automated_decision: false, statement: JSON.stringify(model.statement), evidence: '[]' })))
          .execute();
      }
      const total = 6 + n;

      const jsonl = await transparency.export({ format: 'jsonl' });
      let lines = 0;
      const seen = new Set<string>();
      for await (const line of jsonl.lines) {
        const e = JSON.parse(line) as ExportedStatement;
        seen.add(e.decisionId);
        expect(e.valid, line).toBe(true);
        lines++;
      }
      expect(lines).toBe(total);
      expect(seen.size).toBe(total);

      const csv = await transparency.export({ format: 'csv' });
      let text = '';
      for await (const chunk of csv.lines) text += chunk;
      const rows = csvRows(text);
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      expect(rows.length).toBe(1 + total);
      const col = (name: string) => rows[0]!.indexOf(name);
      const auto = rows.find((r) => r[col('saring_decision_id')] === ids.automated)!;
      expect(auto[col('decision_visibility')]).toBe('["DECISION_VISIBILITY_CONTENT_REMOVED"]');
      expect(auto[col('saring_valid')]).toBe('true');
      expect(auto[col('saring_indonesian_legal_ground')]).toContain('Pasal 27 ayat (2)');
      expect(new Set(rows.slice(1).map((r) => r[col('puid')])).size).toBe(total);

      // Filtered exports stream past a page too.
      let restricted = 0;
      for await (const _ of (await transparency.export({ format: 'jsonl', action: 'restrict_18' })).lines) restricted++;
      expect(restricted).toBe(n + 1);
    });

    it('serves GET /v1/transparency/statements to admins and auditors: a page, and CSV and JSON Lines streamed in full', { timeout: 120_000 }, async () => {
      const get = (url: string, who: keyof typeof keys) => app.inject({ url, headers: { authorization: `Bearer ${keys[who]}` } });
      const total = Number((await saring.db.selectFrom('decisions').select((eb) => eb.fn.countAll().as('n')).where('action', '<>', 'allow').executeTakeFirstOrThrow()).n) + 1;
      expect(total).toBeGreaterThan(1_000);

      const page = await get('/v1/transparency/statements?limit=2&action=remove', 'auditor');
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json().statements.map((e: ExportedStatement) => e.decisionId)).toEqual([ids.automated, ids.reported]);
      expect(page.json().statements[0].statement.decision_visibility).toEqual(['DECISION_VISIBILITY_CONTENT_REMOVED']);
      expect((await get(`/v1/transparency/statements?limit=2&action=remove&cursor=${page.json().nextCursor}`, 'platform')).json().statements[0].decisionId).toBe(ids.appealed);

      const csv = await get('/v1/transparency/statements?format=csv', 'auditor');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe('attachment; filename="saring-dsa-statements.csv"');
      expect(csvRows(csv.body).length).toBe(1 + total);
      const jsonl = await get('/v1/transparency/statements?format=jsonl&source=SOURCE_ARTICLE_16', 'platform');
      expect(jsonl.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(jsonl.body.trim().split('\n').map((l) => JSON.parse(l).decisionId)).toEqual([ids.reported]);

      // Who may not: a moderator (no transparency:read), no key.
      expect((await get('/v1/transparency/statements', 'mod1')).json().error.code).toBe('forbidden');
      expect((await app.inject({ url: '/v1/transparency/statements' })).statusCode).toBe(401);
      // Bad filters: 400 with the stable code, on each format.
      for (const q of ['from=2026-13-01', 'from=2026-12-02&to=2026-12-01', 'category=judi', 'format=csv&cursor=abc', 'format=jsonl&source=SOURCE_OTHER', 'limit=9999']) {
        const res = await get(`/v1/transparency/statements?${q}`, 'auditor');
        expect(res.statusCode, q).toBe(400);
        expect(res.json().error.code, q).toBe('validation_failed');
      }
    });
  });
}
