import type { CategoryId } from '../categories/categories.js';
import { evaluatePolicy, type SourceScore } from '../policy/evaluate.js';
import type { ScanInput } from './schema.js';
import type { Audience } from '../policy/schema.js';
import { analyseText, scoreHits, type TextHit } from '../signals/text/index.js';
import type { ScanConfig } from './scan-config.js';
import type { Entity, TextEvidence, Verdict } from './verdict.js';

/** The scan part of the engine. */
export interface ScanApi {
  /** A verdict for texts; nothing is stored. */
  scan(input: ScanInput): Promise<Verdict>;
  /** The compiled policy and lexicons scans use now. */
  scanConfig(): Promise<ScanConfig>;
}

export interface ScanTextsInput {
  texts: Record<string, string>;
  audience: Audience;
}

/** Code-point offset of a UTF-16 offset. */
function codePointOffset(text: string, utf16: number): number {
  let n = 0;
  for (let i = 0; i < utf16; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= utf16) n++;
    else {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      n++;
    }
  }
  return n;
}

function toEvidence(field: string, text: string, hit: TextHit): TextEvidence {
  return {
    source: 'text',
    field,
    match: hit.match,
    start: codePointOffset(text, hit.start),
    end: codePointOffset(text, hit.end),
    term: hit.term,
    lexicon: hit.lexicon,
    lexiconVersion: hit.lexiconVersion,
    weight: hit.weight,
  };
}

/**
 * The scan pipeline for text: every field through the text signals, the hits of all fields
 * scored together per category (one document), then the policy. Pure and synchronous.
 */
export function scanTexts(config: ScanConfig, input: ScanTextsInput): Verdict {
  const hits: { field: string; text: string; hit: TextHit }[] = [];
  const entities: Entity[] = [];
  for (const [field, text] of Object.entries(input.texts)) {
    if (!text) continue;
    const analysis = analyseText(config.compiled, text);
    for (const hit of analysis.hits) hits.push({ field, text, hit });
    for (const e of analysis.entities) {
      entities.push({
        field,
        type: e.type,
        value: e.value,
        match: e.match,
        start: codePointOffset(text, e.start),
        end: codePointOffset(text, e.end),
      });
    }
  }
  const byHit = new Map(hits.map((h) => [h.hit, h]));
  const signals = new Map<CategoryId, Map<string, SourceScore<TextEvidence>>>();
  for (const scored of scoreHits(hits.map((h) => h.hit))) {
    const evidence = scored.evidence.map((hit) => {
      const origin = byHit.get(hit)!;
      return toEvidence(origin.field, origin.text, hit);
    });
    signals.set(scored.category, new Map([['lexicon', { source: 'lexicon', score: scored.score, evidence }]]));
  }
  const outcome = evaluatePolicy(config.policy, signals, input.audience);
  const verdict: Verdict = {
    action: outcome.action,
    categories: outcome.categories,
    policyVersion: config.policyVersion,
    signals: { entities },
  };
  if (outcome.review) verdict.review = outcome.review;
  return verdict;
}
