/**
 * Per-category scores from lexicon hits.
 *
 * Positive weights combine by noisy-OR over distinct entries — 1 − Π(1 − w) — so that
 * independent cues add up without passing 1, and the same entry repeated counts once.
 * Counter-evidence (negative weights: criticism, news) multiplies the result by (1 + w)
 * per distinct entry; it only matters where there is positive evidence.
 */
import type { CategoryId } from '../../categories/categories.js';
import type { TextHit } from './lexicon.js';

export interface CategoryScore {
  category: CategoryId;
  /** 0..1 */
  score: number;
  /** The hits of this category (positive and counter-evidence), by position; the same objects as the input. */
  evidence: TextHit[];
}

function entryKey(hit: TextHit): string {
  return `${hit.lexicon}\u0000${hit.type}\u0000${hit.term}`;
}

/**
 * Scores hits per category; categories without positive evidence are left out. Sorted by
 * score, highest first.
 *
 * @example
 * scoreHits([{ category: 'gambling', weight: 0.6, … }, { category: 'gambling', weight: 0.5, … }])
 * // [{ category: 'gambling', score: 0.8, evidence: [...] }]
 */
export function scoreHits(hits: readonly TextHit[]): CategoryScore[] {
  const byCategory = new Map<CategoryId, TextHit[]>();
  for (const hit of hits) {
    const list = byCategory.get(hit.category);
    if (list) list.push(hit);
    else byCategory.set(hit.category, [hit]);
  }
  const out: CategoryScore[] = [];
  for (const [category, list] of byCategory) {
    const counted = new Set<string>();
    let miss = 1;
    let counter = 1;
    let positive = false;
    for (const hit of list) {
      const key = entryKey(hit);
      if (counted.has(key)) continue;
      counted.add(key);
      const w = Math.max(-1, Math.min(1, hit.weight));
      if (w > 0) {
        positive = true;
        miss *= 1 - w;
      } else if (w < 0) counter *= 1 + w;
    }
    if (!positive) continue;
    const score = Math.max(0, Math.min(1, (1 - miss) * counter));
    out.push({ category, score, evidence: [...list].sort((a, b) => a.start - b.start || a.end - b.end) });
  }
  return out.sort((a, b) => b.score - a.score || a.category.localeCompare(b.category));
}
