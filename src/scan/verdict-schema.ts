/**
 * The verdict's shape as a schema, for the API's documentation and the typed clients generated from
 * it (the console among them). Each schema is checked against its TypeScript type, so the two
 * cannot drift apart.
 */
import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';
import { ACTIONS, NUDITY_CLASSES, PRIORITIES } from '../policy/schema.js';
import type { MediaFindings } from './media-findings.js';
import type { Evidence, Verdict } from './verdict.js';

const box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

const textEvidence = z.object({
  source: z.enum(['caption', 'ocr', 'asr']),
  field: z.string(),
  match: z.string(),
  start: z.number().describe('code points of the original text'),
  end: z.number(),
  term: z.string(),
  lexicon: z.string(),
  lexiconVersion: z.number(),
  weight: z.number(),
  language: z.string().optional(),
  media: z.number().optional(),
  text: z.string().optional(),
  timestamp: z.number().optional(),
  until: z.number().optional(),
  box: box.optional(),
  thumbnail: z.string().optional(),
});

const imageEvidence = z.object({
  source: z.literal('image'),
  media: z.number(),
  classifier: z.string(),
  classes: z.array(z.string()),
  score: z.number(),
  weight: z.number(),
  frames: z.array(z.object({ timestamp: z.number(), score: z.number(), thumbnail: z.string().optional() })),
});

const hashEvidence = z.object({
  source: z.literal('hash'),
  media: z.number(),
  bank: z.string(),
  entryId: z.number(),
  signalType: z.string(),
  method: z.string(),
  distance: z.number(),
  provenance: z.string(),
  sourceRef: z.string().nullable(),
  queryMatchPercent: z.number().optional(),
  comparedMatchPercent: z.number().optional(),
  frames: z
    .array(z.object({ queryFrame: z.number(), queryTimestamp: z.number(), targetFrame: z.number().optional(), targetTimestamp: z.number().optional(), distance: z.number() }))
    .optional(),
  weight: z.number(),
});

const modelEvidence = z.object({
  source: z.literal('model'),
  field: z.string(),
  model: z.string(),
  version: z.union([z.number(), z.literal('builtin')]),
  label: z.string(),
  score: z.number(),
  weight: z.number(),
  features: z.array(z.object({ feature: z.string(), weight: z.number(), start: z.number(), end: z.number() })).optional(),
  language: z.string().optional(),
  media: z.number().optional(),
  timestamp: z.number().optional(),
});

/** One fact behind a category score (see `Evidence` in scan/verdict.ts). */
export const evidenceSchema: z.ZodType<Evidence> = z.union([textEvidence, imageEvidence, hashEvidence, modelEvidence]);

const step = z.object({
  step: z.enum(['intake', 'hash', 'frames', 'keyframes', 'nudity', 'ocr', 'audio', 'speech', 'transcript', 'thumbnails']),
  status: z.enum(['ok', 'failed', 'timeout', 'skipped', 'cancelled']),
  ms: z.number(),
  reason: z.string().optional(),
  code: z.string().optional(),
});

/** What the analysis of one image or video found (see `MediaFindings`). */
export const mediaFindingsSchema: z.ZodType<MediaFindings> = z.object({
  media: z.number(),
  kind: z.enum(['image', 'video', 'unknown']),
  sha256: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  durationSeconds: z.number().optional(),
  ocr: z.array(z.object({ text: z.string(), timestamp: z.number(), until: z.number(), box, confidence: z.number(), thumbnail: z.string().optional() })).optional(),
  transcript: z.array(z.object({ text: z.string(), timestamp: z.number(), until: z.number() })).optional(),
  nudity: z
    .object({
      classifier: z.string(),
      frames: z.array(z.object({ timestamp: z.number(), scores: z.record(z.enum(NUDITY_CLASSES), z.number()), thumbnail: z.string().optional() })),
    })
    .optional(),
  speech: z.object({ detected: z.boolean(), segments: z.array(z.object({ start: z.number(), end: z.number() })), speechSeconds: z.number(), transcribed: z.boolean() }).optional(),
  frames: z.object({ sampled: z.number(), keyframes: z.number(), analysed: z.number(), duplicates: z.number() }).optional(),
  steps: z.array(step),
});

/** Where a `review` verdict sends the item. */
export const reviewRouteSchema = z.object({
  queue: z.string(),
  priority: z.enum(PRIORITIES),
  category: z.enum(CATEGORY_IDS).optional(),
  reason: z.enum(['unsupported_language', 'untranscribed_speech', 'incomplete_analysis']).optional(),
});

const ageRange = z.object({ min: z.number(), max: z.number() });

/** Self-declared ages under 18 in the text fields (see `UnderageSignal` in scan/verdict.ts). */
export const underageSignalSchema = z.object({
  score: z.number(),
  age: ageRange,
  evidence: z.array(
    z.object({
      field: z.string(),
      match: z.string(),
      start: z.number(),
      end: z.number(),
      kind: z.enum(['age', 'school_year', 'school_level', 'graduation', 'birth_year']),
      age: ageRange,
      weight: z.number(),
    }),
  ),
});

/** What a scan concludes (see `Verdict` in scan/verdict.ts). */
export const verdictSchema: z.ZodType<Verdict> = z.object({
  action: z.enum(ACTIONS),
  categories: z.array(
    z.object({
      category: z.enum(CATEGORY_IDS),
      score: z.number(),
      action: z.enum(ACTIONS),
      urgent: z.boolean(),
      legalGround: z.string(),
      evidence: z.array(evidenceSchema),
      queue: z.string().optional(),
      priority: z.enum(PRIORITIES).optional(),
    }),
  ),
  review: reviewRouteSchema.optional(),
  policyVersion: z.string(),
  signals: z.object({
    entities: z.array(z.object({ field: z.string(), type: z.enum(['url', 'domain', 'phone']), value: z.string(), match: z.string(), start: z.number(), end: z.number() })),
    languages: z.array(z.object({ field: z.string(), language: z.string(), probability: z.number(), reliable: z.boolean() })),
    media: z.array(mediaFindingsSchema).optional(),
    underage: underageSignalSchema.optional(),
  }),
});
