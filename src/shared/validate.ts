import { z } from 'zod';
import { SaringError, type ErrorCode } from '../errors/errors.js';
import { checkJsonValue } from './json.js';

/** At most this many problems are described (an array of 300,000 bad items has 300,000). */
export const MAX_PROBLEMS = 20;

/** Formats zod issues as `path: message` lines a caller can act on (the first 20, each bounded). */
export function describeIssues(error: z.ZodError): string[] {
  const lines = error.issues.slice(0, MAX_PROBLEMS).map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`.slice(0, 300));
  if (error.issues.length > MAX_PROBLEMS) lines.push(`… and ${error.issues.length - MAX_PROBLEMS} more problems`);
  return lines;
}

/**
 * Validates an input from outside (every door's bodies, paths and queries, and every engine call,
 * go through here). First the rules for any value ({@link checkJsonValue}: well-formed Unicode, no
 * NUL, bounded nesting), then the zod schema. Problems become the catalogue's `validation_failed`
 * (or the code a refinement names in `params.code`, e.g. `text_too_large`), listed in
 * `details.problems`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, code: ErrorCode = 'validation_failed'): z.output<S> {
  checkJsonValue(input);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = describeIssues(result.error);
  let named: ErrorCode | undefined;
  for (const issue of result.error.issues) {
    if (issue.code === 'custom' && typeof issue.params?.['code'] === 'string') named = issue.params['code'] as ErrorCode;
  }
  throw new SaringError(named ?? code, problems.join('; '), { problems });
}

/** PostgreSQL's largest `integer`: version numbers are stored as one. */
const MAX_INT4 = 2_147_483_647;

/** A whole number from a path or query string (ids, sequence numbers, limits), never past what storage can hold. */
export function wholeNumber(min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return z.coerce.number().int().min(min).max(max);
}

/** A version number (policy, lexicon, model) from a path or query string. */
export function versionNumber() {
  return wholeNumber(1, MAX_INT4);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text is a uuid (Saring's ids): anything else names no row, and is not sent to a uuid column. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
