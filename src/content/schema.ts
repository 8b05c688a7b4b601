import { z } from 'zod';
import { AUDIENCES } from '../policy/schema.js';
import { CONTENT_KINDS, textsSchema, wellFormed } from '../scan/schema.js';


const externalId = z
  .string()
  .min(1)
  .max(256)
  .refine(wellFormed, { message: 'contains unpaired surrogates (invalid Unicode)' });

export const mediaSchema = z
  .object({
    type: z.enum(['image', 'video', 'audio']),
    url: z.string().url().max(2048).optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict();

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
