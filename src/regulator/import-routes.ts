import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import type { Db } from '../db/connect.js';
import { SaringError } from '../errors/errors.js';
import type { App, Routes } from '../http/app.js';
import { IMPORT_FORMATS, IMPORT_LIMITS, importOrders, MAX_IMPORT_PROBLEMS, XLSX_MIME } from './import.js';
import { MAX_TARGETS, TARGET_STATUSES, type RegulatorApi } from './regulator.js';

/**
 * The content types an order file may come as. Browsers label a .csv `text/csv`, or (where Excel
 * is installed on Windows) `application/vnd.ms-excel`; an unknown file `application/octet-stream`.
 * Which format it is is read from the bytes (a ZIP is XLSX) unless `?format=` says.
 */
export const ORDER_FILE_TYPES = ['text/csv', XLSX_MIME, 'application/vnd.ms-excel', 'application/octet-stream'] as const;

const counts = z.object(Object.fromEntries(TARGET_STATUSES.map((s) => [s, z.number()])) as Record<(typeof TARGET_STATUSES)[number], z.ZodNumber>);

export const importResultSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  sha256: z.string(),
  orders: z.array(
    z.object({
      orderNumber: z.string(),
      id: z.string(),
      status: z.enum(['created', 'existing']),
      receivedAt: z.string(),
      dueAt: z.string(),
      rows: z.object({ first: z.number(), last: z.number() }),
      counts,
    }),
  ),
  totals: z.object({ orders: z.number(), created: z.number(), existing: z.number(), targets: z.number(), counts }),
});

const importQuery = z.object({ format: z.enum(IMPORT_FORMATS).optional() }).strict();

export const orderImportRoutes: Routes<{ regulator: RegulatorApi; db: Db }> = async (app, saring) => {
  // The file is the raw body, in a scope of its own: no other route takes these types.
  await app.register(async (plain) => {
    const scope = plain as App;
    scope.addContentTypeParser([...ORDER_FILE_TYPES], { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.maxFileBytes }, (_request, body, done) => done(null, body));
    scope.post(
      '/v1/regulator/orders/import',
      {
        bodyLimit: IMPORT_LIMITS.maxFileBytes,
        schema: {
          tags: ['regulator'],
          summary: 'Import a batch of orders from a CSV or XLSX file (one row per target; rows with the same order number are one order)',
          description:
            `The file is the raw body (\`curl --data-binary @orders.xlsx -H "content-type: ${XLSX_MIME}"\`; \`text/csv\` for CSV, UTF-8, \`,\` or \`;\`), at most ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MiB and ${IMPORT_LIMITS.maxRows} rows; ` +
            `the format is read from the bytes unless \`?format=csv|xlsx\`. Columns (English or Indonesian headers, any case): \`order_number\`/\`nomor_surat\`, \`category\`/\`kategori\`, \`legal_basis\`/\`dasar_hukum\`, \`target\`/\`url\`/\`tautan\` (required), ` +
            '`urgent`/`mendesak`, `legal_analysis`/`analisis_hukum`, `letter`/`surat`, `issued_at`/`tanggal_surat`, `target_type`/`jenis_target`. ' +
            `A target with a scheme (\`https://…\`; only http and https pass) is a URL, a uuid a content id, anything else the platform’s id, unless \`target_type\` says. Up to ${MAX_TARGETS} targets per order. ` +
            'The organisation is the sender’s. The whole file is checked first: any problem, 422 `invalid_orders` with `details.rows` ' +
            `(up to ${MAX_IMPORT_PROBLEMS} of \`{ row, column, code, message }\`, \`details.more\`: how many more) and nothing stored; an unreadable file 422 \`invalid_order_file\` or 400 \`invalid_utf8\`; over a limit (size, rows, an XLSX entry inflating too far) 413. ` +
            'Then each order is submitted like `POST /v1/regulator/orders`: an order number the organisation sent before is `existing` (nothing new stored), so importing a file again changes nothing.',
          querystring: importQuery,
          response: { 200: importResultSchema },
        },
        config: { permission: 'orders:submit', bodyTypes: ORDER_FILE_TYPES },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) {
          throw new SaringError('unsupported_media_type', `Send the order file as the raw body with content-type ${ORDER_FILE_TYPES.join(', ')}.`, { accepted: ORDER_FILE_TYPES });
        }
        return importOrders(saring, body, { format: request.query.format }, principalOf(request));
      },
    );
  });
};
