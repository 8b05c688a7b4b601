import { z } from 'zod';
import type { Routes } from '../../http/app.js';
import type { YouthApi } from '../youth.js';
import { audienceInputSchema, HIDDEN_REASONS, MAX_AUDIENCE_IDS } from './audience.js';

const resultSchema = z.object({
  visible: z.array(z.string()),
  hidden: z.array(z.object({ id: z.string(), reason: z.enum(HIDDEN_REASONS) })),
});

export const audienceRoutes: Routes<{ youth: YouthApi }> = (app, saring) => {
  app.post(
    '/v1/audience/filter',
    {
      schema: {
        tags: ['youth'],
        summary: `Which of up to ${MAX_AUDIENCE_IDS.toLocaleString('en')} content items an account may see (feeds), and why the others are hidden`,
        description:
          '`account` is the platform’s id for the viewer; `ids` are Saring content ids or the platform’s content ids. ' +
          'Hidden, with a reason: `unknown` (no such content), `removed`, `held`, `restrict_16` / `restrict_18` (restricted content above the account’s feature age, policy `youth.features`), ' +
          '`adult_audience` (content for adults, shown like `restrict_18`), `not_in_catalogue` (an account under the minimum age sees only the educational programme’s catalogue items of its PP Tunas band). ' +
          'An account without an age record counts as age unknown: restricted and adult content is hidden. 422 `too_many_targets` over the limit.',
        body: audienceInputSchema,
        response: { 200: resultSchema },
      },
      config: { permission: 'eligibility:read' },
    },
    async (request) => saring.youth.audience.filter(request.body),
  );
};
