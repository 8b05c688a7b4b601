import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Routes } from '../http/app.js';
import type { AuditApi } from './api.js';
import { signedCheckpointSchema } from './checkpoints.js';
import { wholeNumber } from '../shared/validate.js';

export const auditRoutes: Routes<{ audit: AuditApi }> = (app, saring) => {
  app.get(
    '/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries in order (page with afterSeq)',
        querystring: z
          .object({
            afterSeq: wholeNumber(0).optional(),
            limit: wholeNumber(1, 1000).default(100),
            subjectType: z.string().max(64).optional(),
            subjectId: z.string().max(256).optional(),
            action: z.string().max(64).optional(),
          })
          .strict(),
      },
      config: { permission: 'audit:read' },
    },
    async (request) => ({ entries: await saring.audit.list(request.query) }),
  );
  app.get(
    '/v1/audit/verify',
    {
      schema: { tags: ['audit'], summary: 'Verify the hash chain and the signed checkpoints; reports what was changed, reordered or cut off' },
      config: { permission: 'audit:read' },
    },
    async () => saring.audit.verify(),
  );
  app.post(
    '/v1/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify as GET does, and also against a checkpoint kept outside Saring',
        body: z.object({ checkpoint: signedCheckpointSchema }).strict(),
      },
      config: { permission: 'audit:read' },
    },
    async (request) => saring.audit.verify({ checkpoint: request.body.checkpoint }),
  );
  app.post(
    '/v1/audit/checkpoint',
    {
      schema: { tags: ['audit'], summary: 'Sign the current head of the log now: a checkpoint to store outside Saring' },
      config: { permission: 'audit:read' },
    },
    async (_request, reply) => reply.status(201).send(await saring.audit.checkpoint()),
  );
  app.get(
    '/v1/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'A verifiable copy of the log: JSON Lines of entries (after afterSeq), then a checkpoint signed for it',
        querystring: z.object({ afterSeq: wholeNumber(0).optional() }).strict(),
      },
      config: { permission: 'audit:read' },
    },
    async (request, reply) => {
      const { afterSeq } = request.query;
      const { lines } = await saring.audit.export(afterSeq !== undefined ? { afterSeq } : {});
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', 'attachment; filename="saring-audit.jsonl"')
        .send(Readable.from(lines));
    },
  );
};
