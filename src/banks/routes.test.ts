import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { pngDeclaring } from '../test-support/media.js';
import { BACKENDS, testApp } from '../test-support/storage.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures');
const bridge = readFileSync(join(FIXTURES, 'pdq', 'images', 'bridge-mods', 'aaa-orig.jpg'));

describe.each(BACKENDS)('hash and bank API on $label', ({ backend, skip }) => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let auth: Record<string, string>;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    if (skip) return;
    ({ saring, app, auth, close } = await testApp(backend));
  });
  afterAll(() => close());
  const upload = (url: string, body: Buffer, type = 'application/octet-stream') => app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': type }, payload: body });
  const json = (method: 'POST' | 'PATCH', url: string, body: unknown) =>
    app.inject({ method, url, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

  it.skipIf(skip)('hashes an uploaded image', async () => {
    const res = await upload('/v1/hash?dihedral=true', bridge, 'image/jpeg');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'image', pdq: { hash: expect.stringMatching(/^[0-9a-f]{64}$/), quality: expect.any(Number) } });
    expect(body.md5).toBe(createHash('md5').update(bridge).digest('hex'));
    expect(body.sha256).toBe(createHash('sha256').update(bridge).digest('hex'));
    expect(Object.keys(body.dihedral)).toHaveLength(8);
  });

  it.skipIf(skip)('creates a bank, imports, matches by hash and by file, exports', async () => {
    expect((await json('POST', '/v1/banks', { name: 'shared', category: 'terrorism', action: 'remove' })).statusCode).toBe(201);
    const hash = (await upload('/v1/hash', bridge)).json().pdq.hash;
    const imported = await json('POST', '/v1/banks/shared/import', { csv: `signal_type,signal_value\npdq,${hash}\n`, sourceRef: 'GIFCT list 2026-11' });
    expect(imported.json()).toEqual({ added: 1, duplicates: 0 });
    const byHash = (await json('POST', '/v1/match', { pdq: hash })).json().matches;
    expect(byHash[0]).toMatchObject({ bank: 'shared', category: 'terrorism', action: 'remove', distance: 0, provenance: 'import', sourceRef: 'GIFCT list 2026-11' });
    const byFile = (await upload('/v1/match', bridge)).json().matches;
    expect(byFile[0]).toMatchObject({ bank: 'shared', method: 'pdq' });
    const exported = await app.inject({ url: '/v1/banks/shared/export', headers: auth });
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    expect(exported.body).toContain(`pdq,${hash},terrorism`);
    const entry = (await app.inject({ url: '/v1/banks/shared/entries', headers: auth })).json().entries[0];
    expect((await json('PATCH', `/v1/banks/shared/entries/${entry.id}`, { enabled: false })).statusCode).toBe(204);
    expect((await json('POST', '/v1/match', { pdq: hash })).json().matches).toEqual([]);
  });

  describe('bad media and hashes change nothing', () => {
    const cases: [string, () => Promise<{ statusCode: number; json(): any }>, number, string][] = [
      ['a zero-byte upload', () => upload('/v1/hash', Buffer.alloc(0)), 400, 'empty_body'],
      ['random bytes', () => upload('/v1/hash', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))), 415, 'unsupported_media'],
      ['a truncated JPEG', () => upload('/v1/hash', bridge.subarray(0, 2000)), 422, 'invalid_media'],
      ['a decompression bomb', () => upload('/v1/hash', pngDeclaring(100_000, 100_000)), 413, 'media_too_large'],
      ['an invalid hex hash', () => json('POST', '/v1/match', { pdq: 'xyz' }), 400, 'validation_failed'],
      ['a bad hash list', () => json('POST', '/v1/banks/shared/import', { csv: 'pdq,1234\n' }), 400, 'invalid_hash'],
      ['an unknown bank', () => json('POST', '/v1/banks/nope/import', { csv: `md5,${'a'.repeat(32)}\n` }), 404, 'not_found'],
    ];
    it.skipIf(skip).each(cases)('%s', async (_name, send, status, code) => {
      const before = (await app.inject({ url: '/v1/banks', headers: auth })).json();
      const res = await send();
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect((await app.inject({ url: '/v1/banks', headers: auth })).json()).toEqual(before);
    });
  });
});
