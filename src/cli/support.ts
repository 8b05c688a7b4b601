import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, type SaringConfig } from '../config/config.js';
import type { Saring } from '../engine.js';
import { isSaringError, SaringError } from '../errors/errors.js';

/** The operating-system account running the CLI: `$USER` can be unset (cron, containers) or set to anything. */
function osAccount(): string {
  try {
    return userInfo().username || `uid-${process.getuid?.() ?? 'unknown'}`;
  } catch {
    // No passwd entry for this uid (some containers).
    return `uid-${process.getuid?.() ?? 'unknown'}`;
  }
}

/** How CLI actions appear in the audit log: `cli:<OS account>`. */
export const CLI_ACTOR = `cli:${osAccount()}`;

export interface CommonOptions {
  data?: string;
  json?: boolean;
}

/** Adds `--data DIR` (the PGlite data directory) to a command. */
export function withDataOption(cmd: Command): Command {
  return cmd.option('--data <dir>', 'data directory of the embedded database (default: $SARING_DATA or ./saring-data)');
}

export function cliConfig(options: CommonOptions, overrides: Partial<SaringConfig> = {}): SaringConfig {
  return loadConfig({ ...(options.data ? { dataDir: options.data } : {}), ...overrides });
}

/** Opens the engine for one CLI command (no demo data; job workers only when asked) and closes it after. */
export async function withSaring<T>(options: CommonOptions, command: string, fn: (saring: Saring) => Promise<T>, settings: { workers?: boolean } = {}): Promise<T> {
  const { createSaring } = await import('../engine.js'); // loaded on use: `saring scan` starts without it
  const saring = await createSaring(cliConfig(options, { workers: settings.workers ?? false, demo: false }), { command: `saring ${command}`, warm: false });
  try {
    return await fn(saring);
  } finally {
    await saring.close();
  }
}

export function print(value: unknown, json: boolean | undefined, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Reads a UTF-8 text file, refusing invalid UTF-8 rather than guessing. */
export function readTextFile(path: string, maxBytes = 10 * 1024 * 1024): string {
  if (!existsSync(path)) throw new SaringError('not_found', `No such file: ${path}`);
  const bytes = readFileSync(path);
  if (bytes.length > maxBytes) throw new SaringError('body_too_large', `${path} is over ${maxBytes} bytes.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SaringError('invalid_utf8', `${path} is not valid UTF-8.`);
  }
}

/** Wraps a command action: known errors print one clear line and exit 1. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      if (isSaringError(err)) {
        process.stderr.write(`saring: ${err.message} [${err.code}]\n`);
        const problems = (err.details as { problems?: string[] } | undefined)?.problems;
        if (problems && problems.length > 1) for (const p of problems) process.stderr.write(`  - ${p}\n`);
      } else {
        process.stderr.write(`saring: ${(err as Error).stack ?? String(err)}\n`);
      }
      process.exitCode = 1;
    }
  };
}

/** Parses a whole-number argument (`--limit 10`), refusing anything else with a clear message. */
export function wholeArgument(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number.');
  return n;
}

/** Parses a version number argument (`--version 2`). */
export function versionArgument(value: string): number {
  const n = wholeArgument(value);
  if (n < 1 || n > 2_147_483_647) throw new InvalidArgumentError('a version number is 1 or more.');
  return n;
}

/** Parses a decimal argument (`--weight 0.8`). */
export function numberArgument(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number.');
  return n;
}
