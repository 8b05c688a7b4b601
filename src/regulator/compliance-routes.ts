import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import type { Routes } from '../http/app.js';
import { complianceQuerySchema, type ComplianceApi, type ComplianceReport, type PublicKeyView, type SignedReport } from './compliance.js';

// Answers as schemas, for the API's documentation and typed clients (checked against their types).
/** A tally of orders by outcome (also the transparency report's Indonesian view). */
export const tallySchema = z.object({ orders: z.number(), onTime: z.number(), breached: z.number(), open: z.number(), onTimeRate: z.number().nullable() });
const reportSchema: z.ZodType<ComplianceReport> = z.object({
  type: z.literal('saring.regulator.compliance-report.v1'),
  period: z.object({ from: z.string(), to: z.string() }),
  organisation: z.string().nullable(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  keyId: z.string(),
  orders: z.array(
    z.object({
      id: z.string(),
      orderNumber: z.string(),
      organisation: z.string(),
      category: z.string(),
      requestedAction: z.string(),
      urgent: z.boolean(),
      urgentClock: z.boolean(),
      receivedAt: z.string(),
      dueAt: z.string(),
      completedAt: z.string().nullable(),
      breached: z.boolean(),
      breachedAt: z.string().nullable(),
      outcome: z.enum(['on_time', 'breached', 'open']),
      counts: z.record(z.string(), z.number()),
      targets: z.array(
        z.object({
          kind: z.string(),
          value: z.string(),
          contentId: z.string().nullable(),
          status: z.string(),
          actedAt: z.string().nullable(),
          decisionId: z.string().nullable(),
          onTime: z.boolean().nullable(),
        }),
      ),
      warnings: z.array(
        z.object({
          level: z.number(),
          letterDate: z.string(),
          letterNumber: z.string(),
          commitmentDate: z.string().nullable(),
          fines: z.array(z.object({ amountIdr: z.number(), imposedOn: z.string() })),
        }),
      ),
    }),
  ),
  totals: tallySchema.extend({ targets: z.number(), warnings: z.object({ st1: z.number(), st2: z.number(), st3: z.number() }), fines: z.number(), finesIdr: z.number(), byCategory: z.record(z.string(), tallySchema), byUrgency: z.object({ urgent: tallySchema, standard: tallySchema }) }),
}) as unknown as z.ZodType<ComplianceReport>;
export const signedReportSchema: z.ZodType<SignedReport> = z.object({ report: reportSchema, signature: z.string(), keyId: z.string(), publicKey: z.string() });
export const publicKeysSchema: z.ZodType<{ keys: PublicKeyView[] }> = z.object({ keys: z.array(z.object({ keyId: z.string(), publicKey: z.string(), current: z.boolean() })) });

export const complianceRoutes: Routes<{ compliance: ComplianceApi }> = (app, saring) => {
  app.get(
    '/v1/regulator/compliance-report',
    {
      schema: {
        tags: ['regulator'],
        summary: 'The signed compliance report of a period: every order received in it, its deadline, when each target was acted on, breaches; on-time rates per category and urgency',
        description:
          'An officer’s report covers their organisation’s orders only; those who may read the platform’s content get every organisation’s. ' +
          '`signature`: Ed25519 (base64) over the UTF-8 canonical JSON (keys sorted, no spaces) of `report`; `keyId`: SHA-256 of the raw public key; ' +
          'the keys are at GET /v1/regulator/public-key. `saring report verify FILE` checks a saved answer. 400 `validation_failed`: `from` not before `to`, or more than 366 days.',
        querystring: complianceQuerySchema,
        response: { 200: signedReportSchema },
      },
      config: { permission: 'orders:read' },
    },
    async (request) => saring.compliance.report(request.query, principalOf(request)),
  );

  app.get(
    '/v1/regulator/public-key',
    {
      schema: {
        tags: ['regulator'],
        summary: 'The public keys compliance reports are signed with: the current one first, then keys rotated out (kept so older reports still verify)',
        description: 'Public: whoever a report is handed to (a court, an auditor, the press) can check it without an account.',
        response: { 200: publicKeysSchema },
      },
      config: { permission: 'public' },
    },
    async () => ({ keys: saring.compliance.publicKeys() }),
  );

  app.post(
    '/v1/regulator/public-key/rotate',
    {
      schema: {
        tags: ['regulator'],
        summary: 'Sign compliance reports with a new key from now on; the old public key stays listed for verification (admins)',
        response: { 200: publicKeysSchema },
      },
      config: { permission: 'users:manage' },
    },
    async (request) => ({ keys: await saring.compliance.rotateKey(principalOf(request).actor) }),
  );
};
