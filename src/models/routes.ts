import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import type { Routes } from '../http/app.js';
import type { ModelsApi } from './registry.js';
import { versionNumber } from '../shared/validate.js';

const name = z.object({ name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/) });

export const modelRoutes: Routes<{ models: ModelsApi }> = (app, s) => {
  app.get(
    '/v1/models',
    { schema: { tags: ['models'], summary: 'Registered text classifiers and their versions (metrics, labels, size)' }, config: { permission: 'policy:read' } },
    async () => ({ models: await s.models.list() }),
  );
  app.post(
    '/v1/models/:name/versions/:version/activate',
    {
      schema: { tags: ['models'], summary: 'Make a stored version active (scans use it at once)', params: name.extend({ version: versionNumber() }) },
      config: { permission: 'policy:write' },
    },
    async (request) => s.models.activate(request.params.name, request.params.version, principalOf(request).actor),
  );
  app.post(
    '/v1/models/:name/train',
    {
      schema: {
        tags: ['models'],
        summary: 'Train a new version from labelled rows (a job); it is registered when done, active only if asked',
        description: 'Body: `{ rows: [{ text, labels: [0|1, …] | "class" }], labelNames?, holdout = 0.2, seed = 1, activate = false, note? }`. Texts are de-duplicated before the holdout split; the metrics are in GET /v1/models.',
        params: name,
      },
      bodyLimit: 100 * 1024 * 1024,
      config: { permission: 'policy:write', bodyTypes: ['application/json'] },
    },
    async (request, reply) => reply.status(202).send(await s.models.train(request.params.name, request.body, principalOf(request).actor)),
  );
  app.post(
    '/v1/models/:name/evaluate',
    {
      schema: { tags: ['models'], summary: 'Precision, recall and F1 of the active version on labelled rows `[{ text, labels }]`', params: name },
      bodyLimit: 100 * 1024 * 1024,
      config: { permission: 'policy:read', bodyTypes: ['application/json'] },
    },
    async (request) => s.models.evaluate(request.params.name, request.body),
  );
  app.post(
    '/v1/models/:name/predict',
    {
      schema: {
        tags: ['models'],
        summary: "The active version's scores for some texts, with the features that moved them",
        params: name,
        body: z.object({ texts: z.array(z.string().max(64 * 1024)).min(1).max(1000) }).strict(),
      },
      config: { permission: 'scan' },
    },
    async (request) => s.models.predict(request.params.name, request.body.texts),
  );
};
