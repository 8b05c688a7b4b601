import { SaringError } from '../../errors/errors.js';
import { YOUTH_FEATURES, type YouthFeature, type YouthSettings } from '../../policy/schema.js';

/**
 * Age bands, assurance and status (docs/youth.md "Age records, eligibility and corrections"): pure
 * functions, no database. The bands are the ministry's platform bands; the band boundaries are
 * the ages 13, 16 and 18.
 */
export const AGE_BANDS = ['under_13', '13_15', '16_17', '18_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** How sure Saring is of the band, weakest first. */
export const ASSURANCE_LEVELS = ['self_declared', 'estimated', 'verified'] as const;
export type Assurance = (typeof ASSURANCE_LEVELS)[number];
export const AGE_STATUSES = ['allowed', 'restricted_minor', 'not_allowed', 'pending_verification', 'under_review'] as const;
export type AgeStatus = (typeof AGE_STATUSES)[number];
export const CHECK_METHODS = ['id_document', 'facial_estimation', 'population_data', 'parental_confirmation', 'other'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

/** The ages a band spans (max null: no upper end). */
const BAND_AGES: Record<Exclude<AgeBand, 'unknown'>, { min: number; max: number | null }> = {
  under_13: { min: 0, max: 12 },
  '13_15': { min: 13, max: 15 },
  '16_17': { min: 16, max: 17 },
  '18_plus': { min: 18, max: null },
};
const NEXT_BAND: Partial<Record<AgeBand, AgeBand>> = { under_13: '13_15', '13_15': '16_17', '16_17': '18_plus' };
export const MAX_AGE = 130;

export function bandAges(band: AgeBand): { min: number; max: number | null } | null {
  return band === 'unknown' ? null : BAND_AGES[band];
}

export function bandOfAge(age: number): AgeBand {
  if (age < 13) return 'under_13';
  if (age < 16) return '13_15';
  if (age < 18) return '16_17';
  return '18_plus';
}

/** Assurance an age check's method gives when it passes. */
export function assuranceOfMethod(method: CheckMethod): Assurance {
  return method === 'facial_estimation' || method === 'other' ? 'estimated' : 'verified';
}

export function assuranceRank(a: Assurance): number {
  return ASSURANCE_LEVELS.indexOf(a);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date YYYY-MM-DD as midnight UTC; `invalid_age` for a malformed or impossible one (2012-02-30). */
export function parseDate(text: string): Date {
  const m = DATE.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.getUTCFullYear() !== Number(m[1]) || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) {
    throw new SaringError('invalid_age', `Not a calendar date (YYYY-MM-DD): ${text}.`);
  }
  return date;
}

/** `date` plus whole years (29 February becomes 1 March in a year without it). */
export function addYears(date: Date, years: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}

/** Whole years from a date of birth to `now`. */
export function ageOn(dateOfBirth: Date, now: Date): number {
  let age = now.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  if (addYears(dateOfBirth, age).getTime() > now.getTime()) age -= 1;
  return age;
}

/** A date of birth checked: a real date, not in the future, at most 130 years ago. */
export function validDateOfBirth(text: string, now: Date): Date {
  const dob = parseDate(text);
  if (dob.getTime() > now.getTime()) throw new SaringError('invalid_age', `The date of birth ${text} is in the future.`);
  if (ageOn(dob, now) > MAX_AGE) throw new SaringError('invalid_age', `The date of birth ${text} is more than ${MAX_AGE} years ago.`);
  return dob;
}

export function validAge(age: number): number {
  if (!Number.isInteger(age) || age < 0 || age > MAX_AGE) throw new SaringError('invalid_age', `An age is a whole number from 0 to ${MAX_AGE}: ${age}.`);
  return age;
}

/** A band and when it next changes. */
export interface BandAt {
  band: AgeBand;
  nextBandAt: Date | null;
}

/** From a date of birth: the band now and the birthday that starts the next one. */
export function bandFromDateOfBirth(dateOfBirth: Date, now: Date): BandAt {
  const band = bandOfAge(ageOn(dateOfBirth, now));
  const next = NEXT_BAND[band];
  return { band, nextBandAt: next ? addYears(dateOfBirth, BAND_AGES[next as Exclude<AgeBand, 'unknown'>].min) : null };
}

/**
 * From an age given today (declared, or the lower end of an estimate): the band, and the latest
 * day the next band can start — as if the birthday were today, so a child is never moved up early.
 */
export function bandFromAge(age: number, now: Date): BandAt {
  const band = bandOfAge(age);
  const next = NEXT_BAND[band];
  return { band, nextBandAt: next ? addYears(now, BAND_AGES[next as Exclude<AgeBand, 'unknown'>].min - age) : null };
}

/** The band at `now` of a band stored with when it next changes: moved on across each boundary passed since. */
export function bandNow(stored: BandAt, now: Date): BandAt {
  let { band, nextBandAt } = stored;
  while (nextBandAt && nextBandAt.getTime() <= now.getTime()) {
    const next = NEXT_BAND[band];
    if (!next) return { band, nextBandAt: null };
    const width = (BAND_AGES[next as Exclude<AgeBand, 'unknown'>].max ?? Infinity) - BAND_AGES[next as Exclude<AgeBand, 'unknown'>].min + 1;
    band = next;
    nextBandAt = Number.isFinite(width) ? addYears(nextBandAt, width) : null;
  }
  return { band, nextBandAt };
}

/** What an age question is answered with: `yes`, `no`, or `unsure` (the band spans the age). */
export function atLeast(band: AgeBand, exactAge: number | null, age: number): 'yes' | 'no' | 'unsure' {
  if (exactAge !== null) return exactAge >= age ? 'yes' : 'no';
  const span = bandAges(band);
  if (!span) return 'unsure';
  if (span.min >= age) return 'yes';
  if (span.max !== null && span.max < age) return 'no';
  return 'unsure';
}

/** The bands in age order (without `unknown`). */
const ORDERED_BANDS = AGE_BANDS.filter((b): b is Exclude<AgeBand, 'unknown'> => b !== 'unknown');

/** The bands wholly under an age (under 16: under_13 and 13_15). */
export function bandsUnder(age: number): AgeBand[] {
  return ORDERED_BANDS.filter((b) => atLeast(b, null, age) === 'no');
}

/** The band after this one (none after 18_plus and for unknown). */
export function nextBand(band: AgeBand): AgeBand | null {
  const i = ORDERED_BANDS.indexOf(band as Exclude<AgeBand, 'unknown'>);
  return i >= 0 && i + 1 < ORDERED_BANDS.length ? ORDERED_BANDS[i + 1]! : null;
}
/**
 * The status of an age record (an open age review aside: then `under_review`): no band known or a
 * band that spans the minimum age → `pending_verification`; under the minimum → `not_allowed`; a
 * minor at or over it → `restricted_minor`; 18 and over → `allowed`.
 */
export function statusOf(band: AgeBand, exactAge: number | null, minimumAge: number, underReview: boolean): AgeStatus {
  if (underReview) return 'under_review';
  if (band === 'unknown') return 'pending_verification';
  const old = atLeast(band, exactAge, minimumAge);
  if (old === 'no') return 'not_allowed';
  if (old === 'unsure') return 'pending_verification';
  return atLeast(band, exactAge, 18) === 'yes' ? 'allowed' : 'restricted_minor';
}

/** The under-16 deactivation programme's hold on an account (youth/deactivation/holds.ts). */
export type ProgrammeHold = 'reverification' | 'deactivated';

/**
 * The status under the deactivation programme's hold: a deactivated account is `not_allowed`
 * whatever its band says; one asked to re-verify is `pending_verification` (an open age review
 * aside) until a verification shows it at or over the minimum age.
 */
export function heldStatus(status: AgeStatus, hold: ProgrammeHold | null, verifiedAtMinimum: boolean): AgeStatus {
  if (hold === 'deactivated') return 'not_allowed';
  if (hold === 'reverification' && status !== 'under_review' && !verifiedAtMinimum) return 'pending_verification';
  return status;
}

/** The account's age as Saring holds it (the band already moved on to now). */
export interface AgeRecord {
  accountId: string;
  externalId: string;
  band: AgeBand;
  assurance: Assurance;
  status: AgeStatus;
  nextBandAt: string | null;
  /** Only when the policy keeps dates of birth (youth.storeDateOfBirth). */
  dateOfBirth: string | null;
  /** Whole years, only when the date of birth is kept. */
  age: number | null;
  source: string;
  updatedAt: string;
  /** The deactivation programme's hold, when it holds the account. */
  hold: ProgrammeHold | null;
}

export type FeatureReason = 'old_enough' | 'under_feature_age' | 'private_by_default' | 'age_uncertain' | 'account_not_allowed' | 'age_unknown';
export type EligibilityReason =
  | 'no_age_record'
  | 'age_unknown'
  | 'under_minimum_age'
  | 'age_uncertain'
  | 'minor_protections'
  | 'under_review'
  | 'reverification_requested'
  | 'deactivated'
  | 'adult';

export interface Eligibility {
  accountId: string | null;
  externalId: string;
  status: AgeStatus;
  band: AgeBand;
  assurance: Assurance | null;
  minimumAge: number;
  features: Record<YouthFeature, { allowed: boolean; minimumAge: number; reason: FeatureReason }>;
  reasons: EligibilityReason[];
}

/**
 * What an account may do under the policy's youth section (flags the platform reads): each feature
 * with its minimum age, and why. An account without an age record is `pending_verification` and
 * may use no age-gated feature; one not allowed to hold an account may use none. A band that spans
 * a feature's age answers no (`age_uncertain`): Saring does not guess a child older.
 * `public_account` under its age means the account is private by default.
 */
export function eligibilityFrom(externalId: string, record: AgeRecord | null, youth: YouthSettings): Eligibility {
  const minimumAge = youth.minimumAge[youth.riskClass];
  const features = {} as Eligibility['features'];
  const reasons: EligibilityReason[] = [];
  const status: AgeStatus = record?.status ?? 'pending_verification';
  const band: AgeBand = record?.band ?? 'unknown';
  if (!record) reasons.push('no_age_record');
  else if (band === 'unknown') reasons.push('age_unknown');
  if (status === 'under_review') reasons.push('under_review');
  if (record?.hold === 'deactivated') reasons.push('deactivated');
  else if (record?.hold === 'reverification' && status === 'pending_verification') reasons.push('reverification_requested');
  const holds = record?.hold === 'deactivated' ? 'no' : record ? atLeast(band, record.age, minimumAge) : 'unsure';
  if (record && band !== 'unknown' && record.hold !== 'deactivated') {
    if (holds === 'no') reasons.push('under_minimum_age');
    else if (holds === 'unsure') reasons.push('age_uncertain');
    else reasons.push(atLeast(band, record.age, 18) === 'yes' ? 'adult' : 'minor_protections');
  }
  for (const feature of YOUTH_FEATURES) {
    const age = youth.features[feature];
    let allowed = false;
    let reason: FeatureReason;
    if (record?.hold === 'deactivated') reason = 'account_not_allowed';
    else if (!record || band === 'unknown') reason = 'age_unknown';
    else if (holds !== 'yes') reason = holds === 'no' ? 'account_not_allowed' : 'age_uncertain';
    else {
      const old = atLeast(band, record.age, age);
      allowed = old === 'yes';
      reason = allowed ? 'old_enough' : old === 'unsure' ? 'age_uncertain' : feature === 'public_account' ? 'private_by_default' : 'under_feature_age';
    }
    features[feature] = { allowed, minimumAge: age, reason };
  }
  return { accountId: record?.accountId ?? null, externalId, status, band, assurance: record?.assurance ?? null, minimumAge, features, reasons };
}
