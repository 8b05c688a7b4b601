import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../engine.js';
import { BACKENDS, testApp } from '../test-support/storage.js';
import type { App } from './app.js';

const SPAM = '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku';

describe.each(BACKENDS)('HTTP API on $label', ({ backend, skip }) => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let auth: Record<string, string>;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    if (skip) return;
    ({ saring, app, auth, close } = await testApp(backend));
  });
  afterAll(() => close());

  const post = (url: string, body: unknown, headers: Record<string, string> = auth) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) });

  async function rowCounts() {
    const one = async (t: 'content_items' | 'scans' | 'decisions' | 'audit_log') =>
      Number((await saring.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { content: await one('content_items'), scans: await one('scans'), decisions: await one('decisions'), audit: await one('audit_log') };
  }

  it.skipIf(skip)('serves OpenAPI 3.1 and the docs page', async () => {
    const spec = (await app.inject({ url: '/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/scan', '/v1/content', '/v1/content/{id}']));
    expect(spec.paths['/v1/scan'].post.requestBody).toBeDefined();
    const docs = await app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it.skipIf(skip)('scans without storing anything', async () => {
    const before = await rowCounts();
    const res = await post('/v1/scan', { text: SPAM });
    expect(res.statusCode).toBe(200);
    const verdict = res.json();
    expect(verdict.action).toBe('remove');
    expect(verdict.policyVersion).toMatch(/^indonesia-default@v\d+$/);
    const gambling = verdict.categories.find((c: { category: string }) => c.category === 'gambling');
    expect(gambling.evidence.map((e: { match: string }) => e.match).join(' ')).toMatch(/𝐒𝐋𝐎𝐓|𝐆𝐀𝐂𝐎𝐑/);
    expect(await rowCounts()).toEqual(before);
  });

  it.skipIf(skip)('stores content idempotently and records the automated decision with its statement of reasons', async () => {
    const item = { externalId: 'vid-1', kind: 'video', account: { externalId: 'acct-1' }, texts: { caption: SPAM } };
    const first = await post('/v1/content', item);
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body.verdict.action).toBe('remove');
    expect(body.content.status).toBe('removed');
    expect(body.content.decisions).toHaveLength(1);
    const decision = body.content.decisions[0];
    expect(decision).toMatchObject({ actorType: 'automated', action: 'remove', category: 'gambling', automatedDetection: true, automatedDecision: true });
    expect(decision.legalGround).toContain('Pasal 27 ayat (2)');
    expect(decision.statement.redress.map((r: { type: string }) => r.type)).toEqual(['internal_complaint', 'out_of_court', 'judicial']);
    expect(decision.statement.facts.found.length).toBeGreaterThan(0);
    expect(decision.evidence.length).toBeGreaterThan(0);

    const before = await rowCounts();
    const again = await post('/v1/content', item);
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    expect(await rowCounts()).toEqual(before);

    const got = await app.inject({ url: `/v1/content/${body.content.id}`, headers: auth });
    expect(got.json()).toMatchObject({ externalId: 'vid-1', status: 'removed', account: { externalId: 'acct-1' } });
    expect(got.json().scans).toHaveLength(1);
    const byExternal = await app.inject({ url: '/v1/content/vid-1', headers: auth });
    expect(byExternal.json().id).toBe(body.content.id);
    const statement = await app.inject({ url: `/v1/decisions/${decision.id}`, headers: auth });
    expect(statement.json().statement.decisionId).toBe(decision.id);
  });

  it.skipIf(skip)('scans an edited item again', async () => {
    await post('/v1/content', { externalId: 'edit-1', kind: 'comment', texts: { comment: 'Resep rendang enak sekali' } });
    const edited = await post('/v1/content', { externalId: 'edit-1', kind: 'comment', texts: { comment: SPAM } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ created: false, scanned: true });
    expect(edited.json().content.scans).toHaveLength(2);
    expect(edited.json().content.status).toBe('removed');
  });

  it.skipIf(skip)('lets a moderator decide, and keeps severe categories for senior moderators', async () => {
    await post('/v1/content', { externalId: 'mod-1', kind: 'comment', texts: { comment: 'biasa saja' } });
    const { apiKey } = await saring.users.create({ name: 'mod', role: 'moderator' }, 'test');
    const mod = { authorization: `Bearer ${apiKey}` };
    const denied = await post('/v1/content/mod-1/decisions', { action: 'remove', category: 'terrorism', reason: 'propaganda' }, mod);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');
    const ok = await post('/v1/content/mod-1/decisions', { action: 'restrict_18', category: 'violence', reason: 'graphic fight video' }, mod);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ actorType: 'moderator', automatedDecision: false, action: 'restrict_18' });
    const item = (await app.inject({ url: '/v1/content/mod-1', headers: auth })).json();
    expect(item).toMatchObject({ status: 'restricted', restriction: 'restrict_18' });
    // A moderator may not change the policy.
    expect((await post('/v1/policy', { document: { id: 'x', name: 'x', categories: {} } }, mod)).statusCode).toBe(403);
  });

  it.skipIf(skip)('lists models and scores texts with the active version', async () => {
    const models = (await app.inject({ url: '/v1/models', headers: auth })).json().models;
    expect(models[0]).toMatchObject({ name: 'judol', version: 1, active: true });
    const res = await post('/v1/models/judol/predict', { texts: [SPAM, 'resep rendang enak'] });
    const { predictions, version } = res.json();
    expect(version).toBe(1);
    expect(predictions[0].labels.promo.score).toBeGreaterThan(0.9);
    expect(predictions[1].labels.promo.score).toBeLessThan(0.2);
    expect(predictions[0].top.promo.length).toBeGreaterThan(0);
    expect((await post('/v1/models/none/predict', { texts: ['x'] })).statusCode).toBe(404);
  });

  it.skipIf(skip)('trains a new version in a job and evaluates the active one', async () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => ({ text: `ayo gabung situs kodokwin ${i} bonus besar`, labels: [1] })),
      ...Array.from({ length: 30 }, (_, i) => ({ text: `resep masakan rumahan nomor ${i} enak sekali`, labels: [0] })),
    ];
    const train = await post('/v1/models/frogs/train', { rows, labelNames: ['promo'], seed: 3, activate: true, note: 'api test' });
    expect(train.statusCode).toBe(202);
    expect(train.json().jobId).toEqual(expect.any(String));
    await saring.jobs.drain(['model-train'], 60_000);
    const models = (await app.inject({ url: '/v1/models', headers: auth })).json().models;
    expect(models.find((m: { name: string }) => m.name === 'frogs')).toMatchObject({ version: 1, active: true, source: 'api:train', note: 'api test' });
    const metrics = (await post('/v1/models/judol/evaluate', [{ text: SPAM, labels: [1] }, { text: 'resep rendang enak', labels: [0] }])).json();
    expect(metrics.labels.promo).toMatchObject({ precision: 1, recall: 1, support: 1 });
    expect((await post('/v1/models/judol/train', { rows: [{ text: 'x', labels: [2] }] })).json().error.code).toBe('validation_failed');
  });

  it.skipIf(skip)('requires a valid API key', async () => {
    expect((await post('/v1/scan', { text: 'x' }, {})).json().error.code).toBe('unauthenticated');
    const bad = await post('/v1/scan', { text: 'x' }, { authorization: 'Bearer srg_000000000000_abcdefghijklmnopqrstuvwxyz' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('invalid_api_key');
  });

  describe('bad input changes nothing', () => {
    const cases: [string, () => Promise<{ statusCode: number; json(): any }>, number, string][] = [
      ['malformed JSON', () => post('/v1/content', '{"externalId": "x",'), 400, 'invalid_json'],
      ['an empty body', () => post('/v1/content', ''), 400, 'empty_body'],
      ['no body at all', () => app.inject({ method: 'POST', url: '/v1/content', headers: auth }), 400, 'empty_body'],
      ['invalid UTF-8', () => post('/v1/content', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 400, 'invalid_utf8'],
      ['an unpaired surrogate', () => post('/v1/content', '{"externalId":"s1","kind":"text","texts":{"text":"\\ud800"}}'), 400, 'invalid_utf8'],
      ['wrong types', () => post('/v1/content', { externalId: 5, kind: 'text' }), 400, 'validation_failed'],
      ['an unknown kind', () => post('/v1/content', { externalId: 'k', kind: 'podcast' }), 400, 'validation_failed'],
      ['unknown fields', () => post('/v1/content', { externalId: 'u', kind: 'text', texts: {}, surprise: true }), 400, 'validation_failed'],
      ['oversized text', () => post('/v1/content', { externalId: 'big', kind: 'text', texts: { text: 'a'.repeat(64 * 1024 + 1) } }), 413, 'text_too_large'],
      ['an oversized body', () => post('/v1/content', { externalId: 'huge', kind: 'text', texts: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'a'.repeat(60_000)])) }), 413, 'body_too_large'],
      ['a JSON array', () => post('/v1/content', '[1,2]'), 400, 'validation_failed'],
      ['a non-JSON content type', () => app.inject({ method: 'POST', url: '/v1/content', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hi' }), 415, 'unsupported_media_type'],
      ['an empty scan', () => post('/v1/scan', {}), 400, 'validation_failed'],
    ];
    it.skipIf(skip).each(cases)('%s', async (_name, send, status, code) => {
      const before = await rowCounts();
      const res = await send();
      expect(res.statusCode).toBe(status);
      expect(res.json()).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
      expect(await rowCounts()).toEqual(before);
    });

    it.skipIf(skip)('an unknown route', async () => {
      const res = await app.inject({ url: '/v1/nothing', headers: auth });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('route_not_found');
    });

    it.skipIf(skip)('unknown content', async () => {
      const res = await app.inject({ url: '/v1/content/does-not-exist', headers: auth });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    });
  });

  it.skipIf(skip)('edits policy and lexicons through the API, versioned and audited', async () => {
    const lex = await app.inject({ method: 'POST', url: '/v1/lexicons/gambling/entries', headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify({ entries: [{ term: 'kodokwin', type: 'word', weight: 0.8 }], note: 'new brand' }) });
    expect(lex.statusCode).toBe(200);
    const version = lex.json().version;
    // The lexicon alone brings it to review; removal also needs the model (the policy's mean).
    expect((await post('/v1/scan', { text: 'main di kodokwin sekarang' })).json().action).toBe('review');
    const rollback = await app.inject({ method: 'POST', url: `/v1/lexicons/gambling/versions/${version - 1}/activate`, headers: auth });
    expect(rollback.statusCode).toBe(200);
    expect((await post('/v1/scan', { text: 'main di kodokwin sekarang' })).json().action).toBe('allow');
    const invalid = await post('/v1/lexicons/gambling/entries', { entries: [{ term: '', type: 'word', weight: 3 }] });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe('invalid_lexicon');

    const strict = `id: strict\nname: Strict\ncategories:\n  gambling:\n    rules: [{ minScore: 0.3, action: remove }]\n`;
    const created = await post('/v1/policy', { source: strict, note: 'test' });
    expect(created.statusCode).toBe(201);
    expect(created.json().label).toMatch(/^strict@v\d+$/);
    expect((await post('/v1/scan', { text: 'judi online itu haram' })).json().policyVersion).toBe(created.json().label);
    const badPolicy = await post('/v1/policy', { source: 'id: [' });
    expect(badPolicy.json().error.code).toBe('invalid_policy');
    const history = (await app.inject({ url: '/v1/policy/versions', headers: auth })).json().versions;
    expect(history.length).toBeGreaterThanOrEqual(2);
    await post(`/v1/policy/versions/${history.at(-1).version}/activate`, {});
    const audit = (await app.inject({ url: '/v1/audit?limit=1000', headers: auth })).json().entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['lexicon.updated', 'lexicon.activated', 'policy.created', 'policy.activated', 'decision.created']));
    expect((await app.inject({ url: '/v1/audit/verify', headers: auth })).json().ok).toBe(true);
  });

  it.skipIf(skip)('signs webhooks and retries failed deliveries', async () => {
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    let failures = 1;
    const server = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (failures-- > 0) {
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const ep = await post('/v1/webhooks', { url: `http://127.0.0.1:${port}/hook`, events: ['decision.created'] });
      expect(ep.statusCode).toBe(201);
      const secret = ep.json().secret as string;
      await post('/v1/content', { externalId: 'hook-1', kind: 'comment', texts: { comment: SPAM } });
      await saring.webhooks.drain(30_000);
      expect(received).toHaveLength(1);
      const { headers, body } = received[0]!;
      const sig = String(headers['saring-signature']);
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig)!;
      expect(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')).toBe(v1);
      const event = JSON.parse(body);
      expect(event.type).toBe('decision.created');
      expect(event.data.decision).toMatchObject({ externalId: 'hook-1', action: 'remove', category: 'gambling' });
      const deliveries = (await app.inject({ url: '/v1/webhooks/deliveries', headers: auth })).json().deliveries;
      expect(deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204 });
    } finally {
      server.close();
    }
  });
});
