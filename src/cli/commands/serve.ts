import { chmodSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { consoleBuilt } from '../../console/routes.js';
import { onStopSignal, parseGrace, shutdownGraceSeconds, within } from '../../operations/shutdown.js';
import { SaringError } from '../../errors/errors.js';
import type { App } from '../../http/app.js';
import { action, cliConfig, withDataOption } from '../support.js';

function portError(err: unknown, host: string, port: number): unknown {
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new SaringError('port_in_use', `Port ${port} on ${host} is already in use (another Saring, or another program): stop it, or choose another with --port N or PORT.`);
  }
  if (code === 'EACCES') return new SaringError('port_in_use', `Listening on port ${port} of ${host} is not allowed for this user: choose a port above 1023 with --port N or PORT.`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new SaringError('port_in_use', `${host} is not an address of this machine: choose another with --host H or HOST.`);
  return err;
}

/** Fails at once, before the engine starts, when the port cannot be listened on. */
async function checkPort(host: string, port: number): Promise<void> {
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (err) => reject(portError(err, host, port)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Listens, turning a taken or forbidden port into one clear error. */
async function listen(app: App, host: string, port: number): Promise<string> {
  try {
    return await app.listen({ port, host });
  } catch (err) {
    throw portError(err, host, port);
  }
}

export function registerServe(program: Command): void {
  withDataOption(program.command('serve'))
    .description('start the HTTP API (and job workers); loads demo data into an empty installation')
    .option('--port <n>', 'port (default: $PORT or 8080; 0 picks a free one)', (v) => {
      const port = Number(v);
      if (!/^\d+$/.test(v) || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
      return port;
    })
    .option('--host <host>', 'interface to listen on (default: $HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load demo data into an empty installation')
    .option('--no-workers', 'do not run job workers in this process (PostgreSQL deployments with `saring worker`)')
    .option('--shutdown-grace <seconds>', 'on SIGTERM/SIGINT, how long running requests and jobs get to finish (default: $SARING_SHUTDOWN_GRACE_SECONDS or 25)', parseGrace)
    .action(
      action(async (options: { data?: string; port?: number; host?: string; demo: boolean; workers: boolean; shutdownGrace?: number }) => {
        const config = cliConfig(options, {});
        const graceSeconds = shutdownGraceSeconds(options.shutdownGrace);
        if (options.port !== undefined) config.http.port = options.port;
        if (options.host) config.http.host = options.host;
        config.demo = config.demo && options.demo;
        config.workers = options.workers || !config.databaseUrl;
        if (config.http.port !== 0) await checkPort(config.http.host, config.http.port);
        const [{ createSaring }, { createServer }, { loadDemo, createDemoPeople, formatDemoPeople }] = await Promise.all([
          import('../../engine.js'),
          import('../../server.js'),
          import('../../demo/demo.js'),
        ]);
        const saring = await createSaring(config, { command: 'saring serve' });
        let app: Awaited<ReturnType<typeof createServer>> | undefined;
        let url: string;
        let demoPeople: Awaited<ReturnType<typeof createDemoPeople>> = [];
        const embedded = saring.storage.kind === 'pglite';
        const credentialsFile = join(config.dataDir, 'demo-credentials.txt');
        try {
          if (config.demo && saring.bootstrap.seededPolicy) {
            const loaded = await loadDemo(saring);
            process.stdout.write(`Loaded ${loaded} demo content items.\n`);
            demoPeople = await createDemoPeople(saring);
            if (embedded) {
              writeFileSync(credentialsFile, `# Demo people of this Saring (role, login, password)\n${formatDemoPeople(demoPeople)}`, { mode: 0o600 });
              chmodSync(credentialsFile, 0o600);
            }
          }
          app = await createServer(saring, { logger: { level: config.logLevel } });
          url = await listen(app, config.http.host, config.http.port);
        } catch (err) {
          // Nothing may keep running (nor keep the data directory) after a failed start.
          await app?.close().catch(() => undefined);
          await saring.close().catch(() => undefined);
          throw err;
        }
        const where = saring.storage.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
        const server = app;
        // Graceful: /readyz turns 503, no new connections or jobs; running requests and jobs get
        // the grace time, then unfinished jobs go back to their queue at once; then the engine closes.
        onStopSignal(async () => {
          saring.operations.shuttingDown();
          const graceMs = graceSeconds * 1000;
          await Promise.all([within(graceMs + 2_000, server.close()), saring.jobs.stop({ graceMs })]);
          await saring.close();
        });
        saring.storage.lock?.update({ url });
        process.stdout.write(`Saring is running at ${url} on ${where}.\n`);
        process.stdout.write(`Review console: ${url}/console/${consoleBuilt() ? '' : ' (not built: run `npm run build`)'}\n`);
        process.stdout.write(`API docs: ${url}/docs   OpenAPI: ${url}/openapi.json\n`);
        if (saring.bootstrap.adminKey) {
          process.stdout.write(
            `\nFirst start: an admin user was created. Its API key (shown once${saring.storage.kind === 'pglite' ? `, also saved in ${config.dataDir}/initial-admin-key.txt` : ''}):\n  ${saring.bootstrap.adminKey}\n` +
              (demoPeople.length
                ? `Demo people to sign in with (role, login, password; shown once${embedded ? `, also saved in ${credentialsFile}` : ''}):\n${formatDemoPeople(demoPeople)}`
                : '') +
              `Try: curl -s -H "Authorization: Bearer ${saring.bootstrap.adminKey}" -H 'content-type: application/json' ` +
              `-d '{"text":"SLOT GACOR maxwin depo 10rb"}' ${url}/v1/scan\n`,
          );
        }
      }),
    );
}
