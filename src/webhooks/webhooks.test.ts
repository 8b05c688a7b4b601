import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../engine.js';
import { BACKENDS, testSaring } from '../test-support/storage.js';
import { emitEvent } from './webhooks.js';

/** A receiver that counts what it got per delivery id; `fail` answers 503 to everything. */
function receiver(fail: boolean) {
  const got = new Map<string, number>();
  const server: Server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['saring-delivery']);
      got.set(id, (got.get(id) ?? 0) + 1);
      res.writeHead(fail ? 503 : 204).end();
    });
  });
  return {
    got,
    server,
    async url() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    },
  };
}

describe.each(BACKENDS)('webhook delivery throughput on $label', ({ backend, skip }) => {
  let saring: Saring & { adminKey: string };
  const good = receiver(false);
  const bad = receiver(true);

  beforeAll(async () => {
    if (skip) return;
    // The production poll interval: throughput must not depend on polling fast.
    saring = await testSaring(backend, { jobPollSeconds: 1 });
  });
  afterAll(async () => {
    good.server.close();
    bad.server.close();
    await saring?.close();
  });

  it.skipIf(skip)('drains hundreds of queued deliveries in seconds, and a failing endpoint retries without holding up the others', async () => {
    const ok = await saring.webhooks.add({ url: await good.url() }, 'test');
    const failing = await saring.webhooks.add({ url: await bad.url(), events: ['content.review_required'] }, 'test');
    const GOOD = 350;
    const BAD = 50;
    await saring.db.transaction().execute(async (trx) => {
      for (let i = 0; i < GOOD - BAD; i++) await emitEvent(trx, saring.jobs, 'decision.created', { n: i });
      for (let i = 0; i < BAD; i++) await emitEvent(trx, saring.jobs, 'content.review_required', { n: i });
    });
    const started = Date.now();
    const count = async (endpoint: string, where: (q: any) => any) =>
      Number((await where(saring.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll().as('n')).where('endpoint_id', '=', endpoint)).executeTakeFirstOrThrow()).n);
    // About 4 deliveries a second per process before batching: 350 took 90 s. Now a few seconds;
    // the bound leaves room for a loaded CI machine.
    const BOUND_MS = 30_000;
    let delivered = 0;
    let retried = 0;
    while (Date.now() - started < BOUND_MS) {
      delivered = await count(ok.id, (q) => q.where('status', '=', 'delivered'));
      retried = await count(failing.id, (q) => q.where('attempts', '>=', 2));
      if (delivered === GOOD && retried === BAD) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect({ delivered, retried }).toEqual({ delivered: GOOD, retried: BAD });
    // Each delivery to the good endpoint was sent once: a failure in the same batch retried only itself.
    expect(good.got.size).toBe(GOOD);
    expect([...good.got.values()].every((n) => n === 1)).toBe(true);
    expect(await count(failing.id, (q) => q.where('status', '=', 'delivered'))).toBe(0);
    expect(await count(ok.id, (q) => q.where('attempts', '!=', 1))).toBe(0);
  });
});
