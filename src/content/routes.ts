import { z } from 'zod';
import type { Routes } from '../http/app.js';
import { principalOf } from '../access/auth.js';
import type { ContentApi } from './content.js';
import { IMPORT_LIMITS, type ImportsApi } from '../import/imports.js';
import { contentInputSchema } from './schema.js';
import { contentDetailSchema, contentVersionSchema, listedContentSchema, submitResultSchema } from './response-schema.js';
import { versionNumber, wholeNumber } from '../shared/validate.js';

const batchResultSchema = z.object({
  index: z.number(),
  externalId: z.string().nullable(),
  ok: z.boolean(),
  id: z.string().optional(),
  created: z.boolean().optional(),
  changed: z.boolean().optional(),
  scanned: z.boolean().optional(),
  analysing: z.boolean().optional(),
  status: z.string().optional(),
  action: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const contentRoutes: Routes<{ content: ContentApi; imports: ImportsApi }> = (app, saring) => {
  app.post(
    '/v1/content/batch',
    {
      // A thousand items are more than one: up to 16 MiB (SARING_BODY_LIMIT_BYTES is for one item).
      bodyLimit: IMPORT_LIMITS.maxBatchBodyBytes,
      schema: {
        tags: ['content'],
        summary: `Store and scan up to ${IMPORT_LIMITS.maxBatchItems} content items in one call, one result per item in order`,
        description:
          'Each item is what `POST /v1/content` takes, plus an optional `createdAt` (ISO 8601, when the platform created it; shown as `postedAt`). ' +
          'Items are validated one by one: a bad item gets `ok: false` and its `error` (code, message), the others are stored, in one transaction. ' +
          'Idempotent by externalId like `POST /v1/content`: an item sent again unchanged changes nothing; changed texts or media make a new version. ' +
          'Two items with the same externalId and different content in one call: the later one is refused (`duplicate_external_id`). ' +
          'Verdicts are acted on as for `POST /v1/content`; items whose media must be read are analysed in jobs (`analysing: true`). ' +
          '`scan: false` stores without scanning (a sweep scans them later). The body may be up to 16 MiB.',
        body: z
          .object({
            items: z.array(z.unknown()).min(1).max(IMPORT_LIMITS.maxBatchItems),
            scan: z.boolean().default(true),
          })
          .strict(),
        response: { 200: z.object({ results: z.array(batchResultSchema), counts: z.object({ ok: z.number(), failed: z.number() }) }) },
      },
      config: { permission: 'scan' },
    },
    async (request) => {
      const results = await saring.imports.batch(request.body.items, principalOf(request).actor, { scan: request.body.scan });
      const ok = results.filter((r) => r.ok).length;
      return { results, counts: { ok, failed: results.length - ok } };
    },
  );


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
