/** Regulator answers as schemas, for the API's documentation and typed clients (checked against their types). */
import { z } from 'zod';
import { CLARIFICATION_REASONS, type Clarification, type FineTotals, type Warning } from './answers.js';
import type { InformationAnswer } from './orders.js';
import { ORDER_CATEGORIES, ORDER_STATUSES, TARGET_KINDS, TARGET_STATUSES, type Liaison, type Order, type OrderTarget, type Verification } from './regulator.js';

export const clarificationViewSchema: z.ZodType<Clarification> = z.object({
  id: z.string(),
  targetId: z.string(),
  reason: z.enum(CLARIFICATION_REASONS),
  text: z.string(),
  evidence: z.array(z.string()),
  targetStatus: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const warningViewSchema: z.ZodType<Warning> = z.object({
  id: z.string(),
  orderId: z.string(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  letterDate: z.string(),
  letterNumber: z.string(),
  file: z.string().nullable(),
  commitment: z.object({ date: z.string(), reference: z.string(), file: z.string().nullable() }).nullable(),
  fines: z.array(z.object({ id: z.string(), warningId: z.string(), amountIdr: z.number(), imposedOn: z.string(), note: z.string().nullable() })),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const warningListSchema = z.object({ warnings: z.array(warningViewSchema) });

const total = { totalIdr: z.number(), count: z.number() };
export const fineTotalsViewSchema: z.ZodType<FineTotals> = z.object({
  from: z.string(),
  to: z.string(),
  ...total,
  byOrganisation: z.array(z.object({ organisation: z.string(), ...total })),
  byLevel: z.array(z.object({ level: z.number(), ...total })),
});

export const orderTargetSchema: z.ZodType<OrderTarget> = z.object({
  id: z.string(),
  kind: z.enum(TARGET_KINDS),
  value: z.string(),
  url: z.string().optional(),
  externalId: z.string().optional(),
  contentId: z.string().nullable(),
  caseId: z.string().nullable(),
  status: z.enum(TARGET_STATUSES),
  decisionId: z.string().nullable(),
  handledAt: z.string().nullable(),
  proof: z.object({ decidedAt: z.string(), decisionId: z.string(), action: z.string(), actorType: z.string(), hashesBanked: z.number() }).nullable(),
  clarification: clarificationViewSchema.nullable(),
});

const counts = z.object({ pending: z.number(), taken_down: z.number(), already_removed: z.number(), not_found: z.number(), clarified: z.number(), answered: z.number() });

export const informationAnswerViewSchema: z.ZodType<InformationAnswer> = z.object({
  note: z.string(),
  items: z.array(
    z.object({
      targetId: z.string(),
      contentId: z.string(),
      externalId: z.string(),
      account: z.string().nullable(),
      uploadedAt: z.string(),
      state: z.enum(['available', 'removed', 'restricted', 'unknown']),
    }),
  ),
  answeredBy: z.string(),
  answeredAt: z.string(),
});

export const orderViewSchema: z.ZodType<Order> = z.object({
  id: z.string(),
  orderNumber: z.string(),
  organisation: z.string(),
  category: z.enum(ORDER_CATEGORIES),
  urgent: z.boolean(),
  urgentClock: z.boolean(),
  policyVersion: z.number().nullable(),
  legalBasis: z.string(),
  legalAnalysis: z.string().nullable(),
  requestedAction: z.string(),
  letter: z.string().nullable(),
  screenshots: z.array(z.string()),
  issuedAt: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  status: z.enum(ORDER_STATUSES),
  breachedAt: z.string().nullable(),
  reminders: z.array(z.number()),
  counts,
  answer: informationAnswerViewSchema.nullable(),
  targets: z.array(orderTargetSchema).optional(),
});

export const orderPageSchema = z.object({ orders: z.array(orderViewSchema), nextCursor: z.string().nullable() });

export const verificationSchema: z.ZodType<Verification> = z.object({
  kind: z.enum(TARGET_KINDS),
  value: z.string(),
  contentId: z.string().nullable(),
  state: z.enum(['available', 'removed', 'restricted', 'unknown']),
  since: z.string().nullable(),
  blockedByBank: z.boolean(),
});

export const verifyResultSchema = z.object({ results: z.array(verificationSchema) });

export const liaisonViewSchema: z.ZodType<Liaison> = z.object({ organisation: z.string(), name: z.string(), email: z.string(), updatedBy: z.string(), updatedAt: z.string() });
