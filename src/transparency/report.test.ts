import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../access/auth.js';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { BACKENDS, testApp } from '../test-support/storage.js';
import type { Count, TransparencyReport } from './report.js';
import { parseCsv } from '../shared/csv.js';
import { GAMBLING_REVIEW_TEXT } from '../test-support/texts.js';

const SPAM = 'SLOT GACOR maxwin depo 10rb WD cepat bosku';
/** Held for review by the default policy (gambling, not sure enough to remove): an automated flag. */
const FLAGGED = GAMBLING_REVIEW_TEXT;
/** Short clocks (the config knob `orderClockSeconds`): an urgent order is late after 3 s. */
const CLOCK = { standard: 600, urgent: 3 };
const TODAY = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
/** A day outside today's report, in UTC: 20:00 UTC is already the next day in WIB. */
const OLD_DAY = daysAgo(34);
const OLD_AT = `${OLD_DAY}T20:00:00.000Z`;
/** The day after it. */
const OLD_NEXT = daysAgo(33);
/** Another day, for decisions stored with evidence of each kind. */
const DETECTION_DAY = daysAgo(50);

/** Reads a CSV text into rows with the project's reader, after checking each record ends with CRLF (RFC 4180). */
function csvRows(text: string): string[][] {
  const rows = parseCsv(text);
  expect(text.endsWith('\r\n'), 'the last record ends with CRLF').toBe(true);
  expect(text.split('\r\n').length - 1, 'a CRLF after each record').toBeGreaterThanOrEqual(rows.length);
  return rows;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length / 2;
  return s.length === 0 ? null : s.length % 2 ? s[Math.floor(m)]! : (s[m - 1]! + s[m]!) / 2;
};
const asHours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 100) / 100);
const seconds = (a: Date | string, b: Date | string) => (new Date(b).getTime() - new Date(a).getTime()) / 1000;
const countsOf = (list: Count[]) => Object.fromEntries(list.map((c) => [c.key, c.count]));

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`transparency report on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    let officer: Principal;
    let admin: Principal;
    const keys = {} as Record<'admin' | 'mod1' | 'mod2' | 'auditor' | 'komdigi', string>;
    const ids = {} as Record<'onTime' | 'breached', string>;

    const post = (url: string, body: unknown, who: keyof typeof keys = 'admin') =>
      body === undefined
        ? app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${keys[who]}` } })
        : app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${keys[who]}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const get = (url: string, who: keyof typeof keys | null = 'auditor') => app.inject({ url, headers: who ? { authorization: `Bearer ${keys[who]}` } : {} });
    const report = async (query: string, who: keyof typeof keys = 'auditor'): Promise<TransparencyReport> => {
      const res = await get(`/v1/transparency/report?${query}`, who);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const submit = (externalId: string, caption: string, extra: Record<string, unknown> = {}) =>
      saring.content.submit({ externalId, kind: 'video', texts: { caption }, ...extra }, 'test');
    const decideCase = async (contentId: string, action: string, category?: string) => {
      const c = await saring.db.selectFrom('review_cases').select('id').where('content_id', '=', contentId).where('status', '<>', 'closed').executeTakeFirstOrThrow();
      expect((await post(`/v1/review/cases/${c.id}/claim`, undefined, 'mod1')).statusCode).toBe(200);
      const res = await post(`/v1/review/cases/${c.id}/decision`, { action, ...(category ? { category } : {}), reason: 'Diperiksa.' }, 'mod1');
      expect(res.statusCode, res.body).toBe(201);
    };
    const automatedDecision = async (contentId: string) =>
      (await saring.db.selectFrom('decisions').select('id').where('content_id', '=', contentId).where('actor_type', '=', 'automated').executeTakeFirstOrThrow()).id;

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false, orderClockSeconds: CLOCK }));
      keys.admin = saring.adminKey;
      keys.mod1 = (await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey;
      keys.mod2 = (await saring.users.create({ name: 'Budi', role: 'moderator' }, 'test')).apiKey;
      keys.auditor = (await saring.users.create({ name: 'Sari', role: 'auditor' }, 'test')).apiKey;
      keys.komdigi = (await saring.users.create({ name: 'Officer A', role: 'regulator', org: 'komdigi' }, 'test')).apiKey;
      officer = await saring.users.authenticate(keys.komdigi);
      admin = await saring.users.authenticate(keys.admin);

      // Own initiative, automated: gambling spam removed on arrival (the first one's account gets a strike, and with it a warning).
      const auto1 = await submit('auto-1', SPAM, { account: { externalId: 'acc-1' } });
      const auto2 = await submit('auto-2', `${SPAM} 2`);
      const auto3 = await submit('auto-3', `${SPAM} 3`);
      for (const a of [auto1, auto2, auto3]) expect(a.content.status).toBe('removed');

      // Complaints: the second removal overturned on appeal, the third upheld.
      for (const [item, outcome] of [
        [auto2, 'overturn'],
        [auto3, 'uphold'],
      ] as const) {
        const appeal = await post('/v1/appeals', { decisionId: await automatedDecision(item.content.id), appellant: { externalId: `up-${outcome}` }, reason: 'Bukan judi.' });
        expect(appeal.statusCode, appeal.body).toBe(201);
        const decided = await post(`/v1/appeals/${appeal.json().id}/decision`, { outcome, reason: 'Diperiksa ulang.' }, 'mod2');
        expect(decided.statusCode, decided.body).toBe(200);
      }

      // Automated flags: two items held for review; a moderator removes one, leaves the other up.
      const flag1 = await saring.content.submit({ externalId: 'flag-1', kind: 'comment', texts: { comment: FLAGGED } }, 'test');
      const flag2 = await saring.content.submit({ externalId: 'flag-2', kind: 'comment', texts: { comment: `${FLAGGED} !!` } }, 'test');
      expect([flag1.verdict?.action, flag2.verdict?.action]).toEqual(['review', 'review']);
      await decideCase(flag1.content.id, 'remove', 'gambling');
      await decideCase(flag2.content.id, 'allow');

      // Own initiative, by a person: a moderator restricts an item nobody reported.
      const hum = (await submit('hum-1', 'video biasa enam')).content.id;
      await saring.decisions.decide(hum, { action: 'restrict_18', category: 'pornography', reason: 'Ketelanjangan parsial.' }, await saring.users.authenticate(keys.mod1));

      // Notices: one report actioned, one rejected.
      await submit('rep-1', 'video biasa satu');
      await submit('rep-2', 'video biasa dua');
      for (const [externalId, category] of [
        ['rep-1', 'fraud'],
        ['rep-2', 'hoax'],
      ]) {
        const r = await post('/v1/reports', { content: { externalId }, reporter: { externalId: `u-${externalId}`, name: 'Pelapor' }, category, reason: 'Melanggar.' });
        expect(r.statusCode, r.body).toBe(201);
      }
      const rep1 = (await saring.db.selectFrom('content_items').select('id').where('external_id', '=', 'rep-1').executeTakeFirstOrThrow()).id;
      const rep2 = (await saring.db.selectFrom('content_items').select('id').where('external_id', '=', 'rep-2').executeTakeFirstOrThrow()).id;
      await decideCase(rep1, 'remove', 'fraud');
      await decideCase(rep2, 'allow');

      // Orders: one carried out on time (taken down, clarified, not found), one urgent left pending past its 3 s.
      const ord1 = (await submit('ord-1', 'video biasa tiga')).content.id;
      await submit('ord-2', 'video biasa empat');
      await submit('ord-3', 'video biasa lima');
      const base = { legalBasis: 'UU ITE Pasal 27 ayat (2)' };
      const onTime = (await saring.regulator.submit({ ...base, category: 'gambling', orderNumber: 'OK-1', targets: [{ contentId: ord1 }, { externalId: 'ord-2' }, { externalId: 'nope' }] }, officer)).order;
      const late = (await saring.regulator.submit({ ...base, category: 'hoax', urgent: true, orderNumber: 'LATE-1', targets: [{ externalId: 'ord-3' }] }, officer)).order;
      ids.onTime = onTime.id;
      ids.breached = late.id;
      await saring.decisions.decide(ord1, { action: 'remove', category: 'gambling', reason: 'Perintah OK-1.' }, admin);
      const target2 = (await saring.regulator.get(onTime.id, officer)).targets!.find((t) => t.kind === 'externalId' && t.value === 'ord-2')!;
      await saring.regulator.clarify(onTime.id, target2.id, { reason: 'not_prohibited', text: 'Video biasa, tidak ada judi.' }, admin);
      await saring.regulator.recordWarning(late.id, { level: 1, letterDate: TODAY(), letterNumber: 'ST1/001', fines: [{ amountIdr: 500_000 }] }, admin);

      // Outside the period: an automated removal a month before (20:00 UTC: the next day in WIB).
      const old = await submit('old-1', `${SPAM} lama`);
      await saring.db.updateTable('decisions').set({ created_at: OLD_AT } as never).where('content_id', '=', old.content.id).execute();

      // The urgent order's deadline passes.
      await new Promise((r) => setTimeout(r, Math.max(0, new Date(late.dueAt).getTime() + 300 - Date.now())));
    }, 120_000);
    afterAll(() => close?.());

    it('counts each section of the period exactly', async () => {
      const r = await report(`from=${TODAY()}&to=${TODAY()}&zone=UTC`);
      expect(r.type).toBe('saring.transparency-report.v1');
      expect(r.period).toEqual({ from: TODAY(), to: TODAY(), zone: 'UTC', utcOffset: 'Z', start: `${TODAY()}T00:00:00.000Z`, end: expect.any(String), days: 1 });
      const s = r.sections;

      // Orders: receipt → handled, from the stored rows.
      const targets = await saring.db
        .selectFrom('regulator_order_targets as t')
        .innerJoin('regulator_orders as o', 'o.id', 't.order_id')
        .select(['t.status', 't.handled_at', 'o.received_at'])
        .execute();
      const acted = targets.filter((t) => t.status !== 'pending').map((t) => seconds(t.received_at, t.handled_at ?? t.received_at));
      expect(acted).toHaveLength(3);
      expect(s.orders).toMatchObject({ orders: 2, urgent: 1, targets: 4, medianHoursToAct: asHours(median(acted)), medianHoursToInform: null });
      expect(s.orders.targetsByStatus).toMatchObject({ pending: 1, taken_down: 1, already_removed: 0, not_found: 1, clarified: 1 });
      expect(countsOf(s.orders.byCategory)).toEqual({ gambling: 1, hoax: 1 });
      expect(countsOf(s.orders.byOrganisation)).toEqual({ komdigi: 2 });
      expect(countsOf(s.orders.byRequestedAction)).toEqual({ remove: 2 });

      // Notices.
      const reports = await saring.db.selectFrom('reports').select(['created_at', 'resolved_at']).execute();
      expect(s.notices).toMatchObject({ notices: 2, byOutcome: { actioned: 1, rejected: 1, pending: 0 }, trustedFlaggers: null });
      expect(s.notices.medianHoursToAction).toBe(asHours(median(reports.map((x) => seconds(x.created_at, x.resolved_at!)))));
      expect(countsOf(s.notices.byCategory)).toEqual({ fraud: 1, hoax: 1 });
      expect(countsOf(s.notices.byReporterType)).toEqual({ identified: 2 });
      expect(countsOf(s.notices.actionedByGround)).toEqual({ illegal_content: 1 });

      // Own initiative: three automated removals, a moderator's removal of a flagged item and a moderator's own restriction
      // (not the report's, the order's, the appeal's, nor the one a month before).
      expect(s.ownInitiative).toMatchObject({ decisions: 5, automatedDetection: 4, automatedDecision: 3 });
      expect(countsOf(s.ownInitiative.byCategory)).toEqual({ gambling: 4, pornography: 1 });
      expect(countsOf(s.ownInitiative.byAction)).toEqual({ remove: 4, restrict_18: 1 });
      expect(countsOf(s.ownInitiative.byGround)).toEqual({ illegal_content: 5 });
      expect(countsOf(s.ownInitiative.byAutomation)).toEqual({ fully_automated: 3, partially_automated: 1, not_automated: 1 });
      expect(countsOf(s.ownInitiative.byDetection)).toEqual({ text_model: 4, human: 1 });

      // Complaints.
      const appeals = await saring.db.selectFrom('appeals').select(['created_at', 'decided_at']).execute();
      expect(s.complaints).toMatchObject({ complaints: 2, byOutcome: { upheld: 1, overturned: 1, pending: 0 }, overturnRate: 0.5 });
      expect(s.complaints.medianHoursToDecide).toBe(asHours(median(appeals.map((a) => seconds(a.created_at, a.decided_at!)))));
      expect(countsOf(s.complaints.byCategory)).toEqual({ gambling: 2 });

      // Automated means: of three automated decisions, one upheld and one overturned on appeal; of two flags, one confirmed, one dismissed.
      const accuracy = { automatedDecisions: 3, reviewed: 2, confirmed: 1, reversed: 1, errorRate: 0.5, flagged: 2, flagsConfirmed: 1, flagsDismissed: 1, flagPrecision: 0.5 };
      expect(s.automatedMeans).toMatchObject(accuracy);
      expect(s.automatedMeans.byCategory).toEqual([{ category: 'gambling', ...accuracy }]);
      expect(s.automatedMeans.note).toMatch(/not a random sample/);

      // Account actions: the first spam's account: a strike and a warning.
      expect(s.accountActions).toMatchObject({ actions: 1, accounts: 1, strikes: 1, strikesRemoved: 0 });
      expect(countsOf(s.accountActions.byAction)).toEqual({ warning: 1 });

      // The Indonesian view: one on time, one breached; ST1 with a fine; a clarification.
      expect(r.indonesia).toMatchObject({
        ordersReceived: 2,
        targets: 4,
        onTime: 1,
        breached: 1,
        open: 0,
        onTimeRate: 0.5,
        byUrgency: {
          urgent: { orders: 1, onTime: 0, breached: 1, open: 0, onTimeRate: 0, deadlineHours: asHours(CLOCK.urgent) },
          standard: { orders: 1, onTime: 1, breached: 0, open: 0, onTimeRate: 1, deadlineHours: asHours(CLOCK.standard) },
        },
        warnings: { st1: 1, st2: 0, st3: 0 },
        fines: 1,
        finesIdr: 500_000,
        clarifications: 1,
      });
      expect(r.indonesia.byCategory).toEqual([
        { category: 'gambling', orders: 1, onTime: 1, breached: 0, open: 0, onTimeRate: 1 },
        { category: 'hoax', orders: 1, onTime: 0, breached: 1, open: 0, onTimeRate: 0 },
      ]);
      // The same tallies as the signed compliance report of the same period.
      const compliance = (await saring.compliance.report({ from: r.period.start, to: r.period.end }, admin)).report.totals;
      expect({ onTime: r.indonesia.onTime, breached: r.indonesia.breached, finesIdr: r.indonesia.finesIdr }).toEqual({ onTime: compliance.onTime, breached: compliance.breached, finesIdr: compliance.finesIdr });
      expect(r.notes.length).toBeGreaterThan(0);
    });

    it('counts only what falls in the period, by the days of its zone', async () => {
      const day = OLD_DAY;
      const next = OLD_NEXT;
      const utc = await report(`from=${day}&to=${day}&zone=UTC`);
      expect(utc.sections.ownInitiative.decisions).toBe(1);
      expect(utc.sections.automatedMeans.automatedDecisions).toBe(1);
      expect(utc.sections.automatedMeans.reviewed).toBe(0);
      expect(utc.sections.automatedMeans.errorRate).toBeNull();
      expect([utc.sections.orders.orders, utc.sections.notices.notices, utc.sections.complaints.complaints, utc.sections.accountActions.actions, utc.indonesia.ordersReceived]).toEqual([0, 0, 0, 0, 0]);
      expect(utc.sections.notices.medianHoursToAction).toBeNull();
      // 20:00 UTC on the 1st is the 2nd in WIB (the default zone).
      const wib1 = await report(`from=${day}&to=${day}`);
      expect(wib1.period).toMatchObject({ zone: 'WIB', utcOffset: '+07:00', start: new Date(Date.parse(`${day}T00:00:00Z`) - 7 * 3_600_000).toISOString(), end: `${day}T17:00:00.000Z`, days: 1 });
      expect(wib1.sections.ownInitiative.decisions).toBe(0);
      expect((await report(`from=${next}&to=${next}`)).sections.ownInitiative.decisions).toBe(1);
      // A period holding both: today's four and the old one.
      const both = await report(`from=${day}&to=${TODAY()}&zone=UTC`);
      expect(both.sections.ownInitiative.decisions).toBe(6);
      expect(both.sections.automatedMeans.automatedDecisions).toBe(4);
      // How content was found, read from each decision's evidence (decisions stored as such, on a day of their own).
      const item = (await submit('det-1', 'video biasa tujuh')).content.id;
      const at = `${DETECTION_DAY}T06:00:00.000Z`;
      for (const evidence of [[{ source: 'hash', weight: 1 }, { source: 'model', weight: 1 }], [{ source: 'image', weight: 1 }, { source: 'caption', weight: 1 }], [{ source: 'ocr', weight: 1 }], []]) {
        await saring.db
          .insertInto('decisions')
          .values({ content_id: item, actor_type: 'automated', action: 'remove', category: 'csam', automated_detection: true, automated_decision: true, statement: '{}', evidence: JSON.stringify(evidence), created_at: at } as never)
          .execute();
      }
      const detection = await report(`from=${DETECTION_DAY}&to=${DETECTION_DAY}&zone=UTC`);
      expect(countsOf(detection.sections.ownInitiative.byDetection)).toEqual({ hash_match: 1, media_classifier: 1, lexicon: 1, automated_other: 1 });
      expect(countsOf(detection.sections.ownInitiative.byGround)).toEqual({ terms_of_service: 4 });
      expect(both.period.days).toBe(Math.round((Date.parse(TODAY()) - Date.parse(day)) / 86_400_000) + 1);
    });

    it('refuses bad periods with 422 (and malformed dates with 400), and who may not read transparency with 403', async () => {
      const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      for (const query of ['from=2026-11-02&to=2026-11-01', 'from=2025-01-01&to=2026-01-02', `from=${tomorrow}&to=${tomorrow}`]) {
        const res = await get(`/v1/transparency/report?${query}`);
        expect(res.statusCode, query).toBe(422);
        expect(res.json().error.code, query).toBe('invalid_period');
      }
      // 366 days is the most.
      expect((await get('/v1/transparency/report?from=2025-01-01&to=2026-01-01&zone=UTC')).statusCode).toBe(200);
      for (const query of ['from=2026-02-30&to=2026-03-01', 'from=2026-11-01', 'from=01-11-2026&to=2026-11-02', 'from=2026-11-01&to=2026-11-02&zone=CET', 'from=2026-11-01&to=2026-11-02&x=1']) {
        const res = await get(`/v1/transparency/report?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().error.code, query).toBe('validation_failed');
      }
      expect((await get(`/v1/transparency/report?from=${TODAY()}&to=${TODAY()}`, 'mod1')).statusCode).toBe(403);
      expect((await get(`/v1/transparency/report?from=${TODAY()}&to=${TODAY()}`, 'komdigi')).statusCode).toBe(403);
      expect((await get(`/v1/transparency/report?from=${TODAY()}&to=${TODAY()}`, null)).statusCode).toBe(401);
      expect((await get(`/v1/transparency/report?from=${TODAY()}&to=${TODAY()}`, 'admin')).statusCode).toBe(200);
    });

    it('serves the same figures as one flat CSV table', async () => {
      const query = `from=${TODAY()}&to=${TODAY()}&zone=UTC`;
      const json = await report(query);
      const res = await get(`/v1/transparency/report?${query}&format=csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="saring-transparency-report-${TODAY()}-${TODAY()}.csv"`);
      const rows = csvRows(res.body);
      expect(rows[0]).toEqual(['section', 'metric', 'dimension', 'value']);
      expect(rows.every((r) => r.length === 4)).toBe(true);
      const cell = new Map(rows.slice(1).map(([section, metric, dimension, value]) => [`${section}|${metric}|${dimension}`, value]));
      const value = (key: string) => {
        expect(cell.has(key), key).toBe(true);
        const v = cell.get(key)!;
        return v === '' ? null : Number(v);
      };
      // Every figure of the JSON is a line of the CSV.
      let checked = 0;
      const check = (section: string, obj: Record<string, unknown>) => {
        for (const [metric, v] of Object.entries(obj)) {
          if (metric === 'note') continue;
          if (Array.isArray(v)) {
            for (const item of v as Record<string, unknown>[]) {
              if ('key' in item) (expect(value(`${section}|${metric}|${item['key']}`)).toBe(item['count']), checked++);
              else for (const [k, x] of Object.entries(item)) if (k !== 'category') (expect(value(`${section}|${metric}.${k}|${item['category']}`)).toBe(x), checked++);
            }
          } else if (v && typeof v === 'object') {
            for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
              if (x && typeof x === 'object') for (const [k2, y] of Object.entries(x as Record<string, unknown>)) (expect(value(`${section}|${metric}.${k2}|${k}`)).toBe(y), checked++);
              else (expect(value(`${section}|${metric}|${k}`)).toBe(x), checked++);
            }
          } else (expect(value(`${section}|${metric}|`)).toBe(v), checked++);
        }
        expect(cell.get(`${section}|note|`)).toBe(obj['note']);
      };
      for (const [name, s] of Object.entries(json.sections)) check(name, s as unknown as Record<string, unknown>);
      check('indonesia', json.indonesia as unknown as Record<string, unknown>);
      expect(checked).toBeGreaterThan(80);
      // A few by name, as a spreadsheet user would look for them.
      expect(value('ownInitiative|decisions|')).toBe(5);
      expect(value('indonesia|finesIdr|')).toBe(500_000);
      expect(value('indonesia|byUrgency.breached|urgent')).toBe(1);
      expect(value('automatedMeans|byCategory.errorRate|gambling')).toBe(0.5);
      expect(value('orders|medianHoursToInform|')).toBeNull();
      expect(cell.get(`period|from|UTC`)).toBe(TODAY());
      // The notes (the last says when each answer was generated: a moment apart).
      const untimed = (notes: string[]) => notes.map((n) => n.replace(/up to \S+Z\./, 'up to <now>.'));
      expect(untimed(rows.filter((r) => r[0] === 'notes').map((r) => r[3]!))).toEqual(untimed(json.notes));
    });
  });
}
