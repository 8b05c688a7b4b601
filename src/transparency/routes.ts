import { Readable } from 'node:stream';
import type { Routes } from '../http/app.js';
import { statementPageSchema } from './schema.js';
import { statementQuerySchema, type TransparencyApi } from './transparency.js';

export const transparencyRoutes: Routes<{ transparency: TransparencyApi }> = (app, saring) => {
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
