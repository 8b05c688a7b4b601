import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import type { Routes } from '../http/app.js';
import { badFaithSchema, reporterListSchema, reportListSchema, reportSchema, type ReportsApi } from './reports.js';
import { reportPageSchema, reportReceiptSchema, reporterPageSchema, reporterViewSchema, reportViewSchema } from './schema.js';

const idParams = z.object({ id: z.uuid() });

export const reportRoutes: Routes<{ reports: ReportsApi }> = (app, saring) => {
  app.post(
    '/v1/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'File a public report on content (the platform, on behalf of a user or from its public form): a receipt at once',
        description:
          'The content is named by Saring’s `id`, the platform’s `externalId` or its `url` (items sent with `metadata.url`); content Saring has never seen is stored and scanned ' +
          'from the `externalId` and what it shows (`texts`, `media`), else 422 `content_unreachable` and nothing is stored. The reporter gives a name, contact or the platform’s id for them ' +
          '(422 `reporter_identity_required` without one, unless the policy’s `reports.anonymous` allows it); `screenshot` is an upload id (`POST /v1/uploads`). ' +
          '201 `{ id, status: "received", caseId }`: the report joined the item’s review case (reason `report`, one per item). On content already removed the answer is immediate: `status: "actioned"`, `caseId: null`. ' +
          'The outcome follows on `GET /v1/reports/{id}` and by the `report.resolved` webhook.',
        body: reportSchema,
        response: { 201: reportReceiptSchema },
      },
      config: { permission: 'reports:submit' },
    },
    async (request, reply) => reply.status(201).send(await saring.reports.submit(request.body, principalOf(request).actor)),
  );

  app.get(
    '/v1/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'List reports, newest first (by status, case, content or reporter), paged by cursor',
        querystring: reportListSchema,
        response: { 200: reportPageSchema },
      },
      config: { permission: 'review:read' },
    },
    async (request) => saring.reports.list(request.query),
  );

  app.get(
    '/v1/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'A report: its status (received, in_review, actioned, rejected) and, once decided, the outcome with the answer for the reporter and the decision’s statement of reasons',
        params: idParams,
        response: { 200: reportViewSchema },
      },
      config: { permission: 'review:read' },
    },
    async (request) => saring.reports.get(request.params.id),
  );

  app.get(
    '/v1/reports/:id/screenshot',
    { schema: { tags: ['reports'], summary: 'The screenshot a report came with', params: idParams }, config: { permission: 'review:read' } },
    async (request, reply) => {
      const file = await saring.reports.screenshot(request.params.id);
      return reply
        .type(file.mimeType)
        .header('content-length', file.bytes)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(file.path));
    },
  );

  app.get(
    '/v1/reporters',
    {
      schema: { tags: ['reports'], summary: 'Reporters known by the platform’s id or a contact, with their counts; `badFaith=true` for those marked', querystring: reporterListSchema, response: { 200: reporterPageSchema } },
      config: { permission: 'review:read' },
    },
    async (request) => saring.reports.reporters(request.query),
  );

  app.get(
    '/v1/reporters/:id',
    { schema: { tags: ['reports'], summary: 'A reporter, with their counts and standing', params: idParams, response: { 200: reporterViewSchema } }, config: { permission: 'review:read' } },
    async (request) => saring.reports.reporter(request.params.id),
  );

  app.patch(
    '/v1/reporters/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Mark a reporter as reporting in bad faith (their reports sink in priority), or clear it, with a reason (audited)',
        params: idParams,
        body: badFaithSchema,
        response: { 200: reporterViewSchema },
      },
      config: { permission: 'reporters:manage' },
    },
    async (request) => saring.reports.setBadFaith(request.params.id, request.body, principalOf(request).actor),
  );
};
