import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSaring } from '../src/engine.js';
import { loadConfig } from '../src/config/config.js';
import { templateDataDir } from '../src/test-support/storage.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'saring.js');
const STRICT = join(ROOT, 'data', 'policies', 'examples', 'indonesia-strict.yaml');

/** `saring sweep` as a user runs it on the embedded database: the command does the work, with progress on stderr. */
describe('saring sweep (embedded database)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'saring-sweep-cli-'));
  const data = join(tmp, 'data');

  beforeAll(async () => {
    await templateDataDir(data);
    const saring = await createSaring(loadConfig({ dataDir: data, workers: false, demo: false }, {}), { command: 'test' });
    try {
      const texts = ['slot gacor hari ini', 'daftar situs judi online terpercaya', 'pinjol tanpa jaminan', 'Selamat pagi semua, cuaca cerah', 'resep nasi goreng kampung', 'video kucing lucu'];
      for (const [i, text] of texts.entries()) await saring.content.submit({ externalId: `cli-${i}`, kind: 'comment', texts: { text } }, 'test');
    } finally {
      await saring.close();
    }
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [BIN, 'sweep', ...args, '--data', data], { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  }

  it('backtests a candidate file with a progress line, reports it, applies, lists; a bad filter is one clear line and exit 1', async () => {
    const backtest = await run(['--dry-run', '--policy', STRICT, '--json', '--note', 'cli']);
    expect(backtest.code).toBe(0);
    expect(backtest.stderr).toMatch(/6\/6 \(100\.0 %\)\s+\d[\d,]* items\/s\s+ETA/);
    const sweep = JSON.parse(backtest.stdout);
    expect(sweep).toMatchObject({ mode: 'backtest', status: 'finished', policyVersion: expect.stringMatching(/^candidate:/), progress: { total: 6, processed: 6 } });

    const out = join(tmp, 'report.json');
    const report = await run(['report', sweep.id, '--out', out]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('review → remove');
    expect(report.stdout).toContain('allow → review');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json).toMatchObject({ final: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), sweep: { id: sweep.id } });

    const apply = await run(['--filter', 'kind=comment,video', '--json']);
    expect(apply.code).toBe(0);
    expect(JSON.parse(apply.stdout)).toMatchObject({ mode: 'apply', status: 'finished', progress: { processed: 6 } });

    const list = await run(['list']);
    expect(list.stdout.trim().split('\n')).toHaveLength(2);

    const bad = await run(['--filter', 'colour=red']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('colour');
    expect(bad.stderr).toContain('[validation_failed]');
    const candidateApply = await run(['--policy', STRICT]);
    expect(candidateApply.code).toBe(1);
    expect(candidateApply.stderr).toContain('--dry-run');
    expect((await run(['list'])).stdout.trim().split('\n')).toHaveLength(2);
  }, 240_000);
});
