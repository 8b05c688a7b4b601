import { z } from 'zod';
import type { Routes } from '../http/app.js';
import { requires, type Authenticator } from '../access/auth.js';
import type { AuditApi } from './log.js';

export const auditRoutes: Routes<Authenticator & { audit: AuditApi }> = (app, saring) => {
  app.get(
    '/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries in order (page with afterSeq)',
        querystring: z
          .object({
            afterSeq: z.coerce.number().int().min(0).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            subjectType: z.string().max(64).optional(),
            subjectId: z.string().max(256).optional(),
            action: z.string().max(64).optional(),
          })
          .strict(),
      },
      preHandler: requires(saring, 'audit:read'),
    },
    async (request) => ({ entries: await saring.audit.list(request.query) }),
  );
  app.get(
    '/v1/audit/verify',
    { schema: { tags: ['audit'], summary: 'Verify the hash chain; reports the first changed entry' }, preHandler: requires(saring, 'audit:read') },
    async () => saring.audit.verify(),
  );
};
