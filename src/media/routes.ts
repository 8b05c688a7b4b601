import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { MEDIA_BODY_TYPES, mediaStream, withMediaBodies, type Routes } from '../http/app.js';
import type { MediaApi } from './api.js';

export const mediaRoutes: Routes<{ media: MediaApi }> = async (app, saring) => {
  // Uploads stream to disk (hashed on the way, cut off at the size limit), never buffered.
  await withMediaBodies(app, (scope) => {
    scope.post(
      '/v1/uploads',
      {
        schema: {
          tags: ['media'],
          summary: 'Upload an image or video (raw body) for a later content item',
          description:
            'curl --data-binary @clip.mp4 -H "content-type: video/mp4" …/v1/uploads. Returns `{ upload, bytes, kind, sha256 }` ' +
            '(201 new, 200 known); send `media: [{ type: "video", upload }]` with `POST /v1/content` to have it analysed. ' +
            'The same bytes give the same id. Over `SARING_MEDIA_MAX_BYTES`, a decompression bomb, frames over 4096 pixels a side or ' +
            'a video longer than `SARING_MEDIA_MAX_SECONDS`: 413; corrupt: 422; not an image or video: 415.',
        },
        config: { permission: 'scan', bodyTypes: MEDIA_BODY_TYPES },
      },
      async (request, reply) => {
        const stored = await saring.media.upload(mediaStream(request.body));
        return reply.status(stored.created ? 201 : 200).send(stored);
      },
    );
  });

  app.get(
    '/v1/media/:sha256/thumbnails/:name',
    {
      schema: {
        tags: ['media'],
        summary: 'A frame thumbnail of analysed media (`t0005.00.jpg`, or `t0005.00.blur.jpg` blurred for the review console)',
        params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().max(64) }),
      },
      config: { permission: 'content:read' },
    },
    async (request, reply) => {
      const path = await saring.media.thumbnail(request.params.sha256, request.params.name);
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=86400').send(createReadStream(path));
    },
  );
};
