import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { checkJsonValue } from '../shared/json.js';
import { describeIssues } from '../shared/validate.js';
import { dataPath } from '../config/paths.js';
import { shippedYamlDocument, yaml } from '../shared/shipped-yaml.js';
import { SaringError } from '../errors/errors.js';
import { policySchema, type PolicyDocument } from './schema.js';

export interface ParsedPolicy {
  document: PolicyDocument;
  /** The text as written (kept so history shows what the author wrote, comments included). */
  source: string;
  sha256: string;
}

/**
 * Parses a policy from YAML or JSON text (JSON is YAML) and validates it.
 * @throws SaringError `invalid_policy` with every problem listed in `details.problems`.
 */
export function parsePolicy(source: string): ParsedPolicy {
  if (source.length > 1_000_000) throw new SaringError('invalid_policy', 'The policy is over 1 MB.');
  let raw: unknown;
  const { parse: parseYaml, YAMLParseError } = yaml(); // loaded on use: the shipped policy comes parsed from the build
  try {
    raw = parseYaml(source, { maxAliasCount: 100 });
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}` : '';
    throw new SaringError('invalid_policy', `The policy is not valid YAML or JSON${where}: ${(err as Error).message}`);
  }
  return validatePolicy(raw, source);
}

export function validatePolicy(raw: unknown, source = JSON.stringify(raw, null, 2)): ParsedPolicy {
  checkJsonValue(source);
  checkJsonValue(raw);
  const result = policySchema.safeParse(raw);
  if (!result.success) {
    const problems = describeIssues(result.error);
    throw new SaringError('invalid_policy', `The policy is not valid: ${problems.join('; ')}`, { problems });
  }
  return { document: result.data, source, sha256: createHash('sha256').update(source).digest('hex') };
}

/** How scans and reports name a policy version: `<id>@v<version>`, or `<id>@builtin` for the shipped file. */
export function policyLabel(policyId: string, version: number | 'builtin'): string {
  return `${policyId}@${version === 'builtin' ? 'builtin' : `v${version}`}`;
}

/** The default policy for Indonesia that ships with the package. */
export function defaultPolicy(): ParsedPolicy {
  const source = readFileSync(dataPath('policies', 'indonesia-default.yaml'), 'utf8');
  const parsed = shippedYamlDocument(source); // parsed at build time when the file is as shipped; validated all the same
  return parsed === undefined ? parsePolicy(source) : validatePolicy(parsed, source);
}
