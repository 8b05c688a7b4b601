import { z } from 'zod';
import type { Routes } from '../http/app.js';
import { principalOf } from '../access/auth.js';
import { ROLES } from '../access/roles.js';
import type { UsersApi } from './users.js';

export const userRoutes: Routes<{ users: UsersApi }> = (app, saring) => {
  app.get('/v1/me', { schema: { tags: ['access'], summary: 'Who this API key belongs to' }, config: { permission: 'authenticated' } }, async (request) =>
    principalOf(request).user,
  );
  app.get(
    '/v1/users',
    { schema: { tags: ['access'], summary: 'Operator users' }, config: { permission: 'users:manage' } },
    async () => ({ users: await saring.users.list() }),
  );
  app.post(
    '/v1/users',
    {
      schema: {
        tags: ['access'],
        summary: 'Create an operator user; their first API key is returned once',
        body: z.object({ name: z.string().min(1).max(200), role: z.enum(ROLES), org: z.string().max(200).optional() }).strict(),
      },
      config: { permission: 'users:manage' },
    },
    async (request, reply) => reply.status(201).send(await saring.users.create(request.body, principalOf(request).actor)),
  );
  app.post(
    '/v1/users/:id/keys',
    { schema: { tags: ['access'], summary: 'Issue another API key', params: z.object({ id: z.uuid() }) }, config: { permission: 'users:manage' } },
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
