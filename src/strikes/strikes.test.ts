import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { BACKENDS, testApp } from '../test-support/storage.js';

const TERROR = 'ayo dukung isis, serang para thaghut, cara merakit bom';

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`strikes on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    let mod: Record<string, string>;
    let senior: Record<string, string>;

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      mod = { authorization: `Bearer ${(await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey}`, 'content-type': 'application/json' };
      senior = { authorization: `Bearer ${(await saring.users.create({ name: 'Rina', role: 'senior_moderator' }, 'test')).apiKey}`, 'content-type': 'application/json' };
      await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
    });
    afterAll(() => close?.());

    const item = (externalId: string, account: string) => saring.content.submit({ externalId, kind: 'video', account: { externalId: account }, texts: { caption: 'video masak' } }, 'test');
    const decide = async (externalId: string, body: Record<string, unknown>, headers = mod) => {
      const res = await app.inject({ method: 'POST', url: `/v1/content/${externalId}/decisions`, headers, payload: JSON.stringify({ reason: 'Diperiksa.', ...body }) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const remove = (externalId: string) => decide(externalId, { action: 'remove', category: 'gambling' });
    const account = async (externalId: string) => {
      const res = await app.inject({ url: `/v1/accounts/${externalId}`, headers: { authorization: mod.authorization! } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const sent = async (accountId: string) =>
      (await saring.db.selectFrom('webhook_deliveries').select('payload').where('event_type', '=', 'account.actioned').orderBy('created_at').execute())
        .map((d) => (d.payload as { data: { account: { id: string }; action: string } }).data)
        .filter((d) => d.account.id === accountId);

    it('counts each removal once against the account and takes each threshold’s action once, with its statement of reasons, audit entry and webhook', async () => {
      for (let i = 1; i <= 3; i++) await item(`s-${i}`, 'acct-1');
      await remove('s-1');
      let acct = await account('acct-1');
      expect(acct.standing).toEqual({ points: 1, level: 'warning', activeStrikes: 1 });
      expect(acct.actions.map((a: { action: string }) => a.action)).toEqual(['warning']);
      await remove('s-2');
      // Removing the same item again adds no strike.
      await remove('s-2');
      acct = await account('acct-1');
      expect(acct.standing.points).toBe(2);
      expect(acct.actions.map((a: { action: string }) => a.action)).toEqual(['warning']);
      await remove('s-3');
      acct = await account('acct-1');
      expect(acct.actions.map((a: { action: string }) => a.action)).toEqual(['feature_limit', 'warning']);
      const limit = acct.actions[0];
      expect(limit).toMatchObject({ level: 'feature_limit', points: 3, threshold: 3, until: expect.any(String) });
      expect(Date.parse(limit.until) - Date.parse(limit.createdAt)).toBe(7 * 86_400_000);
      expect(limit.statement.summary.en).toMatch(/^Some features of your account are limited until \d+ \w+ \d{4}\.$/);
      expect(limit.statement.summary.id).toMatch(/^Beberapa fitur akun Anda dibatasi sampai/);
      expect(limit.statement.facts.en).toContain('online gambling (3×)');
      expect(limit.statement.message.id).toContain('banding');
      expect(acct.content).toHaveLength(3);
      expect(acct.decisions).toHaveLength(4);
      expect((await sent(acct.account.id)).map((d) => d.action)).toEqual(['warning', 'feature_limit']);
      const audited = await saring.db.selectFrom('audit_log').select('data').where('action', '=', 'account.actioned').where('subject_id', '=', acct.account.id).execute();
      expect(audited).toHaveLength(2);

      // A terrorism removal weighs 10: straight to the account's closure, one action.
      await saring.content.submit({ externalId: 't-1', kind: 'video', account: { externalId: 'acct-2' }, texts: { caption: TERROR } }, 'test');
      const closed = await account('acct-2');
      expect(closed.standing).toMatchObject({ points: 10, level: 'terminate' });
      expect(closed.actions.map((a: { action: string }) => a.action)).toEqual(['terminate']);
      expect(closed.actions[0].statement.summary.en).toBe('Your account has been closed.');
    });

    it('lets strikes expire: an account whose strikes ran out starts again from a warning', async () => {
      for (let i = 1; i <= 2; i++) await item(`e-${i}`, 'acct-3');
      await remove('e-1');
      expect((await account('acct-3')).actions).toHaveLength(1);
      await sql`UPDATE strikes SET expires_at = now() - interval '1 day' WHERE content_id = (SELECT id FROM content_items WHERE external_id = 'e-1')`.execute(saring.db);
      expect((await account('acct-3')).standing).toEqual({ points: 0, level: null, activeStrikes: 0 });
      await remove('e-2');
      const acct = await account('acct-3');
      expect(acct.standing.points).toBe(1);
      expect(acct.actions.map((a: { action: string }) => a.action)).toEqual(['warning', 'warning']);
      expect(acct.strikes.map((s: { active: boolean }) => s.active)).toEqual([true, false]);
    });

    it('removes the strike of a removal a person reverses, and lifts the action in force it no longer reaches', async () => {
      for (let i = 1; i <= 3; i++) await item(`r-${i}`, 'acct-4');
      for (let i = 1; i <= 3; i++) await remove(`r-${i}`);
      expect((await account('acct-4')).actions[0]).toMatchObject({ action: 'feature_limit' });
      // An automated decision never lifts a removal; a senior moderator restores the item.
      const restore = await decide('r-2', { action: 'allow', reason: 'Keliru.' }, senior);
      const acct = await account('acct-4');
      expect(acct.standing).toEqual({ points: 2, level: 'warning', activeStrikes: 2 });
      expect(acct.strikes.find((s: { externalId: string }) => s.externalId === 'r-2')).toMatchObject({ active: false, removedReason: 'reversed', removedByDecision: restore });
      expect(acct.actions[0]).toMatchObject({ action: 'reinstate', level: 'warning', points: 2, decisionId: restore });
      expect(acct.actions[0].statement.summary.en).toBe('A decision counted against your account was reversed, so the limit on your account’s features is lifted.');
      expect((await sent(acct.account.id)).map((d) => d.action)).toEqual(['warning', 'feature_limit', 'reinstate']);
      // Removed again: the strike counts again, and so does the threshold.
      await remove('r-2');
      expect((await account('acct-4')).actions.map((a: { action: string }) => a.action)).toEqual(['feature_limit', 'reinstate', 'feature_limit', 'warning']);
    });
  });
}
