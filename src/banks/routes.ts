import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import { CATEGORY_IDS } from '../categories/categories.js';
import { SaringError } from '../errors/errors.js';
import { MEDIA_BODY_TYPES, mediaStream, withMediaBodies, type App, type Routes } from '../http/app.js';
import type { MediaApi } from '../media/api.js';
import { parseInput, wholeNumber } from '../shared/validate.js';
import type { MediaHashes as HashedMedia } from '../signals/hash/media.js';
import type { BanksApi } from './api.js';
import { bankInputSchema, bankUpdateSchema, entryInputSchema } from './banks.js';
import type { MediaHashes } from './matcher.js';

const bankName = z.object({ name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/) });
const entryParams = bankName.extend({ id: wholeNumber(1) });

/** What the matcher takes, from what `hashMedia` gives. */
export function matchable(h: HashedMedia): MediaHashes {
  return h.kind === 'image'
    ? { kind: 'image', md5: h.md5, sha256: h.sha256, pdq: { ...h.pdq, ...(h.dihedral ? { dihedral: h.dihedral } : {}) }, ...(h.cropped ? { cropped: h.cropped } : {}) }
    : { kind: 'video', md5: h.md5, sha256: h.sha256, frames: h.vpdq };
}

/** Dihedral hashes by default, so the output can go into `POST /v1/content` as it is. */
const hashQuery = z
  .object({ secondsPerHash: z.coerce.number().min(0).max(60).default(1), dihedral: z.enum(['true', 'false']).default('true') })
  .strict();

const matchBody = z
  .object({
    pdq: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
    quality: z.number().int().min(0).max(100).default(100),
    md5: z.string().regex(/^[0-9a-fA-F]{32}$/).optional(),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
    vpdq: z
      .array(z.object({ frame: z.number().int().min(0), quality: z.number().int().min(0).max(100), hash: z.string().regex(/^[0-9a-fA-F]{64}$/), timestamp: z.number().min(0) }).strict())
      .max(100_000)
      .optional(),
  })
  .strict()
  .refine((b) => b.pdq || b.md5 || b.sha256 || b.vpdq, { message: 'give pdq, md5, sha256 or vpdq' });

export const bankRoutes: Routes<{ banks: BanksApi; media: Pick<MediaApi, 'hash'> }> = async (app: App, s) => {
  await withMediaBodies(app, (scope) => {
    scope.post(
      '/v1/hash',
      {
        schema: {
          tags: ['banks'],
          summary: 'Hash an uploaded image or video (raw body): PDQ or vPDQ, cropped hashes, MD5, SHA-256',
          description:
            'curl --data-binary @photo.jpg -H "content-type: application/octet-stream" …/v1/hash. The body streams to disk under ' +
            '`SARING_MEDIA_MAX_BYTES`; at most `SARING_HASH_CONCURRENCY` files are hashed at once per process, a few more wait, then 429.',
          querystring: hashQuery,
        },
        config: { permission: 'scan', bodyTypes: MEDIA_BODY_TYPES },
      },
      async (request) => {
        const q = request.query;
        return s.media.hash(mediaStream(request.body), { secondsPerHash: q.secondsPerHash, dihedral: q.dihedral === 'true' });
      },
    );

    scope.post(
      '/v1/match',
      {
        schema: {
          tags: ['banks'],
          summary: 'Bank entries a hash or an uploaded file matches',
          description: 'JSON `{ pdq, quality }`, `{ md5 }`, `{ sha256 }` or `{ vpdq: frames }`; or the file itself as the raw body.',
          querystring: hashQuery,
        },
        config: { permission: 'scan', bodyTypes: ['application/json', ...MEDIA_BODY_TYPES] },
      },
      async (request) => {
        let hashes: MediaHashes;
        if (request.body && typeof (request.body as NodeJS.ReadableStream).pipe === 'function') {
          hashes = matchable(await s.media.hash(mediaStream(request.body), { secondsPerHash: request.query.secondsPerHash, dihedral: true }));
        } else {
          const m = parseInput(matchBody, request.body);
          hashes = m.vpdq
            ? { kind: 'video', frames: m.vpdq.map((f) => ({ ...f, hash: f.hash.toLowerCase() })), md5: m.md5?.toLowerCase(), sha256: m.sha256?.toLowerCase() }
            : { kind: 'image', md5: m.md5?.toLowerCase(), sha256: m.sha256?.toLowerCase(), ...(m.pdq ? { pdq: { hash: m.pdq.toLowerCase(), quality: m.quality } } : {}) };
        }
        return { matches: await s.banks.match(hashes) };
      },
    );
  });

  app.get('/v1/banks', { schema: { tags: ['banks'], summary: 'Banks with their entry counts' }, config: { permission: 'banks:read' } }, async () => ({
    banks: await s.banks.list(),
  }));
  app.post(
    '/v1/banks',
    { schema: { tags: ['banks'], summary: 'Create a bank', body: bankInputSchema }, config: { permission: 'banks:write' } },
    async (request, reply) => reply.status(201).send(await s.banks.create(request.body, principalOf(request).actor)),
  );
  app.get('/v1/banks/:name', { schema: { tags: ['banks'], summary: 'One bank', params: bankName }, config: { permission: 'banks:read' } }, async (request) =>
    s.banks.get(request.params.name),
  );
  app.patch(
    '/v1/banks/:name',
    { schema: { tags: ['banks'], summary: 'Enable, disable or re-configure a bank', params: bankName, body: bankUpdateSchema }, config: { permission: 'banks:write' } },
    async (request) => s.banks.update(request.params.name, request.body, principalOf(request).actor),
  );
  app.get(
    '/v1/banks/:name/entries',
    {
      schema: {
        tags: ['banks'],
        summary: 'Entries in id order (page with afterId)',
        params: bankName,
        querystring: z.object({ afterId: wholeNumber(0).optional(), limit: wholeNumber(1, 10_000).default(100) }).strict(),
      },
      config: { permission: 'banks:export' },
    },
    async (request) => ({ entries: await s.banks.entries(request.params.name, request.query) }),
  );
  app.post(
    '/v1/banks/:name/entries',
    {
      schema: {
        tags: ['banks'],
        summary: 'Add hashes (manual provenance)',
        params: bankName,
        body: z.object({ entries: z.array(z.unknown()).min(1).max(100_000), sourceRef: z.string().max(500).optional() }).strict(),
      },
      config: { permission: 'banks:write' },
    },
    async (request, reply) => {
      const result = await s.banks.addEntries(request.params.name, request.body.entries as z.input<typeof entryInputSchema>[], principalOf(request).actor, 'manual', request.body.sourceRef);
      return reply.status(201).send({ added: result.added.length, duplicates: result.duplicates, entries: result.added });
    },
  );
  app.patch(
    '/v1/banks/:name/entries/:id',
    { schema: { tags: ['banks'], summary: 'Enable or disable an entry', params: entryParams, body: z.object({ enabled: z.boolean() }).strict() }, config: { permission: 'banks:write' } },
    async (request, reply) => {
      await s.banks.setEntryEnabled(request.params.name, request.params.id, request.body.enabled, principalOf(request).actor);
      return reply.status(204).send();
    },
  );
  app.delete(
    '/v1/banks/:name/entries/:id',
    { schema: { tags: ['banks'], summary: 'Delete an entry (kept in the audit log)', params: entryParams }, config: { permission: 'banks:write' } },
    async (request, reply) => {
      await s.banks.deleteEntry(request.params.name, request.params.id, principalOf(request).actor);
      return reply.status(204).send();
    },
  );
  app.post(
    '/v1/banks/:name/import',
    {
      schema: {
        tags: ['banks'],
        summary: 'Import a hash list: CSV `signal_type,signal_value[,category,note]`, or a vPDQ hash file (format=vpdq)',
        params: bankName,
        body: z
          .object({
            csv: z.string().max(200_000_000).optional(),
            vpdq: z.string().max(200_000_000).optional(),
            id: z.string().max(200).optional(),
            category: z.enum(CATEGORY_IDS).optional(),
            provenance: z.enum(['import', 'regulator_order']).default('import'),
            sourceRef: z.string().max(500).optional(),
          })
          .strict()
          .refine((b) => (b.csv === undefined) !== (b.vpdq === undefined), { message: 'give exactly one of csv and vpdq' }),
      },
      config: { permission: 'banks:write' },
    },
    async (request, reply) => {
      const b = request.body;
      const actor = principalOf(request).actor;
      const result =
        b.csv !== undefined
          ? await s.banks.importCsv(request.params.name, b.csv, actor, { ...(b.category ? { category: b.category } : {}), provenance: b.provenance, ...(b.sourceRef ? { sourceRef: b.sourceRef } : {}) })
          : await s.banks.importVpdq(request.params.name, b.vpdq!, actor, { ...(b.id ? { id: b.id } : {}), ...(b.category ? { category: b.category } : {}) });
      return reply.status(201).send({ added: result.added.length, duplicates: result.duplicates });
    },
  );
  app.get(
    '/v1/banks/:name/export',
    { schema: { tags: ['banks'], summary: 'Export as CSV (`signal_type,signal_value,category,note`)', params: bankName }, config: { permission: 'banks:export' } },
    async (request, reply) => reply.type('text/csv; charset=utf-8').send(await s.banks.exportCsv(request.params.name)),
  );
};
