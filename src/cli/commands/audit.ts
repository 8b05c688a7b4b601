import type { Command } from 'commander';
import { action, print, withDataOption, withSaring } from '../support.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');

  withDataOption(audit.command('verify'))
    .description('check the whole chain; exits 1 and names the first changed entry if it was tampered with')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'audit verify', async (saring) => {
          const result = await saring.audit.verify();
          print(result, options.json, () =>
            result.ok
              ? `OK: ${result.checked} entries, chain intact. Head: #${result.lastSeq} ${result.lastHash}`
              : `TAMPERED: ${result.firstBad!.message} (entries 1–${result.lastSeq} are intact)`,
          );
          if (!result.ok) process.exitCode = 1;
        });
      }),
    );

  withDataOption(audit.command('list'))
    .option('--after <seq>', 'entries after this sequence number', (v) => Number.parseInt(v, 10))
    .option('--limit <n>', 'at most this many', (v) => Number.parseInt(v, 10), 50)
    .option('--json')
    .action(
      action(async (options: { data?: string; after?: number; limit: number; json?: boolean }) => {
        await withSaring(options, 'audit list', async (saring) => {
          const entries = await saring.audit.list({ ...(options.after !== undefined ? { afterSeq: options.after } : {}), limit: options.limit });
          print(entries, options.json, () =>
            entries.map((e) => `#${e.seq}  ${e.at}  ${e.actor.padEnd(20)} ${e.action.padEnd(24)} ${e.subjectType}:${e.subjectId ?? ''}`).join('\n'),
          );
        });
      }),
    );
}
