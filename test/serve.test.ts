import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'saring.js');

/** The README's run command, as a newcomer gets it: `saring serve` on an empty data directory. */
describe('saring serve on an empty data directory', () => {
  const data = mkdtempSync(join(tmpdir(), 'saring-serve-'));
  let child: ChildProcess;
  let url = '';
  let output = '';
  let key = '';

  beforeAll(async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', data], {
      env: { ...process.env, DATABASE_URL: '', SARING_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (d) => (output += d));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start in 90 s:\n${output}`)), 90_000);
      child.stdout!.on('data', (d) => {
        output += d;
        const m = /running at (http:\/\/[^\s]+) /.exec(output);
        // The first start ends its message with a curl example; wait for all of it.
        if (m && output.includes('Try: curl')) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
    });
    key = readFileSync(join(data, 'initial-admin-key.txt'), 'utf8').trim();
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  });

  it('prints the admin key and loads the demo content', async () => {
    expect(output).toContain(key);
    expect(output).toMatch(/Loaded \d+ demo content items/);
    const res = await fetch(`${url}/v1/content?limit=100`, { headers: { authorization: `Bearer ${key}` } });
    const { items } = (await res.json()) as { items: { externalId: string; status: string }[] };
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.some((i) => i.status === 'removed')).toBe(true);
    expect(items.some((i) => i.status === 'active')).toBe(true);
  });

  it('answers scans and serves the API docs', async () => {
    const res = await fetch(`${url}/v1/scan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku' }),
    });
    expect(((await res.json()) as { action: string }).action).toBe('remove');
    expect((await fetch(`${url}/docs/`)).status).toBe(200);
    expect(((await (await fetch(`${url}/healthz`)).json()) as { database: string }).database).toBe('pglite');
  });

  it('owns the data directory while it runs and lets go when stopped', async () => {
    const lock = JSON.parse(readFileSync(join(data, 'saring.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: child.pid, url });
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(data, 'saring.lock'))).toBe(false);
  });
});
