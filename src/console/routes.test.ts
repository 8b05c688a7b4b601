import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../http/app.js';
import { testApp } from '../test-support/storage.js';
import { consoleBuilt, consoleDir } from './routes.js';

// `npm test` builds the console first; run alone on a fresh clone it may not be built yet.
describe.skipIf(!consoleBuilt())('the console’s files', () => {
  let app: App;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ app, close } = await testApp('pglite'));
  });
  afterAll(() => close());

  it('sends people from / to the console', async () => {
    const root = await app.inject({ url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/console/');
    expect((await app.inject({ url: '/console' })).headers.location).toBe('/console/');
  });

  it('answers every page of the app with its index, with a strict content security policy and no framing', async () => {
    for (const url of ['/console/', '/console/review/cases/123', '/console/settings?x=1']) {
      const page = await app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.body).toContain('<div id="root">');
    }
  });

  it('serves built assets for a year and nothing outside the build', async () => {
    const html = (await app.inject({ url: '/console/' })).body;
    const script = /src="\/console\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script && existsSync(join(consoleDir(), script))).toBe(true);
    const asset = await app.inject({ url: `/console/${script}` });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/console/favicon.svg' })).headers['content-type']).toBe('image/svg+xml');
    // A path that climbs out of the build is a page of the app, never a file.
    for (const url of ['/console/assets/..%2F..%2Fpackage.json', '/console/assets/../../package.json', '/console/..%2Fpackage.json']) {
      const answer = await app.inject({ url });
      expect(answer.body, url).not.toContain('"name": "saring"');
    }
  });
});
