import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import type { Routes } from '../http/app.js';
import { wholeNumber } from '../shared/validate.js';
import type { OperationsApi } from './operations.js';

const queueName = z.string().min(1).max(200).regex(/^[\w.:-]+$/, 'a queue name: letters, digits, _ . : -');

const queueStats = z.object({ queue: z.string(), queued: z.number(), active: z.number(), failed: z.number(), oldestSeconds: z.number(), deadLetter: z.boolean() });
const failedJob = z.object({
  id: z.string(),
  queue: z.string(),
  error: z.object({ message: z.string(), code: z.string().optional() }),
  attempts: z.number(),
  data: z.string(),
  createdAt: z.string(),
  failedAt: z.string().nullable(),
});
const check = z.object({ ok: z.boolean(), detail: z.string().optional(), error: z.string().optional() });

/**
 * How operators run Saring: readiness (`/readyz`, public), Prometheus metrics (`/metrics`, for a
 * Prometheus with its own key) and the job queues with their dead-letter list (`/v1/jobs`).
 * (`/healthz`, liveness, is the HTTP plumbing's own: http/app.ts.)
 */
export const operationsRoutes: Routes<{ operations: OperationsApi }> = (app, saring) => {
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers, the job queue is started, the scan configuration and models and the bank matcher are loaded (503 naming what is not)',
        security: [],
        response: { 200: z.object({ ready: z.boolean(), checks: z.record(z.string(), check) }), 503: z.object({ ready: z.boolean(), checks: z.record(z.string(), check) }) },
      },
      config: { permission: 'public' },
    },
    async (_request, reply) => {
      const readiness = await saring.operations.readiness();
      return reply.status(readiness.ready ? 200 : 503).header('cache-control', 'no-store').send(readiness);
    },
  );
  app.get(
    '/metrics',
    { schema: { tags: ['operations'], summary: 'Prometheus metrics (text exposition format); give your Prometheus its own API key with metrics:read' }, config: { permission: 'metrics:read' } },
    async (_request, reply) => {
      const { contentType, text } = await saring.operations.metrics();
      return reply.header('cache-control', 'no-store').type(contentType).send(text);
    },
  );
  app.get(
    '/v1/jobs',
    { schema: { tags: ['operations'], summary: 'The job queues: jobs waiting, running and failed, and the longest wait', response: { 200: z.object({ queues: z.array(queueStats) }) } }, config: { permission: 'jobs:manage' } },
    async () => ({ queues: await saring.operations.jobs.stats() }),
  );
  app.get(
    '/v1/jobs/failed',
    {
      schema: {
        tags: ['operations'],
        summary: 'The dead-letter list: jobs that failed for good, newest first, with their error, attempts and data',
        querystring: z.object({ queue: queueName.optional(), limit: wholeNumber(1, 1000).default(100) }).strict(),
        response: { 200: z.object({ jobs: z.array(failedJob) }) },
      },
      config: { permission: 'jobs:manage' },
    },
    async (request) => {
      const { queue, limit } = request.query;
      return { jobs: await saring.operations.jobs.failed({ ...(queue ? { queue } : {}), limit }) };
    },
  );
  app.post(
    '/v1/jobs/failed/:id/retry',
    {
      schema: {
        tags: ['operations'],
        summary: 'Re-drive one failed job (queued again with one more attempt); a job no longer failed is left as it is (retried: false)',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ id: z.string(), queue: z.string(), retried: z.boolean(), state: z.string() }) },
      },
      config: { permission: 'jobs:manage' },
    },
    async (request) => saring.operations.jobs.retry(request.params.id, principalOf(request).actor),
  );
  app.post(
    '/v1/jobs/failed/retry',
    {
      schema: {
        tags: ['operations'],
        summary: 'Re-drive every failed job of a queue',
        body: z.object({ queue: queueName }).strict(),
        response: { 200: z.object({ queue: z.string(), retried: z.number() }) },
      },
      config: { permission: 'jobs:manage' },
    },
    async (request) => saring.operations.jobs.retryAll(request.body.queue, principalOf(request).actor),
  );
};
