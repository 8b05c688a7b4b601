import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../db/connect.js';
import { BACKENDS, freshStorage } from '../test-support/storage.js';
import { appendAudit, GENESIS_HASH, listAudit, withDeferredAudit } from './log.js';
import { verifyAudit } from './verify.js';

describe.each(BACKENDS)('audit log on $label', ({ backend, skip }) => {
  let storage: Storage;
  beforeAll(async () => {
    if (!skip) storage = await freshStorage(backend);
  });
  afterAll(async () => {
    await storage?.close();
  });

  it.skipIf(skip)('chains entries and verifies an intact log', async () => {
    const db = storage.db;
    const first = await appendAudit(db, { actor: 'system', action: 'test.one', subjectType: 'test', subjectId: '1', data: { b: 2, a: [1, 'x'] } });
    const second = await appendAudit(db, { actor: 'user:1', action: 'test.two', subjectType: 'test', data: { nested: { z: 1, y: null } } });
    expect(first!.seq).toBe(1);
    expect(first!.prevHash).toBe(GENESIS_HASH);
    expect(second!.prevHash).toBe(first!.hash);
    for (let i = 0; i < 20; i++) await appendAudit(db, { actor: 'system', action: 'test.many', subjectType: 'test', data: { i } });
    const result = await verifyAudit(db, { pageSize: 7 }); // small pages exercise paging
    expect(result).toMatchObject({ ok: true, checked: 22, lastSeq: 22 });
    expect((await listAudit(db, { action: 'test.two' }))[0]?.hash).toBe(second!.hash);
  });

  it.skipIf(skip)('keeps the chain linear under concurrent appends', async () => {
    const db = storage.db;
    await Promise.all(Array.from({ length: 10 }, (_, i) => appendAudit(db, { actor: 'system', action: 'test.concurrent', subjectType: 'test', data: { i } })));
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it.skipIf(skip)('appends a transaction\'s deferred entries together at its end, in order, the chain still linear beside concurrent appends', async () => {
    const db = storage.db;
    const before = (await listAudit(db, { action: 'test.deferred' })).length;
    const deferredRun = (n: number) =>
      db.transaction().execute((trx) =>
        withDeferredAudit(trx, async () => {
          const atStart = (await listAudit(trx, { action: 'test.deferred' })).length;
          for (let i = 0; i < 5; i++) expect(await appendAudit(trx, { actor: 'system', action: 'test.deferred', subjectType: 'test', data: { n, i } })).toBeNull();
          // Nothing is in the log before the function ends.
          expect((await listAudit(trx, { action: 'test.deferred' })).length).toBe(atStart);
        }),
      );
    await Promise.all([deferredRun(1), deferredRun(2), appendAudit(db, { actor: 'system', action: 'test.concurrent', subjectType: 'test' })]);
    const entries = (await listAudit(db, { action: 'test.deferred', limit: 100 })).filter((e) => typeof e.data['n'] === 'number');
    expect(entries).toHaveLength(before + 10);
    for (const n of [1, 2]) {
      const own = entries.filter((e) => e.data['n'] === n).sort((a, b) => a.seq - b.seq);
      // Each transaction's five entries in the order they were made, one after another in the chain.
      expect(own.map((e) => e.data['i'])).toEqual([0, 1, 2, 3, 4]);
      expect(own.at(-1)!.seq - own[0]!.seq).toBe(4);
    }
    expect((await verifyAudit(db)).ok).toBe(true);
    // A transaction that fails appends nothing.
    await expect(
      db.transaction().execute((trx) =>
        withDeferredAudit(trx, async () => {
          await appendAudit(trx, { actor: 'system', action: 'test.rolled-back', subjectType: 'test' });
          throw new Error('no');
        }),
      ),
    ).rejects.toThrow('no');
    expect(await listAudit(db, { action: 'test.rolled-back' })).toHaveLength(0);
  });

  it.skipIf(skip)('refuses UPDATE and DELETE through the database', async () => {
    await expect(sql`UPDATE audit_log SET actor = 'mallory' WHERE seq = 1`.execute(storage.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(storage.db)).rejects.toThrow(/append-only/);
  });

  it.skipIf(skip)('names the first entry whose content was changed', async () => {
    const db = storage.db;
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    try {
      await sql`UPDATE audit_log SET data = '{"i": 99}'::jsonb WHERE seq = 5`.execute(db);
      const result = await verifyAudit(db);
      expect(result.ok).toBe(false);
      expect(result.firstBad).toMatchObject({ seq: 5, problem: 'content_changed' });
      expect(result.lastSeq).toBe(4);
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
    }
  });
});

describe.each(BACKENDS)('audit log tampering on $label', ({ backend, skip }) => {
  let storage: Storage;
  beforeAll(async () => {
    if (skip) return;
    storage = await freshStorage(backend);
    for (let i = 1; i <= 6; i++) await appendAudit(storage.db, { actor: 'system', action: `test.${i}`, subjectType: 'test', data: { i } });
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(storage.db);
  });
  afterAll(async () => {
    await storage?.close();
  });

  it.skipIf(skip)('reports two swapped entries as reordered', async () => {
    const db = storage.db;
    // Swap the contents of 3 and 4 with their own hashes: each row is self-consistent, the chain is not.
    await sql`UPDATE audit_log SET seq = -3 WHERE seq = 3`.execute(db);
    await sql`UPDATE audit_log SET seq = 3 WHERE seq = 4`.execute(db);
    await sql`UPDATE audit_log SET seq = 4 WHERE seq = -3`.execute(db);
    const result = await verifyAudit(db);
    expect(result.ok).toBe(false);
    expect(result.firstBad).toMatchObject({ seq: 3, problem: 'reordered', message: expect.stringContaining('entry 3 holds what was entry 4') });
    expect(result.lastSeq).toBe(2);
  });

  it.skipIf(skip)('detects a removed entry', async () => {
    const db = storage.db;
    await sql`DELETE FROM audit_log WHERE seq IN (3, 4)`.execute(db);
    const result = await verifyAudit(db);
    expect(result.firstBad).toMatchObject({ seq: 5, problem: 'entry_missing' });
  });
});
