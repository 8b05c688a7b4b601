import { z } from 'zod';
import type { Routes } from '../http/app.js';
import { principalOf } from '../access/auth.js';
import type { LexiconsApi } from './store.js';
import { versionNumber } from '../shared/validate.js';

const name = z.object({ name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/) });

export const lexiconRoutes: Routes<{ lexicons: LexiconsApi }> = (app, saring) => {
  app.get(
    '/v1/lexicons',
    { schema: { tags: ['lexicons'], summary: 'Every lexicon with its active version' }, config: { permission: 'lexicon:read' } },
    async () => ({ lexicons: await saring.lexicons.list() }),
  );
  app.get(
    '/v1/lexicons/:name',
    {
      schema: {
        tags: ['lexicons'],
        summary: 'A lexicon with its entries (active version, or ?version=N)',
        params: name,
        querystring: z.object({ version: versionNumber().optional() }).strict(),
      },
      config: { permission: 'lexicon:read' },
    },
    async (request) => saring.lexicons.get(request.params.name, request.query.version),
  );
  app.put(
    '/v1/lexicons/:name',
    {
      schema: {
        tags: ['lexicons'],
        summary: 'Store a whole lexicon as its next version (creates it if new)',
        params: name,
        body: z
          .object({
            category: z.string(),
            kind: z.enum(['terms', 'domains']).default('terms'),
            entries: z.array(z.unknown()),
            note: z.string().max(1000).optional(),
          })
          .strict(),
      },
      config: { permission: 'lexicon:write' },
    },
    async (request) => {
      const { note, ...lexicon } = request.body;
      return saring.lexicons.save({ ...lexicon, name: request.params.name, version: 1 }, principalOf(request).actor, note);
    },
  );
  app.post(
    '/v1/lexicons/:name/entries',
    {
      schema: {
        tags: ['lexicons'],
        summary: 'Add entries (a new version)',
        params: name,
        body: z.object({ entries: z.array(z.unknown()).min(1).max(20_000), note: z.string().max(1000).optional() }).strict(),
      },
      config: { permission: 'lexicon:write' },
    },
    async (request) => saring.lexicons.addEntries(request.params.name, request.body.entries, principalOf(request).actor, request.body.note),
  );
  app.post(
    '/v1/lexicons/:name/entries/remove',
    {
      schema: {
        tags: ['lexicons'],
        summary: 'Remove entries by term (a new version)',
        params: name,
        body: z.object({ terms: z.array(z.string().min(1).max(500)).min(1).max(20_000), note: z.string().max(1000).optional() }).strict(),
      },
      config: { permission: 'lexicon:write' },
    },
    async (request) => saring.lexicons.removeEntries(request.params.name, request.body.terms, principalOf(request).actor, request.body.note),
  );
  app.get(
    '/v1/lexicons/:name/versions',
    { schema: { tags: ['lexicons'], summary: "A lexicon's versions", params: name }, config: { permission: 'lexicon:read' } },
    async (request) => ({ versions: await saring.lexicons.history(request.params.name) }),
  );
  app.post(
    '/v1/lexicons/:name/versions/:version/activate',
    {
      schema: {
        tags: ['lexicons'],
        summary: 'Activate an earlier version (rollback)',
        params: name.extend({ version: versionNumber() }),
      },
      config: { permission: 'lexicon:write' },
    },
    async (request) => {
      await saring.lexicons.activateVersion(request.params.name, request.params.version, principalOf(request).actor);
      return saring.lexicons.get(request.params.name);
    },
  );
  app.patch(
    '/v1/lexicons/:name',
    {
      schema: { tags: ['lexicons'], summary: 'Enable or disable a lexicon', params: name, body: z.object({ enabled: z.boolean() }).strict() },
      config: { permission: 'lexicon:write' },
    },
    async (request) => {
      await saring.lexicons.setEnabled(request.params.name, request.body.enabled, principalOf(request).actor);
      return saring.lexicons.get(request.params.name);
    },
  );
};
