import { z } from 'zod';
import { YOUTH_FEATURES } from '../../policy/schema.js';
import { CHECK_METHODS } from './bands.js';

/**
 * What the platform sends about an account's age. Strict objects: an age check carries its outcome
 * only, so no field for a document, a photo or any other blob exists (an unknown field is refused).
 * Ranges and dates are checked by the engine (422 `invalid_age`), so a wrong age is named as one.
 */
const age = z.number().int().describe('Whole years, 0 to 130');
/** A data URI, or a long run of base64 with no spaces: what a photo or a scanned document sent as text looks like. */
const BLOB = /data:[\w.+-]+\/[\w.+-]+;base64,|[A-Za-z0-9+/=_-]{120,}/;
/** A free text that must not carry a document or a face (PP Tunas' minimal data: outcomes only). */
const text = (min: number, max: number) =>
  (min > 0 ? z.string().trim().min(min) : z.string().trim())
    .max(max)
    .refine((v) => !BLOB.test(v), { message: 'looks like an image or a document (a data URI or base64): Saring keeps the outcome of a check only' });
const date = z.string().max(40).describe('A calendar date, YYYY-MM-DD: not in the future, at most 130 years ago');

export const ageInputSchema = z.union([
  z.object({ declaredAge: age }).strict(),
  z.object({ dateOfBirth: date }).strict(),
]);
export type AgeInput = z.infer<typeof ageInputSchema>;

export const checkInputSchema = z
  .object({
    method: z.enum(CHECK_METHODS),
    /** pass: the check established the age given; fail / inconclusive: recorded, the age stays. */
    result: z.enum(['pass', 'fail', 'inconclusive']),
    age: age.optional(),
    ageRange: z.object({ min: age, max: age }).strict().optional(),
    dateOfBirth: date.optional(),
    confidence: z.number().min(0).max(1).optional(),
    provider: text(1, 200).optional(),
    checkedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type CheckInput = z.infer<typeof checkInputSchema>;

export const correctionInputSchema = z
  .object({
    /** Who contests the age: the account's user or their parent. */
    requestedBy: z.enum(['user', 'parent']),
    declaredAge: age.optional(),
    dateOfBirth: date.optional(),
    /** The outcome of the check that backs the claim (never the document itself). */
    evidence: checkInputSchema,
    note: text(0, 2000).optional(),
  })
  .strict();
export type CorrectionInput = z.infer<typeof correctionInputSchema>;

export const decisionInputSchema = z
  .object({
    decision: z.enum(['accept', 'reject']),
    reason: z.string().trim().min(1).max(2000),
    /** On accept, the age to set instead of the one claimed (a signal's or the request's). */
    declaredAge: age.optional(),
    dateOfBirth: date.optional(),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export const consentInputSchema = z
  .object({
    /** The parent's or guardian's name, or the platform's id for them. */
    givenBy: z.string().trim().min(1).max(200),
    relation: z.enum(['parent', 'guardian', 'other']),
    givenAt: z.iso.datetime({ offset: true }),
    /** The features the consent covers. */
    scope: z.array(z.enum(YOUTH_FEATURES)).min(1).max(YOUTH_FEATURES.length),
  })
  .strict();
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const withdrawInputSchema = z
  .object({
    withdrawnAt: z.iso.datetime({ offset: true }).optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .strict();

export const caseListSchema = z
  .object({
    status: z.enum(['open', 'accepted', 'rejected']).optional(),
    kind: z.enum(['correction', 'underage_signal']).optional(),
    queue: z.string().max(100).optional(),
    account: z.string().max(256).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type CaseListQuery = z.infer<typeof caseListSchema>;

export const MAX_BATCH = 1000;
export const batchInputSchema = z.object({ ids: z.array(z.string().min(1).max(256)).min(1).max(MAX_BATCH) }).strict();
