import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import { SaringError } from '../errors/errors.js';
import type { Routes } from '../http/app.js';
import { liaisonSchema, MAX_TARGETS, MAX_VERIFY, orderListSchema, orderSchema, verifySchema, type RegulatorApi } from './regulator.js';
import { liaisonViewSchema, orderPageSchema, orderViewSchema, verifyResultSchema } from './schema.js';

// Any text: an id that is not a uuid is an order that does not exist (404), like any other.
const idParams = z.object({ id: z.string().min(1).max(200) });
const orgParams = z.object({ org: z.string().trim().min(1).max(200) });

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
          '`dueAt` is `receivedAt` + 4 h when `urgent` or the category is urgent (csam, terrorism, illegal_goods), else + 24 h. ' +
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
};
