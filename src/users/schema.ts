/** Users and sessions as the API answers them, for its documentation and typed clients (checked against their types). */
import { z } from 'zod';
import type { OperatorUser } from '../access/auth.js';
import { PERMISSIONS, ROLES } from '../access/roles.js';
import type { Invite } from './users.js';

export const operatorUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string().nullable(),
  role: z.enum(ROLES),
  org: z.string().nullable(),
  createdAt: z.string(),
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  invitePending: z.boolean(),
  lastSignInAt: z.string().nullable(),
}) satisfies z.ZodType<OperatorUser>;

export const inviteSchema = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() }) satisfies z.ZodType<Invite>;

/** A sign-in, or what `GET /v1/session` says: what the role may do; the CSRF token and expiries only for a session. */
export const sessionAnswerSchema = z.object({
  user: operatorUserSchema,
  via: z.enum(['key', 'session']),
  /** The permissions of the person's role (the API checks them again on every request). */
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string().optional(),
  expiresAt: z.string().optional(),
  idleExpiresAt: z.string().optional(),
});

export const sessionsEndedSchema = z.object({ sessionsEnded: z.number() });
