import type { Command } from 'commander';
import { action, cliConfig, withDataOption } from '../support.js';

export function registerServe(program: Command): void {
  withDataOption(program.command('serve'))
    .description('start the HTTP API (and job workers); loads demo data into an empty installation')
    .option('--port <n>', 'port (default: $PORT or 8080)', (v) => Number.parseInt(v, 10))
    .option('--host <host>', 'interface to listen on (default: $HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load demo data into an empty installation')
    .option('--no-workers', 'do not run job workers in this process (PostgreSQL deployments with `saring worker`)')
    .action(
      action(async (options: { data?: string; port?: number; host?: string; demo: boolean; workers: boolean }) => {
        const config = cliConfig(options, {});
        if (options.port !== undefined) config.http.port = options.port;
        if (options.host) config.http.host = options.host;
        config.demo = config.demo && options.demo;
        config.workers = options.workers || !config.databaseUrl;
        const [{ createSaring }, { createServer }, { loadDemo }] = await Promise.all([
          import('../../engine.js'),
          import('../../server.js'),
          import('../../demo/demo.js'),
        ]);
        const saring = await createSaring(config, { command: 'saring serve' });
        const where = saring.storage.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
        if (config.demo && saring.bootstrap.seededPolicy) {
          const loaded = await loadDemo(saring);
          process.stdout.write(`Loaded ${loaded} demo content items.\n`);
        }
        const app = await createServer(saring, { logger: { level: config.logLevel } });
        const shutdown = async () => {
          await app.close();
          await saring.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void shutdown());
        process.once('SIGTERM', () => void shutdown());
        const url = await app.listen({ port: config.http.port, host: config.http.host });
        saring.storage.lock?.update({ url });
        process.stdout.write(`Saring is running at ${url} on ${where}.\n`);
        process.stdout.write(`API docs: ${url}/docs   OpenAPI: ${url}/openapi.json\n`);
        if (saring.bootstrap.adminKey) {
          process.stdout.write(
            `\nFirst start: an admin user was created. Its API key (shown once${saring.storage.kind === 'pglite' ? `, also saved in ${config.dataDir}/initial-admin-key.txt` : ''}):\n  ${saring.bootstrap.adminKey}\n` +
              `Try: curl -s -H "Authorization: Bearer ${saring.bootstrap.adminKey}" -H 'content-type: application/json' ` +
              `-d '{"text":"SLOT GACOR maxwin depo 10rb"}' ${url}/v1/scan\n`,
          );
        }
      }),
    );
}
