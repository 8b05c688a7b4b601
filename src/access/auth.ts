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

/**
 * Who may call a route: a permission (see `roles.ts`), `authenticated` (any valid key, whatever
 * its role) or `public` (no key). Every route declares one in `config.permission`; the HTTP app
 * refuses to register a route that does not, and checks it before the body is read or validated.
 */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    permission?: RouteAccess;
  }
}

/** What the HTTP door needs to turn an API key into a principal. */
export interface Authenticator {
  users: { authenticate(key: string): Promise<Principal> };
}

/** The API key a request carries (`Authorization: Bearer <key>` or `X-Api-Key`). */
export function requestKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  const key = request.headers['x-api-key'];
  return typeof key === 'string' && key ? key : undefined;
}

/** Authenticates a request and checks that its key's role grants `access`. */
export async function authorise(auth: Authenticator, request: FastifyRequest, access: Exclude<RouteAccess, 'public'>): Promise<Principal> {
  const key = requestKey(request);
  if (!key) throw new SaringError('unauthenticated');
  const principal = await auth.users.authenticate(key);
  if (access !== 'authenticated' && !can(principal.user.role, access)) {
    throw new SaringError('forbidden', `Role ${principal.user.role} may not ${access}.`);
  }
  return principal;
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new SaringError('unauthenticated');
  return request.principal;
}
