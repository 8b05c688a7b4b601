import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { Principal } from '../../access/auth.js';
import { SaringError } from '../../errors/errors.js';
import { IMPORT_FORMATS, IMPORT_LIMITS, importOrders, type ImportFormat, type ImportProblem } from '../../regulator/import.js';
import { action, CLI_ACTOR, print, withDataOption, withSaring } from '../support.js';

/** The CLI acting for an organisation: its actor is the OS account, like every CLI change. */
function cliPrincipal(org: string): Principal {
  return {
    user: { id: CLI_ACTOR, name: CLI_ACTOR, login: null, role: 'admin', org, createdAt: new Date(0).toISOString(), disabled: false, hasPassword: false, invitePending: false, lastSignInAt: null },
    via: 'key',
    actor: CLI_ACTOR,
  };
}

export function registerOrders(program: Command): void {
  const orders = program.command('orders').description("authorities' takedown orders (the regulator channel)");

  withDataOption(orders.command('import <file>'))
    .description('import a batch of orders from a CSV or XLSX file (one row per target; see docs/regulator.md, "Batch import") as sent by an organisation')
    .requiredOption('--org <org>', 'the organisation that sent the orders (e.g. komdigi)')
    .option('--format <format>', `${IMPORT_FORMATS.join(' or ')} (default: read from the file)`)
    .option('--json', 'print the result as JSON')
    .action(
      action(async (file: string, options: { org: string; format?: ImportFormat; data?: string; json?: boolean }) => {
        if (options.format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(options.format)) {
          throw new SaringError('validation_failed', `--format is ${IMPORT_FORMATS.join(' or ')}, not ${options.format}.`);
        }
        if (!existsSync(file)) throw new SaringError('not_found', `No such file: ${file}`);
        if (statSync(file).size > IMPORT_LIMITS.maxFileBytes) throw new SaringError('order_file_too_large', `${file} is over ${IMPORT_LIMITS.maxFileBytes} bytes.`);
        const bytes = readFileSync(file);
        const org = options.org.trim();
        if (!org) throw new SaringError('validation_failed', '--org names an organisation.');
        await withSaring(options, 'orders import', async (saring) => {
          try {
            const result = await importOrders(saring, bytes, { format: options.format }, cliPrincipal(org));
            print(result, options.json, () => {
              const t = result.totals;
              return [
                ...result.orders.map((o) => `${o.status === 'created' ? 'created ' : 'existing'}  ${o.orderNumber}  ${o.id}  due ${o.dueAt}  rows ${o.rows.first}–${o.rows.last}  pending ${o.counts.pending}, already removed ${o.counts.already_removed}, not found ${o.counts.not_found}`),
                `${t.orders} orders (${t.created} created, ${t.existing} existing), ${t.targets} targets: ${t.counts.pending} pending, ${t.counts.already_removed} already removed, ${t.counts.not_found} not found.`,
              ].join('\n');
            });
          } catch (err) {
            // Every problem of the file, one a line, so it can be fixed in one go.
            const details = err instanceof SaringError ? (err.details as { rows?: ImportProblem[]; more?: number } | undefined) : undefined;
            if (details?.rows) {
              if (options.json) process.stderr.write(`${JSON.stringify({ error: { code: (err as SaringError).code, message: (err as Error).message, details } }, null, 2)}\n`);
              else {
                process.stderr.write(`saring: ${file}: ${(err as Error).message.split('.')[0]}; nothing was imported.\n`);
                for (const p of details.rows) process.stderr.write(`  row ${p.row}${p.column ? ` (${p.column})` : ''}: ${p.message} [${p.code}]\n`);
                if (details.more) process.stderr.write(`  … and ${details.more} more\n`);
              }
              process.exitCode = 1;
              return;
            }
            throw err;
          }
        });
      }),
    );
}
