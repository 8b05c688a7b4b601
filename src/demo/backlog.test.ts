import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHashCsv } from '../banks/exchange.js';
import { contentInputSchema } from '../content/schema.js';
import { SaringError } from '../errors/errors.js';
import { backlogBankHash, emptyCounts, generateBacklog, generateBankCsv, writeBacklog, type BacklogItem } from './backlog.js';

function distance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 64; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      d += x & 1;
      x >>>= 1;
    }
  }
  return d;
}

function hashesOf(item: BacklogItem): string[] {
  return (item.media ?? []).flatMap((m) => ('pdq' in m ? [m.pdq.hash] : m.vpdq.map((f) => f.hash)));
}

describe('generated backlog', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'saring-backlog-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('is the same for the same seed, and another for another seed', () => {
    const a = [...generateBacklog({ items: 300, bankSize: 1000 })];
    const b = [...generateBacklog({ items: 300, bankSize: 1000 })];
    const c = [...generateBacklog({ items: 300, bankSize: 1000, seed: 14 })];
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('has the mix it promises, and every line is a valid content input with createdAt over a year', () => {
    const counts = emptyCounts();
    const items = [...generateBacklog({ items: 20_000, bankSize: 5000 }, counts)];
    expect(counts.items).toBe(20_000);
    expect(counts.byGroup.clean / counts.items).toBeCloseTo(0.7, 1);
    expect(counts.byGroup.gambling / counts.items).toBeCloseTo(0.18, 1);
    expect(counts.byGroup.scam / counts.items).toBeCloseTo(0.12, 1);
    expect(counts.hashed / counts.items).toBeGreaterThan(0.25);
    expect(counts.hashed / counts.items).toBeLessThan(0.35);
    expect(counts.nearBank / counts.items).toBeGreaterThan(0.03);
    expect(counts.nearBank / counts.items).toBeLessThan(0.06);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.account.externalId)).size).toBeGreaterThan(500);
    for (const item of items.slice(0, 2000)) {
      const { createdAt, ...input } = item;
      expect(() => contentInputSchema.parse(input)).not.toThrow();
      expect(Number.isFinite(Date.parse(createdAt))).toBe(true);
    }
    const times = items.map((i) => Date.parse(i.createdAt));
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse('2025-11-30T00:00:00Z'));
    expect(times.at(-1)).toBeLessThan(Date.parse('2026-11-30T00:00:00Z'));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it('puts the near-bank share of hashes within a few bits of a bank entry, and the rest far from all', () => {
    const bankSize = 500;
    const bank = Array.from({ length: bankSize }, (_, j) => backlogBankHash(13, j));
    const counts = emptyCounts();
    const items = [...generateBacklog({ items: 3000, bankSize }, counts)];
    let near = 0;
    for (const item of items) {
      const best = Math.min(...hashesOf(item).map((h) => Math.min(...bank.map((e) => distance(h, e)))));
      if (best <= 10) near++;
      else if (Number.isFinite(best)) expect(best).toBeGreaterThan(60);
    }
    expect(counts.nearBank).toBeGreaterThan(50);
    expect(near).toBe(counts.nearBank);
  });

  it('writes JSONL and a bank CSV that `saring bank import` reads', async () => {
    const out = join(tmp, 'backlog.jsonl');
    const bankOut = join(tmp, 'bank.csv');
    const counts = await writeBacklog(out, { items: 1000, bankSize: 2000 }, bankOut);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(counts.items).toBe(1000);
    expect(JSON.parse(lines[0]!)).toEqual([...generateBacklog({ items: 1000, bankSize: 2000 })][0]);
    const entries = parseHashCsv(readFileSync(bankOut, 'utf8'));
    expect(entries).toHaveLength(2000);
    expect(entries[7]).toEqual({ signalType: 'pdq', value: backlogBankHash(13, 7) });
    expect([...generateBankCsv({ bankSize: 3 })]).toHaveLength(4);
  });

  it('refuses bad options with validation_failed', () => {
    for (const bad of [{ items: -1 }, { items: 1.5 }, { items: 10, cleanShare: 2 }, { items: 10, hashShare: Number.NaN }, { items: 10, bankSize: -3 }]) {
      expect(() => generateBacklog(bad).next()).toThrow(SaringError);
    }
  });
});
