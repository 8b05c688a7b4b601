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
    /**
     * A single source at least this sure decides alone: the category's score becomes that
     * source's score where it is higher than the combined one. With `mean`, agreement is still
     * needed in the uncertain middle, but an unambiguous lexicon or model score is acted on. A
     * number applies to every source; a map names the sources that may decide alone, by source
     * key (`lexicon`, `model:judol/promo`, `image:nudity/porn+hentai`).
     */
    decisive: z.union([z.number().min(0).max(1), z.record(z.string(), z.number().min(0).max(1))]).optional(),
    /** Checked in order; the first rule whose minScore the score reaches decides. */
    rules: z.array(rule).max(50),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.decisive === undefined || typeof c.decisive === 'number') return;
    const keys = new Set(c.sources.map(sourceKey));
    for (const key of Object.keys(c.decisive)) {
      if (!keys.has(key)) ctx.addIssue({ code: 'custom', path: ['decisive', key], message: `decisive names ${key}, which is not one of this category's sources (${[...keys].join(', ')})` });
    }
  });

/** The key a source's score and evidence go by: `lexicon`, `model:<model>/<label>`, `image:nudity/<classes>`. */
export function sourceKey(source: PolicySource): string {
  if (source === 'lexicon') return 'lexicon';
  if ('model' in source) return `model:${source.model}/${source.label}`;
  return `image:${source.image}/${source.classes.join('+')}`;
}

const queueName = z.string().regex(/^[a-z0-9_-]{1,64}$/);
const weight = z.number().min(0).max(1000);

/**
 * Severity of each category in a review case's priority: urgent and severe categories first.
 * A policy's `review.priority.categories` overrides some of them; the others keep these.
 */
export const DEFAULT_CATEGORY_WEIGHTS: Readonly<Record<(typeof CATEGORY_IDS)[number], number>> = {
  csam: 100,
  terrorism: 100,
  violence: 40,
  sara_hate: 35,
  pornography: 30,
  drugs: 25,
  fraud: 20,
  gambling: 15,
  illegal_goods: 15,
  hoax: 10,
};

/** Hours a case may wait for a decision, per queue (`default` for the others); a policy's `review.slaHours` overrides some. */
export const DEFAULT_SLA_HOURS: Readonly<Record<string, number>> = { default: 24, csam: 4, terrorism: 4 };

/** A reason a moderator can pick when deciding, in both languages of the statement of reasons. */
const reasonTemplate = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _'),
    /** The actions it suits (the console offers it for these; default: every action). */
    actions: z.array(z.enum(['allow', 'restrict_16', 'restrict_18', 'remove'])).min(1).optional(),
    category: categoryId.optional(),
    text: z.object({ id: z.string().min(1).max(1000), en: z.string().min(1).max(1000) }).strict(),
  })
  .strict();

const DEFAULT_TEMPLATES: z.input<typeof reasonTemplate>[] = [
  {
    id: 'no-violation',
    actions: ['allow'],
    text: { id: 'Setelah diperiksa, konten ini tidak melanggar aturan.', en: 'After review, this content does not break the rules.' },
  },
  {
    id: 'illegal-content',
    actions: ['remove'],
    text: { id: 'Konten ini melanggar hukum yang berlaku di Indonesia.', en: 'This content breaks the law in force in Indonesia.' },
  },
  {
    id: 'adults-only',
    actions: ['restrict_18'],
    text: { id: 'Konten ini hanya pantas untuk orang dewasa.', en: 'This content is suitable for adults only.' },
  },
];

/**
 * How human review works: queues and priority, deadlines, claims, four-eyes and reasons
 * (docs/review.md). Every field has a default, so a policy without this section works.
 */
const reviewSection = z
  .object({
    /** Queue and priority of a `review` rule that names none. */
    defaultQueue: queueName.default('general'),
    defaultPriority: z.enum(PRIORITIES).default('normal'),
    /** How long a claim holds a case before it returns to its queue (a claim can be extended). */
    claimMinutes: z.number().int().min(1).max(1440).default(15),
    /** Hours from a case's opening to its deadline, per queue; `default` for queues not listed. */
    slaHours: z.record(queueName, z.number().positive().max(8760)).default({}),
    /** Removals in these categories take effect only once a second, different senior moderator confirms. */
    fourEyes: z.array(categoryId).default(['csam', 'terrorism']),
    /**
     * A case's priority: the sum of these parts, highest first. Category severity, reports
     * (`reports` per doubling of their count), content made for children, the policy rule's
     * priority, and `agePerHour` for every hour the case has waited.
     */
    priority: z
      .object({
        categories: z.partialRecord(categoryId, weight).default({}),
        reports: weight.default(10),
        children: weight.default(20),
        policyPriority: z
          .object({ low: weight, normal: weight, high: weight, urgent: weight })
          .strict()
          .default({ low: 0, normal: 10, high: 25, urgent: 50 }),
        agePerHour: z.number().min(0).max(100).default(1),
      })
      .strict()
      .prefault({}),
    /** Reasons to pick from when deciding (they replace the shipped ones when given). */
    templates: z
      .array(reasonTemplate)
      .max(200)
      .default(DEFAULT_TEMPLATES as z.output<typeof reasonTemplate>[])
      .refine((list) => new Set(list.map((t) => t.id)).size === list.length, { message: 'template ids must be unique' }),
  })
  .strict()
  .prefault({});

export type ReviewSettings = z.infer<typeof reviewSection>;
export type ReasonTemplate = z.infer<typeof reasonTemplate>;

/** The review section of a stored policy document, with the defaults of fields it predates. */
export function reviewSettingsOf(document: unknown): ReviewSettings {
  return reviewSection.parse((document as { review?: unknown } | null)?.review);
}

/**
 * Public reports (docs/reports-appeals.md): the queue a report's case goes to (per category, so
 * reports of the urgent categories meet their 4-hour deadline), whether reports without an
 * identity are taken, and when a reporter whose reports are repeatedly rejected is marked as
 * reporting in bad faith (their reports then sink in priority).
 */
const reportsSection = z
  .object({
    queue: queueName.default('reports'),
    queues: z.partialRecord(categoryId, queueName).default({ csam: 'csam', terrorism: 'terrorism' }),
    /** Permenkominfo 5/2020 has a public request carry the requester's identity; an operator may take anonymous reports too. */
    anonymous: z.boolean().default(false),
    badFaith: z
      .object({
        /** Rejected reports (since a person last set the reporter's standing) before the mark … */
        rejected: z.number().int().min(1).max(10_000).default(5),
        /** … when at least this share of their resolved reports were rejected. */
        share: z.number().min(0).max(1).default(0.8),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

/** What the statement of reasons promises the user: an appeal within 6 months (and the DSA, art. 20, asks at least that). */
export const MIN_APPEAL_MONTHS = 6;

/** Appeals against decisions: their queue, and how long after a decision it may be appealed, per category. */
const appealsSection = z
  .object({
    queue: queueName.default('appeals'),
    /** Months from a decision to the end of its appeal window; `default` for categories not listed. */
    windowMonths: z
      .partialRecord(z.enum([...CATEGORY_IDS, 'default']), z.number().int().min(MIN_APPEAL_MONTHS, `an appeal window is at least ${MIN_APPEAL_MONTHS} months: the statement of reasons promises it`).max(120))
      .default({ default: MIN_APPEAL_MONTHS }),
  })
  .strict()
  .prefault({});

/** Account actions, from least to most severe. */
export const ACCOUNT_ACTIONS = ['warning', 'feature_limit', 'suspend', 'terminate'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

const strikeRule = z.object({ weight: z.number().min(0).max(1000), expiryDays: z.number().int().min(1).max(36_500) }).strict();

/**
 * Strikes: every removal counts against the uploader's platform account, with a weight and for a
 * time per category; when the weights of the strikes in force reach a threshold, its account
 * action is taken (once, when the account reaches it).
 */
const strikesSection = z
  .object({
    default: strikeRule.default({ weight: 1, expiryDays: 90 }),
    categories: z.partialRecord(categoryId, strikeRule).default({ csam: { weight: 10, expiryDays: 3650 }, terrorism: { weight: 10, expiryDays: 3650 } }),
    thresholds: z
      .array(
        z
          .object({
            points: z.number().positive().max(100_000),
            action: z.enum(ACCOUNT_ACTIONS),
            /** How long a feature limit or suspension lasts (none: until lifted). */
            days: z.number().int().min(1).max(36_500).optional(),
          })
          .strict(),
      )
      .max(4)
      .default([
        { points: 1, action: 'warning' },
        { points: 3, action: 'feature_limit', days: 7 },
        { points: 5, action: 'suspend', days: 30 },
        { points: 10, action: 'terminate' },
      ])
      .refine((t) => t.every((x, i) => i === 0 || (x.points > t[i - 1]!.points && ACCOUNT_ACTIONS.indexOf(x.action) > ACCOUNT_ACTIONS.indexOf(t[i - 1]!.action))), {
        message: 'thresholds go up: each has more points and a more severe action than the one before (warning, feature_limit, suspend, terminate)',
      })
      .refine((t) => t.every((x) => x.days === undefined || x.action === 'feature_limit' || x.action === 'suspend'), {
        message: 'days is for feature_limit and suspend',
      }),
  })
  .strict()
  .prefault({});

export type ReportsSettings = z.infer<typeof reportsSection>;
export type AppealsSettings = z.infer<typeof appealsSection>;
export type StrikesSettings = z.infer<typeof strikesSection>;

/** The reports, appeals and strikes sections of a stored policy document, with the defaults of fields it predates. */
export function reportsSettingsOf(document: unknown): { reports: ReportsSettings; appeals: AppealsSettings; strikes: StrikesSettings } {
  const doc = (document ?? {}) as { reports?: unknown; appeals?: unknown; strikes?: unknown };
  return { reports: reportsSection.parse(doc.reports), appeals: appealsSection.parse(doc.appeals), strikes: strikesSection.parse(doc.strikes) };
}

/** An order's category: one of Saring's categories, or `other` (a ground outside them). */
const orderCategory = z.enum([...CATEGORY_IDS, 'other']);
const organisationName = z.string().trim().min(1).max(200);
const hours = z.number().positive().max(8760);

/**
 * Authorities' orders (docs/regulator.md). `hours`: an order's time from receipt to its deadline,
 * `urgent` for orders marked urgent and for the `urgentCategories` (Permenkominfo 5/2020: 4 hours),
 * `standard` for the rest (24). `automatic`: orders whose category is listed (and, when
 * `organisations` is given, that come from one of them) are carried out at receipt — each found
 * target removed, its media banked — instead of going to review. A request for information is
 * never automatic. An order's clock is the policy's when it is received: a later change does not
 * move it.
 */
const ordersSection = z
  .object({
    urgentCategories: z
      .array(orderCategory)
      .max(20)
      .default(['csam', 'terrorism', 'illegal_goods'])
      .refine((l) => new Set(l).size === l.length, { message: 'urgentCategories are listed once each' }),
    hours: z
      .object({ standard: hours.default(24), urgent: hours.default(4) })
      .strict()
      .prefault({})
      .refine((h) => h.urgent <= h.standard, { message: 'hours.urgent is at most hours.standard' }),
    automatic: z
      .object({
        /** Only orders from these organisations (default: any). */
        organisations: z.array(organisationName).min(1).max(100).optional(),
        categories: z.array(orderCategory).max(20).default([]),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export type OrdersSettings = z.infer<typeof ordersSection>;

/** The orders section of a stored policy document, with the defaults of fields it predates. */
export function ordersSettingsOf(document: unknown): OrdersSettings {
  return ordersSection.parse((document as { orders?: unknown } | null)?.orders);
}

/** Platform risk classes (Permenkomdigi 9/2026): short video is high risk. */
export const RISK_CLASSES = ['low', 'medium', 'high'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];
/**
 * What the platform lets an account do, each with a minimum age (flags the platform reads;
 * `restrict_16` / `restrict_18`: seeing content Saring restricted). Under a feature's age the
 * answer is "not allowed", except `public_account`: under its age an account is private by default.
 */
export const YOUTH_FEATURES = ['restrict_16', 'restrict_18', 'public_account', 'direct_messages_from_strangers', 'live_gifts', 'personalised_ads'] as const;
export type YouthFeature = (typeof YOUTH_FEATURES)[number];
const age = z.number().int().min(0).max(130);

/**
 * Youth safety (docs/youth.md): the minimum age to hold an account per platform risk class, the
 * ages of features, what Saring keeps of an account's age and for how long, the underage signals'
 * review threshold, the under-16 deactivation programme's phases, and the educational programme's
 * approval rule. Every field has a default (a high-risk short-video platform under Indonesian law).
 */
const youthSection = z
  .object({
    /** The platform's risk class; its minimum age applies. */
    riskClass: z.enum(RISK_CLASSES).default('high'),
    /** The ministry's rule: under 13 only children's platforms, 13–15 low-to-medium risk, 16 for high risk. */
    minimumAge: z
      .object({ low: age.default(13), medium: age.default(13), high: age.default(16) })
      .strict()
      .prefault({})
      .refine((m) => m.low <= m.medium && m.medium <= m.high, { message: 'minimumAge rises with risk: low ≤ medium ≤ high' }),
    /** Minimum age per feature (defaults for 16–17 on a high-risk platform: private by default, no DMs from strangers, no live gifts, no personalised ads). */
    features: z
      .object({
        restrict_16: age.default(16),
        restrict_18: age.default(18),
        public_account: age.default(18),
        direct_messages_from_strangers: age.default(18),
        live_gifts: age.default(18),
        personalised_ads: age.default(18),
      })
      .strict()
      .prefault({}),
    /** PP Tunas' minimal data: keep the date of birth only when true; else only the age band (and when it next changes). */
    storeDateOfBirth: z.boolean().default(false),
    /** Days an age record's evidence (assurance outcomes, correction evidence) is kept; then purged, the band stays. */
    evidenceRetentionDays: z.number().int().min(1).max(3650).default(365),
    /** Underage signals in an account's texts (bios, captions, comments): at or above `threshold` an age review opens. */
    underageSignals: z
      .object({
        threshold: z.number().min(0).max(1).default(0.7),
        queue: queueName.default('age'),
      })
      .strict()
      .prefault({}),
    /** Under-16 deactivation (Permenkomdigi 9/2026): days to re-verify, then days of transition notice before deactivation. */
    deactivation: z
      .object({
        verificationDays: z.number().int().min(1).max(365).default(14),
        noticeDays: z.number().int().min(1).max(365).default(14),
        /** Accounts older than this with only a self-declared age are re-verified too. */
        unverifiedAccountDays: z.number().int().min(1).max(36_500).default(365),
      })
      .strict()
      .prefault({}),
    /** The educational programme: whether a nomination also needs a second organisation's approval. */
    programme: z
      .object({ secondOrganisation: z.boolean().default(false) })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export type YouthSettings = z.infer<typeof youthSection>;

/** The youth section of a stored policy document, with the defaults of fields it predates. */
export function youthSettingsOf(document: unknown): YouthSettings {
  return youthSection.parse((document as { youth?: unknown } | null)?.youth);
}

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
    review: reviewSection,
    reports: reportsSection,
    appeals: appealsSection,
    strikes: strikesSection,
    orders: ordersSection,
    youth: youthSection,
  })
  .strict();

export type PolicyDocument = z.infer<typeof policySchema>;
export type CategoryPolicy = z.infer<typeof categoryPolicy>;
export type PolicyRule = z.infer<typeof rule>;
export type PolicySource = z.infer<typeof source>;
export type MediaRule = z.infer<typeof mediaRule>;
