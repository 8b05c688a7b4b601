import { scanInputSchema } from '../content/schema.js';
import { requires, type Routes } from '../http/app.js';

export const scanRoutes: Routes = (app, saring) => {
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
