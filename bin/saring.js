#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node >= 22.1 keeps compiled code between runs (in the OS temp directory): each command starts faster.
module.enableCompileCache?.();

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('saring: the build output (dist/) is missing; run `npm install` (it builds) or `npm run build`.\n');
  process.exit(1);
}
await import(main.href);
