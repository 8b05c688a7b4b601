/**
 * The README as a newcomer follows it: the tour uses the checkout's own CLI (no `npx`, which
 * would install the package from the registry first), and its first commands work as written.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function tour(): string[] {
  const section = README.slice(README.indexOf('## A short tour'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('The README has no tour block.');
  return block[1]!.trim().split('\n');
}

describe('the README', () => {
  it('names the checkout’s own CLI, never npx, in the README and the docs', () => {
    const lines = tour();
    expect(lines[0]).toBe('alias saring="$PWD/bin/saring.js"');
    expect(lines.slice(1).every((l) => l.startsWith('saring '))).toBe(true);
    for (const file of ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => /\.(md|json)$/.test(f)).map((f) => join('docs', f))]) {
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/npx saring/);
    }
  });

  it('runs the first tour commands as written', async () => {
    const [alias, spam, criticism] = tour();
    const run = (line: string) =>
      promisify(execFile)('bash', ['-c', `shopt -s expand_aliases\n${alias}\n${line}`], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', SARING_DATA: join(ROOT, '.tmp', 'readme-none') } });
    const removed = JSON.parse((await run(spam!)).stdout);
    expect(removed).toMatchObject({ action: 'remove', categories: [{ category: 'gambling' }] });
    expect((await run(criticism!)).stdout).toMatch(/^ALLOW/);
  });
});

/** The "Clean a backlog" commands, in order. */
function backlogFlow(): string[] {
  const section = README.slice(README.indexOf('## Clean a backlog'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('The README has no "Clean a backlog" block.');
  return block[1]!.trim().split('\n');
}

describe('the README’s "Clean a backlog"', () => {
  it('runs as written on a fresh data directory (300 items instead of 100,000)', async () => {
    const lines = backlogFlow();
    expect(lines[0]).toMatch(/^saring demo backlog --items 100000 --out backlog\.jsonl/);
    expect(lines.every((l) => l.startsWith('saring '))).toBe(true);
    const alias = tour()[0]!.replace('$PWD', ROOT); // defined in the checkout, used anywhere
    const dir = mkdtempSync(join(tmpdir(), 'saring-readme-backlog-'));
    symlinkSync(join(ROOT, 'data'), join(dir, 'data')); // the example policy, as from the checkout
    const env = { ...process.env, DATABASE_URL: '', SARING_DATA: join(dir, 'saring-data') };
    const run = async (line: string) => (await promisify(execFile)('bash', ['-c', `shopt -s expand_aliases\n${alias}\n${line}`], { cwd: dir, env, maxBuffer: 16 << 20 })).stdout;
    try {
      let id = '';
      const outputs: string[] = [];
      for (const line of lines) {
        const command = line.replace('--items 100000', '--items 300').replace('<id>', id);
        const out = await run(command);
        outputs.push(out);
        id = /saring sweep report (\S+)/.exec(out)?.[1] ?? id;
      }
      expect(outputs[0]).toMatch(/Wrote 300 items/);
      expect(outputs[2]).toMatch(/backtest/);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const report = JSON.parse(readFileSync(join(dir, 'sweep-report.json'), 'utf8'));
      expect(report).toMatchObject({ final: true, sweep: { id, mode: 'apply', status: 'finished', progress: { total: 300, processed: 300 } } });
      expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
