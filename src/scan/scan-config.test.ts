import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../db/connect.js';
import { createSaring } from '../engine.js';
import { freshStorage, templateDataDir, testConfig } from '../test-support/storage.js';
import { readScanSnapshot } from './scan-config.js';

const STRICT = 'id: strict\nname: Strict\ncategories:\n  gambling:\n    rules: [{ minScore: 0.1, action: remove }]\n';

describe('scan configuration across processes', () => {
  it.skipIf(!process.env['DATABASE_URL'])('a policy activated through one engine reaches another sharing the PostgreSQL', async () => {
    const storage = await freshStorage('postgres');
    const other = await openStorage({ databaseUrl: storage.url, dataDir: 'unused', poolSize: 2 });
    const a = await createSaring(testConfig(), { storage });
    const b = await createSaring(testConfig({ workers: false }), { storage: other });
    try {
      expect((await b.scan({ text: 'judi' })).policyVersion).toBe('indonesia-default@v1');
      await a.policy.activate(STRICT, 'test');
      await new Promise((r) => setTimeout(r, 2_100)); // b re-checks at most every 2 s
      expect((await b.scan({ text: 'judi' })).policyVersion).toBe('strict@v2');
    } finally {
      await b.close();
      await a.close();
      await other.close();
      await storage.close();
    }
  });
});

describe('the scan snapshot of an embedded data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'saring-snap-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows every change of policy and lexicons', async () => {
    await templateDataDir(dir);
    const saring = await createSaring(testConfig({ dataDir: dir, workers: false }));
    try {
      expect(readScanSnapshot(dir)?.policyVersion).toBe('indonesia-default@v1');
      await saring.policy.activate(STRICT, 'test');
      expect(readScanSnapshot(dir)?.policyVersion).toBe('strict@v2');
      await saring.lexicons.addEntries('gambling', [{ term: 'kodokwin', type: 'word', weight: 0.9 }], 'test');
      const snap = readScanSnapshot(dir)!;
      expect(snap.lexicons.find((l) => l.name === 'gambling')?.entries.some((e) => e.term === 'kodokwin')).toBe(true);
    } finally {
      await saring.close();
    }
  });
});
