import { scanInputSchema } from './schema.js';
import type { Routes } from '../http/app.js';
import { requires, type Authenticator } from '../access/auth.js';
import type { ScanApi } from './scan.js';

export const scanRoutes: Routes<Authenticator & ScanApi> = (app, saring) => {
  app.post(
    '/v1/scan',
    {
      schema: {
        tags: ['scan'],
        summary: 'Scan texts and return a verdict; nothing is stored',
        body: scanInputSchema,
      },
      preHandler: requires(saring, 'scan'),
    },
    async (request) => saring.scan(request.body),
  );
};
