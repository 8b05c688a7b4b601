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
 * would, with no DATABASE_URL; never throws. `dataDir` is the SARING_DATA it sees unless `env` says otherwise.
 */
export async function runCli(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(packageRoot(), 'bin', 'saring.js'), ...args], {
      env: { ...process.env, DATABASE_URL: '', SARING_DATA: dataDir, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
