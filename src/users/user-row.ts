import type { OperatorUser } from '../access/auth.js';
import type { Role } from '../access/roles.js';

/** The columns of `operator_users` an {@link OperatorUser} is made from (qualified, for joins). */
export const USER_COLUMNS = [
  'operator_users.id',
  'operator_users.name',
  'operator_users.login',
  'operator_users.role',
  'operator_users.org',
  'operator_users.created_at',
  'operator_users.disabled_at',
  'operator_users.password_hash',
  'operator_users.invite_hash',
  'operator_users.invite_expires_at',
  'operator_users.last_sign_in_at',
] as const;

export interface UserRow {
  id: string;
  name: string;
  login: string | null;
  role: string;
  org: string | null;
  created_at: Date;
  disabled_at: Date | null;
  password_hash: string | null;
  invite_hash: string | null;
  invite_expires_at: Date | null;
  last_sign_in_at: Date | null;
}

export function toUser(r: UserRow): OperatorUser {
  return {
    id: r.id,
    name: r.name,
    login: r.login,
    role: r.role as Role,
    org: r.org,
    createdAt: r.created_at.toISOString(),
    disabled: r.disabled_at !== null,
    hasPassword: r.password_hash !== null,
    invitePending: r.invite_hash !== null && (r.invite_expires_at?.getTime() ?? 0) > Date.now(),
    lastSignInAt: r.last_sign_in_at?.toISOString() ?? null,
  };
}
