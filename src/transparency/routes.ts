import { Readable } from 'node:stream';
import { principalOf } from '../access/auth.js';
import type { Routes } from '../http/app.js';
import { reportCsv, reportQuerySchema, transparencyReport, type ReportDeps } from './report.js';
import { statementPageSchema, transparencyReportSchema } from './schema.js';
import { statementQuerySchema, type TransparencyApi } from './transparency.js';

export const transparencyRoutes: Routes<{ transparency: TransparencyApi } & ReportDeps> = (app, saring) => {
  app.get(
    '/v1/transparency/report',
    {
      schema: {
        tags: ['transparency'],
        summary: 'The transparency report of a period: the sections of the EU’s harmonised DSA transparency reporting templates (Implementing Regulation (EU) 2024/2835) and the Indonesian view of the regulator’s orders',
        description:
          '`from` and `to`: days (YYYY-MM-DD), both inclusive, in `zone` (WIB, the default, or UTC). Sections: orders from authorities, notices (public reports), own-initiative moderation, ' +
          'complaints (appeals), automated means and their accuracy indicators, account actions; `indonesia`: orders on time within 4 h / 24 h, breached, warnings ST1–ST3, fines, clarifications. ' +
          'Every figure is counted over the stored rows when asked; medians in hours; a null figure has nothing to measure or no data in Saring (each section’s `note` says which). ' +
          '`format=csv`: one flat table `section,metric,dimension,value`. 422 `invalid_period`: `to` before `from`, more than 366 days, or a period starting in the future.',
        querystring: reportQuerySchema,
        response: { 200: transparencyReportSchema },
      },
      config: { permission: 'transparency:read' },
    },
    async (request, reply) => {
      const report = await transparencyReport(saring, request.query, principalOf(request));
      if (request.query.format !== 'csv') return report;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="saring-transparency-report-${report.period.from}-${report.period.to}.csv"`)
        .send(reportCsv(report) as never); // CSV: not the JSON the schema describes
    },
  );

  app.get(
    '/v1/transparency/statements',
    {
      schema: {
        tags: ['transparency'],
        summary: 'Statements of reasons in the EU DSA Transparency Database format, oldest first, paged by cursor; format=jsonl or csv streams every match',
        description:
          'Every restriction (remove, restrict_16, restrict_18) and every decision that lifts one (an overturned appeal), under the database’s field names and enumerations ' +
          '(`statement`), with the ground under Indonesian law and the facts in Bahasa Indonesia (`indonesia`). Each statement is checked against the database’s rules: ' +
          '`valid`, and `errors` naming each broken rule’s field; `euSubmittable` when it is valid and scoped to EEA countries only. ' +
          'Filters: `from` (inclusive) and `to` (exclusive), dates (midnight UTC) or ISO 8601 times; `category` and `action` (Saring’s); `source` (the DSA source type). ' +
          'JSON answers `{ statements, nextCursor }` (pass `cursor=nextCursor` with the same filters). `format=jsonl` (one statement per line) and `format=csv` stream every match, without a row cap.',
        querystring: statementQuerySchema,
        response: { 200: statementPageSchema },
      },
      config: { permission: 'transparency:read' },
    },
    async (request, reply) => {
      if (request.query.format === 'json') return saring.transparency.list(request.query);
      const { format, lines } = await saring.transparency.export(request.query);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="saring-dsa-statements.${format === 'csv' ? 'csv' : 'jsonl'}"`)
        .send(Readable.from(lines) as never); // streamed: not the JSON page the schema describes
    },
  );
};
