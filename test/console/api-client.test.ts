import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** The console's typed client (web/src/api/schema.d.ts) is generated from the API: it must not fall behind. */
describe('the console’s API client', () => {
  it('is up to date with the API’s OpenAPI document (npm run api:client)', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const r = await promisify(execFile)(process.execPath, [join(root, 'scripts', 'api-client.mjs'), '--check'], { cwd: root }).then(
      (out) => ({ code: 0, ...out }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
