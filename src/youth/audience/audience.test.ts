import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../../engine.js';
import type { App } from '../../http/app.js';
import { BACKENDS, testApp } from '../../test-support/storage.js';
import { MAX_AUDIENCE_IDS, programmeBandsOf } from './audience.js';

type Who = 'admin' | 'moderator' | 'partner' | 'regulator' | 'auditor' | 'kemen';

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`audience filter on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    const keys = {} as Record<Who, string>;
    /** Saring ids of the content made in beforeAll, by name. */
    const ids = {} as Record<string, string>;

    const send = (url: string, body: unknown, who: Who = 'admin', method: 'POST' | 'PUT' = 'POST') =>
      app.inject({ method, url, headers: { authorization: `Bearer ${keys[who]}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const filter = async (account: string, list: string[], who: Who = 'moderator') => {
      const res = await send('/v1/audience/filter', { account, ids: list }, who);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { visible: string[]; hidden: { id: string; reason: string }[] };
    };
    const setAge = async (account: string, body: unknown) => expect((await send(`/v1/accounts/${account}/age`, body, 'admin', 'PUT')).statusCode).toBe(200);
    const decide = async (id: string, action: string, category: string) =>
      expect((await send(`/v1/content/${id}/decisions`, { action, category, reason: 'test' })).statusCode).toBe(201);

    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
      keys.admin = saring.adminKey;
      const person = async (name: string, role: 'partner' | 'regulator' | 'moderator' | 'auditor', org?: string) =>
        (await saring.users.create({ name, role, ...(org ? { org } : {}) }, 'test')).apiKey;
      keys.moderator = await person('Dewi', 'moderator');
      keys.partner = await person('Ani (KPAI)', 'partner', 'KPAI');
      keys.kemen = await person('Citra (KemenPPPA)', 'partner', 'KemenPPPA');
      keys.regulator = await person('Officer', 'regulator', 'komdigi');
      keys.auditor = await person('Eka', 'auditor');
      const submit = async (name: string, extra: Record<string, unknown> = {}) => {
        ids[name] = (await saring.content.submit({ externalId: `ext-${name}`, kind: 'video', texts: { caption: 'Belajar menghitung pecahan dengan kue' }, ...extra }, 'test')).content.id;
      };
      for (const name of ['plain', 'r16', 'r18', 'removed', 'held', 'cat10', 'cat13']) await submit(name);
      await submit('adult', { audience: 'adult' });
      await submit('kids', { audience: 'children' });
      await decide(ids.r16!, 'restrict_16', 'violence');
      await decide(ids.r18!, 'restrict_18', 'pornography');
      await decide(ids.removed!, 'remove', 'gambling');
      // A hold comes from a review of severe content; the filter only reads the status.
      await saring.db.updateTable('content_items').set({ status: 'held' }).where('id', '=', ids.held!).execute();
      for (const [name, band] of [['cat10', '10_12'], ['cat13', '13_15']] as const) {
        const nominated = await send('/v1/programme/nominations', { externalId: `ext-${name}`, band, topic: 'mathematics' }, 'partner');
        expect(nominated.statusCode, nominated.body).toBe(201);
        const approved = await send(`/v1/programme/nominations/${nominated.json().id}/approve`, { reason: 'Sesuai kurikulum.' }, 'kemen');
        expect(approved.json().status, approved.body).toBe('catalogued');
      }
      await setAge('adult-1', { declaredAge: 30 });
      await setAge('teen-17', { declaredAge: 17 });
      await setAge('teen-14', { declaredAge: 14 });
      await setAge('child-11', { declaredAge: 11 });
    });
    afterAll(() => close?.());

    const all = () => Object.keys(ids).map((k) => ids[k]!);
    const hiddenMap = (r: { hidden: { id: string; reason: string }[] }) => Object.fromEntries(r.hidden.map((h) => [h.id, h.reason]));

    it('shows an adult everything that is not removed or held, and names unknown ids', async () => {
      const r = await filter('adult-1', [...all(), 'no-such-content', '00000000-0000-4000-8000-000000000000']);
      expect(r.visible).toEqual(['plain', 'r16', 'r18', 'cat10', 'cat13', 'adult', 'kids'].map((k) => ids[k]));
      expect(hiddenMap(r)).toEqual({ [ids.removed!]: 'removed', [ids.held!]: 'held', 'no-such-content': 'unknown', '00000000-0000-4000-8000-000000000000': 'unknown' });
    });

    it('hides content above a 16–17-year-old’s feature age (restrict_18, adult audience) but not restrict_16', async () => {
      const r = await filter('teen-17', all());
      expect(r.visible).toEqual(['plain', 'r16', 'cat10', 'cat13', 'kids'].map((k) => ids[k]));
      expect(hiddenMap(r)).toMatchObject({ [ids.r18!]: 'restrict_18', [ids.adult!]: 'adult_audience', [ids.removed!]: 'removed', [ids.held!]: 'held' });
    });

    it('shows an account under the minimum age only the catalogue items of its band', async () => {
      const teen = await filter('teen-14', all());
      expect(teen.visible).toEqual([ids.cat13]);
      expect(hiddenMap(teen)).toMatchObject({ [ids.plain!]: 'not_in_catalogue', [ids.cat10!]: 'not_in_catalogue', [ids.kids!]: 'not_in_catalogue', [ids.removed!]: 'removed' });
      const child = await filter('child-11', all());
      expect(child.visible).toEqual([ids.cat10]);
    });

    it('treats an account without an age record as age unknown: restricted and adult content hidden', async () => {
      const r = await filter('never-seen', all());
      expect(r.visible).toEqual(['plain', 'cat10', 'cat13', 'kids'].map((k) => ids[k]));
      expect(hiddenMap(r)).toMatchObject({ [ids.r16!]: 'restrict_16', [ids.r18!]: 'restrict_18', [ids.adult!]: 'adult_audience' });
    });

    it('takes the platform’s ids and Saring’s ids in one list, answering each as sent', async () => {
      const r = await filter('adult-1', ['ext-plain', ids.plain!.toUpperCase(), 'ext-removed', 'ext-plain']);
      expect(r.visible).toEqual(['ext-plain', ids.plain!.toUpperCase(), 'ext-plain']);
      expect(r.hidden).toEqual([{ id: 'ext-removed', reason: 'removed' }]);
    });

    it('answers 10,000 ids in one call and refuses 10,001 with 422', async () => {
      const many = Array.from({ length: MAX_AUDIENCE_IDS }, (_, i) => (i % 2 ? `ext-plain` : `missing-${i}`));
      const ok = await filter('adult-1', many);
      expect(ok.visible.length + ok.hidden.length).toBe(MAX_AUDIENCE_IDS);
      const res = await send('/v1/audience/filter', { account: 'adult-1', ids: [...many, 'one-more'] }, 'moderator');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('too_many_targets');
    });

    it('refuses bad input with a clear error', async () => {
      const raw = await app.inject({ method: 'POST', url: '/v1/audience/filter', headers: { authorization: `Bearer ${keys.moderator}`, 'content-type': 'application/json' }, payload: '{"account": "a", "ids": [' });
      expect(raw.statusCode).toBe(400);
      for (const body of [{ ids: ['x'] }, { account: 'a' }, { account: 'a', ids: [1] }, { account: 'a', ids: ['x'], extra: true }, { account: '', ids: [] }]) {
        const res = await send('/v1/audience/filter', body, 'moderator');
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
      }
    });

    it('is open to roles with eligibility:read only (partners and regulators get 403, no key 401)', async () => {
      const body = { account: 'adult-1', ids: [ids.plain] };
      for (const who of ['admin', 'moderator'] as const) expect((await send('/v1/audience/filter', body, who)).statusCode).toBe(200);
      for (const who of ['partner', 'regulator', 'auditor'] as const) {
        const res = await send('/v1/audience/filter', body, who);
        expect(res.statusCode, who).toBe(403);
      }
      expect((await app.inject({ method: 'POST', url: '/v1/audience/filter', payload: body })).statusCode).toBe(401);
      // Authentication comes before validation: a partner's bad body is still 403.
      expect((await send('/v1/audience/filter', { nonsense: true }, 'partner')).statusCode).toBe(403);
    });
  });
}

describe('programmeBandsOf', () => {
  const record = (band: string, age: number | null) => ({ band, age }) as Parameters<typeof programmeBandsOf>[0];
  it('uses the exact age when kept, else every PP Tunas band the age band covers', () => {
    expect(programmeBandsOf(record('under_13', 7))).toEqual(['6_9']);
    expect(programmeBandsOf(record('under_13', null))).toEqual(['3_5', '6_9', '10_12']);
    expect(programmeBandsOf(record('13_15', null))).toEqual(['13_15']);
    expect(programmeBandsOf(record('unknown', null))).toEqual([]);
    expect(programmeBandsOf(null)).toEqual([]);
  });
});
