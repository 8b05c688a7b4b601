import type { Command } from 'commander';
import { trustedKeysFromFiles } from '../../audit/checkpoints.js';
import { verifyReportText } from '../../regulator/compliance.js';
import { action, CLI_ACTOR, print, readTextFile, withDataOption, withSaring } from '../support.js';

const pct = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)} %`);

export function registerReport(program: Command): void {
  const report = program.command('report').description("the regulator's signed compliance reports");

  report
    .command('verify <file>')
    .description('check a saved compliance report (GET /v1/regulator/compliance-report) against its signature and print what was signed')
    .option('--public-key <pem...>', "the platform's public key(s) (GET /v1/regulator/public-key); without, the report's own key is used and its id shown to compare")
    .option('--json')
    .action(
      action(async (file: string, options: { publicKey?: string[]; json?: boolean }) => {
        const keys = options.publicKey ? [...trustedKeysFromFiles(options.publicKey).values()] : undefined;
        const result = verifyReportText(readTextFile(file, 512 * 1024 * 1024), keys);
        if (!result.ok) {
          if (options.json) print(result, true, () => '');
          process.stderr.write(`saring: ${file}: NOT VERIFIED: ${result.problem}\n`);
          process.exitCode = 1;
          return;
        }
        const r = result.report!;
        print({ ok: true, keyId: result.keyId, keyGiven: result.keyGiven, period: r.period, organisation: r.organisation, generatedAt: r.generatedAt, totals: r.totals }, options.json, () => {
          const t = r.totals;
          const lines = [
            `OK: compliance report for ${r.organisation ?? 'every organisation'}, ${r.period.from} – ${r.period.to}, generated ${r.generatedAt} by ${r.generatedBy}.`,
            result.keyGiven
              ? `Signed with key ${result.keyId}, one of the keys given.`
              : `Signed with key ${result.keyId}, taken from the report itself: compare it with the key id the platform published, or pass --public-key.`,
            `Orders: ${t.orders} (${t.targets} targets): ${t.onTime} on time, ${t.breached} breached, ${t.open} open; on-time rate ${pct(t.onTimeRate)}.`,
            `Warnings: ST1 ${t.warnings.st1}, ST2 ${t.warnings.st2}, ST3 ${t.warnings.st3}; fines: ${t.fines}, IDR ${t.finesIdr.toLocaleString('en-US')}.`,
            `  urgent (4 h): ${t.byUrgency.urgent.orders} orders, on time ${pct(t.byUrgency.urgent.onTimeRate)}; standard (24 h): ${t.byUrgency.standard.orders} orders, on time ${pct(t.byUrgency.standard.onTimeRate)}`,
            ...Object.entries(t.byCategory)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([c, v]) => `  ${c}: ${v.orders} orders, ${v.onTime} on time, ${v.breached} breached, ${v.open} open; on time ${pct(v.onTimeRate)}`),
          ];
          return lines.join('\n');
        });
      }),
    );

  withDataOption(report.command('public-keys'))
    .description('print the keys compliance reports are signed with (current first), to publish or give to an authority')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'report public-keys', async (saring) => {
          const keys = saring.compliance.publicKeys();
          print({ keys }, options.json, () => keys.map((k) => `Key id: ${k.keyId}${k.current ? ' (current)' : ' (rotated out)'}\n${k.publicKey.trimEnd()}`).join('\n'));
        });
      }),
    );

  withDataOption(report.command('rotate-key'))
    .description('sign compliance reports with a new key from now on; the old public key is kept so earlier reports still verify')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'report rotate-key', async (saring) => {
          const keys = await saring.compliance.rotateKey(CLI_ACTOR);
          print({ keys }, options.json, () => `New key: ${keys[0]!.keyId}\n${keys[0]!.publicKey.trimEnd()}\nRotated out (still verifies): ${keys.slice(1).map((k) => k.keyId).join(', ')}`);
        });
      }),
    );
}
