import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { principalOf } from '../access/auth.js';
import { SaringError } from '../errors/errors.js';
import { mediaStream, withMediaBodies, type Routes } from '../http/app.js';
import type { MediaApi } from '../media/api.js';
import { wholeNumber } from '../shared/validate.js';
import type { RegulatorApi } from './regulator.js';

/** What a screenshot may come as: an image (a label the bytes must bear out) or unlabelled bytes. */
export const SCREENSHOT_BODY_TYPES = ['application/octet-stream', 'image/*'] as const;

const screenshotSchema = z.object({ upload: z.string(), bytes: z.number(), sha256: z.string() });
const screenshotParams = z.object({ id: z.string().min(1).max(200), index: wholeNumber(0, 19) });

/**
 * Screenshots for an officer's order (Permenkominfo 5/2020 Art. 15–16): the officer may not use
 * `POST /v1/uploads` (that is the platform's `scan`), so orders have an upload of their own, for
 * images only, into the same media intake (same limits and checks).
 */
export const screenshotRoutes: Routes<{ regulator: RegulatorApi; media: MediaApi }> = async (app, saring) => {
  await withMediaBodies(app, (scope) => {
    scope.post(
      '/v1/regulator/screenshots',
      {
        schema: {
          tags: ['regulator'],
          summary: 'Upload a screenshot (an image, raw body) for a later order’s `screenshots`',
          description:
            'curl --data-binary @shot.png -H "content-type: image/png" …/v1/regulator/screenshots. Returns 201 `{ upload, bytes, sha256 }`, also for bytes stored before (an officer does not learn what others uploaded); ' +
            'send the `upload` in `screenshots` with `POST /v1/regulator/orders`. The same limits and checks as `POST /v1/uploads`: over `SARING_MEDIA_MAX_BYTES`, ' +
            'a decompression bomb or frames over 4096 pixels a side: 413; corrupt: 422; a video or anything not an image: 415, and nothing is kept.',
          response: { 201: screenshotSchema },
        },
        config: { permission: 'orders:submit', bodyTypes: SCREENSHOT_BODY_TYPES },
      },
      async (request, reply) => {
        const stored = await saring.media.upload(mediaStream(request.body));
        if (stored.kind !== 'image') {
          // Stored by this request only: removed again (an upload that was there before stays).
          if (stored.created) await saring.media.removeUpload(stored.upload);
          throw new SaringError('unsupported_media', `A screenshot is an image; this is a ${stored.kind}.`, { kind: stored.kind });
        }
        // 201 whether or not these bytes were stored before: a 200 would tell an officer that someone had uploaded them.
        return reply.status(201).send({ upload: stored.upload, bytes: stored.bytes, sha256: stored.sha256 });
      },
    );
  });

  app.get(
    '/v1/regulator/orders/:id/screenshots/:index',
    {
      schema: {
        tags: ['regulator'],
        summary: 'An order’s screenshot itself (by position in `screenshots`): 404 for an order of another organisation (its existence is not revealed)',
        params: screenshotParams,
      },
      config: { permission: 'orders:read' },
    },
    async (request, reply) => {
      const file = await saring.regulator.screenshot(request.params.id, request.params.index, principalOf(request));
      return reply
        .type(file.mimeType)
        .header('content-length', file.bytes)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(file.path));
    },
  );
};
