import { Readable } from 'node:stream';
import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import type { Routes } from '../http/app.js';
import { parseInput } from '../shared/validate.js';
import { bulkSchema } from './bulk.js';
import { decideSchema } from './decide.js';
import { listQuerySchema } from './listing.js';
import { metricsQuerySchema } from './metrics.js';
import type { ReviewApi } from './review.js';
import { bulkRunSchema, caseAnswerSchema, caseDecisionSchema, caseDetailSchema, caseListSchema, confirmedSchema, queuesSchema, reviewMetricsSchema, reviewSettingsSchema } from './schema.js';

const caseParams = z.object({ id: z.uuid() });
const reasonBody = z.object({ reason: z.string().min(1).max(5000) }).strict();
const claimBody = z.object({ queue: z.string().regex(/^[a-z0-9_-]{1,64}$/).optional() }).strict();

export const reviewRoutes: Routes<{ review: ReviewApi }> = (app, saring) => {
  app.post(
    '/v1/review/claim',
    {
      schema: {
        tags: ['review'],
        summary: 'Claim the next case: the highest-priority case you may work, in a queue or in any',
        description:
          'Takes the case with an exclusive lock that expires after the policy’s `review.claimMinutes` (an abandoned claim returns to the queue); ' +
          'two concurrent claims never get the same case. Escalated and four-eyes cases, and those in senior-only categories, go only to `decide:severe`. ' +
          'The body `{ "queue": "…" }` (or `?queue=`) is optional. 200 `{ case }`, or 204 when nothing is left to claim.',
        querystring: claimBody,
        response: { 200: caseAnswerSchema, 204: z.null().describe('nothing is left to claim: no body') },
      },
      // The body is optional: an empty POST claims from any queue.
      config: { permission: 'decide', bodyTypes: ['application/json'] },
    },
    async (request, reply) => {
      const body = parseInput(claimBody, request.body ?? {});
      const claimed = await saring.review.claimNext(principalOf(request), { queue: body.queue ?? request.query.queue });
      return claimed ? { case: claimed } : reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/review/queues',
    {
      schema: { tags: ['review'], summary: 'Every queue: open, waiting, claimed, pending confirmation, senior, breached, oldest, next deadline, SLA', response: { 200: queuesSchema } },
      config: { permission: 'review:read' },
    },
    async () => ({ queues: await saring.review.queues() }),
  );

  app.get(
    '/v1/review/settings',
    {
      schema: { tags: ['review'], summary: 'The active policy’s review settings: reason templates, four-eyes categories, claim time-out, SLAs, the priority rule', response: { 200: reviewSettingsSchema } },
      config: { permission: 'review:read' },
    },
    async () => saring.review.settings(),
  );

  app.get(
    '/v1/review/cases',
    {
      schema: {
        tags: ['review'],
        summary: 'List cases (by priority, oldest or newest), paged by cursor; format=jsonl or csv streams every match',
        description:
          '`status`: `active` (default: open or waiting for confirmation), `open`, `pending_confirmation`, `closed`, `all`. ' +
          'JSON answers `{ cases, nextCursor }` (pass `cursor=nextCursor` for the next page, with the same filters and order). ' +
          '`format=jsonl` (one case per line) and `format=csv` stream every matching case, without a row cap.',
        querystring: listQuerySchema,
        response: { 200: caseListSchema },
      },
      config: { permission: 'review:read' },
    },
    async (request, reply) => {
      const who = principalOf(request);
      if (request.query.format === 'json') return saring.review.list(request.query, who);
      const { format, lines } = await saring.review.export(request.query, who);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="saring-review-cases.${format === 'csv' ? 'csv' : 'jsonl'}"`)
        .send(Readable.from(lines) as never); // streamed: not the JSON page the schema describes
    },
  );

  app.get(
    '/v1/review/cases/:id',
    {
      schema: {
        tags: ['review'],
        summary: 'Open a case by id: the case, its content (scans, decisions) and its history',
        description: '`readOnly` is false only for the holder of the case’s claim.',
        params: caseParams,
        response: { 200: caseDetailSchema },
      },
      config: { permission: 'review:read' },
    },
    async (request) => saring.review.get(request.params.id, principalOf(request)),
  );

  app.post(
    '/v1/review/cases/:id/claim',
    {
      schema: {
        tags: ['review'],
        summary: 'Claim a case by id, or extend your claim',
        description: '409 `case_claimed` while someone else holds it, `case_closed` once it is decided.',
        params: caseParams,
        response: { 200: caseAnswerSchema },
      },
      config: { permission: 'decide' },
    },
    async (request) => ({ case: await saring.review.claim(request.params.id, principalOf(request)) }),
  );

  app.post(
    '/v1/review/cases/:id/release',
    { schema: { tags: ['review'], summary: 'Give a claimed case back to its queue', params: caseParams, response: { 200: caseAnswerSchema } }, config: { permission: 'decide' } },
    async (request) => ({ case: await saring.review.release(request.params.id, principalOf(request)) }),
  );

  app.post(
    '/v1/review/cases/:id/decision',
    {
      schema: {
        tags: ['review'],
        summary: 'Decide a case you hold: the decision with its statement of reasons',
        description:
          'Goes through the one decision path (statement of reasons, audit entry, webhook, bank entries for a removal) and closes the item’s open cases: 201 with the decision and `case`. ' +
          'The reason is a template of the policy (`templateId`, in both languages), free text (`reason`), or both. ' +
          'A removal in a four-eyes category (default: csam, terrorism) does not take effect yet: the content is held (hidden) and the case waits for a second, different senior moderator: 202 `{ outcome: "pending_confirmation", case }`. ' +
          '409 `case_closed` for a case already decided, `case_claimed` / `case_not_claimed` when you do not hold it.',
        params: caseParams,
        body: decideSchema,
        response: { 201: caseDecisionSchema, 202: caseDecisionSchema },
      },
      config: { permission: 'decide' },
    },
    async (request, reply) => {
      const result = await saring.review.decide(request.params.id, request.body, principalOf(request));
      return reply.status(result.outcome === 'decided' ? 201 : 202).send(result);
    },
  );

  app.post(
    '/v1/review/cases/:id/escalate',
    {
      schema: { tags: ['review'], summary: 'Hand a case you hold to the senior moderators, with a reason', params: caseParams, body: reasonBody, response: { 200: caseAnswerSchema } },
      config: { permission: 'decide' },
    },
    async (request) => ({ case: await saring.review.escalate(request.params.id, request.body, principalOf(request)) }),
  );

  app.post(
    '/v1/review/cases/:id/confirm',
    {
      schema: {
        tags: ['review'],
        summary: 'Confirm a four-eyes removal (a second, different senior moderator, holding the case): the removal takes effect',
        description: '403 `second_moderator_required` for the moderator who proposed it.',
        params: caseParams,
        response: { 201: confirmedSchema },
      },
      config: { permission: 'decide:severe' },
    },
    async (request, reply) => reply.status(201).send(await saring.review.confirm(request.params.id, principalOf(request))),
  );

  app.post(
    '/v1/review/cases/:id/reject',
    {
      schema: {
        tags: ['review'],
        summary: 'Reject a four-eyes removal: the hold is lifted and the case returns to the senior moderators',
        params: caseParams,
        body: reasonBody,
        response: { 200: caseAnswerSchema },
      },
      config: { permission: 'decide:severe' },
    },
    async (request) => ({ case: await saring.review.reject(request.params.id, request.body, principalOf(request)) }),
  );

  app.post(
    '/v1/review/bulk',
    {
      schema: {
        tags: ['review'],
        summary: 'One decision on up to 1,000 cases, each applied atomically through the same path, in a job that resumes if interrupted',
        description:
          '202 with the run; follow it at `GET /v1/review/bulk/{id}` (progress and a result per case). Cases someone else holds, or already closed, are skipped; ' +
          'a case that fails changes nothing and the others go on. More than 1,000 cases: 400.',
        body: bulkSchema,
        response: { 202: bulkRunSchema },
      },
      config: { permission: 'decide' },
    },
    async (request, reply) => reply.status(202).send(await saring.review.bulk(request.body, principalOf(request))),
  );

  app.get(
    '/v1/review/bulk/:id',
    { schema: { tags: ['review'], summary: 'A bulk run: status, counts and the result for each case', params: caseParams, response: { 200: bulkRunSchema } }, config: { permission: 'review:read' } },
    async (request) => saring.review.bulkRun(request.params.id),
  );

  app.get(
    '/v1/metrics/review',
    {
      schema: {
        tags: ['review'],
        summary: 'Review metrics: per queue open, oldest, median and p90 time to decision, SLA breaches; decisions per moderator per day; automated vs human share; appeal overturn rate',
        querystring: metricsQuerySchema,
        response: { 200: reviewMetricsSchema },
      },
      config: { permission: 'review:metrics' },
    },
    async (request) => saring.review.metrics(request.query),
  );
};
