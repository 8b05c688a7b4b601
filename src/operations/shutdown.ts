import { InvalidArgumentError } from 'commander';
import { SaringError } from '../errors/errors.js';

/** How long running jobs (and requests) get to finish when the process is told to stop, by default. */
export const DEFAULT_GRACE_SECONDS = 25;

/** `--shutdown-grace`, else SARING_SHUTDOWN_GRACE_SECONDS, else 25 s (below Kubernetes' 30 s before SIGKILL). */
export function shutdownGraceSeconds(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return option;
  const raw = env['SARING_SHUTDOWN_GRACE_SECONDS'];
  if (raw === undefined || raw === '') return DEFAULT_GRACE_SECONDS;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 3600) {
    throw new SaringError('validation_failed', `SARING_SHUTDOWN_GRACE_SECONDS must be a number of seconds from 0 to 3600; got ${raw.slice(0, 40)}.`);
  }
  return value;
}

/** Parses `--shutdown-grace <seconds>`. */
export function parseGrace(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n > 3600) throw new InvalidArgumentError('a number of seconds from 0 to 3600.');
  return n;
}

/**
 * On SIGTERM or SIGINT, runs `stop` once and exits 0 when it is done (1 if it failed). A second
 * signal while stopping exits at once (1): the operator insisted.
 */
export function onStopSignal(stop: () => Promise<void>, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now.`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: stopping — no new work; running work gets to finish.`);
    stop().then(
      () => process.exit(0),
      (err) => {
        log(`Stopping failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

/** Resolves with `work`, or after `ms` whatever it is doing (bounded waits while stopping). */
export async function within(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.then(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
