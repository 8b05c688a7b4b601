/** Appeal answers as schemas, for the API's documentation and typed clients (checked against their types). */
import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import { bilingual } from '../decisions/schema.js';
import { DECISION_ACTIONS } from '../decisions/statement.js';
import { APPEAL_STATUSES, type Appeal } from './appeals.js';

export const appealViewSchema: z.ZodType<Appeal> = z.object({
  id: z.string(),
  status: z.enum(APPEAL_STATUSES),
  decisionId: z.string(),
  appealed: z.object({
    action: z.enum(DECISION_ACTIONS),
    category: z.enum(CATEGORY_IDS).nullable(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    createdAt: z.string(),
  }),
  caseId: z.string().nullable(),
  content: z.object({ id: z.string(), externalId: z.string() }),
  appellant: z.object({ externalId: z.string().optional(), name: z.string().optional(), contact: z.string().optional() }),
  reason: z.string(),
  windowEndsAt: z.string(),
  createdAt: z.string(),
  decided: z
    .object({
      at: z.string(),
      by: z.string().nullable(),
      actor: z.string().nullable(),
      reason: z.string().nullable(),
      resolvingDecisionId: z.string().nullable(),
      answer: bilingual,
    })
    .nullable(),
});

export const appealPageSchema = z.object({ appeals: z.array(appealViewSchema), nextCursor: z.string().nullable() });
