import type { Db } from '../../db/connect.js';
import { activeYouthSettings } from '../../policy/settings.js';
import type { YouthSettings } from '../../policy/schema.js';
import { deactivationHolds } from '../deactivation/holds.js';
import { ageOn, atLeast, bandNow, eligibilityFrom, heldStatus, parseDate, statusOf, type AgeBand, type AgeRecord, type AgeStatus, type Assurance, type Eligibility, type ProgrammeHold } from './bands.js';
import { isUuid } from '../../shared/validate.js';

/**
 * Reading ages (what other parts of youth/ use: the audience filter, the programme's "account in
 * good standing", the deactivation programme). Every read moves the band on to `now` and takes the
 * status under the active policy's minimum age, so a stored record never answers stale.
 */

interface AgeRow {
  account_id: string;
  external_id: string;
  band: string;
  assurance: string;
  status: string;
  next_band_at: Date | null;
  date_of_birth: string | null;
  source: string;
  updated_at: Date;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** An age row as the record it is at `now` under `youth`, with the deactivation programme's hold on it. */
export function recordOf(row: AgeRow, youth: YouthSettings, now: Date, hold: ProgrammeHold | null = null): AgeRecord {
  const dob = row.date_of_birth ? parseDate(row.date_of_birth) : null;
  const age = dob ? ageOn(dob, now) : null;
  const { band, nextBandAt } = row.band === 'unknown' ? { band: 'unknown' as AgeBand, nextBandAt: null } : bandNow({ band: row.band as AgeBand, nextBandAt: row.next_band_at }, now);
  const minimumAge = youth.minimumAge[youth.riskClass];
  const verifiedAtMinimum = row.assurance === 'verified' && atLeast(band, age, minimumAge) === 'yes';
  const status: AgeStatus = heldStatus(statusOf(band, age, minimumAge, row.status === 'under_review'), hold, verifiedAtMinimum);
  return {
    accountId: row.account_id,
    externalId: row.external_id,
    band,
    assurance: row.assurance as Assurance,
    status,
    nextBandAt: iso(nextBandAt),
    dateOfBirth: row.date_of_birth,
    age,
    source: row.source,
    updatedAt: row.updated_at.toISOString(),
    hold,
  };
}

function ageRows(db: Db) {
  return db
    .selectFrom('account_ages')
    .innerJoin('accounts', 'accounts.id', 'account_ages.account_id')
    .select([
      'account_ages.account_id',
      'accounts.external_id',
      'account_ages.band',
      'account_ages.assurance',
      'account_ages.status',
      'account_ages.next_band_at',
      (eb) => eb.cast<string | null>('account_ages.date_of_birth', 'text').as('date_of_birth'),
      'account_ages.source',
      'account_ages.updated_at',
    ]);
}

/** The age record of an account (Saring's account id), or null when it has none. */
export async function ageOf(db: Db, accountId: string, now = new Date(), youth?: YouthSettings): Promise<AgeRecord | null> {
  const row = await ageRows(db).where('account_ages.account_id', '=', accountId).executeTakeFirst();
  if (!row) return null;
  const hold = (await deactivationHolds(db, [accountId])).get(accountId) ?? null;
  return recordOf(row, youth ?? (await activeYouthSettings(db)).youth, now, hold);
}

/** Age records of many accounts, keyed by Saring's account id or by the platform's id (`by`); accounts without one are absent. */
export async function agesOf(db: Db, ids: string[], options: { by?: 'accountId' | 'externalId'; now?: Date; youth?: YouthSettings } = {}): Promise<Map<string, AgeRecord>> {
  const by = options.by ?? 'accountId';
  const now = options.now ?? new Date();
  const youth = options.youth ?? (await activeYouthSettings(db)).youth;
  const out = new Map<string, AgeRecord>();
  // Saring's account ids are uuids: anything else names no account.
  const unique = [...new Set(ids)].filter((id) => by === 'externalId' || isUuid(id));
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    const rows = await ageRows(db).where(by === 'accountId' ? 'account_ages.account_id' : 'accounts.external_id', 'in', chunk).execute();
    const holds = rows.length ? await deactivationHolds(db, rows.map((r) => r.account_id)) : new Map<string, ProgrammeHold>();
    for (const row of rows) out.set(by === 'accountId' ? row.account_id : row.external_id, recordOf(row, youth, now, holds.get(row.account_id) ?? null));
  }
  return out;
}

/** What an account (the platform's id for it) may do; an unknown account or one without an age record is `pending_verification`. */
export async function eligibilityOf(db: Db, externalId: string, now = new Date()): Promise<Eligibility> {
  const [one] = await eligibilityOfMany(db, [externalId], { by: 'externalId', now });
  return one!;
}

/**
 * Eligibility of many accounts at once (feeds), in the order asked, by the platform's ids
 * (default) or Saring's account ids. One policy read and one query per 1,000 ids.
 */
export async function eligibilityOfMany(db: Db, ids: string[], options: { by?: 'accountId' | 'externalId'; now?: Date } = {}): Promise<Eligibility[]> {
  const by = options.by ?? 'externalId';
  const { youth } = await activeYouthSettings(db);
  const records = await agesOf(db, ids, { by, youth, ...(options.now ? { now: options.now } : {}) });
  if (by === 'externalId') return ids.map((id) => eligibilityFrom(id, records.get(id) ?? null, youth));
  // By account id, an account without an age record still has a platform id to answer with.
  const missing = [...new Set(ids.filter((id) => !records.has(id) && isUuid(id)))];
  const names = new Map<string, string>();
  for (let i = 0; i < missing.length; i += 1000) {
    const rows = await db.selectFrom('accounts').select(['id', 'external_id']).where('id', 'in', missing.slice(i, i + 1000)).execute();
    for (const r of rows) names.set(r.id, r.external_id);
  }
  return ids.map((id) => {
    const record = records.get(id) ?? null;
    const e = eligibilityFrom(record?.externalId ?? names.get(id) ?? id, record, youth);
    return record ? e : { ...e, accountId: names.has(id) ? id : null };
  });
}

/** Saring's id of the account the platform calls `externalId`, or null. */
export async function accountIdOf(db: Db, externalId: string): Promise<string | null> {
  const row = await db.selectFrom('accounts').select('id').where('external_id', '=', externalId).executeTakeFirst();
  return row?.id ?? null;
}
