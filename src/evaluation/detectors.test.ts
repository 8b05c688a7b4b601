import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinScanConfig } from '../scan/scan-config.js';
import { initLanguageId } from '../signals/text/language.js';
import type { Verdict } from '../scan/verdict.js';
import { actionFor, EvalSetError, evalSetDir, evaluateDetectors, formatEvaluation, loadEvalSets, readEvalSet, type DetectorEvaluation } from './detectors.js';

/** The categories the regulator orders on that have shipped detectors and evaluation sets (issue 14). */
const CATEGORIES = ['drugs', 'fraud', 'gambling', 'illegal_goods', 'pornography', 'sara_hate', 'terrorism'];

describe('evaluation sets', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'saring-eval-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, lines: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };
  const line = (o: object) => JSON.stringify({ text: 'a text', label: 1, kind: 'prize', lang: 'id', ...o });

  it.each([
    ['not JSON', '{"text": ', /:2: not JSON/],
    ['no text', line({ text: '' }), /text must be/],
    ['a label that is not 0 or 1', line({ label: 2 }), /label must be 0 or 1/],
    ['a kind that is not a tag', line({ kind: 'Big Kind' }), /kind must be/],
    ['an unknown language form', line({ lang: 'indonesian' }), /lang must be/],
  ])('refuses a line with %s, naming the file and line', (_name, bad, message) => {
    const file = write('fraud.jsonl', [line({ text: 'first' }), bad]);
    expect(() => readEvalSet(file, 'fraud')).toThrow(EvalSetError);
    expect(() => readEvalSet(file, 'fraud')).toThrow(message);
  });

  it('refuses the same text twice, and a file not named after a category', () => {
    expect(() => readEvalSet(write('fraud.jsonl', [line({}), line({ label: 0 })]), 'fraud')).toThrow(/twice/);
    const other = mkdtempSync(join(tmpdir(), 'saring-eval-'));
    writeFileSync(join(other, 'casino.jsonl'), line({}));
    expect(() => loadEvalSets(other)).toThrow(/casino is not a category id/);
    rmSync(other, { recursive: true });
  });

  it('counts a category as reviewed when the verdict holds it for review (e.g. an unsupported language)', () => {
    const verdict = { action: 'review', categories: [{ category: 'fraud', action: 'remove', score: 0.9 }] } as unknown as Verdict;
    expect(actionFor(verdict, 'fraud')).toBe('review');
    expect(actionFor(verdict, 'gambling')).toBe('allow');
  });

  it('scores recall, precision and the review share from verdicts', () => {
    const sets = [
      {
        category: 'gambling' as const,
        file: 'x',
        lines: [
          { text: '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku, daftar di slot88', label: 1 as const, kind: 'slot', lang: 'id' },
          { text: 'Resep nasi goreng kampung yang enak', label: 1 as const, kind: 'slot', lang: 'id' },
          { text: 'Hari ini hujan deras di Bandung', label: 0 as const, kind: 'ordinary', lang: 'id' },
        ],
      },
    ];
    const result = evaluateDetectors(builtinScanConfig(), sets);
    expect(result.categories[0]).toMatchObject({ category: 'gambling', positives: 2, negatives: 1, truePositives: 1, falsePositives: 0, precision: 1, recall: 0.5 });
    expect(result.errors).toMatchObject([{ type: 'miss', line: { text: 'Resep nasi goreng kampung yang enak' } }]);
    expect(formatEvaluation(result)).toMatch(/gambling\s+2\s+1\s+1\.000\s+0\.500/);
  });
});

describe('the shipped detectors on the shipped evaluation sets (default policy)', () => {
  let result: DetectorEvaluation;
  let holdout: DetectorEvaluation;
  beforeAll(async () => {
    await initLanguageId();
    const config = builtinScanConfig();
    result = evaluateDetectors(config, loadEvalSets(evalSetDir('eval')));
    holdout = evaluateDetectors(config, loadEvalSets(evalSetDir('holdout')));
  }, 120_000);

  it('has a set of at least 150 positives and 150 hard negatives for every category', () => {
    const sizes = Object.fromEntries(result.categories.map((c) => [c.category, c.positives >= 150 && c.negatives >= 150]));
    expect(sizes).toEqual(Object.fromEntries(CATEGORIES.map((c) => [c, true])));
  });

  it('reaches precision 0.95 and recall 0.85, leaving at most 15 % of positives in review, in every category', () => {
    const short = result.categories
      .filter((c) => c.precision < 0.95 || c.recall < 0.85 || c.review > 0.15)
      .map((c) => `${c.category}: precision ${c.precision}, recall ${c.recall}, review ${c.review}`);
    expect(short, formatEvaluation(result)).toEqual([]);
  });

  it('never carries a score that is not a number in 0..1', () => {
    expect(result.scoresFinite).toBe(true);
    expect(holdout.scoresFinite).toBe(true);
  });

  it('has a held-out set, written after tuning, for every category', () => {
    expect(holdout.categories.map((c) => c.category)).toEqual(CATEGORIES);
  });
});
