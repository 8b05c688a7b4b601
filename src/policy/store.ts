import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { appendAudit, type Actor } from '../audit/log.js';
import { notFound, SaringError } from '../errors/errors.js';
import { bumpScanConfigGeneration } from '../db/generation.js';
import { policyLabel, validatePolicy, type ParsedPolicy } from './document.js';
import type { PolicyDocument } from './schema.js';

export interface PolicyVersion {
  version: number;
  policyId: string;
  /** How scans cite it: `<policy id>@v<version>`. */
  label: string;
  document: PolicyDocument;
  source: string;
  sha256: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
  active: boolean;
  activatedAt: string | null;
}

/** The policy part of the engine. */
export interface PolicyApi {
  validate(source: string): ParsedPolicy;
  /** Stores the document as a new version and activates it. */
  activate(source: string, actor: Actor, note?: string): Promise<PolicyVersion>;
  /** Activates a stored version (rollback). */
  activateVersion(version: number, actor: Actor): Promise<PolicyVersion>;
  active(): Promise<PolicyVersion | undefined>;
  get(version: number): Promise<PolicyVersion>;
  history(): Promise<Omit<PolicyVersion, 'document' | 'source'>[]>;
}

type Row = {
  version: number;
  policy_id: string;
  document: unknown;
  source: string;
  sha256: string;
  note: string | null;
  created_by: string;
  created_at: Date;
  active: boolean;
  activated_at: Date | null;
};

export { policyLabel } from './document.js';

function toVersion(r: Row): PolicyVersion {
  // Stored documents were valid when stored; parsing again fills defaults added since.
  const { document } = validatePolicy(r.document, r.source);
  return {
    version: r.version,
    policyId: r.policy_id,
    label: policyLabel(r.policy_id, r.version),
    document,
    source: r.source,
    sha256: r.sha256,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    active: r.active,
    activatedAt: r.activated_at?.toISOString() ?? null,
  };
}

export async function activePolicy(db: Db): Promise<PolicyVersion | undefined> {
  const row = await db.selectFrom('policy_versions').selectAll().where('active', '=', true).executeTakeFirst();
  return row ? toVersion(row as Row) : undefined;
}

export async function getPolicyVersion(db: Db, version: number): Promise<PolicyVersion> {
  const row = await db.selectFrom('policy_versions').selectAll().where('version', '=', version).executeTakeFirst();
  if (!row) throw notFound('Policy version', String(version));
  return toVersion(row as Row);
}

export async function policyHistory(db: Db): Promise<Omit<PolicyVersion, 'document' | 'source'>[]> {
  const rows = await db.selectFrom('policy_versions').selectAll().orderBy('version', 'desc').execute();
  return rows.map((r) => {
    const { document: _d, source: _s, ...rest } = toVersion(r as Row);
    return rest;
  });
}

/**
 * Stores a policy as a new version and, unless `activate` is false, makes it the active one.
 * A document identical to the active one is not stored twice.
 */
export async function savePolicy(
  db: Db,
  parsed: ParsedPolicy,
  options: { actor: Actor; note?: string; activate?: boolean },
): Promise<PolicyVersion> {
  return db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE policy_versions IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    const current = await activePolicy(trx);
    if (current && current.sha256 === parsed.sha256 && options.activate !== false) return current;
    const max = await trx.selectFrom('policy_versions').select(sql<number>`coalesce(max(version), 0)`.as('v')).executeTakeFirstOrThrow();
    const version = max.v + 1;
    await trx
      .insertInto('policy_versions')
      .values({
        version,
        policy_id: parsed.document.id,
        document: JSON.stringify(parsed.document),
        source: parsed.source,
        sha256: parsed.sha256,
        note: options.note ?? null,
        created_by: options.actor,
      })
      .execute();
    await appendAudit(trx, {
      actor: options.actor,
      action: 'policy.created',
      subjectType: 'policy',
      subjectId: String(version),
      data: { policyId: parsed.document.id, sha256: parsed.sha256, note: options.note ?? null },
    });
    if (options.activate !== false) await activateVersion(trx, version, options.actor);
    return getPolicyVersion(trx, version);
  });
}

/** Makes a stored version the active one (also how a rollback is done). */
export async function activatePolicyVersion(db: Db, version: number, actor: Actor): Promise<PolicyVersion> {
  return db.transaction().execute(async (trx) => {
    await activateVersion(trx, version, actor);
    return getPolicyVersion(trx, version);
  });
}

async function activateVersion(trx: Db, version: number, actor: Actor): Promise<void> {
  const target = await trx.selectFrom('policy_versions').select(['version', 'active', 'sha256']).where('version', '=', version).executeTakeFirst();
  if (!target) throw notFound('Policy version', String(version));
  if (target.active) throw new SaringError('invalid_state', `Policy version ${version} is already active.`);
  const previous = await trx.selectFrom('policy_versions').select('version').where('active', '=', true).executeTakeFirst();
  await trx.updateTable('policy_versions').set({ active: false }).where('active', '=', true).execute();
  await trx.updateTable('policy_versions').set({ active: true, activated_at: new Date() }).where('version', '=', version).execute();
  await appendAudit(trx, {
    actor,
    action: 'policy.activated',
    subjectType: 'policy',
    subjectId: String(version),
    data: { previousVersion: previous?.version ?? null, sha256: target.sha256 },
  });
  await bumpScanConfigGeneration(trx);
}
