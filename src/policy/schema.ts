import { z } from 'zod';
import { CATEGORY_IDS } from '../categories/categories.js';

/** Actions a policy can take, from least to most severe. */
export const ACTIONS = ['allow', 'restrict_16', 'restrict_18', 'review', 'remove'] as const;
export type Action = (typeof ACTIONS)[number];
export const AUDIENCES = ['general', 'adult', 'children'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function severity(action: Action): number {
  return ACTIONS.indexOf(action);
}

const categoryId = z.enum(CATEGORY_IDS);

/** A signal that feeds a category score. `lexicon` = all enabled lexicons of the category. */
/** The classes of the nudity classifier (nsfwjs): what an image source adds up per frame. */
export const NUDITY_CLASSES = ['porn', 'hentai', 'sexy', 'drawing', 'neutral'] as const;
export type NudityClass = (typeof NUDITY_CLASSES)[number];

const source = z.union([
  z.literal('lexicon'),
  z
    .object({
      model: z.string().min(1).max(100),
      label: z.string().min(1).max(100),
      weight: z.number().min(0).max(1).default(1),
    })
    .strict(),
  /**
   * The nudity classifier over an image or the sampled frames of a video: the score is the
   * highest, over frames, of the sum of the named classes' probabilities.
   */
  z
    .object({
      image: z.literal('nudity'),
      classes: z.array(z.enum(NUDITY_CLASSES)).min(1),
      weight: z.number().min(0).max(1).default(1),
    })
    .strict(),
]);

const rule = z
  .object({
    minScore: z.number().min(0).max(1),
    action: z.enum(ACTIONS),
    /** Only for content whose audience is one of these (default: every audience). */
    audience: z.array(z.enum(AUDIENCES)).min(1).optional(),
    /** For `review`: which queue, and how soon. */
    queue: z.string().regex(/^[a-z0-9_-]{1,64}$/).optional(),
    priority: z.enum(PRIORITIES).optional(),
  })
  .strict()
  .refine((r) => r.action === 'review' || (r.queue === undefined && r.priority === undefined), {
    message: 'queue and priority apply to review rules only',
  });

const mediaRule = z
  .object({
    action: z.enum(['allow', 'review']),
    /** Only for content whose audience is one of these (default: every audience). */
    audience: z.array(z.enum(AUDIENCES)).min(1).optional(),
    queue: z.string().regex(/^[a-z0-9_-]{1,64}$/).default('media'),
    priority: z.enum(PRIORITIES).default('normal'),
  })
  .strict();

const categoryPolicy = z
  .object({
    sources: z.array(source).min(1).default(['lexicon']),
    /**
     * How several sources combine: the highest score (either suffices), noisy-OR (independent
     * evidence adds up), or the mean weighted by `weight` (both must agree to reach a high score).
     */
    combine: z.enum(['max', 'noisy_or', 'mean']).default('max'),
    /** Checked in order; the first rule whose minScore the score reaches decides. */
    rules: z.array(rule).max(50),
  })
  .strict();

export const policySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _'),
    name: z.string().min(1).max(200),
    description: z.string().max(5000).optional(),
    categories: z.partialRecord(categoryId, categoryPolicy),
    /**
     * Languages the signals were built for. When a category scores on a text field whose language
     * is reliably something else, the verdict is not acted on automatically: it goes to review.
     */
    languages: z
      .object({
        supported: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1),
        queue: z.string().regex(/^[a-z0-9_-]{1,64}$/).default('language'),
        priority: z.enum(PRIORITIES).default('normal'),
      })
      .strict()
      .optional(),
    /**
     * What happens to media Saring could not fully read. `speechWithoutTranscript`: a video has
     * speech but no speech recogniser is configured (`SARING_ASR_MODEL`), so what is said was not
     * checked. `incomplete`: a step of the media analysis (frames, OCR, nudity, speech) failed or
     * ran out of time. Either can send the item to review; neither makes a verdict milder.
     */
    media: z
      .object({
        speechWithoutTranscript: mediaRule.optional(),
        incomplete: mediaRule.optional(),
      })
      .strict()
      .optional(),
    review: z
      .object({
        defaultQueue: z.string().regex(/^[a-z0-9_-]{1,64}$/).default('general'),
        defaultPriority: z.enum(PRIORITIES).default('normal'),
      })
      .strict()
      .default({ defaultQueue: 'general', defaultPriority: 'normal' }),
  })
  .strict();

export type PolicyDocument = z.infer<typeof policySchema>;
export type CategoryPolicy = z.infer<typeof categoryPolicy>;
export type PolicyRule = z.infer<typeof rule>;
export type PolicySource = z.infer<typeof source>;
export type MediaRule = z.infer<typeof mediaRule>;
