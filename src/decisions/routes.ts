import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import type { Routes } from '../http/app.js';
import { principalOf } from '../access/auth.js';
import type { DecisionsApi } from './decisions.js';
import { decisionSchema } from './schema.js';
import { DECISION_ACTIONS } from './statement.js';

const decisionBody = z
  .object({
    action: z.enum(DECISION_ACTIONS),
    category: z.enum(CATEGORY_IDS).nullable().optional(),
    reason: z.string().min(1).max(5000),
  })
  .strict();

export const decisionRoutes: Routes<{ decisions: DecisionsApi }> = (app, saring) => {
  app.post(
    '/v1/content/:id/decisions',
    {
      schema: {
        tags: ['decisions'],
        summary: "Record a moderator's decision on a content item",
        description:
          'Decisions in the senior-only categories (CSAM, terrorism) need the senior_moderator or admin role (permission `decide:severe`), ' +
          "and so does any decision on content whose current decision, or whose latest scan's verdict, is in such a category: " +
          'reversing, restricting or relabelling it, with or without `category`. Otherwise 403 `forbidden`, and nothing is recorded. ' +
          'The answer is the decision: `statement` is the statement of reasons for the uploader (plain words in Bahasa Indonesia and English), ' +
          '`evidence` the technical evidence for moderators and auditors.',
        params: z.object({ id: z.string().min(1).max(256) }),
        body: decisionBody,
        response: { 201: decisionSchema },
      },
      config: { permission: 'decide' },
    },
    async (request, reply) => {
      const decision = await saring.decisions.decide(request.params.id, request.body, principalOf(request));
      return reply.status(201).send(decision);
    },
  );

  app.get(
    '/v1/decisions/:id',
    {
      schema: {
        tags: ['decisions'],
        summary: 'A decision with its statement of reasons',
        description:
          '`statement` is what the platform forwards to the uploader (`statement.message`, or its parts: `facts.summary`, `facts.found`, `ground`, `redress`), ' +
          'in Bahasa Indonesia (`id`) and English (`en`), without lexicon terms, weights, scores or bank entries; ' +
          '`evidence` is the technical evidence (lexicon terms, weights, model scores, bank entries, frames) for moderators and auditors.',
        params: z.object({ id: z.uuid() }),
        response: { 200: decisionSchema },
      },
      config: { permission: 'content:read' },
    },
    async (request) => saring.decisions.get(request.params.id),
  );
};
