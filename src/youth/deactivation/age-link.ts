import type { Actor } from '../../audit/log.js';
import type { Db } from '../../db/connect.js';
import * as ageModule from '../age/age.js';
import type { AgeApi, AgeChange } from '../age/age.js';
import { AGE_BANDS, atLeast, type AgeBand, type AgeRecord } from '../age/bands.js';
import { ageOf } from '../age/store.js';

/**
 * What the deactivation programme uses of the age records (youth/age/, which owns them): which
 * bands are under an age, an account's record, the age events that mark a re-verification request
 * and a deactivation, and the hook that tells of a change. The status the records answer with
 * comes from the programme's holds (holds.ts), which the age records read.
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

type EventWriter = (trx: Db, accountId: string, context: { actor: Actor; reason: string }) => Promise<void>;
/** The age records' writers of the programme's events, where youth/age/ exports them. */
const writers = ageModule as unknown as { requestVerification?: EventWriter; markDeactivated?: EventWriter };

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
    requestVerification: async (trx, accountId, context) => writers.requestVerification?.(trx, accountId, context),
    markDeactivated: async (trx, accountId, context) => writers.markDeactivated?.(trx, accountId, context),
    onChanged: (handler) => void age.hooks.changed.push(handler),
  };
}

/** Whether an age record clears an account from the programme: verified, and at or over the minimum age. */
export function clearsAccount(record: AgeRecord, minimumAge: number, link: Pick<AgeLink, 'atLeast'>): boolean {
  return record.assurance === 'verified' && link.atLeast(record.band, record.age, minimumAge) === 'yes';
}
