import { createHash, createHmac, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { SaringError } from '../errors/errors.js';
import type { PeopleConfig } from '../config/config.js';
import type { Principal, SessionInfo } from '../access/auth.js';
import { toUser, USER_COLUMNS } from './user-row.js';

/** Why a session ended; a request made with it gets `invalid_session` with this as `details.reason`. */
export type SessionEnd =
  | 'signed_out'
  | 'signed_out_everywhere'
  | 'password_changed'
  | 'password_reset'
  | 'role_changed'
  | 'deactivated'
  | 'expired'
  | 'idle'
  | 'unknown';

const ENDED: Record<SessionEnd, string> = {
  signed_out: 'it was signed out',
  signed_out_everywhere: 'its person signed out everywhere',
  password_changed: 'the password was changed',
  password_reset: 'the password was reset',
  role_changed: 'the role was changed',
  deactivated: 'the account was deactivated',
  expired: 'it reached its maximum age',
  idle: 'it was not used for too long',
  unknown: 'no such session',
};

/** Where a sign-in came from (stored with the session, and in the audit log). */
export interface ClientInfo {
  address?: string | undefined;
  userAgent?: string | undefined;
}

/** A new session: the token goes into the person's cookie, only its SHA-256 is stored. */
export interface NewSession {
  token: string;
  session: SessionInfo;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * The CSRF token of a session, derived from its token (HMAC): nothing more to store, it cannot be
 * turned back into the token, and it changes with every sign-in, so one from an earlier session is stale.
 */
export function csrfTokenOf(token: string): string {
  return createHmac('sha256', token).update('saring-csrf').digest('base64url');
}

function sessionInfo(token: string, row: { id: string; expires_at: Date; idle_expires_at: Date }): SessionInfo {
  return { id: row.id, csrfToken: csrfTokenOf(token), expiresAt: row.expires_at.toISOString(), idleExpiresAt: row.idle_expires_at.toISOString() };
}

export async function createSession(db: Db, userId: string, config: PeopleConfig, client: ClientInfo): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const expires = new Date(now + config.sessionMaxHours * 3_600_000);
  const idle = new Date(Math.min(now + config.sessionIdleMinutes * 60_000, expires.getTime()));
  const row = await db
    .insertInto('sessions')
    .values({
      user_id: userId,
      token_hash: sha256(token),
      idle_expires_at: idle,
      expires_at: expires,
      address: client.address?.slice(0, 100) ?? null,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .returning(['id', 'expires_at', 'idle_expires_at'])
    .executeTakeFirstOrThrow();
  // Sessions over a week past their end go (the audit log keeps each sign-in and sign-out).
  await db.deleteFrom('sessions').where('expires_at', '<', new Date(now - 7 * 86_400_000)).execute();
  return { token, session: sessionInfo(token, row) };
}

function ended(reason: SessionEnd): SaringError {
  return new SaringError('invalid_session', `The session ended: ${ENDED[reason]}. Sign in again.`, { reason });
}

/**
 * Resolves a session token to its person, on every request: a session that was revoked (signed
 * out, password changed or reset, role changed), whose person was deactivated, or that expired
 * answers `invalid_session` at once. A use moves the idle expiry on (written at most every minute).
 */
export async function authenticateSession(db: Db, token: string, config: PeopleConfig): Promise<Principal> {
  if (!TOKEN.test(token)) throw ended('unknown');
  const row = await db
    .selectFrom('sessions')
    .innerJoin('operator_users', 'operator_users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at',
      'sessions.idle_expires_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'sessions.revoked_reason',
      ...USER_COLUMNS,
    ])
    .where('sessions.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row) throw ended('unknown');
  if (row.revoked_at) throw ended((row.revoked_reason as SessionEnd | null) ?? 'signed_out');
  if (row.disabled_at) throw ended('deactivated');
  const now = Date.now();
  if (now >= row.expires_at.getTime()) throw ended('expired');
  if (now >= row.idle_expires_at.getTime()) throw ended('idle');
  let idleExpires = row.idle_expires_at;
  const idleMs = config.sessionIdleMinutes * 60_000;
  if (now - row.last_seen_at.getTime() >= Math.min(60_000, idleMs / 4)) {
    idleExpires = new Date(Math.min(now + idleMs, row.expires_at.getTime()));
    await db.updateTable('sessions').set({ last_seen_at: new Date(now), idle_expires_at: idleExpires }).where('id', '=', row.session_id).execute();
  }
  const user = toUser(row);
  return {
    user,
    via: 'session',
    session: sessionInfo(token, { id: row.session_id, expires_at: row.expires_at, idle_expires_at: idleExpires }),
    actor: `user:${user.id}`,
  };
}

/** Ends sessions: one (`sessionId`) or all of a person's. Returns how many were still open. */
export async function revokeSessions(db: Db, where: { userId: string; sessionId?: string }, reason: SessionEnd): Promise<number> {
  let q = db.updateTable('sessions').set({ revoked_at: new Date(), revoked_reason: reason }).where('user_id', '=', where.userId).where('revoked_at', 'is', null);
  if (where.sessionId) q = q.where('id', '=', where.sessionId);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

/** Ends the session with this token, whoever's it is (a new sign-in in the same browser). */
export async function revokeSessionByToken(db: Db, token: string): Promise<void> {
  if (!TOKEN.test(token)) return;
  await db.updateTable('sessions').set({ revoked_at: new Date(), revoked_reason: 'signed_out' }).where('token_hash', '=', sha256(token)).where('revoked_at', 'is', null).execute();
}

/** The throttle's key: a hash, so that a password typed into the login field is not kept. */
export function throttleKey(kind: 'login' | 'address', value: string): string {
  return sha256(`${kind}:${value}`);
}

/** Until when `key` is locked, or null. */
export async function lockedUntil(db: Db, key: string): Promise<Date | null> {
  const row = await db.selectFrom('sign_in_throttle').select('locked_until').where('key', '=', key).executeTakeFirst();
  return row?.locked_until && row.locked_until.getTime() > Date.now() ? row.locked_until : null;
}

/**
 * Counts a failed sign-in against `key`: the `max`-th failure within `lockMinutes` locks it for
 * `lockMinutes`. Returns the lock's end when this failure set it.
 */
export async function recordFailure(db: Db, key: string, max: number, lockMinutes: number): Promise<Date | null> {
  const now = new Date();
  const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
  const fresh = sql<boolean>`sign_in_throttle.window_start < ${windowStart}`;
  const row = await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, window_start: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`CASE WHEN ${fresh} THEN 1 ELSE sign_in_throttle.failures + 1 END`,
        window_start: sql<Date>`CASE WHEN ${fresh} THEN ${now}::timestamptz ELSE sign_in_throttle.window_start END`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  // Rows of keys nobody tried for a while (most are mistyped or made-up logins) go.
  await db
    .deleteFrom('sign_in_throttle')
    .where('window_start', '<', new Date(now.getTime() - 2 * lockMinutes * 60_000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
  if (row.failures < max) return null;
  const until = new Date(now.getTime() + lockMinutes * 60_000);
  await db.updateTable('sign_in_throttle').set({ failures: 0, window_start: now, locked_until: until }).where('key', '=', key).execute();
  return until;
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
