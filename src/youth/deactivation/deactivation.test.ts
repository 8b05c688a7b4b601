import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createSaring, type Saring } from '../../engine.js';
import { createServer } from '../../server.js';
import { BACKENDS, freshStorage, testConfig } from '../../test-support/storage.js';
import { PHASE_QUEUE } from './deactivation.js';

async function waitFor<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const checkedAt = () => new Date(Date.now() - 60_000).toISOString();
/** A verified age (an ID document's outcome, never the document). */
const verified = (age: number) => ({ method: 'id_document', result: 'pass', age, provider: 'Dukcapil', checkedAt: checkedAt() });

/**
 * Moves the programme's clock on instead of waiting days: the due dates of the accounts in `phase`
 * go into the past, and their queued phase jobs become due now (as the regulator's clock tests move
 * a job's start).
 */
async function moveTime(saring: Saring, phase: 'reverification_requested' | 'transition_notice'): Promise<void> {
  const past = new Date(Date.now() - 1000);
  if (phase === 'reverification_requested') await saring.db.updateTable('youth_deactivation_accounts').set({ verify_by: past }).where('phase', '=', phase).execute();
  else await saring.db.updateTable('youth_deactivation_accounts').set({ deactivate_on: past }).where('phase', '=', phase).execute();
  await sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${PHASE_QUEUE} AND state IN ('created', 'retry')`.execute(saring.db);
}

async function phases(saring: Saring): Promise<Record<string, string>> {
  const { accounts } = await saring.youth.deactivation.accounts({ limit: 500 });
  return Object.fromEntries(accounts.map((a) => [a.externalId, a.phase]));
}

async function webhooks(saring: Saring, type: string): Promise<Record<string, unknown>[]> {
  const rows = await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', type).orderBy('created_at').execute();
  return rows.map((r) => (r.payload as { data: Record<string, unknown> }).data);
}

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`the under-16 deactivation programme on ${label}`, () => {
    const toClose: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of toClose.reverse()) await c();
    });

    it('finds the accounts per reason (a dry run stores nothing), starts a plan once, and a second plan takes no account again', async () => {
      const storage = await freshStorage(backend);
      toClose.push(() => storage.close());
      const saring = await createSaring(testConfig({ workers: false }), { storage });
      toClose.push(() => saring.close());
      await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
      const age = saring.youth.age;
      await age.set('kid-14', { declaredAge: 14 }, 'test');
      await age.set('kid-10', { declaredAge: 10 }, 'test');
      await age.set('teen-17', { declaredAge: 17 }, 'test');
      await age.set('old-declared-25', { declaredAge: 25 }, 'test');
      await age.set('old-verified-25', { declaredAge: 25 }, 'test');
      await age.addCheck('old-verified-25', verified(25), 'test');
      await age.set('new-declared-30', { declaredAge: 30 }, 'test');
      // Two years old: older than youth.deactivation.unverifiedAccountDays (365).
      await sql`UPDATE accounts SET created_at = now() - interval '2 years' WHERE external_id IN ('old-declared-25', 'old-verified-25')`.execute(saring.db);
      // An underage signal: an open age review of kind underage_signal (what the text signals open).
      await saring.content.submit({ externalId: 'bio-1', kind: 'profile', account: { externalId: 'signal-acc' }, texts: { bio: 'halo aku rara, umurku 12 tahun, kelas 6 SD' } } as never, 'test');
      const signalCase = await saring.db
        .selectFrom('age_cases')
        .innerJoin('accounts', 'accounts.id', 'age_cases.account_id')
        .select('age_cases.status')
        .where('accounts.external_id', '=', 'signal-acc')
        .where('age_cases.kind', '=', 'underage_signal')
        .executeTakeFirst();
      expect(signalCase?.status).toBe('open');

      const dry = await saring.youth.deactivation.plan({ dryRun: true }, 'test');
      expect(dry).toMatchObject({ dryRun: true, plan: null, preview: { found: { declared_under_minimum: 2, underage_signal: 1, unverified_old_account: 1 }, accounts: 4, remaining: 0, alreadyInProgramme: 0 } });
      expect(dry.preview.settings).toMatchObject({ minimumAge: 16, verificationDays: 14, noticeDays: 14, unverifiedAccountDays: 365 });
      expect(await saring.db.selectFrom('youth_deactivation_plans').select('id').execute()).toEqual([]);
      // Only some reasons, and a limit.
      const some = await saring.youth.deactivation.plan({ dryRun: true, reasons: ['declared_under_minimum'], limit: 1 }, 'test');
      expect(some.preview).toMatchObject({ found: { declared_under_minimum: 2, underage_signal: 0, unverified_old_account: 0 }, accounts: 1, remaining: 1 });

      const started = await saring.youth.deactivation.plan({ note: 'Tahap 1' }, 'cli:ops');
      expect(started.plan).toMatchObject({ accounts: 4, note: 'Tahap 1', createdBy: 'cli:ops', phases: { reverification_requested: 4, transition_notice: 0, deactivated: 0, cleared: 0 } });
      const plan = started.plan!;
      expect(Date.parse(plan.verifyBy) - Date.parse(plan.createdAt)).toBe(14 * 86_400_000);
      expect(Date.parse(plan.deactivateFrom) - Date.parse(plan.verifyBy)).toBe(14 * 86_400_000);
      expect(await phases(saring)).toEqual({ 'kid-14': 'reverification_requested', 'kid-10': 'reverification_requested', 'old-declared-25': 'reverification_requested', 'signal-acc': 'reverification_requested' });
      expect(plan.requestsPending).toBe(0);
      const { accounts } = await saring.youth.deactivation.accounts({ plan: plan.id });
      const kid = accounts.find((a) => a.externalId === 'kid-14')!;
      expect(kid).toMatchObject({ reasons: ['declared_under_minimum'], deactivateOn: null });
      // Due 14 days after its request was sent (a moment after the plan started).
      expect(Date.parse(kid.verifyBy) - Date.parse(kid.requestedAt!)).toBe(14 * 86_400_000);
      expect(Date.parse(kid.requestedAt!) - Date.parse(plan.createdAt)).toBeLessThan(30_000);
      const requested = await webhooks(saring, 'youth.reverification_requested');
      expect(requested.map((d) => (d.account as { externalId: string }).externalId).sort()).toEqual(['kid-10', 'kid-14', 'old-declared-25', 'signal-acc']);
      expect(requested.find((d) => (d.account as { externalId: string }).externalId === 'kid-14')).toMatchObject({ planId: plan.id, verifyBy: kid.verifyBy });
      // While re-verification is requested, the account's status says so (the old self-declared adult included).
      expect((await age.eligibility('old-declared-25')).status).toBe('pending_verification');
      // Each account has its phase job, due when its re-verification is.
      const jobs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${PHASE_QUEUE} AND state = 'created' AND start_after >= ${new Date(Date.parse(plan.verifyBy) - 1000)}`.execute(saring.db);
      expect(jobs.rows[0]!.n).toBe(4);

      // The same plan again: nothing new, nothing stored.
      const again = await saring.youth.deactivation.plan({}, 'test');
      expect(again).toMatchObject({ dryRun: false, plan: null, preview: { accounts: 0, alreadyInProgramme: 4 } });
      expect(await saring.db.selectFrom('youth_deactivation_plans').select('id').execute()).toHaveLength(1);
      expect(await saring.db.selectFrom('youth_deactivation_accounts').select('id').execute()).toHaveLength(4);
      expect(await webhooks(saring, 'youth.reverification_requested')).toHaveLength(4);
      const audit = await saring.db.selectFrom('audit_log').select(['action']).where('action', 'like', 'youth.deactivation.%').execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['youth.deactivation.plan_started', ...Array(4).fill('youth.deactivation.reverification_requested')]);
    }, 60_000);

    it('runs each account through notice and deactivation by jobs that resume across restarts; a verification at or over 16 clears it in any phase', async () => {
      const storage = await freshStorage(backend);
      toClose.push(() => storage.close());
      const config = testConfig({ workers: true, jobPollSeconds: 0.5 });
      let saring: Saring = await createSaring(config, { storage });
      await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
      for (const [id, years] of [['p-1', 14], ['p-2', 13], ['p-3', 15]] as const) await saring.youth.age.set(id, { declaredAge: years }, 'test');
      const { plan } = await saring.youth.deactivation.plan({}, 'test');
      expect(plan!.accounts).toBe(3);
      // p-3 shows an ID document of a 16-year-old while its re-verification is requested: cleared.
      await saring.youth.age.addCheck('p-3', verified(16), 'test');
      expect((await phases(saring))['p-3']).toBe('cleared');

      // The engine stops with the re-verification still running; its time runs out while it is down.
      await saring.close();
      await new Promise((r) => setTimeout(r, 50));
      const reopened = await createSaring(config, { storage });
      saring = reopened;
      toClose.push(() => reopened.close());
      await moveTime(saring, 'reverification_requested');
      const noticed = await waitFor('the transition notices', () => phases(saring), (p) => p['p-1'] === 'transition_notice' && p['p-2'] === 'transition_notice');
      expect(noticed['p-3']).toBe('cleared');
      const notices = await webhooks(saring, 'youth.transition_notice');
      expect(notices).toHaveLength(2);
      const listed = (await saring.youth.deactivation.accounts({ phase: 'transition_notice' })).accounts;
      for (const a of listed) {
        expect(Date.parse(a.deactivateOn!) - Date.parse(a.noticeAt!)).toBe(14 * 86_400_000);
        const notice = notices.find((n) => (n.account as { externalId: string }).externalId === a.externalId)!;
        expect(notice).toMatchObject({ planId: plan!.id, deactivateOn: a.deactivateOn, dataExport: { offered: true, availableUntil: a.deactivateOn } });
      }
      // p-2 verifies as 17 during its notice: cleared from the notice.
      await saring.youth.age.addCheck('p-2', verified(17), 'test');

      // Stopped again in the middle of the notice; it runs out while the engine is down.
      await saring.close();
      const third = await createSaring(config, { storage });
      saring = third;
      toClose.push(() => third.close());
      await moveTime(saring, 'transition_notice');
      await waitFor('the deactivation', () => phases(saring), (p) => p['p-1'] === 'deactivated');
      await saring.jobs.drain([PHASE_QUEUE], 20_000);
      expect(await phases(saring)).toEqual({ 'p-1': 'deactivated', 'p-2': 'cleared', 'p-3': 'cleared' });
      const eligibility = await saring.youth.age.eligibility('p-1');
      expect(eligibility.status).toBe('not_allowed');
      expect(eligibility.reasons).toContain('deactivated');
      expect(await webhooks(saring, 'youth.deactivated')).toEqual([expect.objectContaining({ account: { externalId: 'p-1' }, planId: plan!.id })]);
      expect((await webhooks(saring, 'youth.cleared')).map((d) => [(d.account as { externalId: string }).externalId, d.clearedFrom])).toEqual([
        ['p-3', 'reverification_requested'],
        ['p-2', 'transition_notice'],
      ]);

      // Idempotent: a phase job run again, or a catch-up, changes nothing and sends nothing twice.
      const entry = (await saring.youth.deactivation.accounts({ phase: 'deactivated' })).accounts[0]!;
      await saring.jobs.send(PHASE_QUEUE, { entryId: entry.id });
      await saring.jobs.drain([PHASE_QUEUE], 20_000);
      expect(await saring.youth.deactivation.advanceDue()).toBe(0);
      expect(await webhooks(saring, 'youth.deactivated')).toHaveLength(1);
      expect(await webhooks(saring, 'youth.transition_notice')).toHaveLength(2);

      const p1 = await saring.db.selectFrom('audit_log').select('action').where('subject_id', '=', entry.accountId).where('action', 'like', 'youth.deactivation.%').orderBy('seq').execute();
      expect(p1.map((a) => a.action)).toEqual(['youth.deactivation.reverification_requested', 'youth.deactivation.transition_notice', 'youth.deactivation.deactivated']);
      expect(await saring.youth.deactivation.get(plan!.id)).toMatchObject({ phases: { reverification_requested: 0, transition_notice: 0, deactivated: 1, cleared: 2 } });
      expect(await saring.youth.deactivation.summary()).toMatchObject({
        plans: 1,
        accounts: 3,
        phases: { reverification_requested: 0, transition_notice: 0, deactivated: 1, cleared: 2 },
        reasons: { declared_under_minimum: 3, underage_signal: 0, unverified_old_account: 0 },
        clearedFrom: { reverification_requested: 1, transition_notice: 1, deactivated: 0 },
      });
    }, 90_000);

    it('sends a large plan’s re-verification requests in the background, and a restart before they went out resumes them', async () => {
      const storage = await freshStorage(backend);
      toClose.push(() => storage.close());
      let saring: Saring = await createSaring(testConfig({ workers: false }), { storage });
      await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
      const ids = Array.from({ length: 12 }, (_, i) => `bg-${i}`);
      for (const id of ids) await saring.youth.age.set(id, { declaredAge: 13 }, 'test');
      const { plan } = await saring.youth.deactivation.plan({}, 'cli:ops', { background: true });
      // Stored, not yet requested: no webhook, no phase job; the accounts are held already.
      expect(plan).toMatchObject({ accounts: 12, requestsPending: 12, phases: { reverification_requested: 12 } });
      expect(await webhooks(saring, 'youth.reverification_requested')).toEqual([]);
      expect((await saring.youth.age.eligibility('bg-3')).status).toBe('pending_verification');
      expect(await saring.youth.deactivation.advanceDue()).toBe(0);
      // The engine stops before its worker sent them; the next one with workers does.
      await saring.close();
      const reopened = await createSaring(testConfig({ workers: true, jobPollSeconds: 0.5 }), { storage });
      saring = reopened;
      toClose.push(() => reopened.close());
      await waitFor('the requests', () => saring.youth.deactivation.get(plan!.id), (p) => p.requestsPending === 0);
      const sent = await webhooks(saring, 'youth.reverification_requested');
      expect(sent.map((d) => (d.account as { externalId: string }).externalId).sort()).toEqual([...ids].sort());
      const audit = await saring.db.selectFrom('audit_log').select(['actor']).where('action', '=', 'youth.deactivation.reverification_requested').execute();
      expect(audit).toHaveLength(12);
      expect(new Set(audit.map((a) => a.actor))).toEqual(new Set(['cli:ops']));
      const phaseJobs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${PHASE_QUEUE} AND state = 'created'`.execute(saring.db);
      expect(phaseJobs.rows[0]!.n).toBe(12);
    }, 60_000);

    it('answers each role as its permissions say: the operator plans and sees accounts; regulators and auditors read counts only', async () => {
      const storage = await freshStorage(backend);
      toClose.push(() => storage.close());
      const saring = await createSaring(testConfig({ workers: false }), { storage });
      const app = await createServer(saring);
      toClose.push(async () => {
        await app.close();
        await saring.close();
      });
      const keys: Record<string, string> = { admin: saring.bootstrap.adminKey! };
      for (const [who, role, org] of [['senior', 'senior_moderator'], ['mod', 'moderator'], ['regulator', 'regulator', 'komdigi'], ['partner', 'partner', 'kpai'], ['auditor', 'auditor']] as const) {
        keys[who] = (await saring.users.create({ name: who, role, ...(org ? { org } : {}) }, 'test')).apiKey;
      }
      await saring.youth.age.set('route-kid', { declaredAge: 14 }, 'test');
      const call = (method: 'GET' | 'POST', url: string, who: string, body?: unknown) =>
        app.inject({ method, url, headers: { authorization: `Bearer ${keys[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });

      // Bad input: a clear error, nothing stored.
      expect((await call('POST', '/v1/youth/deactivation/plans', 'admin', { reasons: ['looks_young'] })).json().error.code).toBe('validation_failed');
      expect((await call('POST', '/v1/youth/deactivation/plans', 'admin', { reasons: [] })).statusCode).toBe(400);
      expect((await call('POST', '/v1/youth/deactivation/plans', 'admin', { limit: 0 })).statusCode).toBe(400);
      expect((await call('GET', '/v1/youth/deactivation/plans/not-a-plan', 'admin')).statusCode).toBe(404);
      expect(await saring.db.selectFrom('youth_deactivation_plans').select('id').execute()).toEqual([]);

      const dry = await call('POST', '/v1/youth/deactivation/plans', 'admin', { dryRun: true });
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({ plan: null, preview: { accounts: 1 } });
      const started = await call('POST', '/v1/youth/deactivation/plans', 'admin', {});
      expect(started.statusCode).toBe(201);
      const planId = started.json().plan.id as string;
      expect((await call('POST', '/v1/youth/deactivation/plans', 'admin', {})).statusCode).toBe(200);
      expect((await call('GET', `/v1/youth/deactivation/plans/${planId}`, 'admin')).json()).toMatchObject({ id: planId, phases: { reverification_requested: 1 } });
      expect((await call('GET', '/v1/youth/deactivation/plans', 'admin')).json().plans).toHaveLength(1);
      expect((await call('GET', '/v1/youth/deactivation/accounts?phase=reverification_requested', 'admin')).json().accounts[0]).toMatchObject({ externalId: 'route-kid' });

      for (const who of ['senior', 'mod', 'regulator', 'partner', 'auditor']) {
        expect((await call('POST', '/v1/youth/deactivation/plans', who, { reasons: 'bad' })).statusCode, who).toBe(403);
        expect((await call('GET', '/v1/youth/deactivation/plans', who)).statusCode, who).toBe(403);
        expect((await call('GET', `/v1/youth/deactivation/plans/${planId}`, who)).statusCode, who).toBe(403);
        expect((await call('GET', '/v1/youth/deactivation/accounts', who)).statusCode, who).toBe(403);
      }
      for (const who of ['admin', 'regulator', 'auditor']) {
        const res = await call('GET', '/v1/youth/deactivation/summary', who);
        expect(res.statusCode, who).toBe(200);
        expect(res.json()).toMatchObject({ plans: 1, accounts: 1, phases: { reverification_requested: 1 } });
        // Figures only: no account, no plan id.
        expect(res.body).not.toContain('route-kid');
        expect(res.body).not.toContain(planId);
      }
      for (const who of ['senior', 'mod', 'partner']) expect((await call('GET', '/v1/youth/deactivation/summary', who)).statusCode, who).toBe(403);
      expect((await app.inject({ url: '/v1/youth/deactivation/summary' })).statusCode).toBe(401);
    }, 60_000);
  });
}
