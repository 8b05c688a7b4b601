/**
 * How well the shipped detectors (lexicons, models, the policy over them) do on labelled
 * evaluation sets: per category, precision against hard negatives, recall on positives, and how
 * much is removed at once rather than left to a person (`npm run eval:detectors`, docs/detectors.md).
 *
 * A set is a JSON-lines file per category (`data/eval/<category>.jsonl`): `label` 1 is a positive
 * of that category, 0 a hard negative that must not be acted on for any category.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCategoryId, type CategoryId } from '../categories/categories.js';
import { dataPath } from '../config/paths.js';
import { severity, type Action, type Audience } from '../policy/schema.js';
import { scanTexts } from '../scan/scan.js';
import type { ScanConfig } from '../scan/scan-config.js';
import type { Verdict } from '../scan/verdict.js';

export interface EvalLine {
  text: string;
  /** 1: a positive of the set's category; 0: a hard negative. */
  label: 0 | 1;
  /** Sub-type: the kind of scam, or the kind of negative (news, warning, victim, …). */
  kind: string;
  /** ISO 639-1 of the line's main language, or `mixed`. */
  lang: string;
}

export interface EvalSet {
  category: CategoryId;
  file: string;
  lines: EvalLine[];
}

export class EvalSetError extends Error {
  override name = 'EvalSetError';
}

const MAX_TEXT = 10_000;

/** Reads one set; a malformed line is an error naming the file and line. */
export function readEvalSet(file: string, category: CategoryId): EvalSet {
  const lines: EvalLine[] = [];
  const seen = new Set<string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      const where = `${file}:${i + 1}`;
      let row: unknown;
      try {
        row = JSON.parse(raw);
      } catch (err) {
        throw new EvalSetError(`${where}: not JSON (${(err as Error).message})`);
      }
      const r = row as Partial<EvalLine>;
      if (typeof r.text !== 'string' || !r.text.trim() || r.text.length > MAX_TEXT) throw new EvalSetError(`${where}: text must be a non-empty string of at most ${MAX_TEXT} characters`);
      if (r.label !== 0 && r.label !== 1) throw new EvalSetError(`${where}: label must be 0 or 1`);
      if (typeof r.kind !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(r.kind)) throw new EvalSetError(`${where}: kind must be a lower-case tag`);
      if (typeof r.lang !== 'string' || !/^(?:[a-z]{2}|mixed)$/.test(r.lang)) throw new EvalSetError(`${where}: lang must be an ISO 639-1 code or "mixed"`);
      if (seen.has(r.text)) throw new EvalSetError(`${where}: the same text appears twice`);
      seen.add(r.text);
      lines.push({ text: r.text, label: r.label, kind: r.kind, lang: r.lang });
    });
  return { category, file, lines };
}

/** The folder of the shipped sets (`data/eval`); `holdout` sets are in its `holdout/`. */
export function evalSetDir(which: 'eval' | 'holdout' = 'eval'): string {
  return which === 'eval' ? dataPath('eval') : join(dataPath('eval'), 'holdout');
}

/** Every `<category>.jsonl` in a folder, sorted by category. */
export function loadEvalSets(dir: string = evalSetDir()): EvalSet[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => {
      const category = f.slice(0, -'.jsonl'.length);
      if (!isCategoryId(category)) throw new EvalSetError(`${join(dir, f)}: ${category} is not a category id`);
      return readEvalSet(join(dir, f), category);
    });
}

/** What the verdict does about one category: its own action, capped by the verdict's (a language or media rule may hold it for review). */
export function actionFor(verdict: Verdict, category: CategoryId): Action {
  const c = verdict.categories.find((x) => x.category === category);
  if (!c) return 'allow';
  return severity(c.action) > severity(verdict.action) ? verdict.action : c.action;
}

export interface CategoryFigures {
  category: CategoryId;
  positives: number;
  /** Label-0 lines of this category's own set. */
  negatives: number;
  truePositives: number;
  /** Label-0 lines of any set flagged for this category. */
  falsePositives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Shares of the positives: removed, age-restricted, and left to a person (review). */
  removed: number;
  restricted: number;
  review: number;
  /** Share of this set's negatives sent to review for any category (queue load from the hard cases). */
  negativesReviewed: number;
  /** Recall per positive kind. */
  byKind: Record<string, { lines: number; flagged: number }>;
}

export interface EvalError {
  category: CategoryId;
  /** `miss`: a positive allowed; `review`: a positive only reviewed; `false_positive`: a negative flagged. */
  type: 'miss' | 'review' | 'false_positive';
  /** The category the line was flagged for (false positives), or its own. */
  flaggedAs: CategoryId;
  line: EvalLine;
  action: Action;
  score: number;
  /** Lexicon terms and model scores behind the category. */
  evidence: string[];
}

export interface DetectorEvaluation {
  audience: Audience;
  policyVersion: string;
  categories: CategoryFigures[];
  errors: EvalError[];
  /** Lines scanned, and every category score in every verdict was a number in 0..1. */
  lines: number;
  scoresFinite: boolean;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function evidenceOf(verdict: Verdict, category: CategoryId): { score: number; evidence: string[] } {
  const c = verdict.categories.find((x) => x.category === category);
  if (!c) return { score: 0, evidence: [] };
  const evidence = c.evidence.map((e) => {
    if (e.source === 'model') return `model ${e.model}/${e.label} ${e.score}`;
    if ('term' in e) return `${e.term} (${e.weight})`;
    return e.source;
  });
  return { score: c.score, evidence };
}

/** Flagged: any action but allow for the category. */
const flagged = (a: Action) => a !== 'allow';

/**
 * Scans every line of every set as one text field and scores each set's category. Pure apart
 * from the scan (language identification is used when it has been initialised).
 */
export function evaluateDetectors(config: ScanConfig, sets: readonly EvalSet[], audience: Audience = 'general'): DetectorEvaluation {
  const scanned = sets.map((set) => set.lines.map((line) => scanTexts(config, { texts: { text: line.text }, audience })));
  let scoresFinite = true;
  for (const verdicts of scanned) for (const v of verdicts) for (const c of v.categories) if (!(typeof c.score === 'number' && c.score >= 0 && c.score <= 1)) scoresFinite = false;
  const errors: EvalError[] = [];
  const categories = sets.map((set, si): CategoryFigures => {
    const C = set.category;
    let positives = 0;
    let negatives = 0;
    let tp = 0;
    let removed = 0;
    let restricted = 0;
    let review = 0;
    let negativesReviewed = 0;
    const byKind: CategoryFigures['byKind'] = {};
    set.lines.forEach((line, i) => {
      const verdict = scanned[si]![i]!;
      if (line.label === 0) {
        negatives++;
        if (verdict.action === 'review') negativesReviewed++;
        return;
      }
      positives++;
      const action = actionFor(verdict, C);
      const k = (byKind[line.kind] ??= { lines: 0, flagged: 0 });
      k.lines++;
      if (flagged(action)) {
        tp++;
        k.flagged++;
      }
      if (action === 'review') review++;
      else if (action === 'remove') removed++;
      else if (flagged(action)) restricted++;
      if (!flagged(action) || action === 'review') errors.push({ category: C, type: action === 'review' ? 'review' : 'miss', flaggedAs: C, line, action, ...evidenceOf(verdict, C) });
    });
    // False positives: a negative line of any set flagged for this category.
    let fp = 0;
    sets.forEach((other, oi) =>
      other.lines.forEach((line, i) => {
        if (line.label !== 0) return;
        const verdict = scanned[oi]![i]!;
        const action = actionFor(verdict, C);
        if (!flagged(action)) return;
        fp++;
        errors.push({ category: other.category, type: 'false_positive', flaggedAs: C, line, action, ...evidenceOf(verdict, C) });
      }),
    );
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = positives === 0 ? 0 : tp / positives;
    return {
      category: C,
      positives,
      negatives,
      truePositives: tp,
      falsePositives: fp,
      precision: r3(precision),
      recall: r3(recall),
      f1: r3(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
      removed: r3(positives ? removed / positives : 0),
      restricted: r3(positives ? restricted / positives : 0),
      review: r3(positives ? review / positives : 0),
      negativesReviewed: r3(negatives ? negativesReviewed / negatives : 0),
      byKind,
    };
  });
  return { audience, policyVersion: config.policyVersion, categories, errors, lines: scanned.reduce((n, v) => n + v.length, 0), scoresFinite };
}

/** The figures as a plain-text table (`npm run eval:detectors`). */
export function formatEvaluation(result: DetectorEvaluation): string {
  const head = ['category', 'pos', 'neg', 'precision', 'recall', 'F1', 'removed', 'restricted', 'review', 'FP', 'neg→review'];
  const rows = result.categories.map((c) => [
    c.category,
    String(c.positives),
    String(c.negatives),
    c.precision.toFixed(3),
    c.recall.toFixed(3),
    c.f1.toFixed(3),
    `${(c.removed * 100).toFixed(1)} %`,
    `${(c.restricted * 100).toFixed(1)} %`,
    `${(c.review * 100).toFixed(1)} %`,
    String(c.falsePositives),
    `${(c.negativesReviewed * 100).toFixed(1)} %`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
