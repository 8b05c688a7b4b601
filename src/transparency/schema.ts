/** Transparency answers as schemas, for the API's documentation and typed clients (checked against their types). */
import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import { ACTOR_TYPES, DECISION_ACTIONS } from '../decisions/statement.js';
import type { DsaStatement } from './dsa.js';
import type { ExportedStatement } from './transparency.js';
import { tallySchema } from '../regulator/compliance-routes.js';
import { TARGET_STATUSES, type TargetStatus } from '../regulator/regulator.js';
import { REPORT_TYPE, REPORT_ZONES, type TransparencyReport } from './report.js';

const text = z.string().optional();
const dsaStatementSchema: z.ZodType<DsaStatement> = z.object({
  decision_visibility: z.array(z.string()).optional(),
  decision_visibility_other: text,
  decision_monetary: text,
  decision_monetary_other: text,
  decision_provision: text,
  decision_account: text,
  account_type: text,
  decision_ground: z.string(),
  decision_ground_reference_url: text,
  illegal_content_legal_ground: text,
  illegal_content_explanation: text,
  incompatible_content_ground: text,
  incompatible_content_explanation: text,
  incompatible_content_illegal: text,
  category: z.string(),
  category_specification: z.array(z.string()).optional(),
  category_specification_other: text,
  content_type: z.array(z.string()),
  content_type_other: text,
  content_language: text,
  content_date: z.string(),
  application_date: z.string(),
  territorial_scope: z.array(z.string()),
  automated_detection: z.string(),
  automated_decision: z.string(),
  source_type: z.string(),
  source_identity: text,
  decision_facts: z.string(),
  puid: z.string(),
});

export const exportedStatementSchema: z.ZodType<ExportedStatement> = z.object({
  decisionId: z.string(),
  contentId: z.string(),
  externalId: z.string(),
  action: z.enum(DECISION_ACTIONS),
  category: z.enum(CATEGORY_IDS).nullable(),
  actorType: z.enum(ACTOR_TYPES),
  decidedAt: z.string(),
  valid: z.boolean(),
  euSubmittable: z.boolean(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  statement: dsaStatementSchema,
  indonesia: z.object({ legalGround: z.string().nullable(), territorialScope: z.array(z.string()), decisionFacts: z.string(), explanation: z.string() }),
  appeal: z.object({ id: z.string(), overturnedDecisionId: z.string() }).nullable(),
});

export const statementPageSchema = z.object({ statements: z.array(exportedStatementSchema), nextCursor: z.string().nullable() });

// ---- the transparency report (report.ts) ----

const countsSchema = z.array(z.object({ key: z.string(), count: z.number() }));
const nullableNumber = z.number().nullable();
const accuracyCounts = {
  automatedDecisions: z.number(),
  reviewed: z.number(),
  confirmed: z.number(),
  reversed: z.number(),
  errorRate: nullableNumber,
  flagged: z.number(),
  flagsConfirmed: z.number(),
  flagsDismissed: z.number(),
  flagPrecision: nullableNumber,
};

export const transparencyReportSchema: z.ZodType<TransparencyReport> = z.object({
  type: z.literal(REPORT_TYPE),
  period: z.object({ from: z.string(), to: z.string(), zone: z.enum(REPORT_ZONES), utcOffset: z.string(), start: z.string(), end: z.string(), days: z.number() }),
  generatedAt: z.string(),
  sections: z.object({
    orders: z.object({
      orders: z.number(),
      urgent: z.number(),
      byRequestedAction: countsSchema,
      byCategory: countsSchema,
      byOrganisation: countsSchema,
      targets: z.number(),
      targetsByStatus: z.object(Object.fromEntries(TARGET_STATUSES.map((s) => [s, z.number()])) as Record<TargetStatus, z.ZodNumber>),
      medianHoursToAct: nullableNumber,
      medianHoursToInform: nullableNumber,
      note: z.string(),
    }),
    notices: z.object({
      notices: z.number(),
      byCategory: countsSchema,
      byReporterType: countsSchema,
      byOutcome: z.object({ actioned: z.number(), rejected: z.number(), pending: z.number() }),
      actionedByGround: countsSchema,
      medianHoursToAction: nullableNumber,
      trustedFlaggers: nullableNumber,
      note: z.string(),
    }),
    ownInitiative: z.object({
      decisions: z.number(),
      byCategory: countsSchema,
      byAction: countsSchema,
      byGround: countsSchema,
      byDetection: countsSchema,
      byAutomation: countsSchema,
      automatedDetection: z.number(),
      automatedDecision: z.number(),
      note: z.string(),
    }),
    complaints: z.object({
      complaints: z.number(),
      byOutcome: z.object({ upheld: z.number(), overturned: z.number(), pending: z.number() }),
      byCategory: countsSchema,
      medianHoursToDecide: nullableNumber,
      overturnRate: nullableNumber,
      note: z.string(),
    }),
    automatedMeans: z.object({ ...accuracyCounts, byCategory: z.array(z.object({ category: z.string(), ...accuracyCounts })), note: z.string() }),
    accountActions: z.object({ actions: z.number(), byAction: countsSchema, accounts: z.number(), strikes: z.number(), strikesRemoved: z.number(), note: z.string() }),
  }),
  indonesia: z.object({
    ordersReceived: z.number(),
    targets: z.number(),
    onTime: z.number(),
    breached: z.number(),
    open: z.number(),
    onTimeRate: nullableNumber,
    byUrgency: z.object({ urgent: tallySchema.extend({ deadlineHours: z.number() }), standard: tallySchema.extend({ deadlineHours: z.number() }) }),
    byCategory: z.array(tallySchema.extend({ category: z.string() })),
    warnings: z.object({ st1: z.number(), st2: z.number(), st3: z.number() }),
    fines: z.number(),
    finesIdr: z.number(),
    clarifications: z.number(),
    note: z.string(),
  }),
  notes: z.array(z.string()),
});
