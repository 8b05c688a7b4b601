import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import type { Routes } from '../http/app.js';
import type { SweepsApi } from './sweeps.js';
import { SWEEP_MODES, SWEEP_STATUSES, sweepInputSchema, type Sweep, type SweepReport } from './types.js';

// Answers as schemas, for the API's documentation and the console's typed client.
const agreementSchema = z.object({ precision: z.number().nullable(), recall: z.number().nullable(), tp: z.number(), fp: z.number(), fn: z.number() });
export const sweepSchema: z.ZodType<Sweep> = z.object({
  id: z.string(),
  mode: z.enum(SWEEP_MODES),
  status: z.enum(SWEEP_STATUSES),
  filter: z.record(z.string(), z.unknown()),
  policyVersion: z.string(),
  candidate: z.object({ policy: z.union([z.object({ version: z.number() }), z.object({ sha256: z.string() })]).optional(), lexicons: z.record(z.string(), z.number()).optional() }).optional(),
  overrideHuman: z.boolean(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  progress: z.object({
    total: z.number(),
    processed: z.number(),
    changed: z.number(),
    acted: z.number(),
    ratePerSecond: z.number(),
    etaSeconds: z.number().nullable(),
    ranges: z.object({ total: z.number(), done: z.number() }),
  }),
}) as unknown as z.ZodType<Sweep>;
export const sweepReportSchema: z.ZodType<SweepReport> = z.object({
  sweep: sweepSchema,
  counts: z.object({ byCategory: z.record(z.string(), z.number()), byAction: z.record(z.string(), z.number()) }),
  transitions: z.array(z.object({ from: z.string(), to: z.string(), count: z.number() })),
  samples: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      items: z.array(z.object({ contentId: z.string(), externalId: z.string(), excerpt: z.string(), category: z.string().nullable(), score: z.number() })),
    }),
  ),
  agreement: z.object({ decided: z.number(), candidate: agreementSchema, current: agreementSchema }).nullable(),
  acted: z.object({ decisions: z.number(), reviews: z.number(), keptHuman: z.number(), wouldLift: z.number() }).optional(),
  final: z.boolean(),
  generatedAt: z.string(),
  sha256: z.string(),
  signature: z.object({ keyId: z.string(), value: z.string() }).optional(),
}) as unknown as z.ZodType<SweepReport>;

const idParams = z.object({ id: z.uuid() });

export const sweepRoutes: Routes<{ sweeps: SweepsApi }> = (app, saring) => {
  app.post(
    '/v1/sweeps',
    {
      schema: {
        tags: ['sweeps'],
        summary: 'Start a sweep: re-scan stored content (all, or a filter) as a backtest (a dry run, against a candidate policy or lexicon versions) or applied (acting through the decision path)',
        description:
          '`filter` keys (unknown keys are refused): `kind`, `createdFrom`, `createdTo` (the platform\'s creation time, else when stored; `createdTo` exclusive), `category` (latest scan\'s top category or latest decision\'s), ' +
          '`status`, `account` (the platform\'s account id), `bank` (a bank\'s name), `policyVersion` (the policy version of the item\'s latest scan). ' +
          'A backtest may name `policy: { source }` (YAML, validated like POST /v1/policy) or `policy: { version }` and `lexicons: { name: version }`; nothing is activated and nothing is written to content. ' +
          'An apply sweep runs the active configuration, acts only where the verdict is stricter than the item\'s state, never lifts, and keeps a person\'s latest decision unless `overrideHuman`. ' +
          'A filter that matches nothing: 201, and the sweep is `finished` at once with 0 items. 409 `sweep_conflict` while another apply sweep (or an identical backtest) is active; 422 `invalid_policy`, 404 `not_found` (a version or lexicon), 400 `validation_failed`: nothing created.',
        body: sweepInputSchema,
        response: { 201: sweepSchema },
      },
      config: { permission: 'sweeps:run' },
    },
    async (request, reply) => reply.code(201).send(await saring.sweeps.create(request.body, principalOf(request).actor)),
  );

  app.get(
    '/v1/sweeps',
    { schema: { tags: ['sweeps'], summary: 'Sweeps, newest first, with their progress', response: { 200: z.object({ sweeps: z.array(sweepSchema) }) } }, config: { permission: 'sweeps:read' } },
    async () => ({ sweeps: await saring.sweeps.list() }),
  );

  app.get(
    '/v1/sweeps/:id',
    { schema: { tags: ['sweeps'], summary: 'A sweep and its progress (processed of total, items per second, ETA, ranges done)', params: idParams, response: { 200: sweepSchema } }, config: { permission: 'sweeps:read' } },
    async (request) => saring.sweeps.get(request.params.id),
  );

  for (const verb of ['pause', 'resume', 'cancel'] as const) {
    app.post(
      `/v1/sweeps/:id/${verb}`,
      {
        schema: {
          tags: ['sweeps'],
          summary: {
            pause: 'Pause a queued or running sweep: its workers stop at the next chunk; nothing done is lost',
            resume: 'Resume a paused sweep where it stopped',
            cancel: 'Cancel a sweep that is not over: its workers stop at the next chunk; what was done stays (its report says so)',
          }[verb],
          description: '409 `invalid_state` when the sweep is not in a state that allows it.',
          params: idParams,
          response: { 200: sweepSchema },
        },
        config: { permission: 'sweeps:run' },
      },
      async (request) => saring.sweeps[verb](request.params.id, principalOf(request).actor),
    );
  }

  app.get(
    '/v1/sweeps/:id/report',
    {
      schema: {
        tags: ['sweeps'],
        summary: 'A sweep\'s report: counts by category and action, transitions against the current state with samples, agreement with human decisions, what was acted on; final (and signed) once the sweep finished',
        description:
          '`sha256`: SHA-256 of the canonical JSON (keys sorted, no spaces) of the report without `sha256` and `signature`; `signature`: Ed25519 over the same bytes with the compliance report key (GET /v1/regulator/public-key).',
        params: idParams,
        response: { 200: sweepReportSchema },
      },
      config: { permission: 'sweeps:read' },
    },
    async (request) => saring.sweeps.report(request.params.id),
  );
};
