/** Account answers as schemas, for the API's documentation and typed clients (checked against their types). */
import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import { bilingual, redressSchema } from '../decisions/schema.js';
import { ACCOUNT_ACTIONS } from '../policy/schema.js';
import type { AccountHistory } from './strikes.js';

const level = z.enum(ACCOUNT_ACTIONS).nullable();

const statement = z.object({
  actionId: z.string(),
  account: z.object({ id: z.string(), externalId: z.string() }),
  action: z.enum([...ACCOUNT_ACTIONS, 'reinstate']),
  level,
  until: z.string().nullable(),
  points: z.number(),
  threshold: z.number().nullable(),
  strikes: z.array(
    z.object({ decisionId: z.string(), contentId: z.string(), externalId: z.string(), category: z.string().nullable(), weight: z.number(), expiresAt: z.string() }),
  ),
  summary: bilingual,
  facts: bilingual,
  automatedDecision: z.literal('fully'),
  redress: redressSchema,
  message: bilingual,
  decidedAt: z.string(),
});

export const accountHistorySchema: z.ZodType<AccountHistory> = z.object({
  account: z.object({ id: z.string(), externalId: z.string(), displayName: z.string().nullable(), createdAt: z.string() }),
  standing: z.object({ points: z.number(), level, activeStrikes: z.number() }),
  strikes: z.array(
    z.object({
      id: z.string(),
      contentId: z.string(),
      externalId: z.string(),
      decisionId: z.string(),
      category: z.enum(CATEGORY_IDS).nullable(),
      weight: z.number(),
      createdAt: z.string(),
      expiresAt: z.string(),
      active: z.boolean(),
      removedAt: z.string().nullable(),
      removedReason: z.string().nullable(),
      removedByDecision: z.string().nullable(),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      action: z.enum([...ACCOUNT_ACTIONS, 'reinstate']),
      level,
      points: z.number(),
      threshold: z.number().nullable(),
      until: z.string().nullable(),
      decisionId: z.string().nullable(),
      strikeId: z.string().nullable(),
      statement,
      createdAt: z.string(),
    }),
  ),
  content: z.array(z.object({ id: z.string(), externalId: z.string(), kind: z.string(), status: z.string(), createdAt: z.string() })),
  decisions: z.array(
    z.object({ id: z.string(), contentId: z.string(), externalId: z.string(), action: z.string(), category: z.string().nullable(), actorType: z.string(), createdAt: z.string() }),
  ),
});
