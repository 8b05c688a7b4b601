import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../src/db/connect.js';
import { BACKENDS, scratchDatabase, templateDataDir } from '../src/test-support/storage.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'saring.js');
const ROWS = 6000;

/**
 * `saring import` as a user runs it: killed with SIGKILL in the middle of a file and run again
 * (every row stored once, nothing twice), rejected rows written beside the file, a second run of a
 * finished file doing nothing, and a CSV whose columns do not map refused before anything is stored.
 */
describe.each(BACKENDS)('saring import on $label', ({ backend, skip }) => {
  const tmp = mkdtempSync(join(tmpdir(), 'saring-import-cli-'));
  const data = join(tmp, 'data');
  const children = new Set<ChildProcess>();
  let databaseUrl = '';
  let dropDatabase = async () => {};

  beforeAll(async () => {
    if (skip) return;
    if (backend === 'postgres') {
      const scratch = await scratchDatabase('saring_import');
      databaseUrl = scratch.url;
      dropDatabase = scratch.drop;
    } else await templateDataDir(data);
  }, 120_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await dropDatabase();
    rmSync(tmp, { recursive: true, force: true });
  });

  function run(args: string[], until?: (stderr: string) => boolean): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [BIN, 'import', ...args, '--data', data], {
      env: { ...process.env, DATABASE_URL: databaseUrl, SARING_PROGRESS_SECONDS: '0', SARING_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => {
      stderr += d;
      if (until?.(stderr) && child.exitCode === null) child.kill('SIGKILL');
    });
    return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  }

  async function counts(): Promise<{ items: number; versions: number; runs: { status: string; counts: Record<string, number> }[] }> {
    const storage = await openStorage(databaseUrl ? { databaseUrl, dataDir: 'unused' } : { dataDir: data });
    try {
      const one = async (table: 'content_items' | 'content_versions') =>
        Number((await storage.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      const runs = await storage.db.selectFrom('import_runs').select(['status', 'counts']).orderBy('created_at').execute();
      return { items: await one('content_items'), versions: await one('content_versions'), runs };
    } finally {
      await storage.close();
    }
  }

  it.skipIf(skip)('continues after kill -9 where it stopped: every row once; rejected rows written beside the file; a finished file is not imported again', async () => {
    const file = join(tmp, 'backlog.jsonl');
    const lines = Array.from({ length: ROWS }, (_, i) =>
      i === 10 ? '{"externalId": "broken"' : i === 4000 ? JSON.stringify({ externalId: 'no-kind', texts: { text: 'x' } }) : JSON.stringify({ externalId: `cli-${i}`, kind: 'comment', texts: { comment: `komentar ${i}` }, createdAt: '2025-01-01T00:00:00Z' }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);

    // Killed once a batch past the first 1,000 rows has committed.
    const done = (err: string) => Math.max(0, ...[...err.matchAll(/%\s+([\d,]+) rows /g)].map((m) => Number(m[1]!.replace(/,/g, ''))));
    const first = await run([file, '--no-scan', '--batch', '200'], (err) => done(err) >= 1200);
    expect(first.signal).toBe('SIGKILL');
    const mid = await counts();
    expect(mid.runs).toHaveLength(1);
    expect(mid.runs[0]!.status).toBe('running');
    expect(mid.items).toBeGreaterThan(1000);
    expect(mid.items).toBeLessThan(ROWS - 2);
    expect(mid.items).toBe(mid.runs[0]!.counts['rows']! - mid.runs[0]!.counts['rejected']!);

    const second = await run([file, '--no-scan', '--batch', '200']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/resumed/);
    expect(second.stdout).toMatch(/6,000 rows: 5,998 new, 0 changed \(new version\), 0 unchanged, 2 rejected/);
    const after = await counts();
    expect(after.items).toBe(ROWS - 2);
    expect(after.versions).toBe(ROWS - 2);
    expect(after.runs.map((r) => r.status)).toEqual(['finished']);

    const rejectsFile = `${file}.rejects.jsonl`;
    expect(second.stdout).toContain(rejectsFile);
    const rejects = readFileSync(rejectsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejects.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [11, 'invalid_json'],
      [4001, 'validation_failed'],
    ]);

    const third = await run([file, '--json']);
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout)).toMatchObject({ alreadyFinished: true, run: { status: 'finished', counts: { rows: ROWS } } });
    expect((await counts()).items).toBe(ROWS - 2);
  });

  it.skipIf(skip)('refuses a CSV whose columns do not map, naming them, and stores nothing', async () => {
    const file = join(tmp, 'posts.csv');
    writeFileSync(file, 'post_id,kind,body\np-1,video,halo\n');
    const before = await counts();
    const r = await run([file, '--map', 'post_id=externalId']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/column "body" maps onto no field/);
    expect(r.stderr).toMatch(/\[invalid_import_file\]/);
    const after = await counts();
    expect(after.items).toBe(before.items);
    expect(after.runs).toHaveLength(before.runs.length);
    expect(existsSync(`${file}.rejects.jsonl`)).toBe(false);
  });
});
