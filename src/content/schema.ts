import { z } from 'zod';
import { AUDIENCES } from '../policy/schema.js';

export const CONTENT_KINDS = ['video', 'image', 'text', 'comment', 'profile'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** Per text field, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 64 * 1024;
export const MAX_TEXT_FIELDS = 20;

const wellFormed = (s: string) => s.isWellFormed();

export const textValue = z
  .string()
  .refine(wellFormed, { message: 'contains unpaired surrogates (invalid Unicode)' })
  .refine((s) => Buffer.byteLength(s, 'utf8') <= MAX_TEXT_BYTES, {
    message: `is over ${MAX_TEXT_BYTES} bytes`,
    params: { code: 'text_too_large' },
  });

const externalId = z
  .string()
  .min(1)
  .max(256)
  .refine(wellFormed, { message: 'contains unpaired surrogates (invalid Unicode)' });

/** Named text fields of a content item: caption, title, description, hashtags, comment, bio, … */
export const textsSchema = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'field names are lower_snake_case, at most 32 characters'), textValue)
  .refine((t) => Object.keys(t).length <= MAX_TEXT_FIELDS, { message: `at most ${MAX_TEXT_FIELDS} text fields` });

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

/** What `POST /v1/scan` and `saring scan` take: texts to judge, nothing stored. */
export const scanInputSchema = z
  .object({
    kind: z.enum(CONTENT_KINDS).default('text'),
    texts: textsSchema.optional(),
    /** Shorthand for `texts: { text }`. */
    text: textValue.optional(),
    audience: z.enum(AUDIENCES).default('general'),
  })
  .strict()
  .refine((s) => s.text !== undefined || (s.texts && Object.keys(s.texts).length > 0), {
    message: 'give `text` or at least one field in `texts`',
  });

export type ScanInput = z.input<typeof scanInputSchema>;
