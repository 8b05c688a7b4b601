/** Age answers as schemas, for the API's documentation and typed clients (checked against their types). */
import { z } from 'zod';
import { YOUTH_FEATURES } from '../../policy/schema.js';
import type { AgeCase, AgeCheck, AgeDetail, AgeEvent, CheckResult, Consent } from './age.js';
import { AGE_BANDS, AGE_STATUSES, ASSURANCE_LEVELS, CHECK_METHODS, type AgeRecord, type Eligibility } from './bands.js';

const json = z.record(z.string(), z.unknown());

export const ageRecordViewSchema: z.ZodType<AgeRecord> = z.object({
  accountId: z.string(),
  externalId: z.string(),
  band: z.enum(AGE_BANDS),
  assurance: z.enum(ASSURANCE_LEVELS),
  status: z.enum(AGE_STATUSES),
  nextBandAt: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  age: z.number().nullable(),
  source: z.string(),
  updatedAt: z.string(),
  hold: z.enum(['reverification', 'deactivated']).nullable().describe('The under-16 deactivation programme’s hold on the account'),
});

export const ageEventViewSchema: z.ZodType<AgeEvent> = z.object({
  id: z.string(),
  kind: z.string(),
  actor: z.string(),
  reason: z.string().nullable(),
  before: json.nullable(),
  after: json.nullable(),
  evidence: json.nullable(),
  checkId: z.string().nullable(),
  caseId: z.string().nullable(),
  at: z.string(),
  evidencePurgedAt: z.string().nullable(),
});

export const ageCheckViewSchema: z.ZodType<AgeCheck> = z.object({
  id: z.string(),
  method: z.enum(CHECK_METHODS),
  result: z.enum(['pass', 'fail', 'inconclusive']),
  outcome: json.nullable(),
  checkedAt: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  purgedAt: z.string().nullable(),
});

export const consentViewSchema: z.ZodType<Consent> = z.object({
  id: z.string(),
  givenBy: z.string(),
  relation: z.string(),
  givenAt: z.string(),
  scope: z.array(z.enum(YOUTH_FEATURES)),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const consentListViewSchema = z.object({ consents: z.array(consentViewSchema) });

export const ageCaseViewSchema: z.ZodType<AgeCase> = z.object({
  id: z.string(),
  accountId: z.string(),
  externalId: z.string(),
  kind: z.enum(['correction', 'underage_signal']),
  queue: z.string(),
  status: z.enum(['open', 'accepted', 'rejected']),
  requestedBy: z.string(),
  claim: json,
  check: ageCheckViewSchema.nullable(),
  evidence: json.nullable(),
  score: z.number().nullable(),
  contentId: z.string().nullable(),
  before: json.nullable(),
  openedBy: z.string(),
  openedAt: z.string(),
  updatedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  record: ageRecordViewSchema.nullable(),
});
export const ageCaseListViewSchema = z.object({ cases: z.array(ageCaseViewSchema) });

export const ageDetailViewSchema: z.ZodType<AgeDetail> = z.object({
  accountId: z.string(),
  externalId: z.string(),
  record: ageRecordViewSchema.nullable(),
  status: z.enum(AGE_STATUSES),
  events: z.array(ageEventViewSchema),
  checks: z.array(ageCheckViewSchema),
  consents: z.array(consentViewSchema),
  openCase: ageCaseViewSchema.nullable(),
});

export const checkResultViewSchema: z.ZodType<CheckResult> = z.object({ check: ageCheckViewSchema, applied: z.boolean(), record: ageRecordViewSchema.nullable() });

const feature = z.object({
  allowed: z.boolean(),
  minimumAge: z.number(),
  reason: z.enum(['old_enough', 'under_feature_age', 'private_by_default', 'age_uncertain', 'account_not_allowed', 'age_unknown']),
});
export const eligibilityViewSchema: z.ZodType<Eligibility> = z.object({
  accountId: z.string().nullable(),
  externalId: z.string(),
  status: z.enum(AGE_STATUSES),
  band: z.enum(AGE_BANDS),
  assurance: z.enum(ASSURANCE_LEVELS).nullable(),
  minimumAge: z.number(),
  features: z.object(Object.fromEntries(YOUTH_FEATURES.map((f) => [f, feature])) as Record<(typeof YOUTH_FEATURES)[number], typeof feature>),
  reasons: z.array(z.enum(['no_age_record', 'age_unknown', 'under_minimum_age', 'age_uncertain', 'minor_protections', 'under_review', 'reverification_requested', 'deactivated', 'adult'])),
});
export const eligibilityBatchViewSchema = z.object({ accounts: z.array(eligibilityViewSchema) });
