import { sql } from 'kysely';
import type { Saring } from '../../engine.js';

const ACTOR = 'system:demo';

/**
 * The deactivation programme in progress, so its page has something to show: 24 accounts declared
 * 12 to 15 and two old accounts with only a self-declared age, in one plan; one cleared by an ID
 * check during re-verification, eight past their re-verification (transition notice), three of
 * those past their notice (deactivated). Dates are moved as if the days had passed.
 */
export async function loadDeactivationDemo(saring: Saring): Promise<void> {
  const age = saring.youth.age;
  const ids = Array.from({ length: 24 }, (_, i) => `demo-teen-${String(i + 1).padStart(2, '0')}`);
  for (const [i, id] of ids.entries()) await age.set(id, { declaredAge: 12 + (i % 4) }, ACTOR);
  for (const id of ['demo-old-1', 'demo-old-2']) await age.set(id, { declaredAge: 19 }, ACTOR);
  // Two years old: older than youth.deactivation.unverifiedAccountDays.
  await sql`UPDATE accounts SET created_at = now() - interval '2 years' WHERE external_id IN ('demo-old-1', 'demo-old-2')`.execute(saring.db);
  const { plan } = await saring.youth.deactivation.plan({ note: 'Tahap 1 Permenkomdigi 9/2026 (demo)' }, ACTOR);
  if (!plan) return;
  await age.addCheck('demo-teen-04', { method: 'id_document', result: 'pass', age: 16, provider: 'Dukcapil (demo)', checkedAt: new Date(Date.now() - 3_600_000).toISOString() }, ACTOR);
  const past = new Date(Date.now() - 60_000);
  const accountIds = async (external: string[]) => (await saring.db.selectFrom('accounts').select('id').where('external_id', 'in', external).execute()).map((r) => r.id);
  const noticed = await accountIds(['demo-teen-01', 'demo-teen-02', 'demo-teen-03', 'demo-teen-05', 'demo-teen-06', 'demo-teen-07', 'demo-teen-08', 'demo-teen-09']);
  await saring.db.updateTable('youth_deactivation_accounts').set({ verify_by: past }).where('account_id', 'in', noticed).execute();
  await saring.youth.deactivation.advanceDue();
  const deactivated = await accountIds(['demo-teen-01', 'demo-teen-02', 'demo-teen-03']);
  await saring.db.updateTable('youth_deactivation_accounts').set({ deactivate_on: past }).where('account_id', 'in', deactivated).execute();
  await saring.youth.deactivation.advanceDue();
}
