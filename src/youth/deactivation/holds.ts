import type { Db } from '../../db/connect.js';

/** What the deactivation programme holds an account at: waiting for its re-verification (notice included), or deactivated. */
export type DeactivationHold = 'reverification' | 'deactivated';

/**
 * The programme's hold on each of these accounts (Saring's account ids; those it does not hold are
 * absent), in one query. The age records read it (youth/age/): an account held for re-verification
 * is `pending_verification` until a verification shows it at or over the minimum age, and a
 * deactivated one `not_allowed` (reason `deactivated`) whatever its band later says.
 */
export async function deactivationHolds(db: Db, accountIds: readonly string[]): Promise<Map<string, DeactivationHold>> {
  const out = new Map<string, DeactivationHold>();
  const unique = [...new Set(accountIds)];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db
      .selectFrom('youth_deactivation_accounts')
      .select(['account_id', 'phase'])
      .where('account_id', 'in', unique.slice(i, i + 1000))
      .where('phase', '<>', 'cleared')
      .execute();
    for (const r of rows) out.set(r.account_id, r.phase === 'deactivated' ? 'deactivated' : 'reverification');
  }
  return out;
}
