import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../../engine.js';
import type { App } from '../../http/app.js';
import { BACKENDS, testApp } from '../../test-support/storage.js';

for (const { backend, skip, label } of BACKENDS) {
  describe.skipIf(skip)(`youth ages on ${label}`, () => {
    let saring: Saring & { adminKey: string };
    let app: App;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ saring, app, close } = await testApp(backend, { workers: false }));
    });
    afterAll(() => close?.());
    const send = (method: 'POST' | 'PUT' | 'GET', url: string, body?: unknown) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${saring.adminKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });

    it('smoke', async () => {
      const res = await send('PUT', '/v1/accounts/u14/age', { declaredAge: 14 });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'not_allowed', band: '13_15', assurance: 'self_declared' });
      const el = await send('GET', '/v1/accounts/u14/eligibility');
      expect(el.statusCode, el.body).toBe(200);
      expect(el.json()).toMatchObject({ status: 'not_allowed' });
    });
  });
}
