import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../src/db/connect.js';
import { runCli } from '../src/test-support/cli.js';
import { templateDataDir } from '../src/test-support/storage.js';

const tmp = mkdtempSync(join(tmpdir(), 'saring-audit-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('saring audit checkpoints', () => {
  it('signs a checkpoint to keep elsewhere, exports a verifiable copy, and catches cut-off entries with the kept checkpoint', async () => {
    const data = join(tmp, 'data');
    await templateDataDir(data);
    const signed = await runCli(['audit', 'checkpoint', '--json'], data);
    expect(signed.code, signed.stderr).toBe(0);
    const checkpoint = JSON.parse(signed.stdout);
    expect(checkpoint).toMatchObject({ seq: expect.any(Number), keyId: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(statSync(join(data, 'audit-signing-key.pem')).mode & 0o777).toBe(0o600);
    const kept = join(tmp, 'checkpoint.json');
    writeFileSync(kept, signed.stdout);

    const copy = join(tmp, 'audit.jsonl');
    expect((await runCli(['audit', 'export', '--out', copy], data)).code).toBe(0);
    const lines = readFileSync(copy, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1)!).checkpoint.seq).toBe(checkpoint.seq);
    const checked = await runCli(['audit', 'verify-export', copy], data);
    expect(checked.code, checked.stdout).toBe(0);
    expect(checked.stdout).toContain(`Signed with key ${checkpoint.keyId}`);

    // Someone with database access cuts off the newest two entries and empties the checkpoints table.
    const storage = await openStorage({ dataDir: data, command: 'test' });
    try {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(storage.db);
      await sql`ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_no_update`.execute(storage.db);
      await sql`DELETE FROM audit_log WHERE seq > ${checkpoint.seq - 2}`.execute(storage.db);
      await sql`DELETE FROM audit_checkpoints`.execute(storage.db);
    } finally {
      await storage.close();
    }
    const verify = await runCli(['audit', 'verify', '--checkpoint', kept], data);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('TAMPERED');
    expect(verify.stdout).toContain(`2 entries were removed from the end: the log ends at entry ${checkpoint.seq - 2}`);
    expect(verify.stdout).toContain('is not among the stored checkpoints');
  });
});
