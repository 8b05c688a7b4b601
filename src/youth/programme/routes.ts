import { z } from 'zod';
import { principalOf } from '../../access/auth.js';
import { SaringError } from '../../errors/errors.js';
import type { Routes } from '../../http/app.js';
import {
  approvalListSchema,
  approveSchema,
  catalogueQuerySchema,
  CHILDREN_QUEUE,
  childrenReportSchema,
  contactSchema,
  LEAVE_REASONS,
  NOMINATION_STATUSES,
  nominationListSchema,
  nominationSchema,
  PROGRAMME_BANDS,
  programmeReportQuerySchema,
  rejectSchema,
  SAFETY_CHECKS,
  TOPIC_IDS,
  type CatalogueItem,
  type ChildrenReportReceipt,
  type Nomination,
  type ProgrammeApi,
  type ProgrammeContact,
  type ProgrammeReport,
} from './programme.js';

// Answers as schemas, for the API's documentation and the console's typed client.
const band = z.enum(PROGRAMME_BANDS);
const topic = z.enum(TOPIC_IDS);
const checkView = z.object({ check: z.enum(SAFETY_CHECKS), passed: z.boolean(), detail: z.string().nullable() });
export const nominationViewSchema: z.ZodType<Nomination> = z.object({
  id: z.string(),
  content: z.object({ id: z.string(), externalId: z.string(), kind: z.string(), caption: z.string().nullable() }),
  band,
  topic,
  note: z.string().nullable(),
  organisation: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  nominatedBy: z.string(),
  nominatedAt: z.string(),
  decision: z.object({ by: z.string(), organisation: z.string().nullable(), at: z.string(), reason: z.string().nullable(), approved: z.boolean() }).nullable(),
  checks: z.array(checkView).nullable(),
  cataloguedAt: z.string().nullable(),
  left: z.object({ at: z.string(), reason: z.enum(LEAVE_REASONS), detail: z.record(z.string(), z.unknown()) }).nullable(),
});
const nominationPageSchema = z.object({ nominations: z.array(nominationViewSchema), nextCursor: z.string().nullable() });
const approvalPageSchema = z.object({ nominations: z.array(nominationViewSchema), nextCursor: z.string().nullable(), secondOrganisation: z.boolean() });
const catalogueItemSchema: z.ZodType<CatalogueItem> = z.object({
  id: z.string(),
  contentId: z.string(),
  externalId: z.string(),
  kind: z.string(),
  caption: z.string().nullable(),
  band,
  topic,
  note: z.string().nullable(),
  organisation: z.string(),
  approvedBy: z.string().nullable(),
  cataloguedAt: z.string(),
});
const cataloguePageSchema = z.object({ items: z.array(catalogueItemSchema), nextCursor: z.string().nullable() });
const counts = z.record(z.string(), z.number());
const reportViewSchema: z.ZodType<ProgrammeReport> = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  catalogue: z.object({ total: z.number(), byTopic: counts, byBand: counts, cells: z.array(z.object({ topic, band, count: z.number() })) }),
  nominations: z.number(),
  approvals: z.number(),
  rejections: z.number(),
  blocked: z.object({ total: z.number(), byCheck: counts }),
  removals: z.object({ total: z.number(), byReason: counts }),
  medianHoursToReview: z.number().nullable(),
  pending: z.number(),
});
const receiptSchema: z.ZodType<ChildrenReportReceipt> = z.object({ reportId: z.string(), contentId: z.string(), caseId: z.string().nullable(), status: z.enum(['received', 'actioned']) });
const contactViewSchema: z.ZodType<ProgrammeContact> = z.object({ organisation: z.string(), name: z.string(), email: z.string(), updatedBy: z.string(), updatedAt: z.string() });

// Any text: an id that is not a uuid is a nomination that does not exist (404), like any other.
const idParams = z.object({ id: z.string().min(1).max(200) });
const orgParams = z.object({ org: z.string().trim().min(1).max(200) });
const tags = ['programme'];

export const programmeRoutes: Routes<{ youth: { programme: ProgrammeApi } }> = (app, saring) => {
  const programme = () => saring.youth.programme;

  app.post(
    '/v1/programme/nominations',
    {
      schema: {
        tags,
        summary: 'Nominate content for the educational catalogue (a partner, as their organisation): by Saring’s id or the platform’s id, with a PP Tunas age band and a topic',
        description:
          'The nomination waits for a partner’s approval (`GET /v1/programme/approvals`). Errors (nothing stored): 422 `unknown_content` (no such content), 422 `content_not_eligible` (removed, held, restricted or in review), ' +
          '409 `already_nominated` (pending or in the catalogue for this band), 422 `organisation_required`.',
        body: nominationSchema,
        response: { 201: nominationViewSchema },
      },
      config: { permission: 'programme:nominate' },
    },
    async (request, reply) => reply.status(201).send(await programme().nominate(request.body, principalOf(request))),
  );

  app.get(
    '/v1/programme/nominations',
    {
      schema: {
        tags,
        summary: 'Nominations, newest first, paged by cursor: a partner sees only their organisation’s (`status=left`: what left the catalogue and why)',
        querystring: nominationListSchema,
        response: { 200: nominationPageSchema },
      },
      config: { permission: 'programme:read' },
    },
    async (request) => programme().list(request.query, principalOf(request)),
  );

  app.get(
    '/v1/programme/nominations/:id',
    {
      schema: {
        tags,
        summary: 'A nomination with its decision, safety checks and, if it left the catalogue, why: 404 for another organisation’s (except a pending one its approver may decide)',
        params: idParams,
        response: { 200: nominationViewSchema },
      },
      config: { permission: 'programme:read' },
    },
    async (request) => programme().get(request.params.id, principalOf(request)),
  );

  app.get(
    '/v1/programme/approvals',
    {
      schema: {
        tags,
        summary: 'Pending nominations this partner may decide: never their own, and only other organisations’ when the policy’s youth.programme.secondOrganisation is on',
        querystring: approvalListSchema,
        response: { 200: approvalPageSchema },
      },
      config: { permission: 'programme:approve' },
    },
    async (request) => programme().approvals(request.query, principalOf(request)),
  );

  app.post(
    '/v1/programme/nominations/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a nomination: Saring’s safety checks run, and it enters the catalogue only if every one passes (`catalogued`), else `blocked` with the checks that failed',
        description:
          'Checks: the content is active; no category of its latest verdict is above allow; its media match no bank; no review case holds it; its account is not suspended or closed and not under the minimum age. ' +
          'Errors (nothing changed): 403 `own_nomination`, 403 `second_organisation_required` (the policy asks for a partner of another organisation), 409 `nomination_decided`, 404 `not_found`.',
        params: idParams,
        body: approveSchema,
        response: { 200: nominationViewSchema },
      },
      config: { permission: 'programme:approve' },
    },
    async (request) => programme().approve(request.params.id, request.body, principalOf(request)),
  );

  app.post(
    '/v1/programme/nominations/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a nomination with a reason (shown to the nominating organisation)',
        description: 'Errors (nothing changed): 403 `own_nomination`, 403 `second_organisation_required`, 409 `nomination_decided`, 404 `not_found`.',
        params: idParams,
        body: rejectSchema,
        response: { 200: nominationViewSchema },
      },
      config: { permission: 'programme:approve' },
    },
    async (request) => programme().reject(request.params.id, request.body, principalOf(request)),
  );

  app.get(
    '/v1/programme/catalogue',
    {
      schema: {
        tags,
        summary: 'The catalogue the under-16 experience is served: approved items that passed the safety checks and are safe now (active, held by no review case), newest first, by band and topic, paged by cursor',
        querystring: catalogueQuerySchema,
        response: { 200: cataloguePageSchema },
      },
      config: { permission: 'programme:read' },
    },
    async (request) => programme().catalogue(request.query),
  );

  app.get(
    '/v1/programme/report',
    {
      schema: {
        tags,
        summary: 'The programme report for a period: the catalogue by topic and age band, nominations, approvals, rejections, blocked approvals, removals by reason, median hours to review',
        description: '`from` and `to`: days (YYYY-MM-DD), both inclusive, in `zone` (WIB by default). 422 `invalid_period`: `to` before `from`, more than 366 days, or starting in the future.',
        querystring: programmeReportQuerySchema,
        response: { 200: reportViewSchema },
      },
      config: { permission: 'programme:read' },
    },
    async (request) => programme().report(request.query),
  );

  app.post(
    '/v1/programme/reports',
    {
      schema: {
        tags,
        summary: `A partner reports harm to children: a report that opens (or joins) the item’s report case in the \`${CHILDREN_QUEUE}\` queue at urgent priority; a catalogued item leaves the catalogue`,
        description: 'Answered like a public report when the case is decided (`report.resolved`). Content already removed: 200 `actioned` at once. 422 `unknown_content`, 422 `organisation_required`.',
        body: childrenReportSchema,
        response: { 200: receiptSchema, 201: receiptSchema },
      },
      config: { permission: 'children:report' },
    },
    async (request, reply) => {
      const receipt = await programme().reportHarm(request.body, principalOf(request));
      return reply.status(receipt.status === 'received' ? 201 : 200).send(receipt);
    },
  );

  app.get(
    '/v1/programme/organisations/:org/contact',
    {
      schema: { tags, summary: 'A partner organisation’s contact, told by e-mail when its items leave the catalogue (a partner: only their own); 404 when none is set', params: orgParams, response: { 200: contactViewSchema } },
      config: { permission: 'programme:nominate' },
    },
    async (request) => {
      const contact = await programme().contact(request.params.org, principalOf(request));
      if (!contact) throw new SaringError('not_found', `No contact is set for ${request.params.org}.`);
      return contact;
    },
  );

  app.put(
    '/v1/programme/organisations/:org/contact',
    {
      schema: {
        tags,
        summary: 'Set a partner organisation’s contact (a partner: only their own): told when its items leave the catalogue, through the `mail_outbox` table an operator’s mailer reads',
        params: orgParams,
        body: contactSchema,
        response: { 200: contactViewSchema },
      },
      config: { permission: 'programme:nominate' },
    },
    async (request) => programme().setContact(request.params.org, request.body, principalOf(request)),
  );
};
