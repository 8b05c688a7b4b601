import { z } from 'zod';
import { appendAudit, type Actor } from '../audit/log.js';
import type { Db } from '../db/connect.js';
import { notFound } from '../errors/errors.js';
import { parseInput } from '../shared/validate.js';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * What a moderator sets for the review console (each field optional: what is not set comes from
 * the organisation's defaults, then from Saring's). Media blur and greyscale protect the people who
 * look at harmful media all day.
 */
const preferenceFields = z
  .object({
    /** Language of the console. */
    language: z.enum(['id', 'en']),
    /** How strongly images and videos are blurred until revealed: 0 (not at all) to 100. */
    mediaBlur: z.number().int().min(0).max(100),
    /** Show media in greyscale. */
    greyscale: z.boolean(),
    /** Start videos by themselves. */
    autoplay: z.boolean(),
    /** Start videos muted. */
    mute: z.boolean(),
    /** IANA time zone the console shows times in. */
    timeZone: z.string().max(64).refine(isTimeZone, 'an IANA time zone such as Asia/Jakarta or UTC'),
  })
  .strict();
export const consolePreferencesSchema = preferenceFields.partial();
export type ConsolePreferences = z.infer<typeof consolePreferencesSchema>;

const effective = preferenceFields satisfies z.ZodType<Required<ConsolePreferences>>;
/** The answers of the preference routes, for the API's documentation and typed clients. */
export const preferencesViewSchema = z.object({ effective, personal: consolePreferencesSchema, defaults: effective });
export const consoleDefaultsViewSchema = z.object({ effective, organisation: consolePreferencesSchema, builtin: effective });

/** Saring's defaults: media blurred and in greyscale, muted, no autoplay, Indonesian, Jakarta time. */
export const BUILTIN_CONSOLE_DEFAULTS: Required<ConsolePreferences> = {
  language: 'id',
  mediaBlur: 60,
  greyscale: true,
  autoplay: false,
  mute: true,
  timeZone: 'Asia/Jakarta',
};

/** A person's preferences: what they set, the defaults under it, and the two together. */
export type PreferencesView = z.infer<typeof preferencesViewSchema>;
/** The organisation's defaults: what an admin set, Saring's own, and the two together. */
export type ConsoleDefaultsView = z.infer<typeof consoleDefaultsViewSchema>;

const SETTINGS_KEY = 'console.defaults';

/** A stored value read leniently: a field that no longer validates is left out, not an error. */
function stored(value: unknown): ConsolePreferences {
  const out: Record<string, unknown> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (consolePreferencesSchema.safeParse({ [k]: v }).success) out[k] = v;
    }
  }
  return out as ConsolePreferences;
}

export async function consoleDefaults(db: Db): Promise<ConsoleDefaultsView> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
  const organisation = stored(row?.value);
  return { effective: { ...BUILTIN_CONSOLE_DEFAULTS, ...organisation }, organisation, builtin: BUILTIN_CONSOLE_DEFAULTS };
}

/** Replaces the organisation's defaults (fields left out fall back to Saring's). Audited. */
export async function setConsoleDefaults(db: Db, input: unknown, actor: Actor): Promise<ConsoleDefaultsView> {
  const value = parseInput(consolePreferencesSchema, input);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: SETTINGS_KEY, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }))
      .execute();
    await appendAudit(trx, { actor, action: 'settings.console_defaults_updated', subjectType: 'settings', subjectId: SETTINGS_KEY, data: { defaults: value } });
  });
  return consoleDefaults(db);
}

export async function userPreferences(db: Db, userId: string): Promise<PreferencesView> {
  const row = await db.selectFrom('operator_users').select('preferences').where('id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('User', userId);
  const personal = stored(row.preferences);
  const defaults = (await consoleDefaults(db)).effective;
  return { effective: { ...defaults, ...personal }, personal, defaults };
}

/** Replaces a person's own preferences (fields left out follow the organisation's defaults). */
export async function setUserPreferences(db: Db, userId: string, input: unknown): Promise<PreferencesView> {
  const value = parseInput(consolePreferencesSchema, input);
  const r = await db.updateTable('operator_users').set({ preferences: JSON.stringify(value) }).where('id', '=', userId).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('User', userId);
  return userPreferences(db, userId);
}
