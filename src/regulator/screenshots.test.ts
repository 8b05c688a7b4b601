import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderImage } from '../demo/media-fixtures.js';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { BACKENDS, testApp } from '../test-support/storage.js';

const VIDEO = readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'vpdq', 'videos', 'test-padded-dimensions.mp4'));
type Who = 'admin' | 'komdigi' | 'polri' | 'mod';

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`an order's screenshots on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    let dataDir: string;
    let png: Buffer;
    const keys = {} as Record<Who, string>;

    beforeAll(async () => {
      // A data directory of its own, so the test can count the uploads on disk.
      dataDir = mkdtempSync(join(tmpdir(), 'saring-shots-'));
      ({ saring, app, close } = await testApp(backend, { workers: false, dataDir }));
      keys.admin = saring.adminKey;
      keys.komdigi = (await saring.users.create({ name: 'Officer A', role: 'regulator', org: 'komdigi' }, 'test')).apiKey;
      keys.polri = (await saring.users.create({ name: 'Officer B', role: 'regulator', org: 'polri' }, 'test')).apiKey;
      keys.mod = (await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey;
      png = await renderImage({ width: 320, height: 200, text: 'JUDI', format: 'png' });
    });
    afterAll(async () => {
      await close?.();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const shot = (body: Buffer | string, type: string, who: Who = 'komdigi') =>
      app.inject({ method: 'POST', url: '/v1/regulator/screenshots', headers: { authorization: `Bearer ${keys[who]}`, 'content-type': type }, payload: body });
    const get = (url: string, who: Who = 'komdigi') => app.inject({ url, headers: { authorization: `Bearer ${keys[who]}` } });
    /** The files under the uploads directory, temp files included (none may be left). */
    const uploads = () => {
      try {
        return readdirSync(join(dataDir, 'media', 'uploads')).sort();
      } catch {
        return [];
      }
    };
    const sendOrder = async (orderNumber: string, screenshots: string[], who: Who = 'komdigi') => {
      const id = (await saring.content.submit({ externalId: `shot-${orderNumber}`, kind: 'image', texts: { caption: 'foto' } }, 'test')).content.id;
      return app.inject({
        method: 'POST',
        url: '/v1/regulator/orders',
        headers: { authorization: `Bearer ${keys[who]}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ orderNumber, category: 'gambling', legalBasis: 'UU ITE Pasal 27 ayat (2)', targets: [{ contentId: id }], screenshots }),
      });
    };

    it('takes an officer’s screenshot, keeps it with the order and gives it back byte for byte, to their organisation only', async () => {
      const res = await shot(png, 'image/png');
      expect(res.statusCode, res.body).toBe(201);
      const { upload, bytes, sha256 } = res.json();
      expect(res.json()).toEqual({ upload: sha256, bytes: png.length, sha256 });
      expect(bytes).toBe(png.length);
      expect(uploads()).toEqual([upload]);
      // The same bytes again (unlabelled): the same id, nothing new — and 201 again, so an officer cannot tell what was uploaded before.
      const again = await shot(png, 'application/octet-stream');
      expect([again.statusCode, again.json().upload]).toEqual([201, upload]);

      const order = await sendOrder('SS-1/2026', [upload]);
      expect(order.statusCode, order.body).toBe(201);
      expect(order.json().screenshots).toEqual([upload]);
      const id = order.json().id;

      const back = await get(`/v1/regulator/orders/${id}/screenshots/0`);
      expect(back.statusCode).toBe(200);
      expect(back.headers['content-type']).toBe('image/png');
      expect(back.headers['x-content-type-options']).toBe('nosniff');
      expect(back.headers['cache-control']).toMatch(/^private/);
      expect(back.rawPayload.equals(png)).toBe(true);
      // The platform's moderators may read orders, so their screenshots too.
      expect((await get(`/v1/regulator/orders/${id}/screenshots/0`, 'mod')).rawPayload.equals(png)).toBe(true);

      // Out of range: 404. Another organisation: 404 with a missing order's message.
      const beyond = await get(`/v1/regulator/orders/${id}/screenshots/1`);
      expect([beyond.statusCode, beyond.json().error.code]).toEqual([404, 'not_found']);
      const theirs = await get(`/v1/regulator/orders/${id}/screenshots/0`, 'polri');
      const missing = await get(`/v1/regulator/orders/${randomUUID()}/screenshots/0`, 'polri');
      expect([theirs.statusCode, theirs.json().error.code]).toEqual([404, 'not_found']);
      expect(theirs.json().error.message.replace(id, 'ID')).toBe(missing.json().error.message.replace(/[0-9a-f-]{36}/, 'ID'));
      expect((await get(`/v1/regulator/orders/${id}/screenshots/99`)).statusCode).toBe(400);
    });

    it('refuses a video, text or a corrupt image with a clear error and keeps nothing; an upload stored before stays', async () => {
      const before = uploads();
      const corrupt = Buffer.concat([png.subarray(0, 40), Buffer.alloc(200)]);
      const refusals: [Buffer | string, string, number, string][] = [
        [VIDEO, 'video/mp4', 415, 'unsupported_media'],
        [VIDEO, 'application/octet-stream', 415, 'unsupported_media'],
        [VIDEO, 'image/png', 415, 'unsupported_media'],
        ['bukan gambar', 'text/plain', 415, 'unsupported_media_type'],
        ['bukan gambar sama sekali, hanya teks', 'application/octet-stream', 415, 'unsupported_media'],
        [corrupt, 'image/png', 422, 'invalid_media'],
      ];
      for (const [body, type, status, code] of refusals) {
        const res = await shot(body, type);
        expect([res.statusCode, res.json().error.code], `${type}: ${res.body}`).toEqual([status, code]);
        expect(uploads(), type).toEqual(before);
      }
      expect((await shot(VIDEO, 'application/octet-stream')).json().error.message).toMatch(/screenshot is an image; this is a video/);

      // The platform uploaded this video earlier (POST /v1/uploads): an officer's refused try leaves it.
      const video = await app.inject({ method: 'POST', url: '/v1/uploads', headers: { authorization: `Bearer ${keys.admin}`, 'content-type': 'video/mp4' }, payload: VIDEO });
      expect(video.statusCode, video.body).toBe(201);
      const withVideo = uploads();
      expect(withVideo).toContain(video.json().upload);
      expect((await shot(VIDEO, 'application/octet-stream')).statusCode).toBe(415);
      expect(uploads()).toEqual(withVideo);
      // And an order still refuses a video as a screenshot.
      const order = await sendOrder('SS-2/2026', [video.json().upload]);
      expect([order.statusCode, order.json().error.code]).toEqual([400, 'validation_failed']);
    });

    it('is for those who may send orders: a moderator gets 403 and nothing is stored', async () => {
      const before = uploads();
      const other = await renderImage({ width: 64, height: 64, format: 'png', background: '#aa3322' });
      const res = await shot(other, 'image/png', 'mod');
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'forbidden']);
      expect(uploads()).toEqual(before);
    });
  });
}
