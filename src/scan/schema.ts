import { z } from 'zod';
import { AUDIENCES } from '../policy/schema.js';

export const CONTENT_KINDS = ['video', 'image', 'text', 'comment', 'profile'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const wellFormed = (s: string) => s.isWellFormed();

/** Per text field, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 64 * 1024;
export const MAX_TEXT_FIELDS = 20;

export const textValue = z
  .string()
  .refine(wellFormed, { message: 'contains unpaired surrogates (invalid Unicode)' })
  .refine((s) => Buffer.byteLength(s, 'utf8') <= MAX_TEXT_BYTES, {
    message: `is over ${MAX_TEXT_BYTES} bytes`,
    params: { code: 'text_too_large' },
  });

/** Named text fields of a content item: caption, title, description, hashtags, comment, bio, … */
export const textsSchema = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'field names are lower_snake_case, at most 32 characters'), textValue)
  .refine((t) => Object.keys(t).length <= MAX_TEXT_FIELDS, { message: `at most ${MAX_TEXT_FIELDS} text fields` });

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
