import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import { SaringError } from '../errors/errors.js';
import type { Routes } from '../http/app.js';
import { principalOf } from '../access/auth.js';
import type { PolicyApi } from './store.js';
import { versionNumber } from '../shared/validate.js';

/** A policy as YAML/JSON text (`source`, comments kept) or as a JSON object (`document`). */
const policyBody = z
  .object({
    source: z.string().max(1_000_000).optional(),
    document: z.record(z.string(), z.unknown()).optional(),
    note: z.string().max(1000).optional(),
  })
  .strict()
  .refine((b) => (b.source === undefined) !== (b.document === undefined), { message: 'give exactly one of source and document' });

function sourceOf(body: z.output<typeof policyBody>): string {
  return body.source ?? toYaml(body.document);
}

export const policyRoutes: Routes<{ policy: PolicyApi }> = (app, saring) => {
  app.get(
    '/v1/policy',
    { schema: { tags: ['policy'], summary: 'The active policy' }, config: { permission: 'policy:read' } },
    async () => {
      const active = await saring.policy.active();
      if (!active) throw new SaringError('not_found', 'No policy is active.');
      return active;
    },
  );
  app.get(
    '/v1/policy/versions',
    { schema: { tags: ['policy'], summary: 'Every stored policy version, newest first' }, config: { permission: 'policy:read' } },
    async () => ({ versions: await saring.policy.history() }),
  );
  app.get(
    '/v1/policy/versions/:version',
    {
      schema: { tags: ['policy'], summary: 'One policy version', params: z.object({ version: versionNumber() }) },
      config: { permission: 'policy:read' },
    },
    async (request) => saring.policy.get(request.params.version),
  );
  app.post(
    '/v1/policy/validate',
    { schema: { tags: ['policy'], summary: 'Check a policy without storing it', body: policyBody }, config: { permission: 'policy:read' } },
    async (request) => {
      const parsed = saring.policy.validate(sourceOf(request.body));
      return { valid: true, sha256: parsed.sha256, document: parsed.document };
    },
  );
  app.post(
    '/v1/policy',
    {
      schema: { tags: ['policy'], summary: 'Store a policy as a new version and activate it', body: policyBody },
      config: { permission: 'policy:write' },
    },
    async (request, reply) => {
      const version = await saring.policy.activate(sourceOf(request.body), principalOf(request).actor, request.body.note);
      return reply.status(201).send(version);
    },
  );
  app.post(
    '/v1/policy/versions/:version/activate',
    {
      schema: { tags: ['policy'], summary: 'Activate a stored version (rollback)', params: z.object({ version: versionNumber() }) },
      config: { permission: 'policy:write' },
    },
    async (request) => saring.policy.activateVersion(request.params.version, principalOf(request).actor),
  );
};
