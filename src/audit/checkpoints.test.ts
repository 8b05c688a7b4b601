import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { Db, Storage } from '../db/connect.js';
import { createSaring } from '../engine.js';
import { BACKENDS, freshStorage, testApp, testConfig } from '../test-support/storage.js';
import {
  checkSignature,
  checkpointFromText,
  createCheckpoint,
  DEFAULT_KEY_FILE,
  exportAudit,
  loadAuditKeys,
  publicKeyPem,
  trustedKeysFromFiles,
  type AuditKeys,
  type SignedCheckpoint,
} from './checkpoints.js';
import { appendAudit, entryHash, listAudit } from './log.js';
import { verifyAudit, verifyExport } from './verify.js';

const tmp = mkdtempSync(join(tmpdir(), 'saring-audit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function append(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await appendAudit(db, { actor: 'system', action: 'test.entry', subjectType: 'test', data: { i } });
}

/** Lets a test change the log and its checkpoints as someone with database access could. */
async function unlock(db: Db): Promise<void> {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
  await sql`ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_no_update`.execute(db);
}

const kinds = (r: { problems: { problem: string }[] }) => r.problems.map((p) => p.problem);

describe('the signing key', () => {
  it('is generated once into the data directory, readable by its owner only', () => {
    const dir = join(tmp, 'data');
    const first = loadAuditKeys({ dataDir: dir });
    const path = join(dir, DEFAULT_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadAuditKeys({ dataDir: dir }).keyId).toBe(first.keyId);
    expect(first.keyId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lives in memory only for a memory:// installation (not in ./memory:/)', () => {
    const config = loadConfig({ dataDir: 'memory://' }, {});
    expect(config.dataDir).toBe('memory://');
    expect(loadAuditKeys({ dataDir: config.dataDir }).keyId).not.toBe(loadAuditKeys({ dataDir: config.dataDir }).keyId);
  });

  it('can be given by the operator, and must be Ed25519', () => {
    const ed = join(tmp, 'operator.pem');
    writeFileSync(ed, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const keys = loadAuditKeys({ dataDir: join(tmp, 'unused'), keyFile: ed });
    expect(keys.keyId).toBe(loadAuditKeys({ dataDir: join(tmp, 'other'), keyFile: ed }).keyId);
    const rsa = join(tmp, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadAuditKeys({ dataDir: tmp, keyFile: rsa })).toThrow(/rsa, not Ed25519/);
  });
});

describe.each(BACKENDS)('audit checkpoints on $label', ({ backend, skip }) => {
  let keys: AuditKeys;
  const opened: Storage[] = [];
  /** A fresh database with `n` entries and a checkpoint of the head. */
  async function signedLog(n: number): Promise<{ db: Db; checkpoint: SignedCheckpoint }> {
    const storage = await freshStorage(backend);
    opened.push(storage);
    keys ??= loadAuditKeys({ dataDir: 'memory://' });
    await append(storage.db, n);
    return { db: storage.db, checkpoint: (await createCheckpoint(storage.db, keys))! };
  }
  afterAll(async () => {
    for (const s of opened) await s.close();
  });

  it.skipIf(skip)('verifies an intact log; entries after the checkpoint are not yet covered, which is no error', async () => {
    const { db, checkpoint } = await signedLog(10);
    expect(checkpoint).toMatchObject({ seq: 10, keyId: keys.keyId });
    expect(await createCheckpoint(db, keys, { onlyIfMoved: true })).toBeUndefined();
    await append(db, 3);
    const result = await verifyAudit(db, { trusted: keys.trusted });
    expect(result).toMatchObject({ ok: true, problems: [], checked: 13, checkpoints: { checked: 1, latest: { seq: 10 }, uncovered: 3 } });
    expect((await createCheckpoint(db, keys, { onlyIfMoved: true }))?.seq).toBe(13);
    await expect(sql`DELETE FROM audit_checkpoints`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_checkpoints SET seq = 1`.execute(db)).rejects.toThrow(/append-only/);
  });

  it.skipIf(skip)('says how many entries were cut off after the checkpoint: the last, the last five, all', async () => {
    const { db } = await signedLog(22);
    await unlock(db);
    for (const [keep, message] of [
      [21, '1 entry was removed from the end: the log ends at entry 21, but the checkpoint signed at'],
      [17, '5 entries were removed from the end: the log ends at entry 17, but the checkpoint signed at'],
      [0, 'all 22 entries were removed: the log is empty'],
    ] as const) {
      await sql`DELETE FROM audit_log WHERE seq > ${keep}`.execute(db);
      const result = await verifyAudit(db, { trusted: keys.trusted });
      expect(result.ok).toBe(false);
      expect(result.firstBad).toBeUndefined(); // what is left of the chain is intact: only the checkpoint shows the cut
      expect(result.problems).toEqual([{ problem: 'entries_removed', seq: keep + 1, message: expect.stringContaining(message) }]);
    }
  });

  it.skipIf(skip)('catches an edited entry whose chain was recomputed with entryHash', async () => {
    const { db } = await signedLog(4);
    await append(db, 6);
    await createCheckpoint(db, keys);
    await unlock(db);
    const after5 = await listAudit(db, { afterSeq: 5 });
    let prevHash = after5[0]!.prevHash;
    for (const e of after5) {
      const forged = { ...e, data: e.seq === 6 ? { i: 'edited' } : e.data, prevHash };
      const { hash: _, ...rest } = forged;
      prevHash = entryHash(rest);
      await sql`UPDATE audit_log SET data = ${JSON.stringify(forged.data)}::jsonb, prev_hash = ${forged.prevHash}, hash = ${prevHash} WHERE seq = ${e.seq}`.execute(db);
    }
    const result = await verifyAudit(db, { trusted: keys.trusted });
    expect(result.firstBad).toBeUndefined(); // the chain alone cannot tell
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { problem: 'chain_rewritten', seq: 10, message: expect.stringContaining('the chain was recomputed after a change somewhere in entries 5–10') },
    ]);
  });

  it.skipIf(skip)('reports an entry moved several places as reordered', async () => {
    const { db } = await signedLog(6);
    await unlock(db);
    // Entry 5 moved up to position 2; 2, 3 and 4 each moved down one.
    await sql`UPDATE audit_log SET seq = -seq WHERE seq BETWEEN 2 AND 5`.execute(db);
    await sql`UPDATE audit_log SET seq = 2 WHERE seq = -5`.execute(db);
    await sql`UPDATE audit_log SET seq = -seq + 1 WHERE seq BETWEEN -4 AND -2`.execute(db);
    const result = await verifyAudit(db, { trusted: keys.trusted });
    expect(result.firstBad).toMatchObject({ seq: 2, problem: 'reordered', message: expect.stringContaining('entry 2 holds what was entry 5') });
  });

  it.skipIf(skip)('reports a checkpoint signed with a foreign key or with a broken signature, and trusts keys it is given', async () => {
    const { db, checkpoint } = await signedLog(3);
    const foreign = loadAuditKeys({ dataDir: 'memory://' });
    await createCheckpoint(db, foreign);
    const forged = { ...checkpoint, seq: 2, hash: (await listAudit(db))[1]!.hash };
    await db
      .insertInto('audit_checkpoints')
      .values({ seq: forged.seq, hash: forged.hash, at: new Date(forged.at), key_id: forged.keyId, public_key: forged.publicKey, signature: forged.signature })
      .execute();
    const result = await verifyAudit(db, { trusted: keys.trusted });
    expect(result.ok).toBe(false);
    expect(kinds(result).sort()).toEqual(['bad_signature', 'unknown_key']);
    expect(result.problems.find((p) => p.problem === 'unknown_key')?.message).toContain(foreign.keyId);

    // A key used before, listed as trusted (SARING_AUDIT_TRUSTED_KEYS), is accepted.
    const pem = join(tmp, `foreign-${backend}.pem`);
    writeFileSync(pem, publicKeyPem(foreign.publicKey));
    const both = loadAuditKeys({ dataDir: 'memory://', trustedKeyFiles: [pem] });
    const again = await verifyAudit(db, { trusted: new Map([...keys.trusted, ...both.trusted]) });
    expect(kinds(again)).toEqual(['bad_signature']);
  });

  it.skipIf(skip)('checks an external checkpoint, which holds even when the checkpoints table is emptied', async () => {
    const { db, checkpoint } = await signedLog(10);
    const external = checkpointFromText(`Signed …\n${JSON.stringify(checkpoint)}\n`, 'file');
    expect((await verifyAudit(db, { trusted: keys.trusted, external })).checkpoints.external).toMatchObject({ seq: 10, ok: true });

    await unlock(db);
    await sql`DELETE FROM audit_log WHERE seq > 7`.execute(db);
    await sql`DELETE FROM audit_checkpoints`.execute(db);
    expect((await verifyAudit(db, { trusted: keys.trusted })).ok).toBe(true); // what the table alone can no longer show
    const result = await verifyAudit(db, { trusted: keys.trusted, external });
    expect(result.ok).toBe(false);
    expect(kinds(result).sort()).toEqual(['checkpoint_missing', 'entries_removed']);
    expect(result.problems.find((p) => p.problem === 'entries_removed')?.message).toContain('3 entries were removed from the end');

    const altered = await verifyAudit(db, { trusted: keys.trusted, external: { ...external, seq: 7, hash: (await listAudit(db))[6]!.hash } });
    expect(kinds(altered)).toEqual(['bad_signature']);
  });

  it.skipIf(skip)('exports the entries with a signed checkpoint that verifies without the database', async () => {
    const { db } = await signedLog(5);
    const collect = async (afterSeq?: number) => {
      const { lines } = await exportAudit(db, keys, { pageSize: 2, ...(afterSeq !== undefined ? { afterSeq } : {}) });
      let text = '';
      for await (const chunk of lines) text += chunk;
      return text.trimEnd().split('\n');
    };
    const lines = await collect();
    expect(lines).toHaveLength(6);
    const { checkpoint } = JSON.parse(lines.at(-1)!) as { checkpoint: SignedCheckpoint };
    expect(checkpoint).toMatchObject({ seq: 5, hash: JSON.parse(lines[4]!).hash });
    expect(checkSignature(keys.trusted, checkpoint)).toBeUndefined();
    expect(await verifyExport(lines, keys.trusted)).toMatchObject({ ok: true, entries: 5, firstSeq: 1, lastSeq: 5, keyTrusted: true });
    expect(await verifyExport(await collect(3))).toMatchObject({ ok: true, entries: 2, firstSeq: 4, keyTrusted: false });

    const edited = lines.map((l, i) => (i === 1 ? l.replace('"i":1', '"i":7') : l));
    expect(kinds(await verifyExport(edited))).toEqual(['content_changed']);
    expect(kinds(await verifyExport([...lines.slice(0, 3), lines.at(-1)!]))).toEqual(['entries_removed']);
    expect(kinds(await verifyExport(lines.slice(0, 5)))).toEqual(['entries_removed']);
    const foreign = loadAuditKeys({ dataDir: 'memory://' });
    expect(kinds(await verifyExport(lines, foreign.trusted))).toEqual(['unknown_key']);
  });
});

describe.each(BACKENDS)('audit checkpoints through the engine and HTTP on $label', ({ backend, skip }) => {
  it.skipIf(skip)('signs on a timer while the head moves, and once more on close', async () => {
    const storage = await freshStorage(backend);
    try {
      const saring = await createSaring(testConfig({ audit: { trustedKeyFiles: [], checkpointSeconds: 0.2 } }), { storage });
      const count = async () => (await storage.db.selectFrom('audit_checkpoints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      for (let waited = 0; (await count()) === 0 && waited < 20_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      expect(Number(await count())).toBeGreaterThan(0);
      await saring.users.create({ name: 'late', role: 'auditor' }, 'test');
      await saring.close();
      const head = await storage.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      const last = await storage.db.selectFrom('audit_checkpoints').select(['seq', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last).toEqual(head);
    } finally {
      await storage.close();
    }
  });

  it.skipIf(skip)('streams an export, signs a checkpoint on demand and verifies against it', async () => {
    const { saring, app, auth, close } = await testApp(backend);
    try {
      const exported = await app.inject({ url: '/v1/audit/export', headers: auth });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const key = await saring.audit.signingKey();
      const result = await verifyExport(exported.body.trimEnd().split('\n'), trustedKeysFromFiles([writePem(key.publicKey)]));
      expect(result).toMatchObject({ ok: true, keyTrusted: true });
      expect(result.entries).toBeGreaterThan(0);

      const signed = await app.inject({ method: 'POST', url: '/v1/audit/checkpoint', headers: auth });
      expect(signed.statusCode).toBe(201);
      const verified = await app.inject({ method: 'POST', url: '/v1/audit/verify', headers: auth, payload: { checkpoint: signed.json() } });
      expect(verified.json()).toMatchObject({ ok: true, checkpoints: { external: { ok: true } } });
      const bad = await app.inject({ method: 'POST', url: '/v1/audit/verify', headers: auth, payload: { checkpoint: { ...signed.json(), seq: 1 } } });
      expect(bad.json()).toMatchObject({ ok: false, problems: [{ problem: 'bad_signature' }] });
    } finally {
      await close();
    }
  });
});

function writePem(pem: string): string {
  const path = join(tmp, `key-${Math.random().toString(36).slice(2)}.pem`);
  writeFileSync(path, pem);
  return path;
}
