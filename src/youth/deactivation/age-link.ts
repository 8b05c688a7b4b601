import type { Actor } from '../../audit/log.js';
import type { Db } from '../../db/connect.js';
import { markDeactivated, requestVerification, type AgeApi, type AgeChange } from '../age/age.js';
import { AGE_BANDS, atLeast, type AgeBand, type AgeRecord } from '../age/bands.js';
import { ageOf } from '../age/store.js';

/**
 * What the deactivation programme uses of the age records (youth/age/, which owns them): which
 * bands are under an age, an account's record, the age events that mark a re-verification request
 * and a deactivation (youth/age/ keeps the status under the programme's hold, holds.ts), and the
 * hook that tells of a change.
 */
export interface AgeLink {
  bandsUnder(age: number): AgeBand[];
  nextBand(band: AgeBand): AgeBand | null;
  ageOf(db: Db, accountId: string): Promise<AgeRecord | null>;
  atLeast: typeof atLeast;
  requestVerification(trx: Db, accountId: string, context: { actor: Actor; reason: string }): Promise<void>;
  markDeactivated(trx: Db, accountId: string, context: { actor: Actor; reason: string }): Promise<void>;
  onChanged(handler: (trx: Db, change: AgeChange) => Promise<void>): void;
}

const ORDERED = AGE_BANDS.filter((b): b is Exclude<AgeBand, 'unknown'> => b !== 'unknown');

export function linkAge(age: Pick<AgeApi, 'hooks'>): AgeLink {
  return {
    bandsUnder: (years) => ORDERED.filter((b) => atLeast(b, null, years) === 'no'),
    nextBand: (band) => {
      const i = ORDERED.indexOf(band as Exclude<AgeBand, 'unknown'>);
      return i >= 0 && i + 1 < ORDERED.length ? ORDERED[i + 1]! : null;
    },
    ageOf: (db, accountId) => ageOf(db, accountId),
    atLeast,
    requestVerification,
    markDeactivated,
    onChanged: (handler) => void age.hooks.changed.push(handler),
  };
}

/** Whether an age record clears an account from the programme: verified, and at or over the minimum age. */
export function clearsAccount(record: AgeRecord, minimumAge: number, link: Pick<AgeLink, 'atLeast'>): boolean {
  return record.assurance === 'verified' && link.atLeast(record.band, record.age, minimumAge) === 'yes';
}
