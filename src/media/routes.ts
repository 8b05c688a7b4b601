import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { MEDIA_BODY_TYPES, mediaStream, withMediaBodies, type Routes } from '../http/app.js';
import type { MediaApi } from './api.js';
import { wholeNumber } from '../shared/validate.js';

/** One `Range: bytes=a-b` of a file (a player seeking); several ranges are answered whole. */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2])); // the last N bytes
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

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
    '/v1/content/:id/media/:index',
    {
      schema: {
        tags: ['media'],
        summary: "A content item's image or video itself (uploads and paths under the media roots), with byte ranges for players",
        params: z.object({ id: z.string().min(1).max(256), index: wholeNumber(0, 19) }),
      },
      config: { permission: 'content:read' },
    },
    async (request, reply) => {
      const file = await saring.media.file(request.params.id, request.params.index);
      reply.type(file.mimeType).header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff');
      const range = byteRange(request.headers.range, file.bytes);
      if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${file.bytes}`).send();
      if (!range) return reply.header('content-length', file.bytes).send(createReadStream(file.path));
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${file.bytes}`)
        .header('content-length', range.end - range.start + 1)
        .send(createReadStream(file.path, range));
    },
  );

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
