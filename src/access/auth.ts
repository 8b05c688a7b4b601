import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SaringError } from '../errors/errors.js';
import { can, type Permission, type Role } from './roles.js';

export interface OperatorUser {
  id: string;
  name: string;
  /** What the person signs in with (lower-case, unique); null for users with API keys only. */
  login: string | null;
  role: Role;
  org: string | null;
  createdAt: string;
  disabled: boolean;
  /** Whether the person can sign in with a password. */
  hasPassword: boolean;
  /** An invite was issued and not yet accepted (nor expired). */
  invitePending: boolean;
  lastSignInAt: string | null;
}

/** The session behind a principal that signed in (never logged: it holds the CSRF token). */
export interface SessionInfo {
  id: string;
  /** What a state-changing request made with this session sends as `X-CSRF-Token`. */
  csrfToken: string;
  /** The session ends then whatever happens (absolute expiry). */
  expiresAt: string;
  /** … or then, unless it is used before (idle expiry; each use moves it on). */
  idleExpiresAt: string;
}

/** The identity behind an authenticated request. */
export interface Principal {
  user: OperatorUser;
  /** How the request authenticated: an API key (machines) or a person's session cookie. */
  via: 'key' | 'session';
  /** The API key's prefix (`via: 'key'`). */
  keyPrefix?: string;
  /** The session (`via: 'session'`). */
  session?: SessionInfo;
  /** How this principal appears in the audit log. */
  actor: string;
}

/**
 * Who may call a route: a permission (see `roles.ts`), `authenticated` (any valid key or session,
 * whatever its role) or `public` (neither). Every route declares one in `config.permission`; the
 * HTTP app refuses to register a route that does not, and checks it before the body is read or validated.
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

/** What the HTTP door needs to turn an API key or a session cookie into a principal. */
export interface Authenticator {
  users: {
    authenticate(key: string): Promise<Principal>;
    authenticateSession(token: string): Promise<Principal>;
  };
}

/** The cookie that carries a person's session token. */
export const SESSION_COOKIE = 'saring_session';
export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The API key a request carries (`Authorization: Bearer <key>` or `X-Api-Key`). */
export function requestKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  const key = request.headers['x-api-key'];
  return typeof key === 'string' && key ? key : undefined;
}

/** The session token in the request's `saring_session` cookie. */
export function sessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it), Path=/, and Secure when the request came over TLS (directly, or through a proxy
 * trusted with SARING_TRUST_PROXY that says so in X-Forwarded-Proto).
 */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, expiresAt: string): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  reply.header('set-cookie', cookie(request, `${SESSION_COOKIE}=${token}`, maxAge));
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  reply.header('set-cookie', cookie(request, `${SESSION_COOKIE}=`, 0));
}

function cookie(request: FastifyRequest, value: string, maxAge: number): string {
  return `${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${request.protocol === 'https' ? '; Secure' : ''}`;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Authenticates a request and checks that its role grants `access`. An API key (machines) wins
 * over a session cookie (people). A state-changing request made with a session must carry the
 * session's CSRF token in `X-CSRF-Token` (checked before the role, so a forged request learns nothing).
 */
export async function authorise(auth: Authenticator, request: FastifyRequest, access: Exclude<RouteAccess, 'public'>): Promise<Principal> {
  const key = requestKey(request);
  const token = key ? undefined : sessionToken(request);
  if (!key && !token) throw new SaringError('unauthenticated');
  const principal = key ? await auth.users.authenticate(key) : await auth.users.authenticateSession(token!);
  if (principal.via === 'session' && STATE_CHANGING.has(request.method)) {
    const given = request.headers[CSRF_HEADER];
    if (typeof given !== 'string' || !sameSecret(given, principal.session!.csrfToken)) {
      throw new SaringError('csrf_failed', given ? 'X-CSRF-Token is not the token of this session (sign in again, or read it from GET /v1/session).' : undefined);
    }
  }
  if (access !== 'authenticated' && !can(principal.user.role, access)) {
    throw new SaringError('forbidden', `Role ${principal.user.role} may not ${access}.`);
  }
  return principal;
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new SaringError('unauthenticated');
  return request.principal;
}
