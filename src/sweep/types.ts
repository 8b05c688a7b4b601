import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import { CONTENT_KINDS } from '../scan/schema.js';
import { ACTIONS, type Action } from '../policy/schema.js';

/** The statuses a sweep goes through: queued → running ⇄ paused → finished (or cancelled, failed). */
export const SWEEP_STATUSES = ['queued', 'running', 'paused', 'cancelled', 'finished', 'failed'] as const;
export type SweepStatus = (typeof SWEEP_STATUSES)[number];
/** Statuses of a sweep that is not over: it holds its place (one active apply sweep at a time). */
export const ACTIVE_STATUSES: readonly SweepStatus[] = ['queued', 'running', 'paused'];
export const SWEEP_MODES = ['backtest', 'apply'] as const;
export type SweepMode = (typeof SWEEP_MODES)[number];
/** A content item's state, as the statuses stored on content_items. */
export const CONTENT_STATUSES = ['active', 'in_review', 'held', 'restricted', 'removed'] as const;

const isoTime = z.iso.datetime({ offset: true }).or(z.iso.date());

/**
 * Which stored items a sweep takes (all of them when empty). Unknown keys are refused.
 * `createdFrom`/`createdTo` compare the platform's creation time (`posted_at`), or when Saring
 * stored the item where the platform gave none; `createdTo` is exclusive.
 */
export const sweepFilterSchema = z
  .object({
    /** Content kinds (one or several). */
    kind: z.union([z.enum(CONTENT_KINDS), z.array(z.enum(CONTENT_KINDS)).min(1).max(CONTENT_KINDS.length)]).optional(),
    createdFrom: isoTime.optional(),
    createdTo: isoTime.optional(),
    /** The top category of the item's latest scan, or the category of its latest decision. */
    category: z.enum(CATEGORY_IDS).optional(),
    /** The item's current status. */
    status: z.union([z.enum(CONTENT_STATUSES), z.array(z.enum(CONTENT_STATUSES)).min(1).max(CONTENT_STATUSES.length)]).optional(),
    /** The platform's account id (external id). */
    account: z.string().min(1).max(256).optional(),
    /** A bank's name: items with a media hash banked in it, or whose latest scan matched it. */
    bank: z.string().min(1).max(128).optional(),
    /** The policy version the item was last scanned with, e.g. `indonesia-default@v3`. */
    policyVersion: z.string().min(1).max(256).optional(),
  })
  .strict()
  .refine((f) => !f.createdFrom || !f.createdTo || new Date(f.createdFrom) < new Date(f.createdTo), { message: 'createdFrom must be before createdTo', path: ['createdTo'] });
export type SweepFilter = z.infer<typeof sweepFilterSchema>;

const lexiconName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a lexicon name is lower-case letters, digits, - and _');

/** What POST /v1/sweeps takes. */
export const sweepInputSchema = z
  .object({
    mode: z.enum(SWEEP_MODES),
    filter: sweepFilterSchema.optional(),
    /** A backtest's candidate policy: its YAML (validated as POST /v1/policy validates it) or a stored version. */
    policy: z.union([z.object({ source: z.string().min(1).max(1_000_000) }).strict(), z.object({ version: z.number().int().min(1).max(2_147_483_647) }).strict()]).optional(),
    /** A backtest's candidate lexicon versions: name → version. */
    lexicons: z.record(lexiconName, z.number().int().min(1).max(2_147_483_647)).optional(),
    /** Act even where a person's decision is the item's latest (apply). */
    overrideHuman: z.boolean().optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .refine((s) => s.mode === 'backtest' || (!s.policy && !s.lexicons), {
    message: 'an apply sweep runs the active policy and lexicons; backtest a candidate, then activate it (POST /v1/policy, /v1/lexicons/{name}/activate) and apply',
    path: ['mode'],
  })
  .refine((s) => !s.lexicons || Object.keys(s.lexicons).length <= 100, { message: 'at most 100 lexicons', path: ['lexicons'] });
export type SweepInput = z.input<typeof sweepInputSchema>;
export type ValidSweepInput = z.output<typeof sweepInputSchema>;

/** The candidate a backtest scans with, as stored (a policy source is kept with its sha256). */
export interface StoredCandidate {
  policy?: { version: number } | { source: string; sha256: string };
  lexicons?: Record<string, number>;
}

export interface SweepProgress {
  /** Items the filter matched when the sweep was created. */
  total: number;
  processed: number;
  /** Items whose verdict differs from their current state. */
  changed: number;
  /** Items acted on (apply). */
  acted: number;
  /** Items per second since the sweep (re)started: up to now while running, over the whole run once finished; 0 otherwise. */
  ratePerSecond: number;
  etaSeconds: number | null;
  ranges: { total: number; done: number };
}

export interface Sweep {
  id: string;
  mode: SweepMode;
  status: SweepStatus;
  filter: SweepFilter;
  /** The configuration it scans with: the active policy's label (`indonesia-default@v3`) or `candidate:<sha256 12>`. */
  policyVersion: string;
  candidate?: { policy?: { version: number } | { sha256: string }; lexicons?: Record<string, number> };
  overrideHuman: boolean;
  note: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error?: { code: string; message: string };
  progress: SweepProgress;
}

export interface Agreement {
  precision: number | null;
  recall: number | null;
  tp: number;
  fp: number;
  fn: number;
}

export interface SweepSample {
  contentId: string;
  externalId: string;
  excerpt: string;
  category: string | null;
  score: number;
}

export interface SweepReport {
  sweep: Sweep;
  counts: { byCategory: Record<string, number>; byAction: Record<string, number> };
  transitions: { from: Action; to: Action; count: number }[];
  samples: { from: Action; to: Action; items: SweepSample[] }[];
  agreement: { decided: number; candidate: Agreement; current: Agreement } | null;
  acted?: { decisions: number; reviews: number; keptHuman: number; wouldLift: number };
  /** Whether the report is final (the sweep finished); otherwise what the sweep did so far. */
  final: boolean;
  generatedAt: string;
  /** SHA-256 (hex) of the canonical JSON (keys sorted, no spaces) of the report without `sha256` and `signature`. */
  sha256: string;
  /** Ed25519 over the same canonical JSON, with the compliance report key (GET /v1/regulator/public-key). */
  signature?: { keyId: string; value: string };
}

export { ACTIONS };
export type { Action };
