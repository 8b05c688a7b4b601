import { sql } from 'kysely';
import { appendAudit, type Actor } from '../audit/log.js';
import type { Db } from '../db/connect.js';
import { bumpScanConfigGeneration } from '../db/generation.js';
import { notFound, SaringError } from '../errors/errors.js';
import type { Metrics, ModelMeta, Prediction } from '../signals/text/classifier/model.js';
import { modelFromBytes, readModelDir, sha256, type LoadedModel } from './builtin.js';

export { builtinModels, modelFromBytes, shippedModels, type LoadedModel } from './builtin.js';

/** A model version as the registry lists it (without its weights). */
export interface ModelVersion {
  name: string;
  version: number;
  labels: string[];
  task: string;
  sha256: string;
  bytes: number;
  source: string | null;
  note: string | null;
  metrics: unknown;
  trainedAt: string | null;
  createdBy: string;
  createdAt: string;
  active: boolean;
  activatedAt: string | null;
}

/** The models part of the engine. */
export interface ModelsApi {
  list(name?: string): Promise<ModelVersion[]>;
  /** Stores a trained model folder as the next version of `name` and activates it (unless `activate: false`). */
  register(name: string, dir: string, actor: Actor, options?: { note?: string; activate?: boolean }): Promise<ModelVersion>;
  activate(name: string, version: number, actor: Actor): Promise<ModelVersion>;
  /** Trains a new version from labelled rows in a job; it is registered (and, if asked, activated) when done. */
  train(name: string, request: unknown, actor: Actor): Promise<{ jobId: string }>;
  /** Precision, recall and F1 of the active version on labelled rows. */
  evaluate(name: string, rows: unknown): Promise<Metrics>;
  /** The active version's scores for some texts, with the features that moved them. */
  predict(name: string, texts: string[]): Promise<{ model: string; version: number | 'builtin'; predictions: Prediction[] }>;
}

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

type Row = {
  name: string;
  version: number;
  metadata: unknown;
  sha256: string;
  source: string | null;
  note: string | null;
  created_by: string;
  created_at: Date;
  active: boolean;
  activated_at: Date | null;
};

function toVersion(r: Row, bytes: number): ModelVersion {
  const meta = r.metadata as ModelMeta;
  return {
    name: r.name,
    version: r.version,
    labels: meta.labels.map((l) => l.name),
    task: meta.task,
    sha256: r.sha256,
    bytes,
    source: r.source,
    note: r.note,
    metrics: meta.training?.holdoutMetrics ?? meta.training?.crossValidation ?? meta.training?.validationMetrics ?? null,
    trainedAt: meta.training?.date ?? null,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    active: r.active,
    activatedAt: r.activated_at?.toISOString() ?? null,
  };
}

export async function listModels(db: Db, name?: string): Promise<ModelVersion[]> {
  let q = db
    .selectFrom('models')
    .select(['name', 'version', 'metadata', 'sha256', 'source', 'note', 'created_by', 'created_at', 'active', 'activated_at', sql<number>`octet_length(weights)`.as('bytes')])
    .orderBy('name')
    .orderBy('version', 'desc');
  if (name) q = q.where('name', '=', name);
  return (await q.execute()).map((r) => toVersion(r as Row, r.bytes));
}

/**
 * Stores the model in `dir` as the next version of `name` (the same weights twice are not stored
 * twice) and, unless told otherwise, activates it.
 */
export async function registerModel(
  db: Db,
  name: string,
  dir: string,
  options: { actor: Actor; note?: string; activate?: boolean; source?: string },
): Promise<ModelVersion> {
  if (!NAME.test(name)) throw new SaringError('validation_failed', 'A model name is lower-case letters, digits, - and _ (at most 64).');
  const { meta, bytes } = readModelDir(dir);
  const digest = sha256(bytes);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(727274643)`.execute(trx);
    const same = await trx.selectFrom('models').select('version').where('name', '=', name).where('sha256', '=', digest).executeTakeFirst();
    let version = same?.version;
    if (version === undefined) {
      const max = await trx.selectFrom('models').select(sql<number>`coalesce(max(version), 0)`.as('v')).where('name', '=', name).executeTakeFirstOrThrow();
      version = max.v + 1;
      await trx
        .insertInto('models')
        .values({ name, version, metadata: JSON.stringify(meta), weights: bytes, sha256: digest, source: options.source ?? dir, note: options.note ?? null, created_by: options.actor })
        .execute();
      await appendAudit(trx, { actor: options.actor, action: 'model.registered', subjectType: 'model', subjectId: name, data: { version, sha256: digest, labels: meta.labels.map((l) => l.name), source: options.source ?? dir } });
    }
    if (options.activate !== false) await activate(trx, name, version, options.actor);
    return (await listModels(trx, name)).find((v) => v.version === version)!;
  });
}

async function activate(trx: Db, name: string, version: number, actor: Actor): Promise<void> {
  const target = await trx.selectFrom('models').select(['active']).where('name', '=', name).where('version', '=', version).executeTakeFirst();
  if (!target) throw notFound('Model version', `${name}@${version}`);
  if (target.active) return;
  await trx.updateTable('models').set({ active: false }).where('name', '=', name).where('active', '=', true).execute();
  await trx.updateTable('models').set({ active: true, activated_at: new Date() }).where('name', '=', name).where('version', '=', version).execute();
  await appendAudit(trx, { actor, action: 'model.activated', subjectType: 'model', subjectId: name, data: { version } });
  await bumpScanConfigGeneration(trx);
}

export async function activateModel(db: Db, name: string, version: number, actor: Actor): Promise<ModelVersion> {
  return db.transaction().execute(async (trx) => {
    await activate(trx, name, version, actor);
    return (await listModels(trx, name)).find((v) => v.version === version)!;
  });
}

/** The active version of every model, loaded. */
export async function activeModels(db: Db): Promise<Map<string, LoadedModel>> {
  const rows = await db.selectFrom('models').select(['name', 'version', 'metadata', 'weights']).where('active', '=', true).execute();
  return new Map(rows.map((r) => [r.name, { name: r.name, version: r.version, model: modelFromBytes(r.metadata as ModelMeta, r.weights) }]));
}
