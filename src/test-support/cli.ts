import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../config/paths.js';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`bin/saring.js`, so `npm run build` first — `npm test` does) as a shell user
 * would, with no DATABASE_URL; never throws. `dataDir` is the SARING_DATA it sees unless `env` says otherwise;
 * `stdin`, when given, is its standard input.
 */
export async function runCli(args: string[], dataDir: string, env: Record<string, string> = {}, stdin?: string): Promise<CliResult> {
  try {
    const running = run(process.execPath, [join(packageRoot(), 'bin', 'saring.js'), ...args], {
      env: { ...process.env, DATABASE_URL: '', SARING_DATA: dataDir, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (stdin !== undefined) running.child.stdin!.end(stdin);
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
