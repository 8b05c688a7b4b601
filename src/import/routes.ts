import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import type { Routes } from '../http/app.js';
import { IMPORT_LIMITS, type ImportsApi } from './imports.js';

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

/** The import capability's route: `POST /v1/content/batch`, the HTTP form of `saring import`. */
export const importRoutes: Routes<{ imports: ImportsApi }> = (app, saring) => {
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
};
