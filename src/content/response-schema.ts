/** Content items as the API answers them, as schemas for its documentation and typed clients (checked against their types). */
import { z } from 'zod';
import { decisionSchema } from '../decisions/schema.js';
import { mediaFindingsSchema, reviewRouteSchema, verdictSchema } from '../scan/verdict-schema.js';
import type { AnalysisState, ContentDetail, ContentItem, ContentVersion, ListedContent, SubmitResult } from './content.js';

const contentItem = z.object({
  id: z.string(),
  externalId: z.string(),
  kind: z.string(),
  account: z.object({ id: z.string(), externalId: z.string() }).nullable(),
  texts: z.record(z.string(), z.string()),
  media: z.array(z.unknown()),
  audience: z.string(),
  status: z.string(),
  restriction: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  version: z.number(),
  postedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<ContentItem>;

export const listedContentSchema: z.ZodType<ListedContent> = contentItem.extend({
  latestScan: z
    .object({
      action: z.string(),
      policyVersion: z.string(),
      categories: z.array(z.object({ category: z.string(), score: z.number(), action: z.string() })),
      review: reviewRouteSchema.optional(),
      createdAt: z.string(),
    })
    .nullable(),
});

const analysis = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  jobId: z.string().nullable(),
  findings: z.array(mediaFindingsSchema),
  scanId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
}) satisfies z.ZodType<AnalysisState>;

export const contentDetailSchema: z.ZodType<ContentDetail> = contentItem.extend({
  scans: z.array(z.object({ id: z.string(), contentVersion: z.number().nullable(), policyVersion: z.string(), action: z.string(), verdict: verdictSchema, createdAt: z.string() })),
  decisions: z.array(decisionSchema),
  versions: z.array(z.object({ version: z.number(), sha256: z.string(), createdBy: z.string(), createdAt: z.string() })),
  analysis: analysis.optional(),
});

export const contentVersionSchema: z.ZodType<ContentVersion> = z.object({
  version: z.number(),
  sha256: z.string(),
  kind: z.string(),
  texts: z.record(z.string(), z.string()),
  media: z.array(z.unknown()),
  audience: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const submitResultSchema: z.ZodType<SubmitResult> = z.object({
  content: contentDetailSchema,
  created: z.boolean(),
  scanned: z.boolean(),
  verdict: verdictSchema.optional(),
  analysis: analysis.optional(),
});
