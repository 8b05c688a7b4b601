import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import { SaringError } from '../errors/errors.js';
import type { Routes } from '../http/app.js';
import { informationAnswerSchema } from './information.js';
import { clarificationSchema, commitmentSchema, fineTotalsSchema, warningSchema } from './answers.js';
import { liaisonSchema, MAX_TARGETS, MAX_VERIFY, orderListSchema, orderSchema, verifySchema, type RegulatorApi } from './regulator.js';
import { clarificationViewSchema, fineTotalsViewSchema, liaisonViewSchema, orderPageSchema, orderViewSchema, verifyResultSchema, warningListSchema, warningViewSchema } from './schema.js';

// Any text: an id that is not a uuid is an order that does not exist (404), like any other.
const idParams = z.object({ id: z.string().min(1).max(200) });
const orgParams = z.object({ org: z.string().trim().min(1).max(200) });
const targetParams = z.object({ id: z.string().min(1).max(200), target: z.string().min(1).max(200) });

export const regulatorRoutes: Routes<{ regulator: RegulatorApi }> = (app, saring) => {
  app.post(
    '/v1/regulator/orders',
    {
      schema: {
        tags: ['regulator'],
        summary: 'Send a takedown order (an authority’s officer or key): stored with its targets before the answer, its clock started',
        description:
          `The organisation is the sender’s (422 \`organisation_required\` without one). \`targets\`: 1 to ${MAX_TARGETS} of \`{ url }\`, \`{ contentId }\` or \`{ externalId }\`, resolved to stored content ` +
          '(by id, the platform’s id, or `metadata.url`); unresolved ones are `not_found`, content already removed `already_removed`, the others open a review case (queue `regulator`, reason `order`, top priority, the order’s deadline). ' +
          '`dueAt` is `receivedAt` + the active policy’s `orders.hours.urgent` (4 h by default) when `urgent` or the category is in its `orders.urgentCategories` (default csam, terrorism, illegal_goods), else + `orders.hours.standard` (24 h); the clock is kept with the order (`urgentClock`, `policyVersion`). ' +
          '201 with the order; the same `orderNumber` from the same organisation again: 200 with the order as stored (nothing new is stored). ' +
          'Errors (nothing stored): 422 `unknown_category`, `invalid_target`, `duplicate_target`, `too_many_targets`, `time_in_future` (`issuedAt` after now).',
        body: orderSchema,
        response: { 200: orderViewSchema, 201: orderViewSchema },
      },
      config: { permission: 'orders:submit' },
    },
    async (request, reply) => {
      const { order, created } = await saring.regulator.submit(request.body, principalOf(request));
      return reply.status(created ? 201 : 200).send(order);
    },
  );

  app.get(
    '/v1/regulator/orders',
    {
      schema: {
        tags: ['regulator'],
        summary: 'Orders, newest first, paged by cursor: an officer sees only their organisation’s',
        querystring: orderListSchema,
        response: { 200: orderPageSchema },
      },
      config: { permission: 'orders:read' },
    },
    async (request) => saring.regulator.list(request.query, principalOf(request)),
  );

  app.get(
    '/v1/regulator/orders/:id',
    {
      schema: {
        tags: ['regulator'],
        summary: 'An order with its targets, their status and proof: 404 for an order of another organisation (its existence is not revealed)',
        params: idParams,
        response: { 200: orderViewSchema },
      },
      config: { permission: 'orders:read' },
    },
    async (request) => saring.regulator.get(request.params.id, principalOf(request)),
  );

  app.post(
    '/v1/regulator/verify',
    {
      schema: {
        tags: ['regulator'],
        summary: `The current state of up to ${MAX_VERIFY} URLs or ids: available, removed, restricted or unknown, since when, and whether a bank blocks a re-upload`,
        description: 'An officer learns only the state of content their organisation’s orders target; anything else is `unknown`.',
        body: verifySchema,
        response: { 200: verifyResultSchema },
      },
      config: { permission: 'orders:verify' },
    },
    async (request) => saring.regulator.verify(request.body, principalOf(request)),
  );

  app.get(
    '/v1/regulator/organisations/:org/liaison',
    {
      schema: { tags: ['regulator'], summary: 'The platform’s liaison (contact person) for an organisation; 404 when none is set', params: orgParams, response: { 200: liaisonViewSchema } },
      config: { permission: 'users:manage' },
    },
    async (request) => {
      const liaison = await saring.regulator.liaison(request.params.org);
      if (!liaison) throw new SaringError('not_found', `No liaison is set for ${request.params.org}.`);
      return liaison;
    },
  );

  app.put(
    '/v1/regulator/organisations/:org/liaison',
    {
      schema: {
        tags: ['regulator'],
        summary: 'Set the platform’s liaison for an organisation: told of each new order and of its clock by e-mail (the `mail_outbox` table an operator’s mailer reads)',
        params: orgParams,
        body: liaisonSchema,
        response: { 200: liaisonViewSchema },
      },
      config: { permission: 'users:manage' },
    },
    async (request) => saring.regulator.setLiaison(request.params.org, request.body, principalOf(request).actor),
  );

  app.post(
    '/v1/regulator/orders/:id/targets/:target/clarification',
    {
      schema: {
        tags: ['regulator'],
        summary: 'Answer one target of an order with a clarification (objection, sanggah) instead of a takedown: the platform’s senior moderators and admins',
        description:
          'A `pending` target becomes `clarified` and counts as answered for the order’s clock (no more reminders for it; the order completes when none is pending). A later removal still marks it `taken_down`. ' +
          'The officer of the order’s organisation sees it on the order’s target. One per target. Errors (nothing stored): 404 `not_found` (no such order, or the target is not this order’s), 404 `media_not_found` (an evidence upload), 409 `conflict` (already clarified).',
        params: targetParams,
        body: clarificationSchema,
        response: { 201: clarificationViewSchema },
      },
      config: { permission: 'orders:answer' },
    },
    async (request, reply) => reply.status(201).send(await saring.regulator.clarify(request.params.id, request.params.target, request.body, principalOf(request))),
  );

  app.post(
    '/v1/regulator/orders/:id/information',
    {
      schema: {
        tags: ['regulator'],
        summary: 'Answer a request for information (`requestedAction: information`), once: a person of the platform decides to disclose (senior moderators and admins)',
        description:
          'With the platform’s `note`, Saring fills in for each target still waiting what it knows — the platform’s account id of the uploader, when the item was first stored, its platform id and its current state — and nothing more. ' +
          'The targets become `answered` and the order completes; the officer of the order’s organisation reads the answer on the order (`answer`). Audit and webhook `order.information_answered`. ' +
          'Errors (nothing stored): 404 `not_found` (no such order), 409 `invalid_state` (a takedown order), 409 `conflict` (answered already).',
        params: idParams,
        body: informationAnswerSchema,
        response: { 201: orderViewSchema },
      },
      config: { permission: 'orders:answer' },
    },
    async (request, reply) => reply.status(201).send(await saring.regulator.answerInformation(request.params.id, request.body, principalOf(request))),
  );

  app.get(
    '/v1/regulator/orders/:id/warnings',
    {
      schema: { tags: ['regulator'], summary: 'The warning letters (ST1–ST3) recorded against an order, with their fines and the ST2 commitment letter: 404 for an order of another organisation', params: idParams, response: { 200: warningListSchema } },
      config: { permission: 'orders:read' },
    },
    async (request) => saring.regulator.warnings(request.params.id, principalOf(request)),
  );

  app.post(
    '/v1/regulator/orders/:id/warnings',
    {
      schema: {
        tags: ['regulator'],
        summary: 'Record a warning letter received from the regulator for an order (the platform’s admins), with the fines it imposes in rupiah',
        description: 'ST2 needs ST1 recorded, ST3 needs ST2: 409 `warning_out_of_order` otherwise; a level again: 409 `conflict`. A fine is a whole number of rupiah over 0 (422 `invalid_amount`). Nothing is stored when one fails.',
        params: idParams,
        body: warningSchema,
        response: { 201: warningViewSchema },
      },
      config: { permission: 'orders:warnings' },
    },
    async (request, reply) => reply.status(201).send(await saring.regulator.recordWarning(request.params.id, request.body, principalOf(request))),
  );

  app.post(
    '/v1/regulator/orders/:id/commitment',
    {
      schema: {
        tags: ['regulator'],
        summary: 'Record the platform’s commitment letter answering the order’s ST2 (date, reference, file): 409 `warning_out_of_order` without an ST2, `conflict` when already recorded',
        params: idParams,
        body: commitmentSchema,
        response: { 200: warningViewSchema },
      },
      config: { permission: 'orders:warnings' },
    },
    async (request) => saring.regulator.recordCommitment(request.params.id, request.body, principalOf(request)),
  );

  app.get(
    '/v1/regulator/fines',
    {
      schema: {
        tags: ['regulator'],
        summary: 'Fines imposed in a period (by the letters’ dates, inclusive): total, per organisation and per warning level; an officer sees only their organisation’s',
        querystring: fineTotalsSchema,
        response: { 200: fineTotalsViewSchema },
      },
      config: { permission: 'orders:read' },
    },
    async (request) => saring.regulator.fineTotals(request.query, principalOf(request)),
  );
};
