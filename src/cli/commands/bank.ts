import type { Command } from 'commander';
import { isCategoryId, type CategoryId } from '../../categories/categories.js';
import { SaringError } from '../../errors/errors.js';
import { CLI_ACTOR, action, print, readTextFile, wholeArgument, withDataOption, withSaring } from '../support.js';

function category(value: string | undefined): CategoryId | undefined {
  if (value === undefined) return undefined;
  if (!isCategoryId(value)) throw new SaringError('validation_failed', `Unknown category ${value}.`);
  return value;
}

export function registerBank(program: Command): void {
  const bank = program.command('bank').description('hash banks: re-upload prevention and shared hash lists');

  withDataOption(bank.command('list'))
    .description('list hash banks with their settings and entry counts')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'bank list', async (saring) => {
          const banks = await saring.banks.list();
          print(banks, options.json, () =>
            banks
              .map((b) => `${b.enabled ? ' ' : 'x'} ${b.name.padEnd(20)} ${String(b.entries).padStart(8)} entries  ${b.action.padEnd(11)} ${b.category ?? '(per entry)'}  pdq ≤ ${b.pdqThreshold}, quality ≥ ${b.minQuality}`)
              .join('\n'),
          );
        });
      }),
    );

  withDataOption(bank.command('create'))
    .description('create a hash bank (lower-case name) whose matches get its action')
    .argument('<name>')
    .option('--category <category>', 'category of its entries (e.g. csam, terrorism, gambling)')
    .option('--action <action>', 'review, restrict_16, restrict_18 or remove', 'remove')
    .option('--threshold <n>', 'PDQ distance that matches (0–31)', wholeArgument)
    .option('--min-quality <n>', 'ignore PDQ hashes below this quality', wholeArgument)
    .option('--description <text>')
    .action(
      action(async (name: string, options: { data?: string; category?: string; action: string; threshold?: number; minQuality?: number; description?: string }) => {
        await withSaring(options, 'bank create', async (saring) => {
          const b = await saring.banks.create(
            {
              name,
              action: options.action as 'remove',
              ...(options.category ? { category: category(options.category)! } : {}),
              ...(options.threshold !== undefined ? { pdqThreshold: options.threshold } : {}),
              ...(options.minQuality !== undefined ? { minQuality: options.minQuality } : {}),
              ...(options.description ? { description: options.description } : {}),
            },
            CLI_ACTOR,
          );
          process.stdout.write(`Created bank ${b.name} (${b.action}${b.category ? `, ${b.category}` : ''}).\n`);
        });
      }),
    );

  withDataOption(bank.command('import'))
    .description('import a CSV hash list (signal_type,signal_value[,category,note]) or, with --vpdq, a vPDQ hash file')
    .argument('<name>')
    .argument('<file>')
    .option('--vpdq', 'the file is one video’s vPDQ hashes (frame,quality,hash,timestamp)')
    .option('--id <id>', 'with --vpdq: an identifier for the video (default: a hash of its frames)')
    .option('--category <category>', 'for rows that name none')
    .option('--source <ref>', 'where the list comes from (kept with every entry)')
    .action(
      action(async (name: string, file: string, options: { data?: string; vpdq?: boolean; id?: string; category?: string; source?: string }) => {
        const text = readTextFile(file, 500 * 1024 * 1024);
        const cat = category(options.category);
        await withSaring(options, 'bank import', async (saring) => {
          const result = options.vpdq
            ? await saring.banks.importVpdq(name, text, CLI_ACTOR, { ...(options.id ? { id: options.id } : {}), ...(cat ? { category: cat } : {}) })
            : await saring.banks.importCsv(name, text, CLI_ACTOR, { ...(cat ? { category: cat } : {}), sourceRef: options.source ?? file });
          process.stdout.write(`${name}: ${result.added.length} added, ${result.duplicates} already there.\n`);
          // Stored content is checked against the new entries by the retro-match job, which runs in
          // `saring serve` (or `saring worker`).
        });
      }),
    );

  withDataOption(bank.command('export'))
    .description('print the bank as CSV (signal_type,signal_value,category,note)')
    .argument('<name>')
    .action(
      action(async (name: string, options: { data?: string }) => {
        await withSaring(options, 'bank export', async (saring) => {
          process.stdout.write(await saring.banks.exportCsv(name));
        });
      }),
    );
}
