import { z } from 'zod';
import { principalOf } from '../../access/auth.js';
import type { Routes } from '../../http/app.js';
import { parseInput, versionNumber } from '../../shared/validate.js';
import { RISK_ASPECTS, RISK_LEVELS, riskExportSchema, riskInputSchema, riskListSchema, type RiskApi, type RiskAspect, type RiskAssessment, type RiskVersionSummary } from './risk.js';

// Answers as schemas, for the API's documentation and the console's typed client.
const level = z.enum(RISK_LEVELS);
const aspectView = z.object({ level, assessment: z.string(), evidence: z.array(z.string()), mitigations: z.array(z.string()) });
const perAspect = <T extends z.ZodType>(s: T) => z.object(Object.fromEntries(RISK_ASPECTS.map((a) => [a, s])) as Record<RiskAspect, T>);
export const riskAssessmentSchema: z.ZodType<RiskAssessment> = z.object({
  version: z.number(),
  summary: z.string().nullable(),
  aspects: perAspect(aspectView),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
}) as unknown as z.ZodType<RiskAssessment>;
const historySchema: z.ZodType<{ versions: RiskVersionSummary[]; nextBefore: number | null }> = z.object({
  versions: z.array(
    z.object({
      version: z.number(),
      summary: z.string().nullable(),
      levels: perAspect(level),
      changed: z.array(z.enum(RISK_ASPECTS)),
      createdBy: z.string(),
      createdByName: z.string(),
      createdAt: z.string(),
    }),
  ),
  nextBefore: z.number().nullable(),
}) as unknown as z.ZodType<{ versions: RiskVersionSummary[]; nextBefore: number | null }>;

// `latest` or a version number; anything else is a version that does not exist (400 from the number check).
const versionParams = z.object({ version: z.union([z.literal('latest'), z.string().regex(/^\d{1,10}$/)]) });
const versionOf = (v: string): number | 'latest' => (v === 'latest' ? 'latest' : parseInput(versionNumber(), v));

export const riskRoutes: Routes<{ youth: { risk: RiskApi } }> = (app, saring) => {
  app.post(
    '/v1/youth/risk-assessments',
    {
      schema: {
        tags: ['youth'],
        summary: 'Save the risk self-assessment (PP 17/2025, seven aspects) as a new version: level, assessment, evidence and mitigations per aspect',
        description:
          `\`aspects\`: all seven of ${RISK_ASPECTS.join(', ')}, each \`{ level, assessment, evidence: [], mitigations: [] }\` with level one of ${RISK_LEVELS.join(', ')}. ` +
          'Each save is a new version (who, when); none is changed in place. `basedOn`: the version the edit started from (0 for the first); when another was saved since, 409 `conflict` and nothing is stored. ' +
          'Errors (nothing stored): 422 `incomplete_risk_assessment` (an aspect missing), 422 `invalid_risk_level`, 400 `validation_failed`.',
        body: riskInputSchema,
        response: { 201: riskAssessmentSchema },
      },
      config: { permission: 'youth:risk' },
    },
    async (request, reply) => reply.status(201).send(await saring.youth.risk.save(request.body, principalOf(request))),
  );

  app.get(
    '/v1/youth/risk-assessments',
    {
      schema: {
        tags: ['youth'],
        summary: 'The risk self-assessment’s versions, newest first: who saved each when, its levels, and which aspects it changed',
        querystring: riskListSchema,
        response: { 200: historySchema },
      },
      config: { permission: 'youth:risk' },
    },
    async (request) => saring.youth.risk.history(request.query),
  );

  app.get(
    '/v1/youth/risk-assessments/:version',
    {
      schema: {
        tags: ['youth'],
        summary: 'A version of the risk self-assessment (`latest` for the newest); `format=md`: the document a regulator asks for, in Bahasa Indonesia (Markdown)',
        description: '404 `not_found`: no such version (or, for `latest`, none saved yet).',
        params: versionParams,
        querystring: riskExportSchema,
        response: { 200: riskAssessmentSchema },
      },
      config: { permission: 'youth:risk' },
    },
    async (request, reply) => {
      const version = versionOf(request.params.version);
      if (request.query.format === 'json') return saring.youth.risk.get(version);
      const doc = await saring.youth.risk.markdown(version);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="penilaian-risiko-anak-v${doc.version}.md"`)
        .send(doc.text as never); // Markdown: not the JSON the schema describes
    },
  );
};
