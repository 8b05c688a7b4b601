import { scanInputSchema } from './schema.js';
import { verdictSchema } from './verdict-schema.js';
import type { Routes } from '../http/app.js';
import type { ScanApi } from './scan.js';

export const scanRoutes: Routes<ScanApi> = (app, saring) => {
  app.post(
    '/v1/scan',
    {
      schema: {
        tags: ['scan'],
        summary: 'Scan texts and return a verdict; nothing is stored',
        body: scanInputSchema,
        response: { 200: verdictSchema },
      },
      config: { permission: 'scan' },
    },
    async (request) => saring.scan(request.body),
  );
};
