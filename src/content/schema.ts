import { z } from 'zod';
import { AUDIENCES } from '../policy/schema.js';
import { CONTENT_KINDS, textsSchema, wellFormed } from '../scan/schema.js';

const externalId = z
  .string()
  .min(1)
  .max(256)
  .refine(wellFormed, { message: 'contains unpaired surrogates (invalid Unicode)' });

const pdqHex = z.string().regex(/^[0-9a-fA-F]{64}$/, 'a PDQ hash is 64 hex digits').transform((h) => h.toLowerCase());
const quality = z.number().int().min(0).max(100);

const rect = z.object({ x: z.number().int().min(0), y: z.number().int().min(0), width: z.number().int().min(1), height: z.number().int().min(1) }).strict();
const dihedral = z.record(z.string().max(20), pdqHex);
const croppedSchema = z.object({ hash: pdqHex, quality, rect: rect.optional(), dihedral: dihedral.optional() }).strict();

/**
 * A media item of the content with its hashes. The output of `POST /v1/hash` or `saring hash
 * --json` can be sent as it is (plus `type`); a platform with its own PDQ/vPDQ hasher sends the
 * same fields. The hashes are matched against the banks and kept, so that a removal banks them
 * and later bank entries are matched against stored content.
 */
export const mediaSchema = z
  .object({
    type: z.enum(['image', 'video', 'audio']),
    /**
     * Where Saring reads the media to analyse it (frames, on-screen text, nudity, speech): an id
     * from `POST /v1/uploads`, a file under the operator's `SARING_MEDIA_ROOTS`, or (when
     * `SARING_MEDIA_FETCH` is on) the `url`. Content with such media is analysed in a job.
     */
    upload: z.string().regex(/^[0-9a-fA-F]{64}$/, 'an upload id is 64 hex digits').transform((h) => h.toLowerCase()).optional(),
    path: z.string().min(1).max(4096).refine(wellFormed).optional(),
    url: z.string().url().max(2048).optional(),
    md5: z.string().regex(/^[0-9a-fA-F]{32}$/).transform((h) => h.toLowerCase()).optional(),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).transform((h) => h.toLowerCase()).optional(),
    kind: z.enum(['image', 'video']).optional(),
    pdq: z.object({ hash: pdqHex, quality }).strict().optional(),
    /** The eight rotations and mirrors (`POST /v1/hash?dihedral=true`): a rotated re-upload still matches. */
    dihedral: dihedral.optional(),
    cropped: croppedSchema.optional(),
    vpdq: z
      .array(z.object({ frame: z.number().int().min(0), quality, hash: pdqHex, timestamp: z.number().min(0), cropped: croppedSchema.optional() }).strict())
      .max(100_000)
      .optional(),
    width: z.number().int().min(0).optional(),
    height: z.number().int().min(0).optional(),
    info: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((m) => m.type === 'video' || m.vpdq === undefined, { message: 'vpdq is for videos' })
  .refine((m) => m.type === 'image' || (m.pdq === undefined && m.cropped === undefined), { message: 'pdq is for images' })
  .refine((m) => m.kind === undefined || m.kind === m.type, { message: 'kind and type disagree' })
  .refine((m) => m.upload === undefined || m.path === undefined, { message: 'give upload or path, not both' });

export const contentInputSchema = z
  .object({
    externalId,
    kind: z.enum(CONTENT_KINDS),
    account: z
      .object({ externalId, displayName: z.string().max(200).refine(wellFormed).optional() })
      .strict()
      .optional(),
    texts: textsSchema.default({}),
    media: z.array(mediaSchema).max(20).default([]),
    audience: z.enum(AUDIENCES).default('general'),
    metadata: z.record(z.string().max(64), z.unknown()).optional(),
  })
  .strict();

export type ContentInput = z.input<typeof contentInputSchema>;
export type ValidContentInput = z.output<typeof contentInputSchema>;
