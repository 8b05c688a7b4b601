import type { BankMatch } from '../banks/matcher.js';
import type { ModelMeta } from '../signals/text/classifier/model.js';
import type { Lexicon } from '../signals/text/index.js';
import type { Verdict } from '../scan/verdict.js';

/** A scan configuration as it travels to a scan thread (compiled there). */
export interface ConfigSnapshot {
  policy: unknown;
  policyVersion: string;
  lexicons: Lexicon[];
  models: { name: string; version: number | 'builtin'; meta: ModelMeta; weights: Uint8Array }[];
}

export interface ScanItem {
  texts: Record<string, string>;
  audience: string;
  bankMatches: { media: number; match: BankMatch }[];
}

export type ScanRequest = { type: 'config'; key: string; config: ConfigSnapshot } | { type: 'scan'; id: number; key: string; items: ScanItem[] };
export type ScanResponse = { type: 'result'; id: number; verdicts: Verdict[] } | { type: 'error'; id: number; message: string };
