/** Transparency answers as schemas, for the API's documentation and typed clients (checked against their types). */
import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import { ACTOR_TYPES, DECISION_ACTIONS } from '../decisions/statement.js';
import type { DsaStatement } from './dsa.js';
import type { ExportedStatement } from './transparency.js';

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
