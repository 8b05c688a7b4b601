import { hash as digest, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connect.js';
import { appendAudit, type Actor } from '../audit/log.js';
import { notFound, SaringError } from '../errors/errors.js';
import type { OperatorUser, Principal, SessionInfo } from '../access/auth.js';
import { isRole } from '../access/roles.js';
import type { PeopleConfig } from '../config/config.js';
import type { EngineCore } from '../core.js';
import { checkPasswordRules, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import {
  consoleDefaults,
  setConsoleDefaults,
  setUserPreferences,
  userPreferences,
  type ConsoleDefaultsView,
  type PreferencesView,
} from './preferences.js';
import {
  authenticateSession,
  clearThrottle,
  createSession,
  lockedUntil,
  recordFailure,
  revokeSessionByToken,
  revokeSessions,
  sha256,
  throttleKey,
  type ClientInfo,
  type SessionEnd,
} from './sessions.js';
import { toUser, type UserRow } from './user-row.js';
import { bumpAccessGeneration, KeyCache, type CachedKey } from './key-cache.js';
import { isUuid } from '../shared/validate.js';

export type { ClientInfo } from './sessions.js';

/** A person who just signed in: the token goes into their cookie (never logged, never stored). */
export interface SignedIn {
  user: OperatorUser;
  token: string;
  session: SessionInfo;
}

/** An invite: the token is shown once; the person opens `path` in the console and chooses a password. */
export interface Invite {
  token: string;
  /** Where the console takes it: the token travels in the fragment, which browsers never send to a server. */
  path: string;
  expiresAt: string;
}

export interface PersonInput {
  name: string;
  login: string;
  role: string;
  org?: string | null | undefined;
  /** An initial password (the person can change it), or … */
  password?: string | undefined;
  /** … an invite: a one-time link where the person chooses their own. */
  invite?: boolean | undefined;
}

export interface UserPatch {
  name?: string | undefined;
  login?: string | undefined;
  role?: string | undefined;
  org?: string | null | undefined;
  disabled?: boolean | undefined;
}

/** The operator-users part of the engine: machines with API keys, people with passwords and sessions. */
export interface UsersApi {
  /** Creates a user with a first API key (returned once): a machine, or anyone who calls the API directly. */
  create(input: { name: string; role: string; org?: string | null }, actor: Actor): Promise<{ user: OperatorUser; apiKey: string }>;
  /** Creates a person who signs in with a login and a password (given, or chosen through an invite). */
  createPerson(input: PersonInput, actor: Actor): Promise<{ user: OperatorUser; invite?: Invite }>;
  list(): Promise<OperatorUser[]>;
  /** A user by id or login. */
  get(idOrLogin: string): Promise<OperatorUser>;
  /** Changes name, login, role, organisation or deactivates; a role change or deactivation ends the person's sessions. */
  update(idOrLogin: string, patch: UserPatch, actor: Actor): Promise<OperatorUser>;
  /** Sets a person's password (an admin's reset): their sessions end, a lock on their login is lifted. */
  setPassword(idOrLogin: string, password: string, actor: Actor): Promise<OperatorUser>;
  /** A new invite for a person (their password, if any, stops working; their sessions end). */
  invite(idOrLogin: string, actor: Actor): Promise<{ user: OperatorUser; invite: Invite }>;
  acceptInvite(token: string, password: string, client: ClientInfo): Promise<SignedIn>;
  signIn(login: string, password: string, client: ClientInfo, previousToken?: string): Promise<SignedIn>;
  authenticate(key: string): Promise<Principal>;
  authenticateSession(token: string): Promise<Principal>;
  /** Ends the principal's own session. */
  signOut(principal: Principal): Promise<void>;
  /** Ends every session of a person (themself: sign out everywhere; an admin: of someone else). */
  revokeSessions(userId: string, actor: Actor): Promise<number>;
  /** Changes one's own password: every session ends; a principal that used a session gets a new one. */
  changePassword(principal: Principal, current: string, next: string, client: ClientInfo): Promise<SignedIn | undefined>;
  preferences(userId: string): Promise<PreferencesView>;
  setPreferences(userId: string, preferences: unknown): Promise<PreferencesView>;
  consoleDefaults(): Promise<ConsoleDefaultsView>;
  setConsoleDefaults(defaults: unknown, actor: Actor): Promise<ConsoleDefaultsView>;
  issueKey(userId: string, actor: Actor): Promise<string>;
  revokeKey(prefix: string, actor: Actor): Promise<void>;
  /** Writes the API keys' last uses not yet written and stops the key cache's timers. */
  close(): Promise<void>;
}

const KEY_PREFIX = 'srg_';
/** How long an invite can be accepted. */
export const INVITE_DAYS = 7;
/** Login names: lower-case letters, digits and . _ @ + - (a handle or an e-mail address), 2 to 254 characters. */
const LOGIN = /^[a-z0-9][a-z0-9._@+-]{1,253}$/;

function hashKey(key: string): string {
  return digest('sha256', key, 'hex');
}

/** A new key: `srg_<prefix>_<secret>`. Only the SHA-256 of the whole key is stored. */
function newKey(): { key: string; prefix: string } {
  const prefix = randomBytes(6).toString('hex');
  return { key: `${KEY_PREFIX}${prefix}_${randomBytes(24).toString('base64url')}`, prefix };
}

/** Logins are compared case-insensitively: stored and looked up in lower case. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

function checkLogin(login: string): string {
  const normal = normaliseLogin(login);
  if (!LOGIN.test(normal)) {
    throw new SaringError('validation_failed', 'A login is 2 to 254 characters: letters, digits and . _ @ + - (a handle or an e-mail address), starting with a letter or digit.');
  }
  return normal;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200) throw new SaringError('validation_failed', 'A user needs a name of 1 to 200 characters.');
  return trimmed;
}

function checkOrg(org: string | null | undefined): string | null {
  if (org == null) return null;
  if (org.length > 200) throw new SaringError('validation_failed', 'An organisation has at most 200 characters.');
  return org.trim() || null;
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23505';
}

function newInvite(): { invite: Invite; hash: string; expires: Date } {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  return { invite: { token, path: `/console/invite#${token}`, expiresAt: expires.toISOString() }, hash: sha256(token), expires };
}

export async function createUser(
  db: Db,
  input: { name: string; role: string; org?: string | null },
  actor: Actor,
): Promise<{ user: OperatorUser; apiKey: string }> {
  if (!isRole(input.role)) throw new SaringError('validation_failed', `Unknown role ${input.role}.`);
  const name = checkName(input.name);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('operator_users')
      .values({ name, role: input.role, org: checkOrg(input.org) })
      .returningAll()
      .executeTakeFirstOrThrow();
    const user = toUser(row);
    const apiKey = await issueKey(trx, user.id, actor, 'initial');
    await appendAudit(trx, { actor, action: 'user.created', subjectType: 'operator_user', subjectId: user.id, data: { name, role: user.role, org: user.org } });
    return { user, apiKey };
  });
}

export async function createPerson(db: Db, input: PersonInput, actor: Actor): Promise<{ user: OperatorUser; invite?: Invite }> {
  if (!isRole(input.role)) throw new SaringError('validation_failed', `Unknown role ${input.role}.`);
  const name = checkName(input.name);
  const login = checkLogin(input.login);
  const org = checkOrg(input.org);
  if ((input.password === undefined) === !input.invite) {
    throw new SaringError('validation_failed', 'A person gets either an initial password or an invite (invite: true), not both.');
  }
  let passwordHash: string | null = null;
  if (input.password !== undefined) {
    checkPasswordRules(input.password, { login, name });
    passwordHash = await hashPassword(input.password);
  }
  const invite = input.invite ? newInvite() : undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('operator_users')
        .values({
          name,
          login,
          role: input.role,
          org,
          password_hash: passwordHash,
          password_changed_at: passwordHash ? new Date() : null,
          invite_hash: invite?.hash ?? null,
          invite_expires_at: invite?.expires ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const user = toUser(row);
      await appendAudit(trx, {
        actor,
        action: 'user.created',
        subjectType: 'operator_user',
        subjectId: user.id,
        data: { name, login, role: user.role, org, signIn: invite ? 'invite' : 'password', ...(invite ? { inviteExpiresAt: invite.invite.expiresAt } : {}) },
      });
      return invite ? { user, invite: invite.invite } : { user };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new SaringError('conflict', `The login ${login} is taken.`);
    throw err;
  }
}

export async function issueKey(db: Db, userId: string, actor: Actor, label?: string): Promise<string> {
  const user = await db.selectFrom('operator_users').select(['id', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('User', userId);
  if (user.disabled_at) throw new SaringError('invalid_state', `User ${userId} is disabled.`);
  const { key, prefix } = newKey();
  await db.insertInto('api_keys').values({ user_id: userId, prefix, key_hash: hashKey(key), label: label ?? null }).execute();
  await bumpAccessGeneration(db);
  await appendAudit(db, { actor, action: 'api_key.issued', subjectType: 'operator_user', subjectId: userId, data: { prefix } });
  return key;
}

export async function listUsers(db: Db): Promise<OperatorUser[]> {
  return (await db.selectFrom('operator_users').selectAll().orderBy('created_at').execute()).map(toUser);
}

/** The row of a user by id or login (locked for update inside a transaction when `forUpdate`). */
async function findUser(db: Db, idOrLogin: string, forUpdate = false): Promise<UserRow> {
  let q = db.selectFrom('operator_users').selectAll();
  q = isUuid(idOrLogin) ? q.where('id', '=', idOrLogin) : q.where('login', '=', normaliseLogin(idOrLogin));
  const row = await (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  if (!row) throw notFound('User', idOrLogin);
  return row;
}

const KEY_FORMAT = /^srg_([0-9a-f]{12})_[A-Za-z0-9_-]{20,64}$/;

/** The active key with this prefix and hash, its user active too, read from the database; or null. */
export async function findActiveKey(db: Db, prefix: string, hash: string): Promise<CachedKey | null> {
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('operator_users', 'operator_users.id', 'api_keys.user_id')
    .select(['api_keys.id as key_id', 'api_keys.key_hash', 'api_keys.revoked_at'])
    .selectAll('operator_users')
    .where('api_keys.prefix', '=', prefix)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at) return null;
  if (!timingSafeEqual(Buffer.from(row.key_hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
  const user: UserRow = {
    id: row.id,
    name: row.name,
    login: row.login,
    role: row.role,
    org: row.org,
    created_at: row.created_at,
    disabled_at: row.disabled_at,
    // Only whether there is one: the cache holds no password or invite hash.
    password_hash: row.password_hash === null ? null : '*',
    invite_hash: row.invite_hash === null ? null : '*',
    invite_expires_at: row.invite_expires_at,
    last_sign_in_at: row.last_sign_in_at,
  };
  return { keyId: row.key_id, prefix, user };
}

function keyPrincipal(found: CachedKey | null): Principal {
  if (!found) throw new SaringError('invalid_api_key');
  // Made once per cached key and shared by its requests (only a pending invite's expiry moves with time).
  const user = found.user.invite_hash === null ? (found.view ??= toUser(found.user)) : toUser(found.user);
  return { user, via: 'key', keyPrefix: found.prefix, actor: `user:${user.id}` };
}

/** Resolves an API key to its user from the database, or throws `invalid_api_key` (the engine's users use a {@link KeyCache}). */
export async function authenticate(db: Db, key: string): Promise<Principal> {
  const match = KEY_FORMAT.exec(key);
  if (!match) throw new SaringError('invalid_api_key');
  return keyPrincipal(await findActiveKey(db, match[1]!, hashKey(key)));
}

export async function revokeKey(db: Db, prefix: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('api_keys').set({ revoked_at: new Date() }).where('prefix', '=', prefix).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new SaringError('not_found', `No active API key with prefix ${prefix}.`);
    await bumpAccessGeneration(trx);
    await appendAudit(trx, { actor, action: 'api_key.revoked', subjectType: 'api_key', subjectId: prefix });
  });
}

/** Refuses a change that would leave no active admin (nobody could manage people any more). */
async function keepAnAdmin(trx: Db, userId: string): Promise<void> {
  const admins = await trx.selectFrom('operator_users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).forUpdate().execute();
  if (!admins.some((a) => a.id !== userId)) throw new SaringError('invalid_state', 'This is the last active admin: make someone else admin first.');
}

export async function updateUser(db: Db, idOrLogin: string, patch: UserPatch, actor: Actor): Promise<OperatorUser> {
  if (patch.role !== undefined && !isRole(patch.role)) throw new SaringError('validation_failed', `Unknown role ${patch.role}.`);
  const next = {
    ...(patch.name !== undefined ? { name: checkName(patch.name) } : {}),
    ...(patch.login !== undefined ? { login: checkLogin(patch.login) } : {}),
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.org !== undefined ? { org: checkOrg(patch.org) } : {}),
  };
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await findUser(trx, idOrLogin, true);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const [field, value] of Object.entries(next)) {
        if (row[field as keyof typeof next] !== value) changes[field] = { from: row[field as keyof typeof next], to: value };
      }
      const disable = patch.disabled !== undefined && patch.disabled !== (row.disabled_at !== null);
      if (disable) changes['disabled'] = { from: row.disabled_at !== null, to: patch.disabled };
      if (Object.keys(changes).length === 0) return toUser(row);
      const demoted = row.role === 'admin' && row.disabled_at === null && ((changes['role'] && next.role !== 'admin') || (disable && patch.disabled));
      if (demoted) await keepAnAdmin(trx, row.id);
      const updated = await trx
        .updateTable('operator_users')
        .set({
          ...Object.fromEntries(Object.keys(changes).filter((f) => f !== 'disabled').map((f) => [f, next[f as keyof typeof next]])),
          ...(disable ? { disabled_at: patch.disabled ? new Date() : null } : {}),
        })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      // A role change or a deactivation takes effect at once: the person signs in again (or cannot).
      const reason: SessionEnd | undefined = disable && patch.disabled ? 'deactivated' : changes['role'] ? 'role_changed' : undefined;
      const sessionsEnded = reason ? await revokeSessions(trx, { userId: row.id }, reason) : 0;
      await bumpAccessGeneration(trx);
      await appendAudit(trx, { actor, action: 'user.updated', subjectType: 'operator_user', subjectId: row.id, data: { changes, sessionsEnded } });
      return toUser(updated);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new SaringError('conflict', `The login ${next.login} is taken.`);
    throw err;
  }
}

function needsLogin(row: UserRow): string {
  if (!row.login) throw new SaringError('invalid_state', `User ${row.id} has no login: give them one first (PATCH /v1/users/{id} with login).`);
  return row.login;
}

export async function setPassword(db: Db, idOrLogin: string, password: string, actor: Actor): Promise<OperatorUser> {
  const row = await findUser(db, idOrLogin);
  const login = needsLogin(row);
  checkPasswordRules(password, { login, name: row.name });
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('operator_users')
      .set({ password_hash: hash, password_changed_at: new Date(), invite_hash: null, invite_expires_at: null })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const sessionsEnded = await revokeSessions(trx, { userId: row.id }, 'password_reset');
    await clearThrottle(trx, throttleKey('login', login));
    await bumpAccessGeneration(trx);
    await appendAudit(trx, { actor, action: 'user.password_reset', subjectType: 'operator_user', subjectId: row.id, data: { sessionsEnded } });
    return toUser(updated);
  });
}

export async function inviteUser(db: Db, idOrLogin: string, actor: Actor): Promise<{ user: OperatorUser; invite: Invite }> {
  return db.transaction().execute(async (trx) => {
    const row = await findUser(trx, idOrLogin, true);
    needsLogin(row);
    if (row.disabled_at) throw new SaringError('invalid_state', `User ${row.id} is deactivated.`);
    const { invite, hash, expires } = newInvite();
    const updated = await trx
      .updateTable('operator_users')
      .set({ password_hash: null, invite_hash: hash, invite_expires_at: expires })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const sessionsEnded = await revokeSessions(trx, { userId: row.id }, 'password_reset');
    await bumpAccessGeneration(trx);
    await appendAudit(trx, { actor, action: 'user.invited', subjectType: 'operator_user', subjectId: row.id, data: { expiresAt: invite.expiresAt, sessionsEnded } });
    return { user: toUser(updated), invite };
  });
}

/** The engine's users: machines and people, their keys, passwords, sessions and preferences. */
export function createUsers(core: Pick<EngineCore, 'db' | 'config'>): UsersApi {
  const { db } = core;
  const config: PeopleConfig = core.config.people;
  const addressKey = (client: ClientInfo) => (client.address ? throttleKey('address', client.address) : undefined);
  const keys = new KeyCache(db, (prefix, hash) => findActiveKey(db, prefix, hash));
  /**
   * Wraps a change to keys or users: once it is made, this process's key cache forgets what it holds
   * (others see the access generation it bumped). A refused change (a wrong password) clears nothing.
   */
  const changes =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await fn(...args);
      keys.changed();
      return result;
    };

  /** Refuses at once an address with too many failures (429) and a locked login (423), before any password is checked. */
  async function checkThrottle(client: ClientInfo, login?: string): Promise<void> {
    const address = addressKey(client);
    const limited = address ? await lockedUntil(db, address) : null;
    if (limited) {
      throw new SaringError('rate_limited', `Too many failed sign-ins from this address: try again after ${limited.toISOString()}.`, { retryAt: limited.toISOString() });
    }
    const locked = login ? await lockedUntil(db, throttleKey('login', login)) : null;
    if (locked) throw lockedError(locked);
  }

  function lockedError(until: Date): SaringError {
    return new SaringError('account_locked', `Too many failed sign-ins for this login: it is locked until ${until.toISOString()}.`, { unlocksAt: until.toISOString() });
  }

  /**
   * Counts a failure against the login and the address, and audits it (the login only when it is
   * someone's: a made-up one may be a password typed into the wrong field). Returns the error to answer.
   */
  async function failed(
    action: string,
    actor: Actor,
    login: string | undefined,
    row: UserRow | undefined,
    client: ClientInfo,
    reason: string,
  ): Promise<SaringError> {
    return db.transaction().execute(async (trx) => {
      const lock = login ? await recordFailure(trx, throttleKey('login', login), config.loginMaxFailures, config.lockMinutes) : null;
      const address = addressKey(client);
      const limit = address ? await recordFailure(trx, address, config.addressMaxFailures, config.lockMinutes) : null;
      const who = { login: row?.login ?? null, address: client.address ?? null };
      await appendAudit(trx, { actor, action, subjectType: 'operator_user', subjectId: row?.id ?? null, data: { ...who, reason } });
      if (lock) await appendAudit(trx, { actor: 'system', action: 'session.login_locked', subjectType: 'operator_user', subjectId: row?.id ?? null, data: { ...who, until: lock.toISOString() } });
      if (limit) await appendAudit(trx, { actor: 'system', action: 'session.address_limited', subjectType: 'address', subjectId: null, data: { address: client.address ?? null, until: limit.toISOString() } });
      return lock ? lockedError(lock) : new SaringError('invalid_credentials');
    });
  }

  async function startSession(trx: Db, row: UserRow, client: ClientInfo, action: string): Promise<SignedIn> {
    const { token, session } = await createSession(trx, row.id, config, client);
    const updated = await trx.updateTable('operator_users').set({ last_sign_in_at: new Date() }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await bumpAccessGeneration(trx);
    await appendAudit(trx, { actor: `user:${row.id}`, action, subjectType: 'operator_user', subjectId: row.id, data: { sessionId: session.id, address: client.address ?? null } });
    return { user: toUser(updated), token, session };
  }

  const api: UsersApi = {
    create: changes((input: { name: string; role: string; org?: string | null }, actor: Actor) => createUser(db, input, actor)),
    createPerson: (input, actor) => createPerson(db, input, actor),
    list: () => listUsers(db),
    get: async (idOrLogin) => toUser(await findUser(db, idOrLogin)),
    update: changes((idOrLogin: string, patch: UserPatch, actor: Actor) => updateUser(db, idOrLogin, patch, actor)),
    setPassword: changes((idOrLogin: string, password: string, actor: Actor) => setPassword(db, idOrLogin, password, actor)),
    invite: changes((idOrLogin: string, actor: Actor) => inviteUser(db, idOrLogin, actor)),
    async authenticate(key) {
      const match = KEY_FORMAT.exec(key);
      if (!match) throw new SaringError('invalid_api_key');
      return keyPrincipal(await keys.resolve(match[1]!, hashKey(key)));
    },
    authenticateSession: (token) => authenticateSession(db, token, config),
    issueKey: changes((userId: string, actor: Actor) => db.transaction().execute((trx) => issueKey(trx, userId, actor))),
    revokeKey: changes((prefix: string, actor: Actor) => revokeKey(db, prefix, actor)),
    close: () => keys.close(),
    preferences: (userId) => userPreferences(db, userId),
    setPreferences: (userId, preferences) => setUserPreferences(db, userId, preferences),
    consoleDefaults: () => consoleDefaults(db),
    setConsoleDefaults: (defaults, actor) => setConsoleDefaults(db, defaults, actor),

    async signIn(loginInput, password, client, previousToken) {
      const login = normaliseLogin(loginInput);
      await checkThrottle(client, login);
      const row = LOGIN.test(login) ? await db.selectFrom('operator_users').selectAll().where('login', '=', login).executeTakeFirst() : undefined;
      // An unknown login costs the same verification and answers the same as a wrong password.
      if (!(await verifyPassword(row?.password_hash, password)) || !row) {
        throw await failed('session.sign_in_failed', 'anonymous', login, row, client, !row ? 'unknown_login' : row.password_hash ? 'wrong_password' : 'no_password');
      }
      // Only someone who knows the password learns that the account is deactivated.
      if (row.disabled_at) throw new SaringError('account_disabled', 'This account is deactivated: ask an admin.');
      const rehash = needsRehash(row.password_hash!) ? await hashPassword(password) : undefined;
      return db.transaction().execute(async (trx) => {
        if (previousToken) await revokeSessionByToken(trx, previousToken);
        await clearThrottle(trx, throttleKey('login', login));
        if (rehash) await trx.updateTable('operator_users').set({ password_hash: rehash }).where('id', '=', row.id).execute();
        return startSession(trx, row, client, 'session.signed_in');
      });
    },

    async acceptInvite(token, password, client) {
      await checkThrottle(client);
      const hash = /^[A-Za-z0-9_-]{43}$/.test(token) ? sha256(token) : undefined;
      const row = hash ? await db.selectFrom('operator_users').selectAll().where('invite_hash', '=', hash).executeTakeFirst() : undefined;
      if (!row || !hash || row.disabled_at || (row.invite_expires_at?.getTime() ?? 0) <= Date.now()) {
        const err = await failed('user.invite_failed', 'anonymous', undefined, row, client, !row ? 'unknown_invite' : row.disabled_at ? 'deactivated' : 'expired');
        throw err.code === 'invalid_credentials' ? new SaringError('invalid_invite') : err;
      }
      checkPasswordRules(password, { login: row.login, name: row.name });
      const passwordHash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        // Only the first of two acceptances of one invite sets the password.
        const taken = await trx
          .updateTable('operator_users')
          .set({ password_hash: passwordHash, password_changed_at: new Date(), invite_hash: null, invite_expires_at: null })
          .where('id', '=', row.id)
          .where('invite_hash', '=', hash)
          .returningAll()
          .executeTakeFirst();
        if (!taken) throw new SaringError('invalid_invite');
        return startSession(trx, taken, client, 'user.invite_accepted');
      });
    },

    async signOut(principal) {
      if (principal.via !== 'session') throw new SaringError('invalid_state', 'This request was made with an API key, not a session: there is nothing to sign out.');
      await db.transaction().execute(async (trx) => {
        await revokeSessions(trx, { userId: principal.user.id, sessionId: principal.session!.id }, 'signed_out');
        await appendAudit(trx, { actor: principal.actor, action: 'session.signed_out', subjectType: 'operator_user', subjectId: principal.user.id, data: { sessionId: principal.session!.id } });
      });
    },

    async revokeSessions(userId, actor) {
      return db.transaction().execute(async (trx) => {
        const row = await findUser(trx, userId, true);
        const ended = await revokeSessions(trx, { userId: row.id }, 'signed_out_everywhere');
        await appendAudit(trx, { actor, action: 'session.revoked_all', subjectType: 'operator_user', subjectId: row.id, data: { sessionsEnded: ended } });
        return ended;
      });
    },

    async changePassword(principal, current, next, client) {
      const row = await findUser(db, principal.user.id);
      const login = row.login ?? undefined;
      await checkThrottle(client, login);
      if (!(await verifyPassword(row.password_hash, current))) throw await failed('user.password_change_failed', principal.actor, login, row, client, 'wrong_password');
      checkPasswordRules(next, { login: row.login, name: row.name });
      if (next === current) throw new SaringError('weak_password', 'The new password is the current one.', { problems: ['the new password is the current one'] });
      const hash = await hashPassword(next);
      return db.transaction().execute(async (trx) => {
        // Set only if the password is still the one just verified (two changes at once: the first wins).
        const r = await trx
          .updateTable('operator_users')
          .set({ password_hash: hash, password_changed_at: new Date() })
          .where('id', '=', row.id)
          .where('password_hash', '=', row.password_hash!)
          .returningAll()
          .executeTakeFirst();
        if (!r) throw new SaringError('conflict', 'The password was changed meanwhile.');
        const sessionsEnded = await revokeSessions(trx, { userId: row.id }, 'password_changed');
        await bumpAccessGeneration(trx);
        await appendAudit(trx, { actor: principal.actor, action: 'user.password_changed', subjectType: 'operator_user', subjectId: row.id, data: { via: principal.via, sessionsEnded } });
        return principal.via === 'session' ? startSession(trx, r, client, 'session.signed_in') : undefined;
      });
    },
  };
  // Signing in (last_sign_in_at), accepting an invite and changing a password change what a key's user shows (GET /v1/me).
  api.signIn = changes(api.signIn);
  api.acceptInvite = changes(api.acceptInvite);
  api.changePassword = changes(api.changePassword);
  return api;
}
