import { describe, expect, it } from 'vitest';
import type { CategoryId } from '../../categories/categories.js';
import type { TextHit } from './lexicon.js';
import { scoreHits } from './score.js';

let at = 0;
function hit(term: string, weight: number, category: CategoryId = 'gambling', lexicon = 'gambling'): TextHit {
  at += 10;
  return { category, lexicon, lexiconVersion: 1, term, type: 'word', weight, start: at, end: at + term.length, match: term, view: 'plain' };
}

describe('scoreHits', () => {
  it('combines positive weights by noisy-OR', () => {
    const [s] = scoreHits([hit('slot', 0.5), hit('gacor', 0.6)]);
    expect(s!.score).toBeCloseTo(1 - 0.5 * 0.4, 10);
  });

  it('counts a repeated entry once', () => {
    const [s] = scoreHits([hit('gacor', 0.6), hit('gacor', 0.6), hit('gacor', 0.6)]);
    expect(s!.score).toBeCloseTo(0.6, 10);
    expect(s!.evidence).toHaveLength(3);
  });

  it('treats the same term in two lexicons as two entries', () => {
    const [s] = scoreHits([hit('gacor', 0.5, 'gambling', 'a'), hit('gacor', 0.5, 'gambling', 'b')]);
    expect(s!.score).toBeCloseTo(0.75, 10);
  });

  it('multiplies by (1 + w) for each distinct counter entry', () => {
    const [s] = scoreHits([hit('slot', 0.8), hit('haram', -0.5), hit('polisi', -0.5), hit('haram', -0.5)]);
    expect(s!.score).toBeCloseTo(0.8 * 0.5 * 0.5, 10);
  });

  it('leaves out categories with only counter-evidence', () => {
    expect(scoreHits([hit('haram', -0.6)])).toEqual([]);
  });

  it('stays within [0, 1]', () => {
    const [full] = scoreHits([hit('a', 1), hit('b', 0.9)]);
    expect(full!.score).toBe(1);
    const [zero] = scoreHits([hit('a', 0.9), hit('b', -1)]);
    expect(zero!.score).toBe(0);
  });

  it('sorts categories by score and keeps the hit objects as evidence, by position', () => {
    const porn = hit('bokep', 0.6, 'pornography', 'pornography');
    const g2 = hit('maxwin', 0.75);
    const g1 = { ...hit('slot gacor', 0.9), start: 0, end: 10 };
    const counter = hit('dosa', -0.4, 'pornography', 'pornography');
    const out = scoreHits([porn, g2, g1, counter]);
    expect(out.map((s) => s.category)).toEqual(['gambling', 'pornography']);
    expect(out[0]!.evidence[0]).toBe(g1);
    expect(out[0]!.evidence[1]).toBe(g2);
    expect(out[1]!.evidence).toEqual([porn, counter]);
    expect(out[1]!.score).toBeCloseTo(0.6 * 0.6, 10);
  });

  it('returns nothing for no hits', () => {
    expect(scoreHits([])).toEqual([]);
  });
});
