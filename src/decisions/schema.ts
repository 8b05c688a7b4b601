/** Decisions and statements of reasons as schemas, for the API's documentation and typed clients (checked against their types). */
import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import { evidenceSchema } from '../scan/verdict-schema.js';
import type { Decision } from './decisions.js';
import { ACTOR_TYPES, DECISION_ACTIONS, type StatementOfReasons } from './statement.js';

/** A text in Bahasa Indonesia and English. */
export const bilingual = z.object({ id: z.string(), en: z.string() });
/** Where the person a decision is about can turn (internal complaint, out of court, courts). */
export const redressSchema = z.array(z.object({ type: z.enum(['internal_complaint', 'out_of_court', 'judicial']), description: bilingual }));

export const statementSchema: z.ZodType<StatementOfReasons> = z.object({
  decisionId: z.string(),
  content: z.object({ id: z.string(), externalId: z.string(), kind: z.string() }),
  visibility: z.enum(['removed', 'age_restricted_18', 'hidden_under_16', 'no_action']),
  action: z.enum(DECISION_ACTIONS),
  category: z.enum(CATEGORY_IDS).nullable(),
  categoryLabel: bilingual.nullable(),
  ground: z.object({ type: z.enum(['illegal_content', 'terms_of_service', 'none']), legalGround: z.string().nullable(), explanation: bilingual }),
  facts: z.object({
    summary: bilingual,
    found: z.array(
      z.object({
        kind: z.enum(['words', 'wording', 'nudity', 'removed_content', 'known_content']),
        words: z.array(z.string()).optional(),
        where: bilingual,
        text: bilingual,
      }),
    ),
  }),
  message: bilingual,
  automatedDetection: z.boolean(),
  automatedDecision: z.enum(['fully', 'partially', 'not_automated']),
  source: z.enum(['own_initiative', 'notice', 'regulator_order']),
  territorialScope: z.array(z.string()),
  redress: redressSchema,
  decidedAt: z.string(),
});

export const decisionSchema: z.ZodType<Decision> = z.object({
  id: z.string(),
  contentId: z.string(),
  scanId: z.string().nullable(),
  actorType: z.enum(ACTOR_TYPES),
  actorId: z.string().nullable(),
  action: z.enum(DECISION_ACTIONS),
  category: z.enum(CATEGORY_IDS).nullable(),
  legalGround: z.string().nullable(),
  automatedDetection: z.boolean(),
  automatedDecision: z.boolean(),
  statement: statementSchema,
  evidence: z.array(evidenceSchema),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
