import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import type { Routes } from '../http/app.js';
import { appealDecisionSchema, appealListSchema, appealSchema, type AppealsApi } from './appeals.js';
import { appealPageSchema, appealViewSchema } from './schema.js';

const idParams = z.object({ id: z.uuid() });

export const appealRoutes: Routes<{ appeals: AppealsApi }> = (app, saring) => {
  app.post(
    '/v1/appeals',
    {
      schema: {
        tags: ['appeals'],
        summary: 'File an appeal against a decision (the platform, for its user): a case in the appeals queue',
        description:
          '201 `{ id, status: "open", caseId, windowEndsAt, … }`. Only the decision in force, one that acted against the content and did not carry out an authority’s order, can be appealed ' +
          '(422 `appeal_not_available`), within its category’s window (policy `appeals.windowMonths`, default 6 months: 422 `appeal_window_closed`), once (409 `appeal_exists`).',
        body: appealSchema,
        response: { 201: appealViewSchema },
      },
      config: { permission: 'appeals:submit' },
    },
    async (request, reply) => reply.status(201).send(await saring.appeals.file(request.body, principalOf(request).actor)),
  );

  app.get(
    '/v1/appeals',
    { schema: { tags: ['appeals'], summary: 'List appeals, newest first (by status, decision or content), paged by cursor', querystring: appealListSchema, response: { 200: appealPageSchema } }, config: { permission: 'review:read' } },
    async (request) => saring.appeals.list(request.query),
  );

  app.get(
    '/v1/appeals/:id',
    {
      schema: { tags: ['appeals'], summary: 'An appeal: its status (open, in_review, overturned, upheld) and, once decided, who decided, why, and the answer for the appellant', params: idParams, response: { 200: appealViewSchema } },
      config: { permission: 'review:read' },
    },
    async (request) => saring.appeals.get(request.params.id),
  );

  app.post(
    '/v1/appeals/:id/decision',
    {
      schema: {
        tags: ['appeals'],
        summary: 'Decide an appeal: overturn (the content restored through a new decision) or uphold (the decision stands), with a reason',
        description:
          'Decided by someone other than the moderator who took the decision appealed (403 `appeal_same_moderator`), and by a senior moderator when it is in a four-eyes or senior-only category (403 `forbidden`). ' +
          '`overturn` records a new decision (`action`: `allow` by default, or a milder restriction) with its statement of reasons, releases the removal’s bank entries and removes its strike; `uphold` closes the case with the decision standing. ' +
          'Either notifies by the `appeal.decided` webhook. 409 `appeal_closed` once decided, `case_claimed` while someone else holds the appeal’s case.',
        params: idParams,
        body: appealDecisionSchema,
        response: { 200: appealViewSchema },
      },
      config: { permission: 'decide' },
    },
    async (request) => saring.appeals.decide(request.params.id, request.body, principalOf(request)),
  );
};
