import type { FastifyRequest } from 'fastify';
import { SaringError } from '../errors/errors.js';
import { can, type Permission, type Role } from './roles.js';

export interface OperatorUser {
  id: string;
  name: string;
  role: Role;
  org: string | null;
  createdAt: string;
  disabled: boolean;
}

/** The identity behind an authenticated request. */
export interface Principal {
  user: OperatorUser;
  keyPrefix: string;
  /** How this principal appears in the audit log. */
  actor: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** What the HTTP door needs to turn an API key into a principal. */
export interface Authenticator {
  users: { authenticate(key: string): Promise<Principal> };
}

/** A preHandler that requires an API key whose role grants `permission`. */
export function requires(auth: Authenticator, permission: Permission) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : (request.headers['x-api-key'] as string | undefined);
    if (!key) throw new SaringError('unauthenticated');
    const principal = await auth.users.authenticate(key);
    if (!can(principal.user.role, permission)) {
      throw new SaringError('forbidden', `Role ${principal.user.role} may not ${permission}.`);
    }
    request.principal = principal;
  };
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new SaringError('unauthenticated');
  return request.principal;
}
