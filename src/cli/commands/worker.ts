import type { Command } from 'commander';
import { SaringError } from '../../errors/errors.js';
import { onStopSignal, parseGrace, shutdownGraceSeconds } from '../../operations/shutdown.js';
import { action, cliConfig } from '../support.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run job workers only (webhooks, later media and sweeps); needs DATABASE_URL, start as many as you like')
    .option('--shutdown-grace <seconds>', 'on SIGTERM/SIGINT, how long running jobs get to finish before they go back to their queue (default: $SARING_SHUTDOWN_GRACE_SECONDS or 25)', parseGrace)
    .action(
      action(async (options: { shutdownGrace?: number }) => {
        const config = cliConfig({}, { workers: true, demo: false });
        const graceSeconds = shutdownGraceSeconds(options.shutdownGrace);
        if (!config.databaseUrl) {
          throw new SaringError('invalid_state', 'saring worker needs DATABASE_URL: on the embedded database, `saring serve` runs the workers itself.');
        }
        const { createSaring } = await import('../../engine.js');
        const starting = createSaring(config, { command: 'saring worker' });
        // Graceful, from the start (jobs may run before the engine is fully up): no new jobs; running
        // ones get the grace time, then go back to their queue at once.
        onStopSignal(async () => {
          const saring = await starting;
          await saring.jobs.stop({ graceMs: graceSeconds * 1000 });
          await saring.close();
        });
        await starting;
        process.stdout.write('Saring worker running. Ctrl-C to stop.\n');
      }),
    );
}
