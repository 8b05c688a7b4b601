import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVideo } from '../src/demo/media-fixtures.js';
import { BACKENDS, scratchDatabase } from '../src/test-support/storage.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'saring.js');

interface Analysis {
  id: string;
  status: string;
  startedAt: string | null;
  scanId: string | null;
}

/**
 * `saring serve` killed with SIGKILL in the middle of media analyses, and started again on the same
 * data directory or database: interrupted work is picked up again, and an analysis whose job dies
 * twice ends `failed` with the `content.analysed` webhook, never `running` for ever.
 */
describe.each(BACKENDS)('media analysis after kill -9 of the server, on $label', ({ backend, skip }) => {
  const tmp = mkdtempSync(join(tmpdir(), 'saring-crash-'));
  const videos = join(tmp, 'videos');
  const children = new Set<ChildProcess>();
  const hooks: { type: string; data: Record<string, unknown> }[] = [];
  const hookServer = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hooks.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  let databaseUrl = '';
  let dropDatabase = async () => {};
  let key = '';

  beforeAll(async () => {
    if (skip) return;
    mkdirSync(videos);
    await Promise.all([
      // Long enough that its analysis is still running when the server is killed.
      makeVideo(join(videos, 'long.mp4'), { seconds: 300, width: 320, height: 240, fps: 1 }),
      makeVideo(join(videos, 'short.mp4'), { seconds: 2, width: 320, height: 240, fps: 2 }),
    ]);
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
    if (backend === 'postgres') {
      const scratch = await scratchDatabase('saring_crash');
      databaseUrl = scratch.url;
      dropDatabase = scratch.drop;
    }
  }, 120_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    hookServer.close();
    await dropDatabase();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Starts `saring serve` and resolves with its URL once it listens. */
  async function serve(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-demo', '--data', join(tmp, 'data')], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        SARING_LOG_LEVEL: 'warn',
        SARING_MEDIA_ROOTS: videos,
        SARING_MEDIA_CONCURRENCY: '2',
        SARING_NUDITY_THREADS: '1',
        SARING_JOB_POLL_SECONDS: '0.5',
        // The shortest heartbeat pg-boss allows, checked every second: a dead worker's job is
        // retried about 11 s after its last heartbeat (production: 30 s, checked every 15 s).
        SARING_JOB_HEARTBEAT_SECONDS: '10',
        SARING_JOB_MONITOR_SECONDS: '1',
        SARING_WEBHOOK_RETRY_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let output = '';
    child.stderr!.on('data', (d) => (output += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start in 60 s:\n${output}`)), 60_000);
      child.stdout!.on('data', (d) => {
        output += d;
        const m = /running at (http:\/\/\S+) /.exec(output);
        const first = /Authorization: Bearer ([^"\s]+)/.exec(output);
        if (m && (key || first)) {
          key ||= first![1]!;
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
    });
    return { child, url, output: () => output };
  }

  async function kill9(child: ChildProcess): Promise<void> {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  const api = async (url: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  const analysis = async (url: string, externalId: string): Promise<Analysis> => (await api(url, `/v1/content/${externalId}`)).json.analysis;

  async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 90_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await fn();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it.skipIf(skip)('retries interrupted analyses after a restart, and fails one whose job died twice, with the webhook', async () => {
    const hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`;

    // 1. Both analyses start; the server dies.
    const first = await serve();
    expect((await api(first.url, '/v1/webhooks', { url: hookUrl, events: ['content.analysed'] })).status).toBe(201);
    for (const [externalId, file] of [['crash-long', 'long.mp4'], ['crash-short', 'short.mp4']]) {
      const res = await api(first.url, '/v1/content', { externalId, kind: 'video', texts: { caption: 'video baru' }, media: [{ type: 'video', path: join(videos, file!) }] });
      expect(res.status).toBe(202);
    }
    const started = {
      long: await until('the long analysis runs', async () => (await analysis(first.url, 'crash-long')).status === 'running' && (await analysis(first.url, 'crash-long'))),
      short: await until('the short analysis runs', async () => (await analysis(first.url, 'crash-short')).status === 'running' && (await analysis(first.url, 'crash-short'))),
    };
    await kill9(first.child);

    // 2. Restarted, both are retried: the short one finishes; the server dies again during the long one's retry.
    const second = await serve();
    const short = await until('the short analysis is done', async () => {
      const a = await analysis(second.url, 'crash-short');
      return a.status === 'done' && a;
    });
    expect(short.scanId).toEqual(expect.any(String));
    await until('the long analysis runs again', async () => {
      const a = await analysis(second.url, 'crash-long');
      return a.status === 'running' && a.startedAt !== started.long.startedAt;
    });
    await kill9(second.child);

    // 3. Restarted again: the long analysis' job died twice, so it fails and the platform is told.
    const third = await serve();
    try {
      const long = await until('the long analysis has failed', async () => {
        const a = await analysis(third.url, 'crash-long');
        return a.status === 'failed' && a;
      });
      expect(long.scanId).toBeNull();
      await until('the failure webhook arrives', async () => hooks.some((h) => h.data['analysisId'] === long.id && h.data['status'] === 'failed'));
      await until('the done webhook arrives', async () => hooks.some((h) => h.data['analysisId'] === short.id && h.data['status'] === 'done'));
      // The short item was judged once, by the retry.
      const item = (await api(third.url, '/v1/content/crash-short')).json;
      expect(item.scans).toHaveLength(1);
      expect(item.analysis).toMatchObject({ status: 'done', scanId: item.scans[0].id });
    } finally {
      await kill9(third.child);
    }
  }, 240_000);
});
