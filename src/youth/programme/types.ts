import type { Bilingual } from '../../decisions/statement.js';

/** PP Tunas' own age bands (PP 17/2025): what a catalogue item is for. */
export const PROGRAMME_BANDS = ['3_5', '6_9', '10_12', '13_15', '16_17'] as const;
export type ProgrammeBand = (typeof PROGRAMME_BANDS)[number];

/** The programme's topics, a fixed list (the console and e-mails name them in Bahasa Indonesia and English). */
export const PROGRAMME_TOPICS = {
  digital_literacy: { id: 'Literasi digital', en: 'Digital literacy' },
  science: { id: 'Sains', en: 'Science' },
  mathematics: { id: 'Matematika', en: 'Mathematics' },
  language: { id: 'Bahasa', en: 'Language' },
  religion_character: { id: 'Agama & budi pekerti', en: 'Religion & character' },
  health: { id: 'Kesehatan', en: 'Health' },
  arts: { id: 'Seni', en: 'Arts' },
  online_safety: { id: 'Keselamatan online', en: 'Online safety' },
  history_culture: { id: 'Sejarah & budaya', en: 'History & culture' },
  environment: { id: 'Lingkungan hidup', en: 'Environment' },
} as const satisfies Record<string, Bilingual>;
export type ProgrammeTopic = keyof typeof PROGRAMME_TOPICS;
export const TOPIC_IDS = Object.keys(PROGRAMME_TOPICS) as [ProgrammeTopic, ...ProgrammeTopic[]];

/**
 * A nomination's life: `pending` until a partner decides; `rejected` (with the reason); `blocked`
 * (approved, but a safety check failed); `catalogued`; `left` (it was in the catalogue and left it).
 */
export const NOMINATION_STATUSES = ['pending', 'rejected', 'blocked', 'catalogued', 'left'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** Why an item left the catalogue. */
export const LEAVE_REASONS = ['flagged', 'reported', 'removed', 'restricted', 'account_action', 'underage_account'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

export const LEAVE_REASON_TEXT: Record<LeaveReason, Bilingual> = {
  flagged: { id: 'ditandai oleh pemindaian Saring dan masuk antrean peninjauan', en: 'flagged by Saring’s scan and sent to review' },
  reported: { id: 'dilaporkan dan masuk antrean peninjauan', en: 'reported and sent to review' },
  removed: { id: 'dihapus', en: 'removed' },
  restricted: { id: 'dibatasi usia', en: 'age-restricted' },
  account_action: { id: 'akun pengunggahnya ditangguhkan atau ditutup', en: 'its account was suspended or closed' },
  underage_account: { id: 'akun pengunggahnya di bawah usia minimum', en: 'its account is under the minimum age' },
};

/** Saring's safety checks an approved item must pass to enter the catalogue. */
export const SAFETY_CHECKS = ['content_active', 'verdict_allow', 'no_bank_match', 'no_open_review', 'account_standing', 'account_age'] as const;
export type SafetyCheck = (typeof SAFETY_CHECKS)[number];

export interface CheckResult {
  check: SafetyCheck;
  passed: boolean;
  /** Why it failed (or what it found), in English for the record. */
  detail: string | null;
}

export interface Nomination {
  id: string;
  content: { id: string; externalId: string; kind: string; caption: string | null };
  band: ProgrammeBand;
  topic: ProgrammeTopic;
  note: string | null;
  organisation: string;
  status: NominationStatus;
  nominatedBy: string;
  nominatedAt: string;
  decision: { by: string; organisation: string | null; at: string; reason: string | null; approved: boolean } | null;
  /** The safety checks run at approval (null before). */
  checks: CheckResult[] | null;
  cataloguedAt: string | null;
  left: { at: string; reason: LeaveReason; detail: Record<string, unknown> } | null;
}

/** A catalogue item as the under-16 experience is served it. */
export interface CatalogueItem {
  id: string;
  contentId: string;
  externalId: string;
  kind: string;
  caption: string | null;
  band: ProgrammeBand;
  topic: ProgrammeTopic;
  note: string | null;
  organisation: string;
  approvedBy: string | null;
  cataloguedAt: string;
}

export interface ProgrammeReport {
  period: { from: string; to: string };
  /** The catalogue now, by topic and band. */
  catalogue: { total: number; byTopic: Record<string, number>; byBand: Record<string, number>; cells: { topic: ProgrammeTopic; band: ProgrammeBand; count: number }[] };
  /** In the period. */
  nominations: number;
  approvals: number;
  rejections: number;
  /** Approved but a safety check failed: by check. */
  blocked: { total: number; byCheck: Record<string, number> };
  removals: { total: number; byReason: Record<string, number> };
  /** Hours from nomination to a partner's decision: median of the decisions in the period (null: none). */
  medianHoursToReview: number | null;
  /** Nominations waiting for a decision now. */
  pending: number;
}
