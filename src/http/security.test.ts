/**
 * The HTTP door as a security tester probes it: every route × every role, with no key and a wrong
 * key; bad parameters and bodies on every route. Each answer must come from the error catalogue,
 * be small, and change nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Role } from '../access/roles.js';
import { ERROR_CATALOGUE } from '../errors/errors.js';
import { testApp, testConfig } from '../test-support/storage.js';
import type { Saring } from '../engine.js';
import { routeTable, type App, type RouteInfo } from './app.js';

/** A plausible value for each path parameter, so that a permitted call gets past routing. */
const SAMPLE: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  name: 'nosuchname',
  version: '1',
  sha256: 'a'.repeat(64),
  prefix: 'a'.repeat(12),
};

function fill(url: string, value?: (param: string) => string): string {
  return url.replace(/:(\w+)/g, (_m, p: string) => value?.(p) ?? SAMPLE[p] ?? 'x');
}

const params = (url: string): string[] => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

describe('HTTP security on pglite', () => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let close: () => Promise<void> = async () => {};
  let routes: readonly RouteInfo[];
  const keys = {} as Record<Role, string>;
  const auditCount = async () => Number((await saring.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ({ saring, app, close } = await testApp('pglite'));
    routes = routeTable(app);
    for (const role of ROLES) keys[role] = (await saring.users.create({ name: `${role} tester`, role }, 'system')).apiKey;
  });
  afterAll(() => close());

  const call = (route: RouteInfo, headers: Record<string, string>, url = fill(route.url), payload?: string | Buffer) =>
    app.inject({ method: route.method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });

  it('knows every route and who may call it', () => {
    expect(routes.length).toBeGreaterThan(40);
    const unknown = routes.filter((r) => !['public', 'authenticated'].includes(r.permission) && !ROLES.some((role) => can(role, r.permission as never)));
    expect(unknown).toEqual([]);
    expect(routes.filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /', // to the console
      'GET /console',
      'GET /console/*', // the console's files: what they show comes from the API
      'GET /healthz',
      'GET /openapi.json',
      'GET /readyz', // readiness for load balancers and orchestrators: checks' names and states, no data
      'GET /v1/regulator/public-key', // compliance reports' public keys: anyone handed a report can check it
      'POST /v1/invites/accept', // the invite's token is the credential
      'POST /v1/session', // signing in
    ]);
  });

  it('refuses every non-public route without a key, or with a wrong or revoked one (401), before anything else', async () => {
    const revoked = (await saring.users.create({ name: 'gone', role: 'admin' }, 'system')).apiKey;
    await saring.users.revokeKey(revoked.slice(4, 16), 'system');
    const before = await auditCount();
    for (const route of routes.filter((r) => r.permission !== 'public')) {
      for (const headers of [
        {},
        { authorization: 'Bearer srg_000000000000_nonsensenonsensenonsense' },
        { authorization: `Bearer ${revoked}` },
        { cookie: `saring_session=${'A'.repeat(43)}`, 'x-csrf-token': 'x' },
      ] as Record<string, string>[]) {
        const res = await call(route, headers);
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
        expect(['unauthenticated', 'invalid_api_key', 'invalid_session']).toContain(res.json().error.code);
      }
    }
    expect(await auditCount()).toBe(before);
  });

  it('gives every role exactly its permissions on every route (403 otherwise, and nothing changes)', async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.permission !== 'public')) {
      for (const role of ROLES) {
        const allowed = route.permission === 'authenticated' || can(role, route.permission as never);
        const before = allowed ? 0 : await auditCount();
        const json = route.bodyTypes.includes('application/json');
        const res = await call(route, { authorization: `Bearer ${keys[role]}`, ...(json ? { 'content-type': 'application/json' } : {}) }, fill(route.url), json ? '{}' : undefined);
        const where = `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (res.statusCode >= 500) problems.push(where);
        if (allowed && (res.statusCode === 401 || res.statusCode === 403)) problems.push(where);
        if (!allowed && (res.statusCode !== 403 || res.json().error.code !== 'forbidden' || (await auditCount()) !== before)) problems.push(where);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives a session of each role the same 401/403 answers as a key of that role, and refuses every change without X-CSRF-Token', async () => {
    const password = 'a long enough password';
    const signIn = async (role: Role) => {
      const res = await app.inject({ method: 'POST', url: '/v1/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login: `${role}-person`, password }) });
      expect(res.statusCode).toBe(200);
      return { cookie: String(res.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': res.json().csrfToken as string };
    };
    const sessions = {} as Record<Role, Record<string, string>>;
    for (const role of ROLES) {
      await saring.users.createPerson({ name: `${role} person`, login: `${role}-person`, role, password }, 'system');
      sessions[role] = await signIn(role);
    }
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.permission !== 'public')) {
      const json = route.bodyTypes.includes('application/json');
      const type: Record<string, string> = json ? { 'content-type': 'application/json' } : {};
      const body = json ? '{}' : undefined;
      for (const role of ROLES) {
        const allowed = route.permission === 'authenticated' || can(role, route.permission as never);
        if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)) {
          const before = await auditCount();
          const res = await call(route, { cookie: sessions[role].cookie!, ...type }, fill(route.url), body);
          if (res.statusCode !== 403 || res.json().error.code !== 'csrf_failed' || (await auditCount()) !== before) {
            problems.push(`no CSRF token: ${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
        const before = allowed ? 0 : await auditCount();
        const res = await call(route, { ...sessions[role], ...type }, fill(route.url), body);
        const where = `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (res.statusCode >= 500 || res.statusCode === 401) problems.push(where);
        if (allowed && res.statusCode === 403) problems.push(where);
        if (!allowed && (res.statusCode !== 403 || res.json().error.code !== 'forbidden' || (await auditCount()) !== before)) problems.push(where);
        // Signing out (here, or everywhere) ends the session: sign in again for the next route.
        if ((await app.inject({ url: '/v1/session', headers: sessions[role] })).statusCode === 401) sessions[role] = await signIn(role);
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows regulators and partners none of the platform content, thumbnails or banks', async () => {
    await saring.content.submit({ externalId: 'secret-1', kind: 'text', texts: { text: 'slot gacor maxwin depo 10rb' } }, 'system');
    for (const role of ['regulator', 'partner'] as const) {
      const headers = { authorization: `Bearer ${keys[role]}` };
      for (const url of ['/v1/content', '/v1/content/secret-1', `/v1/media/${'a'.repeat(64)}/thumbnails/t0001.00.jpg`, '/v1/banks', '/v1/banks/removals/export', '/v1/audit', '/v1/accounts/x/age', '/v1/age/cases', '/v1/accounts/x/consents']) {
        expect((await app.inject({ url, headers })).statusCode, `${role} ${url}`).toBe(403);
      }
      expect((await app.inject({ url: '/v1/me', headers })).json()).toMatchObject({ role });
    }
    // Every hash of a bank is a permission of its own: moderators and auditors see banks, not their entries.
    for (const role of ['moderator', 'auditor', 'senior_moderator'] as const) {
      const headers = { authorization: `Bearer ${keys[role]}` };
      expect((await app.inject({ url: '/v1/banks', headers })).statusCode).toBe(200);
      expect((await app.inject({ url: '/v1/banks/removals/export', headers })).statusCode).toBe(403);
      expect((await app.inject({ url: '/v1/banks/removals/entries', headers })).statusCode).toBe(403);
    }
  });

  it('answers bad path parameters on every route with a 4xx from the catalogue, never a 500', async () => {
    const auth = { authorization: `Bearer ${saring.adminKey}` };
    const problems: string[] = [];
    // Routes with an answer for every account the platform may name, known or not (an unknown one is pending_verification).
    const anyAccount = new Set(['GET /v1/accounts/:id/eligibility']);
    for (const route of routes.filter((r) => params(r.url).length > 0)) {
      for (const bad of ['a%00b', '2147483648', '99999999999999999999', '-1', 'x'.repeat(300), 'x'.repeat(3000), '%F0%9F%98%80'.repeat(200)]) {
        for (const param of params(route.url)) {
          const res = await call(route, auth, fill(route.url, (p) => (p === param ? bad : (SAMPLE[p] ?? 'x'))));
          if (anyAccount.has(`${route.method} ${route.url}`) && res.statusCode === 200 && res.json().status === 'pending_verification') continue;
          const code = res.json().error?.code as keyof typeof ERROR_CATALOGUE | undefined;
          if (res.statusCode >= 500 || res.statusCode < 400 || !code || ERROR_CATALOGUE[code]?.status !== res.statusCode) {
            problems.push(`${route.method} ${route.url} ${param}=${bad.slice(0, 20)} → ${res.statusCode} ${res.body.slice(0, 100)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    const nul = await app.inject({ url: '/v1/content/a%00b', headers: auth });
    expect(nul.json().error.code).toBe('invalid_character');
    const long = await app.inject({ url: `/v1/content/${'x'.repeat(5000)}`, headers: auth });
    expect(long.statusCode).toBe(414);
    expect(long.json().error.code).toBe('uri_too_long');
    // An external id of 256 characters (the most it may have) can be looked up by path.
    await saring.content.submit({ externalId: 'é'.repeat(256), kind: 'text', texts: { text: 'halo' } }, 'system');
    expect((await app.inject({ url: `/v1/content/${encodeURIComponent('é'.repeat(256))}`, headers: auth })).statusCode).toBe(200);
  });

  it('refuses a body on every route that takes none, before reading it, and changes nothing', async () => {
    const auth = { authorization: `Bearer ${saring.adminKey}`, 'content-type': 'application/json' };
    const big = JSON.stringify(Array.from({ length: 300_000 }, () => 1));
    const before = await auditCount();
    for (const route of routes.filter((r) => r.bodyTypes.length === 0 && r.permission !== 'public')) {
      const res = await call(route, auth, fill(route.url), big);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(400);
      expect(res.json().error.message).toMatch(/takes no body/);
    }
    expect(await auditCount()).toBe(before);
  });

  it('refuses raw bytes on JSON routes with the types they take, fast and briefly, and unauthenticated ones at once', async () => {
    const admin = `Bearer ${saring.adminKey}`;
    const zeros = Buffer.alloc(1024 * 1024);
    // Every route with a body that does not take raw bytes (media, order files) refuses them.
    for (const route of routes.filter((r) => r.bodyTypes.length > 0 && !r.bodyTypes.includes('application/octet-stream'))) {
      const started = performance.now();
      const res = await call(route, { authorization: admin, 'content-type': 'application/octet-stream' }, fill(route.url), zeros);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(415);
      expect(res.json().error.message).toContain('application/json');
      expect(res.body.length).toBeLessThan(2048);
      expect(performance.now() - started).toBeLessThan(2000);
    }
    // A media route names the media types it takes.
    const text = await app.inject({ method: 'POST', url: '/v1/uploads', headers: { authorization: admin, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toBe('POST /v1/uploads takes application/octet-stream, image/*, video/*; got text/plain.');
    const four = Buffer.alloc(4 * 1024 * 1024);
    const started = performance.now();
    for (const url of ['/v1/scan', '/v1/content', '/v1/hash', '/v1/uploads']) {
      const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/octet-stream' }, payload: four });
      expect(res.statusCode).toBe(401);
      expect(res.body.length).toBeLessThan(512);
    }
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('refuses a NUL anywhere in a body, and nesting deeper than 32 levels, with a 400 that names the place; nothing is stored', async () => {
    const headers = { authorization: `Bearer ${saring.adminKey}`, 'content-type': 'application/json' };
    const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, headers, payload: JSON.stringify(body) });
    const contentBefore = await saring.content.list({ limit: 500 });
    const item = { externalId: 'nul-1', kind: 'comment', texts: { comment: 'slot gacor maxwin' } };
    const cases: [unknown, RegExp][] = [
      [{ ...item, texts: { comment: 'slot\u0000gacor maxwin' } }, /texts\.comment/],
      [{ ...item, externalId: 'nul\u0000' }, /externalId/],
      [{ ...item, account: { externalId: 'a\u0000', displayName: 'x' } }, /account\.externalId/],
      [{ ...item, metadata: { 'k\u0000': 1 } }, /metadata/],
      [{ ...item, metadata: { tags: ['ok', 'bad\u0000'] } }, /metadata\.tags\[1\]/],
      [{ ...item, media: [{ type: 'image', path: '/tmp/x\u0000.jpg' }] }, /media\[0\]\.path/],
    ];
    for (const [body, where] of cases) {
      const res = await post('/v1/content', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_character');
      expect(res.json().error.message).toMatch(where);
    }
    expect((await post('/v1/scan', { text: 'a\u0000b' })).json().error.code).toBe('invalid_character');
    expect((await post('/v1/content/nul-1/decisions', { action: 'allow', reason: 'x\u0000' })).json().error.code).toBe('invalid_character');
    const deep = `{"d":`.repeat(5000) + '"x"' + '}'.repeat(5000);
    const tooDeep = await app.inject({ method: 'POST', url: '/v1/content', headers, payload: `{"externalId":"deep","kind":"text","metadata":${deep}}` });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().error.message).toMatch(/nested deeper than 32 levels/);
    let ok: unknown = 'x';
    for (let i = 0; i < 30; i++) ok = { d: ok };
    expect((await post('/v1/content', { ...item, metadata: ok })).statusCode).toBe(201);
    expect((await saring.content.list({ limit: 500 })).length).toBe(contentBefore.length + 1);
  });

  it('bounds the answer to a body with a huge number of problems', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/banks/removals/entries',
      headers: { authorization: `Bearer ${saring.adminKey}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ entries: Array.from({ length: 50_000 }, () => ({ bad: true })) }),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body.length).toBeLessThan(8192);
  });
});

describe('media hashing under a burst, on pglite', () => {
  it('hashes at most SARING_HASH_CONCURRENCY files at once, lets a few wait, and refuses the rest with 429', async () => {
    const { app, auth, close } = await testApp('pglite', { media: { ...testConfig().media, hashConcurrency: 1 } });
    try {
      const video = readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'vpdq', 'videos', 'pattern-sd-grey-bar.mp4'));
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => app.inject({ method: 'POST', url: '/v1/hash', headers: { ...auth, 'content-type': 'video/mp4' }, payload: video })),
      );
      const codes = answers.map((a) => a.statusCode).sort();
      // One hashing, four waiting (4 × concurrency), three refused at once.
      expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      expect(answers.find((a) => a.statusCode === 429)!.json().error.code).toBe('rate_limited');
    } finally {
      await close();
    }
  });
});
