import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { createSaring } from '../../engine.js';
import { runCli } from '../../test-support/cli.js';
import { templateDataDir } from '../../test-support/storage.js';

const tmp = mkdtempSync(join(tmpdir(), 'saring-youth-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The built CLI (npm run build) on one data directory, as an operator runs it.
describe('saring youth', { timeout: 120_000 }, () => {
  const data = join(tmp, 'data');
  const saring = (args: string[]) => runCli(args, data);
  beforeAll(async () => {
    await templateDataDir(data);
    const engine = await createSaring(loadConfig({ dataDir: data, workers: false, demo: false }, {}));
    for (const [id, years] of [['cli-kid-13', 13], ['cli-kid-15', 15], ['cli-adult', 30]] as const) await engine.youth.age.set(id, { declaredAge: years }, 'test');
    await engine.close();
  });

  it('counts a plan per reason without storing it, starts it once, shows its progress; a wrong reason is refused', async () => {
    const plan = await saring(['youth', 'deactivation', 'plan']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/declared_under_minimum\s+2\n/);
    expect(plan.stdout).toContain('Accounts to take: 2; already in the programme: 0.');
    const bad = await saring(['youth', 'deactivation', 'plan', '--reason', 'looks_young']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('saring: --reason looks_young: one of declared_under_minimum, underage_signal, unverified_old_account. [validation_failed]\n');

    const start = await saring(['youth', 'deactivation', 'start', '--note', 'Tahap 1', '--json']);
    expect(start.code, start.stderr).toBe(0);
    expect(JSON.parse(start.stdout).plan).toMatchObject({ accounts: 2, note: 'Tahap 1', requestsPending: 0, phases: { reverification_requested: 2 } });
    const again = await saring(['youth', 'deactivation', 'start']);
    expect(again.stdout).toContain('Nothing new to start: every account found is in the programme already.');
    const status = await saring(['youth', 'deactivation', 'status']);
    expect(status.stdout).toMatch(/^2 accounts in 1 plans:\n\s+reverification_requested\s+2\n/);
  });

  it('exports the risk self-assessment: none yet is a clear error', async () => {
    const none = await saring(['youth', 'risk', 'export']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No risk self-assessment has been saved yet. [not_found]');
    const engine = await createSaring(loadConfig({ dataDir: data, workers: false, demo: false }, {}));
    const { loadRiskDemo } = await import('../../demo/youth/risk.js');
    await loadRiskDemo(engine);
    await engine.close();
    const out = join(tmp, 'risk.md');
    const md = await saring(['youth', 'risk', 'export', '--out', out]);
    expect(md.code, md.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('## 2. Kontak\n\n**Tingkat risiko:** Tinggi');
    const json = await saring(['youth', 'risk', 'export', '--format', 'json', '--version', '1']);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, aspects: { physical_health: { level: 'low' } } });
  });
});
