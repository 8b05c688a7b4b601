import { afterAll, describe, expect, it } from 'vitest';
import type { Principal } from '../access/auth.js';
import { createSaring, type Saring } from '../engine.js';
import { BACKENDS, freshStorage, testConfig } from '../test-support/storage.js';

/** Short clocks (the config knob `orderClockSeconds`) instead of hours: 50 %, 80 % and 100 % fall a few seconds apart. */
const CLOCK = { standard: 12, urgent: 4 };

async function waitFor<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`regulator clocks on ${label}`, () => {
    const toClose: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of toClose.reverse()) await c();
    });

    it('sends reminders at 50 %, 80 % and 100 % and records the missed deadline, across a restart in the middle of the clock; an order carried out in time gets none', async () => {
      const storage = await freshStorage(backend);
      toClose.push(() => storage.close());
      const config = testConfig({ orderClockSeconds: CLOCK, workers: true, jobPollSeconds: 0.5 });
      let saring: Saring = await createSaring(config, { storage });
      const officer = (await saring.users.create({ name: 'Officer', role: 'regulator', org: 'komdigi' }, 'test')).apiKey;
      const admin = saring.bootstrap.adminKey!;
      await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
      await saring.regulator.setLiaison('komdigi', { name: 'Budi', email: 'budi@platform.example' }, 'test');
      const late = (await saring.content.submit({ externalId: 'late-1', kind: 'video', texts: { caption: 'video biasa' } }, 'test')).content.id;
      const kept = (await saring.content.submit({ externalId: 'kept-1', kind: 'video', texts: { caption: 'video biasa' } }, 'test')).content.id;
      const principal: Principal = await saring.users.authenticate(officer);
      const base = { category: 'gambling', legalBasis: 'UU ITE Pasal 27 ayat (2)' };
      const { order } = await saring.regulator.submit({ ...base, orderNumber: 'CLK-1', targets: [{ contentId: late }] }, principal);
      const { order: inTime } = await saring.regulator.submit({ ...base, orderNumber: 'CLK-2', targets: [{ contentId: kept }] }, principal);
      expect(new Date(order.dueAt).getTime() - new Date(order.receivedAt).getTime()).toBe(CLOCK.standard * 1000);
      // The engine stops before the first reminder is due, and a new one starts on the same database.
      await saring.close();
      expect(Date.now()).toBeLessThan(new Date(order.receivedAt).getTime() + CLOCK.standard * 500);
      saring = await createSaring(config, { storage });
      toClose.push(() => saring.close());
      const adminPrincipal = await saring.users.authenticate(admin);
      // Carried out in time: the second order's content is removed before its first reminder.
      await saring.decisions.decide(kept, { action: 'remove', category: 'gambling', reason: 'Perintah CLK-2.' }, adminPrincipal);

      const done = await waitFor(
        'the missed deadline',
        () => saring.regulator.get(order.id, principal),
        (o) => o.breachedAt !== null,
      );
      expect(done).toMatchObject({ status: 'overdue', reminders: [50, 80, 100] });
      expect(new Date(done.breachedAt!).getTime()).toBeGreaterThanOrEqual(new Date(order.dueAt).getTime());
      const mails = await saring.db.selectFrom('mail_outbox').select(['kind', 'subject', 'to_address', 'ref']).orderBy('created_at').execute();
      expect(mails.filter((m) => m.ref === order.id).map((m) => m.kind)).toEqual(['order.received', 'order.reminder', 'order.reminder', 'order.reminder']);
      expect(mails.filter((m) => m.ref === order.id).at(-1)!.subject).toContain('TERLAMBAT');
      expect(mails.every((m) => m.to_address === 'budi@platform.example')).toBe(true);
      const reminders = (await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', 'order.reminder').orderBy('created_at').execute()).map(
        (d) => (d.payload as { data: { order: { id: string }; percent: number; breached: boolean } }).data,
      );
      expect(reminders.filter((r) => r.order.id === order.id).map((r) => [r.percent, r.breached])).toEqual([
        [50, false],
        [80, false],
        [100, true],
      ]);
      expect(reminders.some((r) => r.order.id === inTime.id)).toBe(false);
      const audit = await saring.db.selectFrom('audit_log').select(['action', 'data']).where('subject_id', '=', order.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['order.received', 'order.reminder', 'order.reminder', 'order.breached']);

      // The order carried out in time: completed, no reminder, no breach (its clock jobs ran and found nothing pending).
      await saring.jobs.drain(['regulator.clock'], 20_000);
      const ok = await saring.regulator.get(inTime.id, principal);
      expect(ok).toMatchObject({ status: 'completed', reminders: [], breachedAt: null });
      expect(mails.filter((m) => m.ref === inTime.id).map((m) => m.kind)).toEqual(['order.received']);
    }, 60_000);

    it('leaves out a reminder that comes late because the engine was down past a later one: the later one says more', async () => {
      const storage = await freshStorage(backend);
      toClose.push(() => storage.close());
      const config = testConfig({ orderClockSeconds: { standard: 10, urgent: 10 }, workers: true, jobPollSeconds: 0.5 });
      let saring: Saring = await createSaring(config, { storage });
      const officer = (await saring.users.create({ name: 'Officer', role: 'regulator', org: 'polri' }, 'test')).apiKey;
      await saring.content.submit({ externalId: 'down-1', kind: 'video', texts: { caption: 'video biasa' } }, 'test');
      const principal = await saring.users.authenticate(officer);
      const { order } = await saring.regulator.submit({ category: 'hoax', legalBasis: 'UU ITE Pasal 28', orderNumber: 'DOWN-1', targets: [{ externalId: 'down-1' }] }, principal);
      await saring.close();
      // Down until past 80 % of the time.
      await new Promise((r) => setTimeout(r, Math.max(0, new Date(order.receivedAt).getTime() + 8_300 - Date.now())));
      saring = await createSaring(config, { storage });
      toClose.push(() => saring.close());
      const done = await waitFor('the missed deadline', () => saring.regulator.get(order.id, principal), (o) => o.breachedAt !== null);
      expect(done.reminders).not.toContain(50);
      expect(done.reminders.at(-1)).toBe(100);
      await saring.jobs.drain(['regulator.clock'], 20_000);
      expect((await saring.regulator.get(order.id, principal)).reminders).toEqual(done.reminders);
      const sent = await saring.db.selectFrom('audit_log').select('action').where('subject_id', '=', order.id).where('action', 'in', ['order.reminder', 'order.breached']).execute();
      expect(sent).toHaveLength(done.reminders.length);
    }, 60_000);

    it('runs a request for information on the same clock: reminders and a missed deadline while unanswered (a removal does not answer it), none once answered', async () => {
      const storage = await freshStorage(backend);
      toClose.push(() => storage.close());
      const saring = await createSaring(testConfig({ orderClockSeconds: { standard: 4, urgent: 4 }, workers: true, jobPollSeconds: 0.5 }), { storage });
      toClose.push(() => saring.close());
      const officer = await saring.users.authenticate((await saring.users.create({ name: 'Officer', role: 'regulator', org: 'komdigi' }, 'test')).apiKey);
      const admin = await saring.users.authenticate(saring.bootstrap.adminKey!);
      const id = (await saring.content.submit({ externalId: 'info-clock-1', kind: 'video', texts: { caption: 'video biasa' } }, 'test')).content.id;
      const base = { category: 'fraud', legalBasis: 'UU ITE Pasal 28', requestedAction: 'information', targets: [{ contentId: id }] };
      const { order: late } = await saring.regulator.submit({ ...base, orderNumber: 'INFO-CLK-1' }, officer);
      const { order: answered } = await saring.regulator.submit({ ...base, orderNumber: 'INFO-CLK-2' }, officer);
      await saring.decisions.decide(id, { action: 'remove', category: 'fraud', reason: 'Penipuan.' }, admin);
      await saring.regulator.answerInformation(answered.id, { note: 'Akun pengunggah terlampir.' }, admin);
      const done = await waitFor('the missed deadline', () => saring.regulator.get(late.id, officer), (o) => o.breachedAt !== null);
      expect(done).toMatchObject({ status: 'overdue', reminders: [50, 80, 100], answer: null, counts: { pending: 1 } });
      await saring.jobs.drain(['regulator.clock'], 20_000);
      expect(await saring.regulator.get(answered.id, officer)).toMatchObject({ status: 'completed', reminders: [], breachedAt: null, counts: { answered: 1, pending: 0 } });
    }, 60_000);
  });
}
