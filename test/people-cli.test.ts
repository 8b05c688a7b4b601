import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { createSaring } from '../src/engine.js';
import { runCli } from '../src/test-support/cli.js';
import { templateDataDir } from '../src/test-support/storage.js';

const tmp = mkdtempSync(join(tmpdir(), 'saring-people-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PASSWORD = 'kopi tubruk pagi hari';
const NEW_PASSWORD = 'teh manis sore hari 42';

// The built CLI on one data directory, a few commands per test (each opens the embedded database).
describe('saring user: people who sign in', { timeout: 120_000 }, () => {
  const data = join(tmp, 'data');
  const saring = (args: string[], stdin?: string) => runCli(args, data, {}, stdin);
  beforeAll(() => templateDataDir(data));

  it('adds people with a password read from standard input (never from the command line), and lists their logins', async () => {
    const dewi = await saring(['user', 'add', '--role', 'moderator', '--name', 'Dewi Lestari', '--password-stdin'], `${PASSWORD}\n`);
    expect(dewi.code, dewi.stderr).toBe(0);
    expect(dewi.stdout).toBe('Created moderator Dewi Lestari with login dewi.lestari: they can sign in.\n');
    expect(dewi.stdout + dewi.stderr).not.toContain(PASSWORD);
    const sari = await saring(['user', 'add', '--role', 'senior_moderator', '--name', 'Sari', '--login', 'Sari@Example.id', '--org', 'T&S', '--password-stdin', '--json'], PASSWORD);
    expect(JSON.parse(sari.stdout).user).toMatchObject({ login: 'sari@example.id', role: 'senior_moderator', hasPassword: true });
    expect(JSON.parse(sari.stdout).apiKey).toBeUndefined();

    const weak = await saring(['user', 'add', '--role', 'moderator', '--name', 'Budi', '--password-stdin'], 'budi12345678\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/\[weak_password\]/);
    const argv = await saring(['user', 'add', '--role', 'moderator', '--name', 'Budi', '--password', PASSWORD]);
    expect(argv.code).toBe(1);
    expect(argv.stderr).toMatch(/unknown option '--password'/);

    const list = await saring(['user', 'list']);
    expect(list.stdout).toMatch(/moderator\s+dewi\.lestari\s+Dewi Lestari/);
    expect(list.stdout).toMatch(/senior_moderator\s+sari@example\.id\s+Sari \(T&S\)/);
    expect(list.stdout).toMatch(/admin\s+\(API keys only\)\s+admin/);
    expect(list.stdout).not.toMatch(/Budi/);
  });

  it('resets a password and deactivates a person; the person signs in with what the CLI set', async () => {
    const reset = await saring(['user', 'password', 'dewi.lestari', '--password-stdin'], `${NEW_PASSWORD}\r\n`);
    expect(reset.code, reset.stderr).toBe(0);
    const disable = await saring(['user', 'disable', 'sari@example.id']);
    expect(disable.stdout).toBe('Deactivated sari@example.id (Sari).\n');
    expect((await saring(['user', 'disable', 'nobody'])).stderr).toMatch(/\[not_found\]/);

    const engine = await createSaring(loadConfig({ dataDir: data, demo: false, workers: false }, {}), { warm: false });
    try {
      const signed = await engine.users.signIn('dewi.lestari', NEW_PASSWORD, { address: '127.0.0.1' });
      expect(signed.user).toMatchObject({ login: 'dewi.lestari', role: 'moderator' });
      expect((await engine.users.authenticateSession(signed.token)).user.login).toBe('dewi.lestari');
      await expect(engine.users.signIn('dewi.lestari', PASSWORD, { address: '127.0.0.1' })).rejects.toMatchObject({ code: 'invalid_credentials' });
      await expect(engine.users.signIn('sari@example.id', PASSWORD, { address: '127.0.0.1' })).rejects.toMatchObject({ code: 'account_disabled' });
      const audit = JSON.stringify(await engine.audit.list({ limit: 1000 }));
      expect(audit).toContain('user.password_reset');
      for (const secret of [PASSWORD, NEW_PASSWORD, signed.token]) expect(audit).not.toContain(secret);
    } finally {
      await engine.close();
    }
  });
});

describe('saring serve without demo data', { timeout: 120_000 }, () => {
  it('creates no demo people and no demo-credentials.txt, only the admin key', async () => {
    const data = join(tmp, 'no-demo');
    await templateDataDir(data);
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'saring.js'), 'serve', '--port', '0', '--no-demo', '--data', data], {
      env: { ...process.env, DATABASE_URL: '', SARING_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stderr!.on('data', (d) => (output += d));
        child.stdout!.on('data', (d) => {
          output += d;
          if (output.includes('Try: curl')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
      });
      expect(output).toContain('First start: an admin user was created');
      expect(output).not.toContain('Demo people');
      expect(existsSync(join(data, 'demo-credentials.txt'))).toBe(false);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
