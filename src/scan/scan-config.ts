import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connect.js';
import { SaringError } from '../errors/errors.js';
import { compileShippedLexicons, validateLexicons } from '../lexicons/shipped.js';
import { defaultPolicy, parsePolicy, policyLabel, validatePolicy } from '../policy/document.js';
import type { PolicyDocument } from '../policy/schema.js';
import { builtinModels, modelFromBytes, type LoadedModel } from '../models/builtin.js';
import { compileLexicons, type CompiledLexicons, type Lexicon } from '../signals/text/index.js';
import type { ModelMeta } from '../signals/text/classifier/model.js';

/**
 * The database side (stores and the query builder) loads only when a configuration is read from a
 * database: `saring scan` with the shipped defaults or a snapshot starts without it.
 */
async function stores() {
  const [generation, lexicons, policies, models] = await Promise.all([
    import('../db/generation.js'),
    import('../lexicons/store.js'),
    import('../policy/store.js'),
    import('../models/registry.js'),
  ]);
  return { ...generation, ...lexicons, ...policies, ...models };
}

/** Everything a scan needs, loaded once and compiled. */
export interface ScanConfig {
  policy: PolicyDocument;
  /** `<policy id>@v<version>`, or `@builtin` when no database was read. */
  policyVersion: string;
  lexicons: Lexicon[];
  compiled: CompiledLexicons;
  /** Text classifiers by name, at their active versions. */
  models: ReadonlyMap<string, LoadedModel>;
  generation: number;
}

function build(policy: PolicyDocument, policyVersion: string, lexicons: Lexicon[], models: ReadonlyMap<string, LoadedModel>, generation: number): ScanConfig {
  // Lexicons as shipped (validated at build time) are not validated again; the others are.
  const validated = validateLexicons(lexicons);
  return { policy, policyVersion, lexicons, compiled: compileLexicons(validated.lexicons, { validated: true, tokens: validated.tokens, plans: validated.plans }), models, generation };
}

/** The shipped defaults, for scanning with no database at all. */
export function builtinScanConfig(): ScanConfig {
  const policy = defaultPolicy().document;
  // Validated at build time (or from their YAML now, when edited since) and compiled without validating again.
  const { lexicons, compiled } = compileShippedLexicons();
  return { policy, policyVersion: policyLabel(policy.id, 'builtin'), lexicons, compiled, models: builtinModels(), generation: -1 };
}

export async function loadScanConfig(db: Db): Promise<ScanConfig> {
  const { scanConfigGeneration, activePolicy, activeLexicons, activeModels } = await stores();
  const generation = await scanConfigGeneration(db);
  const active = await activePolicy(db);
  if (!active) return { ...builtinScanConfig(), lexicons: await activeLexicons(db) };
  return build(active.document, active.label, await activeLexicons(db), await activeModels(db), generation);
}

/** A configuration that is not active: a policy (its source, or a stored version) and lexicon versions. */
export interface CandidateSpec {
  policy?: { source: string } | { version: number };
  /** Lexicon name → version; the other lexicons stay at their active versions. */
  lexicons?: Record<string, number>;
}

/**
 * A scan configuration built from a candidate without activating anything (backtests): the
 * candidate policy or the active one, the candidate lexicon versions over the active ones, the
 * active models. `label` names it in scans and reports.
 * @throws SaringError `invalid_policy` (a source that does not validate, or that names a model with no active version), `not_found` (a version or lexicon).
 */
export async function loadCandidateScanConfig(db: Db, candidate: CandidateSpec, label: string): Promise<ScanConfig> {
  const { activePolicy, getPolicyVersion, activeModels, activeLexicons, getLexicon } = await stores();
  const active = await activePolicy(db);
  const policy = candidate.policy
    ? 'source' in candidate.policy
      ? parsePolicy(candidate.policy.source).document
      : (await getPolicyVersion(db, candidate.policy.version)).document
    : (active?.document ?? defaultPolicy().document);
  const models = await activeModels(db);
  const missing = Object.values(policy.categories).flatMap((c) => (c?.sources ?? []).flatMap((src) => (src !== 'lexicon' && 'model' in src && !models.has(src.model) ? [src.model] : [])));
  if (missing.length) throw new SaringError('invalid_policy', `The policy names models that have no active version: ${[...new Set(missing)].join(', ')}.`);
  const lexicons = new Map((await activeLexicons(db)).map((l) => [l.name, l]));
  for (const [name, version] of Object.entries(candidate.lexicons ?? {})) {
    const { enabled: _enabled, ...lexicon } = await getLexicon(db, name, version);
    lexicons.set(name, lexicon);
  }
  return build(policy, label, [...lexicons.values()].sort((a, b) => a.name.localeCompare(b.name)), models, -1);
}

/**
 * A copy of the active scan configuration written into the PGlite data directory, so
 * `saring scan` can start in milliseconds and work while a server owns the database.
 */
const SNAPSHOT = 'scan-config.json';

interface Snapshot {
  format: 2;
  policy: unknown;
  policyVersion: string;
  lexicons: Lexicon[];
  /** Model weights are written beside the snapshot (`scan-models/<name>-v<version>.bin`). */
  models: { name: string; version: number | 'builtin'; meta: ModelMeta; weights: string }[];
  generation: number;
  writtenAt: string;
}

export function writeScanSnapshot(dataDir: string, config: ScanConfig): void {
  const modelDir = join(dataDir, 'scan-models');
  mkdirSync(modelDir, { recursive: true });
  const models: Snapshot['models'] = [];
  for (const m of config.models.values()) {
    const weights = `${m.name}-v${m.version}-${m.model.meta.weights.sha256.slice(0, 12)}.bin`;
    const path = join(modelDir, weights);
    if (!existsSync(path)) {
      writeFileSync(`${path}.tmp`, Buffer.from(m.model.weights.buffer, m.model.weights.byteOffset, m.model.weights.byteLength));
      renameSync(`${path}.tmp`, path);
    }
    models.push({ name: m.name, version: m.version, meta: m.model.meta, weights });
  }
  const snap: Snapshot = {
    format: 2,
    policy: config.policy,
    policyVersion: config.policyVersion,
    lexicons: config.lexicons,
    models,
    generation: config.generation,
    writtenAt: new Date().toISOString(),
  };
  const tmp = join(dataDir, `${SNAPSHOT}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(snap));
  renameSync(tmp, join(dataDir, SNAPSHOT)); // atomic: readers never see half a file
}

export function readScanSnapshot(dataDir: string): ScanConfig | undefined {
  let snap: Snapshot;
  try {
    snap = JSON.parse(readFileSync(join(dataDir, SNAPSHOT), 'utf8')) as Snapshot;
  } catch {
    return undefined;
  }
  if (snap.format !== 2) return undefined;
  const models = new Map<string, LoadedModel>();
  for (const m of snap.models) {
    models.set(m.name, { name: m.name, version: m.version, model: modelFromBytes(m.meta, readFileSync(join(dataDir, 'scan-models', m.weights))) });
  }
  return build(validatePolicy(snap.policy).document, snap.policyVersion, snap.lexicons, models, snap.generation);
}
