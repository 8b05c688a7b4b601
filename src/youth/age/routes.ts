import { z } from 'zod';
import { principalOf } from '../../access/auth.js';
import type { Routes } from '../../http/app.js';
import type { YouthApi } from '../youth.js';
import { ageInputSchema, batchInputSchema, caseListSchema, checkInputSchema, consentInputSchema, correctionInputSchema, decisionInputSchema, MAX_BATCH, withdrawInputSchema } from './input.js';
import { ageCaseListViewSchema, ageCaseViewSchema, ageDetailViewSchema, ageRecordViewSchema, checkResultViewSchema, consentListViewSchema, consentViewSchema, eligibilityBatchViewSchema, eligibilityViewSchema } from './views.js';

// The platform's id for the account (as /v1/accounts/{id} takes it).
const accountParams = z.object({ id: z.string().min(1).max(256) });
const caseParams = z.object({ id: z.string().min(1).max(200) });
const consentParams = z.object({ id: z.string().min(1).max(256), cid: z.string().min(1).max(200) });
const tags = ['youth'];

export const ageRoutes: Routes<{ youth: YouthApi }> = (app, saring) => {
  app.put(
    '/v1/accounts/:id/age',
    {
      schema: {
        tags,
        summary: 'Set an account’s age from a declared age or a date of birth (the platform’s id; the account is created when new)',
        description:
          'Body `{ declaredAge }` (whole years) or `{ dateOfBirth }` (YYYY-MM-DD). The band (under_13, 13_15, 16_17, 18_plus) and when it next changes are kept; the date of birth only when the policy’s `youth.storeDateOfBirth` is true. ' +
          'The assurance is `self_declared`; the status follows from the band and the policy’s minimum age (`youth.minimumAge[riskClass]`). ' +
          'Errors (nothing stored): 422 `invalid_age` (negative, over 130, a date that does not exist or is in the future); 409 `age_conflict` when the band contradicts an estimated or verified age (ask for a correction).',
        params: accountParams,
        body: ageInputSchema,
        response: { 200: ageRecordViewSchema },
      },
      config: { permission: 'age:write' },
    },
    async (request) => saring.youth.age.set(request.params.id, request.body, principalOf(request).actor),
  );

  app.get(
    '/v1/accounts/:id/age',
    {
      schema: {
        tags,
        summary: 'An account’s age record with its events (who, why, evidence), age checks, parental consents and open age review; 404 for an unknown account',
        params: accountParams,
        response: { 200: ageDetailViewSchema },
      },
      config: { permission: 'age:read' },
    },
    async (request) => saring.youth.age.get(request.params.id),
  );

  app.post(
    '/v1/accounts/:id/age/checks',
    {
      schema: {
        tags,
        summary: 'Record an age check’s outcome (method, result, age or age range or date of birth, confidence, provider, time): never the document or the face',
        description:
          'A `pass` sets the age when its assurance (id_document, population_data, parental_confirmation: `verified`; facial_estimation, other: `estimated`) is at least the record’s; otherwise it is recorded and the age stays (`applied: false`). ' +
          'An age range counts from its lower end. The outcome is evidence: purged after `youth.evidenceRetentionDays`. Errors: 422 `invalid_age`, `time_in_future`; 400 for any other field (no images, no documents).',
        params: accountParams,
        body: checkInputSchema,
        response: { 201: checkResultViewSchema },
      },
      config: { permission: 'age:write' },
    },
    async (request, reply) => reply.status(201).send(await saring.youth.age.addCheck(request.params.id, request.body, principalOf(request).actor)),
  );

  app.post(
    '/v1/accounts/:id/age/corrections',
    {
      schema: {
        tags,
        summary: 'A user’s or parent’s request to correct a wrong age, with the outcome of a check as evidence: opens an age review (status under_review)',
        description: 'The review goes to the policy’s `youth.underageSignals.queue` (default `age`). 409 `age_case_open` while another review of the account is open; 404 for an unknown account.',
        params: accountParams,
        body: correctionInputSchema,
        response: { 201: ageCaseViewSchema },
      },
      config: { permission: 'age:write' },
    },
    async (request, reply) => reply.status(201).send(await saring.youth.age.requestCorrection(request.params.id, request.body, principalOf(request).actor)),
  );

  app.get(
    '/v1/age/cases',
    {
      schema: { tags, summary: 'Age reviews (corrections and underage signals), oldest first, by status, kind, queue or account', querystring: caseListSchema, response: { 200: ageCaseListViewSchema } },
      config: { permission: 'age:read' },
    },
    async (request) => saring.youth.age.cases(request.query),
  );

  app.get(
    '/v1/age/cases/:id',
    { schema: { tags, summary: 'One age review with its evidence and the account’s age record', params: caseParams, response: { 200: ageCaseViewSchema } }, config: { permission: 'age:read' } },
    async (request) => saring.youth.age.case(request.params.id),
  );

  app.post(
    '/v1/age/cases/:id/decision',
    {
      schema: {
        tags,
        summary: 'Decide an age review with a reason: accept sets the age claimed (or the one given here), reject restores the status',
        description: 'Accepting a correction gives the assurance of its evidence (a passed check) or `self_declared`; accepting an underage signal gives `estimated`. 409 `case_closed` for a decided review.',
        params: caseParams,
        body: decisionInputSchema,
        response: { 200: ageCaseViewSchema },
      },
      config: { permission: 'age:decide' },
    },
    async (request) => saring.youth.age.decide(request.params.id, request.body, principalOf(request).actor),
  );

  app.get(
    '/v1/accounts/:id/consents',
    { schema: { tags, summary: 'Parental consents of an account, newest first (withdrawn ones with when)', params: accountParams, response: { 200: consentListViewSchema } }, config: { permission: 'age:read' } },
    async (request) => saring.youth.age.consents(request.params.id),
  );

  app.post(
    '/v1/accounts/:id/consents',
    {
      schema: {
        tags,
        summary: 'Record a parent’s or guardian’s consent for a minor’s account: who, relation, when, which features',
        description: '409 `invalid_state` for an account of 18 or over; 404 for an unknown account.',
        params: accountParams,
        body: consentInputSchema,
        response: { 201: consentViewSchema },
      },
      config: { permission: 'age:write' },
    },
    async (request, reply) => reply.status(201).send(await saring.youth.age.giveConsent(request.params.id, request.body, principalOf(request).actor)),
  );

  app.post(
    '/v1/accounts/:id/consents/:cid/withdraw',
    {
      schema: { tags, summary: 'Withdraw a parental consent (409 `invalid_state` when already withdrawn)', params: consentParams, body: withdrawInputSchema, response: { 200: consentViewSchema } },
      config: { permission: 'age:write' },
    },
    async (request) => saring.youth.age.withdrawConsent(request.params.id, request.params.cid, request.body, principalOf(request).actor),
  );

  app.get(
    '/v1/accounts/:id/eligibility',
    {
      schema: {
        tags,
        summary: 'What an account may do and why: status, band, assurance, the minimum age, and each feature of the policy’s youth.features with allowed and reason',
        description: 'An unknown account, or one without an age record, is `pending_verification` and may use no age-gated feature.',
        params: accountParams,
        response: { 200: eligibilityViewSchema },
      },
      config: { permission: 'eligibility:read' },
    },
    async (request) => saring.youth.age.eligibility(request.params.id),
  );

  app.post(
    '/v1/accounts/eligibility',
    {
      schema: { tags, summary: `Eligibility of up to ${MAX_BATCH} accounts at once (the platform’s ids), in the order asked (feeds)`, body: batchInputSchema, response: { 200: eligibilityBatchViewSchema } },
      config: { permission: 'eligibility:read' },
    },
    async (request) => saring.youth.age.eligibilityMany(request.body),
  );
};
