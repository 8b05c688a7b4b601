import { z } from 'zod';
import { CATEGORIES, CATEGORY_IDS } from '../categories/categories.js';
import { can } from '../access/roles.js';
import { SaringError } from '../errors/errors.js';
import type { Routes } from '../http/app.js';
import { principalOf, requires, type Authenticator } from '../access/auth.js';
import type { DecisionsApi } from './decisions.js';
import { DECISION_ACTIONS } from './statement.js';

const decisionBody = z
  .object({
    action: z.enum(DECISION_ACTIONS),
    category: z.enum(CATEGORY_IDS).nullable().optional(),
    reason: z.string().min(1).max(5000),
  })
  .strict();

export const decisionRoutes: Routes<Authenticator & { decisions: DecisionsApi }> = (app, saring) => {
  app.post(
    '/v1/content/:id/decisions',
    {
      schema: {
        tags: ['decisions'],
        summary: "Record a moderator's decision on a content item",
        description: 'Decisions in urgent categories (CSAM, terrorism) need the senior_moderator or admin role.',
        params: z.object({ id: z.string().min(1).max(256) }),
        body: decisionBody,
      },
      preHandler: requires(saring, 'decide'),
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const category = request.body.category ?? null;
      if (category && CATEGORIES[category].urgent && !can(principal.user.role, 'decide:severe')) {
        throw new SaringError('forbidden', `Decisions on ${category} need a senior moderator.`);
      }
      const decision = await saring.decisions.decide(request.params.id, { ...request.body, category }, principal);
      return reply.status(201).send(decision);
    },
  );

  app.get(
    '/v1/decisions/:id',
    {
      schema: {
        tags: ['decisions'],
        summary: 'A decision with its statement of reasons',
        params: z.object({ id: z.uuid() }),
      },
      preHandler: requires(saring, 'content:read'),
    },
    async (request) => saring.decisions.get(request.params.id),
  );
};
