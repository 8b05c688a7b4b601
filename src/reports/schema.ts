/** Report answers as schemas, for the API's documentation and typed clients (checked against their types). */
import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import { bilingual, statementSchema } from '../decisions/schema.js';
import { DECISION_ACTIONS } from '../decisions/statement.js';
import { REPORT_CATEGORIES, REPORT_STATUSES, type Report, type ReportReceipt, type Reporter } from './reports.js';

export const reportReceiptSchema: z.ZodType<ReportReceipt> = z.object({
  id: z.string(),
  status: z.enum(REPORT_STATUSES),
  caseId: z.string().nullable(),
  contentId: z.string(),
});

export const reportViewSchema: z.ZodType<Report> = z.object({
  id: z.string(),
  status: z.enum(REPORT_STATUSES),
  caseId: z.string().nullable(),
  content: z.object({ id: z.string(), externalId: z.string() }),
  category: z.enum(REPORT_CATEGORIES),
  reason: z.string(),
  reporter: z.object({ name: z.string().optional(), contact: z.string().optional(), externalId: z.string().optional() }).nullable(),
  reporterId: z.string().nullable(),
  anonymous: z.boolean(),
  counted: z.boolean(),
  badFaith: z.boolean(),
  screenshot: z.string().nullable(),
  url: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  outcome: z
    .object({ decisionId: z.string(), action: z.enum(DECISION_ACTIONS), category: z.enum(CATEGORY_IDS).nullable(), answer: bilingual, statement: statementSchema.optional() })
    .nullable(),
});

export const reportPageSchema = z.object({ reports: z.array(reportViewSchema), nextCursor: z.string().nullable() });

export const reporterViewSchema: z.ZodType<Reporter> = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  contact: z.string().nullable(),
  name: z.string().nullable(),
  reports: z.number(),
  actioned: z.number(),
  rejected: z.number(),
  badFaith: z.boolean(),
  badFaithAt: z.string().nullable(),
  badFaithBy: z.string().nullable(),
  badFaithReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const reporterPageSchema = z.object({ reporters: z.array(reporterViewSchema), nextCursor: z.string().nullable() });
