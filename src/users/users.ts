import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connect.js';
import { appendAudit, type Actor } from '../audit/log.js';
import { notFound, SaringError } from '../errors/errors.js';
import type { OperatorUser, Principal } from '../access/auth.js';
import { isRole, type Role } from '../access/roles.js';

/** The operator-users part of the engine. */
export interface UsersApi {
  /** Creates a user with a first API key (returned once). */
  create(input: { name: string; role: string; org?: string | null }, actor: Actor): Promise<{ user: OperatorUser; apiKey: string }>;
  list(): Promise<OperatorUser[]>;
  authenticate(key: string): Promise<Principal>;
  issueKey(userId: string, actor: Actor): Promise<string>;
  revokeKey(prefix: string, actor: Actor): Promise<void>;
}

const KEY_PREFIX = 'srg_';

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key: `srg_<prefix>_<secret>`. Only the SHA-256 of the whole key is stored. */
function newKey(): { key: string; prefix: string } {
  const prefix = randomBytes(6).toString('hex');
  return { key: `${KEY_PREFIX}${prefix}_${randomBytes(24).toString('base64url')}`, prefix };
}

function toUser(r: { id: string; name: string; role: string; org: string | null; created_at: Date; disabled_at: Date | null }): OperatorUser {
  return { id: r.id, name: r.name, role: r.role as Role, org: r.org, createdAt: r.created_at.toISOString(), disabled: r.disabled_at !== null };
}

export async function createUser(
  db: Db,
  input: { name: string; role: string; org?: string | null },
  actor: Actor,
): Promise<{ user: OperatorUser; apiKey: string }> {
  if (!isRole(input.role)) throw new SaringError('validation_failed', `Unknown role ${input.role}.`);
  const name = input.name.trim();
  if (!name || name.length > 200) throw new SaringError('validation_failed', 'A user needs a name of 1 to 200 characters.');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('operator_users')
      .values({ name, role: input.role, org: input.org ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const user = toUser(row);
    const apiKey = await issueKey(trx, user.id, actor, 'initial');
    await appendAudit(trx, { actor, action: 'user.created', subjectType: 'operator_user', subjectId: user.id, data: { name, role: user.role, org: user.org } });
    return { user, apiKey };
  });
}

export async function issueKey(db: Db, userId: string, actor: Actor, label?: string): Promise<string> {
  const user = await db.selectFrom('operator_users').select(['id', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('User', userId);
  if (user.disabled_at) throw new SaringError('invalid_state', `User ${userId} is disabled.`);
  const { key, prefix } = newKey();
  await db.insertInto('api_keys').values({ user_id: userId, prefix, key_hash: hashKey(key), label: label ?? null }).execute();
  await appendAudit(db, { actor, action: 'api_key.issued', subjectType: 'operator_user', subjectId: userId, data: { prefix } });
  return key;
}

export async function listUsers(db: Db): Promise<OperatorUser[]> {
  return (await db.selectFrom('operator_users').selectAll().orderBy('created_at').execute()).map(toUser);
}

/** Resolves an API key to its user, or throws `invalid_api_key`. */
export async function authenticate(db: Db, key: string): Promise<Principal> {
  const match = /^srg_([0-9a-f]{12})_[A-Za-z0-9_-]{20,64}$/.exec(key);
  if (!match) throw new SaringError('invalid_api_key');
  const prefix = match[1]!;
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('operator_users', 'operator_users.id', 'api_keys.user_id')
    .select([
      'api_keys.key_hash',
      'api_keys.revoked_at',
      'operator_users.id',
      'operator_users.name',
      'operator_users.role',
      'operator_users.org',
      'operator_users.created_at',
      'operator_users.disabled_at',
    ])
    .where('api_keys.prefix', '=', prefix)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at) throw new SaringError('invalid_api_key');
  const expected = Buffer.from(row.key_hash, 'hex');
  const given = Buffer.from(hashKey(key), 'hex');
  if (!timingSafeEqual(expected, given)) throw new SaringError('invalid_api_key');
  const user = toUser(row);
  return { user, keyPrefix: prefix, actor: `user:${user.id}` };
}

export async function revokeKey(db: Db, prefix: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('api_keys').set({ revoked_at: new Date() }).where('prefix', '=', prefix).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new SaringError('not_found', `No active API key with prefix ${prefix}.`);
    await appendAudit(trx, { actor, action: 'api_key.revoked', subjectType: 'api_key', subjectId: prefix });
  });
}
