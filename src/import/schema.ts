import { z } from 'zod';
import { contentInputSchema } from '../content/schema.js';

/** How far in the future a `createdAt` may be (clocks differ a little). */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;

/**
 * One item of a bulk import (a JSONL line, a mapped CSV row, an item of `POST /v1/content/batch`):
 * the content input of `POST /v1/content` plus `createdAt`, when the platform created the item
 * (ISO 8601 with a time zone), kept as the item's `postedAt`.
 */
export const importItemSchema = contentInputSchema
  .extend({
    createdAt: z.iso
      .datetime({ offset: true })
      .refine((t) => !(Date.parse(t) > Date.now() + FUTURE_SKEW_MS), { message: 'is in the future (check the clock of the system that wrote it)', params: { code: 'time_in_future' } })
      .optional(),
  })
  .strict();

export type ImportItem = z.input<typeof importItemSchema>;
export type ValidImportItem = z.output<typeof importItemSchema>;

export const IMPORT_LIMITS = {
  /** Items per `POST /v1/content/batch`. */
  maxBatchItems: 1000,
  /** Bytes of a `POST /v1/content/batch` body. */
  maxBatchBodyBytes: 16 * 1024 * 1024,
  /** A line (JSONL) or record (CSV) of an import file, in bytes: longer ones are rejected. */
  maxLineBytes: 1024 * 1024,
  /** Rows per transaction of `saring import` (and its checkpoint). */
  defaultBatchRows: 1000,
  maxBatchRows: 5000,
  /** Characters of a rejected record kept with the run and in the rejects file. */
  excerptChars: 2000,
} as const;
