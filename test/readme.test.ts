/**
 * The README as a newcomer follows it: the tour uses the checkout's own CLI (no `npx`, which
 * would install the package from the registry first), and its first commands work as written.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
    for (const file of ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => join('docs', f))]) {
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
