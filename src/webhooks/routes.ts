import { z } from 'zod';
import type { Routes } from '../http/app.js';
import { principalOf } from '../access/auth.js';
import type { WebhooksApi } from './webhooks.js';
import { wholeNumber } from '../shared/validate.js';

export const webhookRoutes: Routes<{ webhooks: WebhooksApi }> = (app, saring) => {
  app.get(
    '/v1/webhooks',
    { schema: { tags: ['webhooks'], summary: 'Registered endpoints' }, config: { permission: 'webhooks:manage' } },
    async () => ({ endpoints: await saring.webhooks.list() }),
  );
  app.post(
    '/v1/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Register an endpoint; the signing secret is returned once',
        body: z
          .object({ url: z.string().max(2048), events: z.array(z.string()).max(20).optional(), secret: z.string().min(16).max(200).optional() })
          .strict(),
      },
      config: { permission: 'webhooks:manage' },
    },
    async (request, reply) => reply.status(201).send(await saring.webhooks.add(request.body, principalOf(request).actor)),
  );
  app.delete(
    '/v1/webhooks/:id',
    { schema: { tags: ['webhooks'], summary: 'Deactivate an endpoint', params: z.object({ id: z.uuid() }) }, config: { permission: 'webhooks:manage' } },
    async (request, reply) => {
      await saring.webhooks.remove(request.params.id, principalOf(request).actor);
      return reply.status(204).send();
    },
  );
  app.get(
    '/v1/webhooks/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Recent deliveries and their attempts',
        querystring: z.object({ status: z.enum(['pending', 'delivered', 'failed']).optional(), limit: wholeNumber(1, 500).default(50) }).strict(),
      },
      config: { permission: 'webhooks:manage' },
    },
    async (request) => ({ deliveries: await saring.webhooks.deliveries(request.query) }),
  );
};
