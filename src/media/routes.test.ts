import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../http/app.js';
import { testApp } from '../test-support/storage.js';

describe('a content item’s media for players and the console, on pglite', () => {
  let app: App;
  let auth: Record<string, string>;
  let close: () => Promise<void> = async () => {};
  let png: Buffer;
  let regulator: Record<string, string>;
  beforeAll(async () => {
    let saring;
    ({ saring, app, auth, close } = await testApp('pglite'));
    png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6ea5' } }).png().toBuffer();
    const upload = (await app.inject({ method: 'POST', url: '/v1/uploads', headers: { ...auth, 'content-type': 'image/png' }, payload: png })).json().upload;
    await saring.content.submit({ externalId: 'with-media', kind: 'image', texts: { caption: 'foto' }, media: [{ type: 'image', upload }] }, 'test');
    regulator = { authorization: `Bearer ${(await saring.users.create({ name: 'r', role: 'regulator' }, 'test')).apiKey}` };
  });
  afterAll(() => close());

  it('serves the stored bytes with their type, and byte ranges for seeking', async () => {
    const whole = await app.inject({ url: '/v1/content/with-media/media/0', headers: auth });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('image/png');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.equals(png)).toBe(true);
    const part = await app.inject({ url: '/v1/content/with-media/media/0', headers: { ...auth, range: 'bytes=0-9' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-9/${png.length}`);
    expect(part.rawPayload.equals(png.subarray(0, 10))).toBe(true);
    const tail = await app.inject({ url: '/v1/content/with-media/media/0', headers: { ...auth, range: 'bytes=-4' } });
    expect(tail.rawPayload.equals(png.subarray(png.length - 4))).toBe(true);
    expect((await app.inject({ url: '/v1/content/with-media/media/0', headers: { ...auth, range: `bytes=${png.length}-` } })).statusCode).toBe(416);
  });

  it('answers 404 for media an item does not have, and 403 to roles that see no content', async () => {
    expect((await app.inject({ url: '/v1/content/with-media/media/1', headers: auth })).json().error.code).toBe('not_found');
    expect((await app.inject({ url: '/v1/content/nope/media/0', headers: auth })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/content/with-media/media/0', headers: regulator })).statusCode).toBe(403);
  });
});
