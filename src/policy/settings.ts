import type { Db } from '../db/connect.js';
import { ordersSettingsOf, reportsSettingsOf, youthSettingsOf, type OrdersSettings, type YouthSettings } from './schema.js';

type Settings = ReturnType<typeof reportsSettingsOf>;
const cache = new Map<string, Settings>();

/**
 * The reports, appeals and strikes settings of the active policy, read through `db` (a
 * transaction too, so a change sees the policy of its own snapshot), parsed once per policy text.
 */
export async function activeSettings(db: Db): Promise<Settings> {
  const active = await db.selectFrom('policy_versions').select('sha256').where('active', '=', true).executeTakeFirst();
  const key = active?.sha256 ?? '';
  let settings = cache.get(key);
  if (!settings) {
    const doc = active ? (await db.selectFrom('policy_versions').select('document').where('active', '=', true).executeTakeFirst())?.document : undefined;
    settings = reportsSettingsOf(doc);
    if (cache.size > 100) cache.clear();
    cache.set(key, settings);
  }
  return settings;
}

/**
 * The orders section of the active policy and its version (null: no policy stored, the built-in
 * defaults), read through `db` so an order takes the policy of its own transaction's snapshot.
 */
export async function activeOrdersSettings(db: Db): Promise<{ orders: OrdersSettings; policyVersion: number | null }> {
  const active = await db.selectFrom('policy_versions').select(['version', 'document']).where('active', '=', true).executeTakeFirst();
  return { orders: ordersSettingsOf(active?.document), policyVersion: active?.version ?? null };
}

/** The youth section of the active policy (docs/youth.md), read through `db`. */
export async function activeYouthSettings(db: Db): Promise<{ youth: YouthSettings; policyVersion: number | null }> {
  const active = await db.selectFrom('policy_versions').select(['version', 'document']).where('active', '=', true).executeTakeFirst();
  return { youth: youthSettingsOf(active?.document), policyVersion: active?.version ?? null };
}
