import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Routes } from '../http/app.js';
import { clearSessionCookie, principalOf, sessionToken, setSessionCookie, type Principal } from '../access/auth.js';
import { can, PERMISSIONS, ROLES } from '../access/roles.js';
import { SaringError } from '../errors/errors.js';
import { consoleDefaultsViewSchema, consolePreferencesSchema, preferencesViewSchema } from './preferences.js';
import { inviteSchema, operatorUserSchema, sessionAnswerSchema, sessionsEndedSchema } from './schema.js';
import type { ClientInfo, SignedIn, UsersApi } from './users.js';

const password = z.string().min(1).max(1_024);
const login = z.string().min(1).max(254);
const userId = z.object({ id: z.uuid() });

function client(request: FastifyRequest): ClientInfo {
  const agent = request.headers['user-agent'];
  return { address: request.ip, userAgent: typeof agent === 'string' ? agent : undefined };
}

/** The answer about a session (or the key) a request was made with, with what its role may do; never cached. */
function sessionView(reply: FastifyReply, principal: Pick<Principal, 'user' | 'via' | 'session'>) {
  reply.header('cache-control', 'no-store');
  const s = principal.session;
  return {
    user: principal.user,
    via: principal.via,
    permissions: PERMISSIONS.filter((p) => can(principal.user.role, p)),
    ...(s ? { csrfToken: s.csrfToken, expiresAt: s.expiresAt, idleExpiresAt: s.idleExpiresAt } : {}),
  };
}

function signedIn(request: FastifyRequest, reply: FastifyReply, signed: SignedIn) {
  setSessionCookie(reply, request, signed.token, signed.session.expiresAt);
  return sessionView(reply, { user: signed.user, via: 'session', session: signed.session });
}

export const userRoutes: Routes<{ users: UsersApi }> = (app, saring) => {
  // Signing in and out (people; machines use API keys).
  app.post(
    '/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in: sets the saring_session cookie and returns the CSRF token to send as X-CSRF-Token',
        description:
          'Failed sign-ins are counted per login and per address: too many lock the login (423 account_locked, with `unlocksAt`) or refuse ' +
          'the address (429 rate_limited). A wrong password and an unknown login answer alike (401 invalid_credentials).',
        body: z.object({ login, password }).strict(),
        response: { 200: sessionAnswerSchema },
      },
      config: { permission: 'public' },
    },
    async (request, reply) => signedIn(request, reply, await saring.users.signIn(request.body.login, request.body.password, client(request), sessionToken(request))),
  );
  app.get(
    '/v1/session',
    {
      schema: { tags: ['session'], summary: 'The person signed in, with the CSRF token of the session (or the key’s user)', response: { 200: sessionAnswerSchema } },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => sessionView(reply, principalOf(request)),
  );
  app.delete(
    '/v1/session',
    { schema: { tags: ['session'], summary: 'Sign out (this session)' }, config: { permission: 'authenticated' } },
    async (request, reply) => {
      await saring.users.signOut(principalOf(request));
      clearSessionCookie(reply, request);
      return reply.status(204).send();
    },
  );
  app.post(
    '/v1/session/revoke-all',
    {
      schema: { tags: ['session'], summary: 'Sign out everywhere: every session of the caller ends', response: { 200: sessionsEndedSchema } },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const sessionsEnded = await saring.users.revokeSessions(principal.user.id, principal.actor);
      if (principal.via === 'session') clearSessionCookie(reply, request);
      return { sessionsEnded };
    },
  );
  app.post(
    '/v1/invites/accept',
    {
      schema: {
        tags: ['session'],
        summary: 'Accept an invite: choose a password and sign in (the token is in the body, never in a URL)',
        body: z.object({ token: z.string().min(1).max(100), password }).strict(),
        response: { 200: sessionAnswerSchema },
      },
      config: { permission: 'public' },
    },
    async (request, reply) => signedIn(request, reply, await saring.users.acceptInvite(request.body.token, request.body.password, client(request))),
  );

  // The caller.
  app.get(
    '/v1/me',
    { schema: { tags: ['access'], summary: 'Who this API key or session belongs to', response: { 200: operatorUserSchema } }, config: { permission: 'authenticated' } },
    async (request) => principalOf(request).user,
  );
  app.post(
    '/v1/me/password',
    {
      schema: {
        tags: ['session'],
        summary: 'Change one’s own password: every session ends; a session-made request gets a new session (cookie and CSRF token)',
        body: z.object({ currentPassword: password, newPassword: password }).strict(),
        response: { 200: sessionAnswerSchema },
      },
      config: { permission: 'authenticated' },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const signed = await saring.users.changePassword(principal, request.body.currentPassword, request.body.newPassword, client(request));
      return signed ? signedIn(request, reply, signed) : sessionView(reply, { user: await saring.users.get(principal.user.id), via: principal.via });
    },
  );
  app.get(
    '/v1/me/preferences',
    {
      schema: { tags: ['session'], summary: 'Console preferences: one’s own, the organisation’s defaults, and the two together', response: { 200: preferencesViewSchema } },
      config: { permission: 'authenticated' },
    },
    async (request) => saring.users.preferences(principalOf(request).user.id),
  );
  app.put(
    '/v1/me/preferences',
    {
      schema: {
        tags: ['session'],
        summary: 'Set one’s own console preferences (fields left out follow the organisation’s defaults)',
        body: consolePreferencesSchema,
        response: { 200: preferencesViewSchema },
      },
      config: { permission: 'authenticated' },
    },
    async (request) => saring.users.setPreferences(principalOf(request).user.id, request.body),
  );
  app.get(
    '/v1/settings/console',
    { schema: { tags: ['access'], summary: 'The organisation’s console defaults', response: { 200: consoleDefaultsViewSchema } }, config: { permission: 'settings:manage' } },
    async () => saring.users.consoleDefaults(),
  );
  app.put(
    '/v1/settings/console',
    {
      schema: {
        tags: ['access'],
        summary: 'Set the organisation’s console defaults (fields left out follow Saring’s)',
        body: consolePreferencesSchema,
        response: { 200: consoleDefaultsViewSchema },
      },
      config: { permission: 'settings:manage' },
    },
    async (request) => saring.users.setConsoleDefaults(request.body, principalOf(request).actor),
  );

  // People and machines, for admins.
  app.get(
    '/v1/users',
    {
      schema: { tags: ['access'], summary: 'Operator users (people and machines)', response: { 200: z.object({ users: z.array(operatorUserSchema) }) } },
      config: { permission: 'users:manage' },
    },
    async () => ({ users: await saring.users.list() }),
  );
  app.post(
    '/v1/users',
    {
      schema: {
        tags: ['access'],
        summary: 'Create a person (with a login: an initial password, or an invite shown once) or a machine (without: its first API key, shown once)',
        body: z
          .object({
            name: z.string().min(1).max(200),
            role: z.enum(ROLES),
            org: z.string().max(200).optional(),
            login: login.optional(),
            password: password.optional(),
            invite: z.literal(true).optional(),
          })
          .strict(),
        response: { 201: z.object({ user: operatorUserSchema, apiKey: z.string().optional(), invite: inviteSchema.optional() }) },
      },
      config: { permission: 'users:manage' },
    },
    async (request, reply) => {
      const { login: personLogin, password: initial, invite, ...rest } = request.body;
      const actor = principalOf(request).actor;
      if (personLogin === undefined) {
        if (initial !== undefined || invite) throw new SaringError('validation_failed', 'A password or an invite needs a login.');
        return reply.status(201).send(await saring.users.create(rest, actor));
      }
      return reply.status(201).send(await saring.users.createPerson({ ...rest, login: personLogin, password: initial, invite }, actor));
    },
  );
  app.patch(
    '/v1/users/:id',
    {
      schema: {
        tags: ['access'],
        summary: 'Change a user’s name, login, role or organisation, or deactivate them (a role change or deactivation ends their sessions)',
        params: userId,
        body: z
          .object({ name: z.string().min(1).max(200), login, role: z.enum(ROLES), org: z.string().max(200).nullable(), disabled: z.boolean() })
          .partial()
          .strict(),
        response: { 200: operatorUserSchema },
      },
      config: { permission: 'users:manage' },
    },
    async (request) => saring.users.update(request.params.id, request.body, principalOf(request).actor),
  );
  app.post(
    '/v1/users/:id/password',
    {
      schema: {
        tags: ['access'],
        summary: 'Reset a person’s password: set one, or send an invite (their sessions end either way)',
        params: userId,
        body: z
          .object({ password: password.optional(), invite: z.literal(true).optional() })
          .strict()
          .refine((b) => (b.password === undefined) !== (b.invite === undefined), 'give either password or invite: true'),
        response: { 200: z.object({ user: operatorUserSchema, invite: inviteSchema.optional() }) },
      },
      config: { permission: 'users:manage' },
    },
    async (request) => {
      const actor = principalOf(request).actor;
      if (request.body.invite) return saring.users.invite(request.params.id, actor);
      return { user: await saring.users.setPassword(request.params.id, request.body.password!, actor) };
    },
  );
  app.post(
    '/v1/users/:id/sessions/revoke-all',
    { schema: { tags: ['access'], summary: 'Sign a person out everywhere', params: userId, response: { 200: sessionsEndedSchema } }, config: { permission: 'users:manage' } },
    async (request) => ({ sessionsEnded: await saring.users.revokeSessions(request.params.id, principalOf(request).actor) }),
  );
  app.post(
    '/v1/users/:id/keys',
    { schema: { tags: ['access'], summary: 'Issue another API key', params: userId, response: { 201: z.object({ apiKey: z.string() }) } }, config: { permission: 'users:manage' } },
    async (request, reply) => reply.status(201).send({ apiKey: await saring.users.issueKey(request.params.id, principalOf(request).actor) }),
  );
  app.delete(
    '/v1/keys/:prefix',
    { schema: { tags: ['access'], summary: 'Revoke an API key', params: z.object({ prefix: z.string().regex(/^[0-9a-f]{12}$/) }) }, config: { permission: 'users:manage' } },
    async (request, reply) => {
      await saring.users.revokeKey(request.params.prefix, principalOf(request).actor);
      return reply.status(204).send();
    },
  );
};
