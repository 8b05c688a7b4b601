import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/test-support/cli.js';
import { templateDataDir } from '../src/test-support/storage.js';

const tmp = mkdtempSync(join(tmpdir(), 'saring-cli-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const saring = (args: string[], env: Record<string, string> = {}) => runCli(args, join(tmp, 'none'), env);

// Each command here opens the embedded database (about 2 s on an idle 2-core machine): the tests
// run in order on one data directory, a few commands each, with room for a loaded machine.
describe('saring with a data directory', { timeout: 120_000 }, () => {
  const data = join(tmp, 'data');
  const env = { SARING_DATA: data };
  beforeAll(() => templateDataDir(data));

  it('adds a user and a lexicon entry, and scans with what is active', async () => {
    const add = await saring(['user', 'add', '--role', 'moderator', '--name', 'Dewi', '--org', 'T&S', '--json'], env);
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout).apiKey).toMatch(/^srg_[0-9a-f]{12}_/);
    expect(existsSync(join(data, 'initial-admin-key.txt'))).toBe(true);

    // $USER unset (cron, containers): the audit log still names the OS account.
    const lex = await saring(['lexicon', 'add', 'gambling', 'kodokwin', '--weight', '0.8', '--note', 'new brand'], { ...env, USER: '' });
    expect(lex.code).toBe(0);
    const scan = await saring(['scan', '--json', 'ayo main di kodokwin'], env);
    // The new term alone sends it to review (removal also needs the model to agree, or the
    // lexicon to be decisive on its own).
    expect(JSON.parse(scan.stdout)).toMatchObject({ action: 'review', policyVersion: 'indonesia-default@v1' });
  });

  it('lists the shipped lexicons that differ from the active versions, and stores them on upgrade', async () => {
    // The edit above made gambling differ from what ships.
    const dry = JSON.parse((await saring(['lexicon', 'upgrade', '--dry-run', '--json'], env)).stdout) as { name: string; status: string; added: number; removed: number }[];
    expect(dry.find((c) => c.name === 'gambling')).toMatchObject({ status: 'changed', removed: 1 });
    expect(dry.filter((c) => c.status === 'current').length).toBeGreaterThan(0);
    const up = await saring(['lexicon', 'upgrade'], env);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/gambling\s+v2\s+changed: \+0 −1 entries\s+→ v3/);
    const after = JSON.parse((await saring(['lexicon', 'upgrade', '--dry-run', '--json'], env)).stdout) as { status: string }[];
    expect(after.every((c) => c.status === 'current')).toBe(true);
    // Back to the edited version for the tests below.
    expect((await saring(['lexicon', 'rollback', 'gambling', '2'], env)).code).toBe(0);
  });

  it('activates, lists and shows policy versions; a command’s own --version N is the stored version', async () => {
    const policyFile = join(tmp, 'policy.yaml');
    writeFileSync(policyFile, 'id: test-policy\nname: Test\ncategories:\n  gambling:\n    rules: [{ minScore: 0.99, action: review }]\n');
    expect((await saring(['policy', 'validate', policyFile])).code).toBe(0);
    const activated = await saring(['policy', 'activate', policyFile, '--note', 'testing'], env);
    expect(activated.stdout).toMatch(/test-policy@v2/);
    const history = await saring(['policy', 'list', '--json'], env);
    expect(JSON.parse(history.stdout).map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // A command's own --version N is the stored version, not the program's version.
    expect(JSON.parse((await saring(['policy', 'show', '--version', '1', '--json'], env)).stdout)).toMatchObject({ version: 1, active: false });
    expect(JSON.parse((await saring(['lexicon', 'show', 'gambling', '--version', '1', '--json'], env)).stdout)).toMatchObject({ name: 'gambling', version: 1 });
    expect((await saring(['model', 'activate', 'judol', '--version', '1'], env)).stdout).toBe('Active model: judol@v1 [promo]\n');
    expect(JSON.parse((await saring(['scan', '--json', 'ayo main di kodokwin'], env)).stdout).policyVersion).toBe('test-policy@v2');
  });

  it('verifies the audit log, which names the OS account behind CLI changes even without $USER', async () => {
    const verify = await saring(['audit', 'verify', '--json'], env);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    const entries = JSON.parse((await saring(['audit', 'list', '--json', '--limit', '1000'], env)).stdout) as { actor: string; action: string }[];
    expect(entries.filter((e) => e.action.startsWith('lexicon.')).at(-1)?.actor).toBe(`cli:${userInfo().username}`);
  });

  it('creates a bank, imports a hash list and a vPDQ file, lists and exports', async () => {
    const pdq = 'f8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';
    const csv = join(tmp, 'hashes.csv');
    writeFileSync(csv, `signal_type,signal_value\npdq,${pdq}\nvideo_md5,${'b'.repeat(32)}\n`);
    expect((await saring(['bank', 'create', 'shared', '--category', 'terrorism', '--action', 'review'], env)).code).toBe(0);
    const imported = await saring(['bank', 'import', 'shared', csv, '--source', 'partner list'], env);
    expect(imported.stdout).toMatch(/2 added, 0 already there/);
    const vpdq = join(import.meta.dirname, 'fixtures', 'vpdq', 'expected', 'pattern-hd-no-bar.txt');
    expect((await saring(['bank', 'import', 'shared', vpdq, '--vpdq', '--id', 'pattern-hd'], env)).stdout).toMatch(/1 added/);
    const list = JSON.parse((await saring(['bank', 'list', '--json'], env)).stdout);
    expect(list.find((b: { name: string }) => b.name === 'shared')).toMatchObject({ entries: 3, action: 'review', category: 'terrorism' });
    const exported = await saring(['bank', 'export', 'shared'], env);
    expect(exported.stdout).toContain(`pdq,${pdq},terrorism`);
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'pdq,nothex\n');
    const refused = await saring(['bank', 'import', 'shared', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/invalid_hash/);
  });

  it('rejects an invalid policy file with every problem listed', async () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'id: Bad Id\nname: X\ncategories:\n  casino: {}\n');
    const { code, stderr } = await saring(['policy', 'validate', bad]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/invalid_policy/);
    expect(stderr).toMatch(/id/);
  });

  it('refuses, at once and clearly, a data directory another live process owns', async () => {
    writeFileSync(join(data, 'saring.lock'), JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), command: 'saring serve', url: 'http://127.0.0.1:9999' }));
    try {
      const { code, stderr } = await saring(['user', 'list'], env);
      expect(code).toBe(1);
      expect(stderr).toMatch(/in use by process \d+ \(saring serve at http:\/\/127\.0\.0\.1:9999/);
      expect(stderr).toMatch(/data_dir_locked/);
      // scan still works beside the owner, from the snapshot
      const scan = await saring(['scan', '--json', 'slot gacor maxwin'], env);
      expect(scan.code).toBe(0);
      expect(JSON.parse(scan.stdout).policyVersion).toBe('test-policy@v2');
    } finally {
      rmSync(join(data, 'saring.lock'));
    }
  });

  it('takes over the lock of a dead process', async () => {
    writeFileSync(join(data, 'saring.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, hostname: hostname(), startedAt: '2020-01-01T00:00:00Z' }));
    const { code, stdout } = await saring(['user', 'list'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/admin/);
    expect(existsSync(join(data, 'saring.lock'))).toBe(false);
  });

  it('loads the demo content with every kind of verdict', async () => {
    expect((await saring(['policy', 'rollback', '1'], env)).code).toBe(0);
    const { code, stdout } = await saring(['demo'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/removed/);
    expect(stdout).toMatch(/active/);
    expect(stdout).toMatch(/in_review/);
    expect(stdout).toMatch(/restricted/);
    expect(readFileSync(join(data, 'scan-config.json'), 'utf8')).toContain('indonesia-default@v1');
  });
});
