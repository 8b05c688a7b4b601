#!/usr/bin/env node
// Builds the console (web/) into dist/web: type-checks it (TypeScript strict), then Vite.
// A build whose sources (web/ and the lock file) have not changed since the last one is skipped,
// so `npm test` after `npm install` does not build it twice. `--force` always builds.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const out = join(root, 'dist', 'web');
const stamp = join(out, '.source-sha256');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const hash = createHash('sha256');
for (const file of [...files(web), join(root, 'package-lock.json')].sort()) {
  hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
}
const sources = hash.digest('hex');

if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === sources && statSync(join(out, 'index.html'), { throwIfNoEntry: false })) {
  process.stdout.write('console: up to date (dist/web)\n');
  process.exit(0);
}
const bin = (name) => join(root, 'node_modules', '.bin', name);
execFileSync(bin('tsc'), ['-p', join(web, 'tsconfig.json')], { stdio: 'inherit' });
execFileSync(bin('vite'), ['build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
writeFileSync(stamp, sources);
process.stdout.write('console: built into dist/web\n');
