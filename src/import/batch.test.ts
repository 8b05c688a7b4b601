import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, testApp } from '../test-support/storage.js';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';

const SPAM = 'SLOT GACOR maxwin depo 10rb WD cepat bosku, daftar di gacor88';

describe.each(BACKENDS)('POST /v1/content/batch on $label', ({ backend, skip }) => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let auth: Record<string, string>;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    if (skip) return;
    ({ saring, app, auth, close } = await testApp(backend));
  });
  afterAll(() => close());

  const post = (body: unknown, headers: Record<string, string> = auth) =>
    app.inject({ method: 'POST', url: '/v1/content/batch', headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

  it.skipIf(skip)('authenticates before it validates: no key 401, a role without scan 403, nothing stored', async () => {
    const items = [{ externalId: 'auth-1', kind: 'text', texts: { text: 'halo' } }];
    expect((await post({ items }, {})).statusCode).toBe(401);
    expect((await post({ nonsense: true }, {})).statusCode).toBe(401);
    const auditor = (await saring.users.create({ name: 'Auditor', role: 'auditor' }, 'test')).apiKey;
    const refused = await post({ items }, { authorization: `Bearer ${auditor}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    await expect(saring.content.get('auth-1')).rejects.toThrow(/does not exist/);
    const moderator = (await saring.users.create({ name: 'Mod', role: 'moderator' }, 'test')).apiKey;
    expect((await post({ items }, { authorization: `Bearer ${moderator}` })).statusCode).toBe(200);
  });

  it.skipIf(skip)('answers one result per item in order; a bad item is reported and the others stored; postedAt kept', async () => {
    const res = await post({
      items: [
        { externalId: 'http-1', kind: 'video', texts: { caption: 'Resep soto ayam' }, createdAt: '2024-03-01T08:00:00+07:00' },
        { externalId: 'http-2', kind: 'video', texts: { caption: 'x' }, createdAt: 'yesterday' },
        { externalId: 'http-3', kind: 'comment', texts: { comment: SPAM } },
        { externalId: 'http-4', kind: 'text', texts: { text: 'ok' }, extra: 1 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ ok: 2, failed: 2 });
    expect(body.results.map((r: { index: number; ok: boolean }) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(body.results[0]).toMatchObject({ externalId: 'http-1', created: true, scanned: true, status: 'active', action: 'allow' });
    expect(body.results[1].error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/createdAt/) });
    expect(body.results[2].action).not.toBe('allow');
    expect(body.results[3].error.code).toBe('validation_failed');
    const item = (await app.inject({ url: '/v1/content/http-1', headers: auth })).json();
    expect(item.postedAt).toBe('2024-03-01T01:00:00.000Z');
    const spam = (await app.inject({ url: '/v1/content/http-3', headers: auth })).json();
    expect(spam.status).toBe(body.results[2].status);
    expect(spam.status).not.toBe('active');
    // A single submit of a known item is idempotent with the batch.
    const again = await app.inject({ method: 'POST', url: '/v1/content', headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify({ externalId: 'http-1', kind: 'video', texts: { caption: 'Resep soto ayam' } }) });
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    // Each scanned item of the batch is one observation of the scan latency metric, by kind.
    const metrics = (await app.inject({ url: '/metrics', headers: auth })).body;
    expect(metrics).toMatch(/saring_scan_duration_seconds_count\{kind="video",source="batch"\} [1-9]/);
  });

  it.skipIf(skip)('refuses an empty batch, more than 1,000 items and a body that is not { items }', async () => {
    expect((await post({ items: [] })).json().error.code).toBe('validation_failed');
    const many = Array.from({ length: 1001 }, (_, i) => ({ externalId: `m-${i}`, kind: 'text', texts: { text: 'a' } }));
    const tooMany = await post({ items: many });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.code).toBe('validation_failed');
    expect((await post([{ externalId: 'x', kind: 'text' }])).statusCode).toBe(400);
    await expect(saring.content.get('m-0')).rejects.toThrow(/does not exist/);
  });

  it.skipIf(skip)('stores 1,000 items in one call, without scanning when asked', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ externalId: `k-${i}`, kind: 'comment', texts: { comment: `komentar nomor ${i}` } }));
    const res = await post({ items, scan: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toEqual({ ok: 1000, failed: 0 });
    const detail = await saring.content.get('k-999');
    expect(detail.scans).toHaveLength(0);
    // Scanned later by a batch with scan on: no new version, one scan.
    const scanned = await post({ items: items.slice(0, 10) });
    expect(scanned.json().results[0]).toMatchObject({ created: false, scanned: true, action: 'allow' });
    expect((await saring.content.get('k-0')).versions).toHaveLength(1);
  });
});
