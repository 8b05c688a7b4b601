import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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

  it('creates demo people (an admin, a moderator, two senior moderators, a regulator officer, two programme partners) with random passwords, printed and saved 0600, who sign in', async () => {
    const file = join(data, 'demo-credentials.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const people = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(/\s+/));
    expect(people.map(([role, login]) => `${role} ${login}`)).toEqual([
      'admin demo-admin',
      'moderator demo-moderator',
      'senior_moderator demo-senior-1',
      'senior_moderator demo-senior-2',
      'regulator demo-officer',
      'partner demo-partner',
      'partner demo-partner-2',
    ]);
    expect(new Set(people.map((p) => p[2])).size).toBe(7);
    for (const [role, login, password] of people) {
      expect(output).toContain(password);
      const res = await fetch(`${url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/^saring_session=.*; HttpOnly; SameSite=Strict$/);
      expect(((await res.json()) as { user: { role: string } }).user.role).toBe(role);
      // The officer sees Komdigi's demo orders, and only those.
      if (login === 'demo-officer') {
        const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
        const orders = (await (await fetch(`${url}/v1/regulator/orders`, { headers: { cookie } })).json()) as { orders: { organisation: string; requestedAction: string; status: string }[] };
        expect(orders.orders.map((o) => [o.organisation, o.requestedAction, o.status]).sort()).toEqual([
          ['Komdigi', 'information', 'received'],
          ['Komdigi', 'remove', 'completed'],
          ['Komdigi', 'remove', 'received'],
        ]);
      }
      // A partner sees the programme's catalogue and their own organisation's nominations only.
      if (login === 'demo-partner') {
        const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
        const catalogue = (await (await fetch(`${url}/v1/programme/catalogue`, { headers: { cookie } })).json()) as { items: unknown[] };
        expect(catalogue.items.length).toBeGreaterThan(0);
        const nominations = (await (await fetch(`${url}/v1/programme/nominations`, { headers: { cookie } })).json()) as { nominations: { organisation: string }[] };
        expect(new Set(nominations.nominations.map((n) => n.organisation))).toEqual(new Set(['KPAI']));
      }
    }
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

  it('answers big bodies on the wrong routes at once, in bounded memory, whether authenticated or not', async () => {
    // The demo media is analysed in the background after the start; measure once that is over.
    for (const id of ['demo-media-overlay', 'demo-media-clean', 'demo-media-vlog', 'demo-media-picture']) {
      for (let waited = 0; waited < 120_000; waited += 500) {
        const item = await fetch(`${url}/v1/content/${id}`, { headers: { authorization: `Bearer ${key}` } });
        const status = item.ok ? ((await item.json()) as { analysis?: { status: string } }).analysis?.status : undefined;
        if (!status || !['queued', 'running'].includes(status)) break;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const peak = (): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    const before = existsSync(`/proc/${child.pid}/status`) ? peak() : 0;
    const started = Date.now();
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const anonymous = await fetch(`${url}/v1/scan`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: zeros });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.text()).length).toBeLessThan(512);
    const big = new Uint8Array(50 * 1024 * 1024);
    const png = await fetch(`${url}/v1/content`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'image/png' }, body: big });
    expect(png.status).toBe(415);
    expect(((await png.json()) as { error: { message: string } }).error.message).toMatch(/takes application\/json; got image\/png/);
    expect(Date.now() - started).toBeLessThan(10_000);
    if (before > 0) expect(peak() - before).toBeLessThan(150 * 1024 * 1024);
  }, 150_000);

  it('refuses, at once and in one line, to start on a port in use, and keeps nothing', async () => {
    const port = new URL(url).port;
    const other = mkdtempSync(join(tmpdir(), 'saring-serve-taken-'));
    try {
      const started = Date.now();
      const second = spawn(process.execPath, [BIN, 'serve', '--port', port, '--data', other], {
        env: { ...process.env, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      second.stderr!.on('data', (d) => (err += d));
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(code).toBe(1);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(err).toMatch(new RegExp(`^saring: Port ${port} on 127\\.0\\.0\\.1 is already in use[^\\n]*\\[port_in_use\\]\\n$`));
      expect(existsSync(join(other, 'saring.lock'))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
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
