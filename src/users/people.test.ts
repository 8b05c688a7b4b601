/**
 * Sign-in for people over HTTP: passwords, sessions in cookies, CSRF, lockout, invites,
 * preferences; what ends a session; and that no secret reaches the audit log or the server log.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, PERMISSIONS } from '../access/roles.js';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { createServer } from '../server.js';
import { BACKENDS, testConfig, testSaring } from '../test-support/storage.js';
import type { SaringConfig } from '../config/config.js';

const PASSWORD = 'kopi tubruk pagi hari';
/** A self-signed certificate for the TLS check comes from the openssl command (Node cannot make one). */
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const NEW_PASSWORD = 'teh manis sore hari 42';

type Res = Awaited<ReturnType<App['inject']>>;

describe.each(BACKENDS)('people signing in on $label', ({ backend, skip }) => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let log = '';
  let close: () => Promise<void> = async () => {};
  let admin: Record<string, string>;

  async function start(overrides: Partial<SaringConfig> = {}) {
    const s = await testSaring(backend, overrides);
    const stream = new Writable({ write: (chunk, _enc, done) => ((log += String(chunk)), done()) });
    const a = await createServer(s, { logger: { level: 'trace', stream } });
    return { saring: s, app: a, close: async () => (await a.close(), await s.close()) };
  }

  beforeAll(async () => {
    if (skip) return;
    ({ saring, app, close } = await start({ people: { ...testConfig().people, addressMaxFailures: 1000 } }));
    admin = { authorization: `Bearer ${saring.adminKey}` };
  });
  afterAll(() => close());

  const json = (method: string, url: string, body: unknown, headers: Record<string, string> = {}, remoteAddress?: string) =>
    app.inject({ method: method as 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body), ...(remoteAddress ? { remoteAddress } : {}) });
  const signIn = (login: string, password: string, remoteAddress?: string, headers: Record<string, string> = {}) =>
    json('POST', '/v1/session', { login, password }, headers, remoteAddress);
  const setCookie = (res: Res): string => String([res.headers['set-cookie']].flat()[0] ?? '');
  /** The request headers of a signed-in person: the cookie and the CSRF token. */
  const session = (res: Res): Record<string, string> => ({ cookie: setCookie(res).split(';')[0]!, 'x-csrf-token': res.json().csrfToken });
  const person = async (login: string, role = 'moderator', password = PASSWORD) =>
    (await saring.users.createPerson({ name: `Person ${login}`, login, role, password }, 'system')).user;
  const auditText = async () => JSON.stringify(await saring.db.selectFrom('audit_log').selectAll().execute());
  const auditCount = async () => Number((await saring.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it.skipIf(skip)('signs in with a cookie (HttpOnly, SameSite=Strict, not Secure over plain HTTP) and out; the CSRF token comes with it', async () => {
    await person('dewi');
    const res = await signIn('Dewi', PASSWORD); // logins are case-insensitive
    expect(res.statusCode).toBe(200);
    const cookie = setCookie(res);
    expect(cookie).toMatch(/^saring_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ user: { login: 'dewi', role: 'moderator', hasPassword: true }, via: 'session' });
    expect(res.json().csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const headers = session(res);

    const me = await app.inject({ url: '/v1/session', headers: { cookie: headers.cookie! } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ via: 'session', csrfToken: headers['x-csrf-token'], user: { login: 'dewi' } });
    expect(me.json().permissions).toEqual(PERMISSIONS.filter((p) => can('moderator', p)));
    expect(me.json().permissions).toContain('decide');
    expect(me.json().permissions).not.toContain('users:manage');
    // Session-authenticated reads pass the role checks like a key of that role.
    expect((await app.inject({ url: '/v1/content', headers })).statusCode).toBe(200);
    expect((await app.inject({ url: '/v1/users', headers })).json().error.code).toBe('forbidden');

    const out = await app.inject({ method: 'DELETE', url: '/v1/session', headers });
    expect(out.statusCode).toBe(204);
    expect(setCookie(out)).toMatch(/^saring_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/);
    const after = await app.inject({ url: '/v1/session', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toMatchObject({ code: 'invalid_session', details: { reason: 'signed_out' } });
    // Without any cookie or key: 401 unauthenticated.
    expect((await app.inject({ url: '/v1/session' })).json().error.code).toBe('unauthenticated');
  });

  it.skipIf(skip)('signs out everywhere: every session of the person ends, others’ do not', async () => {
    await person('budi');
    await person('sari');
    const a = session(await signIn('budi', PASSWORD));
    const b = session(await signIn('budi', PASSWORD));
    const other = session(await signIn('sari', PASSWORD));
    const res = await app.inject({ method: 'POST', url: '/v1/session/revoke-all', headers: a });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sessionsEnded: 2 });
    for (const h of [a, b]) expect((await app.inject({ url: '/v1/me', headers: h })).json().error).toMatchObject({ code: 'invalid_session', details: { reason: 'signed_out_everywhere' } });
    expect((await app.inject({ url: '/v1/me', headers: other })).statusCode).toBe(200);
  });

  it.skipIf(skip)('forgets sessions a week after they ended', async () => {
    const u = await person('tari');
    await signIn('tari', PASSWORD);
    await saring.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 8 * 86_400_000) }).where('user_id', '=', u.id).execute();
    const recent = session(await signIn('tari', PASSWORD));
    const rows = await saring.db.selectFrom('sessions').select('token_hash').where('user_id', '=', u.id).execute();
    expect(rows).toHaveLength(1);
    expect((await app.inject({ url: '/v1/me', headers: recent })).statusCode).toBe(200);
  });

  it.skipIf(skip)('answers a wrong password and an unknown login alike, locks a login after 5 failures (known or not), and audits without the password', async () => {
    await person('rina');
    const address = '10.0.0.5';
    const wrong = await signIn('rina', 'not the password at all', address);
    const unknown = await signIn('nobody-here', 'not the password at all', address);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
    for (let i = 2; i <= 4; i++) {
      expect((await signIn('rina', `wrong password ${i}!`, address)).statusCode).toBe(401);
      expect((await signIn('nobody-here', `wrong password ${i}!`, address)).statusCode).toBe(401);
    }
    const fifth = await signIn('rina', 'wrong password 5!', address);
    const fifthUnknown = await signIn('nobody-here', 'wrong password 5!', address);
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('account_locked');
    const unlocksAt = Date.parse(fifth.json().error.details.unlocksAt);
    expect(unlocksAt).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(unlocksAt).toBeLessThan(Date.now() + 16 * 60_000);
    expect(fifthUnknown.statusCode).toBe(423);
    // Locked: even the right password is refused, the same way as for a made-up login.
    const locked = await signIn('rina', PASSWORD, address);
    expect(locked.statusCode).toBe(423);
    expect((await signIn('nobody-here', PASSWORD, address)).json().error.code).toBe('account_locked');
    // Audited: failures with the reason, the lock; never the password, and not a made-up login.
    const audit = await auditText();
    expect(audit).toContain('session.sign_in_failed');
    expect(audit).toContain('session.login_locked');
    expect(audit).toContain('wrong_password');
    expect(audit).not.toContain('not the password at all');
    expect(audit).not.toContain('wrong password');
    expect(audit).not.toContain('nobody-here');
    expect(audit).not.toContain(PASSWORD);
    const rina = (await saring.users.get('rina')).id;
    const failures = await saring.db.selectFrom('audit_log').selectAll().where('action', '=', 'session.sign_in_failed').where('subject_id', '=', rina).execute();
    expect(failures).toHaveLength(5);
    // Whoever tried is not known: not the person whose login it was.
    expect(failures[0]).toMatchObject({ actor: 'anonymous', data: { login: 'rina', address, reason: 'wrong_password' } });
    // An admin's password reset lifts the lock.
    const reset = await json('POST', `/v1/users/${(await saring.users.get('rina')).id}/password`, { password: NEW_PASSWORD }, admin);
    expect(reset.statusCode).toBe(200);
    expect((await signIn('rina', NEW_PASSWORD, address)).statusCode).toBe(200);
  });

  it.skipIf(skip)('refuses a change made with a session without X-CSRF-Token, or with a stale one (403 csrf_failed), and changes nothing', async () => {
    await person('joko');
    const first = session(await signIn('joko', PASSWORD));
    const current = session(await signIn('joko', PASSWORD));
    const put = (headers: Record<string, string>) => json('PUT', '/v1/me/preferences', { greyscale: true }, headers);
    const before = await auditCount();
    const missing = await put({ cookie: current.cookie! });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf_failed');
    const stale = await put({ cookie: current.cookie!, 'x-csrf-token': first['x-csrf-token']! });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().error.code).toBe('csrf_failed');
    // A decision without the token: nothing recorded.
    await saring.content.submit({ externalId: 'csrf-1', kind: 'text', texts: { text: 'halo semua' } }, 'system');
    const decide = await json('POST', '/v1/content/csrf-1/decisions', { action: 'remove', category: 'gambling', reason: 'forged' }, { cookie: current.cookie! });
    expect(decide.json().error.code).toBe('csrf_failed');
    expect((await saring.content.get('csrf-1')).decisions).toHaveLength(0);
    expect((await saring.users.preferences((await saring.users.get('joko')).id)).personal).toEqual({});
    expect(await auditCount()).toBe(before);
    // With the token it goes through; a key needs none.
    expect((await put(current)).statusCode).toBe(200);
    expect((await saring.users.preferences((await saring.users.get('joko')).id)).personal).toEqual({ greyscale: true });
    expect((await json('PUT', '/v1/settings/console', { mediaBlur: 80 }, admin)).statusCode).toBe(200);
  });

  it.skipIf(skip)('ends the sessions of a person who is deactivated or changes role at once (401 invalid_session)', async () => {
    const u = await person('wati');
    const v = await person('yusuf');
    const w = session(await signIn('wati', PASSWORD));
    const y = session(await signIn('yusuf', PASSWORD));
    const deactivate = await json('PATCH', `/v1/users/${u.id}`, { disabled: true }, admin);
    expect(deactivate.statusCode).toBe(200);
    expect(deactivate.json()).toMatchObject({ disabled: true });
    const gone = await app.inject({ url: '/v1/me', headers: w });
    expect(gone.statusCode).toBe(401);
    expect(gone.json().error).toMatchObject({ code: 'invalid_session', details: { reason: 'deactivated' } });
    // A deactivated person learns it only with the right password.
    expect((await signIn('wati', PASSWORD)).json().error.code).toBe('account_disabled');
    expect((await signIn('wati', 'not the right one!')).json().error.code).toBe('invalid_credentials');
    // Even a session that survived (the user deactivated by another path) stops working.
    await json('PATCH', `/v1/users/${u.id}`, { disabled: false }, admin);
    const again = session(await signIn('wati', PASSWORD));
    await saring.db.updateTable('operator_users').set({ disabled_at: new Date() }).where('id', '=', u.id).execute();
    expect((await app.inject({ url: '/v1/me', headers: again })).json().error).toMatchObject({ code: 'invalid_session', details: { reason: 'deactivated' } });

    const promote = await json('PATCH', `/v1/users/${v.id}`, { role: 'senior_moderator' }, admin);
    expect(promote.json()).toMatchObject({ role: 'senior_moderator' });
    expect((await app.inject({ url: '/v1/me', headers: y })).json().error).toMatchObject({ code: 'invalid_session', details: { reason: 'role_changed' } });
    const fresh = session(await signIn('yusuf', PASSWORD));
    expect((await app.inject({ url: '/v1/me', headers: fresh })).json()).toMatchObject({ role: 'senior_moderator' });
    const audit = await auditText();
    expect(audit).toContain('user.updated');
    expect(audit).toContain('"sessionsEnded":1');
  });

  it.skipIf(skip)('changes a password: the old sessions end, the one that changed it gets a new one, the old password stops working', async () => {
    await person('putri');
    const other = session(await signIn('putri', PASSWORD));
    const mine = session(await signIn('putri', PASSWORD));
    const weak = await json('POST', '/v1/me/password', { currentPassword: PASSWORD, newPassword: 'putri1234567890' }, mine);
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password');
    const wrongCurrent = await json('POST', '/v1/me/password', { currentPassword: 'not my password!', newPassword: NEW_PASSWORD }, mine);
    expect(wrongCurrent.json().error.code).toBe('invalid_credentials');
    const res = await json('POST', '/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, mine);
    expect(res.statusCode).toBe(200);
    const renewed = session(res);
    expect(renewed.cookie).not.toBe(mine.cookie);
    for (const h of [other, mine]) expect((await app.inject({ url: '/v1/me', headers: h })).json().error).toMatchObject({ code: 'invalid_session', details: { reason: 'password_changed' } });
    expect((await app.inject({ url: '/v1/me', headers: renewed })).statusCode).toBe(200);
    expect((await signIn('putri', PASSWORD)).json().error.code).toBe('invalid_credentials');
    expect((await signIn('putri', NEW_PASSWORD)).statusCode).toBe(200);
  });

  it.skipIf(skip)('invites a person: the link carries the token in its fragment, it is accepted once, and a weak password does not use it up', async () => {
    const created = await json('POST', '/v1/users', { name: 'Ayu Lestari', login: 'ayu@example.id', role: 'moderator', org: 'T&S', invite: true }, admin);
    expect(created.statusCode).toBe(201);
    const { user, invite } = created.json();
    expect(user).toMatchObject({ login: 'ayu@example.id', hasPassword: false, invitePending: true });
    expect(created.json().apiKey).toBeUndefined();
    expect(invite.path).toBe(`/console/invite#${invite.token}`);
    expect((await signIn('ayu@example.id', PASSWORD)).json().error.code).toBe('invalid_credentials');
    const weak = await json('POST', '/v1/invites/accept', { token: invite.token, password: 'Ayu-password-123' });
    expect(weak.json().error.code).toBe('weak_password');
    const accepted = await json('POST', '/v1/invites/accept', { token: invite.token, password: PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ via: 'session', user: { login: 'ayu@example.id', hasPassword: true, invitePending: false } });
    expect((await app.inject({ url: '/v1/session', headers: session(accepted) })).statusCode).toBe(200);
    const twice = await json('POST', '/v1/invites/accept', { token: invite.token, password: NEW_PASSWORD });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.code).toBe('invalid_invite');
    expect((await signIn('ayu@example.id', PASSWORD)).statusCode).toBe(200);
    expect((await signIn('ayu@example.id', NEW_PASSWORD)).statusCode).toBe(401);
    // An expired invite is refused the same way.
    const again = await json('POST', `/v1/users/${user.id}/password`, { invite: true }, admin);
    await saring.db.updateTable('operator_users').set({ invite_expires_at: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    expect((await json('POST', '/v1/invites/accept', { token: again.json().invite.token, password: NEW_PASSWORD })).json().error.code).toBe('invalid_invite');
    expect(await auditText()).not.toContain(invite.token);
  });

  it.skipIf(skip)('refuses a second person with the same login (case-insensitive), and never demotes or deactivates the last admin', async () => {
    await person('Hendra');
    const dup = await json('POST', '/v1/users', { name: 'Another', login: 'HENDRA', role: 'moderator', password: NEW_PASSWORD }, admin);
    expect(dup.statusCode).toBe(409);
    const both = await json('POST', '/v1/users', { name: 'X', login: 'x-both', role: 'moderator', password: NEW_PASSWORD, invite: true }, admin);
    expect(both.statusCode).toBe(400);
    const adminId = (await saring.users.list()).find((u) => u.role === 'admin')!.id;
    const demote = await json('PATCH', `/v1/users/${adminId}`, { role: 'moderator' }, admin);
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('invalid_state');
    expect((await json('PATCH', `/v1/users/${adminId}`, { disabled: true }, admin)).statusCode).toBe(409);
  });

  it.skipIf(skip)('keeps console preferences: Saring’s defaults, the organisation’s, one’s own over them; validated', async () => {
    await person('lina');
    const s = session(await signIn('lina', PASSWORD));
    expect((await json('PUT', '/v1/settings/console', { mediaBlur: 90, greyscale: true }, admin)).statusCode).toBe(200);
    expect((await json('PUT', '/v1/settings/console', { mediaBlur: 10 }, s)).json().error.code).toBe('forbidden');
    const mine = await json('PUT', '/v1/me/preferences', { greyscale: false, timeZone: 'Asia/Makassar', language: 'en' }, s);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({
      personal: { greyscale: false, timeZone: 'Asia/Makassar', language: 'en' },
      defaults: { language: 'id', mediaBlur: 90, greyscale: true, autoplay: false, mute: true, timeZone: 'Asia/Jakarta' },
      effective: { language: 'en', mediaBlur: 90, greyscale: false, autoplay: false, mute: true, timeZone: 'Asia/Makassar' },
    });
    for (const bad of [{ timeZone: 'Mars/Olympus' }, { mediaBlur: 101 }, { autoplay: 'yes' }, { theme: 'dark' }]) {
      expect((await json('PUT', '/v1/me/preferences', bad, s)).statusCode).toBe(400);
    }
    expect((await app.inject({ url: '/v1/me/preferences', headers: s })).json().personal).toEqual({ greyscale: false, timeZone: 'Asia/Makassar', language: 'en' });
  });

  it.skipIf(skip)('documents sign-in in OpenAPI: the session cookie as a security scheme, each body and answer', async () => {
    const spec = (await app.inject({ url: '/openapi.json' })).json();
    expect(spec.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'saring_session' });
    const signInOp = spec.paths['/v1/session'].post;
    expect(signInOp.requestBody.content['application/json'].schema.required).toEqual(['login', 'password']);
    expect(Object.keys(signInOp.responses['200'].content['application/json'].schema.properties)).toEqual(['user', 'via', 'permissions', 'csrfToken', 'expiresAt', 'idleExpiresAt']);
    for (const path of ['/v1/me/preferences', '/v1/settings/console']) {
      expect(spec.paths[path].put.requestBody.content['application/json'].schema.properties.timeZone).toBeDefined();
      expect(spec.paths[path].get.responses['200'].content['application/json'].schema.properties.effective).toBeDefined();
    }
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/invites/accept', '/v1/me/password', '/v1/users/{id}', '/v1/users/{id}/password', '/v1/session/revoke-all']));
  });

  it.skipIf(skip)('keeps passwords, session tokens, CSRF tokens and invite tokens out of the server log and the audit log', async () => {
    const secrets: string[] = [PASSWORD, NEW_PASSWORD];
    const created = await json('POST', '/v1/users', { name: 'Gita', login: 'gita', role: 'moderator', invite: true }, admin);
    secrets.push(created.json().invite.token);
    const accepted = await json('POST', '/v1/invites/accept', { token: created.json().invite.token, password: PASSWORD });
    const s = session(accepted);
    secrets.push(s.cookie!.split('=')[1]!, s['x-csrf-token']!);
    const changed = await json('POST', '/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, s);
    const t = session(changed);
    secrets.push(t.cookie!.split('=')[1]!, t['x-csrf-token']!);
    await signIn('gita', 'a wrong password here');
    await json('POST', '/v1/users', { name: 'Hadi', login: 'hadi', role: 'auditor', password: 'initial password for hadi' }, admin);
    secrets.push('a wrong password here', 'initial password for hadi');
    expect(log).toContain('/v1/invites/accept'); // the log is captured
    const audit = await auditText();
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
  });
});

describe('the per-address limit and Secure cookies, on pglite', () => {
  let saring: Saring & { adminKey: string };
  beforeAll(async () => {
    saring = await testSaring('pglite', { people: { ...testConfig().people, addressMaxFailures: 3 } });
    await saring.users.createPerson({ name: 'Rudi', login: 'rudi', role: 'moderator', password: PASSWORD }, 'system');
  });
  afterAll(() => saring.close());

  /** The same engine behind an HTTP door that trusts these proxies. */
  const door = (trustProxy: boolean | string) => createServer({ ...saring, config: { ...saring.config, http: { ...saring.config.http, trustProxy } } });
  const signIn = (app: App, login: string, password: string, options: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
    app.inject({
      method: 'POST',
      url: '/v1/session',
      headers: { 'content-type': 'application/json', ...options.headers },
      payload: JSON.stringify({ login, password }),
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    });

  it('refuses an address with too many failed sign-ins (429 rate_limited), whichever logins it tries; other addresses go on', async () => {
    const app = await door(false);
    try {
      for (const login of ['a1', 'a2', 'a3']) expect((await signIn(app, login, 'guess guess guess', { remoteAddress: '203.0.113.9' })).statusCode).toBe(401);
      const limited = await signIn(app, 'rudi', PASSWORD, { remoteAddress: '203.0.113.9' });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate_limited');
      expect(Date.parse(limited.json().error.details.retryAt)).toBeGreaterThan(Date.now());
      expect((await signIn(app, 'rudi', PASSWORD, { remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
      const audit = JSON.stringify(await saring.db.selectFrom('audit_log').selectAll().execute());
      expect(audit).toContain('session.address_limited');
    } finally {
      await app.close();
    }
  });

  it('marks the cookie Secure over TLS: behind a proxy only when SARING_TRUST_PROXY trusts it', async () => {
    for (const [trustProxy, secure] of [
      [false, false],
      ['127.0.0.1', true],
      ['10.9.9.9', false],
    ] as const) {
      const app = await door(trustProxy);
      try {
        const res = await signIn(app, 'rudi', PASSWORD, { headers: { 'x-forwarded-proto': 'https' } });
        expect(res.statusCode).toBe(200);
        const cookie = String(res.headers['set-cookie']);
        expect(cookie.endsWith('; Secure'), `${trustProxy}: ${cookie}`).toBe(secure);
        expect(cookie).toContain('HttpOnly; SameSite=Strict');
      } finally {
        await app.close();
      }
    }
  });

  it.skipIf(!hasOpenssl)('marks the cookie Secure when the request itself came over TLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saring-tls-'));
    const app = await door(false);
    const server = createHttpsServer();
    try {
      const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
      server.setSecureContext({ key: readFileSync(key), cert: readFileSync(cert) });
      await app.ready();
      server.on('request', (req, res) => app.routing(req, res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<IncomingMessage>((resolve, reject) => {
        const req = httpsRequest({ host: '127.0.0.1', port, path: '/v1/session', method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ login: 'rudi', password: PASSWORD }));
      });
      expect(answer.statusCode).toBe(200);
      expect(String(answer.headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    } finally {
      server.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads no proxy header it is not told to trust: a spoofed X-Forwarded-For does not dodge the per-address limit', async () => {
    const app = await door(false);
    try {
      for (let i = 0; i < 3; i++) await signIn(app, 'rudi', 'guess guess guess', { remoteAddress: '192.0.2.1', headers: { 'x-forwarded-for': `198.18.0.${i}` } });
      const res = await signIn(app, 'rudi', PASSWORD, { remoteAddress: '192.0.2.1', headers: { 'x-forwarded-for': '198.18.0.99' } });
      expect(res.json().error.code).toBe('rate_limited');
    } finally {
      await app.close();
    }
  });
});
