import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../../engine.js';
import { testSaring } from '../../test-support/storage.js';
import { loadAgeDemo } from './age.js';

describe('the ages of the demo', () => {
  let saring: Saring & { adminKey: string };
  beforeAll(async () => {
    saring = await testSaring('pglite', { workers: false });
  });
  afterAll(() => saring?.close());

  it('leaves an open correction and an open underage-signal review to click, and accounts in each band', async () => {
    await loadAgeDemo(saring);
    const open = (await saring.youth.age.cases({ status: 'open' })).cases;
    expect(open.map((c) => [c.externalId, c.kind]).sort()).toEqual([
      ['demo-dimas-13', 'correction'],
      ['demo-kecil', 'underage_signal'],
    ]);
    const [sari, adi] = (await saring.youth.age.eligibilityMany({ ids: ['demo-sari-17', 'demo-adi-24'] })).accounts;
    expect([sari?.status, sari?.assurance, adi?.status, adi?.assurance]).toEqual(['restricted_minor', 'estimated', 'allowed', 'verified']);
    expect((await saring.youth.age.consents('demo-sari-17')).consents).toHaveLength(1);
  });
});
