import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../config/paths.js';
import { SaringError } from '../errors/errors.js';
import { Model, readModelMeta, WEIGHTS_FILE, type ModelMeta } from '../signals/text/classifier/model.js';

// The models shipped in the package and a model built from its weights, without the database:
// `saring scan` loads this module, not the registry (which brings the query builder along).

/** A model ready to score text, with the version scans cite. */
export interface LoadedModel {
  name: string;
  version: number | 'builtin';
  model: Model;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Builds a model from its metadata and the raw float32 weights (little-endian, as saved). */
export function modelFromBytes(meta: ModelMeta, bytes: Buffer): Model {
  if (bytes.length % 4 !== 0) throw new SaringError('validation_failed', 'The model weights are not a float32 array.');
  const weights = new Float32Array(bytes.length / 4);
  new Uint8Array(weights.buffer).set(bytes);
  return new Model(meta, weights);
}

export function readModelDir(dir: string): { meta: ModelMeta; bytes: Buffer } {
  const meta = readModelMeta(dir);
  const file = join(dir, meta.weights?.file ?? WEIGHTS_FILE);
  if (!existsSync(file)) throw new SaringError('not_found', `The model in ${dir} has no ${meta.weights?.file ?? WEIGHTS_FILE}.`);
  const bytes = readFileSync(file);
  if (meta.weights?.sha256 && sha256(bytes) !== meta.weights.sha256) {
    throw new SaringError('validation_failed', `${file} does not match the SHA-256 in its model.json.`);
  }
  modelFromBytes(meta, bytes); // refuses a model that does not load
  return { meta, bytes };
}

/** The models that ship with Saring (`models/<name>/`). */
export function shippedModels(): { name: string; dir: string }[] {
  const root = join(packageRoot(), 'models');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'model.json')))
    .map((d) => ({ name: d.name, dir: join(root, d.name) }));
}

/** The shipped models, loaded from the package (no database: `saring scan` without a data directory). */
export function builtinModels(): Map<string, LoadedModel> {
  const out = new Map<string, LoadedModel>();
  for (const { name, dir } of shippedModels()) {
    const { meta, bytes } = readModelDir(dir);
    out.set(name, { name, version: 'builtin', model: modelFromBytes(meta, bytes) });
  }
  return out;
}
