/**
 * API keys are resolved in memory (issue 15): the scan and match routes touch no database once a
 * key is known, and a revocation, a role change, a deactivation or an organisation change takes
 * effect at once in this process and within 2 s in another one on the same PostgreSQL database.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../db/connect.js';
import { createSaring, type Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { createServer } from '../server.js';
import { BACKENDS, freshStorage, testApp, testConfig } from '../test-support/storage.js';
import { KeyCache } from './key-cache.js';
import { findActiveKey } from './users.js';

const TEXT = JSON.stringify({ text: 'Mantap bang, videonya bagus banget, lanjutkan kontennya ya' });
const PDQ = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';
const json = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });
const prefixOf = (key: string) => key.slice(4, 16);

/**
 * Counts the database queries made in the async context of a request to `app`'s HTTP server
 * (not the background timers' nor the job workers'): the context is entered as the server hands
 * the request over, and every query goes through node-postgres' Client#query (PGlite too).
 */
function queryCounter(app: App) {
  const inRequest = new AsyncLocalStorage<true>();
  const enter = () => inRequest.enterWith(true);
  app.server.prependListener('request', enter);
  const original = pg.Client.prototype.query;
  const seen: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (inRequest.getStore()) {
      const q = args[0] as string | { text?: string };
      seen.push(String(typeof q === 'string' ? q : q?.text).slice(0, 80));
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    seen,
    restore() {
      pg.Client.prototype.query = original;
      app.server.removeListener('request', enter);
    },
  };
}

describe('API keys in memory (pglite)', () => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ saring, app, close } = await testApp('pglite'));
  });
  afterAll(() => close());

  it('answers POST /v1/scan and the hash-only POST /v1/match without a database query once the key is known', async () => {
    const { apiKey } = await saring.users.create({ name: 'platform', role: 'moderator' }, 'system');
    await saring.banks.create({ name: 'known', category: 'csam', action: 'remove' }, 'system');
    await saring.banks.addEntries('known', [{ signalType: 'pdq', value: '0'.repeat(64), quality: 100 }], 'system');
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const post = async (path: string, key: string, body: string) => {
      const res = await fetch(`${url}${path}`, { method: 'POST', headers: json(key), body });
      return { status: res.status, body: (await res.json()) as { matches?: unknown[] } };
    };
    // First use: the key is read once (before the count).
    expect((await post('/v1/scan', apiKey, TEXT)).status).toBe(200);
    const counter = queryCounter(app);
    try {
      for (let i = 0; i < 50; i++) {
        expect((await post('/v1/scan', apiKey, TEXT)).status).toBe(200);
        const match = await post('/v1/match', apiKey, JSON.stringify({ pdq: PDQ, quality: 100 }));
        expect(match.status).toBe(200);
        expect(match.body.matches).toEqual([]);
        // An unknown key is refused from memory too, once it has been looked up.
        expect((await post('/v1/scan', 'srg_000000000000_unknownunknownunknown', TEXT)).status).toBe(401);
      }
      // The unknown key's one lookup, nothing else. (Timers keep the shared generations fresh; a
      // request reads one itself only if they fell 2 s behind, which a stalled test machine can do.)
      const own = counter.seen.filter((q) => !/from "settings"/.test(q));
      expect(own).toHaveLength(1);
      expect(own[0]).toContain('api_keys');
    } finally {
      counter.restore();
    }
  });

  it('refuses a revoked key on the very next request', async () => {
    const { apiKey } = await saring.users.create({ name: 'to revoke', role: 'moderator' }, 'system');
    expect((await app.inject({ method: 'POST', url: '/v1/scan', headers: json(apiKey), payload: TEXT })).statusCode).toBe(200);
    const revoke = await app.inject({ method: 'DELETE', url: `/v1/keys/${prefixOf(apiKey)}`, headers: { authorization: `Bearer ${saring.adminKey}` } });
    expect(revoke.statusCode).toBeLessThan(300);
    const after = await app.inject({ method: 'POST', url: '/v1/scan', headers: json(apiKey), payload: TEXT });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('invalid_api_key');
  });

  it('applies a role change, a deactivation and an organisation change on the very next request', async () => {
    const { user, apiKey } = await saring.users.create({ name: 'changing', role: 'moderator', org: 'Platform A' }, 'system');
    const me = async () => app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${apiKey}` } });
    expect((await me()).json()).toMatchObject({ role: 'moderator', org: 'Platform A' });
    expect((await app.inject({ method: 'POST', url: '/v1/scan', headers: json(apiKey), payload: TEXT })).statusCode).toBe(200);

    await saring.users.update(user.id, { role: 'auditor' }, 'system');
    expect((await me()).json()).toMatchObject({ role: 'auditor' });
    const refused = await app.inject({ method: 'POST', url: '/v1/scan', headers: json(apiKey), payload: TEXT });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');

    await saring.users.update(user.id, { role: 'moderator', org: 'Platform B' }, 'system');
    expect((await me()).json()).toMatchObject({ role: 'moderator', org: 'Platform B' });

    await saring.users.update(user.id, { disabled: true }, 'system');
    expect((await app.inject({ method: 'POST', url: '/v1/scan', headers: json(apiKey), payload: TEXT })).statusCode).toBe(401);
    await saring.users.update(user.id, { disabled: false }, 'system');
    expect((await app.inject({ method: 'POST', url: '/v1/scan', headers: json(apiKey), payload: TEXT })).statusCode).toBe(200);
  });

  it('refuses a wrong secret behind a real prefix, a malformed key and no key alike, and holds no key or password hash', async () => {
    const { apiKey } = await saring.users.create({ name: 'prefix owner', role: 'moderator' }, 'system');
    const wrong = `${apiKey.slice(0, 17)}${'x'.repeat(apiKey.length - 17)}`;
    for (const headers of [json(wrong), json('srg_nonsense'), { 'content-type': 'application/json' }]) {
      const res = await app.inject({ method: 'POST', url: '/v1/scan', headers, payload: TEXT });
      expect(res.statusCode).toBe(401);
    }
    // The right key still works after its wrong twin was refused.
    expect((await app.inject({ method: 'POST', url: '/v1/scan', headers: json(apiKey), payload: TEXT })).statusCode).toBe(200);
    const found = await findActiveKey(saring.db, prefixOf(apiKey), 'a'.repeat(64));
    expect(found).toBeNull();
  });

  it('writes last_used_at in batches: not per request, on flush and on close', async () => {
    const { apiKey } = await saring.users.create({ name: 'batched', role: 'moderator' }, 'system');
    const lastUsed = async () =>
      (await saring.db.selectFrom('api_keys').select('last_used_at').where('prefix', '=', prefixOf(apiKey)).executeTakeFirstOrThrow()).last_used_at;
    // A cache of its own whose timer would flush only after an hour: only flush() and close() write.
    const cache = new KeyCache(saring.db, (prefix, hash) => findActiveKey(saring.db, prefix, hash), { checkMs: 3_600_000, maxStaleMs: 3_600_000, flushMs: 3_600_000, maxRefused: 10 });
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(apiKey).digest('hex');
    const before = Date.now();
    for (let i = 0; i < 20; i++) expect(await cache.resolve(prefixOf(apiKey), hash)).not.toBeNull();
    expect(await lastUsed()).toBeNull();
    await cache.flush();
    const first = await lastUsed();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    await cache.resolve(prefixOf(apiKey), hash);
    await cache.close();
    expect((await lastUsed())!.getTime()).toBeGreaterThanOrEqual(first!.getTime());
  });

  it('forgets a bounded number of refused keys', async () => {
    const cache = new KeyCache(saring.db, async () => null, { checkMs: 3_600_000, maxStaleMs: 3_600_000, flushMs: 3_600_000, maxRefused: 3 });
    for (let i = 0; i < 10; i++) expect(await cache.resolve('000000000000', i.toString(16).padStart(64, '0'))).toBeNull();
    expect((cache as unknown as { refused: Set<string> }).refused.size).toBeLessThanOrEqual(3);
    await cache.close();
  });
});

const postgres = BACKENDS.find((b) => b.backend === 'postgres')!;

describe.skipIf(postgres.skip)(`API keys across processes (${postgres.label})`, () => {
  // Two engines on one PostgreSQL database, each with its own pool and key cache: as two servers.
  let one: Saring & { adminKey: string };
  let two: Saring;
  let appOne: App;
  let appTwo: App;
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const storage = await freshStorage('postgres');
    const first = await createSaring(testConfig(), { storage });
    const second = await openStorage({ databaseUrl: storage.url!, dataDir: 'unused', poolSize: 3 });
    two = await createSaring(testConfig(), { storage: second });
    one = Object.assign(first, { adminKey: first.bootstrap.adminKey! });
    appOne = await createServer(one);
    appTwo = await createServer(two);
    cleanup = async () => {
      await appOne.close();
      await appTwo.close();
      await two.close();
      await second.close();
      await one.close();
      await storage.close();
    };
  });
  afterAll(() => cleanup());

  const scan = (app: App, key: string) => app.inject({ method: 'POST', url: '/v1/scan', headers: json(key), payload: TEXT });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('refuses a key revoked in one process in the other within 2 s (at once in the first)', async () => {
    const { apiKey } = await one.users.create({ name: 'shared', role: 'moderator' }, 'system');
    expect((await scan(appOne, apiKey)).statusCode).toBe(200);
    expect((await scan(appTwo, apiKey)).statusCode).toBe(200);
    await one.users.revokeKey(prefixOf(apiKey), 'system');
    expect((await scan(appOne, apiKey)).statusCode).toBe(401);
    // The other process trusts its cache for at most 2 s since its last check of the shared generation.
    await sleep(2_050);
    expect((await scan(appTwo, apiKey)).statusCode).toBe(401);
  });

  it('applies a role change or a deactivation made in one process in the other within 2 s', async () => {
    const { user, apiKey } = await one.users.create({ name: 'demoted', role: 'moderator' }, 'system');
    expect((await scan(appTwo, apiKey)).statusCode).toBe(200);
    await one.users.update(user.id, { role: 'auditor' }, 'system');
    await sleep(2_050);
    expect((await scan(appTwo, apiKey)).statusCode).toBe(403);
    await one.users.update(user.id, { role: 'moderator' }, 'system');
    await sleep(2_050);
    expect((await scan(appTwo, apiKey)).statusCode).toBe(200);
    await one.users.update(user.id, { disabled: true }, 'system');
    await sleep(2_050);
    expect((await scan(appTwo, apiKey)).statusCode).toBe(401);
  });

  it('accepts at once in one process a key just issued in the other', async () => {
    const { user } = await one.users.create({ name: 'new key', role: 'moderator' }, 'system');
    const key = await one.users.issueKey(user.id, 'system');
    expect((await scan(appTwo, key)).statusCode).toBe(200);
  });
});
