import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connect.js';
import { scanConfigGeneration } from '../db/generation.js';
import { activeLexicons } from '../lexicons/store.js';
import { defaultPolicy } from '../policy/document.js';
import { validatePolicy } from '../policy/document.js';
import type { PolicyDocument } from '../policy/schema.js';
import { activePolicy, policyLabel } from '../policy/store.js';
import { compileLexicons, loadDefaultLexicons, type CompiledLexicons, type Lexicon } from '../signals/text/index.js';

/** Everything a scan needs, loaded once and compiled. */
export interface ScanConfig {
  policy: PolicyDocument;
  /** `<policy id>@v<version>`, or `@builtin` when no database was read. */
  policyVersion: string;
  lexicons: Lexicon[];
  compiled: CompiledLexicons;
  generation: number;
}

function build(policy: PolicyDocument, policyVersion: string, lexicons: Lexicon[], generation: number): ScanConfig {
  return { policy, policyVersion, lexicons, compiled: compileLexicons(lexicons), generation };
}

/** The shipped defaults, for scanning with no database at all. */
export function builtinScanConfig(): ScanConfig {
  const policy = defaultPolicy().document;
  return build(policy, policyLabel(policy.id, 'builtin'), loadDefaultLexicons(), -1);
}

export async function loadScanConfig(db: Db): Promise<ScanConfig> {
  const generation = await scanConfigGeneration(db);
  const active = await activePolicy(db);
  if (!active) return { ...builtinScanConfig(), lexicons: await activeLexicons(db) };
  return build(active.document, active.label, await activeLexicons(db), generation);
}

/**
 * A copy of the active scan configuration written into the PGlite data directory, so
 * `saring scan` can start in milliseconds and work while a server owns the database.
 */
const SNAPSHOT = 'scan-config.json';

interface Snapshot {
  format: 1;
  policy: unknown;
  policyVersion: string;
  lexicons: Lexicon[];
  generation: number;
  writtenAt: string;
}

export function writeScanSnapshot(dataDir: string, config: ScanConfig): void {
  const snap: Snapshot = {
    format: 1,
    policy: config.policy,
    policyVersion: config.policyVersion,
    lexicons: config.lexicons,
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
  if (snap.format !== 1) return undefined;
  return build(validatePolicy(snap.policy).document, snap.policyVersion, snap.lexicons, snap.generation);
}
