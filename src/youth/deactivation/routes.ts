import { z } from 'zod';
import { principalOf } from '../../access/auth.js';
import type { Routes } from '../../http/app.js';
import {
  accountListSchema,
  DEACTIVATION_PHASES,
  DEACTIVATION_REASONS,
  INLINE_REQUESTS,
  MAX_PLAN_ACCOUNTS,
  planInputSchema,
  planListSchema,
  type DeactivationApi,
  type DeactivationSummary,
  type Plan,
  type PlanResult,
  type ProgrammeAccount,
} from './deactivation.js';

// Answers as schemas, for the API's documentation and the console's typed client.
const reason = z.enum(DEACTIVATION_REASONS);
const phase = z.enum(DEACTIVATION_PHASES);
const perReason = z.object({ declared_under_minimum: z.number(), underage_signal: z.number(), unverified_old_account: z.number() });
const perPhase = z.object({ reverification_requested: z.number(), transition_notice: z.number(), deactivated: z.number(), cleared: z.number() });
const settings = z.object({ minimumAge: z.number(), verificationDays: z.number(), noticeDays: z.number(), unverifiedAccountDays: z.number(), policyVersion: z.number().nullable() });
const planSchema = z.object({
  id: z.string(),
  reasons: z.array(reason),
  found: perReason,
  accounts: z.number(),
  alreadyInProgramme: z.number(),
  settings,
  note: z.string().nullable(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  verifyBy: z.string(),
  deactivateFrom: z.string(),
  phases: perPhase,
  requestsPending: z.number(),
});
const planView = planSchema as unknown as z.ZodType<Plan>;
const resultSchema = z.object({
  dryRun: z.boolean(),
  preview: z.object({ reasons: z.array(reason), found: perReason, accounts: z.number(), remaining: z.number(), alreadyInProgramme: z.number(), settings }),
  plan: planSchema.nullable(),
}) as unknown as z.ZodType<PlanResult>;
const accountSchema = z.object({
  id: z.string(),
  planId: z.string(),
  accountId: z.string(),
  externalId: z.string(),
  reasons: z.array(reason),
  phase,
  phaseAt: z.string(),
  requestedAt: z.string().nullable(),
  verifyBy: z.string(),
  noticeAt: z.string().nullable(),
  deactivateOn: z.string().nullable(),
  deactivatedAt: z.string().nullable(),
  clearedAt: z.string().nullable(),
  clearedFrom: phase.nullable(),
});
const accountPage = z.object({ accounts: z.array(accountSchema), nextCursor: z.string().nullable() }) as unknown as z.ZodType<{ accounts: ProgrammeAccount[]; nextCursor: string | null }>;
const summarySchema = z.object({
  asOf: z.string(),
  plans: z.number(),
  firstPlanAt: z.string().nullable(),
  accounts: z.number(),
  phases: perPhase,
  reasons: perReason,
  clearedFrom: z.object({ reverification_requested: z.number(), transition_notice: z.number(), deactivated: z.number() }),
  settings,
}) as unknown as z.ZodType<DeactivationSummary>;

const idParams = z.object({ id: z.string().min(1).max(200) });

export const deactivationRoutes: Routes<{ youth: { deactivation: DeactivationApi } }> = (app, saring) => {
  app.post(
    '/v1/youth/deactivation/plans',
    {
      schema: {
        tags: ['youth'],
        summary: 'Find the accounts that are or may be under the minimum age and start a deactivation plan (Permenkomdigi 9/2026); `dryRun: true` only counts',
        description:
          `Reasons (default all): ${DEACTIVATION_REASONS.join(', ')} — a band under the policy’s minimum age (declared or verified), an open or confirmed underage-signal age review, an account older than youth.deactivation.unverifiedAccountDays with only a self-declared age. ` +
          `Accounts already in the programme are not taken again (\`alreadyInProgramme\`); a plan takes at most \`limit\` (default 10,000, at most ${MAX_PLAN_ACCOUNTS}), oldest accounts first, and \`remaining\` says how many a further plan would take. ` +
          'Each account taken: its re-verification is requested (status pending_verification, webhook `youth.reverification_requested` with `verifyBy`); after youth.deactivation.verificationDays without a verification at or over the minimum age, the transition notice (webhook `youth.transition_notice` with `deactivateOn` and the data-export offer); ' +
          'after noticeDays, deactivated (webhook `youth.deactivated`; eligibility: may not hold an account, reason deactivated). A verification at or over the minimum age clears it at any phase (webhook `youth.cleared`). ' +
          `A plan of more than ${INLINE_REQUESTS} accounts answers at once and sends its requests in the background (\`requestsPending\` counts those still to go), a chunk of accounts per transaction; a restart resumes them. ` +
          '201 with the plan; 200 on a dry run or when nothing new was found (`plan: null`, nothing stored).',
        body: planInputSchema,
        response: { 200: resultSchema, 201: resultSchema },
      },
      config: { permission: 'youth:deactivation' },
    },
    async (request, reply) => {
      const result = await saring.youth.deactivation.plan(request.body, principalOf(request).actor, { background: 'large' });
      return reply.status(result.plan ? 201 : 200).send(result);
    },
  );

  app.get(
    '/v1/youth/deactivation/plans',
    {
      schema: { tags: ['youth'], summary: 'Deactivation plans, newest first, with their dates and their accounts per phase', querystring: planListSchema, response: { 200: z.object({ plans: z.array(planView) }) } },
      config: { permission: 'youth:deactivation' },
    },
    async (request) => saring.youth.deactivation.plans(request.query),
  );

  app.get(
    '/v1/youth/deactivation/plans/:id',
    {
      schema: { tags: ['youth'], summary: 'A deactivation plan’s progress: its accounts per phase, its dates', params: idParams, response: { 200: planView } },
      config: { permission: 'youth:deactivation' },
    },
    async (request) => saring.youth.deactivation.get(request.params.id),
  );

  app.get(
    '/v1/youth/deactivation/accounts',
    {
      schema: {
        tags: ['youth'],
        summary: 'Accounts in the programme (of a phase, of a plan), latest phase change first, paged by cursor: the platform’s account id, reasons and dates',
        querystring: accountListSchema,
        response: { 200: accountPage },
      },
      config: { permission: 'youth:deactivation' },
    },
    async (request) => saring.youth.deactivation.accounts(request.query),
  );

  app.get(
    '/v1/youth/deactivation/summary',
    {
      schema: {
        tags: ['youth'],
        summary: 'The programme’s counts for the regulator: accounts per phase and reason, cleared per phase, plans — figures only, no account',
        response: { 200: summarySchema },
      },
      config: { permission: 'youth:deactivation-summary' },
    },
    async () => saring.youth.deactivation.summary(),
  );
};
