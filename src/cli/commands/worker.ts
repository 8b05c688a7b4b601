import type { Command } from 'commander';
import { SaringError } from '../../errors/errors.js';
import { action, cliConfig } from '../support.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run job workers only (webhooks, later media and sweeps); needs DATABASE_URL, start as many as you like')
    .action(
      action(async () => {
        const config = cliConfig({}, { workers: true, demo: false });
        if (!config.databaseUrl) {
          throw new SaringError('invalid_state', 'saring worker needs DATABASE_URL: on the embedded database, `saring serve` runs the workers itself.');
        }
        const { createSaring } = await import('../../engine.js');
        const saring = await createSaring(config, { command: 'saring worker' });
        process.stdout.write('Saring worker running. Ctrl-C to stop.\n');
        const stop = async () => {
          await saring.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
      }),
    );
}
