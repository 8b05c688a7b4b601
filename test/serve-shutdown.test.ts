import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderImage } from '../src/demo/media-fixtures.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'saring.js');

/**
 * `saring serve` told to stop (SIGTERM) while a request is in flight: it takes no new connection,
 * answers the request in flight, then exits 0 (docs/operations.md#graceful-shutdown). The request is
 * an upload whose body is still arriving when the signal comes.
 */
describe('saring serve stops gracefully', { timeout: 180_000 }, () => {
  const data = mkdtempSync(join(tmpdir(), 'saring-shutdown-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(data, { recursive: true, force: true });
  });

  it('answers the request in flight, refuses new connections, and exits 0', async () => {
    const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-demo', '--data', data, '--shutdown-grace', '20'], {
      env: { ...process.env, DATABASE_URL: '', SARING_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let output = '';
    proc.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start in 90 s:\n${output}`)), 90_000);
      proc.stdout!.on('data', (d) => {
        output += d;
        const m = /running at (http:\/\/[^\s]+) /.exec(output);
        if (m && output.includes('Try: curl')) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      proc.once('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
    });
    const key = readFileSync(join(data, 'initial-admin-key.txt'), 'utf8').trim();
    const image = await renderImage({ width: 320, height: 240, text: 'PELAN', format: 'png' });

    // An upload whose body comes in two halves, the signal between them.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${url}/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'image/png', 'content-length': image.length } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.write(image.subarray(0, image.length >> 1));
      setTimeout(() => {
        proc.kill('SIGTERM');
        setTimeout(async () => {
          // Stopping: no new connection is taken.
          const refused = await fetch(`${url}/healthz`).then(
            () => false,
            () => true,
          );
          expect(refused).toBe(true);
          req.end(image.subarray(image.length >> 1));
        }, 1_000);
      }, 500);
    });
    const { status, body } = await answer;
    expect(status, body).toBe(201);
    expect(JSON.parse(body)).toMatchObject({ bytes: image.length, kind: 'image' });
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: stopping');
  });
});
