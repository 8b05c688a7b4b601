import { afterAll, describe, expect, it } from 'vitest';
import { testSaring } from '../../test-support/storage.js';
import { loadRiskDemo } from './risk.js';
import { loadDeactivationDemo } from './deactivation.js';

describe('the youth demo data', () => {
  let close: () => Promise<void> = async () => {};
  afterAll(async () => close());

  it('leaves a deactivation plan in progress in every phase, and a first risk self-assessment', async () => {
    const saring = await testSaring('pglite', { workers: false });
    close = () => saring.close();
    await loadDeactivationDemo(saring);
    await loadRiskDemo(saring);
    const summary = await saring.youth.deactivation.summary();
    expect(summary).toMatchObject({ plans: 1, accounts: 26, phases: { reverification_requested: 17, transition_notice: 5, deactivated: 3, cleared: 1 } });
    expect(summary.reasons).toMatchObject({ declared_under_minimum: 24, unverified_old_account: 2 });
    expect((await saring.youth.age.eligibility('demo-teen-01')).reasons).toContain('deactivated');
    expect(await saring.youth.risk.get('latest')).toMatchObject({ version: 1, createdByName: 'Tim Trust & Safety (demo)', aspects: { contact: { level: 'high' } } });
  }, 60_000);
});
