import { z } from 'zod';
import type { Routes } from '../http/app.js';
import { accountHistorySchema } from './schema.js';
import type { StrikesApi } from './strikes.js';

export const strikeRoutes: Routes<{ strikes: StrikesApi }> = (app, saring) => {
  app.get(
    '/v1/accounts/:externalId',
    {
      schema: {
        tags: ['strikes'],
        summary: 'A platform account by the platform’s id for it: its standing, strikes, account actions (with their statements of reasons), newest content and decisions',
        params: z.object({ externalId: z.string().min(1).max(256) }),
        response: { 200: accountHistorySchema },
      },
      config: { permission: 'content:read' },
    },
    async (request) => saring.strikes.account(request.params.externalId),
  );
};
