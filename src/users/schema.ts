/** Users and sessions as the API answers them, for its documentation and typed clients (checked against their types). */
import { z } from 'zod';
import type { OperatorUser } from '../access/auth.js';
import { ROLES } from '../access/roles.js';
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

/** A sign-in, or what `GET /v1/session` says: the CSRF token and expiries only for a session. */
export const sessionAnswerSchema = z.object({
  user: operatorUserSchema,
  via: z.enum(['key', 'session']),
  csrfToken: z.string().optional(),
  expiresAt: z.string().optional(),
  idleExpiresAt: z.string().optional(),
});

export const sessionsEndedSchema = z.object({ sessionsEnded: z.number() });
