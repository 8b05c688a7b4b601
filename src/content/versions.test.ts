import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, testApp } from '../test-support/storage.js';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';

const SPAM = 'SLOT GACOR maxwin depo 10rb WD cepat bosku, daftar di gacor88';

describe.each(BACKENDS)('content versions and lists on $label', ({ backend, skip }) => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let auth: Record<string, string>;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    if (skip) return;
    ({ saring, app, auth, close } = await testApp(backend));
  });
  afterAll(() => close());

  const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

  it.skipIf(skip)('keeps the removed version when the platform sends the item again with clean text, and audits the change', async () => {
    const first = await post('/v1/content', { externalId: 'ver-1', kind: 'video', texts: { caption: SPAM } });
    expect(first.json().content).toMatchObject({ status: 'removed', version: 1 });
    const again = await post('/v1/content', { externalId: 'ver-1', kind: 'video', texts: { caption: 'Resep nasi goreng kampung' } });
    expect(again.statusCode).toBe(200);
    const item = (await app.inject({ url: '/v1/content/ver-1', headers: auth })).json();
    // The removal stands until a person decides otherwise; both versions and what each scan judged are kept.
    expect(item).toMatchObject({ status: 'removed', version: 2, texts: { caption: 'Resep nasi goreng kampung' } });
    expect(item.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(item.scans.map((s: { contentVersion: number; action: string }) => [s.contentVersion, s.action])).toEqual([
      [1, 'remove'],
      [2, 'allow'],
    ]);
    const v1 = (await app.inject({ url: '/v1/content/ver-1/versions/1', headers: auth })).json();
    expect(v1).toMatchObject({ version: 1, texts: { caption: SPAM }, kind: 'video' });
    expect((await app.inject({ url: '/v1/content/ver-1/versions/3', headers: auth })).statusCode).toBe(404);
    const audit = await saring.audit.list({ action: 'content.version_added' });
    expect(audit.at(-1)).toMatchObject({ subjectId: item.id, data: { externalId: 'ver-1', version: 2, status: 'removed' } });
    // A retry of the same version changes nothing.
    await post('/v1/content', { externalId: 'ver-1', kind: 'video', texts: { caption: 'Resep nasi goreng kampung' } });
    expect((await app.inject({ url: '/v1/content/ver-1', headers: auth })).json().versions).toHaveLength(2);
  });

  it.skipIf(skip)('lists items in review with the category, action and queue that put them there', async () => {
    await post('/v1/content', { externalId: 'rev-1', kind: 'comment', texts: { comment: 'ayo main di kodokwin sekarang juga, slot' } });
    const res = await app.inject({ url: '/v1/content?status=in_review', headers: auth });
    const listed = res.json().items.find((i: { externalId: string }) => i.externalId === 'rev-1');
    expect(listed).toBeDefined();
    expect(listed.latestScan).toMatchObject({ action: 'review', review: { queue: expect.any(String), priority: expect.any(String) } });
    expect(listed.latestScan.categories[0]).toMatchObject({ category: 'gambling', action: 'review', score: expect.any(Number) });
    expect(listed.latestScan.categories[0].evidence).toBeUndefined();
  });
});
