import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/test-support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'saring-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const saring = (args: string[], env: Record<string, string> = {}) => runCli(args, join(tmp, 'none'), env);

describe('saring scan', () => {
  it('removes styled gambling spam with evidence on the original characters', async () => {
    const text = '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku';
    const { code, stdout } = await saring(['scan', '--json', text]);
    expect(code).toBe(0);
    const verdict = JSON.parse(stdout);
    expect(verdict.action).toBe('remove');
    expect(verdict.policyVersion).toBe('indonesia-default@builtin');
    const gambling = verdict.categories.find((c: { category: string }) => c.category === 'gambling');
    expect(gambling.score).toBeGreaterThanOrEqual(0.85);
    const codePoints = [...text];
    const textEvidence = gambling.evidence.filter((e: { source: string }) => e.source === 'caption');
    for (const e of textEvidence) {
      expect(codePoints.slice(e.start, e.end).join('')).toBe(e.match);
    }
    expect(textEvidence.some((e: { match: string }) => e.match.includes('𝐒𝐋𝐎𝐓'))).toBe(true);
    // The shipped classifier's contribution, with the features that moved it, on the original characters.
    const model = gambling.evidence.find((e: { source: string }) => e.source === 'model');
    expect(model).toMatchObject({ model: 'judol', label: 'promo', version: 'builtin' });
    expect(model.score).toBeGreaterThan(0.9);
    const gacor = model.features.find((f: { feature: string }) => f.feature === 'gacor');
    expect(codePoints.slice(gacor.start, gacor.end).join('')).toBe('𝐆𝐀𝐂𝐎𝐑');
  });

  it('does not remove criticism of gambling', async () => {
    const { stdout } = await saring(['scan', '--json', 'judi online itu haram']);
    expect(JSON.parse(stdout).action).not.toBe('remove');
  });

  it('streams a batch, one verdict per line in order, and reports bad lines without stopping', async () => {
    const file = join(tmp, 'batch.jsonl');
    const lines = [
      JSON.stringify({ id: 'a', text: 'Resep rendang enak' }),
      '{"id": "broken",',
      JSON.stringify({ id: 'b', text: 'slot gacor maxwin depo 10rb bosku' }),
      JSON.stringify({ externalId: 'c', kind: 'comment', texts: { comment: 'WD cepat anti rungkad slot88' } }),
      JSON.stringify({ id: 'd', text: '\ud800' }), // JSON.stringify escapes the lone surrogate
    ];
    writeFileSync(file, Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from([0xff, 0xfe, 0x0a])]));
    const { code, stdout } = await saring(['scan', '--json', '--batch', file]);
    expect(code).toBe(1); // some lines were bad
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id ?? `line ${o.line}`)).toEqual(['a', 'line 2', 'b', 'c', 'd', 'line 6']);
    expect(out[0].action).toBe('allow');
    expect(out[1].error.code).toBe('invalid_json');
    expect(out[2].action).toBe('remove');
    expect(out[3].action).toBe('remove');
    expect(out[4].error.code).toBe('invalid_utf8');
    expect(out[5].error.code).toBe('invalid_utf8');
  });

  it('scans batch lines with other keys, reporting them, and takes --id-field and --text-field', async () => {
    const labelled = join(tmp, 'labelled.jsonl');
    writeFileSync(labelled, [JSON.stringify({ id: 'x', text: 'slot gacor maxwin depo 10rb', label: 1 }), JSON.stringify({ id: 'y', text: 'resep rendang', label: 0 })].join('\n'));
    const r = await saring(['scan', '--json', '--batch', labelled]);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.action, o.ignored])).toEqual([
      ['x', 'remove', ['label']],
      ['y', 'allow', ['label']],
    ]);
    const other = join(tmp, 'other.jsonl');
    writeFileSync(other, `${JSON.stringify({ kode: 'k1', isi: 'slot gacor maxwin depo 10rb' })}\n${JSON.stringify({ kode: 'k2' })}\n`);
    const o = await saring(['scan', '--json', '--batch', other, '--id-field', 'kode', '--text-field', 'isi']);
    const lines = o.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ id: 'k1', action: 'remove' });
    expect(lines[0].ignored).toBeUndefined();
    expect(lines[1]).toMatchObject({ id: 'k2', error: { code: 'validation_failed' } });
    expect(lines[1].error.message).toMatch(/no "isi"/);
  });

  it('explains what is missing', async () => {
    const { code, stderr } = await saring(['scan']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Give the text to scan/);
  });
});
