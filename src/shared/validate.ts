import type { z } from 'zod';
import { SaringError, type ErrorCode } from '../errors/errors.js';

/** Formats zod issues as `path: message` lines a caller can act on. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`);
}

/**
 * Validates with a zod schema. Problems become the catalogue's `validation_failed` (or the code a
 * refinement names in `params.code`, e.g. `text_too_large`), listed in `details.problems`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, code: ErrorCode = 'validation_failed'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = describeIssues(result.error);
  let named: ErrorCode | undefined;
  for (const issue of result.error.issues) {
    if (issue.code === 'custom' && typeof issue.params?.['code'] === 'string') named = issue.params['code'] as ErrorCode;
  }
  throw new SaringError(named ?? code, problems.join('; '), { problems });
}
