import type { Command } from 'commander';
import { action, numberArgument, wholeArgument, withDataOption, withSaring } from '../support.js';

export function registerDemo(program: Command): void {
  const demo = withDataOption(program.command('demo'));
  demo
    .command('backlog')
    .description('write a generated backlog (JSONL for `saring import`: 70 % clean, gambling spam, scams, PDQ hashes) and optionally its hash bank (CSV for `saring bank import`)')
    .requiredOption('--out <file>', 'the JSONL file to write')
    .option('--items <n>', 'number of items', wholeArgument, 100_000)
    .option('--bank-out <file>', 'also write the generated hash bank as CSV')
    .option('--bank-size <n>', 'entries of the bank', wholeArgument, 1_000_000)
    .option('--bank-match-share <x>', 'share of hashed gambling and scam items near a bank entry', numberArgument, 0.5)
    .option('--clean-share <x>', 'share of clean items', numberArgument, 0.7)
    .option('--seed <n>', 'seed: the same seed writes the same file', wholeArgument, 13)
    .action(
      action(async (options: { out: string; items: number; bankOut?: string; bankSize: number; bankMatchShare: number; cleanShare: number; seed: number }) => {
        const { writeBacklog } = await import('../../demo/backlog.js');
        const counts = await writeBacklog(
          options.out,
          { items: options.items, seed: options.seed, bankSize: options.bankSize, bankMatchShare: options.bankMatchShare, cleanShare: options.cleanShare },
          options.bankOut,
        );
        const pct = (n: number) => `${((100 * n) / Math.max(counts.items, 1)).toFixed(1)} %`;
        process.stdout.write(
          `Wrote ${counts.items} items to ${options.out}: ${counts.byGroup.clean} clean (${pct(counts.byGroup.clean)}), ` +
            `${counts.byGroup.gambling} gambling (${pct(counts.byGroup.gambling)}), ${counts.byGroup.scam} scams (${pct(counts.byGroup.scam)}); ` +
            `${counts.hashed} with PDQ hashes, ${counts.nearBank} near a bank entry.\n`,
        );
        if (options.bankOut) process.stdout.write(`Wrote ${options.bankSize} bank entries to ${options.bankOut} (saring bank create NAME --category gambling && saring bank import NAME ${options.bankOut}).\n`);
      }),
    );
  demo
    .description('load the demo content (clean posts, gambling spam, scams, hate speech, videos and a picture) and show the verdicts')
    .action(
      action(async (options: { data?: string }) => {
        const { loadDemo } = await import('../../demo/demo.js');
        await withSaring(options, 'demo', async (saring) => {
          const created = await loadDemo(saring);
          await saring.content.drainAnalyses(300_000); // the demo videos and picture are analysed in jobs
          const items = await saring.content.list({ limit: 500 });
          process.stdout.write(`Loaded ${created} new demo items.\n`);
          for (const item of items.filter((i) => i.externalId.startsWith('demo-'))) {
            process.stdout.write(`  ${item.status.padEnd(10)} ${item.externalId}\n`);
          }
        }, { workers: true }); // this process analyses the demo media
      }),
    );
}
