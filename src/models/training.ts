import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Actor } from '../audit/log.js';
import type { Db } from '../db/connect.js';
import type { Jobs } from '../jobs/jobs.js';
import { evaluate, saveModel, trainClassifier, type Metrics, type Model } from '../signals/text/classifier/index.js';
import { registerModel } from './registry.js';

export const TRAIN_QUEUE = 'model-train';

/** Labelled rows as the API takes them: `labels` is 0/1 per label, or a class name. */
export const labelledRowsSchema = z
  .array(z.object({ text: z.string().max(64 * 1024), labels: z.union([z.array(z.union([z.literal(0), z.literal(1)])).min(1).max(50), z.string().min(1).max(100)]) }).strict())
  .min(2)
  .max(200_000);

export const trainRequestSchema = z
  .object({
    rows: labelledRowsSchema,
    labelNames: z.array(z.string().regex(/^[a-z0-9_-]{1,64}$/)).min(1).max(50).optional(),
    holdout: z.number().min(0).max(0.9).default(0.2),
    seed: z.number().int().min(0).default(1),
    /** Make the new version active when training ends (default: no; activate after looking at its metrics). */
    activate: z.boolean().default(false),
    note: z.string().max(1000).optional(),
  })
  .strict();
export type TrainRequest = z.output<typeof trainRequestSchema>;

/** Trains a model in a job and registers it as the next version of `name`. */
export function defineTrainingQueue(jobs: Jobs, db: Db): void {
  jobs.define<{ name: string; request: TrainRequest; actor: Actor }>({
    name: TRAIN_QUEUE,
    retryLimit: 0,
    expireInSeconds: 3600,
    concurrency: 1,
    handler: async ({ name, request, actor }) => {
      // As `saring model train` does by default: thresholds from inner folds, n-grams over the leet view.
      const model = await trainClassifier(request.rows, {
        thresholdFolds: 5,
        features: { charViews: ['leet'] },
        seed: request.seed,
        holdout: request.holdout,
        ...(request.labelNames ? { labelNames: request.labelNames } : {}),
        name,
      });
      const dir = mkdtempSync(join(tmpdir(), 'saring-train-'));
      try {
        saveModel(model, dir);
        await registerModel(db, name, dir, { actor, activate: request.activate, source: 'api:train', ...(request.note ? { note: request.note } : {}) });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  });
}

export function evaluateRows(model: Model, rows: z.output<typeof labelledRowsSchema>): Promise<Metrics> {
  return evaluate(model, rows);
}
