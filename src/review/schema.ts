/** Review answers as schemas, for the API's documentation and typed clients (checked against their types). */
import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import { contentDetailSchema } from '../content/response-schema.js';
import { decisionSchema } from '../decisions/schema.js';
import { DECISION_ACTIONS } from '../decisions/statement.js';
import { PRIORITIES } from '../policy/schema.js';
import type { BulkRun } from './bulk.js';
import { CASE_REASONS, CASE_STATUSES, type ReviewCase } from './cases.js';
import type { QueueSummary } from './listing.js';
import type { ReviewMetrics } from './metrics.js';
import type { CaseDetail, ReviewSettingsView } from './review.js';

const bilingual = z.object({ id: z.string(), en: z.string() });

export const reviewCaseSchema: z.ZodType<ReviewCase> = z.object({
  id: z.string(),
  contentId: z.string(),
  externalId: z.string(),
  reason: z.enum(CASE_REASONS),
  queue: z.string(),
  status: z.enum(CASE_STATUSES),
  lane: z.enum(['standard', 'senior']),
  category: z.enum(CATEGORY_IDS).nullable(),
  policyPriority: z.enum(PRIORITIES),
  reports: z.number(),
  audience: z.string(),
  ref: z.string().nullable(),
  priority: z.number(),
  priorityComponents: z.object({ category: z.number(), reports: z.number(), children: z.number(), policyPriority: z.number(), age: z.number() }),
  dueAt: z.string(),
  breached: z.boolean(),
  claim: z.object({ by: z.string(), at: z.string(), expiresAt: z.string(), expired: z.boolean() }).nullable(),
  escalation: z.object({ by: z.string().nullable(), at: z.string(), reason: z.string().nullable() }).nullable(),
  proposal: z
    .object({ action: z.string(), category: z.enum(CATEGORY_IDS), reason: z.unknown(), templateId: z.string().nullable(), by: z.string(), at: z.string() })
    .nullable(),
  decisionId: z.string().nullable(),
  resolution: z.enum(['decided', 'confirmed']).nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const caseAnswerSchema = z.object({ case: reviewCaseSchema });

export const caseDetailSchema: z.ZodType<CaseDetail> = z.object({
  case: reviewCaseSchema,
  content: contentDetailSchema,
  events: z.array(z.object({ kind: z.string(), actor: z.string(), data: z.record(z.string(), z.unknown()), at: z.string() })),
  readOnly: z.boolean(),
});

export const caseListSchema = z.object({ cases: z.array(reviewCaseSchema), nextCursor: z.string().nullable() });

/** 201: the decision with its statement of reasons, and the closed case. */
export const caseDecidedSchema = z.intersection(decisionSchema, z.object({ outcome: z.literal('decided'), case: reviewCaseSchema }));
/** 202: a four-eyes removal waiting for a second senior moderator. */
export const casePendingSchema = z.object({ outcome: z.literal('pending_confirmation'), case: reviewCaseSchema });
/** 201 or 202 of a case decision. */
export const caseDecisionSchema = z.union([caseDecidedSchema, casePendingSchema]);
/** 201 of a four-eyes confirmation: the removal, and the closed case. */
export const confirmedSchema = z.intersection(decisionSchema, z.object({ case: reviewCaseSchema }));

export const bulkRunSchema: z.ZodType<BulkRun> = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  action: z.enum(DECISION_ACTIONS),
  category: z.enum(CATEGORY_IDS).nullable(),
  templateId: z.string().nullable(),
  requestedBy: z.string(),
  total: z.number(),
  counts: z.object({ pending: z.number(), done: z.number(), skipped: z.number(), failed: z.number() }),
  results: z.array(
    z.object({
      position: z.number(),
      caseId: z.string(),
      status: z.enum(['pending', 'done', 'skipped', 'failed']),
      outcome: z.string().nullable(),
      message: z.string().nullable(),
      decisionId: z.string().nullable(),
    }),
  ),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const queueSummarySchema: z.ZodType<QueueSummary> = z.object({
  queue: z.string(),
  slaHours: z.number(),
  open: z.number(),
  waiting: z.number(),
  claimed: z.number(),
  pendingConfirmation: z.number(),
  senior: z.number(),
  breached: z.number(),
  oldest: z.string().nullable(),
  nextDue: z.string().nullable(),
});
export const queuesSchema = z.object({ queues: z.array(queueSummarySchema) });

const weights = z.object({ low: z.number(), normal: z.number(), high: z.number(), urgent: z.number() });
export const reviewSettingsSchema: z.ZodType<ReviewSettingsView> = z.object({
  claimMinutes: z.number(),
  fourEyes: z.array(z.string()),
  queues: z.array(z.object({ queue: z.string(), slaHours: z.number() })),
  priority: z.object({ categories: z.record(z.string(), z.number()), reports: z.number(), children: z.number(), policyPriority: weights, agePerHour: z.number() }),
  templates: z.array(
    z.object({
      id: z.string(),
      actions: z.array(z.enum(['allow', 'restrict_16', 'restrict_18', 'remove'])).optional(),
      category: z.enum(CATEGORY_IDS).optional(),
      text: bilingual,
    }),
  ),
});

export const reviewMetricsSchema: z.ZodType<ReviewMetrics> = z.object({
  window: z.object({ since: z.string(), until: z.string(), timeZone: z.string() }),
  queues: z.array(
    z.object({
      queue: z.string(),
      open: z.number(),
      oldest: z.string().nullable(),
      breachedOpen: z.number(),
      decided: z.number(),
      medianSecondsToDecision: z.number().nullable(),
      p90SecondsToDecision: z.number().nullable(),
      breachedDecided: z.number(),
    }),
  ),
  moderators: z.array(z.object({ userId: z.string(), name: z.string().nullable(), day: z.string(), decisions: z.number() })),
  decisions: z.object({
    total: z.number(),
    automated: z.number(),
    human: z.number(),
    order: z.number(),
    automatedShare: z.number().nullable(),
    humanShare: z.number().nullable(),
  }),
  appeals: z.object({ decided: z.number(), overturned: z.number(), overturnRate: z.number().nullable() }),
});
