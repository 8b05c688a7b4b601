import { z } from 'zod';
import type { Routes } from '../http/app.js';
import { principalOf } from '../access/auth.js';
import type { ContentApi } from './content.js';
import { contentInputSchema } from './schema.js';
import { contentDetailSchema, contentVersionSchema, listedContentSchema, submitResultSchema } from './response-schema.js';
import { versionNumber, wholeNumber } from '../shared/validate.js';

export const contentRoutes: Routes<{ content: ContentApi }> = (app, saring) => {
  app.post(
    '/v1/content',
    {
      schema: {
        tags: ['content'],
        summary: 'Store a content item and scan it (idempotent by externalId)',
        description:
          'Returns 201 when the item is new, 200 when it was known (a retry changes nothing; changed texts are scanned again). ' +
          'A remove or restrict verdict records an automated decision with its statement of reasons and notifies webhooks. ' +
          'When `media` names an `upload`, a `path` or (with fetching on) a `url`, the media is analysed in a job first: the answer is 202 with ' +
          '`analysis` (id, status, jobId) and no verdict; the verdict follows on `GET /v1/content/{id}` and by the `content.analysed` webhook.',
        body: contentInputSchema,
        response: { 200: submitResultSchema, 201: submitResultSchema, 202: submitResultSchema },
      },
      config: { permission: 'scan' },
    },
    async (request, reply) => {
      const result = await saring.content.submit(request.body, principalOf(request).actor);
      return reply.status(result.analysis && !result.verdict ? 202 : result.created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/v1/content',
    {
      schema: {
        tags: ['content'],
        summary: "List content items, newest first, each with its latest scan's action, categories and review queue",
        querystring: z
          .object({
            status: z.enum(['active', 'in_review', 'held', 'restricted', 'removed']).optional(),
            limit: wholeNumber(1, 500).default(50),
            before: z.iso.datetime().optional(),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(listedContentSchema) }) },
      },
      config: { permission: 'content:read' },
    },
    async (request) => ({ items: await saring.content.list(request.query) }),
  );

  app.delete(
    '/v1/content/:id/analysis',
    {
      schema: {
        tags: ['content'],
        summary: "Cancel the item's queued or running media analysis (nothing is judged; submit again to restart)",
        params: z.object({ id: z.string().min(1).max(256) }),
      },
      config: { permission: 'scan' },
    },
    async (request) => saring.content.cancelAnalysis(request.params.id, principalOf(request).actor),
  );

  app.get(
    '/v1/content/:id/versions/:version',
    {
      schema: {
        tags: ['content'],
        summary: 'One version of a content item as the platform sent it (texts, media, metadata)',
        description: 'Sending an item again with changed texts or media makes a new version; the old ones are kept, and each scan names the version it judged.',
        params: z.object({ id: z.string().min(1).max(256), version: versionNumber() }),
        response: { 200: contentVersionSchema },
      },
      config: { permission: 'content:read' },
    },
    async (request) => saring.content.version(request.params.id, request.params.version),
  );

  app.get(
    '/v1/content/:id',
    {
      schema: {
        tags: ['content'],
        summary: "A content item with its scans and decisions (by Saring's id or the platform's externalId)",
        params: z.object({ id: z.string().min(1).max(256) }),
        response: { 200: contentDetailSchema },
      },
      config: { permission: 'content:read' },
    },
    async (request) => saring.content.get(request.params.id),
  );
};
