import type { Command } from 'commander';
import { action, withDataOption, withSaring } from '../support.js';

export function registerDemo(program: Command): void {
  withDataOption(program.command('demo'))
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
